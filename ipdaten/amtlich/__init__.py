"""Naturalisation figures from the official statistics (Regionaldatenbank / GENESIS).

`statistikdatei` reads a downloaded table (classic table CSV or flat file ffcsv) into one tidy
frame with its source metadata; `quote` computes the quota per Kreis and year by a stated
definition; `mappe` writes a revised workbook in which only the sheet Einbürgerung is replaced.
"""

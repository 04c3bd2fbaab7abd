"""Naturalisation figures from the official statistics (Regionaldatenbank / GENESIS).

`statistikdatei` reads a downloaded table (classic table CSV or flat file ffcsv, see
`statistik_formate`) into one tidy frame with its source metadata (`statistikwerte`);
`quote_auswahl` says which file is which and what they allow; `quote` computes the quota per
Kreis and year by a stated definition; `mappe` writes a revised workbook in which only the sheet
Einbürgerung is replaced; `ablauf` runs the whole way for the command line and the Daten page.
"""

"""What is shown: display tables, chart figures, colours, German texts, and the cached Auswertung of one Anlage."""

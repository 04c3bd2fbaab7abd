"""Reading side: the workbook contract, checks before parsing, the XLSX reader, finding tables, validation and loading into an Anlage, the template."""

"""The computed tables as an Excel workbook: a writer over exporttabellen.TABELLEN (one sheet
per table present).

Headers are German; numbers are stored as numbers with Excel number formats (German Excel
shows 1.234, 1,54 % and 355.400 €). Text that comes from the uploaded workbook stays text:
a cell starting with `=`, `+`, `-`, `@`, tab or CR is written as a string with the quote
prefix, never as a formula (formula injection); control characters that XML cannot carry
are removed and text is cut at Excel's limit of 32 767 characters.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.csv_tabelle import FORMELZEICHEN  # one rule for every export (formula injection)
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.exportarten import DATUM, Kopf
from ipdaten.praesentation.exporttabellen import Exportquelle, tabellen

MAX_ZELLTEXT = 32_767

KOPF_FUELLUNG = PatternFill("solid", fgColor="1F4E79")
KOPF_SCHRIFT = Font(bold=True, color="FFFFFF")


def sicherer_text(wert: object) -> str:
    """Workbook text made safe for a cell: illegal control characters removed, cut at
    32 767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(wert))
    return str(text[:MAX_ZELLTEXT])


def _schreibe(zelle: Any, wert: object, zahlenformat: str | None = None, leer_text: str = "") -> None:
    """One cell: numbers as numbers, everything else as literal text (`leer_text` for nothing)."""
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        if leer_text:
            _schreibe(zelle, leer_text)
        else:
            zelle.value = None
        return
    if hasattr(wert, "item") and not isinstance(wert, str):
        wert = wert.item()  # numpy scalar
    if isinstance(wert, bool):
        wert = "ja" if wert else "nein"
    if isinstance(wert, (int, float)):
        zelle.value = wert
        if zahlenformat:
            zelle.number_format = zahlenformat
        return
    if isinstance(wert, (dt.date, dt.datetime)):
        zelle.value = wert
        zelle.number_format = DATUM.excel
        return
    text = sicherer_text(wert)
    zelle.value = text
    # openpyxl treats any str starting with "=" as a formula; force a string cell, and the
    # quote prefix keeps Excel from reinterpreting "+1", "-1" or "@SUM(…)" on edit.
    zelle.data_type = "s"
    if text.startswith(FORMELZEICHEN):
        zelle.quotePrefix = True


def _blatt(mappe: Workbook, name: str, kopf: Kopf, zeilen: list[list[Any]]) -> None:
    """A sheet with a styled header (title, number format, width) and data rows."""
    blatt = mappe.create_sheet(name)
    for nummer, spalte in enumerate(kopf, start=1):
        zelle = blatt.cell(row=1, column=nummer)
        _schreibe(zelle, spalte.titel)
        zelle.fill = KOPF_FUELLUNG
        zelle.font = KOPF_SCHRIFT
        zelle.alignment = Alignment(wrap_text=True, vertical="top")
        blatt.column_dimensions[get_column_letter(nummer)].width = spalte.breite
    for index, zeile in enumerate(zeilen, start=2):
        for nummer, (wert, spalte) in enumerate(zip(zeile, kopf), start=1):
            _schreibe(blatt.cell(row=index, column=nummer), wert, spalte.art.excel, spalte.leer_text)
    blatt.freeze_panes = "A2"
    if zeilen:
        blatt.auto_filter.ref = f"A1:{get_column_letter(len(kopf))}{len(zeilen) + 1}"


def excel_bytes(auswertung: Auswertung, *, quelle: str = "", verlauf: VerlaufAuswertung | None = None) -> bytes:
    """The computed tables of one Stand as an .xlsx file: one sheet per table of
    exporttabellen.TABELLEN that is present (Info, Verteilung, Einbürgerung, Haushalt, …; with
    `verlauf` the sheet Verlauf)."""
    mappe = Workbook()
    mappe.remove(mappe.active)
    for tabelle, (kopf, zeilen) in tabellen(Exportquelle(auswertung, quelle, verlauf)):
        _blatt(mappe, tabelle.name, kopf, zeilen)
    mappe.properties.title = sicherer_text(auswertung.anlage.titel)
    mappe.properties.language = "de-DE"
    ziel = io.BytesIO()
    mappe.save(ziel)
    return ziel.getvalue()

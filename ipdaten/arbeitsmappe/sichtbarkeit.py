"""What a person hid in Excel: hidden sheets, columns and rows, read from the workbook's XML.

Calamine reads hidden content like any other; only the XML says it is hidden
(`<sheet state="hidden">`, `<col hidden="1">`, `<row hidden="1">`).
"""

from __future__ import annotations

import bisect
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree as SicheresXml

from ipdaten.arbeitsmappe.blattliste import blattliste
from ipdaten.arbeitsmappe.xlsx_lesen import MAX_SPALTEN

_SPALTE = re.compile(rb"<col\s([^>]*?)/?>")
_ZEILE = re.compile(rb"<row\s([^>]*?)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN = re.compile(rb'\bmin="(\d{1,9})"')
_MAX = re.compile(rb'\bmax="(\d{1,9})"')
_R = re.compile(rb'\br="(\d{1,9})"')


@dataclass(frozen=True)
class Spaltenbereiche:
    """Hidden columns as sorted, disjoint ranges [von, bis) from 0 – one entry per `<col>` range,
    never one per column: `<col min="1" max="16384">` is one pair, not 16 384 numbers."""

    bereiche: tuple[tuple[int, int], ...] = ()

    def __contains__(self, spalte: object) -> bool:
        if not isinstance(spalte, int):
            return False
        stelle = bisect.bisect_right(self.bereiche, (spalte, MAX_SPALTEN + 1)) - 1
        return stelle >= 0 and self.bereiche[stelle][0] <= spalte < self.bereiche[stelle][1]

    def __bool__(self) -> bool:
        return bool(self.bereiche)


def ausgeblendete_blaetter(archiv: zipfile.ZipFile) -> set[str]:
    """Names of the sheets marked hidden or very hidden in `xl/workbook.xml`."""
    try:
        return {b.name for b in blattliste(archiv)[0] if b.ausgeblendet}
    except (KeyError, SicheresXml.ParseError):
        return set()


def ausgeblendete_spalten(xml: bytes) -> Spaltenbereiche:
    """The hidden columns of a sheet (0-based), as ranges within Excel's 16 384 columns.

    Work and memory grow with the number of `<col>` elements (which `xlsx_lesen` bounds before
    any sheet is parsed), never with the width of their ranges.
    """
    ende = xml.find(b"<sheetData")
    bereiche = []
    for treffer in _SPALTE.finditer(xml, 0, ende if ende >= 0 else len(xml)):
        attrs = treffer.group(1)
        if not _HIDDEN.search(attrs):
            continue
        von, bis = _MIN.search(attrs), _MAX.search(attrs)
        if von and bis:
            anfang, schluss = max(int(von.group(1)) - 1, 0), min(int(bis.group(1)), MAX_SPALTEN)
            if anfang < schluss:
                bereiche.append((anfang, schluss))
    vereint: list[tuple[int, int]] = []
    for anfang, schluss in sorted(bereiche):
        if vereint and anfang <= vereint[-1][1]:
            vereint[-1] = (vereint[-1][0], max(vereint[-1][1], schluss))
        else:
            vereint.append((anfang, schluss))
    return Spaltenbereiche(tuple(vereint))


def ausgeblendete_zeilen(xml: bytes, bis: int | None = None) -> set[int]:
    """0-based indices of the hidden rows of a sheet (rows hidden by hand or by a filter).

    Only rows before `bis` (the rows the sheet's cells reach) count: empty hidden rows below the
    table would otherwise cost memory per row without meaning anything.
    """
    zeilen = set()
    for treffer in _ZEILE.finditer(xml):
        attrs = treffer.group(1)
        if _HIDDEN.search(attrs):
            nummer = _R.search(attrs)
            if nummer and (bis is None or int(nummer.group(1)) <= bis):
                zeilen.add(int(nummer.group(1)) - 1)
    return zeilen


_FORMELZELLE = re.compile(rb'<c\s[^>]*?\br="[A-Z]+(\d+)"[^>]*>\s*<f(?:\s[^>]*)?>([^<]*)</f>')
_SUMMENFORMEL = re.compile(rb"\b(?:_xlfn\.)?(?:SUM|SUBTOTAL|AGGREGATE)\(", re.I)


def summenformel_zeilen(xml: bytes) -> set[int]:
    """0-based rows with a cell whose formula sums others (SUM, SUBTOTAL – Excel's table totals row)."""
    if b"<f" not in xml:
        return set()
    return {int(z) - 1 for z, formel in _FORMELZELLE.findall(xml) if _SUMMENFORMEL.search(formel)}

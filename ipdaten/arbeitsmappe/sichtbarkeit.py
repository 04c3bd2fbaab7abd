"""What a person hid in Excel: hidden sheets, columns and rows, read from the workbook's XML.

Calamine reads hidden content like any other; only the XML says it is hidden
(`<sheet state="hidden">`, `<col hidden="1">`, `<row hidden="1">`).
"""

from __future__ import annotations

import re
import zipfile

from defusedxml import ElementTree as SicheresXml

from ipdaten.arbeitsmappe.xlsx_lesen import NS_HAUPT

_SPALTE = re.compile(rb"<col\s([^>]*?)/?>")
_ZEILE = re.compile(rb"<row\s([^>]*?)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_MIN = re.compile(rb'\bmin="(\d+)"')
_MAX = re.compile(rb'\bmax="(\d+)"')
_R = re.compile(rb'\br="(\d+)"')
MAX_AUSGEBLENDETE_SPALTEN = 16_384


def ausgeblendete_blaetter(archiv: zipfile.ZipFile) -> set[str]:
    """Names of the sheets marked hidden or very hidden in `xl/workbook.xml`."""
    try:
        mappe = SicheresXml.fromstring(archiv.read("xl/workbook.xml"))
    except (KeyError, SicheresXml.ParseError):
        return set()
    return {b.get("name", "") for b in mappe.iter(f"{NS_HAUPT}sheet") if b.get("state") in ("hidden", "veryHidden")}


def ausgeblendete_spalten(xml: bytes) -> set[int]:
    """0-based indices of the hidden columns of a sheet."""
    spalten: set[int] = set()
    for treffer in _SPALTE.finditer(xml.split(b"<sheetData", 1)[0]):
        attrs = treffer.group(1)
        if not _HIDDEN.search(attrs):
            continue
        von, bis = _MIN.search(attrs), _MAX.search(attrs)
        if von and bis:
            anfang = int(von.group(1))
            spalten.update(range(anfang - 1, min(int(bis.group(1)), anfang + MAX_AUSGEBLENDETE_SPALTEN)))
    return spalten


def ausgeblendete_zeilen(xml: bytes) -> set[int]:
    """0-based indices of the hidden rows of a sheet (rows hidden by hand or by a filter)."""
    zeilen = set()
    for treffer in _ZEILE.finditer(xml):
        attrs = treffer.group(1)
        if _HIDDEN.search(attrs):
            nummer = _R.search(attrs)
            if nummer:
                zeilen.add(int(nummer.group(1)) - 1)
    return zeilen


_FORMELZELLE = re.compile(rb'<c\s[^>]*?\br="[A-Z]+(\d+)"[^>]*>\s*<f(?:\s[^>]*)?>([^<]*)</f>')
_SUMMENFORMEL = re.compile(rb"\b(?:_xlfn\.)?(?:SUM|SUBTOTAL|AGGREGATE)\(", re.I)


def summenformel_zeilen(xml: bytes) -> set[int]:
    """0-based rows with a cell whose formula sums others (SUM, SUBTOTAL – Excel's table totals row)."""
    if b"<f" not in xml:
        return set()
    return {int(z) - 1 for z, formel in _FORMELZELLE.findall(xml) if _SUMMENFORMEL.search(formel)}

"""The cell-level patch writer: single cells replaced or inserted in the sheet XML, every other
byte of the workbook unchanged – also in XML shapes other writers than Excel produce."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from ipdaten.arbeitsmappe.xlsx_paket import geaenderte_teile
from ipdaten.arbeitsmappe.zellpatch import PatchFehler, Zelle, patche_blatt
from tests.arbeitsmappen import ersetze_teile, excel_bytes, lies_teil

BLATT = "xl/worksheets/sheet2.xml"  # Empfehlungen in the test workbook


def _werte(daten: bytes, blatt: str = "Empfehlungen") -> dict[str, object]:
    ws = load_workbook(io.BytesIO(daten))[blatt]
    return {c.coordinate: c.value for zeile in ws.iter_rows() for c in zeile if c.value is not None}


def test_text_zahl_datum_leer_und_neue_zellen():
    alt = excel_bytes()
    neu = patche_blatt(
        alt,
        "Empfehlungen",
        [
            Zelle(2, 4, "in Arbeit"),  # replaces a shared string
            Zelle(3, 5, '=HYPERLINK("x") & <tag>'),  # text, never a formula
            Zelle(4, 1, 7),
            Zelle(2, 5, None),  # emptied
            Zelle(2, 10, dt.date(2017, 10, 5), stil_wie=(2, 4)),  # new cell right of the table
            Zelle(9, 0, "neue Zeile"),  # a row that did not exist
        ],
        {10: 13.0},
    )
    assert geaenderte_teile(alt, neu) == {BLATT, "xl/styles.xml"}
    vorher, nachher = _werte(alt), _werte(neu)
    assert {k: v for k, v in nachher.items() if vorher.get(k) != v} == {
        "E2": "in Arbeit",
        "F3": '=HYPERLINK("x") & <tag>',
        "B4": 7,
        "K2": dt.datetime(2017, 10, 5),
        "A9": "neue Zeile",
    }
    assert "F2" not in nachher and vorher["F2"] == "Amt 2015 eingerichtet"
    ws = load_workbook(io.BytesIO(neu))["Empfehlungen"]
    assert (ws.dimensions, ws.column_dimensions["K"].width, ws["F3"].data_type) == ("A1:K9", 13.0, "s")
    assert lies_teil(neu, "xl/sharedStrings.xml") == lies_teil(alt, "xl/sharedStrings.xml")


def test_praefix_und_zeilen_ohne_nummer():
    """Writers like the Open XML SDK prefix every element (`<x:c>`); some omit `r` on rows and cells."""
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:dimension ref="A1:B2"/><x:sheetData>'
        b'<x:row><x:c t="inlineStr"><x:is><x:t>Nr</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Status</x:t></x:is></x:c></x:row>'
        b'<x:row><x:c><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>alt</x:t></x:is></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    alt = ersetze_teile(excel_bytes(), {BLATT: xml})
    neu = lies_teil(patche_blatt(alt, "Empfehlungen", [Zelle(2, 1, "neu"), Zelle(2, 3, "D")]), BLATT)
    assert neu == xml.replace(b'A1:B2"', b'A1:D2"').replace(
        b'<x:c t="inlineStr"><x:is><x:t>alt</x:t></x:is></x:c>',
        b'<x:c r="B2" t="inlineStr"><x:is><x:t>neu</x:t></x:is></x:c>'
        b'<x:c r="D2" t="inlineStr"><x:is><x:t>D</x:t></x:is></x:c>',
    )


def test_formel_fehlendes_blatt():
    alt = ersetze_teile(
        excel_bytes(),
        {BLATT: lies_teil(excel_bytes(), BLATT).replace(b'<c r="E2" t="s">', b'<c r="E2" t="str"><f>"a"</f>', 1)},
    )
    with pytest.raises(PatchFehler, match="Die Zelle E2 enthält eine Formel"):
        patche_blatt(alt, "Empfehlungen", [Zelle(2, 4, "x")])
    with pytest.raises(PatchFehler, match="Das Blatt „Gibtsnicht“ fehlt"):
        patche_blatt(alt, "Gibtsnicht", [Zelle(1, 0, "x")])


def test_datumsstil_wird_wiederverwendet():
    alt = excel_bytes()
    eins = patche_blatt(alt, "Empfehlungen", [Zelle(2, 10, dt.date(2017, 1, 1)), Zelle(3, 10, dt.date(2017, 1, 2))])
    zwei = patche_blatt(eins, "Empfehlungen", [Zelle(2, 10, dt.date(2018, 1, 1))])
    assert lies_teil(zwei, "xl/styles.xml") == lies_teil(eins, "xl/styles.xml")  # the cell already shows a date
    styles = lies_teil(eins, "xl/styles.xml")
    assert styles.count(b'formatCode="DD.MM.YYYY"') == 1  # German whatever the viewer's locale
    assert load_workbook(io.BytesIO(eins))["Empfehlungen"]["K2"].number_format == "DD.MM.YYYY"


def test_datumsformat_in_mappe_ohne_eigene_zahlenformate():
    """`<numFmts>` must be the first child of the style sheet when it has to be created."""
    import re

    styles = re.sub(rb"<numFmts.*?</numFmts>", b"", lies_teil(excel_bytes(), "xl/styles.xml"))
    alt = ersetze_teile(excel_bytes(), {"xl/styles.xml": styles})
    neu = patche_blatt(alt, "Empfehlungen", [Zelle(2, 10, dt.date(2017, 1, 1))])
    kopf = styles.split(b">", 1)[0] + b">"
    assert lies_teil(neu, "xl/styles.xml").startswith(
        kopf + b'<numFmts count="1"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts><fonts'
    )
    assert load_workbook(io.BytesIO(neu))["Empfehlungen"]["K2"].number_format == "DD.MM.YYYY"

"""Rows whose meaning is carried only by formatting (issue 22): struck through, coloured without a
status, hidden – always named with their rows and what was done with them.

Every workbook is built in code and saved the way Excel saves it (shared strings, styles kept),
once more through LibreOffice.
"""

from __future__ import annotations

import pytest
from openpyxl.styles import Font, PatternFill

from ipdaten import lade_anlage
from ipdaten.zahlen.kennzahlen import status_gesamt
from tests.arbeitsmappen import EMPFEHLUNGEN, empfehlung, excel_bytes, mappe_bytes, mit_libreoffice

ROT = PatternFill("solid", fgColor="FFFF0000")


def _formatiere(wb):
    blatt = wb["Empfehlungen"]
    blatt["D3"].font = Font(strike=True)  # 1.2 struck through
    blatt["D6"].font = Font(strike=True)  # 2.2
    blatt["E4"].value = None  # 1.3: no status, only red
    blatt["E4"].fill = ROT
    blatt["E2"].fill = PatternFill("solid", fgColor="FF00B050")  # a status with its colour: nothing to say
    blatt["A1"].fill = PatternFill("solid", fgColor="FFD9D9D9")  # the header: not a recommendation
    blatt.row_dimensions[7].hidden = True  # 3.1 hidden


def _befunde(anlage) -> list[tuple[str, str]]:
    return [(b.code, b.zeilen_text) for b in anlage.warnungen if b.code.startswith(("formatierung.", "zeilen."))]


def test_durchgestrichen_farbig_ausgeblendet_werden_mit_zeilen_genannt():
    anlage = lade_anlage(excel_bytes(anpassen=_formatiere))
    # Read and counted as they stand; the rows are named.
    assert len(anlage.empfehlungen) == 6
    assert status_gesamt(anlage)["status"]["ohne Angabe"] == 1
    assert _befunde(anlage) == [
        ("formatierung.durchgestrichen", "Zeilen 3, 6"),
        ("formatierung.nur_farbe", "Zeile 4"),
        ("zeilen.ausgeblendet", "Zeile 7"),
    ]
    meldungen = {b.code: b.meldung for b in anlage.warnungen}
    assert "sie wurden wie alle anderen gelesen und mitgezählt" in meldungen["formatierung.durchgestrichen"]
    assert "sie wurden als „ohne Angabe“ gezählt" in meldungen["formatierung.nur_farbe"]
    assert "wurden mitgelesen und mitgezählt" in meldungen["zeilen.ausgeblendet"]


def test_ohne_formatierung_kein_befund():
    def nur_status_farben(wb):
        for zelle in wb["Empfehlungen"]["E"][1:]:
            zelle.fill = ROT

    assert _befunde(lade_anlage(excel_bytes(anpassen=nur_status_farben))) == []
    assert _befunde(lade_anlage(excel_bytes(empfehlungen=[*EMPFEHLUNGEN, empfehlung(3, 2, "")]))) == []


def test_durch_libreoffice_gespeichert():
    daten = mit_libreoffice(mappe_bytes(anpassen=_formatiere))
    if daten is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    assert _befunde(lade_anlage(daten)) == [
        ("formatierung.durchgestrichen", "Zeilen 3, 6"),
        ("formatierung.nur_farbe", "Zeile 4"),
        ("zeilen.ausgeblendet", "Zeile 7"),
    ]

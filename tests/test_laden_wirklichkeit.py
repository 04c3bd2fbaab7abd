"""Workbooks shaped the way offices keep them (issue 10): never a wrong figure without a word,
read what can be read with a warning naming the mapping, one finding per cause.

Every workbook is built in code and saved the way Excel saves (shared strings, ``excel_bytes``),
or through LibreOffice where formulas or Excel's own structures matter.
"""

from __future__ import annotations

import pytest
from arbeitsmappen import EMPFEHLUNGEN, empfehlung, excel_bytes

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe import befunde_tabelle
from ipdaten.arbeitsmappe.vertrag import STATUS_SYNONYME
from ipdaten.zahlen.kennzahlen import status_gesamt


def _fehler(daten: bytes) -> list:
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    return fehler.value.fehler


def _warnungen(anlage) -> list[str]:
    return [b.meldung for b in anlage.warnungen]


# §3 One finding per cause ------------------------------------------------------------------


def test_gleiche_ursache_in_vielen_zeilen_ist_ein_befund_mit_zeilenbereichen():
    zeilen = [empfehlung(1, nr, text="") for nr in range(1, 20)] + [empfehlung(2, nr) for nr in range(1, 3)]
    zeilen += [empfehlung(2, nr, text="") for nr in range(3, 24)]
    befunde = _fehler(excel_bytes(empfehlungen=zeilen))
    assert [(b.meldung, b.zeilen_text, b.spalte) for b in befunde] == [
        ("Die Empfehlung hat keinen Text.", "Zeilen 2–20, 23–43", "Empfehlung")
    ]
    assert befunde_tabelle(befunde)["Zeile"].tolist() == ["2–20, 23–43"]


def test_unbekannte_status_woerter_ein_befund_jedes_wort_mit_zeilen_und_vorschlag():
    status = ["offen", "offen", "geplant", "entfällt", "rot", "50 %", "umgestzt", "in Bearbeitug", "fertig", "offen"]
    befunde = _fehler(excel_bytes(empfehlungen=[empfehlung(1, nr, s) for nr, s in enumerate(status, start=1)]))
    assert len(befunde) == 1
    meldung = befunde[0].meldung
    assert befunde[0].zeilen_text == "Zeilen 2–11"
    for teil in (
        "„offen“ in Zeilen 2–3, 11 – mehrdeutig",
        "„geplant“ in Zeile 4 – mehrdeutig",
        "„entfällt“ in Zeile 5 – mehrdeutig",
        "„rot“ in Zeile 6 – mehrdeutig: Ampelfarben werden nicht übersetzt",
        "„50 %“ in Zeile 7 – mehrdeutig: ein Prozentsatz ist kein Umsetzungsstand",
        "„umgestzt“ in Zeile 8 – vermutlich „umgesetzt“ gemeint",
        "„in Bearbeitug“ in Zeile 9 – vermutlich „in Arbeit“ gemeint",
        "„fertig“ in Zeile 10 – unbekannt",
    ):
        assert teil in meldung, meldung


# §2 Status synonyms --------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "woerter"), list(STATUS_SYNONYME.items()))
def test_jedes_synonym_der_tabelle_wird_gelesen_und_benannt(status, woerter):
    zeilen = [empfehlung(1, nr, wort.title() if nr % 2 else wort) for nr, wort in enumerate(woerter, start=1)]
    anlage = lade_anlage(excel_bytes(empfehlungen=[*zeilen, *EMPFEHLUNGEN[3:]]))
    feld1 = anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == 1]
    assert feld1["status"].tolist() == [status] * len(woerter)
    for nr, wort in enumerate(woerter, start=1):
        geschrieben = wort.title() if nr % 2 else wort
        if geschrieben != status:
            assert any(
                m.startswith(f"Status „{geschrieben or '(leer)'}“ wurde als „{status}“ gelesen")
                for m in _warnungen(anlage)
            )


def test_status_nur_als_farbe_leere_spalte_wird_abgelehnt():
    zeilen = [empfehlung(1, nr, None) for nr in range(1, 4)] + [empfehlung(2, nr, "") for nr in range(1, 3)]
    befunde = _fehler(excel_bytes(empfehlungen=zeilen))
    assert [(b.meldung, b.zeilen_text) for b in befunde] == [
        (
            "Die Spalte „Status“ ist in allen 5 Zeilen leer. Zellfarben werden nicht gelesen: steht der Status nur "
            "als Farbe in der Tabelle, bitte ihn als Wort eintragen (z. B. „umgesetzt“, „in Arbeit“).",
            "Zeilen 2–6",
        )
    ]


def test_einzelne_leere_status_bleiben_ohne_angabe():
    anlage = lade_anlage(excel_bytes(empfehlungen=[empfehlung(1, 1, ""), empfehlung(1, 2, "erledigt")]))
    assert status_gesamt(anlage)["status"]["ohne Angabe"] == 1
    assert status_gesamt(anlage)["status"]["umgesetzt"] == 1

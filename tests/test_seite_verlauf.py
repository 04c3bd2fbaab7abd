"""The history over all Stände on the Fortschritt and Handlungsfelder pages (issue 12), AppTest.

The store holds the default workbook (Stand 1) and the three Stände of
tests/fortschreibung_mappen.py (Stände 2–4); every figure the page shows is compared with what
ipdaten computes from the same four workbooks, and the key ones are pinned as numbers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.zahlen import verlauf as vl
from tests.arbeitsmappen import STANDARD_PFAD
from tests.fortschreibung_mappen import stand_bytes
from tests.seiten_hilfen import starte, texte

# Stand 1 of the test plan is published as of 30.6.2017, after the default workbook (6.3.2017).
DATEN = (dt.date(2017, 6, 30), dt.date(2017, 9, 30), dt.date(2018, 3, 1))


def _veroeffentliche(anzahl: int = 3) -> Ablage:
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    for stufe in range(1, anzahl + 1):
        ablage.veroeffentliche(stand_bytes(stufe), stand=DATEN[stufe - 1], bezeichnung=f"Fortschreibung {stufe}")
    return ablage


def _erwarteter_verlauf() -> vl.Verlauf:
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    abrisse = [
        vl.abriss(vl.StandKopf(s.nr, s.stand, s.bezeichnung), lade_anlage(ablage.lies(s.sha256)))
        for s in ablage.staende()
    ]
    return vl.verlauf(abrisse)


def _gleich(gezeigt, erwartet) -> bool:
    """Same columns and cells (the shown frame went through Arrow: text dtypes may differ)."""
    return gezeigt.columns.tolist() == erwartet.columns.tolist() and gezeigt.values.tolist() == erwartet.values.tolist()


def _tabelle(at, spalte: str):
    return next(t.value for t in at.dataframe if spalte in t.value.columns)


def test_verlauf_auf_der_seite_fortschritt():
    _veroeffentliche()
    at = starte("seiten/fortschritt.py")
    # The comparison of two Stände comes first, as before; the Verlauf is one click away.
    assert "Verglichen wird" in texte(at) and "Verlauf über alle Stände" not in texte(at)
    at.radio(key="fortschritt_ansicht").set_value("Verlauf über alle Stände").run()
    erwartet = _erwarteter_verlauf()
    assert [s.nr for s in erwartet.staende] == [1, 2, 3, 4]

    tabelle = _tabelle(at, "Handlungsfeld")
    assert _gleich(tabelle, af.verlauf_tabelle(erwartet.anteile, "umgesetzt"))
    assert tabelle.columns.tolist()[1:] == [
        "06.03.2017 (Nr. 1)",
        "30.06.2017 (Nr. 2)",
        "30.09.2017 (Nr. 3)",
        "01.03.2018 (Nr. 4)",
    ]
    assert tabelle.iloc[0].tolist()[2:] == ["33,3\u00a0% (2 von 6)", "33,3\u00a0% (2 von 6)", "42,9\u00a0% (3 von 7)"]

    import json

    linien = json.loads(at.get("plotly_chart")[0].proto.spec)
    gesamt = linien["data"][0]
    assert gesamt["name"] == "Alle Handlungsfelder"
    assert gesamt["x"] == ["2017-03-06", "2017-06-30", "2017-09-30", "2018-03-01"]
    assert gesamt["y"][1:] == pytest.approx([100 * 2 / 6, 100 * 2 / 6, 100 * 3 / 7])
    assert gesamt["customdata"][3][2:5] == ["43\u00a0%", "3", "7"]  # tooltip: whole percent (the rounding rule)

    at.radio(key="verlauf_mass").set_value("umgesetzt_oder_in_arbeit").run()
    assert _tabelle(at, "Handlungsfeld").iloc[0].tolist()[2:] == [
        "50,0\u00a0% (3 von 6)",
        "66,7\u00a0% (4 von 6)",
        "71,4\u00a0% (5 von 7)",
    ]


def test_unveraendert_seit_mit_filter_und_zahl_je_feld():
    _veroeffentliche()
    at = starte("seiten/fortschritt.py")
    at.radio(key="fortschritt_ansicht").set_value("Verlauf über alle Stände").run()
    erwartet = _erwarteter_verlauf()
    namen = lade_anlage(stand_bytes(3)).feldnamen
    # Default: unchanged in all four Stände.
    assert "**7 Empfehlungen**" not in "\n".join(m.value for m in at.markdown)
    at.number_input(key="unveraendert_mindestens").set_value(3).run()
    assert not any("unverändert seit" in t.value.columns for t in at.dataframe)
    at.toggle(key="unveraendert_liste").set_value(True).run()
    assert not at.exception
    je_feld, liste, roh = (
        af.unveraendert_feld_tabelle(vl.unveraendert_je_feld(erwartet, namen, 3)),
        af.unveraendert_tabelle(vl.unveraendert_seit(erwartet, namen, 3)),
        vl.unveraendert_seit(erwartet, namen, 3),
    )
    assert _gleich(_tabelle(at, "unverändert"), je_feld)
    assert _gleich(_tabelle(at, "unverändert seit"), liste)
    assert list(zip(roh["handlungsfeld"], roh["nr"])) == [(1, 1), (2, 1), (2, 2), (3, 1)]
    assert _tabelle(at, "unverändert")[["Handlungsfeld", "Empfehlungen", "unverändert"]].values.tolist() == [
        ["1 Aufbrechen und Ankommen", "3", "1"],
        ["2 Wohnen", "3", "2"],
        ["3 Sprache", "1", "1"],
    ]
    assert "**4 Empfehlungen** des Stands vom 1. März 2018 haben ihren Status seit mindestens 3 Ständen" in texte(at)


def test_historie_einer_empfehlung_auf_der_seite_handlungsfelder():
    _veroeffentliche()
    at = starte("seiten/handlungsfelder.py", query={"feld": "1"})
    at.selectbox(key="handlungsfelder_wortlaut").set_value("1.2").run()
    assert not at.exception
    erwartet = af.historie_tabelle(vl.empfehlung_verlauf(_erwarteter_verlauf(), 1, 2))
    tabelle = _tabelle(at, "Änderung")
    assert _gleich(tabelle, erwartet)
    # Stand 1 is the default workbook, whose 1.2 differs from the test plan's.
    assert tabelle[["Status", "Bemerkung", "Änderung"]].values.tolist()[2:] == [
        ["in Arbeit", "Kurse laufen", "Bemerkung geändert"],
        ["umgesetzt", "Kurse abgeschlossen", "Status und Bemerkung geändert"],
    ]
    text = texte(at)
    assert "Verlauf der Empfehlung 1.2 über 4 Stände" in text
    assert "- 30. September 2017: (leer) → „Kurse laufen“" in text
    assert "- 1. März 2018: „Kurse laufen“ → „Kurse abgeschlossen“" in text


def test_ein_einziger_stand_zeigt_keinen_verlauf():
    at = starte("seiten/fortschritt.py")
    assert "Verlauf über alle Stände" not in texte(at) and not at.radio
    at = starte("seiten/handlungsfelder.py", query={"feld": "1"})
    at.selectbox(key="handlungsfelder_wortlaut").set_value("1.1").run()
    assert not at.exception
    assert "Verlauf der Empfehlung" not in texte(at)

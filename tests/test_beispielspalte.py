"""The walk of issue 27 as a test-only example column: an optional column „Priorität“ declared in
the contract – one `Spalte` and nothing else – is read, checked, documented and filtered on the page
Handlungsfelder. What one more file would add (the column on a slide) is named in
docs/entwicklung.md („Eine Spalte hinzufügen“)."""

from __future__ import annotations

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.spaltentyp import auswahl
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN, Spalte
from ipdaten.arbeitsmappe.vertrag_doku import blatt_tabelle
from ipdaten.darstellung import ansicht
from tests.arbeitsmappen import KOPF, empfehlung, excel_bytes
from tests.seiten_hilfen import starte, tabellen

PRIORITAET = Spalte(
    "Priorität",
    "prioritaet",
    False,
    "hoch, mittel oder niedrig (optional)",
    aliase=("Dringlichkeit",),
    typ=auswahl("hoch", "mittel", "niedrig"),
)


@pytest.fixture
def mit_prioritaet():
    """The contract with the example column for one test (the declaration is frozen: set and put back)."""
    vorher = EMPFEHLUNGEN.spalten
    object.__setattr__(EMPFEHLUNGEN, "spalten", (*vorher, PRIORITAET))
    yield
    object.__setattr__(EMPFEHLUNGEN, "spalten", vorher)


def _mappe(prioritaeten: list[str], kopf: str = "Priorität") -> bytes:
    zeilen = [[*empfehlung(1, nr, "in Arbeit"), p] for nr, p in enumerate(prioritaeten, 1)]
    return excel_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": [*KOPF["Empfehlungen"], kopf]})


def test_ohne_deklaration_bleibt_die_spalte_ungelesen():
    """Without the declaration the column is not read (and says so), so the test below can fail."""
    anlage = lade_anlage(_mappe(["hoch"]))
    assert "prioritaet" not in anlage.empfehlungen.columns
    assert ansicht.auswahlspalten(anlage) == ()


def test_deklarierte_spalte_wird_gelesen_geprueft_und_dokumentiert(mit_prioritaet):
    anlage = lade_anlage(_mappe(["hoch", "", "Niedrig"], kopf="Dringlichkeit"))
    assert anlage.empfehlungen["prioritaet"].tolist() == ["hoch", "", "niedrig"]
    assert ansicht.auswahlspalten(anlage) == (PRIORITAET,)
    nur_hoch = ansicht.EmpfehlungsFilter(auswahl=(("prioritaet", ("hoch",)),))
    assert ansicht.empfehlungen_filtern(anlage.empfehlungen, nur_hoch)["nr"].tolist() == [1]
    ohne = ansicht.EmpfehlungsFilter(auswahl=(("prioritaet", (ansicht.BEZUG_OHNE,)),))
    assert ansicht.empfehlungen_filtern(anlage.empfehlungen, ohne)["nr"].tolist() == [2]
    with pytest.raises(AnlageUngueltig) as abgelehnt:
        lade_anlage(_mappe(["hoch", "dringend"]))
    ((befund,),) = [abgelehnt.value.fehler]
    assert (befund.blatt, befund.zeile, befund.spalte, befund.wert) == ("Empfehlungen", 3, "Priorität", "dringend")
    assert befund.erlaubt == "„hoch“, „mittel“, „niedrig“ oder leer"
    zeile = "| Priorität | nein | eines von „hoch“, „mittel“, „niedrig“ | hoch, mittel oder niedrig (optional) | „Dringlichkeit“ |"
    assert zeile in blatt_tabelle(EMPFEHLUNGEN).splitlines()


def test_filter_auf_der_seite_handlungsfelder(mit_prioritaet):
    at = starte("seiten/handlungsfelder.py", mappe=_mappe(["hoch", "niedrig", ""]), query={"feld": "1"})
    filter_ = at.button_group(key="handlungsfelder_prioritaet")
    assert filter_.label == "Priorität"
    assert filter_.options == ["hoch", "mittel", "niedrig", "ohne Angabe"]
    filter_.set_value(["niedrig", "ohne Angabe"]).run()
    assert tabellen(at)[0]["Nr"].tolist() == ["1.2", "1.3"]

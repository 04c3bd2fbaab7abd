"""The mapping model: checked entries, TOML round trip, status guesses, the header signature."""

from __future__ import annotations

import tomllib

import pytest

from ipdaten.arbeitsmappe.xlsx_lesen import lies_mappe
from ipdaten.arbeitsmappe.zuordnung import Zuordnung, ZuordnungUngueltig, aus_toml
from ipdaten.arbeitsmappe.zuordnung_erkennung import kopf_signatur
from ipdaten.arbeitsmappe.zuordnung_vorschlag import status_vermutung
from tests.arbeitsmappen import KOPF, empfehlung, mappe_bytes


def test_zuordnung_prueft_ziele_und_ordnet_nach_der_vorlage():
    zuordnung = Zuordnung.aus(
        {"empfehlungen": "Umsetzungsliste", "Handlungsfelder": "Übersicht"},
        {"Empfehlungen": {"Erledigungsstand": "status", " Vorhaben ": "Empfehlung"}},
        {"läuft": "IN ARBEIT", "fertig": "umgesetzt"},
    )
    assert zuordnung == Zuordnung(
        blaetter=(("Handlungsfelder", "Übersicht"), ("Empfehlungen", "Umsetzungsliste")),
        spalten=(("Empfehlungen", "Erledigungsstand", "Status"), ("Empfehlungen", "Vorhaben", "Empfehlung")),
        status=(("fertig", "umgesetzt"), ("läuft", "in Arbeit")),
    )
    assert hash(zuordnung) == hash(Zuordnung.aus(*zuordnung.als_dicts()))
    assert zuordnung.beschreibung() == [
        "Blatt „Übersicht“ gilt als „Handlungsfelder“",
        "Blatt „Umsetzungsliste“ gilt als „Empfehlungen“",
        "Spalte „Erledigungsstand“ gilt als „Status“ (Blatt „Empfehlungen“)",
        "Spalte „Vorhaben“ gilt als „Empfehlung“ (Blatt „Empfehlungen“)",
        "Status „fertig“ gilt als „umgesetzt“",
        "Status „läuft“ gilt als „in Arbeit“",
    ]


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (({"Maßnahmen": "X"}, None, None), "Ein Blatt „Maßnahmen“ gibt es in der Vorlage nicht"),
        ((None, {"Empfehlungen": {"X": "Ampel"}}, None), "Eine Spalte „Ampel“ gibt es im Blatt „Empfehlungen“"),
        ((None, None, {"offen": "erledigt"}), "Einen Status „erledigt“ gibt es nicht"),
        ((None, None, {"  ": "umgesetzt"}), "Ein Statuswort ist leer."),
        (({"Empfehlungen": 3}, None, None), "muss ein Text in Anführungszeichen sein"),
    ],
)
def test_unbekannte_ziele_werden_deutsch_abgelehnt(argumente, meldung):
    with pytest.raises(ZuordnungUngueltig, match=meldung):
        Zuordnung.aus(*argumente)


def test_toml_hin_und_zurueck_auch_mit_sonderzeichen():
    zuordnung = Zuordnung.aus(
        {"Einbürgerung": 'Quote "alt"'},
        {"Empfehlungen": {'Spalte mit \\ und "': "Status", "Tab\tNeu\nZeile": "Nr"}},
        {"50 %": "in Arbeit", "entfällt": "nicht umgesetzt"},
    )
    text = zuordnung.als_toml()
    assert aus_toml(text) == zuordnung
    roh = tomllib.loads(text)
    assert roh["blaetter"] == {"Einbürgerung": 'Quote "alt"'}
    assert roh["status"] == {"50 %": "in Arbeit", "entfällt": "nicht umgesetzt"}
    assert aus_toml(Zuordnung().als_toml()) == Zuordnung()


def test_mit_ersetzt_und_entfernt_eintraege():
    zuordnung = Zuordnung.aus(None, {"Empfehlungen": {"Stand": "Status"}}, {"offen": "nicht umgesetzt"})
    neu = zuordnung.mit(
        spalten={"Empfehlungen": {"STAND": None, "Ampel 2017": "Status"}}, status={"Offen": "in Arbeit"}
    )
    assert neu.spalten == (("Empfehlungen", "Ampel 2017", "Status"),)
    assert neu.status == (("Offen", "in Arbeit"),)


@pytest.mark.parametrize(
    ("text", "meldung"),
    [
        ("[blaetter\n", "kein gültiges TOML"),
        ("[farben]\nrot = 1\n", r"Unbekannter Abschnitt \[farben\]"),
        ("status = 3\n", r"\[status\] muss eine Tabelle sein"),
        ('[spalten]\nEmpfehlungen = "x"\n', "Die Spalten des Blatts „Empfehlungen“ müssen eine Tabelle sein"),
    ],
)
def test_kaputte_toml_datei_gibt_deutsche_meldung(text, meldung):
    with pytest.raises(ZuordnungUngueltig, match=meldung):
        aus_toml(text)


@pytest.mark.parametrize(
    ("wort", "status"),
    [
        ("fertig", "umgesetzt"),
        ("Abgeschlossen", "umgesetzt"),
        ("umgestzt", "umgesetzt"),
        ("läuft", "in Arbeit"),
        ("in Bearbeitung", "in Arbeit"),
        ("noch nicht begonnen", "nicht umgesetzt"),
        ("in Prüfung", "in Abstimmung"),
        ("offen", None),
        ("geplant", None),
        ("entfällt", None),
        ("grün", None),
        ("50 %", None),
        ("Prüfung läuft", None),  # two meanings: only the user can say
    ],
)
def test_statusvermutung_raet_nur_eindeutiges(wort, status):
    assert status_vermutung(wort) == status


def _signatur(daten: bytes) -> str:
    return kopf_signatur(lies_mappe(daten))


def test_signatur_erkennt_dieselbe_form_mit_anderen_werten():
    eins = mappe_bytes(titelzeilen={"Empfehlungen": [["Auswertung März 2017"]]})
    zwei = mappe_bytes(
        empfehlungen=[empfehlung(1, 1, "in Arbeit", "Ganz andere Empfehlung"), empfehlung(2, 7)],
        titelzeilen={"Empfehlungen": [["Auswertung November 2017"]]},
    )
    assert _signatur(eins) == _signatur(zwei)
    anderer_kopf = mappe_bytes(
        koepfe={"Empfehlungen": [*KOPF["Empfehlungen"][:4], "Stand 11/2017", *KOPF["Empfehlungen"][5:]]}
    )
    anderes_blatt = mappe_bytes(blattnamen={"Empfehlungen": "Maßnahmen"})
    assert len({_signatur(eins), _signatur(anderer_kopf), _signatur(anderes_blatt)}) == 3

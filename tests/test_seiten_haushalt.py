"""Haushalt through AppTest: measures with amounts and shares, the labelled total, amounts per
Handlungsfeld, unassigned amounts visible."""

from __future__ import annotations

from tests.arbeitsmappen import mappe_bytes
from tests.seiten_hilfen import diagramme, kennzahlen, starte, tabellen, texte

SEITE = "seiten/haushalt.py"


def test_dolmetscherpool_90000_euro_25_3_prozent():
    """Done-when question 3: how much of the 2017 budget goes to the Dolmetscherpool."""
    at = starte(SEITE)
    assert kennzahlen(at) == {
        "Summe der im Bericht aufgeführten Positionen": "355.400 €",
        "Positionen": "11",
        "ohne Zuordnung zu einem Handlungsfeld": "0 €",
    }
    massnahmen, je_feld = tabellen(at)
    assert massnahmen.iloc[0].tolist() == [
        "Dolmetscherpool, koordiniert vom Landratsamt",
        "90.000\xa0€",
        "25,3\xa0%",
        "3 Sprache",
        "2017",
    ]
    assert len(massnahmen) == 11
    assert je_feld.values.tolist() == [
        ["1 Aufbrechen und Ankommen", "82.400\xa0€", "23,2\xa0%"],
        ["2 Wohnen (Annahme)", "10.000\xa0€", "2,8\xa0%"],
        ["3 Sprache", "90.000\xa0€", "25,3\xa0%"],
        ["4 Bildung und Arbeit (Annahme)", "84.000\xa0€", "23,6\xa0%"],
        ["6 Gesellschaft (Annahme)", "59.000\xa0€", "16,6\xa0%"],
        ["8 Leben und Freizeit", "30.000\xa0€", "8,4\xa0%"],
    ]
    balken, feld = diagramme(at)
    assert balken["data"][0]["y"][0] == "Dolmetscherpool, koordiniert vom Landratsamt"
    assert balken["data"][0]["text"][0] == "90.000\xa0€ (25\xa0%)"
    assert balken["layout"]["xaxis"]["ticksuffix"] == " €"
    assert feld["data"][0]["y"] == [
        "1 Aufbrechen und Ankommen",
        "2 Wohnen *",  # a budget line assigned by assumption
        "3 Sprache",
        "4 Bildung und Arbeit *",
        "6 Gesellschaft *",
        "8 Leben und Freizeit",
    ]
    assert feld["data"][0]["marker"]["pattern"]["shape"] == ["", "/", "", "/", "/", ""]
    assert "* beruht auf einer Annahme der" in feld["layout"]["xaxis"]["title"]["text"]  # two lines
    assert "ohne Zuordnung: 0 €" in texte(at)


def test_nicht_zugeordnete_betraege_sichtbar():
    at = starte(SEITE, mappe=mappe_bytes())  # 60.000 € field 1, 10.000 € field 2, 30.000 € unassigned
    assert kennzahlen(at)["ohne Zuordnung zu einem Handlungsfeld"] == "30.000 €"
    assert kennzahlen(at)["Summe der im Bericht aufgeführten Positionen"] == "100.000 €"
    massnahmen, je_feld = tabellen(at)
    assert je_feld.values.tolist() == [
        ["1 Aufbrechen und Ankommen", "60.000\xa0€", "60,0\xa0%"],
        ["2 Wohnen", "10.000\xa0€", "10,0\xa0%"],
        ["ohne Zuordnung", "30.000\xa0€", "30,0\xa0%"],
    ]
    assert massnahmen.set_index("Maßnahme").loc["Unternehmerpreis", "Handlungsfeld"] == "ohne Zuordnung"
    balken, feld = diagramme(at)
    assert [t["name"] for t in balken["data"]] == ["einem Handlungsfeld zugeordnet", "ohne Zuordnung"]
    assert feld["data"][0]["y"][-1] == "ohne Zuordnung"
    assert feld["data"][0]["text"][-1] == "30.000\xa0€ (30\xa0%)"


def test_mehrere_haushaltsjahre():
    mappe = mappe_bytes(haushalt=[["A", 1000, 2017, 1], ["B", 3000, 2018, 2], ["C", 500, 2018, None]])
    at = starte(SEITE, mappe=mappe)
    assert at.selectbox(key="haushalt_jahr").value == 2018
    assert kennzahlen(at)["Summe der im Bericht aufgeführten Positionen"] == "3.500 €"
    at.selectbox(key="haushalt_jahr").set_value(2017).run()
    assert kennzahlen(at)["Summe der im Bericht aufgeführten Positionen"] == "1.000 €"
    assert [h.value for h in at.header] == ["Haushalt 2017"]


def test_ohne_haushaltsblatt():
    at = starte(SEITE, mappe=mappe_bytes(ohne=("Haushalt",)))
    assert [i.value for i in at.main.info] == ["Die Arbeitsmappe enthält keine Haushaltsansätze (Blatt „Haushalt“)."]

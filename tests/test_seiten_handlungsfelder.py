"""Handlungsfelder through AppTest: deep link, Leitsatz, distribution, report passage, the table
and its filters, the view of all fields, workbook text shown literally."""

from __future__ import annotations

from oberflaeche.literal import literal
from tests.arbeitsmappen import KOPF, empfehlung, mappe_bytes
from tests.seiten_hilfen import diagramme, kennzahlen, starte, tabellen, texte

SEITE = "seiten/handlungsfelder.py"
SPALTEN = ["Nr", "Empfehlung", "Status", "Kennzeichnung", "Ziel", "Bemerkung", "Bezug Geflüchtete", "Quelle"]


def test_deep_link_feld_6_zeigt_17_nicht_umgesetzt():
    """Done-when question 1: how many recommendations of field 6 are not implemented."""
    at = starte(SEITE, query={"feld": "6"})
    assert at.selectbox(key="handlungsfelder_feld").value == 6
    assert [h.value for h in at.header] == ["6 Gesellschaft"]
    assert kennzahlen(at) == {
        "Empfehlungen (Annahme)": "27",  # field 6 holds placeholder recommendations
        "umgesetzt (Annahme)": "5",
        "in Arbeit (Annahme)": "5",
        "in Abstimmung (Annahme)": "0",
        "nicht umgesetzt (Annahme)": "17",
        "ohne Angabe (Annahme)": "0",
    }
    inhalt = texte(at)
    assert "**Leitsatz:** „Freude am Gestalten“" in inhalt
    assert "Aus dem Bericht" in inhalt
    assert "Trotzdem blieben über 60 % der Maßnahmen unerfüllt." in inhalt
    (figur,) = diagramme(at)
    assert figur["data"][0]["x"] == [5, 5, 0, 17, 0]
    assert figur["data"][0]["text"][3] == "17 (63\xa0%) *"  # rests on assumptions
    (tabelle,) = tabellen(at)
    assert list(tabelle.columns) == SPALTEN
    assert len(tabelle) == 27
    assert tabelle["Nr"].tolist() == [f"6.{n}" for n in range(1, 28)]
    assert at.query_params["feld"] == "6"

    at.button_group(key="handlungsfelder_status").set_value(["nicht umgesetzt"]).run()
    (tabelle,) = tabellen(at)
    assert len(tabelle) == 17
    assert set(tabelle["Status"]) == {"nicht umgesetzt"}
    assert "**17 von 27 Empfehlungen**" in texte(at)


def test_auswahl_schreibt_deep_link_und_alle_felder():
    at = starte(SEITE, query={"feld": "2"})
    assert [h.value for h in at.header] == ["2 Wohnen"]
    at.selectbox(key="handlungsfelder_feld").set_value(3).run()
    assert at.query_params["feld"] == "3"
    assert [h.value for h in at.header] == ["3 Sprache"]
    at.selectbox(key="handlungsfelder_feld").set_value(0).run()
    assert "feld" not in at.query_params
    assert at.header.len == 0
    (tabelle,) = tabellen(at)
    assert len(tabelle) == 181
    assert list(tabelle.columns) == ["Handlungsfeld", *SPALTEN]
    assert tabelle.iloc[0]["Handlungsfeld"] == "1 Aufbrechen und Ankommen"
    assert "**181 von 181 Empfehlungen**" in texte(at)


def test_unbekanntes_feld_im_link():
    at = starte(SEITE, query={"feld": "99"})
    assert [w.value for w in at.main.warning] == ["Ein Handlungsfeld „99“ gibt es in dieser Arbeitsmappe nicht."]
    assert at.selectbox(key="handlungsfelder_feld").value == 0
    assert len(tabellen(at)[0]) == 181


def test_textsuche_in_allen_feldern():
    at = starte(SEITE)
    at.text_input(key="handlungsfelder_suche").set_value("DOLMETSCHER").run()
    (tabelle,) = tabellen(at)
    assert len(tabelle) >= 1
    zeilen = tabelle.apply(lambda z: " ".join(z).lower(), axis=1)
    assert zeilen.str.contains("dolmetscher").all()
    at.text_input(key="handlungsfelder_suche").set_value("gibt es nicht xyz").run()
    assert tabellen(at) == []
    assert [i.value for i in at.main.info] == ["Keine Empfehlung passt zu diesen Filtern."]


def _mappe_mit_bezug() -> bytes:
    return mappe_bytes(
        empfehlungen=[
            empfehlung(1, 1, "umgesetzt", bezug="ja"),
            empfehlung(1, 2, "in Arbeit", bezug="nein"),
            empfehlung(1, 3, "nicht umgesetzt"),
            empfehlung(2, 1, "umgesetzt", bezug="ja"),
        ]
    )


def test_filter_bezug_gefluechtete():
    at = starte(SEITE, mappe=_mappe_mit_bezug(), query={"feld": "1"})
    at.button_group(key="handlungsfelder_bezug").set_value(["ja"]).run()
    (tabelle,) = tabellen(at)
    assert tabelle[["Nr", "Bezug Geflüchtete"]].values.tolist() == [["1.1", "ja"]]
    at.button_group(key="handlungsfelder_bezug").set_value(["nein", "ohne Angabe"]).run()
    assert tabellen(at)[0]["Nr"].tolist() == ["1.2", "1.3"]


def test_ohne_bezug_spalte_kein_bezug_filter():
    kopf = [k for k in KOPF["Empfehlungen"] if k != "Bezug Geflüchtete"]
    zeilen = [[w for k, w in zip(KOPF["Empfehlungen"], z) if k != "Bezug Geflüchtete"] for z in (empfehlung(1, 1),)]
    at = starte(SEITE, mappe=mappe_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": kopf}), query={"feld": "1"})
    assert [p.label for p in at.button_group] == ["Status"]
    assert "Bezug Geflüchtete" not in tabellen(at)[0].columns
    assert "Aus dem Bericht" not in texte(at)  # the test workbook has no column Bericht


def test_arbeitsmappentext_wird_woertlich_gezeigt():
    boese = "<b>x</b> **fett** [link](http://x)"
    mappe = mappe_bytes(
        handlungsfelder=[[1, "Feld <i>eins</i>", "**Leitsatz** <b>x</b>", ""]],
        empfehlungen=[empfehlung(1, 1, "umgesetzt", boese, ziel="_kursiv_", bemerkung="# Titel", quelle="`code`")],
        haushalt=[["Maßnahme", 1000, 2017, 1]],
    )
    at = starte(SEITE, mappe=mappe, query={"feld": "1"})
    (tabelle,) = tabellen(at)
    assert tabelle.iloc[0][["Empfehlung", "Ziel", "Bemerkung", "Quelle"]].tolist() == [
        boese,
        "_kursiv_",
        "# Titel",
        "`code`",
    ]
    assert [h.value for h in at.header] == [f"1 {literal('Feld <i>eins</i>')}"]
    assert f"**Leitsatz:** {literal('**Leitsatz** <b>x</b>')}" in [m.value for m in at.markdown]
    assert at.selectbox(key="handlungsfelder_feld").options[1] == "1 – Feld <i>eins</i>"


def test_annahmen_und_platzhalter_in_der_tabelle_gekennzeichnet():
    at = starte(SEITE, query={"feld": "1"})
    (tabelle,) = tabellen(at)
    zaehlung = tabelle["Kennzeichnung"].value_counts().to_dict()
    assert zaehlung == {"Platzhalter": 17, "": 3}
    assert tabelle.loc[tabelle["Kennzeichnung"] == "", "Quelle"].unique().tolist() == [
        "Bericht SGA 06.03.2017 (Titel gekürzt)"
    ]


def test_feld_ohne_empfehlungen():
    mappe = mappe_bytes(
        empfehlungen=[empfehlung(1, 1, "umgesetzt"), empfehlung(2, 1, "in Arbeit")],
    )  # field 3 has none
    at = starte(SEITE, mappe=mappe, query={"feld": "3"})
    assert kennzahlen(at) == {"Empfehlungen": "0", "umgesetzt": "0", "in Arbeit": "0"}
    assert [i.value for i in at.main.info] == ["In diesem Handlungsfeld stehen in der Arbeitsmappe keine Empfehlungen."]
    assert "**0 von 0 Empfehlungen**" in texte(at)


def test_voller_wortlaut_einer_empfehlung():
    boese = "<b>x</b> **fett** [link](http://x) " + "sehr lang " * 20
    mappe = mappe_bytes(empfehlungen=[empfehlung(1, 1, "umgesetzt", boese, bemerkung="# Titel"), empfehlung(1, 2)])
    at = starte(SEITE, mappe=mappe, query={"feld": "1"})
    wahl = at.selectbox(key="handlungsfelder_wortlaut")
    assert wahl.value is None
    assert wahl.options[0].startswith("1.1 – <b>x</b> **fett** [link](http://x) sehr lang")
    assert wahl.options[0].endswith("…") and len(wahl.options[0]) <= 110
    wahl.set_value("1.1").run()
    angezeigt = [m.value for m in at.markdown]
    assert f"**Empfehlung:** {literal(boese.strip())}" in angezeigt  # the whole text, escaped
    assert f"**Bemerkung:** {literal('# Titel')}" in angezeigt
    assert "**Status:** umgesetzt" in angezeigt

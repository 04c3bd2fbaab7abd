"""Übersicht through AppTest: headline figures, the stacked status bars, the text alternative."""

from __future__ import annotations

from tests.arbeitsmappen import empfehlung, mappe_bytes
from tests.seiten_hilfen import diagramme, gelesen, kennzahlen, starte, texte

STATUS = ["umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe"]


def test_kopfzahlen_der_standardmappe():
    at = starte()
    assert kennzahlen(at) == {
        "Handlungsempfehlungen (Annahme)": "181",
        "davon umgesetzt (Annahme)": "32 %",
        "umgesetzt oder in Arbeit (Annahme)": "62 %",
        "Haushalt 2017": "355.400 €",  # only assignments of budget lines are assumed, not amounts
        "Rang Landkreis Böblingen 2016 (Annahme)": "1 von 5",
        "Einbürgerungsquote 2016 (Annahme)": "1,54 %",
    }


def test_rahmen_zeigt_stand_quelle_und_annahmen():
    inhalt = texte(starte())
    assert "**Stand:** 6. März 2017" in inhalt
    (zeile,) = [c for c in starte().caption if c.value.startswith("**Stand:**")]  # one grey line
    assert zeile.value.replace("\\", "") == (
        "**Stand:** 6. März 2017 · **Datenquelle:** Standard-Arbeitsmappe (Rekonstruktion) · "
        ":material/warning: **Annahmen:** 162 gekennzeichnete Zeilen"
    )
    assert "Rekonstruktion der Anlage 1 aus dem Bericht an den Sozial" in zeile.help
    assert (
        "146 von 181 Empfehlungen, 4 von 8 Handlungsfeldern (z. B. die Anzahl der Empfehlungen), "
        "7 von 11 Haushaltsposten (Betrag oder Zuordnung) und 5 von 6 Einbürgerungsquoten"
    ) in zeile.help.replace("\\", "")


def test_gestapelte_anteile_mit_anzahlen_als_beschriftung():
    (figur,) = diagramme(starte())
    assert figur["layout"]["separators"] == ",."
    assert figur["layout"]["barmode"] == "stack"
    assert [t["name"] for t in figur["data"]] == STATUS
    nicht_umgesetzt = figur["data"][3]
    assert nicht_umgesetzt["y"][5] == "6 Gesellschaft *"  # rests on assumptions
    assert nicht_umgesetzt["text"] == ["", "7", "4", "3", "3", "17", "10", ""]
    assert round(nicht_umgesetzt["x"][5], 2) == 62.96
    assert nicht_umgesetzt["customdata"][5] == [6, "17", "27", "63\xa0%"]
    # every field stacks to 100 %
    for index in range(8):
        assert round(sum(t["x"][index] for t in figur["data"]), 6) == 100
    assert figur["layout"]["xaxis"]["ticksuffix"] == " %"


def test_umschalten_auf_anzahlen():
    at = starte()
    at.radio(key="uebersicht_darstellung").set_value("Anzahl").run()
    (figur,) = diagramme(at)
    assert figur["data"][3]["x"] == [0, 7, 4, 3, 3, 17, 10, 0]
    assert "ticksuffix" not in figur["layout"]["xaxis"]


def test_tabelle_zum_diagramm_und_links_erst_beim_aufklappen():
    at = starte()
    assert [b.label for b in at.expander] == [
        "Erläuterungen zu den Kennzahlen",
        "Daten zum Diagramm",
        "Links zu den Handlungsfeldern",
    ]
    assert len(at.table) == 0 and at.get("page_link") == []

    # what a click on the expanders does
    at.session_state["diagrammdaten_uebersicht_status"] = True
    at.session_state["uebersicht_links"] = True
    at.run()
    (tabelle,) = [t.value.map(gelesen) for t in at.table]
    assert list(tabelle.columns) == ["Handlungsfeld", "Empfehlungen", *STATUS]
    assert tabelle.iloc[5].tolist() == [
        "6 Gesellschaft (Annahme)",
        "27",
        "5 (18,5\xa0%)",
        "5 (18,5\xa0%)",
        "0 (0,0\xa0%)",
        "17 (63,0\xa0%)",
        "0 (0,0\xa0%)",
    ]
    links = at.get("page_link")
    assert len(links) == 8
    assert links[5].proto.label == "6 Gesellschaft"


def test_fehlende_blaetter_lassen_kopfzahlen_weg():
    mappe = mappe_bytes(empfehlungen=[empfehlung(1, 1, "umgesetzt")], ohne=("Einbürgerung", "Haushalt"))
    at = starte(mappe=mappe)
    assert kennzahlen(at) == {
        "Handlungsempfehlungen": "1",
        "davon umgesetzt": "100 %",
        "umgesetzt oder in Arbeit": "100 %",
    }
    assert "Vorschau – nicht veröffentlicht" in texte(at)

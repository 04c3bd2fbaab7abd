"""Einbürgerung through AppTest: ranking, Böblingen highlighted, mean line, Prozentpunkte,
"keine Angabe" instead of 0, several years as a comparison over time."""

from __future__ import annotations

from tests.arbeitsmappen import mappe_bytes
from tests.seiten_hilfen import diagramme, kennzahlen, starte, tabellen, texte

SEITE = "seiten/einbuergerung.py"


def test_boeblingen_rang_1_mit_1_54_prozent():
    """Done-when question 2: where Böblingen ranks."""
    at = starte(SEITE)
    assert kennzahlen(at) == {
        "Quote Landkreis Böblingen (Annahme)": "1,54 %",  # the year 2016 is inferred
        "Rang in der Region (Annahme)": "1 von 5",
        "Mittel der Gebiete (Annahme)": "1,34 %",
        "Abstand zum Mittel (Annahme)": "+0,20 Pp.",
    }
    (tabelle,) = tabellen(at)
    assert tabelle.values.tolist() == [
        ["1.", "Landkreis Böblingen", "1,54\xa0%", "+0,20\xa0Pp.", "±0,00\xa0Pp.", "Annahme"],
        ["2.", "Stadtkreis Stuttgart", "1,48\xa0%", "+0,14\xa0Pp.", "−0,06\xa0Pp.", "Annahme"],
        ["3.", "Landkreis Esslingen", "1,36\xa0%", "+0,02\xa0Pp.", "−0,18\xa0Pp.", "Annahme"],
        ["4.", "Landkreis Ludwigsburg", "1,18\xa0%", "−0,16\xa0Pp.", "−0,36\xa0Pp.", "Annahme"],
        ["5.", "Rems-Murr-Kreis", "1,14\xa0%", "−0,20\xa0Pp.", "−0,40\xa0Pp.", "Annahme"],
        ["–", "Landkreis Göppingen", "keine Angabe", "–", "–", ""],
    ]
    assert list(tabelle.columns)[-2:] == ["Abstand zu Landkreis Böblingen", "Kennzeichnung"]


def test_diagramm_rangfolge_hervorhebung_mittel_und_keine_angabe():
    (figur,) = diagramme(starte(SEITE))
    boeblingen, weitere, ohne = figur["data"]
    assert boeblingen["name"] == "Landkreis Böblingen"
    assert boeblingen["y"] == ["Landkreis Böblingen *"] and boeblingen["text"] == ["1,54\xa0%"]
    assert boeblingen["marker"]["color"] != weitere["marker"]["color"]
    assert weitere["y"] == [
        "Stadtkreis Stuttgart *",
        "Landkreis Esslingen *",
        "Landkreis Ludwigsburg *",
        "Rems-Murr-Kreis *",
    ]  # the year 2016 is inferred (Quelle)
    # Göppingen has no value: an invisible placeholder carrying the label, never a bar of 0 %.
    assert ohne["y"] == ["Landkreis Göppingen"] and ohne["showlegend"] is False
    assert ohne["marker"]["color"] == "rgba(0,0,0,0)"
    anmerkungen = {a["text"]: a for a in figur["layout"]["annotations"]}
    assert anmerkungen["keine Angabe"]["y"] == "Landkreis Göppingen"
    assert anmerkungen["Mittel: 1,34\xa0%"]["x"] == 1.34
    (linie,) = figur["layout"]["shapes"]
    assert linie["x0"] == linie["x1"] == 1.34
    assert figur["layout"]["yaxis"]["categoryarray"][0] == "Landkreis Böblingen *"
    assert figur["layout"]["separators"] == ",."
    assert "Einbürgerungsquote: keine Angabe" in ohne["hovertemplate"]


def _mehrere_jahre() -> bytes:
    return mappe_bytes(
        einbuergerung=[
            ["Landkreis Böblingen", 2015, 1.40],
            ["Landkreis Esslingen", 2015, 1.50],
            ["Landkreis Göppingen", 2015, 1.10],
            ["Landkreis Böblingen", 2016, 1.54],
            ["Landkreis Esslingen", 2016, 1.36],
            ["Landkreis Göppingen", 2016, None],
        ]
    )


def test_mehrere_jahre_mit_verlauf():
    at = starte(SEITE, mappe=_mehrere_jahre())
    assert at.select_slider(key="einbuergerung_jahr").value == 2016
    _balken, verlauf = diagramme(at)
    assert [t["name"] for t in verlauf["data"]] == ["Landkreis Böblingen", "Landkreis Esslingen", "Landkreis Göppingen"]
    assert verlauf["data"][2]["y"] == [1.1, None]  # a gap, not 0
    assert verlauf["data"][2]["customdata"] == ["1,10\xa0%", "keine Angabe"]
    assert verlauf["layout"]["xaxis"]["tickformat"] == "d"  # 2016, not 2.016
    assert "Verlauf über die Jahre" in texte(at)

    at.select_slider(key="einbuergerung_jahr").set_value(2015).run()
    assert kennzahlen(at)["Rang in der Region"] == "2 von 3"
    assert tabellen(at)[0]["Gebiet"].tolist() == ["Landkreis Esslingen", "Landkreis Böblingen", "Landkreis Göppingen"]


def test_ohne_einbuergerungsblatt():
    at = starte(SEITE, mappe=mappe_bytes(ohne=("Einbürgerung",)))
    assert [i.value for i in at.main.info] == [
        "Die Arbeitsmappe enthält keine Einbürgerungsquoten (Blatt „Einbürgerung“)."
    ]
    assert diagramme(at) == []


def test_ohne_boeblingen_und_feld_ohne_empfehlungen():
    mappe = mappe_bytes(
        einbuergerung=[["Landkreis Esslingen", 2016, 1.36], ["Landkreis Göppingen", 2016, None]],
    )
    at = starte(SEITE, mappe=mappe)
    assert kennzahlen(at) == {"Mittel der Gebiete": "1,36 %"}
    assert tabellen(at)[0].values.tolist() == [
        ["1.", "Landkreis Esslingen", "1,36\xa0%", "±0,00\xa0Pp."],
        ["–", "Landkreis Göppingen", "keine Angabe", "–"],
    ]
    (figur,) = diagramme(at)
    assert [t["name"] for t in figur["data"]] == ["weitere Gebiete", "keine Angabe"]

"""Comparing two Anlagen: shares per field, transitions, changed/new/removed recommendations."""

from __future__ import annotations

import math

import pandas as pd

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, lade_anlage
from ipdaten.zahlen.vergleich import vergleiche
from tests.arbeitsmappen import EMPFEHLUNGEN, HANDLUNGSFELDER, empfehlung, excel_bytes, mappe_bytes, standard_bytes


def _alt():
    return lade_anlage(mappe_bytes())


def _neu():
    """Field 1: 1.2 in Arbeit → umgesetzt, 1.3 reworded; 2.2 removed; 3.2 new; field 4 new."""
    felder = [*HANDLUNGSFELDER, [4, "Flüchtlingsperspektive", "„Ankommen“", ""]]
    empfehlungen = [
        empfehlung(1, 1, "umgesetzt", bemerkung="Amt 2015 eingerichtet"),
        empfehlung(1, 2, "umgesetzt"),
        empfehlung(1, 3, "ohne Angabe", "Neuer Wortlaut 1.3"),
        empfehlung(2, 1, "umgesetzt", bezug="ja"),
        empfehlung(3, 1, "in Abstimmung"),
        empfehlung(3, 2, "in Arbeit"),
        empfehlung(4, 1, "in Arbeit"),
    ]
    return lade_anlage(mappe_bytes(felder, empfehlungen))


def test_uebergaenge_als_matrix_nur_gepaarte_empfehlungen():
    v = vergleiche(_alt(), _neu())
    assert list(v.uebergaenge.index) == list(STATUS_REIHENFOLGE)
    assert list(v.uebergaenge.columns) == list(STATUS_REIHENFOLGE)
    erwartet = pd.DataFrame(0, index=list(STATUS_REIHENFOLGE), columns=list(STATUS_REIHENFOLGE), dtype="int64")
    erwartet.loc["umgesetzt", "umgesetzt"] = 2
    erwartet.loc["in Arbeit", "umgesetzt"] = 1
    erwartet.loc["ohne Angabe", "ohne Angabe"] = 1
    erwartet.loc["in Abstimmung", "in Abstimmung"] = 1
    pd.testing.assert_frame_equal(v.uebergaenge, erwartet, check_names=False)
    assert v.uebergaenge_liste().to_dict("records") == [
        {"von": "umgesetzt", "nach": "umgesetzt", "anzahl": 2},
        {"von": "in Arbeit", "nach": "umgesetzt", "anzahl": 1},
        {"von": "in Abstimmung", "nach": "in Abstimmung", "anzahl": 1},
        {"von": "ohne Angabe", "nach": "ohne Angabe", "anzahl": 1},
    ]
    assert v.gleich_geblieben == 4


def test_geaenderte_neue_und_entfallene_empfehlungen():
    v = vergleiche(_alt(), _neu())
    assert v.geaendert.to_dict("records") == [
        {
            "handlungsfeld": 1,
            "feldname": "Aufbrechen und Ankommen",
            "nr": 2,
            "empfehlung": "Empfehlung 1.2",
            "status_alt": "in Arbeit",
            "status_neu": "umgesetzt",
            "status_geaendert": True,
            "text_geaendert": False,
        },
        {
            "handlungsfeld": 1,
            "feldname": "Aufbrechen und Ankommen",
            "nr": 3,
            "empfehlung": "Neuer Wortlaut 1.3",
            "status_alt": "ohne Angabe",
            "status_neu": "ohne Angabe",
            "status_geaendert": False,
            "text_geaendert": True,
        },
    ]
    assert v.neu_empfehlungen[["handlungsfeld", "feldname", "nr", "status"]].to_dict("records") == [
        {"handlungsfeld": 3, "feldname": "Sprache", "nr": 2, "status": "in Arbeit"},
        {"handlungsfeld": 4, "feldname": "Flüchtlingsperspektive", "nr": 1, "status": "in Arbeit"},
    ]
    assert v.entfallene_empfehlungen[["handlungsfeld", "nr", "empfehlung", "status"]].to_dict("records") == [
        {"handlungsfeld": 2, "nr": 2, "empfehlung": "Empfehlung 2.2", "status": "nicht umgesetzt"}
    ]
    assert v.neue_felder.to_dict("records") == [{"nr": 4, "name": "Flüchtlingsperspektive"}]
    assert v.entfallene_felder.empty
    assert not v.ist_unveraendert


def test_anteile_je_feld_und_differenz_in_prozentpunkten():
    v = vergleiche(_alt(), _neu())
    f = v.felder.set_index("nr")
    assert list(v.felder["nr"]) == [1, 2, 3, 4]
    assert list(v.felder["art"]) == ["", "", "", "neu"]
    # Field 1: 1 of 3 umgesetzt → 2 of 3; umgesetzt or in Arbeit 2/3 → 2/3.
    assert math.isclose(f.loc[1, "umgesetzt_alt"], 1 / 3)
    assert math.isclose(f.loc[1, "umgesetzt_neu"], 2 / 3)
    assert math.isclose(f.loc[1, "umgesetzt_diff_pp"], 100 / 3)
    assert math.isclose(f.loc[1, "umgesetzt_oder_in_arbeit_diff_pp"], 0.0, abs_tol=1e-9)
    # Field 2: 1 of 2 → 1 of 1 umgesetzt.
    assert (f.loc[2, "empfehlungen_alt"], f.loc[2, "empfehlungen_neu"]) == (2, 1)
    assert math.isclose(f.loc[2, "umgesetzt_diff_pp"], 50.0)
    # New field 4: no share before, so no difference.
    assert f.loc[4, "empfehlungen_alt"] == 0
    assert math.isnan(f.loc[4, "umgesetzt_alt"]) and math.isnan(f.loc[4, "umgesetzt_diff_pp"])
    assert f.loc[4, "umgesetzt_oder_in_arbeit_neu"] == 1.0
    g = v.gesamt
    assert (g["empfehlungen_alt"], g["empfehlungen_neu"]) == (6, 7)
    assert math.isclose(g["umgesetzt"]["alt"], 2 / 6) and math.isclose(g["umgesetzt"]["neu"], 3 / 7)
    assert math.isclose(g["umgesetzt"]["diff_pp"], (3 / 7 - 2 / 6) * 100)


def test_entfallenes_feld_steht_am_ende():
    alt = _neu()
    neu = _alt()
    v = vergleiche(alt, neu)
    assert list(v.felder["nr"]) == [1, 2, 3, 4]
    assert list(v.felder["art"]) == ["", "", "", "entfallen"]
    assert v.entfallene_felder.to_dict("records") == [{"nr": 4, "name": "Flüchtlingsperspektive"}]
    assert v.felder.loc[3, "empfehlungen_neu"] == 0


def test_gleiche_mappe_ist_unveraendert():
    anlage = lade_anlage(standard_bytes())
    v = vergleiche(anlage, anlage)
    assert v.ist_unveraendert
    assert v.gleich_geblieben == len(anlage.empfehlungen) == 181
    assert (v.felder["umgesetzt_diff_pp"] == 0).all()
    assert v.uebergaenge_liste()["von"].tolist() == v.uebergaenge_liste()["nach"].tolist()


def test_standardzeilen_der_testmappe_sind_unveraendert():
    assert len(EMPFEHLUNGEN) == 6  # the expectations above are built on these rows


def test_tabellen_auf_deutsch():
    from ipdaten.zahlen.vergleich import aenderungen_tabelle, felder_tabelle, matrix_tabelle, uebergang_saetze

    v = vergleiche(_alt(), _neu())
    felder = felder_tabelle(v)
    assert felder.iloc[0].to_dict() == {
        "Handlungsfeld": "1 Aufbrechen und Ankommen",
        "Empfehlungen vorher": "3",
        "Empfehlungen nachher": "3",
        "umgesetzt vorher": "33,3\u00a0%",
        "umgesetzt nachher": "66,7\u00a0%",
        "Veränderung umgesetzt": "+33,3\u00a0Pp.",
        "umgesetzt oder in Arbeit vorher": "66,7\u00a0%",
        "umgesetzt oder in Arbeit nachher": "66,7\u00a0%",
        "Veränderung umgesetzt oder in Arbeit": "±0,0\u00a0Pp.",
    }
    assert felder.iloc[1]["Veränderung umgesetzt oder in Arbeit"] == "+50,0\u00a0Pp."
    assert felder.iloc[3]["Handlungsfeld"] == "4 Flüchtlingsperspektive (neu)"
    assert list(aenderungen_tabelle(v)["Änderung"]) == ["Status", "Wortlaut"]
    matrix = matrix_tabelle(v).set_index("Status")
    assert matrix.loc["vorher: in Arbeit", "nachher: umgesetzt"] == "1"
    assert matrix.loc["Summe", "Summe"] == "5"
    assert uebergang_saetze(v) == ["1 × in Arbeit → umgesetzt"]


def test_diagramme_deutsch_und_mit_statusfarben():
    from ipdaten.darstellung.diagramme_fortschritt import uebergaenge_sankey, veraenderung_je_feld
    from ipdaten.darstellung.farben import STATUS_FARBEN

    v = vergleiche(_alt(), _neu())
    balken = veraenderung_je_feld(v)
    assert balken.layout.separators == ",."
    assert [t.name for t in balken.data] == ["Anteil umgesetzt", "Anteil umgesetzt oder in Arbeit"]
    assert list(balken.data[0].text) == ["+33,3\u00a0Pp.", "+50,0\u00a0Pp.", "±0,0\u00a0Pp.", "neu"]
    assert list(balken.data[0].y)[3] == "4 Flüchtlingsperspektive (neu)"
    sankey = uebergaenge_sankey(v, links="vorher: März", rechts="nachher: <b>Herbst</b>")
    knoten = list(sankey.data[0].node.label)
    assert knoten == [
        "umgesetzt: 2",
        "in Arbeit: 1",
        "in Abstimmung: 1",
        "ohne Angabe: 1",
        "umgesetzt: 3",
        "in Abstimmung: 1",
        "ohne Angabe: 1",
    ]
    assert list(sankey.data[0].node.color)[:2] == [STATUS_FARBEN["umgesetzt"], STATUS_FARBEN["in Arbeit"]]
    assert "in Arbeit → umgesetzt: 1 Empfehlung" in list(sankey.data[0].link.customdata)
    assert [a.text for a in sankey.layout.annotations] == [
        "<b>vorher: März</b>",
        "<b>nachher: &lt;b&gt;Herbst&lt;/b&gt;</b>",
    ]


def test_geaenderte_quoten_und_betraege_werden_genannt_auch_wenn_die_empfehlungen_gleich_sind():
    """A misread quota or amount shows in the comparison of the preview (issue 22: a misread must
    be visible before publishing) – never „keine Veränderung“."""
    alt = lade_anlage(excel_bytes())
    neu = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["LK Böblingen", 2016, 1.54],
                ["Landkreis Esslingen", 2016, 15.4],
                ["Landkreis Göppingen", 2016, 1.2],
            ],
            haushalt=[["Interkulturelle Öffnung", 60, 2017, 1], ["Unternehmerpreis", 30000, 2017, None]],
        )
    )
    v = vergleiche(alt, neu)
    assert v.ist_unveraendert
    assert v.weitere == (
        (
            "Einbürgerungsquoten",
            "Landkreis Esslingen 2016 1,36\xa0% → 15,40\xa0%; Landkreis Göppingen 2016 keine Angabe → 1,20\xa0%",
        ),
        ("Haushalt", "„Interkulturelle Öffnung“ 2017 60.000\xa0€ → 60\xa0€; „Wohnraum-Expertise“ 2017 10.000\xa0€ → –"),
    )
    assert vergleiche(alt, alt).weitere == ()


def test_viele_geaenderte_quoten_die_ersten_fuenf_und_der_rest_gezaehlt():
    gebiete = [f"Landkreis {n}" for n in ("Böblingen", "Esslingen", "Göppingen", "Ludwigsburg", "Rems-Murr-Kreis")]
    alt = lade_anlage(excel_bytes(einbuergerung=[[g, j, 1.0] for g in gebiete for j in (2015, 2016)]))
    neu = lade_anlage(excel_bytes(einbuergerung=[[g, j, 2.0] for g in gebiete for j in (2015, 2016)]))
    ((titel, text),) = vergleiche(alt, neu).weitere
    assert titel == "Einbürgerungsquoten"
    assert text.startswith("Landkreis Böblingen 2015 1,00\xa0% → 2,00\xa0%; Landkreis Böblingen 2016")
    assert text.endswith(" und 5 weitere") and text.count("→") == 5


def test_ein_jahr_das_der_leser_mit_keine_angabe_ergaenzt_ist_keine_aenderung():
    alt = lade_anlage(
        excel_bytes(einbuergerung=[["Landkreis Böblingen", 2016, 1.54], ["Landkreis Esslingen", 2016, 1.36]])
    )
    neu = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", 2016, 1.54],
                ["Landkreis Esslingen", 2016, 1.36],
                ["Landkreis Böblingen", 2017, 1.58],
            ]
        )
    )
    assert ("Landkreis Esslingen", 2017) in set(zip(neu.einbuergerung["gebiet"], neu.einbuergerung["jahr"]))
    assert vergleiche(alt, neu).weitere == (("Einbürgerungsquoten", "Landkreis Böblingen 2017 – → 1,58\xa0%"),)


def test_bemerkung_termin_und_zustaendig_geaendert_stehen_in_der_vorschau():
    """A quick correction of a Bemerkung or a moved Termin changes no status: the preview must
    still name it (it said „Keine Veränderung“)."""
    alt = lade_anlage(excel_bytes(HANDLUNGSFELDER, EMPFEHLUNGEN))
    geaendert = [list(z) for z in EMPFEHLUNGEN]
    geaendert[0] = empfehlung(1, 1, "umgesetzt", bemerkung="Amt 2016 eingerichtet")
    geaendert[3] = empfehlung(2, 1, "umgesetzt", bezug="nein")
    neu = lade_anlage(excel_bytes(HANDLUNGSFELDER, geaendert))
    v = vergleiche(alt, neu)
    assert v.ist_unveraendert
    assert v.weitere == (("Weitere Angaben geändert", "1.1 Bemerkung; 2.1 Bezug Geflüchtete"),)
    assert vergleiche(alt, lade_anlage(excel_bytes(HANDLUNGSFELDER, EMPFEHLUNGEN))).weitere == ()

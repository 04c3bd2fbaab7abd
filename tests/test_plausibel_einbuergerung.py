"""The plausibility layer on the naturalisation figures (issue 22): quotas in the range that
occurs, fractions of one, known Kreise and aggregates, Böblingen found, every Kreis in every year.

Every workbook is built in code and saved the way Excel saves it (shared strings).
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.befunde import EINBUERGERUNG
from ipdaten.arbeitsmappe.gebiete import gebiet_art
from ipdaten.arbeitsmappe.plausibel import pruefe_plausibilitaet
from ipdaten.zahlen.kennzahlen import einbuergerung_vergleich, referenz_gebiet
from tests.arbeitsmappen import excel_bytes


def _zeilen(anlage) -> list[list]:
    frame = anlage.einbuergerung[["gebiet", "jahr", "quote_prozent"]].astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def _meldungen(anlage) -> list[str]:
    return [b.meldung for b in anlage.warnungen]


def test_quote_ausserhalb_des_ueblichen_wird_genannt_und_bleibt():
    anlage = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", 2016, 1.54],
                ["Landkreis Esslingen", 2016, 15.4],
                ["Rems-Murr-Kreis", 2016, 0.15],
            ]
        )
    )
    assert _zeilen(anlage) == [
        ["Landkreis Böblingen", 2016, 1.54],
        ["Landkreis Esslingen", 2016, 15.4],
        ["Rems-Murr-Kreis", 2016, 0.15],
    ]
    befunde = [b for b in anlage.warnungen if "kommt in deutschen Kreisen kaum vor" in b.meldung]
    assert [(b.ursache, b.zeilen_text, b.wert) for b in befunde] == [
        (
            EINBUERGERUNG,
            "Zeilen 3–4",
            "„Landkreis Esslingen 2016: 15,40\xa0%“ in Zeile 3; „Rems-Murr-Kreis 2016: 0,15\xa0%“ in Zeile 4",
        )
    ]


def test_anteile_ohne_prozent_im_kopf_werden_mal_100_genommen():
    anlage = lade_anlage(
        excel_bytes(
            koepfe={"Einbürgerung": ["Gebiet", "Jahr", "Einbürgerungsquote"]},
            einbuergerung=[["Landkreis Böblingen", 2016, 0.0154], ["Landkreis Esslingen", 2016, 0.0136]],
        )
    )
    assert _zeilen(anlage) == [["Landkreis Böblingen", 2016, 1.54], ["Landkreis Esslingen", 2016, 1.36]]
    assert _meldungen(anlage) == [
        "Alle Quoten sind Anteile kleiner als 0,1, so kleine Einbürgerungsquoten kommen in keinem Kreis vor; sie "
        "wurden als Prozent gelesen (mal 100, z. B. 0,0154 → 1,54\xa0%). Sind es wirklich Prozentpunkte, bitte als "
        "Prozent formatieren.",
        "Spalten zugeordnet: „Einbürgerungsquote“ als „Quote in %“.",
    ]


def test_summen_und_groessere_gebiete_werden_nie_als_kreis_gerankt():
    anlage = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", 2016, 1.54],
                ["Landkreis Esslingen", 2016, 1.36],
                ["Region Stuttgart", 2016, 1.45],
                ["Baden-Württemberg", 2016, 1.6],
                ["Durchschnitt", 2016, 1.45],
            ]
        )
    )
    assert _zeilen(anlage) == [["Landkreis Böblingen", 2016, 1.54], ["Landkreis Esslingen", 2016, 1.36]]
    vergleich = einbuergerung_vergleich(anlage)
    assert vergleich[["gebiet", "rang", "mittel_prozent"]].round(6).values.tolist() == [
        ["Landkreis Böblingen", 1, 1.45],
        ["Landkreis Esslingen", 2, 1.45],
    ]
    assert [(b.meldung, b.zeilen_text) for b in anlage.warnungen] == [
        (
            "Kein Kreis, sondern eine Summe, ein Mittel oder ein größeres Gebiet: „Region Stuttgart“, "
            "„Baden-Württemberg“, „Durchschnitt“ (Zeilen 4–6). Diese Zeilen wurden nicht in die Rangfolge der Kreise "
            "aufgenommen und zählen nicht zum Mittel.",
            "Zeilen 4–6",
        )
    ]


@pytest.mark.parametrize(
    ("text", "art", "boeblingen"),
    [
        ("Landkreis Böblingen", "kreis", True),
        ("LK Böblingen", "kreis", True),
        ("Böblingen, Landkreis", "kreis", True),
        ("08115 Böblingen", "kreis", True),
        ("Böblingen", "kreis", True),
        ("Stadt Böblingen", "unbekannt", False),
        ("LH Stuttgart", "kreis", False),
        ("Landkreis Rems-Murr", "kreis", False),
        ("Landkreis Heilbronn", "kreisartig", False),
        ("Regierungsbezirk Stuttgart", "aggregat", False),
        ("08", "aggregat", False),
    ],
)
def test_gebiete_nach_name_schreibweise_oder_schluessel(text, art, boeblingen):
    assert (gebiet_art(text).art, gebiet_art(text).ist_referenz) == (art, boeblingen)


def test_stadt_boeblingen_ist_nicht_der_landkreis_und_boeblingen_fehlt():
    anlage = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Stadt Böblingen", 2016, 1.9],
                ["Landkreis Esslingen", 2016, 1.36],
                ["Landkreis Heilbronn", 2016, 1.1],
            ]
        )
    )
    assert referenz_gebiet(anlage) is None
    assert not einbuergerung_vergleich(anlage)["ist_referenz"].any()
    assert _meldungen(anlage) == [
        "Der Landkreis Böblingen steht nicht im Blatt (gefunden: „Stadt Böblingen“, „Landkreis Esslingen“, "
        "„Landkreis Heilbronn“). Rang und Abstand des Landkreises Böblingen werden nirgends genannt, auch nicht in der "
        "Sitzungsvorlage. Heißt er in der Arbeitsmappe anders, bitte „Landkreis Böblingen“ schreiben.",
        "Nicht als Kreis erkannt; als Gebiet in der Rangfolge mitgezählt: „Stadt Böblingen“ (Zeile 2). Ist es eine "
        "Gemeinde, eine Summe oder eine Anmerkung, bitte die Zeile löschen; ist es ein Kreis, bitte als „Landkreis …“ "
        "bzw. „Stadtkreis …“ schreiben.",
        "Kreise außerhalb der Region Stuttgart; sie werden in der Rangfolge mitgezählt: „Landkreis Heilbronn“ (Zeile 4).",
    ]


def test_derselbe_kreis_in_zwei_schreibweisen_ist_doppelt():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(excel_bytes(einbuergerung=[["Landkreis Böblingen", 2016, 1.54], ["LK Böblingen", 2016, 1.5]]))
    assert [(b.zeile, b.meldung) for b in fehler.value.fehler] == [
        (3, "LK Böblingen 2016 steht doppelt (schon in Zeile 2 als „Landkreis Böblingen“).")
    ]


def test_jeder_kreis_behaelt_jedes_jahr_auch_ohne_zeile():
    anlage = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", 2015, 1.3],
                ["Landkreis Esslingen", 2015, 1.2],
                ["Landkreis Böblingen", 2016, 1.54],
            ]
        )
    )
    assert _zeilen(anlage) == [
        ["Landkreis Böblingen", 2015, 1.3],
        ["Landkreis Esslingen", 2015, 1.2],
        ["Landkreis Esslingen", 2016, None],
        ["Landkreis Böblingen", 2016, 1.54],
    ]
    vergleich = einbuergerung_vergleich(anlage)
    assert vergleich[vergleich["jahr"] == 2016]["gebiet"].tolist() == ["Landkreis Böblingen", "Landkreis Esslingen"]
    assert _meldungen(anlage) == [
        "Für diese Gebiete fehlt eine Zeile eines Jahres; sie stehen in dem Jahr mit „keine Angabe“: "
        "Landkreis Esslingen 2016."
    ]


def test_jahre_als_spalten_leere_zelle_ist_keine_angabe_kreis_ohne_werte_bleibt_anmerkung_nicht():
    anlage = lade_anlage(
        excel_bytes(
            koepfe={"Einbürgerung": ["Gebiet", 2015, 2016]},
            einbuergerung=[
                ["Landkreis Böblingen", 1.3, 1.54],
                ["Landkreis Esslingen", None, 1.36],
                ["Landkreis Göppingen", None, None],
                [None, None, None],
                ["Quelle: Statistisches Landesamt", None, None],
            ],
        )
    )
    assert _zeilen(anlage) == [
        ["Landkreis Böblingen", 2015, 1.3],
        ["Landkreis Böblingen", 2016, 1.54],
        ["Landkreis Esslingen", 2015, None],
        ["Landkreis Esslingen", 2016, 1.36],
        ["Landkreis Göppingen", 2015, None],
        ["Landkreis Göppingen", 2016, None],
    ]


def test_ohne_arbeitsmappe_gebaute_anlage_wird_geprueft():
    """The Rückmelde merge builds its Anlage from the round's forms: the one function checks it too."""
    anlage = lade_anlage(excel_bytes())
    einbuergerung = anlage.einbuergerung.copy()
    einbuergerung.loc[len(einbuergerung)] = ["Region Stuttgart", 2016, 1.4, "", "", 9]
    einbuergerung.loc[len(einbuergerung)] = ["Landkreis Esslingen", 2015, 1.2, "", "", 10]
    zusammengefuehrt = replace(anlage, einbuergerung=einbuergerung, lesebericht=None, warnungen=())
    befunde = pruefe_plausibilitaet(zusammengefuehrt).nach_ursache()[EINBUERGERUNG]
    assert [b.meldung.split(":")[0] for b in befunde] == [
        "Kein Kreis, sondern eine Summe, ein Mittel oder ein größeres Gebiet – es wird in der Rangfolge wie ein Kreis "
        "gezählt",
        "Nicht jedes Gebiet hat eine Zeile für jedes Jahr",
    ]
    assert math.isnan(anlage.einbuergerung["quote_prozent"].iloc[2])  # the default rows: Göppingen keine Angabe


def test_ohne_boeblingen_verweigert_die_sitzungsvorlage_den_satz_zum_rang():
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage

    ohne = Auswertung(
        lade_anlage(excel_bytes(einbuergerung=[["Stadt Böblingen", 2016, 1.9], ["Landkreis Esslingen", 2016, 1.36]]))
    )
    vorlage = sitzungsvorlage(ohne)
    assert "Rang" not in vorlage.einbuergerung_text
    assert vorlage.einbuergerung_text.startswith("Einbürgerungsquoten 2016: Stadt Böblingen 1,90\xa0% und Landkreis")
    assert [h.text for h in vorlage.einbuergerung_hinweise if h.text.startswith("Einbürgerung")] == [
        "Einbürgerung: Der Landkreis Böblingen ist in den Einbürgerungsdaten nicht enthalten; der Satz zu "
        "seinem Rang entfällt, genannt werden nur die Quoten der Gebiete."
    ]
    mit = sitzungsvorlage(Auswertung(lade_anlage(excel_bytes())))
    assert not [h for h in mit.einbuergerung_hinweise if h.text.startswith("Einbürgerung")]

"""Figures from plain data: status distributions, naturalisation comparison, budget."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ipdaten import lade_anlage
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.zahlen import kennzahlen
from ipdaten.zahlen.kennzahlen import (
    einbuergerung_jahre,
    einbuergerung_vergleich,
    haushalt_jahre,
    haushalt_summen,
    referenz_gebiet,
    status_gesamt,
    status_verteilung,
)
from tests.arbeitsmappen import HANDLUNGSFELDER, empfehlung, mappe_bytes
from tests.kennzahlen_zusammenfassung import kennzahlen_json


def _anlage(**kwargs):
    return lade_anlage(mappe_bytes(**kwargs))


def _ohne_nan(zeilen: list[list]) -> list[list]:
    return [[None if isinstance(w, float) and math.isnan(w) else w for w in z] for z in zeilen]


def test_status_verteilung_mit_nullen_und_leerem_feld():
    anlage = _anlage(
        handlungsfelder=[*HANDLUNGSFELDER, [4, "Gesundheit", "„Natürlich gesund“", ""]],
        empfehlungen=[
            empfehlung(1, 1),
            empfehlung(1, 2),
            empfehlung(1, 3, "in Arbeit"),
            empfehlung(1, 4, "nicht umgesetzt"),
            empfehlung(3, 1, "ohne Angabe"),
        ],
    )
    verteilung = status_verteilung(anlage)
    assert list(verteilung.columns) == [
        "nr",
        "name",
        "empfehlungen",
        *STATUS_REIHENFOLGE,
        *(f"anteil_{s}" for s in STATUS_REIHENFOLGE),
    ]
    assert _ohne_nan(verteilung.drop(columns="name").values.tolist()) == [
        [1, 4, 2, 1, 0, 1, 0, 0.5, 0.25, 0.0, 0.25, 0.0],
        [2, 0, 0, 0, 0, 0, 0, None, None, None, None, None],
        [3, 1, 0, 0, 0, 0, 1, 0.0, 0.0, 0.0, 0.0, 1.0],
        [4, 0, 0, 0, 0, 0, 0, None, None, None, None, None],
    ]


def test_status_verteilung_folgt_der_reihenfolge_der_mappe():
    anlage = _anlage(handlungsfelder=[HANDLUNGSFELDER[2], HANDLUNGSFELDER[0], HANDLUNGSFELDER[1]])
    assert status_verteilung(anlage)["nr"].tolist() == [3, 1, 2]


def test_status_gesamt():
    gesamt = status_gesamt(_anlage())
    assert gesamt["empfehlungen"] == 6
    assert gesamt["status"] == {
        "umgesetzt": 2,
        "in Arbeit": 1,
        "in Abstimmung": 1,
        "nicht umgesetzt": 1,
        "ohne Angabe": 1,
    }
    assert gesamt["anteil"] == pytest.approx(
        {"umgesetzt": 2 / 6, "in Arbeit": 1 / 6, "in Abstimmung": 1 / 6, "nicht umgesetzt": 1 / 6, "ohne Angabe": 1 / 6}
    )
    assert sum(gesamt["anteil"].values()) == pytest.approx(1.0)
    # One rule for the two measures of progress: "in Abstimmung" counts in neither.
    assert gesamt["fortschritt"] == {"umgesetzt": 2, "umgesetzt_oder_in_arbeit": 3}
    assert gesamt["fortschritt_anteil"] == pytest.approx({"umgesetzt": 2 / 6, "umgesetzt_oder_in_arbeit": 3 / 6})


EINBUERGERUNG_ZWEI_JAHRE = [
    ["Landkreis Esslingen", 2015, 1.2],
    ["Landkreis Böblingen", 2015, 1.3],
    ["Stadtkreis Stuttgart", 2015, 1.2],
    ["Landkreis Göppingen", 2015, None],
    ["Landkreis Böblingen", 2016, 1.54],
    ["Landkreis Esslingen", 2016, 1.36],
    ["Landkreis Göppingen", 2016, None],
]


def test_einbuergerung_rang_je_jahr_gleichstand_und_differenzen():
    vergleich = einbuergerung_vergleich(_anlage(einbuergerung=EINBUERGERUNG_ZWEI_JAHRE))
    assert list(vergleich.columns) == [
        "jahr",
        "gebiet",
        "quote_prozent",
        "rang",
        "ist_referenz",
        "mittel_prozent",
        "diff_referenz_pp",
        "diff_mittel_pp",
        "annahme",
    ]
    gerundet = vergleich.round(6).astype(object)
    assert _ohne_nan(gerundet.where(gerundet.notna(), None).values.tolist()) == [
        [2015, "Landkreis Böblingen", 1.3, 1, True, 1.233333, 0.0, 0.066667, False],
        [2015, "Landkreis Esslingen", 1.2, 2, False, 1.233333, -0.1, -0.033333, False],
        [2015, "Stadtkreis Stuttgart", 1.2, 2, False, 1.233333, -0.1, -0.033333, False],
        [2015, "Landkreis Göppingen", None, None, False, 1.233333, None, None, False],
        [2016, "Landkreis Böblingen", 1.54, 1, True, 1.45, 0.0, 0.09, False],
        [2016, "Landkreis Esslingen", 1.36, 2, False, 1.45, -0.18, -0.09, False],
        [2016, "Landkreis Göppingen", None, None, False, 1.45, None, None, False],
        # Stuttgart has no row for 2016: every Kreis keeps every year („keine Angabe“, issue 22).
        [2016, "Stadtkreis Stuttgart", None, None, False, 1.45, None, None, False],
    ]
    assert einbuergerung_jahre(_anlage(einbuergerung=EINBUERGERUNG_ZWEI_JAHRE)) == [2015, 2016]


def test_einbuergerung_ohne_boeblingen_hat_keine_referenz():
    anlage = _anlage(einbuergerung=[["Landkreis Esslingen", 2016, 1.36], ["Rems-Murr-Kreis", 2016, 1.14]])
    vergleich = einbuergerung_vergleich(anlage)
    assert referenz_gebiet(anlage) is None
    assert not vergleich["ist_referenz"].any()
    assert vergleich["diff_referenz_pp"].isna().all()
    assert vergleich["rang"].tolist() == [1, 2]


def test_referenzgebiet_in_anderer_schreibweise():
    anlage = _anlage(einbuergerung=[["LK Böblingen", 2016, 1.54], ["Landkreis Esslingen", 2016, 1.36]])
    assert referenz_gebiet(anlage) == "LK Böblingen"
    assert einbuergerung_vergleich(anlage)["diff_referenz_pp"].round(6).tolist() == [0.0, -0.18]


HAUSHALT_ZWEI_JAHRE = [
    ["Öffnung", 60000, 2017, 1],
    ["Wohnraum", 10000, 2017, 2],
    ["Preis", 30000, 2017, None],
    ["Öffnung II", 5000, 2018, 1],
]


def test_haushalt_summen_alle_jahre_und_ein_jahr():
    anlage = _anlage(haushalt=HAUSHALT_ZWEI_JAHRE)
    alle = haushalt_summen(anlage)
    assert (alle.summe_eur, alle.positionen, alle.ohne_handlungsfeld_eur, alle.jahre) == (
        105000.0,
        4,
        30000.0,
        (2017, 2018),
    )
    assert alle.nach_handlungsfeld.values.tolist() == [
        [1, "Aufbrechen und Ankommen", 65000.0, 65000 / 105000, False],
        [2, "Wohnen", 10000.0, 10000 / 105000, False],
    ]
    assert alle.massnahmen[["massnahme", "feldname"]].values.tolist() == [
        ["Öffnung", "Aufbrechen und Ankommen"],
        ["Wohnraum", "Wohnen"],
        ["Preis", "ohne Zuordnung"],
        ["Öffnung II", "Aufbrechen und Ankommen"],
    ]
    assert alle.massnahmen["anteil"].sum() == pytest.approx(1.0)
    jahr = haushalt_summen(anlage, 2018)
    assert (jahr.summe_eur, jahr.positionen, jahr.ohne_handlungsfeld_eur, jahr.jahre) == (5000.0, 1, 0.0, (2018,))
    assert haushalt_jahre(anlage) == [2017, 2018]


def test_haushalt_leer():
    summen = haushalt_summen(_anlage(ohne=("Haushalt",)))
    assert (summen.summe_eur, summen.positionen, summen.ohne_handlungsfeld_eur, summen.jahre) == (0.0, 0, 0.0, ())
    assert summen.nach_handlungsfeld.empty and summen.massnahmen.empty


def test_kennzahlen_json_ist_reines_json():
    import json

    daten = kennzahlen_json(_anlage(einbuergerung=EINBUERGERUNG_ZWEI_JAHRE, haushalt=HAUSHALT_ZWEI_JAHRE))
    assert json.loads(json.dumps(daten, allow_nan=False)) == daten
    assert daten["haushalt"] == {
        "summe_eur": 105000.0,
        "positionen": 4,
        "nach_handlungsfeld": {"1": 65000.0, "2": 10000.0},
        "ohne_handlungsfeld_eur": 30000.0,
    }
    assert [(e["jahr"], e["gebiet"], e["rang"]) for e in daten["einbuergerung"]] == [
        (2015, "Landkreis Böblingen", 1),
        (2015, "Landkreis Esslingen", 2),
        (2015, "Stadtkreis Stuttgart", 2),
        (2015, "Landkreis Göppingen", None),
        (2016, "Landkreis Böblingen", 1),
        (2016, "Landkreis Esslingen", 2),
        (2016, "Landkreis Göppingen", None),
        (2016, "Stadtkreis Stuttgart", None),
    ]


def test_funktionen_veraendern_die_anlage_nicht():
    anlage = _anlage(haushalt=HAUSHALT_ZWEI_JAHRE, einbuergerung=EINBUERGERUNG_ZWEI_JAHRE)
    vorher = {n: getattr(anlage, n).copy() for n in ("handlungsfelder", "empfehlungen", "einbuergerung", "haushalt")}
    kennzahlen_json(anlage)
    haushalt_summen(anlage, 2017)
    for name, frame in vorher.items():
        pd.testing.assert_frame_equal(getattr(anlage, name), frame)


def test_ein_jahresfilter_und_die_jahre_mit_quote():
    vergleich = pd.DataFrame(
        {
            "jahr": [2015, 2015, 2016, 2016, 2014],
            "gebiet": ["Böblingen", "Esslingen", "Böblingen", "Esslingen", "Böblingen"],
            "quote_prozent": [1.5, float("nan"), float("nan"), float("nan"), 1.2],
        }
    )
    assert kennzahlen.im_jahr(vergleich, 2016)["gebiet"].tolist() == ["Böblingen", "Esslingen"]
    assert kennzahlen.im_jahr(vergleich, None) is vergleich
    assert kennzahlen.im_jahr(vergleich, 2030).empty
    assert kennzahlen.jahre_mit_quote(vergleich) == [2014, 2015]  # 2016 has rows but no rate

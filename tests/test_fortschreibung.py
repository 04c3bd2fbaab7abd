"""Figures of the Fortschreibung (issue 12) on the three Stände of tests/fortschreibung_mappen.py."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from ipdaten.arbeitsmappe import AnlageUngueltig, lade_anlage
from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen import verlauf as vl
from tests import fortschreibung_mappen as fm
from tests.arbeitsmappen import KOPF, empfehlung, mappe_bytes
from tests.fortschreibung_mappen import DATEN, KOPF_NEU


@pytest.fixture(scope="module")
def verlauf(anlagen):
    abrisse = fm.abrisse(anlagen)
    # Any order in, time order out.
    return vl.verlauf(list(reversed(abrisse)))


def test_optionale_spalten_werden_gelesen(anlagen):
    e = anlagen[2].empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(1, 2), ["zustaendig", "beteiligte", "arbeitsgruppe"]].tolist() == [
        "Jobcenter",
        "VHS; Agentur für Arbeit",
        "AG Ankommen",
    ]
    assert (e.loc[(1, 2), "termin"], e.loc[(1, 2), "termin_genauigkeit"]) == (dt.date(2017, 6, 1), "monat")
    assert (e.loc[(2, 2), "termin"], e.loc[(2, 2), "termin_genauigkeit"]) == (dt.date(2017, 1, 1), "jahr")
    assert (e.loc[(2, 1), "termin"], e.loc[(2, 1), "termin_genauigkeit"]) == (dt.date(2017, 12, 31), "tag")
    assert e.loc[(2, 3), "termin"] is None and e.loc[(2, 3), "termin_genauigkeit"] == ""
    ohne = anlagen[0].empfehlungen
    assert set(ohne["zustaendig"]) == {""} and ohne["termin"].isna().all()
    assert [a.hat_spalte("zustaendig") for a in anlagen] == [False, True, True]
    assert [a.hat_spalte("termin") for a in anlagen] == [False, True, True]
    assert [a.hat_spalte("ist", "haushalt") for a in anlagen] == [False, False, True]
    h = anlagen[2].haushalt
    assert h["ist"].tolist()[:2] == [55000.0, 12000.0] and math.isnan(h["ist"].iloc[2])


def test_unlesbarer_termin_und_negatives_ist_werden_abgelehnt():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(
            mappe_bytes(
                empfehlungen=[[*empfehlung(1, 1), "Amt", "", "", "bald"]],
                haushalt=[["Sprachkurs", 100, 2017, 1, -5]],
                koepfe={"Empfehlungen": KOPF_NEU, "Haushalt": [*KOPF["Haushalt"], "Ist (€)"]},
            )
        )
    assert [(b.blatt, b.zeile, b.spalte, b.meldung, b.wert) for b in fehler.value.fehler] == [
        ("Empfehlungen", 2, "Termin", "Der Termin ist nicht lesbar.", "bald"),
        ("Haushalt", 2, "Ist (€)", "Das Ist ist negativ.", "-5"),
    ]


def test_verlauf_der_anteile_je_stand(verlauf):
    assert [s.nr for s in verlauf.staende] == [1, 2, 3]
    gesamt = verlauf.anteile[verlauf.anteile["nr"] == vl.GESAMT]
    assert gesamt[
        ["stand_nr", "empfehlungen", "umgesetzt_anzahl", "umgesetzt_oder_in_arbeit_anzahl"]
    ].values.tolist() == [
        [1, 6, 2, 3],
        [2, 6, 2, 4],
        [3, 7, 3, 5],
    ]
    assert gesamt["umgesetzt"].tolist() == pytest.approx([2 / 6, 2 / 6, 3 / 7])
    feld1 = verlauf.anteile[verlauf.anteile["nr"] == 1]
    assert feld1["umgesetzt_oder_in_arbeit"].tolist() == pytest.approx([2 / 3, 1.0, 1.0])
    tabelle = af.verlauf_tabelle(verlauf.anteile, "umgesetzt")
    assert tabelle.columns.tolist() == [
        "Handlungsfeld",
        "06.03.2017 (Nr. 1)",
        "30.09.2017 (Nr. 2)",
        "01.03.2018 (Nr. 3)",
    ]
    assert tabelle.iloc[0].tolist() == [
        "Alle Handlungsfelder",
        "33,3\u00a0% (2 von 6)",
        "33,3\u00a0% (2 von 6)",
        "42,9\u00a0% (3 von 7)",
    ]


def test_historie_einer_empfehlung(verlauf):
    h = vl.empfehlung_verlauf(verlauf, 1, 2)
    assert h[["stand_nr", "status", "bemerkung", "status_geaendert", "bemerkung_geaendert"]].values.tolist() == [
        [1, "in Arbeit", "", False, False],
        [2, "in Arbeit", "Kurse laufen", False, True],
        [3, "umgesetzt", "Kurse abgeschlossen", True, True],
    ]
    assert af.bemerkung_aenderungen(h) == [
        ("30. September 2017", "", "Kurse laufen"),
        ("1. März 2018", "Kurse laufen", "Kurse abgeschlossen"),
    ]
    neu = vl.empfehlung_verlauf(verlauf, 2, 3)
    assert neu["status"].tolist() == [None, None, "in Arbeit"]
    assert af.historie_tabelle(neu)["Änderung"].tolist() == ["nicht enthalten", "nicht enthalten", ""]


def test_unveraendert_seit(verlauf, anlagen):
    namen = anlagen[2].feldnamen
    alle = vl.unveraendert_seit(verlauf, namen)
    assert list(zip(alle["handlungsfeld"], alle["nr"], alle["staende"], [s.nr for s in alle["seit"]])) == [
        (1, 1, 3, 1),
        (1, 2, 1, 3),
        (1, 3, 2, 2),
        (2, 1, 3, 1),
        (2, 2, 3, 1),
        (2, 3, 1, 3),
        (3, 1, 3, 1),
    ]
    mind3 = vl.unveraendert_seit(verlauf, namen, mindestens=3)
    assert list(zip(mind3["handlungsfeld"], mind3["nr"])) == [(1, 1), (2, 1), (2, 2), (3, 1)]
    je_feld = vl.unveraendert_je_feld(verlauf, namen, 3)
    assert je_feld[["nr", "empfehlungen", "unveraendert"]].values.tolist() == [[1, 3, 1], [2, 3, 2], [3, 1, 1]]
    assert af.unveraendert_tabelle(mind3).iloc[0]["unverändert seit"] == "6. März 2017 · Fortschreibung 1 (Nr. 1)"


def test_status_je_zustaendig_und_arbeitsgruppe(anlagen):
    z = fs.status_nach(anlagen[2], "zustaendig")
    assert z[
        ["name", "empfehlungen", "umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt"]
    ].values.tolist() == [
        ["Jobcenter", 2, 1, 0, 1, 0],
        ["Kreisbau", 2, 1, 0, 0, 1],
        ["Integrationsbeauftragte", 1, 1, 0, 0, 0],
        ["Sozialamt", 1, 0, 1, 0, 0],
        [fs.NICHT_BENANNT, 1, 0, 1, 0, 0],
    ]
    assert z["anteil_umgesetzt_oder_in_arbeit"].tolist() == pytest.approx([0.5, 0.5, 1.0, 1.0, 1.0])
    ag = fs.status_nach(anlagen[2], "arbeitsgruppe")
    assert ag[["name", "empfehlungen"]].values.tolist() == [
        ["AG Wohnen", 3],
        ["AG Ankommen", 2],
        [fs.NICHT_BENANNT, 2],
    ]
    von = fs.empfehlungen_von(anlagen[2], "Jobcenter")
    assert list(zip(von["handlungsfeld"], von["nr"], von["status"])) == [(1, 2, "umgesetzt"), (3, 1, "in Abstimmung")]


def test_ueberfaellig(anlagen):
    u = fs.ueberfaellig(anlagen[2], DATEN[2])
    assert u[["handlungsfeld", "nr", "status", "termin_ende", "tage"]].values.tolist() == [
        [2, 2, "nicht umgesetzt", dt.date(2017, 12, 31), 60],
        [1, 3, "in Arbeit", dt.date(2018, 2, 28), 1],
    ]
    assert af.ueberfaellig_tabelle(u)[["Nr", "Termin", "überfällig seit"]].values.tolist() == [
        ["2.2", "2017", "60 Tagen"],
        ["1.3", "Februar 2018", "1 Tagen"],
    ]
    # A Termin ends on its last day: on 31.12.2017 nothing from 2017 is overdue yet.
    assert fs.ueberfaellig(anlagen[2], dt.date(2017, 12, 31)).empty
    assert fs.ueberfaellig(anlagen[0], DATEN[0]).empty


def test_gefluechtete(anlagen):
    g = fs.gefluechtete(anlagen[2])
    assert (
        g.gesamt["empfehlungen"],
        g.alle,
        g.gesamt["umgesetzt_anzahl"],
        g.gesamt["umgesetzt_oder_in_arbeit_anzahl"],
    ) == (
        3,
        7,
        1,
        2,
    )
    assert g.verteilung[["nr", "empfehlungen", "umgesetzt", "in Arbeit", "in Abstimmung"]].values.tolist() == [
        [1, 0, 0, 0, 0],
        [2, 2, 1, 1, 0],
        [3, 1, 0, 0, 1],
    ]
    assert list(zip(g.empfehlungen["handlungsfeld"], g.empfehlungen["nr"])) == [(2, 1), (2, 3), (3, 1)]


def test_plan_ist(anlagen):
    p = fs.plan_ist(anlagen[2], 2017)
    assert (p.plan_eur, p.ist_eur, p.positionen, p.plan_ohne_ist_eur, p.positionen_ohne_ist) == (
        70000.0,
        67000.0,
        2,
        30000.0,
        1,
    )
    assert p.quote == pytest.approx(67000 / 70000)
    assert p.nach_handlungsfeld[["nr", "plan", "ist"]].values.tolist() == [[1, 60000.0, 55000.0], [2, 10000.0, 12000.0]]
    assert af.plan_ist_feld_tabelle(p).values.tolist() == [
        ["1 Aufbrechen und Ankommen", "60.000\u00a0€", "55.000\u00a0€", "−5.000\u00a0€", "91,7\u00a0%"],
        ["2 Wohnen", "10.000\u00a0€", "12.000\u00a0€", "+2.000\u00a0€", "120,0\u00a0%"],
    ]
    alle = fs.plan_ist(anlagen[2])
    assert alle.je_jahr[["jahr", "plan", "ist", "positionen", "ohne_ist"]].values.tolist() == [
        [2017, 70000.0, 67000.0, 2, 1],
        [2018, 0.0, 0.0, 0, 1],
    ]

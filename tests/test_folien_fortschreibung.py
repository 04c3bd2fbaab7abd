"""Slides, PowerPoint and Excel of the Fortschreibung views (issue 12), on the three Stände of
tests/fortschreibung_mappen.py: present where the data exist, absent where not."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.praesentation.folien import praesentation
from ipdaten.praesentation.folien_figuren import figur
from ipdaten.zahlen import verlauf as vl
from tests import fortschreibung_mappen as fm

NEU = ("gefluechtete", "zustaendigkeit", "plan_ist", "verlauf")


@pytest.fixture(scope="module")
def verlauf(anlagen):
    abrisse = fm.abrisse(anlagen)
    return VerlaufAuswertung(vl.verlauf(abrisse), anlagen[2].feldnamen)


def test_folien_mit_allen_daten(anlagen, verlauf):
    auswertung = Auswertung(anlagen[2])
    folien = {f.art: f for f in praesentation(auswertung, verlauf=verlauf).folien}
    assert set(NEU) <= set(folien)

    v = folien["verlauf"]
    assert v.titel == "Verlauf über 3 Stände"
    assert v.kernaussage == (
        "Umgesetzt: 33\u00a0% (6. März 2017) → 43\u00a0% (1. März 2018); umgesetzt oder in Arbeit: 50\u00a0% → 71\u00a0%."
    )
    assert v.diagramm.kategorien == ("06.03.2017", "30.09.2017", "01.03.2018")
    assert [r.werte for r in v.diagramm.reihen] == [
        pytest.approx((2 / 6, 2 / 6, 3 / 7)),
        pytest.approx((3 / 6, 4 / 6, 5 / 7)),
    ]

    g = folien["gefluechtete"]
    assert [(k.wert, k.bezeichnung) for k in g.kennzahlen] == [
        ("3", "Empfehlungen mit Bezug Geflüchtete"),
        ("33\u00a0%", "umgesetzt (1)"),
        ("67\u00a0%", "umgesetzt oder in Arbeit (2)"),
    ]
    assert g.diagramm.kategorien == ("2 Wohnen", "3 Sprache")

    z = folien["zustaendigkeit"]
    assert z.kernaussage == "2 Empfehlungen sind überfällig (Termin vor dem 1. März 2018, nicht umgesetzt)."
    assert [(p.vorne, p.text) for p in z.punkte] == [
        ("2017", "2.2 Empfehlung 2.2 – Kreisbau"),
        ("Februar 2018", "1.3 Empfehlung 1.3"),
    ]
    assert z.diagramm.kategorien[:2] == ("Jobcenter", "Kreisbau")

    p = folien["plan_ist"]
    assert p.titel == "Haushalt 2017: Plan und Ist"
    assert p.kernaussage == (
        "Verausgabt 67.000\u00a0€ von geplanten 70.000\u00a0€ (96\u00a0%) in 2 Positionen mit Ist; "
        "1 Positionen noch ohne Ist."
    )
    assert [r.werte for r in p.diagramm.reihen] == [(60000.0, 10000.0), (55000.0, 12000.0)]

    for art in NEU:
        assert figur(folien[art]) is not None, art

    datei = Presentation(io.BytesIO(pptx_bytes(praesentation(auswertung, verlauf=verlauf))))
    titel = [
        next((s.text_frame.text for s in f.shapes if s.has_text_frame and s.text_frame.text), "") for f in datei.slides
    ]
    assert "Verlauf über 3 Stände" in titel and "Zuständigkeit und Termine" in titel


def test_stand_ohne_die_spalten_hat_keine_neuen_folien(anlagen):
    folien = praesentation(Auswertung(anlagen[0]))
    # Stand 1 has Bezug Geflüchtete (the old column), but none of the new ones.
    assert [f.art for f in folien.folien if f.art in NEU] == ["gefluechtete"]


def test_excel_mit_den_neuen_blaettern(anlagen, verlauf):
    mappe = load_workbook(io.BytesIO(excel_bytes(Auswertung(anlagen[2]), verlauf=verlauf)))
    assert {"Zuständig", "Arbeitsgruppe", "Überfällig", "Geflüchtete", "Plan und Ist", "Verlauf"} <= set(
        mappe.sheetnames
    )
    ueberfaellig = [[z.value for z in zeile] for zeile in mappe["Überfällig"].iter_rows(min_row=2)]
    assert ueberfaellig == [
        [2, 2, "Empfehlung 2.2", "nicht umgesetzt", "Kreisbau", "2017", dt.datetime(2017, 12, 31), 60],
        [1, 3, "Empfehlung 1.3", "in Arbeit", None, "Februar 2018", dt.datetime(2018, 2, 28), 1],
    ]
    verlauf_zeilen = [[z.value for z in zeile] for zeile in mappe["Verlauf"].iter_rows(min_row=2)]
    gesamt = [z for z in verlauf_zeilen if z[3] == "Alle Handlungsfelder"]
    assert [(z[1], z[4], z[5], z[7]) for z in gesamt] == [(1, 6, 2, 3), (2, 6, 2, 4), (3, 7, 3, 5)]
    plan_ist = [[z.value for z in zeile] for zeile in mappe["Plan und Ist"].iter_rows(min_row=2)]
    assert plan_ist == [
        [2017, "Interkulturelle Öffnung", 1, 60000, 55000, -5000, pytest.approx(55 / 60)],
        [2017, "Wohnraum-Expertise", 2, 10000, 12000, 2000, pytest.approx(1.2)],
    ]
    ohne = load_workbook(io.BytesIO(excel_bytes(Auswertung(anlagen[0]))))
    assert not {"Zuständig", "Arbeitsgruppe", "Überfällig", "Plan und Ist", "Verlauf"} & set(ohne.sheetnames)

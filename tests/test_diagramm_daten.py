"""Every chart's figures as a table and CSV (ipdaten.darstellung.diagramm_daten)."""

from __future__ import annotations

import csv
import io

import plotly.graph_objects as go

from ipdaten import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_daten import LIZENZ, als_csv, diagramm_hinweise, diagramm_tabelle
from tests.arbeitsmappen import standard_bytes


def _auswertung() -> Auswertung:
    return Auswertung(lade_anlage(standard_bytes()))


def test_gestapelte_balken_zeigen_anzahl_und_anteil_je_status():
    tabelle = diagramm_tabelle(_auswertung().status_diagramm(), "Handlungsfeld")
    assert list(tabelle.columns) == [
        "Handlungsfeld",
        "umgesetzt",
        "in Arbeit",
        "in Abstimmung",
        "nicht umgesetzt",
        "ohne Angabe",
    ]
    assert tabelle.iloc[5].tolist() == [
        "6 Gesellschaft *",
        "5 (19\xa0%)",
        "5 (19\xa0%)",
        "0 (0\xa0%)",
        "17 (63\xa0%)",
        "0 (0\xa0%)",
    ]
    # The same in the absolute view: the table does not depend on the switch.
    assert diagramm_tabelle(_auswertung().status_diagramm(absolut=True), "Handlungsfeld").equals(tabelle)


def test_getrennte_reihen_werden_eine_wertspalte_mit_reihe():
    _, balken, _ = _auswertung().einbuergerung_ansicht(2016)
    tabelle = diagramm_tabelle(balken, "Gebiet")
    assert list(tabelle.columns) == ["Gebiet", "Einbürgerungsquote in %", "Reihe"]
    assert tabelle.iloc[0].tolist() == ["Landkreis Böblingen *", "1,54\xa0%", "Landkreis Böblingen"]
    assert tabelle.iloc[-1].tolist() == ["Landkreis Göppingen", "keine Angabe", "keine Angabe"]
    assert "Mittel: 1,34\xa0%" in diagramm_hinweise(balken)


def test_linien_mit_datum_und_wert_im_format_der_achse():
    fig = go.Figure(go.Scatter(name="Alle", x=["2017-03-06", "2017-09-30"], y=[32.0, 33.3]))
    fig.update_yaxes(tickformat=",.0f", ticksuffix=" %", title_text="Anteil<br>Fußnote")
    tabelle = diagramm_tabelle(fig, "Stand")
    assert tabelle.to_dict("list") == {
        "Stand": ["6. März 2017", "30. September 2017"],
        "Anteil": ["32\xa0%", "33\xa0%"],
    }
    assert diagramm_hinweise(fig) == ["Fußnote"]


def test_sankey_wird_liste_der_fluesse():
    fig = go.Figure(go.Sankey(node=dict(label=["a", "b"]), link=dict(source=[0], target=[1], value=[3])))
    assert diagramm_tabelle(fig).to_dict("list") == {"von": ["a"], "nach": ["b"], "Anzahl": ["3"]}


def test_beschriftungen_aus_der_arbeitsmappe_als_klartext():
    fig = go.Figure(go.Bar(orientation="h", y=["A &amp; B<br>zweite Zeile"], x=[1], text=["<b>1</b>"]))
    assert diagramm_tabelle(fig).iloc[0].tolist() == ["A & B zweite Zeile", "1"]


def test_csv_nennt_quelle_stand_lizenz_und_ist_sicher():
    fig = go.Figure(go.Bar(orientation="h", y=['=HYPERLINK("x")', "+5"], x=[1, 2], text=["-1", "@a"]))
    daten = als_csv(diagramm_tabelle(fig), titel="T", quelle="=Quelle", stand="6. März 2017")
    assert daten.startswith("\ufeff".encode())
    zeilen = list(csv.reader(io.StringIO(daten.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[:5] == [["Diagramm", "T"], ["Quelle", "'=Quelle"], ["Stand", "6. März 2017"], ["Lizenz", LIZENZ], []]
    assert zeilen[5:] == [["Bezeichnung", "Wert"], ['\'=HYPERLINK("x")', "'-1"], ["'+5", "'@a"]]

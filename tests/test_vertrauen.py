"""Issue 15, "Trust in every figure": one rounding rule for shares, times in the county's
time zone, German texts and actionable refusals — checked where the user sees them."""

from __future__ import annotations

import datetime as dt
import io
import json

from openpyxl import load_workbook

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation import folien
from ipdaten.praesentation.export_excel import excel_bytes
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import kennzahlen, starte, tabellen, text


def test_rundungsregel_fuer_anteile():
    assert fmt.anteil(0.6188) == "62\xa0%"  # on its own: whole percent
    assert fmt.anteil_tabelle(0.6188) == "61,9\xa0%"  # in a table: one decimal
    assert fmt.anteil_veraenderung(3.46) == "+3,5\xa0Pp."  # a change: one decimal
    assert fmt.anteil_veraenderung(-0.04) == "−0,0\xa0Pp."
    assert fmt.anteil(None) == fmt.anteil_tabelle(None) == "–"


def _ohne_marke(zahlen: dict[str, str]) -> dict[str, str]:
    return {k.replace(" (Annahme)", ""): v for k, v in zahlen.items()}


def test_derselbe_anteil_auf_uebersicht_fortschritt_und_folie_gleich_gerundet():
    Ablage(ablage_verzeichnis(), STANDARD_PFAD).veroeffentliche(ueberarbeitete_standard_bytes(), bezeichnung="Herbst")
    uebersicht = _ohne_marke(kennzahlen(starte("seiten/uebersicht.py")))
    fortschritt_seite = starte("seiten/fortschritt.py")
    fortschritt = _ohne_marke(kennzahlen(fortschritt_seite))
    neu = Auswertung(lade_anlage(ueberarbeitete_standard_bytes()))
    bilanz = next(f for f in folien.praesentation(neu).folien if f.art == "bilanz")
    auf_folie = {text(k.bezeichnung).split(" (")[0]: text(k.wert) for k in bilanz.kennzahlen}

    wert = uebersicht["umgesetzt oder in Arbeit"]
    assert wert == fortschritt["Anteil umgesetzt oder in Arbeit"] == auf_folie["umgesetzt oder in Arbeit"]
    assert uebersicht["davon umgesetzt"] == fortschritt["Anteil umgesetzt"] == auf_folie["umgesetzt"]
    assert wert.endswith(" %") and "," not in wert  # a headline: whole percent
    # the table under it carries one decimal of the same share
    felder = next(t for t in tabellen(fortschritt_seite) if "umgesetzt nachher" in t.columns)
    assert all("," in text(w) for w in felder["umgesetzt nachher"] if w != "–")


def test_zeitpunkte_in_berliner_zeit():
    assert fmt.zeitpunkt(dt.datetime(2026, 7, 1, 12, 5, tzinfo=dt.UTC)) == "1. Juli 2026, 14:05 Uhr"  # summer
    assert fmt.zeitpunkt(dt.datetime(2026, 1, 15, 12, 5)) == "15. Januar 2026, 13:05 Uhr"  # naive = UTC, winter


def test_excel_export_erstellt_in_berliner_zeit():
    auswertung = Auswertung(lade_anlage(STANDARD_PFAD))
    vorher = dt.datetime.now(fmt.ZEITZONE)
    mappe = load_workbook(io.BytesIO(excel_bytes(auswertung)))
    nachher = dt.datetime.now(fmt.ZEITZONE)
    info = {z[0].value: z[1].value for z in mappe["Info"].iter_rows(min_row=2)}
    moeglich = {f"{fmt.datum(t.date())}, {t:%H:%M} Uhr" for t in (vorher, nachher)}
    assert info["Erstellt"] in moeglich


def test_pptx_fortschritt_eine_beschriftung_je_feld_und_legende_in_balkenfolge():
    from pptx import Presentation

    from ipdaten.praesentation.export_pptx import pptx_bytes

    vorher = Auswertung(lade_anlage(STANDARD_PFAD))
    jetzt = Auswertung(lade_anlage(ueberarbeitete_standard_bytes()))
    p = folien.praesentation(jetzt, vorher=vorher)
    nummer = next(i for i, f in enumerate(p.folien) if f.art == "fortschritt")
    folie = Presentation(io.BytesIO(pptx_bytes(p))).slides[nummer]
    (rahmen,) = [s for s in folie.shapes if s.has_chart]
    chart = rahmen.chart
    alt, neu = chart.plots[0].series
    assert not chart.has_legend  # PowerPoint lists bar series bottom-up: our own legend instead
    legende = next(s for s in folie.shapes if s.has_text_frame and "umgesetzt 6. März 2017" in s.text_frame.text)
    text = legende.text_frame.text
    assert text.index("umgesetzt 6. März 2017") < text.index("umgesetzt 30. September 2017")
    assert chart.category_axis.reverse_order  # first series on top: the legend's order
    xml = alt._element.xml
    assert '<c:showVal val="0"/>' in xml  # the earlier bar carries no label
    beschriftungen = [
        neu.points[i].data_label.text_frame.text for i in range(len(p.folien[nummer].diagramm.kategorien))
    ]
    assert beschriftungen[0] == "35\xa0% (+5,0\xa0Pp.)" and beschriftungen[-1] == "50\xa0% (neu)"
    assert neu._element.xml.count('wrap="none"') == len(beschriftungen)  # one line each


def test_hochladen_nur_xlsx_und_diagrammleiste_deutsch():
    at = starte("seiten/daten.py")
    (hochladen,) = [f for f in at.get("file_uploader") if f.proto.id.endswith("anlage_upload")]
    assert list(hochladen.proto.type) == [".xlsx"]
    assert "als „Excel-Arbeitsmappe (.xlsx)“ speichern" in hochladen.proto.help
    haushalt = starte("seiten/haushalt.py")
    konfiguration = json.loads(haushalt.get("plotly_chart")[0].proto.config)
    assert konfiguration["locale"] == "de"
    woerter = konfiguration["locales"]["de"]["dictionary"]
    assert woerter["Download plot as a PNG"] == "Diagramm als PNG herunterladen"
    assert woerter["Zoom in"] == "Vergrößern"

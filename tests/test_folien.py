"""The slides as data (ipdaten.praesentation.folien) and their on-screen charts (ipdaten.praesentation.folien_figuren)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, STATUS_FARBEN
from ipdaten.praesentation import folien as fl
from ipdaten.praesentation.folien_figuren import figur
from ipdaten.zahlen.vergleich import vergleiche
from tests.arbeitsmappen import empfehlung, mappe_bytes, ueberarbeitete_standard_bytes


def _auswertung(daten: bytes) -> Auswertung:
    return Auswertung(lade_anlage(daten))


def test_folgen_der_standardmappe(standard):
    p = fl.praesentation(standard)
    assert [(f.art, f.titel) for f in p.folien] == [
        ("titel", "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)"),
        ("bilanz", "Gesamtbilanz"),
        ("status", "Stand der Umsetzung je Handlungsfeld"),
        ("feld", "Handlungsfeld 1: Aufbrechen und Ankommen"),
        ("feld", "Handlungsfeld 2: Wohnen"),
        ("feld", "Handlungsfeld 3: Sprache"),
        ("feld", "Handlungsfeld 4: Bildung und Arbeit"),
        ("feld", "Handlungsfeld 5: Gesundheit"),
        ("feld", "Handlungsfeld 6: Gesellschaft"),
        ("feld", "Handlungsfeld 7: Religion"),
        ("feld", "Handlungsfeld 8: Leben und Freizeit"),
        ("einbuergerung", "Einbürgerung in der Region Stuttgart 2016"),
        ("gefluechtete", "Empfehlungen mit Bezug zu Geflüchteten"),
        ("haushalt", "Haushalt 2017"),
        ("meilensteine", "Der Weg nach vorn"),
    ]
    assert p.stand_text == "Stand: 6. März 2017"
    assert p.folien[0].untertitel == "Stand: 6. März 2017"
    assert p.folien[0].kernaussage == "181 Handlungsempfehlungen in 8 Handlungsfeldern"
    assert [x.text for x in p.folien[0].punkte] == [
        "Auf Annahmen oder Platzhaltern der Rekonstruktion beruhen 146 von 181 Empfehlungen, 4 von 8 "
        "Handlungsfeldern (z. B. die Anzahl der Empfehlungen), 7 von 11 Haushaltsposten (Betrag oder "
        "Zuordnung) und 5 von 6 Einbürgerungsquoten. Gekennzeichnet mit „(Annahme)“ bzw. *; nicht die "
        "Angaben des Landkreises."
    ]
    mit_hinweis = fl.praesentation(standard, hinweis="Vorschau.").folien[0].punkte
    assert len(mit_hinweis) == 1 and mit_hinweis[0].text.startswith("Vorschau. Auf Annahmen")


def test_kernaussagen_deutsch_und_richtig(standard):
    p = {f.titel: f for f in fl.praesentation(standard).folien}
    assert p["Gesamtbilanz"].kernaussage == "32\u00a0% der Empfehlungen sind umgesetzt, weitere 30\u00a0% in Arbeit."
    assert [(k.wert, k.bezeichnung) for k in p["Gesamtbilanz"].kennzahlen] == [
        ("181", "Handlungsempfehlungen (Annahme)"),
        ("32\u00a0%", "umgesetzt (58) (Annahme)"),
        ("62\u00a0%", "umgesetzt oder in Arbeit (112) (Annahme)"),
    ]
    assert p["Stand der Umsetzung je Handlungsfeld"].kernaussage == (
        "Am weitesten: Gesundheit (60\u00a0% umgesetzt). Am meisten offen: Gesellschaft (63\u00a0% nicht umgesetzt)."
    )
    assert p["Einbürgerung in der Region Stuttgart 2016"].kernaussage == (
        "Landkreis Böblingen: Rang 1 von 5 mit 1,54\u00a0% (Mittel der Gebiete: 1,34\u00a0%)."
    )
    haushalt = p["Haushalt 2017"]
    assert haushalt.kernaussage.startswith("355.400\u00a0€ für 11 Maßnahmen")
    assert (haushalt.punkte[0].vorne, haushalt.punkte[0].text) == (
        "90.000\u00a0€ (25\u00a0%)",
        "Dolmetscherpool, koordiniert vom Landratsamt",
    )
    weg = p["Der Weg nach vorn"]
    assert [(x.vorne, x.erledigt) for x in weg.punkte][:5] == [
        ("Ende 2014", True),
        ("2015", True),
        ("August 2015", True),
        ("6. März 2017", True),
        ("29. März 2017", False),
    ]
    assert weg.kernaussage == "Als Nächstes: Auftakt: Arbeitsgruppe des Integrationsplans reaktiviert (29. März 2017)."


def test_feldfolie_zeigt_nur_benannte_empfehlungen(standard):
    feld6 = next(f for f in fl.praesentation(standard).folien if f.feld_nr == 6)
    assert feld6.untertitel == "„Freude am Gestalten“"
    assert feld6.kernaussage == "5 von 27 Empfehlungen umgesetzt (19\u00a0%), 5 in Arbeit."
    assert [(p.status, p.text) for p in feld6.punkte] == [
        ("umgesetzt", "Stelle der Integrationsbeauftragten auf Landkreisebene"),
        ("umgesetzt", "Engagementmodelle im Ehrenamt der Flüchtlingshilfe (Patenschaften, Sport, Bildung)"),
        ("umgesetzt", "Kreisweites Schülerpatenmodell mit Bildungspaten mit Migrationshintergrund"),
        ("in Arbeit", "Vernetzung im Themenfeld Migration und Behinderung ausbauen"),
        ("nicht umgesetzt", "Presse- und Öffentlichkeitsarbeit für gemeinnützige Organisationen"),
        ("nicht umgesetzt", "Internationaler Ausschuss auf Landkreisebene"),
    ]
    assert all("Platzhalter" not in p.text for p in feld6.punkte)
    assert feld6.weitere == 0


def test_mappe_ohne_markierungen_hat_fuer_jedes_feld_eine_folie():
    p = fl.praesentation(_auswertung(mappe_bytes()))
    assert [f.feld_nr for f in p.folien if f.art == "feld"] == [1, 2, 3]
    assert p.folien[0].punkte == ()  # no assumptions to mark


def test_feld_nur_mit_platzhaltern_hat_keine_folie_und_viele_werden_gezaehlt():
    zeilen = [empfehlung(1, n, "umgesetzt", f"Benannt {n}") for n in range(1, 10)]
    zeilen += [empfehlung(2, 1, "in Arbeit", bemerkung="Platzhalter: nicht genannt", quelle="Annahme (Rekonstruktion)")]
    zeilen += [empfehlung(3, 1, "in Abstimmung", quelle="Annahme: geschätzt")]
    p = fl.praesentation(_auswertung(mappe_bytes(empfehlungen=zeilen)))
    felder = [f for f in p.folien if f.art == "feld"]
    assert [f.feld_nr for f in felder] == [1]
    assert [x.text for x in felder[0].punkte] == [f"Benannt {n}" for n in range(1, fl.MAX_PUNKTE + 1)]
    assert felder[0].weitere == 9 - fl.MAX_PUNKTE
    # The status slide still shows all three fields.
    status = next(f for f in p.folien if f.art == "status")
    assert status.diagramm.kategorien == ("1 Aufbrechen und Ankommen", "2 Wohnen *", "3 Sprache *")


def test_fehlende_blaetter_lassen_folien_weg():
    p = fl.praesentation(_auswertung(mappe_bytes(ohne=("Einbürgerung", "Haushalt", "Meilensteine"))))
    assert [f.art for f in p.folien] == ["titel", "bilanz", "status", "feld", "feld", "feld", "gefluechtete"]


def test_einbuergerung_ohne_werte_laesst_folie_weg():
    daten = mappe_bytes(einbuergerung=[["Landkreis Böblingen", 2016, None]])
    assert "einbuergerung" not in [f.art for f in fl.praesentation(_auswertung(daten)).folien]


def test_haushalt_je_jahr_eine_folie():
    haushalt = [["A", 1000, 2017, 1], ["B", 2500, 2018, None], ["C", 500, 2018, 2]]
    p = fl.praesentation(_auswertung(mappe_bytes(haushalt=haushalt)))
    folien = [f for f in p.folien if f.art == "haushalt"]
    assert [(f.titel, f.jahr) for f in folien] == [("Haushalt 2017", 2017), ("Haushalt 2018", 2018)]
    d2018 = folien[1].diagramm
    assert d2018.kategorien == ("2 Wohnen", "ohne Zuordnung")
    assert d2018.reihen[0].werte == (500.0, 2500.0)
    assert d2018.reihen[0].punktfarben == (HERVORHEBUNG, NEUTRAL)
    assert folien[1].kernaussage.startswith("3.000\u00a0€ für 2 Maßnahmen")


def test_diagrammdaten_gleich_kennzahlen(standard):
    p = {f.art: f for f in fl.praesentation(standard).folien}
    verteilung = standard.verteilung
    status = p["status"].diagramm
    assert status.art == "gestapelt_100"
    assert [r.name for r in status.reihen] == list(STATUS_REIHENFOLGE)
    for reihe in status.reihen:
        assert list(reihe.werte) == [float(v) for v in verteilung[reihe.name]]
        assert reihe.farbe == STATUS_FARBEN[reihe.name]
    bilanz = p["bilanz"].diagramm
    assert list(bilanz.reihen[0].werte) == [float(standard.gesamt["status"][s]) for s in STATUS_REIHENFOLGE]
    einb = p["einbuergerung"].diagramm
    assert einb.reihen[0].werte == (1.54, 1.48, 1.36, 1.18, 1.14, None)
    assert einb.kategorien[-1] == "Landkreis Göppingen (keine Angabe)"
    assert einb.reihen[0].punktfarben[0] == HERVORHEBUNG


def test_fortschritt_seit_vorherigem_stand(standard):
    neu = _auswertung(ueberarbeitete_standard_bytes())
    p = fl.praesentation(neu, vorher=standard)
    assert p.vorher_stand == dt.date(2017, 3, 6)
    fortschritt = next(f for f in p.folien if f.art == "fortschritt")
    assert fortschritt.titel == "Fortschritt seit 6. März 2017"
    assert fortschritt.kernaussage == "Umgesetzt: 32\u00a0% → 33\u00a0% (+0,7\u00a0Pp.)."
    assert [(x.vorne, x.text) for x in fortschritt.punkte] == [
        ("1 ×", "in Arbeit → umgesetzt"),
        ("2 ×", "neue Empfehlungen"),
    ]
    vergleich = vergleiche(standard.anlage, neu.anlage)
    alt, jetzt = fortschritt.diagramm.reihen
    assert len(fortschritt.diagramm.kategorien) == 9
    assert fortschritt.diagramm.kategorien[-1] == "9 Flüchtlingsperspektive"
    assert list(jetzt.werte) == [float(v) for v in vergleich.felder["umgesetzt_neu"]]
    assert list(alt.werte)[:8] == [float(v) for v in vergleich.felder["umgesetzt_alt"]][:8]
    assert alt.werte[8] is None  # the new field had no share before
    # Without a previous Stand there is no progress slide; the milestones stay last.
    assert [f.art for f in p.folien][-2:] == ["fortschritt", "meilensteine"]
    assert "fortschritt" not in [f.art for f in fl.praesentation(neu).folien]


def _formeltext(wb):
    """Text starting with "=" as a string cell (openpyxl would otherwise write a formula)."""
    zelle = wb["Handlungsfelder"]["C2"]
    zelle.value = '=HYPERLINK("http://x")'
    zelle.data_type = "s"


def test_workbook_text_bleibt_unveraendert():
    felder = [[1, "<b>Fett</b> **nicht**", "Leitsatz", ""]]
    zeilen = [empfehlung(1, 1, "umgesetzt", "[Link](http://x) <script>")]
    daten = mappe_bytes(handlungsfelder=felder, empfehlungen=zeilen, haushalt=[], anpassen=_formeltext)
    p = fl.praesentation(_auswertung(daten))
    feld = next(f for f in p.folien if f.art == "feld")
    assert feld.titel == "Handlungsfeld 1: <b>Fett</b> **nicht**"
    assert feld.untertitel == '=HYPERLINK("http://x")'
    assert feld.punkte[0].text == "[Link](http://x) <script>"


@pytest.mark.parametrize("art", ["bilanz", "status", "feld", "einbuergerung", "haushalt"])
def test_bildschirmfiguren_gross_und_ohne_feste_hoehe(standard, art):
    folie = next(f for f in fl.praesentation(standard).folien if f.art == art)
    fig = figur(folie)
    assert fig is not None
    assert fig.layout.height is None
    assert fig.layout.font.size >= 21
    assert fig.layout.separators == ",."
    balken = [t for t in fig.data if t.type == "bar"]
    assert balken and all(t.textfont.size >= 21 for t in balken)


def test_bildschirmfigur_zahlen_wie_kennzahlen(standard):
    folien = fl.praesentation(standard).folien
    status = figur(next(f for f in folien if f.art == "status"))
    assert [t.name for t in status.data] == list(STATUS_REIHENFOLGE)
    assert list(status.data[0].text) == [str(int(v)) if v else "" for v in standard.verteilung["umgesetzt"]]
    feld = figur(next(f for f in folien if f.feld_nr == 6))
    assert list(feld.data[0].x) == [5, 5, 0, 17, 0]
    bilanz = figur(next(f for f in folien if f.art == "bilanz"))
    assert list(bilanz.data[0].x) == [58, 54, 2, 44, 23]
    assert "58 (32\u00a0%) *" in list(bilanz.data[0].text)  # rests on assumptions


def test_bildschirm_zeichnet_nur_die_daten_der_folie(standard):
    """The screen chart is drawn from the Folie alone: what the PowerPoint reads (values, labels,
    marks, range, mean line) is what the screen shows, and a changed Folie shows the change."""
    folien = fl.praesentation(standard).folien
    haushalt = next(f for f in folien if f.art == "haushalt")
    reihe = haushalt.diagramm.reihen[0]
    assert reihe.texte[2] == "90.000\u00a0€ (25\u00a0%)"
    fig = figur(haushalt)
    assert list(fig.data[0].x) == list(reihe.werte) and list(fig.data[0].text) == list(reihe.texte)
    assert list(fig.layout.xaxis.range) == [0, max(reihe.werte) * 2.0]

    einb = next(f for f in folien if f.art == "einbuergerung")
    assert einb.diagramm.linie == (pytest.approx(1.34, abs=0.005), "Mittel: 1,34\u00a0%")
    fig = figur(einb)
    assert [t.name for t in fig.data if t.showlegend is not False] == ["Landkreis Böblingen", "weitere Gebiete"]
    assert [a.text for a in fig.layout.annotations][:2] == ["keine Angabe", "Mittel: 1,34\u00a0%"]

    bilanz = next(f for f in folien if f.art == "bilanz")
    geaendert = replace(
        bilanz,
        diagramm=replace(
            bilanz.diagramm,
            reihen=(replace(bilanz.diagramm.reihen[0], werte=(1.0, 2.0, 3.0, 4.0, 5.0), texte=("a",) * 5),),
            bereich=(0.0, 10.0),
        ),
    )
    fig = figur(geaendert)
    assert (list(fig.data[0].x), list(fig.data[0].text)) == ([1.0, 2.0, 3.0, 4.0, 5.0], ["a"] * 5)
    assert list(fig.layout.xaxis.range) == [0, 10]


def test_fortschrittsfigur_und_meilensteine_ohne_figur(standard):
    neu = _auswertung(ueberarbeitete_standard_bytes())
    folien = fl.praesentation(neu, vorher=standard).folien
    fig = figur(next(f for f in folien if f.art == "fortschritt"))
    assert [t.name for t in fig.data] == ["umgesetzt 30. September 2017", "umgesetzt 6. März 2017"]
    assert fig.data[0].text[0] == "35\u00a0% (+5,0\u00a0Pp.)"  # field 1: 6 → 7 of 20
    assert fig.data[0].text[1] == "18\u00a0% (±0,0\u00a0Pp.)"
    assert fig.data[0].text[-1] == "50\u00a0% (neu)"  # field 9 did not exist before
    assert list(fig.data[1].x)[:2] == [30.0, pytest.approx(18.1818, abs=1e-3)]
    assert fig.data[1].x[-1] is None
    assert list(fig.layout.xaxis.ticktext)[1] == "20\u00a0%"
    # The fields marked * (assumptions of the reconstruction) get the line that explains the mark.
    assert any(k.endswith("*") for k in fig.layout.yaxis.ticktext or fig.data[0].y)
    assert "beruht auf einer Annahme" in fig.layout.xaxis.title.text
    assert figur(next(f for f in folien if f.art == "meilensteine")) is None
    assert figur(folien[0]) is None


def test_lange_texte_werden_auf_folien_gekuerzt():
    lang = "Sehr lange Empfehlung " * 20
    p = fl.praesentation(_auswertung(mappe_bytes(empfehlungen=[empfehlung(1, 1, "umgesetzt", lang)])))
    text = next(f for f in p.folien if f.art == "feld").punkte[0].text
    assert len(text) <= fl.MAX_ZEICHEN
    assert text.endswith(("Empfehlung…", "lange…", "Sehr…"))
    assert lang.strip().startswith(text[:-1])
    assert fl.kuerzen("kurz") == "kurz"
    assert fl.kuerzen("a" * 200, 10) == "a" * 9 + "…"


def test_vorschau_auf_jeder_folie_und_ohne_referenzgebiet():
    daten = mappe_bytes(einbuergerung=[["Landkreis Esslingen", 2016, 1.36], ["Landkreis Göppingen", 2016, 1.2]])
    p = fl.praesentation(_auswertung(daten), vorschau=True)
    assert p.stand_text == "Stand: 6. März 2017 (Vorschau – nicht veröffentlicht)"
    einb = next(f for f in p.folien if f.art == "einbuergerung")
    assert einb.kernaussage == "Einbürgerungsquoten von 2 Gebieten (Mittel der Gebiete: 1,28\u00a0%)."
    assert set(einb.diagramm.reihen[0].punktfarben) == {NEUTRAL}


def test_viele_felder_kleinere_schrift_aber_jede_beschriftung():
    from tests.arbeitsmappen import grosse_mappe_bytes

    viele = _auswertung(grosse_mappe_bytes(400, felder=20))
    folien = fl.praesentation(viele).folien
    assert len([f for f in folien if f.art == "feld"]) == 20  # no placeholder marks: every field
    fig = figur(next(f for f in folien if f.art == "status"))
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickmode == "linear"
    assert fig.layout.font.size < 22
    assert len(fig.data[0].y) == 20

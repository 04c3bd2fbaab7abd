"""Issue 15/14: one rule for what counts as an assumption, and the mark wherever a figure that
rests on one is shown — pages, charts, slides, PowerPoint and Excel — for any workbook."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation import folien
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.zahlen import annahmen
from tests.arbeitsmappen import KOPF, STANDARD_PFAD, empfehlung, mappe_bytes
from tests.seiten_hilfen import diagramme, kennzahlen, starte, tabellen, text, texte


@pytest.mark.parametrize(
    ("quelle", "bemerkung", "erwartet"),
    [
        ("Annahme (Rekonstruktion): Status abgeleitet", "Platzhalter: nicht genannt", "Platzhalter"),
        ("Annahme (Rekonstruktion): Status abgeleitet", "Amt eingerichtet", "Annahme"),
        ("Annahme: Zahl geschätzt", "", "Annahme"),
        ("", "  platzhalter", "Platzhalter"),
        ("Bericht SGA 06.03.2017; Zuordnung zum Handlungsfeld angenommen", None, "Annahme"),
        ("Bericht SGA 06.03.2017; Jahr 2016 erschlossen (Pressemitteilung 24.03.2017)", None, "Annahme"),
        ("Bericht SGA 06.03.2017; Anzahl der Empfehlungen angenommen (Rekonstruktion)", None, "Annahme"),
        ("Betrag geschätzt", None, "Annahme"),
        ("Kreistag", "Annahme des Antrags im Kreistag 2016", ""),  # adoption, not a mark
        ("Bericht SGA", "Im Bericht als Platzhalter bezeichnet", ""),  # a Bemerkung must start with it
        ("Bericht SGA", "Antrag angenommen", ""),  # the word rule holds in Quelle only
        ("Quelle: Annahme (Rekonstruktion)", None, "Annahme"),
        ("Bericht SGA 06.03.2017 (Titel gekürzt)", "", ""),
        ("Region Stuttgart; im Bericht kein Wert genannt (keine Angabe)", None, ""),
        (float("nan"), None, ""),
    ],
)
def test_eine_regel_fuer_annahmen(quelle, bemerkung, erwartet):
    assert annahmen.kennzeichnung(quelle, bemerkung) == erwartet
    assert annahmen.ist_annahme(quelle, bemerkung) is (erwartet != "")


def test_standard_arbeitsmappe_annahmen_aller_blaetter():
    a = annahmen.annahmen(lade_anlage(STANDARD_PFAD))
    assert (a.empfehlungen, a.empfehlungen_gesamt) == (146, 181)
    assert (a.felder, a.felder_gesamt) == ((3, 4, 5, 7), 8)
    assert (a.haushalt, a.haushalt_gesamt) == (7, 11)
    assert (a.einbuergerung, a.einbuergerung_gesamt) == (5, 6)


# Three recommendations that the two former rules judged differently: the page counted every
# "annahme" anywhere (2 of 3), the title slide only marks at the start (none).
DREI = [
    empfehlung(1, 1, quelle="Quelle: Annahme (Rekonstruktion)"),
    empfehlung(1, 2, bemerkung="Im Bericht nur als Platzhalter genannt"),
    empfehlung(2, 1, quelle="Bericht"),
]


def test_seite_und_titelfolie_zaehlen_dieselben_annahmen():
    daten = mappe_bytes(handlungsfelder=[[1, "A", "L", ""], [2, "B", "L", ""]], empfehlungen=DREI)
    seite = texte(starte("seiten/uebersicht.py", mappe=daten))
    titel = folien.praesentation(Auswertung(lade_anlage(daten))).folien[0]
    assert "**Annahmen:** 1 gekennzeichnete Zeilen" in seite
    assert "1 von 3 Empfehlungen" in titel.punkte[0].text
    assert "2 von 3" not in seite + titel.punkte[0].text


def _mappe_mit_annahmen() -> bytes:
    """A small workbook whose budget, naturalisation and field rows carry marks in Quelle."""
    return mappe_bytes(
        handlungsfelder=[
            [1, "Aufbrechen und Ankommen", "L", "", "Bericht"],
            [2, "Wohnen", "L", "", "Anzahl der Empfehlungen angenommen"],
            [3, "Sprache", "L", "", ""],
        ],
        einbuergerung=[
            ["Landkreis Böblingen", 2016, 1.54, "Jahr erschlossen"],
            ["Landkreis Esslingen", 2016, 1.36, "Statistik"],
        ],
        haushalt=[
            ["Interkulturelle Öffnung", 60000, 2017, 1, "Bericht"],
            ["Wohnraum-Expertise", 10000, 2017, 2, "Bericht; Zuordnung zum Handlungsfeld angenommen"],
            ["Unternehmerpreis", 30000, 2017, None, "Betrag geschätzt"],
        ],
        koepfe={
            "Handlungsfelder": [*KOPF["Handlungsfelder"], "Quelle"],
            "Einbürgerung": [*KOPF["Einbürgerung"], "Quelle"],
            "Haushalt": [*KOPF["Haushalt"], "Quelle"],
        },
    )


def test_haushalt_seite_kennzeichnet_zuordnung_und_betrag():
    at = starte("seiten/haushalt.py", mappe=_mappe_mit_annahmen())
    zahlen = kennzahlen(at)
    # the total rests on the estimated amount; the unassigned amount is that line
    assert zahlen["Summe der im Bericht aufgeführten Positionen (Annahme)"] == "100.000 €"
    assert zahlen["ohne Zuordnung zu einem Handlungsfeld (Annahme)"] == "30.000 €"
    massnahmen, je_feld = tabellen(at)
    zeilen = {
        text(m): (text(b), text(f))
        for m, b, f in zip(massnahmen["Maßnahme"], massnahmen["Betrag"], massnahmen["Handlungsfeld"])
    }
    assert zeilen == {
        "Interkulturelle Öffnung": ("60.000 €", "1 Aufbrechen und Ankommen"),
        "Unternehmerpreis": ("30.000 € (Annahme)", "ohne Zuordnung"),
        "Wohnraum-Expertise": ("10.000 €", "2 Wohnen (Annahme)"),
    }
    assert [text(f) for f in je_feld["Handlungsfeld"]] == [
        "1 Aufbrechen und Ankommen",
        "2 Wohnen (Annahme)",
        "ohne Zuordnung (Annahme)",
    ]
    bild_massnahmen, bild_feld = diagramme(at)
    assert list(bild_feld["data"][0]["y"]) == ["1 Aufbrechen und Ankommen", "2 Wohnen *", "ohne Zuordnung *"]
    assert list(bild_feld["data"][0]["marker"]["pattern"]["shape"]) == ["", "/", "/"]
    assert "* beruht auf einer Annahme" in bild_feld["layout"]["xaxis"]["title"]["text"]
    beschriftungen = [y for spur in bild_massnahmen["data"] for y in spur["y"]]
    assert sorted(beschriftungen) == ["Interkulturelle Öffnung", "Unternehmerpreis *", "Wohnraum-Expertise *"]
    (zeile,) = [c for c in at.caption if c.value.startswith("**Stand:**")]
    assert "2 von 3 Haushaltsposten" in zeile.help  # the banner counts budget lines too


def test_einbuergerung_seite_kennzeichnet_quote_rang_und_tabelle():
    at = starte("seiten/einbuergerung.py", mappe=_mappe_mit_annahmen())
    zahlen = kennzahlen(at)
    assert zahlen["Quote Landkreis Böblingen (Annahme)"] == "1,54 %"
    assert zahlen["Rang in der Region (Annahme)"] == "1 von 2"
    (tabelle,) = tabellen(at)
    assert tabelle["Kennzeichnung"].tolist() == ["Annahme", ""]
    (bild,) = diagramme(at)
    assert "Landkreis Böblingen *" in [y for spur in bild["data"] for y in spur["y"]]


def test_uebersicht_kennzeichnet_feld_mit_angenommener_anzahl():
    at = starte("seiten/uebersicht.py", mappe=_mappe_mit_annahmen())
    zahlen = kennzahlen(at)
    assert zahlen["Handlungsempfehlungen (Annahme)"] == "6"
    assert zahlen["Haushalt 2017 (Annahme)"] == "100.000 €"
    (bild,) = diagramme(at)
    assert list(bild["data"][0]["y"]) == ["1 Aufbrechen und Ankommen", "2 Wohnen *", "3 Sprache"]
    (zeile,) = [c for c in at.caption if c.value.startswith("**Stand:**")]
    assert zeile.value.endswith("**Annahmen:** 4 gekennzeichnete Zeilen")
    assert "1 von 3 Handlungsfeldern" in zeile.help and "2 von 3 Haushaltsposten" in zeile.help


def test_folien_pptx_und_excel_kennzeichnen_annahmen():
    auswertung = Auswertung(lade_anlage(_mappe_mit_annahmen()))
    p = folien.praesentation(auswertung, hinweis="Rekonstruktion.")
    titel = p.folien[0]
    assert len(titel.punkte) == 1  # the caveat once
    assert titel.punkte[0].text.startswith("Rekonstruktion. Auf Annahmen oder Platzhaltern der Rekonstruktion beruhen")
    nach_art = {f.art: f for f in p.folien}
    assert nach_art["status"].diagramm.kategorien == ("1 Aufbrechen und Ankommen", "2 Wohnen *", "3 Sprache")
    assert nach_art["einbuergerung"].diagramm.kategorien == ("Landkreis Böblingen *", "Landkreis Esslingen")
    assert nach_art["haushalt"].diagramm.kategorien == ("1 Aufbrechen und Ankommen", "2 Wohnen *", "ohne Zuordnung *")
    assert all(nach_art[a].diagramm.fussnote.startswith("* beruht") for a in ("status", "einbuergerung", "haushalt"))
    assert nach_art["bilanz"].kennzahlen[0].bezeichnung == "Handlungsempfehlungen (Annahme)"

    with zipfile.ZipFile(io.BytesIO(pptx_bytes(p))) as z:
        xml = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert "* beruht auf einer Annahme der Rekonstruktion" in xml
    assert "2 Wohnen *" in xml and "Landkreis Böblingen *" in xml

    mappe = load_workbook(io.BytesIO(excel_bytes(auswertung)))
    haushalt = [[c.value for c in z] for z in mappe["Haushalt"].iter_rows()]
    kopf = haushalt[0]
    kennung = {z[kopf.index("Maßnahme")]: z[kopf.index("Kennzeichnung")] for z in haushalt[1:]}
    assert kennung == {
        "Interkulturelle Öffnung": None,
        "Wohnraum-Expertise": "Annahme (Zuordnung)",
        "Unternehmerpreis": "Annahme",
        "Summe der im Bericht aufgeführten Positionen": "Annahme",
    }
    einb = [[c.value for c in z] for z in mappe["Einbürgerung"].iter_rows()]
    assert [z[-1] for z in einb[1:]] == ["Annahme", None]
    info = {z[0].value: z[1].value for z in mappe["Info"].iter_rows(min_row=2)}
    assert info["Annahmen"].startswith(
        "Auf Annahmen oder Platzhaltern der Rekonstruktion beruhen 1 von 3 Handlungsfeldern"
    )


def test_mappe_ohne_markierungen_hat_keine_kennzeichnung():
    auswertung = Auswertung(lade_anlage(mappe_bytes()))
    assert auswertung.annahmen.anzahl == 0
    assert not any(k.annahme for k in auswertung.kopfzahlen)
    assert folien.praesentation(auswertung).folien[0].punkte == ()

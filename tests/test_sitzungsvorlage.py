"""The Sitzungsvorlage (Word): the generated .docx is opened again and every number in every
paragraph, heading and table is checked against what ipdaten computes (tests/
sitzungsvorlage_pruefung.py) – for the default workbook, a workbook with a ninth field and a
pair of Stände, and a three-Stand Fortschreibung with Zuständig, Termin and Ist. Plus the
report's structure (the five sections in heading styles, one assessment placeholder per field),
no workbook words in parts I–II, rows that never split, and the template."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile

import pytest
from docx import Document

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation import export_docx
from ipdaten.praesentation.diagramm_bild import png_bytes, wert_text
from ipdaten.praesentation.export_docx import VorlagenFehler, docx_bytes, pruefe_vorlage
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from ipdaten.praesentation.vorlage_abschnitte import quelle_amtlich
from ipdaten.praesentation.vorlage_daten import Rueckmeldestand, Sitzungsangaben
from ipdaten.zahlen.verlauf import verlauf
from tests import fortschreibung_mappen as fm
from tests.arbeitsmappen import STANDARD_PFAD, empfehlung, mappe_bytes, standard_bytes
from tests.sitzungsvorlage_pruefung import BEWERTUNG, WERKSTATT_WORT, Gelesen, pruefe_dokument, t

WURZEL = STANDARD_PFAD.parent.parent


def _auswertung(daten) -> Auswertung:
    return Auswertung(lade_anlage(daten))


def _bericht(jetzt: Auswertung, vorher: Auswertung | None = None, **kw) -> Gelesen:
    return Gelesen(docx_bytes(sitzungsvorlage(jetzt, vorher=vorher, **kw)))


@pytest.fixture(scope="module")
def standard_vorlage(standard):
    """The Sitzungsvorlage of the default workbook (read only by the tests)."""
    return sitzungsvorlage(standard)


@pytest.fixture(scope="module")
def standard_docx(standard_vorlage) -> bytes:
    """The Word document of the default workbook, built once (three charts rendered as PNG)."""
    return docx_bytes(standard_vorlage)


@pytest.fixture(scope="module")
def drei_staende(anlagen):
    """The three Stände of tests/fortschreibung_mappen.py: (Auswertungen, their Verlauf)."""
    return [Auswertung(a) for a in anlagen], VerlaufAuswertung(verlauf(fm.abrisse(anlagen)), anlagen[-1].feldnamen)


@pytest.fixture(scope="module")
def fortschreibung_docx(drei_staende) -> bytes:
    (_, vorher, jetzt), va = drei_staende
    return docx_bytes(sitzungsvorlage(jetzt, vorher=vorher, verlauf=va))


def test_standardmappe_jede_zahl_stimmt(standard, standard_docx):
    gelesen = Gelesen(standard_docx)
    pruefe_dokument(gelesen, standard, sitzung="6. März 2017")
    assert gelesen.ueberschriften == [
        "I. Vorlage an den",
        "II. Bericht",
        "1. Bilanz (Auswertung der Tabellen – Qualitative Bewertung)",
        *(
            f"Handlungsfeld {n} – {name}"
            for n, name in enumerate(
                [
                    "Aufbrechen und Ankommen",
                    "Wohnen",
                    "Sprache",
                    "Bildung und Arbeit",
                    "Gesundheit",
                    "Gesellschaft",
                    "Religion",
                    "Leben und Freizeit",
                ],
                start=1,
            )
        ),
        "Einbürgerung im regionalen Vergleich",
        "2. Weiteres Vorgehen (Ausblick)",
        "3. Flüchtlingsperspektive",
        "4. Perspektive (Ergebnisse bis zum 27. November 2017)",
        "5. Finanzielle Auswirkungen",
        "Anlage 1: Auswertung der Handlungsempfehlungen",
    ]
    assert {gelesen.stilnamen[u] for u in gelesen.ueberschriften[:3]} == {"Heading 1", "Heading 2"}
    assert len(gelesen.bilder) == 3  # status per field, naturalisation, Geflüchtete
    # the report's own figures, as the first report states them: 60 % umgesetzt bzw. im Umsetzungsprozess
    assert gelesen.absatz("Handlungsfeld 1. Aufbrechen").startswith(
        "Im Handlungsfeld 1. Aufbrechen und Ankommen (Integrationsplan Seiten 13–15) sind 60 % der 20 "
        "Handlungsempfehlungen umgesetzt bzw. im Umsetzungsprozess (12 Empfehlungen). Umgesetzt wurden 30 % (6)"
    )
    assert "Weitere 20 % der Empfehlungen (4) wurden noch nicht umgesetzt, wie z. B. „Mehrsprachige" in (
        gelesen.absatz("Handlungsfeld 3. Sprache")
    )
    assert gelesen.tabelle(["Maßnahme", "Plan"])[-1] == ["Summe 2017", "355.400 €"]
    assert gelesen.absatz("Bei der Einbürgerungsquote 2016").startswith(
        "Bei der Einbürgerungsquote 2016 liegt der Landkreis Böblingen mit 1,54 % auf Rang 1 von 5 Gebieten mit Angabe."
    )
    assert "Für den Landkreis Göppingen liegt keine Angabe vor." in gelesen.absatz("Einbürgerungsquote 2016")
    assert gelesen.nach("4. Perspektive (Ergebnisse bis zum 27. November 2017)")[0] == (
        "Der nächste Bericht an den Sozial- und Gesundheitsausschuss ist für den 27. November 2017 vorgesehen "
        "(„Ergebnisse im Sozial- und Gesundheitsausschuss“)."
    )
    # the meeting itself and the next report are not among the next steps
    assert [a for a in gelesen.absaetze if gelesen.stilnamen[a] == "List Bullet"] == [
        "29. März 2017: Auftakt: Arbeitsgruppe des Integrationsplans reaktiviert",
        "Juli 2017: Arbeitstreffen",
        "September 2017: Arbeitstreffen",
    ]


def test_fluechtlingsperspektive_mit_den_zahlen_der_seite(standard, standard_docx):
    gelesen = Gelesen(standard_docx)
    abschnitt = gelesen.nach("3. Flüchtlingsperspektive", 2)
    assert (
        abschnitt[0].startswith("[Flüchtlingsperspektive: hier die spezifischen Bedarfe")
        and gelesen.markiert[abschnitt[0]]
    )
    assert abschnitt[1] == (
        "5 der 181 Handlungsempfehlungen (3 %) haben einen ausdrücklichen Bezug zu Geflüchteten. Davon sind 3 (60 %) "
        "umgesetzt und 2 (40 %) in Arbeit. Umgesetzt oder im Umsetzungsprozess sind damit 100 % (5). Sie verteilen "
        "sich auf 4 Handlungsfelder:"
    )
    seite = standard.gefluechtete_tabellen()[0]  # what the page Geflüchtete shows
    tabelle = gelesen.tabelle(["Handlungsfeld", "Anzahl", "umgesetzt", "in Arbeit"])
    assert tabelle[1:] == [[t(w) for w in zeile] for zeile in seite.itertuples(index=False)]
    assert "Abbildung 3: Empfehlungen mit Bezug zu Geflüchteten je Handlungsfeld (Anzahl)" in gelesen.absaetze


def test_neuntes_handlungsfeld_und_zwei_staende(standard, herbst):
    gelesen = _bericht(herbst, standard)
    pruefe_dokument(gelesen, herbst, standard, sitzung="27. November 2017")
    assert "in neun Handlungsfelder aufgeteilt" in gelesen.absatz("Der Integrationsplan ist in ")
    assert gelesen.absatz("Handlungsfeld 9. Flüchtlingsperspektive") == (
        "Von den beiden Handlungsempfehlungen im Handlungsfeld 9. Flüchtlingsperspektive wurde eine umgesetzt: "
        "„Perspektive 1 für Geflüchtete (Testdaten)“; die andere befindet sich in Arbeit: "
        "„Perspektive 2 für Geflüchtete (Testdaten)“."
    )
    assert (
        "Seit dem Stand vom 6. März 2017 ist der Anteil umgesetzter Empfehlungen um 5 Prozentpunkte gestiegen "
        "(von 30 % auf 35 %)." in gelesen.absaetze
    )
    assert gelesen.absatz("Gegenüber dem Stand vom") == (
        "Gegenüber dem Stand vom 6. März 2017 ist der Anteil umgesetzter Empfehlungen insgesamt um 0,7 Prozentpunkte "
        "gestiegen (von 32 % auf 33 %). Eine Empfehlung hat seitdem den Status gewechselt: 1 von „in Arbeit“ zu "
        "„umgesetzt“. 2 Empfehlungen sind neu hinzugekommen."
    )
    assert gelesen.tabelle(["Handlungsfeld", "umgesetzt 6. März 2017"])[-2] == [
        "9 Flüchtlingsperspektive",
        "–",
        "50,0 %",
        "neu",
    ]
    # the Sitzung (27.11.2017) is the next committee date after the Stand; nothing else follows
    assert (
        gelesen.absatz("noch nicht terminiert")
        == "Weitere Schritte sind nach dem Stand vom 30. September 2017 noch nicht terminiert."
    )
    assert "4. Perspektive (Ergebnisse bis zum nächsten Bericht)" in gelesen.ueberschriften
    # two Stände: the chart of the progress slide stands for the Verlauf
    assert gelesen.absatz("Abbildung 2:") == (
        "Abbildung 2: Anteil umgesetzter Empfehlungen je Handlungsfeld am 6. März 2017 und am 30. September 2017 "
        "(* beruht ganz oder teilweise auf Annahmen der Daten)"
    )


def test_neuntes_feld_ohne_vorigen_stand(herbst):
    pruefe_dokument(_bericht(herbst), herbst, sitzung="27. November 2017")


def test_fortschreibung_drei_staende_mit_zustaendig_termin_und_ist(drei_staende, fortschreibung_docx):
    (_, vorher, jetzt), va = drei_staende
    gelesen = Gelesen(fortschreibung_docx)
    pruefe_dokument(gelesen, jetzt, vorher, sitzung="[Sitzungsdatum eintragen]", verlauf=va)
    assert gelesen.absatz("Abbildung 2:") == "Abbildung 2: Verlauf über 3 Stände: Anteile über alle Handlungsfelder"
    # Anlage 1 with Zuständig and Termin
    anlage1 = gelesen.tabelle(
        ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung", "Zuständig", "Termin"]
    )
    assert anlage1[2] == [
        "1 Aufbrechen und Ankommen",
        "2",
        "",
        "Empfehlung 1.2",
        "umgesetzt",
        "Kurse abgeschlossen",
        "Jobcenter",
        "Juni 2017",
    ]
    # overdue and unchanged per Zuständig (named ones first, by name; unnamed last)
    assert gelesen.tabelle(["Zuständig", "Nr"])[1:] == [
        ["Jobcenter", "3.1", "Empfehlung 3.1", "in Abstimmung", "2018", "unverändert seit 6. März 2017 (3 Stände)"],
        [
            "Kreisbau",
            "2.2",
            "Empfehlung 2.2",
            "nicht umgesetzt",
            "2017",
            "überfällig seit 60 Tagen; unverändert seit 6. März 2017 (3 Stände)",
        ],
        ["nicht benannt", "1.3", "Empfehlung 1.3", "in Arbeit", "Februar 2018", "überfällig seit einem Tag"],
    ]
    assert gelesen.nach("Überfällige und lange unveränderte Empfehlungen")[0] == (
        "Nach dem Stand vom 1. März 2018 sind 2 Empfehlungen überfällig (Termin überschritten, noch nicht umgesetzt); "
        "2 Empfehlungen sind seit mindestens 3 Ständen unverändert und noch nicht umgesetzt. Betroffen sind Jobcenter "
        "und Kreisbau; bei einigen ist keine Zuständigkeit benannt."
    )
    # Plan and Ist: the year with Ist has the column, the other not; both have a sum row
    assert gelesen.tabelle(["Maßnahme", "Plan", "Ist"])[1:] == [
        ["Interkulturelle Öffnung", "60.000 €", "55.000 €"],
        ["Wohnraum-Expertise", "10.000 €", "12.000 €"],
        ["Unternehmerpreis", "30.000 €", "keine Angabe"],
        ["Summe 2017", "100.000 €", "67.000 €"],
    ]
    assert gelesen.absatz("Ausgaben (Ist)") == (
        "Ausgaben (Ist) liegen für 2 der 3 Maßnahmen vor: 67.000 € bei geplanten 70.000 € für diese Maßnahmen (96 %). "
        "Für die übrige Maßnahme liegt zum Ist keine Angabe vor."
    )
    assert [tb[0] for tb in gelesen.tabellen if tb[-1][0] == "Summe 2018"] == [["Maßnahme", "Plan"]]


def test_angaben_zur_sitzung_und_rueckmelderunde(drei_staende):
    (_, vorher, jetzt), va = drei_staende
    angaben = Sitzungsangaben(gremium="Kreistag", sitzungsdatum=dt.date(2018, 3, 19), beschluss=True, oeffentlich=False)
    runde = Rueckmeldestand(
        "Frühjahr 2018",
        stellen=4,
        geantwortet=3,
        antwort="3 von 4 Stellen haben geantwortet",
        frist=dt.date(2018, 2, 15),
        zuletzt=dt.date(2018, 2, 20),
        offen=("Sozialamt",),
    )
    gelesen = _bericht(jetzt, vorher, verlauf=va, angaben=angaben, rueckmeldung=runde)
    pruefe_dokument(gelesen, jetzt, vorher, sitzung="19. März 2018", verlauf=va, gremium="Kreistag", rueckmeldung=runde)
    assert gelesen.tabellen[0] == [["Kreistag", "19. März 2018"], ["zur Beschlussfassung", "nichtöffentlich"]]
    beschluss = gelesen.nach("Beschlussvorschlag")[0]
    assert (
        beschluss == "[Beschlussvorschlag: hier den Wortlaut des Beschlussvorschlags eintragen.]"
        and gelesen.markiert[beschluss]
    )
    assert gelesen.absatz("Rückmelderunde") == (
        "Zur Rückmelderunde „Frühjahr 2018“ (Rückmeldefrist 15. Februar 2018): 3 von 4 Stellen haben geantwortet, "
        "zuletzt am 20. Februar 2018. Noch offen: Sozialamt."
    )
    mit_text = _bericht(jetzt, angaben=Sitzungsangaben(beschlussvorschlag="Der Ausschuss stimmt zu."))
    vorschlag = mit_text.nach("Beschlussvorschlag")[0]
    assert vorschlag == "Der Ausschuss stimmt zu." and not mit_text.markiert[vorschlag]
    assert mit_text.tabellen[0][1] == ["zur Beschlussfassung", "öffentlich"]
    assert "Beschlussvorschlag" not in _bericht(jetzt).absaetze  # zur Kenntnisnahme


def test_kleine_mappe_und_eingegebenes_sitzungsdatum():
    jetzt = _auswertung(mappe_bytes())
    gelesen = _bericht(jetzt, angaben=Sitzungsangaben(sitzungsdatum=dt.date(2017, 4, 3)))
    pruefe_dokument(gelesen, jetzt, sitzung="3. April 2017")


def test_ohne_sitzungstermin_ist_das_datum_ein_markierter_platzhalter():
    jetzt = _auswertung(mappe_bytes(meilensteine=[["2018-05-01", "Arbeitstreffen"]]))
    gelesen = _bericht(jetzt)
    assert gelesen.tabellen[0][0] == ["Sozial- und Gesundheitsausschuss", "[Sitzungsdatum eintragen]"]
    assert "[Sitzungsdatum fehlt (kein Sitzungstermin in den Meilensteinen) – bitte eintragen.]" in gelesen.absaetze
    schritt = gelesen.absaetze.index("Als nächster Schritt ist nach dem Stand vom 6. März 2017 vorgesehen:")
    assert gelesen.absaetze[schritt + 1] == "1. Mai 2018: Arbeitstreffen"
    pruefe_dokument(gelesen, jetzt, sitzung="[Sitzungsdatum eintragen]")


def test_bewertung_ohne_berichtstext_ist_ein_leerer_platzhalter():
    jetzt = _auswertung(mappe_bytes())
    assert not any(jetzt.anlage.handlungsfelder["bericht"].astype(bool))
    gelesen = _bericht(jetzt)
    bewertungen = [a for a in gelesen.absaetze if a.startswith(BEWERTUNG)]
    assert len(bewertungen) == len(jetzt.anlage.handlungsfelder)
    assert set(bewertungen) == {
        "[Qualitative Bewertung: hier die Einschätzung zum Handlungsfeld eintragen (was erreicht wurde, wo es hakt, "
        "was geplant ist).]"
    }


def test_markierungen_sind_gelb_hervorgehoben(standard):
    gelesen = _bericht(standard, hinweis="Rekonstruktion der Anlage 1.")
    for anfang in (
        "[Einleitung:",
        "[Annahmen:",
        "[Annahme: 17 der 20",
        "[Rekonstruktion der Anlage 1.]",
        BEWERTUNG,
        "[Weiteres Vorgehen:",
        "[Flüchtlingsperspektive:",
        "[Perspektive:",
    ):
        treffer = [a for a in gelesen.absaetze if a.startswith(anfang)]
        assert treffer and all(gelesen.markiert[a] for a in treffer), anfang


# --- what the committee paper must not contain; how it prints --------------------------------


@pytest.mark.parametrize("fall", ["standard", "fortschreibung", "amtlich"])
def test_kein_blatt_keine_arbeitsmappe_keine_spalte_in_teil_eins_und_zwei(fall, standard_docx, fortschreibung_docx):
    if fall == "amtlich":
        daten = docx_bytes(sitzungsvorlage(_auswertung(_mappe_mit_quellen(["", "", ""]))))
    else:
        daten = standard_docx if fall == "standard" else fortschreibung_docx
    gelesen = Gelesen(daten)
    texte = gelesen.bericht_texte()
    assert any("Bilanz" in x for x in texte) and not any(x.startswith("Anlage 1:") for x in texte)
    gefunden = [x for x in texte if WERKSTATT_WORT.search(x) and not x.startswith(("[Annahme: ", "[Annahmen: "))]
    assert gefunden == []
    # the check itself finds such a sentence (the old draft's wording)
    assert WERKSTATT_WORT.search("Im Blatt „Meilensteine“ sind keine weiteren Schritte eingetragen.")


@pytest.mark.parametrize("fall", ["standard", "fortschreibung"])
def test_jede_tabellenzeile_bleibt_auf_einer_seite(fall, standard_docx, fortschreibung_docx):
    xml = Gelesen(standard_docx if fall == "standard" else fortschreibung_docx).xml
    zeilen = re.findall(r"<w:tr[ >].*?</w:tr>", xml, re.S)
    assert len(zeilen) > 200 if fall == "standard" else len(zeilen) > 20
    assert all("<w:cantSplit/>" in z for z in zeilen)


def _mappe_mit_quellen(quellen: list[str]) -> bytes:
    kopf = ["Gebiet", "Jahr", "Quote in %", "Quelle", "Definition"]
    amtlich = (
        "Amtliche Statistik, Regionaldatenbank – Einbürgerungen: Tabelle 12511-01-01-4 „Einbürgerungen“ (Stand 2017)."
    )
    zeilen = [
        ["Landkreis Böblingen", 2016, 1.54, quellen[0] or amtlich, "Einbürgerungen je 100 Ausländer"],
        ["Landkreis Esslingen", 2016, 1.36, quellen[1] or amtlich, "Einbürgerungen je 100 Ausländer"],
        ["Landkreis Göppingen", 2016, None, quellen[2], ""],
    ]
    return mappe_bytes(einbuergerung=zeilen, koepfe={"Einbürgerung": kopf})


@pytest.mark.parametrize(
    ("quellen", "erwartet", "hinweis"),
    [
        (
            ["", "", "Region Stuttgart; im Bericht kein Wert genannt (keine Angabe)"],
            "Laut amtlicher Statistik (Tabelle 12511-01-01-4) liegt bei der Einbürgerungsquote 2016 der Landkreis "
            "Böblingen mit 1,54 % auf Rang 1 von 2 Gebieten mit Angabe. Zum Vergleich: Landkreis Esslingen 1,36 %. "
            "Das Mittel der Gebiete mit Angabe beträgt 1,45 %. Für den Landkreis Göppingen liegt keine Angabe vor. "
            "Definition: Einbürgerungen je 100 Ausländer.",
            None,
        ),
        (
            ["Statistisches Landesamt, Tabelle 12511", "Eigene Zählung", ""],
            "Bei der Einbürgerungsquote 2016 liegt der Landkreis Böblingen mit 1,54 % auf Rang 1 von 2 Gebieten mit "
            "Angabe. Zum Vergleich: Landkreis Esslingen 1,36 %. Das Mittel der Gebiete mit Angabe beträgt 1,45 %. Für "
            "den Landkreis Göppingen liegt keine Angabe vor. Die Quote für den Landkreis Böblingen stammt laut "
            "amtlicher Statistik (Tabelle 12511). Definition: Einbürgerungen je 100 Ausländer. Quelle für den Landkreis "
            "Esslingen: Eigene Zählung. Definition: Einbürgerungen je 100 Ausländer.",
            None,
        ),
        (
            ["Bericht SGA; Jahr 2016 erschlossen", "Bericht SGA; Jahr 2016 erschlossen", ""],
            "Bei der Einbürgerungsquote 2016 liegt der Landkreis Böblingen mit 1,54 % auf Rang 1 von 2 Gebieten mit "
            "Angabe. Zum Vergleich: Landkreis Esslingen 1,36 %. Das Mittel der Gebiete mit Angabe beträgt 1,45 %. Für "
            "den Landkreis Göppingen liegt keine Angabe vor. Definition: Einbürgerungen je 100 Ausländer.",
            "[Annahme: Die Quoten beruhen auf einer Annahme der Daten (Bericht SGA; Jahr 2016 erschlossen).]",
        ),
    ],
)
def test_quellen_der_einbuergerung_wie_ein_bericht_sie_nennt(quellen, erwartet, hinweis):
    jetzt = _auswertung(_mappe_mit_quellen(quellen))
    gelesen = _bericht(jetzt)
    pruefe_dokument(gelesen, jetzt, sitzung="6. März 2017")
    assert gelesen.absatz("Einbürgerungsquote 2016") == erwartet
    assert [a for a in gelesen.absaetze if a.startswith("[Annahme: Die Quote")] == ([hinweis] if hinweis else [])


def test_quelle_amtlich():
    assert quelle_amtlich("Amtliche Statistik, Regionaldatenbank – Tabelle 12511-01-01-4 „…“") == (
        "laut amtlicher Statistik (Tabelle 12511-01-01-4)"
    )
    assert quelle_amtlich("Tabellen 12511-01-01-4 und 12411-01-01-4") == (
        "laut amtlicher Statistik (Tabellen 12511-01-01-4 und 12411-01-01-4)"
    )
    assert quelle_amtlich("Statistisches Landesamt Baden-Württemberg") == "laut amtlicher Statistik"
    assert quelle_amtlich("Bericht SGA 06.03.2017") == ""


# --- charts --------------------------------------------------------------------------------------


def test_diagramme_sind_png_mit_deutschen_zahlen(standard_vorlage, drei_staende):
    vorlage = standard_vorlage
    for diagramm in (vorlage.diagramm_status, vorlage.diagramm_einbuergerung, vorlage.fluechtlinge.diagramm):
        assert png_bytes(diagramm)[:8] == b"\x89PNG\r\n\x1a\n"
    assert t(wert_text(1.54, vorlage.diagramm_einbuergerung.zahlenformat)) == "1,54 %"
    assert t(wert_text(None, vorlage.diagramm_einbuergerung.zahlenformat)) == "keine Angabe"
    assert t(wert_text(60000, '#,##0" €"')) == "60.000 €"
    (_, vorher, jetzt), va = drei_staende
    verlauf_bild = sitzungsvorlage(jetzt, vorher=vorher, verlauf=va).entwicklung.diagramm
    assert verlauf_bild.art == "gruppiert" and png_bytes(verlauf_bild)[:4] == b"\x89PNG"
    assert t(wert_text(0.35, verlauf_bild.achsenformat)) == "35 %"  # a share, not 0 %


# --- the template ------------------------------------------------------------------------------


def test_vorlage_ist_reproduzierbar_und_aktuell():
    sys.path.insert(0, str(WURZEL / "daten"))
    try:
        import erzeuge_vorlage_sitzung
    finally:
        sys.path.remove(str(WURZEL / "daten"))
    assert erzeuge_vorlage_sitzung.erzeuge() == export_docx.STANDARD_VORLAGE.read_bytes()
    assert pruefe_vorlage() == set(export_docx.PLATZHALTER) - {"sitzungsdatum_herkunft", "vorher_stand", "fortschritt"}


def test_vorlage_hat_die_ueberschriften_in_ueberschriftenformaten():
    doc = Document(str(export_docx.STANDARD_VORLAGE))
    stile = {p.text: p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert stile["II. Bericht"] == "Heading 1"
    for titel in (
        "1. Bilanz (Auswertung der Tabellen – Qualitative Bewertung)",
        "2. Weiteres Vorgehen (Ausblick)",
        "3. Flüchtlingsperspektive",
        "4. Perspektive (Ergebnisse {{ perspektive.bis }})",
        "5. Finanzielle Auswirkungen",
    ):
        assert stile[titel] == "Heading 2", titel


def _vorlage_mit(text_alt: str, text_neu: str, teil: str = "word/document.xml") -> bytes:
    """The default template with one text replaced in one XML part."""
    quelle = zipfile.ZipFile(io.BytesIO(export_docx.STANDARD_VORLAGE.read_bytes()))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in quelle.infolist():
            daten = quelle.read(info.filename)
            if info.filename == teil:
                assert text_alt.encode() in daten
                daten = daten.replace(text_alt.encode(), text_neu.encode(), 1)
            neu.writestr(info, daten)
    return ziel.getvalue()


@pytest.mark.parametrize(
    ("vorlage", "meldung"),
    [
        (b"kein Word", "kein Word-Dokument (.docx)"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "alten Word-Format (.doc)"),
        (b"PK\x03\x04kaputt", "beschädigt"),
        (None, "aber kein Word-Dokument"),  # an xlsx
        (("{{ einleitung }}", "{{ einleitungx }}"), "unbekannte Platzhalter: „{{ einleitungx }}“"),
        (("{{ gesamt }}", "{{ gesamt }"), "nicht richtig geschlossen"),
        (("{%p endif %}", "{%p endiff %}"), "Fehler in den Platzhaltern"),
        (("{%tr for e in anlage1 %}", "{%tr for e in felder %}"), "fehlen Platzhalter"),
        (("{{ f.text }}", "{{ f.textt }}"), "einen Platzhalter, den es nicht gibt"),
    ],
)
def test_fehlerhafte_vorlage_gibt_deutsche_meldung(standard_vorlage, vorlage, meldung):
    if vorlage is None:
        vorlage = standard_bytes()
    elif isinstance(vorlage, tuple):
        vorlage = _vorlage_mit(*vorlage)
    with pytest.raises(VorlagenFehler) as fehler:
        docx_bytes(standard_vorlage, vorlage_datei=vorlage)
    assert meldung in str(fehler.value)


def test_eigene_vorlage_mit_eigenem_briefkopf(standard_vorlage):
    vorlage = _vorlage_mit(
        "Landkreis Böblingen · Amt für Migration und Flüchtlinge", "Eigener Briefkopf", "word/header1.xml"
    )
    daten = docx_bytes(standard_vorlage, vorlage_datei=vorlage)
    doc = Document(io.BytesIO(daten))
    assert doc.sections[0].header.paragraphs[0].text == "Eigener Briefkopf"


def test_werktext_mit_sonderzeichen_bleibt_text():
    text = "A & B <w:p/> {{ titel }} Ende"
    jetzt = _auswertung(
        mappe_bytes(empfehlungen=[empfehlung(1, 1, "umgesetzt", text), empfehlung(2, 1), empfehlung(3, 1)])
    )
    gelesen = _bericht(jetzt)
    assert "„A & B <w:p/> {{ titel }} Ende“" in gelesen.absatz("Handlungsfeld 1.")
    assert gelesen.tabellen[-1][1][3] == "A & B <w:p/> {{ titel }} Ende"


@pytest.mark.parametrize(
    ("alt", "neu"),
    [
        ("sind 60\u00a0% der 20", "sind 61\u00a0% der 20"),
        ("(9), wie z.\u00a0B.", "(8), wie z.\u00a0B."),
        (">355.400\u00a0€</w:t>", ">355.500\u00a0€</w:t>"),
        ("146 von 181", "145 von 181"),
        ("mit 1,54\u00a0% auf Rang 1", "mit 1,54\u00a0% auf Rang 2"),
        ("Mittel der Gebiete mit Angabe beträgt 1,34", "Mittel der Gebiete mit Angabe beträgt 1,35"),
        ("5 der 181 Handlungsempfehlungen", "6 der 181 Handlungsempfehlungen"),
        ("1 (100,0\u00a0%)", "1 (50,0\u00a0%)"),
        ("Abbildung 2", "Abbildung 3"),
    ],
)
def test_pruefung_findet_eine_falsche_zahl(standard, standard_docx, alt, neu):
    """The check itself can fail: one number changed in the document is caught (the unchanged
    document passes it: test_standardmappe_jede_zahl_stimmt)."""
    quelle = zipfile.ZipFile(io.BytesIO(standard_docx))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w") as neu_zip:
        for info in quelle.infolist():
            teil = quelle.read(info.filename)
            if info.filename == "word/document.xml":
                assert alt.encode() in teil, alt
                teil = teil.replace(alt.encode(), neu.encode(), 1)
            neu_zip.writestr(info, teil)
    with pytest.raises(AssertionError):
        pruefe_dokument(Gelesen(ziel.getvalue()), standard, sitzung="6. März 2017")


@pytest.mark.parametrize("seite", ["seiten/daten.py", "seiten/praesentation.py"])
def test_kaputte_vorlage_zeigt_auf_der_seite_eine_meldung_statt_des_knopfs(tmp_path, monkeypatch, seite):
    import oberflaeche.sitzungsvorlage as knopf
    from tests.seiten_hilfen import starte, texte

    kaputt = tmp_path / "vorlage_sitzung.docx"
    kaputt.write_bytes(b"kein Word")
    monkeypatch.setattr(knopf, "STANDARD_VORLAGE", kaputt)
    at = starte(seite)
    knoepfe = [e.proto.id.rsplit("-", 1)[-1] for e in at.get("download_button")]
    assert "sitzungsvorlage_export" not in knoepfe
    assert len(at.error) == 1
    assert (
        "Sitzungsvorlage (Word) nicht verfügbar: Die Word-Vorlage ist kein Word-Dokument (.docx). Bitte eine mit "
        "Word gespeicherte .docx-Datei verwenden." in texte(at)
    )

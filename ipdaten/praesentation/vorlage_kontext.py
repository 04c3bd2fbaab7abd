"""The placeholders of the Word template (`PLATZHALTER`, documented in docs/handbuch.md) and
their values for one Sitzungsvorlage (`kontext`): plain strings, lists and dicts for docxtpl.

Charts are not filled in here (export_docx renders them as images); `abbildung` numbers the
charts that the document will contain, so the captions count 1, 2, 3 without gaps.
"""

from __future__ import annotations

import re
from typing import Any

from ipdaten.praesentation.vorlage_daten import Markierung, Sitzungsvorlage, Zeile

# Every placeholder the data offers, with what it holds (the handbook lists the same).
PLATZHALTER: dict[str, str] = {
    "titel": "Bezeichnung der Auswertung",
    "stand": "Stand der Daten, z. B. „6. März 2017“",
    "gremium": "Gremium, z. B. „Sozial- und Gesundheitsausschuss“",
    "sitzungsdatum": "Sitzungsdatum (eingegeben oder nächster Ausschusstermin der Meilensteine)",
    "sitzungsdatum_herkunft": "woher das Sitzungsdatum stammt",
    "beratung": "„zur Kenntnisnahme“ oder „zur Beschlussfassung“",
    "oeffentlichkeit": "„öffentlich“ oder „nichtöffentlich“",
    "beschlussvorschlag": "Wortlaut des Beschlussvorschlags (leer bei Kenntnisnahme)",
    "beschlussvorschlag_markiert": "wahr, wenn der Beschlussvorschlag noch ein Platzhalter ist",
    "hinweise": "Liste der markierten Hinweise zu den Daten (Vorschau, Rekonstruktion, Annahmen, Sitzungsdatum)",
    "einleitung": "Platzhalter für die Einleitung",
    "bilanz_einleitung": "Absatz: die Handlungsfelder und der Verweis auf Anlage 1",
    "gesamt": "Absatz: Verteilung aller Empfehlungen auf die Status",
    "felder": "Liste je Handlungsfeld: nr, name, leitsatz, text, fortschritt, hinweis, bewertung_hinweis, bewertung",
    "abbildung": "Nummern der Abbildungen: abbildung.diagramm_status usw.",
    "fussnote": "Zusatz zur Bildunterschrift, wenn das Diagramm Annahmen mit * markiert: fussnote.diagramm_status usw.",
    "diagramm_status": "Bild: Stand der Umsetzung je Handlungsfeld",
    "entwicklung": "Seit dem vorigen Stand (leer ohne): vorher_stand, stand, text, zeilen (feld, alt, neu, "
    "veraenderung), gesamt, diagramm_titel",
    "diagramm_verlauf": "Bild: Verlauf über die Stände",
    "nachhalten": "Überfällige und lange unveränderte Empfehlungen (leer ohne): text, zeilen (zustaendig, nr, "
    "empfehlung, status, termin, hinweis)",
    "einbuergerung_text": "Absatz: Einbürgerung im Vergleich",
    "einbuergerung": "Tabellenzeilen: rang, gebiet, quote, abstand",
    "einbuergerung_hinweise": "Liste markierter Hinweise zu angenommenen Quellen",
    "diagramm_einbuergerung": "Bild: Einbürgerungsquoten",
    "vorgehen_text": "Einleitungssatz zum weiteren Vorgehen",
    "vorgehen": "Liste der Meilensteine nach dem Stand: datum, ereignis",
    "vorgehen_platzhalter": "Platzhalter für den Text zum weiteren Vorgehen",
    "fluechtlinge": "Flüchtlingsperspektive: platzhalter, text, zeilen (feld, empfehlungen, umgesetzt, in_arbeit, "
    "in_abstimmung, nicht_umgesetzt, ohne_angabe), spalten (dieselben Namen: wahr, wenn der Status vorkommt), "
    "ohne_text",
    "diagramm_gefluechtete": "Bild: Empfehlungen mit Bezug zu Geflüchteten je Handlungsfeld",
    "perspektive": "Perspektive: bis, text, faellig_text, faellig (nr, empfehlung, status, zustaendig, termin), "
    "rueckmeldung, platzhalter",
    "finanzen_text": "Absatz zu den finanziellen Auswirkungen",
    "finanzen_platzhalter": "Platzhalter, wenn keine Haushaltsposten vorliegen",
    "haushalt": "Liste je Haushaltsjahr: jahr, text, zeilen (massnahme, plan, ist), summe, mit_ist, summe_ist, ist_text",
    "anlage1_text": "Satz über Anlage 1",
    "anlage1": "Tabellenzeilen: feld, nr, ziel, empfehlung, status, bemerkung, zustaendig, termin, kennzeichnung",
    "anlage1_zustaendig": "wahr, wenn Anlage 1 die Spalte Zuständig zeigt",
    "anlage1_termin": "wahr, wenn Anlage 1 die Spalte Termin zeigt",
    "fortschritt": "Absatz: Veränderung seit dem vorigen Stand (wie entwicklung.text; für ältere Vorlagen)",
    "vorher_stand": "Datum des vorigen Stands (leer ohne)",
}
# The caption's note for charts that mark categories with * (the charts' own footnote names a
# column of the workbook, which a committee paper does not).
MARKE_ERKLAERUNG = "* beruht ganz oder teilweise auf Annahmen der Daten"
# The charts in document order: placeholder → attribute path in the Sitzungsvorlage.
DIAGRAMME = {
    "diagramm_status": ("diagramm_status",),
    "diagramm_verlauf": ("entwicklung", "diagramm"),
    "diagramm_einbuergerung": ("diagramm_einbuergerung",),
    "diagramm_gefluechtete": ("fluechtlinge", "diagramm"),
}
# The status columns of the Geflüchtete table as placeholder names.
_SCHLUESSEL = {
    "umgesetzt": "umgesetzt",
    "in Arbeit": "in_arbeit",
    "in Abstimmung": "in_abstimmung",
    "nicht umgesetzt": "nicht_umgesetzt",
    "ohne Angabe": "ohne_angabe",
}
# Characters XML 1.0 forbids (a workbook cell may hold them; Word would refuse the file).
_UNGUELTIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(wert: object) -> str:
    """Any value as text that XML can hold (a Markierung: its text)."""
    if isinstance(wert, Markierung):
        return _UNGUELTIG.sub(" ", wert.text)
    return _UNGUELTIG.sub(" ", "" if wert is None else str(wert))


def _zeilen(zeilen: tuple[Zeile, ...], namen: tuple[str, ...]) -> list[dict[str, Any]]:
    return [dict(zip(namen, map(text, z.zellen))) for z in zeilen]


def diagramme(vorlage: Sitzungsvorlage) -> dict[str, Any]:
    """Placeholder → Diagramm (or None) of every chart."""
    ergebnis = {}
    for name, pfad in DIAGRAMME.items():
        wert: object = vorlage
        for teil in pfad:
            wert = getattr(wert, teil) if wert is not None else None
        ergebnis[name] = wert
    return ergebnis


def kontext(vorlage: Sitzungsvorlage) -> dict[str, Any]:
    """The template's placeholders filled from the Sitzungsvorlage (charts as "")."""
    hinweise = [text(h) for h in vorlage.hinweise]
    if isinstance(vorlage.sitzungsdatum, Markierung):
        hinweise.append(f"Sitzungsdatum fehlt ({vorlage.sitzungsdatum_herkunft}) – bitte eintragen.")
    sitzungsdatum = (
        f"[{text(vorlage.sitzungsdatum)}]" if isinstance(vorlage.sitzungsdatum, Markierung) else vorlage.sitzungsdatum
    )
    nummern, fussnoten, nummer = {}, {}, 0
    for name, diagramm in diagramme(vorlage).items():
        fussnoten[name] = ""
        if diagramm is not None:
            nummer += 1
            nummern[name] = nummer
            if diagramm.fussnote:  # the chart marks categories resting on assumptions with *
                fussnoten[name] = f" ({MARKE_ERKLAERUNG})"
    e, n, f, p = vorlage.entwicklung, vorlage.nachhalten, vorlage.fluechtlinge, vorlage.perspektive
    return {
        "titel": text(vorlage.titel),
        "stand": vorlage.stand,
        "gremium": text(vorlage.gremium),
        "sitzungsdatum": sitzungsdatum,
        "sitzungsdatum_herkunft": text(vorlage.sitzungsdatum_herkunft),
        "beratung": vorlage.beratung,
        "oeffentlichkeit": vorlage.oeffentlichkeit,
        "beschlussvorschlag": text(vorlage.beschlussvorschlag),
        "beschlussvorschlag_markiert": isinstance(vorlage.beschlussvorschlag, Markierung),
        "hinweise": hinweise,
        "einleitung": text(vorlage.einleitung),
        "bilanz_einleitung": text(vorlage.bilanz_einleitung),
        "gesamt": vorlage.gesamt,
        "felder": [
            {
                "nr": f_.nr,
                "name": text(f_.name),
                "leitsatz": text(f_.leitsatz),
                "text": text(f_.text),
                "fortschritt": f_.fortschritt,
                "hinweis": text(f_.hinweis) if f_.hinweis else "",
                "bewertung_hinweis": text(f_.bewertung.hinweis),
                "bewertung": text(f_.bewertung.text),
            }
            for f_ in vorlage.felder
        ],
        "abbildung": nummern,
        "fussnote": fussnoten,
        "entwicklung": {
            "vorher_stand": e.vorher_stand,
            "stand": e.stand,
            "text": text(e.text),
            "zeilen": _zeilen(e.zeilen, ("feld", "alt", "neu", "veraenderung")),
            "gesamt": _zeilen((e.gesamt,), ("feld", "alt", "neu", "veraenderung"))[0],
            "diagramm_titel": e.diagramm_titel,
        }
        if e is not None
        else None,
        "nachhalten": {
            "text": text(n.text),
            "zeilen": _zeilen(n.zeilen, ("zustaendig", "nr", "empfehlung", "status", "termin", "hinweis")),
        }
        if n is not None
        else None,
        "einbuergerung_text": text(vorlage.einbuergerung_text),
        "einbuergerung": _zeilen(vorlage.einbuergerung_zeilen, ("rang", "gebiet", "quote", "abstand")),
        "einbuergerung_hinweise": [text(h) for h in vorlage.einbuergerung_hinweise],
        "vorgehen_text": vorlage.vorgehen_text,
        "vorgehen": _zeilen(vorlage.vorgehen, ("datum", "ereignis")),
        "vorgehen_platzhalter": text(vorlage.vorgehen_platzhalter),
        "fluechtlinge": {
            "platzhalter": text(f.platzhalter),
            "text": text(f.text),
            "zeilen": _zeilen(
                f.zeilen,
                ("feld", "empfehlungen", "umgesetzt", "in_arbeit", "in_abstimmung", "nicht_umgesetzt", "ohne_angabe"),
            ),
            "ohne_text": text(f.ohne_text),
            "spalten": {_SCHLUESSEL[s]: s in f.status for s in _SCHLUESSEL},
        },
        "perspektive": {
            "bis": p.bis,
            "text": text(p.text),
            "faellig_text": p.faellig_text,
            "faellig": _zeilen(p.faellig, ("nr", "empfehlung", "status", "zustaendig", "termin")),
            "rueckmeldung": text(p.rueckmeldung),
            "platzhalter": text(p.platzhalter),
        },
        "finanzen_text": vorlage.finanzen_text,
        "finanzen_platzhalter": text(vorlage.finanzen_platzhalter) if vorlage.finanzen_platzhalter else "",
        "haushalt": [
            {
                "jahr": h.jahr,
                "text": h.text,
                "zeilen": _zeilen(h.zeilen, ("massnahme", "plan", "ist")),
                "summe": h.summe,
                "mit_ist": h.mit_ist,
                "summe_ist": h.summe_ist,
                "ist_text": h.ist_text,
            }
            for h in vorlage.haushalt
        ],
        "anlage1_text": vorlage.anlage1_text,
        "anlage1": [
            {
                **dict(
                    zip(
                        ("feld", "nr", "ziel", "empfehlung", "status", "bemerkung", "zustaendig", "termin"),
                        map(text, z.zellen),
                    )
                ),
                "kennzeichnung": z.kennzeichnung,
            }
            for z in vorlage.anlage1
        ],
        "anlage1_zustaendig": vorlage.anlage1_zustaendig,
        "anlage1_termin": vorlage.anlage1_termin,
        "fortschritt": text(e.text) if e is not None else "",
        "vorher_stand": vorlage.vorher_stand,
    }

"""The presentation as a PowerPoint file (16:9) with native, editable charts.

Every chart is a PowerPoint chart with its data in an embedded workbook ("Daten bearbeiten"
works); numbers carry Office number formats (`#,##0`, `0.00 " %"`, `#,##0 " €"`), which
German Office shows as 1.234, 1,54 % and 355.400 €. Texts come from ipdaten.praesentation.folien, already
formatted in German. Every slide carries the Stand and its number.

This module lays out the slides; the charts are drawn by pptx_diagramm, text boxes and bars
by pptx_formen.
"""

from __future__ import annotations

import io
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, status_farbe
from ipdaten.praesentation.folien_daten import Folie, Praesentation
from ipdaten.praesentation.pptx_diagramm import zeichne_diagramm
from ipdaten.praesentation.pptx_formen import BREITE, GRAU, HOEHE, RAND, TEXTFARBE, balken, rgb, textfeld, textlauf


def _kopf(folie: Any, inhalt: Folie) -> int:
    """Title, subtitle and key message; returns the top of the free area."""
    oben: int = Inches(0.35)
    textfeld(folie, inhalt.titel, RAND, oben, BREITE - 2 * RAND, Inches(0.8), groesse=32, fett=True, farbe=HERVORHEBUNG)
    oben += Inches(0.8)
    if inhalt.untertitel:
        textfeld(folie, inhalt.untertitel, RAND, oben, BREITE - 2 * RAND, Inches(0.45), groesse=18, farbe=GRAU)
        oben += Inches(0.45)
    if inhalt.kernaussage:
        textfeld(folie, inhalt.kernaussage, RAND, oben, BREITE - 2 * RAND, Inches(0.8), groesse=22)
        oben += Inches(0.8)
    return oben + Inches(0.1)


def _fusszeile(folie: Any, praesentation: Praesentation, nummer: int) -> None:
    oben = HOEHE - Inches(0.45)
    balken(folie, RAND, oben, BREITE - 2 * RAND, Pt(1), "BFBFBF")
    textfeld(
        folie,
        f"{praesentation.stand_text} · {praesentation.titel}",
        RAND,
        oben + Inches(0.03),
        BREITE - 2 * RAND - Inches(1.5),
        Inches(0.35),
        groesse=12,
        farbe=GRAU,
    )
    textfeld(
        folie,
        f"{nummer} / {len(praesentation)}",
        BREITE - RAND - Inches(1.5),
        oben + Inches(0.03),
        Inches(1.5),
        Inches(0.35),
        groesse=12,
        farbe=GRAU,
        ausrichtung=PP_ALIGN.RIGHT,
    )


def _liste(folie: Any, inhalt: Folie, links: int, oben: int, breite: int, hoehe: int, *, groesse: int = 18) -> None:
    """The slide's points as a list; a status or date leads each line in bold."""
    box = folie.shapes.add_textbox(links, oben, breite, hoehe)
    rahmen = box.text_frame
    rahmen.word_wrap = True
    rahmen.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # the office suite shrinks an overlong list
    erster = True
    if inhalt.liste_titel:
        textlauf(rahmen.paragraphs[0], inhalt.liste_titel, groesse=groesse, fett=True, farbe=GRAU)
        rahmen.paragraphs[0].space_after = Pt(10)
        erster = False
    for punkt in inhalt.punkte:
        absatz = rahmen.paragraphs[0] if erster else rahmen.add_paragraph()
        erster = False
        absatz.space_after = Pt(8)
        if punkt.vorne:
            farbe = HERVORHEBUNG if punkt.status is None else "1A1A1A"
            textlauf(absatz, "■ " if punkt.status else "", groesse=groesse, farbe=status_farbe(punkt.status or ""))
            textlauf(absatz, f"{punkt.vorne}: ", groesse=groesse, fett=True, farbe=farbe)
        textlauf(absatz, punkt.text, groesse=groesse)
    if inhalt.weitere:
        absatz = rahmen.add_paragraph()
        textlauf(absatz, f"… und {inhalt.weitere} weitere", groesse=groesse - 2, farbe=GRAU)


def _titelfolie(folie: Any, inhalt: Folie) -> None:
    balken(folie, 0, Inches(2.0), BREITE, Inches(2.6), HERVORHEBUNG)
    textfeld(
        folie,
        inhalt.titel,
        RAND,
        Inches(2.1),
        BREITE - 2 * RAND,
        Inches(1.6),
        groesse=40,
        fett=True,
        farbe="FFFFFF",
        anker=MSO_ANCHOR.MIDDLE,
    )
    textfeld(folie, inhalt.untertitel, RAND, Inches(3.7), BREITE - 2 * RAND, Inches(0.7), groesse=28, farbe="FFFFFF")
    textfeld(folie, inhalt.kernaussage, RAND, Inches(5.0), BREITE - 2 * RAND, Inches(0.6), groesse=24)
    for index, punkt in enumerate(inhalt.punkte):
        textfeld(
            folie, punkt.text, RAND, Inches(5.7 + 0.5 * index), BREITE - 2 * RAND, Inches(0.8), groesse=14, farbe=GRAU
        )


def _kennzahlen(folie: Any, inhalt: Folie, oben: int) -> int:
    anzahl = len(inhalt.kennzahlen)
    abstand = Inches(0.3)
    breite = int((BREITE - 2 * RAND - abstand * (anzahl - 1)) / anzahl)
    for index, zahl in enumerate(inhalt.kennzahlen):
        links = RAND + index * (breite + abstand)
        balken(folie, links, oben, breite, Inches(1.3), "EEF2F6")
        textfeld(
            folie,
            zahl.wert,
            links,
            oben + Inches(0.05),
            breite,
            Inches(0.75),
            groesse=40,
            fett=True,
            farbe=HERVORHEBUNG,
            ausrichtung=PP_ALIGN.CENTER,
        )
        textfeld(
            folie,
            zahl.bezeichnung,
            links,
            oben + Inches(0.8),
            breite,
            Inches(0.45),
            groesse=16,
            ausrichtung=PP_ALIGN.CENTER,
        )
    return oben + Inches(1.5)


def _zeitstrahl(folie: Any, inhalt: Folie, oben: int) -> None:
    """Milestones on a vertical line, one row each: date, then event; past ones grey."""
    punkte = inhalt.punkte
    if not punkte:
        return
    unten = HOEHE - Inches(1.0)
    zeile = min(Inches(0.62), int((unten - oben) / len(punkte)))
    x_linie = RAND + Inches(0.25)
    balken(folie, x_linie - Pt(1.5), oben + zeile // 2, Pt(3), zeile * (len(punkte) - 1), NEUTRAL)
    for index, punkt in enumerate(punkte):
        mitte = oben + zeile * index + zeile // 2
        farbe = NEUTRAL if punkt.erledigt else HERVORHEBUNG
        kreis = folie.shapes.add_shape(
            MSO_SHAPE.OVAL, x_linie - Inches(0.14), mitte - Inches(0.14), Inches(0.28), Inches(0.28)
        )
        kreis.fill.solid()
        kreis.fill.fore_color.rgb = rgb(farbe)
        kreis.line.color.rgb = rgb("FFFFFF")
        kreis.shadow.inherit = False
        schrift = GRAU if punkt.erledigt else TEXTFARBE
        textfeld(
            folie,
            punkt.vorne,
            x_linie + Inches(0.4),
            mitte - zeile // 2,
            Inches(3.0),
            zeile,
            groesse=18,
            fett=True,
            farbe=GRAU if punkt.erledigt else HERVORHEBUNG,
            anker=MSO_ANCHOR.MIDDLE,
        )
        textfeld(
            folie,
            punkt.text,
            x_linie + Inches(3.5),
            mitte - zeile // 2,
            BREITE - RAND - x_linie - Inches(3.5),
            zeile,
            groesse=18,
            farbe=schrift,
            anker=MSO_ANCHOR.MIDDLE,
        )
    textfeld(
        folie,
        "grau: erreicht · blau: kommt noch",
        RAND,
        HOEHE - Inches(0.9),
        BREITE - 2 * RAND,
        Inches(0.4),
        groesse=12,
        farbe=GRAU,
    )


def _inhalt(folie: Any, inhalt: Folie) -> None:
    if inhalt.art == "titel":
        _titelfolie(folie, inhalt)
        return
    oben = _kopf(folie, inhalt)
    unten = HOEHE - Inches(0.6)
    if inhalt.kennzahlen:
        oben = _kennzahlen(folie, inhalt, oben)
    if inhalt.art == "meilensteine":
        _zeitstrahl(folie, inhalt, oben)
        return
    frei = BREITE - 2 * RAND
    if inhalt.diagramm is not None and inhalt.punkte:
        diagramm_breite = int(frei * (0.45 if inhalt.art == "feld" else 0.55))
        zeichne_diagramm(folie, inhalt.diagramm, RAND, oben, diagramm_breite, unten - oben)
        _liste(
            folie,
            inhalt,
            RAND + diagramm_breite + Inches(0.3),
            oben,
            frei - diagramm_breite - Inches(0.3),
            unten - oben,
            groesse=16 if len(inhalt.punkte) <= 4 else 14,
        )
    elif inhalt.diagramm is not None:
        zeichne_diagramm(folie, inhalt.diagramm, RAND, oben, frei, unten - oben)
    elif inhalt.punkte:
        _liste(folie, inhalt, RAND, oben, frei, unten - oben)


def pptx_bytes(praesentation: Praesentation) -> bytes:
    """The slides of `praesentation` as a .pptx file (16:9)."""
    datei = Presentation()
    datei.slide_width = Emu(BREITE)
    datei.slide_height = Emu(HOEHE)
    datei.core_properties.title = praesentation.titel
    datei.core_properties.subject = praesentation.stand_text
    datei.core_properties.language = "de-DE"
    leer = datei.slide_layouts[6]
    for nummer, inhalt in enumerate(praesentation.folien, start=1):
        folie = datei.slides.add_slide(leer)
        _inhalt(folie, inhalt)
        _fusszeile(folie, praesentation, nummer)
        notizen = folie.notes_slide.notes_text_frame
        notizen.text = inhalt.kernaussage or inhalt.titel
    ziel = io.BytesIO()
    datei.save(ziel)
    return ziel.getvalue()

"""The presentation as a PowerPoint file (16:9) with native, editable charts.

Every chart is a PowerPoint chart with its data in an embedded workbook ("Daten bearbeiten"
works); numbers carry Office number formats (`#,##0`, `0.00 " %"`, `#,##0 " €"`), which
German Office shows as 1.234, 1,54 % and 355.400 €. Texts come from ipdaten.praesentation.folien, already
formatted in German. Every slide carries the Stand and its number.
"""

from __future__ import annotations

import contextlib
import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt
from xlsxwriter import Workbook

from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, STATUS_TEXTFARBE, status_farbe
from ipdaten.praesentation.folien import Diagramm, Folie, Praesentation

BREITE = Emu(12_192_000)  # exactly 16:9 with 7,5 in height (13,333… in)
HOEHE = Inches(7.5)
RAND = Inches(0.5)
TEXTFARBE = "1A1A1A"
GRAU = "4D4D4D"
SCHRIFTART = "Arial"

_DIAGRAMMTYP = {
    "gestapelt_100": XL_CHART_TYPE.BAR_STACKED_100,
    "balken": XL_CHART_TYPE.BAR_CLUSTERED,
    "gruppiert": XL_CHART_TYPE.BAR_CLUSTERED,
}


class _TextMappenSchreiber(CategoryWorkbookWriter):
    """The chart's embedded workbook with every text written as text.

    python-pptx writes categories and series names through XlsxWriter's `write()`, which turns
    a text starting with `=` into a live formula and a URL into a hyperlink ("Daten bearbeiten"
    would then run `=cmd|' /C calc'!A0` from a Gebiet). These options switch both off.
    """

    @contextlib.contextmanager
    def _open_worksheet(self, xlsx_file):
        mappe = Workbook(
            xlsx_file,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        yield mappe, mappe.add_worksheet()
        mappe.close()


class _TextDiagrammDaten(CategoryChartData):
    """CategoryChartData whose embedded workbook keeps workbook text as text."""

    @property
    def _workbook_writer(self):
        return _TextMappenSchreiber(self)


def _rgb(farbe: str) -> RGBColor:
    return RGBColor.from_string(farbe.lstrip("#").upper())


def _text(
    folie,
    text: str,
    links: int,
    oben: int,
    breite: int,
    hoehe: int,
    *,
    groesse: int,
    fett: bool = False,
    farbe: str = TEXTFARBE,
    ausrichtung=PP_ALIGN.LEFT,
    anker=MSO_ANCHOR.TOP,
):
    """A text box with one paragraph; text is set as plain runs (never interpreted)."""
    box = folie.shapes.add_textbox(links, oben, breite, hoehe)
    rahmen = box.text_frame
    rahmen.word_wrap = True
    rahmen.vertical_anchor = anker
    for rand in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(rahmen, rand, Inches(0.05))
    absatz = rahmen.paragraphs[0]
    absatz.alignment = ausrichtung
    _lauf(absatz, text, groesse=groesse, fett=fett, farbe=farbe)
    return box


def _lauf(absatz, text: str, *, groesse: int, fett: bool = False, farbe: str = TEXTFARBE):
    lauf = absatz.add_run()
    lauf.text = text
    schrift = lauf.font
    schrift.size = Pt(groesse)
    schrift.bold = fett
    schrift.name = SCHRIFTART
    schrift.color.rgb = _rgb(farbe)
    lauf._r.get_or_add_rPr().set("lang", "de-DE")
    return lauf


def _kopf(folie, inhalt: Folie) -> int:
    """Title, subtitle and key message; returns the top of the free area."""
    oben = Inches(0.35)
    _text(folie, inhalt.titel, RAND, oben, BREITE - 2 * RAND, Inches(0.8), groesse=32, fett=True, farbe=HERVORHEBUNG)
    oben += Inches(0.8)
    if inhalt.untertitel:
        _text(folie, inhalt.untertitel, RAND, oben, BREITE - 2 * RAND, Inches(0.45), groesse=18, farbe=GRAU)
        oben += Inches(0.45)
    if inhalt.kernaussage:
        _text(folie, inhalt.kernaussage, RAND, oben, BREITE - 2 * RAND, Inches(0.8), groesse=22)
        oben += Inches(0.8)
    return oben + Inches(0.1)


def _balken(folie, links: int, oben: int, breite: int, hoehe: int, farbe: str):
    """A filled rectangle used as a line (connectors get a theme shadow in some office suites)."""
    form = folie.shapes.add_shape(MSO_SHAPE.RECTANGLE, links, oben, breite, hoehe)
    form.fill.solid()
    form.fill.fore_color.rgb = _rgb(farbe)
    form.line.fill.background()
    form.shadow.inherit = False
    return form


def _fusszeile(folie, praesentation: Praesentation, nummer: int) -> None:
    oben = HOEHE - Inches(0.45)
    _balken(folie, RAND, oben, BREITE - 2 * RAND, Pt(1), "BFBFBF")
    _text(
        folie,
        f"{praesentation.stand_text} · {praesentation.titel}",
        RAND,
        oben + Inches(0.03),
        BREITE - 2 * RAND - Inches(1.5),
        Inches(0.35),
        groesse=12,
        farbe=GRAU,
    )
    _text(
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


def _legende(folie, diagramm: Diagramm, links: int, oben: int, breite: int) -> None:
    """The series names in the order the bars stand (first series on top): PowerPoint's own
    legend lists bar series in the opposite order."""
    box = folie.shapes.add_textbox(links, oben, breite, Inches(0.4))
    absatz = box.text_frame.paragraphs[0]
    for index, reihe in enumerate(diagramm.reihen):
        _lauf(absatz, ("     " if index else "") + "■ ", groesse=16, farbe=reihe.farbe)
        _lauf(absatz, reihe.name, groesse=14)


def _fussnote(folie, text: str, links: int, oben: int, breite: int) -> None:
    """What MARKE means, under a chart whose categories carry it."""
    _text(folie, text, links, oben, breite, Inches(0.35), groesse=11, farbe=GRAU)


def _diagramm(folie, diagramm: Diagramm, links: int, oben: int, breite: int, hoehe: int):
    if diagramm.fussnote:
        hoehe -= Inches(0.35)
        _fussnote(folie, diagramm.fussnote, links, oben + hoehe, breite)
    if diagramm.legende and diagramm.art == "gruppiert":
        _legende(folie, diagramm, links, oben, breite)
        oben += Inches(0.45)
        hoehe -= Inches(0.45)
    daten = _TextDiagrammDaten(number_format=diagramm.zahlenformat)
    daten.categories = list(diagramm.kategorien)
    for reihe in diagramm.reihen:
        daten.add_series(reihe.name, list(reihe.werte), number_format=diagramm.zahlenformat)
    rahmen = folie.shapes.add_chart(_DIAGRAMMTYP[diagramm.art], links, oben, breite, hoehe, daten)
    rahmen.name = diagramm.alt[:250]
    rahmen._element.nvGraphicFramePr.cNvPr.set("descr", diagramm.alt)
    chart = rahmen.chart
    chart.has_title = False
    chart.font.size = Pt(14)
    chart.font.name = SCHRIFTART
    chart.font.color.rgb = _rgb(TEXTFARBE)
    plot = chart.plots[0]
    plot.gap_width = 40 if diagramm.art != "gruppiert" else 60
    if diagramm.art == "gestapelt_100":
        plot.overlap = 100
    plot.has_data_labels = True
    beschriftung = plot.data_labels
    beschriftung.number_format = diagramm.zahlenformat
    beschriftung.number_format_is_linked = False
    beschriftung.font.size = Pt(14)
    beschriftung.font.color.rgb = _rgb(STATUS_TEXTFARBE)
    beschriftung.position = (
        XL_LABEL_POSITION.CENTER if diagramm.art == "gestapelt_100" else XL_LABEL_POSITION.OUTSIDE_END
    )
    for reihe, serie in zip(diagramm.reihen, plot.series):
        serie.format.fill.solid()
        serie.format.fill.fore_color.rgb = _rgb(reihe.farbe)
        serie.invert_if_negative = False
        if reihe.beschriftungen is None:
            serie.data_labels.show_value = False
            serie.data_labels._element.get_or_add_showVal().set("val", "0")
        else:
            for index, text in enumerate(reihe.beschriftungen):
                etikett = serie.points[index].data_label
                etikett.text_frame.text = text
                etikett.text_frame.word_wrap = False  # one line: wrapped labels ran into the next field
                etikett.position = XL_LABEL_POSITION.OUTSIDE_END
                etikett.font.size = Pt(14)
        for index, farbe in enumerate(reihe.punktfarben):
            punkt = serie.points[index]
            punkt.format.fill.solid()
            punkt.format.fill.fore_color.rgb = _rgb(farbe)
    kategorien = chart.category_axis
    kategorien.reverse_order = True  # first category on top, as on screen
    kategorien.tick_labels.font.size = Pt(14)
    kategorien.has_major_gridlines = False
    werte = chart.value_axis
    werte.tick_labels.number_format = diagramm.achsenformat
    werte.tick_labels.number_format_is_linked = False
    werte.tick_labels.font.size = Pt(12)
    werte.has_major_gridlines = True
    werte.major_gridlines.format.line.color.rgb = _rgb("D9D9D9")
    werte.has_title = True
    werte.axis_title.text_frame.text = diagramm.achsentitel
    werte.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    werte.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    if diagramm.art == "balken" and diagramm.reihen:
        hoechster = max((w for w in diagramm.reihen[0].werte if w is not None), default=0)
        if hoechster > 0:
            werte.minimum_scale = 0
            werte.maximum_scale = hoechster * 1.25  # room for the outside labels
    chart.has_legend = diagramm.legende and diagramm.art != "gruppiert"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(14)
    return rahmen


def _liste(folie, inhalt: Folie, links: int, oben: int, breite: int, hoehe: int, *, groesse: int = 18) -> None:
    """The slide's points as a list; a status or date leads each line in bold."""
    box = folie.shapes.add_textbox(links, oben, breite, hoehe)
    rahmen = box.text_frame
    rahmen.word_wrap = True
    rahmen.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # the office suite shrinks an overlong list
    erster = True
    if inhalt.liste_titel:
        _lauf(rahmen.paragraphs[0], inhalt.liste_titel, groesse=groesse, fett=True, farbe=GRAU)
        rahmen.paragraphs[0].space_after = Pt(10)
        erster = False
    for punkt in inhalt.punkte:
        absatz = rahmen.paragraphs[0] if erster else rahmen.add_paragraph()
        erster = False
        absatz.space_after = Pt(8)
        if punkt.vorne:
            farbe = HERVORHEBUNG if punkt.status is None else "1A1A1A"
            _lauf(absatz, "■ " if punkt.status else "", groesse=groesse, farbe=status_farbe(punkt.status or ""))
            _lauf(absatz, f"{punkt.vorne}: ", groesse=groesse, fett=True, farbe=farbe)
        _lauf(absatz, punkt.text, groesse=groesse)
    if inhalt.weitere:
        absatz = rahmen.add_paragraph()
        _lauf(absatz, f"… und {inhalt.weitere} weitere", groesse=groesse - 2, farbe=GRAU)


def _titelfolie(folie, inhalt: Folie) -> None:
    band = folie.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(2.0), BREITE, Inches(2.6))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(HERVORHEBUNG)
    band.line.fill.background()
    band.shadow.inherit = False
    _text(
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
    _text(folie, inhalt.untertitel, RAND, Inches(3.7), BREITE - 2 * RAND, Inches(0.7), groesse=28, farbe="FFFFFF")
    _text(folie, inhalt.kernaussage, RAND, Inches(5.0), BREITE - 2 * RAND, Inches(0.6), groesse=24)
    for index, punkt in enumerate(inhalt.punkte):
        _text(
            folie, punkt.text, RAND, Inches(5.7 + 0.5 * index), BREITE - 2 * RAND, Inches(0.8), groesse=14, farbe=GRAU
        )


def _kennzahlen(folie, inhalt: Folie, oben: int) -> int:
    anzahl = len(inhalt.kennzahlen)
    abstand = Inches(0.3)
    breite = int((BREITE - 2 * RAND - abstand * (anzahl - 1)) / anzahl)
    for index, zahl in enumerate(inhalt.kennzahlen):
        links = RAND + index * (breite + abstand)
        kasten = folie.shapes.add_shape(MSO_SHAPE.RECTANGLE, links, oben, breite, Inches(1.3))
        kasten.fill.solid()
        kasten.fill.fore_color.rgb = _rgb("EEF2F6")
        kasten.line.fill.background()
        kasten.shadow.inherit = False
        _text(
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
        _text(
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


def _zeitstrahl(folie, inhalt: Folie, oben: int) -> None:
    """Milestones on a vertical line, one row each: date, then event; past ones grey."""
    punkte = inhalt.punkte
    if not punkte:
        return
    unten = HOEHE - Inches(1.0)
    zeile = min(Inches(0.62), int((unten - oben) / len(punkte)))
    x_linie = RAND + Inches(0.25)
    _balken(folie, x_linie - Pt(1.5), oben + zeile // 2, Pt(3), zeile * (len(punkte) - 1), NEUTRAL)
    for index, punkt in enumerate(punkte):
        mitte = oben + zeile * index + zeile // 2
        farbe = NEUTRAL if punkt.erledigt else HERVORHEBUNG
        kreis = folie.shapes.add_shape(
            MSO_SHAPE.OVAL, x_linie - Inches(0.14), mitte - Inches(0.14), Inches(0.28), Inches(0.28)
        )
        kreis.fill.solid()
        kreis.fill.fore_color.rgb = _rgb(farbe)
        kreis.line.color.rgb = _rgb("FFFFFF")
        kreis.shadow.inherit = False
        schrift = GRAU if punkt.erledigt else TEXTFARBE
        _text(
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
        _text(
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
    _text(
        folie,
        "grau: erreicht · blau: kommt noch",
        RAND,
        HOEHE - Inches(0.9),
        BREITE - 2 * RAND,
        Inches(0.4),
        groesse=12,
        farbe=GRAU,
    )


def _inhalt(folie, inhalt: Folie) -> None:
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
        _diagramm(folie, inhalt.diagramm, RAND, oben, diagramm_breite, unten - oben)
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
        _diagramm(folie, inhalt.diagramm, RAND, oben, frei, unten - oben)
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

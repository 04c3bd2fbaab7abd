"""A slide's `Diagramm` as a native PowerPoint chart with its data in an embedded workbook
("Daten bearbeiten" works), Office number formats, the series' colours and labels.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Inches, Pt
from xlsxwriter import Workbook

from ipdaten.darstellung.farben import STATUS_TEXTFARBE
from ipdaten.praesentation.folien_daten import Diagramm
from ipdaten.praesentation.pptx_formen import GRAU, SCHRIFTART, TEXTFARBE, rgb, textfeld, textlauf

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
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        mappe = Workbook(
            xlsx_file,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        yield mappe, mappe.add_worksheet()
        mappe.close()


class _TextDiagrammDaten(CategoryChartData):
    """CategoryChartData whose embedded workbook keeps workbook text as text."""

    @property
    def _workbook_writer(self) -> Any:
        schreiber: Any = _TextMappenSchreiber
        return schreiber(self)


def _legende(folie: Any, diagramm: Diagramm, links: int, oben: int, breite: int) -> None:
    """The series names in the order the bars stand (first series on top): PowerPoint's own
    legend lists bar series in the opposite order."""
    box = folie.shapes.add_textbox(links, oben, breite, Inches(0.4))
    absatz = box.text_frame.paragraphs[0]
    for index, reihe in enumerate(diagramm.reihen):
        textlauf(absatz, ("     " if index else "") + "■ ", groesse=16, farbe=reihe.farbe)
        textlauf(absatz, reihe.name, groesse=14)


def _fussnote(folie: Any, text: str, links: int, oben: int, breite: int) -> None:
    """What MARKE means, under a chart whose categories carry it."""
    textfeld(folie, text, links, oben, breite, Inches(0.35), groesse=11, farbe=GRAU)


def zeichne_diagramm(folie: Any, diagramm: Diagramm, links: int, oben: int, breite: int, hoehe: int) -> Any:
    """`diagramm` as a native chart in the given box, with its legend and footnote."""
    if diagramm.fussnote:
        hoehe -= Inches(0.35)
        _fussnote(folie, diagramm.fussnote, links, oben + hoehe, breite)
    if diagramm.legende and diagramm.art == "gruppiert":
        _legende(folie, diagramm, links, oben, breite)
        oben += Inches(0.45)
        hoehe -= Inches(0.45)
    klasse: Any = _TextDiagrammDaten  # python-pptx's classes are not annotated
    daten = klasse(number_format=diagramm.zahlenformat)
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
    chart.font.color.rgb = rgb(TEXTFARBE)
    plot = chart.plots[0]
    plot.gap_width = 40 if diagramm.art != "gruppiert" else 60
    if diagramm.art == "gestapelt_100":
        plot.overlap = 100
    plot.has_data_labels = True
    beschriftung = plot.data_labels
    beschriftung.number_format = diagramm.zahlenformat
    beschriftung.number_format_is_linked = False
    beschriftung.font.size = Pt(14)
    beschriftung.font.color.rgb = rgb(STATUS_TEXTFARBE)
    beschriftung.position = (
        XL_LABEL_POSITION.CENTER if diagramm.art == "gestapelt_100" else XL_LABEL_POSITION.OUTSIDE_END
    )
    for reihe, serie in zip(diagramm.reihen, plot.series):
        serie.format.fill.solid()
        serie.format.fill.fore_color.rgb = rgb(reihe.farbe)
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
            punkt.format.fill.fore_color.rgb = rgb(farbe)
    kategorien = chart.category_axis
    kategorien.reverse_order = True  # first category on top, as on screen
    kategorien.tick_labels.font.size = Pt(14)
    kategorien.has_major_gridlines = False
    werte = chart.value_axis
    werte.tick_labels.number_format = diagramm.achsenformat
    werte.tick_labels.number_format_is_linked = False
    werte.tick_labels.font.size = Pt(12)
    werte.has_major_gridlines = True
    werte.major_gridlines.format.line.color.rgb = rgb("D9D9D9")
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

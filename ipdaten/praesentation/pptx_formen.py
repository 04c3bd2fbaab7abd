"""Text boxes, runs of text and filled bars on a PowerPoint slide, in the slides' type and
colours; workbook text is always set as plain runs, never interpreted.
"""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

BREITE = Emu(12_192_000)  # exactly 16:9 with 7,5 in height (13,333… in)
HOEHE = Inches(7.5)
RAND = Inches(0.5)
TEXTFARBE = "1A1A1A"
GRAU = "4D4D4D"
SCHRIFTART = "Arial"


def rgb(farbe: str) -> RGBColor:
    """A colour given as "#1F4E79" or "1F4E79" for python-pptx."""
    farbe_aus_text: Any = RGBColor.from_string  # python-pptx does not annotate it
    ergebnis: RGBColor = farbe_aus_text(farbe.lstrip("#").upper())
    return ergebnis


def textfeld(
    folie: Any,
    text: str,
    links: int,
    oben: int,
    breite: int,
    hoehe: int,
    *,
    groesse: int,
    fett: bool = False,
    farbe: str = TEXTFARBE,
    ausrichtung: Any = PP_ALIGN.LEFT,
    anker: Any = MSO_ANCHOR.TOP,
) -> Any:
    """A text box with one paragraph; text is set as plain runs (never interpreted)."""
    box = folie.shapes.add_textbox(links, oben, breite, hoehe)
    rahmen = box.text_frame
    rahmen.word_wrap = True
    rahmen.vertical_anchor = anker
    for rand in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(rahmen, rand, Inches(0.05))
    absatz = rahmen.paragraphs[0]
    absatz.alignment = ausrichtung
    textlauf(absatz, text, groesse=groesse, fett=fett, farbe=farbe)
    return box


def textlauf(absatz: Any, text: str, *, groesse: int, fett: bool = False, farbe: str = TEXTFARBE) -> Any:
    """A run of plain text in German (language de-DE) appended to a paragraph."""
    lauf = absatz.add_run()
    lauf.text = text
    schrift = lauf.font
    schrift.size = Pt(groesse)
    schrift.bold = fett
    schrift.name = SCHRIFTART
    schrift.color.rgb = rgb(farbe)
    lauf._r.get_or_add_rPr().set("lang", "de-DE")
    return lauf


def balken(folie: Any, links: int, oben: int, breite: int, hoehe: int, farbe: str) -> Any:
    """A filled rectangle without outline or shadow: a band, a box, or a line (connectors get a
    theme shadow in some office suites)."""
    form = folie.shapes.add_shape(MSO_SHAPE.RECTANGLE, links, oben, breite, hoehe)
    form.fill.solid()
    form.fill.fore_color.rgb = rgb(farbe)
    form.line.fill.background()
    form.shadow.inherit = False
    return form

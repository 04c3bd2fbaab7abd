"""Bausteine der Word-Vorlage (python-docx): Formatvorlagen, Absätze mit docxtpl-Platzhaltern,
Tabellen mit Zeilenschleife (jede Zeile „nicht über Seiten trennen“), Abbildungen mit
Beschriftung, feste Zeitstempel. Benutzt von `erzeuge_vorlage_sitzung.py`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

SCHRIFT = "Arial"
GRAU = RGBColor(0x4D, 0x4D, 0x4D)
BLAU = RGBColor(0x1F, 0x4E, 0x79)
# A fixed timestamp keeps the file byte-identical from run to run.
ZEITPUNKT = dt.datetime(2026, 11, 30, 12, 0, 0)


def stile(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = SCHRIFT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), SCHRIFT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, groesse in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        stil = doc.styles[name]
        stil.font.name = SCHRIFT
        stil.font.size = Pt(groesse)
        stil.font.bold = True
        stil.font.color.rgb = BLAU
        stil.paragraph_format.space_before = Pt(12)
        stil.paragraph_format.space_after = Pt(6)
        stil.element.rPr.rFonts.set(qn("w:asciiTheme"), "")
    # Her assessment per field: looks like Normal; its own style lets her (and Word's "select
    # similar formatting") find every one of them.
    bewertung = doc.styles.add_style("Bewertung", WD_STYLE_TYPE.PARAGRAPH)
    bewertung.base_style = normal
    bewertung.quick_style = True
    # The small gap below a table (Normal has no space before).
    abstand = doc.styles.add_style("Abstand", WD_STYLE_TYPE.PARAGRAPH)
    abstand.base_style = normal
    abstand.font.size = Pt(4)
    abstand.paragraph_format.space_after = Pt(0)
    beschriftung = doc.styles["Caption"]
    beschriftung.font.name = SCHRIFT
    beschriftung.font.size = Pt(9)
    beschriftung.font.italic = True
    beschriftung.font.color.rgb = GRAU


def neuer_absatz(
    doc_oder_zelle, text: str = "", *, fett: bool = False, markiert: bool = False, stil: str | None = None
):
    absatz = doc_oder_zelle.add_paragraph(style=stil)
    if text:
        lauf = absatz.add_run(text)
        lauf.bold = fett
        if markiert:
            # Placeholders and assumptions: highlighted like the "Annahme" marks on screen.
            lauf.italic = True
            lauf.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return absatz


def steuer_absatz(doc, text: str) -> None:
    """A paragraph that holds only a {%p … %} tag (docxtpl removes it when rendering)."""
    doc.add_paragraph(text)


def seitenfeld(absatz, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph."""
    for art, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        lauf = absatz.add_run()
        if art:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), art)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        lauf._r.append(element)


def rahmenlos(tabelle) -> None:
    rahmen = OxmlElement("w:tblBorders")
    for seite in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{seite}")
        element.set(qn("w:val"), "nil")
        rahmen.append(element)
    tabelle._tbl.tblPr.append(rahmen)


def nicht_teilen(tabelle) -> None:
    """Every row stays on one page (<w:cantSplit/>): LibreOffice split a budget row otherwise."""
    for zeile in tabelle.rows:
        zeile._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def kopfzeile_wiederholen(zeile) -> None:
    eigenschaften = zeile._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    eigenschaften.append(element)


def zellentext(zelle, text: str, *, fett: bool = False, rechts: bool = False, groesse: float | None = None) -> None:
    absatz = zelle.paragraphs[0]
    lauf = absatz.add_run(text)
    lauf.bold = fett
    if groesse:
        lauf.font.size = Pt(groesse)
    absatz.paragraph_format.space_after = Pt(0)
    if rechts:
        absatz.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def schleifentabelle(
    doc,
    koepfe: list[str],
    zeile: list[str],
    breiten: list[float],
    *,
    rechts=(),
    groesse=None,
    summe=None,
    zusammen: bool = True,
):
    """A table with a header row and the three rows of a docxtpl row loop; `summe` adds a
    last row (bold). `zusammen`: the whole table on one page where it fits (short tables)."""
    vor_tabelle = list(doc.paragraphs)
    tabelle = doc.add_table(rows=0, cols=len(koepfe))
    tabelle.style = doc.styles["Table Grid"]
    tabelle.alignment = WD_TABLE_ALIGNMENT.CENTER
    kopf = tabelle.add_row()
    kopfzeile_wiederholen(kopf)
    for i, text in enumerate(koepfe):
        zellentext(kopf.cells[i], text, fett=True, rechts=i in rechts, groesse=groesse)
    schleife, ende = zeile[0], zeile[-1]
    zellentext(tabelle.add_row().cells[0], schleife, groesse=groesse)
    inhalt = tabelle.add_row()
    for i, text in enumerate(zeile[1:-1]):
        zellentext(inhalt.cells[i], text, rechts=i in rechts, groesse=groesse)
    zellentext(tabelle.add_row().cells[0], ende, groesse=groesse)
    if summe:
        letzte = tabelle.add_row()
        for i, text in enumerate(summe):
            zellentext(letzte.cells[i], text, fett=True, rechts=i in rechts, groesse=groesse)
    spaltenbreiten(tabelle, breiten)
    nicht_teilen(tabelle)
    # The sentence above the table and the header row stay with the first row on one page;
    # a short table stays together ("keep with next" on every row but the last).
    for reihe in tabelle.rows[:-1] if zusammen else (kopf,):
        for zelle in reihe.cells:
            for absatz in zelle.paragraphs:
                absatz.paragraph_format.keep_with_next = True
    davor = next(p for p in reversed(vor_tabelle) if not p.text.startswith("{%"))
    davor.paragraph_format.keep_with_next = True
    doc.add_paragraph(style="Abstand")
    return tabelle


def letzter_absatz(doc) -> None:
    """The paragraph that must follow a table at the end of a document, made 1 pt and hidden:
    a table that fills its last page exactly would otherwise push it onto an empty page."""
    absatz = doc.paragraphs[-1]
    absatz.paragraph_format.space_before = absatz.paragraph_format.space_after = Pt(0)
    absatz.paragraph_format.line_spacing = Pt(1)
    marke = OxmlElement("w:rPr")  # the paragraph mark's run properties, last in w:pPr
    for name, wert in (("w:vanish", None), ("w:sz", "2")):
        element = OxmlElement(name)
        if wert:
            element.set(qn("w:val"), wert)
        marke.append(element)
    absatz._p.get_or_add_pPr().append(marke)


def spaltenbreiten(tabelle, breiten: list[float]) -> None:
    """Fixed column widths (Word reads the cells, LibreOffice the table grid). The table's
    width is the sum without the narrow {%tc %} tag cells, which docxtpl removes: when it
    also removes a hidden column, the export widens the rest to this width again."""
    tabelle.autofit = False
    gesamt = sum(b for b, k in zip(breiten, tabelle.rows[0].cells) if not k.text.startswith("{%tc"))
    breite = tabelle._tbl.tblPr.find(qn("w:tblW"))
    if breite is None:
        breite = OxmlElement("w:tblW")
        tabelle._tbl.tblPr.append(breite)
    breite.set(qn("w:type"), "dxa")
    breite.set(qn("w:w"), str(int(Cm(gesamt).twips)))
    for i, breite in enumerate(breiten):
        tabelle.columns[i].width = Cm(breite)
        for zelle in tabelle.columns[i].cells:
            zelle.width = Cm(breite)


def markierter_absatz(doc, text: str):
    """A paragraph of one marked placeholder: „[{{ x }}]“ highlighted."""
    return neuer_absatz(doc, f"[{text}]", markiert=True)


def abbildung(doc, bild: str, titel: str) -> None:
    """A chart (docxtpl InlineImage) with its numbered caption, only when the chart exists."""
    steuer_absatz(doc, f"{{%p if {bild} %}}")
    absatz = neuer_absatz(doc, f"{{{{ {bild} }}}}")
    absatz.alignment = WD_ALIGN_PARAGRAPH.CENTER
    absatz.paragraph_format.space_before = Pt(6)
    absatz.paragraph_format.keep_with_next = True  # the chart with its caption
    neuer_absatz(doc, f"Abbildung {{{{ abbildung.{bild} }}}}: {titel}{{{{ fussnote.{bild} }}}}", stil="Caption")
    steuer_absatz(doc, "{%p endif %}")


def fester_zeitstempel(daten: bytes) -> bytes:
    """The same bytes on every run: zip entries with a fixed date, in a fixed order."""
    quelle = zipfile.ZipFile(io.BytesIO(daten))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in quelle.infolist():
            eintrag = zipfile.ZipInfo(info.filename, date_time=ZEITPUNKT.timetuple()[:6])
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            neu.writestr(eintrag, quelle.read(info.filename))
    return ziel.getvalue()

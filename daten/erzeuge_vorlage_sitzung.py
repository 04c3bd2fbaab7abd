"""Erzeugt die Word-Vorlage der Sitzungsvorlage `daten/vorlage_sitzung.docx` (python-docx).

Die Vorlage ist ein gewöhnliches Word-Dokument mit Jinja-Platzhaltern für docxtpl:
`{{ name }}` für Text, `{%p for … %}`/`{%p endfor %}` in eigenen Absätzen für wiederholte
Absätze, `{%tr for … %}`/`{%tr endfor %}` in eigenen Tabellenzeilen für wiederholte Zeilen.
Schrift, Ränder, Kopf- und Fußzeile können in Word frei geändert werden; die Platzhalter
nennt die README (Abschnitt „Sitzungsvorlage (Word)“).

Aufruf: `python daten/erzeuge_vorlage_sitzung.py` (schreibt immer dieselben Bytes).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ZIEL = Path(__file__).resolve().parent / "vorlage_sitzung.docx"
SCHRIFT = "Arial"
GRAU = RGBColor(0x4D, 0x4D, 0x4D)
BLAU = RGBColor(0x1F, 0x4E, 0x79)
# A fixed timestamp keeps the file byte-identical from run to run.
ZEITPUNKT = dt.datetime(2026, 11, 30, 12, 0, 0)


def _stile(doc) -> None:
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
    beschriftung = doc.styles["Caption"]
    beschriftung.font.name = SCHRIFT
    beschriftung.font.size = Pt(9)
    beschriftung.font.italic = True
    beschriftung.font.color.rgb = GRAU


def _absatz(doc_oder_zelle, text: str = "", *, fett: bool = False, markiert: bool = False, stil: str | None = None):
    absatz = doc_oder_zelle.add_paragraph(style=stil)
    if text:
        lauf = absatz.add_run(text)
        lauf.bold = fett
        if markiert:
            # Placeholders and assumptions: highlighted like the "Annahme" marks on screen.
            lauf.italic = True
            lauf.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return absatz


def _steuer(doc, text: str) -> None:
    """A paragraph that holds only a {%p … %} tag (docxtpl removes it when rendering)."""
    doc.add_paragraph(text)


def _feld(absatz, code: str) -> None:
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


def _rahmenlos(tabelle) -> None:
    rahmen = OxmlElement("w:tblBorders")
    for seite in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{seite}")
        element.set(qn("w:val"), "nil")
        rahmen.append(element)
    tabelle._tbl.tblPr.append(rahmen)


def _kopfzeile_wiederholen(zeile) -> None:
    eigenschaften = zeile._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    eigenschaften.append(element)


def _zelle(zelle, text: str, *, fett: bool = False, rechts: bool = False, groesse: float | None = None) -> None:
    absatz = zelle.paragraphs[0]
    lauf = absatz.add_run(text)
    lauf.bold = fett
    if groesse:
        lauf.font.size = Pt(groesse)
    absatz.paragraph_format.space_after = Pt(0)
    if rechts:
        absatz.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _tabelle(doc, koepfe: list[str], zeile: list[str], breiten: list[float], *, rechts=(), groesse=None, summe=None):
    """A table with a header row and the three rows of a docxtpl row loop; `summe` adds a
    last row (bold)."""
    tabelle = doc.add_table(rows=0, cols=len(koepfe))
    tabelle.style = doc.styles["Table Grid"]
    tabelle.alignment = WD_TABLE_ALIGNMENT.CENTER
    kopf = tabelle.add_row()
    _kopfzeile_wiederholen(kopf)
    for i, text in enumerate(koepfe):
        _zelle(kopf.cells[i], text, fett=True, rechts=i in rechts, groesse=groesse)
    schleife, ende = zeile[0], zeile[-1]
    _zelle(tabelle.add_row().cells[0], schleife, groesse=groesse)
    inhalt = tabelle.add_row()
    for i, text in enumerate(zeile[1:-1]):
        _zelle(inhalt.cells[i], text, rechts=i in rechts, groesse=groesse)
    _zelle(tabelle.add_row().cells[0], ende, groesse=groesse)
    if summe:
        letzte = tabelle.add_row()
        for i, text in enumerate(summe):
            _zelle(letzte.cells[i], text, fett=True, rechts=i in rechts, groesse=groesse)
    _breiten(tabelle, breiten)
    return tabelle


def _breiten(tabelle, breiten: list[float]) -> None:
    """Fixed column widths (Word reads the cells, LibreOffice the table grid)."""
    tabelle.autofit = False
    for i, breite in enumerate(breiten):
        tabelle.columns[i].width = Cm(breite)
        for zelle in tabelle.columns[i].cells:
            zelle.width = Cm(breite)


def erzeuge() -> bytes:
    """The template as .docx bytes."""
    doc = Document()
    _stile(doc)
    abschnitt = doc.sections[0]
    abschnitt.page_height, abschnitt.page_width = Cm(29.7), Cm(21.0)
    abschnitt.left_margin = abschnitt.right_margin = Cm(2.5)
    abschnitt.top_margin, abschnitt.bottom_margin = Cm(2.0), Cm(2.0)

    kopf = abschnitt.header.paragraphs[0]
    kopf.text = "Landkreis Böblingen · Amt für Migration und Flüchtlinge"
    kopf.runs[0].font.size = Pt(9)
    kopf.runs[0].font.color.rgb = GRAU
    fuss = abschnitt.footer.paragraphs[0]
    fuss.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fuss.add_run("{{ titel }} · Stand {{ stand }} · Seite ").font.size = Pt(9)
    _feld(fuss, "PAGE")
    for lauf in fuss.runs:
        lauf.font.size = Pt(9)
        lauf.font.color.rgb = GRAU

    # --- Kopf der Vorlage (wie im Bericht vom 6. März 2017) ---
    _absatz(doc, "I. Vorlage an den", fett=True)
    kopf_tabelle = doc.add_table(rows=2, cols=2)
    _rahmenlos(kopf_tabelle)
    _zelle(kopf_tabelle.cell(0, 0), "Sozial- und Gesundheitsausschuss", fett=True)
    _zelle(kopf_tabelle.cell(0, 1), "{{ sitzungsdatum }}", fett=True, rechts=True)
    _zelle(kopf_tabelle.cell(1, 0), "zur Kenntnisnahme")
    _zelle(kopf_tabelle.cell(1, 1), "öffentlich", rechts=True)
    _breiten(kopf_tabelle, [11.0, 5.0])
    _absatz(doc)
    _absatz(doc, "{{ titel }} (Stand {{ stand }})", fett=True)
    _steuer(doc, "{%p for h in hinweise %}")
    _absatz(doc, "[{{ h }}]", markiert=True)
    _steuer(doc, "{%p endfor %}")

    # --- II. Bericht ---
    doc.add_heading("II. Bericht", level=1)
    _absatz(doc, "[{{ einleitung }}]", markiert=True)

    doc.add_heading("1. Bilanz (Auswertung der Tabellen)", level=2)
    _absatz(doc, "{{ bilanz_einleitung }}")
    _absatz(doc, "{{ gesamt }}")
    _steuer(doc, "{%p if fortschritt %}")
    _absatz(doc, "{{ fortschritt }}")
    _steuer(doc, "{%p endif %}")
    _steuer(doc, "{%p if diagramm_status %}")
    _absatz(doc, "{{ diagramm_status }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _absatz(doc, "Abbildung 1: Stand der Umsetzung je Handlungsfeld (Anteile; Beschriftung: Anzahl)", stil="Caption")
    _steuer(doc, "{%p endif %}")
    _steuer(doc, "{%p for f in felder %}")
    _absatz(doc, "{{ f.text }}")
    _steuer(doc, "{%p if f.fortschritt %}")
    _absatz(doc, "{{ f.fortschritt }}")
    _steuer(doc, "{%p endif %}")
    _steuer(doc, "{%p if f.hinweis %}")
    _absatz(doc, "[{{ f.hinweis }}]", markiert=True)
    _steuer(doc, "{%p endif %}")
    _steuer(doc, "{%p endfor %}")

    doc.add_heading("Einbürgerung im Vergleich der Region Stuttgart", level=3)
    _absatz(doc, "{{ einbuergerung_text }}")
    _steuer(doc, "{%p if einbuergerung %}")
    _tabelle(
        doc,
        ["Rang", "Gebiet", "Einbürgerungsquote", "Abstand zum Mittel"],
        [
            "{%tr for z in einbuergerung %}",
            "{{ z.rang }}",
            "{{ z.gebiet }}",
            "{{ z.quote }}",
            "{{ z.abstand }}",
            "{%tr endfor %}",
        ],
        [1.4, 6.6, 4.4, 3.6],
        rechts=(2, 3),
    )
    _steuer(doc, "{%p endif %}")
    _steuer(doc, "{%p if diagramm_einbuergerung %}")
    _absatz(doc, "{{ diagramm_einbuergerung }}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    _absatz(doc, "Abbildung 2: Einbürgerungsquoten in der Region Stuttgart", stil="Caption")
    _steuer(doc, "{%p endif %}")

    doc.add_heading("2. Weiteres Vorgehen (Ausblick)", level=2)
    _absatz(doc, "{{ vorgehen_text }}")
    _steuer(doc, "{%p for s in vorgehen %}")
    _absatz(doc, "{{ s.datum }}: {{ s.ereignis }}", stil="List Bullet")
    _steuer(doc, "{%p endfor %}")

    doc.add_heading("3. Finanzielle Auswirkungen", level=2)
    _absatz(doc, "{{ finanzen_text }}")
    _steuer(doc, "{%p for h in haushalt %}")
    _absatz(doc, "{{ h.text }}")
    _tabelle(
        doc,
        ["Maßnahme", "Betrag"],
        ["{%tr for z in h.zeilen %}", "{{ z.massnahme }}", "{{ z.betrag }}", "{%tr endfor %}"],
        [12.5, 3.5],
        rechts=(1,),
        summe=["Summe {{ h.jahr }}", "{{ h.summe }}"],
    )
    _absatz(doc)
    _steuer(doc, "{%p endfor %}")

    # --- Anlage 1 im Querformat ---
    anlage = doc.add_section(WD_SECTION.NEW_PAGE)
    anlage.orientation = WD_ORIENT.LANDSCAPE
    anlage.page_width, anlage.page_height = Cm(29.7), Cm(21.0)
    anlage.left_margin = anlage.right_margin = Cm(2.0)
    doc.add_heading("Anlage 1: Auswertung der Handlungsempfehlungen", level=1)
    _absatz(doc, "{{ anlage1_text }}")
    _tabelle(
        doc,
        ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung"],
        [
            "{%tr for e in anlage1 %}",
            "{{ e.feld }}",
            "{{ e.nr }}",
            "{{ e.ziel }}",
            "{{ e.empfehlung }}",
            "{{ e.status }}{% if e.kennzeichnung %} [{{ e.kennzeichnung }}]{% endif %}",
            "{{ e.bemerkung }}",
            "{%tr endfor %}",
        ],
        [3.6, 1.0, 4.0, 8.0, 2.8, 6.3],
        groesse=9,
    )

    kern = doc.core_properties
    kern.title = "Sitzungsvorlage Integrationsplan (Vorlage)"
    kern.author = "Integrationsplan-Monitor"
    kern.last_modified_by = "Integrationsplan-Monitor"
    kern.created = kern.modified = ZEITPUNKT
    kern.revision = 1
    puffer = io.BytesIO()
    doc.save(puffer)
    return _fester_zeitstempel(puffer.getvalue())


def _fester_zeitstempel(daten: bytes) -> bytes:
    """The same bytes on every run: zip entries with a fixed date, in a fixed order."""
    quelle = zipfile.ZipFile(io.BytesIO(daten))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in quelle.infolist():
            eintrag = zipfile.ZipInfo(info.filename, date_time=ZEITPUNKT.timetuple()[:6])
            eintrag.compress_type = zipfile.ZIP_DEFLATED
            neu.writestr(eintrag, quelle.read(info.filename))
    return ziel.getvalue()


if __name__ == "__main__":
    ZIEL.write_bytes(erzeuge())
    print(f"geschrieben: {ZIEL}")

"""The Sitzungsvorlage as a Word document, filled into a Word template with docxtpl.

docxtpl (Jinja in a .docx) rather than building the document with python-docx alone: the
layout lives in an ordinary Word file (`daten/vorlage_sitzung.docx`) that the county can
replace by its own letterhead and edit in Word; the code only supplies the data. Every
problem with a template (not a .docx, broken Jinja, an unknown or a missing placeholder)
raises `VorlagenFehler` with a German message; nothing else escapes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from ipdaten.fehler import IpdatenFehler
from ipdaten.gemerkt import Gemerkt
from ipdaten.praesentation.vorlage_daten import Sitzungsvorlage
from ipdaten.praesentation.vorlage_kontext import PLATZHALTER, diagramme, kontext, text

STANDARD_VORLAGE = Path(__file__).resolve().parents[2] / "daten" / "vorlage_sitzung.docx"
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BILD_BREITE_MM = 160
MAX_VORLAGE_BYTES = 20 * 1024 * 1024

# Without these the document would silently miss the report's core.
PFLICHT = ("felder", "anlage1")


class VorlagenFehler(IpdatenFehler):
    """A Word template that cannot be used; the message is German and says what to do."""


def _umgebung() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    # Autoescape: workbook text with & or < must stay text in the XML. The sandbox: a replaced
    # template is a file from outside the code and must not reach Python internals.
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _lies(quelle: Path | bytes | None) -> bytes:
    if quelle is None:
        quelle = STANDARD_VORLAGE
    if isinstance(quelle, (bytes, bytearray)):
        return bytes(quelle)
    pfad = Path(quelle)
    if not pfad.is_file():
        raise VorlagenFehler(f"Die Word-Vorlage „{pfad}“ gibt es nicht. Bitte den Pfad prüfen.")
    if pfad.stat().st_size > MAX_VORLAGE_BYTES:
        raise VorlagenFehler(f"Die Word-Vorlage „{pfad.name}“ ist größer als 20 MB – das ist keine Sitzungsvorlage.")
    try:
        return pfad.read_bytes()
    except OSError as e:
        raise VorlagenFehler(f"Die Word-Vorlage „{pfad.name}“ kann nicht gelesen werden ({e.strerror or e}).") from e


def _ist_docx(daten: bytes) -> None:
    if daten[:4] == b"\xd0\xcf\x11\xe0":
        raise VorlagenFehler(
            "Die Word-Vorlage ist im alten Word-Format (.doc) oder kennwortgeschützt. Bitte in Word "
            "ohne Kennwort als „Word-Dokument (*.docx)“ speichern."
        )
    if daten[:4] != b"PK\x03\x04":
        raise VorlagenFehler(
            "Die Word-Vorlage ist kein Word-Dokument (.docx). Bitte eine mit Word gespeicherte .docx-Datei verwenden."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(daten)) as zip_datei:
            namen = set(zip_datei.namelist())
    except zipfile.BadZipFile as e:
        raise VorlagenFehler("Die Word-Vorlage ist beschädigt (kein lesbares .docx).") from e
    if "word/document.xml" not in namen:
        raise VorlagenFehler(
            "Die Datei ist zwar ein Office-Dokument, aber kein Word-Dokument (z. B. Excel oder PowerPoint). "
            "Bitte eine .docx-Datei verwenden."
        )


def _syntaxfehler(e: Exception) -> VorlagenFehler:
    meldung = str(getattr(e, "message", "") or e)
    if "endfor" in meldung:
        was = "Zu einem „{% for … %}“ fehlt das passende „{% endfor %}“ (bzw. „{%tr endfor %}“/„{%p endfor %}“)."
    elif "endif" in meldung:
        was = "Zu einem „{% if … %}“ fehlt das passende „{% endif %}“."
    elif "unexpected '}'" in meldung or "unexpected end of template" in meldung.lower():
        was = "Ein Platzhalter ist nicht richtig geschlossen (z. B. „{{ titel }“ statt „{{ titel }}“)."
    elif "unknown tag" in meldung.lower() or "encountered unknown tag" in meldung.lower():
        was = "Ein „{% … %}“-Befehl ist unbekannt oder steht ohne seinen Anfang (z. B. „endfor“ ohne „for“)."
    else:
        was = "Ein Platzhalter ist fehlerhaft geschrieben."
    return VorlagenFehler(
        f"Die Word-Vorlage enthält einen Fehler in den Platzhaltern: {was} "
        f"Bitte die Vorlage in Word korrigieren. (Technische Meldung: {meldung})"
    )


def _absatztexte(dokument: Any) -> list[str]:
    """The text of every paragraph: body, table cells, headers and footers."""
    texte: list[str] = []

    def sammle(behaelter: Any) -> None:
        texte.extend(p.text for p in behaelter.paragraphs)
        for tabelle in behaelter.tables:
            for zeile in tabelle.rows:
                for zelle in zeile.cells:
                    sammle(zelle)

    sammle(dokument)
    for abschnitt in dokument.sections:
        for teil in (abschnitt.header, abschnitt.footer):
            sammle(teil)
    return texte


def _klammern(dokument: Any) -> None:
    """Word users often lose a brace: '{{ titel }' would silently swallow text up to the next
    '}}', so every paragraph must open and close its placeholders itself."""
    for absatz in _absatztexte(dokument):
        if absatz.count("{{") != absatz.count("}}") or absatz.count("{%") != absatz.count("%}"):
            raise VorlagenFehler(
                f"In der Word-Vorlage ist ein Platzhalter nicht richtig geschlossen, im Absatz „{absatz.strip()[:120]}“. "
                "Jeder Platzhalter muss in seinem Absatz mit „}}“ bzw. „%}“ enden, z. B. „{{ titel }}“."
            )


# The templates found usable last, by their SHA-256: every Word document checks its template first,
# nearly always the same file, and the check (docxtpl parsing its Jinja) costs about 0,07 s. A
# template that fails is checked again each time (the memo keeps no exception).
_GEPRUEFT = Gemerkt(hoechstens=4)


def pruefe_vorlage(quelle: Path | bytes | None = None) -> set[str]:
    """Check a Word template without data: readable .docx, valid Jinja, only known
    placeholders, every one of PFLICHT present. Returns the placeholders it uses; raises
    VorlagenFehler otherwise."""
    daten = _lies(quelle)
    return set(_GEPRUEFT.wert(hashlib.sha256(daten).digest(), lambda: frozenset(_pruefe(daten))))


def _pruefe(daten: bytes) -> set[str]:
    _ist_docx(daten)
    from jinja2 import TemplateSyntaxError

    try:
        from docxtpl import DocxTemplate

        vorlage = DocxTemplate(io.BytesIO(daten))
        vorlage.init_docx()
        _klammern(vorlage.docx)
        benutzt = vorlage.get_undeclared_template_variables(_umgebung())
    except VorlagenFehler:
        raise
    except TemplateSyntaxError as e:
        raise _syntaxfehler(e) from e
    except Exception as e:  # python-docx refuses a damaged package in many ways
        raise VorlagenFehler(f"Die Word-Vorlage kann nicht geöffnet werden ({type(e).__name__}: {e}).") from e
    unbekannt = sorted(benutzt - set(PLATZHALTER))
    if unbekannt:
        raise VorlagenFehler(
            "Die Word-Vorlage enthält unbekannte Platzhalter: "
            + ", ".join(f"„{{{{ {n} }}}}“" for n in unbekannt)
            + ". Bekannt sind: "
            + ", ".join(sorted(PLATZHALTER))
            + " (siehe Handbuch docs/handbuch.md, Abschnitt „Sitzungsvorlage (Word und PDF)“)."
        )
    fehlend = [n for n in PFLICHT if n not in benutzt]
    if fehlend:
        raise VorlagenFehler(
            "In der Word-Vorlage fehlen Platzhalter, ohne die der Bericht unvollständig wäre: "
            + ", ".join(f"„{n}“" for n in fehlend)
            + " (die Schleifen über die Handlungsfelder bzw. die Tabelle der Anlage 1, siehe Handbuch docs/handbuch.md)."
        )
    return set(benutzt)


def docx_bytes(vorlage: Sitzungsvorlage, *, vorlage_datei: Path | bytes | None = None) -> bytes:
    """The Sitzungsvorlage filled into the Word template (default: daten/vorlage_sitzung.docx),
    with the charts as PNG images. Raises VorlagenFehler for an unusable template."""
    daten = _lies(vorlage_datei)
    benutzt = pruefe_vorlage(daten)
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage
    from jinja2 import TemplateError, UndefinedError

    from ipdaten.praesentation.diagramm_bild import png_bytes

    dokument = DocxTemplate(io.BytesIO(daten))
    werte = kontext(vorlage)
    for name, diagramm in diagramme(vorlage).items():
        werte[name] = ""
        if diagramm is not None and name in benutzt:
            werte[name] = InlineImage(dokument, io.BytesIO(png_bytes(diagramm)), width=Mm(BILD_BREITE_MM))
    try:
        dokument.render(werte, _umgebung(), autoescape=True)
    except UndefinedError as e:
        raise VorlagenFehler(
            f"Die Word-Vorlage benutzt einen Platzhalter, den es nicht gibt ({e.message}). "
            "Bitte die Schreibweise mit dem Handbuch (docs/handbuch.md) vergleichen (z. B. „{{ f.text }}“ in der Schleife über „felder“)."
        ) from e
    except TemplateError as e:
        raise _syntaxfehler(e) from e
    except Exception as e:
        raise VorlagenFehler(f"Die Word-Vorlage konnte nicht ausgefüllt werden ({type(e).__name__}: {e}).") from e
    _raster_angleichen(dokument.docx)
    puffer = io.BytesIO()
    dokument.save(puffer)
    return puffer.getvalue()


def _raster_angleichen(dokument: Any) -> None:
    """Each table's grid from the widths of its first row's cells, widened to the table's
    width where a column was hidden. docxtpl drops the cells of a hidden column ({%tc if %})
    but shortens the grid from its end; LibreOffice lays a table out by its grid, Word by the
    cells, so both must agree."""
    from docx.oxml.ns import qn

    def breite_von(element: Any) -> int | None:
        if element is None or element.get(qn("w:type")) not in (None, "dxa") or element.get(qn("w:w")) is None:
            return None
        return int(float(element.get(qn("w:w"))))

    for tabelle in dokument.element.body.iter(qn("w:tbl")):
        raster, erste = tabelle.find(qn("w:tblGrid")), tabelle.find(qn("w:tr"))
        if raster is None or erste is None:
            continue
        zellen = [z.find(qn("w:tcPr")) for z in erste.findall(qn("w:tc"))]
        if any(z is None or z.find(qn("w:gridSpan")) is not None for z in zellen):
            continue
        gelesen = [breite_von(z.find(qn("w:tcW"))) for z in zellen]
        breiten = [b for b in gelesen if b is not None]
        if not breiten or len(breiten) < len(gelesen):
            continue
        ziel = breite_von(tabelle.find(f"{qn('w:tblPr')}/{qn('w:tblW')}"))
        faktor = ziel / sum(breiten) if ziel and sum(breiten) and ziel > sum(breiten) else 1.0
        if faktor != 1.0:
            for zeile in tabelle.iter(qn("w:tr")):
                for zelle in zeile.findall(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:tcW')}"):
                    zelle.set(qn("w:w"), str(round(int(float(zelle.get(qn("w:w")))) * faktor)))
        for spalte in list(raster):
            raster.remove(spalte)
        for breite in breiten:
            raster.append(raster.makeelement(qn("w:gridCol"), {qn("w:w"): str(round(breite * faktor))}))


def dateiname(stand: dt.date | None) -> str:
    """'Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.docx'."""
    return f"Sitzungsvorlage_Integrationsplan_Stand_{stand.isoformat() if stand else 'ohne_Datum'}.docx"


def fehler_docx(meldung: str) -> bytes:
    """A one-page Word document that says why the Sitzungsvorlage could not be built (what a
    download delivers instead of a broken file when the template fails after the check)."""
    from docx import Document

    dokument = Document()
    dokument.add_heading("Sitzungsvorlage konnte nicht erstellt werden", level=1)
    dokument.add_paragraph(text(meldung))
    puffer = io.BytesIO()
    dokument.save(puffer)
    return puffer.getvalue()

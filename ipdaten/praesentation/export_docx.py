"""The Sitzungsvorlage as a Word document, filled into a Word template with docxtpl.

docxtpl (Jinja in a .docx) rather than building the document with python-docx alone: the
layout lives in an ordinary Word file (`daten/vorlage_sitzung.docx`) that the county can
replace by its own letterhead and edit in Word; the code only supplies the data. Every
problem with a template (not a .docx, broken Jinja, an unknown or a missing placeholder)
raises `VorlagenFehler` with a German message; nothing else escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from ipdaten.praesentation.sitzungsvorlage import Markierung, Sitzungsvorlage

STANDARD_VORLAGE = Path(__file__).resolve().parents[2] / "daten" / "vorlage_sitzung.docx"
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BILD_BREITE_MM = 160
MAX_VORLAGE_BYTES = 20 * 1024 * 1024

# Every placeholder the data offers, with what it holds (docs/handbuch.md lists the same).
PLATZHALTER: dict[str, str] = {
    "titel": "Bezeichnung der Auswertung (Blatt Info)",
    "stand": "Stand der Daten, z. B. „6. März 2017“",
    "sitzungsdatum": "Sitzungsdatum (nächster Ausschusstermin der Meilensteine oder eingegeben)",
    "sitzungsdatum_herkunft": "woher das Sitzungsdatum stammt",
    "hinweise": "Liste der Hinweise zu den Daten (Vorschau, Rekonstruktion, Annahmen, Sitzungsdatum)",
    "einleitung": "Platzhalter für die Einleitung",
    "bilanz_einleitung": "Absatz: die Handlungsfelder und der Verweis auf Anlage 1",
    "gesamt": "Absatz: Verteilung aller Empfehlungen auf die Status",
    "fortschritt": "Absatz: Veränderung seit dem vorigen Stand (leer ohne vorigen Stand)",
    "vorher_stand": "Datum des vorigen Stands (leer ohne)",
    "felder": "Liste je Handlungsfeld: nr, name, leitsatz, text, fortschritt, hinweis",
    "diagramm_status": "Bild: Stand der Umsetzung je Handlungsfeld",
    "einbuergerung_text": "Absatz: Einbürgerung im Vergleich",
    "einbuergerung": "Tabellenzeilen: rang, gebiet, quote, abstand",
    "diagramm_einbuergerung": "Bild: Einbürgerungsquoten",
    "vorgehen_text": "Einleitungssatz zum weiteren Vorgehen",
    "vorgehen": "Liste der Meilensteine nach dem Stand: datum, ereignis",
    "finanzen_text": "Absatz zu den finanziellen Auswirkungen",
    "haushalt": "Liste je Haushaltsjahr: jahr, text, zeilen (massnahme, betrag), summe",
    "anlage1_text": "Satz über Anlage 1",
    "anlage1": "Tabellenzeilen: feld, nr, ziel, empfehlung, status, bemerkung, kennzeichnung",
}
# Without these the document would silently miss the report's core.
PFLICHT = ("felder", "anlage1")
# Characters XML 1.0 forbids (a workbook cell may hold them; Word would refuse the file).
_UNGUELTIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class VorlagenFehler(Exception):
    """A Word template that cannot be used; the message is German and says what to do."""


def _text(wert: object) -> str:
    if isinstance(wert, Markierung):
        return _UNGUELTIG.sub(" ", wert.text)
    return _UNGUELTIG.sub(" ", "" if wert is None else str(wert))


def kontext(vorlage: Sitzungsvorlage) -> dict:
    """The template's placeholders filled from the Sitzungsvorlage (images not yet included)."""
    hinweise = [_text(h) for h in vorlage.hinweise]
    if isinstance(vorlage.sitzungsdatum, Markierung):
        hinweise.append(f"Sitzungsdatum fehlt ({vorlage.sitzungsdatum_herkunft}) – bitte eintragen.")
    sitzungsdatum = (
        f"[{_text(vorlage.sitzungsdatum)}]" if isinstance(vorlage.sitzungsdatum, Markierung) else vorlage.sitzungsdatum
    )
    return {
        "titel": _text(vorlage.titel),
        "stand": vorlage.stand,
        "sitzungsdatum": sitzungsdatum,
        "sitzungsdatum_herkunft": vorlage.sitzungsdatum_herkunft,
        "hinweise": hinweise,
        "einleitung": _text(vorlage.einleitung),
        "bilanz_einleitung": _text(vorlage.bilanz_einleitung),
        "gesamt": vorlage.gesamt,
        "fortschritt": vorlage.fortschritt,
        "vorher_stand": vorlage.vorher_stand,
        "felder": [
            {
                "nr": f.nr,
                "name": _text(f.name),
                "leitsatz": _text(f.leitsatz),
                "text": _text(f.text),
                "fortschritt": f.fortschritt,
                "hinweis": _text(f.hinweis) if f.hinweis else "",
            }
            for f in vorlage.felder
        ],
        "diagramm_status": "",
        "einbuergerung_text": _text(vorlage.einbuergerung_text),
        "einbuergerung": [
            dict(zip(("rang", "gebiet", "quote", "abstand"), map(_text, z.zellen)))
            for z in vorlage.einbuergerung_zeilen
        ],
        "diagramm_einbuergerung": "",
        "vorgehen_text": vorlage.vorgehen_text,
        "vorgehen": [dict(zip(("datum", "ereignis"), map(_text, z.zellen))) for z in vorlage.vorgehen],
        "finanzen_text": vorlage.finanzen_text,
        "haushalt": [
            {
                "jahr": h.jahr,
                "text": h.text,
                "zeilen": [dict(zip(("massnahme", "betrag"), map(_text, z.zellen))) for z in h.zeilen],
                "summe": h.summe,
            }
            for h in vorlage.haushalt
        ],
        "anlage1_text": vorlage.anlage1_text,
        "anlage1": [
            {
                **dict(zip(("feld", "nr", "ziel", "empfehlung", "status", "bemerkung"), map(_text, z.zellen))),
                "kennzeichnung": z.kennzeichnung,
            }
            for z in vorlage.anlage1
        ],
    }


def _umgebung():
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


def _absatztexte(dokument) -> list[str]:
    """The text of every paragraph: body, table cells, headers and footers."""
    texte = []

    def sammle(behaelter) -> None:
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


def _klammern(dokument) -> None:
    """Word users often lose a brace: '{{ titel }' would silently swallow text up to the next
    '}}', so every paragraph must open and close its placeholders itself."""
    for text in _absatztexte(dokument):
        if text.count("{{") != text.count("}}") or text.count("{%") != text.count("%}"):
            raise VorlagenFehler(
                f"In der Word-Vorlage ist ein Platzhalter nicht richtig geschlossen, im Absatz „{text.strip()[:120]}“. "
                "Jeder Platzhalter muss in seinem Absatz mit „}}“ bzw. „%}“ enden, z. B. „{{ titel }}“."
            )


def pruefe_vorlage(quelle: Path | bytes | None = None) -> set[str]:
    """Check a Word template without data: readable .docx, valid Jinja, only known
    placeholders, every one of PFLICHT present. Returns the placeholders it uses; raises
    VorlagenFehler otherwise."""
    daten = _lies(quelle)
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
            + " (siehe Handbuch docs/handbuch.md, Abschnitt „Sitzungsvorlage (Word)“)."
        )
    fehlend = [n for n in PFLICHT if n not in benutzt]
    if fehlend:
        raise VorlagenFehler(
            "In der Word-Vorlage fehlen Platzhalter, ohne die der Bericht unvollständig wäre: "
            + ", ".join(f"„{n}“" for n in fehlend)
            + " (die Schleifen über die Handlungsfelder bzw. die Tabelle der Anlage 1, siehe Handbuch docs/handbuch.md)."
        )
    return benutzt


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
    for name, diagramm in (
        ("diagramm_status", vorlage.diagramm_status),
        ("diagramm_einbuergerung", vorlage.diagramm_einbuergerung),
    ):
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
    puffer = io.BytesIO()
    dokument.save(puffer)
    return puffer.getvalue()


def dateiname(stand: dt.date | None) -> str:
    """'Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.docx'."""
    return f"Sitzungsvorlage_Integrationsplan_Stand_{stand.isoformat() if stand else 'ohne_Datum'}.docx"


def fehler_docx(meldung: str) -> bytes:
    """A one-page Word document that says why the Sitzungsvorlage could not be built (what a
    download delivers instead of a broken file when the template fails after the check)."""
    from docx import Document

    dokument = Document()
    dokument.add_heading("Sitzungsvorlage konnte nicht erstellt werden", level=1)
    dokument.add_paragraph(_text(meldung))
    puffer = io.BytesIO()
    dokument.save(puffer)
    return puffer.getvalue()

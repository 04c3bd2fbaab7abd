"""What kind of file arrived, checked before any parser touches it.

A Streamlit server serves every user from one process: a zip bomb or a malformed file that
crashes the parser takes everybody down. So the zip directory is read first (a fraction of a
millisecond) and anything that is not a plausible xlsx workbook is refused with one finding.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.parsers import expat

from defusedxml import ElementTree as SicheresXml

from ipdaten.arbeitsmappe.befunde import Befund, fehler
from ipdaten.arbeitsmappe.blattliste import blattliste
from ipdaten.arbeitsmappe.vertrag import MAX_BLAETTER, MAX_DATEI_BYTES, MAX_ENTPACKT_BYTES, MAX_KOMPRESSIONSRATE
from ipdaten.format import zahl

OLE_KENNUNG = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
VERSCHLUESSELT_KENNUNG = "EncryptedPackage".encode("utf-16-le")
SICHERHEIT = "Die Datei wird aus Sicherheitsgründen nicht gelesen."
PROLOG_BYTES = 65_536
SPEICHERN_HINWEIS = "Bitte die Datei in Excel oder LibreOffice öffnen und als Excel-Arbeitsmappe (.xlsx) speichern."


def _mb(anzahl: int) -> str:
    return f"{zahl(anzahl / 1024 / 1024, 1)} MB"


def _kein_zip(daten: bytes) -> Befund:
    if daten.startswith(OLE_KENNUNG):
        if VERSCHLUESSELT_KENNUNG in daten:
            return fehler(
                "datei.kennwort",
                "Die Arbeitsmappe ist mit einem Kennwort geschützt und kann nicht gelesen werden. "
                "Bitte den Kennwortschutz in Excel entfernen (Datei › Informationen › Arbeitsmappe "
                "schützen) und erneut speichern.",
            )
        return fehler("datei.xls", "Die Datei ist im alten Excel-Format (.xls, Excel 97–2003). " + SPEICHERN_HINWEIS)
    kopf = daten[:4096]
    try:
        text = kopf.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = kopf.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
    probe = text.lstrip("\ufeff \r\n\t").lower()
    if probe.startswith(("<!doctype html", "<html")) or "<table" in probe:
        return fehler(
            "datei.html", "Die Datei ist eine Webseite (HTML), keine Excel-Arbeitsmappe. " + SPEICHERN_HINWEIS
        )
    if probe.startswith("<?xml"):
        return fehler(
            "datei.xml",
            "Die Datei ist eine XML-Datei (z. B. „XML-Kalkulationstabelle 2003“), keine "
            "Excel-Arbeitsmappe. " + SPEICHERN_HINWEIS,
        )
    if probe.startswith("%pdf"):
        return fehler(
            "datei.pdf", "Die Datei ist ein PDF-Dokument, keine Excel-Arbeitsmappe. Bitte die Excel-Datei hochladen."
        )
    if text and "\x00" not in text and any(z in text for z in (";", ",", "\t")):
        return fehler(
            "datei.csv",
            "Die Datei ist eine Textdatei (CSV), keine Excel-Arbeitsmappe – vermutlich wurde nur "
            "die Endung umbenannt. " + SPEICHERN_HINWEIS,
        )
    return fehler("datei.kein_xlsx", "Die Datei ist keine Excel-Arbeitsmappe (.xlsx). " + SPEICHERN_HINWEIS)


def zu_gross(groesse: int) -> Befund | None:
    """The finding for a file of `groesse` bytes above the bound; None when it is small enough."""
    if groesse <= MAX_DATEI_BYTES:
        return None
    return fehler(
        "datei.zu_gross",
        f"Die Datei ist mit {_mb(groesse)} zu groß; eine Anlage 1 hat weit unter "
        f"{_mb(MAX_DATEI_BYTES)}. Bitte prüfen, ob Bilder oder fremde Blätter enthalten sind.",
    )


def pruefe_datei(daten: bytes) -> Befund | None:
    """Check that `daten` is a safe, complete xlsx container; return one finding if not.

    Reads the zip directory first: declared sizes and compression ratios are known before
    anything is inflated. Then each part is inflated into nothing, bounded by its declared size.
    """
    if len(daten) == 0:
        return fehler("datei.leer", "Die Datei ist leer (0 Byte). Bitte die gespeicherte Excel-Arbeitsmappe hochladen.")
    if len(daten) > MAX_DATEI_BYTES:
        return zu_gross(len(daten))
    if not daten.startswith(b"PK\x03\x04"):
        return _kein_zip(daten)
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        eintraege = archiv.infolist()
        if "xl/workbook.xml" not in {e.filename for e in eintraege}:
            return _anderes_zip(archiv, eintraege)
        return _pruefe_eintraege(daten, archiv, eintraege)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, RuntimeError, NotImplementedError):
        # RuntimeError: an encrypted part; NotImplementedError: an unknown compression method
        return fehler(
            "datei.beschaedigt",
            "Die Datei ist beschädigt oder unvollständig (z. B. beim Kopieren abgeschnitten). "
            "Bitte die Arbeitsmappe erneut aus Excel speichern und hochladen.",
        )


def _anderes_zip(archiv: zipfile.ZipFile, eintraege: list[zipfile.ZipInfo]) -> Befund:
    """A zip that is no xlsx workbook: say what it is (reading at most 100 bytes of it)."""
    namen = {e.filename for e in eintraege}
    if "mimetype" in namen:
        with archiv.open("mimetype") as teil:
            if b"opendocument.spreadsheet" in teil.read(100):
                return fehler(
                    "datei.ods",
                    "Die Datei ist eine LibreOffice-Tabelle (.ods). Bitte in LibreOffice „Speichern unter“ "
                    "wählen und das Format „Excel 2007-365 (.xlsx)“ nehmen.",
                )
    if "word/document.xml" in namen:
        return fehler("datei.docx", "Die Datei ist ein Word-Dokument, keine Excel-Arbeitsmappe.")
    return fehler(
        "datei.zip_kein_xlsx",
        "Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx). " + SPEICHERN_HINWEIS,
    )


def _pruefe_eintraege(daten: bytes, archiv: zipfile.ZipFile, eintraege: list[zipfile.ZipInfo]) -> Befund | None:
    """Sizes from the zip directory, then the real inflated sizes and the XML prologs."""
    if len(eintraege) > 2000:
        return fehler(
            "datei.zu_viele_teile",
            f"Die Arbeitsmappe besteht aus {len(eintraege)} Teilen; das ist für eine Anlage 1 "
            "unplausibel viel. " + SICHERHEIT,
        )
    entpackt = sum(e.file_size for e in eintraege)
    if entpackt > MAX_ENTPACKT_BYTES:
        return fehler(
            "datei.entpackt_zu_gross",
            f"Die Arbeitsmappe würde entpackt {_mb(entpackt)} belegen (erlaubt sind höchstens "
            f"{_mb(MAX_ENTPACKT_BYTES)}; eine echte Anlage 1 bleibt weit unter 10 MB). " + SICHERHEIT,
        )
    for e in eintraege:
        if e.file_size > 1_000_000 and e.file_size > MAX_KOMPRESSIONSRATE * max(e.compress_size, 1):
            return fehler(
                "datei.kompression",
                f"Ein Teil der Arbeitsmappe ({e.filename}) ist auffällig stark komprimiert "
                f"({e.file_size // max(e.compress_size, 1)}:1). " + SICHERHEIT,
            )
    for e in eintraege:
        befund = _pruefe_inhalt(daten, archiv, e)
        if befund is not None:
            return befund
    return _pruefe_blattliste(archiv)


def _pruefe_blattliste(archiv: zipfile.ZipFile) -> Befund | None:
    """The sheets the workbook lists: each read once, so the work of reading them all is bounded
    by the zip directory's sizes. A list of 2 000 sheets on one part made the reader read that
    part 2 000 times (110 s, 2,9 GB for a 113 KB file)."""
    try:
        blaetter, _ = blattliste(archiv)
    except (SicheresXml.ParseError, ValueError):
        return fehler(
            "datei.blattverzeichnis_beschaedigt",
            "Das Verzeichnis der Blätter (xl/workbook.xml) ist beschädigt. " + SPEICHERN_HINWEIS,
        )
    if len(blaetter) > MAX_BLAETTER:
        return fehler(
            "datei.zu_viele_blaetter",
            f"Die Arbeitsmappe hat {zahl(len(blaetter))} Blätter; erlaubt sind höchstens {zahl(MAX_BLAETTER)}. "
            "Bitte nicht mehr benötigte Blätter löschen (auch ausgeblendete) und erneut speichern.",
        )
    gesehen: dict[str, str] = {}
    for blatt in blaetter:
        if blatt.pfad and blatt.pfad in gesehen:
            return fehler(
                "datei.blaetter_ein_teil",
                f"Die Blätter „{gesehen[blatt.pfad]}“ und „{blatt.name}“ verweisen auf denselben Teil der Datei "
                f"({blatt.pfad}); so schreiben Excel und LibreOffice keine Arbeitsmappe. " + SICHERHEIT,
            )
        gesehen[blatt.pfad] = blatt.name
    return None


def _pruefe_inhalt(daten: bytes, archiv: zipfile.ZipFile, eintrag: zipfile.ZipInfo) -> Befund | None:
    """One part: its real size must match the directory, an XML part must not declare a DTD."""
    wahr = _entpackte_groesse(daten, eintrag, eintrag.file_size)
    if wahr is None or wahr != eintrag.file_size:
        zuviel = wahr is not None and wahr > eintrag.file_size
        return fehler(
            "datei.teil_groesse",
            f"Ein Teil der Arbeitsmappe ({eintrag.filename}) "
            + ("ist größer als im Inhaltsverzeichnis angegeben. " + SICHERHEIT if zuviel else "ist beschädigt. ")
            + ("" if zuviel else SPEICHERN_HINWEIS),
        )
    if eintrag.filename.endswith((".xml", ".rels")) and _hat_dtd(archiv, eintrag):
        return fehler(
            "datei.xml_definitionen",
            f"Ein Teil der Arbeitsmappe ({eintrag.filename}) enthält XML-Definitionen (DOCTYPE/ENTITY), "
            "wie sie Excel und LibreOffice nie schreiben. " + SICHERHEIT,
        )
    return None


def _entpackte_groesse(daten: bytes, eintrag: zipfile.ZipInfo, grenze: int) -> int | None:
    """Inflate a part into nothing, stopping one byte past `grenze`: the real size, bounded.

    The sizes in the zip directory are written by whoever made the file; a reader that trusts
    them can be made to inflate gigabytes. None when the part cannot be inflated.
    """
    kopf = daten[eintrag.header_offset : eintrag.header_offset + 30]
    if len(kopf) < 30 or kopf[:4] != b"PK\x03\x04":
        return None
    name_laenge, extra_laenge = struct.unpack("<HH", kopf[26:30])
    start = eintrag.header_offset + 30 + name_laenge + extra_laenge
    roh = memoryview(daten)[start : start + eintrag.compress_size]
    if eintrag.compress_type == zipfile.ZIP_STORED:
        return len(roh)
    if eintrag.compress_type != zipfile.ZIP_DEFLATED:
        return None
    entpacker = zlib.decompressobj(-15)
    groesse = 0
    try:
        for anfang in range(0, len(roh), 65_536):
            rest = bytes(roh[anfang : anfang + 65_536])
            while rest:
                groesse += len(entpacker.decompress(rest, 1 << 20))
                if groesse > grenze:
                    return groesse
                rest = entpacker.unconsumed_tail
        groesse += len(entpacker.flush())
    except zlib.error:
        return None
    return groesse


class _PrologGelesen(Exception):
    """Raised from expat's handlers: the prolog has been read far enough."""


def _hat_dtd(archiv: zipfile.ZipFile, eintrag: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DOCTYPE or entities before its root element.

    The prolog is read by expat as every XML parser reads it – behind processing instructions and
    comments, in UTF-8 or UTF-16 – and reading stops at the root element or the DOCTYPE, so no
    declaration is ever processed. A prolog expat cannot read is searched byte by byte; one
    without a root element in its first 64 KB counts as hiding something.
    """
    funde: list[bool] = []

    def doctype(*_args: object) -> None:
        funde.append(True)
        raise _PrologGelesen

    def wurzel(*_args: object) -> None:
        raise _PrologGelesen

    leser = expat.ParserCreate()
    leser.StartDoctypeDeclHandler = leser.EntityDeclHandler = doctype
    leser.StartElementHandler = wurzel
    kopf = b""
    with archiv.open(eintrag) as teil:
        try:
            while len(kopf) < PROLOG_BYTES:
                stueck = teil.read(4096)
                kopf += stueck
                leser.Parse(stueck, not stueck)
                if not stueck:
                    break
        except _PrologGelesen:
            return bool(funde)
        except expat.ExpatError:
            return _dtd_in_bytes(kopf)
    return True


def _dtd_in_bytes(kopf: bytes) -> bool:
    """A DOCTYPE or ENTITY anywhere in the first bytes of a part expat could not read (UTF-16 too)."""
    texte = [kopf]
    if kopf.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in kopf[:4]:
        texte += [kopf.decode(kodierung, "ignore").encode() for kodierung in ("utf-16-le", "utf-16-be")]
    return any(b"<!DOCTYPE" in t.upper() or b"<!ENTITY" in t.upper() for t in texte)

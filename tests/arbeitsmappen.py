"""Shared builders of test workbooks, built in code (never checked-in fixtures).

The API other tests rely on:

- ``mappe_bytes(...)`` – a valid Anlage 1 as xlsx bytes. Every sheet argument is a list of rows
  (lists, in the order of that sheet's header ``KOPF[...]``); ``None`` takes the small default
  rows below (``HANDLUNGSFELDER``, ``EMPFEHLUNGEN`` …). ``ohne=("Haushalt",)`` leaves sheets out,
  ``koepfe={"Haushalt": [...]}`` replaces a header, ``titelzeilen={"Empfehlungen": [[...]]}`` puts
  rows above a header, ``zusatz={"Notizen": [[...]]}`` adds extra sheets, ``anpassen=f`` calls
  ``f(workbook)`` before saving (merged cells, number formats, formulas …).
- ``mappe(...)`` – the same as an openpyxl ``Workbook``; ``als_bytes(workbook)``.
- ``empfehlung(feld, nr, status, ...)`` – one recommendation row.
- ``standard_bytes()`` / ``STANDARD_PFAD`` – the bundled default workbook.
- ``aendere_mappe(daten, f)`` – open xlsx bytes with openpyxl, call ``f(workbook)``, save.
- ``ersetze_teile(daten, {"xl/workbook.xml": b"..."})`` – rewrite parts of the zip (raw XML tricks).
- ``mit_libreoffice(daten)`` – open and save with ``soffice --headless`` (formulas get computed
  values); ``None`` when LibreOffice Calc is missing (tests then skip).
- ``grosse_mappe_bytes(n)`` – a valid workbook with ``n`` recommendation rows (fast: rows written as XML).

The default rows (``mappe_bytes()`` without arguments) give: 3 Handlungsfelder, 6 recommendations
(field 1: umgesetzt, in Arbeit, ohne Angabe; field 2: umgesetzt, nicht umgesetzt; field 3:
in Abstimmung), naturalisation 2016 for three areas (Göppingen without value), budget of
three lines = 100.000 € (fields 1, 2 and one unassigned), two milestones, Stand 2017-03-06.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from openpyxl import Workbook, load_workbook

STANDARD_PFAD = Path(__file__).resolve().parent.parent / "daten" / "anlage1.xlsx"

KOPF: dict[str, list[str]] = {
    "Handlungsfelder": ["Nr", "Handlungsfeld", "Leitsatz", "Seiten"],
    "Empfehlungen": ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung", "Bezug Geflüchtete", "Quelle"],
    "Einbürgerung": ["Gebiet", "Jahr", "Quote in %"],
    "Haushalt": ["Maßnahme", "Betrag", "Jahr", "Handlungsfeld"],
    "Meilensteine": ["Datum", "Ereignis"],
    "Info": ["Feld", "Wert"],
}

HANDLUNGSFELDER: list[list] = [
    [1, "Aufbrechen und Ankommen", "„Hier bin ich“", "13–15"],
    [2, "Wohnen", "„Wohnen und Wohlfühlen“", "19–26"],
    [3, "Sprache", "„Vielsprachigkeit als Ressource“", ""],
]


def empfehlung(
    feld: object,
    nr: object,
    status: object = "umgesetzt",
    text: object = None,
    *,
    ziel: object = "",
    bemerkung: object = "",
    bezug: object = "",
    quelle: object = "Test",
) -> list:
    """One row of the sheet Empfehlungen, in the order of ``KOPF["Empfehlungen"]``."""
    if text is None:
        text = f"Empfehlung {feld}.{nr}"
    return [feld, nr, ziel, text, status, bemerkung, bezug, quelle]


EMPFEHLUNGEN: list[list] = [
    empfehlung(1, 1, "umgesetzt", bemerkung="Amt 2015 eingerichtet"),
    empfehlung(1, 2, "in Arbeit"),
    empfehlung(1, 3, "ohne Angabe"),
    empfehlung(2, 1, "umgesetzt", bezug="ja"),
    empfehlung(2, 2, "nicht umgesetzt", bezug="nein"),
    empfehlung(3, 1, "in Abstimmung"),
]
EINBUERGERUNG: list[list] = [
    ["Landkreis Böblingen", 2016, 1.54],
    ["Landkreis Esslingen", 2016, 1.36],
    ["Landkreis Göppingen", 2016, None],
]
HAUSHALT: list[list] = [
    ["Interkulturelle Öffnung", 60000, 2017, 1],
    ["Wohnraum-Expertise", 10000, 2017, 2],
    ["Unternehmerpreis", 30000, 2017, None],
]
MEILENSTEINE: list[list] = [
    [dt.date(2017, 3, 6), "Bilanz im Ausschuss"],
    ["2017-07", "Arbeitstreffen"],
]
INFO: list[list] = [
    ["Stand", dt.date(2017, 3, 6)],
    ["Bezeichnung", "Testmappe"],
]

_STANDARD_ZEILEN = {
    "Handlungsfelder": HANDLUNGSFELDER,
    "Empfehlungen": EMPFEHLUNGEN,
    "Einbürgerung": EINBUERGERUNG,
    "Haushalt": HAUSHALT,
    "Meilensteine": MEILENSTEINE,
    "Info": INFO,
}


def mappe(
    handlungsfelder: list[list] | None = None,
    empfehlungen: list[list] | None = None,
    einbuergerung: list[list] | None = None,
    haushalt: list[list] | None = None,
    meilensteine: list[list] | None = None,
    info: list[list] | None = None,
    *,
    ohne: Iterable[str] = (),
    koepfe: dict[str, list] | None = None,
    titelzeilen: dict[str, list[list]] | None = None,
    zusatz: dict[str, list[list]] | None = None,
    blattnamen: dict[str, str] | None = None,
    anpassen: Callable[[Workbook], None] | None = None,
) -> Workbook:
    """An Anlage 1 workbook (openpyxl) from rows; see the module docstring for the arguments.

    ``blattnamen={"Einbürgerung": " einbürgerung "}`` writes a sheet under another spelling.
    """
    zeilen = {
        "Handlungsfelder": handlungsfelder,
        "Empfehlungen": empfehlungen,
        "Einbürgerung": einbuergerung,
        "Haushalt": haushalt,
        "Meilensteine": meilensteine,
        "Info": info,
    }
    ohne = set(ohne)
    koepfe = {**KOPF, **(koepfe or {})}
    titelzeilen = titelzeilen or {}
    blattnamen = blattnamen or {}
    wb = Workbook()
    wb.remove(wb.active)
    for name, eigene in zeilen.items():
        if name in ohne:
            continue
        ws = wb.create_sheet(blattnamen.get(name, name))
        for zeile in titelzeilen.get(name, []):
            ws.append(list(zeile))
        ws.append(list(koepfe[name]))
        for zeile in _STANDARD_ZEILEN[name] if eigene is None else eigene:
            ws.append(list(zeile))
    for name, extra in (zusatz or {}).items():
        ws = wb.create_sheet(name)
        for zeile in extra:
            ws.append(list(zeile))
    if anpassen is not None:
        anpassen(wb)
    return wb


def als_bytes(wb: Workbook) -> bytes:
    """An openpyxl workbook saved to xlsx bytes."""
    ziel = io.BytesIO()
    wb.save(ziel)
    return ziel.getvalue()


def mappe_bytes(*args, **kwargs) -> bytes:
    """``mappe(...)`` saved as xlsx bytes (the default workbook, without arguments, built once)."""
    if not args and not kwargs:
        return _kleine_mappe_bytes()
    return als_bytes(mappe(*args, **kwargs))


@functools.cache
def _kleine_mappe_bytes() -> bytes:
    return als_bytes(mappe())


def standard_bytes() -> bytes:
    """The bundled default workbook ``daten/anlage1.xlsx``."""
    return STANDARD_PFAD.read_bytes()


def aendere_mappe(daten: bytes, anpassen: Callable[[Workbook], None]) -> bytes:
    """Open xlsx bytes with openpyxl, apply ``anpassen(workbook)``, return the saved bytes."""
    wb = load_workbook(io.BytesIO(daten))
    anpassen(wb)
    return als_bytes(wb)


def ersetze_teile(daten: bytes, teile: dict[str, bytes], *, kompression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The zip ``daten`` with some parts replaced or added (raw XML manipulations)."""
    ziel = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(daten)) as alt, zipfile.ZipFile(ziel, "w", kompression) as neu:
        for eintrag in alt.infolist():
            if eintrag.filename not in teile:
                neu.writestr(eintrag.filename, alt.read(eintrag.filename))
        for name, inhalt in teile.items():
            neu.writestr(name, inhalt)
    return ziel.getvalue()


def lies_teil(daten: bytes, name: str) -> bytes:
    """One part of an xlsx zip, e.g. ``xl/workbook.xml``."""
    with zipfile.ZipFile(io.BytesIO(daten)) as archiv:
        return archiv.read(name)


def mit_libreoffice(daten: bytes, timeout: float = 180) -> bytes | None:
    """Open and save ``daten`` with LibreOffice Calc headless (computes formulas).

    None when soffice or its Calc module is missing (the conversion then writes nothing).
    """
    programm = shutil.which("soffice")
    if programm is None:
        return None
    with tempfile.TemporaryDirectory() as ordner:
        quelle = Path(ordner, "ein", "mappe.xlsx")
        quelle.parent.mkdir()
        quelle.write_bytes(daten)
        aus = Path(ordner, "aus")
        profil = Path(ordner, "profil").as_uri()
        subprocess.run(
            [
                programm,
                f"-env:UserInstallation={profil}",
                "--headless",
                "--calc",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(aus),
                str(quelle),
            ],
            check=False,
            capture_output=True,
            timeout=timeout,
        )
        ergebnis = aus / "mappe.xlsx"
        return ergebnis.read_bytes() if ergebnis.is_file() else None


@functools.lru_cache(maxsize=4)
def grosse_mappe_bytes(anzahl: int, felder: int = 9) -> bytes:
    """A valid workbook with ``anzahl`` recommendation rows over ``felder`` fields (kept, since
    several tests use the same 20 000 rows).

    openpyxl writes the sheets with their headers; the rows are then written as the same XML
    openpyxl would write (inline strings), which takes a tenth of the time."""
    from xml.sax.saxutils import escape

    status = ("umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Handlungsfelder")
    ws.append(KOPF["Handlungsfelder"])
    for nr in range(1, felder + 1):
        ws.append([nr, f"Handlungsfeld {nr}", f"Leitsatz {nr}", ""])
    ws = wb.create_sheet("Empfehlungen")
    ws.append(KOPF["Empfehlungen"])
    ws = wb.create_sheet("Info")
    for zeile in INFO:
        ws.append(zeile)
    daten = als_bytes(wb)

    def zelle(ref: str, wert: object) -> str:
        if isinstance(wert, int):
            return f'<c r="{ref}" t="n"><v>{wert}</v></c>'
        if wert == "":
            return f'<c r="{ref}" t="inlineStr"></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(wert))}</t></is></c>'

    zeilen = []
    for index in range(anzahl):
        feld = index % felder + 1
        werte = empfehlung(
            feld,
            index // felder + 1,
            status[index % len(status)],
            f"Empfehlung {index + 1}: Maßnahme zur Integration im Handlungsfeld {feld}",
            ziel=f"Ziel {index % 7 + 1}",
            bemerkung=f"Bemerkung zur Empfehlung {index + 1}",
            bezug=("ja", "nein", "")[index % 3],
        )
        r = index + 2
        zeilen.append(f'<row r="{r}">' + "".join(zelle(f"{s}{r}", w) for s, w in zip("ABCDEFGH", werte)) + "</row>")
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml").replace(
        b"</sheetData>", "".join(zeilen).encode("ascii", "xmlcharrefreplace") + b"</sheetData>"
    )
    return ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml})


def zipbombe_bytes(entpackt: int, angegeben: int | None = None, teil: str = "xl/worksheets/sheet2.xml") -> bytes:
    """The test workbook whose sheet ``teil`` inflates to ``entpackt`` bytes (spaces after the XML).

    ``angegeben`` writes a smaller size into the zip directory and the local header than the
    part really inflates to (a lying directory). Built in chunks, never holding ``entpackt`` bytes.
    """
    daten = mappe_bytes()
    ziel = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(daten)) as alt, zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for eintrag in alt.infolist():
            if eintrag.filename != teil:
                neu.writestr(eintrag.filename, alt.read(eintrag.filename))
        xml = alt.read(teil)
        info = zipfile.ZipInfo(teil)
        info.compress_type = zipfile.ZIP_DEFLATED
        with neu.open(info, "w") as strom:
            strom.write(xml)
            block = b" " * (1 << 20)
            rest = entpackt - len(xml)
            while rest > 0:
                strom.write(block[: min(rest, len(block))])
                rest -= len(block)
    bombe = bytearray(ziel.getvalue())
    if angegeben is not None:
        _luege_groesse(bombe, teil.encode(), angegeben)
    return bytes(bombe)


def _luege_groesse(daten: bytearray, name: bytes, groesse: int) -> None:
    """Overwrite the uncompressed size of ``name`` in its local header and the central directory."""
    import struct

    for kennung, feld, name_ab in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = daten.find(kennung)
        while start >= 0:
            laenge_ab = 26 if kennung == b"PK\x03\x04" else 28
            (name_laenge,) = struct.unpack_from("<H", daten, start + laenge_ab)
            if bytes(daten[start + name_ab : start + name_ab + name_laenge]) == name:
                struct.pack_into("<I", daten, start + feld, groesse)
            start = daten.find(kennung, start + 4)


@functools.lru_cache(maxsize=8)
def ueberarbeitete_standard_bytes(
    *,
    stand: dt.date = dt.date(2017, 9, 30),
    bezeichnung: str = "Fortschreibung Herbst 2017",
) -> bytes:
    """The default workbook revised as the next evaluation round might be (added for issue 4).

    Recommendation 1.3 moves from "in Arbeit" to "umgesetzt"; a ninth field
    "Flüchtlingsperspektive" with two recommendations (9.1 umgesetzt, 9.2 in Arbeit) is added;
    Info gets the new Stand and Bezeichnung. Totals afterwards: 183 recommendations, 60 umgesetzt.
    Built once per run and arguments (openpyxl reads and writes the whole default workbook).
    """

    def anpassen(wb: Workbook) -> None:
        felder = wb["Handlungsfelder"]
        felder.append([9, "Flüchtlingsperspektive", "„Perspektiven schaffen“", "", "", "Test: neues Feld"])
        empfehlungen = wb["Empfehlungen"]
        kopf = next(
            zeile for zeile in empfehlungen.iter_rows() if [z.value for z in zeile][:2] == ["Handlungsfeld", "Nr"]
        )
        spalte = {z.value: i for i, z in enumerate(kopf)}
        for zeile in empfehlungen.iter_rows(min_row=kopf[0].row + 1):
            if zeile[spalte["Handlungsfeld"]].value == 1 and zeile[spalte["Nr"]].value == 3:
                assert zeile[spalte["Status"]].value == "in Arbeit"
                zeile[spalte["Status"]].value = "umgesetzt"
        for nr, status in ((1, "umgesetzt"), (2, "in Arbeit")):
            neu = [None] * len(kopf)
            neu[spalte["Handlungsfeld"]] = 9
            neu[spalte["Nr"]] = nr
            neu[spalte["Empfehlung"]] = f"Perspektive {nr} für Geflüchtete (Testdaten)"
            neu[spalte["Status"]] = status
            empfehlungen.append(neu)
        info = wb["Info"]
        for zeile in info.iter_rows():
            if zeile[0].value == "Stand":
                zeile[1].value = stand
            elif zeile[0].value == "Bezeichnung":
                zeile[1].value = bezeichnung

    return aendere_mappe(standard_bytes(), anpassen)


def wie_excel(daten: bytes) -> bytes:
    """``daten`` (saved by openpyxl) rewritten the way Excel saves: text cells as shared strings.

    openpyxl writes every text as an inline string (``t="inlineStr"``); Excel and LibreOffice
    write ``t="s"`` with an index into ``xl/sharedStrings.xml``. Formulas keep what openpyxl wrote
    (no cached value): use ``mit_libreoffice`` for workbooks with formulas.
    """
    import re

    inline = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S)
    tabelle: dict[bytes, int] = {}
    anzahl = 0

    def ersetze(treffer: re.Match) -> bytes:
        nonlocal anzahl
        text = treffer.group(3)
        anzahl += 1
        index = tabelle.setdefault(text, len(tabelle))
        return b'<c %st="s"%s><v>%d</v></c>' % (treffer.group(1), treffer.group(2), index)

    teile: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(daten)) as archiv:
        for name in archiv.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                teile[name] = inline.sub(ersetze, archiv.read(name))
        typen = archiv.read("[Content_Types].xml")
        rels = archiv.read("xl/_rels/workbook.xml.rels")
    eintraege = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % t for t in tabelle)
    teile["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>'
        % (anzahl, len(tabelle), eintraege)
    )
    if b"sharedStrings" not in typen:
        teile["[Content_Types].xml"] = typen.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'spreadsheetml.sharedStrings+xml"/></Types>',
        )
    if b"sharedStrings" not in rels:
        teile["xl/_rels/workbook.xml.rels"] = rels.replace(
            b"</Relationships>",
            b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
    return ersetze_teile(daten, teile)


def excel_bytes(*args, **kwargs) -> bytes:
    """``mappe_bytes(...)`` saved the way Excel saves (shared strings); see ``wie_excel``."""
    return wie_excel(mappe_bytes(*args, **kwargs))

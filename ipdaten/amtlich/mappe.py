"""A revised workbook in which only the sheet Einbürgerung is replaced.

The workbook is changed inside its ZIP container: the part of the sheet Einbürgerung is
written anew (text as inline strings, so the shared strings of the other sheets stay as they
are); every other sheet, the styles, the shared strings and all other parts are copied byte
for byte. Only when the old sheet is missing is the sheet list extended, and only when the
old sheet held formulas is Excel's calculation chain dropped (Excel rebuilds it). The result
is read back: the other parts must be unchanged, and the existing loader must read the new
figures and every other sheet exactly as before.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

import pandas as pd
from defusedxml import DefusedXmlException, ElementTree

from ipdaten.amtlich.quote import VORJAHR, Ergebnis
from ipdaten.amtlich.statistikwerte import StatistikUngueltig
from ipdaten.arbeitsmappe import EINBUERGERUNG, Anlage, AnlageUngueltig, Zuordnung, falte, fehler, lade_anlage
from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.modell import anders_gelesen, rahmen_gleich
from ipdaten.arbeitsmappe.vertrag import NACHWEIS_SPALTEN
from ipdaten.arbeitsmappe.xlsx_paket import blattteile, geaenderte_teile, kopie, rels_pfad, teilpfad

_HAUPT = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_BEZUG = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PAKET = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYP_BLATT = _BEZUG + "/worksheet"
_TYP_KETTE = _BEZUG + "/calcChain"
_BLATT_INHALT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
# Parts that belong to exactly one sheet and describe its old cells.
_EIGENE_TEILE = ("/table", "/comments", "/threadedComment", "/vmlDrawing")
_ENTFERNBAR = ("xl/tables/", "xl/comments", "xl/threadedComments/", "xl/drawings/vmlDrawing")
_STEUERZEICHEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_KREIS, _EINBUERGERUNGEN, _AUSLAENDER, _HINWEIS = NACHWEIS_SPALTEN[EINBUERGERUNG.name]
SPALTEN = (
    ("Gebiet", 26),
    ("Jahr", 8),
    ("Quote in %", 12),
    (_KREIS, 9),
    (_EINBUERGERUNGEN, 15),
    (_AUSLAENDER, 20),
    (_HINWEIS, 40),
    ("Quelle", 80),
    ("Definition", 60),
)


@dataclass(frozen=True)
class Ueberarbeitung:
    """The revised workbook, loaded back, with what it replaced."""

    daten: bytes = field(repr=False)
    anlage: Anlage = field(repr=False)
    vorher: pd.DataFrame = field(repr=False)  # the old sheet's rows as the loader read them
    blatt: str  # name of the replaced (or added) sheet
    neu_angelegt: bool
    zuordnung: Zuordnung | None = None  # the mapping the revised workbook is read with


def _text_zelle(ref: str, text: str) -> str:
    text = _STEUERZEICHEN.sub("", text)
    raum = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{raum}>{escape(text)}</t></is></c>'


def _zahl_zelle(ref: str, wert: float) -> str:
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        return ""
    zahl = int(wert) if float(wert).is_integer() else float(wert)
    return f'<c r="{ref}"><v>{zahl!r}</v></c>'


def blatt_xml(ergebnis: Ergebnis) -> bytes:
    """The sheet Einbürgerung as worksheet XML: one row per Kreis and year, source in every row."""
    zeilen = [[_text_zelle(f"{spaltenname(i)}1", titel) for i, (titel, _) in enumerate(SPALTEN)]]
    quelle, definition = ergebnis.quelle, ergebnis.definition_text
    zeilen_: list[Any] = list(ergebnis.zeilen.itertuples(index=False))  # a row's attributes are its columns
    for nummer, z in enumerate(zeilen_, start=2):
        werte = [
            _text_zelle(f"A{nummer}", z.gebiet),
            _zahl_zelle(f"B{nummer}", z.jahr),
            _zahl_zelle(f"C{nummer}", z.quote_prozent),
            _text_zelle(f"D{nummer}", z.kreis),
            _zahl_zelle(f"E{nummer}", z.einbuergerungen),
            _zahl_zelle(f"F{nummer}", z.auslaender_vorjahr if ergebnis.definition == VORJAHR else math.nan),
            _text_zelle(f"G{nummer}", z.hinweis) if z.hinweis else "",
            _text_zelle(f"H{nummer}", quelle),
            _text_zelle(f"I{nummer}", definition),
        ]
        zeilen.append(werte)
    letzte = len(zeilen)
    spalten = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{breite}" customWidth="1"/>' for i, (_, breite) in enumerate(SPALTEN)
    )
    rumpf = "".join(f'<row r="{n}">{"".join(z)}</row>' for n, z in enumerate(zeilen, start=1))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_HAUPT}" xmlns:r="{_BEZUG}">'
        f'<dimension ref="A1:{spaltenname(len(SPALTEN) - 1)}{letzte}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{spalten}</cols><sheetData>{rumpf}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.787401575" bottom="0.787401575" header="0.3" footer="0.3"/>'
        "</worksheet>"
    ).encode()


def _beziehungen(xml: bytes) -> list[dict[str, str]]:
    return [dict(b.attrib) for b in ElementTree.fromstring(xml).iter(f"{{{_PAKET}}}Relationship")]


def _entferne_override(typen: bytes, teil: str) -> bytes:
    muster = re.compile(rb'<Override\b[^>]*PartName="/' + re.escape(teil.encode()) + rb'"[^>]*/>')
    return muster.sub(b"", typen)


def _entferne_beziehung(rels: bytes, rid: str) -> bytes:
    muster = re.compile(rb'<Relationship\b[^>]*\bId="' + re.escape(rid.encode()) + rb'"[^>]*/>')
    return muster.sub(b"", rels)


def ersetze_blatt(mappe: bytes, neues_blatt: bytes, blattname: str = EINBUERGERUNG.name) -> tuple[bytes, str, bool]:
    """Replace (or add) the sheet `blattname` in an xlsx; every other part stays byte for byte.

    Returns (new bytes, the sheet's name in the workbook, whether it was added).
    """
    alt = zipfile.ZipFile(io.BytesIO(mappe))
    teile = {info.filename: info for info in alt.infolist()}
    inhalt = {name: alt.read(name) for name in teile}
    mappe_rels = rels_pfad("xl/workbook.xml")
    wurzel = ElementTree.fromstring(inhalt["xl/workbook.xml"])
    beziehungen = {b["Id"]: b for b in _beziehungen(inhalt[mappe_rels])}
    blaetter = [
        (b.get("name", ""), b.get(f"{{{_BEZUG}}}id", ""), b.get("sheetId", "0"))
        for b in wurzel.iter(f"{{{_HAUPT}}}sheet")
    ]
    treffer = [b for b in blaetter if falte(b[0]) == falte(blattname)]
    neu = dict(inhalt)
    if treffer:
        name, rid, _ = treffer[0]
        pfad = teilpfad("xl", beziehungen[rid]["Target"])
        alte_rels = rels_pfad(pfad)
        if alte_rels in neu:
            for b in _beziehungen(neu.pop(alte_rels)):
                if b.get("TargetMode") != "External" and b["Type"].endswith(_EIGENE_TEILE):
                    eigener = teilpfad(posixpath.dirname(pfad), b["Target"])
                    neu.pop(eigener, None)
                    neu["[Content_Types].xml"] = _entferne_override(neu["[Content_Types].xml"], eigener)
        if b"<f" in inhalt.get(pfad, b"") and "xl/calcChain.xml" in neu:
            neu.pop("xl/calcChain.xml")
            neu["[Content_Types].xml"] = _entferne_override(neu["[Content_Types].xml"], "xl/calcChain.xml")
            for rid_kette, b in beziehungen.items():
                if b["Type"] == _TYP_KETTE:
                    neu[mappe_rels] = _entferne_beziehung(neu[mappe_rels], rid_kette)
        neu[pfad] = neues_blatt
        angelegt = False
    else:
        name = blattname
        nummer = 1
        while f"xl/worksheets/sheet{nummer}.xml" in neu:
            nummer += 1
        pfad = f"xl/worksheets/sheet{nummer}.xml"
        rid_nummer = 1
        while f"rId{rid_nummer}" in beziehungen:
            rid_nummer += 1
        rid = f"rId{rid_nummer}"
        sheet_id = max((int(s) for _, _, s in blaetter if s.isdigit()), default=0) + 1
        arbeitsmappe = neu["xl/workbook.xml"].decode("utf-8")
        # Declared on the element itself: valid whatever the document declares where.
        eintrag = f'<sheet xmlns:r="{_BEZUG}" name="{escape(name)}" sheetId="{sheet_id}" r:id="{rid}"/>'
        arbeitsmappe = re.sub(r"(</(?:\w+:)?sheets>)", lambda m: eintrag + m.group(1), arbeitsmappe, count=1)
        neu["xl/workbook.xml"] = arbeitsmappe.encode("utf-8")
        beziehung = f'<Relationship Id="{rid}" Type="{_TYP_BLATT}" Target="worksheets/sheet{nummer}.xml"/>'
        neu[mappe_rels] = neu[mappe_rels].replace(b"</Relationships>", beziehung.encode() + b"</Relationships>")
        override = f'<Override PartName="/{pfad}" ContentType="{_BLATT_INHALT}"/>'
        neu["[Content_Types].xml"] = neu["[Content_Types].xml"].replace(b"</Types>", override.encode() + b"</Types>")
        neu[pfad] = neues_blatt
        angelegt = True

    ausgabe = io.BytesIO()
    with zipfile.ZipFile(ausgabe, "w", zipfile.ZIP_DEFLATED) as ziel:
        for teilname, info in teile.items():
            if teilname in neu:
                ziel.writestr(kopie(info), neu[teilname])
        for teilname in neu:
            if teilname not in teile:
                ziel.writestr(
                    zipfile.ZipInfo(teilname, date_time=(1980, 1, 1, 0, 0, 0)), neu[teilname], zipfile.ZIP_DEFLATED
                )
    return ausgabe.getvalue(), name, angelegt


def _ohne_einbuergerungsspalten(zuordnung: Zuordnung | None) -> Zuordnung | None:
    """The mapping for the revised workbook: the new sheet has the contract's own headers."""
    if zuordnung is None:
        return None
    spalten = tuple(e for e in zuordnung.spalten if e[0] != EINBUERGERUNG.name)
    return Zuordnung(blaetter=zuordnung.blaetter, spalten=spalten, status=zuordnung.status)


def ueberarbeite(mappe: bytes, ergebnis: Ergebnis, zuordnung: Zuordnung | None = None) -> Ueberarbeitung:
    """The revised workbook: only the sheet Einbürgerung replaced, checked by reading it back.

    `zuordnung` is the mapping the base workbook is read with (a sheet mapped onto
    Einbürgerung is the one replaced). Raises StatistikUngueltig when the base workbook is not
    a valid Anlage 1 or the result would not read back exactly.
    """
    neue_zuordnung = _ohne_einbuergerungsspalten(zuordnung)
    blatt_name = (
        dict(zuordnung.blaetter).get(EINBUERGERUNG.name, EINBUERGERUNG.name) if zuordnung else EINBUERGERUNG.name
    )
    try:
        basis = lade_anlage(mappe, zuordnung=zuordnung)
    except AnlageUngueltig as e:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.basis_ungueltig",
                    "Die Arbeitsmappe, deren Blatt „Einbürgerung“ ersetzt werden soll, ist selbst keine gültige "
                    "Anlage 1: " + (e.fehler[0].meldung if e.fehler else ""),
                    erlaubt="eine gültige Arbeitsmappe (z. B. den aktuellen Stand)",
                )
            ]
        ) from None
    try:
        daten, blattname, angelegt = ersetze_blatt(mappe, blatt_xml(ergebnis), blatt_name)
        pfad = blattteile(zipfile.ZipFile(io.BytesIO(daten)))[falte(blattname)]
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, DefusedXmlException) as e:  # not as Excel saves
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.mappe_aufbau",
                    "Die Arbeitsmappe konnte nicht überarbeitet werden: Ihr innerer Aufbau ist nicht so, wie Excel "
                    "ihn speichert. Bitte die Datei in Excel öffnen, speichern und erneut versuchen.",
                    wert=f"{type(e).__name__}: {e}",
                )
            ]
        ) from e
    neue_namen = set(zipfile.ZipFile(io.BytesIO(daten)).namelist())
    erlaubt = {pfad, rels_pfad(pfad), "[Content_Types].xml", "xl/workbook.xml", rels_pfad("xl/workbook.xml")}
    unerwartet = {
        n
        for n in geaenderte_teile(mappe, daten) - erlaubt
        if not (n not in neue_namen and (n.startswith(_ENTFERNBAR) or n == "xl/calcChain.xml"))
    }
    try:
        neu = lade_anlage(daten, zuordnung=neue_zuordnung)
    except AnlageUngueltig as e:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.rueckweg_ungueltig",
                    "Die überarbeitete Arbeitsmappe ließ sich nicht wieder einlesen: " + e.fehler[0].meldung,
                )
            ]
        ) from None
    erwartet = ergebnis.zeilen[["gebiet", "jahr", "quote_prozent"]]
    probleme = []
    if unerwartet:
        probleme.append("andere Blätter wurden verändert: " + ", ".join(sorted(unerwartet)))
    if not rahmen_gleich(neu.einbuergerung[["gebiet", "jahr", "quote_prozent"]], erwartet):
        probleme.append("die Quoten lesen sich nicht so zurück, wie sie berechnet wurden")
    probleme += anders_gelesen(neu, basis, ausser=("einbuergerung",))
    if probleme:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.rueckweg_abweichung",
                    "Die überarbeitete Arbeitsmappe wurde verworfen: " + "; ".join(probleme) + ".",
                )
            ]
        )
    return Ueberarbeitung(daten, neu, basis.einbuergerung, blattname, angelegt, neue_zuordnung)

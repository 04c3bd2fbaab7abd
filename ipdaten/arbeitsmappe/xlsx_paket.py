"""The xlsx file as a ZIP package: where a sheet's part is, and writing the package back with
some parts replaced and every other part unchanged (names, order, dates, content)."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from ipdaten.arbeitsmappe.blattliste import blattliste
from ipdaten.arbeitsmappe.texte import falte


def teilpfad(basis: str, ziel: str) -> str:
    """A relationship target as a part name inside the ZIP (relative to the folder `basis`)."""
    return ziel.lstrip("/") if ziel.startswith("/") else posixpath.normpath(posixpath.join(basis, ziel))


def rels_pfad(teil: str) -> str:
    """The relationships part of a part: 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'."""
    ordner, datei = posixpath.split(teil)
    return posixpath.join(ordner, "_rels", datei + ".rels")


def blattteile(archiv: zipfile.ZipFile) -> dict[str, str]:
    """Folded sheet name → its part in the ZIP ('empfehlungen' → 'xl/worksheets/sheet2.xml')."""
    blaetter, _ = blattliste(archiv)
    return {falte(b.name): b.pfad for b in blaetter if b.pfad}


def kopie(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A ZIP entry's name, date, attributes and compression (stored stays stored) for writing it anew."""
    neu = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    neu.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
    neu.external_attr = info.external_attr
    return neu


def schreibe_zip(alt: zipfile.ZipFile, neu: dict[str, bytes]) -> bytes:
    """The ZIP `alt` with the parts in `neu` replaced: same order, names, dates and attributes."""
    ausgabe = io.BytesIO()
    with zipfile.ZipFile(ausgabe, "w", zipfile.ZIP_DEFLATED) as ziel:
        for info in alt.infolist():
            ziel.writestr(kopie(info), neu[info.filename] if info.filename in neu else alt.read(info.filename))
    return ausgabe.getvalue()


def geaenderte_teile(alt: bytes, neu: bytes) -> set[str]:
    """The ZIP parts whose content differs (or that exist in only one of the two)."""
    a, b = zipfile.ZipFile(io.BytesIO(alt)), zipfile.ZipFile(io.BytesIO(neu))
    namen_a, namen_b = set(a.namelist()), set(b.namelist())
    return (namen_a ^ namen_b) | {n for n in namen_a & namen_b if a.read(n) != b.read(n)}


_FORMEL_TEXT = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f>', re.S
)


def bezuege_auf(archiv: zipfile.ZipFile, blattname: str, hoechstens: int = 8) -> list[str]:
    """Where the workbook computes with the sheet `blattname`: formula cells ('Übersicht!B3';
    in the sheet itself every formula) and pivot tables built on it ('Pivot-Tabelle (…)'), at
    most `hoechstens`. Their saved results are stale once the sheet's cells change."""
    blaetter, _ = blattliste(archiv)
    namen = {blattname.casefold(), f"'{blattname}'".casefold()}
    treffer = []
    for blatt in blaetter:
        if not blatt.pfad or blatt.pfad not in archiv.namelist():
            continue
        xml = archiv.read(blatt.pfad)
        if b"<f" not in xml and b":f" not in xml:
            continue
        selbst = falte(blatt.name) == falte(blattname)
        for ref, formel in _FORMEL_TEXT.findall(xml):
            text = formel.decode("utf-8", "replace").casefold()
            if selbst or any(f"{n}!" in text for n in namen):
                treffer.append(f"{blatt.name}!{ref.decode()}")
                if len(treffer) >= hoechstens:
                    return treffer
    for teil in archiv.namelist():
        ist_pivot = teil.startswith("xl/pivotCache/pivotCacheDefinition") and teil.endswith(".xml")
        if ist_pivot and f'sheet="{blattname}"'.encode() in archiv.read(teil):
            treffer.append(f"Pivot-Tabelle ({teil.rsplit('/', 1)[-1]})")
    return treffer[:hoechstens]

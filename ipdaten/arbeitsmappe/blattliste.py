"""The workbook's list of sheets and its other small XML parts, read as a stream.

`xl/workbook.xml`, its relationships and `xl/styles.xml` are small in a real workbook, but only
the zip directory bounds them (64 MB): parsed whole into a tree, such a part costs about
fifteen times its size. Streamed element by element, memory stays at one element.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree as SicheresXml

NS_HAUPT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PAKET_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAPPE = "xl/workbook.xml"
MAPPE_RELS = "xl/_rels/workbook.xml.rels"


def xml_elemente(archiv: zipfile.ZipFile, teil: str, namen: set[str]) -> Iterator[tuple[str, dict[str, str], str]]:
    """(tag, attributes, parent's tag) of each element of `teil` whose tag is in `namen`, in
    document order. Every element is dropped once it has ended, so a part of any size is read
    in constant memory. Raises KeyError for a missing part and defusedxml's errors for a DTD."""
    offen: list[Any] = []
    with archiv.open(teil) as quelle:
        for ereignis, element in SicheresXml.iterparse(quelle, events=("start", "end")):
            if ereignis == "start":
                offen.append(element)
                continue
            offen.pop()
            if element.tag in namen:
                yield element.tag, dict(element.attrib), offen[-1].tag if offen else ""
            if offen:
                del offen[-1][-1]  # the element just ended is its parent's last child


@dataclass(frozen=True)
class Blatteintrag:
    """One `<sheet>` of `xl/workbook.xml`: its name, the part holding it ("" when the workbook
    names none) and its state (visible, hidden, veryHidden)."""

    name: str
    pfad: str
    zustand: str = "visible"

    @property
    def ausgeblendet(self) -> bool:
        """Whether the sheet is hidden or very hidden in Excel."""
        return self.zustand in ("hidden", "veryHidden")


def _teilpfad(ziel: str) -> str:
    """A relationship's target as a path inside the zip (relative targets are relative to xl/)."""
    return ziel.lstrip("/") if ziel.startswith("/") else posixpath.normpath(posixpath.join("xl", ziel))


def blattliste(archiv: zipfile.ZipFile) -> tuple[list[Blatteintrag], bool]:
    """The sheets in workbook order, and whether the workbook asks to be recalculated on opening
    (`fullCalcOnLoad`: its saved formula values may be stale). Raises KeyError without
    `xl/workbook.xml`."""
    try:
        ziele = {
            a.get("Id"): a.get("Target", "")
            for _, a, _ in xml_elemente(archiv, MAPPE_RELS, {f"{NS_PAKET_REL}Relationship"})
        }
    except KeyError:
        ziele = {}
    blaetter, neu = [], False
    for tag, a, _ in xml_elemente(archiv, MAPPE, {f"{NS_HAUPT}sheet", f"{NS_HAUPT}calcPr"}):
        if tag == f"{NS_HAUPT}calcPr":
            neu = a.get("fullCalcOnLoad") in ("1", "true")
            continue
        ziel = ziele.get(a.get(f"{NS_REL}id"), "")
        blaetter.append(Blatteintrag(a.get("name", ""), _teilpfad(ziel) if ziel else "", a.get("state", "visible")))
    return blaetter, neu

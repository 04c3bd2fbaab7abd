"""Rows whose meaning is carried only by their formatting: struck through, or coloured without a
status. The dashboard reads no formatting; such rows are always named with what was done with
them (hidden rows are named by the table finder, `tabellen`).

The facts come from the workbook's XML: `xl/styles.xml` (fonts with `<strike/>`, solid fills,
the cell formats using them) and the `s` attribute of each cell. A workbook without a struck
font and without a fill is not scanned at all.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from ipdaten.arbeitsmappe.befunde import EMPFEHLUNGEN, Befundliste, zeilen_wort
from ipdaten.arbeitsmappe.blattliste import NS_HAUPT, xml_elemente
from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.tabellen import Tabelle
from ipdaten.arbeitsmappe.texte import ist_leer
from ipdaten.arbeitsmappe.xlsx_lesen import RohMappe

_STILE = "xl/styles.xml"
_WEISS = {"FFFFFFFF", "00FFFFFF", "FFFFFF"}
_ZELLE = re.compile(rb'<c\s+r="([A-Z]{1,3})(\d{1,7})"[^>]*?\bs="(\d+)"')


@dataclass(frozen=True)
class Stile:
    """The cell formats (index in cellXfs) that strike their text through, and those with a fill."""

    durchgestrichen: frozenset[int] = frozenset()
    gefuellt: frozenset[int] = frozenset()


def lies_stile(archiv: zipfile.ZipFile) -> Stile:
    """Which cell formats strike through and which fill, streamed from `xl/styles.xml`."""
    if _STILE not in archiv.namelist():
        return Stile()
    h = NS_HAUPT
    namen = {f"{h}{n}" for n in ("font", "strike", "fill", "patternFill", "fgColor", "xf")}
    schriften: list[bool] = []
    fuellungen: list[bool] = []
    strich, art, farbe = False, "", ""
    durch, gefuellt, index = set(), set(), 0
    for tag, a, eltern in xml_elemente(archiv, _STILE, namen):
        if tag == f"{h}strike" and eltern == f"{h}font":
            strich = a.get("val", "1") not in ("0", "false")
        elif tag == f"{h}font" and eltern == f"{h}fonts":
            schriften.append(strich)
            strich = False
        elif tag == f"{h}fgColor" and eltern == f"{h}patternFill":
            farbe = a.get("rgb", "") or (
                "theme" if "theme" in a and a["theme"] != "0" else "indexed" if "indexed" in a else ""
            )
        elif tag == f"{h}patternFill":
            art = a.get("patternType", "none")
        elif tag == f"{h}fill" and eltern == f"{h}fills":
            fuellungen.append(art == "solid" and bool(farbe) and farbe.upper() not in _WEISS)
            art, farbe = "", ""
        elif tag == f"{h}xf" and eltern == f"{h}cellXfs":
            schrift, fuellung = int(a.get("fontId", "0")), int(a.get("fillId", "0"))
            if schrift < len(schriften) and schriften[schrift]:
                durch.add(index)
            if fuellung < len(fuellungen) and fuellungen[fuellung]:
                gefuellt.add(index)
            index += 1
    return Stile(frozenset(durch), frozenset(gefuellt))


def _stile_der_zellen(xml: bytes, spalten: set[int]) -> dict[tuple[int, int], int]:
    """(Excel row, column from 0) → cell format, for the cells of `spalten` that have one."""
    buchstaben = {spaltenname(s).encode(): s for s in spalten}
    return {
        (int(zeile), buchstaben[spalte]): int(stil)
        for spalte, zeile, stil in _ZELLE.findall(xml)
        if spalte in buchstaben
    }


def melde_formatierung(mappe: RohMappe, tabelle: Tabelle, zeilen: set[int], befunde: Befundliste) -> None:
    """Name the rows of recommendations (`zeilen`, Excel rows) that are struck through, and those
    without a status whose status cell carries a colour – with what was done with them."""
    blatt = mappe.blaetter.get(tabelle.blatt)
    if blatt is None or not zeilen:
        return
    stile = lies_stile(mappe.archiv)
    if not stile.durchgestrichen and not stile.gefuellt:
        return
    text_spalte = tabelle.spalten.get("empfehlung")
    status_spalte = tabelle.spalten.get("status")
    zellen = _stile_der_zellen(blatt.xml, {s for s in (text_spalte, status_spalte) if s is not None})
    durch, farbig = [], []
    for nummer, zeile in tabelle.zeilen:
        if nummer not in zeilen:
            continue
        if text_spalte is not None and zellen.get((nummer, text_spalte)) in stile.durchgestrichen:
            durch.append(nummer)
        if (
            status_spalte is not None
            and ist_leer(tabelle.wert(zeile, "status"))
            and zellen.get((nummer, status_spalte)) in stile.gefuellt
        ):
            farbig.append(nummer)
    if durch:
        befunde.warnung(
            "formatierung.durchgestrichen",
            f"{len(durch)} Empfehlung(en) sind durchgestrichen ({zeilen_wort(durch)}); Durchstreichen liest das "
            "Dashboard nicht – sie wurden wie alle anderen gelesen und mitgezählt. Ist eine entfallen, bitte die Zeile "
            "löschen; gilt sie weiter, die Formatierung entfernen.",
            blatt=tabelle.blatt,
            zeile=durch[0],
            spalte=tabelle.titel.get("empfehlung", "Empfehlung"),
            zeilen=tuple(durch),
            ursache=EMPFEHLUNGEN,
        )
    if farbig:
        befunde.warnung(
            "formatierung.nur_farbe",
            f"{len(farbig)} Empfehlung(en) haben keinen Status, aber eine Zellfarbe in der Spalte "
            f"„{tabelle.titel.get('status', 'Status')}“ ({zeilen_wort(farbig)}); Farben liest das Dashboard nicht – "
            "sie wurden als „ohne Angabe“ gezählt. Bitte den Status als Wort eintragen (z. B. „umgesetzt“).",
            blatt=tabelle.blatt,
            zeile=farbig[0],
            spalte=tabelle.titel.get("status", "Status"),
            zeilen=tuple(farbig),
            ursache=EMPFEHLUNGEN,
        )

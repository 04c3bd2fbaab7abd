"""Finding a contract table inside a sheet: its header row (see tabellenkopf), its columns, merged
cells filled down, and the data rows without the notes under the table (`Tabelle`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text, zeilen_wort
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_spalten, ausgeblendete_zeilen
from ipdaten.arbeitsmappe.tabellenkopf import finde_kopfzeile, kopf_schluessel, melde_fehlende_spalten, waehle_spalten
from ipdaten.arbeitsmappe.texte import ist_leer
from ipdaten.arbeitsmappe.vertrag import Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt


@dataclass
class Tabelle:
    """The rows of one contract table, with the Excel row number of each.

    Findings about a cell go through `fehler`, which names sheet, row, column and value.
    """

    blatt: str
    spalten: dict[str, int]
    titel: dict[str, str]
    zeilen: list[tuple[int, list[Any]]]
    kopfzeile: int
    befunde: Befundliste
    ueber_kopf: list[list[Any]] = field(default_factory=list)  # rows above the header (titles, notes)
    verbundene_spalten: set[int] = field(default_factory=set)  # columns with merged cells below the header
    vorgegeben: dict[str, object] = field(
        default_factory=dict
    )  # values given for every row (e.g. field from sheet name)
    kopf: list[Any] = field(default_factory=list)  # the header row's cells, read or not
    vertragsblatt: str = ""  # the contract sheet this table is read as
    umgeformt: frozenset[int] = frozenset()  # columns read into another column (RohBlatt.umgeformt)

    def wert(self, zeile: list[Any], feld: str) -> object:
        """The raw value of `feld` in a row, or None when the column is absent."""
        if feld in self.vorgegeben:
            return self.vorgegeben[feld]
        index = self.spalten.get(feld)
        if index is None or index >= len(zeile):
            return None
        return zeile[index]

    def fehler(self, code: str, nummer: int, feld: str, meldung: str, wert: object, erlaubt: str) -> None:
        """Record an error (with its code) about the cell of `feld` in Excel row `nummer`."""
        self.befunde.fehler(
            code,
            meldung,
            blatt=self.blatt,
            zeile=nummer,
            spalte=self.titel.get(feld, feld),
            wert=wert_text(wert),
            erlaubt=erlaubt,
        )

    def warnung(self, code: str, nummer: int | None, feld: str, meldung: str, wert: str = "") -> None:
        """Record a warning (with its code) about a cell (or a column when `nummer` is None)."""
        self.befunde.warnung(
            code, meldung, blatt=self.blatt, zeile=nummer, spalte=self.titel.get(feld, feld), wert=wert
        )


def _fuelle_verbundene(blatt: RohBlatt, ab_zeile: int) -> list[list[Any]]:
    """Rows with the value of each merged range copied into all its cells below the header.

    Ranges are clipped to the rows and columns that hold values: a range over the whole sheet
    (A2:XFD1048576, a few bytes in the file) must not create a million rows.
    """
    zeilen = blatt.zeilen
    if not blatt.zusammengefasst or not zeilen:
        return zeilen
    zeilen = [list(z) for z in zeilen]
    letzte_zeile, letzte_spalte = len(zeilen) - 1, max(len(z) for z in zeilen) - 1
    for r0, c0, r1, c1 in blatt.zusammengefasst:
        if r0 <= ab_zeile or r0 > letzte_zeile or c0 > letzte_spalte:
            continue  # a range starting in the header (a two-row header cell) is no data
        wert = zeilen[r0][c0] if c0 < len(zeilen[r0]) else ""
        for zeile in zeilen[r0 : min(r1, letzte_zeile) + 1]:
            bis = min(c1, letzte_spalte)
            if len(zeile) <= bis:
                zeile.extend([""] * (bis + 1 - len(zeile)))
            zeile[c0 : bis + 1] = [wert] * (bis + 1 - c0)
    return zeilen


def finde_tabelle(
    blatt: RohBlatt, vertrag: Blatt, befunde: Befundliste, vorgegeben: dict[str, object] | None = None
) -> Tabelle | None:
    """Locate the header row of `vertrag` in `blatt` and collect its non-empty data rows.

    Records an error naming the missing columns when no header row is found. `vorgegeben` gives
    fields that are not columns but hold for every row (the field of a sheet per Handlungsfeld).
    """
    vorgegeben = vorgegeben or {}
    treffer, kopf, gefunden, zweizeilig = finde_kopfzeile(blatt, vertrag, vorgegeben)
    if treffer < len(vertrag.pflichtspalten):
        melde_fehlende_spalten(blatt, vertrag, kopf, gefunden, befunde)
        return None

    versteckte_spalten = ausgeblendete_spalten(blatt.xml)
    spalten, titel = waehle_spalten(blatt, vertrag, kopf, zweizeilig, versteckte_spalten, befunde)
    if spalten is None:
        return None
    for spalte in vertrag.spalten:
        if spalte.feld in vorgegeben:
            spalten.pop(spalte.feld, None)
            titel[spalte.feld] = f"{spalte.titel} (aus dem Blattnamen)"

    zeilen = []
    genutzt = sorted(spalten.values())
    kopf_wieder = _kopf_wiederholt(spalten, titel)
    wiederholt: list[int] = []
    leer_davor: set[int] = set()
    leer = False
    for position, zeile in enumerate(_fuelle_verbundene(blatt, kopf)[kopf + 1 :], start=kopf + 1):
        index = blatt.zeilennummern[position] if blatt.zeilennummern else position + 1
        if all(ist_leer(zeile[i]) for i in genutzt if i < len(zeile)):
            leer = True
            continue
        if kopf_wieder(zeile):
            wiederholt.append(index)
            continue
        if leer:
            leer_davor.add(index)
        leer = False
        zeilen.append((index, zeile))
    if wiederholt:
        befunde.warnung(
            "tabelle.kopf_wiederholt",
            f"Die Kopfzeile steht in der Tabelle noch einmal ({zeilen_wort(wiederholt)}) – vermutlich wurden Blöcke "
            "zusammenkopiert; diese Zeilen wurden übersprungen, die Zeilen darunter gelesen.",
            blatt=blatt.name,
            zeile=wiederholt[0],
            zeilen=tuple(wiederholt),
        )
    zeilen = _ohne_anmerkungen_darunter(blatt.name, vertrag, spalten, zeilen, leer_davor, befunde)
    versteckte_zeilen = ausgeblendete_zeilen(
        blatt.xml, max(blatt.zeilennummern, default=0) if blatt.zeilennummern else len(blatt.zeilen)
    )
    mitgezaehlt = [n for n, _ in zeilen if n - 1 in versteckte_zeilen]
    if mitgezaehlt:
        befunde.warnung(
            "zeilen.ausgeblendet",
            f"{len(mitgezaehlt)} in Excel ausgeblendete Zeile(n) wurden mitgelesen und mitgezählt "
            f"({zeilen_wort(mitgezaehlt)}). Gehören sie nicht zur Auswertung (z. B. von einem "
            "Filter ausgeblendet), bitte löschen.",
            blatt=blatt.name,
            zeile=mitgezaehlt[0],
            zeilen=tuple(mitgezaehlt),
        )
    verbunden = {c for r0, c0, _, c1 in blatt.zusammengefasst if r0 > kopf for c in range(c0, min(c1, c0 + 100) + 1)}
    tabelle = Tabelle(
        blatt.name, spalten, titel, zeilen, kopf + 1, befunde, [list(z) for z in blatt.zeilen[:kopf]], verbunden
    )
    tabelle.vorgegeben = dict(vorgegeben)
    tabelle.kopf = list(blatt.zeilen[kopf])
    tabelle.vertragsblatt = vertrag.name
    tabelle.umgeformt = blatt.umgeformt
    befunde.tabellen.append(tabelle)
    return tabelle


def _kopf_wiederholt(spalten: dict[str, int], titel: dict[str, str]) -> Callable[[list[Any]], bool]:
    """A test for a row that repeats the header (blocks copied together): every read column holds
    its own header again (at least two). A data row fails at its first column that is no text
    (the Nr is tried first), so a long table costs one type check per row."""
    koepfe = {index: kopf_schluessel(titel[feld]) for feld, index in spalten.items() if kopf_schluessel(titel[feld])}
    reihenfolge = sorted(koepfe, key=lambda i: i != spalten.get("nr"))

    def ist_kopf(zeile: list[Any]) -> bool:
        return len(koepfe) >= 2 and all(
            i < len(zeile) and isinstance(zeile[i], str) and kopf_schluessel(zeile[i]) == koepfe[i] for i in reihenfolge
        )

    return ist_kopf


def _ohne_anmerkungen_darunter(
    name: str,
    vertrag: Blatt,
    spalten: dict[str, int],
    zeilen: list[tuple[int, list[Any]]],
    leer_davor: set[int],
    befunde: Befundliste,
) -> list[tuple[int, list[Any]]]:
    """The rows without notes, counts and footnotes under the table (after an empty row).

    A row belongs to the table when at least half of the required columns are filled; the rows
    after the last such row are notes if an empty row separates them from the table.
    """
    pflicht = [spalten[s.feld] for s in vertrag.pflichtspalten if s.feld in spalten]

    def wie_daten(zeile: list[Any]) -> bool:
        gefuellt = sum(1 for i in pflicht if i < len(zeile) and not ist_leer(zeile[i]))
        return gefuellt * 2 >= len(pflicht)

    letzte = max((i for i, (_, z) in enumerate(zeilen) if wie_daten(z)), default=-1)
    rest = zeilen[letzte + 1 :]
    if not rest or letzte < 0 or rest[0][0] not in leer_davor:
        return zeilen
    nummern = [n for n, _ in rest]
    befunde.warnung(
        "zeilen.anmerkungen",
        f"{len(rest)} Zeile(n) unter der Tabelle (nach einer Leerzeile) wurden als Anmerkungen übergangen "
        f"({zeilen_wort(nummern)}).",
        blatt=name,
        zeile=nummern[0],
        zeilen=tuple(nummern),
    )
    return zeilen[: letzte + 1]

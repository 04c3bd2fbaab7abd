"""Finding a contract table inside a sheet: header row, columns, merged cells, data rows."""

from __future__ import annotations

from dataclasses import dataclass

from .befunde import Befundliste, wert_text
from .texte import falte, ist_leer
from .vertrag import Blatt, Spalte
from .xlsx_lesen import RohBlatt

KOPFZEILE_SUCHTIEFE = 30


@dataclass
class Tabelle:
    """The rows of one contract table, with the Excel row number of each."""

    blatt: str
    spalten: dict[str, int]
    titel: dict[str, str]
    zeilen: list[tuple[int, list]]
    kopfzeile: int

    def wert(self, zeile: list, feld: str) -> object:
        """The raw value of `feld` in a row, or None when the column is absent."""
        index = self.spalten.get(feld)
        if index is None or index >= len(zeile):
            return None
        return zeile[index]


def _fuelle_verbundene(blatt: RohBlatt, ab_zeile: int) -> list[list]:
    """Rows with the value of each merged range copied into all its cells below the header."""
    zeilen = blatt.zeilen
    if not blatt.zusammengefasst:
        return zeilen
    zeilen = [list(z) for z in zeilen]
    for r0, c0, r1, c1 in blatt.zusammengefasst:
        if r1 <= ab_zeile or r0 >= len(zeilen):
            continue
        wert = zeilen[r0][c0] if c0 < len(zeilen[r0]) else ""
        for r in range(max(r0, ab_zeile + 1), r1 + 1):
            while r >= len(zeilen):
                zeilen.append([])
            zeile = zeilen[r]
            if len(zeile) <= c1:
                zeile.extend([""] * (c1 + 1 - len(zeile)))
            for c in range(c0, c1 + 1):
                zeile[c] = wert
    return zeilen


def finde_tabelle(blatt: RohBlatt, vertrag: Blatt, befunde: Befundliste) -> Tabelle | None:
    """Locate the header row of `vertrag` in `blatt` and collect its non-empty data rows.

    Records an error naming the missing columns when no header row is found.
    """
    gesucht = {falte(s.titel): s for s in vertrag.spalten}
    pflicht = {falte(s.titel) for s in vertrag.pflichtspalten}
    bester: tuple[int, int, set[str]] = (-1, -1, set())
    for index, zeile in enumerate(blatt.zeilen[:KOPFZEILE_SUCHTIEFE]):
        gefunden = {falte(z) for z in zeile} & set(gesucht)
        treffer = len(gefunden & pflicht)
        if treffer > bester[0]:
            bester = (treffer, index, gefunden)
        if treffer == len(pflicht):
            break
    treffer, kopf, gefunden = bester
    if treffer < len(pflicht):
        fehlend = [s.titel for s in vertrag.pflichtspalten if falte(s.titel) not in gefunden]
        ort = f"in Zeile {kopf + 1} " if treffer > 0 else ""
        befunde.fehler(
            f"Die Kopfzeile {ort}enthält nicht alle Pflichtspalten; es fehlt: "
            + ", ".join(f"„{t}“" for t in fehlend)
            + ".",
            blatt=blatt.name,
            zeile=kopf + 1 if treffer > 0 else None,
            spalte=", ".join(fehlend),
            erlaubt="Spalten " + ", ".join(f"„{s.titel}“" for s in vertrag.spalten),
        )
        return None

    spalten: dict[str, int] = {}
    titel: dict[str, str] = {}
    for index, zelle in enumerate(blatt.zeilen[kopf]):
        spalte: Spalte | None = gesucht.get(falte(zelle))
        if spalte is None:
            continue
        if spalte.feld in spalten:
            befunde.warnung(
                f"Die Spalte „{spalte.titel}“ steht mehrfach in der Kopfzeile; verwendet wird die erste.",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
            )
            continue
        spalten[spalte.feld] = index
        titel[spalte.feld] = wert_text(zelle)

    zeilen = []
    genutzt = sorted(spalten.values())
    for index, zeile in enumerate(_fuelle_verbundene(blatt, kopf)[kopf + 1 :], start=kopf + 2):
        if all(ist_leer(zeile[i]) for i in genutzt if i < len(zeile)):
            continue
        zeilen.append((index, zeile))
    return Tabelle(blatt.name, spalten, titel, zeilen, kopf + 1)

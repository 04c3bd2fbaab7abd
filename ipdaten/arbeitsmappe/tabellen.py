"""Finding a contract table inside a sheet: header row, columns, merged cells, data rows."""

from __future__ import annotations

from dataclasses import dataclass

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text
from ipdaten.arbeitsmappe.texte import falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import Blatt, Spalte
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt

KOPFZEILE_SUCHTIEFE = 30


@dataclass
class Tabelle:
    """The rows of one contract table, with the Excel row number of each.

    Findings about a cell go through `fehler`, which names sheet, row, column and value.
    """

    blatt: str
    spalten: dict[str, int]
    titel: dict[str, str]
    zeilen: list[tuple[int, list]]
    kopfzeile: int
    befunde: Befundliste

    def wert(self, zeile: list, feld: str) -> object:
        """The raw value of `feld` in a row, or None when the column is absent."""
        index = self.spalten.get(feld)
        if index is None or index >= len(zeile):
            return None
        return zeile[index]

    def fehler(self, nummer: int, feld: str, meldung: str, wert: object, erlaubt: str) -> None:
        """Record an error about the cell of `feld` in Excel row `nummer`."""
        self.befunde.fehler(
            meldung,
            blatt=self.blatt,
            zeile=nummer,
            spalte=self.titel.get(feld, feld),
            wert=wert_text(wert),
            erlaubt=erlaubt,
        )

    def warnung(self, nummer: int | None, feld: str, meldung: str, wert: str = "") -> None:
        """Record a warning about a cell (or a column when `nummer` is None)."""
        self.befunde.warnung(meldung, blatt=self.blatt, zeile=nummer, spalte=self.titel.get(feld, feld), wert=wert)


def _fuelle_verbundene(blatt: RohBlatt, ab_zeile: int) -> list[list]:
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


def _namen(vertrag: Blatt) -> dict[str, Spalte]:
    """Folded header names (titles and aliases) → column of the contract."""
    namen = {}
    for spalte in vertrag.spalten:
        for name in (spalte.titel, *spalte.aliase):
            namen[falte(name)] = spalte
    return namen


def _finde_kopfzeile(blatt: RohBlatt, vertrag: Blatt) -> tuple[int, int, set[str]]:
    """(required columns found, row index, fields found) of the best header candidate."""
    namen = _namen(vertrag)
    pflicht = {s.feld for s in vertrag.pflichtspalten}
    bester: tuple[int, int, set[str]] = (-1, -1, set())
    for index, zeile in enumerate(blatt.zeilen[:KOPFZEILE_SUCHTIEFE]):
        gefunden = {namen[f].feld for f in (falte(z) for z in zeile) if f in namen}
        treffer = len(gefunden & pflicht)
        if treffer > bester[0]:
            bester = (treffer, index, gefunden)
        if treffer == len(pflicht):
            break
    return bester


def _spalten_text(vertrag: Blatt) -> str:
    pflicht = ", ".join(f"„{s.titel}“" for s in vertrag.pflichtspalten)
    optional = ", ".join(f"„{s.titel}“" for s in vertrag.spalten if not s.pflicht)
    return f"Spalten {pflicht}" + (f" (optional: {optional})" if optional else "")


def _melde_fehlende_spalten(blatt: RohBlatt, vertrag: Blatt, kopf: int, gefunden: set[str], befunde) -> None:
    if not any(not ist_leer(z) for zeile in blatt.zeilen for z in zeile):
        befunde.fehler(
            "Das Blatt ist leer.",
            blatt=blatt.name,
            erlaubt="eine Kopfzeile mit den Spalten " + ", ".join(f"„{s.titel}“" for s in vertrag.pflichtspalten),
        )
        return
    fehlend = [s.titel for s in vertrag.pflichtspalten if s.feld not in gefunden]
    hat_kopf = bool(gefunden)
    befunde.fehler(
        ("Die Kopfzeile enthält" if hat_kopf else "Keine Kopfzeile gefunden; es fehlen die Pflichtspalten")
        + (" nicht alle Pflichtspalten; es fehlt: " if hat_kopf else ": ")
        + ", ".join(f"„{t}“" for t in fehlend)
        + ".",
        blatt=blatt.name,
        zeile=kopf + 1 if hat_kopf else None,
        spalte=", ".join(fehlend),
        wert=" | ".join(wert_text(z) for z in blatt.zeilen[kopf] if not ist_leer(z)) if hat_kopf else "",
        erlaubt=_spalten_text(vertrag),
    )


def finde_tabelle(blatt: RohBlatt, vertrag: Blatt, befunde: Befundliste) -> Tabelle | None:
    """Locate the header row of `vertrag` in `blatt` and collect its non-empty data rows.

    Records an error naming the missing columns when no header row is found.
    """
    treffer, kopf, gefunden = _finde_kopfzeile(blatt, vertrag)
    if treffer < len(vertrag.pflichtspalten):
        _melde_fehlende_spalten(blatt, vertrag, kopf, gefunden, befunde)
        return None

    namen = _namen(vertrag)
    spalten: dict[str, int] = {}
    titel: dict[str, str] = {}
    for index, zelle in enumerate(blatt.zeilen[kopf]):
        spalte = namen.get(falte(zelle))
        if spalte is None:
            continue
        if spalte.feld in spalten:
            befunde.warnung(
                f"Die Spalte „{spalte.titel}“ steht mehrfach in der Kopfzeile; verwendet wird die erste "
                f"(„{titel[spalte.feld]}“).",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
                wert=wert_text(zelle),
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
    return Tabelle(blatt.name, spalten, titel, zeilen, kopf + 1, befunde)

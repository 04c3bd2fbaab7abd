"""Findings about a workbook: errors that reject it and warnings that accompany it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from ipdaten.format import kuerzen

Schwere = Literal["Fehler", "Warnung"]


@dataclass(frozen=True)
class Befund:
    """One finding, located as precisely as the workbook allows."""

    schwere: Schwere
    meldung: str
    blatt: str = ""
    zeile: int | None = None
    spalte: str = ""
    wert: str = ""
    erlaubt: str = ""

    def als_text(self) -> str:
        """The finding as one German line, e.g. for the command line."""
        ort = []
        if self.blatt:
            ort.append(f"Blatt „{self.blatt}“")
        if self.zeile is not None:
            ort.append(f"Zeile {self.zeile}")
        if self.spalte:
            ort.append(f"Spalte „{self.spalte}“")
        teile = [", ".join(ort) + ":" if ort else "", self.meldung]
        if self.wert:
            teile.append(f"Gefunden: „{self.wert}“.")
        if self.erlaubt:
            teile.append(f"Erlaubt: {self.erlaubt}.")
        return " ".join(t for t in teile if t)


def fehler(meldung: str, **ort) -> Befund:
    """An error: the workbook is rejected."""
    return Befund("Fehler", meldung, **ort)


def warnung(meldung: str, **ort) -> Befund:
    """A warning: the workbook is accepted, the user should know."""
    return Befund("Warnung", meldung, **ort)


def zeilenliste(nummern: list[int], hoechstens: int = 8) -> str:
    """Excel row numbers as a short list for a finding: '3, 5, 9 und 4 weitere'."""
    text = ", ".join(str(n) for n in nummern[:hoechstens])
    return text + (f" und {len(nummern) - hoechstens} weitere" if len(nummern) > hoechstens else "")


def wert_text(wert: object, laenge: int = 80) -> str:
    """A cell value as a short text for a finding."""
    from ipdaten.arbeitsmappe.texte import zelle_als_text

    if wert is None:
        return "(leer)"
    text = zelle_als_text(wert)
    if text.strip() == "" or text == "nan":
        return "(leer)"
    return kuerzen(text, laenge)


@dataclass
class Befundliste:
    """Collects findings while a workbook is read, so all of them are reported at once."""

    eintraege: list[Befund] = field(default_factory=list)

    def fehler(self, meldung: str, **ort) -> None:
        """Record an error."""
        self.eintraege.append(fehler(meldung, **ort))

    def warnung(self, meldung: str, **ort) -> None:
        """Record a warning."""
        self.eintraege.append(warnung(meldung, **ort))

    @property
    def fehlerliste(self) -> list[Befund]:
        """Only the errors."""
        return [b for b in self.eintraege if b.schwere == "Fehler"]

    @property
    def warnungen(self) -> list[Befund]:
        """Only the warnings."""
        return [b for b in self.eintraege if b.schwere == "Warnung"]


class AnlageUngueltig(Exception):
    """The workbook was rejected; `befunde` says why (all findings, errors first).

    `erkennung` (a `zuordnung.Erkennung`, None when the file was not even read as a workbook)
    says which sheets, columns and status words were recognised, for a proposed mapping.
    """

    def __init__(self, befunde: list[Befund], erkennung: object = None):
        self.befunde = sorted(befunde, key=lambda b: b.schwere != "Fehler")
        self.erkennung = erkennung
        super().__init__("\n".join(b.als_text() for b in self.befunde))

    @property
    def fehler(self) -> list[Befund]:
        """Only the errors."""
        return [b for b in self.befunde if b.schwere == "Fehler"]


def befunde_tabelle(befunde: list[Befund]) -> pd.DataFrame:
    """Findings as a table with German headers, for display and download."""
    return pd.DataFrame(
        {
            "Art": [b.schwere for b in befunde],
            "Blatt": [b.blatt for b in befunde],
            "Zeile": [str(b.zeile) if b.zeile is not None else "" for b in befunde],
            "Spalte": [b.spalte for b in befunde],
            "Gefundener Wert": [b.wert for b in befunde],
            "Meldung": [b.meldung for b in befunde],
            "Erlaubt": [b.erlaubt for b in befunde],
        }
    )

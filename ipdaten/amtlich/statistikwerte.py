"""A table of official statistics as the rest of the package sees it, and the rules for one value.

`StatistikDatei` holds the usable values of a downloaded table as one tidy frame with where they
come from; `StatistikUngueltig` refuses a file with German findings. The special signs of
official statistics are kept next to the value: "-" is nothing (0); ".", "...", "/" and "x" are
"keine Angabe" and never 0 (`wert_und_zeichen`). `art_des_merkmals` says which kind of value a
column holds (naturalisations, the table's own quota, the foreign population – each only as the
total over every other breakdown).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from ipdaten.arbeitsmappe import Befund
from ipdaten.fehler import IpdatenFehler

EINBUERGERUNGEN = "einbuergerungen"
QUOTE = "quote"
AUSLAENDER = "auslaender"

ZEICHEN: dict[str, str] = {
    "-": "nichts vorhanden (0)",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "...": "Angabe fällt später an",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
}
KEINE_ANGABE = frozenset(ZEICHEN) - {"-"}
UNLESBAR = "?"
_ZEICHEN_VARIANTEN = {"–": "-", "—": "-", "…": "...", "X": "x"}

_JAHR = re.compile(r"\d{4}")
_DATUM = re.compile(r"\d{2}\.\d{2}\.\d{4}")
_ZAHL = re.compile(r"-?\d+(?:,\d+)?")
_ZAHL_PUNKT = re.compile(r"-?\d+\.\d+")
_INSGESAMT = frozenset({"insgesamt", "zusammen", "gesamt", "alle"})
# Units vary between columns of different measures, but they are no breakdown.
_EINHEITEN = frozenset({"anzahl", "prozent", "%", "personen", "tsd.", "tsd", "1000", "je 100", "je 1000", "promille"})
_LIZENZNAME = re.compile(r"Datenlizenz Deutschland\s*[-–]\s*[\w ]+?\s*[-–]\s*Version \d\.\d")


def befund_text(befund: Befund) -> str:
    """A finding about a statistics file as one German line ('Datei „x.csv“, Zeile 3: …')."""
    ort = [f"Datei „{befund.blatt}“"] if befund.blatt else []
    if befund.zeile is not None:
        ort.append(f"Zeile {befund.zeile}")
    if befund.spalte:
        ort.append(f"Spalte „{befund.spalte}“")
    teile = [", ".join(ort) + ":" if ort else "", befund.meldung]
    if befund.wert:
        teile.append(f"Gefunden: „{befund.wert}“.")
    if befund.erlaubt:
        teile.append(f"Erwartet: {befund.erlaubt}.")
    return " ".join(t for t in teile if t)


class StatistikUngueltig(IpdatenFehler):
    """The file cannot be used; `befunde` says why, in German."""

    def __init__(self, befunde: list[Befund]):
        self.befunde = list(befunde)
        super().__init__("\n".join(befund_text(b) for b in self.befunde))


@dataclass(frozen=True)
class StatistikDatei:
    """One downloaded table: the usable values as a tidy frame and where they come from.

    `werte` has one row per value: kreis (official key, e.g. "08115"), name (as the table
    writes it, without indentation), jahr, zeit (as written: "2016" or "31.12.2015"), art
    (einbuergerungen, quote or auslaender), merkmal (the column's label), wert (float; NaN
    for keine Angabe), zeichen ("" for a number, else the special sign; "?" unreadable) and
    zeile (line in the file).
    """

    dateiname: str
    format: str
    tabelle: str
    titel: str
    stand: str
    lizenz: str
    urheber: str
    werte: pd.DataFrame = field(repr=False)
    merkmale: tuple[str, ...] = ()
    hinweise: tuple[str, ...] = ()  # how values were read, e.g. summed over groups without a total

    @property
    def arten(self) -> set[str]:
        """Which kinds of values the file holds."""
        return set(self.werte["art"].unique())

    @property
    def bezeichnung(self) -> str:
        """'Tabelle 12511-01-01-4 „Einbürgerungen …“' for sources and findings."""
        return f"Tabelle {self.tabelle} „{self.titel}“" if self.titel else f"Tabelle {self.tabelle}"

    @property
    def lizenzname(self) -> str:
        """The licence named in the licence line ('Datenlizenz Deutschland – Namensnennung – Version 2.0')."""
        treffer = _LIZENZNAME.search(self.lizenz)
        return re.sub(r"\s+-\s+", " – ", treffer.group(0)) if treffer else ""

    def kreise(self) -> dict[str, str]:
        """Official key → name of every Kreis (five-digit key) in the file, in key order."""
        kreise = self.werte[self.werte["kreis"].str.len() == 5].drop_duplicates("kreis")
        return dict(sorted(zip(kreise["kreis"], kreise["name"])))

    def jahre(self, art: str | None = None) -> list[int]:
        """The years with values (of one kind, or any)."""
        werte = self.werte if art is None else self.werte[self.werte["art"] == art]
        return sorted(int(j) for j in werte["jahr"].unique())


def wert_und_zeichen(text: str, punkt_ist_dezimal: bool = False) -> tuple[float, str]:
    """A cell of official statistics: (value, sign). '-' is 0; '.', '...', '/', 'x' are NaN
    (keine Angabe); an unreadable cell is (NaN, '?')."""
    roh = " ".join(text.split())
    roh = _ZEICHEN_VARIANTEN.get(roh, roh)
    if roh == "-":
        return 0.0, "-"
    if roh in KEINE_ANGABE:
        return math.nan, roh
    if _ZAHL.fullmatch(roh):
        return float(roh.replace(",", ".")), ""
    if punkt_ist_dezimal and _ZAHL_PUNKT.fullmatch(roh):
        return float(roh), ""
    return math.nan, UNLESBAR


def jahr_aus(text: str) -> int | None:
    """The year of a time label ('2016', '31.12.2015', '2016-12-31'), or None."""
    text = text.strip()
    if _JAHR.fullmatch(text) or _DATUM.fullmatch(text):
        return int(text[-4:])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return int(text[:4])
    return None


def art_und_kern(teile: list[str]) -> tuple[str, str | None]:
    """(kind, the label part naming it) of a column or a flat file's row, ('', None) for none."""
    gefaltet = [t.casefold() for t in teile]
    for art, schluessel in (
        (QUOTE, ("quote",)),
        (EINBUERGERUNGEN, ("einbürgerung", "einbuergerung")),
        (AUSLAENDER, ("ausländer", "auslaender", "nichtdeutsch")),
    ):
        kern = next((t for t, g in zip(teile, gefaltet) if any(s in g for s in schluessel)), None)
        if kern is not None:
            return art, kern
    return "", None


def ist_insgesamt(teil: str) -> bool:
    """Whether a label part is the total of its breakdown (or a unit, which is no breakdown)."""
    return teil.casefold() in _INSGESAMT | _EINHEITEN


def art_des_merkmals(teile: list[str], variierend: list[str]) -> str:
    """Which kind of value a column holds, from its label parts.

    A column counts only as the total over every breakdown: each varying part other than
    the one naming the measure must be "Insgesamt" (so "Afrika" or "männlich" are not used).
    """
    art, kern = art_und_kern(teile)
    if kern is None:
        return ""
    return art if all(ist_insgesamt(v) for v in variierend if v != kern) else ""

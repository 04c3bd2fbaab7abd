"""What counts as an assumption of the reconstruction — the one rule for pages, slides and exports.

A row is marked in its `Quelle` (every sheet may have one) or, for recommendations, also in
its `Bemerkung`. A text marks an assumption when one of its parts (separated by ";")
- starts with "Platzhalter", or with "Annahme" followed by ":", "(" or nothing
  ("Annahme (Rekonstruktion): …"; "Annahme des Antrags im Kreistag" is an adoption, no mark), or
- in the column Quelle only (its contract: "Quelle oder Annahme"), contains one of the words
  "Annahme", "angenommen", "geschätzt", "erschlossen" or "Platzhalter" ("Zuordnung zum
  Handlungsfeld angenommen", "Jahr 2016 erschlossen").
A figure rests on an assumption when any row it is computed from is marked; the recommendations
of a Handlungsfeld also rest on the field's row (e.g. "Anzahl der Empfehlungen angenommen").
In the sheet Haushalt a mark that names the assignment ("Zuordnung", "Handlungsfeld") concerns
only the amounts per Handlungsfeld, not the line's amount or the total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ipdaten.arbeitsmappe import Anlage, falte

ANNAHME = "Annahme"
PLATZHALTER = "Platzhalter"

_TEILANFANG = re.compile(r"^(platzhalter\b|annahme\s*([:(]|$))")
_QUELLWORT = re.compile(r"\b(annahmen?|angenommen|geschaetzt|erschlossen|platzhalter)\b")


def _teile(text: object) -> list[str]:
    return [t.strip() for t in falte(text).split(";")]


def kennzeichnung(quelle: object, bemerkung: object = None) -> str:
    """How a row is marked: "Platzhalter", "Annahme" or "" (the county's data)."""
    teile = _teile(quelle) + _teile(bemerkung)
    if any(t.startswith("platzhalter") for t in teile):
        return PLATZHALTER
    if any(_TEILANFANG.match(t) for t in teile) or any(_QUELLWORT.search(t) for t in _teile(quelle)):
        return ANNAHME
    return ""


def _markierte_teile(quelle: object) -> list[str]:
    return [t for t in _teile(quelle) if t.startswith("platzhalter") or _TEILANFANG.match(t) or _QUELLWORT.search(t)]


def nur_zuordnung(quelle: object) -> bool:
    """Whether every marked part of a budget line's Quelle is about its assignment to a
    Handlungsfeld ("Zuordnung zum Handlungsfeld angenommen"), not about its amount."""
    teile = _markierte_teile(quelle)
    return bool(teile) and all("zuordnung" in t or "handlungsfeld" in t for t in teile)


def ist_annahme(quelle: object, bemerkung: object = None) -> bool:
    """Whether a row is an assumption or placeholder of the reconstruction (see the module)."""
    return kennzeichnung(quelle, bemerkung) != ""


def maske(rahmen: pd.DataFrame) -> pd.Series:
    """True for every row of a frame of an Anlage that is marked (columns quelle, [bemerkung])."""
    if "quelle" not in rahmen.columns:
        return pd.Series(False, index=rahmen.index, dtype=bool)
    bemerkungen = rahmen["bemerkung"] if "bemerkung" in rahmen.columns else [None] * len(rahmen)
    return pd.Series([ist_annahme(q, b) for q, b in zip(rahmen["quelle"], bemerkungen)], index=rahmen.index, dtype=bool)


@dataclass(frozen=True)
class Annahmen:
    """How many rows of each sheet are marked, and which Handlungsfelder rest on assumptions."""

    empfehlungen: int
    empfehlungen_gesamt: int
    felder: tuple[int, ...]  # fields whose own row is marked (e.g. the number of recommendations)
    felder_gesamt: int
    felder_betroffen: tuple[int, ...]  # fields whose figures rest on any marked row
    haushalt: int
    haushalt_gesamt: int
    einbuergerung: int
    einbuergerung_gesamt: int

    @property
    def anzahl(self) -> int:
        """Marked rows of all sheets together."""
        return self.empfehlungen + len(self.felder) + self.haushalt + self.einbuergerung

    @property
    def empfehlungszahlen(self) -> bool:
        """Whether figures over all recommendations (counts, shares) rest on an assumption."""
        return bool(self.empfehlungen or self.felder)


def annahmen(anlage: Anlage) -> Annahmen:
    """The marked rows of every sheet of `anlage`."""
    felder = anlage.handlungsfelder
    eigene = tuple(int(n) for n in felder.loc[maske(felder), "nr"])
    empfehlungen = maske(anlage.empfehlungen)
    betroffen = set(eigene) | {int(n) for n in anlage.empfehlungen.loc[empfehlungen, "handlungsfeld"]}
    return Annahmen(
        empfehlungen=int(empfehlungen.sum()),
        empfehlungen_gesamt=len(anlage.empfehlungen),
        felder=eigene,
        felder_gesamt=len(felder),
        felder_betroffen=tuple(int(n) for n in felder["nr"] if int(n) in betroffen),
        haushalt=int(maske(anlage.haushalt).sum()),
        haushalt_gesamt=len(anlage.haushalt),
        einbuergerung=int(maske(anlage.einbuergerung).sum()),
        einbuergerung_gesamt=len(anlage.einbuergerung),
    )

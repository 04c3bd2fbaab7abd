"""Where the naturalisation figures shown come from: the sources and definitions in the sheet."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ipdaten.zahlen.kennzahlen import im_jahr


@dataclass(frozen=True)
class Quellenangabe:
    """One source with its definition and the areas whose figures rest on it."""

    quelle: str
    definition: str
    gebiete: tuple[str, ...]


def quellen_des_jahres(einbuergerung: pd.DataFrame, jahr: int | None = None) -> list[Quellenangabe]:
    """The distinct (source, definition) pairs of one year (or all years), in sheet order."""
    zeilen = im_jahr(einbuergerung, jahr)
    if "quelle" not in zeilen.columns:
        return []
    gruppen: dict[tuple[str, str], list[str]] = {}
    for gebiet, quelle, definition in zip(zeilen["gebiet"], zeilen["quelle"], zeilen["definition"]):
        gebiete = gruppen.setdefault((str(quelle or ""), str(definition or "")), [])
        if gebiet not in gebiete:
            gebiete.append(gebiet)
    if list(gruppen) == [("", "")]:
        return []
    return [Quellenangabe(q, d, tuple(g)) for (q, d), g in gruppen.items()]

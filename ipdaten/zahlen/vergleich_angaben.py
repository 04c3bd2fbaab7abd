"""Which recommendations changed in columns other than status and wording, in one German line.

A quick correction of a Bemerkung, a Termin moved by a lead body or a new Zuständig must show in
the preview as a change, never behind „Keine Veränderung“ of the statuses. The columns are the
contract's (`vertrag.EMPFEHLUNGEN`), named by their headers.
"""

from __future__ import annotations

import math

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN

HOECHSTENS = 5  # recommendations named; the rest are counted
TITEL = "Weitere Angaben geändert"
# Status and wording are compared on their own (Vergleich.geaendert); who reported when is the
# round's bookkeeping, shown with each recommendation.
_EIGENS_VERGLICHEN = frozenset({"handlungsfeld", "nr", "empfehlung", "status", "gemeldet_am", "gemeldet_von"})
_SCHLUESSEL = ["handlungsfeld", "nr"]


def _wert(wert: object) -> str | None:
    """A cell as compared: empty, NaN and blanks are one „nothing“."""
    if wert is None or (isinstance(wert, float) and math.isnan(wert)) or wert is pd.NA or wert is pd.NaT:
        return None
    text = str(wert).strip()
    return text or None


def geaenderte_angaben(alt: Anlage, neu: Anlage) -> list[tuple[str, str]]:
    """[(TITEL, "1.3 Bemerkung; 2.4 Zuständig, Termin und 2 weitere")] for recommendations in
    both Anlagen whose other columns differ; empty when none does."""
    spalten = [
        s
        for s in EMPFEHLUNGEN.spalten
        if s.feld not in _EIGENS_VERGLICHEN and s.feld in alt.empfehlungen and s.feld in neu.empfehlungen
    ]
    if not spalten:
        return []
    felder = [s.feld for s in spalten]
    paare = alt.empfehlungen[[*_SCHLUESSEL, *felder]].merge(
        neu.empfehlungen[[*_SCHLUESSEL, *felder]], on=_SCHLUESSEL, suffixes=("_alt", "_neu")
    )
    teile = []
    for werte in paare.sort_values(_SCHLUESSEL).to_dict("records"):
        anders = [s.titel for s in spalten if _wert(werte[f"{s.feld}_alt"]) != _wert(werte[f"{s.feld}_neu"])]
        if anders:
            teile.append(f"{int(werte['handlungsfeld'])}.{int(werte['nr'])} {', '.join(anders)}")
    if not teile:
        return []
    rest = len(teile) - HOECHSTENS
    return [(TITEL, "; ".join(teile[:HOECHSTENS]) + (f" und {fmt.zahl(rest)} weitere" if rest > 0 else ""))]

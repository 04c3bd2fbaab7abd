"""The frames an Anlage is made of, built from validated records: their columns, order and dtypes
come from the contract (`Blatt.rahmen_spalten` in vertrag.py), nothing is listed here."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.vertrag import BLAETTER, STATUS_REIHENFOLGE, Blatt

STATUS_TYP = pd.CategoricalDtype(list(STATUS_REIHENFOLGE), ordered=True)


def _blatt(frame: str) -> Blatt:
    return next(b for b in BLAETTER if b.rahmen == frame)


def _typen(blatt: Blatt) -> dict[str, str]:
    return {name: dtype for name, dtype, _ in blatt.rahmen_spalten if dtype is not None}


def leerer_rahmen(frame: str) -> pd.DataFrame:
    """An empty frame of kind `frame` with its columns and dtypes (an optional sheet that is missing)."""
    blatt = _blatt(frame)
    return pd.DataFrame(columns=[name for name, _, _ in blatt.rahmen_spalten]).astype(_typen(blatt))


def rahmen(frame: str, datensaetze: list[dict[str, object]]) -> pd.DataFrame:
    """The frame of kind `frame` from validated records; a value a record lacks is the empty value
    of its column's type."""
    blatt = _blatt(frame)
    spalten = blatt.rahmen_spalten
    vollstaendig = [{name: d.get(name, leer) for name, _, leer in spalten} for d in datensaetze]
    return pd.DataFrame(vollstaendig, columns=[name for name, _, _ in spalten]).astype(_typen(blatt))

"""Showing a table: st.dataframe with the conversion to Arrow done once per table object, key
columns first and long texts wrapped, the same on every page.

st.dataframe converts a pandas DataFrame to Arrow on every rerun, for every session – for the
recommendations of a large workbook that was the biggest single cost of a page view. The
tables the pages show come from the cached evaluation of a Stand (the same object on every
rerun), so the converted table is kept as long as the DataFrame lives and is looked up by its
identity. A DataFrame built anew on each run is simply converted as before.
"""

from __future__ import annotations

import threading
import weakref

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

_arrow: dict[int, tuple[weakref.ref, pa.Table]] = {}
_sperre = threading.Lock()


def als_arrow(tabelle: pd.DataFrame) -> pa.Table:
    """The Arrow table of `tabelle`, converted with Streamlit's own rules once per object (the
    DataFrame must not be changed afterwards – cached evaluations are read-only anyway)."""
    schluessel = id(tabelle)
    with _sperre:
        eintrag = _arrow.get(schluessel)
    if eintrag is not None and eintrag[0]() is tabelle:
        return eintrag[1]
    umgewandelt = dataframe_util.convert_pandas_df_to_arrow_table(tabelle)
    with _sperre:
        _arrow[schluessel] = (weakref.ref(tabelle), umgewandelt)
    # Dropped with the DataFrame, so the entries are bounded by the cached evaluations.
    weakref.finalize(tabelle, _vergessen, schluessel, umgewandelt)
    return umgewandelt


def _vergessen(schluessel: int, umgewandelt: pa.Table) -> None:
    with _sperre:
        eintrag = _arrow.get(schluessel)
        if eintrag is not None and eintrag[1] is umgewandelt:
            del _arrow[schluessel]


# The columns that decide a row, first wherever a table has them: at 1280 px and below a wide
# table shows only its first columns (the changed recommendations ended at „Status vorhe…“).
# Where Nr is there ("6.3" names the field), the field's name goes last.
VORNE = ("Nr", "Empfehlung", "Maßnahme", "Status", "Status vorher", "Status nachher", "Änderung")
HINTEN_NEBEN_NR = ("Handlungsfeld",)
# Long texts wrap in a fixed width, three lines a row; clicking a cell (or Enter) shows all of it.
LANGTEXT = {"Empfehlung": 300, "Maßnahme": 300, "Ziel": 220, "Bemerkung": 220, "Quelle": 220}
ZEILENHOEHE = 68  # Streamlit wraps cell text only in rows taller than 4rem (64 px)


def spaltenfolge(spalten: list[str], vorne: tuple[str, ...] = VORNE) -> list[str]:
    """The display order: the key columns `vorne` present, the others as they come, the field's
    name last where the table has Nr."""
    erst = [s for s in vorne if s in spalten]
    zuletzt = [s for s in HINTEN_NEBEN_NR if s in spalten and "Nr" in spalten and s not in erst]
    return erst + [s for s in spalten if s not in erst and s not in zuletzt] + zuletzt


def zeige_tabelle(tabelle: pd.DataFrame, *, vorne: tuple[str, ...] = VORNE, **kwargs):
    """st.dataframe(tabelle, **kwargs) without converting the same table again on each rerun, its
    key columns `vorne` first and long texts wrapped (LANGTEXT); the caller's column_config wins."""
    spalten = [str(s) for s in tabelle.columns]
    lang = {s: st.column_config.TextColumn(width=b) for s, b in LANGTEXT.items() if s in spalten}
    kwargs["column_config"] = {**lang, **(kwargs.get("column_config") or {})}
    if lang:
        kwargs.setdefault("row_height", ZEILENHOEHE)
    folge = spaltenfolge(spalten, vorne)
    if folge != spalten and "column_order" not in kwargs:
        kwargs["column_order"] = folge
    return st.dataframe(als_arrow(tabelle), **kwargs)

"""Showing a table: st.dataframe with the conversion to Arrow done once per table object.

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


def zeige_tabelle(tabelle: pd.DataFrame, **kwargs):
    """st.dataframe(tabelle, **kwargs) without converting the same table again on each rerun."""
    return st.dataframe(als_arrow(tabelle), **kwargs)

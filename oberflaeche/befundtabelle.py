"""Findings about a file as a table whose text wraps (the data grid cut each message off)."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ipdaten.arbeitsmappe import Befund, befunde_tabelle

from .literal import literal_tabelle


def zeige_befunde(befunde: Iterable[Befund], alt: str) -> None:
    """Findings as an HTML table, without the columns that are empty for every finding (e.g.
    Blatt/Zeile of a file-level one); `alt` names the table for screen readers."""
    tabelle = befunde_tabelle(list(befunde))
    tabelle = tabelle.loc[:, (tabelle.astype(str) != "").any()]
    st.table(literal_tabelle(tabelle), hide_index=True, alt=alt)

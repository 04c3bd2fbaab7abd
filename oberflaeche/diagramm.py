"""Showing a plotly figure the same way on every page: no plotly logo, a PNG export with a
German file name, alt text for screen readers."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import streamlit as st

from .literal import literal

_UNERLAUBT = re.compile(r"[^0-9A-Za-zÄÖÜäöüß_-]+")


def sicherer_dateiname(text: str) -> str:
    """A file name for the PNG export: 'Status je Handlungsfeld' → 'Status_je_Handlungsfeld'."""
    return _UNERLAUBT.sub("_", text).strip("_") or "Diagramm"


def diagramm_konfiguration(name: str) -> dict:
    """plotly config: German file name for the camera button, no logo, no select tools."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": sicherer_dateiname(name), "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
        "scrollZoom": False,
    }


def zeige_diagramm(fig: go.Figure, *, alt: str, dateiname: str, **kwargs):
    """st.plotly_chart with the dashboard's config and alt text; kwargs go to st.plotly_chart
    (key, on_select, selection_mode …). Returns what st.plotly_chart returns."""
    return st.plotly_chart(
        fig, width="stretch", theme=None, config=diagramm_konfiguration(dateiname), alt=alt, **kwargs
    )


def zeige_kennzahlen(kennzahlen, je_zeile: int = 3, breiten: list[float] | None = None) -> None:
    """Headline figures (ipdaten.darstellung.ansicht.Kopfzahl) as st.metric with German text values, at most
    `je_zeile` side by side (or one row with relative `breiten`); labels and help are escaped
    because they may contain workbook text."""
    if breiten:
        je_zeile = len(breiten)
    for start in range(0, len(kennzahlen), je_zeile):
        for spalte, zahl in zip(st.columns(breiten or je_zeile), kennzahlen[start : start + je_zeile]):
            spalte.metric(literal(zahl.bezeichnung), zahl.wert, help=literal(zahl.hilfe), border=True)

"""Showing a plotly figure the same way on every page: no plotly logo, a PNG export with a
German file name, alt text for screen readers, and the chart's figures as a table with a CSV
download ("Daten zum Diagramm"), so that nobody has to read numbers off a picture."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ipdaten.darstellung import diagramm_daten

from . import sitzung
from .literal import literal, literal_tabelle

ANNAHME = "Annahme"

_UNERLAUBT = re.compile(r"[^0-9A-Za-zÄÖÜäöüß_-]+")


def sicherer_dateiname(text: str) -> str:
    """A file name for the PNG export: 'Status je Handlungsfeld' → 'Status_je_Handlungsfeld'."""
    return _UNERLAUBT.sub("_", text).strip("_") or "Diagramm"


# plotly's German texts, passed with every chart: Streamlit's plotly bundle registers no locale
# but the first (en-US), and plotly.js reads `config.locales` per chart. Keys are plotly's own
# English strings; everything the toolbar and its notices can show is here.
PLOTLY_DEUTSCH = {
    "Autoscale": "Automatisch skalieren",
    "Box Select": "Rechteck auswählen",
    "Compare data on hover": "Werte beim Überfahren vergleichen",
    "Double-click on legend to isolate one trace": "Doppelklick auf die Legende zeigt nur diese Reihe",
    "Double-click to zoom back out": "Doppelklick zoomt zurück",
    "Download plot": "Diagramm herunterladen",
    "Download plot as a PNG": "Diagramm als PNG herunterladen",
    "Download plot as JSON": "Diagramm als JSON herunterladen",
    "Image download succeeded": "Bild heruntergeladen",
    "Lasso Select": "Lasso-Auswahl",
    "Pan": "Verschieben",
    "Preparing image - this may take a few seconds": "Bild wird erstellt – das kann einige Sekunden dauern",
    "Reset": "Zurücksetzen",
    "Reset axes": "Achsen zurücksetzen",
    "Reset view": "Ansicht zurücksetzen",
    "Reset views": "Ansichten zurücksetzen",
    "Show closest data on hover": "Nächsten Wert beim Überfahren zeigen",
    "Sorry, there was a problem downloading your image!": "Das Bild konnte nicht heruntergeladen werden.",
    "Toggle Spike Lines": "Hilfslinien ein/aus",
    "Toggle show closest data on hover": "Nächsten Wert beim Überfahren ein/aus",
    "Zoom": "Zoomen",
    "Zoom in": "Vergrößern",
    "Zoom out": "Verkleinern",
}
PLOTLY_FORMAT_DE = {
    "decimal": ",",
    "thousands": ".",
    "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
    "months": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "shortMonths": ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
    "date": "%d.%m.%Y",
}


def diagramm_konfiguration(name: str) -> dict:
    """plotly config: German toolbar texts, German file name for the camera button, no logo,
    no select tools."""
    return {
        "locale": "de",
        "locales": {"de": {"dictionary": PLOTLY_DEUTSCH, "format": PLOTLY_FORMAT_DE}},
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": sicherer_dateiname(name), "scale": 2},
        # Only the PNG button (and Streamlit's full screen): zoom and pan buttons are of no use on
        # these bar and line charts and were five stops each for keyboard users before the text.
        "modeBarButtonsToRemove": [
            "lasso2d",
            "select2d",
            "autoScale2d",
            "zoom2d",
            "pan2d",
            "zoomIn2d",
            "zoomOut2d",
            "resetScale2d",
        ],
        "scrollZoom": False,
    }


def herkunft_merken(quelle: str, stand: str) -> None:
    """Remember where the page's figures come from (source, Stand as text) for the CSV files
    of its charts; rahmen.seitenkopf calls it for every page."""
    st.session_state[sitzung.HERKUNFT] = (quelle, stand)


def zeige_diagramm(
    fig: go.Figure,
    *,
    alt: str,
    dateiname: str,
    bezeichnung: str = diagramm_daten.BEZEICHNUNG,
    aussage: str | None = None,
    tabelle: Callable[[], pd.DataFrame] | None = None,
    **kwargs,
):
    """st.plotly_chart with the dashboard's config and alt text, its one-sentence `aussage`
    (takeaway) under it, and its figures as a table; kwargs go to st.plotly_chart (key,
    on_select, selection_mode …). `bezeichnung` heads the table's first column (what the bars
    or points are); `tabelle` gives a table made for this chart instead of the one read from
    the figure (diagramm_daten), called only when it is opened. Returns what st.plotly_chart returns."""
    ergebnis = st.plotly_chart(
        fig, width="stretch", theme=None, config=diagramm_konfiguration(dateiname), alt=alt, **kwargs
    )
    if aussage:
        st.caption(aussage)
    zeige_diagramm_daten(
        fig, titel=dateiname, bezeichnung=bezeichnung, schluessel=kwargs.get("key") or dateiname, tabelle=tabelle
    )
    return ergebnis


def zeige_diagramm_daten(
    fig: go.Figure,
    *,
    titel: str,
    bezeichnung: str,
    schluessel: str,
    tabelle: Callable[[], pd.DataFrame] | None = None,
) -> None:
    """The expander „Daten zum Diagramm“: the chart's figures as a real HTML table (read by
    screen readers, every row reachable) and as CSV naming source, Stand and licence. Filled only
    once opened, like the Übersicht's table: a closed one costs nothing."""
    bereich = st.expander("Daten zum Diagramm", key=f"diagrammdaten_{schluessel}", on_change="rerun")
    if not bereich.open:
        return
    daten = tabelle() if tabelle is not None else diagramm_daten.diagramm_tabelle(fig, bezeichnung)
    quelle, stand = st.session_state.get(sitzung.HERKUNFT, ("", ""))
    with bereich:
        st.table(literal_tabelle(daten), hide_index=True, alt=f"Daten zum Diagramm: {titel}")
        for hinweis in diagramm_daten.diagramm_hinweise(fig):
            st.caption(literal(hinweis))
        st.caption(f"Quelle: {literal(quelle)} · Stand: {literal(stand)} · Lizenz: {literal(diagramm_daten.LIZENZ)}")
        st.download_button(
            "Als CSV herunterladen",
            data=lambda: diagramm_daten.als_csv(daten, titel=titel, quelle=quelle, stand=stand),
            file_name=f"{sicherer_dateiname(titel)}.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"csv_{schluessel}",
            icon=":material/download:",
        )


def zeige_kennzahlen(kennzahlen, je_zeile: int = 3, breiten: list[float] | None = None) -> None:
    """Headline figures (ipdaten.darstellung.kopfzahl.Kopfzahl) as st.metric with German text values, at most
    `je_zeile` side by side (or one row with relative `breiten`), their explanations also under
    them (erlaeuterungen); labels and help are escaped because they may contain workbook text."""
    if breiten:
        je_zeile = len(breiten)
    for start in range(0, len(kennzahlen), je_zeile):
        for spalte, zahl in zip(st.columns(breiten or je_zeile), kennzahlen[start : start + je_zeile]):
            # The mark sits under the value: in the label it was cut off ("Handlungsempfehlungen (Annah…").
            spalte.metric(
                literal(zahl.bezeichnung),
                zahl.wert,
                delta=ANNAHME if zahl.annahme else None,
                delta_color="off",
                delta_arrow="off",
                help=literal(zahl.hilfe),
                border=True,
            )
    erlaeuterungen([(zahl.bezeichnung, zahl.hilfe) for zahl in kennzahlen])


def erlaeuterungen(paare: list[tuple[str, str]]) -> None:
    """The explanations of a row of metrics, (label, text), in one closed expander after them.
    Keyboard users reach them here in one stop: the metrics' own help icons are left out of the
    tab order (oberflaeche/dokument.py), which put up to seven of them before a page's content."""
    paare = [(b, h) for b, h in paare if h]
    if paare:
        with st.expander("Erläuterungen zu den Kennzahlen"):
            for bezeichnung, hilfe in paare:
                st.markdown(f"**{literal(bezeichnung)}:** {literal(hilfe)}")

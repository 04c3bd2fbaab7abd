"""The charts of the presentation slides on screen: the dashboard's figures (ipdaten.diagramme),
enlarged for a projector; the progress chart, which the dashboard has no figure for, is drawn
here from the slide's data. Milestones are text (a timeline list), not a chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import diagramme
from . import format as fmt
from .auswertung import Auswertung
from .farben import STATUS_TEXTFARBE
from .folien import Diagramm, Folie

SCHRIFTGROESSE = 24
ACHSENSCHRIFT = 20


def leinwand(fig: go.Figure, *, schrift: int = SCHRIFTGROESSE) -> go.Figure:
    """A copy of `fig` with large type for the back of the room and no fixed height (the
    slide gives the height); the dashboard's figure is left untouched."""
    gross = go.Figure(fig)
    gross.update_layout(
        height=None,
        autosize=True,
        title=None,
        font=dict(size=schrift),
        legend=dict(
            font=dict(size=schrift - 2), orientation="h", yanchor="bottom", y=1.02, x=0, xanchor="left", title_text=""
        ),
        margin=dict(l=10, r=40, t=60, b=60),
        hoverlabel=dict(font=dict(size=schrift - 2)),
    )
    gross.update_traces(textfont_size=schrift, selector=dict(type="bar"))
    gross.update_xaxes(tickfont_size=schrift - 2, title_font_size=schrift - 4)
    gross.update_yaxes(tickfont_size=schrift, title_font_size=schrift - 4)
    for anmerkung in gross.layout.annotations:
        anmerkung.font.size = schrift - 2
    return gross


def _fortschritt(diagramm: Diagramm) -> go.Figure:
    """Grouped horizontal bars: share umgesetzt per field before and now."""
    fig = go.Figure()
    kategorien = [diagramme.sicher(k) for k in diagramm.kategorien]
    for reihe in diagramm.reihen:
        werte = [None if w is None else w * 100 for w in reihe.werte]
        fig.add_trace(
            go.Bar(
                name=diagramme.sicher(reihe.name),
                orientation="h",
                y=kategorien,
                x=werte,
                text=[fmt.prozent(w, 0) if w is not None else "–" for w in werte],
                textposition="outside",
                cliponaxis=False,
                marker=dict(color=reihe.farbe, line=dict(color="#1A1A1A", width=1)),
                textfont=dict(color=STATUS_TEXTFARBE),
                hovertemplate="<b>%{y}</b><br>" + diagramme.sicher(reihe.name) + ": %{text}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        bargap=0.25,
        separators=fmt.PLOTLY_TRENNZEICHEN,
        font=diagramme.SCHRIFT,
        paper_bgcolor=diagramme.HINTERGRUND,
        plot_bgcolor=diagramme.HINTERGRUND,
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ")
    fig.update_xaxes(
        title_text=diagramm.achsentitel, tickformat=",.0f", ticksuffix=" %", range=[0, 115], gridcolor=diagramme.GITTER
    )
    return fig


def figur(folie: Folie, auswertung: Auswertung) -> go.Figure | None:
    """The on-screen chart of a slide (large type), or None for a slide without one."""
    if folie.art in ("bilanz", "feld"):
        if folie.art == "feld":
            verteilung = auswertung.verteilung
            zeile = verteilung[verteilung["nr"] == folie.feld_nr].iloc[0]
        else:
            gesamt = auswertung.gesamt
            zeile = pd.Series({**gesamt["status"], **{f"anteil_{s}": a for s, a in gesamt["anteil"].items()}})
        return leinwand(diagramme.feld_verteilung(zeile))
    if folie.art == "status":
        return leinwand(diagramme.status_balken(auswertung.verteilung), schrift=22)
    if folie.art == "einbuergerung":
        vergleich = auswertung.einbuergerung
        return leinwand(diagramme.einbuergerung_balken(vergleich[vergleich["jahr"] == folie.jahr]))
    if folie.art == "haushalt":
        summen = auswertung.haushalt(folie.jahr)
        fig = leinwand(
            diagramme.haushalt_je_feld(summen.nach_handlungsfeld, summen.ohne_handlungsfeld_eur, summen.summe_eur),
            schrift=21,
        )
        # Large labels like "90.000 € (25,3 %)" need more room right of the longest bar.
        hoechster = max([float(b) for b in summen.nach_handlungsfeld["betrag"]] + [summen.ohne_handlungsfeld_eur, 1.0])
        return fig.update_xaxes(range=[0, hoechster * 2.0], tickangle=0, nticks=4)
    if folie.art == "fortschritt" and folie.diagramm is not None:
        return leinwand(_fortschritt(folie.diagramm), schrift=22)
    return None

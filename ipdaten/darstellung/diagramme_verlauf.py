"""Figures of the Fortschreibung (history over all Stände, one recommendation's timeline,
budget planned against spent), in the conventions of ipdaten.darstellung.diagramm_stil:
graph_objects only, German separators and texts from ipdaten.format, status colours from
ipdaten.darstellung.farben, every colour named by a legend entry or a label, workbook text escaped.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.darstellung.diagramm_stil import (
    GITTER,
    feld_beschriftung,
    grundlayout,
    sicher,
    textpositionen,
    umbrechen,
)
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, status_farbe
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL
from ipdaten.zahlen.verlauf import GESAMT, felder_im_verlauf

# Okabe–Ito and Tol colours for the field lines; the total is the dashboard's primary colour.
FELD_FARBEN = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#999933", "#882255", "#44AA99")
NICHT_ENTHALTEN = "nicht enthalten"
DATUMSFORMAT = "%d.%m.%Y"


def verlauf_linien(anteile: pd.DataFrame, mass: str, *, titel: str | None = None) -> go.Figure:
    """The share `mass` ("umgesetzt" or "umgesetzt_oder_in_arbeit") per Stand on a time axis:
    one thick line over all fields and one thin line per field; hover names the Stand, the
    share and the count ("7 von 20 Empfehlungen").

    `anteile` is verlauf.Verlauf.anteile.
    """
    fig = go.Figure()
    felder = felder_im_verlauf(anteile)
    for index, (nr, name) in enumerate(zip(felder["nr"], felder["name"])):
        zeilen = anteile[anteile["nr"] == nr].sort_values("stand")
        gesamt = nr == GESAMT
        beschriftung = "Alle Handlungsfelder" if gesamt else feld_beschriftung(nr, name)
        fig.add_trace(
            go.Scatter(
                name=beschriftung,
                x=[d.isoformat() for d in zeilen["datum"]],
                y=(zeilen[mass] * 100).tolist(),
                mode="lines+markers+text" if gesamt else "lines+markers",
                text=[fmt.anteil(a) for a in zeilen[mass]] if gesamt else None,
                textposition=textpositionen(len(zeilen)),
                line=dict(
                    color=HERVORHEBUNG if gesamt else FELD_FARBEN[(index - 1) % len(FELD_FARBEN)],
                    width=4 if gesamt else 1.5,
                ),
                marker=dict(size=10 if gesamt else 6),
                customdata=[
                    [sicher(t), fmt.datum(d), fmt.anteil(a), fmt.zahl(z), fmt.zahl(n), beschriftung]
                    for t, d, a, z, n in zip(
                        zeilen["titel"], zeilen["datum"], zeilen[mass], zeilen[f"{mass}_anzahl"], zeilen["empfehlungen"]
                    )
                ],
                hovertemplate=(
                    "<b>%{customdata[5]}</b><br>%{customdata[0]} (%{customdata[1]})<br>"
                    + FORTSCHRITT_TITEL[mass]
                    + ": %{customdata[2]} (%{customdata[3]} von %{customdata[4]} Empfehlungen)<extra></extra>"
                ),
            )
        )
    grundlayout(fig, hoehe=460, titel=titel)
    # Below the chart, in rows: at the right it took half of a tablet's and most of a phone's width.
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, xanchor="left", title_text="Klick blendet aus/ein:")
    )
    fig.update_yaxes(
        title_text=f"Anteil {FORTSCHRITT_TITEL[mass]}",
        range=[0, 105],
        tickformat=",.0f",
        ticksuffix=" %",
        gridcolor=GITTER,
        automargin=True,  # the ticks need their room left of the title, else only "%" shows
        nticks=6,
    )
    fig.update_xaxes(title_text="Stand", type="date", tickformat=DATUMSFORMAT, gridcolor=GITTER, automargin=True)
    return fig


def empfehlung_zeitstrahl(historie: pd.DataFrame, *, titel: str | None = None) -> go.Figure:
    """One recommendation's status in every Stand as a small timeline: a dot per Stand in the
    status colour, labelled with the status; Stände without it are hollow grey dots.

    `historie` is verlauf.empfehlung_verlauf.
    """
    status = [s if s is not None else NICHT_ENTHALTEN for s in historie["status"]]
    # One evenly spaced place per Stand, named by date and number: two Stände may share a date.
    orte = [
        f"{d:%d.%m.%Y}<br>" + (f"Nr. {int(n)}" if pd.notna(n) else "Vorschau")
        for d, n in zip(historie["datum"], historie["stand_nr"])
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=orte,
            y=[0] * len(historie),
            mode="lines",
            line=dict(color=GITTER, width=2),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for name in dict.fromkeys(status):
        teil = [i for i, s in enumerate(status) if s == name]
        fehlt = name == NICHT_ENTHALTEN
        fig.add_trace(
            go.Scatter(
                name=name,
                x=[orte[i] for i in teil],
                y=[0] * len(teil),
                mode="markers+text",
                text=[name] * len(teil),
                textposition="top center",
                marker=dict(
                    size=18,
                    color="#FFFFFF" if fehlt else status_farbe(name),
                    line=dict(color=NEUTRAL if fehlt else "#1A1A1A", width=2),
                    symbol="circle-open" if fehlt else "circle",
                ),
                customdata=[[sicher(historie["titel"].iloc[i]), fmt.datum(historie["datum"].iloc[i])] for i in teil],
                hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>Status: %{text}<extra></extra>",
            )
        )
    grundlayout(fig, hoehe=200, titel=titel)
    fig.update_layout(margin=dict(l=30, r=30, t=50 if titel else 20, b=40), showlegend=False)
    fig.update_yaxes(visible=False, range=[-1, 1.4])
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=orte)
    return fig


def plan_ist_balken(zeilen: pd.DataFrame, *, namen: list[str] | None = None, titel: str | None = None) -> go.Figure:
    """Planned and spent side by side per row (measure or field), labelled with the amounts and
    the share spent; `zeilen` has plan, ist, quote and (without `namen`) nr and name."""
    if namen is None:
        namen = [
            fmt.OHNE_ZUORDNUNG if n is None or pd.isna(n) else feld_beschriftung(n, name)
            for n, name in zip(zeilen["nr"], zeilen["name"])
        ]
    else:
        namen = [umbrechen(n, 48) for n in namen]
    fig = go.Figure()
    for spalte, name, farbe in (("plan", "Plan (Betrag)", NEUTRAL), ("ist", "Ist (verausgabt)", HERVORHEBUNG)):
        texte = [fmt.euro(b) for b in zeilen[spalte]]
        if spalte == "ist":
            texte = [f"{t} ({fmt.anteil(q)} des Plans)" for t, q in zip(texte, zeilen["quote"])]
        fig.add_trace(
            go.Bar(
                name=name,
                orientation="h",
                y=namen,
                x=zeilen[spalte].tolist(),
                text=texte,
                textposition="outside",
                cliponaxis=False,
                marker=dict(color=farbe),
                hovertemplate="<b>%{y}</b><br>" + name + ": %{text}<extra></extra>",
            )
        )
    hoechster = float(max(zeilen["plan"].max(), zeilen["ist"].max())) if len(zeilen) else 1.0
    fig.update_layout(barmode="group", bargap=0.25)
    grundlayout(fig, hoehe=140 + 70 * len(namen), titel=titel)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"))
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    fig.update_xaxes(
        title_text="Betrag in Euro", tickformat=",.0f", ticksuffix=" €", range=[0, hoechster * 1.5], gridcolor=GITTER
    )
    return fig

"""The conventions every chart of the dashboard shares: font, background and grid, the layout with
German separators, escaping and wrapping of workbook text, the label of a Handlungsfeld, and the
mark for a category that rests on an assumption with its footnote.

The figures themselves are in diagramme, diagramme_fortschritt and diagramme_verlauf.
"""

from __future__ import annotations

import html
import textwrap

import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.darstellung.diagrammvorlage import vorlage

SCHRIFT = dict(family="Source Sans Pro, Arial, sans-serif", size=14, color="#1A1A1A")
HINTERGRUND = "#FFFFFF"
GITTER = "#D9D9D9"
# A category that rests on a marked assumption carries MARKE; the figure then says what it means
# below the axis (also in the PNG the camera saves).
MARKE = "*"
FUSSNOTE = "* beruht auf einer Annahme der Rekonstruktion (Spalte „Quelle“)"


def sicher(text: object) -> str:
    """Workbook text escaped for plotly labels: `<b>` appears as typed, never as markup."""
    return html.escape(fmt.ohne_steuerzeichen(text), quote=False)


def umbrechen(text: object, breite: int = 38) -> str:
    """Escaped workbook text wrapped onto lines of about `breite` characters (plotly `<br>`)."""
    zeilen = textwrap.wrap(str(text), breite, break_long_words=False) or [""]
    return "<br>".join(sicher(z) for z in zeilen)


def feld_beschriftung(nr: int, name: str) -> str:
    """Axis label of a Handlungsfeld: '6 Gesellschaft' (escaped)."""
    return f"{int(nr)} {sicher(name)}"


def mit_marke(text: str, annahme: object) -> str:
    """An (already escaped) label with MARKE when it rests on an assumption."""
    return f"{text} {MARKE}" if bool(annahme) else text


def fussnote(fig: go.Figure, annahme: bool) -> go.Figure:
    """Explain MARKE under the x axis when any category of `fig` carries it: as a second line of
    the axis title, so that the axis makes room for it at every size (call it last)."""
    if annahme:
        titel = fig.layout.xaxis.title.text or ""
        zeile = f"<span style='font-size:12px;color:#4D4D4D'>{sicher(FUSSNOTE)}</span>"
        fig.update_xaxes(title_text=f"{titel}<br>{zeile}" if titel else zeile, automargin=True)
    return fig


def mittellinie(fig: go.Figure, wert: float, text: str) -> go.Figure:
    """A dashed vertical line at `wert` across the bars, labelled above the plot (the mean)."""
    fig.add_vline(x=wert, line=dict(color="#1A1A1A", dash="dash", width=2))
    fig.add_annotation(
        x=wert,
        y=1,
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=sicher(text),
        font=dict(color="#1A1A1A"),
    )
    return fig


def grundlayout(fig: go.Figure, *, hoehe: int, titel: str | None = None) -> go.Figure:
    """The layout every chart shares: German separators, font, background, height, title."""
    fig.update_layout(
        template=vorlage(),
        separators=fmt.PLOTLY_TRENNZEICHEN,
        font=SCHRIFT,
        paper_bgcolor=HINTERGRUND,
        plot_bgcolor=HINTERGRUND,
        height=hoehe,
        margin=dict(l=10, r=30, t=60 if titel else 40, b=40),
        hoverlabel=dict(font=dict(family=SCHRIFT["family"], size=14), bgcolor="#FFFFFF"),
    )
    if titel:
        fig.update_layout(title=dict(text=titel, x=0, xanchor="left", font=dict(size=16)))
    return fig

"""The conventions every chart of the dashboard shares: font, background and grid, the layout with
German separators, escaping and wrapping of workbook text, the label of a Handlungsfeld, and the
mark for a category that rests on an assumption with its footnote.

The figures themselves are in diagramme, diagramme_fortschritt and diagramme_verlauf.
"""

from __future__ import annotations

import html
import math
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
FUSSNOTE_GROESSE = 12  # px in the dashboard; the slides set a size for the back of the room
_FUSSNOTE_STIL = "<span style='font-size:{}px;color:#4D4D4D'>"


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
        # Two lines of about 36 characters: one line of 62 ran over the edge of a phone's chart.
        zeile = _FUSSNOTE_STIL.format(FUSSNOTE_GROESSE) + umbrechen(FUSSNOTE, 36) + "</span>"
        zeile = zeile.replace("<br>", "</span><br>" + _FUSSNOTE_STIL.format(FUSSNOTE_GROESSE))
        fig.update_xaxes(title_text=f"{titel}<br>{zeile}" if titel else zeile, automargin=True)
    return fig


def rand_fuer_beschriftungen(fig: go.Figure, schrift: int | None = None) -> go.Figure:
    """A right margin wide enough for the longest label written outside a bar: the axis range
    leaves room relative to the bars, which on a phone or tablet is less than a label's width."""
    texte = [
        str(t)
        for spur in fig.data
        if getattr(spur, "textposition", None) == "outside" and getattr(spur, "text", None) is not None
        for t in spur.text
    ]
    if texte:
        groesse = schrift or (fig.layout.font.size if fig.layout.font and fig.layout.font.size else SCHRIFT["size"])
        breite = int(0.6 * float(str(groesse)) * max(len(t) for t in texte))
        rand = fig.layout.margin.r if fig.layout.margin and fig.layout.margin.r is not None else 30
        fig.update_layout(margin_r=max(rand, breite * 3 // 4))
    return fig


def fussnote_groesse(fig: go.Figure, groesse: int) -> go.Figure:
    """The footnote of `fussnote` in type of `groesse` px (a projector needs about twice the
    dashboard's 12 px)."""
    titel = fig.layout.xaxis.title.text
    if titel:
        fig.update_xaxes(
            title_text=titel.replace(_FUSSNOTE_STIL.format(FUSSNOTE_GROESSE), _FUSSNOTE_STIL.format(groesse))
        )
    return fig


def textpositionen(anzahl: int) -> list[str]:
    """Where a line's point labels stand: above each point, at the first and last point turned
    inwards, so that a label at the chart's edge is not cut (or run into the axis) on a narrow chart."""
    if anzahl < 2:
        return ["top center"] * anzahl
    return ["top right"] + ["top center"] * (anzahl - 2) + ["top left"]


def runder_schritt(hoechster: float, schritte: int = 5, *, ganz: bool = True) -> float:
    """A round axis step (1, 2, 5 times a power of ten) giving about `schritte` steps up to
    `hoechster`: 66 → 20 (0, 20, 40, 60), not 13 (0, 13, 26, 39). `ganz`: a count axis, whose step
    is never below 1 (for at most 1 or 2 a step of 0,2 wrote "0 0 0 1 1 1" under whole numbers)."""
    roh = max(float(hoechster), 1.0) / schritte
    zehner = 10 ** math.floor(math.log10(roh))
    schritt = next(f * zehner for f in (1, 2, 5, 10) if f * zehner >= roh)
    return float(max(schritt, 1) if ganz else schritt)


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
    return rand_fuer_beschriftungen(fig)

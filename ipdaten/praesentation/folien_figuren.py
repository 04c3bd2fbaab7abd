"""The charts of the presentation slides on screen, drawn only from the slide's `Diagramm`
(the object the PowerPoint export draws too) in large type for a projector. Labels, marks,
hatching and axis ranges come from the data (ipdaten.praesentation.folien); this module only
draws them. Milestones are text (a timeline list), not a chart."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.darstellung import diagramm_stil
from ipdaten.darstellung.farben import STATUS_TEXTFARBE
from ipdaten.praesentation.folien_daten import Diagramm, Folie, Reihe

SCHRIFTGROESSE = 24
UMRANDUNG = dict(color="#1A1A1A", width=1)


def _schrift_fuer_zeilen(zeilen: int, groesste: int) -> int:
    """Type size for a chart with one row per field: large for a few, smaller for many, so
    that every field keeps its label (about 420 px of height at 1280×720)."""
    return max(12, min(groesste, int(230 / max(zeilen, 1))))


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
            font=dict(size=schrift - 2),
            orientation="h",
            yref="paper",
            yanchor="bottom",
            y=1.02,
            x=0,
            xanchor="left",
            title_text="",
        ),
        margin=dict(l=10, r=40, t=60, b=60),
        hoverlabel=dict(font=dict(size=schrift - 2)),
    )
    gross.update_traces(textfont_size=schrift, selector=dict(type="bar"))
    # automargin: the axis title below the ticks however they turn (on the plan/ist slide at 820 px
    # the turned amounts ran through the title).
    gross.update_xaxes(tickfont_size=schrift - 2, title_font_size=schrift - 4, automargin=True)
    gross.update_yaxes(tickfont_size=schrift, title_font_size=schrift - 4)
    for anmerkung in gross.layout.annotations:
        anmerkung.font.size = schrift - 2
    # The footnote at about two thirds of the labels' size: at 12 px it was about 10 px on the wall.
    diagramm_stil.rand_fuer_beschriftungen(gross, schrift)
    return diagramm_stil.fussnote_groesse(gross, max(16, round(schrift * 0.75)))


def _einheit(diagramm: Diagramm) -> str:
    """The unit the value axis's ticks carry, as its number format says."""
    return " €" if "€" in diagramm.achsenformat else (" %" if "%" in diagramm.achsenformat else "")


def _beschriftungen(reihe: Reihe) -> list[str]:
    return [diagramm_stil.sicher(t) for t in (reihe.texte or reihe.beschriftungen or ())]


def _hinweise(reihe: Reihe, mit_name: bool) -> list[str]:
    """Escaped hover lines per value: the series' own, else its label (after its name)."""
    if reihe.hinweise:
        return [diagramm_stil.sicher(h).replace("\n", "<br>") for h in reihe.hinweise]
    vorne = f"{diagramm_stil.sicher(reihe.name)}: " if mit_name else ""
    return [vorne + t for t in _beschriftungen(reihe)]


def _wertachse(fig: go.Figure, diagramm: Diagramm, *, faktor: float = 1.0) -> go.Figure:
    """The horizontal value axis: title, German ticks with the unit, the data's range."""
    fig.update_xaxes(
        title_text=diagramm.achsentitel,
        tickformat=",.0f",
        ticksuffix=_einheit(diagramm),
        gridcolor=diagramm_stil.GITTER,
    )
    if diagramm.bereich is not None:
        fig.update_xaxes(range=[diagramm.bereich[0] * faktor, diagramm.bereich[1] * faktor])
    return fig


def _kategorienachse(fig: go.Figure) -> go.Figure:
    """Categories top to bottom in the data's order, every one labelled."""
    return fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True, tickmode="linear", dtick=1)


def _spur(name: str, y: list[Any], x: list[Any], text: list[str], hinweise: list[str], **art: Any) -> go.Bar:
    """A horizontal bar series; pointing at a bar names its category and tells its `hinweise`."""
    return go.Bar(
        name=diagramm_stil.sicher(name),
        orientation="h",
        y=y,
        x=x,
        text=text,
        customdata=hinweise,
        hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
        **art,
    )


def _balken(diagramm: Diagramm, *, umrandet: bool = False) -> go.Figure:
    """Horizontal bars labelled outside: one series with a colour per bar, or several side by
    side with a legend."""
    kategorien = [diagramm_stil.sicher(k) for k in (diagramm.achse or diagramm.kategorien)]
    mehrere = len(diagramm.reihen) > 1
    fig = go.Figure()
    for reihe in diagramm.reihen:
        fig.add_trace(
            _spur(
                reihe.name,
                kategorien,
                list(reihe.werte),
                _beschriftungen(reihe),
                _hinweise(reihe, mehrere),
                textposition="outside",
                cliponaxis=False,
                marker=dict(
                    color=list(reihe.punktfarben) or reihe.farbe,
                    line=UMRANDUNG if umrandet else None,
                    pattern=dict(shape=["/" if s else "" for s in reihe.schraffiert], fgcolor="#FFFFFF")
                    if any(reihe.schraffiert)
                    else None,
                ),
                showlegend=mehrere,
            )
        )
    if mehrere:
        fig.update_layout(barmode="group", bargap=0.25)
    diagramm_stil.grundlayout(fig, hoehe=400)
    _kategorienachse(fig)
    _wertachse(fig, diagramm)
    return diagramm_stil.fussnote(fig, bool(diagramm.fussnote))


def _gestapelt(diagramm: Diagramm) -> go.Figure:
    """Each category's series stacked to 100 %, labelled inside with the counts."""
    kategorien = [diagramm_stil.sicher(k) for k in diagramm.kategorien]
    summen = [sum(r.werte[i] or 0 for r in diagramm.reihen) for i in range(len(kategorien))]
    fig = go.Figure()
    for reihe in diagramm.reihen:
        fig.add_trace(
            _spur(
                reihe.name,
                kategorien,
                [(w or 0) / s * 100 if s else 0 for w, s in zip(reihe.werte, summen)],
                _beschriftungen(reihe),
                _hinweise(reihe, False),
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont=dict(color=STATUS_TEXTFARBE),
                constraintext="none",
                marker=dict(color=reihe.farbe, line=dict(color="#FFFFFF", width=1)),
            )
        )
    fig.update_layout(barmode="stack", bargap=0.25, legend_traceorder="normal")
    diagramm_stil.grundlayout(fig, hoehe=400)
    _kategorienachse(fig)
    _wertachse(fig, diagramm).update_xaxes(range=[0, 100])
    return diagramm_stil.fussnote(fig, bool(diagramm.fussnote))


def _einbuergerung(diagramm: Diagramm) -> go.Figure:
    """Quotas ranked, one legend entry per point colour (the reference area, the others), the
    note of a missing value at its empty bar and the mean as a dashed line."""
    (reihe,) = diagramm.reihen
    kategorien = [diagramm_stil.sicher(k) for k in (diagramm.achse or diagramm.kategorien)]
    texte = _beschriftungen(reihe)
    hinweise = _hinweise(reihe, False)
    fig = go.Figure()
    for name, farbe in diagramm.farbschluessel:
        teil = [i for i, (w, f) in enumerate(zip(reihe.werte, reihe.punktfarben)) if w is not None and f == farbe]
        if teil:
            fig.add_trace(
                _spur(
                    name,
                    [kategorien[i] for i in teil],
                    [reihe.werte[i] for i in teil],
                    [texte[i] for i in teil],
                    [hinweise[i] for i in teil],
                    textposition="outside",
                    cliponaxis=False,
                    marker=dict(color=farbe, pattern_shape=["/" if reihe.schraffiert[i] else "" for i in teil]),
                )
            )
    ohne = [i for i, w in enumerate(reihe.werte) if w is None]
    if ohne:
        fig.add_trace(
            _spur(
                fmt.KEINE_ANGABE,
                [kategorien[i] for i in ohne],
                [0] * len(ohne),
                [],
                [hinweise[i] for i in ohne],
                marker=dict(color="rgba(0,0,0,0)"),
                showlegend=False,
            )
        )
        for i in ohne:
            fig.add_annotation(
                x=0, y=kategorien[i], text=texte[i], showarrow=False, xanchor="left", font=dict(color="#4D4D4D")
            )
    if diagramm.linie is not None:
        diagramm_stil.mittellinie(fig, *diagramm.linie)
    fig.update_layout(barmode="overlay", bargap=0.3)
    diagramm_stil.grundlayout(fig, hoehe=400)
    _kategorienachse(fig).update_yaxes(categoryorder="array", categoryarray=kategorien)
    _wertachse(fig, diagramm).update_xaxes(tickformat=",.1f")
    return diagramm_stil.fussnote(fig, bool(diagramm.fussnote))


def _fortschritt(diagramm: Diagramm) -> go.Figure:
    """Share umgesetzt per field now (bars, labelled with the change in percentage points) and
    before (a grey mark on each bar): one row per field stays readable on a projector."""
    alt, jetzt = diagramm.reihen
    kategorien = [diagramm_stil.sicher(k) for k in diagramm.kategorien]
    fig = go.Figure(
        [
            _spur(
                jetzt.name,
                kategorien,
                [None if w is None else w * 100 for w in jetzt.werte],
                _beschriftungen(jetzt),
                _hinweise(jetzt, True),
                textposition="outside",
                constraintext="none",
                cliponaxis=False,
                marker=dict(color=jetzt.farbe, line=UMRANDUNG),
                textfont=dict(color=STATUS_TEXTFARBE),
            ),
            go.Scatter(
                name=diagramm_stil.sicher(alt.name),
                y=kategorien,
                x=[None if w is None else w * 100 for w in alt.werte],
                mode="markers",
                marker=dict(symbol="line-ns", size=22, line=dict(width=5, color="#4D4D4D")),
                customdata=_hinweise(alt, True),
                hovertemplate="<b>%{y}</b><br>%{customdata}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(bargap=0.3)
    diagramm_stil.grundlayout(fig, hoehe=400)
    _kategorienachse(fig)
    _wertachse(fig, diagramm, faktor=100).update_xaxes(
        ticksuffix="",
        tickvals=[0, 20, 40, 60, 80, 100],
        ticktext=[fmt.prozent(v, 0) for v in (0, 20, 40, 60, 80, 100)],
    )
    # A field marked * needs the line that says what * means, as on every other chart.
    return diagramm_stil.fussnote(fig, bool(diagramm.fussnote))


def _verlauf(diagramm: Diagramm) -> go.Figure:
    """The shares over all fields per Stand as lines with a labelled point per Stand."""
    fig = go.Figure()
    for reihe in diagramm.reihen:
        fig.add_trace(
            go.Scatter(
                name=diagramm_stil.sicher(reihe.name),
                x=list(diagramm.kategorien),
                y=[None if w is None else w * 100 for w in reihe.werte],
                mode="lines+markers+text",
                text=_beschriftungen(reihe),
                textposition=diagramm_stil.textpositionen(len(diagramm.kategorien)),
                line=dict(color=reihe.farbe, width=5),
                marker=dict(size=14),
                hovertemplate="%{x}: %{text}<extra>" + diagramm_stil.sicher(reihe.name) + "</extra>",
            )
        )
    diagramm_stil.grundlayout(fig, hoehe=400)
    bereich = diagramm.bereich or (0.0, 1.1)
    fig.update_yaxes(
        title_text=diagramm.achsentitel,
        range=[bereich[0] * 100, bereich[1] * 100],
        tickformat=",.0f",
        ticksuffix=" %",
        gridcolor=diagramm_stil.GITTER,
        automargin=True,  # without it the ticks ran off the left edge: only "%" was left
        nticks=6,
    )
    fig.update_xaxes(type="category")
    return fig


def figur(folie: Folie) -> go.Figure | None:
    """The on-screen chart of a slide (large type), drawn from `folie.diagramm` alone; None for
    a slide without one."""
    diagramm = folie.diagramm
    if diagramm is None:
        return None
    zeilen = _schrift_fuer_zeilen(len(diagramm.kategorien), 22)
    if folie.art == "fortschritt":
        return leinwand(_fortschritt(diagramm), schrift=zeilen).update_yaxes(tickfont_size=zeilen - 3)
    if folie.art == "verlauf":
        return leinwand(_verlauf(diagramm), schrift=22)
    if folie.art == "einbuergerung":
        return leinwand(_einbuergerung(diagramm))
    if diagramm.art == "gestapelt_100":
        return leinwand(_gestapelt(diagramm), schrift=zeilen)
    if folie.art == "haushalt":
        # Three ticks, upright: four amounts like „100.000 €“ touched each other at 820 and 1280 px.
        return leinwand(_balken(diagramm), schrift=21).update_xaxes(tickangle=0, nticks=3)
    if folie.art == "plan_ist":
        return leinwand(_balken(diagramm), schrift=20).update_xaxes(tickangle=0, nticks=3)
    # One bar per status: a count axis with about five whole-number steps.
    hoechster = max((w for w in diagramm.reihen[0].werte if w is not None), default=0)
    return leinwand(_balken(diagramm, umrandet=True)).update_xaxes(dtick=diagramm_stil.runder_schritt(hoechster))

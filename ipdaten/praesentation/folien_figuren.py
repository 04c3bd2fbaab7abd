"""The charts of the presentation slides on screen: the dashboard's figures (ipdaten.darstellung.diagramme),
enlarged for a projector; the progress and Verlauf charts of the slides are drawn here from the
slide's data. Milestones are text (a timeline list), not a chart."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.darstellung import diagramme, diagramme_verlauf
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.farben import STATUS_TEXTFARBE
from ipdaten.praesentation.folien import Diagramm, Folie

SCHRIFTGROESSE = 24
ACHSENSCHRIFT = 20


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
    gross.update_xaxes(tickfont_size=schrift - 2, title_font_size=schrift - 4)
    gross.update_yaxes(tickfont_size=schrift, title_font_size=schrift - 4)
    for anmerkung in gross.layout.annotations:
        anmerkung.font.size = schrift - 2
    return gross


def _fortschritt(diagramm: Diagramm) -> go.Figure:
    """Share umgesetzt per field now (bars, labelled with the change in percentage points) and
    before (a grey mark on each bar): one row per field stays readable on a projector."""
    alt, jetzt = diagramm.reihen
    kategorien = [diagramme.sicher(k) for k in diagramm.kategorien]
    neu_werte = [None if w is None else w * 100 for w in jetzt.werte]
    alt_werte = [None if w is None else w * 100 for w in alt.werte]
    texte = list(jetzt.beschriftungen or ())
    fig = go.Figure(
        [
            go.Bar(
                name=diagramme.sicher(jetzt.name),
                orientation="h",
                y=kategorien,
                x=neu_werte,
                text=texte,
                textposition="outside",
                constraintext="none",
                cliponaxis=False,
                marker=dict(color=jetzt.farbe, line=dict(color="#1A1A1A", width=1)),
                textfont=dict(color=STATUS_TEXTFARBE),
                hovertemplate="<b>%{y}</b><br>" + diagramme.sicher(jetzt.name) + ": %{text}<extra></extra>",
            ),
            go.Scatter(
                name=diagramme.sicher(alt.name),
                y=kategorien,
                x=alt_werte,
                mode="markers",
                marker=dict(symbol="line-ns", size=22, line=dict(width=5, color="#4D4D4D")),
                customdata=[fmt.anteil(a) for a in alt.werte],
                hovertemplate="<b>%{y}</b><br>" + diagramme.sicher(alt.name) + ": %{customdata}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        bargap=0.3,
        separators=fmt.PLOTLY_TRENNZEICHEN,
        font=diagramme.SCHRIFT,
        paper_bgcolor=diagramme.HINTERGRUND,
        plot_bgcolor=diagramme.HINTERGRUND,
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True, tickmode="linear", dtick=1)
    fig.update_xaxes(
        title_text=diagramm.achsentitel,
        tickformat=",.0f",
        range=[0, 125],
        tickvals=[0, 20, 40, 60, 80, 100],
        ticktext=[fmt.prozent(v, 0) for v in (0, 20, 40, 60, 80, 100)],
        gridcolor=diagramme.GITTER,
    )
    return fig


def _verlauf(diagramm: Diagramm) -> go.Figure:
    """The shares over all fields per Stand as lines with a labelled point per Stand."""
    fig = go.Figure()
    for reihe in diagramm.reihen:
        werte = [None if w is None else w * 100 for w in reihe.werte]
        fig.add_trace(
            go.Scatter(
                name=diagramme.sicher(reihe.name),
                x=list(diagramm.kategorien),
                y=werte,
                mode="lines+markers+text",
                text=[fmt.prozent(w, 0) if w is not None else "" for w in werte],
                textposition="top center",
                line=dict(color=reihe.farbe, width=5),
                marker=dict(size=14),
                hovertemplate="%{x}: %{text}<extra>" + diagramme.sicher(reihe.name) + "</extra>",
            )
        )
    diagramme.grundlayout(fig, hoehe=400)
    fig.update_yaxes(
        title_text=diagramm.achsentitel, range=[0, 110], tickformat=",.0f", ticksuffix=" %", gridcolor=diagramme.GITTER
    )
    fig.update_xaxes(type="category")
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
        if folie.art == "feld":
            annahme = folie.feld_nr in auswertung.annahmen.felder_betroffen
        else:
            annahme = auswertung.annahmen.empfehlungszahlen
        hoechste = max([float(zeile[s]) for s in STATUS_REIHENFOLGE] + [1.0])
        # Room right of the longest bar for a large label such as "100 (100 %)".
        return leinwand(diagramme.feld_verteilung(zeile, annahme=annahme)).update_xaxes(range=[0, hoechste * 1.6])
    if folie.art == "status":
        felder = len(auswertung.verteilung)
        fig = leinwand(
            diagramme.status_balken(auswertung.verteilung, annahme_felder=auswertung.annahmen.felder_betroffen),
            schrift=_schrift_fuer_zeilen(felder, 22),
        )
        return fig.update_yaxes(tickmode="linear", dtick=1)
    if folie.art == "einbuergerung":
        vergleich = auswertung.einbuergerung
        return leinwand(diagramme.einbuergerung_balken(vergleich[vergleich["jahr"] == folie.jahr]))
    if folie.art == "haushalt":
        summen = auswertung.haushalt(folie.jahr)
        fig = leinwand(
            diagramme.haushalt_je_feld(
                summen.nach_handlungsfeld,
                summen.ohne_handlungsfeld_eur,
                summen.summe_eur,
                ohne_annahme=summen.ohne_handlungsfeld_annahme,
            ),
            schrift=21,
        )
        # Large labels like "90.000 € (25,3 %)" need more room right of the longest bar.
        hoechster = max([float(b) for b in summen.nach_handlungsfeld["betrag"]] + [summen.ohne_handlungsfeld_eur, 1.0])
        return fig.update_xaxes(range=[0, hoechster * 2.0], tickangle=0, nticks=4)
    if folie.art == "verlauf" and folie.diagramm is not None:
        return leinwand(_verlauf(folie.diagramm), schrift=22)
    if folie.art == "gefluechtete":
        g = auswertung.fortschreibung("gefluechtete")
        mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
        return leinwand(diagramme.status_balken(mit), schrift=_schrift_fuer_zeilen(len(mit), 22))
    if folie.art == "zustaendigkeit":
        verteilung = auswertung.fortschreibung("status_nach", "zustaendig").head(len(folie.diagramm.kategorien))
        return leinwand(
            diagramme.status_balken(verteilung, nur_namen=True), schrift=_schrift_fuer_zeilen(len(verteilung), 22)
        )
    if folie.art == "plan_ist":
        p = auswertung.fortschreibung("plan_ist", folie.jahr)
        return leinwand(diagramme_verlauf.plan_ist_balken(p.nach_handlungsfeld), schrift=20)
    if folie.art == "fortschritt" and folie.diagramm is not None:
        schrift = _schrift_fuer_zeilen(len(folie.diagramm.kategorien), 22)
        fig = leinwand(_fortschritt(folie.diagramm), schrift=schrift)
        return fig.update_yaxes(tickfont_size=schrift - 3)
    return None

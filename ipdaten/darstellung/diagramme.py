"""plotly figures of the dashboard, built with graph_objects from computed frames.

Every figure speaks German independently of the viewer's browser: separators ",." plus explicit
tick, text and hover formats; texts shown in a figure are formatted with ipdaten.format. Status
colours come from ipdaten.darstellung.farben and every colour is named by a legend entry or a label.
Workbook text is escaped (plotly renders a subset of HTML in labels). The shared conventions
(layout, escaping, the assumption mark) are in ipdaten.darstellung.diagramm_stil.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.darstellung.diagramm_stil import (
    GITTER,
    feld_beschriftung,
    fussnote,
    grundlayout,
    mit_marke,
    mittellinie,
    runder_schritt,
    sicher,
    umbrechen,
)
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, STATUS_TEXTFARBE, status_farbe
from ipdaten.zahlen.kennzahlen import anteil_an


def status_balken(
    verteilung: pd.DataFrame,
    *,
    absolut: bool = False,
    titel: str | None = None,
    nur_namen: bool = False,
    annahme_felder: tuple[int, ...] = (),
) -> go.Figure:
    """Status distribution of every Handlungsfeld as horizontal stacked bars.

    `verteilung` is kennzahlen.status_verteilung. Percent mode stacks to 100 %; absolute mode
    shows counts. Counts are the labels in both modes; hover names field, status, count and
    share. Each bar point carries the field number as customdata[0] (for click-through).
    `nur_namen` labels the bars by name only (rows that are not fields, e.g. per Zuständig). Fields
    in `annahme_felder` (resting on assumptions) carry MARKE and the figure a footnote.
    """
    if nur_namen:
        felder = [sicher(name) for name in verteilung["name"]]
    else:
        felder = [
            mit_marke(feld_beschriftung(n, name), int(n) in annahme_felder)
            for n, name in zip(verteilung["nr"], verteilung["name"])
        ]
    fig = go.Figure()
    for status in STATUS_REIHENFOLGE:
        anzahl = verteilung[status].astype("int64")
        anteile = verteilung[f"anteil_{status}"]
        customdata = [
            [int(nr), fmt.zahl(a), fmt.zahl(n), fmt.anteil(s)]
            for nr, a, n, s in zip(verteilung["nr"], anzahl, verteilung["empfehlungen"], anteile)
        ]
        fig.add_trace(
            go.Bar(
                name=status,
                orientation="h",
                y=felder,
                x=anzahl.tolist() if absolut else (anteile.fillna(0) * 100).tolist(),
                text=[fmt.zahl(a) if a else "" for a in anzahl],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont=dict(color=STATUS_TEXTFARBE, size=13),
                constraintext="none",
                # What the table of the chart shows per cell (diagramm_daten): count and share.
                meta=[f"{fmt.zahl(a)} ({fmt.anteil(s)})" for a, s in zip(anzahl, anteile)],
                marker=dict(color=status_farbe(status), line=dict(color="#FFFFFF", width=1)),
                customdata=customdata,
                hovertemplate=(
                    "<b>%{y}</b><br>"
                    + sicher(status)
                    + ": %{customdata[1]} von %{customdata[2]} Empfehlungen (%{customdata[3]})<extra></extra>"
                ),
            )
        )
    fig.update_layout(barmode="stack", bargap=0.25, legend_traceorder="normal")
    grundlayout(fig, hoehe=140 + 48 * len(felder), titel=titel)
    # The legend hangs from the top of the figure into a fixed margin with room for two rows:
    # anchored to the plot area, plotly kept a margin from the first drawing, so after a resize
    # (1280 → 1920 px, projector plugged in) the legend covered the first bar.
    fig.update_layout(
        legend=dict(orientation="h", yref="container", yanchor="top", y=1.0, x=0, xanchor="left", title_text=""),
        margin=dict(t=(40 if titel else 0) + 72),
    )
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    if absolut:
        fig.update_xaxes(title_text="Anzahl der Empfehlungen", tickformat=",.0f", gridcolor=GITTER)
    else:
        fig.update_xaxes(
            title_text="Anteil der Empfehlungen", tickformat=",.0f", ticksuffix=" %", range=[0, 100], gridcolor=GITTER
        )
    fussnote(fig, any(int(n) in annahme_felder for n in verteilung["nr"]))
    return fig


def feld_verteilung(zeile: pd.Series, *, titel: str | None = None, annahme: bool = False) -> go.Figure:
    """One Handlungsfeld's status distribution: one bar per status with count and share.

    `zeile` is one row of kennzahlen.status_verteilung; `annahme`: the field's figures rest on
    assumptions (the labels carry MARKE, the figure a footnote).
    """
    status = list(STATUS_REIHENFOLGE)
    anzahl = [int(zeile[s]) for s in status]
    anteile = [zeile[f"anteil_{s}"] for s in status]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=status,
            x=anzahl,
            text=[mit_marke(f"{fmt.zahl(a)} ({fmt.anteil(s)})", annahme and a) for a, s in zip(anzahl, anteile)],
            textposition="outside",
            cliponaxis=False,
            marker=dict(color=[status_farbe(s) for s in status], line=dict(color="#1A1A1A", width=1)),
            hovertemplate="%{y}: %{text}<extra></extra>",
            showlegend=False,
        )
    )
    grundlayout(fig, hoehe=300, titel=titel)
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    hoechstes = max(anzahl) if anzahl else 0
    fig.update_xaxes(
        title_text="Anzahl der Empfehlungen",
        tickformat=",.0f",
        range=[0, max(1, hoechstes) * 1.25],
        gridcolor=GITTER,
        dtick=runder_schritt(hoechstes),
    )
    fussnote(fig, annahme and sum(anzahl) > 0)
    return fig


def einbuergerung_balken(vergleich_jahr: pd.DataFrame, *, titel: str | None = None) -> go.Figure:
    """One year's naturalisation quotas ranked (highest on top), the reference area highlighted
    as its own legend entry, the mean of the areas with a value as a dashed line and areas
    without a value labelled "keine Angabe" (no bar, never 0).

    `vergleich_jahr` is kennzahlen.einbuergerung_vergleich of one year.
    """
    beschriftung = {g: mit_marke(sicher(g), a) for g, a in zip(vergleich_jahr["gebiet"], vergleich_jahr["annahme"])}
    gebiete = list(beschriftung.values())
    mit_wert = vergleich_jahr["quote_prozent"].notna()
    fig = go.Figure()
    for ist_ref, name, farbe in ((True, None, HERVORHEBUNG), (False, "weitere Gebiete", NEUTRAL)):
        teil = vergleich_jahr[(vergleich_jahr["ist_referenz"] == ist_ref) & mit_wert]
        if teil.empty:
            continue
        fig.add_trace(
            go.Bar(
                name=sicher(teil["gebiet"].iloc[0]) if ist_ref else name,
                orientation="h",
                y=[beschriftung[g] for g in teil["gebiet"]],
                x=teil["quote_prozent"].tolist(),
                text=[fmt.prozent(q) for q in teil["quote_prozent"]],
                textposition="outside",
                cliponaxis=False,
                marker=dict(color=farbe, pattern_shape="/" if ist_ref else ""),
                customdata=[[f"{int(r)}.", fmt.prozentpunkte(d)] for r, d in zip(teil["rang"], teil["diff_mittel_pp"])],
                hovertemplate=(
                    "<b>%{y}</b><br>Einbürgerungsquote: %{text}<br>Rang %{customdata[0]}"
                    "<br>Abstand zum Mittel: %{customdata[1]}<extra></extra>"
                ),
            )
        )
    ohne = vergleich_jahr[~mit_wert]
    if not ohne.empty:
        fig.add_trace(
            go.Bar(
                name=fmt.KEINE_ANGABE,
                orientation="h",
                y=[beschriftung[g] for g in ohne["gebiet"]],
                x=[0] * len(ohne),
                meta=[fmt.KEINE_ANGABE] * len(ohne),
                marker=dict(color="rgba(0,0,0,0)"),
                hovertemplate="<b>%{y}</b><br>Einbürgerungsquote: keine Angabe<extra></extra>",
                showlegend=False,
            )
        )
        for gebiet in ohne["gebiet"]:
            fig.add_annotation(
                x=0,
                y=beschriftung[gebiet],
                text=fmt.KEINE_ANGABE,
                showarrow=False,
                xanchor="left",
                font=dict(color="#4D4D4D"),
            )
    mittel = vergleich_jahr["mittel_prozent"].dropna()
    if not mittel.empty:
        wert = float(mittel.iloc[0])
        mittellinie(fig, wert, f"Mittel: {fmt.prozent(wert)}")
    hoechste = vergleich_jahr["quote_prozent"].max()
    fig.update_layout(barmode="overlay", bargap=0.3)
    grundlayout(fig, hoehe=190 + 44 * len(gebiete), titel=titel)
    # Legend above the bars, left (the mean's label stands at the mean): under the axis it ran
    # into the axis title's footnote line.
    fig.update_layout(
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        margin=dict(t=(60 if titel else 40) + 16),
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=gebiete, autorange="reversed", ticksuffix="  ", automargin=True
    )
    fig.update_xaxes(
        title_text="Einbürgerungsquote in %",
        tickformat=",.1f",
        ticksuffix=" %",
        range=[0, (float(hoechste) if pd.notna(hoechste) else 1.0) * 1.22],
        gridcolor=GITTER,
    )
    fussnote(fig, bool(vergleich_jahr["annahme"].any()))
    return fig


def einbuergerung_verlauf(vergleich: pd.DataFrame, *, titel: str | None = None) -> go.Figure:
    """Naturalisation quotas over the years, one line per area, the reference area highlighted.

    Missing values are gaps, never 0. `vergleich` is kennzahlen.einbuergerung_vergleich.
    """
    jahre = sorted(int(j) for j in vergleich["jahr"].unique())
    fig = go.Figure()
    symbole = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "hexagon"]
    reihenfolge = list(dict.fromkeys(vergleich.sort_values("ist_referenz", ascending=False, kind="stable")["gebiet"]))
    for index, gebiet in enumerate(reihenfolge):
        teil = vergleich[vergleich["gebiet"] == gebiet].set_index("jahr")["quote_prozent"].reindex(jahre)
        ist_ref = bool(vergleich.loc[vergleich["gebiet"] == gebiet, "ist_referenz"].any())
        annahme = bool(vergleich.loc[vergleich["gebiet"] == gebiet, "annahme"].any())
        fig.add_trace(
            go.Scatter(
                name=mit_marke(sicher(gebiet), annahme),
                x=jahre,
                y=[None if pd.isna(q) else float(q) for q in teil],
                mode="lines+markers",
                connectgaps=False,
                line=dict(color=HERVORHEBUNG if ist_ref else NEUTRAL, width=4 if ist_ref else 1.5),
                marker=dict(symbol=symbole[index % len(symbole)], size=10 if ist_ref else 7),
                customdata=[fmt.prozent(q) for q in teil],
                hovertemplate=f"<b>{sicher(gebiet)}</b> %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    grundlayout(fig, hoehe=420, titel=titel)
    fig.update_xaxes(tickvals=jahre, tickformat="d", title_text="Jahr", gridcolor=GITTER)
    fig.update_yaxes(title_text="Einbürgerungsquote in %", tickformat=",.1f", ticksuffix=" %", gridcolor=GITTER)
    fussnote(fig, bool(vergleich["annahme"].any()))
    return fig


def haushalt_massnahmen(massnahmen: pd.DataFrame, *, titel: str | None = None) -> go.Figure:
    """Budget lines as horizontal bars, largest on top, labelled with amount and share.

    `massnahmen` is HaushaltSummen.massnahmen. Lines without a Handlungsfeld are grey and
    named "ohne Zuordnung" in the legend. A line whose amount or assignment rests on an
    assumption carries MARKE (the hover says which).
    """
    sortiert = massnahmen.sort_values("betrag", ascending=False, kind="stable")
    fig = go.Figure()
    beschriftungen = [
        mit_marke(umbrechen(m, 48), a) for m, a in zip(sortiert["massnahme"], sortiert["annahme_zuordnung"])
    ]
    for zugeordnet, name, farbe in (
        (True, "einem Handlungsfeld zugeordnet", HERVORHEBUNG),
        (False, fmt.OHNE_ZUORDNUNG, NEUTRAL),
    ):
        maske = sortiert["handlungsfeld"].notna() == zugeordnet
        teil = sortiert[maske]
        if teil.empty:
            continue
        fig.add_trace(
            go.Bar(
                name=name,
                orientation="h",
                y=[b for b, m in zip(beschriftungen, maske) if m],
                x=teil["betrag"].tolist(),
                text=[f"{fmt.euro(b)} ({fmt.anteil(a)})" for b, a in zip(teil["betrag"], teil["anteil"])],
                textposition="outside",
                cliponaxis=False,
                marker=dict(color=farbe, pattern_shape="" if zugeordnet else "x"),
                customdata=[
                    (fmt.OHNE_ZUORDNUNG if pd.isna(f) else f"{int(f)} {sicher(n)}")
                    + (" (Annahme)" if z and not b else "")
                    + ("<br>Betrag: Annahme" if b else "")
                    for f, n, b, z in zip(
                        teil["handlungsfeld"], teil["feldname"], teil["annahme"], teil["annahme_zuordnung"]
                    )
                ],
                hovertemplate="<b>%{y}</b><br>%{text}<br>Handlungsfeld: %{customdata}<extra></extra>",
            )
        )
    hoechster = float(sortiert["betrag"].max()) if len(sortiert) else 1.0
    fig.update_layout(barmode="overlay", bargap=0.3)
    grundlayout(fig, hoehe=120 + 64 * len(sortiert), titel=titel)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"))
    fig.update_yaxes(
        categoryorder="array", categoryarray=beschriftungen, autorange="reversed", ticksuffix="  ", automargin=True
    )
    fig.update_xaxes(
        title_text="Betrag in Euro", tickformat=",.0f", ticksuffix=" €", range=[0, hoechster * 1.35], gridcolor=GITTER
    )
    fussnote(fig, bool(sortiert["annahme_zuordnung"].any()))
    return fig


def haushalt_je_feld(
    nach_feld: pd.DataFrame,
    ohne_eur: float,
    summe_eur: float,
    *,
    titel: str | None = None,
    ohne_annahme: bool = False,
) -> go.Figure:
    """Budget per Handlungsfeld as horizontal bars with amount and share; the unassigned
    amount as its own grey bar "ohne Zuordnung" (shown whenever it is not 0). A field whose
    amount includes a line assigned by assumption carries MARKE and a hatched bar.

    `nach_feld` is HaushaltSummen.nach_handlungsfeld.
    """
    namen = [
        mit_marke(feld_beschriftung(n, name), a)
        for n, name, a in zip(nach_feld["nr"], nach_feld["name"], nach_feld["annahme"])
    ]
    muster = ["/" if a else "" for a in nach_feld["annahme"]]
    betraege = [float(b) for b in nach_feld["betrag"]]
    anteile = [a for a in nach_feld["anteil"]]
    farben = [HERVORHEBUNG] * len(namen)
    if ohne_eur:
        namen.append(mit_marke(fmt.OHNE_ZUORDNUNG, ohne_annahme))
        muster.append("/" if ohne_annahme else "")
        betraege.append(float(ohne_eur))
        anteile.append(anteil_an(ohne_eur, summe_eur))
        farben.append(NEUTRAL)
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=namen,
            x=betraege,
            text=[f"{fmt.euro(b)} ({fmt.anteil(a)})" for b, a in zip(betraege, anteile)],
            textposition="outside",
            cliponaxis=False,
            marker=dict(color=farben, pattern=dict(shape=muster, fgcolor="#FFFFFF")),
            hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
            showlegend=False,
        )
    )
    grundlayout(fig, hoehe=120 + 44 * len(namen), titel=titel)
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    fig.update_xaxes(
        title_text="Betrag in Euro",
        tickformat=",.0f",
        ticksuffix=" €",
        range=[0, (max(betraege) if betraege else 1.0) * 1.35],
        gridcolor=GITTER,
    )
    fussnote(fig, any(m for m in muster))
    return fig

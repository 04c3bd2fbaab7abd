"""Figures of the Fortschritt comparison (two Stände), in the conventions of ipdaten.darstellung.diagramm_stil:
graph_objects only, German separators and texts from ipdaten.format, status colours from
ipdaten.darstellung.farben, every colour named by a label, workbook text escaped.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.darstellung.diagramm_stil import GITTER, SCHRIFT, feld_beschriftung, grundlayout, sicher
from ipdaten.darstellung.farben import STATUS_FARBEN, status_farbe
from ipdaten.zahlen.kennzahlen import FORTSCHRITT, FORTSCHRITT_TITEL
from ipdaten.zahlen.vergleich import Vergleich

# Each measure in the colour of the status it adds last.
MASSE = tuple((mass, FORTSCHRITT_TITEL[mass], STATUS_FARBEN[teile[-1]]) for mass, teile in FORTSCHRITT.items())


def _durchsichtig(farbe: str, deckkraft: float) -> str:
    farbe = farbe.lstrip("#")
    r, g, b = (int(farbe[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{deckkraft})"


def _feld_achse(nr: int, name: str, art: str) -> str:
    zusatz = {"neu": " (neu)", "entfallen": " (entfallen)"}.get(art, "")
    return feld_beschriftung(nr, name) + zusatz


def veraenderung_je_feld(vergleich: Vergleich, *, titel: str | None = None) -> go.Figure:
    """Change of the shares umgesetzt and umgesetzt-or-in-Arbeit per field, in percentage points.

    One horizontal bar per field and measure, labelled with the signed difference; hover shows
    both shares. New or removed fields have no difference and say so on the axis and in the label.
    """
    felder = vergleich.felder
    achse = [_feld_achse(n, name, art) for n, name, art in zip(felder["nr"], felder["name"], felder["art"])]
    fig = go.Figure()
    for mass, bezeichnung, farbe in MASSE:
        diff = felder[f"{mass}_diff_pp"]
        texte = [
            fmt.anteil_veraenderung(d) if d == d else ("neu" if art == "neu" else "entfallen")
            for d, art in zip(diff, felder["art"])
        ]
        customdata = [
            [fmt.anteil(a), fmt.anteil(n), t] for a, n, t in zip(felder[f"{mass}_alt"], felder[f"{mass}_neu"], texte)
        ]
        fig.add_trace(
            go.Bar(
                name=f"Anteil {bezeichnung}",
                orientation="h",
                y=achse,
                x=diff.fillna(0).tolist(),
                text=texte,
                textposition="outside",
                cliponaxis=False,
                textfont=dict(color=SCHRIFT["color"], size=13),
                marker=dict(color=farbe, line=dict(color="#333333", width=1)),
                customdata=customdata,
                hovertemplate=(
                    "<b>%{y}</b><br>Anteil " + sicher(bezeichnung) + ": %{customdata[0]} → %{customdata[1]} "
                    "(%{customdata[2]})<extra></extra>"
                ),
            )
        )
    groesste = max([abs(x) for x in felder[[f"{m}_diff_pp" for m, _, _ in MASSE]].fillna(0).to_numpy().ravel()] + [5])
    fig.update_layout(barmode="group", bargap=0.3, bargroupgap=0.05)
    grundlayout(fig, hoehe=120 + 56 * len(achse), titel=titel)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left", title_text=""))
    fig.update_yaxes(autorange="reversed", ticksuffix="  ", automargin=True)
    fig.update_xaxes(
        title_text="Veränderung in Prozentpunkten",
        tickformat=",.0f",
        ticksuffix=" Pp.",
        range=[-groesste * 1.35, groesste * 1.35],
        gridcolor=GITTER,
        zeroline=True,
        zerolinecolor="#333333",
        zerolinewidth=2,
    )
    return fig


def uebergaenge_sankey(
    vergleich: Vergleich,
    *,
    links: str = "vorher",
    rechts: str = "nachher",
    titel: str | None = None,
    nur_wechsel: bool = False,
) -> go.Figure:
    """The status transitions of the matched recommendations as a Sankey diagram.

    Left the status in the older Stand, right in the newer one; each node and band is labelled
    with status and count, each band coloured like its earlier status. `nur_wechsel` leaves out
    the recommendations whose status stayed (the counts then are those of the changes only).
    """
    liste = vergleich.uebergaenge_liste()
    matrix = vergleich.uebergaenge.copy()
    if nur_wechsel:
        liste = liste[liste["von"] != liste["nach"]]
        for s in matrix.index:
            matrix.loc[s, s] = 0
    von_status = [s for s in matrix.index if matrix.loc[s].sum() > 0]
    nach_status = [s for s in matrix.columns if matrix[s].sum() > 0]
    knoten = [f"{s}: {fmt.zahl(int(matrix.loc[s].sum()))}" for s in von_status] + [
        f"{s}: {fmt.zahl(int(matrix[s].sum()))}" for s in nach_status
    ]
    farben = [status_farbe(s) for s in von_status] + [status_farbe(s) for s in nach_status]
    index_von = {s: i for i, s in enumerate(von_status)}
    index_nach = {s: len(von_status) + i for i, s in enumerate(nach_status)}
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            valueformat=",.0f",
            node=dict(
                label=knoten,
                color=farben,
                pad=18,
                thickness=22,
                line=dict(color="#333333", width=1),
                hovertemplate="%{label} Empfehlungen<extra></extra>",
            ),
            link=dict(
                source=[index_von[v] for v in liste["von"]],
                target=[index_nach[n] for n in liste["nach"]],
                value=liste["anzahl"].tolist(),
                color=[_durchsichtig(status_farbe(v), 0.45) for v in liste["von"]],
                customdata=[
                    f"{sicher(v)} → {sicher(n)}: {fmt.zahl(a)} Empfehlung{'en' if a != 1 else ''}"
                    for v, n, a in zip(liste["von"], liste["nach"], liste["anzahl"])
                ],
                hovertemplate="%{customdata}<extra></extra>",
            ),
            textfont=dict(family=SCHRIFT["family"], size=14, color=SCHRIFT["color"]),
        )
    )
    grundlayout(fig, hoehe=460, titel=titel)
    fig.update_layout(margin=dict(l=10, r=10, t=70 if titel else 50, b=20))
    for x, text, anker in ((0, links, "left"), (1, rechts, "right")):
        fig.add_annotation(
            x=x, y=1.06, xref="paper", yref="paper", text=f"<b>{sicher(text)}</b>", showarrow=False, xanchor=anker
        )
    return fig

"""The figures of a chart as a table: what a screen reader reads instead of the chart, what the
"Daten zum Diagramm" table and its CSV download show.

One rule for every chart of the dashboard and the slides, read from the figure itself, so that a
chart and its table cannot disagree: the rows are the categories (the bars, the Stände, the
years), the columns the series; a cell is the trace's `meta` text for that point where the
chart sets one (e.g. count and share of a stacked bar), else the label the chart prints there
(already German, "4 (18 %)", "90.000 € (25 %)"), else the point's value in its axis' format.
Series that split the categories between them (a highlighted bar and the others) become one value
column and a column naming the series. A Sankey diagram becomes its list of flows.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.darstellung.csv_tabelle import STANDARD_LIZENZ, csv_bytes

LIZENZ = STANDARD_LIZENZ.als_text
BEZEICHNUNG = "Bezeichnung"
WERT = "Wert"
REIHE = "Reihe"

_MARKUP = re.compile(r"<[^>]+>")
_ZEILENUMBRUCH = re.compile(r"<br\s*/?>", re.IGNORECASE)
_STELLEN = re.compile(r"\.(\d+)f")
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LEERRAUM = re.compile(r"[ \t\r\n]+")  # not the no-break spaces of "1,54 %"


def klartext(text: object) -> str:
    """A plotly label as plain text: line breaks as spaces, markup removed, entities decoded."""
    ohne = _MARKUP.sub("", _ZEILENUMBRUCH.sub(" ", str(text)))
    return _LEERRAUM.sub(" ", html.unescape(ohne)).strip(" ")


def _achsentitel(achse: Any) -> str:
    """An axis title without its footnote line (diagramm_stil.fussnote adds one)."""
    text = achse.title.text if achse is not None and achse.title is not None else None
    return klartext(_ZEILENUMBRUCH.split(text)[0]) if text else ""


def _wert_text(wert: object, achse: Any) -> str:
    """A value in the format of its axis (",.1f" and " %" → "1,5 %")."""
    if wert is None or (isinstance(wert, float) and wert != wert):
        return fmt.KEINE_ANGABE
    if isinstance(wert, str):
        return klartext(wert)
    if not isinstance(wert, (int, float)):
        return klartext(str(wert))
    stellen = 0
    if achse is not None and achse.tickformat and (treffer := _STELLEN.search(achse.tickformat)):
        stellen = int(treffer.group(1))
    elif not float(wert).is_integer():
        stellen = 1
    suffix = achse.ticksuffix if achse is not None and achse.ticksuffix else ""
    # The unit keeps to its number, as in ipdaten.format ("32 %" with a no-break space).
    return fmt.zahl(float(wert), stellen) + suffix.replace(" ", "\xa0")


def _kategorie_text(wert: object) -> str:
    if isinstance(wert, dt.date):
        return fmt.datum(wert)
    if isinstance(wert, str) and _ISO_DATUM.match(wert):
        return fmt.datum(dt.date.fromisoformat(wert))
    if isinstance(wert, float) and wert.is_integer():
        return str(int(wert))
    return klartext(wert)


def _sankey(spur: go.Sankey) -> pd.DataFrame:
    namen = [klartext(n) for n in spur.node.label]
    return pd.DataFrame(
        {
            "von": [namen[i] for i in spur.link.source],
            "nach": [namen[i] for i in spur.link.target],
            "Anzahl": [fmt.zahl(w) for w in spur.link.value],
        }
    )


def _punkte(spur: Any, fig: go.Figure) -> tuple[list[str], list[str]] | None:
    """(categories, cell texts) of one bar or scatter trace; None for a helper trace."""
    if spur.hoverinfo == "skip":
        return None
    waagrecht = getattr(spur, "orientation", None) == "h"
    kategorien = list(spur.y if waagrecht else spur.x) if (spur.y if waagrecht else spur.x) is not None else []
    werte = list(spur.x if waagrecht else spur.y) if (spur.x if waagrecht else spur.y) is not None else []
    wertachse = fig.layout.xaxis if waagrecht else fig.layout.yaxis
    texte = spur.meta if isinstance(spur.meta, (list, tuple)) else None
    if texte is None and isinstance(spur.text, (list, tuple)):
        texte = spur.text
    if texte is None and spur.customdata is not None and all(isinstance(c, str) for c in spur.customdata):
        texte = list(spur.customdata)
    zellen = []
    for i, wert in enumerate(werte):
        text = klartext(texte[i]) if texte is not None and i < len(texte) and texte[i] not in (None, "") else ""
        zellen.append(text or _wert_text(wert, wertachse))
    return [_kategorie_text(k) for k in kategorien], zellen


def diagramm_tabelle(fig: go.Figure, bezeichnung: str = BEZEICHNUNG) -> pd.DataFrame:
    """The figures of `fig` as a table of text (see the module docstring); `bezeichnung` names
    the column of the categories (e.g. "Handlungsfeld")."""
    spuren = list(fig.data)
    if spuren and all(isinstance(s, go.Sankey) for s in spuren):
        return pd.concat([_sankey(s) for s in spuren], ignore_index=True)
    reihen: list[tuple[str, list[str], list[str]]] = []
    for spur in spuren:
        punkte = _punkte(spur, fig)
        if punkte is not None:
            reihen.append((klartext(spur.name or ""), *punkte))
    if not reihen:
        return pd.DataFrame({bezeichnung: []})
    waagrecht = getattr(spuren[0], "orientation", None) == "h"
    wertachse = fig.layout.xaxis if waagrecht else fig.layout.yaxis
    kategorien: list[str] = list(dict.fromkeys(k for _, ks, _ in reihen for k in ks))
    reihenfolge = (fig.layout.yaxis if waagrecht else fig.layout.xaxis).categoryarray
    if reihenfolge is not None:
        rang = {_kategorie_text(k): i for i, k in enumerate(reihenfolge)}
        kategorien.sort(key=lambda k: rang.get(k, len(rang)))
    getrennt = sum(len(ks) for _, ks, _ in reihen) == len(kategorien)
    if len(reihen) == 1 or getrennt:
        # One value per category: one value column (named by the axis), and the series by name
        # when there are several (e.g. "Landkreis Böblingen" and "weitere Gebiete").
        wert_titel = _achsentitel(wertachse) or reihen[0][0] or WERT
        zeile = {k: (name, z) for name, ks, zs in reihen for k, z in zip(ks, zs)}
        tabelle = pd.DataFrame({bezeichnung: kategorien, wert_titel: [zeile[k][1] for k in kategorien]})
        if len(reihen) > 1:
            tabelle[REIHE] = [zeile[k][0] for k in kategorien]
        return tabelle
    tabelle = pd.DataFrame({bezeichnung: kategorien})
    for name, ks, zs in reihen:
        werte = dict(zip(ks, zs))
        tabelle[name or WERT] = [werte.get(k, "") for k in kategorien]
    return tabelle


def diagramm_hinweise(fig: go.Figure) -> list[str]:
    """The texts a chart shows besides its points (a mean line's label, "keine Angabe", the
    footnote under the axis), as plain text, each once."""
    texte = [klartext(a.text) for a in fig.layout.annotations or () if a.text]
    for achse in (fig.layout.xaxis, fig.layout.yaxis):
        titel = achse.title.text if achse is not None and achse.title is not None else None
        if titel and len(teile := _ZEILENUMBRUCH.split(titel)) > 1:
            texte.extend(klartext(t) for t in teile[1:])
    return list(dict.fromkeys(t for t in texte if t))


def tabelle_als_csv(tabelle: pd.DataFrame, kopf: Iterable[tuple[str, object]] = ()) -> bytes:
    """Any table as CSV for German Excel (csv_tabelle.csv_bytes), headed by the key–value lines
    `kopf` and an empty line when there are any."""
    return csv_bytes(tabelle.columns, tabelle.itertuples(index=False), vorspann=kopf)


def als_csv(tabelle: pd.DataFrame, *, titel: str, quelle: str, stand: str, lizenz: str = LIZENZ) -> bytes:
    """The table of a chart as CSV (see tabelle_als_csv), headed by lines naming the chart,
    source, Stand and licence."""
    return tabelle_als_csv(tabelle, (("Diagramm", titel), ("Quelle", quelle), ("Stand", stand), ("Lizenz", lizenz)))

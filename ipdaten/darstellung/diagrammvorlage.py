"""The plotly template of every chart: plotly's own, cut down to what these charts use.

plotly's default template carries styles for about 25 trace types and for polar, ternary, 3-D
and map axes, about 7 KB – more than most charts themselves. Streamlit copies and serialises the
whole figure for every chart on every rerun of every session, so that dead weight was a large
part of a page view under load. Bar, scatter and Sankey charts read only their own trace
type's entry and the Cartesian layout, so they look exactly as with the full template.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Trace types the dashboard draws (a new one needs its entry here to keep plotly's look).
GENUTZTE_SPUREN = ("bar", "scatter", "sankey")
# Layout parts only other kinds of charts use.
UNGENUTZTES_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map", "coloraxis", "colorscale")


def _schlank() -> go.layout.Template:
    voll = pio.templates["plotly"].to_plotly_json()
    return go.layout.Template(
        data={art: spuren for art, spuren in voll["data"].items() if art in GENUTZTE_SPUREN},
        layout={k: v for k, v in voll["layout"].items() if k not in UNGENUTZTES_LAYOUT},
    )


VORLAGE = _schlank()

"""The plotly template of every chart: the default one, cut down to what these charts use.

Every figure carries its template, and Streamlit copies and serialises each figure on every
rerun of every session. The default template (in the app Streamlit's own, 3,6 KB; elsewhere
plotly's, 7 KB) holds styles for about 25 trace types and for colour scales, polar, ternary,
3-D and map axes – more than most charts themselves. Bar, scatter and Sankey charts read only
their own trace type's entry and the rest of the layout, so with the cut-down copy they look
exactly as with the full default (checked with screenshots).
"""

from __future__ import annotations

import threading

import plotly.graph_objects as go
import plotly.io as pio

# Trace types the dashboard draws (a new one needs its entry here to keep the default's look).
GENUTZTE_SPUREN = ("bar", "scatter", "sankey")
# Layout parts only other kinds of charts use.
UNGENUTZTES_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map", "coloraxis", "colorscale")

_vorlagen: dict[str, go.layout.Template] = {}
_sperre = threading.Lock()


def vorlage() -> go.layout.Template:
    """The current default template without the parts these charts never read (built once per
    default: Streamlit sets its own when it is imported)."""
    name = str(pio.templates.default)
    with _sperre:
        if name not in _vorlagen:
            voll = pio.templates[name].to_plotly_json()
            _vorlagen[name] = go.layout.Template(
                data={art: spuren for art, spuren in voll.get("data", {}).items() if art in GENUTZTE_SPUREN},
                layout={k: v for k, v in voll.get("layout", {}).items() if k not in UNGENUTZTES_LAYOUT},
            )
        return _vorlagen[name]

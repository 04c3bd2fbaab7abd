"""The one hook into the page Streamlit serves, outside the elements a script draws.

Streamlit 1.67 serves `<html lang="en">` and offers no setting for the document's language (its
own widget texts are English, issue #13500); and plotly draws every chart as SVG text, which a
screen reader reads as a soup of numbers after the chart's description. A small script, run
through the public `st.html(..., unsafe_allow_javascript=True)`, sets `lang="de"` and hides each
chart's SVG from the accessibility tree (the chart keeps its name from `alt`; its figures are in
the table „Daten zum Diagramm“ under it). It also gives each chart its narrow layout on a phone
(schmale_diagramme.js) and takes the metrics' help icons out of the tab order (their texts are in
„Erläuterungen zu den Kennzahlen“ after the metrics). It watches the page, so charts drawn later
and a document that Streamlit re-renders are covered.

What it relies on – `svg.main-svg` inside `[data-testid="stPlotlyChart"]`, the metric's tooltip
button – is checked against the installed Streamlit by tests/test_dokument.py (fails on an
upgrade that renames it) and in the browser by tests/browser/test_browser_zugang.py and
test_browser_tastatur.py.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

SPRACHE = "de"
DIAGRAMM = '[data-testid="stPlotlyChart"]'
DIAGRAMM_SVG = f"{DIAGRAMM} svg.main-svg"
# A metric's help icon: out of the tab order, its text is in „Erläuterungen zu den Kennzahlen“
# (oberflaeche.diagramm.erlaeuterungen); the mouse still shows it.
METRIK_HILFE = '[data-testid="stMetric"] [data-testid="stTooltipHoverTarget"] button'
SCHLUESSEL = "ipdaten_dokument"  # its container is hidden by oberflaeche.seitenstil
# The narrow layout of the charts (phones), in its own file to be readable as JavaScript.
SCHMALE_DIAGRAMME = (Path(__file__).with_name("schmale_diagramme.js")).read_text(encoding="utf-8")

SKRIPT = (
    "<script>\n"
    + SCHMALE_DIAGRAMME
    + f"""
(() => {{
  if (window.ipdatenDokument) {{ window.ipdatenDokument(); return; }}
  const pflegen = () => {{
    const wurzel = document.documentElement;
    if (wurzel.lang !== "{SPRACHE}") wurzel.lang = "{SPRACHE}";
    for (const svg of document.querySelectorAll('{DIAGRAMM_SVG}:not([aria-hidden])')) {{
      svg.setAttribute("aria-hidden", "true");
    }}
    for (const gd of document.querySelectorAll('{DIAGRAMM} .js-plotly-plot')) window.ipdatenSchmal(gd);
    for (const knopf of document.querySelectorAll('{METRIK_HILFE}:not([tabindex])')) {{
      knopf.setAttribute("tabindex", "-1");
    }}
  }};
  window.ipdatenDokument = pflegen;
  pflegen();
  new MutationObserver(pflegen).observe(document.body, {{childList: true, subtree: true}});
  new MutationObserver(pflegen).observe(document.documentElement, {{attributes: true, attributeFilter: ["lang"]}});
}})();
</script>"""
)


def einrichten() -> None:
    """Put the script on the page (once per session it runs; on later runs the unchanged
    element is kept as it is)."""
    with st.container(key=SCHLUESSEL):
        st.html(SKRIPT, unsafe_allow_javascript=True)

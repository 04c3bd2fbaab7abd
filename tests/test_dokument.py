"""The hook of oberflaeche.dokument relies on Streamlit's page: fail loudly when an upgrade
changes what it relies on (the browser test tests/browser/test_browser_zugang.py checks the effect)."""

from __future__ import annotations

from pathlib import Path

import streamlit

from oberflaeche import dokument

STATIC = Path(streamlit.__file__).parent / "static"


def test_streamlit_liefert_noch_englisch_aus():
    """If Streamlit ever serves another language or a setting for it, use that instead of the script."""
    assert '<html lang="en">' in (STATIC / "index.html").read_text(encoding="utf-8")


def test_streamlit_zeichnet_diagramme_noch_so():
    """The names the script looks for are still in Streamlit's frontend: the chart element's test id
    and plotly's SVG class."""
    bundle = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in (STATIC / "static" / "js").glob("*.js"))
    assert "stPlotlyChart" in bundle and "main-svg" in bundle
    assert dokument.DIAGRAMM_SVG == '[data-testid="stPlotlyChart"] svg.main-svg'
    assert "stMetric" in bundle and "stTooltipHoverTarget" in bundle


def test_html_fuehrt_skripte_noch_aus():
    """st.html runs scripts only with unsafe_allow_javascript (Streamlit ≥ 1.5x); the frontend
    re-creates <script> elements so that the browser runs them."""
    import inspect

    assert "unsafe_allow_javascript" in inspect.signature(streamlit.html).parameters
    bundle = "".join(
        p.read_text(encoding="utf-8", errors="ignore") for p in (STATIC / "static" / "js").glob("Html.*.js")
    )
    assert "unsafeAllowJavascript" in bundle and "createElement(`script`)" in bundle


def test_skript_sieht_nicht_wie_markup_aus():
    """Streamlit sanitises st.html with DOMPurify, which drops a script whose text contains "<"
    before a letter, "/" or "!" (it looks like markup): the whole hook then silently does nothing."""
    import re

    innen = dokument.SKRIPT.removeprefix("<script>").removesuffix("</script>")
    assert re.findall(r"<[/\w!]", innen) == []
    assert "window.ipdatenSchmal" in innen  # the narrow chart layout is part of it

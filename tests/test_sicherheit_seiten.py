"""Issue 17 (2) with AppTest: every page, given a workbook whose texts are hostile, hands
Streamlit only escaped text — nothing Markdown, HTML or an autolink could act on, no bidi
control characters. The real browser check is tests/browser/test_browser_sicherheit.py."""

from __future__ import annotations

import re

import pytest

from oberflaeche import dokument
from oberflaeche.literal import literal, literal_tabelle
from tests.feindlich import BIDI, FANG, MAIL, MARKDOWN, URL, feindliche_mappe_bytes
from tests.seiten_hilfen import gelesen, starte

# Unescaped Markdown/HTML from the hostile texts, or an address GFM would turn into a link.
GEFAHR = re.compile(
    r"\*\*fett|(?<!\\)\[Link|(?<!\\)<(img|script|a )|(?<!\\)\$x|(?<!\\):red\[|"
    r"(?i:https?|www|ftp)\\?[:.]|[\w\\.]@|[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)
SEITEN = {
    "seiten/uebersicht.py": {},
    "seiten/handlungsfelder.py": {"feld": "2"},
    "seiten/einbuergerung.py": {},
    "seiten/haushalt.py": {},
    "seiten/fortschritt.py": {},
    "seiten/daten.py": {},
    "seiten/praesentation.py": {"folie": "1"},
}


def _gezeigte_texte(at) -> list[str]:
    """Everything a page hands to Streamlit's Markdown renderer (and st.html bodies)."""
    texte = []
    for gruppe in (at.title, at.header, at.subheader, at.markdown, at.caption, at.info, at.warning, at.error):
        texte += [str(e.value) for e in gruppe]
    texte += [str(e.value) for e in at.success]
    texte += [str(e.value) for e in at.sidebar.caption] + [str(e.value) for e in at.sidebar.warning]
    for metrik in at.metric:
        texte += [metrik.label, metrik.proto.help]
    texte += [e.label for e in at.expander]
    texte += [p.proto.label for p in at.get("page_link")]
    for tabelle in at.table:
        frame = tabelle.value
        texte += [str(v) for v in frame.to_numpy().ravel()] + [str(s) for s in frame.columns]
    return texte


def _html_bloecke(at) -> list[str]:
    return [e.proto.body for e in at.get("html")]


@pytest.mark.parametrize("seite", list(SEITEN))
def test_feindliche_texte_werden_auf_jeder_seite_woertlich_gezeigt(seite):
    at = starte(seite, mappe=feindliche_mappe_bytes(), query=SEITEN[seite])
    if seite.endswith("uebersicht.py"):
        at.session_state["diagrammdaten_uebersicht_status"] = True
        at.session_state["uebersicht_links"] = True
        at.run()
        assert len(at.table) == 1
    if seite.endswith("handlungsfelder.py"):
        at.selectbox(key="handlungsfelder_wortlaut").select_index(0).run()
    # Every chart's table of figures (read from the figure's labels) open, too.
    offen = [k for k in at.session_state._state.filtered_state if k.startswith("diagrammdaten_")]
    for schluessel in offen:
        at.session_state[schluessel] = True
    if offen:
        at.run()
        assert len(at.table) >= len(offen)
    assert not at.exception
    texte = _gezeigte_texte(at)
    gefaehrlich = [t for t in texte if GEFAHR.search(t)]
    assert gefaehrlich == []
    # The hostile text is still there, as the reader sees it (only escaped, not removed).
    gelesen_alles = "\n".join(gelesen(t) for t in texte + _html_bloecke(at))
    if seite.endswith(("uebersicht.py", "handlungsfelder.py")):
        assert "**fett** _kursiv_ $x^2$ :red[rot] [Link](http://evil.example/l)" in gelesen_alles
    for block in _html_bloecke(at):
        if block == dokument.SKRIPT:  # the app's own script (lang, charts' SVG), no workbook text
            continue
        assert not re.search(r"<(img|script|a)\b", block.split("</style>")[-1]), block[:200]


def test_literal_bricht_adressen_und_markdown():
    for text in (MARKDOWN, MAIL, URL, f"HTTPS://{FANG}", f"ftp://{FANG}", BIDI):
        assert not GEFAHR.search(literal(text)), text
    assert gelesen(literal(f"{URL} {MAIL}")) == f"{URL} {MAIL}"
    assert literal("Landkreis \u202eKRAP") == "Landkreis KRAP"


def test_literal_tabelle_escaped_zellen_und_koepfe():
    import pandas as pd

    frame = literal_tabelle(pd.DataFrame({"**Kopf**": [MARKDOWN, 3]}))
    assert list(frame.columns) == [literal("**Kopf**")]
    assert frame.iloc[0, 0] == literal(MARKDOWN) and frame.iloc[1, 0] == 3

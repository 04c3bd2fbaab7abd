"""The pages in real Chromium: charts drawn, German numbers visible, click-through from the
Übersicht, accessibility no worse than a bare Streamlit app. Screenshots go to the artefacts folder (tests/artefakte.py) ."""

from __future__ import annotations

import re

import pytest

from tests.browser.streamlit_browser import (
    AXE,
    axe_befunde,
    axe_befunde_leere_app,
    bildschirmfoto,
    oeffne,
    warte_auf_diagramme,
    warte_bis_fertig,
)

pytestmark = pytest.mark.browser

# page: (path, plotly charts, texts the user must see)
SEITEN = {
    "uebersicht": ("", 1, ["181", "32 %", "355.400 €", "1,54 %"]),
    "handlungsfelder": ("handlungsfelder?feld=6", 1, ["„Freude am Gestalten“", "27 von 27 Empfehlungen"]),
    "einbuergerung": ("einbuergerung", 1, ["1,54 %", "Mittel: 1,34 %", "+0,20 Pp.", "keine Angabe"]),
    "haushalt": ("haushalt", 2, ["355.400 €", "Summe der im Bericht aufgeführten Positionen", "90.000 € (25 %)"]),
}


def _text(seite) -> str:
    return seite.inner_text("body").replace("\xa0", " ")


@pytest.mark.parametrize("name", list(SEITEN))
def test_seite_zeigt_diagramme_und_deutsche_zahlen(seite, server_url, name):
    pfad, diagramme, erwartet = SEITEN[name]
    oeffne(seite, f"{server_url}/{pfad}", diagramme=diagramme)
    bildschirmfoto(seite, f"seite-{name}")
    assert seite.locator('[data-testid="stPlotlyChart"] svg.main-svg').count() >= 1
    text = _text(seite)
    for stueck in erwartet:
        assert stueck in text, stueck
    assert "Stand: 6. März 2017" in text
    assert "Traceback" not in text


def test_diagramm_beschriftungen_deutsch(seite, server_url):
    oeffne(seite, f"{server_url}/haushalt", diagramme=2)
    svg = " ".join(seite.locator('[data-testid="stPlotlyChart"] svg').all_text_contents()).replace("\xa0", " ")
    assert "90.000 € (25 %)" in svg
    assert re.search(r"\d{1,3}\.\d{3} €", svg)  # axis ticks with a thousands point


def _klicke_balken(seite, status_index: int, feld_index: int) -> None:
    balken = seite.locator('[data-testid="stPlotlyChart"] g.trace.bars').nth(status_index).locator("g.point")
    punkt = balken.nth(feld_index)
    punkt.scroll_into_view_if_needed()
    box = punkt.bounding_box()
    seite.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _auf_adresse(seite, muster: str) -> None:
    """Wait until location.href matches the regex `muster` (page switches use pushState)."""
    seite.wait_for_function("(m) => new RegExp(m).test(location.href)", arg=muster)
    warte_bis_fertig(seite)


def test_klick_auf_feld_oeffnet_handlungsfeld(seite, server_url):
    oeffne(seite, server_url, diagramme=1)
    punkt = seite.locator('[data-testid="stPlotlyChart"] g.trace.bars').nth(3).locator("g.point").nth(5)
    punkt.scroll_into_view_if_needed()
    box = punkt.bounding_box()
    seite.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    schwebe = seite.locator("g.hoverlayer g.hovertext")
    schwebe.first.wait_for()
    assert "nicht umgesetzt: 17 von 27 Empfehlungen (63 %)" in schwebe.first.text_content().replace("\xa0", " ")
    _klicke_balken(seite, 3, 5)  # "nicht umgesetzt" of field 6: the segment labelled 17
    _auf_adresse(seite, r"/handlungsfelder\?feld=6$")
    seite.get_by_text("Freude am Gestalten").first.wait_for()
    warte_auf_diagramme(seite)
    bildschirmfoto(seite, "klick-feld-6")
    text = _text(seite)
    assert "6 Gesellschaft" in text
    assert "27 von 27 Empfehlungen" in text

    # Back to the Übersicht: the old click does not send us away again; another field works.
    seite.locator('[data-testid="stSidebarNav"] a', has_text="Übersicht").click()
    _auf_adresse(seite, r"/$")
    warte_auf_diagramme(seite)
    assert seite.locator("h1", has_text="Übersicht").count() == 1
    _klicke_balken(seite, 0, 1)  # "umgesetzt" of field 2
    _auf_adresse(seite, r"/handlungsfelder\?feld=2$")
    seite.get_by_text("Wohnen und Wohlfühlen").first.wait_for()
    assert seite.locator("h2", has_text="2 Wohnen").count() == 1


def test_barrierefreiheit_nicht_schlechter_als_leere_app(seite, server_url, tmp_path):
    """axe-core (serious/critical, WCAG 2.1 A/AA) finds no rule on any page that it does not
    already find on a bare Streamlit app measured in the same run."""
    if not AXE.exists():
        pytest.skip("axe-core fehlt: `npm ci` im Projektordner ausführen (scripts/test tut das)")
    boden = axe_befunde_leere_app(seite, tmp_path)
    neu = {}

    def pruefe(name: str) -> None:
        for regel, knoten in axe_befunde(seite).items():
            if regel not in boden:
                neu.setdefault(regel, []).append((name, knoten[:3]))

    for name, (pfad, diagramme, _) in SEITEN.items():
        oeffne(seite, f"{server_url}/{pfad}", diagramme=diagramme)
        pruefe(name)
    # The Übersicht's table and links come only once their expander is opened.
    oeffne(seite, server_url, diagramme=1)
    seite.get_by_text("Daten zum Diagramm").click()
    seite.locator('[data-testid="stTable"]').wait_for()
    warte_bis_fertig(seite)
    seite.get_by_text("Links zu den Handlungsfeldern").click()
    seite.locator('[data-testid="stPageLink"]').first.wait_for()
    warte_bis_fertig(seite)
    pruefe("uebersicht mit Tabelle")
    assert neu == {}, f"leere App: {sorted(boden)}"


def test_umschalten_auf_anzahlen_und_alle_handlungsfelder(seite, server_url):
    oeffne(seite, server_url, diagramme=1)
    seite.get_by_text("Anzahl", exact=True).click()
    seite.locator("g.g-xtitle", has_text="Anzahl der Empfehlungen").wait_for()
    warte_bis_fertig(seite)
    bildschirmfoto(seite, "uebersicht-anzahl")
    ticks = seite.locator("g.xaxislayer-above text").all_text_contents()
    assert "%" not in " ".join(ticks)

    oeffne(seite, f"{server_url}/handlungsfelder", diagramme=0)
    # The data grid's code loads lazily after the run: wait for it, then count.
    seite.locator('[data-testid="stDataFrame"]').first.wait_for()
    bildschirmfoto(seite, "handlungsfelder-alle")
    text = _text(seite)
    assert "181 von 181 Empfehlungen" in text
    assert seite.locator('[data-testid="stDataFrame"]').count() == 1


def _tab_bis(seite, text: str, hoechstens: int = 80) -> None:
    """Press Tab until a focused control (link, button, summary …) shows `text`."""
    for _ in range(hoechstens):
        seite.keyboard.press("Tab")
        fokus = seite.evaluate(
            "() => { const e = document.activeElement; return e ? (e.innerText || '').trim().slice(0, 300) : ''; }"
        )
        if text in fokus and len(fokus) < 120:
            return
    raise AssertionError(f"„{text}“ ist mit der Tastatur nicht erreichbar")


def test_handlungsfeld_per_tastatur_erreichbar(seite, server_url):
    oeffne(seite, server_url, diagramme=1)
    _tab_bis(seite, "Links zu den Handlungsfeldern")
    seite.keyboard.press("Enter")  # opens the expander; its table and links come with a rerun
    seite.locator('[data-testid="stPageLink"]', has_text="6 Gesellschaft").wait_for()
    _tab_bis(seite, "6 Gesellschaft")
    seite.keyboard.press("Enter")
    _auf_adresse(seite, r"/handlungsfelder\?feld=6$")
    seite.get_by_text("Freude am Gestalten").first.wait_for()
    assert "27 von 27 Empfehlungen" in _text(seite)


def test_deutsche_zahlen_auch_in_englischem_browser(browser, server_url):
    """Numbers are formatted on the server and by plotly's separators, not by the browser locale."""
    kontext = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000})
    try:
        seite = kontext.new_page()
        oeffne(seite, server_url, diagramme=1)
        text = _text(seite)
        assert "355.400 €" in text and "1,54 %" in text
        oeffne(seite, f"{server_url}/haushalt", diagramme=2)
        ticks = " ".join(seite.locator("g.xaxislayer-above text").all_text_contents()).replace("\xa0", " ")
        assert "20.000 €" in ticks and "20,000" not in ticks
        bildschirmfoto(seite, "haushalt-en-US")
    finally:
        kontext.close()

"""Every page with the keyboard alone (1280×720): the skip link, the navigation, the field chooser,
the data under a chart with its CSV download and the presentation's next/previous/first/last –
reached with Tab and operated with Enter, Space and the arrow keys, each with a focus that can be
seen. The metrics' help icons are not in the tab order before the content (their texts are in
„Erläuterungen zu den Kennzahlen“, one stop after the metrics)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oberflaeche.dokument import METRIK_HILFE
from tests.browser.streamlit_browser import neuer_kontext, oeffne, warte_auf_diagramme, warte_bis_fertig

pytestmark = pytest.mark.browser

# What has the focus, as the test reads it: text or name, role, where it sits, whether it is seen.
FOKUS = """(metrikhilfe) => {
    const e = document.activeElement;
    // A ring (outline or shadow) on the element or on a box around it within its page element.
    const kette = [];
    for (let el = e; el && el.getAttribute('data-testid') !== 'stElementContainer'; el = el.parentElement) kette.push(el);
    const ring = kette.some(el => {
        const stil = getComputedStyle(el);
        return stil.outlineStyle !== 'none' && parseFloat(stil.outlineWidth) > 0 || stil.boxShadow !== 'none';
    });
    return {
        text: ((e.getAttribute('aria-label') || '') + ' ' + (e.innerText || '')).replace(/\\s+/g, ' ').trim(),
        rolle: e.getAttribute('role') || e.tagName.toLowerCase(),
        testid: e.closest('[data-testid]')?.getAttribute('data-testid') || '',
        im_inhalt: Boolean(e.closest('[data-testid="stMain"]')),
        metrikhilfe: e.matches(metrikhilfe),
        sichtbar: ring,
    };
}"""


@pytest.fixture
def tastatur(browser):
    kontext, seite = neuer_kontext(browser, viewport={"width": 1280, "height": 720})
    yield seite
    kontext.close()


def fokus(seite) -> dict:
    return seite.evaluate(FOKUS, METRIK_HILFE)


def tab_bis(seite, passt, *, hoechstens: int = 40, rueckwaerts: bool = False) -> list[dict]:
    """Press Tab (or Shift+Tab) until the focused element fulfils `passt`; the stops on the way,
    the last one the element found. Fails after `hoechstens` presses."""
    wege = []
    for _ in range(hoechstens):
        seite.keyboard.press("Shift+Tab" if rueckwaerts else "Tab")
        wege.append(fokus(seite))
        if passt(wege[-1]):
            assert wege[-1]["sichtbar"], f"Fokus nicht sichtbar: {wege[-1]}"
            return wege
    pytest.fail(f"nach {hoechstens}× Tab nicht erreicht; zuletzt: {[w['text'][:40] for w in wege[-8:]]}")


def test_sprunglink_navigation_und_inhalt_vor_den_hilfen(tastatur, server_url):
    seite = tastatur
    oeffne(seite, server_url, diagramme=1)
    tab_bis(seite, lambda f: f["testid"] == "stSkipToContent", hoechstens=1)
    seite.keyboard.press("Enter")
    # From the skip link to the chart's own switch: the page's details and the metrics' explanations
    # are one stop each, no help icon of a metric is on the way.
    wege = tab_bis(seite, lambda f: f["testid"].startswith("stRadio"), hoechstens=8)
    assert not [w for w in wege if w["metrikhilfe"]], wege
    assert all(w["im_inhalt"] for w in wege), wege
    assert any("Erläuterungen zu den Kennzahlen" in w["text"] for w in wege), wege
    # The explanations open with Enter and hold the metrics' help texts.
    oeffne(seite, server_url, diagramme=1)
    tab_bis(seite, lambda f: f["rolle"] == "summary" and "Erläuterungen zu den Kennzahlen" in f["text"])
    seite.keyboard.press("Enter")
    seite.get_by_text("Summe der im Bericht aufgeführten Positionen").first.wait_for()

    # The navigation: to Handlungsfelder and Enter.
    oeffne(seite, server_url, diagramme=1)
    tab_bis(seite, lambda f: f["testid"] == "stSidebarNavLink" and f["text"].endswith("Handlungsfelder"))
    seite.keyboard.press("Enter")
    seite.wait_for_url(re.compile(r"/handlungsfelder"))
    seite.locator("h1", has_text="Handlungsfelder").wait_for()


def test_handlungsfeld_mit_tastatur_waehlen(tastatur, server_url):
    seite = tastatur
    oeffne(seite, f"{server_url}/handlungsfelder")

    def feldwahl(f):
        return f["rolle"] == "combobox" and "Handlungsfeld" in f["text"]

    tab_bis(seite, feldwahl)
    seite.keyboard.type("Gesellschaft")
    seite.get_by_role("option", name=re.compile("Gesellschaft")).wait_for()
    seite.keyboard.press("Enter")
    seite.wait_for_url(re.compile(r"feld=6"))
    warte_bis_fertig(seite)
    seite.locator("h2", has_text="6 Gesellschaft").wait_for()
    # With the arrow keys to the next field (the focus stays on the chooser through the rerun).
    if not feldwahl(fokus(seite)):
        tab_bis(seite, feldwahl, hoechstens=60)
    seite.keyboard.press("ArrowDown")  # opens the list on the next field
    seite.get_by_role("option").first.wait_for()
    seite.keyboard.press("Enter")
    seite.wait_for_url(re.compile(r"feld=7"))
    seite.locator("h2", has_text="7 Religion").wait_for()


def test_daten_zum_diagramm_und_csv_mit_tastatur(tastatur, server_url):
    seite = tastatur
    oeffne(seite, server_url, diagramme=1)
    tab_bis(seite, lambda f: f["rolle"] == "summary" and "Daten zum Diagramm" in f["text"])
    seite.keyboard.press("Space")
    warte_bis_fertig(seite)
    seite.locator('[data-testid="stExpander"]', has_text="Daten zum Diagramm").locator("table").wait_for()
    tab_bis(seite, lambda f: f["rolle"] == "button" and "Als CSV herunterladen" in f["text"], hoechstens=10)
    with seite.expect_download() as download:
        seite.keyboard.press("Enter")
    datei = download.value
    assert datei.suggested_filename.endswith(".csv")
    text = Path(datei.path()).read_text(encoding="utf-8-sig")
    assert "Quelle" in text and "Lizenz" in text and "Gesellschaft" in text


def _folie(seite) -> int:
    seite.wait_for_function("() => /^\\s*\\d+ \\//.test(document.querySelector('.folie-nummer')?.textContent || '')")
    return int(seite.locator(".folie-nummer").inner_text().split("/")[0])


def _warte_auf_folie(seite, nummer: int) -> None:
    seite.wait_for_function(
        "(n) => (document.querySelector('.folie-nummer')?.textContent || '').trim().startsWith(n + ' /')", arg=nummer
    )
    warte_bis_fertig(seite)


def test_praesentation_mit_tastatur(tastatur, server_url):
    seite = tastatur
    oeffne(seite, f"{server_url}/praesentation")
    warte_auf_diagramme(seite, 0)
    assert _folie(seite) == 1
    anzahl = int(seite.locator(".folie-nummer").inner_text().split("/")[1])
    tab_bis(seite, lambda f: f["rolle"] == "button" and "Weiter" in f["text"])
    seite.keyboard.press("Enter")
    _warte_auf_folie(seite, 2)
    tab_bis(seite, lambda f: f["rolle"] == "button" and "Zurück" in f["text"], rueckwaerts=True)
    seite.keyboard.press("Space")
    _warte_auf_folie(seite, 1)
    # The keys a presenter uses.
    seite.keyboard.press("ArrowRight")
    _warte_auf_folie(seite, 2)
    seite.keyboard.press("End")
    _warte_auf_folie(seite, anzahl)
    seite.keyboard.press("Home")
    _warte_auf_folie(seite, 1)


def test_jede_seite_ganz_mit_tab_durchlaufen(tastatur, server_url):
    """On every page of the navigation, Tab goes through everything and back to the start (no
    trap), each stop's focus can be seen, and no metric help icon is a stop."""
    seite = tastatur
    oeffne(seite, server_url, diagramme=1)
    pfade = seite.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stSidebarNavLink\"]')].map(a => new URL(a.href).pathname)"
    )
    befunde = []
    for pfad in pfade:
        oeffne(seite, server_url + pfad)
        warte_auf_diagramme(seite, 0)
        stopps = []
        for _ in range(200):
            seite.keyboard.press("Tab")
            stopps.append(fokus(seite))
            if stopps[-1]["testid"] == "stSkipToContent" and len(stopps) > 1:
                break
        else:
            befunde.append(f"{pfad}: nach 200× Tab nicht zurück am Anfang: {[s['text'][:30] for s in stopps[-5:]]}")
        for stopp in stopps:
            if stopp["metrikhilfe"]:
                befunde.append(f"{pfad}: Hilfe einer Kennzahl in der Tab-Folge: {stopp['text'][:50]}")
            elif not stopp["sichtbar"] and stopp["rolle"] not in ("main", "body"):
                befunde.append(
                    f"{pfad}: Fokus nicht sichtbar: {stopp['rolle']} {stopp['testid']} „{stopp['text'][:40]}“"
                )
    assert befunde == [], "\n".join(befunde)

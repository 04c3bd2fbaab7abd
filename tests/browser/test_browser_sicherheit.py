"""Issue 17 in real Chromium: a published workbook whose texts are hostile (Markdown, HTML,
links, a tracking image, LaTeX, bidi controls) shows them as typed on every page: no link,
no image, no formatting from workbook text, and the browser requests nothing from anywhere
but the dashboard's own server."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe.laden import lade_anlage
from tests.arbeitsmappen import STANDARD_PFAD
from tests.browser.streamlit_browser import WURZEL, bildschirmfoto, oeffne, streamlit_server, warte_bis_fertig
from tests.feindlich import FANG, MARKDOWN, feindliche_mappe_bytes

pytestmark = pytest.mark.browser

SEITEN = ["", "handlungsfelder", "handlungsfelder?feld=2", "einbuergerung", "haushalt", "fortschritt", "daten"]
SEITEN += ["praesentation?folie=" + str(n) for n in range(1, 13)]


@pytest.fixture(scope="module")
def feindlicher_server(tmp_path_factory):
    """The dashboard whose newest Stand is the hostile workbook."""
    ordner = tmp_path_factory.mktemp("ablage_feindlich")
    daten = feindliche_mappe_bytes()
    Ablage(ordner, STANDARD_PFAD).veroeffentliche(
        daten, stand=dt.date(2017, 9, 30), bezeichnung=MARKDOWN, dateiname=f"{MARKDOWN}.xlsx", anlage=lade_anlage(daten)
    )
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ordner)}) as url:
        yield url


def _markup_aus_arbeitsmappe(seite) -> list[str]:
    """Elements that workbook text could have produced: links or images pointing to the trap
    host, rendered Markdown from the hostile text (bold 'fett', LaTeX, coloured text), scripts."""
    return seite.evaluate(
        """(fang) => {
            const funde = [];
            for (const el of document.querySelectorAll('a[href], img[src], iframe, script[src], source, video, audio')) {
                const ziel = el.getAttribute('href') || el.getAttribute('src') || '';
                if (ziel.includes(fang) || ziel.startsWith('mailto:')) funde.push(el.outerHTML.slice(0, 160));
            }
            for (const el of document.querySelectorAll('strong, b, em, i')) {
                if (['fett', 'kursiv', 'x', 'klick'].includes(el.textContent.trim())) funde.push(el.outerHTML.slice(0, 160));
            }
            for (const el of document.querySelectorAll('.katex, .katex-display')) funde.push('LaTeX: ' + el.textContent.slice(0, 40));
            for (const el of document.querySelectorAll('span[style*="color"]')) {
                if (el.textContent.trim() === 'rot') funde.push(el.outerHTML.slice(0, 160));
            }
            for (const el of document.querySelectorAll('svg a')) funde.push('plotly-Link: ' + el.outerHTML.slice(0, 160));
            return funde;
        }""",
        FANG,
    )


def test_kein_markup_und_keine_fremde_anfrage_auf_allen_seiten(browser, feindlicher_server):
    url = feindlicher_server
    eigener_host = urlsplit(url).netloc
    kontext = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    fremde: list[str] = []

    def _anfrage(route):
        ziel = route.request.url
        if urlsplit(ziel).netloc != eigener_host and not ziel.startswith(("data:", "blob:")):
            fremde.append(ziel)
            route.abort()
        else:
            route.continue_()

    kontext.route("**/*", _anfrage)
    seite = kontext.new_page()
    seite.set_default_timeout(30_000)
    funde = {}
    for pfad in SEITEN:
        oeffne(seite, f"{url}/{pfad}")
        seite.wait_for_timeout(300)
        if pfad == "":
            seite.get_by_text("Tabelle zum Diagramm und Links zu den Handlungsfeldern").click()
            seite.wait_for_selector('[data-testid="stTable"]')
            warte_bis_fertig(seite)
        if pfad.startswith("handlungsfelder?feld"):
            seite.locator(".st-key-handlungsfelder_wortlaut input").click()
            seite.get_by_role("option").first.click()
            seite.wait_for_function("() => document.body.innerText.includes('Bemerkung:')")
            warte_bis_fertig(seite)
        gefunden = _markup_aus_arbeitsmappe(seite)
        if "\u202e" in seite.inner_text("body"):
            gefunden.append("Steuerzeichen U+202E (Schreibrichtung) im Text")
        if gefunden:
            funde[pfad or "/"] = gefunden
        if pfad in ("", "handlungsfelder?feld=2"):
            bildschirmfoto(seite, f"sicherheit-{pfad.split('?')[0] or 'uebersicht'}")
    kontext.close()
    assert funde == {}
    assert fremde == []

"""Issue 17 in real Chromium: a published workbook whose texts are hostile (Markdown, HTML,
links, a tracking image, LaTeX, bidi controls) shows them as typed on every page: no link,
no image, no formatting from workbook text, and the browser requests nothing from anywhere
but the dashboard's own server."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe.laden import lade_anlage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import WURZEL, bildschirmfoto, oeffne, streamlit_server, warte_bis_fertig
from tests.feindlich import FANG, MARKDOWN, feindliche_mappe_bytes

pytestmark = pytest.mark.browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ordner), "IPDATEN_PASSWORT": "x"}) as url:
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


def _erste_option_waehlen(seite, eingabe: str, versuche: int = 3) -> None:
    """Open a selectbox and click its first option. A rerun that arrives in the same moment (the
    Stand poll every 3 s) can close the list again before it shows: then open it once more."""
    for versuch in range(versuche):
        seite.locator(eingabe).click()
        try:
            seite.get_by_role("option").first.click(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            if versuch == versuche - 1:
                raise
            seite.keyboard.press("Escape")
            warte_bis_fertig(seite)


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
            seite.get_by_text("Daten zum Diagramm").click()
            seite.wait_for_selector('[data-testid="stTable"]')
            warte_bis_fertig(seite)
            seite.get_by_text("Links zu den Handlungsfeldern").click()
            seite.wait_for_selector('[data-testid="stPageLink"]')
            warte_bis_fertig(seite)
        if pfad.startswith("handlungsfelder?feld"):
            _erste_option_waehlen(seite, ".st-key-handlungsfelder_wortlaut input")
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


def _hochladen(seite, url: str, daten: bytes, name: str) -> None:
    oeffne(seite, f"{url}/daten")
    seite.locator('.st-key-anlage_upload input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": daten}]
    )
    seite.get_by_text("ist gültig").wait_for()
    warte_bis_fertig(seite)


def test_erzeugtes_passwort_mit_tab_und_enter(browser, tmp_path):
    """No password configured: the server prints one to its terminal; name and password typed,
    then Tab and a click unlock editing, a wrong one does not; the form of the new Stand is sent
    with a click or with Enter."""
    log = tmp_path / "server.log"
    umgebung = {"IPDATEN_ABLAGE": str(tmp_path / "ablage"), "IPDATEN_PASSWORT": ""}
    with streamlit_server(WURZEL / "app.py", umgebung, log=log) as url:
        kontext = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
        seite = kontext.new_page()
        seite.set_default_timeout(30_000)
        try:
            _hochladen(seite, url, ueberarbeitete_standard_bytes(bezeichnung="Mit Tab"), "tab.xlsx")
            treffer = re.search(r"Passwort zum Veröffentlichen: (\S+)", log.read_text(encoding="utf-8"))
            assert treffer, log.read_text(encoding="utf-8")[-2000:]
            passwort = treffer.group(1)
            assert "kein festes Passwort eingerichtet" in seite.inner_text("body")

            name = seite.locator(".st-key-redakteur_name input")
            name.click()
            name.press_sequentially("Maria Muster")
            name.press("Tab")  # from the name to the password, as people type
            feld = seite.locator(".st-key-redakteur_passwort input")
            feld.press_sequentially("falsch")
            feld.press("Enter")
            seite.get_by_text("Das Passwort stimmt nicht").wait_for()
            warte_bis_fertig(seite)

            feld.fill("")
            feld.press_sequentially(passwort)
            feld.press("Tab")  # the way people leave a field before they click
            seite.locator(".st-key-redakteur_anmelden button").click()
            kommentar = seite.locator("[class*='st-key-stand_kommentar_'] input")
            kommentar.click()
            kommentar.press_sequentially("mit Tab und Klick")
            kommentar.press("Tab")
            seite.locator(".st-key-veroeffentlichen button").click()
            seite.get_by_text("Veröffentlicht als").wait_for()
            warte_bis_fertig(seite)

            # A reload is a new session: the gate asks again; this time both forms are sent with Enter.
            _hochladen(seite, url, ueberarbeitete_standard_bytes(bezeichnung="Mit Enter"), "enter.xlsx")
            seite.locator(".st-key-redakteur_name input").fill("Maria Muster")
            feld = seite.locator(".st-key-redakteur_passwort input")
            feld.click()
            feld.press_sequentially(passwort)
            feld.press("Enter")
            kommentar = seite.locator("[class*='st-key-stand_kommentar_'] input")
            kommentar.click()
            kommentar.press_sequentially("mit Enter")
            kommentar.press("Enter")
            seite.get_by_text("Veröffentlicht als").wait_for()
            bildschirmfoto(seite, "sicherheit-veroeffentlicht-mit-enter")
        finally:
            kontext.close()
    protokoll = log.read_text(encoding="utf-8")
    staende = Ablage(tmp_path / "ablage", STANDARD_PFAD).staende()[1:]
    assert [(s.bezeichnung, s.von.name, s.kommentar) for s in staende] == [
        ("Mit Tab", "Maria Muster", "mit Tab und Klick"),
        ("Mit Enter", "Maria Muster", "mit Enter"),
    ]
    assert protokoll.count("falsches Passwort") == 1 and "falsch\n" not in protokoll
    assert protokoll.count("Veröffentlicht: Stand Nr.") == 2
    assert protokoll.count(passwort) == 1  # only where the server announced it

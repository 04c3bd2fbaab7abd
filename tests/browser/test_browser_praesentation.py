"""The presentation in real Chromium: walked through with the keyboard alone (ArrowRight and
PageDown, as presenters' clickers send), "N / M" advancing, every slide fitting 1920×1080 and
1280×720 without scrolling and without running under the navigation bar. A screenshot of each
slide goes to the artefacts folder (tests/artefakte.py) praesentation-<breite>-<nr>.png (looked at by hand).

The server here has its own store with two Stände (the default workbook and a revision with a
ninth field), so every kind of slide is shown, the progress slide included."""

from __future__ import annotations

import re

import pytest

from ipdaten import lade_anlage
from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import (
    ARTEFAKTE,
    AXE,
    WURZEL,
    axe_befunde,
    axe_befunde_leere_app,
    streamlit_server,
    warte_auf_diagramme,
    warte_bis_fertig,
)

pytestmark = pytest.mark.browser

GROESSEN = [(1920, 1080), (1280, 720)]
STAND = "Stand: 30. September 2017"


@pytest.fixture(scope="module")
def zwei_staende_url(tmp_path_factory):
    """The dashboard with a store of two Stände: default (6 March) and a revision (30 September)."""
    ordner = tmp_path_factory.mktemp("ablage_praesentation")
    Ablage(ordner, STANDARD_PFAD).veroeffentliche(ueberarbeitete_standard_bytes(), dateiname="herbst.xlsx")
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ordner)}) as url:
        yield url


# Slides without a chart (title, milestones); all others draw one.
OHNE_DIAGRAMM = ("Der Weg nach vorn",)


def _erwartete_folienzahl() -> int:
    """How many slides the domain makes of the revised Stand, compared with the default one and
    with the history of both – what the page must show."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
    from ipdaten.praesentation.folien import praesentation
    from ipdaten.zahlen.verlauf import StandKopf, abriss, verlauf

    alt, neu = lade_anlage(STANDARD_PFAD), lade_anlage(ueberarbeitete_standard_bytes())
    abrisse = [abriss(StandKopf(nr, a.stand, a.titel), a) for nr, a in ((1, alt), (2, neu))]
    geschichte = VerlaufAuswertung(verlauf(abrisse), neu.feldnamen)
    return len(praesentation(Auswertung(neu), vorher=Auswertung(alt), verlauf=geschichte))


def _zaehler(seite) -> tuple[int, int]:
    text = seite.locator(".folie-nummer").inner_text()
    treffer = re.fullmatch(r"\s*(\d+) / (\d+)\s*", text)
    assert treffer, text
    return int(treffer.group(1)), int(treffer.group(2))


def _warte_auf_folie(seite, nummer: int) -> None:
    seite.wait_for_function(
        "(n) => { const el = document.querySelector('.folie-nummer'); return el && el.textContent.trim().startsWith(n + ' /'); }",
        arg=nummer,
    )
    warte_bis_fertig(seite)


def _erste_folie(browser, url: str, breite: int, hoehe: int):
    """A new German browser context of this size with the presentation's first slide shown."""
    kontext = browser.new_context(locale="de-DE", viewport={"width": breite, "height": hoehe})
    seite = kontext.new_page()
    seite.set_default_timeout(30_000)
    seite.goto(f"{url}/praesentation?embed=true")
    _warte_auf_folie(seite, 1)
    return kontext, seite


def _passt(seite) -> dict:
    """What must hold for a slide to fit: nothing scrolls, no content under the bottom bar."""
    return seite.evaluate(
        """() => {
            const haupt = document.querySelector('[data-testid="stMain"]');
            const leiste = document.querySelector('.st-key-folie_leiste').getBoundingClientRect();
            const inhalt = [...document.querySelectorAll('[data-testid="stMain"] .stElementContainer')]
                .filter(el => !el.closest('.st-key-folie_leiste') && el.getBoundingClientRect().height > 0);
            const unten = Math.max(...inhalt.map(el => el.getBoundingClientRect().bottom));
            return {
                seite: document.scrollingElement.scrollHeight, fenster: innerHeight,
                haupt: haupt.scrollHeight, haupt_sichtbar: haupt.clientHeight,
                inhalt_unten: unten, leiste_oben: leiste.top,
            };
        }"""
    )


@pytest.mark.parametrize(("breite", "hoehe"), GROESSEN)
def test_praesentation_mit_tastatur_durchgehen(browser, zwei_staende_url, breite, hoehe):
    kontext, seite = _erste_folie(browser, zwei_staende_url, breite, hoehe)
    try:
        nummer, anzahl = _zaehler(seite)
        assert nummer == 1
        assert anzahl >= 8
        assert seite.locator('[data-testid="stSidebar"]').is_hidden()
        titel = []
        for nummer in range(1, anzahl + 1):
            if nummer > 1:
                # The keyboard only: ArrowRight and PageDown alternately (clicker keys).
                seite.keyboard.press("ArrowRight" if nummer % 2 else "PageDown")
                _warte_auf_folie(seite, nummer)
            assert _zaehler(seite) == (nummer, anzahl)
            assert f"folie={nummer}" in seite.url
            ueberschrift = seite.locator(".folie-titel").first.inner_text()
            titel.append(ueberschrift)
            if nummer > 1 and ueberschrift not in OHNE_DIAGRAMM:
                warte_auf_diagramme(seite, 1)
            seite.wait_for_timeout(300)  # let plotly finish its resize before the picture; not an assertion
            ARTEFAKTE.mkdir(parents=True, exist_ok=True)
            seite.screenshot(path=str(ARTEFAKTE / f"praesentation-{breite}-{nummer:02d}.png"))
            masse = _passt(seite)
            assert masse["seite"] <= masse["fenster"], (nummer, masse)
            assert masse["haupt"] <= masse["haupt_sichtbar"] + 1, (nummer, masse)
            assert masse["inhalt_unten"] <= masse["leiste_oben"] + 1, (nummer, ueberschrift, masse)
            text = seite.inner_text("body").replace("\xa0", " ")
            assert STAND in text
            assert "Traceback" not in text
        # At the end, ArrowLeft and PageUp go back.
        seite.keyboard.press("ArrowLeft")
        _warte_auf_folie(seite, anzahl - 1)
        seite.keyboard.press("PageUp")
        _warte_auf_folie(seite, anzahl - 2)
        # The slides of the Stand compared with the one before, with the Verlauf over the two.
        assert anzahl == _erwartete_folienzahl()
        assert titel[0] == "Fortschreibung Herbst 2017"
        assert "Gesamtbilanz" in titel
        assert "Handlungsfeld 9: Flüchtlingsperspektive" in titel
        assert "Empfehlungen mit Bezug zu Geflüchteten" in titel
        assert "Fortschritt seit 6. März 2017" in titel
        assert titel[-1] == "Der Weg nach vorn"
    finally:
        kontext.close()


def test_deep_link_und_download(seite, zwei_staende_url):
    seite.goto(f"{zwei_staende_url}/praesentation?folie=3")
    _warte_auf_folie(seite, 3)
    assert seite.locator(".folie-titel").first.inner_text() == "Stand der Umsetzung je Handlungsfeld"
    with seite.expect_download() as laden:
        seite.locator(".st-key-pptx_export").get_by_role("button", name="PowerPoint").click()
    download = laden.value
    assert download.suggested_filename == "Integrationsplan_Praesentation_Stand_2017-09-30.pptx"
    pfad = download.path()
    from pptx import Presentation

    assert len(Presentation(str(pfad)).slides) == _zaehler(seite)[1]
    with seite.expect_download() as laden:
        seite.locator(".st-key-excel_export").get_by_role("button", name="Excel").click()
    assert laden.value.suggested_filename == "Integrationsplan_Kennzahlen_Stand_2017-09-30.xlsx"


def test_barrierefreiheit_der_folien(seite, zwei_staende_url, tmp_path):
    """axe-core (serious/critical, WCAG 2.1 A/AA) finds nothing on the slides that a bare
    Streamlit app does not already show."""
    if not AXE.exists():
        pytest.skip("axe-core fehlt: `npm ci` im Projektordner ausführen (scripts/test tut das)")
    boden = axe_befunde_leere_app(seite, tmp_path)
    neu = {}
    for nummer in (1, 2, 3, 12, 15, 16):
        seite.goto(f"{zwei_staende_url}/praesentation?folie={nummer}")
        _warte_auf_folie(seite, nummer)
        for regel, knoten in axe_befunde(seite).items():
            if regel not in boden:
                neu.setdefault(regel, []).append((nummer, knoten[:3]))
    assert neu == {}, f"leere App: {sorted(boden)}"


def test_sitzungsvorlage_herunterladen(seite, zwei_staende_url):
    """The Word report from the Präsentation page: built on click, for the shown Stand and
    compared with the previous one; the button fits the bar at 1280×720."""
    from docx import Document

    seite.set_viewport_size({"width": 1280, "height": 720})
    seite.goto(f"{zwei_staende_url}/praesentation?folie=1")
    _warte_auf_folie(seite, 1)
    knopf = seite.locator(".st-key-sitzungsvorlage_export").get_by_role("button", name="Sitzungsvorlage (Word)")
    box = knopf.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 720
    seite.screenshot(path=str(ARTEFAKTE / "praesentation-sitzungsvorlage-knopf.png"))
    with seite.expect_download(timeout=60_000) as laden:
        knopf.click()
    download = laden.value
    assert download.suggested_filename == "Sitzungsvorlage_Integrationsplan_Stand_2017-09-30.docx"
    doc = Document(str(download.path()))
    texte = [p.text.replace("\xa0", " ") for p in doc.paragraphs]
    assert any(t.startswith("Gegenüber dem Stand vom 6. März 2017") for t in texte)
    assert any("Handlungsfeld 9. Flüchtlingsperspektive" in t for t in texte)
    assert doc.tables[0].cell(0, 1).text == "27. November 2017"
    assert len(doc.tables[-1].rows) == 1 + 183  # Anlage 1: header and every recommendation


@pytest.mark.parametrize(("breite", "hoehe"), [(1280, 800), (1280, 1024)])
def test_leiste_an_beamern_mit_anderem_seitenverhaeltnis(browser, zwei_staende_url, breite, hoehe):
    """16:10 and 5:4 projectors: the bar's texts grew with the height alone and were cut to
    „Zu…“, „W…“, „PowerP…“ at 1280×900."""
    kontext, seite = _erste_folie(browser, zwei_staende_url, breite, hoehe)
    try:
        # the bar's own button (a hidden one for the slide's picture has the same name)
        seite.locator(".st-key-folie_leiste").get_by_role("button", name="Weiter").wait_for(state="visible")
        abgeschnitten = seite.evaluate(
            """() => [...document.querySelectorAll('.st-key-folie_leiste p, .st-key-folie_leiste button')]
                .filter(el => el.scrollWidth > el.clientWidth + 1).map(el => el.innerText)"""
        )
        assert abgeschnitten == []
    finally:
        kontext.close()

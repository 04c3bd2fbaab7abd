"""Issue 15 in real Chromium: nothing loads from outside the server on any page, the chart
toolbar speaks German, the Übersicht reads on a projector (1280×720, then 1920×1080) and the
upload findings show their full text at 1280 and 390 px."""

from __future__ import annotations

import pytest

from ipdaten.arbeitsmappe import AnlageUngueltig, lade_anlage
from tests.arbeitsmappen import empfehlung, mappe_bytes
from tests.browser.streamlit_browser import bildschirmfoto, oeffne, warte_auf_diagramme, warte_bis_fertig

pytestmark = pytest.mark.browser

# Every page, with the charts it draws (0: none or drawn lazily).
SEITEN = {
    "": 1,
    "handlungsfelder": 0,
    "handlungsfelder?feld=6": 1,
    "einbuergerung": 1,
    "haushalt": 2,
    "fortschritt": 0,
    "daten": 0,
    "praesentation": 0,
    "praesentation?folie=3": 1,
}


def test_keine_anfrage_verlaesst_den_server(browser, server_url):
    kontext = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    anfragen: list[str] = []
    kontext.on("request", lambda anfrage: anfragen.append(anfrage.url))
    seite = kontext.new_page()
    try:
        for pfad, diagramme in SEITEN.items():
            oeffne(seite, f"{server_url}/{pfad}", diagramme=diagramme, timeout_ms=60_000)
            seite.wait_for_timeout(1_500)  # lazily loaded code, fonts and the tab icon
            symbol = seite.evaluate("() => [...document.querySelectorAll('link[rel~=\"icon\"]')].map(l => l.href)")
            assert symbol and all(s.startswith((server_url, "data:")) for s in symbol), (pfad, symbol)
    finally:
        kontext.close()
    assert len(anfragen) > 20  # the recording works: every page loads code and data
    fremd = sorted({a for a in anfragen if not a.startswith((server_url, "data:", "blob:"))})
    assert fremd == []


def test_diagramm_werkzeugleiste_deutsch(seite, server_url):
    oeffne(seite, f"{server_url}/haushalt", diagramme=2)
    titel = seite.evaluate(
        "() => [...document.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))"
    )
    assert "Diagramm als PNG herunterladen" in titel
    # zoom and pan tools are left out (of no use on these charts, five keyboard stops each)
    assert not {"Zoomen", "Verschieben", "Vergrößern", "Verkleinern", "Achsen zurücksetzen"} & set(titel)
    # plotly's own English texts are gone; "Fullscreen" is Streamlit's button (README, known limits)
    assert not [
        t for t in titel if t and t != "Fullscreen" and any(w in t for w in ("Download", "Zoom in", "Pan", "Reset"))
    ]


def _legende_und_erster_balken(seite) -> tuple[dict, dict]:
    diagramm = seite.locator('[data-testid="stPlotlyChart"]').first
    legende = diagramm.locator("g.legend").bounding_box()
    balken = diagramm.locator("g.trace.bars").first.locator("g.point").first.bounding_box()
    return legende, balken


def test_uebersicht_am_beamer_1280_dann_1920(browser, server_url):
    kontext = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 720})
    seite = kontext.new_page()
    try:
        oeffne(seite, server_url, diagramme=1, timeout_ms=60_000)
        seite.wait_for_timeout(500)
        legende, balken = _legende_und_erster_balken(seite)
        bildschirmfoto(seite, "uebersicht-1280")
        # the first chart starts above the fold: its legend and the top of the first bar are visible
        assert legende["y"] + legende["height"] <= 720
        assert balken["y"] < 720 - 10, balken
        # one grey line under the title: Stand, source and assumptions in one element
        zeilen = seite.locator('[data-testid="stCaptionContainer"]').all_inner_texts()
        assert sum("Stand:" in z for z in zeilen) == 1

        seite.set_viewport_size({"width": 1920, "height": 1080})  # the projector is plugged in
        seite.wait_for_timeout(1_500)
        warte_auf_diagramme(seite, 1)
        legende, balken = _legende_und_erster_balken(seite)
        assert legende["y"] + legende["height"] <= balken["y"], (legende, balken)  # nothing covered
        seite.set_viewport_size({"width": 1280, "height": 720})
        seite.wait_for_timeout(1_500)
        legende, balken = _legende_und_erster_balken(seite)
        assert legende["y"] + legende["height"] <= balken["y"], (legende, balken)
    finally:
        kontext.close()


@pytest.mark.parametrize("breite", [1280, 390])
def test_befunde_mit_vollem_text(browser, server_url, tmp_path, breite):
    daten = mappe_bytes(empfehlungen=[empfehlung(1, 1, "erledigt irgendwie"), empfehlung(7, 1)])
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    meldungen = [" ".join(b.meldung.split()) for b in fehler.value.befunde]
    assert len(meldungen) == 2
    datei = tmp_path / "fehler.xlsx"
    datei.write_bytes(daten)
    kontext = browser.new_context(locale="de-DE", viewport={"width": breite, "height": 900})
    seite = kontext.new_page()
    try:
        oeffne(seite, f"{server_url}/daten", timeout_ms=60_000)
        seite.locator(".st-key-anlage_upload input[type=file]").set_input_files(str(datei))
        seite.wait_for_selector('[data-testid="stTable"]', timeout=60_000)
        warte_bis_fertig(seite)
        tabelle = seite.locator('[data-testid="stTable"]').first
        text = " ".join(tabelle.inner_text().replace("\xa0", " ").split())
        bildschirmfoto(seite, f"befunde-{breite}")
        for meldung in meldungen:  # every finding's full text is on the page
            assert meldung in text, meldung
        # no cell is cut: every cell's content fits its box (wrapped, not clipped)
        abgeschnitten = seite.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stTable"] td, [data-testid="stTable"] th')]
                     .filter(z => z.scrollWidth > z.clientWidth + 1).map(z => z.innerText)"""
        )
        assert abgeschnitten == []
        box = tabelle.bounding_box()
        assert box["x"] + box["width"] <= breite
        # nothing to scroll sideways (on a phone the message was squeezed and cut at the edge)
        breiten = tabelle.evaluate(
            "t => { const w = t.querySelector('table').parentElement; return [w.scrollWidth, w.clientWidth]; }"
        )
        assert breiten[0] <= breiten[1] + 1, breiten
        # still a table for a screen reader (Chromium's own tree): a header per column, each
        # message a cell
        baum = kontext.new_cdp_session(seite).send("Accessibility.getFullAXTree")["nodes"]
        rollen = {(k["role"]["value"], " ".join(str(k.get("name", {}).get("value", "")).split())) for k in baum}
        assert ("columnheader", "Meldung") in rollen
        zellen = {name.replace("\xa0", " ") for rolle, name in rollen if rolle in ("cell", "gridcell")}
        assert set(meldungen) <= zellen
    finally:
        kontext.close()

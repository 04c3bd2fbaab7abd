"""Every page and every slide at the four widths the Ausschuss uses: phone (390×844), tablet
(820×1180), projector (1280×720) and large screen (1920×1080).

Pages come from the navigation, slides from the slide counter, so pages other helpers add are
covered without touching this test. Per page and slide: no text is cut (metric labels and values,
headings, control buttons, slide titles, chart texts inside their chart), no tick label overlaps
its axis title, axe-core finds nothing a bare Streamlit app does not; on Fortschritt the Verlauf
over all Stände (the store has two) has numeric ticks on its y axis. One server, one browser,
one context per width. Screenshots: <artefacts>/bildschirm-<width>-<page>.png (looked at by hand).
"""

from __future__ import annotations

import re

import pytest

from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import (
    ARTEFAKTE,
    AXE,
    WURZEL,
    axe_befunde,
    axe_befunde_leere_app,
    bildschirmfoto,
    neuer_kontext,
    oeffne,
    streamlit_server,
    warte_auf_diagramme,
    warte_bis_fertig,
)

pytestmark = pytest.mark.browser

ANSICHTEN = {"telefon": (390, 844), "tablet": (820, 1180), "beamer": (1280, 720), "gross": (1920, 1080)}
VERLAUF = "Verlauf über alle Stände"

# Elements whose text must be whole: Streamlit cuts some of them with "…" (text-overflow), others
# overflow their box. The chart texts are checked against their chart's SVG separately.
GESCHNITTEN = """() => {
    const waehler = [
        '[data-testid="stMetricLabel"] p', '[data-testid="stMetricValue"] p', '[data-testid="stMetricValue"]',
        '[data-testid="stMain"] h1', '[data-testid="stMain"] h2', '[data-testid="stMain"] h3',
        '[data-testid="stMain"] button', '[data-testid="stMain"] button p', '[data-testid="stPageLink"] p',
        '.folie-titel', '.folie-kern', '.folie-unter', '.folie-nummer', '.folie-fuss',
        '[data-testid="stExpander"] summary p', '[data-testid="stSidebarNav"] a span',
    ].join(', ');
    return [...document.querySelectorAll(waehler)]
        // visible ones: a text hidden for screen readers only (1×1 px, clipped) is not cut
        .filter(el => el.getClientRects().length && el.clientWidth > 1)
        .filter(el => el.scrollWidth > el.clientWidth + 1
                      // a text cut after N lines (line-clamp) keeps its width: compare the heights
                      || (getComputedStyle(el).webkitLineClamp || 'none') !== 'none' && el.scrollHeight > el.clientHeight + 4)
        .map(el => `${el.tagName.toLowerCase()} „${(el.innerText || '').trim().slice(0, 60)}“ `
                   + `(${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
}"""

# Per chart: texts outside the chart (cut at its edge), tick labels overlapping the axis title.
DIAGRAMME = """() => {
    const befunde = [];
    const schneiden = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    document.querySelectorAll('[data-testid="stPlotlyChart"]').forEach((diagramm, i) => {
        const svg = diagramm.querySelector('svg.main-svg');
        if (!svg) return;
        const rahmen = svg.getBoundingClientRect();
        const name = (diagramm.getAttribute('aria-label') || '').slice(0, 50);
        diagramm.querySelectorAll('svg.main-svg text').forEach(t => {
            const r = t.getBoundingClientRect();
            if (!r.width || !t.textContent.trim()) return;
            if (r.left < rahmen.left - 1 || r.right > rahmen.right + 1)
                befunde.push(`Diagramm ${i + 1} (${name}): Text „${t.textContent.slice(0, 50)}“ ragt über den Rand`);
        });
        for (const achse of ['x', 'y']) {
            const titel = [...diagramm.querySelectorAll(`g.g-${achse}title text`)].map(t => t.getBoundingClientRect());
            const ticks = [...diagramm.querySelectorAll(`g.${achse}tick text`)].map(t => t.getBoundingClientRect());
            for (const ti of titel) for (const tk of ticks) if (ti.width && tk.width && schneiden(ti, tk)) {
                befunde.push(`Diagramm ${i + 1} (${name}): ${achse}-Achse: Beschriftung überdeckt den Achsentitel`);
                return;
            }
        }
    });
    return befunde;
}"""


@pytest.fixture(scope="module")
def zwei_staende(tmp_path_factory):
    """The dashboard with two Stände (the default workbook and a revision), so that Fortschritt
    has its comparison and Verlauf, and the presentation its progress slide."""
    ordner = tmp_path_factory.mktemp("ablage_bildschirme")
    Ablage(ordner, STANDARD_PFAD).veroeffentliche(ueberarbeitete_standard_bytes(), dateiname="herbst.xlsx")
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ordner)}) as url:
        yield url


@pytest.fixture(scope="module")
def boden(browser, tmp_path_factory):
    """What axe-core finds on a bare Streamlit app (None without axe-core)."""
    if not AXE.exists():
        return None
    kontext, seite = neuer_kontext(browser)
    try:
        return axe_befunde_leere_app(seite, tmp_path_factory.mktemp("leer"))
    finally:
        kontext.close()


def _pruefe(seite, wo: str, boden, befunde: list[str]) -> None:
    befunde += [f"{wo}: abgeschnitten: {b}" for b in seite.evaluate(GESCHNITTEN)]
    befunde += [f"{wo}: {b}" for b in seite.evaluate(DIAGRAMME)]
    if boden is not None:
        for regel, knoten in axe_befunde(seite).items():
            if regel not in boden:
                befunde.append(f"{wo}: axe {regel}: {knoten[:2]}")


def _bereit(seite) -> None:
    warte_bis_fertig(seite)
    warte_auf_diagramme(seite, 0)


@pytest.mark.parametrize("ansicht", list(ANSICHTEN))
def test_jede_seite_und_folie_passt(browser, zwei_staende, boden, ansicht):
    breite, hoehe = ANSICHTEN[ansicht]
    kontext, seite = neuer_kontext(browser, viewport={"width": breite, "height": hoehe}, timeout_ms=60_000)
    befunde: list[str] = []
    try:
        oeffne(seite, zwei_staende)
        pfade = seite.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"stSidebarNav\"] a')].map(a => new URL(a.href).pathname)"
        )
        assert len(pfade) >= 9, pfade
        for pfad in pfade:
            name = pfad.strip("/") or "uebersicht"
            oeffne(seite, zwei_staende + pfad)
            _bereit(seite)
            if name == "praesentation":
                _folien(seite, zwei_staende, ansicht, boden, befunde)
                continue
            bildschirmfoto(seite, f"bildschirm-{breite}-{name}")
            _pruefe(seite, f"{breite} {name}", boden, befunde)
            if name == "fortschritt":
                seite.get_by_text(VERLAUF).first.click()
                seite.locator("h3", has_text=VERLAUF).wait_for()
                _bereit(seite)
                bildschirmfoto(seite, f"bildschirm-{breite}-fortschritt-verlauf")
                _pruefe(seite, f"{breite} fortschritt/verlauf", boden, befunde)
                ticks = seite.locator('[data-testid="stPlotlyChart"] g.ytick text').all_text_contents()
                if not [t for t in ticks if re.search(r"\d", t)]:
                    befunde.append(f"{breite} Verlauf: y-Achse ohne Zahlen: {ticks}")
    finally:
        kontext.close()
    assert befunde == [], "\n".join(befunde)


def _folien(seite, url: str, ansicht: str, boden, befunde: list[str]) -> None:
    breite = ANSICHTEN[ansicht][0]
    anzahl = int(seite.locator(".folie-nummer").inner_text().split("/")[1])
    for nummer in range(1, anzahl + 1):
        oeffne(seite, f"{url}/praesentation?folie={nummer}")
        seite.wait_for_function(
            "(n) => (document.querySelector('.folie-nummer')?.textContent || '').trim().startsWith(n + ' /')",
            arg=nummer,
        )
        _bereit(seite)
        ARTEFAKTE.mkdir(parents=True, exist_ok=True)
        seite.screenshot(path=str(ARTEFAKTE / f"bildschirm-{breite}-folie-{nummer:02d}.png"))
        _pruefe(seite, f"{breite} Folie {nummer}", boden, befunde)


# The layout that counts, per chart: what the narrow layout changes.
LAYOUT = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(gd => ({
    art: gd.dataset.ipdatenLayout,
    hoehe: gd.layout.height,
    notizen: (gd.layout.annotations || []).length,
    ticks: gd._fullLayout.yaxis.showticklabels,
    legende: gd._fullLayout.legend ? gd._fullLayout.legend.orientation + gd._fullLayout.legend.yref : '',
    schrift: gd._fullLayout.font.size,
}))"""


def test_gedrehtes_telefon_bekommt_das_breite_layout_zurueck(browser, zwei_staende):
    """A phone turned (or a window widened): the charts drawn narrow get their own layout back,
    exactly as a page opened wide has it, and narrow again when it turns back."""
    kontext, seite = neuer_kontext(browser, viewport={"width": 1280, "height": 720}, timeout_ms=60_000)
    try:
        oeffne(seite, f"{zwei_staende}/haushalt", diagramme=2)
        breit = seite.evaluate(LAYOUT)
        assert {d["art"] for d in breit} == {"breit"}
        seite.set_viewport_size({"width": 390, "height": 844})
        seite.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].every(gd => gd.dataset.ipdatenLayout === 'schmal')"
        )
        schmal = seite.evaluate(LAYOUT)
        assert all(s["notizen"] > b["notizen"] and s["ticks"] is False for s, b in zip(schmal, breit)), schmal
        seite.set_viewport_size({"width": 1280, "height": 720})
        seite.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].every(gd => gd.dataset.ipdatenLayout === 'breit')"
        )
        assert seite.evaluate(LAYOUT) == breit
        assert seite.evaluate(DIAGRAMME) == []
    finally:
        kontext.close()

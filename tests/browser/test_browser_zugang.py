"""What a screen reader gets, read from the browser's accessibility tree: the document is German,
each chart has a name and its SVG is hidden (no soup of numbers), its table „Daten zum Diagramm“
holds the figures the chart prints, and every recommendation of a Handlungsfeld is a reachable row.
Checks the hook of oberflaeche/dokument.py in a real browser."""

from __future__ import annotations

import pytest

from tests.browser.streamlit_browser import oeffne, warte_auf_diagramme, warte_bis_fertig

pytestmark = pytest.mark.browser

# page: number of charts
SEITEN = {"": 1, "einbuergerung": 1, "haushalt": 2}


@pytest.mark.parametrize("pfad", list(SEITEN))
def test_diagramme_haben_namen_und_ihre_zahlen_als_tabelle(seite, server_url, pfad):
    oeffne(seite, f"{server_url}/{pfad}", diagramme=SEITEN[pfad])
    seite.wait_for_function("() => document.documentElement.lang === 'de'")
    diagramme = seite.locator('[data-testid="stPlotlyChart"]')
    assert diagramme.count() == SEITEN[pfad]
    for i in range(diagramme.count()):
        diagramm = diagramme.nth(i)
        name = diagramm.get_attribute("aria-label") or ""
        assert len(name) > 20, name
        # The chart is a named figure whose drawing is hidden: its name is all that is read.
        seite.wait_for_function(
            "(i) => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')][i]"
            ".querySelectorAll('svg.main-svg:not([aria-hidden=\"true\"])').length === 0",
            arg=i,
        )
        baum = diagramm.aria_snapshot()
        assert baum.lstrip("- '").startswith(f'figure "{name[:40]}'), baum[:200]
        assert "img:" not in baum, baum  # an img with text is the soup of numbers
        beschriftungen = {
            t.strip().replace("\xa0", " ")
            for t in diagramm.locator("g.trace text, g.textpoint text").all_text_contents()
            if t.strip()
        }
        assert beschriftungen, "das Diagramm beschriftet keine Werte"
        # Its table: opened like a user does, then every printed figure is in a table cell.
        seite.get_by_text("Daten zum Diagramm").nth(i).click()
        warte_bis_fertig(seite)
        tabelle = seite.locator('[data-testid="stExpander"]', has_text="Daten zum Diagramm").nth(i).locator("table")
        tabelle.wait_for()
        zellen = {z.strip().replace("\xa0", " ") for z in tabelle.locator("td, th").all_text_contents()}
        fehlen = {b for b in beschriftungen if not any(b in z for z in zellen)}
        assert fehlen == set(), f"nicht in der Tabelle: {sorted(fehlen)}"
        assert (
            "Lizenz" in seite.locator('[data-testid="stExpander"]', has_text="Daten zum Diagramm").nth(i).inner_text()
        )


def test_jede_empfehlung_eines_handlungsfelds_ist_eine_erreichbare_zeile(seite, server_url):
    oeffne(seite, f"{server_url}/handlungsfelder?feld=6", diagramme=1)
    seite.locator('[data-testid="stDataFrame"]').wait_for()
    warte_auf_diagramme(seite, 1)
    # 27 recommendations and the header row, each in the accessibility tree as a row.
    seite.wait_for_function("() => document.querySelectorAll('[data-testid=\"stDataFrame\"] [role=row]').length >= 28")
    # The grid draws on a canvas; its rows for assistive technology are DOM nodes beside it.
    nummern = set(
        seite.evaluate(
            """() => [...document.querySelectorAll('[data-testid="stDataFrame"] [role=row]')]
                   .map(z => z.querySelector('[role=gridcell]')).filter(Boolean).map(z => z.textContent.trim())"""
        )
    )
    assert nummern == {f"6.{n}" for n in range(1, 28)}


def test_sprache_deutsch_auch_in_der_praesentation(seite, server_url):
    oeffne(seite, f"{server_url}/praesentation?folie=2", diagramme=1)
    seite.wait_for_function("() => document.documentElement.lang === 'de'")
    assert seite.get_by_role("heading", level=1).first.inner_text() == "Gesamtbilanz"
    tabelle = seite.locator(".folie-tabelle table")
    assert tabelle.count() == 1 and "umgesetzt" in tabelle.inner_text()

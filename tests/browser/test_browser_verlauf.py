"""Issue 12 in real Chromium: publish three Stände through the page Daten & Stände, then read
the Verlauf over all Stände on Fortschritt (chart, hover, table) and the history of one
recommendation on Handlungsfelder. Own server with its own empty store."""

from __future__ import annotations

import re

import pytest

from tests.browser.streamlit_browser import (
    bildschirmfoto,
    lade_arbeitsmappe_hoch,
    neuer_kontext,
    oeffne,
    seitentext,
    veroeffentliche,
    warte_auf_diagramme,
    warte_bis_fertig,
)
from tests.fortschreibung_mappen import stand_bytes

pytestmark = pytest.mark.browser


def test_drei_staende_veroeffentlichen_und_verlauf_lesen(browser, eigener_server):
    url, _ablage = eigener_server
    kontext, seite = neuer_kontext(browser, viewport={"width": 1400, "height": 1100}, timeout_ms=60_000)
    try:
        for stufe in (1, 2, 3):
            oeffne(seite, f"{url}/daten")
            lade_arbeitsmappe_hoch(seite, f"Fortschreibung{stufe}.xlsx", stand_bytes(stufe), warte_auf="ist gültig")
            veroeffentliche(seite)
            warte_bis_fertig(seite)

        # Fortschritt: the comparison first, the Verlauf one click away.
        oeffne(seite, f"{url}/fortschritt", diagramme=2)
        seite.get_by_text("Verlauf über alle Stände").first.click()
        seite.get_by_text("4 Stände vom 6. März 2017 bis 1. März 2018").wait_for()
        warte_bis_fertig(seite)
        warte_auf_diagramme(seite, 1)
        bild = " ".join(seite.locator('[data-testid="stPlotlyChart"] svg').all_text_contents()).replace("\xa0", " ")
        # The labelled points of the line over all fields (whole percent, the rounding rule):
        # default workbook, then Stände 1–3.
        for wert in ("32 %", "33 %", "43 %"):
            assert wert in bild, wert
        assert "Alle Handlungsfelder" in bild
        # Hover on the last point of the total line shows the figures of that Stand.
        punkt = seite.locator('[data-testid="stPlotlyChart"] .scatterlayer .trace').first.locator(".points path").last
        kasten = punkt.bounding_box()
        seite.mouse.move(kasten["x"] + kasten["width"] / 2, kasten["y"] + kasten["height"] / 2)
        seite.locator(".hoverlayer .hovertext").first.wait_for()
        hover = " ".join(seite.locator(".hoverlayer").all_text_contents()).replace("\xa0", " ")
        assert "43 % (3 von 7 Empfehlungen)" in hover and "Fortschreibung 3" in hover
        bildschirmfoto(seite, "verlauf-1-fortschritt")

        seite.get_by_text("Verlauf als Tabelle").click()
        # The grid inside the expander is drawn when it opens: wait for its last column.
        seite.locator('[role="gridcell"]', has_text=re.compile(r"42,9\s%\s\(3 von 7\)")).first.wait_for(
            state="attached"
        )
        zellen = [z.replace("\xa0", " ") for z in seite.locator('[role="gridcell"]').all_text_contents()]
        assert "42,9 % (3 von 7)" in zellen and "Alle Handlungsfelder" in zellen
        bildschirmfoto(seite, "verlauf-2-tabelle")

        # Handlungsfelder: the history of recommendation 1.2.
        oeffne(seite, f"{url}/handlungsfelder?feld=1", diagramme=1)
        auswahl = seite.locator(".st-key-handlungsfelder_wortlaut input")
        auswahl.click()
        auswahl.fill("1.2")
        seite.keyboard.press("Enter")
        seite.get_by_text("Verlauf der Empfehlung 1.2 über 4 Stände").wait_for()
        warte_bis_fertig(seite)
        warte_auf_diagramme(seite, 2)
        text = seitentext(seite)
        assert "30. September 2017: (leer) → „Kurse laufen“" in text
        assert "1. März 2018: „Kurse laufen“ → „Kurse abgeschlossen“" in text
        zeitstrahl = " ".join(seite.locator('[data-testid="stPlotlyChart"]').last.locator("svg").all_text_contents())
        assert "umgesetzt" in zeitstrahl and "in Arbeit" in zeitstrahl
        bildschirmfoto(seite, "verlauf-3-historie")
    finally:
        kontext.close()

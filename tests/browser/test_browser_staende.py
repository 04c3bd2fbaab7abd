"""Publishing a revised Anlage 1 in real Chromium, seen live by a second browser.

Runs its own server with its own empty store (the shared `server_url` must stay on the
default Stand for the other browser tests). Screenshots go to the artefacts folder (tests/artefakte.py) .
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import (
    AXE,
    PASSWORT,
    WURZEL,
    axe_befunde,
    bildschirmfoto,
    lade_arbeitsmappe_hoch,
    neuer_kontext,
    oeffne,
    seitentext,
    streamlit_server,
    veroeffentliche,
    warte_auf_diagramme,
    warte_bis_fertig,
)

pytestmark = pytest.mark.browser


def test_hochladen_veroeffentlichen_und_live_uebernahme(browser, eigener_server):
    url, ablage_ordner = eigener_server
    daten = ueberarbeitete_standard_bytes()

    # The committee screen: a second browser on the Übersicht, showing the newest Stand.
    kontext_b, ausschuss = neuer_kontext(browser, accept_downloads=True)
    oeffne(ausschuss, url, diagramme=1)
    text_b = seitentext(ausschuss)
    assert "Stand: 6. März 2017" in text_b
    assert "183" not in text_b

    kontext_a, seite = neuer_kontext(browser, accept_downloads=True)
    try:
        oeffne(seite, f"{url}/daten")
        lade_arbeitsmappe_hoch(seite, "Anlage1_Herbst.xlsx", daten, warte_auf="ist gültig")
        text = seitentext(seite)
        assert "Vorschau – nicht veröffentlicht" in text
        assert "Statuswechsel: 1 × in Arbeit → umgesetzt." in text
        assert "Neue Handlungsfelder: 9 Flüchtlingsperspektive." in text
        bildschirmfoto(seite, "staende-1-vorschau")
        if AXE.exists():  # WCAG 2.1 A/AA, serious or critical: none on the upload page with findings
            assert axe_befunde(seite) == {}

        # Nothing is published yet: the other browser still shows Stand 1.
        assert [s.nr for s in Ablage(ablage_ordner, STANDARD_PFAD).staende()] == [1]

        veroeffentliche(seite)
        warte_bis_fertig(seite)
        bildschirmfoto(seite, "staende-2-veroeffentlicht")
        staende = Ablage(ablage_ordner, STANDARD_PFAD).staende()
        assert [(s.nr, s.stand.isoformat(), s.bezeichnung) for s in staende][1:] == [
            (2, "2017-09-30", "Fortschreibung Herbst 2017")
        ]

        # The published Stand downloads byte for byte as uploaded.
        with seite.expect_download() as download:
            # by role: with a help text Streamlit draws a hidden twin of the button beside it
            seite.locator(".st-key-download_stand").get_by_role("button").click()
        assert download.value.suggested_filename == "Anlage1_Stand2_2017-09-30.xlsx"
        assert Path(download.value.path()).read_bytes() == daten

        # Übersicht of this browser: the new figures.
        oeffne(seite, url, diagramme=1)
        text = seitentext(seite)
        assert "Stand: 30. September 2017" in text
        assert "183" in text
        assert "9 Flüchtlingsperspektive" in " ".join(
            seite.locator('[data-testid="stPlotlyChart"] svg').all_text_contents()
        )
        bildschirmfoto(seite, "staende-3-uebersicht")

        # Fortschritt: the transition 1.3 in Arbeit → umgesetzt, drawn as a Sankey.
        oeffne(seite, f"{url}/fortschritt", diagramme=2)
        text = seitentext(seite)
        assert "Statuswechsel: 1 × in Arbeit → umgesetzt." in text
        assert "Neu: Handlungsfeld 9 – Flüchtlingsperspektive" in text
        assert seite.locator('[data-testid="stPlotlyChart"] g.sankey').count() == 1
        sankey = " ".join(seite.locator('[data-testid="stPlotlyChart"] g.sankey').all_text_contents())
        assert "umgesetzt: 59" in sankey and "in Arbeit: 54" in sankey
        bildschirmfoto(seite, "staende-4-fortschritt")
        if AXE.exists():
            assert axe_befunde(seite) == {}

        # The committee screen picks up the new Stand without a reload (polling fragment).
        ausschuss.wait_for_function(
            "() => document.body.innerText.includes('Stand: 30. September 2017')", timeout=60_000
        )
        warte_bis_fertig(ausschuss)
        warte_auf_diagramme(ausschuss, 1)
        text_b = seitentext(ausschuss)
        assert "183" in text_b
        assert "Vorschau" not in text_b
        bildschirmfoto(ausschuss, "staende-5-zweiter-browser-live")
    finally:
        kontext_a.close()
        kontext_b.close()


def test_deep_link_auf_aelteren_stand(browser, eigener_server):
    url, ablage_ordner = eigener_server
    ablage = Ablage(ablage_ordner, STANDARD_PFAD)
    if len(ablage.staende()) < 2:
        ablage.veroeffentliche(ueberarbeitete_standard_bytes())
    kontext, seite = neuer_kontext(browser, accept_downloads=True)
    try:
        oeffne(seite, f"{url}/?stand=1", diagramme=1)
        text = seitentext(seite)
        assert "Stand: 6. März 2017" in text
        assert "Es gibt einen neueren Stand" in text
        bildschirmfoto(seite, "staende-6-deep-link")
    finally:
        kontext.close()


def test_nach_neustart_des_servers_sind_alle_staende_da(browser, tmp_path):
    """Publish through one server process, stop it, start a new one on the same store."""
    daten = ueberarbeitete_standard_bytes(bezeichnung="Vor dem Neustart")
    umgebung = {"IPDATEN_ABLAGE": str(tmp_path), "IPDATEN_PASSWORT": PASSWORT}
    with streamlit_server(WURZEL / "app.py", umgebung) as url:
        kontext, seite = neuer_kontext(browser, accept_downloads=True)
        try:
            oeffne(seite, f"{url}/daten")
            lade_arbeitsmappe_hoch(seite, "neu.xlsx", daten, warte_auf="ist gültig")
            veroeffentliche(seite)
        finally:
            kontext.close()
    with streamlit_server(WURZEL / "app.py", umgebung) as url:
        kontext, seite = neuer_kontext(browser, accept_downloads=True)
        try:
            oeffne(seite, url, diagramme=1)
            text = seitentext(seite)
            assert "Stand: 30. September 2017 · Datenquelle: Veröffentlichter Stand Nr. 2" in text
            assert "Vor dem Neustart" in text  # the label, under the Stand in the sidebar
            seite.locator(".st-key-stand").click()
            optionen = seite.locator('[role="option"]').all_inner_texts()
            assert [o.replace("\xa0", " ") for o in optionen] == [
                "Nr. 2 · 30.09.2017 (neuester)",
                "Nr. 1 · 06.03.2017",
            ]
            bildschirmfoto(seite, "staende-7-nach-neustart")
        finally:
            kontext.close()

"""The mapping step in real Chromium: an office's own workbook is mapped once on the Daten page,
previewed and published; the next upload of the same shape is mapped by itself.

Runs its own server with its own empty store. Screenshots go to the artefacts folder.
"""

from __future__ import annotations

import pytest

from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD, mit_libreoffice
from tests.browser.streamlit_browser import (
    AXE,
    axe_befunde,
    bildschirmfoto,
    lade_arbeitsmappe_hoch,
    neuer_kontext,
    oeffne,
    seitentext,
    veroeffentliche,
    waehle,
    warte_bis_fertig,
)
from tests.buero_mappe import BUERO_ZUORDNUNG, buero_mappe

pytestmark = pytest.mark.browser


def _waehle(seite, frage: str, antwort: str) -> None:
    """Open the selectbox whose label contains `frage` and pick `antwort`."""
    auswahl = seite.locator('[data-testid="stSelectbox"]').filter(has_text=frage)
    waehle(seite, auswahl, antwort, foto="zuordnung-fehler-auswahl")


def _wie_excel(daten: bytes) -> bytes:
    """Saved through LibreOffice (shared strings, as Excel saves) when it is installed."""
    return mit_libreoffice(daten) or daten


def test_zuordnen_vorschau_veroeffentlichen_und_beim_naechsten_mal_automatisch(browser, eigener_server):
    url, ablage_ordner = eigener_server
    kontext, seite = neuer_kontext(browser)
    try:
        oeffne(seite, f"{url}/daten")
        lade_arbeitsmappe_hoch(
            seite, "Umsetzungsliste_September.xlsx", _wie_excel(buero_mappe()), warte_auf="Arbeitsmappe einmal zuordnen"
        )
        text = seitentext(seite)
        assert "wurde nicht übernommen" in text
        assert "Welches Blatt enthält „Empfehlungen“?" in text
        bildschirmfoto(seite, "zuordnung-1-schritt")
        if AXE.exists():
            assert axe_befunde(seite) == {}

        # Only what is not clear is left to choose: the text column and the word "offen".
        _waehle(seite, "„Empfehlung“ (Blatt", "Kurzbeschreibung")
        _waehle(seite, "Status „offen“", "nicht umgesetzt")
        seite.locator(".st-key-zuordnung_anwenden button").click()
        seite.get_by_text("Vorschau – nicht veröffentlicht").first.wait_for()
        warte_bis_fertig(seite)
        text = seitentext(seite)
        assert "ist gültig" in text
        assert "Gelesen mit einer Zuordnung – in dieser Sitzung zugeordnet" in text
        assert "Spalte „Erledigungsstand“ gilt als „Status“ (Blatt „Empfehlungen“)" in text
        assert "Status „offen“ gilt als „nicht umgesetzt“" in text
        assert "Arbeitsmappe einmal zuordnen" not in text
        bildschirmfoto(seite, "zuordnung-2-vorschau")

        veroeffentliche(seite)
        warte_bis_fertig(seite)
        (zweiter,) = Ablage(ablage_ordner, STANDARD_PFAD).staende()[1:]
        assert (zweiter.nr, zweiter.zuordnung) == (2, BUERO_ZUORDNUNG)
        assert "Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung." in seitentext(seite)

        # The Übersicht of the published Stand: the office's 4 recommendations, 2 of them umgesetzt.
        oeffne(seite, url, diagramme=1)
        text = seitentext(seite)
        assert "Stand: 30. September 2017" in text
        assert "Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung." in text
        bildschirmfoto(seite, "zuordnung-3-uebersicht")
    finally:
        kontext.close()

    # Another session, the next Stand of the same workbook: no question, straight to the preview.
    kontext, seite = neuer_kontext(browser)
    try:
        oeffne(seite, f"{url}/daten")
        lade_arbeitsmappe_hoch(
            seite,
            "Umsetzungsliste_November.xlsx",
            _wie_excel(buero_mappe(naechster_stand=True)),
            warte_auf="automatisch übernommen von Nr. 2",
        )
        text = seitentext(seite)
        assert "Vorschau – nicht veröffentlicht" in text
        assert "ist gültig" in text
        assert "Arbeitsmappe einmal zuordnen" not in text
        assert "Statuswechsel: 1 × in Arbeit → umgesetzt; 1 × nicht umgesetzt → in Arbeit." in text
        bildschirmfoto(seite, "zuordnung-4-automatisch")
    finally:
        kontext.close()

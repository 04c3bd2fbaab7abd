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
    WURZEL,
    axe_befunde,
    bildschirmfoto,
    oeffne,
    streamlit_server,
    warte_bis_fertig,
)
from tests.test_zuordnung_laden import BUERO_ZUORDNUNG, buero_mappe

pytestmark = pytest.mark.browser
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def eigener_server(tmp_path_factory):
    """The dashboard with its own empty store: (base URL, store directory)."""
    ablage = tmp_path_factory.mktemp("ablage_zuordnung")
    with streamlit_server(
        WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ablage), "IPDATEN_PASSWORT": "Browser-Passwort-17"}
    ) as url:
        yield url, ablage


def _kontext(browser):
    kontext = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    seite = kontext.new_page()
    seite.set_default_timeout(30_000)
    return kontext, seite


def _text(seite) -> str:
    return seite.inner_text("body").replace("\xa0", " ")


def _hochladen(seite, name: str, daten: bytes) -> None:
    seite.locator('.st-key-anlage_upload input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": daten}]
    )


def _waehle(seite, frage: str, antwort: str) -> None:
    """Open the selectbox whose label contains `frage` and pick `antwort`."""
    auswahl = seite.locator('[data-testid="stSelectbox"]').filter(has_text=frage)
    # The Stand poll (every few seconds) may rerender the page and close an open list: try again.
    for versuch in range(4):
        warte_bis_fertig(seite)
        # After the full-page screenshot and axe, a click on a box outside the viewport did not open it.
        auswahl.scroll_into_view_if_needed()
        auswahl.click()
        try:
            seite.get_by_role("option", name=antwort, exact=True).click(timeout=5_000)
            break
        except Exception:
            seite.keyboard.press("Escape")
            if versuch == 3:
                bildschirmfoto(seite, "zuordnung-fehler-auswahl")
                raise
    warte_bis_fertig(seite)


def _wie_excel(daten: bytes) -> bytes:
    """Saved through LibreOffice (shared strings, as Excel saves) when it is installed."""
    return mit_libreoffice(daten) or daten


def test_zuordnen_vorschau_veroeffentlichen_und_beim_naechsten_mal_automatisch(browser, eigener_server):
    url, ablage_ordner = eigener_server
    kontext, seite = _kontext(browser)
    try:
        oeffne(seite, f"{url}/daten")
        _hochladen(seite, "Umsetzungsliste_September.xlsx", _wie_excel(buero_mappe()))
        seite.get_by_text("Arbeitsmappe einmal zuordnen").wait_for()
        warte_bis_fertig(seite)
        text = _text(seite)
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
        text = _text(seite)
        assert "ist gültig" in text
        assert "Gelesen mit einer Zuordnung – in dieser Sitzung zugeordnet" in text
        assert "Spalte „Erledigungsstand“ gilt als „Status“ (Blatt „Empfehlungen“)" in text
        assert "Status „offen“ gilt als „nicht umgesetzt“" in text
        assert "Arbeitsmappe einmal zuordnen" not in text
        bildschirmfoto(seite, "zuordnung-2-vorschau")

        seite.locator(".st-key-passwort input").fill("Browser-Passwort-17")
        seite.locator(".st-key-veroeffentlichen button").click()
        seite.get_by_text("Veröffentlicht als").wait_for()
        warte_bis_fertig(seite)
        (zweiter,) = Ablage(ablage_ordner, STANDARD_PFAD).staende()[1:]
        assert (zweiter.nr, zweiter.zuordnung) == (2, BUERO_ZUORDNUNG)
        assert "Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung." in _text(seite)

        # The Übersicht of the published Stand: the office's 4 recommendations, 2 of them umgesetzt.
        oeffne(seite, url, diagramme=1)
        text = _text(seite)
        assert "Stand: 30. September 2017" in text
        assert "Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung." in text
        bildschirmfoto(seite, "zuordnung-3-uebersicht")
    finally:
        kontext.close()

    # Another session, the next Stand of the same workbook: no question, straight to the preview.
    kontext, seite = _kontext(browser)
    try:
        oeffne(seite, f"{url}/daten")
        _hochladen(seite, "Umsetzungsliste_November.xlsx", _wie_excel(buero_mappe(naechster_stand=True)))
        seite.get_by_text("automatisch übernommen von Nr. 2").wait_for()
        warte_bis_fertig(seite)
        text = _text(seite)
        assert "Vorschau – nicht veröffentlicht" in text
        assert "ist gültig" in text
        assert "Arbeitsmappe einmal zuordnen" not in text
        assert "Statuswechsel: 1 × in Arbeit → umgesetzt; 1 × nicht umgesetzt → in Arbeit." in text
        bildschirmfoto(seite, "zuordnung-4-automatisch")
    finally:
        kontext.close()

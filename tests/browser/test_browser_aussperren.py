"""Issue 23, finding 4, against a real server: other sessions filling the server-wide counter
of wrong passwords used to make the server refuse the officer's correct one. Here twelve
sessions (more than the server allows a minute) guess wrong through the editor gate of the
Daten page, then the officer opens the page and gets in with her first try; a guesser who tries
once more is told to wait."""

from __future__ import annotations

from tests.browser.streamlit_browser import PASSWORT, neuer_kontext, oeffne, warte_bis_fertig

RATER = 12  # the server-wide budget is 10 wrong guesses a minute


def _versuch(browser, url: str, name: str, passwort: str) -> tuple[str, object]:
    """Open the Daten page in a new session, try the gate of the Protokoll section; returns the
    message shown and the (open) context."""
    kontext, seite = neuer_kontext(browser)
    oeffne(seite, f"{url}/daten")
    seite.get_by_text("Protokoll: wer hat wann was veröffentlicht").click()
    seite.locator(".st-key-protokoll_name input").fill(name)
    feld = seite.locator(".st-key-protokoll_passwort input")
    feld.fill(passwort)
    feld.press("Enter")
    antwort = seite.locator("[data-testid='stAlertContentError'], .st-key-protokoll_beenden").first
    antwort.wait_for()
    warte_bis_fertig(seite)
    return antwort.inner_text(), kontext


def test_rater_sperren_die_richtige_eingabe_nicht_aus(browser, eigener_server):
    url, _ablage = eigener_server
    for i in range(RATER):
        text, kontext = _versuch(browser, url, "Rater", f"falsch-{i}")
        kontext.close()
        assert "Das Passwort stimmt nicht." in text
    text, kontext = _versuch(browser, url, "Maria Muster", PASSWORT)
    kontext.close()
    assert text.endswith("Bearbeiten beenden")  # unlocked: her first try with the right password
    # The guessers are still slowed down: one who guessed wrong waits for the minute.
    kontext, seite = neuer_kontext(browser)
    try:
        oeffne(seite, f"{url}/daten")
        seite.get_by_text("Protokoll: wer hat wann was veröffentlicht").click()
        seite.locator(".st-key-protokoll_name input").fill("Rater")
        feld = seite.locator(".st-key-protokoll_passwort input")
        feld.fill("falsch-x")
        feld.press("Enter")
        seite.get_by_text("Das Passwort stimmt nicht.").wait_for()
        warte_bis_fertig(seite)
        feld.fill("falsch-y")
        feld.press("Enter")
        seite.get_by_text("Zu viele falsche Passwörter.").wait_for()
    finally:
        kontext.close()

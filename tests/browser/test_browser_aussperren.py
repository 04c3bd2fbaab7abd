"""Issue 23, finding 4, against a real server: other sessions filling the server-wide counter
of wrong passwords used to make the server refuse the officer's correct one. Here twelve
sessions (more than the server allows a minute) guess wrong through the editor gate of the
Daten page, then the officer opens the page and gets in with her first try; a guesser who tries
once more is told to wait."""

from __future__ import annotations

from tests.browser.streamlit_browser import PASSWORT, neuer_kontext, oeffne, warte_bis_fertig

RATER = 12  # the server-wide budget is 10 wrong guesses a minute


def _eingeben(seite, name: str, passwort: str) -> str:
    """Type name and password into the gate of the Protokoll section and press Enter; returns
    the answer: the error shown, or the "Bearbeiten beenden" of an unlocked session."""
    seite.locator(".st-key-protokoll_name input").fill(name)
    feld = seite.locator(".st-key-protokoll_passwort input")
    feld.fill(passwort)
    feld.press("Enter")
    antwort = seite.locator("[data-testid='stAlertContentError'], .st-key-protokoll_beenden").first
    antwort.wait_for()
    warte_bis_fertig(seite)
    return antwort.inner_text()


def _neue_sitzung(browser, url: str):
    kontext, seite = neuer_kontext(browser)
    oeffne(seite, f"{url}/daten")
    seite.get_by_text("Protokoll: wer hat wann was veröffentlicht").click()
    return kontext, seite


def _versuch(browser, url: str, name: str, passwort: str) -> str:
    """One try in a new session (a guesser's new session per guess)."""
    kontext, seite = _neue_sitzung(browser, url)
    try:
        return _eingeben(seite, name, passwort)
    finally:
        kontext.close()


def test_rater_sperren_die_richtige_eingabe_nicht_aus(browser, eigener_server):
    url, _ablage = eigener_server
    for i in range(RATER):
        assert "Das Passwort stimmt nicht." in _versuch(browser, url, "Rater", f"falsch-{i}")
    # Unlocked: her first try with the right password.
    assert _versuch(browser, url, "Maria Muster", PASSWORT).endswith("Bearbeiten beenden")
    # The guessers are still slowed down: one who guessed wrong waits for the minute.
    kontext, seite = _neue_sitzung(browser, url)
    try:
        assert "Das Passwort stimmt nicht." in _eingeben(seite, "Rater", "falsch-x")
        assert "Zu viele falsche Passwörter." in _eingeben(seite, "Rater", "falsch-y")
    finally:
        kontext.close()

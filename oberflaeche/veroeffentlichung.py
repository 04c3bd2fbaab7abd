"""Who may publish: always whoever knows the password — configured, or made by the server.

Publishing never depends on where a request seems to come from (a proxy can send any Host
header). Without a configured password the server makes one on its first run and writes it
to its terminal, the way Jupyter prints its token: whoever started the server can publish,
nobody else. Wrong guesses are slowed down per session and for the whole server; failed
attempts and every publication go to the server log — never a password or a guess.
"""

from __future__ import annotations

import collections
import hmac
import logging
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable, MutableMapping

import streamlit as st

from . import sitzung

PASSWORT_NAME = "IPDATEN_PASSWORT"

ANLEITUNG_PASSWORT = (
    "Ein festes Passwort wird entweder in der Datei `.streamlit/secrets.toml` eingetragen "
    f'(Zeile `{PASSWORT_NAME} = "…"`) oder vor dem Start als Umgebungsvariable gesetzt '
    f"(`export {PASSWORT_NAME}=…`). Danach den Server neu starten."
)
HINWEIS_ERZEUGT = (
    "Auf diesem Server ist kein festes Passwort eingerichtet. Der Server hat deshalb beim Start ein "
    "Passwort erzeugt und in sein Terminal (bzw. sein Dienst-Protokoll) geschrieben: Wer den Server "
    "gestartet hat, findet es dort. " + ANLEITUNG_PASSWORT
)

protokoll = logging.getLogger("ipdaten.sicherheit")
if not protokoll.handlers:
    _ausgabe = logging.StreamHandler(sys.stderr)
    _ausgabe.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    protokoll.addHandler(_ausgabe)
    protokoll.setLevel(logging.INFO)

_erzeugt: str | None = None
_bereitgestellt = False
_erzeugt_sperre = threading.Lock()


def konfiguriertes_passwort() -> str | None:
    """The publish password from st.secrets or the environment; None when none is set."""
    if st.secrets.load_if_toml_exists():
        wert = st.secrets.get(PASSWORT_NAME)
        if wert:
            return str(wert)
    wert = os.environ.get(PASSWORT_NAME, "")
    return wert or None


def passwort() -> str:
    """The password that publishing needs: the configured one, else the one this server
    process made (and printed) on its first call."""
    konfiguriert = konfiguriertes_passwort()
    if konfiguriert:
        return konfiguriert
    global _erzeugt
    with _erzeugt_sperre:
        if _erzeugt is None:
            _erzeugt = secrets.token_urlsafe(12)
            protokoll.warning(
                "Kein Passwort für das Veröffentlichen eingerichtet (%s). Für diesen Serverstart "
                "erzeugt:\n\n    Passwort zum Veröffentlichen: %s\n",
                PASSWORT_NAME,
                _erzeugt,
            )
        return _erzeugt


def passwort_bereitstellen() -> None:
    """Make (and print) the server's password now, at the first run after the start, so that
    it is in the terminal before anybody needs it. Later runs return at once."""
    global _bereitgestellt
    if not _bereitgestellt:
        passwort()
        _bereitgestellt = True


def passwort_stimmt(eingabe: str, richtig: str) -> bool:
    """Compare in constant time."""
    return hmac.compare_digest(eingabe.encode("utf-8"), richtig.encode("utf-8"))


class Drossel:
    """Slows down wrong guesses: per session a growing wait from the third wrong guess on
    (2, 4, 8 … up to 300 s), for the whole server at most `je_minute` wrong guesses a minute
    (a new session per guess does not help)."""

    def __init__(self, je_minute: int = 10, uhr: Callable[[], float] = time.monotonic):
        self.je_minute = je_minute
        self.uhr = uhr
        self._fehler: collections.deque[float] = collections.deque()
        self._sperre = threading.Lock()

    def wartezeit(self, zustand: MutableMapping) -> float:
        """Seconds until this session may try again (0: now)."""
        jetzt = self.uhr()
        anzahl, zuletzt = zustand.get(sitzung.FEHLVERSUCHE, (0, 0.0))
        eigene = max(0.0, zuletzt + min(2 ** (anzahl - 2), 300) - jetzt) if anzahl >= 3 else 0.0
        with self._sperre:
            while self._fehler and self._fehler[0] <= jetzt - 60:
                self._fehler.popleft()
            alle = self._fehler[0] + 60 - jetzt if len(self._fehler) >= self.je_minute else 0.0
        return max(eigene, alle)

    def fehlversuch(self, zustand: MutableMapping) -> int:
        """Count a wrong guess; returns how many this session has made."""
        jetzt = self.uhr()
        anzahl = zustand.get(sitzung.FEHLVERSUCHE, (0, 0.0))[0] + 1
        zustand[sitzung.FEHLVERSUCHE] = (anzahl, jetzt)
        with self._sperre:
            self._fehler.append(jetzt)
        return anzahl

    def erfolg(self, zustand: MutableMapping) -> None:
        """The right password: the session starts afresh."""
        zustand.pop(sitzung.FEHLVERSUCHE, None)

    def zuruecksetzen(self) -> None:
        """Forget all wrong guesses of the server (tests)."""
        with self._sperre:
            self._fehler.clear()


DROSSEL = Drossel()


def _wer() -> str:
    """The client as far as the server knows it (behind a proxy: the proxy)."""
    try:
        return str(st.context.ip_address or "unbekannt")
    except Exception:  # no request context (AppTest, bare script)
        return "unbekannt"


def protokolliere_fehlversuch(anzahl: int) -> None:
    """A wrong password, in the server log (without the guess)."""
    protokoll.warning("Veröffentlichen: falsches Passwort (Versuch %d dieser Sitzung, von %s)", anzahl, _wer())


def protokolliere_gedrosselt(wartezeit: float) -> None:
    """An attempt refused because of too many wrong guesses, in the server log."""
    protokoll.warning(
        "Veröffentlichen: abgewiesen, zu viele falsche Passwörter (noch %.0f s, von %s)", wartezeit, _wer()
    )


def protokolliere_veroeffentlichung(nr: int, stand: object, bezeichnung: str, dateiname: str, neu: bool) -> None:
    """A publication, in the server log: Stand number, date, label, file (never a password)."""
    protokoll.info(
        "Veröffentlicht: Stand Nr. %d, Datum %s, Bezeichnung „%s“, Datei „%s“%s (von %s)",
        nr,
        stand or "ohne Datum",
        bezeichnung,
        dateiname,
        "" if neu else " – war bereits veröffentlicht",
        _wer(),
    )

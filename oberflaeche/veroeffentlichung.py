"""Who may publish: always whoever knows the password — configured, or made by the server.

Publishing never depends on where a request seems to come from (a proxy can send any Host
header). Without a configured password the server makes one on its first run and writes it
to its terminal, the way Jupyter prints its token: whoever started the server can publish,
nobody else. Who may edit is decided by the gate (`oberflaeche.berechtigung`), which asks for
this password where no sign-in is configured. Wrong guesses are slowed down per session, per
client and for the whole server without ever refusing a right password from a session that has
not guessed wrong (`ipdaten.drossel`); failed attempts and every publication go to the server
log and the audit table of the store — never a password or a guess.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
import sys
import threading
import time

import streamlit as st

from ipdaten.ablage import StandInfo
from ipdaten.drossel import Drossel

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


_NACHSEHEN_S = 5.0  # how long "no secrets.toml" is believed before looking again
_zuletzt_nachgesehen = -_NACHSEHEN_S


def _geheimnisdatei_fehlt() -> bool:
    """True when no secrets.toml exists, looked up at most every few seconds: the look-up is a
    file-system call per configured path, and the pages ask several times per rerun."""
    global _zuletzt_nachgesehen
    jetzt = time.monotonic()
    if jetzt - _zuletzt_nachgesehen < _NACHSEHEN_S:
        return True
    if any(os.path.exists(pfad) for pfad in st.get_option("secrets.files")):
        return False
    _zuletzt_nachgesehen = jetzt
    return True


def geheimnis(name: str, standard: object = None) -> object:
    """A value of `.streamlit/secrets.toml` (`standard` without the file or the name), the one way
    the pages read it. The file is looked for first: without one, Streamlit reads its paths again
    and raises on every access (about 0,5 ms each, several times per view of the Daten page)."""
    geladen = getattr(st.secrets, "_secrets", None) is not None  # parsed already, or given (AppTest)
    if not geladen and _geheimnisdatei_fehlt():
        return standard
    try:
        return st.secrets.get(name, standard)
    except Exception:  # an unreadable secrets.toml (Streamlit reports it itself)
        return standard


def konfiguriertes_passwort() -> str | None:
    """The publish password from st.secrets or the environment; None when none is set."""
    wert = geheimnis(PASSWORT_NAME)
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


DROSSEL = Drossel()


def client() -> str | None:
    """The client's address as the server sees it: None for loopback (a proxy on the same
    machine) and outside a real request (AppTest gives a mock object, not a text)."""
    try:
        adresse = st.context.ip_address
    except Exception:  # no request context (bare script)
        return None
    return adresse if isinstance(adresse, str) and adresse else None


def _wer() -> str:
    """The client for the server log (behind a proxy on the same machine: "lokal")."""
    return client() or "lokal"


def protokolliere_fehlversuch(anzahl: int) -> None:
    """A wrong password, in the server log (without the guess)."""
    protokoll.warning("Veröffentlichen: falsches Passwort (Versuch %d dieser Sitzung, von %s)", anzahl, _wer())


def protokolliere_gedrosselt(wartezeit: float) -> None:
    """An attempt refused because of too many wrong guesses, in the server log."""
    protokoll.warning(
        "Veröffentlichen: abgewiesen, zu viele falsche Passwörter (noch %.0f s, von %s)", wartezeit, _wer()
    )


def protokolliere_veroeffentlichung(info: StandInfo, neu: bool) -> None:
    """A publication, in the server log: Stand number, date, label, file and who (never a password)."""
    protokoll.info(
        "Veröffentlicht: Stand Nr. %d, Datum %s, Bezeichnung „%s“, Datei „%s“%s (durch %s, von %s)",
        info.nr,
        info.stand or "ohne Datum",
        info.bezeichnung,
        info.dateiname,
        "" if neu else " – war bereits veröffentlicht",
        info.von.anzeige if info.von is not None else "unbekannt",
        _wer(),
    )

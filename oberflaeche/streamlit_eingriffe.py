"""The places where the dashboard changes what Streamlit itself does, kept in one small module.

Streamlit 1.67 has no setting for any of them (checked in its source):

1. **`clear_cache` from any viewer.** A browser may send the websocket message `clear_cache` even
   though the menu entry is hidden (`client.toolbarMode = "viewer"`); Streamlit then empties every
   `st.cache_data` and `st.cache_resource` of all users (with 200 Stände each Fortschritt view then
   took 16–21 s). It is ignored here unless the toolbar offers the entry (`toolbarMode` "developer").
2. **Uploads nobody chose.** `/_stcore/upload_file/<session>/<id>` keeps every file PUT to it, for
   any id, in memory until the session ends – two minutes after the browser has left; the app's
   own size checks never see a file no widget chose (40 PUTs of 24 MB held 960 MB). Here
   Streamlit's store of uploads gets bounds: per session at most `MAX_DATEIEN_JE_SITZUNG` files
   and twice `server.maxUploadSize`, for all sessions ten times `server.maxUploadSize`; a file no
   widget has asked for within `UNGEWAEHLT_S` is dropped, and so are the files of a session whose
   browser has been gone for `VERLASSEN_S`. A refused PUT gets HTTP 413 and a line in the log.

3. **`/_stcore/metrics` for anyone.** Streamlit answers every client that reaches the server with
   the names of the cached functions, their entries and bytes, the bytes of uploads held and the
   number of sessions. Here the endpoint reports nothing unless the service sets
   `IPDATEN_METRIKEN=1` (for the IT's own monitoring, or the server-level tests).

All are installed by `einrichten()` on the app's first run in a server process (the Streamlit
server starts no code of the app before that). `tests/test_streamlit_eingriffe.py` fails loudly
when an upgrade of Streamlit moves what they rely on.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable

from streamlit import config
from streamlit.runtime import Runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

protokoll = logging.getLogger("ipdaten.sicherheit")

METRIKEN_UMGEBUNG = "IPDATEN_METRIKEN"  # "1": /_stcore/metrics reports as Streamlit does
MAX_DATEIEN_JE_SITZUNG = 6  # the app has three uploaders; a replaced file is deleted by the browser
UNGEWAEHLT_S = 60.0  # the browser names a file in its widget right after the upload (well under a second)
VERLASSEN_S = 15.0  # a reconnect (network glitch) comes sooner; the session itself lives on for 2 min
PRUEFEN_ALLE_S = 5.0

_eingerichtet = False
_sperre = threading.Lock()


def _mb_bytes(faktor: int) -> int:
    return faktor * int(config.get_option("server.maxUploadSize")) * 1024 * 1024


def bytes_je_sitzung() -> int:
    """Upload bytes one session may hold: twice the largest file Streamlit accepts."""
    return _mb_bytes(2)


def bytes_gesamt() -> int:
    """Upload bytes all sessions together may hold: ten times the largest file."""
    return _mb_bytes(10)


# --- 1. clear_cache ------------------------------------------------------------------------------


def _clear_cache_nur_mit_menue(original: Callable[[AppSession], None]) -> Callable[[AppSession], None]:
    @functools.wraps(original)
    def behandeln(sitzung: AppSession) -> None:
        if config.get_option("client.toolbarMode") == "developer":
            original(sitzung)
            return
        protokoll.warning("Nachricht „clear_cache“ einer Sitzung ignoriert (das Menü bietet sie nicht an).")

    behandeln.ipdaten_eingriff = True  # type: ignore[attr-defined]
    return behandeln


# --- 2. uploads ----------------------------------------------------------------------------------


class BegrenzteHochladungen(MemoryUploadedFileManager):
    """Streamlit's in-memory store of uploaded files, with bounds.

    Swapped in for the runtime's own store by its class, so the upload route, which holds the
    object, uses it too. Streamlit's own lock guards its dicts; `_grenzen` makes the check and
    the addition one step.
    """

    def grenzen_einrichten(self, aktiv: Callable[[str], bool]) -> None:
        """Start the bookkeeping; `aktiv(session id)` says whether a browser is connected."""
        self._grenzen = threading.Lock()
        self._ungewaehlt: dict[tuple[str, str], float] = {}  # (session, file) → arrival, until a widget asks
        self._verlassen: dict[str, float] = {}  # session → first seen without a browser
        self._aktiv = aktiv

    def _bestand(self, sitzung: str, ausser: str) -> tuple[int, int, int]:
        """(files of `sitzung`, their bytes, bytes of all sessions), without the file `ausser`
        (a file PUT again under its id replaces itself)."""
        with self._lock:
            eigene = [f for i, f in self.file_storage.get(sitzung, {}).items() if i != ausser]
            alle = sum(len(f.data) for s in self.file_storage.values() for f in s.values())
            ersetzt = self.file_storage.get(sitzung, {}).get(ausser)
        return len(eigene), sum(len(f.data) for f in eigene), alle - (len(ersetzt.data) if ersetzt else 0)

    def add_file(self, session_id: str, file: UploadedFileRec) -> None:
        """Keep the file, or refuse it with HTTP 413 when it would break a bound."""
        with self._grenzen:
            dateien, eigene_bytes, alle_bytes = self._bestand(session_id, file.file_id)
            grund = ""
            if dateien >= MAX_DATEIEN_JE_SITZUNG:
                grund = f"mehr als {MAX_DATEIEN_JE_SITZUNG} Dateien in einer Sitzung"
            elif eigene_bytes + len(file.data) > bytes_je_sitzung():
                grund = f"mehr als {bytes_je_sitzung() // 2**20} MB in einer Sitzung"
            elif alle_bytes + len(file.data) > bytes_gesamt():
                grund = f"mehr als {bytes_gesamt() // 2**20} MB in allen Sitzungen zusammen"
            else:
                super().add_file(session_id, file)
                self._ungewaehlt[(session_id, file.file_id)] = time.monotonic()
        if grund:
            protokoll.warning("Hochladen abgewiesen (%s): %d Bytes, Sitzung %s", grund, len(file.data), session_id)
            raise _http_413(grund)

    def get_files(self, session_id, file_ids):
        """The files a widget names; from now on they count as chosen."""
        with self._grenzen:
            for datei_id in file_ids:
                self._ungewaehlt.pop((session_id, datei_id), None)
        return super().get_files(session_id, file_ids)

    def remove_file(self, session_id: str, file_id: str) -> None:
        """Drop one file (the browser's DELETE, or a file nobody chose)."""
        super().remove_file(session_id, file_id)
        with self._grenzen:
            self._ungewaehlt.pop((session_id, file_id), None)

    def remove_session_files(self, session_id: str) -> None:
        """Drop all files of a session (it ended, or its browser is gone)."""
        super().remove_session_files(session_id)
        with self._grenzen:
            for schluessel in [k for k in self._ungewaehlt if k[0] == session_id]:
                del self._ungewaehlt[schluessel]
            self._verlassen.pop(session_id, None)

    def aufraeumen(self, jetzt: float | None = None) -> None:
        """Drop files no widget chose in time and the files of sessions whose browser has left."""
        jetzt = time.monotonic() if jetzt is None else jetzt
        with self._grenzen:
            ungewaehlt = [k for k, seit in self._ungewaehlt.items() if jetzt - seit >= UNGEWAEHLT_S]
        for sitzung, datei in ungewaehlt:
            self.remove_file(sitzung, datei)
        with self._lock:
            sitzungen = list(self.file_storage)
        with self._grenzen:
            verlassen = []
            for sitzung in sitzungen:
                if self._aktiv(sitzung):
                    self._verlassen.pop(sitzung, None)
                elif jetzt - self._verlassen.setdefault(sitzung, jetzt) >= VERLASSEN_S:
                    verlassen.append(sitzung)
        for sitzung in verlassen:
            self.remove_session_files(sitzung)


def _http_413(grund: str) -> Exception:
    """The exception the upload route turns into its answer (Starlette's, as the route's own)."""
    from starlette.exceptions import HTTPException

    return HTTPException(status_code=413, detail=f"Upload abgewiesen: {grund}")


def _waechter(speicher: BegrenzteHochladungen) -> None:
    while True:
        time.sleep(PRUEFEN_ALLE_S)
        try:
            speicher.aufraeumen()
        except Exception:  # the watcher must outlive any surprise; the log says what happened
            protokoll.exception("Aufräumen der Uploads fehlgeschlagen")


def _uploads_begrenzen() -> None:
    if not Runtime.exists() or config.get_option("global.appTest"):
        return  # the command line and AppTest (a mock runtime): no server, no upload route
    runtime = Runtime.instance()
    speicher = runtime.uploaded_file_mgr
    if type(speicher) is not MemoryUploadedFileManager:
        protokoll.error(
            "Uploads bleiben unbegrenzt: Streamlits Upload-Speicher ist %s, erwartet war "
            "MemoryUploadedFileManager (Streamlit-Version geändert?).",
            type(speicher).__name__,
        )
        return
    speicher.__class__ = BegrenzteHochladungen
    speicher.grenzen_einrichten(runtime.is_active_session)
    threading.Thread(target=_waechter, args=(speicher,), name="ipdaten-uploads", daemon=True).start()


# --- 3. metrics ----------------------------------------------------------------------------------


def _metriken_abschalten() -> None:
    if not Runtime.exists() or config.get_option("global.appTest"):
        return
    if os.environ.get(METRIKEN_UMGEBUNG, "").strip() == "1":
        protokoll.info("/_stcore/metrics meldet Zwischenspeicher, Uploads und Sitzungen (%s=1).", METRIKEN_UMGEBUNG)
        return
    # The endpoint asks the runtime's stats manager for its registered families on every request;
    # without providers it answers an empty metric set.
    Runtime.instance().stats_mgr._providers_by_family.clear()


def einrichten() -> None:
    """Install the changes, once per process; later calls cost one check."""
    global _eingerichtet
    if _eingerichtet:
        return
    with _sperre:
        if _eingerichtet:
            return
        if not getattr(AppSession._handle_clear_cache_request, "ipdaten_eingriff", False):
            AppSession._handle_clear_cache_request = _clear_cache_nur_mit_menue(AppSession._handle_clear_cache_request)
        _uploads_begrenzen()
        _metriken_abschalten()
        _eingerichtet = True

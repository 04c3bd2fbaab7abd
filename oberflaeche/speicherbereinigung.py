"""Garbage collection of the server: cheap and rare instead of a full pass after every run.

Streamlit would run a full collection after each run of the script (`runner.postScriptGC`),
also for the Stand-polling fragment every few seconds. With pandas, plotly and Streamlit loaded
that walked about 120 000 long-lived objects per run and, with 25–50 open sessions, took most of
the server's time while it should answer the browsers. So `.streamlit/config.toml` switches it
off, and this module does two things instead:

- `gc.freeze()` once after the imports moves the objects that exist then into the permanent
  generation, so that no later collection walks them again;
- `gelegentlich_aufraeumen()`, called at the end of every run of the app, runs a full collection
  at most every `AUFRAEUMEN_ALLE_S` seconds in the whole process. Together with Python's own
  generational collection (still on) this frees reference cycles left by script runs – large
  frames or figures caught in a cycle do not pile up – at a bounded cost: one pass of about
  30 ms per interval, whatever the number of sessions.
"""

from __future__ import annotations

import gc
import threading
import time

AUFRAEUMEN_ALLE_S = 30.0

_erledigt = False
_sperre = threading.Lock()
_letzte_sammlung = time.monotonic()


def langlebige_objekte_einfrieren() -> None:
    """Once per process, after the imports: exclude the objects alive now from later collections
    (they are still freed by reference counting; only cycles among them stay)."""
    global _erledigt
    if not _erledigt:
        gc.freeze()
        _erledigt = True


def gelegentlich_aufraeumen(jetzt: float | None = None) -> bool:
    """A full collection if the last one is at least `AUFRAEUMEN_ALLE_S` seconds ago (one at a
    time, process-wide; sessions running at once do not queue up for it). Returns whether it ran."""
    global _letzte_sammlung
    jetzt = time.monotonic() if jetzt is None else jetzt
    if jetzt - _letzte_sammlung < AUFRAEUMEN_ALLE_S or not _sperre.acquire(blocking=False):
        return False
    try:
        if jetzt - _letzte_sammlung < AUFRAEUMEN_ALLE_S:
            return False
        _letzte_sammlung = jetzt
        gc.collect()
        return True
    finally:
        _sperre.release()

"""The pages of the navigation: built once per process, copied for every run.

`st.Page("seiten/x.py")` resolves and checks its file on the disk each time it is created, and
app.py creates all pages on every run of every session: with 50 open sessions that was about a
tenth of the server's time, in system calls. The pages never change while the server runs, so
they are built on the first run and each run gets shallow copies (a `Page` holds only paths and
strings, plus a flag that `st.navigation` sets for the page it chose – per copy, so sessions
running at the same time do not share it).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable

import streamlit as st

_vorlagen: list[st.Page] | None = None
_sperre = threading.Lock()


def seiten(baue: Callable[[], list[st.Page]]) -> list[st.Page]:
    """Fresh copies of the pages that `baue` creates; `baue` runs once per process (it needs a
    running script, so it runs on the first run, not on import)."""
    global _vorlagen
    with _sperre:
        if _vorlagen is None:
            _vorlagen = baue()
        vorlagen = _vorlagen
    return [copy.copy(seite) for seite in vorlagen]

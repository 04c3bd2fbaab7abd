"""The one memo of the domain (`Gemerkt`): a value computed once per key and shared read-only
afterwards, optionally bounded (the oldest entry leaves first).

An Auswertung, a VerlaufAuswertung and a Vergleich each hold one: figures and display tables are
built on the first rerun that needs them, and live as long as the object they belong to; a module
holds one for what is keyed by content (the PNG of a chart, a checked Word template).
Streamlit's own caches (across reruns and sessions) are in `oberflaeche/zwischenspeicher.py`.
The hot pure functions of a short text (a header key, a folded cell text) use `kurze_texte`, a
`functools.lru_cache` for texts up to KURZ characters: called thousands of times per workbook,
they need its speed, and a long text (a note, a hostile 32 767-character cell) is never kept.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
KURZ = 200  # the longest text kurze_texte remembers


def kurze_texte(hoechstens: int) -> Callable[[Callable[[object], T]], Callable[[object], T]]:
    """Decorator: remember the results of a pure one-argument function for str arguments of up to
    KURZ characters (at most `hoechstens`, least recently used leaves first); others are computed."""

    def dekorieren(funktion: Callable[[object], T]) -> Callable[[object], T]:
        gemerkt = functools.lru_cache(maxsize=hoechstens)(funktion)

        @functools.wraps(funktion)
        def aufruf(text: object) -> T:
            return gemerkt(text) if type(text) is str and len(text) <= KURZ else funktion(text)

        return aufruf

    return dekorieren


class Gemerkt:
    """Values by key, each computed once; `hoechstens` bounds the number kept (None = all; the
    first computed leaves first)."""

    def __init__(self, hoechstens: int | None = None):
        self._werte: dict[Hashable, object] = {}
        self._hoechstens = hoechstens
        self._sperre = threading.Lock()

    def wert(self, schluessel: Hashable, berechne: Callable[[], T]) -> T:
        """The value of `schluessel`, computed by `berechne` the first time (outside the lock:
        two sessions may compute the same value at once, both results are equal)."""
        try:
            return self._werte[schluessel]  # type: ignore[return-value]
        except KeyError:
            pass
        neu = berechne()
        with self._sperre:
            if self._hoechstens is not None and len(self._werte) >= self._hoechstens:
                self._werte.pop(next(iter(self._werte)))
            return self._werte.setdefault(schluessel, neu)  # type: ignore[return-value]

"""Slowing down password guessers without locking out the person who knows the password.

Three counters of *wrong* guesses, never of right ones:
- per session: from the fourth wrong guess on a growing wait (2, 4, 8 … up to 300 s);
- per client address: more than `je_client` wrong guesses within `client_fenster` seconds make
  every session of that address wait (a new session per guess does not help) — the officer at
  her own desk is another address;
- for the whole server: more than `je_minute` wrong guesses a minute make every session that has
  guessed wrong itself wait until the minute is over.
A session that has not guessed wrong, from an address that is not over its limit, always has its
password checked, whatever others do: a guesser cannot keep the officer's correct password out
(issue 23, finding 4). Without a known address (loopback: a reverse proxy on the same machine,
or the test harness) only the session and the server-wide counters apply.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable, MutableMapping
from typing import Any

# Where a session keeps (count, moment of the last) of its wrong guesses in its state mapping.
SCHLUESSEL = "_ipdaten_passwort_fehlversuche"
MAX_WARTEN_S = 300
FREI_JE_SITZUNG = 3
MAX_CLIENTS = 10_000  # addresses remembered at most (the oldest are forgotten first)


def _warten(anzahl: int, frei: int, zuletzt: float, jetzt: float) -> float:
    """Seconds left of the wait after `anzahl` wrong guesses of which `frei` are free."""
    if anzahl < frei:
        return 0.0
    return max(0.0, zuletzt + min(float(2 ** (anzahl - frei + 1)), MAX_WARTEN_S) - jetzt)


class Drossel:
    """The three counters (see the module docstring); thread-safe, one per server process."""

    def __init__(
        self,
        je_minute: int = 10,
        je_client: int = 10,
        client_fenster: float = 900.0,
        uhr: Callable[[], float] = time.monotonic,
    ):
        self.je_minute = je_minute
        self.je_client = je_client
        self.client_fenster = client_fenster
        self.uhr = uhr
        self._fehler: collections.deque[float] = collections.deque()
        self._je_client: collections.OrderedDict[str, collections.deque[float]] = collections.OrderedDict()
        self._sperre = threading.Lock()

    def _aufraeumen(self, jetzt: float) -> None:
        while self._fehler and self._fehler[0] <= jetzt - 60:
            self._fehler.popleft()
        for client in list(self._je_client):
            zeiten = self._je_client[client]
            while zeiten and zeiten[0] <= jetzt - self.client_fenster:
                zeiten.popleft()
            if not zeiten:
                del self._je_client[client]

    def wartezeit(self, zustand: MutableMapping[str, Any], client: str | None = None) -> float:
        """Seconds until this session (from this client address) may try again; 0: now."""
        jetzt = self.uhr()
        anzahl, zuletzt = zustand.get(SCHLUESSEL, (0, 0.0))
        warten = [_warten(anzahl, FREI_JE_SITZUNG, zuletzt, jetzt)]
        with self._sperre:
            self._aufraeumen(jetzt)
            zeiten = self._je_client.get(client) if client else None
            if zeiten and len(zeiten) >= self.je_client:
                warten.append(_warten(len(zeiten), self.je_client, zeiten[-1], jetzt))
            if anzahl > 0 and len(self._fehler) >= self.je_minute:
                warten.append(self._fehler[-self.je_minute] + 60 - jetzt)
        return max(0.0, *warten)

    def fehlversuch(self, zustand: MutableMapping[str, Any], client: str | None = None) -> int:
        """Count a wrong guess; returns how many this session has made."""
        jetzt = self.uhr()
        anzahl: int = zustand.get(SCHLUESSEL, (0, 0.0))[0] + 1
        zustand[SCHLUESSEL] = (anzahl, jetzt)
        with self._sperre:
            self._fehler.append(jetzt)
            while len(self._fehler) > self.je_minute:
                self._fehler.popleft()  # only the last `je_minute` matter
            if client:
                zeiten = self._je_client.pop(client, None) or collections.deque(maxlen=max(self.je_client, 64))
                zeiten.append(jetzt)
                self._je_client[client] = zeiten  # most recent last
                while len(self._je_client) > MAX_CLIENTS:
                    self._je_client.popitem(last=False)
        return anzahl

    def erfolg(self, zustand: MutableMapping[str, Any], client: str | None = None) -> None:
        """The right password: the session (and its address) start afresh."""
        zustand.pop(SCHLUESSEL, None)
        if client:
            with self._sperre:
                self._je_client.pop(client, None)

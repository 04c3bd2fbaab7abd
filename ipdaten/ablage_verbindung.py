"""How the store of Stände talks to its SQLite file: connections, the shared reader, write
transactions, the read-only mode and SQLite's errors as AblageFehler (`ipdaten.ablage` keeps
the Stände themselves).

`BEGIN IMMEDIATE` serialises writers so that a check and the write after it see the same state.
Writers open their own connection; readers share one connection per store behind a lock
(opening a connection costs about a millisecond, and every page rerun reads).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from ipdaten import ablage_ort
from ipdaten.ablage_fehler import AblageFehler, nur_lesbar_fehler, oeffnen_fehler

WARTEZEIT_MS = 30_000


class SqliteVerbindungen:
    """The connections to one store file. The subclass sets `verzeichnis`, `pfad`,
    `_standard_mappe` and `nur_lesbar` and calls `_verbindungen_vorbereiten()` first."""

    verzeichnis: Path
    pfad: Path
    _standard_mappe: Path
    nur_lesbar: bool

    def _verbindungen_vorbereiten(self) -> None:
        self._lesesperre = threading.Lock()
        self._leser: sqlite3.Connection | None = None

    def _nach_dem_schreiben(self) -> None:
        """Called after every committed write transaction."""

    def _oeffne(self) -> sqlite3.Connection:
        if self.nur_lesbar:
            ziel, uri = ablage_ort.nur_lesen_uri(self.pfad), True
        else:
            ziel, uri = str(self.pfad), False
        verbindung = sqlite3.connect(
            ziel, timeout=WARTEZEIT_MS / 1000, isolation_level=None, check_same_thread=False, uri=uri
        )
        verbindung.row_factory = sqlite3.Row
        verbindung.execute(f"PRAGMA busy_timeout = {WARTEZEIT_MS}")
        verbindung.execute("PRAGMA foreign_keys = ON")
        verbindung.execute("PRAGMA synchronous = FULL")
        return verbindung

    @contextlib.contextmanager
    def _verbindung(self) -> Iterator[sqlite3.Connection]:
        verbindung = self._oeffne()
        try:
            yield verbindung
        finally:
            verbindung.close()

    @contextlib.contextmanager
    def _sqlite_als_ablagefehler(self, vorgang: str) -> Iterator[None]:
        """SQLite's own errors (locked, full, read-only, corrupt) leave the store as AblageFehler
        with a German message by cause (`vorgang`: "gelesen", "beschrieben"): callers catch one type."""
        try:
            yield
        except sqlite3.Error as e:
            raise AblageFehler(oeffnen_fehler(self.verzeichnis, self.pfad, self._standard_mappe, e, vorgang)) from e

    @contextlib.contextmanager
    def _lesen(self) -> Iterator[sqlite3.Connection]:
        """The shared read connection (autocommit: every query sees the latest commit)."""
        with self._sqlite_als_ablagefehler("gelesen"), self._lesesperre:
            if self._leser is None:
                self._leser = self._oeffne()
            try:
                yield self._leser
            except sqlite3.Error:
                self._leser.close()
                self._leser = None
                raise

    @contextlib.contextmanager
    def _transaktion(self) -> Iterator[sqlite3.Connection]:
        if self.nur_lesbar:
            raise AblageFehler(nur_lesbar_fehler(self.verzeichnis))
        with self._sqlite_als_ablagefehler("beschrieben"), self._verbindung() as verbindung:
            verbindung.execute("BEGIN IMMEDIATE")
            try:
                yield verbindung
                verbindung.execute("COMMIT")
            except BaseException:
                # SQLite has rolled back already after some errors (a full disk): a second
                # rollback would hide the cause behind "no transaction is active".
                if verbindung.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        verbindung.execute("ROLLBACK")
                raise
            self._nach_dem_schreiben()

    @contextlib.contextmanager
    def lesen(self) -> Iterator[sqlite3.Connection]:
        """The shared read connection, for modules that keep their own tables in this store
        (the Rückmelderunde, `rueckmeldung.ablage_runde`)."""
        with self._lesen() as verbindung:
            yield verbindung

    @contextlib.contextmanager
    def transaktion(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (all or nothing), for modules with their own tables in this store."""
        with self._transaktion() as verbindung:
            yield verbindung

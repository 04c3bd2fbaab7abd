"""A store of Stände as an earlier version of the program left it (for the migration tests)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from ipdaten.ablage import DATEINAME_DB, sha256
from tests.arbeitsmappen import ueberarbeitete_standard_bytes

# The store as version 2 of the program left it (copied from that release, not derived).
SCHEMA_V2 = """
CREATE TABLE dateien (sha256 TEXT PRIMARY KEY, inhalt BLOB NOT NULL);
CREATE TABLE staende (
    nr INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE REFERENCES dateien(sha256),
    stand TEXT, bezeichnung TEXT NOT NULL, veroeffentlicht TEXT NOT NULL, dateiname TEXT NOT NULL,
    groesse INTEGER NOT NULL, ist_standard INTEGER NOT NULL DEFAULT 0, zuordnung TEXT, signatur TEXT
);
CREATE INDEX staende_signatur ON staende(signatur);
PRAGMA user_version = 2;
"""


def alte_ablage(ordner: Path, version_sql: str = SCHEMA_V2) -> None:
    """A store in `ordner` as an earlier version left it, holding one Stand (the revised default)."""
    ordner.mkdir(parents=True, exist_ok=True)
    daten = ueberarbeitete_standard_bytes()
    with contextlib.closing(sqlite3.connect(ordner / DATEINAME_DB)) as db:
        db.executescript(version_sql)
        db.execute("INSERT INTO dateien VALUES (?, ?)", (sha256(daten), daten))
        db.execute(
            "INSERT INTO staende (sha256, stand, bezeichnung, veroeffentlicht, dateiname, groesse, ist_standard) "
            "VALUES (?, '2017-09-30', 'Herbst', '2017-10-01T08:00:00+00:00', 'herbst.xlsx', ?, 0)",
            (sha256(daten), len(daten)),
        )
        db.commit()

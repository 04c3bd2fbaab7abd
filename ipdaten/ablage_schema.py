"""The tables of the store and how an older store is brought up to date.

The version of a store is SQLite's `PRAGMA user_version`. A new store gets the first schema and
then every migration in order, an older one only the migrations it lacks, all inside the setup
transaction of `Ablage` (two processes opening an old store at once do not both migrate it).
A later change appends a step to `MIGRATIONEN` (never edits a released one); the step's number
is the version it produces.
"""

from __future__ import annotations

import sqlite3

# Version 2: the Stände and their files, with the mapping of a workbook and its header signature.
_GRUNDSCHEMA = (
    """CREATE TABLE IF NOT EXISTS dateien (
    sha256 TEXT PRIMARY KEY,
    inhalt BLOB NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS staende (
    nr INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE REFERENCES dateien(sha256),
    stand TEXT,
    bezeichnung TEXT NOT NULL,
    veroeffentlicht TEXT NOT NULL,
    dateiname TEXT NOT NULL,
    groesse INTEGER NOT NULL,
    ist_standard INTEGER NOT NULL DEFAULT 0,
    zuordnung TEXT,
    signatur TEXT
)""",
    "CREATE INDEX IF NOT EXISTS staende_signatur ON staende(signatur)",
)
# Columns that version 2 added to stores of the first release (which had no user_version).
_NACHGETRAGEN = (("zuordnung", "TEXT"), ("signatur", "TEXT"))
GRUNDVERSION = 2

MIGRATIONEN: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        3,  # who published a Stand and why; the audit table of publications and failed attempts
        (
            "ALTER TABLE staende ADD COLUMN von_name TEXT",
            "ALTER TABLE staende ADD COLUMN von_quelle TEXT",
            "ALTER TABLE staende ADD COLUMN von_kennung TEXT",
            "ALTER TABLE staende ADD COLUMN kommentar TEXT",
            """CREATE TABLE IF NOT EXISTS protokoll (
    nr INTEGER PRIMARY KEY AUTOINCREMENT,
    zeit TEXT NOT NULL,
    aktion TEXT NOT NULL,
    wer TEXT NOT NULL DEFAULT '',
    quelle TEXT,
    kennung TEXT,
    client TEXT,
    stand_nr INTEGER,
    dateiname TEXT,
    sha256 TEXT,
    hinweis TEXT
)""",
        ),
    ),
    (
        4,  # the Rückmelderunde: rounds, their recipients and the returned forms (rueckmeldung.ablage_runde)
        (
            """CREATE TABLE IF NOT EXISTS runden (
    id TEXT PRIMARY KEY,
    titel TEXT NOT NULL,
    frist TEXT,
    basis_sha256 TEXT NOT NULL REFERENCES dateien(sha256),
    stand TEXT,
    erstellt TEXT NOT NULL,
    nach_zustaendigkeit INTEGER NOT NULL,
    abgeschlossen TEXT
)""",
            """CREATE TABLE IF NOT EXISTS runden_empfaenger (
    runde_id TEXT NOT NULL REFERENCES runden(id),
    reihe INTEGER NOT NULL,
    schluessel TEXT NOT NULL,
    name TEXT NOT NULL,
    dateiname TEXT NOT NULL,
    empfehlungen TEXT NOT NULL,
    PRIMARY KEY (runde_id, schluessel)
)""",
            """CREATE TABLE IF NOT EXISTS runden_eingang (
    nr INTEGER PRIMARY KEY AUTOINCREMENT,
    runde_id TEXT NOT NULL REFERENCES runden(id),
    sha256 TEXT NOT NULL,
    dateiname TEXT NOT NULL,
    inhalt BLOB NOT NULL,
    eingegangen TEXT NOT NULL,
    stelle TEXT NOT NULL,
    absender TEXT NOT NULL DEFAULT '',
    datum TEXT,
    uebernommen_nr INTEGER,
    UNIQUE (runde_id, sha256)
)""",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONEN[-1][0]
# The tables every store of this version has (the restore command checks a file against them).
TABELLEN = ("dateien", "staende", "protokoll", "runden", "runden_empfaenger", "runden_eingang")


def version(verbindung: sqlite3.Connection) -> int:
    """The schema version of an open store (0: none or a store of the first release)."""
    return int(verbindung.execute("PRAGMA user_version").fetchone()[0])


def einrichten(verbindung: sqlite3.Connection) -> None:
    """Create the tables of a new store or migrate an older one (inside a transaction). A store
    of a newer program version is left at its version: its extra columns are simply not read."""
    alt = version(verbindung)
    vorhanden = {z[1] for z in verbindung.execute("PRAGMA table_info(staende)").fetchall()}
    if vorhanden:
        for spalte, typ in _NACHGETRAGEN:
            if spalte not in vorhanden:
                verbindung.execute(f"ALTER TABLE staende ADD COLUMN {spalte} {typ}")
        alt = max(alt, GRUNDVERSION)
    else:
        alt = 0
    for befehl in _GRUNDSCHEMA:
        verbindung.execute(befehl)
    for nummer, befehle in MIGRATIONEN:
        if nummer > alt:
            for befehl in befehle:
                verbindung.execute(befehl)
    if alt < SCHEMA_VERSION:
        verbindung.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

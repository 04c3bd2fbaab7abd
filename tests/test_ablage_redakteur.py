"""Who published a Stand and why, and the audit table (issue 26, issue 21): stored with every new
Stand, migrated into stores of earlier versions (PRAGMA user_version), never a password."""

from __future__ import annotations

import contextlib
import sqlite3

from ipdaten.ablage import DATEINAME_DB, Ablage, sha256
from ipdaten.ablage_schema import SCHEMA_VERSION
from ipdaten.redakteur import Redakteur, gruppen, ist_redakteur
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes

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


def _alte_ablage(ordner, version_sql: str = SCHEMA_V2):
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


def _version(ordner) -> int:
    with contextlib.closing(sqlite3.connect(ordner / DATEINAME_DB)) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_alte_ablage_wird_ergaenzt_und_alte_staende_haben_keinen_namen(tmp_path):
    _alte_ablage(tmp_path)
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    assert _version(tmp_path) == SCHEMA_VERSION == 4  # 4: the tables of the Rückmelderunde
    (alt,) = ablage.staende()
    assert (alt.nr, alt.bezeichnung, alt.von, alt.kommentar) == (1, "Herbst", None, "")
    assert ablage.protokoll() == []
    neu = ablage.veroeffentliche(
        STANDARD_PFAD.read_bytes(), von=Redakteur("Maria Muster"), kommentar="zurück zum Bericht"
    ).stand
    assert (neu.nr, neu.von, neu.kommentar) == (2, Redakteur("Maria Muster", "passwort"), "zurück zum Bericht")
    # Opening it again migrates nothing twice.
    assert [s.von for s in Ablage(tmp_path, STANDARD_PFAD).staende()] == [None, Redakteur("Maria Muster")]


def test_ablage_einer_neueren_version_bleibt_bei_ihrer_version(tmp_path):
    Ablage(tmp_path, STANDARD_PFAD)
    with contextlib.closing(sqlite3.connect(tmp_path / DATEINAME_DB)) as db:
        db.execute("PRAGMA user_version = 99")
        db.commit()
    assert [s.nr for s in Ablage(tmp_path, STANDARD_PFAD).staende()] == [1]
    assert _version(tmp_path) == 99


def test_veroeffentlichen_schreibt_name_kommentar_und_protokoll(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    wer = Redakteur("Maria Muster", "anmeldung", "m.muster@lrabb.de")
    erst = ablage.veroeffentliche(
        ueberarbeitete_standard_bytes(),
        dateiname="Herbst.xlsx",
        von=wer,
        kommentar="Rückmeldungen\n\u202eeingearbeitet " + "x" * 600,
        client="10.0.0.7",
    )
    assert erst.neu and erst.stand.von == wer
    assert erst.stand.kommentar.startswith("Rückmeldungen eingearbeitet xxx") and len(erst.stand.kommentar) == 500
    nochmal = ablage.veroeffentliche(ueberarbeitete_standard_bytes(), von=Redakteur("Paul"), dateiname="kopie.xlsx")
    assert not nochmal.neu
    zeilen = [
        (e.aktion_text, e.wer, e.quelle, e.kennung, e.client, e.stand_nr, e.dateiname, e.sha256)
        for e in ablage.protokoll()
    ]
    assert zeilen == [
        (
            "Veröffentlichen: Datei war bereits veröffentlicht",
            "Paul",
            "passwort",
            None,
            None,
            2,
            "kopie.xlsx",
            erst.stand.sha256,
        ),
        (
            "Veröffentlicht",
            "Maria Muster",
            "anmeldung",
            "m.muster@lrabb.de",
            "10.0.0.7",
            2,
            "Herbst.xlsx",
            erst.stand.sha256,
        ),
    ]
    assert ablage.protokoll(grenze=1)[0].wer == "Paul"


def test_anzeige_eines_redakteurs():
    assert Redakteur("Maria Muster").anzeige == "Maria Muster"
    assert Redakteur("Maria Muster", "anmeldung", "m@lrabb.de").anzeige == "Maria Muster (m@lrabb.de)"
    assert Redakteur("m@lrabb.de", "anmeldung", "m@lrabb.de").anzeige == "m@lrabb.de"


def test_redakteursliste_nach_email_und_gruppe():
    liste = ["Chefin@LRABB.de", "IP-Redaktion", " "]
    assert ist_redakteur("chefin@lrabb.de", [], liste)
    assert ist_redakteur(None, ["IP-Redaktion"], liste)
    assert not ist_redakteur("ip-redaktion", [], liste)  # a group name is no e-mail
    assert not ist_redakteur("paul@lrabb.de", ["ip-redaktion"], liste)  # groups exactly
    assert not ist_redakteur("", [], liste)
    assert not ist_redakteur("chefin@lrabb.de", [], [])
    assert gruppen({"groups": "Eine"}) == ["Eine"]
    assert gruppen({"roles": ["A", "B"]}, "roles") == ["A", "B"]
    assert gruppen({}) == []

"""Who published a Stand and why, and the audit table (issue 26, issue 21): stored with every new
Stand, migrated into stores of earlier versions (PRAGMA user_version), never a password."""

from __future__ import annotations

import contextlib
import sqlite3

from ipdaten.ablage import DATEINAME_DB, Ablage
from ipdaten.ablage_schema import SCHEMA_VERSION
from ipdaten.redakteur import Redakteur, gruppen, ist_redakteur
from tests.alte_ablage import alte_ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes


def _version(ordner) -> int:
    with contextlib.closing(sqlite3.connect(ordner / DATEINAME_DB)) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_alte_ablage_wird_ergaenzt_und_alte_staende_haben_keinen_namen(tmp_path):
    alte_ablage(tmp_path)
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

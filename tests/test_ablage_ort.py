"""Where the store lies (issue 26, "Running it"): a first start on an empty store is calm, a
store that vanished is loud (the marker next to its folder tells the two apart), and a store on
a network share is warned about."""

from __future__ import annotations

import logging
import shutil

from ipdaten import ablage_ort
from ipdaten.ablage import Ablage
from ipdaten.ablage_ort import dateisystem_linux, hatte_staende, markierung
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import oeffne, starte, texte

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
//fileserver/ablage /mnt/ablage cifs rw,vers=3.0 0 0
server:/export /srv/nfs\\040daten nfs4 rw 0 0
/dev/sdb1 /mnt/ablage/lokal ext4 rw 0 0
"""


def test_dateisystem_eines_pfads():
    assert dateisystem_linux("/home/x/ablage", MOUNTS) == "ext4"
    assert dateisystem_linux("/mnt/ablage/stände", MOUNTS) == "cifs"
    assert dateisystem_linux("/mnt/ablage", MOUNTS) == "cifs"
    assert dateisystem_linux("/mnt/ablagen", MOUNTS) == "ext4"  # a prefix of the name is not the mount
    assert dateisystem_linux("/srv/nfs daten/x", MOUNTS) == "nfs4"  # \040 is a space
    assert dateisystem_linux("/mnt/ablage/lokal/x", MOUNTS) == "ext4"  # the innermost mount decides


def test_erster_start_ist_ruhig(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("IPDATEN_ABLAGE", str(tmp_path / "ablage"))
    caplog.set_level(logging.INFO, logger="ipdaten.sicherheit")
    at = starte()
    assert not at.sidebar.error and not at.sidebar.warning
    assert "Noch kein eigener Stand veröffentlicht: Es gilt die mitgelieferte Standard-Arbeitsmappe." in texte(at)
    meldungen = [(r.levelname, r.getMessage()) for r in caplog.records if "Ablage der Stände" in r.getMessage()]
    assert meldungen == [
        (
            "INFO",
            f"Erster Start: Die Ablage der Stände in „{tmp_path / 'ablage'}“ wurde angelegt; "
            "Stand Nr. 1 ist die mitgelieferte Standard-Arbeitsmappe.",
        )
    ]
    assert hatte_staende(tmp_path / "ablage") and markierung(tmp_path / "ablage").parent == tmp_path


def test_verschwundene_ablage_ist_laut_auch_nach_einem_neustart(tmp_path, monkeypatch, caplog):
    ordner = tmp_path / "ablage"
    Ablage(ordner, STANDARD_PFAD).veroeffentliche(ueberarbeitete_standard_bytes())
    shutil.rmtree(ordner)  # deleted, moved, or a drive not mounted
    monkeypatch.setenv("IPDATEN_ABLAGE", str(ordner))
    caplog.set_level(logging.INFO, logger="ipdaten.sicherheit")
    at = starte()
    (fehler,) = [e.value for e in at.sidebar.error]
    assert "fehlte oder war leer, obwohl dort schon Stände veröffentlicht waren" in fehler
    assert "(python -m ipdaten ablage wiederherstellen SICHERUNG.sqlite)" in fehler
    assert [r.levelname for r in caplog.records if "fehlte oder war leer" in r.getMessage()] == ["ERROR"]
    # A restart does not make it calm: the store records what happened.
    neu = Ablage(ordner, STANDARD_PFAD)
    assert neu.verschwunden and not neu.neu_angelegt
    assert [e.aktion for e in neu.protokoll()] == ["ablage_fehlte"]
    # The first publication afterwards ends the alarm.
    neu.veroeffentliche(ueberarbeitete_standard_bytes())
    assert not Ablage(ordner, STANDARD_PFAD).verschwunden


def test_netzlaufwerk_wird_gemeldet(monkeypatch, caplog):
    monkeypatch.setattr(ablage_ort, "netzlaufwerk", lambda pfad: "Netzwerk-Dateisystem cifs")
    caplog.set_level(logging.WARNING, logger="ipdaten.sicherheit")
    at = oeffne("seiten/daten.py").run()
    assert not at.exception
    (warnung,) = [w.value for w in at.warning if "Netzlaufwerk" in w.value]
    assert (
        "liegt auf einem Netzlaufwerk (Netzwerk\\-Dateisystem cifs). SQLite kann dort nicht sicher sperren" in warnung
    )
    assert any("liegt auf einem Netzlaufwerk" in r.getMessage() for r in caplog.records)

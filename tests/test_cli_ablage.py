"""The store on the command line (issue 26): `staende`, `ablage sichern|pruefen|wiederherstellen`
– a backup taken while another process publishes is consistent, a damaged or foreign file is
never restored, the current store is kept as a copy – and `selbsttest`."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from ipdaten.ablage import DATEINAME_DB, Ablage, ablage_verzeichnis
from ipdaten.ablage_schema import SCHEMA_VERSION
from ipdaten.ablage_sicherung import lies_staende, pruefe
from ipdaten.redakteur import Redakteur
from tests.alte_ablage import alte_ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.kommandozeile import WURZEL, rufe


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _db():
    return ablage_verzeichnis() / DATEINAME_DB


def _mit_zwei_staenden() -> Ablage:
    ablage = _ablage()
    ablage.veroeffentliche(
        ueberarbeitete_standard_bytes(),
        dateiname="herbst.xlsx",
        von=Redakteur("Maria Muster"),
        kommentar="=Rückmeldungen eingearbeitet",
    )
    return ablage


def test_staende_als_tabelle_und_csv():
    ablage = _mit_zwei_staenden()
    eins, zwei = ablage.staende()
    ergebnis = rufe("staende")
    assert ergebnis.returncode == 0, ergebnis.stderr
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[0].split() == [
        "Nr",
        "Stand",
        "Bezeichnung",
        "veröffentlicht",
        "am",
        "von",
        "Kommentar",
        "Datei",
        "SHA-256",
    ]
    assert zeilen[1].startswith("1   06.03.2017  Bilanz des Integrationsplans 2014…")
    assert "mitgeliefert" in zeilen[1] and zeilen[1].endswith(eins.sha256)
    assert zeilen[2].startswith("2   30.09.2017  Fortschreibung Herbst 2017")
    assert "Maria Muster  =Rückmeldungen eingearbeitet  herbst.xlsx" in zeilen[2] and zeilen[2].endswith(zwei.sha256)
    als_csv = rufe("staende", "--csv")
    gelesen = list(csv.reader(io.StringIO(als_csv.stdout.lstrip("\ufeff")), delimiter=";"))
    assert gelesen[0] == ["Nr", "Stand", "Bezeichnung", "veröffentlicht am", "von", "Kommentar", "Datei", "SHA-256"]
    assert gelesen[2][4:] == ["Maria Muster", "'=Rückmeldungen eingearbeitet", "herbst.xlsx", zwei.sha256]


def test_staende_einer_alten_ablage_ohne_sie_zu_veraendern(tmp_path):
    alte_ablage(tmp_path / "alt")
    vorher = (tmp_path / "alt" / DATEINAME_DB).read_bytes()
    ergebnis = rufe("staende", "--ablage", str(tmp_path / "alt"))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "Herbst" in ergebnis.stdout and "unbekannt" in ergebnis.stdout
    assert (tmp_path / "alt" / DATEINAME_DB).read_bytes() == vorher  # read-only: not migrated


def test_staende_ohne_ablage_legt_keine_an(tmp_path):
    ergebnis = rufe("staende", "--ablage", str(tmp_path / "nichts"))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr == (
        f"Fehler: Es gibt keine Ablage „{tmp_path / 'nichts' / DATEINAME_DB}“ (der Server legt sie beim ersten Start an).\n"
    )
    assert not (tmp_path / "nichts").exists()


VEROEFFENTLICHER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {wurzel!r})
    from ipdaten.ablage import Ablage
    from ipdaten.redakteur import Redakteur
    from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
    ablage = Ablage({ordner!r}, STANDARD_PFAD)
    print("bereit", flush=True)
    for i in range({anzahl}):
        ablage.veroeffentliche(ueberarbeitete_standard_bytes(bezeichnung=f"Stand {{i}}"), von=Redakteur(f"P{{i}}"))
    print("fertig", flush=True)
    """
)


@pytest.mark.langsam
def test_sichern_waehrend_ein_anderer_prozess_veroeffentlicht(tmp_path):
    ordner = ablage_verzeichnis()
    _ablage()
    anzahl = 12
    prozess = subprocess.Popen(
        [sys.executable, "-c", VEROEFFENTLICHER.format(wurzel=str(WURZEL), ordner=str(ordner), anzahl=anzahl)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert prozess.stdout.readline().strip() == "bereit"
        gesehen = []
        while prozess.poll() is None or not gesehen:
            ziel = tmp_path / f"sicherung-{len(gesehen)}.sqlite"
            ergebnis = rufe("ablage", "sichern", str(ziel))
            assert ergebnis.returncode == 0, ergebnis.stderr
            pruefung = pruefe(ziel)
            assert pruefung.in_ordnung, pruefung.fehler
            staende = lies_staende(ziel)
            # Consistent: Stände 1..k without a gap, each with its file and its audit line.
            assert [s.nr for s in staende] == list(range(1, len(staende) + 1))
            assert pruefung.protokoll == len(staende) - 1
            assert not list(tmp_path.glob(f"{ziel.name}-*"))  # self-contained: no -wal/-shm beside it
            gesehen.append(len(staende))
        assert prozess.wait(timeout=120) == 0 and prozess.stdout.read().strip() == "fertig"
    finally:
        prozess.kill()
    assert len(gesehen) >= 2 and gesehen == sorted(gesehen)
    letzte = tmp_path / "zuletzt.sqlite"
    assert rufe("ablage", "sichern", str(letzte)).returncode == 0
    assert len(lies_staende(letzte)) == anzahl + 1


def test_sichern_nie_ueber_die_ablage_selbst():
    _ablage()
    vorher = _db().read_bytes()
    ergebnis = rufe("ablage", "sichern", str(_db()))
    assert ergebnis.returncode == 2 and "ist zugleich eine Eingabe" in ergebnis.stderr
    assert _db().read_bytes() == vorher


def test_pruefen_meldet_zahlen_und_schaeden(tmp_path):
    _mit_zwei_staenden()
    ergebnis = rufe("ablage", "pruefen")
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.startswith(f"Die Ablage „{_db()}“ ist in Ordnung: 2 Stände, 2 Dateien (")
    assert f"1 Protokolleintrag, Schema-Version {SCHEMA_VERSION}; neuester: Nr. 2 vom " in ergebnis.stdout
    kaputt = _beschaedigte_blobs(tmp_path)
    ergebnis = rufe("ablage", "pruefen", str(kaputt))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr.splitlines()[1].startswith("- Die gespeicherte Datei mit der Prüfsumme ")


def _sicherung(tmp_path, name="gut.sqlite"):
    ziel = tmp_path / name
    assert rufe("ablage", "sichern", str(ziel)).returncode == 0
    return ziel


def _veraenderte_sicherung(tmp_path, name: str, befehl: str):
    """A backup changed afterwards by one SQL command."""
    ziel = _sicherung(tmp_path, name)
    with contextlib.closing(sqlite3.connect(ziel)) as db:
        db.execute(befehl)
        db.commit()
    return ziel


def _beschaedigte_blobs(tmp_path):
    """A sound SQLite file whose stored workbook no longer matches its SHA-256."""
    return _veraenderte_sicherung(
        tmp_path,
        "blob.sqlite",
        "UPDATE dateien SET inhalt = zeroblob(100) WHERE rowid = (SELECT max(rowid) FROM dateien)",
    )


def _zerstoerte_seiten(tmp_path):
    ziel = _sicherung(tmp_path, "seiten.sqlite")
    daten = bytearray(ziel.read_bytes())
    daten[4096 + 100 : 4096 * 3] = b"\xff" * (4096 * 2 - 100)  # b-tree pages overwritten
    ziel.write_bytes(bytes(daten))
    return ziel


def _fremde_datenbank(tmp_path):
    ziel = tmp_path / "fremd.sqlite"
    with contextlib.closing(sqlite3.connect(ziel)) as db:
        db.execute("CREATE TABLE kunden (name TEXT)")
        db.commit()
    return ziel


def _neuere_version(tmp_path):
    return _veraenderte_sicherung(tmp_path, "neu.sqlite", "PRAGMA user_version = 99")


def _keine_datenbank(tmp_path):
    ziel = tmp_path / "text.sqlite"
    ziel.write_text("Dies ist keine Datenbank.", encoding="utf-8")
    return ziel


@pytest.mark.parametrize(
    ("baue", "grund"),
    [
        (_keine_datenbank, "Die Datei ist keine SQLite-Datenbank"),
        (_fremde_datenbank, "Die Datei ist keine Ablage des Integrationsplan-Monitors (es fehlen die Tabellen"),
        (_zerstoerte_seiten, "Die Datei ist beschädigt"),
        (_beschaedigte_blobs, "Die gespeicherte Datei mit der Prüfsumme"),
        (_neuere_version, "Die Ablage stammt von einer neueren Programmversion (Schema 99"),
    ],
    ids=["text", "fremd", "seiten", "pruefsumme", "neuer"],
)
def test_wiederherstellen_verweigert_beschaedigte_und_fremde_dateien(tmp_path, baue, grund):
    _mit_zwei_staenden()
    quelle = baue(tmp_path)
    vorher = [(s.nr, s.sha256) for s in _ablage().staende()]
    dateien_vorher = sorted(p.name for p in ablage_verzeichnis().iterdir())
    ergebnis = rufe("ablage", "wiederherstellen", str(quelle))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr.startswith(
        f"Fehler: „{quelle.name}“ wird nicht wiederhergestellt – die Ablage bleibt unverändert: "
    )
    assert grund in ergebnis.stderr
    assert [(s.nr, s.sha256) for s in _ablage().staende()] == vorher
    assert sorted(p.name for p in ablage_verzeichnis().iterdir()) == dateien_vorher  # no copy made


def test_wiederherstellen_holt_die_sicherung_und_bewahrt_die_ablage(tmp_path):
    ablage = _mit_zwei_staenden()
    sicherung = _sicherung(tmp_path)
    ablage.veroeffentliche(ueberarbeitete_standard_bytes(bezeichnung="Nach der Sicherung"), von=Redakteur("Eve"))
    assert [s.nr for s in ablage.staende()] == [1, 2, 3]
    ergebnis = rufe("ablage", "wiederherstellen", str(sicherung))
    assert ergebnis.returncode == 0, ergebnis.stderr
    (bewahrt,) = ablage_verzeichnis().glob("staende-vor-wiederherstellung-*.sqlite3")
    assert ergebnis.stdout.splitlines()[1] == f"Die vorherige Ablage liegt als „{bewahrt}“ daneben."
    nachher = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    assert [(s.nr, s.bezeichnung) for s in nachher.staende()] == [
        (1, "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)"),
        (2, "Fortschreibung Herbst 2017"),
    ]
    assert [s.bezeichnung for s in lies_staende(bewahrt)][-1] == "Nach der Sicherung"  # nothing lost
    (zeile, *_rest) = nachher.protokoll()
    assert (zeile.aktion, zeile.quelle, zeile.dateiname) == ("wiederhergestellt", "kommandozeile", "gut.sqlite")
    assert zeile.hinweis == f"vorherige Ablage: {bewahrt.name}"
    # The restored store goes on as usual.
    nachher.veroeffentliche(ueberarbeitete_standard_bytes(bezeichnung="Danach"))
    assert [s.nr for s in nachher.staende()] == [1, 2, 3]


def test_wiederherstellen_einer_alten_sicherung_hebt_sie_auf_den_neuen_stand(tmp_path):
    alte_ablage(tmp_path / "alt")
    shutil.copyfile(tmp_path / "alt" / DATEINAME_DB, tmp_path / "alt.sqlite")
    ergebnis = rufe("ablage", "wiederherstellen", str(tmp_path / "alt.sqlite"))
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert pruefe(_db()).version == SCHEMA_VERSION
    assert [(s.nr, s.bezeichnung, s.von) for s in _ablage().staende()] == [(1, "Herbst", None)]

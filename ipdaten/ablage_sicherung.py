"""Backup, check and restore of the store, for the command line (issue 26, "Backup and restore").

- `sichere`: a consistent copy while servers read and publish, with SQLite's backup API (one
  step, inside one read transaction: a publication either is in the copy whole or not at all;
  in WAL mode the copy does not block writers). The copy is a single self-contained file
  (journal mode DELETE), checked before it is renamed over the target.
- `pruefe`: whether a file is a sound store of this program: SQLite's integrity and foreign-key
  checks, the tables, every stored file against its SHA-256, every Stand's file present. Never
  raises for a bad file; the German reasons are in `Pruefung.fehler`.
- `stelle_wieder_her`: refuses a damaged or foreign file and one of a newer program version,
  keeps the current store as a copy beside it, then copies the backup *into* the store file
  with the backup API (servers that have it open keep working and read the restored Stände).
Reading never creates or migrates anything: `lies_staende` opens the file read-only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ipdaten.ablage_fehler import AblageFehler
from ipdaten.ablage_schema import SCHEMA_VERSION, version
from ipdaten.ablage_zeile import StandInfo, sha256, zeile_zu_info

SQLITE_KOPF = b"SQLite format 3\x00"
PFLICHT_TABELLEN = ("dateien", "staende")  # a store of any version has them
WARTEZEIT_S = 30


@dataclass
class Pruefung:
    """What `pruefe` found: the reasons a file is no sound store (empty: sound) and its figures."""

    pfad: Path
    fehler: list[str] = field(default_factory=list)
    version: int = 0
    staende: int = 0
    dateien: int = 0
    bytes_gesamt: int = 0
    protokoll: int = 0
    neuester: StandInfo | None = None

    @property
    def in_ordnung(self) -> bool:
        """True when nothing was found."""
        return not self.fehler


@contextlib.contextmanager
def _nur_lesen(pfad: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection (never creates the file, never migrates)."""
    verbindung = sqlite3.connect(f"{Path(pfad).resolve().as_uri()}?mode=ro", uri=True, timeout=WARTEZEIT_S)
    verbindung.row_factory = sqlite3.Row
    try:
        yield verbindung
    finally:
        verbindung.close()


def _kopf(pfad: Path) -> bytes:
    with open(pfad, "rb") as datei:
        return datei.read(len(SQLITE_KOPF))


def _tabellen(verbindung: sqlite3.Connection) -> set[str]:
    return {z[0] for z in verbindung.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def lies_staende(pfad: Path) -> list[StandInfo]:
    """The Stände of a store file, read-only, in publish order (raises AblageFehler)."""
    try:
        with _nur_lesen(pfad) as verbindung:
            zeilen = verbindung.execute("SELECT * FROM staende ORDER BY nr").fetchall()
    except sqlite3.Error as e:
        raise AblageFehler(f"Die Ablage „{pfad}“ kann nicht gelesen werden: {e}.") from e
    return [zeile_zu_info(z) for z in zeilen]


def pruefe(pfad: Path) -> Pruefung:
    """Check a store file thoroughly (see the module docstring); the file is only read."""
    pfad = Path(pfad)
    ergebnis = Pruefung(pfad)
    try:
        if not pfad.is_file():
            ergebnis.fehler.append(f"Die Datei „{pfad}“ gibt es nicht.")
            return ergebnis
        if _kopf(pfad) != SQLITE_KOPF:
            ergebnis.fehler.append("Die Datei ist keine SQLite-Datenbank (und damit keine Ablage der Stände).")
            return ergebnis
        with _nur_lesen(pfad) as verbindung:
            _pruefe_verbindung(verbindung, ergebnis)
    except (sqlite3.Error, OSError, AblageFehler) as e:
        ergebnis.fehler.append(f"Die Datei ist beschädigt oder kann nicht gelesen werden ({e}).")
    return ergebnis


def _pruefe_verbindung(verbindung: sqlite3.Connection, ergebnis: Pruefung) -> None:
    integritaet = [z[0] for z in verbindung.execute("PRAGMA integrity_check(20)")]
    if integritaet != ["ok"]:
        erste = " ".join(integritaet[-1].split())
        ergebnis.fehler.append(
            f"Die Datei ist beschädigt (die Integritätsprüfung von SQLite meldet {len(integritaet)} Fehler, "
            f"z. B. „{erste}“)."
        )
        return
    fehlend = [t for t in PFLICHT_TABELLEN if t not in _tabellen(verbindung)]
    if fehlend:
        ergebnis.fehler.append(
            "Die Datei ist keine Ablage des Integrationsplan-Monitors (es fehlen die Tabellen "
            + ", ".join(f"„{t}“" for t in fehlend)
            + ")."
        )
        return
    ergebnis.version = version(verbindung)
    if ergebnis.version > SCHEMA_VERSION:
        ergebnis.fehler.append(
            f"Die Ablage stammt von einer neueren Programmversion (Schema {ergebnis.version}, dieses Programm "
            f"kennt bis {SCHEMA_VERSION}); bitte das Programm aktualisieren."
        )
    if list(verbindung.execute("PRAGMA foreign_key_check")):
        ergebnis.fehler.append("Mindestens ein Stand verweist auf eine Datei, die in der Ablage fehlt.")
    staende = [zeile_zu_info(z) for z in verbindung.execute("SELECT * FROM staende ORDER BY nr")]
    ergebnis.staende = len(staende)
    ergebnis.neuester = staende[-1] if staende else None
    if not staende:
        ergebnis.fehler.append("Die Ablage enthält keinen Stand.")
    for zeile in verbindung.execute("SELECT sha256, inhalt FROM dateien"):
        ergebnis.dateien += 1
        ergebnis.bytes_gesamt += len(zeile["inhalt"])
        if sha256(bytes(zeile["inhalt"])) != zeile["sha256"]:
            ergebnis.fehler.append(f"Die gespeicherte Datei mit der Prüfsumme {zeile['sha256'][:12]}… ist beschädigt.")
    vorhanden = {z[0] for z in verbindung.execute("SELECT sha256 FROM dateien")}
    for stand in staende:
        if stand.sha256 not in vorhanden:
            ergebnis.fehler.append(f"Zu Stand Nr. {stand.nr} fehlt die Datei.")
    if "protokoll" in _tabellen(verbindung):
        ergebnis.protokoll = int(verbindung.execute("SELECT count(*) FROM protokoll").fetchone()[0])


def _kopiere(quelle: sqlite3.Connection, ziel: Path) -> None:
    """The backup API into a new file `ziel`, made self-contained (no -wal beside it)."""
    with contextlib.closing(sqlite3.connect(ziel)) as kopie:
        quelle.backup(kopie)  # one step: one consistent snapshot
        kopie.execute("PRAGMA journal_mode = DELETE")


def sichere(db: Path, ziel: Path) -> Pruefung:
    """Copy the store file `db` consistently to `ziel` (via a temporary file beside it, checked,
    then renamed; an existing `ziel` is replaced only by a sound copy). Raises AblageFehler."""
    db, ziel = Path(db), Path(ziel)
    if not db.is_file():
        raise AblageFehler(f"Es gibt keine Ablage „{db}“ zum Sichern.")
    ordner = ziel.parent if str(ziel.parent) else Path(".")
    griff, vorlaeufig = tempfile.mkstemp(prefix=f".{ziel.name}.", suffix=".tmp", dir=ordner)
    os.close(griff)
    try:
        Path(vorlaeufig).unlink()  # sqlite creates it anew
        with contextlib.closing(sqlite3.connect(db, timeout=WARTEZEIT_S)) as quelle:
            _kopiere(quelle, Path(vorlaeufig))
        pruefung = pruefe(Path(vorlaeufig))
        if not pruefung.in_ordnung:
            raise AblageFehler("Die Sicherung ist nicht in Ordnung: " + " ".join(pruefung.fehler))
        os.replace(vorlaeufig, ziel)
    except (sqlite3.Error, OSError) as e:
        raise AblageFehler(f"Die Sicherung nach „{ziel}“ ist fehlgeschlagen: {e}.") from e
    finally:
        Path(vorlaeufig).unlink(missing_ok=True)
    pruefung.pfad = ziel
    return pruefung


def _bewahre(db: Path) -> Path:
    """Keep the current store beside it before it is overwritten: a consistent copy, or – when it
    cannot be read as a database – its files as they are. Returns the copy's path."""
    zeit = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kopie = db.with_name(f"{db.stem}-vor-wiederherstellung-{zeit}{db.suffix}")
    try:
        sichere(db, kopie)
    except AblageFehler:
        for endung in ("", "-wal", "-shm"):
            teil = Path(str(db) + endung)
            if teil.exists():
                shutil.copy2(teil, Path(str(kopie) + endung))
    return kopie


def stelle_wieder_her(quelle: Path, db: Path) -> tuple[Pruefung, Path | None]:
    """Make the store file `db` hold exactly the backup `quelle` (see the module docstring).
    Returns the check of the backup and where the previous store was kept (None: there was
    none). Raises AblageFehler, with nothing changed, for a file that is no sound store."""
    quelle, db = Path(quelle), Path(db)
    pruefung = pruefe(quelle)
    if not pruefung.in_ordnung:
        raise AblageFehler(
            f"„{quelle.name}“ wird nicht wiederhergestellt – die Ablage bleibt unverändert: "
            + " ".join(pruefung.fehler)
        )
    if quelle.resolve() == db.resolve():
        raise AblageFehler("Die Sicherung ist die Ablage selbst; es gibt nichts wiederherzustellen.")
    bewahrt = _bewahre(db) if db.exists() else None
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _nur_lesen(quelle) as lesen, contextlib.closing(sqlite3.connect(db, timeout=WARTEZEIT_S)) as ablage:
            lesen.backup(ablage)
            ablage.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as e:
        raise AblageFehler(
            f"Das Wiederherstellen ist fehlgeschlagen ({e}); die vorherige Ablage liegt als „{bewahrt}“ daneben."
        ) from e
    return pruefung, bewahrt

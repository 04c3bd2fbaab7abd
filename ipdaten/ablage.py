"""The store of published Stände: an embedded SQLite database, one row per Stand.

Every Stand keeps the uploaded bytes unchanged, their SHA-256, the Stand date, a label and the
publish time, and — when the workbook needed one — the user's mapping (`Zuordnung`, as TOML) with
the workbook's header signature, so the next upload of the same shape gets it again, and who
published it (`Redakteur`) with an optional comment. Every publication, failed password and
unlocking is also a line of the audit table (`ablage_protokoll`); the tables and their
migrations are in `ablage_schema`. The bundled default workbook is always Stand 1. Publishing is one transaction
(all or nothing); nothing is ever overwritten or deleted; identical bytes are recognised.

Concurrency: WAL mode and a busy timeout let several threads and server processes publish at
the same time (the connections: `ablage_verbindung`). Stände are append-only, so the list of Stände is cached until the highest number changes, and
that number itself is asked of SQLite at most every `FRISCH_S` seconds per store: every page view
of every session reads it two or three times, and with 50 open sessions those queries queued on
the shared connection. A publication from this process is seen at once; one from another
process (the command line) after at most `FRISCH_S` – well within the poll interval of the UI.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ipdaten import ablage_ort, ablage_protokoll, ablage_schema
from ipdaten.ablage_fehler import UMGEBUNGSVARIABLE, AblageFehler, StandVeraltet, oeffnen_fehler
from ipdaten.ablage_verbindung import SqliteVerbindungen
from ipdaten.ablage_zeile import (
    SPALTEN,
    StandInfo,
    Veroeffentlichung,
    bereinige_bezeichnung,
    bereinige_kommentar,
    sha256,
    zeile_zu_info,
)
from ipdaten.arbeitsmappe import Anlage, AnlageUngueltig, Zuordnung, lade_anlage
from ipdaten.redakteur import Redakteur

__all__ = ["Ablage", "AblageFehler", "StandInfo", "Veroeffentlichung", "ablage_verzeichnis", "sha256"]

DATEINAME_DB = "staende.sqlite3"
STANDARD_VERZEICHNIS = Path(__file__).resolve().parent.parent / "daten" / "ablage"
STANDARD_MAPPE = Path(__file__).resolve().parent.parent / "daten" / "anlage1.xlsx"  # always Stand 1
FRISCH_S = 0.5


def ablage_verzeichnis() -> Path:
    """The store directory: the environment variable IPDATEN_ABLAGE or `daten/ablage/`."""
    return _verzeichnis(os.environ.get(UMGEBUNGSVARIABLE, "").strip())


@functools.lru_cache(maxsize=8)
def _verzeichnis(wert: str) -> Path:
    # Resolving walks the path with a system call per part; every page view asks several times.
    return Path(wert).expanduser().resolve() if wert else STANDARD_VERZEICHNIS


# The newest Stand number per database file and when its query started (see the module
# docstring), and when this process last wrote to the file: a number read before is stale.
_neueste: dict[Path, tuple[float, int]] = {}
_geschrieben: dict[Path, float] = {}
_neueste_sperre = threading.Lock()


class Ablage(SqliteVerbindungen):
    """The Stände in one directory. Creating it makes sure the default workbook is Stand 1."""

    def __init__(self, verzeichnis: str | Path, standard_mappe: str | Path):
        self.verzeichnis = Path(verzeichnis)
        self.pfad = self.verzeichnis / DATEINAME_DB
        self._standard_mappe = Path(standard_mappe)
        # A test hook: called inside the publish transaction after the bytes are written.
        self._im_schreiben: Callable[[], None] | None = None
        self._verbindungen_vorbereiten()
        self.neu_angelegt = False  # True: this object found no Stand and made the default Stand 1
        # True: there is only Stand 1 because the store was missing or empty although Stände had
        # been here before (the marker next to the folder, ablage_ort) – not a first start.
        self.verschwunden = False
        self.netzlaufwerk = ablage_ort.netzlaufwerk(self.verzeichnis)  # e.g. "Netzlaufwerk Z:\\", or None
        self._staende: tuple[int, tuple[StandInfo, ...]] | None = None
        # True: the server may not write here; the Stände are shown, publishing is refused.
        self.nur_lesbar = False
        try:
            self.verzeichnis.mkdir(parents=True, exist_ok=True)
            self._einrichten()
        except (OSError, sqlite3.Error, AnlageUngueltig, AblageFehler) as e:
            ursache = e.__cause__ if isinstance(e, AblageFehler) and isinstance(e.__cause__, Exception) else e
            if not self._lesend_oeffnen(ursache):
                raise AblageFehler(
                    oeffnen_fehler(self.verzeichnis, self.pfad, self._standard_mappe, ursache)
                ) from ursache

    def _lesend_oeffnen(self, fehler: Exception) -> bool:
        """After `fehler` on opening: a store the server may not write (a read-only folder or
        file) is opened for reading only – its Stände stay visible. False when that is not the
        cause or the store cannot be read that way either (then `fehler` is reported)."""
        if not self.pfad.is_file() or not ablage_ort.schreibgeschuetzt(self.verzeichnis, self.pfad, fehler):
            return False
        self.nur_lesbar = True
        try:
            with self._verbindung() as verbindung:
                aktuell = ablage_schema.version(verbindung) >= ablage_schema.SCHEMA_VERSION
                staende = verbindung.execute("SELECT count(*) FROM staende").fetchone()[0]
        except sqlite3.Error:
            aktuell, staende = False, 0
        self.nur_lesbar = aktuell and staende > 0  # an old schema cannot be migrated without writing
        return self.nur_lesbar

    def _nach_dem_schreiben(self) -> None:
        with _neueste_sperre:
            _geschrieben[self.pfad] = time.monotonic()  # a newest number read before is stale

    def _einrichten(self) -> None:
        with self._verbindung() as verbindung:
            # Switching to WAL needs a moment without other writers; at the very first start
            # several processes may race for it.
            for versuch in range(50):
                try:
                    modus = verbindung.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                    break
                except sqlite3.OperationalError:
                    if versuch == 49:
                        raise
                    time.sleep(0.1)
            if str(modus).lower() != "wal":
                raise sqlite3.OperationalError(f"journal_mode {modus}")
        with self._transaktion() as verbindung:
            ablage_schema.einrichten(verbindung)
            leer = verbindung.execute("SELECT count(*) FROM staende").fetchone()[0] == 0
            if leer:
                self.neu_angelegt = True
                ablage_protokoll.melde_fehlende_ablage(verbindung, self.verzeichnis)
                daten = self._standard_mappe.read_bytes()
                anlage = lade_anlage(daten)
                self._schreibe(
                    verbindung,
                    daten,
                    stand=anlage.stand,
                    bezeichnung=anlage.titel,
                    dateiname=self._standard_mappe.name,
                    ist_standard=True,
                )
            self.verschwunden = ablage_protokoll.ablage_verschwunden(verbindung)
        ablage_ort.markieren(self.verzeichnis)

    def _schreibe(
        self,
        verbindung: sqlite3.Connection,
        daten: bytes,
        *,
        stand: dt.date | None,
        bezeichnung: str,
        dateiname: str,
        ist_standard: bool = False,
        zuordnung: Zuordnung | None = None,
        signatur: str | None = None,
        von: Redakteur | None = None,
        kommentar: str = "",
    ) -> int:
        pruefsumme = sha256(daten)
        verbindung.execute("INSERT OR IGNORE INTO dateien (sha256, inhalt) VALUES (?, ?)", (pruefsumme, daten))
        if self._im_schreiben is not None:
            self._im_schreiben()
        cursor = verbindung.execute(
            "INSERT INTO staende (sha256, stand, bezeichnung, veroeffentlicht, dateiname, groesse, ist_standard, "
            "zuordnung, signatur, von_name, von_quelle, von_kennung, kommentar) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                pruefsumme,
                stand.isoformat() if stand else None,
                bereinige_bezeichnung(bezeichnung),
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                bereinige_bezeichnung(Path(dateiname).name),
                len(daten),
                int(ist_standard),
                zuordnung.als_toml() if zuordnung is not None and not zuordnung.leer else None,
                signatur if zuordnung is not None and not zuordnung.leer else None,
                von.name if von is not None else None,
                von.quelle if von is not None else None,
                (von.kennung or None) if von is not None else None,
                bereinige_kommentar(kommentar) or None,
            ),
        )
        return int(cursor.lastrowid or 0)

    def veroeffentliche(
        self,
        daten: bytes,
        *,
        stand: dt.date | None = None,
        bezeichnung: str | None = None,
        dateiname: str = "",
        anlage: Anlage | None = None,
        zuordnung: Zuordnung | None = None,
        signatur: str | None = None,
        von: Redakteur | None = None,
        kommentar: str = "",
        client: str | None = None,
        basis_nr: int | None = None,
    ) -> Veroeffentlichung:
        """Publish `daten` as a new Stand, in one transaction.

        The workbook is validated first, with `zuordnung` applied (raises AnlageUngueltig,
        nothing is stored). `stand` and `bezeichnung` default to the workbook's Info sheet. The
        mapping is stored with the Stand, with the workbook's header `signatur` (see
        `zuordnung_zu_signatur`). Identical bytes that are already a Stand are not stored again:
        the result names that Stand with `neu=False`. Who publishes (`von`) and the `kommentar`
        are stored with the Stand; the audit table gets a line in the same transaction.
        `basis_nr`: the Stand the workbook was written into (a Rückmelderunde, a quick correction,
        the statistics import); when a newer Stand exists by now, StandVeraltet is raised in the
        same transaction – publishing would silently undo that Stand's changes.
        """
        daten = bytes(daten)
        if anlage is None:
            anlage = lade_anlage(daten, zuordnung=zuordnung)
        pruefsumme = sha256(daten)
        with self._transaktion() as verbindung:
            if basis_nr is not None:
                neuester = int(verbindung.execute("SELECT max(nr) FROM staende").fetchone()[0])
                if neuester != basis_nr:
                    raise StandVeraltet(basis_nr, neuester)
            zeile = verbindung.execute(f"SELECT {SPALTEN} FROM staende WHERE sha256 = ?", (pruefsumme,)).fetchone()
            neu = zeile is None
            if neu:
                nr = self._schreibe(
                    verbindung,
                    daten,
                    stand=stand if stand is not None else anlage.stand,
                    bezeichnung=bezeichnung if bezeichnung and bezeichnung.strip() else anlage.titel,
                    dateiname=dateiname or "anlage1.xlsx",
                    zuordnung=zuordnung,
                    signatur=signatur,
                    von=von,
                    kommentar=kommentar,
                )
                zeile = verbindung.execute(f"SELECT {SPALTEN} FROM staende WHERE nr = ?", (nr,)).fetchone()
            info = zeile_zu_info(zeile)
            ablage_protokoll.schreibe(
                verbindung,
                "veroeffentlicht" if neu else "bereits_veroeffentlicht",
                von=von,
                client=client,
                stand_nr=info.nr,
                dateiname=info.dateiname if neu else Path(dateiname).name or None,
                sha256=pruefsumme,
                hinweis=(info.kommentar or None) if neu else None,
            )
        return Veroeffentlichung(info, neu=neu)

    def protokolliere(self, aktion: str, **angaben: Any) -> None:
        """Add a line to the audit table (see `ablage_protokoll.schreibe` for the fields)."""
        with self._transaktion() as verbindung:
            ablage_protokoll.schreibe(verbindung, aktion, **angaben)

    def protokoll_anzahl(self) -> int:
        """How many lines the audit table has."""
        with self._lesen() as verbindung:
            return int(verbindung.execute("SELECT count(*) FROM protokoll").fetchone()[0])

    def protokoll(self, grenze: int | None = None) -> list[ablage_protokoll.Eintrag]:
        """The audit table, newest line first (at most `grenze` lines)."""
        with self._lesen() as verbindung:
            return ablage_protokoll.lies(verbindung, grenze)

    def staende(self) -> list[StandInfo]:
        """All Stände in publish order (Stand 1, the default workbook, first)."""
        neueste = self.neueste_nr()
        with self._lesen() as verbindung:
            if self._staende is None or self._staende[0] != neueste:
                # Up to the number just read, so that the list and neueste_nr() agree.
                zeilen = verbindung.execute(
                    f"SELECT {SPALTEN} FROM staende WHERE nr <= ? ORDER BY nr", (neueste,)
                ).fetchall()
                self._staende = (neueste, tuple(zeile_zu_info(z) for z in zeilen))
            return list(self._staende[1])

    def stand(self, nr: int) -> StandInfo | None:
        """One Stand by its number, or None."""
        with self._lesen() as verbindung:
            zeile = verbindung.execute(f"SELECT {SPALTEN} FROM staende WHERE nr = ?", (int(nr),)).fetchone()
        return zeile_zu_info(zeile) if zeile else None

    def stand_zu_sha(self, pruefsumme: str) -> StandInfo | None:
        """The Stand whose bytes have this SHA-256, or None."""
        with self._lesen() as verbindung:
            zeile = verbindung.execute(f"SELECT {SPALTEN} FROM staende WHERE sha256 = ?", (pruefsumme,)).fetchone()
        return zeile_zu_info(zeile) if zeile else None

    def zuordnung_zu_signatur(self, signatur: str) -> StandInfo | None:
        """The newest Stand published with a mapping for workbooks of this header signature."""
        with self._lesen() as verbindung:
            zeile = verbindung.execute(
                f"SELECT {SPALTEN} FROM staende WHERE signatur = ? AND zuordnung IS NOT NULL ORDER BY nr DESC LIMIT 1",
                (signatur,),
            ).fetchone()
        return zeile_zu_info(zeile) if zeile else None

    def neueste_nr(self) -> int:
        """The number of the newest (last published) Stand, read from SQLite at most every
        `FRISCH_S` seconds (a publication through this process is seen at once)."""
        jetzt = time.monotonic()
        with _neueste_sperre:
            gelesen = _neueste.get(self.pfad)
            geschrieben = _geschrieben.get(self.pfad, -1.0)
        if gelesen is not None and gelesen[0] > geschrieben and jetzt - gelesen[0] < FRISCH_S:
            return gelesen[1]
        with self._lesen() as verbindung:
            nr = int(verbindung.execute("SELECT max(nr) FROM staende").fetchone()[0])
        with _neueste_sperre:
            _neueste[self.pfad] = (jetzt, nr)
        return nr

    def lies(self, pruefsumme: str) -> bytes:
        """The stored bytes with this SHA-256, exactly as uploaded (checked against the sum)."""
        with self._lesen() as verbindung:
            zeile = verbindung.execute("SELECT inhalt FROM dateien WHERE sha256 = ?", (pruefsumme,)).fetchone()
        if zeile is None:
            raise AblageFehler(f"Die Datei zum Stand mit der Prüfsumme {pruefsumme[:12]}… fehlt in der Ablage.")
        daten = bytes(zeile["inhalt"])
        if sha256(daten) != pruefsumme:
            raise AblageFehler(
                f"Die gespeicherte Datei zur Prüfsumme {pruefsumme[:12]}… ist beschädigt (Prüfsumme stimmt nicht)."
            )
        return daten

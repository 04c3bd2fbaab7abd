"""The Rückmelderunde in the store: rounds (title, reply date, the Stand they were made from),
which form went to whom, and the returned forms (who, when, the file and its SHA-256).

The tables (`runden`, `runden_empfaenger`, `runden_eingang`) are version 4 of the store's schema
(`ablage_schema.MIGRATIONEN`); this module reads and writes them through the store's own
connections and transactions. A returned form is kept with its bytes, so that the answers of
several uploads over days are read again together and merged at once; `uebernommen_nr` records
the Stand that took a form's answers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage, Zuordnung, lade_anlage
from ipdaten.rueckmeldung.eingang import Eingang, lies_boegen
from ipdaten.rueckmeldung.runde import Empfaenger, Runde

if TYPE_CHECKING:
    from ipdaten.ablage import Ablage


@dataclass(frozen=True)
class GespeicherterBogen:
    """A returned form kept in the store (without its bytes)."""

    sha256: str
    dateiname: str
    eingegangen: dt.datetime  # UTC
    stelle: str
    absender: str
    datum: dt.date | None
    uebernommen_nr: int | None  # the Stand that took its answers, None = not yet

    @property
    def eingangstag(self) -> dt.date:
        """The day it came in, in the county's time zone."""
        return fmt.ortszeit(self.eingegangen).date()


def _runde(zeile: sqlite3.Row, empfaenger: list[sqlite3.Row]) -> Runde:
    return Runde(
        id=zeile["id"],
        titel=zeile["titel"],
        frist=dt.date.fromisoformat(zeile["frist"]) if zeile["frist"] else None,
        basis_sha256=zeile["basis_sha256"],
        stand=dt.date.fromisoformat(zeile["stand"]) if zeile["stand"] else None,
        erstellt=dt.datetime.fromisoformat(zeile["erstellt"]),
        empfaenger=tuple(
            Empfaenger(
                e["schluessel"], e["name"], tuple(tuple(k) for k in json.loads(e["empfehlungen"])), e["dateiname"]
            )
            for e in empfaenger
        ),
        nach_zustaendigkeit=bool(zeile["nach_zustaendigkeit"]),
    )


class Rundenablage:
    """The rounds of one store (`Ablage`)."""

    def __init__(self, ablage: Ablage):
        self.ablage = ablage

    def lege_an(self, runde: Runde) -> None:
        """Keep a new round and its recipients (the Stand it was made from must be in the store)."""
        with self.ablage.transaktion() as db:
            db.execute(
                "INSERT INTO runden (id, titel, frist, basis_sha256, stand, erstellt, nach_zustaendigkeit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    runde.id,
                    runde.titel,
                    runde.frist.isoformat() if runde.frist else None,
                    runde.basis_sha256,
                    runde.stand.isoformat() if runde.stand else None,
                    runde.erstellt.isoformat(timespec="seconds"),
                    int(runde.nach_zustaendigkeit),
                ),
            )
            db.executemany(
                "INSERT INTO runden_empfaenger (runde_id, reihe, schluessel, name, dateiname, empfehlungen) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (runde.id, reihe, e.schluessel, e.name, e.dateiname, json.dumps([list(k) for k in e.empfehlungen]))
                    for reihe, e in enumerate(runde.empfaenger)
                ],
            )

    def runden(self) -> list[Runde]:
        """All rounds, newest first."""
        with self.ablage.lesen() as db:
            zeilen = db.execute("SELECT * FROM runden ORDER BY erstellt DESC, rowid DESC").fetchall()
            empfaenger = db.execute("SELECT * FROM runden_empfaenger ORDER BY runde_id, reihe").fetchall()
        je_runde: dict[str, list[sqlite3.Row]] = {}
        for e in empfaenger:
            je_runde.setdefault(e["runde_id"], []).append(e)
        return [_runde(z, je_runde.get(z["id"], [])) for z in zeilen]

    def runde(self, runde_id: str) -> Runde | None:
        """One round by its id, or None."""
        return next((r for r in self.runden() if r.id == runde_id), None)

    def aktuelle(self) -> Runde | None:
        """The newest round that is not closed, or None."""
        with self.ablage.lesen() as db:
            zeile = db.execute(
                "SELECT id FROM runden WHERE abgeschlossen IS NULL ORDER BY erstellt DESC, rowid DESC LIMIT 1"
            ).fetchone()
        return self.runde(zeile["id"]) if zeile else None

    def schliesse(self, runde_id: str, zeit: dt.datetime | None = None) -> None:
        """Close a round (it stays in the store; a new one can be started)."""
        zeit = zeit or dt.datetime.now(dt.UTC)
        with self.ablage.transaktion() as db:
            db.execute(
                "UPDATE runden SET abgeschlossen = ? WHERE id = ?", (zeit.isoformat(timespec="seconds"), runde_id)
            )

    def nimm_auf(
        self, runde_id: str, dateien: list[tuple[str, bytes]], eingang: Eingang, zeit: dt.datetime | None = None
    ) -> list[str]:
        """Keep the usable forms of `eingang` (read from `dateien`) that are not kept yet; returns
        the SHA-256 of those newly kept. Forms that cannot be used and untouched ones are not kept."""
        zeit = zeit or dt.datetime.now(dt.UTC)
        bytes_von = {hashlib.sha256(bytes(daten)).hexdigest(): bytes(daten) for _, daten in dateien}
        neu = []
        with self.ablage.transaktion() as db:
            for r in eingang.rueckmeldungen:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO runden_eingang (runde_id, sha256, dateiname, inhalt, eingegangen, stelle, "
                    "absender, datum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        runde_id,
                        r.sha256,
                        r.dateiname,
                        bytes_von[r.sha256],
                        zeit.isoformat(timespec="seconds"),
                        r.stelle,
                        r.absender,
                        r.datum.isoformat() if r.datum else None,
                    ),
                )
                if cursor.rowcount:
                    neu.append(r.sha256)
        return neu

    def eingang(self, runde_id: str) -> list[GespeicherterBogen]:
        """The forms kept for a round, in the order they came in."""
        with self.ablage.lesen() as db:
            zeilen = db.execute(
                "SELECT sha256, dateiname, eingegangen, stelle, absender, datum, uebernommen_nr FROM runden_eingang "
                "WHERE runde_id = ? ORDER BY nr",
                (runde_id,),
            ).fetchall()
        return [
            GespeicherterBogen(
                z["sha256"],
                z["dateiname"],
                dt.datetime.fromisoformat(z["eingegangen"]),
                z["stelle"],
                z["absender"],
                dt.date.fromisoformat(z["datum"]) if z["datum"] else None,
                z["uebernommen_nr"],
            )
            for z in zeilen
        ]

    def dateien(self, runde_id: str, nur_offene: bool = False) -> list[tuple[str, bytes]]:
        """The kept forms' names and bytes (to read them again); `nur_offene`: not yet taken into a Stand."""
        bedingung = " AND uebernommen_nr IS NULL" if nur_offene else ""
        with self.ablage.lesen() as db:
            zeilen = db.execute(
                f"SELECT dateiname, inhalt FROM runden_eingang WHERE runde_id = ?{bedingung} ORDER BY nr", (runde_id,)
            ).fetchall()
        return [(z["dateiname"], bytes(z["inhalt"])) for z in zeilen]

    def eingangstage(self, runde_id: str) -> dict[str, dt.date]:
        """SHA-256 → the day the form came in (for `ueberblick` and `zusammenfuehren`)."""
        return {b.sha256: b.eingangstag for b in self.eingang(runde_id)}

    def vermerke_uebernahme(self, runde_id: str, shas: list[str], stand_nr: int) -> None:
        """Record that the Stand `stand_nr` took the answers of these forms."""
        with self.ablage.transaktion() as db:
            db.executemany(
                "UPDATE runden_eingang SET uebernommen_nr = ? WHERE runde_id = ? AND sha256 = ?",
                [(stand_nr, runde_id, sha) for sha in shas],
            )


def basis_der_runde(ablage: Ablage, runde: Runde) -> tuple[bytes, Anlage, Zuordnung | None]:
    """The Stand a round was made from: its bytes, loaded (with its mapping), and the mapping.

    Raises AnlageUngueltig when it no longer loads (e.g. after a stricter check was added)."""
    info = ablage.stand_zu_sha(runde.basis_sha256)
    zuordnung = info.zuordnung if info is not None else None
    daten = ablage.lies(runde.basis_sha256)
    return daten, lade_anlage(daten, zuordnung=zuordnung), zuordnung


def eingang_der_runde(
    rundenablage: Rundenablage,
    runde: Runde,
    anlage: Anlage,
    neue_dateien: Sequence[tuple[str, bytes]] = (),
    zuordnung: Zuordnung | None = None,
    nur_offene: bool = False,
) -> Eingang:
    """The kept forms of `runde` together with newly uploaded ones, read against the round's Stand
    `anlage` (see `basis_der_runde`)."""
    return lies_boegen([*rundenablage.dateien(runde.id, nur_offene), *neue_dateien], runde, anlage, zuordnung)

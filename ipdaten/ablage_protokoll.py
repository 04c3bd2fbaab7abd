"""The audit table of the store: who did what, when (issue 26, "Who did what").

Every publication (also one that found its bytes already stored), every wrong password, every
attempt refused for too many wrong ones, every unlocking for editing and every restore of the
store, and a store found missing although Stände had been there, is one line: time (UTC), action, the person (name, how established, login e-mail), the
client address as the server saw it, the Stand, file name and SHA-256, and a short note. Never a
password or a guess. Lines are only ever added.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ipdaten import ablage_ort
from ipdaten.format import einzeilig
from ipdaten.redakteur import Redakteur

# action → what a reader sees
AKTIONEN = {
    "veroeffentlicht": "Veröffentlicht",
    "bereits_veroeffentlicht": "Veröffentlichen: Datei war bereits veröffentlicht",
    "fehlversuch": "Falsches Passwort",
    "gedrosselt": "Abgewiesen: zu viele falsche Passwörter",
    "freigeschaltet": "Zum Bearbeiten angemeldet",
    "wiederhergestellt": "Ablage aus Sicherung wiederhergestellt",
    "ablage_fehlte": "Ablage fehlte oder war leer, obwohl dort Stände lagen – neu angelegt",
}
QUELLEN = {
    "passwort": "Name mit Passwort",
    "anmeldung": "Anmeldung",
    "kommandozeile": "Kommandozeile",
    "server": "Server",
}
MAX_TEXT = 300


@dataclass(frozen=True)
class Eintrag:
    """One line of the audit table."""

    nr: int
    zeit: dt.datetime
    aktion: str
    wer: str = ""
    quelle: str | None = None
    kennung: str | None = None
    client: str | None = None
    stand_nr: int | None = None
    dateiname: str | None = None
    sha256: str | None = None
    hinweis: str | None = None

    @property
    def aktion_text(self) -> str:
        """The action in German words."""
        return AKTIONEN.get(self.aktion, self.aktion)


def _text(wert: object) -> str | None:
    return (einzeilig(wert, MAX_TEXT) or None) if wert is not None else None


def schreibe(
    verbindung: sqlite3.Connection,
    aktion: str,
    *,
    von: Redakteur | None = None,
    wer: str = "",
    quelle: str | None = None,
    client: str | None = None,
    stand_nr: int | None = None,
    dateiname: str | None = None,
    sha256: str | None = None,
    hinweis: str | None = None,
) -> None:
    """Add one line (inside the caller's transaction, so a publication and its line are one).
    The person is `von`, or – for the command line – the name `wer` with its `quelle`."""
    if aktion not in AKTIONEN:
        raise ValueError(f"unbekannte Aktion {aktion!r}")
    verbindung.execute(
        "INSERT INTO protokoll (zeit, aktion, wer, quelle, kennung, client, stand_nr, dateiname, sha256, hinweis) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            aktion,
            von.name if von is not None else einzeilig(wer, MAX_TEXT),
            von.quelle if von is not None else quelle,
            (von.kennung or None) if von is not None else None,
            _text(client),
            stand_nr,
            _text(dateiname),
            sha256,
            _text(hinweis),
        ),
    )


def melde_fehlende_ablage(verbindung: sqlite3.Connection, verzeichnis: Path) -> None:
    """A store found empty: when Stände had been in this folder before (the marker next to it,
    `ablage_ort`), record that it vanished – the alarm then outlasts a restart."""
    if ablage_ort.hatte_staende(verzeichnis):
        schreibe(
            verbindung,
            "ablage_fehlte",
            quelle="server",
            hinweis=f"Markierung {ablage_ort.markierung(verzeichnis).name} gefunden",
        )


def ablage_verschwunden(verbindung: sqlite3.Connection) -> bool:
    """Whether the store holds only the Stand 1 it was made anew with after it had vanished."""
    nur_stand_eins = verbindung.execute("SELECT count(*) FROM staende").fetchone()[0] == 1
    fehlte = verbindung.execute("SELECT 1 FROM protokoll WHERE aktion = 'ablage_fehlte' LIMIT 1").fetchone()
    return nur_stand_eins and fehlte is not None


def lies(verbindung: sqlite3.Connection, grenze: int | None = None) -> list[Eintrag]:
    """The lines, newest first (at most `grenze`)."""
    sql = "SELECT * FROM protokoll ORDER BY nr DESC" + (" LIMIT ?" if grenze is not None else "")
    zeilen = verbindung.execute(sql, (int(grenze),) if grenze is not None else ()).fetchall()
    return [
        Eintrag(
            nr=int(z["nr"]),
            zeit=dt.datetime.fromisoformat(z["zeit"]),
            aktion=z["aktion"],
            wer=z["wer"] or "",
            quelle=z["quelle"],
            kennung=z["kennung"],
            client=z["client"],
            stand_nr=z["stand_nr"],
            dateiname=z["dateiname"],
            sha256=z["sha256"],
            hinweis=z["hinweis"],
        )
        for z in zeilen
    ]

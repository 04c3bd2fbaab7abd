"""A Stand as the store keeps it: the row of the table `staende` and the values it allows."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import dataclass
from typing import Literal

from ipdaten.ablage_fehler import AblageFehler
from ipdaten.arbeitsmappe import Zuordnung, ZuordnungUngueltig, aus_toml
from ipdaten.format import einzeilig
from ipdaten.redakteur import Redakteur

MAX_BEZEICHNUNG = 200
MAX_KOMMENTAR = 500


@dataclass(frozen=True)
class StandInfo:
    """One published Stand (without its bytes)."""

    nr: int
    sha256: str
    stand: dt.date | None
    bezeichnung: str
    veroeffentlicht: dt.datetime
    dateiname: str
    groesse: int
    ist_standard: bool
    zuordnung: Zuordnung | None = None
    signatur: str | None = None
    von: Redakteur | None = None  # None: published before the store recorded it (or Stand 1)
    kommentar: str = ""


@dataclass(frozen=True)
class Veroeffentlichung:
    """The outcome of a publish: the Stand and whether it is new (False: identical bytes existed)."""

    stand: StandInfo
    neu: bool


def sha256(daten: bytes) -> str:
    """The SHA-256 of `daten` as 64 hex digits."""
    return hashlib.sha256(daten).hexdigest()


def bereinige_bezeichnung(text: str) -> str:
    """A label as stored: control characters removed, spaces folded, at most 200 characters."""
    return einzeilig(text, MAX_BEZEICHNUNG)


def bereinige_kommentar(text: str | None) -> str:
    """A comment as stored: one line, at most 500 characters."""
    return einzeilig(text, MAX_KOMMENTAR)


def _text_oder_nichts(wert: object) -> str | None:
    return None if wert is None else str(wert)


def _spalte(zeile: sqlite3.Row, name: str) -> object:
    """A column that a store of an older version may lack (read-only reading does not migrate)."""
    return zeile[name] if name in zeile.keys() else None  # noqa: SIM118 (`in` on a Row tests its values)


def _von(zeile: sqlite3.Row) -> Redakteur | None:
    name = _spalte(zeile, "von_name")
    if not name:
        return None
    quelle = _spalte(zeile, "von_quelle")
    art: Literal["passwort", "anmeldung"] = "anmeldung" if quelle == "anmeldung" else "passwort"
    return Redakteur(str(name), art, str(_spalte(zeile, "von_kennung") or ""))


def zeile_zu_info(zeile: sqlite3.Row) -> StandInfo:
    """A row of `staende` (the columns `SPALTEN`, or `*` of a store of any version) as a StandInfo."""
    return StandInfo(
        nr=int(zeile["nr"]),
        sha256=zeile["sha256"],
        stand=dt.date.fromisoformat(zeile["stand"]) if zeile["stand"] else None,
        bezeichnung=zeile["bezeichnung"],
        veroeffentlicht=dt.datetime.fromisoformat(zeile["veroeffentlicht"]),
        dateiname=zeile["dateiname"],
        groesse=int(zeile["groesse"]),
        ist_standard=bool(zeile["ist_standard"]),
        zuordnung=_zuordnung(_text_oder_nichts(_spalte(zeile, "zuordnung"))),
        signatur=_text_oder_nichts(_spalte(zeile, "signatur")),
        von=_von(zeile),
        kommentar=str(_spalte(zeile, "kommentar") or ""),
    )


def von_text(info: StandInfo) -> str:
    """Who published a Stand, in words: the name (and login), "mitgeliefert" for the bundled
    Stand 1, "unbekannt" for a Stand from before the store recorded it."""
    if info.von is not None:
        return info.von.anzeige
    return "mitgeliefert" if info.ist_standard else "unbekannt"


def _zuordnung(text: str | None) -> Zuordnung | None:
    if not text:
        return None
    try:
        return aus_toml(text)
    except ZuordnungUngueltig as e:
        raise AblageFehler(f"Die gespeicherte Zuordnung eines Stands ist nicht lesbar: {e}") from e


SPALTEN = (
    "nr, sha256, stand, bezeichnung, veroeffentlicht, dateiname, groesse, ist_standard, zuordnung, signatur, "
    "von_name, von_quelle, von_kennung, kommentar"
)

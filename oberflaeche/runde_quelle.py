"""The Rückmelderunde as the pages see it: the current round in the store, the Stand its forms
were made from, and every returned form kept for it – read once per set of forms (cached)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, AblageFehler
from ipdaten.arbeitsmappe import Zuordnung
from ipdaten.rueckmeldung import Eingang, Runde, Rundenablage, StelleImUeberblick, ueberblick

from . import quelle, zwischenspeicher


@dataclass(frozen=True)
class RundenStand:
    """A round with its basis and the forms received so far."""

    runde: Runde
    basis: quelle.Anzeige  # the Stand the forms were made from
    zuordnung: Zuordnung | None  # the mapping that Stand is read with (its status words apply)
    eingang: Eingang = field(repr=False)  # every kept form, read against the round
    eingegangen: dict[str, dt.date] = field(repr=False)  # SHA-256 of a kept form → the day it came in
    offen: frozenset[str] = frozenset()  # SHA-256 of the kept forms no published Stand has taken yet
    stellen: tuple[StelleImUeberblick, ...] = ()

    @property
    def beantwortet(self) -> int:
        """How many recipients have answered."""
        return sum(1 for s in self.stellen if s.boegen)

    @property
    def offener_eingang(self) -> Eingang:
        """The kept forms whose answers no published Stand has taken yet (what a merge takes)."""
        return Eingang(self.runde, tuple(b for b in self.eingang.boegen if b.sha256 in self.offen))


def aktuelle_runde(ablage: Ablage) -> Runde | None:
    """The current (newest, not closed) round in the store, or None (also when it cannot be read)."""
    try:
        return Rundenablage(ablage).aktuelle()
    except AblageFehler:
        return None


def runden_stand(ablage: Ablage, runde: Runde, heute: dt.date | None = None) -> RundenStand | None:
    """The round with its basis Stand and kept forms; None when its Stand is not in the store."""
    info = ablage.stand_zu_sha(runde.basis_sha256)
    if info is None:
        return None
    basis = quelle.anzeige_zu_stand(info, ablage)
    runden = Rundenablage(ablage)
    gespeichert = runden.eingang(runde.id)
    eingang = zwischenspeicher.rueckmelde_eingang(
        runde.id,
        tuple(b.sha256 for b in gespeichert),
        runde,
        lambda: runden.dateien(runde.id),
        basis.anlage,
        info.zuordnung,
    )
    eingegangen = {b.sha256: b.eingangstag for b in gespeichert}
    offen = frozenset(b.sha256 for b in gespeichert if b.uebernommen_nr is None)
    stellen = ueberblick(runde, eingang.rueckmeldungen, basis.anlage, heute or fmt.jetzt().date(), eingegangen)
    return RundenStand(runde, basis, info.zuordnung, eingang, eingegangen, offen, stellen)


def aktueller_stand(ablage: Ablage) -> RundenStand | None:
    """The current round with its forms, or None when there is none (or the store cannot be read)."""
    runde = aktuelle_runde(ablage)
    if runde is None:
        return None
    try:
        return runden_stand(ablage, runde)
    except AblageFehler:
        return None


def stand_fuer_seiten() -> RundenStand | None:
    """The current round for pages that only show it (Zuständigkeit, Fortschritt, the slides):
    None when there is none or the store cannot be read – those pages work without it."""
    try:
        return aktueller_stand(quelle.ablage())
    except AblageFehler:
        return None


def fuer_folien() -> tuple[Runde, tuple[StelleImUeberblick, ...], dt.date] | None:
    """The current round for the slide „Rückmeldungen“ (rueckmeldefolie's arguments), or None."""
    stand = stand_fuer_seiten()
    return (stand.runde, stand.stellen, fmt.jetzt().date()) if stand is not None else None

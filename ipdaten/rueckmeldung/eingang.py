"""The returned forms of one upload (any number, any order, the same file twice): each read
and checked, duplicates counted once, and the recommendations two forms answer differently
(conflicts for her to decide).

The result does not depend on the order of the files: they are read sorted by name and content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ipdaten.arbeitsmappe import Anlage, Zuordnung, warnung
from ipdaten.rueckmeldung.bogen_aufbau import nr_text
from ipdaten.rueckmeldung.bogen_kennung import kennung
from ipdaten.rueckmeldung.bogen_lesen import lies_bogen
from ipdaten.rueckmeldung.meldung import GelesenerBogen, Meldung, Rueckmeldung
from ipdaten.rueckmeldung.runde import Runde, Schluessel, neue_runde

INHALTE = ("status", "bemerkung", "termin")  # what a body reports (Gemeldet am/von follow from the form)


@dataclass(frozen=True)
class Antwort:
    """One form's answer on a recommendation."""

    rueckmeldung: Rueckmeldung
    meldung: Meldung


@dataclass(frozen=True)
class Konflikt:
    """Two or more forms answer one recommendation differently (in `felder`)."""

    schluessel: Schluessel
    felder: tuple[str, ...]
    antworten: tuple[Antwort, ...]

    @property
    def nr(self) -> str:
        """'1.3'."""
        return nr_text(self.schluessel)


@dataclass(frozen=True)
class Eingang:
    """The files of one upload (plus those kept from earlier uploads), read against `runde`."""

    runde: Runde
    boegen: tuple[GelesenerBogen, ...]

    @property
    def rueckmeldungen(self) -> tuple[Rueckmeldung, ...]:
        """The usable answers: valid forms, each content once, without forms returned untouched."""
        gesehen: set[str] = set()
        ergebnis = []
        for bogen in self.boegen:
            r = bogen.rueckmeldung
            if r is None or r.sha256 in gesehen or r.unausgefuellt:
                continue
            gesehen.add(r.sha256)
            ergebnis.append(r)
        return tuple(ergebnis)

    @property
    def abgelehnt(self) -> tuple[GelesenerBogen, ...]:
        """The files that cannot be used (with their findings)."""
        return tuple(b for b in self.boegen if not b.gueltig)

    @property
    def konflikte(self) -> tuple[Konflikt, ...]:
        """The recommendations answered differently by two or more forms, by field and Nr."""
        je_empfehlung: dict[Schluessel, list[Antwort]] = defaultdict(list)
        for r in self.rueckmeldungen:
            for m in r.meldungen:
                if not m.leer:
                    je_empfehlung[m.schluessel].append(Antwort(r, m))
        konflikte = []
        for schluessel, antworten in sorted(je_empfehlung.items()):
            felder = tuple(f for f in INHALTE if len({getattr(a.meldung, f) for a in antworten} - {None}) > 1)
            if felder:
                konflikte.append(Konflikt(schluessel, felder, tuple(antworten)))
        return tuple(konflikte)


def runde_aus_boegen(dateien: Iterable[tuple[str, bytes]], anlage: Anlage, basis_sha256: str) -> Runde | None:
    """The round the forms belong to, for the command line (which keeps no store): the round most
    forms made from this workbook name (ties broken by the round's id); None when none does."""
    kennungen = [k for _, daten in dateien if (k := kennung(daten)) is not None and k["Stand"] == basis_sha256]
    if not kennungen:
        return None
    zaehler = Counter(k["Runde"] for k in kennungen)
    runde_id = min(zaehler, key=lambda i: (-zaehler[i], i))
    werte = next(k for k in kennungen if k["Runde"] == runde_id)
    try:
        frist = dt.date.fromisoformat(werte["Frist"]) if werte["Frist"] else None
    except ValueError:
        frist = None
    return replace(neue_runde(anlage, basis_sha256, werte["Titel"], frist), id=runde_id)


def lies_boegen(
    dateien: Iterable[tuple[str, bytes]], runde: Runde, anlage: Anlage, zuordnung: Zuordnung | None = None
) -> Eingang:
    """Read returned forms of `runde` (`anlage`: the Stand it was made from). A file uploaded twice
    is read once; the copy gets a note."""
    sortiert = sorted(((name, bytes(daten)) for name, daten in dateien), key=lambda d: (d[0], d[1]))
    gelesen: dict[str, GelesenerBogen] = {}
    boegen = []
    for name, daten in sortiert:
        pruefsumme = hashlib.sha256(daten).hexdigest()
        if pruefsumme in gelesen:
            erstes = gelesen[pruefsumme]
            hinweis = warnung(
                "eingang.doppelte_datei",
                f"Die Datei hat denselben Inhalt wie „{erstes.dateiname}“ und zählt nur einmal.",
            )
            boegen.append(replace(erstes, dateiname=name, befunde=(*erstes.befunde, hinweis)))
            continue
        bogen = lies_bogen(name, daten, runde, anlage, zuordnung)
        gelesen[pruefsumme] = bogen
        boegen.append(bogen)
    return Eingang(runde, tuple(boegen))

"""How far a round is, and how fresh each recommendation's status is.

Per recipient: answered, open or overdue (open after the reply date), the last form and its
sender, how many rows were filled in and how many recommendations change. Per recommendation:
„zuletzt gemeldet am … von …“ from the workbook's columns Gemeldet am / Gemeldet von, so it is
known for every Stand, also one revised on the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.rueckmeldung.eingang import INHALTE
from ipdaten.rueckmeldung.fortschreiben import aktueller_wert, ist_gleich
from ipdaten.rueckmeldung.meldung import Meldung, Rueckmeldung
from ipdaten.rueckmeldung.runde import Empfaenger, Runde

BEANTWORTET, OFFEN, UEBERFAELLIG = "beantwortet", "offen", "überfällig"


@dataclass(frozen=True)
class StelleImUeberblick:
    """One recipient of a round and where its answer stands."""

    empfaenger: Empfaenger
    zustand: str  # BEANTWORTET, OFFEN or UEBERFAELLIG
    boegen: int  # usable forms received
    letzter_eingang: dt.date | None
    absender: str  # the sender of the last form
    ausgefuellt: int  # recommendations with any entry
    geaendert: int  # recommendations whose values change

    @property
    def empfehlungen(self) -> int:
        """How many recommendations the form lists."""
        return len(self.empfaenger.empfehlungen)


def _aendert(meldung: Meldung, zeile: pd.Series) -> bool:
    return any(
        getattr(meldung, f) is not None and not ist_gleich(f, aktueller_wert(zeile, f), getattr(meldung, f))
        for f in INHALTE
    )


def ueberblick(
    runde: Runde,
    rueckmeldungen: Iterable[Rueckmeldung],
    anlage: Anlage,
    heute: dt.date,
    eingegangen: Mapping[str, dt.date] | None = None,
) -> tuple[StelleImUeberblick, ...]:
    """Every recipient of `runde` with its state; `anlage` holds the values answers are compared with,
    `eingegangen` the day each form (by SHA-256) came in (else the sender's date, else today)."""
    eingegangen = eingegangen or {}
    aktuell = anlage.empfehlungen.set_index(["handlungsfeld", "nr"], drop=False)
    je_stelle: dict[str, list[Rueckmeldung]] = {}
    for r in rueckmeldungen:
        je_stelle.setdefault(r.stelle, []).append(r)
    ergebnis = []
    for empfaenger in runde.empfaenger:
        boegen = sorted(
            je_stelle.get(empfaenger.schluessel, []),
            key=lambda r: (eingegangen.get(r.sha256) or r.datum or heute, r.sha256),
        )
        ausgefuellt, geaendert = set(), set()
        for r in boegen:
            for m in r.meldungen:
                if not m.leer:
                    ausgefuellt.add(m.schluessel)
                    if m.schluessel in aktuell.index and _aendert(m, cast(pd.Series, aktuell.loc[m.schluessel])):
                        geaendert.add(m.schluessel)
        letzter = boegen[-1] if boegen else None
        if letzter is not None:
            zustand = BEANTWORTET
        elif runde.frist is not None and heute > runde.frist:
            zustand = UEBERFAELLIG
        else:
            zustand = OFFEN
        ergebnis.append(
            StelleImUeberblick(
                empfaenger,
                zustand,
                len(boegen),
                (eingegangen.get(letzter.sha256) or letzter.datum or heute) if letzter else None,
                letzter.absender if letzter else "",
                len(ausgefuellt),
                len(geaendert),
            )
        )
    return tuple(ergebnis)


@dataclass(frozen=True)
class Rundenzahlen:
    """The round in figures (for the slide „Rückmeldungen“): bodies answered of all, and the
    recommendations reported by them of all."""

    stellen: int
    beantwortet: int
    empfehlungen: int
    gemeldet: int

    @property
    def anteil_gemeldet(self) -> float:
        """Share of the recommendations reported (0 when the round has none)."""
        return self.gemeldet / self.empfehlungen if self.empfehlungen else 0.0


def rundenzahlen(stellen: Iterable[StelleImUeberblick]) -> Rundenzahlen:
    """The figures of an overview (see `ueberblick`)."""
    liste = list(stellen)
    beantwortet = [s for s in liste if s.zustand == BEANTWORTET]
    return Rundenzahlen(
        len(liste), len(beantwortet), sum(s.empfehlungen for s in liste), sum(s.empfehlungen for s in beantwortet)
    )


def ueberblick_tabelle(stellen: Iterable[StelleImUeberblick]) -> pd.DataFrame:
    """The overview as a German table („letzter Eingang“: the day the newest form came in)."""
    liste = list(stellen)
    return pd.DataFrame(
        {
            "Stelle": [s.empfaenger.name for s in liste],
            "Empfehlungen": [s.empfehlungen for s in liste],
            "Stand": [s.zustand for s in liste],
            "letzter Eingang": [fmt.datum(s.letzter_eingang) if s.letzter_eingang else "–" for s in liste],
            "ausgefüllt von": [s.absender or "–" for s in liste],
            "geändert": [s.geaendert for s in liste],
        }
    )


def gemeldet_text(datum: dt.date | None, von: str) -> str:
    """„zuletzt gemeldet am 5. Oktober 2017 von Jobcenter“ or „noch nicht gemeldet“."""
    if datum is None:
        return "noch nicht gemeldet"
    return f"zuletzt gemeldet am {fmt.datum(datum)}" + (f" von {von}" if von else "")


def nicht_gemeldet_text(datum: dt.date | None) -> str:
    """„nicht gemeldet seit 5. Oktober 2017“ or „noch nie gemeldet“."""
    return f"nicht gemeldet seit {fmt.datum(datum)}" if datum else "noch nie gemeldet"


def frische(anlage: Anlage, heute: dt.date, runde: Runde | None = None) -> pd.DataFrame:
    """Per recommendation: handlungsfeld, nr, zustaendig, gemeldet_am, gemeldet_von, text
    („zuletzt gemeldet am … von …“), seit („nicht gemeldet seit …“), tage (since the last report,
    None = never) and ueberfaellig: True when the round's reply date has passed and the
    recommendation was not reported since the round began."""
    e = anlage.empfehlungen
    am = [d if isinstance(d, dt.date) else None for d in e["gemeldet_am"]]
    von = [v if isinstance(v, str) else "" for v in e["gemeldet_von"]]
    beginn = runde.erstellt.date() if runde is not None else None
    frist_vorbei = runde is not None and runde.frist is not None and heute > runde.frist
    return pd.DataFrame(
        {
            "handlungsfeld": e["handlungsfeld"].to_numpy(),
            "nr": e["nr"].to_numpy(),
            "zustaendig": e["zustaendig"].to_numpy(),
            "gemeldet_am": am,
            "gemeldet_von": von,
            "text": [gemeldet_text(d, v) for d, v in zip(am, von)],
            "seit": [nicht_gemeldet_text(d) for d in am],
            "tage": [(heute - d).days if d else None for d in am],
            "ueberfaellig": [bool(frist_vorbei and (d is None or (beginn is not None and d < beginn))) for d in am],
        }
    )

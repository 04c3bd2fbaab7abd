"""A Rückmelderunde as data: its title, reply date, the Stand it was made from and the
recipients (lead bodies, or Handlungsfelder where the workbook names no Zuständig) with their
recommendations and the file name of their form.

Body names come from the workbook: they are shown and written as text only, cut to a length,
and reduced to safe characters wherever they become part of a file name.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage, bereinige, falte

NICHT_BENANNT = "nicht benannt"
MAX_NAME = 120  # a body's name as shown and written into its form
MAX_DATEINAME = 60  # the body's part of a file name
MAX_TITEL = 120
_UNSICHER = re.compile(r"[^A-Za-z0-9]+")
_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})

Schluessel = tuple[int, int]  # (Handlungsfeld, Nr) of a recommendation


@dataclass(frozen=True)
class Empfaenger:
    """One recipient of a form: a lead body (or a Handlungsfeld) and its recommendations."""

    schluessel: str  # stable within a round: the folded body name, or "handlungsfeld 3"
    name: str  # as shown: "Jobcenter", "Handlungsfeld 3: Sprache", "nicht benannt"
    empfehlungen: tuple[Schluessel, ...]
    dateiname: str  # "Rueckmeldebogen_Jobcenter.xlsx" (safe characters, unique in the round)


@dataclass(frozen=True)
class Runde:
    """A round: what went to whom, made from one Stand (identified by the SHA-256 of its bytes)."""

    id: str
    titel: str
    frist: dt.date | None
    basis_sha256: str
    stand: dt.date | None  # the Stand date of the workbook the forms were made from
    erstellt: dt.datetime
    empfaenger: tuple[Empfaenger, ...]
    nach_zustaendigkeit: bool  # False: one form per Handlungsfeld (the workbook has no Zuständig)

    def empfaenger_von(self, schluessel: str) -> Empfaenger | None:
        """The recipient with this key, or None."""
        return next((e for e in self.empfaenger if e.schluessel == schluessel), None)

    @property
    def fingerabdruck(self) -> str:
        """The short form of the Stand's SHA-256 shown to people (12 hex digits)."""
        return self.basis_sha256[:12]


def name_text(wert: object, laenge: int = MAX_NAME) -> str:
    """A name from the workbook as safe display text: spaces folded, cut to `laenge`."""
    return fmt.kuerzen(bereinige(wert), laenge)


def sicherer_dateiteil(name: str, laenge: int = MAX_DATEINAME) -> str:
    """`name` as a file-name part of ASCII letters, digits, '-' and '_' ('Amt für Migration' →
    'Amt_fuer_Migration'); never empty, never a device name like 'CON'."""
    text = unicodedata.normalize("NFKD", str(name).translate(_UMLAUTE))
    text = "".join(z for z in text if not unicodedata.combining(z))
    teil = _UNSICHER.sub("_", text).strip("_")[:laenge].strip("_")
    return teil or "Stelle"


def _dateinamen(namen: list[str]) -> list[str]:
    """One unique file name per recipient, in the given order (case-insensitively unique: Windows)."""
    vergeben: set[str] = set()
    ergebnis = []
    for name in namen:
        basis = f"Rueckmeldebogen_{sicherer_dateiteil(name)}"
        kandidat, nummer = basis, 2
        while kandidat.casefold() in vergeben:
            kandidat, nummer = f"{basis}_{nummer}", nummer + 1
        vergeben.add(kandidat.casefold())
        ergebnis.append(kandidat + ".xlsx")
    return ergebnis


def hat_zustaendig(anlage: Anlage) -> bool:
    """Whether the workbook names a lead body for any recommendation (then one form per body)."""
    spalte = anlage.empfehlungen.get("zustaendig")
    return spalte is not None and bool((spalte.fillna("").astype(str).map(bereinige) != "").any())


def empfaenger_der_anlage(anlage: Anlage) -> tuple[tuple[Empfaenger, ...], bool]:
    """The recipients of a round on `anlage` and whether they are lead bodies.

    One per lead body (`Zuständig`, spellings that fold alike are one body, shown as first
    written); recommendations without one go to „nicht benannt“. Without any Zuständig: one per
    Handlungsfeld. Recommendations in the order of field and Nr.
    """
    empfehlungen = anlage.empfehlungen.sort_values(["handlungsfeld", "nr"])
    gruppen: dict[str, tuple[str, list[Schluessel]]] = {}
    nach_zustaendigkeit = hat_zustaendig(anlage)
    zeilen: list[Any] = list(empfehlungen.itertuples(index=False))  # a row's attributes are its columns
    for zeile in zeilen:
        schluessel_empfehlung = (int(zeile.handlungsfeld), int(zeile.nr))
        if nach_zustaendigkeit:
            roh = "" if _fehlt(zeile.zustaendig) else bereinige(zeile.zustaendig)
            name = name_text(roh) if roh else NICHT_BENANNT
            schluessel = falte(name) if roh else f"({NICHT_BENANNT})"
        else:
            feld = int(zeile.handlungsfeld)
            name = name_text(f"Handlungsfeld {feld}: {anlage.feldnamen.get(feld, '')}".rstrip(": "))
            schluessel = f"handlungsfeld {feld}"
        gruppen.setdefault(schluessel, (name, []))[1].append(schluessel_empfehlung)
    # Bodies alphabetically, „nicht benannt“ last; Handlungsfelder in their order.
    reihenfolge = sorted(
        gruppen,
        key=lambda s: (s == f"({NICHT_BENANNT})", falte(gruppen[s][0]) if nach_zustaendigkeit else "", gruppen[s][1]),
    )
    dateinamen = _dateinamen([gruppen[s][0] for s in reihenfolge])
    return (
        tuple(
            Empfaenger(s, gruppen[s][0], tuple(gruppen[s][1]), datei)
            for s, datei in zip(reihenfolge, dateinamen, strict=True)
        ),
        nach_zustaendigkeit,
    )


def _fehlt(wert: Any) -> bool:
    return wert is None or (not isinstance(wert, str) and bool(pd.isna(wert)))


def neue_runde(
    anlage: Anlage,
    basis_sha256: str,
    titel: str,
    frist: dt.date | None = None,
    erstellt: dt.datetime | None = None,
) -> Runde:
    """A new round on the Stand `anlage` (whose bytes have the SHA-256 `basis_sha256`)."""
    empfaenger, nach_zustaendigkeit = empfaenger_der_anlage(anlage)
    return Runde(
        id=secrets.token_hex(8),
        titel=name_text(titel, MAX_TITEL) or "Rückmelderunde",
        frist=frist,
        basis_sha256=basis_sha256,
        stand=anlage.stand,
        erstellt=erstellt or dt.datetime.now(dt.UTC).replace(microsecond=0),
        empfaenger=empfaenger,
        nach_zustaendigkeit=nach_zustaendigkeit,
    )

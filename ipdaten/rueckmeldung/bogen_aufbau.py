"""The layout of a Rückmeldebogen, declared once for the writer and the reader: the sheets,
the columns (read-only or to fill in), where the sender's line and the header sit, the
identifying metadata, and the read-only text of each row (so a returned form is checked
against exactly what was written)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage, bereinige
from ipdaten.rueckmeldung.runde import Empfaenger, Schluessel

BLATT = "Rückmeldung"
BLATT_KENNUNG = "Kennung"  # very hidden: what identifies the form
FORMAT = "Rückmeldebogen Integrationsplan-Monitor"
VERSION = 1
MAX_ZELLTEXT = 32_767  # Excel's limit for the text of one cell


@dataclass(frozen=True)
class BogenSpalte:
    """One column of the form's table."""

    titel: str
    breite: float
    zum_ausfuellen: bool = False


SPALTEN: tuple[BogenSpalte, ...] = (
    BogenSpalte("Handlungsfeld", 22),
    BogenSpalte("Nr", 6),
    BogenSpalte("Empfehlung", 50),
    BogenSpalte("Status", 14),
    BogenSpalte("Bemerkung", 30),
    BogenSpalte("Termin", 13),
    BogenSpalte("Status neu", 17, True),
    BogenSpalte("Bemerkung neu", 40, True),
    BogenSpalte("Termin neu", 13, True),
)
NUR_LESEN = tuple(s.titel for s in SPALTEN if not s.zum_ausfuellen)
STATUS_NEU, BEMERKUNG_NEU, TERMIN_NEU = (s.titel for s in SPALTEN if s.zum_ausfuellen)
SPALTE = {s.titel: i for i, s in enumerate(SPALTEN)}  # title → 0-based column

# Rows (1-based, as Excel counts them).
ZEILE_TITEL, ZEILE_EMPFAENGER, ZEILE_FRIST, ZEILE_ANLEITUNG = 1, 2, 3, 4
ZEILE_ABSENDER = 6
ZEILE_KOPF = 8
ERSTE_ZEILE = ZEILE_KOPF + 1
ABSENDER_TEXT, DATUM_TEXT = "Ausgefüllt von:", "am:"
SPALTE_ABSENDER, SPALTE_DATUM = 1, 4  # 0-based: the sender's name in B (merged B:C), the date in E

# The very hidden sheet: one "key | value" row each, in this order.
KENNUNG_FELDER = ("Format", "Version", "Runde", "Titel", "Frist", "Stelle", "Schlüssel", "Stand", "Anzahl")


def zelltext(wert: object) -> str:
    """A value as the text a form cell holds: spaces folded, bidi controls and control
    characters removed, cut to Excel's limit."""
    text = "".join(z for z in bereinige(wert) if z >= " ")  # bereinige drops the bidi controls
    return text[:MAX_ZELLTEXT]


def nr_text(schluessel: Schluessel) -> str:
    """'1.3' for recommendation 3 of field 1 (as the dashboard names it)."""
    return f"{schluessel[0]}.{schluessel[1]}"


def _termin_text(datum: Any, genauigkeit: object) -> str:
    if datum is None or (not isinstance(datum, str) and pd.isna(datum)):
        return ""
    return fmt.ungefaehres_datum(datum, str(genauigkeit or "tag"))


def nur_lesen_zeilen(anlage: Anlage, empfaenger: Empfaenger) -> dict[Schluessel, tuple[str, ...]]:
    """The read-only cells of each row of the recipient's form, as texts, in form order."""
    gesucht = set(empfaenger.empfehlungen)
    zeilen = {}
    reihen: list[Any] = list(anlage.empfehlungen.itertuples(index=False))  # a row's attributes are its columns
    for e in reihen:
        schluessel = (int(e.handlungsfeld), int(e.nr))
        if schluessel not in gesucht:
            continue
        feld = f"{schluessel[0]} {anlage.feldnamen.get(schluessel[0], '')}".strip()
        werte = (
            feld,
            nr_text(schluessel),
            e.empfehlung,
            e.status,
            e.bemerkung if isinstance(e.bemerkung, str) else "",
            _termin_text(e.termin, e.termin_genauigkeit),
        )
        zeilen[schluessel] = tuple(zelltext(w) for w in werte)
    return {s: zeilen[s] for s in empfaenger.empfehlungen}

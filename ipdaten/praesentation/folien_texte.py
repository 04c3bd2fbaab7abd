"""Texts and limits of a slide: how much fits, how workbook text is shortened, the lines that
repeat (Stand, field title) and a big figure that rests on an assumption.
"""

from __future__ import annotations

import datetime as dt

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige
from ipdaten.darstellung import ansicht
from ipdaten.praesentation.folien_daten import Kennzahl

# At most this many recommendations are listed on a field slide (more would not be readable
# from the back of the room); the rest is counted ("… und 4 weitere").
MAX_PUNKTE = 6
MAX_MEILENSTEINE = 8
MAX_ZUSTAENDIGE = 8
# Longer workbook texts are shortened on a slide (at a word, with "…"); the tables keep them whole.
MAX_ZEICHEN = 120


def kuerzen(text: object, laenge: int = MAX_ZEICHEN) -> str:
    """Workbook text for a slide: cleaned, and cut at a word with "…" when longer than `laenge`."""
    return fmt.kuerzen(bereinige(text), laenge)


def stand_zeile(stand: dt.date | None) -> str:
    """The line on every slide: 'Stand: 6. März 2017'."""
    return f"Stand: {fmt.datum(stand)}"


def feld_titel(nr: int, name: str) -> str:
    """'Handlungsfeld 6: Gesellschaft'."""
    return f"Handlungsfeld {int(nr)}: {name}"


def anteil_text(anzahl: int, gesamt: int) -> str:
    """`anzahl` as a share of `gesamt` in German ('25 %'); no share of nothing."""
    return fmt.anteil(anzahl / gesamt if gesamt else None)


def kennzahl(wert: str, bezeichnung: str, annahme: bool) -> Kennzahl:
    """A big figure whose label says '(Annahme)' when it rests on an assumption."""
    return Kennzahl(wert, bezeichnung + (ansicht.ANNAHME_MARKE if annahme else ""))

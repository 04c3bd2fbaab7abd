"""The kinds of value a column of the contract holds (`Typ`): what the documentation calls them,
the column's dtype in the Anlage's frame, the value of an empty cell and – for a column whose
cells must be one of a few words – those words (`auswahl`).

A column declared in `vertrag.py` with one of these types needs nothing else to be read: the
readers read every column they have no special rule for by its type (`zellwerte.weitere_werte`),
the frames take their columns and dtypes from the contract (`datenrahmen`), and the workbook
documentation lists it (`vertrag_doku`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Typ:
    """The kind of value of a column.

    `dtype` is the frame's dtype of a required column, `dtype_optional` that of an optional one
    (which may be empty); None leaves it to pandas (text becomes its string dtype). `leer` is the
    frame value of an empty cell; `auswahl` lists the only words allowed (lower case; an empty cell
    is allowed in an optional column)."""

    name: str
    dtype: str | None = None
    dtype_optional: str | None = None
    leer: object = ""
    auswahl: tuple[str, ...] = ()

    def dtype_fuer(self, pflicht: bool) -> str | None:
        """The frame's dtype of a required (`pflicht`) or optional column of this type."""
        return self.dtype if pflicht else self.dtype_optional


def auswahl(*woerter: str) -> Typ:
    """A text column whose cells hold one of `woerter` (any case) or nothing."""
    return Typ("eines von " + ", ".join(f"„{w}“" for w in woerter), auswahl=tuple(w.casefold() for w in woerter))


TEXT = Typ("Text")
GANZZAHL = Typ("ganze Zahl", "int64", "Int64", None)
EURO = Typ("Betrag in Euro", "float64", "float64", float("nan"))
PROZENT = Typ("Prozentpunkte", "float64", "float64", float("nan"))
STATUS = Typ("Status")
JA_NEIN = Typ("ja / nein", "object", "object", None)
DATUM = Typ("Datum", "object", "object", None)
ZEITPUNKT = Typ("Datum, Monat oder Jahr", "object", "object", None)  # its precision in a companion column

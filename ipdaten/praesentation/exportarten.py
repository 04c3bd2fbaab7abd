"""The kinds of columns of the export tables (`Art`: a name for readers of the data and Excel's
number format) and a column (`Spalte`); see `exporttabellen` for the tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Art:
    """How a column's values are shown: a name for readers of the data and Excel's number format."""

    name: str
    excel: str | None = None


ANZAHL = Art("Anzahl", "#,##0")
JAHR = Art("Jahr", "0")
ANTEIL = Art("Anteil (0 bis 1)", "0.0 %")
PROZENT = Art("Prozent (Prozentpunkte)", '0.00" %"')
PP = Art("Differenz in Prozentpunkten", '+0.00" Pp.";-0.00" Pp.";0.00" Pp."')
EURO = Art("Euro", '#,##0.00" €"')
DATUM = Art("Datum", "DD.MM.YYYY")
TEXT = Art("Text")


@dataclass(frozen=True)
class Spalte:
    """One column of an export table: title, kind, width in Excel; `leer_text` fills an empty cell
    in Excel (e.g. „keine Angabe“), the data formats leave it empty."""

    titel: str
    art: Art
    breite: int
    leer_text: str = ""


Kopf = list[Spalte]
Inhalt = tuple[Kopf, list[list[Any]]]

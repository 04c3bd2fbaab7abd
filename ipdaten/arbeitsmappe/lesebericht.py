"""What the reader saw besides the figures (`Lesebericht`): which sheet was read as which, every
sheet of the workbook, where it states its Stand, and the columns of the tables read that were
not read. The plausibility checks and the receipt of an upload read it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ipdaten.arbeitsmappe.standangaben import Standangabe


@dataclass(frozen=True)
class Spalteninfo:
    """A column of a table read that the dashboard did not read: where it is, its header, its
    values by Excel row (non-empty only)."""

    blatt: str  # the workbook's sheet
    vertragsblatt: str  # the contract sheet the table was read as
    buchstabe: str  # Excel's column letters
    titel: str
    werte: tuple[tuple[int, object], ...] = ()


@dataclass(frozen=True)
class Lesebericht:
    """What the reader saw besides the figures, for the plausibility checks and the receipt.

    `blaetter`: contract sheet → the workbook's sheet read as it; `alle_blaetter`: every sheet
    of the workbook in its order; `ausgeblendet`: the hidden ones; `gelesen`: every sheet read
    (also sheets per Handlungsfeld); `leer`: sheets not read that hold no value; `dateiname`: the name the file came with ('' unknown);
    `standangaben`: where the workbook states its Stand (Info first, if it has one);
    `ungelesene_spalten`: columns of the tables read that were not read.
    """

    dateiname: str = ""
    blaetter: dict[str, str] = field(default_factory=dict)
    alle_blaetter: tuple[str, ...] = ()
    ausgeblendet: frozenset[str] = frozenset()
    gelesen: tuple[str, ...] = ()
    leer: tuple[str, ...] = ()
    standangaben: tuple[Standangabe, ...] = ()
    ungelesene_spalten: tuple[Spalteninfo, ...] = ()

    def blattname(self, vertragsblatt: str) -> str:
        """The workbook's name of a contract sheet (the contract name when it was not read)."""
        return self.blaetter.get(vertragsblatt, vertragsblatt)

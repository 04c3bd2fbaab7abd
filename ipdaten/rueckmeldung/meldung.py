"""What a returned form says: per recommendation the new status, Bemerkung and Termin (None =
unchanged), who sent it and when – and the findings of a form that cannot be used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Befund
from ipdaten.rueckmeldung.runde import Schluessel


@dataclass(frozen=True)
class Termin:
    """A Termin as the loader reads one: date, precision ('tag', 'monat', 'jahr', 'jahresende')."""

    datum: dt.date
    genauigkeit: str

    @property
    def text(self) -> str:
        """German: '30. Juni 2018', 'Juni 2018', '2018', 'Ende 2018'."""
        return fmt.ungefaehres_datum(self.datum, self.genauigkeit)


@dataclass(frozen=True)
class Meldung:
    """One row of a returned form: the new values, None where the body left the field blank."""

    schluessel: Schluessel
    status: str | None = None
    bemerkung: str | None = None
    termin: Termin | None = None

    @property
    def leer(self) -> bool:
        """True when the row was left blank (all unchanged)."""
        return self.status is None and self.bemerkung is None and self.termin is None

    def inhalt(self) -> tuple[Any, ...]:
        """What the row says, comparable with another form's row of the same recommendation."""
        return (self.status, self.bemerkung, self.termin)


@dataclass(frozen=True)
class Rueckmeldung:
    """A valid returned form."""

    dateiname: str
    sha256: str
    runde_id: str
    stelle: str  # the recipient's key (Empfaenger.schluessel)
    stelle_name: str
    absender: str  # the sender's name as written ('' = none)
    datum: dt.date | None  # the date the sender wrote (None = none or unreadable)
    meldungen: tuple[Meldung, ...]
    warnungen: tuple[Befund, ...] = ()
    melder: str = ""  # who counts as having reported („Gemeldet von“); '' = the recipient's name

    @property
    def gemeldet_von(self) -> str:
        """„Gemeldet von“: the lead body; for a form per Handlungsfeld the sender's name if given."""
        return self.melder or self.stelle_name

    @property
    def unausgefuellt(self) -> bool:
        """True for a form returned untouched: no sender, no date, no entry (not counted as an answer)."""
        return not self.absender and self.datum is None and all(m.leer for m in self.meldungen)

    @property
    def geaendert(self) -> tuple[Meldung, ...]:
        """The rows with any entry."""
        return tuple(m for m in self.meldungen if not m.leer)


@dataclass(frozen=True)
class GelesenerBogen:
    """One uploaded file: the form read from it, or why it cannot be used (errors first)."""

    dateiname: str
    sha256: str
    rueckmeldung: Rueckmeldung | None
    befunde: tuple[Befund, ...] = field(default_factory=tuple)

    @property
    def gueltig(self) -> bool:
        """True when the form can be used."""
        return self.rueckmeldung is not None

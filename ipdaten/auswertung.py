"""One Anlage with its computed figures, each computed once on first use.

The UI caches one Auswertung per loaded workbook, so a rerun of a page costs a lookup, not
a groupby.
"""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from . import ansicht, kennzahlen
from .kennzahlen import HaushaltSummen
from .modell import Anlage


class Auswertung:
    """The figures the pages and exports show for one Anlage."""

    def __init__(self, anlage: Anlage):
        self.anlage = anlage
        self._haushalt: dict[int | None, HaushaltSummen] = {}
        self._einbuergerung_jahr: dict[int, pd.DataFrame] = {}

    @cached_property
    def verteilung(self) -> pd.DataFrame:
        """Status distribution per Handlungsfeld (see kennzahlen.status_verteilung)."""
        return kennzahlen.status_verteilung(self.anlage)

    @cached_property
    def gesamt(self) -> dict:
        """Status distribution over all recommendations (see kennzahlen.status_gesamt)."""
        return kennzahlen.status_gesamt(self.anlage)

    @cached_property
    def einbuergerung(self) -> pd.DataFrame:
        """Naturalisation ranking (see kennzahlen.einbuergerung_vergleich)."""
        return kennzahlen.einbuergerung_vergleich(self.anlage)

    @cached_property
    def einbuergerung_jahre(self) -> list[int]:
        """Years of the naturalisation table."""
        return kennzahlen.einbuergerung_jahre(self.anlage)

    @cached_property
    def haushalt_jahre(self) -> list[int]:
        """Budget years present."""
        return kennzahlen.haushalt_jahre(self.anlage)

    def haushalt(self, jahr: int | None = None) -> HaushaltSummen:
        """Budget totals of one year (or all)."""
        if jahr not in self._haushalt:
            self._haushalt[jahr] = kennzahlen.haushalt_summen(self.anlage, jahr)
        return self._haushalt[jahr]

    @cached_property
    def kennzahlen_json(self) -> dict:
        """All key figures as JSON-ready data."""
        return kennzahlen.kennzahlen_json(self.anlage)

    # --- for the pages (issue 3): computed once per Anlage, looked up per rerun ---

    def einbuergerung_im_jahr(self, jahr: int) -> pd.DataFrame:
        """The naturalisation ranking of one year."""
        if jahr not in self._einbuergerung_jahr:
            self._einbuergerung_jahr[jahr] = ansicht.einbuergerung_jahr(self.einbuergerung, jahr)
        return self._einbuergerung_jahr[jahr]

    @cached_property
    def kopfzahlen(self) -> list[ansicht.Kopfzahl]:
        """Headline figures of the Übersicht (latest naturalisation and budget year)."""
        e_jahre, h_jahre = self.einbuergerung_jahre, self.haushalt_jahre
        einbuergerung = self.einbuergerung_im_jahr(e_jahre[-1]) if e_jahre else self.einbuergerung.iloc[0:0]
        haushalt = self.haushalt(h_jahre[-1]) if h_jahre else None
        return ansicht.kopfzahlen(
            self.gesamt,
            len(self.anlage.handlungsfelder),
            einbuergerung,
            haushalt.summe_eur if haushalt else None,
            h_jahre[-1] if h_jahre else None,
            haushalt.positionen if haushalt else 0,
        )

    @cached_property
    def suchtexte(self) -> pd.Series:
        """Folded search text of every recommendation (see ansicht.suchtexte)."""
        return ansicht.suchtexte(self.anlage.empfehlungen)

    @cached_property
    def annahmen(self) -> int:
        """How many recommendations are marked as assumption or placeholder."""
        return int(ansicht.annahmen_maske(self.anlage.empfehlungen).sum())

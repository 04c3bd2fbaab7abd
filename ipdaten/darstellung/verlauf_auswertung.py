"""The history over all Stände with its figures and tables, each computed once on first use.

The UI caches one VerlaufAuswertung per set of Stände (by their checksums), so a rerun of the
Fortschritt or Handlungsfelder page costs a lookup, not a join of many Stände.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.darstellung import diagramme_verlauf
from ipdaten.gemerkt import Gemerkt
from ipdaten.zahlen import verlauf as vl


class VerlaufAuswertung:
    """A Verlauf and what the pages show of it; `feldnamen` are the fields of the latest Stand."""

    def __init__(self, verlauf: vl.Verlauf, feldnamen: dict[int, str]):
        self.verlauf = verlauf
        self.feldnamen = feldnamen
        self._gemerkt = Gemerkt()
        # Recommendations and thresholds are open-ended: keep only some.
        self._historien = Gemerkt(hoechstens=64)
        self._unveraenderte = Gemerkt(hoechstens=16)

    @property
    def staende(self) -> tuple[vl.StandKopf, ...]:
        """The Stände, oldest first."""
        return self.verlauf.staende

    def linien(self, mass: str) -> go.Figure:
        """diagramme_verlauf.verlauf_linien of one measure (shared read-only)."""
        return self._gemerkt.wert(
            ("linien", mass), lambda: diagramme_verlauf.verlauf_linien(self.verlauf.anteile, mass)
        )

    def tabelle(self, mass: str) -> pd.DataFrame:
        """ansicht_fortschreibung.verlauf_tabelle of one measure."""
        return self._gemerkt.wert(("tabelle", mass), lambda: af.verlauf_tabelle(self.verlauf.anteile, mass))

    def historie(self, handlungsfeld: int, nr: int) -> tuple[Any, ...]:
        """(history frame, timeline figure, table, Bemerkung changes) of one recommendation."""
        schluessel = (int(handlungsfeld), int(nr))
        return self._historien.wert(schluessel, lambda: self._berechne_historie(*schluessel))

    def _berechne_historie(self, handlungsfeld: int, nr: int) -> tuple[Any, ...]:
        h = vl.empfehlung_verlauf(self.verlauf, handlungsfeld, nr)
        return h, diagramme_verlauf.empfehlung_zeitstrahl(h), af.historie_tabelle(h), af.bemerkung_aenderungen(h)

    def unveraendert(self, mindestens: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(per-field counts as text, the list as text, the raw list) for "seit mindestens N Ständen"."""
        return self._unveraenderte.wert(int(mindestens), lambda: self._berechne_unveraendert(int(mindestens)))

    def _berechne_unveraendert(self, mindestens: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        liste = vl.unveraendert_seit(self.verlauf, self.feldnamen, mindestens)
        je_feld = vl.unveraendert_je_feld(self.verlauf, self.feldnamen, mindestens)
        return af.unveraendert_feld_tabelle(je_feld), af.unveraendert_tabelle(liste), liste

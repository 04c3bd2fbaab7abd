"""The loaded Anlage 1: plain pandas frames, one per sheet of the contract."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befund
from ipdaten.arbeitsmappe.lesebericht import Lesebericht
from ipdaten.arbeitsmappe.zuordnung import Zuordnung


@dataclass(frozen=True)
class Anlage:
    """A valid Anlage 1 workbook.

    Frames and their columns:
    - handlungsfelder: nr, name, leitsatz, seiten, bericht (report passage), quelle, zeile
    - empfehlungen: handlungsfeld, nr, ziel, empfehlung, status (categorical in canonical
      order), bemerkung, bezug_gefluechtete (True/False/None), quelle, zeile
    - einbuergerung: gebiet, jahr, quote_prozent (NaN = keine Angabe), quelle, definition
      (texts, '' when the sheet has no such column), zeile
    - haushalt: massnahme, betrag, jahr, handlungsfeld (nullable), quelle, zeile
    - meilensteine: datum, genauigkeit, ereignis, zeile
    `zeile` is the Excel row the record came from. `zuordnung` is the mapping applied, if any. Optional sheets that are missing are
    empty frames with these columns. `warnungen` holds the reader's warnings and those of the
    plausibility checks (`plausibel.pruefe_plausibilitaet`), `lesebericht` what else was seen.
    """

    handlungsfelder: pd.DataFrame
    empfehlungen: pd.DataFrame
    einbuergerung: pd.DataFrame
    haushalt: pd.DataFrame
    meilensteine: pd.DataFrame
    stand: dt.date | None = None
    bezeichnung: str | None = None
    vorhandene_blaetter: tuple[str, ...] = ()
    warnungen: tuple[Befund, ...] = field(default_factory=tuple)
    zuordnung: Zuordnung | None = None  # the user's mapping this workbook was read with
    lesebericht: Lesebericht | None = None  # None for an Anlage not read from a workbook (a merge)

    @cached_property
    def feldnamen(self) -> dict[int, str]:
        """Handlungsfeld number → name, in workbook order (built once: pages ask on every rerun)."""
        return dict(zip(self.handlungsfelder["nr"], self.handlungsfelder["name"]))

    def hat_spalte(self, feld: str, rahmen: str = "empfehlungen") -> bool:
        """Whether the optional column `feld` of frame `rahmen` holds a value in any row: the one
        rule by which pages, slides and exports show or leave out an optional column (a column
        the workbook lacks and one it left empty are alike)."""
        return self._belegt[(rahmen, feld)]

    @cached_property
    def _belegt(self) -> dict[tuple[str, str], bool]:
        return {
            (name, spalte): _hat_wert(frame[spalte])
            for name in ("handlungsfelder", "empfehlungen", "einbuergerung", "haushalt", "meilensteine")
            for frame in (getattr(self, name),)
            for spalte in frame.columns
        }

    @property
    def titel(self) -> str:
        """What the workbook calls itself, or a neutral default."""
        return self.bezeichnung or "Auswertung Integrationsplan (Anlage 1)"


def _hat_wert(werte: pd.Series) -> bool:
    """Whether any value of a column is given: not None/NaN/NaT and not blank text."""
    vorhanden = werte[werte.notna()]
    if vorhanden.empty:
        return False
    if (
        isinstance(vorhanden.dtype, pd.CategoricalDtype)
        or vorhanden.dtype.kind in "OSUT"
        or str(vorhanden.dtype) == "str"
    ):
        return bool((vorhanden.astype(str).str.strip() != "").any())
    return True


def rahmen_gleich(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Whether two frames hold the same values (the index and dtypes aside)."""
    try:
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)
    except AssertionError:
        return False
    return True


def anders_gelesen(neu: Anlage, basis: Anlage, ausser: tuple[str, ...] = ()) -> list[str]:
    """What reads differently in `neu` than in `basis` (a revised workbook read back), as German
    phrases: the sheets other than `ausser` ('empfehlungen', 'einbuergerung' …) and Info."""
    probleme = [
        f"das Blatt „{teil}“ liest sich anders als vorher"
        for teil in ("handlungsfelder", "empfehlungen", "einbuergerung", "haushalt", "meilensteine")
        if teil not in ausser and not rahmen_gleich(getattr(neu, teil), getattr(basis, teil))
    ]
    if (neu.stand, neu.bezeichnung) != (basis.stand, basis.bezeichnung):
        probleme.append("das Blatt „Info“ liest sich anders als vorher")
    return probleme

"""One Anlage with its computed figures, each computed once on first use.

The UI caches one Auswertung per loaded workbook, so a rerun of a page costs a lookup, not
a groupby.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar, cast

import pandas as pd
import plotly.graph_objects as go

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.darstellung import (
    ansicht,
    ansicht_fortschreibung,
    diagramme,
    diagramme_verlauf,
    kopfzahl,
)
from ipdaten.gemerkt import Gemerkt
from ipdaten.zahlen import annahmen as annahmen_regel
from ipdaten.zahlen import fortschreibung, kennzahlen
from ipdaten.zahlen.annahmen import Annahmen
from ipdaten.zahlen.kennzahlen import HaushaltSummen

T = TypeVar("T")


class Auswertung:
    """The figures the pages and exports show for one Anlage."""

    def __init__(self, anlage: Anlage):
        self.anlage = anlage
        self._gemerkt = Gemerkt()
        # Filter combinations are open-ended (free text search): keep only some.
        self._auswahlen = Gemerkt(hoechstens=32)

    @cached_property
    def verteilung(self) -> pd.DataFrame:
        """Status distribution per Handlungsfeld (see kennzahlen.status_verteilung)."""
        return kennzahlen.status_verteilung(self.anlage)

    @cached_property
    def gesamt(self) -> dict[str, Any]:
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
    def einbuergerung_jahre_mit_quote(self) -> list[int]:
        """Years in which at least one area has a naturalisation rate (the latest is reported)."""
        return kennzahlen.jahre_mit_quote(self.einbuergerung)

    @cached_property
    def haushalt_jahre(self) -> list[int]:
        """Budget years present."""
        return kennzahlen.haushalt_jahre(self.anlage)

    def haushalt(self, jahr: int | None = None) -> HaushaltSummen:
        """Budget totals of one year (or all)."""
        return self._merke(("haushalt_summen", jahr), lambda: kennzahlen.haushalt_summen(self.anlage, jahr))

    def haushalte_mit_posten(self) -> list[tuple[int, HaushaltSummen]]:
        """(year, totals) of every budget year that has lines, ascending – what the slides and
        the Sitzungsvorlage report, one slide or paragraph per year."""
        return [(jahr, self.haushalt(jahr)) for jahr in self.haushalt_jahre if self.haushalt(jahr).positionen]

    # --- for the pages: computed once per Anlage, looked up per rerun ---

    def einbuergerung_im_jahr(self, jahr: int) -> pd.DataFrame:
        """The naturalisation ranking of one year."""
        return self._merke(("einbuergerung_jahr", jahr), lambda: ansicht.einbuergerung_jahr(self.einbuergerung, jahr))

    @cached_property
    def kopfzahlen(self) -> list[kopfzahl.Kopfzahl]:
        """Headline figures of the Übersicht (latest naturalisation and budget year)."""
        e_jahre, h_jahre = self.einbuergerung_jahre, self.haushalt_jahre
        einbuergerung = self.einbuergerung_im_jahr(e_jahre[-1]) if e_jahre else self.einbuergerung.iloc[0:0]
        haushalt = self.haushalt(h_jahre[-1]) if h_jahre else None
        return kopfzahl.kopfzahlen(
            self.gesamt,
            len(self.anlage.handlungsfelder),
            einbuergerung,
            haushalt.summe_eur if haushalt else None,
            h_jahre[-1] if h_jahre else None,
            haushalt.positionen if haushalt else 0,
            annahmen=self.annahmen,
            haushalt_annahme=haushalt.summe_annahme if haushalt else False,
        )

    @cached_property
    def _felder_nach_nr(self) -> pd.DataFrame:
        return self.anlage.handlungsfelder.set_index("nr", drop=False)

    @cached_property
    def _verteilung_nach_nr(self) -> pd.DataFrame:
        return self.verteilung.set_index("nr", drop=False)

    def handlungsfeld(self, nr: int) -> pd.Series:
        """One Handlungsfeld's row (nr, name, leitsatz, seiten, bericht)."""
        return self._merke(("handlungsfeld", nr), lambda: cast(pd.Series, self._felder_nach_nr.loc[nr]))

    def verteilung_feld(self, nr: int) -> pd.Series:
        """One Handlungsfeld's row of the status distribution."""
        return self._merke(("verteilung_feld", nr), lambda: cast(pd.Series, self._verteilung_nach_nr.loc[nr]))

    def feld_kopfzahlen(self, nr: int) -> list[kopfzahl.Kopfzahl]:
        """The headline figures of one Handlungsfeld (kopfzahl.feld_kennzahlen), marked when
        they rest on assumptions; formatted once, not on every rerun."""
        return self._merke(
            ("feld_kopfzahlen", nr),
            lambda: kopfzahl.feld_kennzahlen(
                self.verteilung_feld(nr),
                ansicht.vorhandene_status(self.gesamt),
                annahme=nr in self.annahmen.felder_betroffen,
            ),
        )

    @cached_property
    def suchtexte(self) -> pd.Series:
        """Folded search text of every recommendation (see ansicht.suchtexte)."""
        return ansicht.suchtexte(self.anlage.empfehlungen)

    @cached_property
    def annahmen(self) -> Annahmen:
        """What rests on marked assumptions, per sheet (see ipdaten.zahlen.annahmen)."""
        return annahmen_regel.annahmen(self.anlage)

    def _merke(self, schluessel: tuple[object, ...], berechne: Callable[[], T]) -> T:
        """Compute once per Anlage: figures and display tables are built on the first rerun
        that needs them and shared read-only afterwards (st.plotly_chart copies a figure)."""
        return self._gemerkt.wert(schluessel, berechne)

    def status_diagramm(self, absolut: bool = False) -> go.Figure:
        """diagramme.status_balken of all Handlungsfelder (shares or counts)."""
        return self._merke(
            ("status", absolut),
            lambda: diagramme.status_balken(
                self.verteilung, absolut=absolut, annahme_felder=self.annahmen.felder_betroffen
            ),
        )

    def feld_diagramm(self, nr: int) -> go.Figure:
        """diagramme.feld_verteilung of one Handlungsfeld."""
        return self._merke(
            ("feld", nr),
            lambda: diagramme.feld_verteilung(self.verteilung_feld(nr), annahme=nr in self.annahmen.felder_betroffen),
        )

    def verteilung_tabelle(self) -> pd.DataFrame:
        """ansicht.verteilung_tabelle over the statuses present."""
        return self._merke(
            ("verteilung_tabelle",),
            lambda: ansicht.verteilung_tabelle(
                self.verteilung, ansicht.vorhandene_status(self.gesamt), self.annahmen.felder_betroffen
            ),
        )

    def einbuergerung_ansicht(self, jahr: int) -> tuple[Any, ...]:
        """(figures, figure, table) of one naturalisation year: key figures, ranked bars, table."""
        return self._merke(
            ("einbuergerung", jahr),
            lambda: (
                kopfzahl.einbuergerung_kennzahlen(self.einbuergerung_im_jahr(jahr)),
                diagramme.einbuergerung_balken(self.einbuergerung_im_jahr(jahr)),
                ansicht.einbuergerung_tabelle(self.einbuergerung_im_jahr(jahr)),
            ),
        )

    def einbuergerung_verlauf(self) -> go.Figure:
        """diagramme.einbuergerung_verlauf over all years."""
        return self._merke(("einbuergerung_verlauf",), lambda: diagramme.einbuergerung_verlauf(self.einbuergerung))

    def haushalt_ansicht(self, jahr: int) -> tuple[Any, ...]:
        """(key figures, measures figure, measures table, per-field figure, per-field table) of one year."""

        def berechne() -> tuple[Any, ...]:
            h = self.haushalt(jahr)
            return (
                kopfzahl.haushalt_kennzahlen(
                    h.summe_eur,
                    h.positionen,
                    h.ohne_handlungsfeld_eur,
                    summe_annahme=h.summe_annahme,
                    ohne_annahme=h.ohne_handlungsfeld_annahme,
                ),
                diagramme.haushalt_massnahmen(h.massnahmen),
                ansicht.haushalt_tabelle(h.massnahmen),
                diagramme.haushalt_je_feld(
                    h.nach_handlungsfeld,
                    h.ohne_handlungsfeld_eur,
                    h.summe_eur,
                    ohne_annahme=h.ohne_handlungsfeld_annahme,
                ),
                ansicht.haushalt_feld_tabelle(
                    h.nach_handlungsfeld,
                    h.ohne_handlungsfeld_eur,
                    h.summe_eur,
                    ohne_annahme=h.ohne_handlungsfeld_annahme,
                ),
            )

        return self._merke(("haushalt", jahr), berechne)

    def empfehlungen_tabelle(self, auswahl: pd.DataFrame, *, mit_feld: bool) -> pd.DataFrame:
        """The display table (ansicht.empfehlungen_tabelle) of the rows `auswahl` of
        anlage.empfehlungen, cut from a table built once; `mit_feld` keeps the column Handlungsfeld."""
        alle = self._merke(
            ("empfehlungen_tabelle",),
            lambda: ansicht.empfehlungen_tabelle(
                self.anlage.empfehlungen,
                self.anlage.feldnamen,
                mit_bezug=self.anlage.hat_spalte("bezug_gefluechtete"),
                mit_meldung=self.anlage.hat_spalte("gemeldet_am"),
            ),
        )
        tabelle = alle.loc[auswahl.index]
        return (tabelle if mit_feld else tabelle.drop(columns="Handlungsfeld")).reset_index(drop=True)

    def empfehlungen_auswahl(
        self, filter_: ansicht.EmpfehlungsFilter
    ) -> tuple[pd.DataFrame, dict[str, dict[str, object]], dict[str, str]]:
        """The display table of the recommendations matching `filter_` (see
        ansicht.empfehlungen_filtern), its rows by Nr for the full-wording view, and the label
        of each Nr in the chooser ("1.5 – Wortlaut…", shortened). Without a field the table has
        the column Handlungsfeld."""
        return self._auswahlen.wert(filter_, lambda: self._berechne_auswahl(filter_))

    def _berechne_auswahl(
        self, filter_: ansicht.EmpfehlungsFilter
    ) -> tuple[pd.DataFrame, dict[str, dict[str, object]], dict[str, str]]:
        auswahl = ansicht.empfehlungen_filtern(self.anlage.empfehlungen, filter_, suchtext=self.suchtexte)
        tabelle = self.empfehlungen_tabelle(auswahl, mit_feld=filter_.feld is None)
        zeilen = dict(zip(tabelle["Nr"], tabelle.to_dict("records")))
        # Built once per filter, not per rerun: a large workbook has thousands of options.
        beschriftung = {nr: fmt.kuerzen(f"{nr} – {zeile['Empfehlung']}", 110) for nr, zeile in zeilen.items()}
        return tabelle, zeilen, beschriftung

    def gefluechtete_diagramm(self) -> go.Figure:
        """Status per field of the recommendations with Bezug Geflüchtete (counts; fields without
        any left out), built once (page Geflüchtete)."""

        def berechne() -> go.Figure:
            verteilung = self.gefluechtete().verteilung
            return diagramme.status_balken(verteilung[verteilung["empfehlungen"] > 0], absolut=True)

        return self._merke(("gefluechtete_diagramm",), berechne)

    def gefluechtete_tabellen(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The Geflüchtete page's tables, built once: status per field (fields with such
        recommendations) and the recommendations themselves."""

        def berechne() -> tuple[pd.DataFrame, pd.DataFrame]:
            g = self.gefluechtete()
            mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
            status = ansicht.vorhandene_status(g.gesamt)
            return ansicht.verteilung_tabelle(mit, status), ansicht_fortschreibung.gefluechtete_tabelle(g.empfehlungen)

        return self._merke(("gefluechtete_tabellen",), berechne)

    def status_nach_diagramm(self, spalte: str) -> go.Figure:
        """Status shares per value of `spalte` (e.g. "zustaendig"), built once (page Zuständigkeit)."""
        return self._merke(
            ("status_nach_diagramm", spalte),
            lambda: diagramme.status_balken(self.status_nach(spalte), nur_namen=True),
        )

    def plan_ist_diagramm(self, jahr: int | None) -> go.Figure:
        """Plan against Ist per field of one budget year, built once (page Haushalt)."""
        return self._merke(
            ("plan_ist_diagramm", jahr),
            lambda: diagramme_verlauf.plan_ist_balken(self.plan_ist(jahr).nach_handlungsfeld),
        )

    def gefluechtete(self) -> fortschreibung.Gefluechtete:
        """fortschreibung.gefluechtete of this Anlage, computed once."""
        return self._merke(("gefluechtete",), lambda: fortschreibung.gefluechtete(self.anlage))

    def status_nach(self, spalte: str) -> pd.DataFrame:
        """fortschreibung.status_nach of this Anlage (per value of `spalte`), computed once."""
        return self._merke(("status_nach", spalte), lambda: fortschreibung.status_nach(self.anlage, spalte))

    def ueberfaellig(self, stichtag: dt.date) -> pd.DataFrame:
        """fortschreibung.ueberfaellig of this Anlage at `stichtag`, computed once."""
        return self._merke(("ueberfaellig", stichtag), lambda: fortschreibung.ueberfaellig(self.anlage, stichtag))

    def plan_ist(self, jahr: int | None) -> fortschreibung.PlanIst:
        """fortschreibung.plan_ist of this Anlage for one budget year (None = all), computed once."""
        return self._merke(("plan_ist", jahr), lambda: fortschreibung.plan_ist(self.anlage, jahr))

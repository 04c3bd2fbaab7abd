"""Figures computed from an Anlage: status distributions, naturalisation ranking, budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.arbeitsmappe.gebiete import gebiet_art
from ipdaten.zahlen import annahmen

# The two measures of progress that the report and every view use, each the sum of these statuses.
# One rule: "umgesetzt oder in Arbeit" is written here and nowhere else.
FORTSCHRITT: dict[str, tuple[str, ...]] = {
    "umgesetzt": ("umgesetzt",),
    "umgesetzt_oder_in_arbeit": ("umgesetzt", "in Arbeit"),
}
FORTSCHRITT_TITEL = {"umgesetzt": "umgesetzt", "umgesetzt_oder_in_arbeit": "umgesetzt oder in Arbeit"}


def fortschritt(status: Mapping[str, Any]) -> dict[str, Any]:
    """Each measure of FORTSCHRITT from per-status counts (or shares; numbers or columns): the sum
    of its statuses."""
    return {mass: sum(status.get(s, 0) for s in teile) for mass, teile in FORTSCHRITT.items()}


def anteile_je_feld(verteilung: pd.DataFrame) -> pd.DataFrame:
    """The measures of FORTSCHRITT per row of a status_verteilung-like frame.

    Columns: nr, name, empfehlungen, then per measure `<mass>_anzahl` (int) and `<mass>`
    (share 0–1, NaN for a row without recommendations).
    """
    ergebnis = verteilung[["nr", "name", "empfehlungen"]].copy()
    nenner = ergebnis["empfehlungen"].where(ergebnis["empfehlungen"] > 0)
    for mass, anzahl in fortschritt({s: verteilung[s] for s in STATUS_REIHENFOLGE}).items():
        ergebnis[f"{mass}_anzahl"] = anzahl.astype("int64")
        ergebnis[mass] = anzahl / nenner
    return ergebnis


def anteile_gesamt(gesamt: dict[str, Any]) -> dict[str, Any]:
    """The measures of FORTSCHRITT from a status_gesamt dict, flat: {"empfehlungen": n,
    "<mass>_anzahl": count, "<mass>": share or NaN} per measure."""
    ergebnis: dict[str, Any] = {"empfehlungen": gesamt["empfehlungen"]}
    for mass in FORTSCHRITT:
        ergebnis[f"{mass}_anzahl"] = gesamt["fortschritt"][mass]
        ergebnis[mass] = gesamt["fortschritt_anteil"][mass]
    return ergebnis


def anteil_an(teil: float, ganzes: float) -> float | None:
    """`teil` as a share (0–1) of `ganzes`; None when the whole is 0."""
    return teil / ganzes if ganzes else None


def status_verteilung(anlage: Anlage) -> pd.DataFrame:
    """Counts and shares of every status per Handlungsfeld, in workbook order.

    Columns: nr, name, empfehlungen, one count column per status (canonical order, zero where
    none) and `anteil_<status>` (0–1; NaN for a field without recommendations).
    """
    felder = anlage.handlungsfelder[["nr", "name"]].reset_index(drop=True)
    # Counting on the integer codes (field position × status code) with numpy: pd.crosstab
    # cost 5 ms per call and 140 ms on a cold first page view.
    zeile = pd.Index(felder["nr"]).get_indexer(anlage.empfehlungen["handlungsfeld"])
    spalte = anlage.empfehlungen["status"].cat.codes.to_numpy()
    breite = len(STATUS_REIHENFOLGE)
    zaehlung = np.bincount(zeile * breite + spalte, minlength=len(felder) * breite).reshape(len(felder), breite)
    ergebnis = felder.copy()
    ergebnis["empfehlungen"] = zaehlung.sum(axis=1).astype("int64")
    for index, status in enumerate(STATUS_REIHENFOLGE):
        ergebnis[status] = zaehlung[:, index].astype("int64")
    nenner = ergebnis["empfehlungen"].where(ergebnis["empfehlungen"] > 0)
    for status in STATUS_REIHENFOLGE:
        ergebnis[f"anteil_{status}"] = ergebnis[status] / nenner
    return ergebnis


def status_gesamt(anlage: Anlage) -> dict[str, Any]:
    """Counts and shares of every status over all recommendations.

    Returns {"empfehlungen": n, "status": {status: count}, "anteil": {status: share},
    "fortschritt": {measure: count}, "fortschritt_anteil": {measure: share}} (measures: FORTSCHRITT).
    """
    zaehlung = anlage.empfehlungen["status"].value_counts().reindex(list(STATUS_REIHENFOLGE), fill_value=0)
    gesamt = int(zaehlung.sum())
    status = {s: int(zaehlung[s]) for s in STATUS_REIHENFOLGE}
    fortschritt_anzahl = fortschritt(status)
    return {
        "empfehlungen": gesamt,
        "status": status,
        "anteil": {s: (n / gesamt if gesamt else float("nan")) for s, n in status.items()},
        "fortschritt": fortschritt_anzahl,
        "fortschritt_anteil": {m: (n / gesamt if gesamt else float("nan")) for m, n in fortschritt_anzahl.items()},
    }


def referenz_gebiet(anlage: Anlage) -> str | None:
    """The area the dashboard compares against (the Landkreis Böblingen), as spelled in the
    workbook: by name, variant or official key of the one area table (`gebiete`); a town
    ("Stadt Böblingen") is not the Landkreis. None when the sheet has no such area."""
    return next((g for g in anlage.einbuergerung["gebiet"].unique() if gebiet_art(g).ist_referenz), None)


def einbuergerung_vergleich(anlage: Anlage) -> pd.DataFrame:
    """Naturalisation quotas ranked within each year.

    Columns: jahr, gebiet, quote_prozent, rang (1 = highest; missing without a value),
    ist_referenz, mittel_prozent (mean of the areas with a value that year),
    diff_referenz_pp, diff_mittel_pp, annahme (the row is marked as an assumption). Sorted by year, then rank; areas without a value last.
    """
    daten = anlage.einbuergerung[["jahr", "gebiet", "quote_prozent"]].copy()
    referenz = referenz_gebiet(anlage)
    daten["rang"] = daten.groupby("jahr")["quote_prozent"].rank(method="min", ascending=False).astype("Int64")
    daten["ist_referenz"] = daten["gebiet"] == referenz
    daten["mittel_prozent"] = daten.groupby("jahr")["quote_prozent"].transform("mean")
    ref_quote = daten.loc[daten["ist_referenz"]].set_index("jahr")["quote_prozent"]
    daten["diff_referenz_pp"] = daten["quote_prozent"] - daten["jahr"].map(ref_quote)
    daten["diff_mittel_pp"] = daten["quote_prozent"] - daten["mittel_prozent"]
    daten["annahme"] = annahmen.maske(anlage.einbuergerung)
    daten["_ohne"] = daten["quote_prozent"].isna()
    daten = daten.sort_values(["jahr", "_ohne", "rang", "gebiet"], kind="stable").drop(columns="_ohne")
    return daten.reset_index(drop=True)


def im_jahr(tabelle: pd.DataFrame, jahr: int | None) -> pd.DataFrame:
    """The rows of one year of a table with a column "jahr" (naturalisation, budget, official
    statistics); `jahr` None: all rows. The one year filter of the package."""
    return tabelle if jahr is None else tabelle[tabelle["jahr"] == jahr]


def einbuergerung_jahre(anlage: Anlage) -> list[int]:
    """The years of the naturalisation table, ascending."""
    return sorted(int(j) for j in anlage.einbuergerung["jahr"].unique())


def jahre_mit_quote(vergleich: pd.DataFrame) -> list[int]:
    """The years (ascending) in which at least one area of `einbuergerung_vergleich` has a rate."""
    mit = vergleich[vergleich["quote_prozent"].notna()]
    return sorted(int(j) for j in mit["jahr"].unique())


@dataclass(frozen=True)
class HaushaltSummen:
    """Budget totals of one or all years."""

    summe_eur: float
    positionen: int
    nach_handlungsfeld: pd.DataFrame  # nr, name, betrag, anteil, annahme; fields with measures only
    ohne_handlungsfeld_eur: float
    # massnahme, betrag, jahr, handlungsfeld, feldname, anteil, annahme (the amount rests on an
    # assumption), annahme_zuordnung (the amount or its assignment does)
    massnahmen: pd.DataFrame
    jahre: tuple[int, ...]
    ohne_handlungsfeld_annahme: bool = False  # an unassigned line is marked as an assumption

    @property
    def summe_annahme(self) -> bool:
        """Whether the total rests on an assumption (a line's amount, not only its assignment)."""
        return bool(self.massnahmen["annahme"].any())


def haushalt_summen(anlage: Anlage, jahr: int | None = None) -> HaushaltSummen:
    """Total, amounts per Handlungsfeld, the unassigned amount and each measure's share.

    `jahr` limits to one budget year; None takes all lines. `annahme` says whether a line (or
    any line of a field) is marked as an assumption, e.g. its assignment to the field.
    """
    posten = anlage.haushalt
    posten = im_jahr(posten, jahr)
    summe = float(posten["betrag"].sum())
    massnahmen = posten[["massnahme", "betrag", "jahr", "handlungsfeld"]].reset_index(drop=True)
    massnahmen["feldname"] = massnahmen["handlungsfeld"].map(anlage.feldnamen).fillna(fmt.OHNE_ZUORDNUNG)
    massnahmen["anteil"] = massnahmen["betrag"] / summe if summe else float("nan")
    markiert = annahmen.maske(posten)
    nur_zuordnung = posten["quelle"].map(annahmen.nur_zuordnung).astype(bool)
    massnahmen["annahme"] = (markiert & ~nur_zuordnung).to_numpy()  # the amount itself
    massnahmen["annahme_zuordnung"] = markiert.to_numpy()  # amount or assignment
    je_feld = posten.dropna(subset=["handlungsfeld"]).groupby("handlungsfeld")["betrag"].sum()
    felder = anlage.handlungsfelder[["nr", "name"]]
    nach_feld = felder[felder["nr"].isin(je_feld.index)].copy()
    nach_feld["betrag"] = nach_feld["nr"].map(je_feld).astype("float64")
    nach_feld["anteil"] = nach_feld["betrag"] / summe if summe else float("nan")
    felder_mit_annahme = set(posten.loc[markiert, "handlungsfeld"].dropna().astype(int))
    nach_feld["annahme"] = nach_feld["nr"].isin(felder_mit_annahme)
    return HaushaltSummen(
        summe_eur=summe,
        positionen=len(posten),
        nach_handlungsfeld=nach_feld.reset_index(drop=True),
        ohne_handlungsfeld_eur=float(posten.loc[posten["handlungsfeld"].isna(), "betrag"].sum()),
        massnahmen=massnahmen,
        jahre=tuple(sorted(int(j) for j in posten["jahr"].unique())),
        ohne_handlungsfeld_annahme=bool((markiert & posten["handlungsfeld"].isna()).any()),
    )


def haushalt_jahre(anlage: Anlage) -> list[int]:
    """The budget years present, ascending."""
    return sorted(int(j) for j in anlage.haushalt["jahr"].unique())

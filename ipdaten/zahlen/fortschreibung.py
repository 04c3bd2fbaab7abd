"""Figures of the Fortschreibung in one Stand: who is responsible, what is overdue, the
recommendations with Bezug Geflüchtete, and planned against spent budget.

All of it rests on optional workbook columns (Zuständig, Beteiligte, Arbeitsgruppe, Termin in
Empfehlungen; Ist in Haushalt). `hat_*` says whether a Stand has any value in them, so that a
page shows no empty section for a workbook without them.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.zahlen.kennzahlen import (
    FORTSCHRITT,
    anteile_gesamt,
    anteile_je_feld,
    im_jahr,
    status_gesamt,
    status_verteilung,
)

NICHT_BENANNT = "nicht benannt"


def _mit_massen(verteilung: pd.DataFrame) -> pd.DataFrame:
    """A status distribution with the measures of FORTSCHRITT as `<mass>_anzahl` and `anteil_<mass>`."""
    masse = anteile_je_feld(verteilung)
    for mass in FORTSCHRITT:
        verteilung[f"{mass}_anzahl"] = masse[f"{mass}_anzahl"].to_numpy()
        verteilung[f"anteil_{mass}"] = masse[mass].to_numpy()
    return verteilung


def hat_bezug(anlage: Anlage) -> bool:
    """True when any recommendation is marked with Bezug Geflüchtete = ja."""
    return bool((anlage.empfehlungen["bezug_gefluechtete"] == True).any())  # noqa: E712 (object column)


def status_nach(anlage: Anlage, spalte: str) -> pd.DataFrame:
    """The status distribution per value of `spalte` ("zustaendig" or "arbeitsgruppe").

    Columns: nr (running number, for charts), name (the value; NICHT_BENANNT for empty cells),
    empfehlungen, one count column per status and `anteil_<status>` (like
    kennzahlen.status_verteilung), and per measure of kennzahlen.FORTSCHRITT `<mass>_anzahl` and
    `anteil_<mass>` (0–1).
    Sorted by number of recommendations (most first), then name; NICHT_BENANNT last.
    """
    e = anlage.empfehlungen
    namen = e[spalte].fillna("").astype(str).str.strip().replace("", NICHT_BENANNT)
    codes = e["status"].cat.codes.to_numpy()
    werte, zeile = np.unique(namen.to_numpy(dtype=str), return_inverse=True)
    breite = len(STATUS_REIHENFOLGE)
    zaehlung = np.bincount(zeile * breite + codes, minlength=len(werte) * breite).reshape(len(werte), breite)
    verteilung = pd.DataFrame({"nr": range(len(werte)), "name": werte, "empfehlungen": zaehlung.sum(axis=1)})
    for index, status in enumerate(STATUS_REIHENFOLGE):
        verteilung[status] = zaehlung[:, index].astype("int64")
    for status in STATUS_REIHENFOLGE:
        verteilung[f"anteil_{status}"] = verteilung[status] / verteilung["empfehlungen"]
    ergebnis = _mit_massen(verteilung)
    ergebnis["_letzt"] = ergebnis["name"] == NICHT_BENANNT
    ergebnis = ergebnis.sort_values(["_letzt", "empfehlungen", "name"], ascending=[True, False, True], kind="stable")
    ergebnis = ergebnis.drop(columns="_letzt").reset_index(drop=True)
    ergebnis["nr"] = range(1, len(ergebnis) + 1)
    return ergebnis


def termin_ende(datum: dt.date, genauigkeit: str) -> dt.date:
    """The last day a Termin allows: the day itself, the month's last day, or 31 December."""
    if genauigkeit == "monat":
        return dt.date(datum.year, datum.month, calendar.monthrange(datum.year, datum.month)[1])
    if genauigkeit in ("jahr", "jahresende"):
        return dt.date(datum.year, 12, 31)
    return datum


def _mit_feld(anlage: Anlage, frame: pd.DataFrame, spalten: list[str]) -> pd.DataFrame:
    ergebnis = frame[["handlungsfeld", "nr", *spalten]].copy()
    ergebnis.insert(1, "feldname", ergebnis["handlungsfeld"].map(anlage.feldnamen))
    ergebnis["status"] = ergebnis["status"].astype(str)
    return ergebnis


def ueberfaellig(anlage: Anlage, stichtag: dt.date) -> pd.DataFrame:
    """Recommendations whose Termin ended before `stichtag` (the Stand date) and that are not
    umgesetzt. A month or year Termin ends on its last day (Termin "2017" is due by 31.12.2017).

    Columns: handlungsfeld, feldname, nr, empfehlung, status, zustaendig, termin,
    termin_genauigkeit, termin_ende, tage (days between termin_ende and stichtag).
    Sorted by termin_ende (oldest first), then field and Nr.
    """
    e = anlage.empfehlungen
    spalten = ["empfehlung", "status", "zustaendig", "termin", "termin_genauigkeit"]
    if not anlage.hat_spalte("termin"):
        return _mit_feld(anlage, e.iloc[0:0], spalten).assign(termin_ende=[], tage=[])
    mit_termin = e[e["termin"].notna()]
    ende = pd.Series(
        [termin_ende(d, g) for d, g in zip(mit_termin["termin"], mit_termin["termin_genauigkeit"])],
        index=mit_termin.index,
        dtype=object,
    )
    faellig = mit_termin[
        (ende < stichtag).to_numpy() & (~mit_termin["status"].isin(FORTSCHRITT["umgesetzt"])).to_numpy()
    ]
    ergebnis = _mit_feld(anlage, faellig, spalten)
    ergebnis["termin_ende"] = ende[faellig.index].to_numpy()
    ergebnis["tage"] = [(stichtag - d).days for d in ergebnis["termin_ende"]]
    ergebnis = ergebnis.sort_values(["termin_ende", "handlungsfeld", "nr"], kind="stable")
    return ergebnis.reset_index(drop=True)


def empfehlungen_von(anlage: Anlage, zustaendig: str) -> pd.DataFrame:
    """The recommendations whose Zuständig is `zustaendig` (compared without outer spaces).

    Columns: handlungsfeld, feldname, nr, empfehlung, status, beteiligte, arbeitsgruppe,
    termin, termin_genauigkeit; sorted by field and Nr.
    """
    e = anlage.empfehlungen
    treffer = e[e["zustaendig"].fillna("").astype(str).str.strip() == zustaendig.strip()]
    spalten = ["empfehlung", "status", "beteiligte", "arbeitsgruppe", "termin", "termin_genauigkeit"]
    return _mit_feld(anlage, treffer, spalten).sort_values(["handlungsfeld", "nr"]).reset_index(drop=True)


@dataclasses.dataclass(frozen=True)
class Gefluechtete:
    """The recommendations with Bezug Geflüchtete = ja across all fields.

    - verteilung: kennzahlen.status_verteilung of these recommendations (every field of the
      workbook, zero where none) with `<mass>_anzahl` and `anteil_<mass>` per measure of FORTSCHRITT.
    - gesamt: kennzahlen.status_gesamt of these recommendations, with anteile_gesamt merged in.
    - empfehlungen: the rows (handlungsfeld, feldname, nr, empfehlung, status, bemerkung).
    - alle: how many recommendations the workbook has in total.
    """

    verteilung: pd.DataFrame
    gesamt: dict[str, Any]
    empfehlungen: pd.DataFrame
    alle: int


def gefluechtete(anlage: Anlage) -> Gefluechtete:
    """The Geflüchtete view of one Stand (the statuses counted by the rules of kennzahlen)."""
    maske = (anlage.empfehlungen["bezug_gefluechtete"] == True).to_numpy()  # noqa: E712 (object column)
    nur = dataclasses.replace(anlage, empfehlungen=anlage.empfehlungen[maske])
    verteilung = _mit_massen(status_verteilung(nur))
    gesamt = status_gesamt(nur)
    return Gefluechtete(
        verteilung=verteilung,
        gesamt={**gesamt, **anteile_gesamt(gesamt)},
        empfehlungen=_mit_feld(anlage, nur.empfehlungen, ["empfehlung", "status", "bemerkung"])
        .sort_values(["handlungsfeld", "nr"])
        .reset_index(drop=True),
        alle=len(anlage.empfehlungen),
    )


@dataclasses.dataclass(frozen=True)
class PlanIst:
    """Planned (Betrag) against spent (Ist) of one budget year or all.

    Only lines with an Ist enter the comparison; `plan_ohne_ist_eur` names what is left out.
    - massnahmen: massnahme, jahr, handlungsfeld, feldname, plan, ist, differenz (ist − plan),
      quote (ist / plan; NaN when plan is 0) — lines with an Ist only, in workbook order.
    - nach_handlungsfeld: nr, name, plan, ist, differenz, quote; fields with such lines, in
      workbook order; unassigned lines as nr None, name "ohne Zuordnung" at the end.
    - je_jahr: jahr, plan, ist, differenz, quote, positionen (lines with Ist), ohne_ist (lines without).
    """

    plan_eur: float
    ist_eur: float
    positionen: int
    plan_ohne_ist_eur: float
    positionen_ohne_ist: int
    massnahmen: pd.DataFrame
    nach_handlungsfeld: pd.DataFrame
    je_jahr: pd.DataFrame

    @property
    def quote(self) -> float | None:
        """Ist as a share of the planned amount of the same lines (None when that is 0)."""
        return self.ist_eur / self.plan_eur if self.plan_eur else None


def _quoten(frame: pd.DataFrame) -> pd.DataFrame:
    frame["differenz"] = frame["ist"] - frame["plan"]
    frame["quote"] = frame["ist"] / frame["plan"].where(frame["plan"] > 0)
    return frame


def plan_ist(anlage: Anlage, jahr: int | None = None) -> PlanIst:
    """Planned against spent per measure, per field and per year (`jahr` None: all years)."""
    posten = anlage.haushalt
    if "ist" not in posten.columns:
        posten = posten.assign(ist=np.nan)
    posten = im_jahr(posten, jahr)
    mit = posten[posten["ist"].notna()]
    ohne = posten[posten["ist"].isna()]
    massnahmen = pd.DataFrame(
        {
            "massnahme": mit["massnahme"].to_numpy(),
            "jahr": mit["jahr"].to_numpy(),
            "handlungsfeld": mit["handlungsfeld"].to_numpy(),
            "feldname": mit["handlungsfeld"].map(anlage.feldnamen).fillna(fmt.OHNE_ZUORDNUNG).to_numpy(),
            "plan": mit["betrag"].to_numpy(dtype="float64"),
            "ist": mit["ist"].to_numpy(dtype="float64"),
        }
    )
    massnahmen = _quoten(massnahmen)
    je_feld = mit.dropna(subset=["handlungsfeld"]).groupby("handlungsfeld")[["betrag", "ist"]].sum()
    felder = anlage.handlungsfelder.loc[anlage.handlungsfelder["nr"].isin(je_feld.index), ["nr", "name"]]
    nach_feld = pd.DataFrame(
        {
            "nr": felder["nr"].astype(object).to_numpy(),
            "name": felder["name"].to_numpy(),
            "plan": felder["nr"].map(je_feld["betrag"]).to_numpy(dtype="float64"),
            "ist": felder["nr"].map(je_feld["ist"]).to_numpy(dtype="float64"),
        }
    )
    ohne_feld = mit[mit["handlungsfeld"].isna()]
    if len(ohne_feld):
        nach_feld.loc[len(nach_feld)] = [
            None,
            fmt.OHNE_ZUORDNUNG,
            float(ohne_feld["betrag"].sum()),
            float(ohne_feld["ist"].sum()),
        ]
    nach_feld = _quoten(nach_feld)
    jahre = sorted(int(j) for j in posten["jahr"].unique())
    je_jahr = pd.DataFrame(
        {
            "jahr": jahre,
            "plan": [float(mit.loc[mit["jahr"] == j, "betrag"].sum()) for j in jahre],
            "ist": [float(mit.loc[mit["jahr"] == j, "ist"].sum()) for j in jahre],
            "positionen": [int((mit["jahr"] == j).sum()) for j in jahre],
            "ohne_ist": [int((ohne["jahr"] == j).sum()) for j in jahre],
        }
    )
    je_jahr = _quoten(je_jahr)
    return PlanIst(
        plan_eur=float(mit["betrag"].sum()),
        ist_eur=float(mit["ist"].sum()),
        positionen=len(mit),
        plan_ohne_ist_eur=float(ohne["betrag"].sum()),
        positionen_ohne_ist=len(ohne),
        massnahmen=massnahmen,
        nach_handlungsfeld=nach_feld,
        je_jahr=je_jahr,
    )

"""How the plan developed over all Stände: the progress measures per Stand, and the status and
Bemerkung of every recommendation in every Stand.

Recommendations are matched across Stände by (Handlungsfeld, Nr), as in `vergleich`. A Stand is
first reduced to an `Abriss` (what the history needs of it, small enough to keep for many
Stände); a `Verlauf` joins the Abrisse in Stand order into a status matrix (recommendations ×
Stände), so that a history or "unverändert seit" is an array lookup, not a merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.zahlen.kennzahlen import FORTSCHRITT, anteile_gesamt, anteile_je_feld, status_gesamt, status_verteilung

FEHLT = -1  # status code of a recommendation that is not in a Stand
GESAMT = 0  # field number of the row over all fields in Verlauf.anteile


def schluessel(handlungsfeld: object, nr: object) -> np.ndarray:
    """The matching key of recommendations: Handlungsfeld and Nr in one int64."""
    schluessel_: np.ndarray = (np.asarray(handlungsfeld, dtype="int64") << 32) | np.asarray(nr, dtype="int64")
    return schluessel_


@dataclass(frozen=True)
class StandKopf:
    """One Stand as the history names it: its number, its date and its label.

    `datum` is where the Stand stands on the time axis: the Stand date, or for a Stand without
    one the day it was published. `nr` is None for an unpublished preview.
    """

    nr: int | None
    datum: dt.date
    titel: str
    datum_geschaetzt: bool = False


@dataclass(frozen=True)
class Abriss:
    """What the history needs of one Stand (arrays aligned to `schluessel`, sorted ascending)."""

    stand: StandKopf
    schluessel: np.ndarray
    status: np.ndarray  # int8 codes in STATUS_REIHENFOLGE
    bemerkung: np.ndarray  # object: Bemerkung text ("" when empty)
    empfehlung: np.ndarray  # object: wording
    anteile: pd.DataFrame  # kennzahlen.anteile_je_feld plus a row nr=GESAMT over all fields


def abriss(stand: StandKopf, anlage: Anlage) -> Abriss:
    """Reduce one Stand to what the history needs."""
    e = anlage.empfehlungen
    schl = schluessel(e["handlungsfeld"].to_numpy(), e["nr"].to_numpy())
    ordnung = np.argsort(schl, kind="stable")
    je_feld = anteile_je_feld(status_verteilung(anlage))
    gesamt = anteile_gesamt(status_gesamt(anlage))
    zeile_gesamt = pd.DataFrame([{"nr": GESAMT, "name": "Alle Handlungsfelder", **gesamt}])
    return Abriss(
        stand=stand,
        schluessel=schl[ordnung],
        status=e["status"].cat.codes.to_numpy().astype("int8")[ordnung],
        bemerkung=e["bemerkung"].fillna("").astype(str).to_numpy(dtype=object)[ordnung],
        empfehlung=e["empfehlung"].astype(str).to_numpy(dtype=object)[ordnung],
        anteile=pd.concat([zeile_gesamt, je_feld], ignore_index=True),
    )


@dataclass(frozen=True)
class Verlauf:
    """The Stände in time order and every recommendation's status in each of them.

    - staende: the Stände, oldest first (sorted by date, then number).
    - anteile: one row per Stand and field, and per Stand one row nr=GESAMT over all fields:
      stand (position in `staende`), stand_nr, datum, titel, nr, name, empfehlungen and per
      measure of kennzahlen.FORTSCHRITT `<mass>_anzahl` and `<mass>` (share 0–1; NaN when empty).
    - schluessel: every recommendation of any Stand (see `schluessel()`), ascending.
    - status: int8 matrix recommendations × Stände, codes of STATUS_REIHENFOLGE, FEHLT = absent.
    - bemerkung: object matrix of the same shape, None where absent.
    - empfehlung: the wording in the latest Stand that has the recommendation.
    """

    staende: tuple[StandKopf, ...]
    anteile: pd.DataFrame
    schluessel: np.ndarray
    status: np.ndarray
    bemerkung: np.ndarray
    empfehlung: np.ndarray

    def zeile(self, handlungsfeld: int, nr: int) -> int | None:
        """The row of one recommendation, or None when no Stand has it."""
        k = int(schluessel(handlungsfeld, nr))
        i = int(np.searchsorted(self.schluessel, k))
        return i if i < len(self.schluessel) and self.schluessel[i] == k else None


def verlauf(abrisse: Sequence[Abriss]) -> Verlauf:
    """Join the Abrisse of several Stände (any order) into their history."""
    abrisse = sorted(abrisse, key=lambda a: (a.stand.datum, a.stand.nr if a.stand.nr is not None else 1 << 62))
    alle = np.unique(np.concatenate([a.schluessel for a in abrisse])) if abrisse else np.zeros(0, "int64")
    status = np.full((len(alle), len(abrisse)), FEHLT, dtype="int8")
    bemerkung = np.full((len(alle), len(abrisse)), None, dtype=object)
    empfehlung = np.full(len(alle), "", dtype=object)
    anteile = []
    for spalte, a in enumerate(abrisse):
        zeilen = np.searchsorted(alle, a.schluessel)
        status[zeilen, spalte] = a.status
        bemerkung[zeilen, spalte] = a.bemerkung
        empfehlung[zeilen] = a.empfehlung
        anteile.append(a.anteile.assign(stand=spalte, stand_nr=a.stand.nr, datum=a.stand.datum, titel=a.stand.titel))
    spalten = ["stand", "stand_nr", "datum", "titel", "nr", "name", "empfehlungen"]
    spalten += [s for mass in FORTSCHRITT for s in (f"{mass}_anzahl", mass)]
    tabelle = pd.concat(anteile, ignore_index=True)[spalten] if anteile else pd.DataFrame(columns=spalten)
    return Verlauf(tuple(a.stand for a in abrisse), tabelle, alle, status, bemerkung, empfehlung)


def felder_im_verlauf(anteile: pd.DataFrame) -> pd.DataFrame:
    """The rows of a history's fields in display order (nr, name): GESAMT first, then the fields
    of the latest Stand in workbook order, then fields only older Stände have (by Nr); each
    named as in the latest Stand that has it."""
    letzte = anteile.drop_duplicates("nr", keep="last")
    neuester = anteile["stand"].max()
    gesamt = letzte[letzte["nr"] == GESAMT]
    aktuell = anteile[(anteile["stand"] == neuester) & (anteile["nr"] != GESAMT)]
    aelter = letzte[~letzte["nr"].isin(aktuell["nr"]) & (letzte["nr"] != GESAMT)].sort_values("nr")
    felder: pd.DataFrame = pd.concat([gesamt, aktuell, aelter])[["nr", "name"]].reset_index(drop=True)
    return felder


def empfehlung_verlauf(v: Verlauf, handlungsfeld: int, nr: int) -> pd.DataFrame:
    """One recommendation in every Stand, oldest first.

    Columns: stand (position), stand_nr, datum, titel, status (None when the Stand does not
    have it), bemerkung (None when absent), status_geaendert and bemerkung_geaendert (against
    the previous Stand that has it; False for its first appearance).
    """
    i = v.zeile(handlungsfeld, nr)
    codes = v.status[i] if i is not None else np.full(len(v.staende), FEHLT, dtype="int8")
    texte = v.bemerkung[i] if i is not None else np.full(len(v.staende), None, dtype=object)
    zeilen = []
    vorher_status = vorher_bemerkung = None
    for spalte, stand in enumerate(v.staende):
        status = STATUS_REIHENFOLGE[codes[spalte]] if codes[spalte] != FEHLT else None
        bemerkung = texte[spalte]
        zeilen.append(
            {
                "stand": spalte,
                "stand_nr": stand.nr,
                "datum": stand.datum,
                "titel": stand.titel,
                "status": status,
                "bemerkung": bemerkung,
                "status_geaendert": status is not None and vorher_status is not None and status != vorher_status,
                "bemerkung_geaendert": status is not None
                and vorher_status is not None
                and bemerkung != vorher_bemerkung,
            }
        )
        if status is not None:
            vorher_status, vorher_bemerkung = status, bemerkung
    # Object columns keep None as None (pandas would turn it into NaN in a text column).
    spalten = ["stand", "stand_nr", "datum", "titel", "status", "bemerkung", "status_geaendert", "bemerkung_geaendert"]
    frame = pd.DataFrame(zeilen, columns=spalten, dtype=object)
    return frame.astype({"stand": "int64", "status_geaendert": bool, "bemerkung_geaendert": bool})


def gleich_seit(v: Verlauf) -> np.ndarray:
    """Per recommendation: in how many Stände in a row, ending with the latest, it has had its
    current status (0 for a recommendation that is not in the latest Stand)."""
    if not len(v.staende):
        return np.zeros(0, dtype="int64")
    letzter = v.status[:, -1:]
    gleich = (v.status == letzter) & (letzter != FEHLT)
    # Counting the run from the right: the first False from the end stops it.
    laenge: np.ndarray = np.cumprod(gleich[:, ::-1], axis=1).sum(axis=1).astype("int64")
    return laenge


def unveraendert_seit(v: Verlauf, feldnamen: dict[int, str], mindestens: int = 1) -> pd.DataFrame:
    """The recommendations of the latest Stand with the Stand since which their status has not
    changed, those unchanged in at least `mindestens` Stände in a row (latest included).

    Columns: handlungsfeld, feldname, nr, empfehlung, status, staende (Stände in a row with this
    status), seit (StandKopf of the first of them), seit_datum. Sorted by field and Nr.
    """
    laenge = gleich_seit(v)
    auswahl = np.flatnonzero((laenge >= max(1, mindestens)) & (laenge > 0))
    m = len(v.staende)
    seit = [v.staende[m - int(n)] for n in laenge[auswahl]]
    felder = (v.schluessel[auswahl] >> 32).astype("int64")
    return pd.DataFrame(
        {
            "handlungsfeld": felder,
            "feldname": [feldnamen.get(int(f), "") for f in felder],
            "nr": (v.schluessel[auswahl] & 0xFFFFFFFF).astype("int64"),
            "empfehlung": v.empfehlung[auswahl],
            "status": [STATUS_REIHENFOLGE[c] for c in v.status[auswahl, -1]] if m else [],
            "staende": laenge[auswahl],
            "seit": seit,
            "seit_datum": [s.datum for s in seit],
        }
    )


def unveraendert_je_feld(v: Verlauf, feldnamen: dict[int, str], mindestens: int) -> pd.DataFrame:
    """Per field of `feldnamen` (the latest Stand's fields, in order): how many of its
    recommendations have kept their status in at least `mindestens` Stände in a row.

    Columns: nr, name, empfehlungen (in the latest Stand), unveraendert, anteil (0–1).
    """
    laenge = gleich_seit(v)
    felder = (v.schluessel >> 32).astype("int64")
    im_letzten = laenge > 0
    treffer = im_letzten & (laenge >= max(1, mindestens))
    nummern = np.array(list(feldnamen), dtype="int64")
    empfehlungen = np.array([int((im_letzten & (felder == n)).sum()) for n in nummern], dtype="int64")
    unveraendert = np.array([int((treffer & (felder == n)).sum()) for n in nummern], dtype="int64")
    return pd.DataFrame(
        {
            "nr": nummern,
            "name": list(feldnamen.values()),
            "empfehlungen": empfehlungen,
            "unveraendert": unveraendert,
            "anteil": np.where(empfehlungen > 0, unveraendert / np.maximum(empfehlungen, 1), np.nan),
        }
    )

"""What changed between two Anlagen: shares per field, status transitions, recommendations.

Recommendations are matched by (Handlungsfeld, Nr), fields by their Nr. Pure functions on the
frames of two `Anlage` objects; nothing is hard-coded about fields, statuses or counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.gemerkt import Gemerkt
from ipdaten.zahlen.kennzahlen import FORTSCHRITT, FORTSCHRITT_TITEL, fortschritt, status_gesamt, status_verteilung
from ipdaten.zahlen.vergleich_angaben import geaenderte_angaben
from ipdaten.zahlen.vergleich_zahlen import weitere_aenderungen


@dataclass(frozen=True)
class Vergleich:
    """The difference from Anlage `alt` to Anlage `neu`.

    - felder: one row per field of either Anlage (order: fields of `neu`, then removed ones):
      nr, name, art ("neu", "entfallen" or ""), empfehlungen_alt, empfehlungen_neu,
      umgesetzt_alt, umgesetzt_neu, umgesetzt_diff_pp, umgesetzt_oder_in_arbeit_alt,
      umgesetzt_oder_in_arbeit_neu, umgesetzt_oder_in_arbeit_diff_pp. Shares are 0–1 (NaN for a
      field absent or empty on that side); differences are percentage points.
    - gesamt: the same shares over all recommendations: dict with keys alt/neu/diff_pp for
      "umgesetzt" and "umgesetzt_oder_in_arbeit", and empfehlungen_alt/_neu.
    - uebergaenge: matrix of matched recommendations, index = status before, columns = status
      after, every status of STATUS_REIHENFOLGE present, counts as int.
    - geaendert: matched recommendations whose status or wording changed: handlungsfeld,
      feldname, nr, empfehlung (new wording), status_alt, status_neu, status_geaendert,
      text_geaendert.
    - neu_empfehlungen / entfallene_empfehlungen: handlungsfeld, feldname, nr, empfehlung, status.
    - neue_felder / entfallene_felder: nr, name.
    - weitere: (title, text) naming recommendations changed in other columns (Bemerkung, Termin,
      Zuständig …; `vergleich_angaben.geaenderte_angaben`), changed naturalisation quotas and
      budget amounts (`vergleich_zahlen.weitere_aenderungen`).
    """

    felder: pd.DataFrame
    gesamt: dict[str, Any]
    uebergaenge: pd.DataFrame
    geaendert: pd.DataFrame
    neu_empfehlungen: pd.DataFrame
    entfallene_empfehlungen: pd.DataFrame
    neue_felder: pd.DataFrame
    entfallene_felder: pd.DataFrame
    weitere: tuple[tuple[str, str], ...] = ()
    # Figures and tables drawn of this comparison (vergleichsansicht), each built once.
    gemerkt: Gemerkt = field(default_factory=Gemerkt, compare=False, repr=False)

    @property
    def gleich_geblieben(self) -> int:
        """Matched recommendations whose status did not change."""
        return int(sum(self.uebergaenge.loc[s, s] for s in self.uebergaenge.index))

    @property
    def ist_unveraendert(self) -> bool:
        """True when no recommendation or field changed (`weitere` may still name figures)."""
        return (
            self.geaendert.empty
            and self.neu_empfehlungen.empty
            and self.entfallene_empfehlungen.empty
            and self.neue_felder.empty
            and self.entfallene_felder.empty
        )

    def uebergaenge_liste(self) -> pd.DataFrame:
        """Non-zero transitions as rows von, nach, anzahl (canonical status order)."""
        zeilen = [
            {"von": von, "nach": nach, "anzahl": int(self.uebergaenge.loc[von, nach])}
            for von in self.uebergaenge.index
            for nach in self.uebergaenge.columns
            if self.uebergaenge.loc[von, nach] > 0
        ]
        return pd.DataFrame(zeilen, columns=["von", "nach", "anzahl"])


def _anteile(anlage: Anlage) -> pd.DataFrame:
    verteilung = status_verteilung(anlage)
    return pd.DataFrame(
        {
            "nr": verteilung["nr"],
            "name": verteilung["name"],
            "empfehlungen": verteilung["empfehlungen"],
            **fortschritt({s: verteilung[f"anteil_{s}"] for s in STATUS_REIHENFOLGE}),
        }
    )


def _felder(alt: Anlage, neu: Anlage) -> pd.DataFrame:
    a, n = _anteile(alt), _anteile(neu)
    zusammen = n.merge(a, on="nr", how="outer", suffixes=("_neu", "_alt"), sort=False)
    reihenfolge = {nr: i for i, nr in enumerate(list(n["nr"]) + [x for x in a["nr"] if x not in set(n["nr"])])}
    zusammen = zusammen.sort_values("nr", key=lambda s: s.map(reihenfolge)).reset_index(drop=True)
    nur_neu = zusammen["name_alt"].isna()
    nur_alt = zusammen["name_neu"].isna()
    ergebnis = pd.DataFrame(
        {
            "nr": zusammen["nr"].astype("int64"),
            "name": zusammen["name_neu"].fillna(zusammen["name_alt"]),
            "art": ["neu" if x else ("entfallen" if y else "") for x, y in zip(nur_neu, nur_alt)],
            "empfehlungen_alt": zusammen["empfehlungen_alt"].fillna(0).astype("int64"),
            "empfehlungen_neu": zusammen["empfehlungen_neu"].fillna(0).astype("int64"),
        }
    )
    for mass in FORTSCHRITT:
        ergebnis[f"{mass}_alt"] = zusammen[f"{mass}_alt"].astype("float64")
        ergebnis[f"{mass}_neu"] = zusammen[f"{mass}_neu"].astype("float64")
        ergebnis[f"{mass}_diff_pp"] = (ergebnis[f"{mass}_neu"] - ergebnis[f"{mass}_alt"]) * 100
    return ergebnis


def _gesamt(alt: Anlage, neu: Anlage) -> dict[str, Any]:
    a, n = status_gesamt(alt), status_gesamt(neu)
    ergebnis: dict[str, Any] = {"empfehlungen_alt": a["empfehlungen"], "empfehlungen_neu": n["empfehlungen"]}
    for mass in FORTSCHRITT:
        wert_alt, wert_neu = a["fortschritt_anteil"][mass], n["fortschritt_anteil"][mass]
        ergebnis[mass] = {"alt": wert_alt, "neu": wert_neu, "diff_pp": (wert_neu - wert_alt) * 100}
    return ergebnis


def _mit_feldname(frame: pd.DataFrame, namen: dict[int, str]) -> pd.DataFrame:
    ergebnis = frame[["handlungsfeld", "nr", "empfehlung", "status"]].copy()
    ergebnis.insert(1, "feldname", ergebnis["handlungsfeld"].map(namen))
    ergebnis["status"] = ergebnis["status"].astype(str)
    return ergebnis.sort_values(["handlungsfeld", "nr"]).reset_index(drop=True)


def vergleiche(alt: Anlage, neu: Anlage) -> Vergleich:
    """Compare two Anlagen (see `Vergleich` for what is returned)."""
    schluessel = ["handlungsfeld", "nr"]
    spalten = [*schluessel, "empfehlung", "status"]
    e_alt = alt.empfehlungen[spalten].assign(status=lambda f: f["status"].astype(str))
    e_neu = neu.empfehlungen[spalten].assign(status=lambda f: f["status"].astype(str))
    paare = e_alt.merge(e_neu, on=schluessel, how="outer", suffixes=("_alt", "_neu"), indicator=True)
    beide = paare[paare["_merge"] == "both"]

    status = list(STATUS_REIHENFOLGE)
    matrix = pd.crosstab(
        pd.Categorical(beide["status_alt"], categories=status),
        pd.Categorical(beide["status_neu"], categories=status),
        dropna=False,
    ).reindex(index=status, columns=status, fill_value=0)
    matrix.index.name, matrix.columns.name = "vorher", "nachher"
    matrix = matrix.astype("int64")

    namen = {**alt.feldnamen, **neu.feldnamen}
    status_anders = beide["status_alt"] != beide["status_neu"]
    text_anders = beide["empfehlung_alt"] != beide["empfehlung_neu"]
    geaendert = beide[status_anders | text_anders]
    geaendert = pd.DataFrame(
        {
            "handlungsfeld": geaendert["handlungsfeld"].astype("int64"),
            "feldname": geaendert["handlungsfeld"].map(namen),
            "nr": geaendert["nr"].astype("int64"),
            "empfehlung": geaendert["empfehlung_neu"],
            "status_alt": geaendert["status_alt"],
            "status_neu": geaendert["status_neu"],
            "status_geaendert": (geaendert["status_alt"] != geaendert["status_neu"]).astype(bool),
            "text_geaendert": (geaendert["empfehlung_alt"] != geaendert["empfehlung_neu"]).astype(bool),
        }
    )
    geaendert = geaendert.sort_values(schluessel).reset_index(drop=True)

    schluessel_alt = set(zip(e_alt["handlungsfeld"], e_alt["nr"]))
    schluessel_neu = set(zip(e_neu["handlungsfeld"], e_neu["nr"]))
    neu_e = neu.empfehlungen[
        [k not in schluessel_alt for k in zip(neu.empfehlungen["handlungsfeld"], neu.empfehlungen["nr"])]
    ]
    weg_e = alt.empfehlungen[
        [k not in schluessel_neu for k in zip(alt.empfehlungen["handlungsfeld"], alt.empfehlungen["nr"])]
    ]

    felder_alt, felder_neu = set(alt.handlungsfelder["nr"]), set(neu.handlungsfelder["nr"])
    neue_felder = neu.handlungsfelder.loc[~neu.handlungsfelder["nr"].isin(felder_alt), ["nr", "name"]]
    weg_felder = alt.handlungsfelder.loc[~alt.handlungsfelder["nr"].isin(felder_neu), ["nr", "name"]]

    return Vergleich(
        felder=_felder(alt, neu),
        gesamt=_gesamt(alt, neu),
        uebergaenge=matrix,
        geaendert=geaendert,
        neu_empfehlungen=_mit_feldname(neu_e, namen),
        entfallene_empfehlungen=_mit_feldname(weg_e, namen),
        neue_felder=neue_felder.reset_index(drop=True),
        entfallene_felder=weg_felder.reset_index(drop=True),
        weitere=tuple(geaenderte_angaben(alt, neu) + weitere_aenderungen(alt, neu)),
    )


# --- German display tables (strings, so every browser shows 1,5 % and +33,3 Pp.) -------------


def _feld_text(nr: object, name: object) -> str:
    return f"{int(str(nr))} {name}"


def felder_tabelle(vergleich: Vergleich) -> pd.DataFrame:
    """The per-field comparison as German text columns."""
    f = vergleich.felder
    zeilen = {
        "Handlungsfeld": [
            _feld_text(n, name) + {"neu": " (neu)", "entfallen": " (entfallen)"}.get(art, "")
            for n, name, art in zip(f["nr"], f["name"], f["art"])
        ],
        "Empfehlungen vorher": [fmt.zahl(x) for x in f["empfehlungen_alt"]],
        "Empfehlungen nachher": [fmt.zahl(x) for x in f["empfehlungen_neu"]],
    }
    for mass, titel in FORTSCHRITT_TITEL.items():
        zeilen[f"{titel} vorher"] = [fmt.anteil_tabelle(x) for x in f[f"{mass}_alt"]]
        zeilen[f"{titel} nachher"] = [fmt.anteil_tabelle(x) for x in f[f"{mass}_neu"]]
        zeilen[f"Veränderung {titel}"] = [fmt.anteil_veraenderung(x) for x in f[f"{mass}_diff_pp"]]
    return pd.DataFrame(zeilen)


def aenderungen_tabelle(vergleich: Vergleich) -> pd.DataFrame:
    """Changed recommendations: field, Nr ("6.3", as on every page), wording, status before/after,
    what changed."""
    g = vergleich.geaendert
    return pd.DataFrame(
        {
            "Handlungsfeld": [_feld_text(n, name) for n, name in zip(g["handlungsfeld"], g["feldname"])],
            "Nr": [f"{int(f)}.{int(n)}" for f, n in zip(g["handlungsfeld"], g["nr"])],
            "Empfehlung": g["empfehlung"].tolist(),
            "Status vorher": g["status_alt"].tolist(),
            "Status nachher": g["status_neu"].tolist(),
            "Änderung": [
                " und ".join(t for t, ja in (("Status", s), ("Wortlaut", w)) if ja)
                for s, w in zip(g["status_geaendert"], g["text_geaendert"])
            ],
        }
    )


def empfehlungen_tabelle(empfehlungen: pd.DataFrame) -> pd.DataFrame:
    """New or removed recommendations (Vergleich.neu_empfehlungen / entfallene_empfehlungen)."""
    return pd.DataFrame(
        {
            "Handlungsfeld": [
                _feld_text(n, name) for n, name in zip(empfehlungen["handlungsfeld"], empfehlungen["feldname"])
            ],
            "Nr": [f"{int(f)}.{int(n)}" for f, n in zip(empfehlungen["handlungsfeld"], empfehlungen["nr"])],
            "Empfehlung": empfehlungen["empfehlung"].tolist(),
            "Status": empfehlungen["status"].tolist(),
        }
    )


# How the matrix names its columns (the status after) and rows (the status before).
NACHHER = "nachher: "
VORHER = "vorher: "


def matrix_tabelle(vergleich: Vergleich) -> pd.DataFrame:
    """The transition matrix with German labels and totals (rows: before, columns: after)."""
    m = vergleich.uebergaenge
    tabelle = pd.DataFrame(
        {f"{NACHHER}{s}": [fmt.zahl(int(x)) for x in m[s]] for s in m.columns},
        index=pd.Index([f"{VORHER}{s}" for s in m.index], name="Status"),
    )
    tabelle["Summe"] = [fmt.zahl(int(x)) for x in m.sum(axis=1)]
    summen = [fmt.zahl(int(x)) for x in m.sum(axis=0)] + [fmt.zahl(int(m.to_numpy().sum()))]
    tabelle.loc["Summe"] = summen
    return tabelle.reset_index()


def uebergang_saetze(vergleich: Vergleich) -> list[str]:
    """The status changes in words, largest first: '9 × in Arbeit → umgesetzt'."""
    liste = vergleich.uebergaenge_liste()
    liste = liste[liste["von"] != liste["nach"]]
    reihenfolge = {s: i for i, s in enumerate(STATUS_REIHENFOLGE)}
    liste = liste.assign(_v=liste["von"].map(reihenfolge), _n=liste["nach"].map(reihenfolge))
    liste = liste.sort_values(["anzahl", "_v", "_n"], ascending=[False, True, True])
    return [f"{fmt.zahl(a)} × {v} → {n}" for v, n, a in zip(liste["von"], liste["nach"], liste["anzahl"])]

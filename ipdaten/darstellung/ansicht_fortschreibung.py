"""German display tables of the Fortschreibung (history, unchanged recommendations,
responsibility, overdue, Geflüchtete, planned against spent): strings formatted here, so every
browser shows 35,0 % and 12.000 €.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.zahlen.fortschreibung import PlanIst
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL
from ipdaten.zahlen.verlauf import GESAMT, StandKopf, felder_im_verlauf


def stand_text(stand: StandKopf) -> str:
    """A Stand in a table cell: '30. September 2017 · Herbst 2017 (Nr. 2)'."""
    nr = f" (Nr. {stand.nr})" if stand.nr is not None else " (Vorschau)"
    datum = fmt.datum(stand.datum) + (" (veröffentlicht; ohne Stand-Datum)" if stand.datum_geschaetzt else "")
    return f"{datum} · {stand.titel}{nr}"


def verlauf_tabelle(anteile: pd.DataFrame, mass: str) -> pd.DataFrame:
    """The history as a table: one row per field (first: all fields), one column per Stand with
    the share `mass` and the count, e.g. '35,0 % (7 von 20)'."""
    staende = anteile.drop_duplicates("stand").sort_values("stand")
    felder = felder_im_verlauf(anteile)
    nach = anteile.set_index(["nr", "stand"])
    spalten: dict[str, list[Any]] = {
        "Handlungsfeld": [
            "Alle Handlungsfelder" if n == GESAMT else f"{int(n)} {name}"
            for n, name in zip(felder["nr"], felder["name"])
        ]
    }
    for stand, datum, nr in zip(staende["stand"], staende["datum"], staende["stand_nr"]):
        titel = f"{datum:%d.%m.%Y}" + (f" (Nr. {int(nr)})" if pd.notna(nr) else " (Vorschau)")
        werte = []
        for feld in felder["nr"]:
            if (feld, stand) not in nach.index:
                werte.append("–")
                continue
            z = nach.loc[(feld, stand)]
            werte.append(
                f"{fmt.anteil_tabelle(z[mass])} ({fmt.zahl(z[f'{mass}_anzahl'])} von {fmt.zahl(z['empfehlungen'])})"
            )
        spalten[titel] = werte
    return pd.DataFrame(spalten, dtype=object)


def historie_tabelle(historie: pd.DataFrame) -> pd.DataFrame:
    """One recommendation in every Stand: Stand, Status, Bemerkung and what changed."""
    aenderung = []
    for s, b, status in zip(historie["status_geaendert"], historie["bemerkung_geaendert"], historie["status"]):
        teile = [t for t, ja in (("Status", s), ("Bemerkung", b)) if ja]
        aenderung.append("nicht enthalten" if status is None else (" und ".join(teile) + " geändert" if teile else ""))
    return pd.DataFrame(
        {
            "Stand": [
                f"{d:%d.%m.%Y} · {t}" + (f" (Nr. {int(n)})" if pd.notna(n) else " (Vorschau)")
                for d, t, n in zip(historie["datum"], historie["titel"], historie["stand_nr"])
            ],
            "Status": ["–" if s is None else s for s in historie["status"]],
            "Bemerkung": ["–" if b is None else b for b in historie["bemerkung"]],
            "Änderung": aenderung,
        },
        dtype=object,
    )


def bemerkung_aenderungen(historie: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The Bemerkung changes of one recommendation from one Stand to the next that has it:
    (Stand date, before, after), oldest first."""
    return [
        (fmt.datum(datum), vorher or "", bemerkung or "")
        for datum, bemerkung, vorher, geaendert in zip(
            historie["datum"],
            historie["bemerkung"],
            historie["bemerkung"].where(historie["status"].notna()).ffill().shift(1),
            historie["bemerkung_geaendert"],
        )
        if geaendert
    ]


def unveraendert_tabelle(unveraendert: pd.DataFrame) -> pd.DataFrame:
    """verlauf.unveraendert_seit as text: Handlungsfeld, Nr, Empfehlung, Status, unverändert seit, Stände."""
    return pd.DataFrame(
        {
            "Handlungsfeld": [f"{int(f)} {n}" for f, n in zip(unveraendert["handlungsfeld"], unveraendert["feldname"])],
            "Nr": [f"{int(f)}.{int(n)}" for f, n in zip(unveraendert["handlungsfeld"], unveraendert["nr"])],
            "Empfehlung": unveraendert["empfehlung"].astype(str).tolist(),
            "Status": unveraendert["status"].tolist(),
            "unverändert seit": [stand_text(s) for s in unveraendert["seit"]],
            "Stände": [fmt.zahl(n) for n in unveraendert["staende"]],
        },
        dtype=object,
    )


def unveraendert_feld_tabelle(je_feld: pd.DataFrame) -> pd.DataFrame:
    """verlauf.unveraendert_je_feld as text."""
    return pd.DataFrame(
        {
            "Handlungsfeld": [f"{int(n)} {name}" for n, name in zip(je_feld["nr"], je_feld["name"])],
            "Empfehlungen": [fmt.zahl(n) for n in je_feld["empfehlungen"]],
            "unverändert": [fmt.zahl(n) for n in je_feld["unveraendert"]],
            "Anteil": [fmt.anteil_tabelle(a) for a in je_feld["anteil"]],
        },
        dtype=object,
    )


def status_nach_tabelle(verteilung: pd.DataFrame, status: Iterable[str], titel: str) -> pd.DataFrame:
    """fortschreibung.status_nach as text: `titel` (Zuständig/Arbeitsgruppe), Empfehlungen, the
    measures as 'Anteil umgesetzt' … and per status '3 (25 %)'.

    The measures are titled with "Anteil": the status "umgesetzt" has a column of its own."""
    spalten: dict[str, list[Any]] = {
        titel: verteilung["name"].astype(str).tolist(),
        "Empfehlungen": [fmt.zahl(n) for n in verteilung["empfehlungen"]],
    }
    for mass, name in FORTSCHRITT_TITEL.items():
        spalten[f"Anteil {name}"] = [fmt.anteil_tabelle(a) for a in verteilung[f"anteil_{mass}"]]
    for s in status:
        spalten[s] = [f"{fmt.zahl(a)} ({fmt.anteil(t)})" for a, t in zip(verteilung[s], verteilung[f"anteil_{s}"])]
    return pd.DataFrame(spalten, dtype=object)


def termin_text(datum: object, genauigkeit: object) -> str:
    """A Termin as written: '30. Juni 2018', 'Juni 2018', '2018'; '' when none."""
    if datum is None or datum is pd.NaT or not isinstance(datum, dt.date):
        return ""
    return fmt.ungefaehres_datum(datum, str(genauigkeit))


def _empfehlungen_text(empfehlungen: pd.DataFrame, weitere: dict[str, list[Any]]) -> pd.DataFrame:
    """Handlungsfeld, Nr, Empfehlung and Status of recommendations (with feldname) as text,
    followed by the columns `weitere`."""
    return pd.DataFrame(
        {
            "Handlungsfeld": [f"{int(f)} {n}" for f, n in zip(empfehlungen["handlungsfeld"], empfehlungen["feldname"])],
            "Nr": [f"{int(f)}.{int(n)}" for f, n in zip(empfehlungen["handlungsfeld"], empfehlungen["nr"])],
            "Empfehlung": empfehlungen["empfehlung"].astype(str).tolist(),
            "Status": empfehlungen["status"].tolist(),
            **weitere,
        },
        dtype=object,
    )


def _texte(spalte: pd.Series) -> list[str]:
    return spalte.fillna("").astype(str).tolist()


def _termine(empfehlungen: pd.DataFrame) -> list[str]:
    return [termin_text(d, g) for d, g in zip(empfehlungen["termin"], empfehlungen["termin_genauigkeit"])]


def ueberfaellig_tabelle(ueberfaellig: pd.DataFrame) -> pd.DataFrame:
    """fortschreibung.ueberfaellig as text."""
    return _empfehlungen_text(
        ueberfaellig,
        {
            "Zuständig": _texte(ueberfaellig["zustaendig"]),
            "Termin": _termine(ueberfaellig),
            "überfällig seit": [f"{fmt.zahl(t)} Tagen" for t in ueberfaellig["tage"]],
        },
    )


def zustaendig_empfehlungen_tabelle(empfehlungen: pd.DataFrame) -> pd.DataFrame:
    """fortschreibung.empfehlungen_von as text."""
    return _empfehlungen_text(
        empfehlungen,
        {
            "Beteiligte": _texte(empfehlungen["beteiligte"]),
            "Arbeitsgruppe": _texte(empfehlungen["arbeitsgruppe"]),
            "Termin": _termine(empfehlungen),
        },
    )


def gefluechtete_tabelle(empfehlungen: pd.DataFrame) -> pd.DataFrame:
    """fortschreibung.Gefluechtete.empfehlungen as text."""
    return _empfehlungen_text(empfehlungen, {"Bemerkung": _texte(empfehlungen["bemerkung"])})


def _plan_ist_spalten(frame: pd.DataFrame) -> dict[str, list[Any]]:
    return {
        "Plan": [fmt.euro(b) for b in frame["plan"]],
        "Ist": [fmt.euro(b) for b in frame["ist"]],
        "Ist − Plan": [("+" if d > 0 else "") + fmt.euro(d).replace("-", "−") for d in frame["differenz"]],
        "Ist in % des Plans": [fmt.anteil_tabelle(q) for q in frame["quote"]],
    }


def plan_ist_massnahmen_tabelle(p: PlanIst) -> pd.DataFrame:
    """Planned against spent per measure (lines with an Ist) as text."""
    m = p.massnahmen
    return pd.DataFrame(
        {
            "Maßnahme": m["massnahme"].astype(str).tolist(),
            "Handlungsfeld": [
                fmt.OHNE_ZUORDNUNG if pd.isna(f) else f"{int(f)} {n}" for f, n in zip(m["handlungsfeld"], m["feldname"])
            ],
            "Jahr": [str(int(j)) for j in m["jahr"]],
            **_plan_ist_spalten(m),
        },
        dtype=object,
    )


def plan_ist_feld_tabelle(p: PlanIst) -> pd.DataFrame:
    """Planned against spent per field as text."""
    f = p.nach_handlungsfeld
    return pd.DataFrame(
        {
            "Handlungsfeld": [
                fmt.OHNE_ZUORDNUNG if n is None or pd.isna(n) else f"{int(n)} {name}"
                for n, name in zip(f["nr"], f["name"])
            ],
            **_plan_ist_spalten(f),
        },
        dtype=object,
    )


def plan_ist_jahr_tabelle(p: PlanIst) -> pd.DataFrame:
    """Planned against spent per year as text, with the lines that have no Ist yet."""
    j = p.je_jahr
    return pd.DataFrame(
        {
            "Jahr": [str(int(x)) for x in j["jahr"]],
            **_plan_ist_spalten(j),
            "Positionen mit Ist": [fmt.zahl(n) for n in j["positionen"]],
            "ohne Ist": [fmt.zahl(n) for n in j["ohne_ist"]],
        },
        dtype=object,
    )

"""What the pages show, as plain data: filtered recommendation tables, tables of German display
strings (formatted here, so every browser shows 1,54 % and 355.400 €) and the sentence naming
what rests on assumptions. The headline figures are in `kopfzahl`.

Pure functions on frames of an Anlage or an Auswertung's results; no streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage, falte
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN, Spalte
from ipdaten.darstellung import ansicht_rueckmeldung
from ipdaten.zahlen import annahmen as annahmen_regel
from ipdaten.zahlen.annahmen import Annahmen
from ipdaten.zahlen.kennzahlen import anteil_an, im_jahr

# Choices of the "Bezug Geflüchtete" filter, as the page offers them.
BEZUG_JA = "ja"
BEZUG_NEIN = "nein"
BEZUG_OHNE = "ohne Angabe"
BEZUG_AUSWAHL: tuple[str, ...] = (BEZUG_JA, BEZUG_NEIN, BEZUG_OHNE)

# A figure or label that rests on a marked assumption (ipdaten.zahlen.annahmen) says so.
ANNAHME_MARKE = " (Annahme)"
_SUCHSPALTEN = ("empfehlung", "ziel", "bemerkung", "quelle")


def annahmen_teile(a: Annahmen, *, kurz: bool = False) -> list[str]:
    """What rests on assumptions, one phrase per sheet: '146 von 181 Empfehlungen', …
    (`kurz` leaves out what the assumption is about)."""
    teile = []
    for anzahl, gesamt, was, worum in (
        (a.empfehlungen, a.empfehlungen_gesamt, "Empfehlungen", ""),
        (len(a.felder), a.felder_gesamt, "Handlungsfeldern", " (z. B. die Anzahl der Empfehlungen)"),
        (a.haushalt, a.haushalt_gesamt, "Haushaltsposten", " (Betrag oder Zuordnung)"),
        (a.einbuergerung, a.einbuergerung_gesamt, "Einbürgerungsquoten", ""),
    ):
        if anzahl:
            teile.append(f"{fmt.zahl(anzahl)} von {fmt.zahl(gesamt)} {was}" + ("" if kurz else worum))
    return teile


def annahmen_satz(a: Annahmen) -> str:
    """One sentence naming every kind of assumption, or '' when the workbook marks none."""
    teile = annahmen_teile(a)
    if not teile:
        return ""
    aufzaehlung = teile[0] if len(teile) == 1 else ", ".join(teile[:-1]) + " und " + teile[-1]
    return f"Auf Annahmen oder Platzhaltern der Rekonstruktion beruhen {aufzaehlung}."


def suchtexte(empfehlungen: pd.DataFrame) -> pd.Series:
    """The folded text a search looks in (Empfehlung, Ziel, Bemerkung, Quelle), one per row."""
    teile = [empfehlungen[spalte].fillna("").astype(str) for spalte in _SUCHSPALTEN]
    verbunden = teile[0].str.cat(pd.concat(teile[1:], axis=1), sep=" \x1f ")
    return pd.Series([falte(t) for t in verbunden], index=empfehlungen.index, dtype=object)


def bezug_text(wert: object) -> str:
    """True/False/None of "Bezug Geflüchtete" as the table shows it."""
    if wert is True:
        return BEZUG_JA
    if wert is False:
        return BEZUG_NEIN
    return BEZUG_OHNE


@dataclass(frozen=True)
class EmpfehlungsFilter:
    """What the recommendations are filtered by – the one object a page passes to the domain
    (hashable: it is the cache key of the result).

    `feld` None = all fields; `status` None = all statuses (an empty tuple matches nothing);
    `bezug` a subset of BEZUG_AUSWAHL or None for all; `suche` a text found case- and
    umlaut-insensitively in Empfehlung, Ziel, Bemerkung or Quelle (every word must occur);
    `auswahl` per optional choice column of the contract (`Typ.auswahl`), (column, the words
    kept), OHNE_ANGABE standing for an empty cell.
    """

    feld: int | None = None
    status: tuple[str, ...] | None = None
    bezug: tuple[str, ...] | None = None
    suche: str = ""
    auswahl: tuple[tuple[str, tuple[str, ...]], ...] = ()


def auswahlspalten(anlage: Anlage) -> tuple[Spalte, ...]:
    """The optional choice columns of Empfehlungen (declared with `spaltentyp.auswahl`) that hold a
    value in this Anlage: each gets a filter on the page Handlungsfelder."""
    return tuple(s for s in EMPFEHLUNGEN.spalten if s.typ.auswahl and anlage.hat_spalte(s.feld))


def auswahl_text(wert: object) -> str:
    """A cell of a choice column as the filter shows it ('' → OHNE_ANGABE)."""
    return str(wert) if isinstance(wert, str) and wert else BEZUG_OHNE


def empfehlungen_filtern(
    empfehlungen: pd.DataFrame, filter_: EmpfehlungsFilter, *, suchtext: pd.Series | None = None
) -> pd.DataFrame:
    """The recommendations matching every part of `filter_`, in workbook order. `suchtext` is
    suchtexte(empfehlungen), passed when cached."""
    maske = pd.Series(True, index=empfehlungen.index)
    if filter_.feld is not None:
        maske &= empfehlungen["handlungsfeld"] == filter_.feld
    if filter_.status is not None:
        maske &= empfehlungen["status"].astype(str).isin(list(filter_.status))
    if filter_.bezug is not None:
        maske &= empfehlungen["bezug_gefluechtete"].map(bezug_text).isin(list(filter_.bezug))
    for spalte, woerter in filter_.auswahl:
        maske &= empfehlungen[spalte].map(auswahl_text).isin(list(woerter))
    suchwoerter = falte(filter_.suche).split()
    if suchwoerter:
        texte = suchtexte(empfehlungen) if suchtext is None else suchtext
        for wort in suchwoerter:
            maske &= texte.str.contains(wort, regex=False)
    return empfehlungen[maske]


def empfehlungen_tabelle(
    empfehlungen: pd.DataFrame,
    feldnamen: dict[int, str] | None = None,
    *,
    mit_bezug: bool = False,
    mit_meldung: bool = False,
) -> pd.DataFrame:
    """Recommendations as display strings: Nr ("6.3"), Empfehlung, Status, [Zuletzt gemeldet,]
    Kennzeichnung ("Annahme"/"Platzhalter"/""), Ziel, Bemerkung, [Bezug Geflüchtete,] Quelle; with `feldnamen` a leading column Handlungsfeld ("6 Gesellschaft").
    """
    nr = [f"{int(f)}.{int(n)}" for f, n in zip(empfehlungen["handlungsfeld"], empfehlungen["nr"])]
    spalten: dict[str, list[Any]] = {}
    if feldnamen is not None:
        spalten["Handlungsfeld"] = [
            f"{int(f)} {feldnamen.get(int(f), '')}".strip() for f in empfehlungen["handlungsfeld"]
        ]
    spalten["Nr"] = nr
    spalten["Empfehlung"] = _texte(empfehlungen["empfehlung"])
    spalten["Status"] = empfehlungen["status"].astype(str).tolist()
    if mit_meldung:  # next to the status it dates, not after the long texts (off screen at 1280 px)
        spalten["Zuletzt gemeldet"] = ansicht_rueckmeldung.zuletzt_gemeldet(empfehlungen)
    spalten["Kennzeichnung"] = [
        annahmen_regel.kennzeichnung(q, b) for q, b in zip(empfehlungen["quelle"], empfehlungen["bemerkung"])
    ]
    spalten["Ziel"] = _texte(empfehlungen["ziel"])
    spalten["Bemerkung"] = _texte(empfehlungen["bemerkung"])
    if mit_bezug:
        spalten["Bezug Geflüchtete"] = [bezug_text(w) for w in empfehlungen["bezug_gefluechtete"]]
    spalten["Quelle"] = _texte(empfehlungen["quelle"])
    return pd.DataFrame(spalten, index=empfehlungen.index, dtype=object)


def _texte(spalte: pd.Series) -> list[str]:
    return ["" if pd.isna(w) else str(w) for w in spalte]


def einbuergerung_jahr(vergleich: pd.DataFrame, jahr: int) -> pd.DataFrame:
    """The ranking of one year from kennzahlen.einbuergerung_vergleich."""
    return im_jahr(vergleich, jahr).reset_index(drop=True)


def einbuergerung_tabelle(vergleich_jahr: pd.DataFrame) -> pd.DataFrame:
    """One year's ranking as display strings: Rang, Gebiet, Quote, Abstand zum Mittel and (when
    the reference area is present) to it, in Prozentpunkten; areas without a value say "keine Angabe".
    When a row is marked as an assumption, a column Kennzeichnung says "Annahme" on it."""
    spalten = {
        "Rang": ["–" if pd.isna(r) else f"{int(r)}." for r in vergleich_jahr["rang"]],
        "Gebiet": vergleich_jahr["gebiet"].astype(str).tolist(),
        "Einbürgerungsquote": [fmt.prozent(q) for q in vergleich_jahr["quote_prozent"]],
        "Abstand zum Mittel": [fmt.prozentpunkte(d) for d in vergleich_jahr["diff_mittel_pp"]],
    }
    referenz = vergleich_jahr.loc[vergleich_jahr["ist_referenz"], "gebiet"]
    if len(referenz):
        spalten[f"Abstand zu {referenz.iloc[0]}"] = [fmt.prozentpunkte(d) for d in vergleich_jahr["diff_referenz_pp"]]
    if vergleich_jahr["annahme"].any():
        spalten["Kennzeichnung"] = [annahmen_regel.ANNAHME if a else "" for a in vergleich_jahr["annahme"]]
    return pd.DataFrame(spalten, dtype=object)


def haushalt_tabelle(massnahmen: pd.DataFrame) -> pd.DataFrame:
    """Budget lines, largest first, as display strings: Maßnahme, Betrag, Anteil, Handlungsfeld,
    Jahr; an amount or an assignment resting on an assumption carries ANNAHME_MARKE."""
    sortiert = massnahmen.sort_values("betrag", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "Maßnahme": sortiert["massnahme"].astype(str).tolist(),
            "Betrag": [
                fmt.euro(b) + (ANNAHME_MARKE if a else "") for b, a in zip(sortiert["betrag"], sortiert["annahme"])
            ],
            "Anteil": [fmt.anteil_tabelle(a) for a in sortiert["anteil"]],
            "Handlungsfeld": [
                (fmt.OHNE_ZUORDNUNG if pd.isna(f) else f"{int(f)} {n}") + (ANNAHME_MARKE if z and not a else "")
                for f, n, a, z in zip(
                    sortiert["handlungsfeld"], sortiert["feldname"], sortiert["annahme"], sortiert["annahme_zuordnung"]
                )
            ],
            "Jahr": [str(int(j)) for j in sortiert["jahr"]],
        },
        dtype=object,
    )


def haushalt_feld_tabelle(
    nach_feld: pd.DataFrame, ohne_eur: float, summe: float, *, ohne_annahme: bool = False
) -> pd.DataFrame:
    """Amounts per Handlungsfeld as display strings, with a row "ohne Zuordnung" when any
    amount is unassigned; a field whose amount includes a line assigned by assumption
    carries ANNAHME_MARKE."""
    zeilen = [
        (f"{int(nr)} {name}" + (ANNAHME_MARKE if a else ""), fmt.euro(betrag), fmt.anteil_tabelle(anteil))
        for nr, name, betrag, anteil, a in zip(
            nach_feld["nr"], nach_feld["name"], nach_feld["betrag"], nach_feld["anteil"], nach_feld["annahme"]
        )
    ]
    if ohne_eur:
        zeilen.append(
            (
                fmt.OHNE_ZUORDNUNG + (ANNAHME_MARKE if ohne_annahme else ""),
                fmt.euro(ohne_eur),
                fmt.anteil_tabelle(anteil_an(ohne_eur, summe)),
            )
        )
    return pd.DataFrame(zeilen, columns=["Handlungsfeld", "Betrag", "Anteil"], dtype=object)


def vorhandene_status(gesamt: dict[str, Any]) -> list[str]:
    """The statuses that occur (count > 0), in canonical order; `gesamt` is status_gesamt."""
    return [s for s, n in gesamt["status"].items() if n]


def feld_aus_parameter(wert: object, feldnamen: dict[int, str]) -> int | None:
    """The Handlungsfeld a deep link `?feld=…` names, or None when it names none of them."""
    return fmt.nummer_aus_parameter(wert, feldnamen)


def verteilung_tabelle(
    verteilung: pd.DataFrame, status: Iterable[str], annahme_felder: tuple[int, ...] = ()
) -> pd.DataFrame:
    """The status distribution as display strings: Handlungsfeld, Empfehlungen and per status
    "17 (63,0 %)"; a text alternative to the stacked bars. Fields in `annahme_felder` carry
    ANNAHME_MARKE."""
    spalten: dict[str, list[Any]] = {
        "Handlungsfeld": [
            f"{int(n)} {name}" + (ANNAHME_MARKE if int(n) in annahme_felder else "")
            for n, name in zip(verteilung["nr"], verteilung["name"])
        ],
        "Empfehlungen": [fmt.zahl(n) for n in verteilung["empfehlungen"]],
    }
    for s in status:
        spalten[s] = [
            f"{fmt.zahl(a)} ({fmt.anteil_tabelle(t)})" for a, t in zip(verteilung[s], verteilung[f"anteil_{s}"])
        ]
    return pd.DataFrame(spalten, dtype=object)

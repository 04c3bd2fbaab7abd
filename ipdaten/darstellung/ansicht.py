"""What the pages show, as plain data: headline figures, filtered recommendation tables and
tables of German display strings (formatted here, so every browser shows 1,54 % and 355.400 €).

Pure functions on frames of an Anlage or an Auswertung's results; no streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import falte
from ipdaten.zahlen.kennzahlen import anteil_an

# Choices of the "Bezug Geflüchtete" filter, as the page offers them.
BEZUG_JA = "ja"
BEZUG_NEIN = "nein"
BEZUG_OHNE = "ohne Angabe"
BEZUG_AUSWAHL: tuple[str, ...] = (BEZUG_JA, BEZUG_NEIN, BEZUG_OHNE)

# Words in Quelle/Bemerkung that mark a row as reconstructed, not the county's data.
ANNAHME_WOERTER: tuple[str, ...] = ("annahme", "platzhalter")

_SUCHSPALTEN = ("empfehlung", "ziel", "bemerkung", "quelle")


@dataclass(frozen=True)
class Kopfzahl:
    """One headline figure: label, value as German text and an explaining line."""

    bezeichnung: str
    wert: str
    hilfe: str


def kopfzahlen(
    gesamt: dict,
    felder: int,
    einbuergerung: pd.DataFrame,
    haushalt_summe: float | None,
    haushalt_jahr: int | None,
    haushalt_positionen: int = 0,
) -> list[Kopfzahl]:
    """The headline figures of the Übersicht.

    `gesamt` is kennzahlen.status_gesamt, `einbuergerung` the ranking of one year
    (kennzahlen.einbuergerung_vergleich filtered to a year), `haushalt_summe` the total of one
    budget year. Figures whose data is missing are left out.
    """
    anzahl = gesamt["empfehlungen"]
    umgesetzt = gesamt["fortschritt"]["umgesetzt"]
    begonnen = gesamt["fortschritt"]["umgesetzt_oder_in_arbeit"]
    zahlen = [
        Kopfzahl("Handlungsempfehlungen", fmt.zahl(anzahl), f"in {fmt.zahl(felder)} Handlungsfeldern"),
        Kopfzahl(
            "davon umgesetzt",
            fmt.anteil(umgesetzt / anzahl if anzahl else None),
            f"{fmt.zahl(umgesetzt)} von {fmt.zahl(anzahl)} Empfehlungen",
        ),
        Kopfzahl(
            "umgesetzt oder in Arbeit",
            fmt.anteil(begonnen / anzahl if anzahl else None),
            f"{fmt.zahl(begonnen)} von {fmt.zahl(anzahl)} Empfehlungen",
        ),
    ]
    if haushalt_summe is not None and haushalt_jahr is not None:
        zahlen.append(
            Kopfzahl(
                f"Haushalt {haushalt_jahr}",
                fmt.euro(haushalt_summe),
                f"Summe der im Bericht aufgeführten Positionen ({fmt.zahl(haushalt_positionen)})",
            )
        )
    referenz = einbuergerung[einbuergerung["ist_referenz"]] if len(einbuergerung) else einbuergerung
    if len(referenz):
        zeile = referenz.iloc[0]
        jahr = int(zeile["jahr"])
        mit_wert = int(einbuergerung["quote_prozent"].notna().sum())
        if pd.notna(zeile["rang"]):
            zahlen.append(
                Kopfzahl(
                    f"Rang {zeile['gebiet']} {jahr}",
                    f"{int(zeile['rang'])} von {fmt.zahl(mit_wert)}",
                    "Einbürgerungsquote im Vergleich der Gebiete mit Angabe",
                )
            )
        zahlen.append(
            Kopfzahl(
                f"Einbürgerungsquote {jahr}",
                fmt.prozent(zeile["quote_prozent"]),
                f"{zeile['gebiet']}; Mittel der Gebiete: {fmt.prozent(zeile['mittel_prozent'])}",
            )
        )
    return zahlen


def ist_annahme(quelle: object, bemerkung: object = "") -> bool:
    """Whether a row is an assumption or placeholder of the reconstruction, by its Quelle or
    Bemerkung ("Annahme …", "Platzhalter …")."""
    text = f"{falte(quelle)} {falte(bemerkung)}"
    return any(wort in text for wort in ANNAHME_WOERTER)


def kennzeichnung(quelle: object, bemerkung: object = "") -> str:
    """How a row is marked in tables: "Platzhalter", "Annahme" or "" (the county's data)."""
    if any("platzhalter" in falte(t) for t in (quelle, bemerkung)):
        return "Platzhalter"
    if any("annahme" in falte(t) for t in (quelle, bemerkung)):
        return "Annahme"
    return ""


def annahmen_maske(empfehlungen: pd.DataFrame) -> pd.Series:
    """True for every recommendation marked as an assumption or placeholder."""
    return pd.Series(
        [ist_annahme(q, b) for q, b in zip(empfehlungen["quelle"], empfehlungen["bemerkung"])],
        index=empfehlungen.index,
        dtype=bool,
    )


def suchtexte(empfehlungen: pd.DataFrame) -> pd.Series:
    """The folded text a search looks in (Empfehlung, Ziel, Bemerkung, Quelle), one per row."""
    teile = [empfehlungen[spalte].fillna("").astype(str) for spalte in _SUCHSPALTEN]
    verbunden = teile[0].str.cat(teile[1:], sep=" \x1f ")
    return pd.Series([falte(t) for t in verbunden], index=empfehlungen.index, dtype=object)


def bezug_text(wert: object) -> str:
    """True/False/None of "Bezug Geflüchtete" as the table shows it."""
    if wert is True:
        return BEZUG_JA
    if wert is False:
        return BEZUG_NEIN
    return BEZUG_OHNE


def empfehlungen_filtern(
    empfehlungen: pd.DataFrame,
    *,
    feld: int | None = None,
    status: Iterable[str] | None = None,
    bezug: Iterable[str] | None = None,
    suche: str = "",
    suchtext: pd.Series | None = None,
) -> pd.DataFrame:
    """The recommendations matching every given filter, in workbook order.

    `feld` None = all fields; `status` None = all statuses (an empty list matches nothing);
    `bezug` a subset of BEZUG_AUSWAHL or None for all; `suche` a text found case- and
    umlaut-insensitively in Empfehlung, Ziel, Bemerkung or Quelle (every word must occur).
    `suchtext` is suchtexte(empfehlungen), passed when cached.
    """
    maske = pd.Series(True, index=empfehlungen.index)
    if feld is not None:
        maske &= empfehlungen["handlungsfeld"] == feld
    if status is not None:
        maske &= empfehlungen["status"].astype(str).isin(list(status))
    if bezug is not None:
        maske &= empfehlungen["bezug_gefluechtete"].map(bezug_text).isin(list(bezug))
    woerter = falte(suche).split()
    if woerter:
        texte = suchtexte(empfehlungen) if suchtext is None else suchtext
        for wort in woerter:
            maske &= texte.str.contains(wort, regex=False)
    return empfehlungen[maske]


def empfehlungen_tabelle(
    empfehlungen: pd.DataFrame,
    feldnamen: dict[int, str] | None = None,
    *,
    mit_bezug: bool = False,
) -> pd.DataFrame:
    """Recommendations as display strings: Nr ("6.3"), Empfehlung, Status, Kennzeichnung
    ("Annahme"/"Platzhalter"/""), Ziel, Bemerkung, [Bezug Geflüchtete,] Quelle; with `feldnamen`
    a leading column Handlungsfeld ("6 Gesellschaft").
    """
    nr = [f"{int(f)}.{int(n)}" for f, n in zip(empfehlungen["handlungsfeld"], empfehlungen["nr"])]
    spalten: dict[str, list] = {}
    if feldnamen is not None:
        spalten["Handlungsfeld"] = [
            f"{int(f)} {feldnamen.get(int(f), '')}".strip() for f in empfehlungen["handlungsfeld"]
        ]
    spalten["Nr"] = nr
    spalten["Empfehlung"] = _texte(empfehlungen["empfehlung"])
    spalten["Status"] = empfehlungen["status"].astype(str).tolist()
    spalten["Kennzeichnung"] = [kennzeichnung(q, b) for q, b in zip(empfehlungen["quelle"], empfehlungen["bemerkung"])]
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
    return vergleich[vergleich["jahr"] == jahr].reset_index(drop=True)


def einbuergerung_tabelle(vergleich_jahr: pd.DataFrame) -> pd.DataFrame:
    """One year's ranking as display strings: Rang, Gebiet, Quote, Abstand zum Mittel and (when
    the reference area is present) to it, in Prozentpunkten; areas without a value say "keine Angabe"."""
    spalten = {
        "Rang": ["–" if pd.isna(r) else f"{int(r)}." for r in vergleich_jahr["rang"]],
        "Gebiet": vergleich_jahr["gebiet"].astype(str).tolist(),
        "Einbürgerungsquote": [fmt.prozent(q) for q in vergleich_jahr["quote_prozent"]],
        "Abstand zum Mittel": [fmt.prozentpunkte(d) for d in vergleich_jahr["diff_mittel_pp"]],
    }
    referenz = vergleich_jahr.loc[vergleich_jahr["ist_referenz"], "gebiet"]
    if len(referenz):
        spalten[f"Abstand zu {referenz.iloc[0]}"] = [fmt.prozentpunkte(d) for d in vergleich_jahr["diff_referenz_pp"]]
    return pd.DataFrame(spalten, dtype=object)


def haushalt_tabelle(massnahmen: pd.DataFrame) -> pd.DataFrame:
    """Budget lines, largest first, as display strings: Maßnahme, Betrag, Anteil, Handlungsfeld, Jahr."""
    sortiert = massnahmen.sort_values("betrag", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "Maßnahme": sortiert["massnahme"].astype(str).tolist(),
            "Betrag": [fmt.euro(b) for b in sortiert["betrag"]],
            "Anteil": [fmt.anteil_tabelle(a) for a in sortiert["anteil"]],
            "Handlungsfeld": [
                fmt.OHNE_ZUORDNUNG if pd.isna(f) else f"{int(f)} {n}"
                for f, n in zip(sortiert["handlungsfeld"], sortiert["feldname"])
            ],
            "Jahr": [str(int(j)) for j in sortiert["jahr"]],
        },
        dtype=object,
    )


def haushalt_feld_tabelle(nach_feld: pd.DataFrame, ohne_eur: float, summe: float) -> pd.DataFrame:
    """Amounts per Handlungsfeld as display strings, with a row "ohne Zuordnung" when any
    amount is unassigned."""
    zeilen = [
        (f"{int(nr)} {name}", fmt.euro(betrag), fmt.anteil_tabelle(anteil))
        for nr, name, betrag, anteil in zip(
            nach_feld["nr"], nach_feld["name"], nach_feld["betrag"], nach_feld["anteil"]
        )
    ]
    if ohne_eur:
        zeilen.append((fmt.OHNE_ZUORDNUNG, fmt.euro(ohne_eur), fmt.anteil_tabelle(anteil_an(ohne_eur, summe))))
    return pd.DataFrame(zeilen, columns=["Handlungsfeld", "Betrag", "Anteil"], dtype=object)


def vorhandene_status(gesamt: dict) -> list[str]:
    """The statuses that occur (count > 0), in canonical order; `gesamt` is status_gesamt."""
    return [s for s, n in gesamt["status"].items() if n]


def feld_aus_parameter(wert: object, feldnamen: dict[int, str]) -> int | None:
    """The Handlungsfeld a deep link `?feld=…` names, or None when it names none of them."""
    return fmt.nummer_aus_parameter(wert, feldnamen)


def verteilung_tabelle(verteilung: pd.DataFrame, status: Iterable[str]) -> pd.DataFrame:
    """The status distribution as display strings: Handlungsfeld, Empfehlungen and per status
    "17 (63 %)"; a text alternative to the stacked bars."""
    spalten: dict[str, list] = {
        "Handlungsfeld": [f"{int(n)} {name}" for n, name in zip(verteilung["nr"], verteilung["name"])],
        "Empfehlungen": [fmt.zahl(n) for n in verteilung["empfehlungen"]],
    }
    for s in status:
        spalten[s] = [
            f"{fmt.zahl(a)} ({fmt.anteil_tabelle(t)})" for a, t in zip(verteilung[s], verteilung[f"anteil_{s}"])
        ]
    return pd.DataFrame(spalten, dtype=object)


def feld_kennzahlen(zeile: pd.Series, status: Iterable[str]) -> list[Kopfzahl]:
    """One Handlungsfeld's figures: recommendations in total and the count of each status."""
    anzahl = int(zeile["empfehlungen"])
    zahlen = [Kopfzahl("Empfehlungen", fmt.zahl(anzahl), f"im Handlungsfeld {int(zeile['nr'])}")]
    for s in status:
        zahlen.append(Kopfzahl(s, fmt.zahl(int(zeile[s])), f"{fmt.anteil(zeile[f'anteil_{s}'])} der Empfehlungen"))
    return zahlen


def einbuergerung_kennzahlen(vergleich_jahr: pd.DataFrame) -> list[Kopfzahl]:
    """Figures of the reference area in one year: quota, rank, mean of the areas, distance."""
    mit_wert = int(vergleich_jahr["quote_prozent"].notna().sum())
    ohne = len(vergleich_jahr) - mit_wert
    mittel = vergleich_jahr["mittel_prozent"].dropna()
    zahlen = []
    referenz = vergleich_jahr[vergleich_jahr["ist_referenz"]]
    if len(referenz):
        zeile = referenz.iloc[0]
        zahlen.append(
            Kopfzahl(f"Quote {zeile['gebiet']}", fmt.prozent(zeile["quote_prozent"]), f"Jahr {int(zeile['jahr'])}")
        )
        zahlen.append(
            Kopfzahl(
                "Rang in der Region",
                fmt.KEINE_ANGABE if pd.isna(zeile["rang"]) else f"{int(zeile['rang'])} von {fmt.zahl(mit_wert)}",
                "unter den Gebieten mit Angabe" + (f"; {fmt.zahl(ohne)} ohne Angabe" if ohne else ""),
            )
        )
    zahlen.append(
        Kopfzahl(
            "Mittel der Gebiete",
            fmt.prozent(mittel.iloc[0] if len(mittel) else None),
            f"ungewichtetes Mittel der {fmt.zahl(mit_wert)} Gebiete mit Angabe",
        )
    )
    if len(referenz):
        zahlen.append(
            Kopfzahl(
                "Abstand zum Mittel",
                fmt.prozentpunkte(referenz.iloc[0]["diff_mittel_pp"]),
                "in Prozentpunkten",
            )
        )
    return zahlen


def haushalt_kennzahlen(summe_eur: float, positionen: int, ohne_eur: float) -> list[Kopfzahl]:
    """Budget figures: the total of the listed lines, their number and the unassigned amount."""
    return [
        Kopfzahl(
            "Summe der im Bericht aufgeführten Positionen",
            fmt.euro(summe_eur),
            "Summe der Beträge im Blatt Haushalt, nicht der gesamte Kreishaushalt",
        ),
        Kopfzahl("Positionen", fmt.zahl(positionen), "Maßnahmen mit eigenem Betrag"),
        Kopfzahl(
            "ohne Zuordnung zu einem Handlungsfeld",
            fmt.euro(ohne_eur),
            f"{fmt.anteil(anteil_an(ohne_eur, summe_eur))} der Summe",
        ),
    ]

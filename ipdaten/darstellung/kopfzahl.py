"""The headline figures of the pages (`Kopfzahl`): label, value as German text, an explaining line,
and the grey "Annahme" mark when a figure rests on a marked assumption (ipdaten.zahlen.annahmen).

Pure functions on an Auswertung's results; the pages render them as st.metric.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.zahlen.annahmen import Annahmen
from ipdaten.zahlen.kennzahlen import anteil_an

ANNAHME_HILFE = (
    "Beruht auf einer Annahme der Rekonstruktion (Spalte „Quelle“ bzw. „Bemerkung“ der Arbeitsmappe), "
    "nicht auf einer Angabe des Landkreises."
)


@dataclass(frozen=True)
class Kopfzahl:
    """One headline figure: label, value as German text and an explaining line; `annahme`:
    it rests on a marked assumption (shown as a grey "Annahme" under the value)."""

    bezeichnung: str
    wert: str
    hilfe: str
    annahme: bool = False


def markiere(zahl: Kopfzahl, annahme: object) -> Kopfzahl:
    """The figure marked as resting on an assumption (and why, in its help) when `annahme`."""
    if not bool(annahme):
        return zahl
    hilfe = zahl.hilfe.rstrip(".")
    return Kopfzahl(zahl.bezeichnung, zahl.wert, f"{hilfe}. {ANNAHME_HILFE}" if hilfe else ANNAHME_HILFE, annahme=True)


def kopfzahlen(
    gesamt: dict[str, Any],
    felder: int,
    einbuergerung: pd.DataFrame,
    haushalt_summe: float | None,
    haushalt_jahr: int | None,
    haushalt_positionen: int = 0,
    *,
    annahmen: Annahmen | None = None,
    haushalt_annahme: bool = False,
) -> list[Kopfzahl]:
    """The headline figures of the Übersicht.

    `gesamt` is kennzahlen.status_gesamt, `einbuergerung` the ranking of one year
    (kennzahlen.einbuergerung_vergleich filtered to a year), `haushalt_summe` the total of one
    budget year. Figures whose data is missing are left out; figures resting on a marked
    assumption (`annahmen`, `haushalt_annahme`, the column einbuergerung.annahme) say so.
    """
    empfehlungen_annahme = annahmen is not None and annahmen.empfehlungszahlen
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
    zahlen = [markiere(z, empfehlungen_annahme) for z in zahlen]
    if haushalt_summe is not None and haushalt_jahr is not None:
        zahlen.append(
            markiere(
                Kopfzahl(
                    f"Haushalt {haushalt_jahr}",
                    fmt.euro(haushalt_summe),
                    f"Summe der im Bericht aufgeführten Positionen ({fmt.zahl(haushalt_positionen)})",
                ),
                haushalt_annahme,
            )
        )
    referenz = einbuergerung[einbuergerung["ist_referenz"]] if len(einbuergerung) else einbuergerung
    if len(referenz):
        zeile = referenz.iloc[0]
        jahr = int(zeile["jahr"])
        mit_wert = int(einbuergerung["quote_prozent"].notna().sum())
        # A rank and a mean rest on every area's row, the quota on its own.
        alle_annahme = bool(einbuergerung["annahme"].any()) if "annahme" in einbuergerung else False
        if pd.notna(zeile["rang"]):
            zahlen.append(
                markiere(
                    Kopfzahl(
                        f"Rang {zeile['gebiet']} {jahr}",
                        f"{int(zeile['rang'])} von {fmt.zahl(mit_wert)}",
                        "Einbürgerungsquote im Vergleich der Gebiete mit Angabe",
                    ),
                    alle_annahme,
                )
            )
        zahlen.append(
            markiere(
                Kopfzahl(
                    f"Einbürgerungsquote {jahr}",
                    fmt.prozent(zeile["quote_prozent"]),
                    f"{zeile['gebiet']}; Mittel der Gebiete: {fmt.prozent(zeile['mittel_prozent'])}",
                ),
                zeile.get("annahme", False),
            )
        )
    return zahlen


def feld_kennzahlen(zeile: pd.Series, status: Iterable[str], *, annahme: bool = False) -> list[Kopfzahl]:
    """One Handlungsfeld's figures: recommendations in total and the count of each status;
    `annahme` marks them all (the field's figures rest on assumptions)."""
    anzahl = int(zeile["empfehlungen"])
    zahlen = [Kopfzahl("Empfehlungen", fmt.zahl(anzahl), f"im Handlungsfeld {int(zeile['nr'])}")]
    for s in status:
        zahlen.append(Kopfzahl(s, fmt.zahl(int(zeile[s])), f"{fmt.anteil(zeile[f'anteil_{s}'])} der Empfehlungen"))
    return [markiere(z, annahme) for z in zahlen]


def einbuergerung_kennzahlen(vergleich_jahr: pd.DataFrame) -> list[Kopfzahl]:
    """Figures of the reference area in one year: quota, rank, mean of the areas, distance."""
    mit_wert = int(vergleich_jahr["quote_prozent"].notna().sum())
    ohne = len(vergleich_jahr) - mit_wert
    mittel = vergleich_jahr["mittel_prozent"].dropna()
    zahlen = []
    referenz = vergleich_jahr[vergleich_jahr["ist_referenz"]]
    alle_annahme = bool(vergleich_jahr["annahme"].any())
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
    # The quota rests on the reference row, rank, mean and distance on every area's row.
    eigene = bool(referenz["annahme"].any()) if len(referenz) else False
    return [markiere(z, eigene if z.bezeichnung.startswith("Quote") else alle_annahme) for z in zahlen]


def haushalt_kennzahlen(
    summe_eur: float,
    positionen: int,
    ohne_eur: float,
    *,
    summe_annahme: bool = False,
    ohne_annahme: bool = False,
) -> list[Kopfzahl]:
    """Budget figures: the total of the listed lines, their number and the unassigned amount;
    the total and the unassigned amount say when they rest on an assumption."""
    return [
        markiere(
            Kopfzahl(
                "Summe der im Bericht aufgeführten Positionen",
                fmt.euro(summe_eur),
                "Summe der Beträge im Blatt Haushalt, nicht der gesamte Kreishaushalt",
            ),
            summe_annahme,
        ),
        Kopfzahl("Positionen", fmt.zahl(positionen), "Maßnahmen mit eigenem Betrag"),
        markiere(
            Kopfzahl(
                "ohne Zuordnung zu einem Handlungsfeld",
                fmt.euro(ohne_eur),
                f"{fmt.anteil(anteil_an(ohne_eur, summe_eur))} der Summe",
            ),
            ohne_annahme,
        ),
    ]

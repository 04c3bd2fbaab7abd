"""Plausibility of the naturalisation figures: quotas in the range that occurs, every area a
known Kreis (or said not to be), Böblingen found, every Kreis in every year.

`gebiet_schluessel` and `fehlende_jahre` are also the reader's rules (the reader completes a
missing year with „keine Angabe“); the checks here say what is still implausible in any Anlage,
also one that was not read from a workbook (the Rückmelde merge).
"""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.befunde import EINBUERGERUNG, Befund, warnung, zeilen_wort
from ipdaten.arbeitsmappe.gebiete import gebiet_art
from ipdaten.arbeitsmappe.texte import falte

# Naturalisation quotas of German Kreise lie roughly between these (percentage points).
QUOTE_UEBLICH = (0.2, 5.0)


def gebiet_schluessel(gebiet: str) -> str:
    """What makes two spellings the same area: the official key of a Kreis of the comparison
    ('LK Böblingen' and 'Landkreis Böblingen' are one), else the folded name."""
    art = gebiet_art(gebiet)
    return art.kreis.schluessel if art.kreis is not None else falte(gebiet)


def fehlende_jahre(gebiete_jahre: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """(area, year) pairs missing from a list of (area, year): every area that has a value in one
    year must have a row (a value or „keine Angabe“) in every year of the sheet."""
    jahre = sorted({j for _, j in gebiete_jahre})
    vorhanden = {(gebiet_schluessel(g), j) for g, j in gebiete_jahre}
    gebiete = list(dict.fromkeys(g for g, _ in gebiete_jahre))
    gesehen: set[str] = set()
    fehlend = []
    for gebiet in gebiete:
        schluessel = gebiet_schluessel(gebiet)
        if schluessel in gesehen:
            continue
        gesehen.add(schluessel)
        fehlend += [(gebiet, j) for j in jahre if (schluessel, j) not in vorhanden]
    return fehlend


def pruefe_einbuergerung(einbuergerung: pd.DataFrame, blatt: str) -> list[Befund]:
    """The findings about the naturalisation figures of an Anlage (none for an empty sheet)."""
    if einbuergerung.empty:
        return []
    befunde = _ausserhalb(einbuergerung, blatt)
    befunde += _gebiete(einbuergerung, blatt)
    paare = list(zip(einbuergerung["gebiet"], einbuergerung["jahr"].astype(int)))
    fehlend = fehlende_jahre(paare)
    if fehlend:
        befunde.append(
            warnung(
                "plausibel.jahr_fehlt",
                "Nicht jedes Gebiet hat eine Zeile für jedes Jahr: "
                + "; ".join(f"{g} {j}" for g, j in fehlend)
                + ". In der Rangfolge dieser Jahre fehlen sie (statt „keine Angabe“).",
                blatt=blatt,
                ursache=EINBUERGERUNG,
            )
        )
    return befunde


def _ausserhalb(einbuergerung: pd.DataFrame, blatt: str) -> list[Befund]:
    unten, oben = QUOTE_UEBLICH
    befunde = []
    for gebiet, jahr, quote, zeile in zip(
        einbuergerung["gebiet"], einbuergerung["jahr"], einbuergerung["quote_prozent"], einbuergerung["zeile"]
    ):
        if pd.notna(quote) and not unten <= quote <= oben:
            befunde.append(
                warnung(
                    "plausibel.quote_unplausibel",
                    f"Eine Einbürgerungsquote außerhalb von etwa {fmt.zahl(unten, 1)} bis {fmt.prozent(oben, 0)} kommt in "
                    "deutschen Kreisen kaum vor; bitte prüfen, ob Spalte, Einheit (Prozent oder Anteil) und Komma "
                    "stimmen.",
                    blatt=blatt,
                    zeile=int(zeile),
                    spalte="Quote in %",
                    wert=f"{gebiet} {int(jahr)}: {fmt.prozent(quote)}",
                    ursache=EINBUERGERUNG,
                )
            )
    return befunde


def _gebiete(einbuergerung: pd.DataFrame, blatt: str) -> list[Befund]:
    arten: dict[str, list[int]] = {"aggregat": [], "kreisartig": [], "unbekannt": []}
    namen: dict[str, list[str]] = {"aggregat": [], "kreisartig": [], "unbekannt": []}
    referenz = False
    for gebiet, zeile in zip(einbuergerung["gebiet"], einbuergerung["zeile"]):
        art = gebiet_art(gebiet)
        referenz = referenz or art.ist_referenz
        if art.art in arten:
            arten[art.art].append(int(zeile))
            if gebiet not in namen[art.art]:
                namen[art.art].append(gebiet)
    befunde = []
    texte = {
        "aggregat": "Kein Kreis, sondern eine Summe, ein Mittel oder ein größeres Gebiet – es wird in der Rangfolge "
        "wie ein Kreis gezählt: ",
        "kreisartig": "Kreise außerhalb der Region Stuttgart; sie werden in der Rangfolge mitgezählt: ",
        "unbekannt": "Nicht als Kreis erkannt; als Gebiet in der Rangfolge mitgezählt: ",
    }
    for art_name, zeilen in arten.items():
        if not zeilen:
            continue
        text = texte[art_name] + ", ".join(f"„{n}“" for n in namen[art_name]) + f" ({zeilen_wort(zeilen)})."
        if art_name == "unbekannt":
            text += (
                " Ist es eine Gemeinde, eine Summe oder eine Anmerkung, bitte die Zeile löschen; ist es ein Kreis, "
                "bitte als „Landkreis …“ bzw. „Stadtkreis …“ schreiben."
            )
        code = {"aggregat": "plausibel.gebiet_aggregat", "kreisartig": "plausibel.gebiet_ausserhalb"}.get(
            art_name, "plausibel.gebiet_unbekannt"
        )
        befunde.append(
            warnung(code, text, blatt=blatt, zeile=zeilen[0], zeilen=tuple(sorted(set(zeilen))), ursache=EINBUERGERUNG)
        )
    if not referenz:
        befunde.append(
            warnung(
                "plausibel.referenz_fehlt",
                "Der Landkreis Böblingen steht nicht im Blatt (gefunden: "
                + ", ".join(f"„{g}“" for g in dict.fromkeys(einbuergerung["gebiet"]))
                + "). Rang und Abstand des Landkreises Böblingen werden nirgends genannt, auch nicht in der "
                "Sitzungsvorlage. Heißt er in der Arbeitsmappe anders, bitte „Landkreis Böblingen“ schreiben.",
                blatt=blatt,
                spalte="Gebiet",
                ursache=EINBUERGERUNG,
            )
        )
    return befunde

"""Plausibility of the recommendations: the counts per Handlungsfeld read against the counts the
sheet Handlungsfelder states (a column „Anzahl Empfehlungen“ and its total row)."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.befunde import EMPFEHLUNGEN, Befund, warnung
from ipdaten.arbeitsmappe.lesebericht import Lesebericht, Spalteninfo
from ipdaten.arbeitsmappe.plausibel.ungelesen import ist_anzahlspalte
from ipdaten.arbeitsmappe.texte import ganze_zahl


def anzahlspalte(bericht: Lesebericht) -> Spalteninfo | None:
    """The column of the sheet Handlungsfelder that states the count per field, if it has one."""
    return next((s for s in bericht.ungelesene_spalten if ist_anzahlspalte(s)), None)


def angegebene_anzahlen(spalte: Spalteninfo, felder: pd.DataFrame) -> tuple[dict[int, int], int | None]:
    """(field Nr → stated count, stated total or None): the values in the rows of the fields, and
    the one whole number in a row that is no field (the total row)."""
    nr_der_zeile = dict(zip(felder["zeile"], felder["nr"]))
    je_feld, summen = {}, []
    for zeile, wert in spalte.werte:
        anzahl = ganze_zahl(wert)
        if anzahl is None:
            continue
        if zeile in nr_der_zeile:
            je_feld[int(nr_der_zeile[zeile])] = anzahl
        else:
            summen.append(anzahl)
    return je_feld, (summen[0] if len(summen) == 1 else None)


def pruefe_anzahlen(felder: pd.DataFrame, empfehlungen: pd.DataFrame, bericht: Lesebericht) -> list[Befund]:
    """A warning when the counts read differ from the counts the sheet Handlungsfelder states."""
    spalte = anzahlspalte(bericht)
    if spalte is None:
        return []
    je_feld, summe = angegebene_anzahlen(spalte, felder)
    gelesen = empfehlungen["handlungsfeld"].value_counts().to_dict()
    namen = dict(zip(felder["nr"], felder["name"]))
    abweichungen = [
        f"Handlungsfeld {nr} „{namen.get(nr, '')}“: angegeben {angegeben}, gelesen {int(gelesen.get(nr, 0))}"
        for nr, angegeben in je_feld.items()
        if angegeben != gelesen.get(nr, 0)
    ]
    if summe is not None and summe != len(empfehlungen):
        abweichungen.append(f"insgesamt: angegeben {summe}, gelesen {len(empfehlungen)}")
    if not abweichungen:
        return []
    return [
        warnung(
            "plausibel.anzahl_weicht_ab",
            f"Die Anzahl der Empfehlungen weicht von der Spalte „{spalte.titel}“ im Blatt „{spalte.blatt}“ ab: "
            + "; ".join(abweichungen)
            + ". Bitte prüfen, ob Zeilen fehlen, doppelt stehen oder einem anderen Handlungsfeld zugeordnet sind – "
            "oder die Anzahl im Blatt „Handlungsfelder“ berichtigen.",
            blatt=spalte.blatt,
            spalte=spalte.titel,
            ursache=EMPFEHLUNGEN,
        )
    ]

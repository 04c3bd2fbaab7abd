"""The sheet Handlungsfelder: one field per row, Nr unique."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.datenrahmen import rahmen
from ipdaten.arbeitsmappe.tabellen import finde_tabelle
from ipdaten.arbeitsmappe.vertrag import HANDLUNGSFELDER
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zellwerte import pflichttext, positive_nr, summenzeile_ohne_nr, weitere_werte


def lies_handlungsfelder(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame | None:
    """The fields; None when the sheet is missing, unusable or defines no field."""
    tabelle = finde_tabelle(blatt, HANDLUNGSFELDER, befunde) if blatt is not None else None
    if blatt is None or tabelle is None:
        return None
    datensaetze = []
    gesehen: dict[int, int] = {}
    for nummer, zeile in tabelle.zeilen:
        if summenzeile_ohne_nr(tabelle, nummer, zeile, ("name", "leitsatz"), "Handlungsfeld"):
            continue
        nr = positive_nr(
            "handlungsfeld.nr_ungueltig",
            tabelle,
            nummer,
            zeile,
            "Die Nr des Handlungsfelds ist keine positive ganze Zahl.",
            "ganze Zahl ab 1, z. B. 1, 2, 9",
        )
        if nr is not None and nr in gesehen:
            tabelle.fehler(
                "handlungsfeld.nr_doppelt",
                nummer,
                "nr",
                f"Die Nr {nr} ist doppelt vergeben (schon in Zeile {gesehen[nr]}).",
                nr,
                "jede Nr nur einmal",
            )
            continue
        name = pflichttext(
            "handlungsfeld.name_fehlt",
            tabelle,
            nummer,
            zeile,
            "name",
            "Das Handlungsfeld hat keinen Namen.",
            "ein Name, z. B. „Wohnen“",
        )
        if nr is None:
            continue
        gesehen[nr] = nummer
        werte: dict[str, object] = {"nr": nr, "name": name or ""}
        weitere = weitere_werte(tabelle, nummer, zeile, HANDLUNGSFELDER, werte)
        if weitere is not None:
            datensaetze.append({**werte, **weitere, "zeile": nummer})
    if not tabelle.zeilen:
        befunde.fehler(
            "handlungsfeld.keines",
            "Das Blatt enthält kein Handlungsfeld.",
            blatt=blatt.name,
            erlaubt="mindestens eine Zeile unter der Kopfzeile",
        )
    return rahmen("handlungsfelder", datensaetze) if datensaetze else None

"""The sheet Meilensteine: dated events, sorted by date."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.datenrahmen import leerer_rahmen, rahmen
from ipdaten.arbeitsmappe.tabellen import finde_tabelle
from ipdaten.arbeitsmappe.texte import ungefaehres_datum
from ipdaten.arbeitsmappe.vertrag import MEILENSTEINE
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zellwerte import pflichttext


def lies_meilensteine(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    """The milestones sorted by date; an empty frame when the sheet is missing."""
    tabelle = finde_tabelle(blatt, MEILENSTEINE, befunde) if blatt is not None else None
    if tabelle is None:
        return leerer_rahmen("meilensteine")
    datensaetze = []
    for nummer, zeile in tabelle.zeilen:
        roh = tabelle.wert(zeile, "datum")
        datum = ungefaehres_datum(roh)
        if datum is None:
            tabelle.fehler(
                "meilenstein.datum_unlesbar",
                nummer,
                "datum",
                "Das Datum ist nicht lesbar.",
                roh,
                "Datum (6.3.2017 oder 2017-03-06), Monat (2017-07) oder Jahr (2015)",
            )
        ereignis = pflichttext(
            "meilenstein.ereignis_fehlt", tabelle, nummer, zeile, "ereignis", "Das Ereignis fehlt.", "ein Text"
        )
        if datum is not None and ereignis is not None:
            datensaetze.append({"datum": datum[0], "genauigkeit": datum[1], "ereignis": ereignis, "zeile": nummer})
    frame = rahmen("meilensteine", datensaetze)
    return frame.sort_values("datum", kind="stable").reset_index(drop=True)

"""The sheet Info: key–value rows Stand and Bezeichnung."""

from __future__ import annotations

import datetime as dt

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text
from ipdaten.arbeitsmappe.texte import als_datum, bereinige, falte, ist_leer, ungefaehres_datum
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.format import datum


def lies_info(blatt: RohBlatt | None, befunde: Befundliste) -> tuple[dt.date | None, str | None]:
    """(Stand, Bezeichnung) from the sheet; (None, None) when it is missing."""
    if blatt is None:
        return None, None
    stand: dt.date | None = None
    bezeichnung: str | None = None
    for index, zeile in enumerate(blatt.zeilen):
        zellen = [z for z in zeile if not ist_leer(z)]
        if len(zellen) < 2:
            continue
        schluessel = falte(zellen[0]).rstrip(":")
        if schluessel == "stand":
            stand = als_datum(zellen[1])
            ungefaehr = ungefaehres_datum(zellen[1]) if stand is None else None
            if ungefaehr is not None and ungefaehr[1] == "monat":
                stand = ungefaehr[0]
                befunde.warnung(
                    "info.stand_monat",
                    f"Der Stand „{wert_text(zellen[1])}“ ist ein Monat; gelesen als {datum(stand)}.",
                    blatt=blatt.name,
                    zeile=index + 1,
                    wert=wert_text(zellen[1]),
                )
            if stand is None:
                befunde.fehler(
                    "info.stand_kein_datum",
                    "Der Stand ist kein Datum.",
                    blatt=blatt.name,
                    zeile=index + 1,
                    wert=wert_text(zellen[1]),
                    erlaubt="Datum, z. B. 06.03.2017, oder Monat, z. B. „März 2017“",
                )
        elif schluessel == "bezeichnung":
            bezeichnung = bereinige(zellen[1])
    return stand, bezeichnung

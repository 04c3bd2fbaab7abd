"""A workbook kept the way an office keeps it (own sheet name, headers and status words) and the
mapping that reads it – shared by the tests of loading, the Daten page and the browser."""

from __future__ import annotations

import datetime as dt

from ipdaten.arbeitsmappe import Zuordnung
from tests.arbeitsmappen import mappe_bytes

BUERO_KOPF = ["Feld", "Nummer", "Ziel", "Kurzbeschreibung", "Erledigungsstand", "Notiz", "Geflüchtete", "Beleg"]
# "Nummer", "Geflüchtete" and "läuft" the contract reads by itself (header aliases, status synonym
# table); the mapping holds only what it cannot know.
BUERO_ZUORDNUNG = Zuordnung.aus(
    {"Empfehlungen": "Umsetzungsliste"},
    {
        "Empfehlungen": {
            "Feld": "Handlungsfeld",
            "Kurzbeschreibung": "Empfehlung",
            "Erledigungsstand": "Status",
            "Notiz": "Bemerkung",
            "Beleg": "Quelle",
        }
    },
    {"fertig": "umgesetzt", "offen": "nicht umgesetzt"},
)


def buero_mappe(naechster_stand: bool = False, wort: str | None = None) -> bytes:
    """A workbook kept the way an office keeps it: own sheet name, own headers, own status words.

    The next Stand has the same shape with other values (and a new date); `wort` replaces the
    status of its last row.
    """
    zeilen = [
        [1, 1, "Ankommen", "Willkommenskultur stärken", "fertig", "2015 eingerichtet", "ja", "Amt"],
        [1, 2, "", "Lotsen ausbilden", "läuft", "", "", "Amt"],
        [2, 1, "", "Wohnraum vermitteln", "offen", "", "nein", "Amt"],
        [3, 1, "", "Sprachkurse ausbauen", "fertig", "", "", "Amt"],
    ]
    if naechster_stand:
        zeilen[1][4] = "fertig"
        zeilen[2][4] = "läuft"
    if wort is not None:
        zeilen[3][4] = wort
    stand = dt.date(2017, 11, 30) if naechster_stand else dt.date(2017, 9, 30)
    return mappe_bytes(
        empfehlungen=zeilen,
        info=[["Stand", stand], ["Bezeichnung", "Umsetzungsliste Amt"]],
        blattnamen={"Empfehlungen": "Umsetzungsliste"},
        koepfe={"Empfehlungen": BUERO_KOPF},
    )

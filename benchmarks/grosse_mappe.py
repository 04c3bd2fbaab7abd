"""Generated Anlage 1 workbooks of a given number of recommendation rows, for measurements."""

from __future__ import annotations

import io

from openpyxl import Workbook

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE


def grosse_mappe(empfehlungen: int, felder: int = 9, runde: int = 0) -> bytes:
    """A valid workbook with `empfehlungen` rows spread over `felder` Handlungsfelder.

    `runde` (0–19) makes the next evaluation round of the same plan: from one round to the
    next, the 5 % of recommendations with row index ≡ runde (mod 20) move one status on.
    """
    mappe = Workbook(write_only=True)
    blatt = mappe.create_sheet("Handlungsfelder")
    blatt.append(["Nr", "Handlungsfeld", "Leitsatz", "Seiten"])
    for nr in range(1, felder + 1):
        blatt.append([nr, f"Handlungsfeld {nr}", f"„Leitsatz {nr}“", ""])
    blatt = mappe.create_sheet("Empfehlungen")
    blatt.append(["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung", "Bezug Geflüchtete", "Quelle"])
    for index in range(empfehlungen):
        feld = index % felder + 1
        blatt.append(
            [
                feld,
                index // felder + 1,
                f"Ziel {index % 7 + 1}",
                f"Empfehlung {index + 1}: Maßnahme zur Integration im Handlungsfeld {feld}",
                STATUS_REIHENFOLGE[(index + (1 <= index % 20 <= runde)) % len(STATUS_REIHENFOLGE)],
                f"Bemerkung zur Empfehlung {index + 1}",
                ("ja", "nein", "")[index % 3],
                "Erzeugt für Messungen",
            ]
        )
    blatt = mappe.create_sheet("Einbürgerung")
    blatt.append(["Gebiet", "Jahr", "Quote in %"])
    for jahr in (2015, 2016):
        for gebiet, quote in (("Landkreis Böblingen", 1.54), ("Landkreis Esslingen", 1.36)):
            blatt.append([gebiet, jahr, quote])
    blatt = mappe.create_sheet("Haushalt")
    blatt.append(["Maßnahme", "Betrag", "Jahr", "Handlungsfeld"])
    for nr in range(1, felder + 1):
        blatt.append([f"Maßnahme {nr}", 1000 * nr, 2017, nr])
    ziel = io.BytesIO()
    mappe.save(ziel)
    return ziel.getvalue()

"""An empty Anlage 1 to fill in: every sheet and header of the contract, a drop-down list for
Status, and a sheet that explains the workbook in German.

Everything comes from `ipdaten.arbeitsmappe.vertrag`, so the template cannot drift from what the loader reads.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ipdaten.arbeitsmappe.vertrag import BLAETTER, EMPFEHLUNGEN, INFO, OHNE_ANGABE, STATUS_REIHENFOLGE

ERKLAERUNG_BLATT = "Erläuterung"
VORLAGE_ZEILEN = 2000  # rows that get the Status drop-down
_KOPF_FUELLUNG = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
_KOPF_SCHRIFT = Font(bold=True, color="FFFFFF")


def _spaltenbreite(titel: str, erklaerung: str) -> float:
    return max(12.0, min(60.0, len(titel) + 4.0, len(erklaerung) * 0.9 + 4))


def _erklaerung(wb: Workbook) -> None:
    ws = wb.create_sheet(ERKLAERUNG_BLATT, 0)
    zeilen: list[list[str]] = [
        ["Vorlage für die Anlage 1 – Umsetzungsstand des Integrationsplans"],
        [],
        ["So wird die Vorlage ausgefüllt"],
        [
            "1. In jedem Blatt steht in Zeile 1 die Kopfzeile. Bitte die Spaltennamen nicht ändern; "
            "Titelzeilen darüber, zusätzliche Spalten und Blätter sind erlaubt."
        ],
        [
            "2. Eine Zeile je Handlungsfeld (Blatt „Handlungsfelder“) und je Handlungsempfehlung "
            "(Blatt „Empfehlungen“). Die Nr einer Empfehlung ist innerhalb ihres Handlungsfelds eindeutig."
        ],
        [
            f"3. Der Status wird aus der Liste gewählt: {', '.join(STATUS_REIHENFOLGE)}. "
            f"Ein leeres Feld gilt als „{OHNE_ANGABE}“."
        ],
        [
            "4. Im Blatt „Info“ bei „Stand“ das Datum der Auswertung eintragen (z. B. 30.09.2017) und "
            "bei „Bezeichnung“ einen kurzen Titel."
        ],
        [
            "5. Die Datei als Excel-Arbeitsmappe (.xlsx) speichern und im Dashboard auf der Seite "
            "„Daten & Stände“ hochladen. Das Dashboard prüft sie sofort und nennt jede Unstimmigkeit "
            "mit Blatt, Zeile und Spalte."
        ],
        [],
        ["Blatt", "Pflichtblatt", "Spalte", "Pflichtspalte", "Inhalt"],
    ]
    for zeile in zeilen:
        ws.append(zeile)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A3"].font = Font(bold=True)
    for zelle in ws[len(zeilen)]:
        zelle.font = Font(bold=True)
    for blatt in BLAETTER:
        for index, spalte in enumerate(blatt.spalten):
            ws.append(
                [
                    blatt.name if index == 0 else "",
                    ("ja" if blatt.pflicht else "nein") if index == 0 else "",
                    spalte.titel,
                    "ja" if spalte.pflicht else "nein",
                    spalte.erklaerung,
                ]
            )
    for buchstabe, breite in zip("ABCDE", (18, 13, 20, 14, 70)):
        ws.column_dimensions[buchstabe].width = breite
    for zeile in ws.iter_rows(min_row=4, max_row=8):
        zeile[0].alignment = Alignment(wrap_text=False)


def vorlage_bytes() -> bytes:
    """The empty template workbook as xlsx bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for blatt in BLAETTER:
        ws = wb.create_sheet(blatt.name)
        ws.append([s.titel for s in blatt.spalten])
        for index, spalte in enumerate(blatt.spalten, start=1):
            zelle = ws.cell(row=1, column=index)
            zelle.font = _KOPF_SCHRIFT
            zelle.fill = _KOPF_FUELLUNG
            ws.column_dimensions[get_column_letter(index)].width = _spaltenbreite(spalte.titel, spalte.erklaerung)
        ws.freeze_panes = "A2"
        if blatt is EMPFEHLUNGEN:
            spalte_status = next(i for i, s in enumerate(blatt.spalten, start=1) if s.feld == "status")
            buchstabe = get_column_letter(spalte_status)
            liste = DataValidation(
                type="list",
                formula1='"' + ",".join(STATUS_REIHENFOLGE) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Unbekannter Status",
                error="Bitte einen Status aus der Liste wählen: " + ", ".join(STATUS_REIHENFOLGE) + ".",
                promptTitle="Status",
                prompt="Aus der Liste wählen; leer = " + OHNE_ANGABE,
                showInputMessage=True,
            )
            liste.add(f"{buchstabe}2:{buchstabe}{VORLAGE_ZEILEN + 1}")
            ws.add_data_validation(liste)
        if blatt is INFO:
            ws.append(["Stand", None])
            ws.append(["Bezeichnung", None])
            ws["B2"].number_format = "DD.MM.YYYY"
    _erklaerung(wb)
    wb.active = 0
    ziel = io.BytesIO()
    wb.save(ziel)
    return ziel.getvalue()

"""Published variants of the default workbook, for the memory measurement."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE

STANDARD = Path(__file__).resolve().parent.parent / "daten" / "anlage1.xlsx"


def variante(index: int) -> bytes:
    """The default workbook with the status of a few recommendations changed."""
    mappe = load_workbook(STANDARD)
    blatt = mappe["Empfehlungen"]
    for zeile in range(5 + index, 5 + index + 3):
        blatt.cell(zeile, 5).value = STATUS_REIHENFOLGE[(index + zeile) % len(STATUS_REIHENFOLGE)]
    ziel = io.BytesIO()
    mappe.save(ziel)
    return ziel.getvalue()


def veroeffentliche_varianten(verzeichnis: str, anzahl: int) -> list[int]:
    """Publish `anzahl` variants into the store in `verzeichnis`; returns their Stand numbers."""
    ablage = Ablage(verzeichnis, STANDARD)
    return [
        ablage.veroeffentliche(
            variante(i), bezeichnung=f"Variante {i + 1}", dateiname=f"variante-{i + 1}.xlsx"
        ).stand.nr
        for i in range(anzahl)
    ]

"""The one cached loading point of the UI: which Stand a session sees, loaded once per key.

Keys are honest: the default workbook by path and modification time, a stored Stand by its
SHA-256, an upload by its bytes. Caches are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ipdaten.auswertung import Auswertung
from ipdaten.laden import lade_anlage

STANDARD_MAPPE = Path(__file__).resolve().parent.parent / "daten" / "anlage1.xlsx"
STANDARD_QUELLE = (
    "Standard-Arbeitsmappe: Rekonstruktion der Anlage 1 aus dem Bericht an den Sozial- und "
    "Gesundheitsausschuss vom 6. März 2017. Annahmen und Platzhalter sind in der Spalte "
    "„Quelle“ gekennzeichnet."
)


@dataclass(frozen=True)
class Anzeige:
    """What a page shows: the evaluation and where its data comes from."""

    auswertung: Auswertung
    quelle: str
    ist_vorschau: bool = False
    ist_rekonstruktion: bool = False

    @property
    def anlage(self):
        """The loaded workbook."""
        return self.auswertung.anlage


@st.cache_resource(max_entries=8, show_spinner="Arbeitsmappe wird geladen …")
def _auswertung_aus_pfad(pfad: str, mtime_ns: int) -> Auswertung:
    del mtime_ns  # part of the cache key only
    return Auswertung(lade_anlage(Path(pfad)))


def standard_auswertung() -> Auswertung:
    """The bundled default workbook, reloaded when the file changes."""
    return _auswertung_aus_pfad(str(STANDARD_MAPPE), STANDARD_MAPPE.stat().st_mtime_ns)


def aktuelle_anzeige() -> Anzeige:
    """What this session shows now."""
    return Anzeige(standard_auswertung(), STANDARD_QUELLE, ist_rekonstruktion=True)

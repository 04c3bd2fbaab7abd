"""How the loader reads a status word: the synonym table folded by the one rule, the allowed
values as the findings name them, and why a word that is not read was not read."""

from __future__ import annotations

import difflib
import re

from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.vertrag import PROZENT_STATUS_GRUND, STATUS_MEHRDEUTIG, STATUS_REIHENFOLGE, STATUS_VARIANTEN

# Table and cell folded by the one rule (falte): "angestoßen", "Angestossen" and "angestossen" meet.
STATUS_GEFALTET = {falte(variante): status for variante, status in STATUS_VARIANTEN.items()}

STATUS_ERLAUBT = (
    ", ".join(f"„{s}“" for s in STATUS_REIHENFOLGE)
    + " oder eine Schreibweise aus der Synonymtabelle (z. B. „erledigt“, „laufend“, „noch nicht begonnen“);"
    " leer = ohne Angabe"
)
_PROZENT = re.compile(r"^\d+(?:[.,]\d+)?\s*%$")


def status_grund(wort: str) -> str:
    """Why a status word is not read, with the status a typo most likely means."""
    if " + " in wort:
        return "in mehreren Status-Spalten angekreuzt"
    schluessel = falte(wort)
    mehrdeutig = {falte(w): grund for w, grund in STATUS_MEHRDEUTIG.items()}
    if schluessel in mehrdeutig:
        return "mehrdeutig: " + mehrdeutig[schluessel]
    if _PROZENT.match(schluessel):
        return "mehrdeutig: " + PROZENT_STATUS_GRUND
    aehnlich = difflib.get_close_matches(schluessel, [w for w in STATUS_GEFALTET if w], n=1, cutoff=0.8)
    if aehnlich:
        return f"vermutlich „{STATUS_GEFALTET[aehnlich[0]]}“ gemeint"
    return "unbekannt"

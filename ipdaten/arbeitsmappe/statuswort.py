"""How the loader reads a status word: the synonym table folded by the one rule, the allowed
values as the findings name them, and why a word that is not read was not read."""

from __future__ import annotations

import difflib
import re

from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.vertrag import PROZENT_STATUS_GRUND, STATUS_MEHRDEUTIG, STATUS_REIHENFOLGE, STATUS_VARIANTEN

_SATZZEICHEN_AM_ENDE = " .,;:!"  # not "?": „erledigt?“ is a question, not a status


def status_schluessel(wert: object) -> str:
    """A status cell folded by the one rule (falte) and without punctuation at its end:
    "Umgesetzt.", "umgesetzt!" and "umgesetzt" meet, like case and non-breaking spaces."""
    return falte(wert).rstrip(_SATZZEICHEN_AM_ENDE)


# Table and cell folded by the one rule: "angestoßen", "Angestossen" and "angestossen" meet.
STATUS_GEFALTET = {status_schluessel(variante): status for variante, status in STATUS_VARIANTEN.items()}
_LAENGSTE_ZUERST = sorted((w for w in STATUS_GEFALTET if len(w) >= 5), key=len, reverse=True)
_TRENNER = re.compile(r"\s*(?:/|;|,|\+|\(|\)|\bbzw\b\.?|\boder\b|\bund\b|\s[–—-]\s)\s*")


def _status_des_teils(teil: str) -> str | None:
    schluessel = status_schluessel(teil)
    if schluessel and schluessel in STATUS_GEFALTET:
        return STATUS_GEFALTET[schluessel]
    return next((STATUS_GEFALTET[w] for w in _LAENGSTE_ZUERST if w in schluessel), None)


def zwei_status(wort: object) -> bool:
    """Whether a cell holds two different statuses ("umgesetzt / in Arbeit", "nicht begonnen,
    laufend"): never read and never preselected as one of them – which one holds?"""
    teile = [t for t in _TRENNER.split(falte(wort)) if t and t.strip()]
    return len(teile) > 1 and len({_status_des_teils(t) for t in teile} - {None}) > 1


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
    if zwei_status(wort):
        return "zwei Status in einer Zelle; bitte den einen eintragen, der gilt"
    schluessel = status_schluessel(wort)
    mehrdeutig = {status_schluessel(w): grund for w, grund in STATUS_MEHRDEUTIG.items()}
    if schluessel in mehrdeutig:
        return "mehrdeutig: " + mehrdeutig[schluessel]
    if _PROZENT.match(schluessel):
        return "mehrdeutig: " + PROZENT_STATUS_GRUND
    aehnlich = difflib.get_close_matches(schluessel, [w for w in STATUS_GEFALTET if w], n=1, cutoff=0.8)
    if aehnlich:
        return f"vermutlich „{STATUS_GEFALTET[aehnlich[0]]}“ gemeint"
    return "unbekannt"

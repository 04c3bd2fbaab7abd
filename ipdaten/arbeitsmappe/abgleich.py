"""Matching a whole workbook against the contract: its header signature and a proposed mapping.

Sits above the loader: a proposal is made by loading, looking at what was not recognised, and
loading again with the proposal (the status words can only be seen once the status column is).
"""

from __future__ import annotations

from ipdaten.arbeitsmappe.befunde import AnlageUngueltig
from ipdaten.arbeitsmappe.datei_pruefung import pruefe_datei
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.arbeitsmappe.xlsx_lesen import LesefehlerArbeitsmappe, RohMappe, lies_mappe
from ipdaten.arbeitsmappe.zuordnung import Zuordnung
from ipdaten.arbeitsmappe.zuordnung_erkennung import Erkennung, kopf_signatur
from ipdaten.arbeitsmappe.zuordnung_vorschlag import Kandidat, Vorschlag, schlage_vor

RUNDEN = 3


def _alle_blaetter(daten: bytes) -> RohMappe | None:
    if pruefe_datei(daten) is not None:
        return None
    try:
        return lies_mappe(daten)
    except LesefehlerArbeitsmappe:
        return None


def signatur(daten: bytes) -> str | None:
    """The header signature of xlsx bytes (`zuordnung_erkennung.kopf_signatur`); None if unreadable."""
    mappe = _alle_blaetter(daten)
    return kopf_signatur(mappe) if mappe is not None else None


def schlage_zuordnung_vor(daten: bytes, bisher: Zuordnung | None = None) -> Vorschlag | None:
    """A proposed mapping for a workbook the loader refuses with `bisher` applied.

    None when the workbook loads, when it cannot be read at all, or when everything was
    recognised and the refusal has other causes (then a mapping cannot help). The proposal
    holds every open point found over up to three loads, each with the proposal so far.
    """
    zuordnung = bisher or Zuordnung()
    mappe: RohMappe | None = None
    kandidaten: dict[tuple[str, str, str], Kandidat] = {}
    for _ in range(RUNDEN):
        try:
            lade_anlage(daten, zuordnung=zuordnung)
            break
        except AnlageUngueltig as e:
            erkennung = e.erkennung
        if not isinstance(erkennung, Erkennung) or erkennung.vollstaendig:
            break
        mappe = mappe or _alle_blaetter(daten)
        if mappe is None:
            break
        vorschlag = schlage_vor(mappe, erkennung, zuordnung)
        for kandidat in vorschlag.kandidaten:
            kandidaten.setdefault((kandidat.art, kandidat.blatt, kandidat.ziel), kandidat)
        if vorschlag.zuordnung == zuordnung:
            break
        zuordnung = vorschlag.zuordnung
    if not kandidaten:
        return None
    return Vorschlag(zuordnung, tuple(kandidaten.values()))

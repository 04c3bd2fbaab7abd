"""Nothing unread goes unmentioned: every sheet and every column the dashboard did not read is
named, with a hint where it looks like data the dashboard uses."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from typing import Any

from ipdaten.arbeitsmappe.befunde import UNGELESEN, Befund, warnung
from ipdaten.arbeitsmappe.blattsuche import blatt_schluessel
from ipdaten.arbeitsmappe.lesebericht import Lesebericht, Spalteninfo
from ipdaten.arbeitsmappe.statuswort import STATUS_GEFALTET, status_schluessel
from ipdaten.arbeitsmappe.tabellenkopf import kopf_schluessel
from ipdaten.arbeitsmappe.texte import als_datum, falte, zahl
from ipdaten.arbeitsmappe.vertrag import BLAETTER

_VERTRAG = {b.name: b for b in BLAETTER}
# Words in a sheet's name that say what it holds, as the dashboard reads it.
_BLATT_WOERTER = {
    "status": "dem Umsetzungsstand",
    "umsetzung": "dem Umsetzungsstand",
    "empfehlung": "Empfehlungen",
    "massnahm": "Empfehlungen oder Haushaltsmitteln",
    "handlungsfeld": "Handlungsfeldern",
    "einbuerger": "der Einbürgerung",
    "quote": "der Einbürgerung",
    "haushalt": "dem Haushalt",
    "kosten": "dem Haushalt",
    "finanz": "dem Haushalt",
    "mittel": "dem Haushalt",
    "meilenstein": "Meilensteinen",
    "zeitplan": "Meilensteinen",
}
# Headers of a column of the sheet Handlungsfelder that states how many recommendations a field has.
ANZAHL_KOEPFE = {
    "anzahl",
    "anzahl empfehlungen",
    "anzahl der empfehlungen",
    "anzahl handlungsempfehlungen",
    "anzahl der handlungsempfehlungen",
    "zahl der empfehlungen",
    "empfehlungen",
    "handlungsempfehlungen",
    "anzahl massnahmen",
}


def ist_anzahlspalte(spalte: Spalteninfo) -> bool:
    """Whether an unread column of the sheet Handlungsfelder states the count of recommendations per field."""
    return spalte.vertragsblatt == "Handlungsfelder" and kopf_schluessel(spalte.titel) in ANZAHL_KOEPFE


def _anteil(werte: list[Any], passt: Callable[[Any], bool]) -> bool:
    return bool(werte) and sum(1 for w in werte if passt(w)) * 2 >= len(werte)


def spalten_hinweis(spalte: Spalteninfo) -> str:
    """What an unread column seems to hold, when it looks like data the dashboard uses ('' else)."""
    werte = [w for _, w in spalte.werte]
    kopf = falte(spalte.titel)
    status = set(STATUS_GEFALTET) - {""}
    if _anteil(werte, lambda w: isinstance(w, str) and status_schluessel(w) in status):
        return "enthält Status-Wörter"
    if _anteil(
        werte, lambda w: isinstance(w, (dt.date, dt.datetime)) or (isinstance(w, str) and als_datum(w) is not None)
    ):
        return "enthält Datumsangaben"
    woerter = set(kopf_schluessel(spalte.titel).split())
    if (
        "€" in kopf
        or woerter & {"eur", "euro", "betrag", "kosten", "ist", "plan"}
        or _anteil(werte, lambda w: isinstance(w, str) and "€" in w)
    ):
        return "enthält Beträge"
    if "%" in kopf or "quote" in woerter or _anteil(werte, lambda w: isinstance(w, str) and w.strip().endswith("%")):
        return "enthält Prozentwerte"
    vertrag = _VERTRAG.get(spalte.vertragsblatt)
    if vertrag is not None and spalte.titel:
        namen = {kopf_schluessel(n): s.titel for s in vertrag.spalten for n in (s.titel, *s.aliase)}
        aehnlich = difflib.get_close_matches(kopf_schluessel(spalte.titel), list(namen), n=1, cutoff=0.75)
        if aehnlich:
            return f"ähnelt der Spalte „{namen[aehnlich[0]]}“"
    if _anteil(werte, lambda w: zahl(w) is not None):
        return "enthält Zahlen"
    return ""


def _spalte_text(spalte: Spalteninfo) -> str:
    hinweis = spalten_hinweis(spalte)
    name = f"Spalte {spalte.buchstabe}" + (f" „{spalte.titel}“" if spalte.titel else " (ohne Überschrift)")
    return name + (f" – {hinweis}" if hinweis else "")


def _blatt_hinweis(name: str) -> str:
    schluessel = blatt_schluessel(name).replace(" ", "")
    bedeutung = next((b for wort, b in _BLATT_WOERTER.items() if wort in schluessel), "")
    return f" – der Name klingt nach {bedeutung}" if bedeutung else ""


def pruefe_ungelesenes(bericht: Lesebericht) -> list[Befund]:
    """One finding for the sheets not read, one per sheet for its columns not read."""
    befunde = []
    nach_blatt: dict[str, list[Spalteninfo]] = {}
    for spalte in bericht.ungelesene_spalten:
        if not ist_anzahlspalte(spalte):
            nach_blatt.setdefault(spalte.blatt, []).append(spalte)
    for blatt, spalten in nach_blatt.items():
        befunde.append(
            warnung(
                "plausibel.spalten_ungelesen",
                "Nicht gelesen: "
                + "; ".join(_spalte_text(s) for s in spalten)
                + (". Gehört sie" if len(spalten) == 1 else ". Gehört eine davon")
                + " zu den Daten, die das Dashboard auswerten soll, bitte die Überschrift wie in der Vorlage "
                "schreiben oder die Spalte beim Hochladen zuordnen.",
                blatt=blatt,
                spalte=", ".join(s.titel or s.buchstabe for s in spalten),
                ursache=UNGELESEN,
            )
        )
    ungelesen = [b for b in bericht.alle_blaetter if b not in bericht.gelesen and b not in bericht.leer]
    if ungelesen:
        befunde.append(
            warnung(
                "plausibel.blaetter_ungelesen",
                "Nicht gelesene Blätter: "
                + "; ".join(
                    f"„{b}“" + (" (ausgeblendet)" if b in bericht.ausgeblendet else "") + _blatt_hinweis(b)
                    for b in ungelesen
                )
                + ". Gelesen werden nur die Blätter "
                + ", ".join(f"„{b.name}“" for b in BLAETTER)
                + " (auch unter üblichen anderen Namen).",
                wert=", ".join(ungelesen),
                ursache=UNGELESEN,
            )
        )
    return befunde

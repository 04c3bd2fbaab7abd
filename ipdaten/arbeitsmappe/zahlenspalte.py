"""How a column writes its numbers, decided once from all its values, never guessed cell by cell.

German workbooks write „1.500,50“; a column pasted from elsewhere writes „1,500.50“. „1.500“ and
„1,500“ alone could be either. The decimal sign of a column is decided from its unambiguous
cells; a column that writes both ways is refused (which one is meant cannot be known), one
that writes only the other way is read that way with a warning. Text cells that carry „T€“
while the header names none are refused too: the unit is the column's, not a cell's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipdaten.arbeitsmappe.befunde import ZAHLEN, Befundliste, zeilen_wort
from ipdaten.arbeitsmappe.tabellenkopf import tausender_einheit
from ipdaten.arbeitsmappe.texte import ist_leer, zahlentext

# How a cell names thousands of euro; removed before its number is read (the column decides the unit).
TAUSEND_ZEICHEN = ("Tsd. EUR", "Tsd. €", "Tsd.€", "Tsd.", "TEUR", "T€")

_DEUTSCH = (
    re.compile(r"-?\d{1,3}(\.\d{3})+,\d*"),  # 1.234,5
    re.compile(r"-?\d{1,3}(\.\d{3}){2,}"),  # 1.234.567
    re.compile(r"-?\d+,(\d{1,2}|\d{4,})"),  # 1,5  1,54  0,0154
    re.compile(r"-?\d{4,},\d+"),  # 1234,567
)
_ENGLISCH = (
    re.compile(r"-?\d{1,3}(,\d{3})+\.\d*"),  # 1,234.5
    re.compile(r"-?\d{1,3}(,\d{3}){2,}"),  # 1,234,567
    re.compile(r"-?\d+\.(\d{1,2}|\d{4,})"),  # 1.5  2.75  0.0154
    re.compile(r"-?\d{4,}\.\d+"),  # 1234.567
)


def schreibweise(text: str) -> str:
    """'de', 'en' or '' (a whole number or „1.500“, which either writes) of a cell's number text."""
    if any(m.fullmatch(text) for m in _DEUTSCH) or text.endswith(","):
        return "de"
    if any(m.fullmatch(text) for m in _ENGLISCH):
        return "en"
    return ""


@dataclass(frozen=True)
class Zahlenspalte:
    """The decision for one column: its decimal sign and whether its text cells carry „T€“."""

    dezimal: str = ","
    tausend: bool = False


def entscheide(
    werte: list[tuple[int, object]],
    titel: str,
    blatt: str,
    befunde: Befundliste,
    einheiten: tuple[str, ...],
    kopf_tausend: bool = False,
) -> Zahlenspalte:
    """Decide how the column writes its numbers from all its (Excel row, value) cells; record a
    finding for a mixed column (error) or one read with a decimal point (warning). `kopf_tausend`:
    the header (or a title) already names „T€“, so cells may too."""
    stile: dict[str, list[tuple[int, str]]] = {"de": [], "en": []}
    tausend: list[int] = []
    texte = [(n, w) for n, w in werte if isinstance(w, str) and w.strip()]
    for nummer, wert in texte:
        if tausender_einheit(wert):
            tausend.append(nummer)
        stil = schreibweise(zahlentext(wert, einheiten + TAUSEND_ZEICHEN))
        if stil:
            stile[stil].append((nummer, wert.strip()))
    ergebnis = Zahlenspalte()
    if stile["de"] and stile["en"]:
        befunde.fehler(
            "zahlen.schreibweise_gemischt",
            "Die Spalte schreibt Zahlen auf zwei Arten – mit Dezimalkomma (z. B. "
            + ", ".join(f"„{w}“" for _, w in stile["de"][:2])
            + f", {zeilen_wort([n for n, _ in stile['de']])}) und mit Dezimalpunkt (z. B. "
            + ", ".join(f"„{w}“" for _, w in stile["en"][:2])
            + f", {zeilen_wort([n for n, _ in stile['en']])}). Was „1.500“ bedeutet, lässt sich so nicht sagen; "
            "bitte eine Schreibweise wählen (in Excel am besten als Zahl, nicht als Text).",
            blatt=blatt,
            zeile=min(n for n, _ in stile["de"] + stile["en"]),
            spalte=titel,
            erlaubt="Zahlen einer Spalte alle deutsch (1.500,50) oder alle mit Dezimalpunkt (1500.50)",
            ursache=ZAHLEN,
        )
    elif stile["en"]:
        ergebnis = Zahlenspalte(dezimal=".")
        befunde.warnung(
            "zahlen.dezimalpunkt",
            f"Die Spalte schreibt Zahlen mit Dezimalpunkt (z. B. „{stile['en'][0][1]}“); alle ihre Zahlen wurden so "
            "gelesen („1.500“ als 1,5).",
            blatt=blatt,
            zeile=stile["en"][0][0],
            spalte=titel,
            ursache=ZAHLEN,
        )
    nicht_tausend = [n for n, w in werte if not ist_leer(w) and n not in tausend]
    if tausend and nicht_tausend and not kopf_tausend:
        befunde.fehler(
            "zahlen.einheit_gemischt",
            f"Einige Zellen nennen „T€“ ({zeilen_wort(tausend)}), die Spalte und die anderen Zellen nicht; die Einheit "
            "gilt für die ganze Spalte. Bitte „T€“ in die Überschrift schreiben und aus den Zellen entfernen – oder alle "
            "Beträge in Euro eintragen.",
            blatt=blatt,
            zeile=tausend[0],
            spalte=titel,
            erlaubt="eine Einheit je Spalte, in der Überschrift (z. B. „Betrag (T€)“)",
            ursache=ZAHLEN,
        )
    elif tausend and not kopf_tausend:
        ergebnis = Zahlenspalte(ergebnis.dezimal, tausend=True)
    return ergebnis

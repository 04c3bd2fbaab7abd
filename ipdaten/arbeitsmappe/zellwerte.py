"""Reading one cell of a table row into a domain value, recording a finding when it is unusable."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection
from typing import Any

import pandas as pd

from ipdaten.arbeitsmappe.spaltentyp import TEXT
from ipdaten.arbeitsmappe.tabellen import Tabelle
from ipdaten.arbeitsmappe.texte import PROZENT_ZEICHEN, bereinige, falte, ganze_zahl, ist_leer, zahl
from ipdaten.arbeitsmappe.vertrag import SUMMEN_WORTANFAENGE, Blatt

KEINE_ANGABE_TEXTE = {"", "k. a.", "k.a.", "keine angabe", "-", "–", "—", "n. v.", "n.v."}
FELD_MUSTER = re.compile(r"^(?:(?:HF|Handlungsfeld)\s*(\d+)\b.*|(\d+)\s*[.:–—-]?\s+\S.*)$", re.I)


def text(tabelle: Tabelle, zeile: list[Any], feld: str) -> str:
    """The cell of `feld` as cleaned text ('' when empty or absent)."""
    return bereinige(tabelle.wert(zeile, feld))


def weitere_werte(
    tabelle: Tabelle, nummer: int, zeile: list[Any], vertrag: Blatt, gelesen: Collection[str]
) -> dict[str, object] | None:
    """The values of the contract's columns a reader has no rule of its own for (those not in
    `gelesen`), read by their declared type: text, or one of the words of an `auswahl` type.
    None after recording an error for a word that is not allowed."""
    werte: dict[str, object] = {}
    gueltig = True
    for spalte in vertrag.spalten:
        if spalte.feld in gelesen:
            continue
        if spalte.typ.auswahl:
            wert = text(tabelle, zeile, spalte.feld)
            if wert and wert.casefold() not in spalte.typ.auswahl:
                tabelle.fehler(
                    "zelle.nicht_erlaubt",
                    nummer,
                    spalte.feld,
                    f"Der Wert ist in der Spalte „{spalte.titel}“ nicht vorgesehen.",
                    wert,
                    ", ".join(f"„{w}“" for w in spalte.typ.auswahl) + ("" if spalte.pflicht else " oder leer"),
                )
                gueltig = False
            werte[spalte.feld] = wert.casefold()
        elif spalte.typ == TEXT:
            werte[spalte.feld] = text(tabelle, zeile, spalte.feld)
        else:
            raise TypeError(f"Spalte „{spalte.titel}“ ({spalte.typ.name}) braucht eine eigene Leseregel")
    return werte if gueltig else None


def pflichttext(
    code: str, tabelle: Tabelle, nummer: int, zeile: list[Any], feld: str, meldung: str, erlaubt: str
) -> str | None:
    """The text of a required cell; None after recording the error `code` when it is empty."""
    wert = text(tabelle, zeile, feld)
    if not wert:
        tabelle.fehler(code, nummer, feld, meldung, None, erlaubt)
        return None
    return wert


NR_ALS_DATUM = (
    "Excel hat die Nr in ein Datum umgewandelt (aus „1.3“ wird der 1. März). Bitte die Spalte als Text "
    "formatieren und die Nr neu eingeben, oder nur die laufende Nr im Handlungsfeld (3) eintragen."
)
NR_ALS_KOMMAZAHL = (
    "Die Nr ist eine Kommazahl; Excel speichert „1.10“ als 1,1 und verliert die Null. Bitte die Spalte als "
    "Text formatieren und die Nr neu eingeben, oder nur die laufende Nr im Handlungsfeld eintragen."
)


def positive_nr(code: str, tabelle: Tabelle, nummer: int, zeile: list[Any], meldung: str, erlaubt: str) -> int | None:
    """The column Nr as a whole number from 1; None after recording an error (`code`, or one
    explaining Excel's dates)."""
    roh = tabelle.wert(zeile, "nr")
    if isinstance(roh, (dt.date, dt.datetime)):
        tabelle.fehler("nr.als_datum", nummer, "nr", NR_ALS_DATUM, roh, erlaubt)
        return None
    if isinstance(roh, float) and math.isfinite(roh) and not roh.is_integer():
        tabelle.fehler("nr.kommazahl", nummer, "nr", NR_ALS_KOMMAZAHL, roh, erlaubt)
        return None
    nr = ganze_zahl(roh)
    if nr is None or nr < 1:
        tabelle.fehler(code, nummer, "nr", meldung, roh, erlaubt)
        return None
    return nr


def jahr(code: str, tabelle: Tabelle, nummer: int, zeile: list[Any], meldung: str, beispiel: int) -> int | None:
    """The column Jahr as a year 1900–2100; None after recording the error `code`."""
    roh = tabelle.wert(zeile, "jahr")
    wert = ganze_zahl(roh)
    if wert is None or not 1900 <= wert <= 2100:
        tabelle.fehler(code, nummer, "jahr", meldung, roh, f"Jahreszahl, z. B. {beispiel}")
        return None
    return wert


def feld_nummer(roh: object, felder: pd.DataFrame | None) -> int | None:
    """A field's Nr from '2', 2.0, 'HF 2', '2. Wohnen' or the field's name."""
    nr = ganze_zahl(roh)
    if nr is not None:
        return nr
    wert = bereinige(roh)
    treffer = FELD_MUSTER.match(wert)
    if treffer:
        return int(treffer.group(1) or treffer.group(2))
    if felder is not None and wert:
        namen = {feld_schluessel(n): int(nr) for nr, n in zip(felder["nr"], felder["name"])}
        namen.update({feld_schluessel(s): int(nr) for nr, s in zip(felder["nr"], felder["leitsatz"]) if s})
        return namen.get(feld_schluessel(wert))
    return None


def feld_schluessel(text: object) -> str:
    """A field's name or Leitsatz for matching: '&' as 'und', without quotes and punctuation."""
    gefaltet = falte(text).replace("&", " und ")
    return " ".join(re.sub(r"[„“”\"'‚‘’»«.,:;!?]", " ", gefaltet).split())


def feld_erlaubt(felder: pd.DataFrame | None) -> str:
    """What a Handlungsfeld cell may hold, naming the defined fields."""
    return "Nr eines Handlungsfelds aus dem Blatt „Handlungsfelder“" + (
        " (" + ", ".join(str(n) for n in felder["nr"]) + ")" if felder is not None else ""
    )


def quote(roh: object, als_prozent_formatiert: bool, dezimal: str = ",") -> float | bool | None:
    """Percentage points from a cell; None for 'keine Angabe', False if not a number. `dezimal`
    is the column's decimal sign (`zahlenspalte`)."""
    if ist_leer(roh) or (isinstance(roh, str) and bereinige(roh).casefold() in KEINE_ANGABE_TEXTE):
        return None
    wert = zahl(roh, PROZENT_ZEICHEN, dezimal)
    if wert is None:
        return False
    if als_prozent_formatiert and isinstance(roh, (int, float)):
        wert *= 100
    return round(wert, 10)


def ist_summen_text(wert: object) -> bool:
    """Whether a cell labels a total: its first word starts like Summe, Gesamt, Insgesamt, Ergebnis."""
    woerter = falte(wert).split()
    return bool(woerter) and woerter[0].strip(":.").startswith(SUMMEN_WORTANFAENGE)


# The labels Excel's Teilergebnis (Data → Subtotals) writes into the grouping column: "1 Anzahl",
# "Wohnen Ergebnis", and at the end "Gesamtergebnis" / "Gesamtanzahl".
_TEILERGEBNIS = re.compile(
    r"^(?:.+\s)?(?:anzahl|ergebnis|summe|mittelwert|minimum|maximum)$|^gesamt\s?(?:anzahl|ergebnis)$"
)
GRUPPENFELDER = ("handlungsfeld", "ziel")


def ist_teilergebnis_text(wert: object) -> bool:
    """Whether a grouping cell is a label of Excel's Teilergebnis rows ("1 Anzahl", "Gesamtergebnis")."""
    return bool(_TEILERGEBNIS.match(falte(wert).strip(":. ")))


def ist_summenzeile_der_liste(tabelle: Tabelle, zeile: list[Any], textfelder: tuple[str, ...]) -> bool:
    """Whether a row of a list is a total (no Nr, and labelled Gesamt/Summe … in a text column or
    like Excel's Teilergebnis rows in a grouping column): never a recommendation, never a status word."""
    if ganze_zahl(tabelle.wert(zeile, "nr")) is not None:
        return False
    return any(ist_summen_text(tabelle.wert(zeile, f)) for f in textfelder) or any(
        ist_teilergebnis_text(tabelle.wert(zeile, f)) for f in GRUPPENFELDER if f in textfelder
    )


def summenzeile_ohne_nr(tabelle: Tabelle, nummer: int, zeile: list[Any], textfelder: tuple[str, ...], was: str) -> bool:
    """A total row in a list (no Nr, labelled Gesamt/Summe … or like Excel's Teilergebnis rows):
    left out with a warning; True if so."""
    if not ist_summenzeile_der_liste(tabelle, zeile, textfelder):
        return False
    tabelle.warnung("zeile.summenzeile", nummer, "nr", f"Die Summenzeile wurde nicht als {was} gezählt.")
    return True

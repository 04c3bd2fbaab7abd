"""The sheet Haushalt: budget lines; total rows are recognised and left out."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text
from ipdaten.arbeitsmappe.datenrahmen import leerer_rahmen, rahmen
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import EURO_ZEICHEN, falte, ist_leer, zahl
from ipdaten.arbeitsmappe.vertrag import HAUSHALT, SUMMENZEILEN
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zellwerte import feld_erlaubt, feld_nummer, jahr, pflichttext
from ipdaten.format import euro

BETRAG_ERLAUBT = "Betrag in Euro ab 0, z. B. 60000 oder „60.000 €“"


def ist_summenzeile(tabelle: Tabelle, zeile: list) -> bool:
    """Whether a row is labelled as a total (Summe, Gesamt …) in a text column."""
    for feld in ("massnahme", "jahr", "handlungsfeld"):
        wert = falte(tabelle.wert(zeile, feld)).rstrip(":")
        if wert and (wert in SUMMENZEILEN or wert.split(" ")[0].rstrip(":") in SUMMENZEILEN):
            return True
    return False


class HaushaltsLeser:
    """Reads the budget lines; total rows are left out with a warning."""

    def __init__(self, tabelle: Tabelle, felder: pd.DataFrame | None):
        self.tabelle = tabelle
        self.felder = felder
        self.bekannte = set(felder["nr"]) if felder is not None else None
        self.seit_summe = 0.0

    def summenzeile(self, nummer: int, zeile: list) -> None:
        """Leave out a total row with a warning, naming a difference to the lines above."""
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = zahl(roh, EURO_ZEICHEN)
        meldung = "Die Summenzeile wurde nicht als Maßnahme gezählt."
        if betrag is not None and abs(betrag - self.seit_summe) > 0.005:
            meldung += (
                f" Sie weicht von der Summe der Maßnahmen darüber ab: dort {euro(self.seit_summe, 2)}, "
                f"in der Summenzeile {euro(betrag, 2)}."
            )
        self.tabelle.warnung(nummer, "betrag", meldung, wert_text(roh))
        self.seit_summe = 0.0

    def betrag(self, nummer: int, zeile: list) -> float | None:
        """The amount in euro from 0; None after recording why not."""
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = zahl(roh, EURO_ZEICHEN)
        if betrag is not None and betrag >= 0:
            return betrag
        if ist_leer(roh):
            meldung = "Der Betrag fehlt."
        else:
            meldung = "Der Betrag ist keine Zahl." if betrag is None else "Der Betrag ist negativ."
        self.tabelle.fehler(nummer, "betrag", meldung, roh, BETRAG_ERLAUBT)
        return None

    def feld(self, nummer: int, zeile: list) -> tuple[bool, int | None]:
        """(valid, field Nr or None for an unassigned line)."""
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        if ist_leer(roh):
            return True, None
        feld = feld_nummer(roh, self.felder)
        if feld is None or (self.bekannte is not None and feld not in self.bekannte):
            self.tabelle.fehler(
                nummer,
                "handlungsfeld",
                "Das Handlungsfeld ist im Blatt „Handlungsfelder“ nicht definiert.",
                roh,
                feld_erlaubt(self.felder) + " oder leer",
            )
            return False, None
        return True, feld

    def ist_summe_ohne_titel(self, zeile: list) -> bool:
        """A row with only an amount that equals the lines above: a total someone left unlabelled."""
        if any(not ist_leer(self.tabelle.wert(zeile, f)) for f in ("massnahme", "jahr", "handlungsfeld")):
            return False
        betrag = zahl(self.tabelle.wert(zeile, "betrag"), EURO_ZEICHEN)
        return betrag is not None and self.seit_summe > 0 and abs(betrag - self.seit_summe) <= 0.005

    def zeile(self, nummer: int, zeile: list) -> dict | None:
        """The record of one budget line, or None for a total row or an unusable line."""
        if ist_summenzeile(self.tabelle, zeile) or self.ist_summe_ohne_titel(zeile):
            self.summenzeile(nummer, zeile)
            return None
        massnahme = pflichttext(
            self.tabelle, nummer, zeile, "massnahme", "Die Maßnahme hat keine Bezeichnung.", "Bezeichnung der Maßnahme"
        )
        betrag = self.betrag(nummer, zeile)
        wert_jahr = jahr(self.tabelle, nummer, zeile, "Das Haushaltsjahr ist keine gültige Jahreszahl.", 2017)
        gueltig, feld = self.feld(nummer, zeile)
        if massnahme is None or betrag is None or wert_jahr is None or not gueltig:
            return None
        self.seit_summe += betrag
        return {
            "massnahme": massnahme,
            "betrag": float(betrag),
            "jahr": wert_jahr,
            "handlungsfeld": feld,
            "zeile": nummer,
        }


def lies_haushalt(blatt: RohBlatt | None, felder: pd.DataFrame | None, befunde: Befundliste) -> pd.DataFrame:
    """The budget lines; an empty frame when the sheet is missing."""
    tabelle = finde_tabelle(blatt, HAUSHALT, befunde) if blatt is not None else None
    if tabelle is None:
        return leerer_rahmen("haushalt")
    leser = HaushaltsLeser(tabelle, felder)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    return rahmen("haushalt", datensaetze)

"""The sheet Haushalt: budget lines; totals, subtotals and "davon" rows are recognised and left out.

A total is recognised by its label (Summe, Gesamt, Ergebnis …) or by its amount: equal to the
lines since the last total, or to the subtotals before it. Amounts in thousands (T€ in a header
or a title) are scaled, with a warning.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text, zeilen_wort
from ipdaten.arbeitsmappe.datenrahmen import leerer_rahmen, rahmen
from ipdaten.arbeitsmappe.sichtbarkeit import summenformel_zeilen
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.tabellenkopf import tausender_einheit
from ipdaten.arbeitsmappe.texte import EURO_ZEICHEN, falte, ist_leer, zahl
from ipdaten.arbeitsmappe.umformen import jahre_als_spalten
from ipdaten.arbeitsmappe.vertrag import DAVON_WOERTER, HAUSHALT, SUMMEN_WORTANFAENGE, SUMMENZEILEN
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zahlenspalte import TAUSEND_ZEICHEN, Zahlenspalte, entscheide
from ipdaten.arbeitsmappe.zellwerte import feld_erlaubt, feld_nummer, jahr, pflichttext, weitere_werte
from ipdaten.format import euro

BETRAG_ERLAUBT = "Betrag in Euro ab 0, z. B. 60000 oder „60.000 €“"
IST_ERLAUBT = "verausgabter Betrag in Euro ab 0, z. B. 42000 oder „42.000 €“; leer = noch nicht bekannt"
_TEXTSPALTEN = ("massnahme", "jahr", "handlungsfeld")


def _woerter(tabelle: Tabelle, zeile: list[Any]) -> list[str]:
    return [w.strip(":.") for f in _TEXTSPALTEN for w in falte(tabelle.wert(zeile, f)).split()]


def ist_summenzeile(tabelle: Tabelle, zeile: list[Any]) -> bool:
    """Whether a row is labelled as a total (Summe, Gesamt, Ergebnis …) in a text column."""
    for feld in _TEXTSPALTEN:
        wert = falte(tabelle.wert(zeile, feld)).rstrip(":")
        if wert and (wert in SUMMENZEILEN or wert.split(" ")[0].rstrip(":") in SUMMENZEILEN):
            return True
    return False


def ist_davon_zeile(tabelle: Tabelle, zeile: list[Any]) -> bool:
    """Whether a row is a part of the line above ("davon Personalkosten …")."""
    text = falte(tabelle.wert(zeile, "massnahme")).lstrip("-–— ")
    return any(text == w or text.startswith((w + " ", w + ":")) for w in DAVON_WOERTER)


class HaushaltsLeser:
    """Reads the budget lines; totals and sub-rows are left out with a warning."""

    def __init__(
        self,
        tabelle: Tabelle,
        felder: pd.DataFrame | None,
        faktor: float = 1.0,
        formeln: Collection[int] = (),
        zahlen: Mapping[str, Zahlenspalte] | None = None,
    ):
        self.tabelle = tabelle
        self.felder = felder
        self.faktor = faktor
        self.zahlen = zahlen or {}  # how the columns Betrag and Ist write their numbers
        self.formeln = set(formeln)
        self.bekannte = set(felder["nr"]) if felder is not None else None
        self.seit_summe = 0.0
        self.zeilen_seit_summe = 0
        self.zwischensummen: list[float] = []
        self.summe_alle = 0.0
        self.davon: list[int] = []
        self.summenaehnlich: list[int] = []

    def _betrag_roh(self, zeile: list[Any]) -> float | None:
        betrag = self._zahl(self.tabelle.wert(zeile, "betrag"), "betrag")
        return None if betrag is None else betrag * self.faktor

    def _zahl(self, roh: object, feld: str) -> float | None:
        return zahl(roh, EURO_ZEICHEN + TAUSEND_ZEICHEN, self.zahlen.get(feld, Zahlenspalte()).dezimal)

    def _passt(self, betrag: float | None) -> str | None:
        """Which sum the amount equals: 'darueber', 'zwischensummen', 'alle' or None."""
        if betrag is None:
            return None
        if self.zeilen_seit_summe >= 2 and abs(betrag - self.seit_summe) <= 0.005:
            return "darueber"
        if len(self.zwischensummen) >= 2 and abs(betrag - sum(self.zwischensummen)) <= 0.005:
            return "zwischensummen"
        if self.zwischensummen and abs(betrag - self.summe_alle) <= 0.005:
            return "alle"
        return None

    def summenzeile(self, nummer: int, zeile: list[Any], passt: str | None) -> None:
        """Leave out a total row with a warning, naming a difference to the lines above."""
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = self._betrag_roh(zeile)
        code = "haushalt.summenzeile"
        if passt == "zwischensummen" or passt == "alle":
            code = "haushalt.gesamtsummenzeile"
            meldung = "Die Gesamtsummenzeile (Summe der Zwischensummen) wurde nicht als Maßnahme gezählt."
            self.zwischensummen = []
        else:
            meldung = "Die Summenzeile wurde nicht als Maßnahme gezählt."
            vergleich = self.seit_summe if self.zeilen_seit_summe else sum(self.zwischensummen)
            if betrag is not None and passt is None and abs(betrag - vergleich) > 0.005:
                code = "haushalt.summe_weicht_ab"
                meldung += (
                    f" Sie weicht von der Summe der Maßnahmen darüber ab: dort {euro(vergleich, 2)}, "
                    f"in der Summenzeile {euro(betrag, 2)}."
                )
            if self.zeilen_seit_summe:
                self.zwischensummen.append(self.seit_summe)
        self.tabelle.warnung(code, nummer, "betrag", meldung, wert_text(roh))
        self.seit_summe = 0.0
        self.zeilen_seit_summe = 0

    def betrag(self, nummer: int, zeile: list[Any]) -> float | None:
        """The amount in euro from 0; None after recording why not."""
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = self._betrag_roh(zeile)
        if betrag is not None and betrag >= 0:
            return betrag
        if ist_leer(roh):
            code, meldung = "haushalt.betrag_fehlt", "Der Betrag fehlt."
        elif betrag is None:
            code, meldung = "haushalt.betrag_keine_zahl", "Der Betrag ist keine Zahl."
        else:
            code, meldung = "haushalt.betrag_negativ", "Der Betrag ist negativ."
        self.tabelle.fehler(code, nummer, "betrag", meldung, roh, BETRAG_ERLAUBT)
        return None

    def feld(self, nummer: int, zeile: list[Any]) -> tuple[bool, int | None]:
        """(valid, field Nr or None for an unassigned line)."""
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        if ist_leer(roh):
            return True, None
        feld = feld_nummer(roh, self.felder)
        if feld is None or (self.bekannte is not None and feld not in self.bekannte):
            self.tabelle.fehler(
                "haushalt.feld_unbekannt",
                nummer,
                "handlungsfeld",
                "Das Handlungsfeld ist im Blatt „Handlungsfelder“ nicht definiert.",
                roh,
                feld_erlaubt(self.felder) + " oder leer",
            )
            return False, None
        return True, feld

    def sieht_aus_wie_summe(self, nummer: int, zeile: list[Any]) -> bool:
        """A row that is a total by its form: no label, a total word, a SUM formula, or no year."""
        if nummer - 1 in self.formeln:
            return True
        if any(w.startswith(SUMMEN_WORTANFAENGE) for w in _woerter(self.tabelle, zeile)):
            return True
        return ist_leer(self.tabelle.wert(zeile, "massnahme")) or ist_leer(self.tabelle.wert(zeile, "jahr"))

    def zeile(self, nummer: int, zeile: list[Any]) -> dict[str, Any] | None:
        """The record of one budget line, or None for a total, a sub-row or an unusable line."""
        passt = self._passt(self._betrag_roh(zeile))
        if ist_summenzeile(self.tabelle, zeile) or (passt and self.sieht_aus_wie_summe(nummer, zeile)):
            self.summenzeile(nummer, zeile, passt)
            return None
        if ist_davon_zeile(self.tabelle, zeile):
            self.davon.append(nummer)
            return None
        if passt:
            self.summenaehnlich.append(nummer)
        massnahme = pflichttext(
            "haushalt.massnahme_fehlt",
            self.tabelle,
            nummer,
            zeile,
            "massnahme",
            "Die Maßnahme hat keine Bezeichnung.",
            "Bezeichnung der Maßnahme",
        )
        betrag = self.betrag(nummer, zeile)
        wert_jahr = jahr(
            "haushalt.jahr_ungueltig",
            self.tabelle,
            nummer,
            zeile,
            "Das Haushaltsjahr ist keine gültige Jahreszahl.",
            2017,
        )
        gueltig, feld = self.feld(nummer, zeile)
        ist_gueltig, ist = self.ist(nummer, zeile)
        gelesen = ("massnahme", "betrag", "jahr", "handlungsfeld", "ist")
        weitere = weitere_werte(self.tabelle, nummer, zeile, HAUSHALT, gelesen)
        if (
            massnahme is None
            or betrag is None
            or wert_jahr is None
            or not gueltig
            or not ist_gueltig
            or weitere is None
        ):
            return None
        self.seit_summe += betrag
        self.summe_alle += betrag
        self.zeilen_seit_summe += 1
        werte = {"massnahme": massnahme, "betrag": float(betrag), "jahr": wert_jahr, "handlungsfeld": feld, "ist": ist}
        return {**werte, **weitere, "zeile": nummer}

    def ist(self, nummer: int, zeile: list[Any]) -> tuple[bool, float]:
        """(valid, spent amount) of the optional column Ist, in the unit of the Betrag (T€ scaled
        like it); empty = NaN (not known yet)."""
        roh = self.tabelle.wert(zeile, "ist")
        if ist_leer(roh):
            return True, float("nan")
        betrag = self._zahl(roh, "ist")
        if betrag is not None and betrag >= 0:
            return True, float(betrag) * self.faktor
        if betrag is None:
            code, meldung = "haushalt.ist_keine_zahl", "Das Ist ist keine Zahl."
        else:
            code, meldung = "haushalt.ist_negativ", "Das Ist ist negativ."
        self.tabelle.fehler(code, nummer, "ist", meldung, roh, IST_ERLAUBT)
        return False, float("nan")

    def melde_sammlungen(self) -> None:
        """One warning each for the sub-rows left out and for measures that look like a total."""
        if self.davon:
            self.tabelle.befunde.warnung(
                "haushalt.davon_zeilen",
                f"{len(self.davon)} „davon“-Zeile(n) wurden nicht als Maßnahme gezählt ({zeilen_wort(self.davon)}); "
                "ihr Betrag ist Teil der Maßnahme darüber.",
                blatt=self.tabelle.blatt,
                zeile=self.davon[0],
                spalte=self.tabelle.titel.get("massnahme", "Maßnahme"),
                zeilen=tuple(self.davon),
            )
        if self.summenaehnlich:
            self.tabelle.befunde.warnung(
                "haushalt.summenaehnlich",
                "Der Betrag gleicht der Summe der Zeilen darüber, die Zeile sieht aber wie eine Maßnahme aus; "
                "sie wurde als Maßnahme gezählt. Ist sie eine Summe, bitte „Summe“ davorschreiben "
                f"({zeilen_wort(self.summenaehnlich)}).",
                blatt=self.tabelle.blatt,
                zeile=self.summenaehnlich[0],
                spalte=self.tabelle.titel.get("betrag", "Betrag"),
                zeilen=tuple(self.summenaehnlich),
            )


def _tausend_im_kopf(tabelle: Tabelle) -> str | None:
    """The header of the amount or a title above the table that says T€ / Tsd. €, if any."""
    quellen = [tabelle.titel.get("betrag", ""), *(z for zeile in tabelle.ueber_kopf for z in zeile)]
    return next((q for q in quellen if isinstance(q, str) and tausender_einheit(q)), None)


def _faktor(tabelle: Tabelle, zahlen: Mapping[str, Zahlenspalte]) -> float:
    """1000 when the header of the amount, a title above the table or every amount cell says
    T€ / Tsd. €, else 1."""
    treffer = _tausend_im_kopf(tabelle)
    if treffer is None and zahlen.get("betrag", Zahlenspalte()).tausend:
        treffer = "T€ in jeder Zelle"
    if treffer is None:
        return 1.0
    tabelle.befunde.warnung(
        "haushalt.tausend_euro",
        f"Die Beträge stehen in Tausend Euro („{treffer}“); sie wurden mit 1.000 multipliziert (z. B. 60 → 60.000 €).",
        blatt=tabelle.blatt,
        zeile=tabelle.kopfzeile,
        spalte=tabelle.titel.get("betrag", "Betrag"),
    )
    return 1000.0


def lies_haushalt(blatt: RohBlatt | None, felder: pd.DataFrame | None, befunde: Befundliste) -> pd.DataFrame:
    """The budget lines; an empty frame when the sheet is missing."""
    if blatt is not None:
        blatt = jahre_als_spalten(blatt, HAUSHALT, "Betrag", befunde)
    tabelle = finde_tabelle(blatt, HAUSHALT, befunde) if blatt is not None else None
    if blatt is None or tabelle is None:
        return leerer_rahmen("haushalt")
    zahlen: dict[str, Zahlenspalte] = {
        feld: entscheide(
            [(n, tabelle.wert(z, feld)) for n, z in tabelle.zeilen],
            tabelle.titel.get(feld, feld),
            tabelle.blatt,
            befunde,
            EURO_ZEICHEN,
            _tausend_im_kopf(tabelle) is not None,
        )
        for feld in ("betrag", "ist")
        if feld in tabelle.spalten
    }
    leser = HaushaltsLeser(tabelle, felder, _faktor(tabelle, zahlen), summenformel_zeilen(blatt.xml), zahlen)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    leser.melde_sammlungen()
    return rahmen("haushalt", datensaetze)

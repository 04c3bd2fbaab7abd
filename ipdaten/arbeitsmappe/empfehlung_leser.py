"""Reading the rows of the sheet Empfehlungen (`EmpfehlungsLeser`): each row's field, Nr, status,
Bezug Geflüchtete and Termin, and the findings that summarise many rows."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

import pandas as pd

from ipdaten.arbeitsmappe.befunde import wert_text, zeilen_wort, zeilenbereiche, zeilenliste
from ipdaten.arbeitsmappe.statuswort import STATUS_ERLAUBT, STATUS_GEFALTET, status_grund, status_schluessel
from ipdaten.arbeitsmappe.tabellen import Tabelle
from ipdaten.arbeitsmappe.texte import als_datum, bereinige, ist_leer, ungefaehres_datum
from ipdaten.arbeitsmappe.vertrag import BEZUG_WERTE, EMPFEHLUNGEN, STATUS_REIHENFOLGE
from ipdaten.arbeitsmappe.zellwerte import (
    feld_erlaubt,
    feld_nummer,
    pflichttext,
    positive_nr,
    summenzeile_ohne_nr,
    text,
    weitere_werte,
)

# The text columns of a recommendation in which a total row carries its label.
TEXTFELDER = ("handlungsfeld", "empfehlung", "ziel")
TERMIN_ERLAUBT = "Datum (30.6.2018 oder 2018-06-30), Monat (2018-06) oder Jahr (2018); leer = kein Termin"


class EmpfehlungsLeser:
    """Reads the rows of the sheet Empfehlungen, collecting mapped spellings and unknown fields."""

    def __init__(self, tabelle: Tabelle, felder: pd.DataFrame | None, status_woerter: dict[str, str] | None = None):
        self.tabelle = tabelle
        self.felder = felder
        self.status_woerter = status_woerter or {}  # the user's mapping decides before the synonyms
        self.bekannte = set(felder["nr"]) if felder is not None else None
        self.abbildungen: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.unbekannte_felder: dict[int, list[int]] = defaultdict(list)
        self.unbekannte_status: dict[str, list[int]] = defaultdict(list)
        self.gesehen: dict[tuple[int, int], tuple[int, str]] = {}
        self.nr_mit_feld: list[int] = []
        self.hat_bezug = "bezug_gefluechtete" in tabelle.spalten

    def feld(self, nummer: int, zeile: list[Any]) -> int | None:
        """The row's Handlungsfeld Nr; None after recording why not."""
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        feld = feld_nummer(roh, self.felder)
        if feld is None and ist_leer(roh):
            self.tabelle.fehler(
                "empfehlung.feld_leer",
                nummer,
                "handlungsfeld",
                f"Spalte „{self.tabelle.titel.get('handlungsfeld', 'Handlungsfeld')}“ leer: bitte ausfüllen oder "
                "die Zellen verbinden.",
                roh,
                feld_erlaubt(self.felder),
            )
        elif feld is None:
            self.tabelle.fehler(
                "empfehlung.feld_keine_nr",
                nummer,
                "handlungsfeld",
                "Das Handlungsfeld ist keine Nr.",
                roh,
                feld_erlaubt(self.felder),
            )
        elif self.bekannte is not None and feld not in self.bekannte:
            self.unbekannte_felder[feld].append(nummer)
            return None
        return feld

    def nr(self, nummer: int, zeile: list[Any], feld: int | None) -> int | None:
        """The row's Nr, unique within its field; None after recording why not.

        "1.3" as text in field 1 is read as Nr 3 (Handlungsfeld.Nr), with a warning.
        """
        roh = self.tabelle.wert(zeile, "nr")
        teile = re.fullmatch(r"(\d+)\.(\d+)", bereinige(roh)) if isinstance(roh, str) else None
        if teile and feld is not None and int(teile.group(1)) == feld and int(teile.group(2)) >= 1:
            nr: int | None = int(teile.group(2))
            self.nr_mit_feld.append(nummer)
        else:
            nr = positive_nr(
                "empfehlung.nr_ungueltig",
                self.tabelle,
                nummer,
                zeile,
                "Die Nr der Empfehlung ist keine positive ganze Zahl.",
                "ganze Zahl ab 1, eindeutig im Handlungsfeld",
            )
        if nr is None or feld is None:
            return nr
        ziel = text(self.tabelle, zeile, "ziel")
        if (feld, nr) in self.gesehen:
            frueher, frueheres_ziel = self.gesehen[(feld, nr)]
            if frueheres_ziel != ziel:
                self.tabelle.fehler(
                    "empfehlung.nr_je_ziel",
                    nummer,
                    "nr",
                    "Die Nr beginnt je Ziel neu. Empfehlungen werden je Handlungsfeld gezählt und zwischen Ständen "
                    "über Handlungsfeld und Nr verglichen: bitte je Handlungsfeld fortlaufend nummerieren.",
                    f"Nr {nr} unter „{ziel}“, schon in Zeile {frueher} unter „{frueheres_ziel}“",
                    "jede Nr nur einmal je Handlungsfeld",
                )
                return None
            self.tabelle.fehler(
                "empfehlung.nr_doppelt",
                nummer,
                "nr",
                f"Die Nr {nr} ist im Handlungsfeld {feld} doppelt vergeben (schon in Zeile {frueher}).",
                nr,
                "jede Nr nur einmal je Handlungsfeld",
            )
            return None
        self.gesehen[(feld, nr)] = (nummer, ziel)
        return nr

    def status(self, nummer: int, zeile: list[Any]) -> str | None:
        """The row's canonical status; None after recording an unknown word."""
        roh = self.tabelle.wert(zeile, "status")
        wert = bereinige(roh)
        if wert in STATUS_REIHENFOLGE:
            return wert
        kanonisch = self.status_woerter.get(status_schluessel(wert)) or STATUS_GEFALTET.get(status_schluessel(wert))
        if kanonisch is None:
            self.unbekannte_status[wert_text(roh)].append(nummer)
            return None
        self.abbildungen[(wert_text(roh), kanonisch)].append(nummer)
        return kanonisch

    def bezug(self, nummer: int, zeile: list[Any]) -> tuple[bool, bool | None]:
        """(valid, value) of the column Bezug Geflüchtete."""
        if not self.hat_bezug:
            return True, None
        roh = self.tabelle.wert(zeile, "bezug_gefluechtete")
        schluessel = bereinige(roh).casefold()
        if schluessel not in BEZUG_WERTE:
            self.tabelle.fehler(
                "empfehlung.bezug_unbekannt",
                nummer,
                "bezug_gefluechtete",
                "Unbekannter Wert für „Bezug Geflüchtete“.",
                roh,
                "„ja“, „nein“ oder leer",
            )
            return False, None
        return True, BEZUG_WERTE[schluessel]

    def zeile(self, nummer: int, zeile: list[Any]) -> dict[str, Any] | None:
        """The record of one row, or None when any required value is unusable or it is a total row."""
        if summenzeile_ohne_nr(self.tabelle, nummer, zeile, TEXTFELDER, "Empfehlung"):
            return None
        feld = self.feld(nummer, zeile)
        werte: dict[str, object] = {
            "handlungsfeld": feld,
            "nr": self.nr(nummer, zeile, feld),
            "empfehlung": pflichttext(
                "empfehlung.text_fehlt",
                self.tabelle,
                nummer,
                zeile,
                "empfehlung",
                "Die Empfehlung hat keinen Text.",
                "der Wortlaut der Empfehlung",
            ),
            "status": self.status(nummer, zeile),
        }
        gueltig, werte["bezug_gefluechtete"] = self.bezug(nummer, zeile)
        termin_gueltig, werte["termin"], werte["termin_genauigkeit"] = self.termin(nummer, zeile)
        weitere = weitere_werte(self.tabelle, nummer, zeile, EMPFEHLUNGEN, {*werte, "gemeldet_am"})
        if (
            weitere is None
            or not (gueltig and termin_gueltig)
            or None in (werte["handlungsfeld"], werte["nr"], werte["empfehlung"], werte["status"])
        ):
            return None
        werte["gemeldet_am"] = self.gemeldet_am(nummer, zeile)
        return {**werte, **weitere, "zeile": nummer}

    def gemeldet_am(self, nummer: int, zeile: list[Any]) -> dt.date | None:
        """The optional column Gemeldet am (written by the Rückmelderunde); unreadable = a warning."""
        roh = self.tabelle.wert(zeile, "gemeldet_am")
        if ist_leer(roh):
            return None
        datum = als_datum(roh)
        if datum is None:
            self.tabelle.warnung(
                "empfehlung.gemeldet_am_unlesbar",
                nummer,
                "gemeldet_am",
                "Das Datum der letzten Rückmeldung ist nicht lesbar und wird übergangen.",
                wert_text(roh),
            )
        return datum

    def termin(self, nummer: int, zeile: list[Any]) -> tuple[bool, dt.date | None, str]:
        """(valid, date, precision) of the optional column Termin; empty = no Termin."""
        roh = self.tabelle.wert(zeile, "termin")
        if ist_leer(roh):
            return True, None, ""
        datum = ungefaehres_datum(roh)
        if datum is None:
            self.tabelle.fehler(
                "empfehlung.termin_unlesbar", nummer, "termin", "Der Termin ist nicht lesbar.", roh, TERMIN_ERLAUBT
            )
            return False, None, ""
        return True, datum[0], datum[1]

    def melde_sammlungen(self) -> None:
        """Findings that summarise many rows: undefined fields and unknown statuses (errors), mapped statuses (warning)."""
        if self.unbekannte_status:
            woerter = list(self.unbekannte_status.items())
            alle = sorted(n for _, nummern in woerter for n in nummern)
            self.tabelle.befunde.fehler(
                "status.unbekannt",
                "Status nicht erkannt: "
                + "; ".join(
                    f"„{wort}“ in {'Zeilen' if len(nummern) > 1 else 'Zeile'} {zeilenbereiche(nummern)} – "
                    f"{status_grund(wort)}"
                    for wort, nummern in woerter
                )
                + ". Bitte einen der erlaubten Status eintragen oder die Wörter beim Hochladen zuordnen.",
                blatt=self.tabelle.blatt,
                zeile=alle[0],
                spalte=self.tabelle.titel.get("status", "Status"),
                wert=", ".join(f"„{wort}“" for wort, _ in woerter),
                erlaubt=STATUS_ERLAUBT,
                zeilen=tuple(alle),
            )
        for feld, nummern in self.unbekannte_felder.items():
            self.tabelle.fehler(
                "empfehlung.feld_unbekannt",
                nummern[0],
                "handlungsfeld",
                f"Das Handlungsfeld {feld} ist im Blatt „Handlungsfelder“ nicht definiert "
                f"({len(nummern)} Empfehlung(en), Zeilen {zeilenliste(nummern)}).",
                feld,
                feld_erlaubt(self.felder),
            )
        if self.nr_mit_feld:
            self.tabelle.warnung(
                "empfehlung.nr_mit_feld",
                self.nr_mit_feld[0],
                "nr",
                f"Nr in der Form „Handlungsfeld.Nr“ (z. B. „1.3“) als laufende Nr im Handlungsfeld gelesen "
                f"({zeilen_wort(self.nr_mit_feld)}).",
            )
        for (roh, kanonisch), nummern in self.abbildungen.items():
            self.tabelle.warnung(
                "status.synonym",
                nummern[0],
                "status",
                f"Status „{roh}“ wurde als „{kanonisch}“ gelesen ({len(nummern)}×, "
                f"{'Zeilen' if len(nummern) > 1 else 'Zeile'} {zeilenbereiche(nummern)}).",
                roh,
            )

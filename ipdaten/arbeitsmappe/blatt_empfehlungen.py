"""The sheet Empfehlungen: one recommendation per row, with its field, Nr and status."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text, zeilen_wort, zeilenbereiche, zeilenliste
from ipdaten.arbeitsmappe.datenrahmen import STATUS_TYP, rahmen
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer, ungefaehres_datum
from ipdaten.arbeitsmappe.umformen import status_aus_ankreuzspalten
from ipdaten.arbeitsmappe.vertrag import (
    BEZUG_WERTE,
    EMPFEHLUNGEN,
    MAX_EMPFEHLUNGEN,
    PROZENT_STATUS_GRUND,
    STATUS_MEHRDEUTIG,
    STATUS_REIHENFOLGE,
    STATUS_VARIANTEN,
)
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zellwerte import (
    feld_erlaubt,
    feld_nummer,
    pflichttext,
    positive_nr,
    summenzeile_ohne_nr,
    text,
)
from ipdaten.format import zahl as tausender

TERMIN_ERLAUBT = "Datum (30.6.2018 oder 2018-06-30), Monat (2018-06) oder Jahr (2018); leer = kein Termin"
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
    aehnlich = difflib.get_close_matches(schluessel, [w for w in _STATUS_GEFALTET if w], n=1, cutoff=0.8)
    if aehnlich:
        return f"vermutlich „{_STATUS_GEFALTET[aehnlich[0]]}“ gemeint"
    return "unbekannt"


# Table and cell folded by the one rule (falte): "angestoßen", "Angestossen" and "angestossen" meet.
_STATUS_GEFALTET = {falte(variante): status for variante, status in STATUS_VARIANTEN.items()}


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

    def feld(self, nummer: int, zeile: list) -> int | None:
        """The row's Handlungsfeld Nr; None after recording why not."""
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        feld = feld_nummer(roh, self.felder)
        if feld is None and ist_leer(roh):
            self.tabelle.fehler(
                nummer,
                "handlungsfeld",
                f"Spalte „{self.tabelle.titel.get('handlungsfeld', 'Handlungsfeld')}“ leer: bitte ausfüllen oder "
                "die Zellen verbinden.",
                roh,
                feld_erlaubt(self.felder),
            )
        elif feld is None:
            self.tabelle.fehler(
                nummer, "handlungsfeld", "Das Handlungsfeld ist keine Nr.", roh, feld_erlaubt(self.felder)
            )
        elif self.bekannte is not None and feld not in self.bekannte:
            self.unbekannte_felder[feld].append(nummer)
            return None
        return feld

    def nr(self, nummer: int, zeile: list, feld: int | None) -> int | None:
        """The row's Nr, unique within its field; None after recording why not.

        "1.3" as text in field 1 is read as Nr 3 (Handlungsfeld.Nr), with a warning.
        """
        roh = self.tabelle.wert(zeile, "nr")
        teile = re.fullmatch(r"(\d+)\.(\d+)", bereinige(roh)) if isinstance(roh, str) else None
        if teile and feld is not None and int(teile.group(1)) == feld and int(teile.group(2)) >= 1:
            nr = int(teile.group(2))
            self.nr_mit_feld.append(nummer)
        else:
            nr = positive_nr(
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
                    nummer,
                    "nr",
                    "Die Nr beginnt je Ziel neu. Empfehlungen werden je Handlungsfeld gezählt und zwischen Ständen "
                    "über Handlungsfeld und Nr verglichen: bitte je Handlungsfeld fortlaufend nummerieren.",
                    f"Nr {nr} unter „{ziel}“, schon in Zeile {frueher} unter „{frueheres_ziel}“",
                    "jede Nr nur einmal je Handlungsfeld",
                )
                return None
            self.tabelle.fehler(
                nummer,
                "nr",
                f"Die Nr {nr} ist im Handlungsfeld {feld} doppelt vergeben (schon in Zeile {frueher}).",
                nr,
                "jede Nr nur einmal je Handlungsfeld",
            )
            return None
        self.gesehen[(feld, nr)] = (nummer, ziel)
        return nr

    def status(self, nummer: int, zeile: list) -> str | None:
        """The row's canonical status; None after recording an unknown word."""
        roh = self.tabelle.wert(zeile, "status")
        wert = bereinige(roh)
        if wert in STATUS_REIHENFOLGE:
            return wert
        kanonisch = self.status_woerter.get(falte(wert)) or _STATUS_GEFALTET.get(falte(wert))
        if kanonisch is None:
            self.unbekannte_status[wert_text(roh)].append(nummer)
            return None
        self.abbildungen[(wert_text(roh), kanonisch)].append(nummer)
        return kanonisch

    def bezug(self, nummer: int, zeile: list) -> tuple[bool, bool | None]:
        """(valid, value) of the column Bezug Geflüchtete."""
        if not self.hat_bezug:
            return True, None
        roh = self.tabelle.wert(zeile, "bezug_gefluechtete")
        schluessel = bereinige(roh).casefold()
        if schluessel not in BEZUG_WERTE:
            self.tabelle.fehler(
                nummer, "bezug_gefluechtete", "Unbekannter Wert für „Bezug Geflüchtete“.", roh, "„ja“, „nein“ oder leer"
            )
            return False, None
        return True, BEZUG_WERTE[schluessel]

    def zeile(self, nummer: int, zeile: list) -> dict | None:
        """The record of one row, or None when any required value is unusable or it is a total row."""
        if summenzeile_ohne_nr(self.tabelle, nummer, zeile, ("handlungsfeld", "empfehlung", "ziel"), "Empfehlung"):
            return None
        feld = self.feld(nummer, zeile)
        werte = {
            "handlungsfeld": feld,
            "nr": self.nr(nummer, zeile, feld),
            "empfehlung": pflichttext(
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
        if not (gueltig and termin_gueltig) or None in (
            werte["handlungsfeld"],
            werte["nr"],
            werte["empfehlung"],
            werte["status"],
        ):
            return None
        for feld_name in ("ziel", "bemerkung", "quelle", "zustaendig", "beteiligte", "arbeitsgruppe"):
            werte[feld_name] = text(self.tabelle, zeile, feld_name)
        return {**werte, "zeile": nummer}

    def termin(self, nummer: int, zeile: list) -> tuple[bool, dt.date | None, str]:
        """(valid, date, precision) of the optional column Termin; empty = no Termin."""
        roh = self.tabelle.wert(zeile, "termin")
        if ist_leer(roh):
            return True, None, ""
        datum = ungefaehres_datum(roh)
        if datum is None:
            self.tabelle.fehler(nummer, "termin", "Der Termin ist nicht lesbar.", roh, TERMIN_ERLAUBT)
            return False, None, ""
        return True, datum[0], datum[1]

    def melde_sammlungen(self) -> None:
        """Findings that summarise many rows: undefined fields and unknown statuses (errors), mapped statuses (warning)."""
        if self.unbekannte_status:
            woerter = list(self.unbekannte_status.items())
            alle = sorted(n for _, nummern in woerter for n in nummern)
            self.tabelle.befunde.fehler(
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
                nummern[0],
                "handlungsfeld",
                f"Das Handlungsfeld {feld} ist im Blatt „Handlungsfelder“ nicht definiert "
                f"({len(nummern)} Empfehlung(en), Zeilen {zeilenliste(nummern)}).",
                feld,
                feld_erlaubt(self.felder),
            )
        if self.nr_mit_feld:
            self.tabelle.warnung(
                self.nr_mit_feld[0],
                "nr",
                f"Nr in der Form „Handlungsfeld.Nr“ (z. B. „1.3“) als laufende Nr im Handlungsfeld gelesen "
                f"({zeilen_wort(self.nr_mit_feld)}).",
            )
        for (roh, kanonisch), nummern in self.abbildungen.items():
            self.tabelle.warnung(
                nummern[0],
                "status",
                f"Status „{roh}“ wurde als „{kanonisch}“ gelesen ({len(nummern)}×, "
                f"{'Zeilen' if len(nummern) > 1 else 'Zeile'} {zeilenbereiche(nummern)}).",
                roh,
            )


def lies_empfehlungen(
    blatt: RohBlatt | None,
    felder: pd.DataFrame | None,
    befunde: Befundliste,
    status_woerter: dict[str, str] | None = None,
    feldblaetter: list[tuple[int, RohBlatt]] = (),
) -> tuple[pd.DataFrame | None, bool]:
    """The recommendations and whether the column Bezug Geflüchtete exists.

    `status_woerter` (folded word → status) is the user's mapping of her own status words.
    Without a sheet Empfehlungen, `feldblaetter` (one sheet per Handlungsfeld, "HF 1 …") are read
    together, the field taken from each sheet's name.
    """
    if blatt is not None or not feldblaetter:
        return _lies_blatt(blatt, felder, befunde, status_woerter)
    befunde.warnung(
        "Die Empfehlungen stehen je Handlungsfeld in eigenen Blättern ("
        + ", ".join(f"„{b.name}“" for _, b in feldblaetter)
        + "); sie wurden zusammen gelesen, das Handlungsfeld aus dem Blattnamen.",
        blatt=EMPFEHLUNGEN.name,
    )
    teile = [_lies_blatt(b, felder, befunde, status_woerter, {"handlungsfeld": nr}) for nr, b in feldblaetter]
    if any(frame is None for frame, _ in teile):
        return None, False
    frame = pd.concat([f for f, _ in teile], ignore_index=True)
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame, any(bezug for _, bezug in teile)


def _lies_blatt(
    blatt: RohBlatt | None,
    felder: pd.DataFrame | None,
    befunde: Befundliste,
    status_woerter: dict[str, str] | None = None,
    vorgegeben: dict[str, object] | None = None,
) -> tuple[pd.DataFrame | None, bool]:
    """The recommendations of one sheet and whether it has the column Bezug Geflüchtete."""
    if blatt is not None:
        blatt = status_aus_ankreuzspalten(blatt, EMPFEHLUNGEN, {**_STATUS_GEFALTET, **(status_woerter or {})}, befunde)
    tabelle = finde_tabelle(blatt, EMPFEHLUNGEN, befunde, vorgegeben) if blatt is not None else None
    if tabelle is None:
        return None, False
    if len(tabelle.zeilen) > MAX_EMPFEHLUNGEN:
        befunde.fehler(
            f"Das Blatt enthält {tausender(len(tabelle.zeilen))} Empfehlungen; verarbeitet werden höchstens "
            f"{tausender(MAX_EMPFEHLUNGEN)}. Bitte prüfen, ob versehentlich Zeilen kopiert wurden.",
            blatt=blatt.name,
            wert=f"{tausender(len(tabelle.zeilen))} Zeilen",
            erlaubt=f"höchstens {tausender(MAX_EMPFEHLUNGEN)} Empfehlungen",
        )
        return None, False
    if not tabelle.zeilen:
        befunde.fehler(
            "Das Blatt enthält keine einzige Empfehlung.",
            blatt=blatt.name,
            erlaubt="mindestens eine Empfehlung unter der Kopfzeile",
        )
        return None, False
    if _status_ueberall_leer(tabelle):
        return None, False
    _gliederung(tabelle, felder)
    leser = EmpfehlungsLeser(tabelle, felder, status_woerter)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    leser.melde_sammlungen()
    frame = rahmen("empfehlungen", datensaetze)
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame, leser.hat_bezug


def _status_ueberall_leer(tabelle: Tabelle) -> bool:
    """Refuse a status column without a single entry: read as "ohne Angabe" it would be a wrong figure.

    Offices often keep the status only as a cell colour, which is not read.
    """
    if any(_nicht_leer(tabelle.wert(zeile, "status")) for _, zeile in tabelle.zeilen):
        return False
    tabelle.befunde.fehler(
        f"Die Spalte „{tabelle.titel.get('status', 'Status')}“ ist in allen {len(tabelle.zeilen)} Zeilen leer. "
        "Zellfarben werden nicht gelesen: steht der Status nur als Farbe in der Tabelle, bitte ihn als Wort "
        "eintragen (z. B. „umgesetzt“, „in Arbeit“).",
        blatt=tabelle.blatt,
        zeile=tabelle.zeilen[0][0],
        spalte=tabelle.titel.get("status", "Status"),
        erlaubt=STATUS_ERLAUBT,
        zeilen=tuple(n for n, _ in tabelle.zeilen),
    )
    return True


def _nicht_leer(wert: object) -> bool:
    """Whether a cell holds anything."""
    return bereinige(wert) != ""


_ZIEL = re.compile(r"^(?:teil)?ziel\b", re.I)


def _gliederung(tabelle: Tabelle, felder: pd.DataFrame | None) -> None:
    """Read the structure offices give a list, in place, with one warning per kind.

    - A heading row inside the table (one text, no Nr, no status): "Ziel 1.1: …" sets the Ziel,
      a field ("HF 2 Wohnen", its name or Leitsatz) sets the Handlungsfeld of the rows below.
    - A grouping cell (Handlungsfeld, Ziel) left blank below its first row takes the value above,
      like a merged cell – unless the column uses merged cells: then a blank is meant as blank.
    """
    bekannte = set(felder["nr"]) if felder is not None else None
    aktuell = {"handlungsfeld": None, "ziel": None}
    ueberschriften: list[int] = []
    aufgefuellt: dict[str, list[int]] = {"handlungsfeld": [], "ziel": []}
    behalten = []
    for nummer, zeile in tabelle.zeilen:
        werte = {bereinige(zeile[i]) for i in tabelle.spalten.values() if i < len(zeile)} - {""}
        ohne_nr = ist_leer(tabelle.wert(zeile, "nr")) and ist_leer(tabelle.wert(zeile, "status"))
        if ohne_nr and len(werte) == 1:
            text_ = next(iter(werte))
            feld = feld_nummer(text_, felder)
            if _ZIEL.match(text_):
                aktuell["ziel"] = text_
                ueberschriften.append(nummer)
                continue
            if feld is not None and (bekannte is None or feld in bekannte):
                aktuell["handlungsfeld"], aktuell["ziel"] = feld, None
                ueberschriften.append(nummer)
                continue
        zeile = list(zeile)
        for name in ("handlungsfeld", "ziel"):
            index = tabelle.spalten.get(name)
            if index is None or index in tabelle.verbundene_spalten:
                continue
            while len(zeile) <= index:
                zeile.append("")
            if ist_leer(zeile[index]) and aktuell[name] is not None:
                zeile[index] = aktuell[name]
                aufgefuellt[name].append(nummer)
            elif not ist_leer(zeile[index]):
                aktuell[name] = zeile[index]
        behalten.append((nummer, zeile))
    tabelle.zeilen[:] = behalten
    if ueberschriften:
        tabelle.befunde.warnung(
            f"{len(ueberschriften)} Zwischenüberschrift(en) in der Tabelle ({zeilen_wort(ueberschriften)}) "
            "wurden nicht als Empfehlung gezählt; ihr Handlungsfeld bzw. Ziel gilt für die Zeilen darunter.",
            blatt=tabelle.blatt,
            zeile=ueberschriften[0],
            zeilen=tuple(ueberschriften),
        )
    for name, nummern in aufgefuellt.items():
        if nummern:
            spalte = tabelle.titel.get(name, name)
            tabelle.befunde.warnung(
                f"Spalte „{spalte}“ leer in {zeilen_wort(nummern)}: "
                "der Wert darüber wurde übernommen (wie bei verbundenen Zellen).",
                blatt=tabelle.blatt,
                zeile=nummern[0],
                spalte=spalte,
                zeilen=tuple(nummern),
            )

"""The whole way from downloaded statistics files to a revised workbook, for the command line
and the Daten page: read the files, assign them, compute the quota, replace the sheet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ipdaten import format as fmt
from ipdaten.amtlich.mappe import Ueberarbeitung, ueberarbeite
from ipdaten.amtlich.quote import (
    TABELLE,
    VORJAHR,
    Ergebnis,
    berechne,
    rangfolge,
)
from ipdaten.amtlich.quote_auswahl import moegliche_definitionen, ordne_dateien, verfuegbare_jahre
from ipdaten.amtlich.statistikdatei import lies_statistik
from ipdaten.amtlich.statistikwerte import (
    AUSLAENDER,
    EINBUERGERUNGEN,
    StatistikDatei,
    StatistikUngueltig,
    befund_text,
)
from ipdaten.arbeitsmappe import AnlageUngueltig, Befund, Zuordnung, fehler, lade_anlage
from ipdaten.arbeitsmappe.befunde import EINBUERGERUNG as EINBUERGERUNG_URSACHE
from ipdaten.arbeitsmappe.plausibel import ursache

BEDIENUNG_JAHRE = "Jahre bitte als 2016, 2014-2016 oder 2014,2016 angeben."


def jahre_aus_text(text: str) -> list[int] | None:
    """'2016', '2014-2016', '2014,2016' → years; '' → [] (all available); None if unreadable."""
    jahre: list[int] = []
    for teil in (t.strip() for t in text.replace(";", ",").split(",")):
        if not teil:
            continue
        treffer = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", teil)
        if treffer and int(treffer.group(1)) <= int(treffer.group(2)):
            jahre.extend(range(int(treffer.group(1)), int(treffer.group(2)) + 1))
        elif re.fullmatch(r"\d{4}", teil):
            jahre.append(int(teil))
        else:
            return None
    return sorted(set(jahre))


def lies_dateien(dateien: Sequence[tuple[str, bytes | BinaryIO]]) -> tuple[list[StatistikDatei], list[Befund]]:
    """Every file read (bytes, or an open file read no further than the size bound), with the
    findings of those that cannot be used."""
    gelesen, befunde = [], []
    for name, daten in dateien:
        try:
            gelesen.append(lies_statistik(daten, name))
        except StatistikUngueltig as e:
            befunde.extend(e.befunde)
    return gelesen, befunde


def kein_gemeinsames_jahr(einbuergerung: StatistikDatei, bevoelkerung: StatistikDatei | None) -> Befund:
    """The finding when no naturalisation year has the population of the year before."""
    einb = ", ".join(str(j) for j in einbuergerung.jahre(EINBUERGERUNGEN)) or "keine"
    bev = ", ".join(f"31.12.{j}" for j in bevoelkerung.jahre(AUSLAENDER)) if bevoelkerung else "keine"
    return fehler(
        "statistik.kein_gemeinsames_jahr",
        f"Kein Jahr lässt sich berechnen: Einbürgerungen gibt es für {einb}, die ausländische Bevölkerung für "
        f"{bev}. Für die Quote eines Jahres wird die Bevölkerung am 31.12. des Vorjahres gebraucht.",
        erlaubt="die Bevölkerungstabelle mit dem Stichtag 31.12. des Jahres vor den Einbürgerungen",
    )


@dataclass
class Lauf:
    """The outcome: either the revised workbook with its figures, or the findings."""

    befundliste: list[Befund] = field(default_factory=list)
    ergebnis: Ergebnis | None = None
    ueberarbeitung: Ueberarbeitung | None = None

    @property
    def hinweise(self) -> list[Befund]:
        """The plausibility layer's warnings about the naturalisation figures of the revised
        workbook (it was read back, so every check ran on it)."""
        if self.ueberarbeitung is None:
            return []
        anlage = self.ueberarbeitung.anlage
        return [b for b in anlage.warnungen if ursache(b, anlage.lesebericht) == EINBUERGERUNG_URSACHE]

    @property
    def befunde(self) -> list[str]:
        """The findings as German lines."""
        return [befund_text(b) for b in self.befundliste]

    def bericht(self) -> list[str]:
        """What was computed, as German lines: definition, source, ranking per year."""
        if self.ergebnis is None:
            return []
        zeilen = [f"Definition: {self.ergebnis.definition_text}", f"Quelle: {self.ergebnis.quelle}"]
        dateien = [d for d in (self.ergebnis.einbuergerung, self.ergebnis.bevoelkerung) if d is not None]
        zeilen += [f"Gelesen: {h}" for d in dateien for h in d.hinweise]
        for jahr in sorted(set(self.ergebnis.zeilen["jahr"])):
            zeilen.append(f"Einbürgerungsquote {jahr}:")
            reihen: list[Any] = list(rangfolge(self.ergebnis, jahr).itertuples(index=False))
            for r in reihen:
                rang = f"{r.rang}." if r.rang is not None and str(r.rang) != "<NA>" else "–"
                zusatz = f" ({r.hinweis})" if r.hinweis else ""
                zeilen.append(f"  {rang} {r.gebiet} ({r.kreis}): {fmt.prozent(r.quote_prozent)}{zusatz}")
        return zeilen


def einbuergerung_aus_statistik(
    dateien: Sequence[tuple[str, bytes | BinaryIO]],
    mappe: bytes,
    kreise: list[str],
    jahre: list[int],
    definition: str | None = None,
    zuordnung: Zuordnung | None = None,
) -> Lauf:
    """From the files' bytes to the revised workbook; empty `jahre` = every year available;
    `definition` None = the table's own quota where it has one, else the own computation;
    `zuordnung` is the mapping the workbook is read with."""
    gelesen, befunde = lies_dateien(dateien)
    if befunde:
        return Lauf(befunde)
    try:
        einbuergerung, bevoelkerung = ordne_dateien(gelesen)
        moeglich = moegliche_definitionen(einbuergerung, bevoelkerung)
        if definition is None:
            definition = moeglich[0] if moeglich else (VORJAHR if EINBUERGERUNGEN in einbuergerung.arten else TABELLE)
        if not jahre and definition in moeglich:
            jahre = verfuegbare_jahre(einbuergerung, bevoelkerung, definition)
            if not jahre:
                return Lauf([kein_gemeinsames_jahr(einbuergerung, bevoelkerung)])
        try:
            vorhandene = tuple(lade_anlage(mappe, zuordnung=zuordnung).einbuergerung["gebiet"])
        except AnlageUngueltig:
            vorhandene = ()
        ergebnis = berechne(einbuergerung, bevoelkerung, kreise, jahre, definition, vorhandene)
        return Lauf([], ergebnis, ueberarbeite(mappe, ergebnis, zuordnung))
    except StatistikUngueltig as e:
        return Lauf(e.befunde)

"""Her own workbook with new values for some recommendations – only the changed cells written.

The cells are found the way the loader finds them (the same sheet search, mapping and header
recognition), so a value lands exactly where the loader will read it. Status, Bemerkung and
Termin go into their columns; `Gemeldet am` and `Gemeldet von` (optional columns of the
contract) and any other optional column the workbook lacks are added right of everything the
sheet uses. Only cells whose value really changes are written (`zellpatch`); the result is read
back and refused unless it reads exactly as intended and nothing else changed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import pandas as pd

from ipdaten.arbeitsmappe import Anlage, AnlageUngueltig, Befund, Zuordnung, bereinige, falte, fehler, lade_anlage
from ipdaten.arbeitsmappe.befunde import Befundliste, warnung
from ipdaten.arbeitsmappe.blattsuche import feldblaetter, finde_blaetter, ist_kandidat, spaltenname
from ipdaten.arbeitsmappe.modell import anders_gelesen, rahmen_gleich
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_spalten
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN, STATUS_REIHENFOLGE
from ipdaten.arbeitsmappe.xlsx_lesen import LesefehlerArbeitsmappe, RohBlatt, lies_mappe
from ipdaten.arbeitsmappe.xlsx_paket import bezuege_auf, blattteile, geaenderte_teile
from ipdaten.arbeitsmappe.zellpatch import PatchFehler, Wert, Zelle, patche_blatt
from ipdaten.arbeitsmappe.zuordnung_anwenden import wende_an, zu_lesende_blaetter
from ipdaten.fehler import IpdatenFehler
from ipdaten.rueckmeldung.meldung import Termin
from ipdaten.rueckmeldung.runde import Schluessel

# The fields a round (or a quick correction) may write, in the contract's column order.
FELDER = ("status", "bemerkung", "termin", "gemeldet_am", "gemeldet_von")
_TITEL = {s.feld: s.titel for s in EMPFEHLUNGEN.spalten}
_BREITE = {"bemerkung": 40.0, "termin": 12.0, "gemeldet_am": 13.0, "gemeldet_von": 24.0}
VERWORFEN = "Die fortgeschriebene Arbeitsmappe wurde verworfen"


class FortschreibungFehler(IpdatenFehler):
    """The workbook cannot be written as asked; `befunde` says why, in German."""

    def __init__(self, befunde: list[Befund]):
        self.befunde = befunde
        super().__init__("\n".join(b.als_text() for b in befunde))


@dataclass(frozen=True)
class Fortschreibung:
    """The revised workbook: its bytes, read back, and the cells written ('Empfehlungen!E12')."""

    daten: bytes = field(repr=False)
    anlage: Anlage = field(repr=False)
    zellen: tuple[str, ...]
    neue_spalten: tuple[str, ...] = ()  # titles of the columns added
    hinweise: tuple[Befund, ...] = ()  # formulas and pivot tables on the written sheet (now stale)


@dataclass
class _Ort:
    """Where one sheet's recommendations are: the table as the loader found it."""

    tabelle: Tabelle
    blatt: RohBlatt
    neue: dict[str, int] = field(default_factory=dict)  # columns added here, by field

    def spalte(self, feld: str) -> int:
        """The column of `feld`, a new one right of everything used when the sheet has none."""
        if feld in self.tabelle.spalten:
            return self.tabelle.spalten[feld]
        if feld not in self.neue:
            versteckt = ausgeblendete_spalten(self.blatt.xml)
            belegt = [i for z in self.blatt.zeilen for i, w in enumerate(z) if bereinige(w)]
            kandidat = max([*belegt, *self.neue.values(), *self.tabelle.spalten.values()]) + 1
            while kandidat in versteckt:
                kandidat += 1
            self.neue[feld] = kandidat
        return self.neue[feld]


def _orte(daten: bytes, zuordnung: Zuordnung | None) -> dict[int | None, _Ort]:
    """The table(s) of recommendations: {None: sheet} or, kept one sheet per field, {field: sheet}."""
    gemappt = zu_lesende_blaetter(zuordnung)
    try:
        mappe = wende_an(lies_mappe(daten, nur=lambda n: ist_kandidat(n) or falte(n) in gemappt), zuordnung)
    except LesefehlerArbeitsmappe as e:
        raise FortschreibungFehler(
            [fehler("fortschreibung.mappe_unlesbar", f"Die Arbeitsmappe kann nicht gelesen werden ({e}).")]
        ) from None
    befunde = Befundliste()
    blatt = finde_blaetter(mappe, befunde)[EMPFEHLUNGEN.name]
    quellen: list[tuple[int | None, RohBlatt, dict[str, object] | None]] = (
        [(None, blatt, None)]
        if blatt is not None
        else [(nr, b, {"handlungsfeld": nr}) for nr, b in feldblaetter(mappe)]
    )
    orte: dict[int | None, _Ort] = {}
    for feld, roh, vorgegeben in quellen:
        tabelle = finde_tabelle(roh, EMPFEHLUNGEN, befunde, vorgegeben)
        if tabelle is None or "status" not in tabelle.spalten:
            raise FortschreibungFehler(
                [
                    fehler(
                        "fortschreibung.keine_statusspalte",
                        "In dieser Arbeitsmappe steht der Status nicht in einer eigenen Spalte (z. B. in "
                        "Ankreuzspalten); sie kann deshalb nicht zellgenau fortgeschrieben werden. Bitte eine "
                        "Spalte „Status“ anlegen und die Arbeitsmappe erneut veröffentlichen.",
                        blatt=roh.name,
                    )
                ]
            )
        orte[feld] = _Ort(tabelle, roh)
    return orte


def zellwert(feld: str, wert: object) -> Wert:
    """A value as it is written into a cell: a Termin by its precision (date, '06/2018', 2018, 'Ende 2018')."""
    if isinstance(wert, Termin):
        if wert.genauigkeit == "monat":
            return f"{wert.datum.month:02d}/{wert.datum.year}"
        if wert.genauigkeit == "jahr":
            return wert.datum.year
        if wert.genauigkeit == "jahresende":
            return f"Ende {wert.datum.year}"
        return wert.datum
    if isinstance(wert, str) and not bereinige(wert):
        return None  # an emptied text: the cell is emptied (its style stays)
    return cast(Wert, wert)  # the other values of a report are text, numbers and dates


def ist_gleich(feld: str, alt: object, neu: object) -> bool:
    """Whether the workbook already holds `neu` for `feld` (then nothing changes and no cell is written)."""
    if feld == "termin":
        alt_termin = alt if isinstance(alt, Termin) else None
        return alt_termin == neu
    if isinstance(neu, dt.date) or neu is None:
        return alt == neu
    return bereinige(alt) == bereinige(neu)


def aktueller_wert(zeile: pd.Series, feld: str) -> object:
    """The value of `feld` in a recommendation's row of the frame (a Termin as `Termin`, None when empty)."""
    if feld == "termin":
        datum = zeile.get("termin")
        return Termin(datum, zeile.get("termin_genauigkeit") or "tag") if isinstance(datum, dt.date) else None
    wert = zeile.get(feld)
    return None if wert is None or (not isinstance(wert, str) and pd.isna(wert)) else wert


def _verbunden(ort: _Ort, zeile: int, spalte: int) -> tuple[int, int, int, int] | None:
    for bereich in ort.blatt.zusammengefasst:
        r0, c0, r1, c1 = bereich
        if (r0, c0) != (r1, c1) and r0 <= zeile - 1 <= r1 and c0 <= spalte <= c1:
            return bereich
    return None


def schreibe_werte(
    daten: bytes,
    werte: Mapping[Schluessel, Mapping[str, object]],
    zuordnung: Zuordnung | None = None,
    basis: Anlage | None = None,
) -> Fortschreibung:
    """Write new values (field → value, fields of FELDER; a Termin as `Termin`) for recommendations.

    `basis` is `daten` loaded with `zuordnung` (loaded here when not given). Raises
    FortschreibungFehler when a recommendation is unknown, a cell is merged or holds a formula, or
    the result does not read back exactly as intended.
    """
    if basis is None:
        try:
            basis = lade_anlage(daten, zuordnung=zuordnung)
        except AnlageUngueltig as e:
            raise FortschreibungFehler(e.fehler) from None
    orte = _orte(daten, zuordnung)
    aenderungen = _zu_schreiben(basis, werte, orte)
    # New columns in the contract's order (Termin before Gemeldet am), whatever comes first.
    for feld in FELDER:
        for ort in {id(o): o for _, f, _, o, _ in aenderungen if f == feld}.values():
            ort.spalte(feld)
    zellen: dict[str, list[Zelle]] = {}
    geschrieben: list[str] = []
    befunde: list[Befund] = []
    geschriebene_werte: dict[Schluessel, dict[str, object]] = {}
    for schluessel, feld, wert, ort, nummer in aenderungen:
        spalte = ort.spalte(feld)
        bereich = _verbunden(ort, nummer, spalte)
        if bereich is not None:
            befunde.append(
                fehler(
                    "fortschreibung.zelle_verbunden",
                    "Die Zelle ist mit anderen verbunden; ein neuer Wert würde für alle verbundenen Zeilen "
                    "gelten. Bitte die Verbindung in Excel aufheben und die Arbeitsmappe erneut veröffentlichen.",
                    blatt=ort.tabelle.blatt,
                    zeile=nummer,
                    spalte=_TITEL[feld],
                    wert=f"{spaltenname(bereich[1])}{bereich[0] + 1}:{spaltenname(bereich[3])}{bereich[2] + 1}",
                )
            )
            continue
        stil = (nummer, ort.tabelle.spalten["status"])
        zellen.setdefault(ort.tabelle.blatt, []).append(Zelle(nummer, spalte, zellwert(feld, wert), stil))
        geschrieben.append(f"{ort.tabelle.blatt}!{spaltenname(spalte)}{nummer}")
        geschriebene_werte.setdefault(schluessel, {})[feld] = wert
    if befunde:
        raise FortschreibungFehler(befunde)
    neue_spalten = []
    for ort in orte.values():
        kopf = ort.tabelle.kopfzeile
        letzte = max(ort.tabelle.spalten.values())
        for feld, spalte in ort.neue.items():
            zellen.setdefault(ort.tabelle.blatt, []).append(Zelle(kopf, spalte, _TITEL[feld], (kopf, letzte)))
            neue_spalten.append(_TITEL[feld])
    ergebnis = daten
    try:
        for blatt, liste in zellen.items():
            ort = next(o for o in orte.values() if o.tabelle.blatt == blatt)
            breiten = {s: _BREITE.get(f, 14.0) for f, s in ort.neue.items()}
            ergebnis = patche_blatt(ergebnis, blatt, liste, breiten)
    except PatchFehler as e:
        raise FortschreibungFehler([fehler("fortschreibung.patch_unmoeglich", f"{VERWORFEN}: {e}")]) from None
    erwartet = _erwartet(basis.empfehlungen, geschriebene_werte)
    anlage = _pruefe(daten, ergebnis, basis, erwartet, zuordnung, set(zellen))
    hinweise = tuple(_veraltete_formeln(ergebnis, blatt) for blatt in zellen)
    return Fortschreibung(
        ergebnis, anlage, tuple(geschrieben), tuple(dict.fromkeys(neue_spalten)), tuple(h for h in hinweise if h)
    )


def _zu_schreiben(
    basis: Anlage, werte: Mapping[Schluessel, Mapping[str, object]], orte: dict[int | None, _Ort]
) -> list[tuple[Schluessel, str, object, _Ort, int]]:
    """(recommendation, field, value, its table, Excel row) of every value that changes; raises
    FortschreibungFehler naming recommendations the workbook does not have."""
    empfehlungen = basis.empfehlungen.set_index(["handlungsfeld", "nr"], drop=False)
    fehlend = sorted(s for s in werte if s not in empfehlungen.index)
    if fehlend:
        raise FortschreibungFehler(
            [
                fehler(
                    "fortschreibung.empfehlung_fehlt",
                    f"Die Empfehlung {s[0]}.{s[1]} gibt es in der Arbeitsmappe nicht.",
                )
                for s in fehlend
            ]
        )
    aenderungen = []
    for schluessel, neu in sorted(werte.items()):
        zeile = cast(pd.Series, empfehlungen.loc[schluessel])
        ort = orte[None] if None in orte else orte[schluessel[0]]
        for feld in FELDER:
            if feld in neu and not ist_gleich(feld, aktueller_wert(zeile, feld), neu[feld]):
                aenderungen.append((schluessel, feld, neu[feld], ort, int(zeile["zeile"])))
    return aenderungen


def _veraltete_formeln(daten: bytes, blatt: str) -> Befund | None:
    """A warning when formulas or pivot tables compute with the written sheet: their saved results
    still show the old values (the dashboard reads the written cells themselves)."""
    orte = bezuege_auf(zipfile.ZipFile(io.BytesIO(daten)), blatt)
    if not orte:
        return None
    return warnung(
        "fortschreibung.formeln_veraltet",
        f"In der Arbeitsmappe rechnen Formeln oder Pivot-Tabellen mit dem Blatt „{blatt}“. Das Dashboard liest "
        "die neuen Werte direkt; in Excel zeigen diese Formeln sie erst nach dem Neuberechnen (Strg+Alt+F9) "
        "bzw. Aktualisieren der Pivot-Tabelle.",
        wert=", ".join(orte),
    )


def _erwartet(basis: pd.DataFrame, werte: dict[Schluessel, dict[str, object]]) -> pd.DataFrame:
    """The recommendations as they must read back: the basis with the written values, each
    column assigned once (row by row, 20 000 rows took minutes)."""
    erwartet = basis.copy()
    position = {(int(f), int(n)): i for i, (f, n) in enumerate(zip(basis["handlungsfeld"], basis["nr"]))}
    spalten: dict[str, list[Any]] = {}
    for schluessel, neu in werte.items():
        for feld, wert in neu.items():
            if feld == "termin" and isinstance(wert, Termin):
                eintraege = {"termin": wert.datum, "termin_genauigkeit": wert.genauigkeit}
            elif feld == "gemeldet_am":
                eintraege = {feld: wert}
            else:
                eintraege = {feld: bereinige(wert)}
            for spalte, eintrag in eintraege.items():
                if spalte not in spalten:
                    spalten[spalte] = list(erwartet[spalte].astype(object))
                spalten[spalte][position[schluessel]] = eintrag
    for spalte, liste in spalten.items():
        erwartet[spalte] = pd.Series(liste, index=erwartet.index, dtype=object).astype(erwartet[spalte].dtype)
    return erwartet


def _pruefe(
    alt: bytes, neu: bytes, basis: Anlage, erwartet: pd.DataFrame, zuordnung: Zuordnung | None, blaetter: set[str]
) -> Anlage:
    """Read the result back: it must read as intended, and no other part may have changed."""
    teile = blattteile(zipfile.ZipFile(io.BytesIO(alt)))
    erlaubt = {teile[falte(b)] for b in blaetter} | {"xl/styles.xml"}
    probleme = []
    anders = geaenderte_teile(alt, neu) - erlaubt
    if anders:
        probleme.append("andere Teile der Datei wurden verändert: " + ", ".join(sorted(anders)))
    try:
        anlage = lade_anlage(neu, zuordnung=zuordnung)
    except AnlageUngueltig as e:
        raise FortschreibungFehler(
            [
                fehler("fortschreibung.rueckweg_ungueltig", f"{VERWORFEN}: sie ließ sich nicht wieder einlesen."),
                *e.fehler,
            ]
        ) from None
    if not rahmen_gleich(anlage.empfehlungen, erwartet):
        probleme.append("die Empfehlungen lesen sich nicht so zurück, wie sie geschrieben wurden")
    probleme += anders_gelesen(anlage, basis, ausser=("empfehlungen",))
    if probleme:
        raise FortschreibungFehler(
            [fehler("fortschreibung.rueckweg_abweichung", f"{VERWORFEN}: " + "; ".join(probleme) + ".")]
        )
    return anlage


def schnellkorrektur(
    daten: bytes,
    schluessel: Schluessel,
    *,
    status: str | None = None,
    bemerkung: str | None = None,
    zuordnung: Zuordnung | None = None,
    basis: Anlage | None = None,
) -> Fortschreibung:
    """One recommendation's status and/or Bemerkung corrected in her workbook (only those cells written).

    `status` must be one of the five statuses; None leaves a field as it is.
    """
    werte: dict[str, object] = {}
    if status is not None and status not in STATUS_REIHENFOLGE:
        raise FortschreibungFehler(
            [
                fehler(
                    "fortschreibung.status_unbekannt",
                    "Unbekannter Status.",
                    wert=str(status),
                    erlaubt=", ".join(STATUS_REIHENFOLGE),
                )
            ]
        )
    if status is not None:
        werte["status"] = status
    if bemerkung is not None:
        werte["bemerkung"] = bemerkung
    return schreibe_werte(daten, {schluessel: werte}, zuordnung, basis)

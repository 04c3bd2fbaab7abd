"""What the loader recognised in a workbook, so that a mapping can be proposed for the rest.

`erkenne` looks at a refused workbook's contract sheets again (`Erkennung`: sheets, header rows,
columns found, unknown status words, two candidates for one target). `kopfzeile`, `koepfe` and
`kopf_signatur` describe any sheet's likely header row; the signature recognises the next
workbook of the same shape, so that its stored mapping can be applied again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.empfehlung_leser import TEXTFELDER
from ipdaten.arbeitsmappe.statuswort import STATUS_GEFALTET, status_schluessel
from ipdaten.arbeitsmappe.tabellen import finde_tabelle
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import BLAETTER, EMPFEHLUNGEN, STATUS_REIHENFOLGE, Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe
from ipdaten.arbeitsmappe.zellwerte import ist_summen_text, ist_summenzeile_der_liste, ist_teilergebnis_text
from ipdaten.arbeitsmappe.zuordnung import Zuordnung
from ipdaten.arbeitsmappe.zuordnung_anwenden import KOPF_SUCHTIEFE, bekannte_koepfe


def kopfzeile(blatt: RohBlatt) -> int | None:
    """The likely header row of any sheet: the first of the rows with the most text cells."""
    bester, beste_zahl = None, 1
    for index, zeile in enumerate(blatt.zeilen[:KOPF_SUCHTIEFE]):
        zahl = sum(1 for zelle in zeile if isinstance(zelle, str) and not ist_leer(zelle))
        if zahl > beste_zahl:
            bester, beste_zahl = index, zahl
    return bester


def koepfe(blatt: RohBlatt) -> list[str]:
    """The non-empty cells of the likely header row, as text."""
    index = kopfzeile(blatt)
    if index is None:
        return []
    return [bereinige(z) for z in blatt.zeilen[index] if not ist_leer(z)]


def kopf_signatur(mappe: RohMappe) -> str:
    """A fingerprint of the workbook's shape: its sheet names and the header row of each.

    Values below the headers do not count, so the next Stand of the same workbook has the same
    signature. Read the workbook with all sheets (`lies_mappe(daten)`) for it.
    """
    form = [
        [falte(name), [falte(k) for k in koepfe(mappe.blaetter[name])] if name in mappe.blaetter else None]
        for name in mappe.alle_blaetter
    ]
    return hashlib.sha256(json.dumps(form, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Erkennung:
    """What the loader recognised, so a mapping can be proposed for the rest.

    - blaetter: contract sheet → the workbook's sheet it used (None: not found)
    - spalten: contract sheet → contract column titles found in its header row
    - kopfzeilen: contract sheet → index (from 0) of the header row used or best guessed
    - status_unbekannt: unknown status words → their Excel rows
    """

    blaetter: tuple[tuple[str, str | None], ...] = ()
    spalten: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kopfzeilen: tuple[tuple[str, int], ...] = ()
    status_unbekannt: tuple[tuple[str, tuple[int, ...]], ...] = ()
    mehrdeutig: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    """(art "blatt"/"spalte", contract sheet, contract target, the candidates in the workbook)."""

    @property
    def vollstaendig(self) -> bool:
        """Whether every required sheet, required column and status word was recognised."""
        blaetter = dict(self.blaetter)
        spalten = dict(self.spalten)
        for vertrag in BLAETTER:
            quelle = blaetter.get(vertrag.name)
            if quelle is None:
                if vertrag.pflicht:
                    return False
                continue
            if any(s.titel not in spalten.get(vertrag.name, ()) for s in vertrag.pflichtspalten):
                return False
        return not self.status_unbekannt and not self.mehrdeutig


def erkannte_titel(blatt: RohBlatt, vertrag: Blatt, kopf: int) -> tuple[str, ...]:
    """Contract column titles the contract's own names find in row `kopf`."""
    namen = {falte(n): s.titel for s in vertrag.spalten for n in (s.titel, *s.aliase)}
    return tuple(dict.fromkeys(namen[falte(z)] for z in blatt.zeilen[kopf] if falte(z) in namen))


def status_bekannt(wort: object, zuordnung: Zuordnung | None = None) -> bool:
    """Whether the loader reads this status cell: a contract status, a synonym or a mapped word."""
    text = bereinige(wort)
    if text in STATUS_REIHENFOLGE or status_schluessel(text) in STATUS_GEFALTET:
        return True
    return zuordnung is not None and status_schluessel(text) in zuordnung.status_woerter()


def _keine_empfehlung(zeile: list[Any], wert: object, kopf: object) -> bool:
    """A row of an unrecognised table that is no recommendation: the header repeated, or a total
    labelled like Excel's Teilergebnis rows ("1 Anzahl", "Gesamtergebnis")."""
    return status_schluessel(wert) == status_schluessel(kopf) or any(
        isinstance(z, str) and (ist_teilergebnis_text(z) or ist_summen_text(z)) for z in zeile[:3]
    )


def _doppelte_koepfe(blatt: RohBlatt, vertrag: Blatt, kopf: int) -> list[tuple[str, tuple[str, ...]]]:
    """Required columns with two candidate headers in row `kopf`: the contract's name (or an alias)
    twice, or the name once more with an addition ("Status" and "Status 11/2017")."""
    doppelt = []
    zeile = [bereinige(z) for z in blatt.zeilen[kopf] if not ist_leer(z)]
    for spalte in vertrag.pflichtspalten:
        namen = bekannte_koepfe(vertrag, spalte.titel)
        treffer = [
            z for z in zeile if falte(z) in namen or any(falte(z).startswith(n + " ") for n in namen if len(n) > 3)
        ]
        if len(treffer) > 1:
            doppelt.append((spalte.titel, tuple(treffer)))
    return doppelt


def erkenne(
    blaetter: dict[str, RohBlatt | None], zuordnung: Zuordnung | None = None, mappe: RohMappe | None = None
) -> Erkennung:
    """What the loader recognised in the contract sheets it found (`blaetter` by contract name).

    Looks at each table again with the loader's own table finder, so the proposal works on
    exactly what the loader missed; with `mappe` (as the loader saw it) also two sheets of one
    contract name. Called only for a refused workbook.
    """
    gefunden, kopfzeilen, spalten = [], [], []
    unbekannt: dict[str, list[int]] = {}
    mehrdeutig: list[tuple[str, str, str, tuple[str, ...]]] = []
    for vertrag in BLAETTER:
        blatt = blaetter.get(vertrag.name)
        gefunden.append((vertrag.name, blatt.name if blatt is not None else None))
        if mappe is not None:
            gleich = tuple(b.name for n, b in mappe.blaetter.items() if falte(n) == falte(vertrag.name))
            if len(gleich) > 1:
                mehrdeutig.append(("blatt", vertrag.name, vertrag.name, gleich))
        if blatt is None:
            continue
        tabelle = finde_tabelle(blatt, vertrag, Befundliste())
        if tabelle is None:
            kopf = kopfzeile(blatt)
            if kopf is None:
                continue
            titel = erkannte_titel(blatt, vertrag, kopf)
            if vertrag is EMPFEHLUNGEN and "Status" in titel:
                # The status words are worth asking about before the last column is mapped.
                bekannt = bekannte_koepfe(vertrag, "Status")
                spalte = next(i for i, z in enumerate(blatt.zeilen[kopf]) if falte(z) in bekannt)
                for nummer, zeile in enumerate(blatt.zeilen[kopf + 1 :], start=kopf + 2):
                    wert = zeile[spalte] if spalte < len(zeile) else None
                    if _keine_empfehlung(zeile, wert, blatt.zeilen[kopf][spalte]):
                        continue  # a repeated header or a total: never offered as a status word
                    if not status_bekannt(wert, zuordnung):
                        unbekannt.setdefault(bereinige(wert), []).append(nummer)
        else:
            kopf = tabelle.kopfzeile - 1
            titel = tuple(s.titel for s in vertrag.spalten if s.feld in tabelle.spalten)
            if vertrag is EMPFEHLUNGEN and "status" in tabelle.spalten:
                for nummer, zeile in tabelle.zeilen:
                    wert = tabelle.wert(zeile, "status")
                    if ist_summenzeile_der_liste(tabelle, zeile, TEXTFELDER):
                        continue  # Excel's Teilergebnis rows count, they carry no status word
                    if not status_bekannt(wert, zuordnung):
                        unbekannt.setdefault(bereinige(wert), []).append(nummer)
        kopfzeilen.append((vertrag.name, kopf))
        spalten.append((vertrag.name, titel))
        mehrdeutig += [("spalte", vertrag.name, t, k) for t, k in _doppelte_koepfe(blatt, vertrag, kopf)]
    return Erkennung(
        blaetter=tuple(gefunden),
        spalten=tuple(spalten),
        kopfzeilen=tuple(kopfzeilen),
        status_unbekannt=tuple((w, tuple(z)) for w, z in unbekannt.items()),
        mehrdeutig=tuple(mehrdeutig),
    )

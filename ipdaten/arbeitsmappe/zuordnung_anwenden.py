"""Applying a `Zuordnung` to a read workbook, before the loader recognises anything.

Mapped sheets are listed under their contract name and mapped headers renamed to the contract's
titles; a competing column the contract would also recognise is set aside, so the mapping
decides. Status words are applied later by the loader (`Zuordnung.status_woerter`).
"""

from __future__ import annotations

import dataclasses

from ipdaten.arbeitsmappe.texte import bereinige, falte
from ipdaten.arbeitsmappe.vertrag import BLAETTER, Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe
from ipdaten.arbeitsmappe.zuordnung import Zuordnung

KOPF_SUCHTIEFE = 30
NICHT_VERWENDET = " (laut Zuordnung nicht verwendet)"

VERTRAGSBLATT = {b.name: b for b in BLAETTER}


def zu_lesende_blaetter(zuordnung: Zuordnung | None) -> set[str]:
    """Folded names of the sheets a loader must read: the contract's and the mapped ones."""
    namen = {falte(b.name) for b in BLAETTER}
    if zuordnung is not None:
        namen |= {falte(quelle) for _, quelle in zuordnung.blaetter}
    return namen


def bekannte_koepfe(vertrag: Blatt, titel: str) -> set[str]:
    """Folded headers the contract itself recognises for the column `titel`."""
    for spalte in vertrag.spalten:
        if spalte.titel == titel:
            return {falte(spalte.titel), *(falte(a) for a in spalte.aliase)}
    return set()


def _kopfzeile_der_zuordnung(blatt: RohBlatt, koepfe: dict[str, str]) -> int | None:
    bester, beste_zahl = None, 0
    for index, zeile in enumerate(blatt.zeilen[:KOPF_SUCHTIEFE]):
        zahl = sum(1 for zelle in zeile if falte(zelle) in koepfe)
        if zahl > beste_zahl:
            bester, beste_zahl = index, zahl
    return bester


def _koepfe_anwenden(blatt: RohBlatt, vertrag: Blatt, koepfe: dict[str, str]) -> RohBlatt:
    """The sheet with mapped headers renamed to the contract's titles in their header row.

    Another column the contract would recognise as the same target (or that carries its name
    with an addition, "Status 11/2017") is renamed out of the way, so the mapping decides which
    of two candidates counts.
    """
    index = _kopfzeile_der_zuordnung(blatt, koepfe)
    if index is None:
        return blatt
    ziele = set(koepfe.values())
    bekannt = set().union(*(bekannte_koepfe(vertrag, t) for t in ziele))
    verdraengt = bekannt - set(koepfe)
    ziel_namen = bekannt & set(koepfe)  # "Status" chosen: "Status 11/2017" is set aside too
    neu = []
    for zelle in blatt.zeilen[index]:
        gefaltet = falte(zelle)
        if gefaltet in koepfe:
            neu.append(koepfe[gefaltet])
        elif gefaltet in verdraengt or any(gefaltet.startswith(n + " ") for n in verdraengt | ziel_namen if len(n) > 3):
            neu.append(f"{bereinige(zelle)}{NICHT_VERWENDET}")
        else:
            neu.append(zelle)
    zeilen = list(blatt.zeilen)
    zeilen[index] = neu
    return dataclasses.replace(blatt, zeilen=zeilen)


def wende_an(mappe: RohMappe, zuordnung: Zuordnung | None) -> RohMappe:
    """The workbook as the contract sees it after the mapping (sheets and headers).

    A mapped sheet is listed under its contract name but keeps its own name in `RohBlatt.name`,
    so findings still name the sheet the user knows. A sheet of the contract's name that the
    mapping replaced is left out. Status words are applied by the loader (`status_woerter`).
    """
    if zuordnung is None or zuordnung.leer:
        return mappe
    blaetter = dict(mappe.blaetter)
    for vertrag, quelle in zuordnung.blaetter:
        # The exact name first: two sheets may differ only in spelling ("Empfehlungen", "empfehlungen ").
        name = next((n for regel in (str, bereinige, falte) for n in mappe.blaetter if regel(n) == regel(quelle)), None)
        if name is None:
            continue
        blatt = mappe.blaetter[name]
        for andere in [n for n in blaetter if falte(n) == falte(vertrag) or blaetter[n] is blatt]:
            del blaetter[andere]
        blaetter[vertrag] = blatt
    for vertrag_name in {v for v, _, _ in zuordnung.spalten}:
        vertragsblatt = VERTRAGSBLATT[vertrag_name]
        schluessel = next((n for n in blaetter if falte(n) == falte(vertrag_name)), None)
        if schluessel is not None:
            blaetter[schluessel] = _koepfe_anwenden(
                blaetter[schluessel], vertragsblatt, zuordnung.koepfe_fuer(vertrag_name)
            )
    return dataclasses.replace(mappe, blaetter=blaetter)

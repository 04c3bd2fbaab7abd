"""The columns of a table read that the dashboard did not read, as the reading record keeps them.

A column counts as read when a field of the contract was taken from it; a column that names a
field of the contract but was not chosen (a second „Status“, a hidden one) is named by the
reader's own warning and left out here.
"""

from __future__ import annotations

import re
import zipfile

from ipdaten.arbeitsmappe.blattliste import blattliste
from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.lesebericht import Spalteninfo
from ipdaten.arbeitsmappe.tabellen import Tabelle
from ipdaten.arbeitsmappe.tabellenkopf import kopf_schluessel, kopf_text, namen
from ipdaten.arbeitsmappe.texte import ist_leer
from ipdaten.arbeitsmappe.vertrag import BLAETTER, NACHWEIS_SPALTEN

_VERTRAG = {b.name: b for b in BLAETTER}


def ungelesene_spalten(tabelle: Tabelle) -> list[Spalteninfo]:
    """Every column with a header or a value that no field was read from."""
    vertrag = _VERTRAG.get(tabelle.vertragsblatt)
    bekannte = set(namen(vertrag)) if vertrag is not None else set()
    bekannte |= {kopf_schluessel(t) for t in NACHWEIS_SPALTEN.get(tabelle.vertragsblatt, ())}
    gelesen = set(tabelle.spalten.values()) | tabelle.umgeformt
    breite = max([len(tabelle.kopf), *(len(z) for _, z in tabelle.zeilen)], default=0)
    spalten = []
    for index in range(breite):
        if index in gelesen:
            continue
        kopf = tabelle.kopf[index] if index < len(tabelle.kopf) else None
        if kopf_schluessel(kopf) in bekannte:
            continue  # a candidate for a field (named by the reader's warning about the choice) or a proof column
        werte = tuple((n, z[index]) for n, z in tabelle.zeilen if index < len(z) and not ist_leer(z[index]))
        if ist_leer(kopf) and not werte:
            continue
        spalten.append(Spalteninfo(tabelle.blatt, tabelle.vertragsblatt, spaltenname(index), kopf_text(kopf), werte))
    return spalten


_WERT = re.compile(rb"<v>|<is[\s>]")
SCHAU_BYTES = 1 << 16


def blaetter_mit_inhalt(archiv: zipfile.ZipFile, namen: list[str]) -> dict[str, bool]:
    """Whether each named sheet (not read) holds any value: a look at its first 64 KB only, never
    parsed (an empty sheet „Tabelle1“ that Excel adds is no data to mention; a larger part is)."""
    pfade = {b.name: b.pfad for b in blattliste(archiv)[0]}
    ergebnis = {}
    for name in namen:
        try:
            with archiv.open(pfade[name]) as teil:
                stueck = teil.read(SCHAU_BYTES)
                weiter = bool(teil.read(1))
        except (KeyError, OSError, zipfile.BadZipFile):
            ergebnis[name] = True
            continue
        ergebnis[name] = weiter or bool(_WERT.search(stueck))
    return ergebnis

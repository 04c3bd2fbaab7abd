"""A revised workbook dated anew: the rows „Stand“ and „Bezeichnung“ of its sheet Info written
cell by cell (as the answers are), so that every page, slide and export of the new Stand says
when its data is from – not the date of the Stand it was made from.

Only the value cells of those two rows are replaced; a workbook without a sheet Info (or without
the row) keeps its bytes, and the date is then only what she types when publishing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ipdaten.arbeitsmappe import AnlageUngueltig, Zuordnung, bereinige, falte, fehler, lade_anlage
from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.blattsuche import finde_blaetter
from ipdaten.arbeitsmappe.modell import anders_gelesen
from ipdaten.arbeitsmappe.texte import ist_leer
from ipdaten.arbeitsmappe.vertrag import INFO
from ipdaten.arbeitsmappe.xlsx_lesen import LesefehlerArbeitsmappe, lies_mappe
from ipdaten.arbeitsmappe.zellpatch import PatchFehler, Wert, Zelle, patche_blatt
from ipdaten.arbeitsmappe.zuordnung_anwenden import wende_an, zu_lesende_blaetter
from ipdaten.rueckmeldung.fortschreiben import VERWORFEN, Fortschreibung, FortschreibungFehler


def _info_zellen(daten: bytes, zuordnung: Zuordnung | None, werte: dict[str, Wert]) -> tuple[str, list[Zelle]]:
    """The sheet Info and the cells holding the values of the rows in `werte` (folded key → value)."""
    gemappt = zu_lesende_blaetter(zuordnung)
    try:
        mappe = wende_an(lies_mappe(daten, nur=lambda n: falte(n) in {falte(INFO.name), *gemappt}), zuordnung)
    except LesefehlerArbeitsmappe:
        return "", []
    blatt = finde_blaetter(mappe, Befundliste()).get(INFO.name)
    if blatt is None:
        return "", []
    zellen = []
    for index, zeile in enumerate(blatt.zeilen):
        belegt = [i for i, z in enumerate(zeile) if not ist_leer(z)]
        if len(belegt) < 2:
            continue
        schluessel = falte(zeile[belegt[0]]).rstrip(":")
        if schluessel in werte:
            zellen.append(Zelle(index + 1, belegt[1], werte.pop(schluessel)))
    return blatt.name, zellen


def mit_stand(
    fortschreibung: Fortschreibung, stand: dt.date, bezeichnung: str | None = None, zuordnung: Zuordnung | None = None
) -> Fortschreibung:
    """`fortschreibung` with the Info rows Stand (and Bezeichnung, when given) set; unchanged when
    the workbook has no such rows. Raises FortschreibungFehler when it does not read back so."""
    werte: dict[str, Wert] = {"stand": stand}
    if bezeichnung:
        werte["bezeichnung"] = bereinige(bezeichnung)
    soll = dict(werte)
    blatt, zellen = _info_zellen(fortschreibung.daten, zuordnung, werte)  # takes the rows it finds
    if not zellen:
        return fortschreibung
    geschrieben = {k: v for k, v in soll.items() if k not in werte}
    try:
        daten = patche_blatt(fortschreibung.daten, blatt, zellen)
        anlage = lade_anlage(daten, zuordnung=zuordnung)
    except (PatchFehler, AnlageUngueltig) as e:
        raise FortschreibungFehler(
            [
                fehler(
                    "fortschreibung.stand_unmoeglich",
                    f"{VERWORFEN}: Stand und Bezeichnung im Blatt „{blatt}“ ließen sich nicht setzen ({e}).",
                )
            ]
        ) from None
    erwartet = dataclasses.replace(
        fortschreibung.anlage,
        stand=stand if "stand" in geschrieben else fortschreibung.anlage.stand,
        bezeichnung=str(geschrieben["bezeichnung"])
        if "bezeichnung" in geschrieben
        else fortschreibung.anlage.bezeichnung,
    )
    probleme = anders_gelesen(anlage, erwartet, ausser=())
    if probleme:
        raise FortschreibungFehler(
            [fehler("fortschreibung.stand_abweichung", f"{VERWORFEN}: " + "; ".join(probleme) + ".")]
        )
    return dataclasses.replace(
        fortschreibung,
        daten=daten,
        anlage=anlage,
        zellen=(*fortschreibung.zellen, *(f"{blatt}!{z.ref}" for z in zellen)),
    )

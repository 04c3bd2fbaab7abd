"""`bericht`: the Sitzungsvorlage (Word) for a workbook, compared with a previous one."""

from __future__ import annotations

import sys
from pathlib import Path

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.plausibel import quittung
from ipdaten.kommandozeile.gemeinsam import (
    ZUORDNUNG_HILFE,
    datum,
    drucke_hinweise,
    lade,
    lies_zuordnung,
    pruefe_ausgabe,
    schreibe_ausgabe,
)

AUFRUF = (
    "python -m ipdaten bericht DATEI.xlsx [--vorher ALT.xlsx] [-o vorlage.docx] [--sitzungsdatum TT.MM.JJJJ] "
    "[--vorlage VORLAGE.docx] [--zuordnung ZUORDNUNG.toml]"
)


def einrichten(befehle) -> None:
    """Add `bericht` to the parser's commands."""
    bericht = befehle.add_parser("bericht", help="Sitzungsvorlage (Word) schreiben")
    bericht.add_argument("datei")
    bericht.add_argument("--vorher", help="Arbeitsmappe des vorigen Stands (für die Veränderung)")
    bericht.add_argument("-o", "--ausgabe", help="Ziel-Datei (.docx)")
    bericht.add_argument("--sitzungsdatum", help="Sitzungsdatum TT.MM.JJJJ (sonst aus den Meilensteinen)")
    bericht.add_argument("--vorlage", help="eigene Word-Vorlage (.docx) statt daten/vorlage_sitzung.docx")
    bericht.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    bericht.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(args) -> int:
    """Write the Sitzungsvorlage; 0 written, 1 bad input, 2 bad call."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.export_docx import VorlagenFehler, dateiname, docx_bytes
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage

    eingaben = [args.datei, args.vorher, args.vorlage, args.zuordnung]
    if args.ausgabe:
        pruefe_ausgabe(args.ausgabe, eingaben)
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    sitzungsdatum = None
    if args.sitzungsdatum:
        sitzungsdatum = datum(args.sitzungsdatum)
        if sitzungsdatum is None:
            print(
                f"Fehler: „{args.sitzungsdatum}“ ist kein Datum. Bitte als TT.MM.JJJJ angeben, z. B. 27.11.2017.",
                file=sys.stderr,
            )
            return 2
    anlage = lade(args.datei, zuordnung)
    if anlage is None:
        return 1
    vorher = None
    if args.vorher:
        alt = lade(args.vorher, zuordnung)
        if alt is None:
            return 1
        vorher = Auswertung(alt)
    ziel = pruefe_ausgabe(args.ausgabe or dateiname(anlage.stand), eingaben)
    try:
        daten = docx_bytes(
            sitzungsvorlage(Auswertung(anlage), vorher=vorher, sitzungsdatum=sitzungsdatum),
            vorlage_datei=Path(args.vorlage) if args.vorlage else None,
        )
    except VorlagenFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    if not schreibe_ausgabe(ziel, daten):
        return 1
    print(f"Sitzungsvorlage geschrieben: {ziel} (Stand {fmt.datum(anlage.stand)})")
    drucke_hinweise(quittung(anlage).warnungen)
    return 0

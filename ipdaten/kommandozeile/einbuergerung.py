"""`einbuergerung`: naturalisation rates from official statistics files into a revised workbook."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any, BinaryIO

from ipdaten.amtlich.ablauf import BEDIENUNG_JAHRE, einbuergerung_aus_statistik, jahre_aus_text
from ipdaten.amtlich.quote import TABELLE, VORJAHR
from ipdaten.arbeitsmappe.gebiete import REGION_STUTTGART
from ipdaten.kommandozeile.gemeinsam import (
    drucke_hinweise,
    lies_bytes,
    lies_zuordnung,
    oeffne,
    pruefe_ausgabe,
    schreibe_ausgabe,
)

AUFRUF = (
    "python -m ipdaten einbuergerung STATISTIK.csv [BEVOELKERUNG.csv] --mappe DATEI.xlsx -o NEU.xlsx "
    "[--kreise 08111,08115,…] [--jahre 2014-2016] [--definition tabelle|vorjahr]"
)


def einrichten(befehle: Any) -> None:
    """Add `einbuergerung` to the parser's commands."""
    einbuergerung = befehle.add_parser("einbuergerung", help="Einbürgerungsquoten aus der amtlichen Statistik")
    einbuergerung.add_argument("statistik", nargs="+")
    einbuergerung.add_argument("--mappe", required=True)
    einbuergerung.add_argument("-o", "--ausgabe", required=True)
    einbuergerung.add_argument("--kreise", default=",".join(REGION_STUTTGART))
    einbuergerung.add_argument("--jahre", default="")
    einbuergerung.add_argument("--definition", choices=[TABELLE, VORJAHR], default=None)
    einbuergerung.add_argument("--zuordnung", help="Zuordnung (TOML) der Arbeitsmappe")
    einbuergerung.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(args: argparse.Namespace) -> int:
    """Compute the quota from statistics files and write the revised workbook."""
    if len(args.statistik) > 2:
        print("Fehler: höchstens zwei Statistikdateien (Einbürgerungen, Bevölkerung).", file=sys.stderr)
        return 2
    ziel = pruefe_ausgabe(args.ausgabe, [args.mappe, *args.statistik, args.zuordnung])
    with contextlib.ExitStack() as offen:
        # Open, not read: the reader takes at most the size bound from a file (a 1 GB line is not read whole).
        geoeffnet = [(Path(p).name, oeffne(p, offen)) for p in args.statistik]
        dateien: list[tuple[str, bytes | BinaryIO]] = [(name, d) for name, d in geoeffnet if d is not None]
        mappe = lies_bytes(args.mappe)
        if mappe is None or len(dateien) < len(geoeffnet):
            return 1
        return _rechne(args, ziel, dateien, mappe)


def _rechne(args: argparse.Namespace, ziel: Path, dateien: list[tuple[str, bytes | BinaryIO]], mappe: bytes) -> int:
    """The computation once the inputs are at hand; the exit code."""
    jahre = jahre_aus_text(args.jahre)
    if jahre is None:
        print(f"Fehler: „{args.jahre}“ sind keine Jahre. {BEDIENUNG_JAHRE}", file=sys.stderr)
        return 2
    kreise = [k.strip() for k in args.kreise.split(",") if k.strip()]
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    lauf = einbuergerung_aus_statistik(dateien, mappe, kreise, jahre, args.definition, zuordnung)
    if lauf.befunde:
        print(f"Es wurde nichts geschrieben ({len(lauf.befunde)} Befund(e)):", file=sys.stderr)
        for zeile in lauf.befunde:
            print(f"- {zeile}", file=sys.stderr)
        return 1
    if lauf.ueberarbeitung is None or not schreibe_ausgabe(ziel, lauf.ueberarbeitung.daten):
        return 1
    for zeile in lauf.bericht():
        print(zeile)
    print(f"Geschrieben: {args.ausgabe} (nur das Blatt „{lauf.ueberarbeitung.blatt}“ ist ersetzt).")
    drucke_hinweise(lauf.hinweise, "zu den Einbürgerungsquoten")
    return 0

"""`ablage sichern|pruefen|wiederherstellen`: back up, check and restore the store of Stände."""

from __future__ import annotations

import argparse
import functools
import getpass
import sys
from pathlib import Path
from typing import Any

from ipdaten import format as fmt
from ipdaten.ablage import DATEINAME_DB, STANDARD_MAPPE, Ablage, AblageFehler, ablage_verzeichnis
from ipdaten.ablage_sicherung import Pruefung, pruefe, sichere, stelle_wieder_her
from ipdaten.kommandozeile.gemeinsam import Parser, pruefe_ausgabe

AUFRUF = (
    "python -m ipdaten ablage sichern ZIEL.sqlite [--ablage ORDNER]  |  "
    "python -m ipdaten ablage pruefen [DATEI.sqlite] [--ablage ORDNER]  |  "
    "python -m ipdaten ablage wiederherstellen QUELLE.sqlite [--ablage ORDNER]"
)
ABLAGE_HILFE = "Ordner der Ablage (Standard: Umgebungsvariable IPDATEN_ABLAGE bzw. daten/ablage)"


def datenbank(ordner: str | None) -> Path:
    """The store file: in `ordner` (--ablage) or in the folder the server uses."""
    return (Path(ordner).expanduser() if ordner else ablage_verzeichnis()) / DATEINAME_DB


def einrichten(befehle: Any) -> None:
    """Add `ablage` with its three sub-commands."""
    ablage = befehle.add_parser("ablage", help="Ablage der Stände sichern, prüfen, wiederherstellen")
    unter = ablage.add_subparsers(dest="aktion", required=True, parser_class=functools.partial(Parser, aufruf=AUFRUF))
    sichern = unter.add_parser("sichern", help="konsistente Kopie, auch während der Server läuft")
    sichern.add_argument("ziel")
    pruefen = unter.add_parser("pruefen", help="Integrität und Inhalt prüfen")
    pruefen.add_argument("datei", nargs="?")
    wiederherstellen = unter.add_parser("wiederherstellen", help="Ablage aus einer Sicherung zurückholen")
    wiederherstellen.add_argument("quelle")
    for befehl in (sichern, pruefen, wiederherstellen):
        befehl.add_argument("--ablage", help=ABLAGE_HILFE)
        befehl.set_defaults(ausfuehren=ausfuehren)


def _zusammenfassung(pruefung: Pruefung) -> str:
    neuester = pruefung.neuester
    zeile = (
        f"{fmt.anzahl(pruefung.staende, 'Stand', 'Stände')}, {fmt.anzahl(pruefung.dateien, 'Datei', 'Dateien')} "
        f"({fmt.dateigroesse(pruefung.bytes_gesamt)}), "
        f"{fmt.anzahl(pruefung.protokoll, 'Protokolleintrag', 'Protokolleinträge')}, "
        f"Schema-Version {pruefung.version}"
    )
    if neuester is not None:
        zeile += f"; neuester: Nr. {neuester.nr} vom {fmt.zeitpunkt(neuester.veroeffentlicht)} „{neuester.bezeichnung}“"
    return zeile


def _sichern(args: argparse.Namespace) -> int:
    db = datenbank(args.ablage)
    ziel = pruefe_ausgabe(args.ziel, [db, Path(str(db) + "-wal"), Path(str(db) + "-shm")])
    pruefung = sichere(db, ziel)
    print(f"Gesichert nach „{ziel}“: {_zusammenfassung(pruefung)}.")
    return 0


def _pruefen(args: argparse.Namespace) -> int:
    pfad = Path(args.datei) if args.datei else datenbank(args.ablage)
    pruefung = pruefe(pfad)
    if not pruefung.in_ordnung:
        print(f"Die Ablage „{pfad}“ ist nicht in Ordnung:", file=sys.stderr)
        for fehler in pruefung.fehler:
            print(f"- {fehler}", file=sys.stderr)
        return 1
    print(f"Die Ablage „{pfad}“ ist in Ordnung: {_zusammenfassung(pruefung)}.")
    return 0


def _wiederherstellen(args: argparse.Namespace) -> int:
    db = datenbank(args.ablage)
    pruefung, bewahrt = stelle_wieder_her(Path(args.quelle), db)
    # Opening it brings a backup of an older version up to date, then the restore is logged.
    Ablage(db.parent, STANDARD_MAPPE).protokolliere(
        "wiederhergestellt",
        wer=getpass.getuser(),
        quelle="kommandozeile",
        dateiname=Path(args.quelle).name,
        hinweis=f"vorherige Ablage: {bewahrt.name}" if bewahrt else "es gab keine vorherige Ablage",
    )
    print(f"Wiederhergestellt aus „{args.quelle}“: {_zusammenfassung(pruefung)}.")
    if bewahrt is not None:
        print(f"Die vorherige Ablage liegt als „{bewahrt}“ daneben.")
    print("Laufende Server bitte neu starten, damit alle Sitzungen die wiederhergestellten Stände zeigen.")
    return 0


def ausfuehren(args: argparse.Namespace) -> int:
    """Run `ablage …`: 0 done, 1 refused or damaged (German reasons on stderr, nothing changed)."""
    try:
        return {"sichern": _sichern, "pruefen": _pruefen, "wiederherstellen": _wiederherstellen}[args.aktion](args)
    except AblageFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1

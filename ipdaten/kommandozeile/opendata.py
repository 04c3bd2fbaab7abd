"""`opendata`: the open data of a workbook into a folder – one UTF-8 CSV per table, daten.json with
all figures and metadaten.jsonld (DCAT-AP.de) – for the county's open-data portal."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipdaten.kommandozeile.gemeinsam import (
    ZUORDNUNG_HILFE,
    AufrufFehler,
    lade,
    lies_zuordnung,
    pruefe_ausgabe,
    schreibe_ausgabe,
)

if TYPE_CHECKING:
    from ipdaten.praesentation.offene_daten import Angaben

AUFRUF = (
    "python -m ipdaten opendata DATEI.xlsx -o ORDNER [--herausgeber NAME] [--lizenz URI [--lizenz-name NAME]] "
    "[--namensnennung TEXT] [--zuordnung ZUORDNUNG.toml]"
)


def einrichten(befehle: Any) -> None:
    """Add `opendata` to the parser's commands."""
    befehl = befehle.add_parser("opendata", help="offene Daten (CSV, JSON, DCAT-AP.de) in einen Ordner schreiben")
    befehl.add_argument("datei")
    befehl.add_argument("-o", "--ausgabe", required=True, help="Ziel-Ordner (wird angelegt)")
    befehl.add_argument("--herausgeber", help="veröffentlichende Stelle (Standard: Landkreis Böblingen)")
    befehl.add_argument("--lizenz", help="URI der Lizenz (Standard: Datenlizenz Deutschland – Namensnennung 2.0)")
    befehl.add_argument("--lizenz-name", help="Name der Lizenz zu --lizenz")
    befehl.add_argument("--namensnennung", help="Text der Namensnennung (Standard: der Herausgeber)")
    befehl.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    befehl.set_defaults(ausfuehren=ausfuehren)


def _angaben(args: argparse.Namespace) -> Angaben:
    """Publisher and licence: the options, else the environment (IPDATEN_HERAUSGEBER …), else defaults."""
    from ipdaten.praesentation.offene_daten import angaben_aus_umgebung

    umgebung = dict(os.environ)
    for option, name in (
        ("herausgeber", "IPDATEN_HERAUSGEBER"),
        ("lizenz", "IPDATEN_LIZENZ"),
        ("lizenz_name", "IPDATEN_LIZENZ_NAME"),
        ("namensnennung", "IPDATEN_NAMENSNENNUNG"),
    ):
        if getattr(args, option):
            umgebung[name] = getattr(args, option)
    return angaben_aus_umgebung(umgebung)


def ausfuehren(args: argparse.Namespace) -> int:
    """Write the open data of the workbook into the folder -o; 0 written, 1 findings or not writable."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.exporttabellen import Exportquelle
    from ipdaten.praesentation.offene_daten import offene_daten

    ordner = Path(args.ausgabe)
    if ordner.exists() and not ordner.is_dir():
        raise AufrufFehler(f"Die Ausgabe „{ordner}“ ist eine Datei; bitte einen Ordner angeben.")
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    anlage = lade(args.datei, zuordnung)
    if anlage is None:
        return 1
    dateien = offene_daten(Exportquelle(Auswertung(anlage), f"Arbeitsmappe „{Path(args.datei).name}“"), _angaben(args))
    ziele = {name: pruefe_ausgabe(ordner / name, [args.datei, args.zuordnung]) for name in dateien}
    try:
        ordner.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"Fehler: Der Ordner „{ordner}“ kann nicht angelegt werden ({e.strerror or e}).", file=sys.stderr)
        return 1
    for name, daten in dateien.items():
        if not schreibe_ausgabe(ziele[name], daten):
            return 1
    print(f"{len(dateien)} Dateien geschrieben nach „{ordner}“: {', '.join(dateien)}")
    return 0

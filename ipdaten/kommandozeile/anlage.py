"""`pruefen` and `kennzahlen`: check a workbook, print its figures (or, with --json, all figures as
the open-data JSON: offene_daten.daten_json, a writer over the export tables)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.plausibel import quittung
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.kommandozeile.gemeinsam import ZUORDNUNG_HILFE, lade, lies_zuordnung
from ipdaten.praesentation.exporttabellen import Exportquelle
from ipdaten.praesentation.offene_daten import daten_json
from ipdaten.zahlen.kennzahlen import status_gesamt

AUFRUF = (
    "python -m ipdaten pruefen DATEI.xlsx [--zuordnung ZUORDNUNG.toml]  |  "
    "python -m ipdaten kennzahlen DATEI.xlsx [--zuordnung ZUORDNUNG.toml] [--json]"
)


def einrichten(befehle: Any) -> None:
    """Add `pruefen` and `kennzahlen` to the parser's commands."""
    pruefen = befehle.add_parser("pruefen", help="Arbeitsmappe prüfen")
    pruefen.add_argument("datei")
    pruefen.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    pruefen.set_defaults(ausfuehren=ausfuehren)
    kennzahlen = befehle.add_parser("kennzahlen", help="Kennzahlen ausgeben")
    kennzahlen.add_argument("datei")
    kennzahlen.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    kennzahlen.add_argument("--json", action="store_true", help="als JSON auf stdout")
    kennzahlen.set_defaults(ausfuehren=ausfuehren)


def ausfuehren(args: argparse.Namespace) -> int:
    """Check the workbook and print what was read (`pruefen`: the receipt, every warning by cause);
    0 valid, 1 findings."""
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    anlage = lade(args.datei, zuordnung, vorschlagen=args.befehl == "pruefen")
    if anlage is None:
        return 1
    if args.befehl == "kennzahlen" and args.json:
        # The plausibility layer's warnings travel with the figures, cause by cause.
        hinweise = [
            {"ursache": u, "blatt": b.blatt, "zeilen": b.zeilen_text, "meldung": b.meldung}
            for u, befunde in quittung(anlage).hinweise.items()
            for b in befunde
        ]
        quelle = Exportquelle(Auswertung(anlage), f"Arbeitsmappe „{Path(args.datei).name}“")
        json.dump(daten_json(quelle, hinweise=hinweise), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    gesamt = status_gesamt(anlage)
    print(f"Die Arbeitsmappe „{Path(args.datei).name}“ ist gültig.")
    print(f"Stand: {fmt.datum(anlage.stand)} – {anlage.titel}")
    if anlage.zuordnung is not None:
        print("Gelesen mit der Zuordnung:")
        for zeile in anlage.zuordnung.beschreibung():
            print(f"  {zeile}")
    print(
        f"{len(anlage.handlungsfelder)} Handlungsfeld(er), {gesamt['empfehlungen']} Empfehlung(en), "
        f"{len(anlage.einbuergerung)} Einbürgerungswerte, {len(anlage.haushalt)} Haushaltspositionen, "
        f"{len(anlage.meilensteine)} Meilensteine."
    )
    for status, anzahl in gesamt["status"].items():
        print(f"  {status}: {anzahl} ({fmt.anteil_tabelle(gesamt['anteil'][status])})")
    beleg = quittung(anlage)
    if args.befehl == "pruefen":
        print("Was gelesen wurde:")
        for zeile in beleg.als_text():
            print(f"  {zeile}")
    if beleg.warnungen:
        print(f"{len(beleg.warnungen)} Warnung(en):")
        for befund in beleg.warnungen:
            print(f"- {befund.als_text()}")
    return 0

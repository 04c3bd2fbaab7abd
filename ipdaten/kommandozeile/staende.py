"""`staende`: list the published Stände of the store (read-only), as a table or as CSV."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler
from ipdaten.ablage_sicherung import lies_staende
from ipdaten.ablage_zeile import StandInfo, von_text
from ipdaten.darstellung.diagramm_daten import tabelle_als_csv
from ipdaten.darstellung.protokoll_tabelle import zeit_text
from ipdaten.kommandozeile.sicherung import ABLAGE_HILFE, datenbank

AUFRUF = "python -m ipdaten staende [--ablage ORDNER] [--csv]"
SPALTEN = ("Nr", "Stand", "Bezeichnung", "veröffentlicht am", "von", "Kommentar", "Datei", "SHA-256")
GEKUERZT = {"Bezeichnung": 40, "Kommentar": 40, "Datei": 30}  # in the table on screen; CSV in full


def einrichten(befehle: Any) -> None:
    """Add `staende` to the parser's commands."""
    staende = befehle.add_parser("staende", help="veröffentlichte Stände auflisten")
    staende.add_argument("--ablage", help=ABLAGE_HILFE)
    staende.add_argument("--csv", action="store_true", help="als CSV (UTF-8, Semikolon) auf stdout")
    staende.set_defaults(ausfuehren=ausfuehren)


def staende_tabelle(staende: list[StandInfo]) -> pd.DataFrame:
    """One row per Stand in publish order, with every column in full."""
    return pd.DataFrame(
        [
            (
                str(s.nr),
                s.stand.strftime("%d.%m.%Y") if s.stand else "ohne Datum",
                s.bezeichnung,
                zeit_text(s.veroeffentlicht),
                von_text(s),
                s.kommentar,
                s.dateiname,
                s.sha256,
            )
            for s in staende
        ],
        columns=list(SPALTEN),
    )


def als_text(tabelle: pd.DataFrame) -> str:
    """The table in aligned columns for a terminal (long texts shortened with …)."""
    zeilen = [list(SPALTEN)] + [
        [fmt.kuerzen(str(wert), GEKUERZT.get(spalte, 10_000)) for spalte, wert in zip(SPALTEN, zeile)]
        for zeile in tabelle.itertuples(index=False)
    ]
    breiten = [max(len(z[i]) for z in zeilen) for i in range(len(SPALTEN))]
    return "\n".join("  ".join(w.ljust(b) for w, b in zip(z, breiten)).rstrip() for z in zeilen)


def ausfuehren(args: argparse.Namespace) -> int:
    """Print the Stände; 1 when the store cannot be read (nothing is created)."""
    db = datenbank(args.ablage)
    if not db.is_file():
        print(f"Fehler: Es gibt keine Ablage „{db}“ (der Server legt sie beim ersten Start an).", file=sys.stderr)
        return 1
    try:
        tabelle = staende_tabelle(lies_staende(db))
    except AblageFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    if args.csv:
        daten = tabelle_als_csv(tabelle)
        if hasattr(sys.stdout, "buffer"):  # the bytes as they are (UTF-8 with BOM), whatever the console
            sys.stdout.flush()
            sys.stdout.buffer.write(daten)
            sys.stdout.buffer.flush()
        else:
            print(daten.decode("utf-8"), end="")
    else:
        print(als_text(tabelle))
    return 0

"""The command line, `python -m ipdaten BEFEHL …`: one module per command, listed once in BEFEHLE.

A command module has `AUFRUF` (its usage line, shown on a wrong call) and `einrichten(befehle)`,
which adds its sub-parser(s) with `set_defaults(ausfuehren=funktion)`; the function takes the
parsed arguments and returns the exit code (0 done, 1 findings – nothing written –, 2 wrong call).
Output files are written only through `gemeinsam.pruefe_ausgabe` and `gemeinsam.schreibe_ausgabe`:
never over an input, whole or not at all. To add a command, write its module and add it here.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

from ipdaten.kommandozeile import (
    anlage,
    bericht,
    einbuergerung,
    opendata,
    rueckmeldung,
    selbsttest,
    sicherung,
    staende,
)
from ipdaten.kommandozeile.gemeinsam import AufrufFehler, Parser

BEFEHLE = (anlage, einbuergerung, bericht, opendata, rueckmeldung, staende, sicherung, selbsttest)

AUFRUF = "\n        ".join(befehl.AUFRUF for befehl in BEFEHLE)


def main(argumente: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 findings, 2 wrong call)."""
    parser = Parser(prog="python -m ipdaten", description="Anlage 1 prüfen und auswerten.", aufruf=AUFRUF)
    unterparser: Any = functools.partial(Parser, aufruf=AUFRUF)  # argparse's stubs want a class, a partial works
    befehle = parser.add_subparsers(dest="befehl", required=True, parser_class=unterparser)
    for befehl in BEFEHLE:
        befehl.einrichten(befehle)
    args = parser.parse_args(argumente)
    try:
        ergebnis: int = args.ausfuehren(args)
        return ergebnis
    except AufrufFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 2


def starte(argumente: list[str] | None = None) -> int:
    """Run the command line as `python -m ipdaten` does: exit code, never a traceback."""
    try:
        return main(argumente)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) left; nothing more to say
        return 0
    except Exception as e:  # last resort: a German message, never a traceback
        print(f"Interner Fehler beim Verarbeiten der Datei ({type(e).__name__}): {e}", file=sys.stderr)
        return 1

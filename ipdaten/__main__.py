"""`python -m ipdaten …`: the command line (ipdaten/kommandozeile/, one module per command)."""

import sys

from ipdaten.kommandozeile import starte

if __name__ == "__main__":
    sys.exit(starte())

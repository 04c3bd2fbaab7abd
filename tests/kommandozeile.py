"""The command line (`python -m ipdaten`) called in the test process: a subprocess costs about
0,7 s of imports per call; tests/test_golden.py runs the real `python -m ipdaten` once."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from ipdaten.kommandozeile import starte

WURZEL = Path(__file__).resolve().parent.parent


def rufe(*argumente: str) -> subprocess.CompletedProcess:
    """Run the command line with these arguments from the project folder; exit code, stdout and
    stderr as a CompletedProcess."""
    aus, err = io.StringIO(), io.StringIO()
    vorher = os.getcwd()
    os.chdir(WURZEL)
    try:
        with contextlib.redirect_stdout(aus), contextlib.redirect_stderr(err):
            code = starte(list(argumente))
    except SystemExit as ende:  # argparse exits on a wrong call
        code = ende.code
    finally:
        os.chdir(vorher)
    return subprocess.CompletedProcess(argumente, code, aus.getvalue(), err.getvalue())

"""The peak memory of a Python command run as a child process, measured honestly.

`ru_maxrss` of a child (from `os.wait4` or `resource.RUSAGE_CHILDREN`) starts at the size of the
parent it was forked from – a test runner of 500 MB makes every child look 500 MB big. The high
water mark of the child's own address space (`VmHWM` in /proc, reset by exec) is what it used.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MARKE = "HOCHWASSER_KB"

# Runs the module like `python -m`, and reports VmHWM on stderr when the interpreter exits.
_HUELLE = f"""
import atexit, runpy, sys
def _melden():
    for zeile in open("/proc/self/status"):
        if zeile.startswith("VmHWM:"):
            print("{MARKE}", zeile.split()[1], file=sys.stderr)
atexit.register(_melden)
modul = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_module(modul, run_name="__main__", alter_sys=True)
"""


def modul_mit_hochwasser(modul: str, argumente: list[str], cwd: Path, timeout: float = 300) -> tuple[int, str, float]:
    """Run `python -m modul argumente` in `cwd`: (exit code, stderr without the marker, peak MB)."""
    lauf = subprocess.run(
        [sys.executable, "-c", _HUELLE, modul, *argumente],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout,
    )
    zeilen = lauf.stderr.splitlines()
    spitze = next((int(z.split()[1]) / 1024 for z in zeilen if z.startswith(MARKE)), float("nan"))
    return lauf.returncode, "\n".join(z for z in zeilen if not z.startswith(MARKE)), spitze

"""The type checker: mypy, strict on the domain package (configuration in pyproject.toml), runs with
the quick suite – so scripts/test, landing and CI all refuse code that does not type-check."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent


def test_mypy_streng_auf_ipdaten_ohne_befund():
    # The incremental cache outside the checkout, one per checkout: a second run takes seconds.
    cache = Path(tempfile.gettempdir()) / "ipdaten-mypy" / hashlib.sha256(str(WURZEL).encode()).hexdigest()[:12]
    ergebnis = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary", "--no-color-output"],
        cwd=WURZEL,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "MYPY_FORCE_COLOR": "0"},
    )
    befunde = [z for z in ergebnis.stdout.splitlines() if z.strip()]
    assert ergebnis.returncode == 0 and not befunde, (
        f"mypy (streng, ipdaten/) meldet {sum(': error:' in z for z in befunde)} Fehler – bitte Typen ergänzen "
        "oder berichtigen (docs/entwicklung.md, „Typprüfung“); selbst aufrufen: .venv/bin/mypy\n"
        + "\n".join(befunde[:60])
        + ("\n…" if len(befunde) > 60 else "")
        + (f"\n{ergebnis.stderr}" if ergebnis.stderr.strip() else "")
    )

"""The benchmark's quick mode runs in the suite so that it cannot rot (no timed assertions)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parent.parent


def _lauf(*argumente: str) -> list[str]:
    """Run the benchmark script; return the lines of its result table."""
    ergebnis = subprocess.run(
        [sys.executable, str(WURZEL / "benchmarks" / "run.py"), *argumente],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=WURZEL,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    return [z for z in ergebnis.stdout.splitlines() if re.match(r"\| \d \|", z)]


@pytest.mark.browser
@pytest.mark.benchmark
def test_schnellmodus_misst_alle_sieben_teile():
    zeilen = _lauf("--schnell")
    assert sorted({z.split("|")[1].strip() for z in zeilen}) == [str(n) for n in range(1, 8)]
    seiten = {p.stem for p in (WURZEL / "seiten").glob("*.py") if not p.name.startswith("_")}
    gemessen = {m.group(1) for z in zeilen if (m := re.search(r"Seite (\w+), warmer Rerun", z))}
    assert gemessen == seiten
    for zeile in zeilen:
        wert = zeile.split("|")[3].strip()
        assert re.fullmatch(r"[\d.]+(,\d)? (ms|MB)", wert), zeile


@pytest.mark.benchmark
def test_nur_einzelne_teile():
    zeilen = _lauf("--schnell", "--nur", "5")
    assert [z.split("|")[2].strip() for z in zeilen] == ["PowerPoint erzeugen (alle Folien)", "Excel-Export erzeugen"]

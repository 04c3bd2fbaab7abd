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
    return [z for z in ergebnis.stdout.splitlines() if re.match(r"\| \d+ \|", z)]


@pytest.mark.browser
@pytest.mark.benchmark
def test_schnellmodus_misst_alle_zehn_teile():
    zeilen = _lauf("--schnell")
    assert sorted({z.split("|")[1].strip() for z in zeilen}, key=int) == [str(n) for n in range(1, 11)]
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


@pytest.mark.benchmark
def test_last_ueber_den_websocket_eines_echten_servers():
    zeilen = _lauf("--schnell", "--nur", "8")
    spalten = [[teil.strip() for teil in z.split("|")[2:-1]] for z in zeilen]
    assert [was for was, *_ in spalten] == [
        "1 Sitzung klicken: Seitenaufruf",
        "4 Sitzungen klicken: Seitenaufruf",
        "4 Sitzungen öffnen gleichzeitig: erste Ansicht, langsamste",
        "Neuer Stand erreicht 4 offene Sitzungen (erste Veröffentlichung nach Serverstart), langsamste",
        "Server-Speicher während der Lastmessung, Spitze",
    ]
    for was, wert, verhaeltnis, _ziel, _erfuellt in spalten:
        assert re.fullmatch(r"[\d.]+(,\d)? (ms|MB)", wert), was
        if "klicken" in was or "öffnen" in was:
            assert verhaeltnis.endswith("· 0 Fehler"), (was, verhaeltnis)  # every page answered, none raised
    assert "nicht erreicht" not in spalten[3][2]  # the new Stand reached every open session


@pytest.mark.benchmark
def test_rueckmelderunde_im_schnellmodus():
    ergebnis = subprocess.run(
        [sys.executable, str(WURZEL / "benchmarks" / "rueckmeldung.py"), "--schnell"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=WURZEL,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    zeilen = [z for z in ergebnis.stdout.splitlines() if z.startswith("| 200 ")]
    assert len(zeilen) == 3 and all(re.search(r"\| [\d.]+ ms \|$", z) for z in zeilen)


@pytest.mark.benchmark
def test_haertungs_benchmark_misst_die_bomben():
    ergebnis = subprocess.run(
        [sys.executable, str(WURZEL / "benchmarks" / "haerten.py"), "--nur", "1,2", "--wiederholungen", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=WURZEL,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    zeilen = ergebnis.stdout.splitlines()[1:]
    assert re.fullmatch(r"1 Spaltenbombe \(12,9 KB\): [\d,]+ s, Spitze \+\d+ MB – angenommen", zeilen[0]), zeilen
    assert re.fullmatch(r"2 Blattbombe \(2000 Einträge, \d+ KB\): [\d,]+ s, Spitze \+\d+ MB – abgelehnt: .*", zeilen[1])

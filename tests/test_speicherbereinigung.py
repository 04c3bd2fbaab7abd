"""Garbage collection of the server: Streamlit's full collection after every run is off, the app
freezes the long-lived objects once and collects fully at most every 30 s; no file watcher."""

import gc
import os
import subprocess
import sys
import tomllib
import weakref
from pathlib import Path

import pytest

from oberflaeche import speicherbereinigung

WURZEL = Path(__file__).resolve().parent.parent

PROGRAMM = """
import gc
from streamlit.testing.v1 import AppTest
from oberflaeche import speicherbereinigung
speicherbereinigung.AUFRAEUMEN_ALLE_S = 0.0
zuletzt = speicherbereinigung._letzte_sammlung
vorher = gc.get_freeze_count()
at = AppTest.from_file("app.py", default_timeout=60)
at.run()
nach_erstem_lauf = gc.get_freeze_count()
at.run()
gesammelt = int(speicherbereinigung._letzte_sammlung > zuletzt)
print(vorher, nach_erstem_lauf, gc.get_freeze_count(), len(at.exception), gesammelt)
"""


@pytest.mark.langsam
def test_nach_dem_ersten_lauf_eingefroren_und_nur_einmal(tmp_path):
    ergebnis = subprocess.run(
        [sys.executable, "-c", PROGRAMM],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=WURZEL,
        env={**os.environ, "IPDATEN_ABLAGE": str(tmp_path)},
    )
    assert ergebnis.returncode == 0, ergebnis.stderr[-3000:]
    vorher, erster, zweiter, fehler, gesammelt = map(int, ergebnis.stdout.split())
    assert (vorher, fehler, gesammelt) == (0, 0, 1)  # the app ends each run with gelegentlich_aufraeumen
    assert erster > 50_000  # pandas, plotly and Streamlit are loaded by then
    # A rerun freezes nothing more (its garbage stays collectable); frozen objects may still be freed.
    assert zweiter <= erster


def test_konfiguration_ohne_sammlung_nach_jedem_lauf_und_ohne_dateiwaechter():
    konfiguration = tomllib.loads((WURZEL / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert konfiguration["runner"]["postScriptGC"] is False
    assert konfiguration["server"]["fileWatcherType"] == "none"


class _Ring:
    """An object in a reference cycle: only a collection frees it."""

    def __init__(self):
        self.selbst = self


@pytest.fixture
def ohne_automatische_sammlung():
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _ring() -> weakref.ref:
    return weakref.ref(_Ring())


def test_aufraeumen_hoechstens_alle_30_sekunden(monkeypatch, ohne_automatische_sammlung):
    monkeypatch.setattr(speicherbereinigung, "_letzte_sammlung", 1000.0)
    ring = _ring()
    assert not speicherbereinigung.gelegentlich_aufraeumen(jetzt=1029.0)
    assert ring() is not None  # within 30 s: nothing collected
    assert speicherbereinigung.gelegentlich_aufraeumen(jetzt=1030.0)
    assert ring() is None
    ring = _ring()
    assert not speicherbereinigung.gelegentlich_aufraeumen(jetzt=1059.0)
    assert ring() is not None
    assert speicherbereinigung.gelegentlich_aufraeumen(jetzt=1060.5)
    assert ring() is None

"""The app freezes the long-lived objects once, so Streamlit's collection after each run stays cheap."""

import os
import subprocess
import sys
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent

PROGRAMM = """
import gc
from streamlit.testing.v1 import AppTest
vorher = gc.get_freeze_count()
at = AppTest.from_file("app.py", default_timeout=60)
at.run()
nach_erstem_lauf = gc.get_freeze_count()
at.run()
print(vorher, nach_erstem_lauf, gc.get_freeze_count(), len(at.exception))
"""


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
    vorher, erster, zweiter, fehler = map(int, ergebnis.stdout.split())
    assert (vorher, fehler) == (0, 0)
    assert erster > 50_000  # pandas, plotly and Streamlit are loaded by then
    # A rerun freezes nothing more (its garbage stays collectable); frozen objects may still be freed.
    assert zweiter <= erster

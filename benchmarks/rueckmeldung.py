"""Benchmark of the Rückmelderunde (issue 21): forms written, returned forms read, merged.

    python benchmarks/rueckmeldung.py            # 200 and 2.000 recommendations, median of 5
    python benchmarks/rueckmeldung.py --schnell  # 200 only, median of 1 (the tests run it)

Every form is filled completely (a new status and a Bemerkung in every row), the worst case of
a round: every recommendation gets four cells written. Prints a Markdown table for
docs/messungen.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import statistics
import sys
import time
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))

from openpyxl import load_workbook  # noqa: E402

from ipdaten.arbeitsmappe import lade_anlage  # noqa: E402
from ipdaten.rueckmeldung import bogen_bytes, lies_boegen, neue_runde, zusammenfuehren  # noqa: E402
from ipdaten.rueckmeldung.bogen_aufbau import BLATT, ERSTE_ZEILE, SPALTE  # noqa: E402
from tests.arbeitsmappen import grosse_mappe_bytes, wie_excel  # noqa: E402


def _gefuellt(bogen: bytes) -> bytes:
    wb = load_workbook(io.BytesIO(bogen))
    ws = wb[BLATT]
    for zeile in range(ERSTE_ZEILE, ws.max_row + 1):
        ws.cell(zeile, SPALTE["Status neu"] + 1).value = "umgesetzt"
        ws.cell(zeile, SPALTE["Bemerkung neu"] + 1).value = "neu gemeldet"
    ws["B6"] = "Benchmark"
    ziel = io.BytesIO()
    wb.save(ziel)
    return ziel.getvalue()


def _median(funktion, wiederholungen: int) -> tuple[float, object]:
    zeiten, ergebnis = [], None
    for _ in range(wiederholungen):
        start = time.perf_counter()
        ergebnis = funktion()
        zeiten.append(time.perf_counter() - start)
    return statistics.median(zeiten), ergebnis


def messe(anzahl: int, wiederholungen: int) -> list[tuple[str, float]]:
    """(what, median seconds) for a workbook of `anzahl` recommendations in 9 fields."""
    daten = wie_excel(grosse_mappe_bytes(anzahl))
    anlage = lade_anlage(daten)
    runde = neue_runde(anlage, hashlib.sha256(daten).hexdigest(), "Benchmark", dt.date(2017, 10, 31))
    schreiben, boegen = _median(
        lambda: [(e.dateiname, bogen_bytes(runde, e, anlage)) for e in runde.empfaenger], wiederholungen
    )
    dateien = [(name, _gefuellt(b)) for name, b in boegen]
    lesen, eingang = _median(lambda: lies_boegen(dateien, runde, anlage), wiederholungen)
    zusammen, _ = _median(
        lambda: zusammenfuehren(eingang.rueckmeldungen, eingang.konflikte, daten, anlage, heute=dt.date(2017, 11, 1)),
        wiederholungen,
    )
    n = f"{anzahl:,}".replace(",", ".")
    return [
        (f"{n} Empfehlungen: {len(boegen)} Bögen schreiben", schreiben),
        (f"{n} Empfehlungen: {len(dateien)} ausgefüllte Bögen einlesen", lesen),
        (f"{n} Empfehlungen: zusammenführen und zellgenau schreiben (Status, Bemerkung, Gemeldet am/von)", zusammen),
    ]


def main() -> None:
    """Run and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schnell", action="store_true")
    args = parser.parse_args()
    groessen, wiederholungen = ((200,), 1) if args.schnell else ((200, 2000), 5)
    print("| Messung | Median |")
    print("|---|---|")
    for anzahl in groessen:
        for was, sekunden in messe(anzahl, wiederholungen):
            print(f"| {was} | {sekunden * 1000:,.0f} ms |".replace(",", "."))


if __name__ == "__main__":
    main()

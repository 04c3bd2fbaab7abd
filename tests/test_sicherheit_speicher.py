"""Issue 17 (4): a small upload whose sheet spans millions of cells is refused at a memory cost
proportional to the file, never to the cells (the sheet XML is counted piece by piece)."""

from __future__ import annotations

import tracemalloc

import pytest

from ipdaten.arbeitsmappe import xlsx_lesen
from ipdaten.arbeitsmappe.befunde import AnlageUngueltig
from ipdaten.arbeitsmappe.laden import lade_anlage
from tests.arbeitsmappen import mappe_bytes
from tests.feindlich import speicherbombe_bytes


@pytest.mark.langsam
def test_viele_zellen_werden_mit_wenig_speicher_abgelehnt(monkeypatch):
    # At a tenth of the real bound (1 million cells): tracemalloc makes counting about five times
    # slower, and the real size is measured for the whole server by the benchmark (part 9).
    monkeypatch.setattr(xlsx_lesen, "MAX_ZELLEN", 100_000)
    bombe = speicherbombe_bytes(6_000, 25)  # 150 000 cells, 0,3 MB
    lade_anlage(mappe_bytes())  # imports and first-call costs outside the measurement
    tracemalloc.start()
    try:
        with pytest.raises(AnlageUngueltig) as fehler:
            lade_anlage(bombe)
        _, spitze = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (befund,) = fehler.value.befunde
    assert befund.blatt == "Empfehlungen" and "Zeilen" in befund.wert
    # Measured: a peak of about 5 MB (the pieces of 1 MB XML). The old check built lists of every
    # cell: about 340 bytes per cell, 50 MB here (benchmark part 9: 846 MB at 2,5 million cells).
    assert spitze < 4 * len(bombe) + 10_000_000

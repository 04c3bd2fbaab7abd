"""Issue 17 (4): a small upload whose sheet spans millions of cells is refused at a memory cost
proportional to the file, never to the cells (the sheet XML is counted piece by piece)."""

from __future__ import annotations

import tracemalloc

import pytest

from ipdaten.arbeitsmappe.befunde import AnlageUngueltig
from ipdaten.arbeitsmappe.laden import lade_anlage
from tests.feindlich import speicherbombe_bytes


def test_millionen_zellen_werden_mit_wenig_speicher_abgelehnt():
    bombe = speicherbombe_bytes(60_000, 25)  # 1,5 million cells
    tracemalloc.start()
    try:
        with pytest.raises(AnlageUngueltig) as fehler:
            lade_anlage(bombe)
        _, spitze = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (befund,) = fehler.value.befunde
    assert befund.blatt == "Empfehlungen" and "Zeilen" in befund.wert
    # Measured: this 2,8 MB file is refused with a peak of about 7 MB. The old check built lists
    # of every cell (benchmark part 9: 846 MB for the whole server at 2,5 million cells).
    assert spitze < 4 * len(bombe) + 20_000_000

"""Issue 23: small workbooks that used to cost gigabytes are read or refused at a cost that grows
with the file, never with what its XML claims (hidden-column ranges, many sheets on one part).

Peak memory is measured with tracemalloc on bombs a tenth of the size the attack used; the
benchmark (`benchmarks/haerten.py`) measures the whole process at full size.
"""

from __future__ import annotations

import tracemalloc

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_spalten
from tests.arbeitsmappen import ersetze_teile, excel_bytes, lies_teil

BLATT = "xl/worksheets/sheet2.xml"  # Empfehlungen


def mit_spaltenangaben(daten: bytes, spalten: bytes) -> bytes:
    """`daten` with `<cols>…</cols>` put before the sheet data of Empfehlungen."""
    xml = lies_teil(daten, BLATT)
    stelle = xml.index(b"<sheetData")
    return ersetze_teile(daten, {BLATT: xml[:stelle] + b"<cols>" + spalten + b"</cols>" + xml[stelle:]})


def spaltenbombe(anzahl: int) -> bytes:
    """`anzahl` hidden ranges of 16 384 columns each, far right of Excel's last column."""
    return mit_spaltenangaben(
        excel_bytes(),
        b"".join(
            b'<col min="%d" max="%d" hidden="1"/>' % (1_000_000 + i * 20_000, 1_000_000 + i * 20_000 + 16_383)
            for i in range(anzahl)
        ),
    )


def _spitze(funktion) -> int:
    tracemalloc.start()
    try:
        funktion()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ausgeblendete_spaltenbereiche_werden_nicht_ausgezaehlt():
    bereiche = ausgeblendete_spalten(
        b'<cols><col min="3" max="4" hidden="1"/><col min="5" max="99999999" hidden="true"/>'
        b'<col min="7" max="9" width="3"/><col min="1" max="1"/></cols><sheetData/>'
    )
    assert bereiche.bereiche == ((2, 16_384),)
    assert (1 in bereiche, 2 in bereiche, 16_383 in bereiche, 16_384 in bereiche) == (False, True, True, False)


def test_spaltenbombe_kostet_keinen_speicher():
    """Finding 1: 100 hidden ranges (9 KB) held 135 MB (1,6 million column numbers) before."""
    bombe = spaltenbombe(100)
    assert len(bombe) < 10_000
    lade_anlage(excel_bytes())  # first-call costs outside the measurement
    spitze = _spitze(lambda: lade_anlage(bombe))
    assert spitze < 15_000_000, f"{spitze / 1e6:.0f} MB"


def test_mehr_spaltenangaben_als_spalten_werden_abgelehnt():
    bombe = mit_spaltenangaben(
        excel_bytes(), b"".join(b'<col min="%d" max="%d" width="3"/>' % (i, i) for i in range(1, 16_386))
    )
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(bombe)
    (befund,) = fehler.value.befunde
    assert (befund.blatt, befund.erlaubt) == ("Empfehlungen", "höchstens 16.384 Spaltenbereiche je Blatt")
    assert "aus Sicherheitsgründen nicht gelesen" in befund.meldung


def test_16384_spaltenangaben_sind_erlaubt():
    mappe = mit_spaltenangaben(
        excel_bytes(), b"".join(b'<col min="%d" max="%d" width="3"/>' % (i, i) for i in range(1, 16_385))
    )
    assert lade_anlage(mappe).empfehlungen is not None

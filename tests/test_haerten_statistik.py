"""Issue 23, finding 7: statistics files are read as a stream – memory grows with the values kept,
not with the file – and from a file at most the size bound is read (the command line read a 1 GB
single line whole before refusing it). The session scope of an upload's parse is tested against
a real server in test_haerten_server.py."""

from __future__ import annotations

import tracemalloc

import pytest

from ipdaten.amtlich.statistikdatei import lies_statistik
from ipdaten.amtlich.statistikwerte import StatistikUngueltig
from tests.hochwasser import modul_mit_hochwasser
from tests.statistikdateien import KREISE, einbuergerungen_ffcsv

MB = 1024 * 1024


def _flatfile(jahre: int) -> bytes:
    return einbuergerungen_ffcsv({(1000 + j, code): 100 + j % 50 for j in range(jahre) for code in KREISE})


@pytest.mark.langsam
def test_grosse_statistikdatei_wird_stueckweise_gelesen():
    daten = _flatfile(2_000)  # 7,4 MB, 40 000 lines, 20 000 values kept
    lies_statistik(_flatfile(2), "warm.csv")
    tracemalloc.start()
    try:
        datei = lies_statistik(daten, "12511-01-01-4_flat.csv")
        spitze = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(datei.werte) == 20_000 and datei.jahre()[:2] == [1000, 1001]
    # Measured: 89 MB before (its text and a list of every record: 12× the file), 10 MB now (the values kept).
    assert spitze < 2 * len(daten), f"{spitze / MB:.1f} MB für {len(daten) / MB:.1f} MB Datei"


class _Zaehler:
    """A file of `groesse` bytes of one line that counts what is read from it."""

    def __init__(self, groesse: int):
        self.groesse, self.gelesen = groesse, 0

    def read(self, anzahl: int = -1) -> bytes:
        anzahl = self.groesse - self.gelesen if anzahl < 0 else min(anzahl, self.groesse - self.gelesen)
        self.gelesen += anzahl
        return b"x" * anzahl


def test_aus_einer_datei_wird_hoechstens_die_grenze_gelesen():
    quelle = _Zaehler(1024 * MB)
    with pytest.raises(StatistikUngueltig) as fehler:
        lies_statistik(quelle, "eine_zeile.csv")
    assert quelle.gelesen == 20 * MB + 1
    assert fehler.value.befunde[0].meldung == "Die Datei ist zu groß (über 20 MB)."


def test_kommandozeile_liest_eine_zeile_von_1_gb_nicht_ganz(tmp_path):
    from tests.arbeitsmappen import STANDARD_PFAD

    zeile = tmp_path / "eine_zeile.csv"
    with zeile.open("wb") as datei:
        datei.truncate(1024 * MB)  # sparse: one line of 1 GB of zero bytes, no disk used
    ziel = tmp_path / "neu.xlsx"
    code, fehler, spitze = modul_mit_hochwasser(
        "ipdaten",
        ["einbuergerung", str(zeile), "--mappe", str(STANDARD_PFAD), "-o", str(ziel)],
        STANDARD_PFAD.parent.parent,
    )
    assert code == 1, fehler[-500:]
    assert "Die Datei ist zu groß (1024 MB)." in fehler
    assert not ziel.exists()
    # Measured: about 150 MB for the interpreter, its libraries and the 20 MB read; 1,15 GB when the
    # file was read whole.
    assert spitze < 400, f"{spitze:.0f} MB"

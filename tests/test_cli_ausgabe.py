"""The command line never destroys its own input and never leaves half a file (issue #23, 8)."""

from __future__ import annotations

import os

import pytest

from ipdaten.kommandozeile import gemeinsam
from tests.arbeitsmappen import standard_bytes
from tests.kommandozeile import rufe
from tests.statistikdateien import bevoelkerung_csv, einbuergerungen_csv


@pytest.fixture
def eingaben(tmp_path):
    """The default workbook and the two statistics files, written to tmp_path."""
    dateien = {
        "mappe": (tmp_path / "anlage.xlsx", standard_bytes()),
        "einb": (tmp_path / "einb.csv", einbuergerungen_csv()),
        "bev": (tmp_path / "bev.csv", bevoelkerung_csv()),
    }
    for pfad, daten in dateien.values():
        pfad.write_bytes(daten)
    return {name: pfad for name, (pfad, _) in dateien.items()}


def _unveraendert(eingaben) -> bool:
    return (
        eingaben["mappe"].read_bytes() == standard_bytes()
        and eingaben["einb"].read_bytes() == einbuergerungen_csv()
        and eingaben["bev"].read_bytes() == bevoelkerung_csv()
    )


@pytest.mark.parametrize(
    ("aufruf", "ziel"),
    [
        (lambda e: ["bericht", str(e["mappe"]), "-o", str(e["mappe"])], "mappe"),
        (
            lambda e: [
                "einbuergerung",
                str(e["einb"]),
                str(e["bev"]),
                "--mappe",
                str(e["mappe"]),
                "-o",
                str(e["mappe"]),
            ],
            "mappe",
        ),
        (
            lambda e: [
                "einbuergerung",
                str(e["einb"]),
                str(e["bev"]),
                "--mappe",
                str(e["mappe"]),
                "-o",
                str(e["einb"]),
            ],
            "einb",
        ),
        (
            lambda e: ["einbuergerung", str(e["einb"]), str(e["bev"]), "--mappe", str(e["mappe"]), "-o", str(e["bev"])],
            "bev",
        ),
    ],
    ids=["bericht-mappe", "einbuergerung-mappe", "einbuergerung-statistik", "einbuergerung-bevoelkerung"],
)
def test_ausgabe_gleich_eingabe_wird_abgelehnt(eingaben, aufruf, ziel):
    ergebnis = rufe(*aufruf(eingaben))
    assert (ergebnis.returncode, ergebnis.stdout) == (2, "")
    assert ergebnis.stderr == (
        f"Fehler: Die Ausgabe „{eingaben[ziel]}“ ist zugleich eine Eingabe; sie würde überschrieben. "
        "Bitte mit -o eine andere Datei angeben.\n"
    )
    assert _unveraendert(eingaben)


def test_ausgabe_ueber_anderen_pfad_zur_eingabe_wird_erkannt(eingaben, tmp_path):
    """The same file by another name (a symlink, ./ and ..) is still the input."""
    verweis = tmp_path / "verweis.xlsx"
    verweis.symlink_to(eingaben["mappe"])
    for ziel in (verweis, tmp_path / "unter" / ".." / "anlage.xlsx"):
        (tmp_path / "unter").mkdir(exist_ok=True)
        ergebnis = rufe("bericht", str(eingaben["mappe"]), "-o", str(ziel))
        assert ergebnis.returncode == 2, ziel
    assert _unveraendert(eingaben)


def test_ausgabe_ein_ordner_wird_abgelehnt(eingaben, tmp_path):
    ergebnis = rufe("bericht", str(eingaben["mappe"]), "-o", str(tmp_path))
    assert (ergebnis.returncode, ergebnis.stderr) == (
        2,
        f"Fehler: Die Ausgabe „{tmp_path}“ ist ein Ordner; bitte einen Dateinamen angeben.\n",
    )


def test_abgebrochenes_schreiben_laesst_keine_halbe_datei(eingaben, tmp_path, monkeypatch):
    """A write that fails midway (disk full) leaves the old output as it was and no stray file."""
    ziel = tmp_path / "vorlage.docx"
    ziel.write_bytes(b"die alte Fassung")

    def voll(griff):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gemeinsam.os, "fsync", voll)
    ergebnis = rufe("bericht", str(eingaben["mappe"]), "-o", str(ziel))
    assert (ergebnis.returncode, ergebnis.stderr) == (
        1,
        f"Fehler: „{ziel}“ kann nicht geschrieben werden (No space left on device).\n",
    )
    assert ziel.read_bytes() == b"die alte Fassung"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anlage.xlsx", "bev.csv", "einb.csv", "vorlage.docx"]


def test_geschriebene_datei_hat_die_ueblichen_rechte(eingaben, tmp_path):
    ziel = tmp_path / "neu.docx"
    maske = os.umask(0o022)
    try:
        assert rufe("bericht", str(eingaben["mappe"]), "-o", str(ziel)).returncode == 0
    finally:
        os.umask(maske)
    assert ziel.stat().st_mode & 0o777 == 0o644
    assert ziel.read_bytes()[:2] == b"PK"

"""Issue 23, low findings about the store: a damaged page, a full disk and a read-only store each
get a German answer by cause – and a read-only store still shows its Stände."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ipdaten.ablage import Ablage, AblageFehler, ablage_verzeichnis
from tests.arbeitsmappen import STANDARD_PFAD, grosse_mappe_bytes
from tests.fortschreibung_mappen import stand_bytes
from tests.seiten_hilfen import starte, texte


def _veroeffentliche(anzahl: int = 3) -> Ablage:
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    for stufe in range(1, anzahl + 1):
        ablage.veroeffentliche(_mappe(stufe), bezeichnung=f"Fortschreibung {stufe}")
    return ablage


def _mappe(stufe: int) -> bytes:
    """Workbooks of some 100 KB: each spans a chain of SQLite overflow pages of its own."""
    return grosse_mappe_bytes(1_000 + stufe)


def _beschaedige_seite(ablage: Ablage, daten: bytes, letzter: bool = False) -> None:
    """Overwrite the pointer at the start of an overflow page in the middle of `daten`'s blob
    (of the first Stand whose blob holds that part, or the last): SQLite then reports 'database
    disk image is malformed' when that Stand is read."""
    with contextlib.closing(sqlite3.connect(ablage.pfad)) as verbindung:
        verbindung.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        seite = verbindung.execute("PRAGMA page_size").fetchone()[0]
    roh = bytearray(ablage.pfad.read_bytes())
    teil = daten[len(daten) // 2 : len(daten) // 2 + 64]  # the workbooks differ only in their last rows
    stelle = roh.rfind(teil) if letzter else roh.find(teil)
    assert stelle > 0
    anfang = stelle // seite * seite
    roh[anfang : anfang + 4] = b"\xff\xff\xff\xff"
    ablage.pfad.write_bytes(bytes(roh))


def test_beschaedigte_seite_in_der_ablage_fehlt_im_verlauf_mit_meldung():
    """A damaged page in the middle of the store (Stand 2): the Verlauf over all Stände on
    Fortschritt ended with "This app has encountered an error" (DatabaseError)."""
    _beschaedige_seite(_veroeffentliche(), _mappe(1))
    at = starte("seiten/fortschritt.py")
    at.radio(key="fortschritt_ansicht").set_value("Verlauf über alle Stände").run()
    assert not at.exception, at.exception
    (warnung,) = [w.value for w in at.warning if "Verlauf" in w.value]
    assert warnung.startswith("Der Verlauf zeigt Stand Nr. 2 nicht: Er lässt sich nicht aus der Ablage lesen.")
    assert "beschädigt" in warnung and "Sicherung" in warnung
    assert "Verlauf über alle Stände" in texte(at)


def test_beschaedigter_stand_auf_einer_seite_ergibt_eine_meldung():
    """The Fortschritt page compares the newest Stand, which is damaged, with the one before."""
    _beschaedige_seite(_veroeffentliche(), _mappe(3), letzter=True)
    at = starte("seiten/fortschritt.py")
    ersatz, fehler = [e.value for e in at.error]
    assert ersatz.startswith("**Diese Seite zeigt die mitgelieferte Standard-Arbeitsmappe")
    assert fehler.startswith("Diese Seite braucht einen Stand, der sich nicht aus der Ablage lesen lässt.")
    assert "ist beschädigt oder keine SQLite" in fehler and "Sicherung" in fehler


def _voll_nach_dem_schreiben(ablage: Ablage) -> None:
    """SQLite's answer to a full disk in the middle of a transaction: the statement fails with
    SQLITE_FULL and SQLite has already rolled the transaction back."""
    original = ablage._schreibe

    def schreiben(verbindung, *args, **kwargs):
        original(verbindung, *args, **kwargs)
        verbindung.execute("ROLLBACK")
        fehler = sqlite3.OperationalError("database or disk is full")
        fehler.sqlite_errorcode = sqlite3.SQLITE_FULL
        raise fehler

    ablage._schreibe = schreiben


def test_voller_datentraeger_wird_so_genannt():
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    _voll_nach_dem_schreiben(ablage)
    with pytest.raises(AblageFehler) as fehler:
        ablage.veroeffentliche(stand_bytes(1), bezeichnung="Herbst")
    assert str(fehler.value).startswith(
        f"Die Ablage der Stände im Verzeichnis „{ablage.verzeichnis}“ kann nicht beschrieben werden: Der "
        "Datenträger ist voll."
    ), fehler.value  # before: "… (OperationalError: cannot rollback - no transaction is active)"
    assert [s.nr for s in Ablage(ablage.verzeichnis, STANDARD_PFAD).staende()] == [1]


@contextlib.contextmanager
def _kleiner_datentraeger(ordner: Path):
    """A tmpfs of 300 KB at `ordner` (root with mount rights only)."""
    ordner.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(ordner)], capture_output=True
    ).returncode:
        pytest.skip("kein tmpfs einhängbar (nur als root)")
    try:
        yield ordner
    finally:
        subprocess.run(["umount", "-l", str(ordner)], check=True)  # -l: the store keeps a read connection


def test_wirklich_voller_datentraeger(tmp_path):
    with _kleiner_datentraeger(tmp_path / "klein") as klein:
        ablage = Ablage(klein / "ablage", STANDARD_PFAD)
        (klein / "fueller").write_bytes(b"\0" * (shutil.disk_usage(klein).free - 8192))
        with pytest.raises(AblageFehler) as fehler:
            for stufe in range(1, 4):
                ablage.veroeffentliche(stand_bytes(stufe), bezeichnung=f"Fortschreibung {stufe}")
        assert "kann nicht beschrieben werden: Der Datenträger ist voll." in str(fehler.value)
        (klein / "fueller").unlink()
        assert len(Ablage(klein / "ablage", STANDARD_PFAD).staende()) >= 1


@contextlib.contextmanager
def _nur_lesbar(ordner: Path):
    """`ordner` and its files made read-only for this process: immutable as root (root ignores
    file modes), else without write permission."""
    pfade = [ordner, *ordner.iterdir()]
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", *map(str, pfade)], capture_output=True).returncode:
            pytest.skip("chattr +i geht hier nicht")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, pfade)], check=True)
    else:
        modi = {p: p.stat().st_mode for p in pfade}
        for p in pfade:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, modus in modi.items():
                p.chmod(modus)


def test_nur_lesbare_ablage_zeigt_ihre_staende():
    """A store the server may not write hid every Stand (the default workbook was shown instead)."""
    ablage = _veroeffentliche(2)
    verzeichnis = ablage.verzeichnis
    del ablage
    with _nur_lesbar(verzeichnis):
        lesend = Ablage(verzeichnis, STANDARD_PFAD)
        assert lesend.nur_lesbar and [s.nr for s in lesend.staende()] == [1, 2, 3]
        with pytest.raises(AblageFehler, match="ist nur lesbar: Der Server darf dort nicht schreiben"):
            lesend.veroeffentliche(stand_bytes(3), bezeichnung="Neu")
        at = starte("seiten/uebersicht.py")
        gezeigt = texte(at)
        assert "Fortschreibung 2" in gezeigt and "Standard-Arbeitsmappe" not in gezeigt.split("Stand der Daten")[0]
        assert any("nur lesbar" in w.value for w in at.sidebar.warning)


def test_unlesbarer_neuester_stand_zeigt_nicht_still_die_standard_mappe():
    """The newest Stand is damaged: every page falls back to the bundled default workbook, and
    said so only on the Präsentation – the Übersicht showed its figures under a sidebar naming
    the damaged Stand. Now each page says at the top which figures these are and why."""
    _beschaedige_seite(_veroeffentliche(), _mappe(3), letzter=True)
    for seite in ("seiten/uebersicht.py", "seiten/einbuergerung.py", "seiten/praesentation.py"):
        at = starte(seite)
        (fehler,) = [e.value for e in at.error]
        assert fehler.startswith(
            "**Diese Seite zeigt die mitgelieferte Standard-Arbeitsmappe (Stand 6. März 2017), nicht den gewählten "
            "Stand:** Die Ablage der Stände lässt sich nicht lesen."
        ), seite
        assert "beschädigt" in fehler and "Sicherung" in fehler

"""The store of Stände: bytes kept unchanged, default first, transactions, concurrency, restarts."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ipdaten.ablage import Ablage, AblageFehler, ablage_verzeichnis, sha256
from ipdaten.ablage_fehler import StandVeraltet
from ipdaten.arbeitsmappe import AnlageUngueltig
from tests.arbeitsmappen import STANDARD_PFAD, empfehlung, mappe_bytes, standard_bytes

WURZEL = Path(__file__).resolve().parent.parent


def _revision(text: str = "Herbst 2017") -> bytes:
    """A valid workbook that differs from the default rows by a label (so its bytes differ)."""
    return mappe_bytes(info=[["Stand", dt.date(2017, 9, 30)], ["Bezeichnung", text]])


def test_neue_ablage_hat_die_standardmappe_als_ersten_stand(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    staende = ablage.staende()
    assert len(staende) == 1
    erster = staende[0]
    assert (erster.nr, erster.ist_standard, erster.stand) == (1, True, dt.date(2017, 3, 6))
    assert erster.sha256 == sha256(standard_bytes())
    assert ablage.lies(erster.sha256) == standard_bytes()
    assert ablage.neueste_nr() == 1


def test_veroeffentlichen_speichert_die_bytes_unveraendert_mit_datum_und_bezeichnung(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    daten = _revision()
    ergebnis = ablage.veroeffentliche(daten, bezeichnung="  Auswertung\tHerbst  ", dateiname="../../etc/x.xlsx")
    assert ergebnis.neu
    info = ergebnis.stand
    assert (info.nr, info.stand, info.bezeichnung, info.dateiname, info.groesse, info.ist_standard) == (
        2,
        dt.date(2017, 9, 30),
        "Auswertung Herbst",
        "x.xlsx",
        len(daten),
        False,
    )
    assert info.veroeffentlicht.tzinfo is not None
    assert ablage.lies(info.sha256) == daten
    assert [s.nr for s in ablage.staende()] == [1, 2]
    assert ablage.stand(2) == info
    assert ablage.stand_zu_sha(sha256(daten)) == info


def test_datum_und_bezeichnung_kommen_ohne_angabe_aus_dem_info_blatt(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    info = ablage.veroeffentliche(_revision("Aus dem Info-Blatt")).stand
    assert (info.stand, info.bezeichnung) == (dt.date(2017, 9, 30), "Aus dem Info-Blatt")
    gesetzt = ablage.veroeffentliche(_revision("anders"), stand=dt.date(2018, 1, 2), bezeichnung="Eigene").stand
    assert (gesetzt.stand, gesetzt.bezeichnung) == (dt.date(2018, 1, 2), "Eigene")


def test_gleiche_bytes_werden_erkannt_und_nicht_doppelt_gespeichert(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    daten = _revision()
    erst = ablage.veroeffentliche(daten, bezeichnung="eins")
    noch_mal = ablage.veroeffentliche(daten, bezeichnung="zwei")
    assert (erst.neu, noch_mal.neu) == (True, False)
    assert noch_mal.stand == erst.stand
    standard = ablage.veroeffentliche(standard_bytes())
    assert (standard.neu, standard.stand.nr) == (False, 1)
    assert len(ablage.staende()) == 2


def test_ungueltige_mappe_wird_nicht_gespeichert(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    with pytest.raises(AnlageUngueltig) as fehler:
        ablage.veroeffentliche(mappe_bytes(empfehlungen=[empfehlung(1, 1, "vielleicht")]))
    assert "Status nicht erkannt: „vielleicht“" in str(fehler.value)
    with pytest.raises(AnlageUngueltig):
        ablage.veroeffentliche(b"Nr;Handlungsfeld\n1;Wohnen\n")
    assert [s.nr for s in ablage.staende()] == [1]


def test_abgebrochene_veroeffentlichung_hinterlaesst_nichts(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)

    def abbruch():
        raise RuntimeError("Stromausfall mitten im Schreiben")

    ablage._im_schreiben = abbruch
    daten = _revision()
    with pytest.raises(RuntimeError):
        ablage.veroeffentliche(daten)
    ablage._im_schreiben = None
    neu_geoeffnet = Ablage(tmp_path, STANDARD_PFAD)
    assert [s.nr for s in neu_geoeffnet.staende()] == [1]
    with sqlite3.connect(tmp_path / "staende.sqlite3") as verbindung:
        assert verbindung.execute("SELECT count(*) FROM dateien").fetchone()[0] == 1
    # The same bytes can be published afterwards, completely.
    info = neu_geoeffnet.veroeffentliche(daten).stand
    assert neu_geoeffnet.lies(info.sha256) == daten


def test_ein_mitten_im_schreiben_abgestuerzter_prozess_hinterlaesst_nichts(tmp_path):
    """A real crash: the child process dies (os._exit) inside the publish transaction."""
    Ablage(tmp_path, STANDARD_PFAD)
    skript = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(WURZEL)!r})
        from ipdaten.ablage import Ablage
        from tests.arbeitsmappen import mappe_bytes
        ablage = Ablage({str(tmp_path)!r}, {str(STANDARD_PFAD)!r})
        ablage._im_schreiben = lambda: os._exit(3)
        ablage.veroeffentliche(mappe_bytes(info=[["Bezeichnung", "abgestürzt"]]))
        """
    )
    ergebnis = subprocess.run([sys.executable, "-c", skript], capture_output=True, timeout=120)
    assert ergebnis.returncode == 3, ergebnis.stderr.decode()
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    assert [(s.nr, s.ist_standard) for s in ablage.staende()] == [(1, True)]
    with sqlite3.connect(tmp_path / "staende.sqlite3") as verbindung:
        assert verbindung.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert verbindung.execute("SELECT count(*) FROM dateien").fetchone()[0] == 1


def test_nach_neustart_sind_alle_staende_da(tmp_path):
    erste = Ablage(tmp_path, STANDARD_PFAD)
    daten_a, daten_b = _revision("A"), _revision("B")
    a = erste.veroeffentliche(daten_a).stand
    b = erste.veroeffentliche(daten_b).stand
    del erste
    zweite = Ablage(tmp_path, STANDARD_PFAD)
    assert zweite.staende()[1:] == [a, b]
    assert (zweite.lies(a.sha256), zweite.lies(b.sha256)) == (daten_a, daten_b)


def test_zwei_gleichzeitige_veroeffentlichungen_aus_threads(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    mappen = [_revision(f"Thread {i}") for i in range(2)]
    start = threading.Barrier(2)
    ergebnisse, fehler = [], []

    def veroeffentlichen(daten):
        try:
            start.wait()
            ergebnisse.append(Ablage(tmp_path, STANDARD_PFAD).veroeffentliche(daten))
        except Exception as e:  # collected and asserted below
            fehler.append(e)

    threads = [threading.Thread(target=veroeffentlichen, args=(d,)) for d in mappen]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fehler == []
    assert all(e.neu for e in ergebnisse)
    staende = ablage.staende()
    assert [s.nr for s in staende] == [1, 2, 3]
    assert {s.bezeichnung for s in staende[1:]} == {"Thread 0", "Thread 1"}
    for s, daten in ((s, d) for s in staende[1:] for d in mappen if sha256(d) == s.sha256):
        assert ablage.lies(s.sha256) == daten


def _prozess_veroeffentlicht(verzeichnis: str, text: str, start, ausgabe) -> None:
    from ipdaten.ablage import Ablage as A
    from tests.arbeitsmappen import STANDARD_PFAD as S

    daten = mappe_bytes(info=[["Stand", dt.date(2017, 9, 30)], ["Bezeichnung", text]])
    start.wait()
    ausgabe.put(A(verzeichnis, S).veroeffentliche(daten).stand.nr)


@pytest.mark.langsam
def test_zwei_gleichzeitige_veroeffentlichungen_aus_prozessen(tmp_path):
    """Two server processes on a fresh directory: both create the store and publish at once."""
    kontext = multiprocessing.get_context("spawn")
    start = kontext.Barrier(2)
    ausgabe = kontext.Queue()
    prozesse = [
        kontext.Process(target=_prozess_veroeffentlicht, args=(str(tmp_path), f"Prozess {i}", start, ausgabe))
        for i in range(2)
    ]
    for p in prozesse:
        p.start()
    for p in prozesse:
        p.join(120)
    assert [p.exitcode for p in prozesse] == [0, 0]
    assert sorted(ausgabe.get(timeout=5) for _ in prozesse) == [2, 3]
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    staende = ablage.staende()
    assert [(s.nr, s.ist_standard) for s in staende] == [(1, True), (2, False), (3, False)]
    assert {s.bezeichnung for s in staende[1:]} == {"Prozess 0", "Prozess 1"}
    for s in staende:
        assert sha256(ablage.lies(s.sha256)) == s.sha256


def test_gleichzeitig_dieselben_bytes_ergeben_einen_stand(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    daten = _revision()
    start = threading.Barrier(4)
    ergebnisse = []

    def los():
        start.wait()
        ergebnisse.append(ablage.veroeffentliche(daten))

    threads = [threading.Thread(target=los) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(e.neu for e in ergebnisse) == [False, False, False, True]
    assert {e.stand.nr for e in ergebnisse} == {2}
    assert len(ablage.staende()) == 2


def test_beschaedigte_datei_wird_erkannt(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    pruefsumme = ablage.staende()[0].sha256
    with sqlite3.connect(tmp_path / "staende.sqlite3") as verbindung:
        verbindung.execute("UPDATE dateien SET inhalt = ? WHERE sha256 = ?", (b"kaputt", pruefsumme))
    with pytest.raises(AblageFehler, match="beschädigt"):
        ablage.lies(pruefsumme)


def test_sqlite_fehler_beim_lesen_und_schreiben_kommen_als_ablagefehler(tmp_path):
    """Callers catch one type: SQLite's own errors after the store was opened leave it as
    AblageFehler with a German message, the SQLite error as its cause."""
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    with sqlite3.connect(tmp_path / "staende.sqlite3") as verbindung:
        verbindung.execute("DROP TABLE staende")
    with pytest.raises(AblageFehler, match="kann nicht gelesen werden") as fehler:
        ablage.stand(1)
    assert isinstance(fehler.value.__cause__, sqlite3.OperationalError)
    with pytest.raises(AblageFehler) as fehler:
        ablage.veroeffentliche(_revision())
    assert isinstance(fehler.value.__cause__, sqlite3.OperationalError)


def test_datei_statt_verzeichnis_gibt_deutsche_meldung(tmp_path):
    datei = tmp_path / "keinordner"
    datei.write_text("x")
    with pytest.raises(AblageFehler, match="kann nicht geöffnet werden: Unter diesem Pfad liegt eine Datei"):
        Ablage(datei / "ablage", STANDARD_PFAD)


def test_beschaedigte_datenbank_sagt_was_zu_tun_ist_nicht_schreibrechte(tmp_path):
    (tmp_path / "staende.sqlite3").write_bytes(b"Dies ist keine Datenbank." * 200)
    with pytest.raises(AblageFehler) as fehler:
        Ablage(tmp_path, STANDARD_PFAD)
    meldung = str(fehler.value)
    assert "„staende.sqlite3“ ist beschädigt oder keine SQLite-Datenbank" in meldung
    assert "an den Schreibrechten liegt es nicht" in meldung
    assert "So geht es weiter: die letzte Sicherung des Ordners zurückkopieren" in meldung
    assert "„staende-defekt.sqlite3“" in meldung
    assert "Schreibrechte für" not in meldung


@pytest.mark.skipif(os.geteuid() == 0, reason="root darf in jeden Ordner schreiben")
def test_schreibgeschuetztes_verzeichnis_sagt_schreibrechte(tmp_path):
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(AblageFehler, match="Schreibrechte für das Verzeichnis geben"):
            Ablage(tmp_path / "ablage", STANDARD_PFAD)
    finally:
        tmp_path.chmod(0o755)


def test_fehlende_standardmappe_sagt_was_zu_tun_ist(tmp_path):
    with pytest.raises(AblageFehler, match=r"Standard-Arbeitsmappe .* fehlt oder ist ungültig\. So geht es weiter"):
        Ablage(tmp_path, tmp_path / "gibtesnicht.xlsx")


def test_verzeichnis_aus_umgebungsvariable(tmp_path, monkeypatch):
    monkeypatch.setenv("IPDATEN_ABLAGE", str(tmp_path / "x"))
    assert ablage_verzeichnis() == (tmp_path / "x").resolve()
    monkeypatch.delenv("IPDATEN_ABLAGE")
    assert ablage_verzeichnis() == WURZEL / "daten" / "ablage"


def test_viele_gleichzeitige_veroeffentlichungen_verlieren_nichts(tmp_path):
    """6 threads × 2 different workbooks against one directory: 12 complete, numbered Stände."""
    Ablage(tmp_path, STANDARD_PFAD)
    mappen = {(t, i): _revision(f"T{t}-{i}") for t in range(6) for i in range(2)}
    start = threading.Barrier(6)
    fehler = []

    def los(t):
        try:
            eigene = Ablage(tmp_path, STANDARD_PFAD)
            start.wait()
            for i in range(2):
                assert eigene.veroeffentliche(mappen[(t, i)]).neu
        except Exception as e:  # collected and asserted below
            fehler.append(e)

    threads = [threading.Thread(target=los, args=(t,)) for t in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert fehler == []
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    staende = ablage.staende()
    assert [s.nr for s in staende] == list(range(1, 14))
    assert sorted(s.bezeichnung for s in staende[1:]) == sorted(f"T{t}-{i}" for t, i in mappen)
    nach_name = {f"T{t}-{i}": d for (t, i), d in mappen.items()}
    for s in staende[1:]:
        assert ablage.lies(s.sha256) == nach_name[s.bezeichnung]


def test_in_einen_stand_eingetragene_mappe_nur_solange_er_der_neueste_ist(tmp_path):
    """Two corrections written into Stand 1: the first is published, the second would undo it
    and is refused in the same transaction (nothing stored, the message says what to do)."""
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    erste = ablage.veroeffentliche(_revision("erste Korrektur"), basis_nr=1).stand
    assert erste.nr == 2
    with pytest.raises(StandVeraltet) as fehler:
        ablage.veroeffentliche(_revision("zweite Korrektur"), basis_nr=1)
    assert (fehler.value.basis, fehler.value.neuester) == (1, 2)
    assert isinstance(fehler.value, AblageFehler)  # the pages show every store error the same way
    assert [s.nr for s in ablage.staende()] == [1, 2]
    assert ablage.veroeffentliche(_revision("zweite Korrektur"), basis_nr=2).stand.nr == 3

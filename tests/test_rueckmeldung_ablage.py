"""The Rückmelderunde in the store (issue 21): rounds, recipients and returned forms kept across
sessions and processes, so that overview and merge see every form that came in."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import pytest

from ipdaten.ablage import DATEINAME_DB, Ablage, AblageFehler
from ipdaten.rueckmeldung import lies_boegen, ueberblick, zusammenfuehren
from ipdaten.rueckmeldung.ablage_runde import Rundenablage, basis_der_runde, eingang_der_runde
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import STANDARD_PFAD

ERSTER = dt.datetime(2017, 10, 12, 9, 30, tzinfo=dt.UTC)
ZWEITER = dt.datetime(2017, 10, 24, 22, 30, tzinfo=dt.UTC)  # 25 October in Böblingen


def _ablage(tmp_path) -> tuple[Ablage, Rundenablage]:
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    ablage.veroeffentliche(rb.mappe(), dateiname="anlage.xlsx")
    runden = Rundenablage(ablage)
    runden.lege_an(rb.standardrunde())
    return ablage, runden


def _jobcenter() -> bytes:
    return rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}})


def _kreisbau() -> bytes:
    return rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit"}}, datum=None, absender="Max Bau")


def test_runde_bleibt_mit_ihren_empfaengern(tmp_path):
    ablage, runden = _ablage(tmp_path)
    assert runden.runden() == [rb.standardrunde()]
    # Another process opening the same store sees the round.
    anderer = Rundenablage(Ablage(tmp_path, STANDARD_PFAD))
    assert anderer.aktuelle() == rb.standardrunde()
    anderer.schliesse(rb.standardrunde().id)
    assert runden.aktuelle() is None and runden.runde(rb.standardrunde().id) == rb.standardrunde()
    daten, anlage, zuordnung = basis_der_runde(ablage, rb.standardrunde())
    assert (daten, zuordnung) == (rb.mappe(), None)
    assert anlage.empfehlungen.equals(rb.anlage().empfehlungen)


def test_zurueckgesandte_boegen_ueber_mehrere_tage(tmp_path):
    _, runden = _ablage(tmp_path)
    runde = rb.standardrunde()
    kaputt = rb.fuelle(rb.leerer_bogen("sozialamt"), {"2.3": {"Status neu": "offen"}})
    job = _jobcenter()  # the same bytes twice (openpyxl writes the time of saving into the file)
    erste = [("jobcenter.xlsx", job), ("sozialamt.xlsx", kaputt)]
    assert len(runden.nimm_auf(runde.id, erste, lies_boegen(erste, runde, rb.anlage()), ERSTER)) == 1
    zweite = [("kreisbau.xlsx", _kreisbau()), ("jobcenter-nochmal.xlsx", job)]
    neu = runden.nimm_auf(runde.id, zweite, lies_boegen(zweite, runde, rb.anlage()), ZWEITER)
    assert len(neu) == 1  # the Jobcenter's form again is not kept twice
    assert [(b.dateiname, b.stelle, b.absender, b.eingangstag) for b in runden.eingang(runde.id)] == [
        ("jobcenter.xlsx", "jobcenter", "Erika Muster", dt.date(2017, 10, 12)),
        ("kreisbau.xlsx", "kreisbau", "Max Bau", dt.date(2017, 10, 25)),
    ]
    # A later session reads the kept forms again and merges them at once.
    eingang = eingang_der_runde(runden, runde, rb.anlage())
    tage = runden.eingangstage(runde.id)
    stellen = ueberblick(runde, eingang.rueckmeldungen, rb.anlage(), dt.date(2017, 11, 2), tage)
    assert [(s.empfaenger.name, s.zustand, s.letzter_eingang) for s in stellen] == [
        ("Integrationsbeauftragte", "überfällig", None),
        ("Jobcenter", "beantwortet", dt.date(2017, 10, 12)),
        ("Kreisbau", "beantwortet", dt.date(2017, 10, 25)),
        ("Sozialamt", "überfällig", None),
        ("nicht benannt", "überfällig", None),
    ]
    ergebnis = zusammenfuehren(
        eingang.rueckmeldungen, eingang.konflikte, rb.mappe(), rb.anlage(), heute=dt.date(2017, 11, 2), eingegangen=tage
    )
    e = ergebnis.fortschreibung.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(2, 2), ["status", "gemeldet_am"]].tolist() == ["in Arbeit", dt.date(2017, 10, 25)]
    runden.vermerke_uebernahme(runde.id, neu, 2)
    assert [b.uebernommen_nr for b in runden.eingang(runde.id)] == [None, 2]
    assert [n for n, _ in runden.dateien(runde.id, nur_offene=True)] == ["jobcenter.xlsx"]


def test_alte_ablage_bekommt_die_tabellen_der_runde(tmp_path):
    Ablage(tmp_path, STANDARD_PFAD)
    with contextlib.closing(sqlite3.connect(tmp_path / DATEINAME_DB)) as db:
        for tabelle in ("runden_eingang", "runden_empfaenger", "runden"):
            db.execute(f"DROP TABLE {tabelle}")
        db.execute("PRAGMA user_version = 3")
        db.commit()
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    ablage.veroeffentliche(rb.mappe())
    Rundenablage(ablage).lege_an(rb.standardrunde())
    assert Rundenablage(ablage).runden() == [rb.standardrunde()]


def test_fehler_der_tabellen_einer_runde_kommen_als_ablagefehler(tmp_path):
    """SQLite's errors in the rounds' tables leave as the store's one error type (the pages catch
    only AblageFehler), with the German message by cause and SQLite's error as its cause."""
    _, runden = _ablage(tmp_path)
    runde = rb.standardrunde()
    bogen = [("jobcenter.xlsx", _jobcenter())]
    eingang = lies_boegen(bogen, runde, rb.anlage())
    with contextlib.closing(sqlite3.connect(tmp_path / DATEINAME_DB)) as db:
        db.execute("DROP TABLE runden_eingang")
        db.commit()
    with pytest.raises(AblageFehler) as lesen:
        runden.eingang(runde.id)
    with pytest.raises(AblageFehler) as schreiben:
        runden.nimm_auf(runde.id, bogen, eingang)
    for fehler in (lesen.value, schreiben.value):
        assert isinstance(fehler.__cause__, sqlite3.Error)
        assert "Ablage" in str(fehler)

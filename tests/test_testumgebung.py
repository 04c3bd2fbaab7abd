"""The test setup itself (conftest.py): the default Stand's evaluation that one test hands on to
the next is handed only to a test that could not get anything else – never after the test damaged
its store or patched code. That it is handed on at all (it relies on Streamlit's internals) is
checked in test_streamlit_eingriffe.py."""

from __future__ import annotations

import sqlite3

import pytest
import streamlit as st

from ipdaten.ablage import DATEINAME_DB, Ablage, AblageFehler, ablage_verzeichnis, sha256
from oberflaeche import zwischenspeicher
from tests.arbeitsmappen import STANDARD_PFAD

PRUEFSUMME = sha256(STANDARD_PFAD.read_bytes())


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _abriss(ablage: Ablage):
    info = ablage.stand_zu_sha(PRUEFSUMME)
    return zwischenspeicher.abriss_zu_stand(
        PRUEFSUMME, 1, info.stand, info.bezeichnung, False, lambda: (ablage.lies(PRUEFSUMME), None)
    )


def _leeren() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def test_beschaedigter_standardstand_wird_gemeldet_auch_wenn_er_schon_ausgewertet_war():
    ablage = _ablage()
    zwischenspeicher.auswertung_zu_stand(PRUEFSUMME, ablage)
    _abriss(ablage)
    with sqlite3.connect(ablage_verzeichnis() / DATEINAME_DB) as verbindung:
        verbindung.execute("UPDATE dateien SET inhalt = ? WHERE sha256 = ?", (b"kaputt", PRUEFSUMME))
    _leeren()
    with pytest.raises(AblageFehler, match="beschädigt"):
        zwischenspeicher.auswertung_zu_stand(PRUEFSUMME, ablage)
    with pytest.raises(AblageFehler, match="beschädigt"):
        _abriss(ablage)


def test_ein_test_der_code_ersetzt_bekommt_eine_neue_auswertung(monkeypatch):
    ablage = _ablage()
    auswertung, abriss = zwischenspeicher.auswertung_zu_stand(PRUEFSUMME, ablage), _abriss(ablage)
    gelesen = []
    original = zwischenspeicher.lade_anlage
    monkeypatch.setattr(zwischenspeicher, "lade_anlage", lambda *a, **k: gelesen.append(1) or original(*a, **k))
    _leeren()
    assert zwischenspeicher.auswertung_zu_stand(PRUEFSUMME, ablage) is not auswertung
    assert _abriss(ablage) is not abriss
    assert len(gelesen) == 2

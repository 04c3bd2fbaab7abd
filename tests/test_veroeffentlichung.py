"""Who may publish (issue 17, holes 5 and 6): always whoever knows the password — configured,
or made by the server and printed to its terminal; no guessing from request headers; wrong
guesses slowed down per session and for the whole server; the server log names failed attempts
and publications, never a password."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from oberflaeche import sitzung, veroeffentlichung
from oberflaeche.veroeffentlichung import Drossel, passwort_stimmt
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.conftest import TEST_PASSWORT
from tests.seiten_hilfen import oeffne

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _vorschau() -> AppTest:
    at = oeffne("seiten/daten.py").run()
    at.file_uploader(key="anlage_upload").set_value(("herbst.xlsx", ueberarbeitete_standard_bytes(), XLSX)).run()
    assert not at.exception
    return at


def _veroeffentlichen(at: AppTest, passwort: str) -> list[str]:
    at.text_input(key="passwort").set_value(passwort)
    at.button(key="veroeffentlichen").click().run()
    assert not at.exception
    return [e.value for e in at.error]


def _staende() -> list[int]:
    return [s.nr for s in Ablage(ablage_verzeichnis(), STANDARD_PFAD).staende()]


def test_passwortvergleich():
    assert passwort_stimmt("Sitzung-2017", "Sitzung-2017")
    assert not passwort_stimmt("sitzung-2017", "Sitzung-2017")
    assert not passwort_stimmt("", "Sitzung-2017")
    assert passwort_stimmt("Größe", "Größe")


@pytest.fixture
def ohne_passwort(monkeypatch):
    """No configured password; the server's own one is made afresh."""
    monkeypatch.delenv("IPDATEN_PASSWORT", raising=False)
    monkeypatch.setattr(veroeffentlichung, "_erzeugt", None)
    monkeypatch.setattr(veroeffentlichung, "_bereitgestellt", False)


def test_ohne_eingerichtetes_passwort_erzeugt_der_server_eines(ohne_passwort, caplog):
    caplog.set_level(logging.INFO, logger="ipdaten.sicherheit")
    at = _vorschau()
    erzeugt = veroeffentlichung._erzeugt
    assert erzeugt and len(erzeugt) >= 16
    # Printed once, at the first run, for whoever started the server.
    gedruckt = [r.getMessage() for r in caplog.records if erzeugt in r.getMessage()]
    assert len(gedruckt) == 1 and "Passwort zum Veröffentlichen: " in gedruckt[0]
    assert any(c.value.startswith("Auf diesem Server ist kein festes Passwort eingerichtet.") for c in at.caption)
    # A local server without a configured password no longer publishes for anyone.
    assert _veroeffentlichen(at, "") == ["Das Passwort stimmt nicht. Es wurde nichts veröffentlicht."]
    assert _staende() == [1]
    assert _veroeffentlichen(at, erzeugt) == []
    assert _staende() == [1, 2]
    assert veroeffentlichung._erzeugt == erzeugt  # one password per server process


def test_keine_ausnahme_fuer_lokale_adresse_oder_header(ohne_passwort):
    """Nothing about the request decides: the page has no notion of 'only local' left."""
    assert not hasattr(veroeffentlichung, "nur_lokal") and not hasattr(veroeffentlichung, "proxy_oder_fremder_host")
    at = _vorschau()
    assert at.text_input(key="passwort") is not None
    assert _veroeffentlichen(at, "") == ["Das Passwort stimmt nicht. Es wurde nichts veröffentlicht."]


def test_drossel_je_sitzung_und_fuer_den_server():
    uhr = [1000.0]
    drossel = Drossel(je_minute=10, uhr=lambda: uhr[0])
    sitzung: dict = {}
    assert drossel.wartezeit(sitzung) == 0
    drossel.fehlversuch(sitzung)
    drossel.fehlversuch(sitzung)
    assert drossel.wartezeit(sitzung) == 0  # two typing errors cost nothing
    drossel.fehlversuch(sitzung)
    assert drossel.wartezeit(sitzung) == 2
    drossel.fehlversuch(sitzung)
    assert drossel.wartezeit(sitzung) == 4
    uhr[0] += 4
    assert drossel.wartezeit(sitzung) == 0
    for _ in range(10):
        drossel.fehlversuch(sitzung)
    assert drossel.wartezeit(sitzung) == 300  # capped
    drossel.erfolg(sitzung)
    # Ten wrong guesses a minute from anywhere: a fresh session has to wait as well.
    neu: dict = {}
    assert 0 < drossel.wartezeit(neu) <= 60
    uhr[0] += 61
    assert drossel.wartezeit(neu) == 0


def test_viele_falsche_versuche_ueber_viele_sitzungen():
    drossel = Drossel(je_minute=10, uhr=lambda: 50.0)
    for _ in range(10):
        drossel.fehlversuch({})  # a new session for every guess
    assert drossel.wartezeit({}) == 60


def test_falsche_versuche_werden_gebremst_und_protokolliert(caplog):
    caplog.set_level(logging.INFO, logger="ipdaten.sicherheit")
    at = _vorschau()
    falsch = ["rate-1", "rate-2", "rate-3"]
    for versuch in falsch:
        assert _veroeffentlichen(at, versuch) == ["Das Passwort stimmt nicht. Es wurde nichts veröffentlicht."]
    # Now even the right password waits: the session must slow down.
    (meldung,) = _veroeffentlichen(at, TEST_PASSWORT)
    assert meldung.startswith("Zu viele falsche Passwörter. Bitte in ") and meldung.endswith(
        "Sekunden erneut versuchen. Es wurde nichts veröffentlicht."
    )
    assert _staende() == [1]
    at.session_state[sitzung.FEHLVERSUCHE] = (3, 0.0)  # the wait is over
    assert _veroeffentlichen(at, TEST_PASSWORT) == []
    assert _staende() == [1, 2]
    protokoll = [r.getMessage() for r in caplog.records if r.name == "ipdaten.sicherheit"]
    assert sum("falsches Passwort" in z for z in protokoll) == 3
    assert sum("zu viele falsche Passwörter" in z for z in protokoll) == 1
    (veroeffentlicht,) = [z for z in protokoll if z.startswith("Veröffentlicht:")]
    assert "Stand Nr. 2, Datum 2017-09-30, Bezeichnung „Fortschreibung Herbst 2017“" in veroeffentlicht
    assert "herbst.xlsx" in veroeffentlicht
    for geheim in [TEST_PASSWORT, *falsch]:
        assert not any(geheim in z for z in protokoll)

"""Who may publish (issue 17, holes 5 and 6; issue 23, finding 4; issue 26): the editor gate asks
for a name and the password – configured, or made by the server and printed to its terminal – or,
with sign-in, for an account on the list of editors; no guessing from request headers; wrong
guesses slowed down per session, per client and for the whole server without ever keeping out a
right password; the server log and the audit table name failed attempts and publications, never
a password."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ipdaten.ablage import DATEINAME_DB, Ablage, ablage_verzeichnis
from ipdaten.drossel import Drossel
from ipdaten.redakteur import Redakteur
from oberflaeche import sitzung, veroeffentlichung
from oberflaeche.veroeffentlichung import passwort_stimmt
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.conftest import TEST_PASSWORT
from tests.seiten_hilfen import ANMELDUNG, REDAKTEURIN, anmelden, hat_button, oeffne, texte

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FALSCH = "Das Passwort stimmt nicht."


def _vorschau(at: AppTest | None = None) -> AppTest:
    at = oeffne("seiten/daten.py") if at is None else at
    at.run()
    at.file_uploader(key="anlage_upload").set_value(("herbst.xlsx", ueberarbeitete_standard_bytes(), XLSX)).run()
    assert not at.exception
    return at


def _anmelden(at: AppTest, passwort: str, name: str = REDAKTEURIN) -> list[str]:
    anmelden(at, passwort, name)
    return [e.value for e in at.error]


def _veroeffentlichen(at: AppTest) -> None:
    at.button(key="veroeffentlichen").click().run()
    assert not at.exception, at.exception


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _staende() -> list[int]:
    return [s.nr for s in _ablage().staende()]


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
    assert _anmelden(at, "") == [FALSCH]
    assert not hat_button(at, "veroeffentlichen")
    assert _anmelden(at, erzeugt) == []
    _veroeffentlichen(at)
    assert _staende() == [1, 2]
    assert veroeffentlichung._erzeugt == erzeugt  # one password per server process


def test_keine_ausnahme_fuer_lokale_adresse_oder_header(ohne_passwort):
    """Nothing about the request decides: the page has no notion of 'only local' left."""
    assert not hasattr(veroeffentlichung, "nur_lokal") and not hasattr(veroeffentlichung, "proxy_oder_fremder_host")
    at = _vorschau()
    assert _anmelden(at, "") == [FALSCH]


def test_ohne_namen_wird_nicht_geprueft():
    at = _vorschau()
    assert _anmelden(at, TEST_PASSWORT, name="  \u202e ") == [
        "Bitte Ihren Namen eingeben: Er wird mit jedem veröffentlichten Stand gespeichert."
    ]
    assert not hat_button(at, "veroeffentlichen")
    assert sitzung.FEHLVERSUCHE not in at.session_state  # not counted as a guess


def test_bearbeiten_beenden_und_geaendertes_passwort_sperren_wieder(monkeypatch):
    at = _vorschau()
    assert _anmelden(at, TEST_PASSWORT) == []
    assert "Sie bearbeiten als **Test Redakteurin**." in texte(at)
    at.button(key="redakteur_beenden").click().run()
    assert not hat_button(at, "veroeffentlichen") and hat_button(at, "redakteur_anmelden")
    assert _anmelden(at, TEST_PASSWORT) == []
    monkeypatch.setenv("IPDATEN_PASSWORT", "ein-neues-Passwort")  # the IT changes it
    at.run()
    assert not hat_button(at, "veroeffentlichen") and hat_button(at, "redakteur_anmelden")


def test_drossel_je_sitzung():
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
    uhr[0] += 61
    for _ in range(10):
        drossel.fehlversuch(sitzung)
    assert drossel.wartezeit(sitzung) == 300  # capped
    drossel.erfolg(sitzung)
    assert drossel.wartezeit(sitzung) == 0


def test_ein_rater_sperrt_die_richtige_eingabe_nicht_aus():
    """Issue 23, finding 4: ten wrong guesses a minute from other sessions filled the server-wide
    counter, and then the officer's *correct* password was refused. A session that has not
    guessed wrong is always checked; only sessions that guessed wrong wait for the minute."""
    drossel = Drossel(je_minute=10, uhr=lambda: 50.0)
    for _ in range(10):
        drossel.fehlversuch({})  # a new session for every guess
    assert drossel.wartezeit({}) == 0
    rater = {}
    drossel.fehlversuch(rater)
    assert drossel.wartezeit(rater) == 60  # one who guessed wrong while the server is under attack


def test_drossel_je_client():
    uhr = [0.0]
    drossel = Drossel(je_minute=1000, je_client=10, client_fenster=900, uhr=lambda: uhr[0])
    for _ in range(9):
        drossel.fehlversuch({}, "10.0.0.66")  # a new session per guess does not help …
    assert drossel.wartezeit({}, "10.0.0.66") == 0
    drossel.fehlversuch({}, "10.0.0.66")
    assert drossel.wartezeit({}, "10.0.0.66") == 2  # … from the same address
    assert drossel.wartezeit({}, "10.0.0.7") == 0  # the officer's desk
    assert drossel.wartezeit({}) == 0  # an unknown address (proxy): session and server counters only
    uhr[0] += 901
    assert drossel.wartezeit({}, "10.0.0.66") == 0  # the window is over
    drossel.fehlversuch({}, "10.0.0.66")
    drossel.erfolg({}, "10.0.0.66")
    assert drossel._je_client == {}


@pytest.mark.langsam
def test_lockout_ueber_die_seite():
    """The same through the page: other sessions keep the server-wide counter full, the officer's
    first try with the right password unlocks and publishes."""
    for i in range(12):
        rater = _vorschau()
        assert _anmelden(rater, f"rate-{i}", name="Rater") == [FALSCH]
    at = _vorschau()
    assert _anmelden(at, TEST_PASSWORT) == []
    _veroeffentlichen(at)
    assert _staende() == [1, 2]
    # The guessers themselves wait.
    assert _anmelden(rater, "rate-x", name="Rater")[0].startswith("Zu viele falsche Passwörter.")


def test_falsche_versuche_werden_gebremst_und_protokolliert(caplog):
    caplog.set_level(logging.INFO, logger="ipdaten.sicherheit")
    at = _vorschau()
    falsch = ["rate-1", "rate-2", "rate-3"]
    for versuch in falsch:
        assert _anmelden(at, versuch, name="Eve") == [FALSCH]
    # Now even the right password waits: this session must slow down.
    (meldung,) = _anmelden(at, TEST_PASSWORT, name="Eve")
    assert meldung.startswith("Zu viele falsche Passwörter. Bitte in ") and meldung.endswith(
        "Sekunden erneut versuchen."
    )
    assert _anmelden(at, TEST_PASSWORT, name="Eve")[0].startswith("Zu viele")  # one audit line per wait
    assert not hat_button(at, "veroeffentlichen")
    at.session_state[sitzung.FEHLVERSUCHE] = (3, 0.0)  # the wait is over
    assert _anmelden(at, TEST_PASSWORT, name="Maria Muster") == []
    _veroeffentlichen(at)
    assert _staende() == [1, 2]
    protokoll = [r.getMessage() for r in caplog.records if r.name == "ipdaten.sicherheit"]
    assert sum("falsches Passwort" in z for z in protokoll) == 3
    assert sum("zu viele falsche Passwörter" in z for z in protokoll) == 2
    (veroeffentlicht,) = [z for z in protokoll if z.startswith("Veröffentlicht:")]
    assert "Stand Nr. 2, Datum 2017-09-30, Bezeichnung „Fortschreibung Herbst 2017“" in veroeffentlicht
    assert "herbst.xlsx" in veroeffentlicht and "durch Maria Muster" in veroeffentlicht
    # The audit table of the store: the same story, newest first, with names.
    zeilen = [(e.aktion, e.wer, e.stand_nr, e.dateiname) for e in _ablage().protokoll()]
    assert zeilen == [
        ("veroeffentlicht", "Maria Muster", 2, "herbst.xlsx"),
        ("freigeschaltet", "Maria Muster", None, None),
        ("gedrosselt", "Eve", None, None),
        ("fehlversuch", "Eve", None, None),
        ("fehlversuch", "Eve", None, None),
        ("fehlversuch", "Eve", None, None),
    ]
    assert _ablage().stand(2).von == Redakteur("Maria Muster", "passwort")
    # Never a password or a guess: not in the log, not anywhere in the store's files.
    gespeichert = b"".join(p.read_bytes() for p in ablage_verzeichnis().glob(DATEINAME_DB + "*"))
    for geheim in [TEST_PASSWORT, *falsch]:
        assert not any(geheim in z for z in protokoll)
        assert geheim.encode() not in gespeichert


# --- With sign-in (OIDC): the list of editors decides, there is no password -------------------


def _mit_anmeldung(nutzer: dict) -> AppTest:
    at = oeffne("seiten/daten.py")
    at.secrets.update(ANMELDUNG)
    at.user = nutzer
    return _vorschau(at)


def test_mit_anmeldung_abgemeldet_gibt_es_nur_den_anmelden_knopf():
    at = _mit_anmeldung({"is_logged_in": False})
    assert "Zum Veröffentlichen bitte mit dem Dienstkonto anmelden." in texte(at)
    assert hat_button(at, "redakteur_login")
    assert not hat_button(at, "veroeffentlichen") and not [t for t in at.text_input if t.key == "redakteur_passwort"]


def test_mit_anmeldung_ohne_redakteursrecht_kein_veroeffentlichen():
    at = _mit_anmeldung({"is_logged_in": True, "email": "praktikant@lrabb.de", "name": "Paul", "roles": ["Lesen"]})
    assert "Sie sind als **Paul (praktikant@lrabb.de)** angemeldet. Dieses Konto ist nicht als Redakteurin" in texte(at)
    assert not hat_button(at, "veroeffentlichen")
    assert _staende() == [1]


@pytest.mark.parametrize(
    "nutzer",
    [
        {"is_logged_in": True, "email": "chefin@lrabb.de", "name": "Maria Muster"},  # e-mail, any case
        {"is_logged_in": True, "email": "maria.muster@lrabb.de", "name": "Maria Muster", "roles": ["IP-Redaktion"]},
    ],
    ids=["email", "gruppe"],
)
def test_mit_anmeldung_veroeffentlicht_eine_redakteurin_unter_ihrem_konto(nutzer):
    at = _mit_anmeldung(nutzer)
    assert f"Angemeldet als **Maria Muster ({nutzer['email']})** (Redaktion)." in texte(at)
    _veroeffentlichen(at)
    assert _staende() == [1, 2]
    assert _ablage().stand(2).von == Redakteur("Maria Muster", "anmeldung", nutzer["email"])
    ((aktion, wer, kennung),) = [(e.aktion, e.wer, e.kennung) for e in _ablage().protokoll()]
    assert (aktion, wer, kennung) == ("veroeffentlicht", "Maria Muster", nutzer["email"])


def test_anmeldung_zum_ansehen_zeigt_abgemeldeten_nur_die_anmeldung():
    at = oeffne()
    at.secrets.update({**ANMELDUNG, "ipdaten": {**ANMELDUNG["ipdaten"], "anmeldung_zum_ansehen": True}})
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert "Bitte mit dem Dienstkonto anmelden, um das Dashboard zu sehen." in texte(at)
    assert hat_button(at, "ansehen_login")
    assert not at.metric and not at.get("plotly_chart") and not at.sidebar.selectbox
    at.user = {"is_logged_in": True, "email": "irgendwer@lrabb.de", "name": "Irgendwer"}  # any account may view
    at.run()
    assert not at.exception
    assert at.metric and "Irgendwer (irgendwer@lrabb.de) · nur lesen" in texte(at)


def test_ohne_anmeldung_zum_ansehen_sehen_abgemeldete_alles():
    at = oeffne()
    at.secrets.update(ANMELDUNG)
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception and at.metric
    assert hat_button(at, "seitenleiste_login")

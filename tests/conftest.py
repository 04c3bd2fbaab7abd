"""Shared pytest setup: empty Streamlit caches (only the default Stand's evaluation is handed on, see
_behalte_standard_stand) and an own store per test, nothing written into the checkout, and the
markers that let the quick run leave out the slow parts."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner

WURZEL = Path(__file__).resolve().parent.parent
if str(WURZEL) not in sys.path:
    sys.path.insert(0, str(WURZEL))

# Bytecode of this run (and of the servers and scripts it starts) goes to a temporary folder,
# not into the checkout. It must also be *written* there even when PYTHONDONTWRITEBYTECODE is set:
# with a prefix Python no longer reads the venv's own __pycache__, so without a written cache every
# process (each xdist worker, each CLI or server subprocess) compiled pandas, streamlit & co. from
# source again, about 10 s each.
_BYTECODE = str(Path(tempfile.gettempdir()) / "ipdaten-test-bytecode")
sys.pycache_prefix = _BYTECODE
os.environ["PYTHONPYCACHEPREFIX"] = _BYTECODE
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Every new AppTest scans the metadata of all installed packages for Streamlit components (about
# 0,3 s each, a few hundred AppTests per run); the installed packages do not change during a run.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)

# A test that calls LibreOffice (about 2–10 s each) is marked `libreoffice` by what it calls, so a
# new one cannot be forgotten; `./scripts/test --schnell` leaves these, `benchmark` and `browser` out.
_LIBREOFFICE_AUFRUFE = {"mit_libreoffice", "_soffice", "soffice", "libreoffice_pdf"}


def _ruft(funktion, namen: set[str], gesehen: set | None = None) -> bool:
    """Whether `funktion` names one of `namen`, itself or through the helpers of its own module it
    calls (a helper that saves through LibreOffice is enough)."""
    gesehen = set() if gesehen is None else gesehen
    funktion = getattr(funktion, "__wrapped__", funktion)  # functools.cache
    code = getattr(funktion, "__code__", None)
    if code is None or code in gesehen:
        return False
    gesehen.add(code)
    if namen & set(code.co_names):
        return True
    umgebung = getattr(funktion, "__globals__", {})
    return any(
        _ruft(umgebung[name], namen, gesehen)
        for name in code.co_names
        if getattr(umgebung.get(name), "__module__", None) == funktion.__module__
    )


def pytest_collection_modifyitems(items):
    """Mark tests by what they call (see _LIBREOFFICE_AUFRUFE)."""
    for item in items:
        if _ruft(getattr(item, "function", None), _LIBREOFFICE_AUFRUFE):
            item.add_marker(pytest.mark.libreoffice)


@pytest.fixture(autouse=True)
def _leere_streamlit_caches(monkeypatch, _passwort):
    """st.cache_data/st.cache_resource survive between AppTests in one process: clear them (the
    default Stand's evaluation is handed on, see _behalte_standard_stand)."""
    import logging

    import streamlit as st

    # Outside a running app, clearing says "No runtime found" once per test: noise, not news.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    _behalte_standard_stand()
    st.cache_data.clear()
    st.cache_resource.clear()
    _LAUFENDER_TEST.update(monkeypatch=monkeypatch, eigene=len(monkeypatch._setattr))
    yield
    _LAUFENDER_TEST.clear()
    st.cache_data.clear()
    st.cache_resource.clear()


# The running test's monkeypatch and how many of its patches are this file's own (_passwort; a
# test's fixtures and the test itself patch after the autouse fixtures of this file).
_LAUFENDER_TEST: dict = {}
_BEHALTEN: dict = {}  # what was computed for the default Stand, by the arguments besides its SHA-256


def _behalte_standard_stand() -> None:
    """Every page test shows Stand 1 of its own store, the default workbook; with Streamlit's caches
    cleared it read that workbook and drew its charts again (about half of a page test's time).
    Those bytes are the same in every test and their evaluation is a pure function of them, so
    the functions behind `auswertung_zu_stand` and `abriss_zu_stand` hand on what an earlier test
    computed for them, after reading the Stand from this test's store as before (checked against
    its SHA-256: a damaged Stand fails the same way) and only when it has no mapping and the test
    has patched nothing (monkeypatch): otherwise they compute afresh."""
    from oberflaeche import zwischenspeicher

    for cache, halter in (
        (zwischenspeicher.auswertung_zu_stand, _auswertung_behalten),
        (zwischenspeicher.abriss_zu_stand, _abriss_behalten),
    ):
        if not hasattr(cache._info.func, "behaelt_standard"):  # Streamlit calls _info.func on a miss
            cache._info.func = functools.update_wrapper(functools.partial(halter, cache._info.func), cache._info.func)
            cache._info.func.behaelt_standard = True


@functools.cache
def _standard_sha256() -> str:
    from ipdaten.ablage import sha256

    return sha256((WURZEL / "daten" / "anlage1.xlsx").read_bytes())


def _unveraendert(pruefsumme: str) -> bool:
    """Whether `pruefsumme` is the default workbook's and the running test has patched nothing."""
    patch = _LAUFENDER_TEST.get("monkeypatch")
    return pruefsumme == _standard_sha256() and patch is not None and len(patch._setattr) == _LAUFENDER_TEST["eigene"]


def _auswertung_behalten(berechne, pruefsumme, _ablage):
    if not _unveraendert(pruefsumme):
        return berechne(pruefsumme, _ablage)
    info = _ablage.stand_zu_sha(pruefsumme)
    _ablage.lies(pruefsumme)
    if info is not None and info.zuordnung is not None:
        return berechne(pruefsumme, _ablage)
    if "auswertung" not in _BEHALTEN:
        _BEHALTEN["auswertung"] = berechne(pruefsumme, _ablage)
    return _BEHALTEN["auswertung"]


def _abriss_behalten(berechne, pruefsumme, nr, datum, titel, geschaetzt, _daten):
    if not _unveraendert(pruefsumme):
        return berechne(pruefsumme, nr, datum, titel, geschaetzt, _daten)
    gelesen = _daten()
    if not isinstance(gelesen, tuple) or gelesen[1] is not None:
        return berechne(pruefsumme, nr, datum, titel, geschaetzt, lambda: gelesen)
    schluessel = ("abriss", nr, datum, titel, geschaetzt)
    if schluessel not in _BEHALTEN:
        _BEHALTEN[schluessel] = berechne(pruefsumme, nr, datum, titel, geschaetzt, lambda: gelesen)
    return _BEHALTEN[schluessel]


@pytest.fixture(scope="session")
def standard():
    """The Auswertung of the default workbook, shared by every test of the run (read-only)."""
    from ipdaten import lade_anlage
    from ipdaten.darstellung.auswertung import Auswertung

    return Auswertung(lade_anlage(WURZEL / "daten" / "anlage1.xlsx"))


@pytest.fixture(scope="session")
def herbst():
    """The Auswertung of the revised default workbook (Stand 30 September 2017), shared, read-only."""
    from ipdaten import lade_anlage
    from ipdaten.darstellung.auswertung import Auswertung
    from tests.arbeitsmappen import ueberarbeitete_standard_bytes

    return Auswertung(lade_anlage(ueberarbeitete_standard_bytes()))


@pytest.fixture(scope="session")
def anlagen():
    """Stände 1, 2 and 3 of tests/fortschreibung_mappen.py, loaded once per run (read-only)."""
    from tests import fortschreibung_mappen

    return fortschreibung_mappen.anlagen()


@pytest.fixture(scope="session")
def _ablage_vorlage(tmp_path_factory) -> Path:
    """The database of a store that holds only Stand 1 (the default workbook), set up once:
    setting up a store reads and checks the default workbook (about 0,1 s per test)."""
    from ipdaten.ablage import DATEINAME_DB, Ablage

    ordner = tmp_path_factory.mktemp("ablage-vorlage")
    Ablage(ordner, WURZEL / "daten" / "anlage1.xlsx")
    with contextlib.closing(sqlite3.connect(ordner / DATEINAME_DB)) as verbindung:
        verbindung.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the one file
    return ordner / DATEINAME_DB


@pytest.fixture(autouse=True)
def _eigene_ablage(tmp_path_factory, monkeypatch, _ablage_vorlage):
    """Every test gets its own store of Stände with only Stand 1 (as after the server's first
    start), never the developer's daten/ablage/."""
    ordner = tmp_path_factory.mktemp("ablage")
    shutil.copyfile(_ablage_vorlage, ordner / _ablage_vorlage.name)
    monkeypatch.setenv("IPDATEN_ABLAGE", str(ordner))


TEST_PASSWORT = "Test-Passwort-17"


@pytest.fixture(autouse=True)
def _passwort(monkeypatch):
    """Publishing always needs a password: tests use a known one and start without wrong guesses."""
    from ipdaten.drossel import Drossel
    from oberflaeche import veroeffentlichung

    monkeypatch.setenv("IPDATEN_PASSWORT", TEST_PASSWORT)
    monkeypatch.setattr(veroeffentlichung, "DROSSEL", Drossel())  # no wrong guesses of other tests

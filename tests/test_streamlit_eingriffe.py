"""Everything the project relies on inside Streamlit, in one file marked `streamlit_intern` – run it
first after an upgrade (`pytest -m streamlit_intern`): the hooks (`oberflaeche/streamlit_eingriffe.py`)
and what they rely on in Streamlit's source, so that an upgrade that moves it fails here loudly
instead of silently dropping a bound, the upload bookkeeping itself, the cache hashing the upload
avoids, and the AppTest internals the page tests read. The hooks' effect on a real server:
test_haerten_server.py."""

from __future__ import annotations

import inspect
import time

import pytest
import streamlit
from starlette.exceptions import HTTPException
from streamlit.runtime import Runtime
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.caching import hashing
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.stats import StatsManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from oberflaeche import quelle, streamlit_eingriffe
from oberflaeche.streamlit_eingriffe import UNGEWAEHLT_S, VERLASSEN_S, BegrenzteHochladungen
from tests.arbeitsmappen import ueberarbeitete_standard_bytes
from tests.seiten_hilfen import oeffne

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

pytestmark = pytest.mark.streamlit_intern

VERSION = f"Streamlit {streamlit.__version__}: "


def _quelltext(objekt) -> str:
    return inspect.getsource(objekt)


def test_streamlit_ruft_die_eingehaengten_stellen_noch_so_auf():
    from streamlit.elements.widgets import file_uploader
    from streamlit.web.server.starlette import starlette_routes, starlette_websocket

    assert "self._handle_clear_cache_request()" in _quelltext(AppSession.handle_backmsg), VERSION + "clear_cache"
    assert "upload_mgr.add_file(" in _quelltext(starlette_routes.create_upload_routes), VERSION + "upload route"
    assert "upload_mgr.remove_file(" in _quelltext(starlette_routes.create_upload_routes), VERSION + "DELETE"
    assert "uploaded_file_mgr.get_files(" in _quelltext(file_uploader._get_upload_files), VERSION + "widget"
    assert "remove_session_files(self.id)" in _quelltext(AppSession.shutdown), VERSION + "session end"
    assert "server.allowedHosts" in _quelltext(starlette_websocket.is_host_allowed), VERSION + "allowedHosts"
    for methode in ("add_file", "get_files", "remove_file", "remove_session_files"):
        assert methode in vars(MemoryUploadedFileManager), VERSION + methode
    assert list(inspect.signature(MemoryUploadedFileManager.add_file).parameters) == ["self", "session_id", "file"]
    speicher = MemoryUploadedFileManager("/x")
    assert isinstance(speicher.file_storage, dict) and hasattr(speicher, "_lock"), VERSION + "store"
    assert isinstance(Runtime.uploaded_file_mgr, property) and callable(Runtime.is_active_session)
    metriken = _quelltext(starlette_routes.create_metrics_routes)
    assert "runtime.stats_mgr.registered_families()" in metriken, VERSION + "metrics route"
    assert isinstance(StatsManager()._providers_by_family, dict), VERSION + "stats manager"


def test_einrichten_haengt_clear_cache_einmal_ein():
    streamlit_eingriffe.einrichten()
    streamlit_eingriffe._eingerichtet = False
    streamlit_eingriffe.einrichten()  # a second installation must not wrap the wrapper
    assert AppSession._handle_clear_cache_request.ipdaten_eingriff
    assert not getattr(AppSession._handle_clear_cache_request.__wrapped__, "ipdaten_eingriff", False)


def _speicher(aktive: set[str]) -> BegrenzteHochladungen:
    speicher = MemoryUploadedFileManager("/_stcore/upload_file")
    speicher.__class__ = BegrenzteHochladungen
    speicher.grenzen_einrichten(aktive.__contains__)
    return speicher


def _datei(kennung: str, groesse: int = 10) -> UploadedFileRec:
    return UploadedFileRec(
        file_id=kennung, name=f"{kennung}.xlsx", type="application/octet-stream", data=b"x" * groesse
    )


def test_nicht_gewaehlte_datei_wird_nach_einer_minute_entfernt():
    speicher = _speicher({"s"})
    speicher.add_file("s", _datei("gewaehlt"))
    speicher.add_file("s", _datei("niemand"))
    assert [d.file_id for d in speicher.get_files("s", ["gewaehlt"])] == ["gewaehlt"]  # a widget names it
    speicher.aufraeumen(jetzt=time.monotonic() + UNGEWAEHLT_S - 1)
    assert sorted(speicher.file_storage["s"]) == ["gewaehlt", "niemand"]
    speicher.aufraeumen(jetzt=time.monotonic() + UNGEWAEHLT_S + 1)
    assert sorted(speicher.file_storage["s"]) == ["gewaehlt"]


def test_dateien_einer_verlassenen_sitzung_gehen_nach_15_s():
    aktive = {"s"}
    speicher = _speicher(aktive)
    speicher.add_file("s", _datei("a"))
    speicher.get_files("s", ["a"])
    aktive.clear()  # the browser has left
    jetzt = time.monotonic()
    speicher.aufraeumen(jetzt=jetzt)
    speicher.aufraeumen(jetzt=jetzt + VERLASSEN_S - 1)
    assert "s" in speicher.file_storage
    speicher.aufraeumen(jetzt=jetzt + VERLASSEN_S)
    assert "s" not in speicher.file_storage


def test_wiederverbundene_sitzung_behaelt_ihre_dateien():
    aktive = {"s"}
    speicher = _speicher(aktive)
    speicher.add_file("s", _datei("a"))
    speicher.get_files("s", ["a"])
    jetzt = time.monotonic()
    aktive.clear()
    speicher.aufraeumen(jetzt=jetzt)
    aktive.add("s")  # reconnected within a few seconds
    speicher.aufraeumen(jetzt=jetzt + 5)
    aktive.clear()
    speicher.aufraeumen(jetzt=jetzt + VERLASSEN_S + 1)
    assert "s" in speicher.file_storage


def test_siebte_datei_einer_sitzung_wird_abgewiesen_dieselbe_id_ersetzt():
    speicher = _speicher({"s"})
    for nummer in range(6):
        speicher.add_file("s", _datei(f"d{nummer}"))
    speicher.add_file("s", _datei("d0", 20))  # PUT again under its id: replaces, no new file
    with pytest.raises(HTTPException) as fehler:
        speicher.add_file("s", _datei("d6"))
    assert (fehler.value.status_code, fehler.value.detail) == (
        413,
        "Upload abgewiesen: mehr als 6 Dateien in einer Sitzung",
    )
    assert len(speicher.file_storage["s"]) == 6


def test_upload_wird_einmal_gehasht_nicht_bei_jedem_rerun(monkeypatch):
    """The upload's bytes are hashed once per file; every later rerun (also on other pages, with
    the preview shown) works with the checksum, and no cache key hashes the bytes themselves."""
    daten = ueberarbeitete_standard_bytes()
    gerechnet: list[str] = []
    echt = quelle.sha256

    def sha256_gezaehlt(wert: bytes) -> str:
        if wert == daten:
            gerechnet.append("sha256")
        return echt(wert)

    echt_to_bytes = hashing._CacheFuncHasher.to_bytes

    def to_bytes_gezaehlt(self, obj):
        if isinstance(obj, bytes) and obj == daten:
            gerechnet.append("Cache-Schlüssel")
        return echt_to_bytes(self, obj)

    monkeypatch.setattr(quelle, "sha256", sha256_gezaehlt)
    monkeypatch.setattr(hashing._CacheFuncHasher, "to_bytes", to_bytes_gezaehlt)
    at = oeffne("seiten/daten.py").run()
    at.file_uploader(key="anlage_upload").set_value(("neu.xlsx", daten, XLSX)).run()
    assert not at.exception
    assert gerechnet == ["sha256"]
    at.run()
    at.switch_page("seiten/uebersicht.py").run()
    assert any("Vorschau – nicht veröffentlicht" in w.value for w in at.warning)
    assert gerechnet == ["sha256"]


def test_apptest_interna_der_seitentests():
    """tests/seiten_hilfen.seite_von reads which page a run showed from AppTest's private state."""
    at = oeffne("seiten/haushalt.py").run()
    assert at._registered_pages[at._page_hash]["script_path"].endswith("seiten/haushalt.py")


def test_conftest_reicht_die_auswertung_des_standardstands_weiter():
    """tests/conftest.py hands the default Stand's evaluation on from test to test by replacing the
    function Streamlit calls on a cache miss (`CachedFunc._info.func`); if Streamlit stops calling
    it, every page test reads the workbook again (slower, not wrong) – this says so."""
    import streamlit as st

    from ipdaten.ablage import Ablage, ablage_verzeichnis, sha256
    from oberflaeche import zwischenspeicher
    from tests.arbeitsmappen import STANDARD_PFAD

    ablage, pruefsumme = Ablage(ablage_verzeichnis(), STANDARD_PFAD), sha256(STANDARD_PFAD.read_bytes())
    auswertung = zwischenspeicher.auswertung_zu_stand(pruefsumme, ablage)
    st.cache_resource.clear()
    assert zwischenspeicher.auswertung_zu_stand(pruefsumme, ablage) is auswertung

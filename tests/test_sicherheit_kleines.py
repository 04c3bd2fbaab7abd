"""Issue 17 (7): upload limits that agree (the German message for a too-large file), a broken
store said on the Präsentation page too, a new (empty or missing) store said loudly, bidi
control characters removed from what is shown."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.arbeitsmappe.vertrag import MAX_DATEI_BYTES
from tests.arbeitsmappen import STANDARD_PFAD
from tests.feindlich import feindliche_mappe_bytes
from tests.seiten_hilfen import starte

WURZEL = Path(__file__).resolve().parent.parent
APP = str(WURZEL / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_streamlit_laesst_jede_zu_grosse_datei_bis_zur_deutschen_meldung_durch():
    konfiguration = tomllib.loads((WURZEL / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    streamlit_mb = konfiguration["server"]["maxUploadSize"]
    # Browsers count 10^6 bytes per MB (Windows: 2^20); the server counts 2^20. In any case
    # Streamlit must accept files above the dashboard's own limit, or its English message wins.
    assert streamlit_mb * 10**6 > MAX_DATEI_BYTES + 1_000_000


def test_zu_grosse_datei_bekommt_die_deutsche_meldung():
    at = starte("seiten/daten.py")
    at.file_uploader(key="anlage_upload").set_value(("gross.xlsx", b"PK\x03\x04" + bytes(MAX_DATEI_BYTES), XLSX))
    at.run()
    assert not at.exception
    # findings are an HTML table (st.table) whose text wraps
    assert any("zu groß" in t for t in (str(v) for d in at.table for v in d.value.to_numpy().ravel()))


def test_neue_ablage_wird_laut_gemeldet(tmp_path, caplog, monkeypatch):
    ablage = Ablage(tmp_path / "neu", STANDARD_PFAD)
    assert ablage.neu_angelegt
    assert not Ablage(tmp_path / "neu", STANDARD_PFAD).neu_angelegt  # after a restart with its Stände
    monkeypatch.setenv("IPDATEN_ABLAGE", str(tmp_path / "leer"))  # the server starts on an empty one
    caplog.set_level(logging.WARNING, logger="ipdaten.sicherheit")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    (warnung,) = [w.value for w in at.sidebar.warning if "Ablage der Stände" in w.value]
    assert "war leer oder fehlte und wurde neu angelegt" in warnung and "IPDATEN_ABLAGE" in warnung
    assert any("war leer oder fehlte" in r.getMessage() for r in caplog.records)


def test_kaputte_ablage_wird_auch_auf_der_praesentation_genannt(tmp_path, monkeypatch):
    datei = tmp_path / "datei"
    datei.write_text("kein Verzeichnis")
    monkeypatch.setenv("IPDATEN_ABLAGE", str(datei / "ablage"))
    at = starte("seiten/praesentation.py")
    assert any(w.value.startswith("Die gespeicherten Stände sind nicht erreichbar") for w in at.warning)


def test_steuerzeichen_der_schreibrichtung_werden_beim_lesen_entfernt():
    anlage = lade_anlage(feindliche_mappe_bytes())
    assert anlage.feldnamen[3] == "Landkreis KRAP"
    texte = " ".join(str(v) for v in anlage.empfehlungen.to_numpy().ravel())
    assert not any(z in texte for z in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

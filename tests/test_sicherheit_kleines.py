"""Issue 17 (7): upload limits that agree (the German message for a too-large file), a broken
store said on the Präsentation page too, a new (empty or missing) store said loudly, bidi
control characters removed from what is shown."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.arbeitsmappe.vertrag import MAX_DATEI_BYTES
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

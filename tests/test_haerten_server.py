"""Issue 23 against a real server (`streamlit run app.py` with the project's config), driven as an
attacker on the intranet would: raw websocket handshakes and messages, PUTs to Streamlit's upload
route, the server's own metrics. One server for the module; `server.maxUploadSize` is 2 MB here,
so the upload bounds that derive from it are small (4 MB per session, 20 MB in all)."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from tests.browser.streamlit_browser import streamlit_prozess
from tests.server_hilfen import (
    METRIK_TTL_S,
    METRIKEN_AN,
    Sitzung,
    hochladen,
    laufen,
    metriken,
    websocket_status,
    xsrf_token,
)

pytestmark = pytest.mark.server

MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.arbeitsmappen import STANDARD_PFAD

    umgebung = {
        "IPDATEN_ABLAGE": str(tmp_path_factory.mktemp("ablage")),
        "IPDATEN_PASSWORT": "Server-Passwort-23",
        "STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "2",
        **METRIKEN_AN,  # the tests' instrument: what caches and uploads hold
    }
    with streamlit_prozess(STANDARD_PFAD.parent.parent / "app.py", umgebung) as (prozess, url):
        yield prozess, url


async def _metriken_frisch(url: str) -> dict[str, int]:
    await asyncio.sleep(METRIK_TTL_S)
    return metriken(url)


def test_websocket_eines_fremden_namens_wird_abgewiesen(server):
    """Finding 5 (DNS rebinding): a page on evil.example that resolves to the server must not
    get a websocket; the names in .streamlit/config.toml (server.allowedHosts) do."""
    _, url = server
    port = url.rsplit(":", 1)[1]
    assert websocket_status(url, f"evil.example:{port}", f"http://evil.example:{port}") == 403
    assert websocket_status(url, f"evil.example:{port}", f"http://127.0.0.1:{port}") == 403
    assert websocket_status(url, f"127.0.0.1:{port}", f"http://127.0.0.1:{port}") == 101
    assert websocket_status(url, f"localhost:{port}", f"http://localhost:{port}") == 101


def test_clear_cache_eines_zuschauers_wird_ignoriert(server):
    """Finding 6: the message is obeyed although the menu is hidden; it emptied every cache of
    every user (with 200 Stände each Fortschritt view then took 16–21 s)."""
    _, url = server

    async def ablauf() -> tuple[dict[str, int], dict[str, int]]:
        zuschauerin, angreifer = Sitzung(url), Sitzung(url)
        await zuschauerin.oeffnen("fortschritt")
        await angreifer.oeffnen("")
        vorher = await _metriken_frisch(url)
        nachricht = BackMsg()
        nachricht.clear_cache = True
        await angreifer.senden(nachricht)
        await angreifer.dateiadressen()  # answered after clear_cache was handled
        nachher = await _metriken_frisch(url)
        await angreifer.schliessen()
        await zuschauerin.schliessen()
        return vorher, nachher

    vorher, nachher = laufen(ablauf())
    gecacht = {name for name in vorher if name.startswith("oberflaeche.")}
    assert "oberflaeche.zwischenspeicher.auswertung_zu_stand" in gecacht
    assert gecacht <= set(nachher), f"geleert: {sorted(gecacht - set(nachher))}"


def test_uploads_ohne_widget_sind_je_sitzung_begrenzt_und_gehen_mit_dem_browser(server):
    """Finding 3: any file PUT to /_stcore/upload_file was kept until the session ended, two
    minutes after the browser left (40 × 24 MB: 960 MB)."""
    _, url = server
    token = xsrf_token(url)

    async def ablauf() -> tuple[list[int], list[int], int, float]:
        sitzung = Sitzung(url)
        await sitzung.oeffnen("")
        grosse = [hochladen(url, sitzung.id, b"x" * (MB + MB // 2), token) for _ in range(3)]
        await sitzung.schliessen()
        zweite = Sitzung(url)
        await zweite.oeffnen("")
        kleine = [hochladen(url, zweite.id, b"x" * 1000, token) for _ in range(7)]
        await zweite.schliessen()
        gehalten = (await _metriken_frisch(url)).get("UploadedFileManager", 0)
        start = time.monotonic()
        while metriken(url).get("UploadedFileManager", 0) and time.monotonic() - start < 60:
            await asyncio.sleep(1)
        return grosse, kleine, gehalten, time.monotonic() - start

    grosse, kleine, gehalten, freigegeben_nach = laufen(ablauf())
    assert grosse == [204, 204, 413]  # 4 MB per session (twice server.maxUploadSize)
    assert kleine == [204] * 6 + [413]  # at most six files per session
    assert gehalten == 2 * (MB + MB // 2) + 6 * 1000
    assert freigegeben_nach < 40  # 15 s after the browser left, checked every 5 s (+ the metric's 5 s)


def test_uploads_aller_sitzungen_zusammen_sind_begrenzt(server):
    _, url = server
    token = xsrf_token(url)

    # 20 MB in all sessions together: ten files of almost 2 MB, two per session.
    async def viele() -> list[int]:
        sitzungen = [Sitzung(url) for _ in range(6)]
        for sitzung in sitzungen:
            await sitzung.oeffnen("")
        stati = [hochladen(url, s.id, b"x" * (2 * MB - 4096), token) for s in sitzungen for _ in range(2)]
        for sitzung in sitzungen:
            await sitzung.schliessen()
        return stati

    stati = laufen(viele())
    assert stati.count(204) == 10 and stati[10:] == [413, 413], stati


def test_datei_die_der_server_nicht_mehr_hat_ergibt_eine_meldung(server):
    """Low finding: after a server restart the browser names its upload again, but the server has
    no file: Streamlit hands the app a DeletedFile, which has no getvalue ("This app has
    encountered an error")."""
    _, url = server

    async def ablauf() -> Sitzung:
        sitzung = Sitzung(url)
        await sitzung.oeffnen("daten")
        uploader = sitzung.uploader["Arbeitsmappe auswählen"]
        await sitzung.ansehen("daten", dateien={uploader: [(str(uuid.uuid4()), "anlage1.xlsx", 143_228)]})
        await sitzung.schliessen()
        return sitzung

    sitzung = laufen(ablauf())
    assert sitzung.ausnahmen == []
    assert any("liegt dem Server nicht mehr vor" in text for text in sitzung.texte), sitzung.texte


def test_gelesene_statistikdatei_gehoert_der_sitzung(server):
    """Finding 7: the parse of an uploaded statistics file was a server-wide cache entry (six of
    them); four uploads of 19,5 MB left 656 MB after their sessions had ended."""
    from oberflaeche.amtliche_statistik import AUFKLAPPEN
    from tests.statistikdateien import einbuergerungen_csv

    _, url = server
    token = xsrf_token(url)
    daten = einbuergerungen_csv()

    async def ablauf() -> tuple[dict[str, int], dict[str, int], list[str]]:
        sitzung = Sitzung(url)
        await sitzung.oeffnen("daten")
        offen = (sitzung.aufklapper[AUFKLAPPEN],)
        await sitzung.ansehen("daten", offen=offen)  # the upload fields are drawn once it is opened
        feld = sitzung.uploader["Einbürgerungen (Tabelle 12511-…)"]
        datei_id = str(uuid.uuid4())
        assert hochladen(url, sitzung.id, daten, token, datei_id, "12511-01-01-4.csv") == 204
        await sitzung.ansehen("daten", dateien={feld: [(datei_id, "12511-01-01-4.csv", len(daten))]}, offen=offen)
        waehrenddessen = await _metriken_frisch(url)
        await sitzung.schliessen()
        return waehrenddessen, await _metriken_frisch(url), sitzung.ausnahmen

    waehrenddessen, danach, ausnahmen = laufen(ablauf())
    assert ausnahmen == []
    assert "oberflaeche.zwischenspeicher.statistikdatei" in waehrenddessen
    assert "oberflaeche.zwischenspeicher.statistikdatei" not in danach

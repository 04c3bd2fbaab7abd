"""Issue 23, low finding: `/_stcore/metrics` told anyone who reached the server the names of the
cached functions, the bytes of the uploads held and the number of sessions. Against a real
server with the app's default (no IPDATEN_METRIKEN)."""

from __future__ import annotations

import asyncio

import pytest

from tests.browser.streamlit_browser import streamlit_prozess
from tests.server_hilfen import METRIK_TTL_S, Sitzung, hochladen, laufen, metriktext, xsrf_token

pytestmark = pytest.mark.server


def _werte(text: str) -> list[str]:
    return [zeile for zeile in text.splitlines() if zeile.strip() and not zeile.startswith("#")]


def test_metriken_verraten_ohne_freigabe_nichts(tmp_path):
    from tests.arbeitsmappen import STANDARD_PFAD

    umgebung = {"IPDATEN_ABLAGE": str(tmp_path / "ablage"), "IPDATEN_PASSWORT": "Server-Passwort-23"}
    with streamlit_prozess(STANDARD_PFAD.parent.parent / "app.py", {**umgebung, "IPDATEN_METRIKEN": ""}) as (_, url):
        token = xsrf_token(url)

        async def ablauf() -> str:
            sitzung = Sitzung(url)
            await sitzung.oeffnen("fortschritt")  # fills the app's caches
            assert hochladen(url, sitzung.id, b"x" * 1000, token) == 204
            await asyncio.sleep(METRIK_TTL_S)
            text = metriktext(url)
            await sitzung.schliessen()
            return text

        text = laufen(ablauf())
    assert _werte(text) == [], text[:2000]

"""Fixtures for browser tests (Playwright + Debian's Chromium), reusable by every page's tests.

- ``server_url``: the dashboard (app.py) served on 127.0.0.1 and a free port, with an empty
  temporary store (IPDATEN_ABLAGE), once per test session.
- ``browser``: one headless Chromium per session.
- ``eigener_server``: the dashboard with its own empty store for one test module, (base URL,
  store directory); publishing takes streamlit_browser.PASSWORT. For tests that publish, so that
  ``server_url`` stays on the default Stand.
- ``seite``: a new page in a fresh de-DE browser context (1400×1000), closed after the test.
Helpers (``oeffne``, ``warte_bis_fertig``, ``bildschirmfoto``, ``axe_befunde`` …) are in
tests/browser/streamlit_browser.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.streamlit_browser import (
    CHROMIUM,
    CHROMIUM_ARGUMENTE,
    PASSWORT,
    WURZEL,
    neuer_kontext,
    streamlit_server,
)


def pytest_collection_modifyitems(items):
    """Every test in tests/browser is a browser test."""
    hier = Path(__file__).parent
    for item in items:
        if hier in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory) -> str:
    """Base URL of the dashboard started from app.py with an empty temporary store."""
    ablage = tmp_path_factory.mktemp("ablage")
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ablage)}) as url:
        yield url


@pytest.fixture(scope="module")
def eigener_server(tmp_path_factory, request):
    """The dashboard with its own empty store for the test module: (base URL, store directory)."""
    ablage = tmp_path_factory.mktemp("ablage_" + request.module.__name__.rsplit(".", 1)[-1])
    with streamlit_server(WURZEL / "app.py", {"IPDATEN_ABLAGE": str(ablage), "IPDATEN_PASSWORT": PASSWORT}) as url:
        yield url, ablage


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's /usr/bin/chromium) for the whole session."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium fehlt (apt-get install chromium)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTE)
        yield browser
        browser.close()


@pytest.fixture
def seite(browser):
    """A new page in a German (de-DE) browser context."""
    kontext, page = neuer_kontext(browser)
    yield page
    kontext.close()

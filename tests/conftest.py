"""Shared pytest setup: every test starts with empty Streamlit caches."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parent.parent
if str(WURZEL) not in sys.path:
    sys.path.insert(0, str(WURZEL))


@pytest.fixture(autouse=True)
def _leere_streamlit_caches():
    """st.cache_data/st.cache_resource survive between AppTests in one process: clear them."""
    import logging

    import streamlit as st

    # Outside a running app, clearing says "No runtime found" once per test: noise, not news.
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _eigene_ablage(tmp_path_factory, monkeypatch):
    """Every test gets its own empty store of Stände, never the developer's daten/ablage/."""
    monkeypatch.setenv("IPDATEN_ABLAGE", str(tmp_path_factory.mktemp("ablage")))

"""Every page module is in the navigation, and every page runs from app.py without an exception."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.seiten_hilfen import APP, starte

SEITEN_ORDNER = Path(APP).parent / "seiten"


def _module() -> set[str]:
    return {f"seiten/{p.name}" for p in SEITEN_ORDNER.glob("*.py") if not p.name.startswith("_")}


def test_jedes_seitenmodul_ist_in_der_navigation():
    registriert = set(re.findall(r"st\.Page\(\s*[\"'](seiten/[\w]+\.py)[\"']", Path(APP).read_text(encoding="utf-8")))
    assert registriert == _module()


@pytest.mark.parametrize("seite", sorted(_module()))
def test_jede_seite_laeuft_aus_app_py(seite):
    at = starte(seite)
    assert not at.exception
    assert len(at.main.children) > 0

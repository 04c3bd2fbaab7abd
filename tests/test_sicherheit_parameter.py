"""Issue 17 (3): every URL parameter of every page (?feld, ?stand, ?folie) goes through one
parser; odd values — superscripts, other scripts' digits, 5 000 digits, empty, signs,
control characters, random text — never crash a page and get the page's German message."""

from __future__ import annotations

import random

import pytest

from ipdaten.format import nummer_aus_parameter
from oberflaeche import sitzung
from tests.seiten_hilfen import starte, texte

SEITEN = [
    "seiten/uebersicht.py",
    "seiten/handlungsfelder.py",
    "seiten/einbuergerung.py",
    "seiten/haushalt.py",
    "seiten/fortschritt.py",
    "seiten/zustaendigkeit.py",
    "seiten/gefluechtete.py",
    "seiten/daten.py",
    "seiten/praesentation.py",
]
SELTSAM = ["²", "١", "5" * 5000, "", " ", "-1", "+1", "0", "1.0", "1e3", "0x1", "NaN", "\x00", "1\u202e", "<b>1</b>"]


def _zufaellig(anzahl: int) -> list[str]:
    zufall = random.Random(17)
    zeichen = "0123456789²³¹⁰١٢٣۴߃०௧-+.,eE xX\x00\u202e\u00a0%&=?#<>\"'`*_[]()$:/\\ä€"
    return ["".join(zufall.choice(zeichen) for _ in range(zufall.randint(1, 12))) for _ in range(anzahl)]


def test_ein_parser_fuer_alle_parameter():
    assert [nummer_aus_parameter(w) for w in ("1", " 12 ", "007", "999999999")] == [1, 12, 7, 999_999_999]
    for wert in [*SELTSAM, "1234567890", None, "1 2", "١٢"]:
        assert nummer_aus_parameter(wert) is None or wert == "0", repr(wert)[:30]
    assert nummer_aus_parameter("0") == 0
    assert nummer_aus_parameter("3", {1, 2}) is None and nummer_aus_parameter("2", {1, 2}) == 2
    for wert in _zufaellig(2000):
        nummer = nummer_aus_parameter(wert)
        assert nummer is None or (wert.strip().isascii() and wert.strip().isdigit() and nummer == int(wert))


@pytest.mark.parametrize("seite", SEITEN)
def test_seltsame_parameter_auf_jeder_seite(seite):
    at = starte(seite)
    for wert in [*SELTSAM, *_zufaellig(3)]:
        for name in ("feld", "stand", "folie"):
            at.query_params[name] = wert
        at.session_state[sitzung.LINK_GELESEN] = False  # the Stand link is read again
        at.run()
        assert not at.exception, (repr(wert)[:40], at.exception)
        if wert.strip() != "" and seite.endswith("handlungsfelder.py"):
            assert any(w.value.startswith("Ein Handlungsfeld „") for w in at.warning), repr(wert)[:40]
        if seite.endswith("uebersicht.py") and wert != "":
            # The sidebar says that there is no such Stand, in German (the stand link is read once per session).
            assert any("Einen Stand „" in w.value for w in at.sidebar.warning), repr(wert)[:40]
        assert "Traceback" not in texte(at)

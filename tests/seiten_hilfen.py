"""Helpers for AppTests of the pages: start from app.py, show a test workbook as preview, read
what the user sees (metrics, tables, charts) with German non-breaking spaces normalised."""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import sha256
from oberflaeche.quelle import Vorschau
from oberflaeche.sitzung import VORSCHAU as VORSCHAU_SCHLUESSEL
from tests.conftest import TEST_PASSWORT

WURZEL = Path(__file__).resolve().parent.parent
APP = str(WURZEL / "app.py")


def text(wert: object) -> str:
    """What the user reads: non-breaking spaces as plain spaces."""
    return str(wert).replace("\xa0", " ")


def starte(seite: str | None = None, *, mappe: bytes | None = None, query: dict | None = None) -> AppTest:
    """Run app.py on `seite` ("seiten/x.py", default the start page) with `query` params, as a
    deep link opens it (optionally with `mappe` as this session's preview), and return the
    AppTest; fails on any exception."""
    at = oeffne(seite)
    if mappe is not None:
        at.session_state[VORSCHAU_SCHLUESSEL] = Vorschau(mappe, "test.xlsx", sha256(mappe))
    for name, wert in (query or {}).items():
        at.query_params[name] = wert
    at.run()
    assert not at.exception, at.exception
    if seite is not None:
        assert seite_von(at) == seite
    if mappe is not None:
        assert VORSCHAU_SCHLUESSEL in at.session_state, "die Testmappe ist ungültig"
    return at


def seite_von(at: AppTest) -> str:
    """The page file ("seiten/x.py") the last run showed."""
    pfad = at._registered_pages.get(at._page_hash, {}).get("script_path") or "?"
    return Path(pfad).resolve().relative_to(WURZEL).as_posix()


def oeffne(seite: str | None = None) -> AppTest:
    """An AppTest of app.py that will open `seite` ("seiten/x.py") on its first run, not yet run.

    Every page's url_path is its file name (app.py), so the page is found before the first run;
    this spares rendering the start page first (about a third of a page test's time).
    """
    at = AppTest.from_file(APP, default_timeout=60)
    if seite is not None:
        at.switch_page(seite)
    return at


REDAKTEURIN = "Test Redakteurin"


def anmelden(at: AppTest, passwort: str = TEST_PASSWORT, name: str = REDAKTEURIN) -> AppTest:
    """Unlock editing in this session through the editor gate's form (name and password, as she
    types them) and return the AppTest after the run."""
    at.text_input(key="redakteur_name").set_value(name)
    at.text_input(key="redakteur_passwort").set_value(passwort)
    at.button(key="redakteur_anmelden").click().run()
    assert not at.exception, at.exception
    return at


def hat_button(at: AppTest, key: str) -> bool:
    """Whether the page shows the button with this key."""
    return any(b.key == key for b in at.button)


def veroeffentlichen(at: AppTest, passwort: str = TEST_PASSWORT) -> AppTest:
    """Press "Veröffentlichen" on Daten & Stände, unlocking editing first (with `passwort`) when
    this session is not unlocked yet; when the gate refuses, nothing is pressed."""
    if not hat_button(at, "veroeffentlichen"):
        anmelden(at, passwort)
    if hat_button(at, "veroeffentlichen"):
        at.button(key="veroeffentlichen").click().run()
    assert not at.exception, at.exception
    return at


def kennzahlen(at: AppTest) -> dict[str, str]:
    """Every st.metric on the page: label (markdown escapes of literal() removed) → value as shown.
    A figure marked "Annahme" under its value is keyed "label (Annahme)"."""
    return {
        re.sub(r"\\(.)", r"\1", text(m.label)) + (" (Annahme)" if m.delta == "Annahme" else ""): text(m.value)
        for m in at.metric
    }


def diagramme(at: AppTest) -> list[dict]:
    """The plotly figures on the page as JSON (data and layout)."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def tabellen(at: AppTest) -> list:
    """The frames of every st.dataframe on the page."""
    return [d.value for d in at.dataframe]


def gelesen(wert: object) -> object:
    """Markdown text as the reader sees it: escapes of literal() and its invisible word joiners
    removed (other values unchanged)."""
    if not isinstance(wert, str):
        return wert
    return re.sub(r"\\(.)", r"\1", wert).replace("\u2060", "")


def texte(at: AppTest) -> str:
    """All markdown, caption, header and alert text of the page in one string, with the
    markdown escapes of literal() removed (as the user reads it)."""
    teile = [e.value for gruppe in (at.title, at.header, at.subheader, at.markdown, at.caption) for e in gruppe]
    teile += [e.value for gruppe in (at.info, at.warning, at.error) for e in gruppe]
    return gelesen(text("\n".join(str(t) for t in teile)))


# Sign-in configured (secrets.toml's [auth] and [ipdaten]) against a provider that is not there.
ANMELDUNG = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "ipdaten",
        "client_secret": "geheim",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    },
    "ipdaten": {"redakteure": ["Chefin@LRABB.de", "IP-Redaktion"], "gruppen_claim": "roles"},
}

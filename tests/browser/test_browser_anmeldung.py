"""Sign-in with the county's accounts (issue 26), end to end and offline: a real OpenID Connect
flow in Chromium against a local provider (oidc-provider-mock, started here), Streamlit's own
st.login. An editor (by group) publishes under her account; a signed-in non-editor sees no
publish button and cannot publish by replaying the button through the websocket – the same
replay does publish in an editor's session, so the refusal is the gate's doing; sign-out.
"""

from __future__ import annotations

import base64
import time

import pytest

from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import (
    WURZEL,
    bildschirmfoto,
    freier_port,
    lade_arbeitsmappe_hoch,
    neuer_kontext,
    oeffne,
    seitentext,
    streamlit_server,
    warte_bis_fertig,
)

oidc = pytest.importorskip("oidc_provider_mock")
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

NUTZER = [
    oidc.User(
        sub="redakteurin",
        claims={"email": "m.muster@lrabb.de", "name": "Maria Muster", "groups": ["IP-Redaktion", "Alle"]},
    ),
    oidc.User(
        sub="praktikant", claims={"email": "p.praktikant@lrabb.de", "name": "Paul Praktikant", "groups": ["Alle"]}
    ),
]

# Keeps the page's Streamlit websocket and its frames, so that the test can send through the
# very session the browser has (with its upload and its sign-in), as a hand-crafted client would.
MITSCHNITT = """
(() => {
  const Original = window.WebSocket;
  const ipd = (window.__ipd = { sockets: [], gesendet: [], empfangen: [] });
  const bytes = (d) => new Uint8Array(d instanceof ArrayBuffer ? d : d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
  function Mitschnitt(url, protokolle) {
    const ws = protokolle === undefined ? new Original(url) : new Original(url, protokolle);
    ipd.sockets.push(ws);
    const senden = ws.send.bind(ws);
    ws.send = (d) => { if (typeof d !== "string") ipd.gesendet.push(bytes(d)); return senden(d); };
    ws.addEventListener("message", (e) => {
      if (e.data instanceof Blob) e.data.arrayBuffer().then((b) => ipd.empfangen.push(new Uint8Array(b)));
      else if (typeof e.data !== "string") ipd.empfangen.push(bytes(e.data));
    });
    return ws;
  }
  Mitschnitt.prototype = Original.prototype;
  Object.assign(Mitschnitt, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket = Mitschnitt;
})();
"""
_BASE64 = "(liste) => liste.map((u) => { let s = ''; for (const b of u) s += String.fromCharCode(b); return btoa(s); })"


def _empfangen(seite, ab: int = 0) -> list[ForwardMsg]:
    rohe = seite.evaluate(f"(ab) => ({_BASE64})(window.__ipd.empfangen.slice(ab))", ab)
    nachrichten = []
    for roh in rohe:
        nachricht = ForwardMsg()
        nachricht.ParseFromString(base64.b64decode(roh))
        nachrichten.append(nachricht)
    return nachrichten


def _knopf_id(seite, schluessel: str) -> str:
    """The widget id of the button with this key, as the server sent it to this page."""
    for nachricht in reversed(_empfangen(seite)):
        if nachricht.WhichOneof("type") == "delta" and nachricht.delta.WhichOneof("type") == "new_element":
            element = nachricht.delta.new_element
            if element.WhichOneof("type") == "button" and element.button.id.endswith("-" + schluessel):
                return element.button.id
    raise AssertionError(f"kein Knopf {schluessel} empfangen")


def _letzter_lauf(seite) -> BackMsg:
    """The last rerun of the whole page this page sent (with every widget state the browser
    holds); not a fragment's (the Stand poll reruns only itself)."""
    rohe = seite.evaluate(f"() => ({_BASE64})(window.__ipd.gesendet)")
    for roh in reversed(rohe):
        nachricht = BackMsg()
        nachricht.ParseFromString(base64.b64decode(roh))
        if nachricht.WhichOneof("type") == "rerun_script" and not nachricht.rerun_script.fragment_id:
            nachricht.rerun_script.is_auto_rerun = False
            return nachricht
    raise AssertionError("keine rerun_script-Nachricht gesendet")


def _klick_nachspielen(seite, knopf_id: str) -> None:
    """Send "button pressed" for `knopf_id` through the page's own websocket (its session), as a
    crafted client would, and wait until the server has finished the run it caused."""
    nachricht = _letzter_lauf(seite)
    nachricht.rerun_script.widget_states.widgets.append(WidgetState(id=knopf_id, trigger_value=True))
    vorher = seite.evaluate("() => window.__ipd.empfangen.length")
    seite.evaluate(
        "(b) => window.__ipd.sockets.at(-1).send(Uint8Array.from(atob(b), (c) => c.charCodeAt(0)))",
        base64.b64encode(nachricht.SerializeToString()).decode("ascii"),
    )
    ende = time.monotonic() + 60
    while not any(n.WhichOneof("type") == "script_finished" for n in _empfangen(seite, vorher)):
        assert time.monotonic() < ende, "der Server hat den nachgespielten Klick nicht beantwortet"
        seite.wait_for_timeout(100)
    warte_bis_fertig(seite)


@pytest.fixture(scope="module")
def dashboard_mit_anmeldung(tmp_path_factory, monkeypatch_module):
    """(base URL, store) of a dashboard whose secrets.toml configures sign-in with a local OIDC
    provider; editors are the group IP-Redaktion (claim "groups")."""
    monkeypatch_module.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # the provider speaks http on loopback
    ordner = tmp_path_factory.mktemp("anmeldung")
    with oidc.run_server_in_thread(user_claims=NUTZER) as anbieter:
        port = freier_port()
        geheimnisse = ordner / "secrets.toml"
        geheimnisse.write_text(
            f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "{"k" * 48}"
client_id = "ipdaten"
client_secret = "geheim"
server_metadata_url = "http://localhost:{anbieter.server_port}/.well-known/openid-configuration"
client_kwargs = {{ scope = "openid profile email" }}

[ipdaten]
redakteure = ["IP-Redaktion"]
gruppen_claim = "groups"
""",
            encoding="utf-8",
        )
        umgebung = {"IPDATEN_ABLAGE": str(ordner / "ablage"), "AUTHLIB_INSECURE_TRANSPORT": "1", "IPDATEN_PASSWORT": ""}
        with streamlit_server(
            WURZEL / "app.py", umgebung, port=port, argumente=("--secrets.files", str(geheimnisse))
        ) as url:
            yield url, ordner / "ablage"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _nur_lokal(kontext) -> None:
    """Nothing may load from outside (the provider's pages link a stylesheet on a CDN)."""
    kontext.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "http://localhost", "ws://"))
            else route.abort()
        ),
    )


def _anmelden(browser, url: str, wer: str):
    kontext, seite = neuer_kontext(browser)
    _nur_lokal(kontext)
    kontext.add_init_script(MITSCHNITT)
    oeffne(seite, f"{url}/daten")
    seite.locator(".st-key-seitenleiste_login button").click()
    seite.wait_for_url("**/oauth2/authorize**")
    seite.get_by_role("button", name=wer, exact=True).click()
    seite.wait_for_url(f"{url}/**")
    warte_bis_fertig(seite)
    return kontext, seite


def test_anmelden_veroeffentlichen_nachspielen_abmelden(browser, dashboard_mit_anmeldung):
    url, ablage_ordner = dashboard_mit_anmeldung
    herbst = ueberarbeitete_standard_bytes(bezeichnung="Herbst 2017")
    fruehjahr = ueberarbeitete_standard_bytes(bezeichnung="Frühjahr 2018")
    redaktion, seite = _anmelden(browser, url, "redakteurin")
    try:
        seitenleiste = seite.locator('[data-testid="stSidebar"]').inner_text()
        assert "Maria Muster (m.muster\u2060@lrabb.de) · Redaktion" in seitenleiste
        # The editor publishes under her account: no password, no name to type.
        oeffne(seite, f"{url}/daten")
        lade_arbeitsmappe_hoch(seite, "herbst.xlsx", herbst, warte_auf="ist gültig")
        assert "Angemeldet als Maria Muster" in seitentext(seite)
        assert not seite.locator(".st-key-redakteur_passwort").count()
        seite.locator("[class*='st-key-stand_kommentar_'] input").fill("Rückmeldungen eingearbeitet")
        seite.locator(".st-key-veroeffentlichen button").click()
        seite.get_by_text("Veröffentlicht als").wait_for()
        warte_bis_fertig(seite)
        bildschirmfoto(seite, "anmeldung-redakteurin-veroeffentlicht")
        # She looks at the next file; its publish button's id is what a replay would need.
        lade_arbeitsmappe_hoch(seite, "fruehjahr.xlsx", fruehjahr, warte_auf="ist gültig")
        knopf = _knopf_id(seite, "veroeffentlichen")

        # A signed-in colleague who is no editor: the preview, but no button, and a replayed
        # click through his own websocket session publishes nothing.
        kollege_kontext, kollege = _anmelden(browser, url, "praktikant")
        try:
            oeffne(kollege, f"{url}/daten")
            lade_arbeitsmappe_hoch(kollege, "fruehjahr.xlsx", fruehjahr, warte_auf="ist gültig")
            text = seitentext(kollege)
            assert "Sie sind als Paul Praktikant (p.praktikant\u2060@lrabb.de) angemeldet." in text
            assert not kollege.locator(".st-key-veroeffentlichen").count()
            bildschirmfoto(kollege, "anmeldung-kein-redakteur")
            _klick_nachspielen(kollege, knopf)
            assert "Veröffentlicht als" not in seitentext(kollege)
            assert [s.nr for s in Ablage(ablage_ordner, STANDARD_PFAD).staende()] == [1, 2]
        finally:
            kollege_kontext.close()

        # The same replay in the editor's session does publish: the refusal above was the gate's.
        _klick_nachspielen(seite, knopf)
        seite.get_by_text("Veröffentlicht als").wait_for()
        ablage = Ablage(ablage_ordner, STANDARD_PFAD)
        assert [(s.nr, s.bezeichnung, s.von.anzeige if s.von else None, s.kommentar) for s in ablage.staende()] == [
            (1, "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)", None, ""),
            (2, "Herbst 2017", "Maria Muster (m.muster@lrabb.de)", "Rückmeldungen eingearbeitet"),
            (3, "Frühjahr 2018", "Maria Muster (m.muster@lrabb.de)", ""),
        ]
        assert {(e.aktion, e.wer, e.quelle) for e in ablage.protokoll()} == {
            ("veroeffentlicht", "Maria Muster", "anmeldung")
        }

        # Sign-out: through the provider's end-session page back to the dashboard, signed out.
        seite.locator(".st-key-seitenleiste_logout button").click()
        seite.wait_for_url("**/oauth2/end_session**")
        seite.get_by_role("button", name="End session").click()
        seite.wait_for_url(f"{url}/**")
        warte_bis_fertig(seite)
        oeffne(seite, f"{url}/daten")
        seite.locator(".st-key-seitenleiste_login button").wait_for()
        assert not seite.locator(".st-key-seitenleiste_logout").count()
        assert "· Redaktion" not in seite.locator('[data-testid="stSidebar"]').inner_text()
        bildschirmfoto(seite, "anmeldung-abgemeldet")
    finally:
        redaktion.close()


def test_ohne_anmeldung_kein_passwortfeld(browser, dashboard_mit_anmeldung):
    """With sign-in configured there is no password at all: a visitor who is not signed in gets
    the sign-in button where the publish form would be."""
    url, _ablage = dashboard_mit_anmeldung
    kontext, seite = neuer_kontext(browser)
    _nur_lokal(kontext)
    try:
        oeffne(seite, f"{url}/daten")
        lade_arbeitsmappe_hoch(seite, "x.xlsx", ueberarbeitete_standard_bytes(bezeichnung="X"), warte_auf="ist gültig")
        assert "Zum Veröffentlichen bitte mit dem Dienstkonto anmelden." in seitentext(seite)
        assert seite.locator(".st-key-redakteur_login button").count() == 1
        assert not seite.locator(".st-key-redakteur_passwort").count()
    finally:
        kontext.close()

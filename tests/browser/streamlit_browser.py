"""Helpers for browser tests of the Streamlit app: start a server, wait for a run to finish,
inject axe-core. Fixtures using them live in tests/browser/conftest.py."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

WURZEL = Path(__file__).resolve().parents[2]
from tests.artefakte import ARTEFAKTE  # noqa: E402  (tests/ is on sys.path)

AXE = WURZEL / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGUMENTE = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FERTIG = '[data-testid="stApp"][data-test-script-state="notRunning"]'
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PASSWORT = "Browser-Passwort-17"  # to publish on a test server with its own store (conftest.eigener_server)
START_GRENZE_S = 60


def freier_port() -> int:
    """A free TCP port on 127.0.0.1 (never a fixed one: several test runs share the machine)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    skript: Path,
    umgebung: dict[str, str] | None = None,
    log: Path | None = None,
    *,
    port: int | None = None,
    argumente: tuple[str, ...] = (),
) -> Iterator[str]:
    """Run `streamlit run skript` headless on 127.0.0.1 and a free port (or `port`) with further
    command-line `argumente`; yield its base URL.

    Waits until /_stcore/health answers; stops the server (only this process) afterwards.
    """
    with streamlit_prozess(skript, umgebung, log, port=port, argumente=argumente) as (_prozess, url):
        yield url


@contextlib.contextmanager
def streamlit_prozess(
    skript: Path,
    umgebung: dict[str, str] | None = None,
    log: Path | None = None,
    *,
    port: int | None = None,
    argumente: tuple[str, ...] = (),
) -> Iterator[tuple[subprocess.Popen, str]]:
    """Like streamlit_server, but yields (server process, base URL), e.g. to read its memory."""
    port = port or freier_port()
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    log = log or ARTEFAKTE / f"server-{skript.stem}-{port}.log"
    befehl = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(skript),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *argumente,
    ]
    with log.open("wb") as ausgabe:
        prozess = subprocess.Popen(
            befehl, cwd=WURZEL, env={**os.environ, **(umgebung or {})}, stdout=ausgabe, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                warte_bis_gesund(prozess, url)
            except RuntimeError as e:
                raise RuntimeError(f"{e}; siehe {log}") from None
            yield prozess, url
        finally:
            beende(prozess)


def warte_bis_gesund(prozess: subprocess.Popen, url: str, grenze_s: float = START_GRENZE_S) -> None:
    """Wait until the server at `url` answers /_stcore/health; RuntimeError when the process ends
    first or after `grenze_s` seconds."""
    ende = time.monotonic() + grenze_s
    while True:
        if prozess.poll() is not None:
            raise RuntimeError(f"Streamlit endete beim Start (Code {prozess.returncode})")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwort:
                if antwort.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > ende:
            raise RuntimeError(f"Streamlit antwortete nicht in {grenze_s:g} s")
        time.sleep(0.05)  # fine enough for the start times of benchmark part 7


def beende(prozess: subprocess.Popen) -> None:
    """Stop this one server process: terminate, and kill it when it has not ended after 10 s."""
    prozess.terminate()
    try:
        prozess.wait(timeout=10)
    except subprocess.TimeoutExpired:
        prozess.kill()
        prozess.wait()


def neuer_kontext(browser, *, timeout_ms: int = 30_000, **optionen):
    """A German (de-DE) browser context, 1400×1000 unless `optionen` say otherwise, and a page in it
    with `timeout_ms` as its default timeout: (context, page). Close the context after use."""
    kontext = browser.new_context(**{"locale": "de-DE", "viewport": {"width": 1400, "height": 1000}, **optionen})
    seite = kontext.new_page()
    seite.set_default_timeout(timeout_ms)
    return kontext, seite


def lade_arbeitsmappe_hoch(seite, name: str, daten: bytes, *, warte_auf: str) -> None:
    """Choose the workbook `daten` (file name `name`) in the upload field of the page Daten & Stände,
    then wait until the page shows the text `warte_auf` and the run has finished."""
    seite.locator('.st-key-anlage_upload input[type="file"]').set_input_files(
        files=[{"name": name, "mimeType": XLSX, "buffer": daten}]
    )
    seite.get_by_text(warte_auf).wait_for()
    warte_bis_fertig(seite)


REDAKTEURIN = "Browser Redakteurin"


def anmelden(seite, passwort: str = PASSWORT, name: str = REDAKTEURIN) -> None:
    """Unlock editing in the editor gate (name and password, Enter) and wait for the result."""
    seite.locator(".st-key-redakteur_name input").fill(name)
    feld = seite.locator(".st-key-redakteur_passwort input")
    feld.fill(passwort)
    feld.press("Enter")
    seite.locator(".st-key-veroeffentlichen button, [data-testid='stAlertContentError']").first.wait_for()
    warte_bis_fertig(seite)


def veroeffentliche(seite) -> None:
    """Publish the preview (unlocking editing with PASSWORT first where the page asks for it) and
    wait until the page says it was published."""
    knopf = seite.locator(".st-key-veroeffentlichen button, .st-key-redakteur_anmelden button").first
    knopf.wait_for()
    if seite.locator(".st-key-redakteur_anmelden button").count():
        anmelden(seite)
    seite.locator(".st-key-veroeffentlichen button:visible").first.click()
    seite.get_by_text("Veröffentlicht als").wait_for()


def waehle(seite, auswahl, antwort: str, *, foto: str = "fehler-auswahl") -> None:
    """Open the selectbox `auswahl` (a Locator) and pick the option named `antwort`. The Stand poll
    (every few seconds) may rerender the page and close an open list: then open it again (after
    four tries a screenshot `foto` is saved and the error raised)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    for versuch in range(4):
        warte_bis_fertig(seite)
        # After a full-page screenshot, a click on a box outside the viewport did not open it.
        auswahl.scroll_into_view_if_needed()
        auswahl.click()
        try:
            seite.get_by_role("option", name=antwort, exact=True).click(timeout=5_000)
            break
        except PlaywrightTimeoutError:
            seite.keyboard.press("Escape")
            if versuch == 3:
                bildschirmfoto(seite, foto)
                raise
    warte_bis_fertig(seite)


def seitentext(seite) -> str:
    """The visible text of the page, non-breaking spaces as plain spaces."""
    return seite.inner_text("body").replace("\xa0", " ")


def warte_bis_fertig(seite, timeout_ms: int = 30_000) -> None:
    """Wait until the Streamlit script run of `seite` has finished (state notRunning)."""
    seite.wait_for_selector(FERTIG, state="attached", timeout=timeout_ms)


def oeffne(seite, url: str, *, diagramme: int = 0, timeout_ms: int = 30_000) -> None:
    """Open `url` and wait until the script run has finished and (with `diagramme` > 0) at least
    that many plotly charts are drawn."""
    seite.goto(url)
    warte_bis_fertig(seite, timeout_ms)
    if diagramme:
        warte_auf_diagramme(seite, diagramme, timeout_ms)


def warte_auf_diagramme(seite, anzahl: int = 1, timeout_ms: int = 30_000) -> None:
    """Wait until at least `anzahl` plotly charts have drawn their SVG, no element placeholder
    (skeleton) is left and every chart on the page is drawn (plotly loads lazily after the run)
    and laid out for its width (oberflaeche/schmale_diagramme.js marks it "breit" or "schmal")."""
    seite.wait_for_function(
        """(anzahl) => {
               const diagramme = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
               return diagramme.length >= anzahl
                   && diagramme.every(el => el.querySelector('svg.main-svg'))
                   && diagramme.every(el => ['breit', 'schmal'].includes(
                          el.querySelector('.js-plotly-plot')?.dataset.ipdatenLayout))
                   && !document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]');
           }""",
        arg=anzahl,
        timeout=timeout_ms,
    )


def bildschirmfoto(seite, name: str) -> Path:
    """Save a screenshot of the whole page (Streamlit scrolls inside its main block, so the
    viewport is stretched to the content first) to the artefacts folder (tests/artefakte.py) <name>.png."""
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    pfad = ARTEFAKTE / f"{name}.png"
    groesse = seite.viewport_size
    hoehe = seite.evaluate(
        """() => Math.max(...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stMainBlockContainer"]')]
                             .map(el => el.scrollHeight), 0)"""
    )
    if groesse and hoehe > groesse["height"]:
        seite.set_viewport_size({"width": groesse["width"], "height": min(int(hoehe) + 80, 12_000)})
        seite.wait_for_timeout(400)  # let plotly redraw at the new size; not an assertion
    seite.screenshot(path=str(pfad), full_page=True)
    if groesse:
        seite.set_viewport_size(groesse)
    return pfad


def axe_befunde(seite, stufen: tuple[str, ...] = ("serious", "critical")) -> dict[str, list[str]]:
    """Run axe-core (node_modules/axe-core) on the page: {rule id: [html of each node]} for the
    violations of WCAG 2.0/2.1 A and AA with an impact in `stufen`."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} fehlt: im Projektordner `npm ci` ausführen.")
    seite.add_script_tag(path=str(AXE))
    ergebnis = seite.evaluate(
        """async () => await axe.run(document, {
               runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
               resultTypes: ['violations']})"""
    )
    return {v["id"]: [k["html"][:200] for k in v["nodes"]] for v in ergebnis["violations"] if v.get("impact") in stufen}


def axe_befunde_leere_app(seite, ordner: Path) -> dict[str, list[str]]:
    """axe_befunde of a bare Streamlit app (title and one sentence) started in `ordner`: the
    floor a page is compared with. Also proves that axe really reports (a planted image
    without alt text must be found)."""
    leer = ordner / "leer.py"
    leer.write_text('import streamlit as st\nst.title("Hallo")\nst.write("Ein Satz.")\n', encoding="utf-8")
    with streamlit_server(leer) as url:
        oeffne(seite, url)
        boden = axe_befunde(seite)
        seite.evaluate("() => document.body.appendChild(Object.assign(document.createElement('img'), {src: 'x.png'}))")
        if "image-alt" not in axe_befunde(seite):
            raise AssertionError("axe-core meldet ein Bild ohne Alternativtext nicht – die Prüfung läuft nicht.")
    return boden

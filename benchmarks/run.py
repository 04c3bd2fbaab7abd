"""Benchmark of the Integrationsplan-Monitor: medians, ratios measured side by side, targets.

    python benchmarks/run.py            # full run (several minutes)
    python benchmarks/run.py --schnell  # quick mode: few repetitions, small sizes (the tests run it)
    python benchmarks/run.py --nur 7    # only some parts (1 and 2 are measured together)

Part 8, many viewers at once over the websocket, is benchmarks/last.py.

Absolute times on shared machines drift; the ratios against a floor measured in the same
run hold. Prints a Markdown table for docs/messungen.md.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))
# tests/browser/streamlit_browser.py imports `artefakte` from tests/, which pytest puts on the path.
sys.path.insert(1, str(WURZEL / "tests"))

from benchmarks.grosse_mappe import grosse_mappe  # noqa: E402
from ipdaten import lade_anlage  # noqa: E402
from tests.browser.streamlit_browser import CHROMIUM, CHROMIUM_ARGUMENTE, FERTIG, streamlit_prozess  # noqa: E402

APP = WURZEL / "app.py"
STANDARD = WURZEL / "daten" / "anlage1.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Messung:
    """One line of the result table."""

    nr: str
    was: str
    wert: str
    verhaeltnis: str
    ziel: str
    erfuellt: bool | None


def median_s(funktion: Callable[[], object], wiederholungen: int, vorher: Callable[[], object] | None = None) -> float:
    """Median wall time of `funktion` in seconds; `vorher` runs untimed before each call."""
    zeiten = []
    for _ in range(wiederholungen):
        if vorher is not None:
            vorher()
        start = time.perf_counter()
        funktion()
        zeiten.append(time.perf_counter() - start)
    return statistics.median(zeiten)


def ms(sekunden: float) -> str:
    """Seconds as German milliseconds text."""
    return f"{sekunden * 1000:.1f} ms".replace(".", ",")


def zahl(wert: int) -> str:
    """A whole number with German thousands separators."""
    return f"{wert:,}".replace(",", ".")


def faktor(wert: float) -> str:
    """A ratio as German text."""
    return f"{wert:.2f}×".replace(".", ",")


def _cache_leeren() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


def laden(wiederholungen: int, groessen: tuple[int, ...]) -> list[Messung]:
    """(1) default workbook cold, (2) generated workbooks, with growth per row."""
    standard = STANDARD.read_bytes()
    zeit = median_s(lambda: lade_anlage(standard), wiederholungen)
    ergebnisse = [Messung("1", "Standard-Arbeitsmappe laden und prüfen (kalt)", ms(zeit), "", "≤ 50 ms", zeit <= 0.05)]
    vorher: tuple[int, float] | None = None
    for anzahl in groessen:
        daten = grosse_mappe(anzahl)
        zeit = median_s(lambda daten=daten: lade_anlage(daten), max(1, wiederholungen // (1 + anzahl // 5000)))
        ziel, erfuellt = ("≤ 1,5 s", zeit <= 1.5) if anzahl >= 20_000 else ("", None)
        wachstum = ""
        if vorher is not None:
            wachstum = f"{faktor(zeit / vorher[1])} Zeit für {faktor(anzahl / vorher[0])} Zeilen"
        ergebnisse.append(
            Messung("2", f"{zahl(anzahl)} Empfehlungen laden und prüfen", ms(zeit), wachstum, ziel, erfuellt)
        )
        vorher = (anzahl, zeit)
    return ergebnisse


def _seiten() -> list[Path]:
    return sorted(p for p in (WURZEL / "seiten").glob("*.py") if not p.name.startswith("_"))


@contextlib.contextmanager
def _bytecode_wie_der_server():
    """AppTest compiles the app and the page anew on every run (a new ScriptCache per run); a
    server compiles each script once. Shared here, so a page's warm rerun is what a viewer waits
    for, not its source's length (the Daten page: 1,4 ms of compiling per run)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    geteilt = ScriptCache()
    vorher = (app_test.ScriptCache, local_script_runner.ScriptCache)
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: geteilt  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = vorher


RERUN_ZIEL = 6  # a page's warm rerun, in multiples of the bare-Streamlit floor (issue 22)


def seiten_rerun(wiederholungen: int) -> list[Messung]:
    """(3) warm rerun of every page through AppTest against a bare st.write script."""
    with _bytecode_wie_der_server():
        return _seiten_rerun(wiederholungen)


def _seiten_rerun(wiederholungen: int) -> list[Messung]:
    from streamlit.testing.v1 import AppTest

    _cache_leeren()
    boden_app = AppTest.from_string('import streamlit as st\nst.write("Hallo")\n', default_timeout=30)
    boden_app.run()
    boeden: list[float] = []
    ergebnisse = []
    for seite in _seiten():
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.run()
        app.switch_page(str(seite.relative_to(WURZEL))).run()
        if app.exception:
            ergebnisse.append(Messung("3", f"Seite {seite.stem}", "Ausnahme", "", f"≤ {RERUN_ZIEL}× Boden", False))
            continue
        # The floor right before each page: a machine that gets busier during the run shifts both.
        boden = median_s(boden_app.run, wiederholungen * 3)
        boeden.append(boden)
        zeit = median_s(app.run, wiederholungen * 3)
        verhaeltnis = zeit / boden
        ergebnisse.append(
            Messung(
                "3",
                f"Seite {seite.stem}, warmer Rerun",
                ms(zeit),
                faktor(verhaeltnis),
                f"≤ {RERUN_ZIEL}× Boden",
                verhaeltnis <= RERUN_ZIEL,
            )
        )
    boden = statistics.median(boeden) if boeden else 0.0
    return [Messung("3", "Boden: leeres Skript mit einem st.write (Median)", ms(boden), "1,00×", "", None), *ergebnisse]


def verlauf_seiten(wiederholungen: int, anzahl_staende: int, anzahl: int) -> list[Messung]:
    """(10) Verlauf on Fortschritt and one recommendation's history on Handlungsfelder with
    `anzahl_staende` published Stände of `anzahl` recommendations: first view, warm rerun."""
    from streamlit.testing.v1 import AppTest

    from ipdaten.ablage import Ablage

    _cache_leeren()
    boden_app = AppTest.from_string('import streamlit as st\nst.write("Hallo")\n', default_timeout=30)
    boden_app.run()
    boden = median_s(boden_app.run, wiederholungen * 3)
    groesse = f"{anzahl_staende} Ständen à {zahl(anzahl)} Empfehlungen"
    ergebnisse = [Messung("10", "Boden: leeres Skript mit einem st.write", ms(boden), "1,00×", "", None)]
    with tempfile.TemporaryDirectory() as verzeichnis, _umgebung(IPDATEN_ABLAGE=verzeichnis):
        ablage = Ablage(verzeichnis, STANDARD)
        for runde in range(anzahl_staende):
            ablage.veroeffentliche(
                grosse_mappe(anzahl, runde=runde),
                stand=dt.date(2018, 3, 1) + dt.timedelta(days=182 * runde),
                bezeichnung=f"Runde {runde + 1}",
            )
        _cache_leeren()
        app = AppTest.from_file(str(APP), default_timeout=600)
        app.run()
        for seite, was, vorbereiten, erwartet in (
            (
                "seiten/fortschritt.py",
                "Fortschritt mit Verlauf",
                lambda a: a.radio(key="fortschritt_ansicht").set_value("Verlauf über alle Stände").run(),
                "Verlauf über alle Stände",
            ),
            (
                "seiten/handlungsfelder.py",
                "Handlungsfelder mit Verlauf einer Empfehlung",
                lambda a: a.selectbox(key="handlungsfelder_wortlaut").set_value("1.5").run(),
                "Verlauf der Empfehlung 1.5",
            ),
        ):
            app.switch_page(seite)
            if seite.endswith("handlungsfelder.py"):
                app.query_params["feld"] = "1"
            start = time.perf_counter()
            app.run()
            vorbereiten(app)
            kalt = time.perf_counter() - start
            texte = " ".join(str(e.value) for gruppe in (app.subheader, app.markdown) for e in gruppe)
            if app.exception or erwartet not in texte:
                ergebnisse.append(Messung("10", f"{was} ({groesse})", "fehlt", "", "≤ 8× Boden", False))
                continue
            ergebnisse.append(Messung("10", f"{was}, erster Aufruf ({groesse})", ms(kalt), "", "", None))
            zeit = median_s(app.run, wiederholungen * 3)
            ergebnisse.append(
                Messung(
                    "10",
                    f"{was}, warmer Rerun ({groesse})",
                    ms(zeit),
                    faktor(zeit / boden),
                    "≤ 8× Boden",
                    zeit / boden <= 8,
                )
            )
    return ergebnisse


def hochladen(wiederholungen: int, anzahl: int) -> list[Messung]:
    """(4) upload of a large workbook to a finished preview through AppTest."""
    from streamlit.testing.v1 import AppTest

    seite = WURZEL / "seiten" / "daten.py"
    if not seite.exists():
        return [Messung("4", "Hochladen bis Vorschau", "fehlt", "", "≤ 2 s", False)]
    daten = grosse_mappe(anzahl)
    with tempfile.TemporaryDirectory() as ablage, _umgebung(IPDATEN_ABLAGE=ablage):
        zeiten = []
        for _ in range(wiederholungen):
            _cache_leeren()
            app = AppTest.from_file(str(APP), default_timeout=120)
            app.run()
            app.switch_page("seiten/daten.py").run()
            hochlader = app.file_uploader(key="anlage_upload")
            start = time.perf_counter()
            hochlader.set_value((f"anlage-{anzahl}.xlsx", daten, XLSX_MIME)).run()
            zeiten.append(time.perf_counter() - start)
            fehler = bool(app.exception) or not any("Vorschau" in w.value for w in app.warning)
        zeit = statistics.median(zeiten)
    name = f"{zahl(anzahl)} Empfehlungen hochladen bis Vorschau (AppTest)"
    return [Messung("4", name, ms(zeit) if not fehler else "keine Vorschau", "", "≤ 2 s", zeit <= 2 and not fehler)]


def exporte(wiederholungen: int) -> list[Messung]:
    """(5) building the PowerPoint (slides included) and the Excel export of the default workbook."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.export_excel import excel_bytes
    from ipdaten.praesentation.export_pptx import pptx_bytes
    from ipdaten.praesentation.folien import praesentation

    anlage = lade_anlage(STANDARD)
    # A fresh Auswertung per run: the export must not profit from figures computed before.
    pptx = median_s(lambda: pptx_bytes(praesentation(Auswertung(anlage))), wiederholungen)
    excel = median_s(lambda: excel_bytes(Auswertung(anlage)), wiederholungen)
    return [
        Messung("5", "PowerPoint erzeugen (alle Folien)", ms(pptx), "", "≤ 1 s", pptx <= 1),
        Messung("5", "Excel-Export erzeugen", ms(excel), "", "≤ 1 s", excel <= 1),
    ]


@contextlib.contextmanager
def _umgebung(**werte: str):
    alt = {k: os.environ.get(k) for k in werte}
    os.environ.update(werte)
    try:
        yield
    finally:
        for k, v in alt.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _bis_erstes_diagramm(skript: Path, browser, ablage: str) -> float:
    """Seconds from server start until the first plotly chart is drawn in Chromium."""
    start = time.perf_counter()
    with streamlit_prozess(skript, {"IPDATEN_ABLAGE": ablage}) as (_prozess, url):
        seite = browser.new_page(locale="de-DE")
        while True:
            try:
                seite.goto(url, timeout=2000)
                break
            except Exception:  # server not listening yet
                if time.perf_counter() - start > 60:
                    raise
                time.sleep(0.05)
        seite.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        zeit = time.perf_counter() - start
        seite.close()
    return zeit


TRIVIALE_APP = """
import plotly.graph_objects as go
import streamlit as st
st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
"""


def browser_start(wiederholungen: int) -> list[Messung]:
    """(7) server start to first chart drawn, against a trivial one-chart app."""
    from playwright.sync_api import sync_playwright

    # A server keeps the bytecode of its modules after its first start; this machine sets
    # PYTHONDONTWRITEBYTECODE=1, which would compile ipdaten and oberflaeche on every start.
    for paket in ("ipdaten", "oberflaeche"):
        compileall.compile_dir(WURZEL / paket, quiet=1)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        trivial = Path(tmp) / "trivial.py"
        trivial.write_text(TRIVIALE_APP, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTE)
        zeiten_app, zeiten_trivial = [], []
        for index in range(wiederholungen):
            zeiten_trivial.append(_bis_erstes_diagramm(trivial, browser, f"{tmp}/a{index}"))
            zeiten_app.append(_bis_erstes_diagramm(APP, browser, f"{tmp}/b{index}"))
        browser.close()
    app, boden = statistics.median(zeiten_app), statistics.median(zeiten_trivial)
    return [
        Messung("7", "Triviale App: Serverstart bis erstes Diagramm", ms(boden), "1,00×", "", None),
        Messung(
            "7",
            "Übersicht: Serverstart bis erstes Diagramm",
            ms(app),
            faktor(app / boden),
            "≤ 1,3×",
            app / boden <= 1.3,
        ),
    ]


def _speicher_mb(pid: int) -> tuple[float, float]:
    werte = {}
    for zeile in Path(f"/proc/{pid}/status").read_text().splitlines():
        if zeile.startswith(("VmRSS:", "VmHWM:")):
            name, wert = zeile.split(":")
            werte[name] = int(wert.split()[0]) / 1024
    return werte.get("VmRSS", 0.0), werte.get("VmHWM", 0.0)


def speicher(anzahl_staende: int) -> list[Messung]:
    """(6) peak memory of a server: default workbook, then after published Stände were viewed."""
    from playwright.sync_api import sync_playwright

    try:
        from benchmarks.staende import veroeffentliche_varianten
    except ImportError:
        return [Messung("6", "Speicher des Servers", "fehlt", "", "≤ 300 MB", False)]
    with tempfile.TemporaryDirectory() as ablage, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTE)
        with streamlit_prozess(APP, {"IPDATEN_ABLAGE": ablage}) as (prozess, url):
            seite = browser.new_page(locale="de-DE")
            _warte_auf_diagramm(seite, url)
            _, start_spitze = _speicher_mb(prozess.pid)
            kennungen = veroeffentliche_varianten(ablage, anzahl_staende)
            stufen = []
            for _runde in range(2):
                for kennung in kennungen:
                    _warte_auf_diagramm(seite, f"{url}/?stand={kennung}")
                stufen.append(_speicher_mb(prozess.pid))
            browser.close()
    (rss1, spitze1), (rss2, spitze2) = stufen
    wachstum = rss2 - rss1
    return [
        Messung(
            "6",
            "Server mit Standard-Arbeitsmappe, Spitze",
            f"{start_spitze:.0f} MB",
            "",
            "≤ 300 MB",
            start_spitze <= 300,
        ),
        Messung(
            "6",
            f"nach {anzahl_staende} Ständen je einmal angesehen, Spitze",
            f"{spitze1:.0f} MB",
            f"zweite Runde: {wachstum:+.0f} MB RSS".replace("+-", "−"),
            "≤ 300 MB, begrenzt",
            spitze2 <= 300 and wachstum < 20,
        ),
    ]


def feindlicher_upload(zeilen: int) -> list[Messung]:
    """(9) peak memory of the whole server while a hostile upload (a sheet spanning millions of
    cells, a few MB on disk) is refused, three uploads in a row; and after the sessions closed."""
    from playwright.sync_api import sync_playwright

    from tests.feindlich import speicherbombe_bytes

    bombe = speicherbombe_bytes(zeilen, 25)
    with tempfile.TemporaryDirectory() as ablage, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTE)
        with streamlit_prozess(APP, {"IPDATEN_ABLAGE": ablage, "IPDATEN_PASSWORT": "x"}) as (prozess, url):
            seite = browser.new_page(locale="de-DE")
            _warte_auf_diagramm(seite, url)
            _, vorher = _speicher_mb(prozess.pid)
            for _ in range(3):
                kontext = browser.new_context(locale="de-DE")
                upload = kontext.new_page()
                upload.goto(f"{url}/daten")
                upload.wait_for_selector(FERTIG, state="attached", timeout=60_000)
                upload.locator('.st-key-anlage_upload input[type="file"]').set_input_files(
                    files=[{"name": "bombe.xlsx", "mimeType": XLSX_MIME, "buffer": bombe}]
                )
                upload.get_by_text("wurde nicht übernommen").wait_for(timeout=120_000)
                kontext.close()
            rss, spitze = _speicher_mb(prozess.pid)
            browser.close()
    zellen = zahl(zeilen * 25)
    return [
        Messung(
            "9",
            f"Server, 3 feindliche Uploads ({len(bombe) / 1e6:.1f} MB, {zellen} Zellen), Spitze".replace(".", ",", 1),
            f"{spitze:.0f} MB",
            f"vorher {vorher:.0f} MB, danach {rss:.0f} MB RSS",
            "≤ 300 MB",
            spitze <= 300,
        )
    ]


def _warte_auf_diagramm(seite, url: str) -> None:
    seite.goto(url)
    seite.wait_for_selector(FERTIG, state="attached", timeout=60_000)
    seite.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)


def last(schnell: bool) -> list[Messung]:
    """(8) many sessions at once against one real server, and a new Stand reaching them."""
    from benchmarks.last import messen, zeilen

    return [Messung("8", z.was, z.wert, z.verhaeltnis, z.ziel, z.erfuellt) for z in zeilen(messen(schnell))]


def tabelle(messungen: list[Messung]) -> str:
    """The results as a Markdown table."""
    zeilen = ["| # | Messung | Median | Verhältnis | Ziel | erfüllt |", "|---|---|---|---|---|---|"]
    for m in messungen:
        ok = {True: "ja", False: "**nein**", None: ""}[m.erfuellt]
        zeilen.append(f"| {m.nr} | {m.was} | {m.wert} | {m.verhaeltnis} | {m.ziel} | {ok} |")
    return "\n".join(zeilen)


def main(argumente: list[str] | None = None) -> int:
    """Run all measurements and print the table; exit 1 if a target is missed (full mode)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schnell", action="store_true", help="wenige Wiederholungen, kleine Mappen")
    parser.add_argument(
        "--nur",
        type=int,
        nargs="+",
        choices=range(1, 11),
        metavar="TEIL",
        help="nur diese Teile (1–10; 1 und 2 gemeinsam)",
    )
    args = parser.parse_args(argumente)
    wdh = 2 if args.schnell else 15
    groessen = (200, 2000) if args.schnell else (200, 2000, 20_000)
    teile = {
        1: lambda: laden(wdh, groessen),
        3: lambda: seiten_rerun(wdh),
        4: lambda: hochladen(1 if args.schnell else 5, 2000 if args.schnell else 20_000),
        5: lambda: exporte(wdh),
        6: lambda: speicher(2 if args.schnell else 10),
        7: lambda: browser_start(1 if args.schnell else 9),
        8: lambda: last(args.schnell),
        9: lambda: feindlicher_upload(20_000 if args.schnell else 100_000),
        10: lambda: verlauf_seiten(wdh, 3 if args.schnell else 10, 2000 if args.schnell else 20_000),
    }
    gewuenscht = {1 if t == 2 else t for t in args.nur or teile}
    messungen = [m for nr, teil in teile.items() if nr in gewuenscht for m in teil()]
    kopf = (
        f"Gemessen am {dt.date.today():%d.%m.%Y} auf {platform.node() or 'unbekannt'} "
        f"({os.cpu_count()} Kerne, Python {platform.python_version()}, {platform.machine()})"
        + (", Schnellmodus" if args.schnell else "")
    )
    print(kopf)
    print()
    print(tabelle(messungen))
    verfehlt = [m for m in messungen if m.erfuellt is False]
    if verfehlt:
        print(f"\n{len(verfehlt)} Ziel(e) verfehlt.")
    return 1 if verfehlt and not args.schnell else 0


if __name__ == "__main__":
    sys.exit(main())

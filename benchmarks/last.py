"""Load benchmark: many viewers at once against one real server, over Streamlit's websocket.

    python benchmarks/last.py            # full run (about 3 minutes)
    python benchmarks/last.py --schnell  # quick mode (the test suite runs it, no time limits)

Also part 8 of benchmarks/run.py. One server is started the way docs/betrieb.md says
(`streamlit run app.py` in the project folder, so `.streamlit/config.toml` applies), on
127.0.0.1 with its own empty store. Each viewer is a websocket client speaking Streamlit's
protocol (`/_stcore/stream`, the protobuf messages shipped with streamlit): it asks for a page
with `rerun_script` (page name and query string) and takes the time until `script_finished`.
Like a browser it answers the server's `auto_rerun` (the Stand poll, `st.fragment(run_every=…)`).

Measured, in this order on the same server:
1. propagation: 25 sessions open on different pages; a Stand published by another process
   (`ipdaten.ablage`) must reach every one of them (its label arrives in their sidebar) –
   the first publication after the server start and later ones;
2. N = 1, 10, 25, 50 sessions clicking through the pages every 0,5–1,5 s: median and p95 of a
   page view, first view, server CPU, peak memory, errors;
3. 50 sessions opening at once: their first view.

Bounded in count and time: every wait has a limit, the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))
# tests/browser/streamlit_browser.py imports `artefakte` from tests/, which pytest puts on the path.
sys.path.insert(1, str(WURZEL / "tests"))

from tests.browser.streamlit_browser import beende, freier_port, warte_bis_gesund  # noqa: E402

HOST = "127.0.0.1"  # loopback only
ANSICHT_GRENZE_S = 30.0  # a page view slower than this counts as an error
ANKUNFT_GRENZE_S = 30.0  # a Stand that has not arrived by then counts as missing
START_GRENZE_S = 60.0

# (page name as in the URL, query string): every page, some with deep links.
SEITEN = (
    ("", ""),
    ("handlungsfelder", "feld=2"),
    ("handlungsfelder", "feld=6"),
    ("handlungsfelder", ""),
    ("einbuergerung", ""),
    ("haushalt", ""),
    ("fortschritt", ""),
    ("daten", ""),
    ("praesentation", "folie=2"),
    ("praesentation", "folie=5"),
)

_FEHLER_BEIM_UEBERSETZEN = ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR
_ABGEBROCHEN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


# --- the server --------------------------------------------------------------------------


@contextlib.contextmanager
def server(ablage: str) -> Iterator[tuple[subprocess.Popen, int]]:
    """`streamlit run app.py` as in the README (project folder, its config), on a free port of
    127.0.0.1 with the store in `ablage`; yields (process, port) once /_stcore/health answers."""
    port = freier_port()
    befehl = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    # The config binds to 127.0.0.1 already; said again so that the benchmark never listens elsewhere.
    befehl += ["--server.address", HOST]
    with tempfile.TemporaryFile() as log:
        prozess = subprocess.Popen(
            befehl,
            cwd=WURZEL,
            env={**os.environ, "IPDATEN_ABLAGE": ablage},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            try:
                warte_bis_gesund(prozess, f"http://{HOST}:{port}", START_GRENZE_S)
            except RuntimeError as e:
                log.seek(0)
                raise RuntimeError(
                    f"Server startet nicht ({e}):\n" + log.read().decode(errors="replace")[-3000:]
                ) from None
            yield prozess, port
        finally:
            beende(prozess)


class Messgeraet:
    """Samples the server's CPU time and resident memory (Linux /proc) while a phase runs."""

    def __init__(self, pid: int):
        self.pid = pid
        self.spitze_mb = 0.0
        self._start_cpu = 0.0
        self._start = 0.0
        self._aufgabe: asyncio.Task | None = None

    def _cpu_s(self) -> float:
        felder = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(felder[11]) + int(felder[12])) / os.sysconf("SC_CLK_TCK")

    def _rss_mb(self) -> float:
        for zeile in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if zeile.startswith("VmRSS:"):
                return int(zeile.split()[1]) / 1024
        return 0.0

    def hochwasser_mb(self) -> float:
        """The server's peak resident memory since its start (VmHWM)."""
        for zeile in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if zeile.startswith("VmHWM:"):
                return int(zeile.split()[1]) / 1024
        return 0.0

    async def _messen(self) -> None:
        while True:
            self.spitze_mb = max(self.spitze_mb, self._rss_mb())
            await asyncio.sleep(0.1)

    def starten(self) -> None:
        """Begin a phase."""
        self.spitze_mb = self._rss_mb()
        self._start_cpu, self._start = self._cpu_s(), time.monotonic()
        self._aufgabe = asyncio.create_task(self._messen())

    async def anhalten(self) -> tuple[float, float]:
        """End the phase; returns the server's CPU seconds and its CPU use in % of one core."""
        if self._aufgabe is not None:
            self._aufgabe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._aufgabe
        self.spitze_mb = max(self.spitze_mb, self._rss_mb())
        sekunden = self._cpu_s() - self._start_cpu
        return sekunden, 100 * sekunden / max(time.monotonic() - self._start, 1e-9)


# --- one viewer ----------------------------------------------------------------------------


class Sitzung:
    """One viewer: a websocket session that asks for pages and polls like a browser does."""

    def __init__(self, port: int):
        self.port = port
        self.fehler: list[str] = []
        self.marke: bytes | None = None  # text whose arrival is awaited (a Stand's label)
        self.angekommen: float | None = None  # time.time() when `marke` arrived
        self._ws = None
        self._empfang: asyncio.Task | None = None
        self._fertig = asyncio.Event()
        self._begonnen = False  # a full run started since the last request
        self._seiten_hash = ""
        self._query = ""
        self._abfragen: dict[str, asyncio.Task] = {}

    async def oeffnen(self, seite: str, query: str) -> float:
        """Connect and show `seite`; returns the seconds until the first view was complete."""
        start = time.perf_counter()
        self._ws = await connect(
            f"ws://{HOST}:{self.port}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://{HOST}:{self.port}",
            max_size=None,
            ping_interval=None,
            open_timeout=ANSICHT_GRENZE_S,
            compression=None,
        )
        self._empfang = asyncio.create_task(self._empfangen())
        await self.ansehen(seite, query)
        return time.perf_counter() - start

    async def ansehen(self, seite: str, query: str) -> float:
        """Ask for a page (as a click in the navigation does); seconds until the run finished."""
        nachricht = BackMsg()
        nachricht.rerun_script.page_name = seite
        nachricht.rerun_script.query_string = query
        self._query = query
        self._fertig.clear()
        self._begonnen = False
        start = time.perf_counter()
        await self._ws.send(nachricht.SerializeToString())
        await asyncio.wait_for(self._fertig.wait(), ANSICHT_GRENZE_S)
        return time.perf_counter() - start

    async def _abfragen_alle(self, fragment: str, sekunden: float) -> None:
        """The browser's timer for `st.fragment(run_every=…)`: rerun the fragment periodically."""
        while True:
            await asyncio.sleep(sekunden)
            nachricht = BackMsg()
            nachricht.rerun_script.fragment_id = fragment
            nachricht.rerun_script.is_auto_rerun = True
            nachricht.rerun_script.page_script_hash = self._seiten_hash
            nachricht.rerun_script.query_string = self._query
            await self._ws.send(nachricht.SerializeToString())

    async def _empfangen(self) -> None:
        try:
            async for daten in self._ws:
                if self.marke is not None and self.angekommen is None and self.marke in daten:
                    self.angekommen = time.time()
                nachricht = ForwardMsg()
                nachricht.ParseFromString(daten)
                art = nachricht.WhichOneof("type")
                if art == "new_session":  # sent at the start of every full run
                    self._begonnen = True
                elif art == "script_finished":
                    if nachricht.script_finished == _FEHLER_BEIM_UEBERSETZEN:
                        self.fehler.append("Skript nicht übersetzbar")
                    # The page is complete when the full run started after the request has
                    # ended. Streamlit may drop that run's own finish message when a poll
                    # starts a new script runner right after it; the poll's then marks the end.
                    if self._begonnen and nachricht.script_finished != _ABGEBROCHEN:
                        self._fertig.set()
                elif art == "navigation":
                    self._seiten_hash = nachricht.navigation.page_script_hash
                elif art == "auto_rerun":
                    fragment = nachricht.auto_rerun.fragment_id
                    if fragment not in self._abfragen:
                        self._abfragen[fragment] = asyncio.create_task(
                            self._abfragen_alle(fragment, nachricht.auto_rerun.interval)
                        )
                elif art == "delta" and nachricht.delta.new_element.WhichOneof("type") == "exception":
                    self.fehler.append("Ausnahme: " + nachricht.delta.new_element.exception.message[:200])
                elif art == "page_not_found":
                    self.fehler.append("Seite nicht gefunden")
        except WebSocketException as e:
            self.fehler.append(f"Verbindung: {e}")

    async def schliessen(self) -> None:
        """Close the websocket and stop polling."""
        for aufgabe in self._abfragen.values():
            aufgabe.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._empfang is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self._empfang, 5)


# --- phases ---------------------------------------------------------------------------------


@dataclass
class Lastphase:
    """The result of N sessions at once."""

    sitzungen: int
    gleichzeitig: bool = False
    ansichten: list[float] = field(default_factory=list)
    erste: list[float] = field(default_factory=list)
    fehler: list[str] = field(default_factory=list)
    cpu_prozent: float = 0.0
    cpu_s: float = 0.0
    spitze_mb: float = 0.0
    last: float = 0.0  # the machine's load average (1 min) at the end of the phase


def perzentil(werte: list[float], anteil: float) -> float:
    """The `anteil` percentile (nearest rank) of `werte`."""
    geordnet = sorted(werte)
    return geordnet[min(len(geordnet) - 1, max(0, round(anteil * len(geordnet) + 0.5) - 1))]


async def lastphase(
    port: int, pid: int, anzahl: int, dauer_s: float, zufall: random.Random, gleichzeitig: bool = False
) -> Lastphase:
    """`anzahl` sessions: opened within 2 s (or all at once), then clicking for `dauer_s`."""
    ergebnis = Lastphase(anzahl, gleichzeitig)
    geraet = Messgeraet(pid)
    geraet.starten()
    sitzungen = [Sitzung(port) for _ in range(anzahl)]
    ende = time.monotonic() + dauer_s

    async def zuschauer(index: int, sitzung: Sitzung, eigener_zufall: random.Random) -> None:
        if not gleichzeitig:
            await asyncio.sleep(eigener_zufall.uniform(0, 2))
        try:
            ergebnis.erste.append(await sitzung.oeffnen(*SEITEN[index % len(SEITEN)]))
            while not gleichzeitig and time.monotonic() < ende:
                await asyncio.sleep(eigener_zufall.uniform(0.5, 1.5))
                ergebnis.ansichten.append(await sitzung.ansehen(*eigener_zufall.choice(SEITEN)))
        except (TimeoutError, OSError, WebSocketException) as e:
            ergebnis.fehler.append(f"{type(e).__name__}: {e}")

    try:
        await asyncio.gather(*(zuschauer(i, s, random.Random(zufall.random())) for i, s in enumerate(sitzungen)))
    finally:
        ergebnis.cpu_s, ergebnis.cpu_prozent = await geraet.anhalten()
        ergebnis.spitze_mb = geraet.spitze_mb
        ergebnis.last = os.getloadavg()[0]
        for sitzung in sitzungen:
            ergebnis.fehler += sitzung.fehler
        await asyncio.gather(*(s.schliessen() for s in sitzungen), return_exceptions=True)
    return ergebnis


def veroeffentliche(ablage: str, index: int, bezeichnung: str) -> float:
    """Publish a variant of the default workbook from another process, as a colleague's
    server would; returns the moment (time.time()) its transaction was committed."""
    programm = (
        "import sys, time\n"
        "from benchmarks.staende import STANDARD, variante\n"
        "from ipdaten.ablage import Ablage\n"
        f"Ablage(sys.argv[1], STANDARD).veroeffentliche(variante({index}), bezeichnung=sys.argv[2], "
        f"dateiname='last-{index}.xlsx')\n"
        "print(time.time())\n"
    )
    ausgabe = subprocess.run(
        [sys.executable, "-c", programm, ablage, bezeichnung],
        cwd=WURZEL,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return float(ausgabe.stdout.split()[-1])


@dataclass
class Verbreitung:
    """How long each publication took to reach every open session."""

    sitzungen: int
    zeiten: list[list[float]] = field(default_factory=list)  # per publication, per session that got it
    fehlend: list[int] = field(default_factory=list)  # per publication: sessions it never reached
    fehler: list[str] = field(default_factory=list)
    spitze_mb: float = 0.0


async def verbreitung(
    port: int, pid: int, ablage: str, anzahl: int, veroeffentlichungen: int, zufall: random.Random
) -> Verbreitung:
    """`anzahl` sessions on different pages; publish `veroeffentlichungen` Stände one after another
    and take the time until each session has received the new Stand's label."""
    ergebnis = Verbreitung(anzahl)
    geraet = Messgeraet(pid)
    geraet.starten()
    sitzungen = [Sitzung(port) for _ in range(anzahl)]
    try:
        await asyncio.gather(*(s.oeffnen(*SEITEN[i % len(SEITEN)]) for i, s in enumerate(sitzungen)))
        for nummer in range(veroeffentlichungen):
            # Publications land at any point of the sessions' 5-second poll.
            await asyncio.sleep(zufall.uniform(1, 4))
            bezeichnung = f"Lastprobe{nummer}x{secrets.token_hex(4)}"
            for sitzung in sitzungen:
                sitzung.marke, sitzung.angekommen = bezeichnung.encode(), None
            zeitpunkt = await asyncio.to_thread(veroeffentliche, ablage, 100 + nummer, bezeichnung)
            grenze = time.monotonic() + ANKUNFT_GRENZE_S
            while time.monotonic() < grenze and any(s.angekommen is None for s in sitzungen):
                await asyncio.sleep(0.05)
            ergebnis.zeiten.append([s.angekommen - zeitpunkt for s in sitzungen if s.angekommen is not None])
            ergebnis.fehlend.append(sum(s.angekommen is None for s in sitzungen))
    except (TimeoutError, OSError, WebSocketException) as e:
        ergebnis.fehler.append(f"{type(e).__name__}: {e}")
    finally:
        await geraet.anhalten()
        ergebnis.spitze_mb = geraet.spitze_mb
        for sitzung in sitzungen:
            ergebnis.fehler += sitzung.fehler
        await asyncio.gather(*(s.schliessen() for s in sitzungen), return_exceptions=True)
    return ergebnis


@dataclass
class Lauf:
    """Everything one run of the load benchmark measured."""

    verbreitung: Verbreitung
    phasen: list[Lastphase]
    hochwasser_mb: float


async def _messen(schnell: bool, saat: int) -> Lauf:
    zufall = random.Random(saat)
    stufen = (1, 4) if schnell else (1, 10, 25, 50)
    dauer = 3.0 if schnell else 20.0
    with tempfile.TemporaryDirectory() as ablage, server(ablage) as (prozess, port):
        # Propagation first: the first publication after the server start is one of the cases.
        weite = await verbreitung(port, prozess.pid, ablage, 4 if schnell else 25, 1 if schnell else 4, zufall)
        phasen = [await lastphase(port, prozess.pid, n, dauer, zufall) for n in stufen]
        phasen.append(await lastphase(port, prozess.pid, stufen[-1], 0, zufall, gleichzeitig=True))
        hochwasser = Messgeraet(prozess.pid).hochwasser_mb()
    return Lauf(weite, phasen, hochwasser)


def messen(schnell: bool = False, saat: int = 16) -> Lauf:
    """Run the load benchmark once (quick mode: fewer sessions, shorter phases)."""
    return asyncio.run(_messen(schnell, saat))


# --- report ---------------------------------------------------------------------------------


def _ms(sekunden: float) -> str:
    return f"{sekunden * 1000:.1f} ms".replace(".", ",")


def _s(sekunden: float) -> str:
    return f"{sekunden:.2f} s".replace(".", ",")


def _fehler(fehler: list[str]) -> str:
    if not fehler:
        return "0 Fehler"
    haeufigste = max(set(fehler), key=fehler.count)
    return f"{len(fehler)} Fehler (z. B. {haeufigste[:60]})"


def _x(wert: float) -> str:
    return f"{wert:.1f}×".replace(".", ",")


@dataclass
class Zeile:
    """One line for the benchmark table (the fields of benchmarks/run.py's Messung)."""

    was: str
    wert: str
    verhaeltnis: str
    ziel: str
    erfuellt: bool | None


def zeilen(lauf: Lauf) -> list[Zeile]:
    """The results as table lines, with the targets checked (ratios against one session's median)."""
    ergebnis = []
    einzeln = next(p for p in lauf.phasen if p.sitzungen == 1 and not p.gleichzeitig)
    boden = statistics.median(einzeln.ansichten) if einzeln.ansichten else float("nan")
    ziele = {25: 5.0, 50: 15.0}
    for phase in lauf.phasen:
        if phase.gleichzeitig:
            continue
        median = statistics.median(phase.ansichten) if phase.ansichten else float("nan")
        p95 = perzentil(phase.ansichten, 0.95) if phase.ansichten else float("nan")
        laeufe = len(phase.ansichten) + len(phase.erste)
        details = (
            f"p95 {_ms(p95)} = {_x(p95 / boden)} Median bei 1 · erste Ansicht Median "
            f"{_s(statistics.median(phase.erste)) if phase.erste else '–'} · {len(phase.ansichten)} Aufrufe · "
            f"Server-CPU {phase.cpu_prozent:.0f} %, {_ms(phase.cpu_s / max(laeufe, 1))} je Aufruf · "
            f"{phase.spitze_mb:.0f} MB · Maschinenlast {phase.last:.1f} · {_fehler(phase.fehler)}"
        )
        ziel, erfuellt = "", None
        if phase.sitzungen in ziele:
            grenze = ziele[phase.sitzungen]
            ziel = f"p95 ≤ {_x(grenze)} Median bei 1" + (", keine Fehler" if phase.sitzungen == 50 else "")
            erfuellt = p95 <= grenze * boden and (phase.sitzungen != 50 or not phase.fehler)
        name = f"{phase.sitzungen} Sitzung{'en' if phase.sitzungen > 1 else ''} klicken: Seitenaufruf"
        ergebnis.append(Zeile(name, _ms(median), details, ziel, erfuellt))
    for phase in lauf.phasen:
        if not phase.gleichzeitig:
            continue
        groesste = max(phase.erste) if phase.erste else float("nan")
        details = (
            f"Median {_s(statistics.median(phase.erste)) if phase.erste else '–'} · "
            f"Server-CPU {phase.cpu_prozent:.0f} % · {phase.spitze_mb:.0f} MB · Maschinenlast {phase.last:.1f} · "
            f"{_fehler(phase.fehler)}"
        )
        ergebnis.append(
            Zeile(
                f"{phase.sitzungen} Sitzungen öffnen gleichzeitig: erste Ansicht, langsamste",
                _ms(groesste),
                details,
                "≤ 1 s" if phase.sitzungen >= 50 else "",
                (groesste <= 1.0 and not phase.fehler) if phase.sitzungen >= 50 else None,
            )
        )
    weite = lauf.verbreitung
    for nummer, (zeiten, fehlend) in enumerate(zip(weite.zeiten, weite.fehlend, strict=True)):
        langsamste = max(zeiten) if zeiten else float("nan")
        was = "erste Veröffentlichung nach Serverstart" if nummer == 0 else f"{nummer + 1}. Veröffentlichung"
        details = f"Median {_s(statistics.median(zeiten)) if zeiten else '–'}" + (
            f" · {fehlend} nicht erreicht" if fehlend else ""
        )
        ergebnis.append(
            Zeile(
                f"Neuer Stand erreicht {weite.sitzungen} offene Sitzungen ({was}), langsamste",
                _ms(langsamste),
                details,
                "≤ 6 s",
                langsamste <= 6.0 and not fehlend,
            )
        )
    if weite.fehler:
        ergebnis.append(Zeile("Verbreitung: Fehler", str(len(weite.fehler)), weite.fehler[0][:80], "keine", False))
    ergebnis.append(
        Zeile(
            "Server-Speicher während der Lastmessung, Spitze",
            f"{lauf.hochwasser_mb:.0f} MB",
            "",
            "≤ 300 MB",
            lauf.hochwasser_mb <= 300,
        )
    )
    return ergebnis


def main(argumente: list[str] | None = None) -> int:
    """Run the load benchmark and print its lines; exit 1 if a target is missed (full mode)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schnell", action="store_true", help="wenige Sitzungen, kurze Phasen")
    args = parser.parse_args(argumente)
    ergebnis = zeilen(messen(args.schnell))
    for z in ergebnis:
        ok = {True: "ja", False: "**nein**", None: ""}[z.erfuellt]
        print(f"| 8 | {z.was} | {z.wert} | {z.verhaeltnis} | {z.ziel} | {ok} |")
    return 1 if any(z.erfuellt is False for z in ergebnis) and not args.schnell else 0


if __name__ == "__main__":
    sys.exit(main())

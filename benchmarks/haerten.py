"""Hardening benchmark (issue 23): what the attacks of findings 1, 2, 3 and 7 cost, measured on
any checkout, so that the figures before and after the fixes come from the same script:

    python benchmarks/haerten.py                          # this checkout
    python benchmarks/haerten.py --wurzel /tmp/vorher     # another checkout (e.g. main before)
    python benchmarks/haerten.py --nur 1,2 --wiederholungen 5

1. hidden-column bomb: a 13 KB workbook with 800 hidden `<col>` ranges far right;
2. many sheet entries on one part: 2 000 `<sheet>` entries on one 0,5 MB sheet (70 KB file);
   both loaded as the upload does it (header signature of all sheets, then the check), each in a
   fresh process of the checkout: time and peak resident memory (VmHWM) above a warm start;
3. uploads nobody chose: one websocket session PUTs 40 files of 24 MB to
   `/_stcore/upload_file` of a real server, then leaves: the server's peak, what it still holds
   30 s later (RSS and the upload bytes of `/_stcore/metrics`, switched on for the benchmark's
   servers: IPDATEN_METRIKEN=1);
7. statistics files: four sessions one after the other each read another 19,5 MB flat file in the
   statistics uploader of Daten & Stände and leave; the server's RSS 150 s later (after
   Streamlit's own session time-out of 120 s, and after the next viewer, whose leaving makes
   Streamlit drop timed-out sessions), and how many parsed files caches named after the
   statistics still hold by `/_stcore/metrics`; and the command line refusing a 1 GB file that is
   one single line (time, peak memory).
Every server is started like the README says (`streamlit run app.py` in the checkout, its
config), on 127.0.0.1 with its own empty store. Medians over the repetitions are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))
sys.path.insert(1, str(WURZEL / "tests"))

from oberflaeche.amtliche_statistik import AUFKLAPPEN  # noqa: E402
from tests.browser.streamlit_browser import beende, freier_port, warte_bis_gesund  # noqa: E402
from tests.hochwasser import modul_mit_hochwasser  # noqa: E402
from tests.server_hilfen import METRIKEN_AN, Sitzung, hochladen, metriken, rss_mb, xsrf_token  # noqa: E402

MB = 1024 * 1024
HOST = "127.0.0.1"  # loopback only
CLI_REST = ("--mappe", "daten/anlage1.xlsx", "-o")
STATISTIK_FELD = "Einbürgerungen (Tabelle 12511-…)"

# Runs in the measured checkout: the upload's two steps, then time and memory as JSON.
_MAPPE_MESSEN = """
import json, sys, time
from pathlib import Path
from ipdaten.arbeitsmappe import AnlageUngueltig, lade_anlage, signatur
daten = Path(sys.argv[1]).read_bytes()
def hochwasser():  # VmHWM: ru_maxrss would start at the size of the forking parent
    return next(int(z.split()[1]) / 1024 for z in open("/proc/self/status") if z.startswith("VmHWM:"))
lade_anlage(Path("daten/anlage1.xlsx"))
vorher = hochwasser()
start = time.perf_counter()
signatur(daten)
try:
    lade_anlage(daten)
    ergebnis = "angenommen"
except AnlageUngueltig as e:
    ergebnis = "abgelehnt: " + e.befunde[0].meldung[:70]
spitze = hochwasser()
print(json.dumps({"s": time.perf_counter() - start, "zuwachs": spitze - vorher, "ergebnis": ergebnis}))
"""


def _median(werte: list[float]) -> float:
    return statistics.median(werte) if werte else float("nan")


def mappe_messen(wurzel: Path, daten: bytes, wiederholungen: int) -> tuple[float, float, str]:
    """(median seconds, median peak memory above a warm start in MB, outcome) of the upload steps."""
    zeiten, zuwaechse, ergebnis = [], [], ""
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as datei:
        datei.write(daten)
        datei.flush()
        for _ in range(wiederholungen):
            lauf = subprocess.run(
                [sys.executable, "-c", _MAPPE_MESSEN, datei.name],
                cwd=wurzel,
                env={**os.environ, "PYTHONPATH": str(wurzel)},
                capture_output=True,
                text=True,
                timeout=1800,
            )
            if lauf.returncode != 0:
                return float("nan"), float("nan"), f"Prozess endete mit {lauf.returncode}: {lauf.stderr[-200:]}"
            wert = json.loads(lauf.stdout.strip().splitlines()[-1])
            zeiten.append(wert["s"])
            zuwaechse.append(wert["zuwachs"])
            ergebnis = wert["ergebnis"]
    return _median(zeiten), _median(zuwaechse), ergebnis


@contextlib.contextmanager
def server(wurzel: Path) -> Iterator[tuple[int, str]]:
    """`streamlit run app.py` in `wurzel` (its config), own store; yields (pid, URL)."""
    port = freier_port()
    with tempfile.TemporaryDirectory() as ablage, tempfile.TemporaryFile() as log:
        prozess = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", HOST],
            cwd=wurzel,
            env={**os.environ, "IPDATEN_ABLAGE": ablage, "IPDATEN_PASSWORT": "Benchmark-23", **METRIKEN_AN},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            warte_bis_gesund(prozess, f"http://{HOST}:{port}")
            yield prozess.pid, f"http://{HOST}:{port}"
        finally:
            beende(prozess)


async def _uploads(pid: int, url: str, anzahl: int, groesse: int, warten_s: float) -> dict[str, float]:
    sitzung = Sitzung(url)
    await sitzung.oeffnen("")
    token = xsrf_token(url)
    vorher = rss_mb(pid)[0]
    start = time.perf_counter()
    daten = b"x" * groesse
    angenommen = sum(hochladen(url, sitzung.id, daten, token) == 204 for _ in range(anzahl))
    dauer = time.perf_counter() - start
    spitze = rss_mb(pid)[1]
    await sitzung.schliessen()
    await asyncio.sleep(warten_s)
    return {
        "vorher": vorher,
        "spitze": spitze,
        "angenommen": angenommen,
        "s": dauer,
        "danach": rss_mb(pid)[0],
        "gehalten": metriken(url).get("UploadedFileManager", 0) / MB,
    }


def uploads_messen(wurzel: Path, wiederholungen: int, anzahl: int = 40, groesse: int = 24 * MB) -> dict[str, float]:
    """Medians of (3) over fresh servers."""
    ergebnisse = []
    for _ in range(wiederholungen):
        with server(wurzel) as (pid, url):
            ergebnisse.append(asyncio.run(_uploads(pid, url, anzahl, groesse, 30.0)))
    return {k: _median([e[k] for e in ergebnisse]) for k in ergebnisse[0]}


def statistikdatei(groesse: int, variante: int = 0) -> bytes:
    """A valid flat file (ffcsv) of naturalisations of at most `groesse` bytes: ten areas, many
    years; each `variante` has other values (other bytes: read again, not taken from a cache)."""
    from tests.statistikdateien import KREISE, einbuergerungen_ffcsv

    def datei(jahre: int) -> bytes:
        werte = {(1000 + j, code): 100 + (j + variante) % 50 for j in range(jahre) for code in KREISE}
        return einbuergerungen_ffcsv(werte)

    je_jahr = len(datei(2)) - len(datei(1))
    return datei((groesse - len(datei(0))) // je_jahr)


async def _statistik(pid: int, url: str, dateien: list[bytes], warten_s: float) -> dict[str, float]:
    token = xsrf_token(url)
    zeiten, ausnahmen = [], 0
    erste = Sitzung(url)
    await erste.oeffnen("daten")  # the app imported and one page shown: the baseline
    await erste.schliessen()
    vorher = rss_mb(pid)[0]
    for daten in dateien:
        sitzung = Sitzung(url)
        await sitzung.oeffnen("daten")
        # The upload fields are drawn once their expander is opened (a checkout before 7.12.2026
        # measured with --wurzel has none).
        offen = tuple(i for titel, i in sitzung.aufklapper.items() if titel == AUFKLAPPEN)
        await sitzung.ansehen("daten", offen=offen)
        feld = sitzung.uploader[STATISTIK_FELD]
        datei_id = str(uuid.uuid4())
        hochladen(url, sitzung.id, daten, token, datei_id, "12511-01-01-4_flat.csv")
        start = time.perf_counter()
        await sitzung.ansehen("daten", dateien={feld: [(datei_id, "12511-01-01-4_flat.csv", len(daten))]}, offen=offen)
        zeiten.append(time.perf_counter() - start)
        ausnahmen += len(sitzung.ausnahmen)
        await sitzung.schliessen()
    spitze = rss_mb(pid)[1]
    await asyncio.sleep(warten_s)
    # Streamlit removes timed-out sessions only when its session storage is written next: the
    # next viewer who leaves. Without that the 120 s of the sessions would never be over.
    naechste = Sitzung(url)
    await naechste.oeffnen("")
    await naechste.schliessen()
    await asyncio.sleep(1)
    return {
        "vorher": vorher,
        "s": _median(zeiten),
        "spitze": spitze,
        "danach": rss_mb(pid)[0],
        # st.cache_resource reports its number of entries there, not bytes (Streamlit 1.67 without
        # server.enableExpensiveMemoryStats); the app keeps no other cache named so.
        "eintraege": sum(n for name, n in metriken(url).items() if "statistik" in name),
        "ausnahmen": ausnahmen,
    }


def statistik_messen(wurzel: Path, wiederholungen: int, warten_s: float = 150.0) -> dict[str, float]:
    """Medians of (7) over fresh servers."""
    dateien = [statistikdatei(int(19.5 * MB), variante) for variante in range(4)]
    ergebnisse = []
    for _ in range(wiederholungen):
        with server(wurzel) as (pid, url):
            ergebnisse.append(asyncio.run(_statistik(pid, url, dateien, warten_s)))
    return {k: _median([e[k] for e in ergebnisse]) for k in ergebnisse[0]}


def cli_messen(wurzel: Path, wiederholungen: int, groesse: int = 1024 * MB) -> tuple[float, float, str]:
    """(median seconds, median peak MB, first line of the answer) of `einbuergerung` refusing a
    file of `groesse` bytes that is one single line."""
    zeiten, spitzen, antwort = [], [], ""
    with tempfile.TemporaryDirectory() as ordner:
        datei = Path(ordner) / "eine_zeile.csv"
        with datei.open("wb") as ausgabe:
            stueck = b"x;" * (MB // 2)
            for _ in range(groesse // MB):
                ausgabe.write(stueck)
        for _ in range(wiederholungen):
            start = time.perf_counter()
            _, fehler, spitze = modul_mit_hochwasser(
                "ipdaten", ["einbuergerung", str(datei), *CLI_REST, str(Path(ordner) / "x.xlsx")], wurzel
            )
            zeiten.append(time.perf_counter() - start)
            spitzen.append(spitze)
            antwort = next((z for z in fehler.splitlines() if z.startswith("-")), fehler.strip()[:120])
    return _median(zeiten), _median(spitzen), antwort


def _de(wert: float, stellen: int) -> str:
    """A figure with a German decimal comma."""
    return f"{wert:.{stellen}f}".replace(".", ",")


def main(argumente: list[str] | None = None) -> int:
    """Run the chosen parts and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wurzel", type=Path, default=WURZEL, help="the checkout to measure")
    parser.add_argument("--nur", default="1,2,3,7", help="parts, e.g. 1,7")
    parser.add_argument("--wiederholungen", type=int, default=3)
    parser.add_argument("--blaetter", type=int, default=2000, help="sheet entries of the bomb of part 2")
    args = parser.parse_args(argumente)
    teile = set(args.nur.split(","))
    n = args.wiederholungen
    print(f"Checkout: {args.wurzel}  ({n} Wiederholungen, Mediane)")
    if "1" in teile:
        from tests.feindlich import spaltenbombe_bytes

        bombe = spaltenbombe_bytes(800)
        s, mb, ergebnis = mappe_messen(args.wurzel, bombe, n)
        print(f"1 Spaltenbombe ({_de(len(bombe) / 1000, 1)} KB): {_de(s, 2)} s, Spitze +{_de(mb, 0)} MB – {ergebnis}")
    if "2" in teile:
        from tests.feindlich import blattbombe_bytes

        bombe = blattbombe_bytes(args.blaetter)
        s, mb, ergebnis = mappe_messen(args.wurzel, bombe, n)
        print(
            f"2 Blattbombe ({args.blaetter} Einträge, {_de(len(bombe) / 1000, 0)} KB): {_de(s, 2)} s, Spitze +{_de(mb, 0)} MB – {ergebnis}"
        )
    if "3" in teile:
        w = uploads_messen(args.wurzel, n)
        print(
            f"3 40 × 24 MB an /_stcore/upload_file: {_de(w['angenommen'], 0)} angenommen in {_de(w['s'], 1)} s; Server "
            f"vorher {_de(w['vorher'], 0)} MB, Spitze {_de(w['spitze'], 0)} MB, 30 s nach dem Gehen {_de(w['danach'], 0)} MB RSS, "
            f"davon Uploads {_de(w['gehalten'], 0)} MB"
        )
    if "7" in teile:
        w = statistik_messen(args.wurzel, n)
        print(
            f"7 4 Sitzungen lesen je 19,5 MB Statistik: {_de(w['s'], 1)} s je Datei; Server vorher {_de(w['vorher'], 0)} MB, "
            f"Spitze {_de(w['spitze'], 0)} MB, 150 s nach dem Gehen {_de(w['danach'], 0)} MB RSS, "
            f"gelesene Statistikdateien in Zwischenspeichern: {_de(w['eintraege'], 0)}"
            + (f", {_de(w['ausnahmen'], 0)} Ausnahmen" if w["ausnahmen"] else "")
        )
        s, mb, antwort = cli_messen(args.wurzel, n)
        print(f"7 Kommandozeile, 1 GB in einer Zeile: {_de(s, 1)} s, Spitze {_de(mb, 0)} MB – {antwort[:110]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

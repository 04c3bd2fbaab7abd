"""Driving a real Streamlit server without a browser, as an attacker on the intranet would:
its websocket (`/_stcore/stream`, Streamlit's protobuf messages), raw HTTP uploads to
`/_stcore/upload_file`, the metrics endpoint and the process's memory. For the server-level
security tests and the hardening benchmark (issue 23)."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import http.cookies
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

GRENZE_S = 60.0
METRIK_TTL_S = 5.5  # /_stcore/metrics caches its cache figures for 5 s (Streamlit 1.67)
# What a server needs in its environment to report /_stcore/metrics (off by default in the app,
# oberflaeche/streamlit_eingriffe.py): the instrument of the server-level tests and the benchmark.
METRIKEN_AN = {"IPDATEN_METRIKEN": "1"}
_ABGEBROCHEN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


def _ort(url: str) -> tuple[str, int]:
    teile = urlparse(url)
    return teile.hostname or "127.0.0.1", teile.port or 80


def laufen(koroutine, grenze_s: float = 120):
    """Runs the coroutine on a loop of its own in a worker thread: after the browser tests in the
    same pytest process, Playwright's sync API keeps an event loop running in the main thread,
    and asyncio.run refuses to start inside it."""
    with ThreadPoolExecutor(max_workers=1) as ausfuehrer:
        return ausfuehrer.submit(asyncio.run, asyncio.wait_for(koroutine, grenze_s)).result()


def xsrf_token(url: str) -> str:
    """The XSRF cookie the server hands out with /_stcore/health (uploads must send it back)."""
    verbindung = http.client.HTTPConnection(*_ort(url), timeout=GRENZE_S)
    verbindung.request("GET", "/_stcore/health")
    antwort = verbindung.getresponse()
    antwort.read()
    keks = http.cookies.SimpleCookie(antwort.getheader("Set-Cookie", ""))
    verbindung.close()
    return keks["_streamlit_xsrf"].value


def websocket_status(url: str, host: str, origin: str) -> int:
    """The HTTP status the server answers a websocket handshake with these Host and Origin
    headers (101: accepted), as a page on a rebinding domain would send them."""
    verbindung = http.client.HTTPConnection(*_ort(url), timeout=GRENZE_S)
    verbindung.putrequest("GET", "/_stcore/stream", skip_host=True)
    for name, wert in (
        ("Host", host),
        ("Origin", origin),
        ("Upgrade", "websocket"),
        ("Connection", "Upgrade"),
        ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ("Sec-WebSocket-Version", "13"),
        ("Sec-WebSocket-Protocol", "streamlit"),
    ):
        verbindung.putheader(name, wert)
    verbindung.endheaders()
    status = verbindung.getresponse().status
    verbindung.close()
    return status


def hochladen(
    url: str, sitzung: str, daten: bytes, token: str, datei_id: str | None = None, name: str = "x.xlsx"
) -> int:
    """PUT one file to /_stcore/upload_file/<session>/<file id> as the browser does; the status."""
    grenze = uuid.uuid4().hex
    rumpf = (
        (
            f'--{grenze}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + daten
        + f"\r\n--{grenze}--\r\n".encode()
    )
    verbindung = http.client.HTTPConnection(*_ort(url), timeout=GRENZE_S)
    verbindung.request(
        "PUT",
        f"/_stcore/upload_file/{sitzung}/{datei_id or uuid.uuid4()}",
        body=rumpf,
        headers={
            "Content-Type": f"multipart/form-data; boundary={grenze}",
            "X-Xsrftoken": token,
            "Cookie": f"_streamlit_xsrf={token}",
        },
    )
    antwort = verbindung.getresponse()
    antwort.read()
    verbindung.close()
    return antwort.status


def metriktext(url: str) -> str:
    """What /_stcore/metrics answers anyone who asks (OpenMetrics text)."""
    verbindung = http.client.HTTPConnection(*_ort(url), timeout=GRENZE_S)
    verbindung.request("GET", "/_stcore/metrics")
    text = verbindung.getresponse().read().decode()
    verbindung.close()
    return text


def metriken(url: str) -> dict[str, int]:
    """Bytes held per cache as /_stcore/metrics reports them ('UploadedFileManager' for uploads);
    the server must run with METRIKEN_AN, else the endpoint reports nothing."""
    text = metriktext(url)
    werte: dict[str, int] = {}
    for art, name, wert in re.findall(r'cache_memory_bytes\{cache_type="([^"]*)",cache="([^"]*)"\} (\d+)', text):
        werte[name or art] = werte.get(name or art, 0) + int(wert)
    return werte


def rss_mb(pid: int) -> tuple[float, float]:
    """(resident, peak resident) memory of a process in MB (Linux /proc)."""
    werte = dict.fromkeys(("VmRSS", "VmHWM"), 0.0)
    for zeile in Path(f"/proc/{pid}/status").read_text().splitlines():
        name = zeile.split(":")[0]
        if name in werte:
            werte[name] = int(zeile.split()[1]) / 1024
    return werte["VmRSS"], werte["VmHWM"]


class Sitzung:
    """One websocket session: asks for pages, sends any BackMsg, remembers its session id."""

    def __init__(self, url: str):
        self.url = url
        self.id = ""
        self.ausnahmen: list[str] = []
        self.texte: list[str] = []  # markdown and alerts of the last runs, in order
        self.uploader: dict[str, str] = {}  # label of each file uploader → its widget id
        self.aufklapper: dict[str, str] = {}  # label of each expander with a key → its widget id
        self._ws = None
        self._empfang: asyncio.Task | None = None
        self._fertig = asyncio.Event()
        self._dateiadressen = asyncio.Event()

    async def oeffnen(self, seite: str = "", query: str = "") -> None:
        """Connect and show `seite` (its name in the URL)."""
        host, port = _ort(self.url)
        self._ws = await connect(
            f"ws://{host}:{port}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=f"http://{host}:{port}",
            max_size=None,
            ping_interval=None,
            open_timeout=GRENZE_S,
        )
        self._empfang = asyncio.create_task(self._empfangen())
        await self.ansehen(seite, query)

    async def senden(self, nachricht: BackMsg) -> None:
        """Send one message as the browser would."""
        await self._ws.send(nachricht.SerializeToString())

    async def ansehen(
        self,
        seite: str,
        query: str = "",
        dateien: dict[str, list[tuple[str, str, int]]] | None = None,
        offen: tuple[str, ...] = (),
    ) -> None:
        """Ask for a page; returns when its run has finished. `dateien`: uploader widget id →
        (file id, name, size) of the files the browser says it holds; `offen`: widget ids of
        the expanders the browser has open (a browser sends them with every rerun)."""
        nachricht = BackMsg()
        nachricht.rerun_script.page_name = seite
        nachricht.rerun_script.query_string = query
        for widget in offen:
            zustand = nachricht.rerun_script.widget_states.widgets.add()
            zustand.id, zustand.bool_value = widget, True
        for widget, liste in (dateien or {}).items():
            zustand = nachricht.rerun_script.widget_states.widgets.add()
            zustand.id = widget
            for datei_id, name, groesse in liste:
                info = zustand.file_uploader_state_value.uploaded_file_info.add()
                info.file_id, info.name, info.size = datei_id, name, groesse
        self._fertig.clear()
        self.texte.clear()
        await self.senden(nachricht)
        await asyncio.wait_for(self._fertig.wait(), GRENZE_S)

    async def dateiadressen(self) -> None:
        """Ask for upload addresses and wait for the answer: every message sent before has been
        handled by then (the server handles a session's messages in order)."""
        nachricht = BackMsg()
        nachricht.file_urls_request.request_id = uuid.uuid4().hex
        nachricht.file_urls_request.file_names.append("x.xlsx")
        self._dateiadressen.clear()
        await self.senden(nachricht)
        await asyncio.wait_for(self._dateiadressen.wait(), GRENZE_S)

    async def _empfangen(self) -> None:
        async for daten in self._ws:
            nachricht = ForwardMsg()
            nachricht.ParseFromString(daten)
            art = nachricht.WhichOneof("type")
            if art == "new_session":
                self.id = nachricht.new_session.initialize.session_id
            elif art == "script_finished" and nachricht.script_finished != _ABGEBROCHEN:
                self._fertig.set()
            elif art == "file_urls_response":
                self._dateiadressen.set()
            elif art == "delta":
                self._element(nachricht.delta.new_element)
                block = nachricht.delta.add_block
                if block.WhichOneof("type") == "expandable" and block.expandable.id:
                    self.aufklapper[block.expandable.label] = block.expandable.id

    def _element(self, element) -> None:
        art = element.WhichOneof("type")
        if art == "exception":
            self.ausnahmen.append(element.exception.message[:200])
        elif art == "file_uploader":
            self.uploader[element.file_uploader.label] = element.file_uploader.id
        elif art in ("markdown", "alert"):
            self.texte.append(getattr(element, art).body)

    async def schliessen(self) -> None:
        """Close the websocket (the browser tab is gone)."""
        if self._ws is not None:
            await self._ws.close()
        if self._empfang is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._empfang, 5)

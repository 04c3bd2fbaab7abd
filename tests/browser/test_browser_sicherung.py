"""Backup while a real server publishes (issue 26): a second process runs `python -m ipdaten
ablage sichern` again and again while an editor publishes three Stände in Chromium; every
backup is sound and holds Stände 1..k without a gap, and the last one holds them all."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from ipdaten.ablage_sicherung import lies_staende, pruefe
from tests.arbeitsmappen import ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import WURZEL, lade_arbeitsmappe_hoch, oeffne, veroeffentliche

SICHERER = textwrap.dedent(
    """
    import pathlib, sys
    sys.path.insert(0, {wurzel!r})
    from ipdaten.kommandozeile import starte
    ordner, halt = pathlib.Path({ordner!r}), pathlib.Path({halt!r})
    i = 0
    while not halt.exists():
        code = starte(["ablage", "sichern", str(ordner / f"sicherung-{{i:04d}}.sqlite"), "--ablage", {ablage!r}])
        if code != 0:
            sys.exit(code)
        i += 1
    """
)


def test_sichern_waehrend_der_server_veroeffentlicht(seite, eigener_server, tmp_path):
    url, ablage = eigener_server
    oeffne(seite, f"{url}/daten")  # the server sets up its store at the first visit
    halt = tmp_path / "halt"
    sicherer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SICHERER.format(wurzel=str(WURZEL), ordner=str(tmp_path), halt=str(halt), ablage=str(ablage)),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        vorher = len(lies_staende(ablage / "staende.sqlite3"))
        for bezeichnung in ("Sicherung A", "Sicherung B", "Sicherung C"):
            oeffne(seite, f"{url}/daten")
            daten = ueberarbeitete_standard_bytes(bezeichnung=bezeichnung)
            lade_arbeitsmappe_hoch(seite, f"{bezeichnung}.xlsx", daten, warte_auf="ist gültig")
            veroeffentliche(seite)
    finally:
        halt.touch()
        assert sicherer.wait(timeout=120) == 0
    sicherungen = sorted(tmp_path.glob("sicherung-*.sqlite"))
    assert len(sicherungen) >= 3
    anzahlen = []
    for datei in sicherungen:
        pruefung = pruefe(datei)
        assert pruefung.in_ordnung, (datei.name, pruefung.fehler)
        nummern = [s.nr for s in lies_staende(datei)]
        assert nummern == list(range(1, len(nummern) + 1))
        anzahlen.append(len(nummern))
    assert anzahlen == sorted(anzahlen) and anzahlen[-1] == vorher + 3
    assert anzahlen[0] < anzahlen[-1]  # backups were taken while the Stände were being published

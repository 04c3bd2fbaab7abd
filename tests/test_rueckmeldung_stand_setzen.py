"""A revised workbook dated anew (issue 21): Info's Stand and Bezeichnung written cell by cell,
every other cell as it was; a workbook without an Info sheet keeps its bytes."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from ipdaten.rueckmeldung import schnellkorrektur
from ipdaten.rueckmeldung.stand_setzen import mit_stand
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import mappe_bytes, wie_excel

NEU = dt.date(2017, 11, 6)


def _werte(daten: bytes) -> dict[tuple[str, str], object]:
    wb = load_workbook(io.BytesIO(daten))
    return {(ws.title, c.coordinate): c.value for ws in wb for zeile in ws.iter_rows() for c in zeile}


def test_stand_und_bezeichnung_gesetzt_sonst_nichts():
    korrektur = schnellkorrektur(rb.mappe(), (2, 3), status="umgesetzt")
    neu = mit_stand(korrektur, NEU, "Fortschreibung Herbst 2017")
    assert (neu.anlage.stand, neu.anlage.bezeichnung) == (NEU, "Fortschreibung Herbst 2017")
    assert neu.zellen == ("Empfehlungen!E7", "Info!B2", "Info!B3")
    vorher, nachher = _werte(korrektur.daten), _werte(neu.daten)
    anders = {k for k in vorher if vorher[k] != nachher.get(k)}
    assert anders == {("Info", "B2"), ("Info", "B3")}
    assert nachher[("Info", "B2")] == dt.datetime(2017, 11, 6)
    assert neu.anlage.empfehlungen.equals(korrektur.anlage.empfehlungen)


def test_ohne_bezeichnung_bleibt_sie():
    korrektur = schnellkorrektur(rb.mappe(), (2, 3), status="umgesetzt")
    neu = mit_stand(korrektur, NEU)
    assert (neu.anlage.stand, neu.anlage.bezeichnung) == (NEU, korrektur.anlage.bezeichnung)


def test_ohne_blatt_info_bleiben_die_bytes():
    daten = wie_excel(mappe_bytes(ohne=("Info",)))
    korrektur = schnellkorrektur(daten, (1, 1), status="in Arbeit")
    assert mit_stand(korrektur, NEU, "Herbst") is korrektur

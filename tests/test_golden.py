"""The default workbook reproduces every figure of the reconstruction (shared/anlage1-rekonstruktion.md)."""

from __future__ import annotations

import datetime as dt
import json
import runpy
import subprocess
import sys

import pytest

from ipdaten import lade_anlage
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.zahlen.kennzahlen import (
    einbuergerung_vergleich,
    haushalt_summen,
    status_gesamt,
    status_verteilung,
)
from tests.arbeitsmappen import STANDARD_PFAD, mit_libreoffice, standard_bytes
from tests.kennzahlen_zusammenfassung import aus_daten_json, kennzahlen_json

WURZEL = STANDARD_PFAD.parent.parent

# Nr, name, counts in STATUS_REIHENFOLGE order: the table of the reconstruction.
FELDER = [
    (1, "Aufbrechen und Ankommen", (6, 6, 0, 0, 8)),
    (2, "Wohnen", (4, 11, 0, 7, 0)),
    (3, "Sprache", (7, 9, 0, 4, 0)),
    (4, "Bildung und Arbeit", (11, 10, 1, 3, 0)),
    (5, "Gesundheit", (12, 3, 1, 3, 1)),
    (6, "Gesellschaft", (5, 5, 0, 17, 0)),
    (7, "Religion", (2, 5, 0, 10, 3)),
    (8, "Leben und Freizeit", (11, 5, 0, 0, 11)),
]
GESAMT = {"umgesetzt": 58, "in Arbeit": 54, "in Abstimmung": 2, "nicht umgesetzt": 44, "ohne Angabe": 23}
EINBUERGERUNG = [
    {"gebiet": "Landkreis Böblingen", "jahr": 2016, "quote_prozent": 1.54, "rang": 1},
    {"gebiet": "Stadtkreis Stuttgart", "jahr": 2016, "quote_prozent": 1.48, "rang": 2},
    {"gebiet": "Landkreis Esslingen", "jahr": 2016, "quote_prozent": 1.36, "rang": 3},
    {"gebiet": "Landkreis Ludwigsburg", "jahr": 2016, "quote_prozent": 1.18, "rang": 4},
    {"gebiet": "Rems-Murr-Kreis", "jahr": 2016, "quote_prozent": 1.14, "rang": 5},
    {"gebiet": "Landkreis Göppingen", "jahr": 2016, "quote_prozent": None, "rang": None},
]
HAUSHALT = {
    "summe_eur": 355400.0,
    "positionen": 11,
    "nach_handlungsfeld": {"1": 82400.0, "2": 10000.0, "3": 90000.0, "4": 84000.0, "6": 59000.0, "8": 30000.0},
    "ohne_handlungsfeld_eur": 0.0,
}
ERWARTET_JSON = {
    "stand": "2017-03-06",
    "status_reihenfolge": list(STATUS_REIHENFOLGE),
    "handlungsfelder": [
        {"nr": nr, "name": name, "empfehlungen": sum(z), "status": dict(zip(STATUS_REIHENFOLGE, z))}
        for nr, name, z in FELDER
    ],
    "gesamt": {"empfehlungen": 181, "status": GESAMT},
    "einbuergerung": EINBUERGERUNG,
    "haushalt": HAUSHALT,
}


@pytest.fixture(scope="module")
def anlage():
    return lade_anlage(STANDARD_PFAD)


def _ohne_zusatz(daten: dict) -> dict:
    """The JSON restricted to the keys of the issue's contract (more keys are allowed)."""
    return {k: daten[k] for k in ERWARTET_JSON}


def test_standardmappe_ist_gueltig_und_ohne_warnungen(anlage):
    assert anlage.warnungen == ()
    assert anlage.stand == dt.date(2017, 3, 6)
    assert anlage.vorhandene_blaetter == (
        "Handlungsfelder",
        "Empfehlungen",
        "Einbürgerung",
        "Haushalt",
        "Meilensteine",
        "Info",
    )


def test_status_je_handlungsfeld(anlage):
    verteilung = status_verteilung(anlage)
    ist = [(int(z["nr"]), z["name"], tuple(int(z[s]) for s in STATUS_REIHENFOLGE)) for _, z in verteilung.iterrows()]
    assert ist == FELDER
    assert verteilung["empfehlungen"].tolist() == [20, 22, 20, 25, 20, 27, 20, 27]


def test_status_gesamt(anlage):
    gesamt = status_gesamt(anlage)
    assert gesamt["empfehlungen"] == 181
    assert gesamt["status"] == GESAMT
    assert list(gesamt["status"]) == list(STATUS_REIHENFOLGE)
    assert gesamt["anteil"]["umgesetzt"] == pytest.approx(58 / 181)


def test_einbuergerung_rangfolge_goeppingen_ohne_wert(anlage):
    vergleich = einbuergerung_vergleich(anlage)
    assert vergleich["gebiet"].tolist() == [e["gebiet"] for e in EINBUERGERUNG]
    assert vergleich["rang"].tolist()[:5] == [1, 2, 3, 4, 5]
    goeppingen = vergleich.iloc[-1]
    assert goeppingen["gebiet"] == "Landkreis Göppingen"
    assert goeppingen["quote_prozent"] != goeppingen["quote_prozent"]  # NaN, never 0


def test_haushalt_summe_und_felder(anlage):
    summen = haushalt_summen(anlage)
    assert summen.summe_eur == 355400.0
    assert summen.positionen == 11
    assert dict(zip(summen.nach_handlungsfeld["nr"], summen.nach_handlungsfeld["betrag"])) == {
        1: 82400.0,
        2: 10000.0,
        3: 90000.0,
        4: 84000.0,
        6: 59000.0,
        8: 30000.0,
    }
    assert summen.ohne_handlungsfeld_eur == 0.0
    assert summen.massnahmen["anteil"].sum() == pytest.approx(1.0)


def test_meilensteine(anlage):
    meilensteine = anlage.meilensteine
    assert len(meilensteine) == 8
    assert meilensteine["datum"].tolist() == sorted(meilensteine["datum"].tolist())
    assert meilensteine.iloc[0][["datum", "genauigkeit"]].tolist() == [dt.date(2014, 12, 31), "jahresende"]
    assert meilensteine.iloc[-1][["datum", "genauigkeit", "ereignis"]].tolist() == [
        dt.date(2017, 11, 27),
        "tag",
        "Ergebnisse im Sozial- und Gesundheitsausschuss",
    ]


def test_platzhalter_und_annahmen_sind_gekennzeichnet(anlage):
    empfehlungen = anlage.empfehlungen
    platzhalter = empfehlungen[empfehlungen["empfehlung"].str.startswith("Handlungsempfehlung ")]
    benannt = empfehlungen.drop(platzhalter.index)
    assert len(benannt) == 35
    assert (platzhalter["bemerkung"] == "Platzhalter: im Bericht nicht einzeln genannt").all()
    assert platzhalter["quelle"].str.startswith("Annahme (Rekonstruktion)").all()
    assert (benannt["bemerkung"] != "").all()


def test_kennzahlen_json_funktion(anlage):
    assert _ohne_zusatz(kennzahlen_json(anlage)) == ERWARTET_JSON


def test_kennzahlen_json_kommandozeile():
    ergebnis = subprocess.run(
        [sys.executable, "-m", "ipdaten", "kennzahlen", "daten/anlage1.xlsx", "--json"],
        cwd=WURZEL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert ergebnis.stderr == ""
    assert _ohne_zusatz(aus_daten_json(json.loads(ergebnis.stdout))) == ERWARTET_JSON


def test_bauskript_erzeugt_dieselben_kennzahlen(tmp_path, monkeypatch, capsys):
    ziel = tmp_path / "anlage1.xlsx"
    monkeypatch.setattr(sys, "argv", ["erzeuge_anlage1.py", str(ziel)])
    with pytest.raises(SystemExit) as ende:  # run as `python daten/erzeuge_anlage1.py ZIEL`, in this process
        runpy.run_path(str(WURZEL / "daten" / "erzeuge_anlage1.py"), run_name="__main__")
    assert (ende.value.code, capsys.readouterr().out) == (0, f"geschrieben: {ziel}\n")
    assert kennzahlen_json(lade_anlage(ziel)) == kennzahlen_json(lade_anlage(STANDARD_PFAD))


def test_von_libreoffice_gespeichert_gleiche_kennzahlen():
    gespeichert = mit_libreoffice(standard_bytes())
    if gespeichert is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    neu = lade_anlage(gespeichert)
    assert neu.warnungen == ()
    assert kennzahlen_json(neu) == kennzahlen_json(lade_anlage(STANDARD_PFAD))

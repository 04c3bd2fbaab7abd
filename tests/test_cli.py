"""The command line: German findings, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess

import pytest
from arbeitsmappen import HAUSHALT, STANDARD_PFAD, empfehlung, mappe_bytes, standard_bytes, zipbombe_bytes

from ipdaten.__main__ import starte
from ipdaten.arbeitsmappe import Zuordnung, aus_toml

WURZEL = STANDARD_PFAD.parent.parent


def _rufe(*argumente: str) -> subprocess.CompletedProcess:
    """The command line in this process (a subprocess costs about 0,7 s of imports per call);
    test_golden runs `python -m ipdaten` once for real."""
    aus, err = io.StringIO(), io.StringIO()
    vorher = os.getcwd()
    os.chdir(WURZEL)
    try:
        with contextlib.redirect_stdout(aus), contextlib.redirect_stderr(err):
            code = starte(list(argumente))
    except SystemExit as ende:  # argparse exits on a wrong call
        code = ende.code
    finally:
        os.chdir(vorher)
    return subprocess.CompletedProcess(argumente, code, aus.getvalue(), err.getvalue())


def _datei(tmp_path, daten: bytes, name: str = "anlage.xlsx") -> str:
    pfad = tmp_path / name
    pfad.write_bytes(daten)
    return str(pfad)


def test_pruefen_standardmappe():
    ergebnis = _rufe("pruefen", "daten/anlage1.xlsx")
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout.splitlines() == [
        "Die Arbeitsmappe „anlage1.xlsx“ ist gültig.",
        "Stand: 6. März 2017 – Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)",
        "8 Handlungsfeld(er), 181 Empfehlung(en), 6 Einbürgerungswerte, 11 Haushaltspositionen, 8 Meilensteine.",
        "  umgesetzt: 58 (32,0\xa0%)",
        "  in Arbeit: 54 (29,8\xa0%)",
        "  in Abstimmung: 2 (1,1\xa0%)",
        "  nicht umgesetzt: 44 (24,3\xa0%)",
        "  ohne Angabe: 23 (12,7\xa0%)",
    ]


def test_pruefen_gueltig_mit_warnungen(tmp_path):
    daten = mappe_bytes(
        empfehlungen=[
            empfehlung(1, 1, "teilweise umgesetzt"),
            empfehlung(1, 2, "Im Umsetzungsprozess"),
            empfehlung(2, 1, ""),
        ],
        haushalt=[*HAUSHALT, ["Summe", 100000, None, None]],
    )
    ergebnis = _rufe("pruefen", _datei(tmp_path, daten))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout.splitlines()[-5:] == [
        "4 Warnung(en):",
        "- Blatt „Empfehlungen“, Zeile 2, Spalte „Status“: Status „teilweise umgesetzt“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeilen 2). Gefunden: „teilweise umgesetzt“.",
        "- Blatt „Empfehlungen“, Zeile 3, Spalte „Status“: Status „Im Umsetzungsprozess“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeilen 3). Gefunden: „Im Umsetzungsprozess“.",
        "- Blatt „Empfehlungen“, Zeile 4, Spalte „Status“: Status „(leer)“ wurde als „ohne Angabe“ gelesen "
        "(1×, Zeilen 4). Gefunden: „(leer)“.",
        "- Blatt „Haushalt“, Zeile 5, Spalte „Betrag“: Die Summenzeile wurde nicht als Maßnahme gezählt. Gefunden: „100000“.",
    ]


def test_kennzahlen_ohne_json_gibt_die_zusammenfassung():
    ergebnis = _rufe("kennzahlen", "daten/anlage1.xlsx")
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.startswith("Die Arbeitsmappe „anlage1.xlsx“ ist gültig.\n")


def test_kennzahlen_json_einer_testmappe_mit_warnungen(tmp_path):
    daten = mappe_bytes(empfehlungen=[empfehlung(1, 1, "teilweise umgesetzt")], ohne=("Info",))
    ergebnis = _rufe("kennzahlen", _datei(tmp_path, daten), "--json")
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    daten = json.loads(ergebnis.stdout)
    assert daten["stand"] is None
    assert daten["gesamt"] == {
        "empfehlungen": 1,
        "status": {"umgesetzt": 0, "in Arbeit": 1, "in Abstimmung": 0, "nicht umgesetzt": 0, "ohne Angabe": 0},
    }


def test_ungueltige_mappe_alle_befunde_auf_stderr(tmp_path):
    daten = mappe_bytes(
        empfehlungen=[empfehlung(1, 1, "fertig"), empfehlung(9, 1), empfehlung(1, 2, "teilweise umgesetzt")]
    )
    for befehl in (["pruefen"], ["kennzahlen", "--json"]):
        ergebnis = _rufe(befehl[0], _datei(tmp_path, daten), *befehl[1:])
        # pruefen proposes a mapping for the unknown status word (TOML on stdout), kennzahlen does not.
        assert ergebnis.returncode == 1
        if befehl == ["pruefen"]:
            assert aus_toml(ergebnis.stdout) == Zuordnung.aus(status={"fertig": "umgesetzt"})
        else:
            assert ergebnis.stdout == ""
        zeilen = ergebnis.stderr.splitlines()
        if befehl == ["pruefen"]:
            assert zeilen[-2:] == [
                "",
                "Vorgeschlagene Zuordnung (als Datei speichern und mit „--zuordnung DATEI.toml“ erneut aufrufen):",
            ]
            zeilen = zeilen[:-2]
        assert zeilen == [
            "Die Arbeitsmappe „anlage.xlsx“ ist ungültig (2 Fehler):",
            "- Fehler: Blatt „Empfehlungen“, Zeile 2, Spalte „Status“: Unbekannter Status. Gefunden: „fertig“. "
            "Erlaubt: „umgesetzt“, „in Arbeit“, „in Abstimmung“, „nicht umgesetzt“, „ohne Angabe“ (auch "
            "„teilweise umgesetzt“, „im Umsetzungsprozess“; leer = ohne Angabe).",
            "- Fehler: Blatt „Empfehlungen“, Zeile 3, Spalte „Handlungsfeld“: Das Handlungsfeld 9 ist im Blatt "
            "„Handlungsfelder“ nicht definiert (1 Empfehlung(en), Zeilen 3). Gefunden: „9“. Erlaubt: Nr eines "
            "Handlungsfelds aus dem Blatt „Handlungsfelder“ (1, 2, 3).",
            "- Warnung: Blatt „Empfehlungen“, Zeile 4, Spalte „Status“: Status „teilweise umgesetzt“ wurde als "
            "„in Arbeit“ gelesen (1×, Zeilen 4). Gefunden: „teilweise umgesetzt“.",
        ]


@pytest.mark.parametrize(
    ("daten", "anfang"),
    [
        (b"Nr;Handlungsfeld\n1;Wohnen\n", "Die Datei ist eine Textdatei (CSV)"),
        (b"", "Die Datei ist leer (0 Byte)."),
        (standard_bytes()[:5000], "Die Datei ist beschädigt oder unvollständig"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "Die Datei ist im alten Excel-Format"),
        (zipbombe_bytes(100_000_000), "Die Arbeitsmappe würde entpackt 95,4 MB belegen"),
    ],
    ids=["csv", "leer", "abgeschnitten", "xls", "zipbombe"],
)
def test_kaputte_dateien_ohne_traceback(tmp_path, daten, anfang):
    ergebnis = _rufe("kennzahlen", _datei(tmp_path, daten), "--json")
    assert (ergebnis.returncode, ergebnis.stdout) == (1, "")
    assert "Traceback" not in ergebnis.stderr
    assert ergebnis.stderr.splitlines()[0] == "Die Arbeitsmappe „anlage.xlsx“ ist ungültig (1 Fehler):"
    assert ergebnis.stderr.splitlines()[1].startswith(f"- Fehler: {anfang}")


def test_fehlende_datei_und_ordner(tmp_path):
    fehlt = _rufe("pruefen", str(tmp_path / "gibtsnicht.xlsx"))
    ordner = _rufe("pruefen", str(tmp_path))
    assert (fehlt.returncode, fehlt.stderr) == (
        1,
        f"Fehler: Die Datei „{tmp_path / 'gibtsnicht.xlsx'}“ gibt es nicht.\n",
    )
    assert (ordner.returncode, ordner.stderr) == (
        1,
        f"Fehler: „{tmp_path}“ ist keine Datei (sondern z. B. ein Ordner).\n",
    )


@pytest.mark.parametrize("argumente", [[], ["pruefen"], ["zaehlen", "x.xlsx"]])
def test_falscher_aufruf(argumente):
    ergebnis = _rufe(*argumente)
    assert (ergebnis.returncode, ergebnis.stdout) == (2, "")
    assert ergebnis.stderr == (
        "Falscher Aufruf.\nAufruf: python -m ipdaten pruefen DATEI.xlsx [--zuordnung ZUORDNUNG.toml]  |  "
        "python -m ipdaten kennzahlen DATEI.xlsx [--zuordnung ZUORDNUNG.toml] [--json]\n"
    )


def test_innerer_fehler_wird_deutsch_gemeldet(monkeypatch, capsys):
    import ipdaten.__main__ as cli

    def kaputt(argumente=None):
        raise RuntimeError("unerwartet")

    monkeypatch.setattr(cli, "main", kaputt)
    assert cli.starte([]) == 1
    assert capsys.readouterr().err == "Interner Fehler beim Verarbeiten der Datei (RuntimeError): unerwartet\n"


def test_riesige_datei_wird_nicht_eingelesen(tmp_path):
    pfad = tmp_path / "gross.xlsx"
    with pfad.open("wb") as datei:
        datei.truncate(3 * 1024**3)  # sparse: 3 GB on paper, nothing on disk
    ergebnis = _rufe("pruefen", str(pfad))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr.splitlines()[1] == (
        "- Fehler: Die Datei ist mit 3.072,0 MB zu groß; eine Anlage 1 hat weit unter 20,0 MB. "
        "Bitte prüfen, ob Bilder oder fremde Blätter enthalten sind."
    )

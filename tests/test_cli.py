"""The command line: German findings, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipdaten.arbeitsmappe import Zuordnung, aus_toml
from tests.arbeitsmappen import HAUSHALT, STANDARD_PFAD, empfehlung, mappe_bytes, standard_bytes, zipbombe_bytes
from tests.kennzahlen_zusammenfassung import aus_daten_json
from tests.kommandozeile import rufe

WURZEL = STANDARD_PFAD.parent.parent


def _datei(tmp_path, daten: bytes, name: str = "anlage.xlsx") -> str:
    pfad = tmp_path / name
    pfad.write_bytes(daten)
    return str(pfad)


def test_pruefen_standardmappe():
    ergebnis = rufe("pruefen", "daten/anlage1.xlsx")
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
        # The receipt (issue 22): what was read, in one glance.
        "Was gelesen wurde:",
        "  Blätter:      Handlungsfelder, Empfehlungen, Einbürgerung, Haushalt, Meilensteine, Info",
        "  Stand:        6. März 2017 (Blatt „Info“, Zeile „Stand“)",
        "  Empfehlungen: 181 Empfehlungen in 8 Handlungsfeldern (1 Aufbrechen und Ankommen: 20 · 2 Wohnen: 22 · "
        "3 Sprache: 20 · 4 Bildung und Arbeit: 25 · 5 Gesundheit: 20 · 6 Gesellschaft: 27 · 7 Religion: 20 · "
        "8 Leben und Freizeit: 27); umgesetzt 58, in Arbeit 54, in Abstimmung 2, nicht umgesetzt 44, ohne Angabe 23",
        "  Einbürgerung: 6 Gebiete, Jahr 2016; Landkreis Böblingen 2016: 1,54\xa0%",
        "  Haushalt:     11 Positionen, Summe 355.400\xa0€ (2017)",
        "  Meilensteine: 8 Meilensteine",
        "  Hinweise:     keine",
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
    ergebnis = rufe("pruefen", _datei(tmp_path, daten))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout.splitlines()[-5:] == [
        "4 Warnung(en):",
        "- Blatt „Empfehlungen“, Zeile 2, Spalte „Status“: Status „teilweise umgesetzt“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeile 2). Gefunden: „teilweise umgesetzt“.",
        "- Blatt „Empfehlungen“, Zeile 3, Spalte „Status“: Status „Im Umsetzungsprozess“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeile 3). Gefunden: „Im Umsetzungsprozess“.",
        "- Blatt „Empfehlungen“, Zeile 4, Spalte „Status“: Status „(leer)“ wurde als „ohne Angabe“ gelesen "
        "(1×, Zeile 4). Gefunden: „(leer)“.",
        "- Blatt „Haushalt“, Zeile 5, Spalte „Betrag“: Die Summenzeile wurde nicht als Maßnahme gezählt. Gefunden: „100000“.",
    ]


def test_kennzahlen_ohne_json_gibt_die_zusammenfassung():
    ergebnis = rufe("kennzahlen", "daten/anlage1.xlsx")
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.startswith("Die Arbeitsmappe „anlage1.xlsx“ ist gültig.\n")


def test_kennzahlen_json_einer_testmappe_mit_warnungen(tmp_path):
    daten = mappe_bytes(empfehlungen=[empfehlung(1, 1, "teilweise umgesetzt")], ohne=("Info",))
    ergebnis = rufe("kennzahlen", _datei(tmp_path, daten), "--json")
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    daten = aus_daten_json(json.loads(ergebnis.stdout))
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
        ergebnis = rufe(befehl[0], _datei(tmp_path, daten), *befehl[1:])
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
            "- Fehler: Blatt „Empfehlungen“, Zeile 2, Spalte „Status“: Status nicht erkannt: „fertig“ in Zeile 2 "
            "– unbekannt. Bitte einen der erlaubten Status eintragen oder die Wörter beim Hochladen zuordnen. "
            "Gefunden: „fertig“. Erlaubt: „umgesetzt“, „in Arbeit“, „in Abstimmung“, „nicht umgesetzt“, "
            "„ohne Angabe“ oder eine Schreibweise aus der Synonymtabelle (z. B. „erledigt“, „laufend“, "
            "„noch nicht begonnen“); leer = ohne Angabe.",
            "- Fehler: Blatt „Empfehlungen“, Zeile 3, Spalte „Handlungsfeld“: Das Handlungsfeld 9 ist im Blatt "
            "„Handlungsfelder“ nicht definiert (1 Empfehlung(en), Zeilen 3). Gefunden: „9“. Erlaubt: Nr eines "
            "Handlungsfelds aus dem Blatt „Handlungsfelder“ (1, 2, 3).",
            "- Warnung: Blatt „Empfehlungen“, Zeile 4, Spalte „Status“: Status „teilweise umgesetzt“ wurde als "
            "„in Arbeit“ gelesen (1×, Zeile 4). Gefunden: „teilweise umgesetzt“.",
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
    ergebnis = rufe("kennzahlen", _datei(tmp_path, daten), "--json")
    assert (ergebnis.returncode, ergebnis.stdout) == (1, "")
    assert "Traceback" not in ergebnis.stderr
    assert ergebnis.stderr.splitlines()[0] == "Die Arbeitsmappe „anlage.xlsx“ ist ungültig (1 Fehler):"
    assert ergebnis.stderr.splitlines()[1].startswith(f"- Fehler: {anfang}")


def test_fehlende_datei_und_ordner(tmp_path):
    fehlt = rufe("pruefen", str(tmp_path / "gibtsnicht.xlsx"))
    ordner = rufe("pruefen", str(tmp_path))
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
    ergebnis = rufe(*argumente)
    assert (ergebnis.returncode, ergebnis.stdout) == (2, "")
    assert ergebnis.stderr == (
        "Falscher Aufruf.\nAufruf: python -m ipdaten pruefen DATEI.xlsx [--zuordnung ZUORDNUNG.toml]  |  "
        "python -m ipdaten kennzahlen DATEI.xlsx [--zuordnung ZUORDNUNG.toml] [--json]\n"
        "        python -m ipdaten einbuergerung STATISTIK.csv [BEVOELKERUNG.csv] --mappe DATEI.xlsx -o NEU.xlsx "
        "[--kreise 08111,08115,…] [--jahre 2014-2016] [--definition tabelle|vorjahr]\n"
        "        python -m ipdaten bericht DATEI.xlsx [--vorher ALT.xlsx …] [-o vorlage.docx|vorlage.pdf] [--pdf] "
        "[--sitzungsdatum TT.MM.JJJJ] [--gremium NAME] [--beschlussfassung] [--beschlussvorschlag TEXT] "
        "[--nichtoeffentlich] [--vorlage VORLAGE.docx] [--zuordnung ZUORDNUNG.toml]\n"
        "        python -m ipdaten opendata DATEI.xlsx -o ORDNER [--herausgeber NAME] [--lizenz URI [--lizenz-name NAME]] "
        "[--namensnennung TEXT] [--zuordnung ZUORDNUNG.toml]\n"
        "        python -m ipdaten rueckmeldung boegen MAPPE.xlsx -o ORDNER [--titel T] [--frist JJJJ-MM-TT]  |  "
        "python -m ipdaten rueckmeldung einlesen MAPPE.xlsx BOGEN.xlsx [BOGEN.xlsx …] -o NEU.xlsx\n"
        "        python -m ipdaten staende [--ablage ORDNER] [--csv]\n"
        "        python -m ipdaten ablage sichern ZIEL.sqlite [--ablage ORDNER]  |  "
        "python -m ipdaten ablage pruefen [DATEI.sqlite] [--ablage ORDNER]  |  "
        "python -m ipdaten ablage wiederherstellen QUELLE.sqlite [--ablage ORDNER]\n"
        "        python -m ipdaten selbsttest\n"
    )


def test_innerer_fehler_wird_deutsch_gemeldet(monkeypatch, capsys):
    import ipdaten.kommandozeile as cli

    def kaputt(argumente=None):
        raise RuntimeError("unerwartet")

    monkeypatch.setattr(cli, "main", kaputt)
    assert cli.starte([]) == 1
    assert capsys.readouterr().err == "Interner Fehler beim Verarbeiten der Datei (RuntimeError): unerwartet\n"


def _riesige_datei(tmp_path, monkeypatch) -> tuple[str, list[Path]]:
    """A sparse file of 3 GB (nothing on disk) and the list of files over 20 MB that
    Path.read_bytes was asked to read (it refuses them with an OSError instead of reading 3 GB)."""
    pfad = tmp_path / "gross.xlsx"
    with pfad.open("wb") as datei:
        datei.truncate(3 * 1024**3)
    gelesen: list[Path] = []
    lesen = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.stat().st_size > 20 * 1024**2:
            gelesen.append(self)
            raise OSError("im Test nicht eingelesen")
        return lesen(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return str(pfad), gelesen


RIESIG = (
    "- Fehler: Die Datei ist mit 3.072,0 MB zu groß; eine Anlage 1 hat weit unter 20,0 MB. "
    "Bitte prüfen, ob Bilder oder fremde Blätter enthalten sind."
)


def test_riesige_datei_wird_nicht_eingelesen(tmp_path, monkeypatch):
    pfad, gelesen = _riesige_datei(tmp_path, monkeypatch)
    ergebnis = rufe("kennzahlen", pfad)
    assert (ergebnis.returncode, ergebnis.stderr.splitlines()[1]) == (1, RIESIG)
    assert gelesen == []


def test_pruefen_liest_eine_riesige_datei_auch_fuer_den_vorschlag_nicht_ein(tmp_path, monkeypatch):
    pfad, gelesen = _riesige_datei(tmp_path, monkeypatch)
    ergebnis = rufe("pruefen", pfad)
    assert (ergebnis.returncode, ergebnis.stderr.splitlines()[1]) == (1, RIESIG)
    assert gelesen == []


def test_einbuergerung_aus_statistikdateien(tmp_path):
    from ipdaten.arbeitsmappe.laden import lade_anlage
    from tests.statistikdateien import bevoelkerung_csv, einbuergerungen_ffcsv

    mappe = _datei(tmp_path, standard_bytes())
    einb = _datei(tmp_path, einbuergerungen_ffcsv(), "12511-01-01-4_flat.csv")
    bev = _datei(tmp_path, bevoelkerung_csv(), "12411-03-03-4.csv")
    neu = tmp_path / "neu.xlsx"
    ergebnis = rufe("einbuergerung", bev, einb, "--mappe", mappe, "-o", str(neu))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[0] == (
        "Definition: Einbürgerungen eines Jahres je 100 Ausländerinnen und Ausländer, die am 31.12. des Vorjahres im "
        "Kreis lebten: Einbürgerungen im Jahr ÷ ausländische Bevölkerung am 31.12. des Vorjahres × 100."
    )
    assert zeilen[1].startswith("Quelle: Amtliche Statistik, Regionaldatenbank – Einbürgerungen: Tabelle 12511-01-01-4")
    assert zeilen[2:] == [
        "Einbürgerungsquote 2016:",
        "  1. Landkreis Böblingen (08115): 1,55\xa0%",
        "  2. Stadtkreis Stuttgart (08111): 1,33\xa0%",
        "  3. Landkreis Esslingen (08116): 1,30\xa0%",
        "  4. Rems-Murr-Kreis (08119): 1,20\xa0%",
        "  5. Landkreis Ludwigsburg (08118): 1,16\xa0%",
        "  6. Landkreis Göppingen (08117): 1,12\xa0%",
        f"Geschrieben: {neu} (nur das Blatt „Einbürgerung“ ist ersetzt).",
    ]
    assert lade_anlage(neu).einbuergerung.set_index("gebiet").loc["Landkreis Böblingen", "quote_prozent"] == 1.55


def test_einbuergerung_mit_befunden_schreibt_nichts(tmp_path):
    from tests.statistikdateien import bevoelkerung_csv, einbuergerungen_csv

    mappe = _datei(tmp_path, standard_bytes())
    einb = _datei(tmp_path, einbuergerungen_csv(), "einb.csv")
    bev = _datei(tmp_path, bevoelkerung_csv(), "bev.csv")
    neu = tmp_path / "neu.xlsx"
    ergebnis = rufe("einbuergerung", einb, bev, "--mappe", mappe, "-o", str(neu), "--kreise", "08115,08221")
    assert (ergebnis.returncode, ergebnis.stdout) == (1, "")
    assert ergebnis.stderr.splitlines() == [
        "Es wurde nichts geschrieben (2 Befund(e)):",
        "- Datei „einb.csv“: Der Kreis 08221 fehlt in der Datei – es gibt dort keine Einbürgerungen für ihn. Gefunden: "
        "„08221“. Erwartet: eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“, die diesen Kreis enthält.",
        "- Datei „bev.csv“: Der Kreis 08221 fehlt in der Datei – es gibt dort keine ausländische Bevölkerung für ihn. "
        "Gefunden: „08221“. Erwartet: eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“, die diesen Kreis "
        "enthält.",
    ]
    assert not neu.exists()
    falsch = rufe("einbuergerung", einb, "--mappe", mappe, "-o", str(neu), "--jahre", "2016/17")
    assert (falsch.returncode, falsch.stderr) == (
        2,
        "Fehler: „2016/17“ sind keine Jahre. Jahre bitte als 2016, 2014-2016 oder 2014,2016 angeben.\n",
    )

"""Open data: one declaration of the export tables, written as Excel sheets, CSV files and one JSON
with all figures, described in DCAT-AP.de – from the command line and on the Daten page."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pytest

from ipdaten import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.exporttabellen import TABELLEN, Exportquelle
from ipdaten.praesentation.offene_daten import offene_daten
from tests.arbeitsmappen import STANDARD_PFAD, empfehlung, mappe_bytes
from tests.kommandozeile import rufe
from tests.seiten_hilfen import oeffne

STANDARDLIZENZ = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"


@pytest.fixture(scope="module")
def ordner(tmp_path_factory):
    """The open data of the default workbook, written by the command line."""
    ziel = tmp_path_factory.mktemp("offen") / "daten"
    ergebnis = rufe("opendata", str(STANDARD_PFAD), "-o", str(ziel))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    return ziel


def _csv(pfad) -> list[list[str]]:
    return list(csv.reader(io.StringIO(pfad.read_text(encoding="utf-8"))))


def test_kommandozeile_schreibt_je_tabelle_eine_csv_dazu_json_und_dcat(ordner):
    assert sorted(p.name for p in ordner.iterdir()) == [
        "daten.json",
        "einbuergerung.csv",
        "gefluechtete.csv",
        "haushalt.csv",
        "haushalt_je_feld.csv",
        "metadaten.jsonld",
        "verteilung.csv",
    ]
    verteilung = _csv(ordner / "verteilung.csv")
    assert verteilung[0][:8] == [
        "Nr",
        "Handlungsfeld",
        "Empfehlungen",
        "Anzahl umgesetzt",
        "Anzahl in Arbeit",
        "Anzahl in Abstimmung",
        "Anzahl nicht umgesetzt",
        "Anzahl ohne Angabe",
    ]
    # The golden figures of field 1 and of all fields (test_golden), machine-readable: 0.3, not „30 %“.
    assert verteilung[1][:9] == ["1", "Aufbrechen und Ankommen", "20", "6", "6", "0", "0", "8", "0.3"]
    assert verteilung[-1][:8] == ["", "Alle Handlungsfelder", "181", "58", "54", "2", "44", "23"]
    assert verteilung[1][-1] == "Annahme"  # every figure resting on an assumption stays marked


def test_csv_json_und_excel_zeigen_dieselben_tabellen(ordner):
    """The writers share one declaration: the same tables, titles and values."""
    anlage = lade_anlage(STANDARD_PFAD)
    blaetter = openpyxl.load_workbook(io.BytesIO(excel_bytes(Auswertung(anlage))))
    daten = json.loads((ordner / "daten.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in daten["tabellen"]] == [n for n in blaetter.sheetnames if n != "Info"]
    for tabelle in daten["tabellen"]:
        blatt = [list(z) for z in blaetter[tabelle["name"]].iter_rows(values_only=True)]
        datei = _csv(ordner / tabelle["datei"])
        titel = [s["titel"] for s in tabelle["spalten"]]
        assert blatt[0] == titel == datei[0]
        assert len(blatt) == len(datei) == len(tabelle["zeilen"]) + 1
        for zeile, json_zeile in zip(blatt[1:], tabelle["zeilen"]):
            erwartet = [None if json_zeile[t] == "" else json_zeile[t] for t in titel]
            # Excel writes „keine Angabe“ into an empty rate; the data formats leave it empty.
            assert [None if w == "keine Angabe" else w for w in zeile] == pytest.approx(erwartet)
    assert daten["stand"] == "2017-03-06"
    assert daten["annahmen"].startswith("Auf Annahmen oder Platzhaltern der Rekonstruktion beruhen 146 von 181")


def test_dcat_beschreibung_mit_herausgeber_lizenz_stand_und_zeitraum(ordner):
    beschreibung = json.loads((ordner / "metadaten.jsonld").read_text(encoding="utf-8"))
    assert beschreibung["@type"] == "dcat:Dataset"
    assert beschreibung["dct:publisher"] == {"@type": "foaf:Organization", "foaf:name": "Landkreis Böblingen"}
    assert beschreibung["dct:license"] == {"@id": STANDARDLIZENZ}
    assert beschreibung["dct:modified"] == {"@value": "2017-03-06", "@type": "xsd:date"}
    zeitraum = beschreibung["dct:temporal"]
    assert (zeitraum["dcat:startDate"]["@value"], zeitraum["dcat:endDate"]["@value"]) == ("2014-12-31", "2017-03-06")
    verteilungen = beschreibung["dcat:distribution"]
    assert sorted(v["dcat:downloadURL"]["@id"] for v in verteilungen) == sorted(
        p.name for p in ordner.iterdir() if p.name != "metadaten.jsonld"
    )
    assert {v["dct:license"]["@id"] for v in verteilungen} == {STANDARDLIZENZ}
    assert "Annahmen oder Platzhaltern" in beschreibung["dct:description"]


def test_lizenz_und_herausgeber_einstellbar(tmp_path):
    ergebnis = rufe(
        "opendata",
        str(STANDARD_PFAD),
        "-o",
        str(tmp_path / "o"),
        "--herausgeber",
        "Stadt Musterhausen",
        "--lizenz",
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
        "--lizenz-name",
        "Creative Commons Namensnennung 4.0",
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    beschreibung = json.loads((tmp_path / "o" / "metadaten.jsonld").read_text(encoding="utf-8"))
    assert beschreibung["dct:publisher"]["foaf:name"] == "Stadt Musterhausen"
    assert beschreibung["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-by/4.0"}
    assert beschreibung["dcatde:licenseAttributionByText"] == "Stadt Musterhausen"
    daten = json.loads((tmp_path / "o" / "daten.json").read_text(encoding="utf-8"))
    assert daten["lizenz"]["name"] == "Creative Commons Namensnennung 4.0"


def test_text_aus_der_mappe_wird_in_csv_keine_formel():
    anlage = lade_anlage(mappe_bytes(empfehlungen=[empfehlung(1, 1, bezug="ja", text="@SUMME(A1)")]))
    dateien = offene_daten(Exportquelle(Auswertung(anlage)))
    zeilen = list(csv.reader(io.StringIO(dateien["gefluechtete.csv"].decode("utf-8"))))
    assert zeilen[1][3] == "'@SUMME(A1)"
    assert json.loads(dateien["daten.json"])["tabellen"][-1]["zeilen"][0]["Empfehlung"] == "@SUMME(A1)"


def test_ausgabe_darf_keine_datei_sein(tmp_path):
    datei = tmp_path / "x.txt"
    datei.write_text("bleibt")
    ergebnis = rufe("opendata", str(STANDARD_PFAD), "-o", str(datei))
    assert ergebnis.returncode == 2
    assert ergebnis.stderr == f"Fehler: Die Ausgabe „{datei}“ ist eine Datei; bitte einen Ordner angeben.\n"
    assert datei.read_text() == "bleibt"


def test_jede_tabelle_hat_eigenen_dateinamen_und_namen():
    assert len({t.datei for t in TABELLEN}) == len({t.name for t in TABELLEN}) == len(TABELLEN)


def test_download_auf_der_seite_daten():
    at = oeffne("seiten/daten.py").run()
    assert not at.exception
    (knopf,) = [k for k in at.get("download_button") if "Offene Daten" in k.proto.label]
    assert knopf.proto.label == "Offene Daten zu Stand Nr. 1 (.zip)"
    from oberflaeche import offene_daten as ansicht
    from oberflaeche.quelle import ablage

    ablage_ = ablage()
    archiv = zipfile.ZipFile(io.BytesIO(ansicht._zip(ablage_.staende()[0], ablage_)))
    assert "metadaten.jsonld" in archiv.namelist() and "verteilung.csv" in archiv.namelist()

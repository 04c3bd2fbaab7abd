"""The empty template: every sheet and header of the contract, a Status drop-down, German help."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from ipdaten.arbeitsmappe import BLAETTER, STATUS_REIHENFOLGE, AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.vorlage import ERKLAERUNG_BLATT, vorlage_bytes
from tests.arbeitsmappen import als_bytes


def _mappe():
    return load_workbook(io.BytesIO(vorlage_bytes()))


def test_alle_blaetter_und_kopfzeilen_aus_dem_vertrag():
    wb = _mappe()
    assert wb.sheetnames == [ERKLAERUNG_BLATT, *(b.name for b in BLAETTER)]
    for blatt in BLAETTER:
        kopf = [z.value for z in wb[blatt.name][1]]
        assert kopf == [s.titel for s in blatt.spalten], blatt.name
    assert [[z.value for z in zeile] for zeile in wb["Info"].iter_rows(min_row=2)] == [
        ["Stand", None],
        ["Bezeichnung", None],
    ]


def test_status_hat_eine_auswahlliste():
    ws = _mappe()["Empfehlungen"]
    listen = ws.data_validations.dataValidation
    assert len(listen) == 1
    liste = listen[0]
    assert liste.type == "list"
    assert liste.formula1 == '"' + ",".join(STATUS_REIHENFOLGE) + '"'
    spalte = "ABCDEFGH"[[z.value for z in ws[1]].index("Status")]
    assert str(liste.sqref) == f"{spalte}2:{spalte}2001"


def test_erlaeuterung_ist_deutsch_und_nennt_jede_spalte():
    ws = _mappe()[ERKLAERUNG_BLATT]
    text = "\n".join(str(z.value) for zeile in ws.iter_rows() for z in zeile if z.value is not None)
    assert "So wird die Vorlage ausgefüllt" in text
    assert "Daten & Stände" in text
    for blatt in BLAETTER:
        for spalte in blatt.spalten:
            assert spalte.titel in text


def test_leere_vorlage_wird_mit_klaren_befunden_abgelehnt():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(vorlage_bytes())
    meldungen = [b.meldung for b in fehler.value.fehler]
    assert "Das Blatt enthält kein Handlungsfeld." in meldungen


def test_ausgefuellte_vorlage_ist_eine_gueltige_anlage():
    wb = _mappe()
    wb["Handlungsfelder"].append([1, "Wohnen", "„Wohnen und Wohlfühlen“"])
    wb["Empfehlungen"].append([1, 1, "", "Bündnis für bezahlbares Wohnen", "umgesetzt"])
    wb["Empfehlungen"].append([1, 2, "", "Migrantenorganisationen einbeziehen", None])
    wb["Info"]["B2"] = dt.datetime(2017, 9, 30)
    wb["Info"]["B3"] = "Herbst 2017"
    anlage = lade_anlage(als_bytes(wb))
    assert anlage.stand == dt.date(2017, 9, 30)
    assert anlage.bezeichnung == "Herbst 2017"
    assert anlage.empfehlungen[["handlungsfeld", "nr", "status"]].astype({"status": str}).to_dict("records") == [
        {"handlungsfeld": 1, "nr": 1, "status": "umgesetzt"},
        {"handlungsfeld": 1, "nr": 2, "status": "ohne Angabe"},
    ]

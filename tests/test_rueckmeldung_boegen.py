"""Rückmeldebögen (issue 21): one form per lead body with only its recommendations, protected,
with a status drop-down and the metadata that recognises it when it comes back."""

from __future__ import annotations

import hashlib
import io
import zipfile

from openpyxl import load_workbook

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.rueckmeldung.bogen import boegen_zip, bogen_bytes
from ipdaten.rueckmeldung.bogen_aufbau import BLATT, BLATT_KENNUNG, ERSTE_ZEILE, ZEILE_KOPF
from ipdaten.rueckmeldung.bogen_kennung import kennung
from ipdaten.rueckmeldung.runde import empfaenger_der_anlage, neue_runde, sicherer_dateiteil
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import empfehlung, mappe_bytes, standard_bytes
from tests.fortschreibung_mappen import KOPF_NEU


def test_ein_bogen_je_federfuehrender_stelle():
    empfaenger, nach_zustaendigkeit = empfaenger_der_anlage(rb.anlage())
    assert nach_zustaendigkeit
    assert [(e.name, e.empfehlungen, e.dateiname) for e in empfaenger] == [
        ("Integrationsbeauftragte", ((1, 1),), "Rueckmeldebogen_Integrationsbeauftragte.xlsx"),
        ("Jobcenter", ((1, 2), (3, 1)), "Rueckmeldebogen_Jobcenter.xlsx"),
        ("Kreisbau", ((2, 1), (2, 2)), "Rueckmeldebogen_Kreisbau.xlsx"),
        ("Sozialamt", ((2, 3),), "Rueckmeldebogen_Sozialamt.xlsx"),
        ("nicht benannt", ((1, 3),), "Rueckmeldebogen_nicht_benannt.xlsx"),
    ]


def test_ohne_zustaendig_ein_bogen_je_handlungsfeld():
    empfaenger, nach_zustaendigkeit = empfaenger_der_anlage(lade_anlage(standard_bytes()))
    assert not nach_zustaendigkeit
    assert [e.name for e in empfaenger][:3] == [
        "Handlungsfeld 1: Aufbrechen und Ankommen",
        "Handlungsfeld 2: Wohnen",
        "Handlungsfeld 3: Sprache",
    ]
    assert len(empfaenger) == 8
    assert sum(len(e.empfehlungen) for e in empfaenger) == 181
    assert empfaenger[1].dateiname == "Rueckmeldebogen_Handlungsfeld_2_Wohnen.xlsx"


def test_bogen_enthaelt_nur_die_eigenen_empfehlungen_gesperrt_und_mit_auswahlliste():
    wb = load_workbook(io.BytesIO(rb.leerer_bogen("jobcenter")))
    ws = wb[BLATT]
    assert ws["A1"].value == "Rückmeldebogen zum Integrationsplan – Fortschreibung Herbst 2017"
    assert ws["A2"].value == "Für: Jobcenter"
    assert ws["A3"].value == "Bitte bis zum 31. Oktober 2017 ausgefüllt zurücksenden."
    assert "Leer gelassene Felder bleiben unverändert" in ws["A4"].value
    assert [c.value for c in ws[ZEILE_KOPF]] == [
        "Handlungsfeld",
        "Nr",
        "Empfehlung",
        "Status",
        "Bemerkung",
        "Termin",
        "Status neu",
        "Bemerkung neu",
        "Termin neu",
    ]
    zeilen = [[c.value for c in zeile] for zeile in ws.iter_rows(min_row=ERSTE_ZEILE)]
    assert zeilen == [
        [
            "1 Aufbrechen und Ankommen",
            "1.2",
            "Empfehlung 1.2",
            "umgesetzt",
            "Kurse abgeschlossen",
            "Juni 2017",
            None,
            None,
            None,
        ],
        ["3 Sprache", "3.1", "Empfehlung 3.1", "in Abstimmung", None, "2018", None, None, None],
    ]
    assert ws.protection.sheet
    gesperrt = {c.coordinate for zeile in ws.iter_rows(min_row=ERSTE_ZEILE) for c in zeile if c.protection.locked}
    assert gesperrt == {f"{s}{z}" for s in "ABCDEF" for z in (9, 10)}
    assert not ws["B6"].protection.locked and not ws["E6"].protection.locked  # sender's name and date
    assert ws["I9"].number_format == "@"  # „06/2018“ stays text
    (auswahl,) = ws.data_validations.dataValidation
    assert (auswahl.type, str(auswahl.sqref), auswahl.formula1) == (
        "list",
        "G9:G10",
        '"umgesetzt,in Arbeit,in Abstimmung,nicht umgesetzt,ohne Angabe"',
    )
    assert wb[BLATT_KENNUNG].sheet_state == "veryHidden"


def test_kennung_nennt_runde_stelle_und_stand():
    runde = rb.standardrunde()
    werte = kennung(rb.leerer_bogen("kreisbau"))
    assert werte == {
        "Format": "Rückmeldebogen Integrationsplan-Monitor",
        "Version": "1",
        "Runde": runde.id,
        "Titel": "Fortschreibung Herbst 2017",
        "Frist": "2017-10-31",
        "Stelle": "Kreisbau",
        "Schlüssel": "kreisbau",
        "Stand": hashlib.sha256(rb.mappe()).hexdigest(),
        "Anzahl": "2",
    }
    assert kennung(rb.mappe()) is None and kennung(b"kein xlsx") is None


def test_alle_boegen_als_zip():
    runde = rb.standardrunde()
    archiv = zipfile.ZipFile(io.BytesIO(boegen_zip(runde, rb.anlage())))
    assert archiv.namelist() == [e.dateiname for e in runde.empfaenger]
    assert [kennung(archiv.read(n))["Stelle"] for n in archiv.namelist()] == [e.name for e in runde.empfaenger]


def test_stellennamen_aus_der_arbeitsmappe_sind_unvertrauenswuerdig():
    namen = [
        '=HYPERLINK("http://boese.example","klick")',
        "../../etc/passwd",
        "CON",
        "Amt für Migration & Flüchtlinge",
        "Amt für Migration / Flüchtlinge",
        "x" * 500,
        "\u202eevil",
    ]
    zeilen = [[*empfehlung(1, nr, "in Arbeit"), name, "", "", ""] for nr, name in enumerate(namen, start=1)]

    def als_text(wb):
        wb["Empfehlungen"]["I2"].data_type = "s"  # typed as text ('=HYPERLINK…), not a formula

    daten = mappe_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": KOPF_NEU}, anpassen=als_text)
    basis = lade_anlage(daten)
    runde = neue_runde(basis, hashlib.sha256(daten).hexdigest(), "=1+1")
    dateien = [e.dateiname for e in runde.empfaenger]
    assert len(set(d.casefold() for d in dateien)) == len(dateien) == 7
    assert all(len(d) <= 90 and d.isascii() and "/" not in d and ".." not in d for d in dateien)
    assert "Rueckmeldebogen_Amt_fuer_Migration_Fluechtlinge.xlsx" in dateien
    assert "Rueckmeldebogen_Amt_fuer_Migration_Fluechtlinge_2.xlsx" in dateien
    assert "Rueckmeldebogen_CON.xlsx" in dateien
    for empfaenger in runde.empfaenger:
        daten_bogen = bogen_bytes(runde, empfaenger, basis)
        xml = zipfile.ZipFile(io.BytesIO(daten_bogen)).read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in xml and b"<f " not in xml  # every text is text, never a formula
        assert len(empfaenger.name) <= 120
    ws = load_workbook(io.BytesIO(bogen_bytes(runde, runde.empfaenger[0], basis)))[BLATT]
    assert ws["A1"].value == "Rückmeldebogen zum Integrationsplan – =1+1"


def test_sicherer_dateiteil():
    assert sicherer_dateiteil("Straße & Söhne GmbH") == "Strasse_Soehne_GmbH"
    assert sicherer_dateiteil("***") == "Stelle"
    assert sicherer_dateiteil("é" * 100) == "e" * 60

"""The Excel export reopened with openpyxl: every table cell equals what ipdaten computed, German
headers and number formats, and workbook text never becomes a formula (formula injection)."""

from __future__ import annotations

import io
import math
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation import export_excel as ex
from tests.arbeitsmappen import STANDARD_PFAD, mappe_bytes, mit_libreoffice

INJEKTIONEN = ['=HYPERLINK("http://x","klick")', "+1", "-1", "@SUM(A1)", "=1+1"]


def _oeffnen(daten: bytes):
    return load_workbook(io.BytesIO(daten))


def _zeilen(blatt) -> list[tuple]:
    return list(blatt.iter_rows(values_only=True))


def _gleich(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12)
    return a == b


def test_blaetter_und_deutsche_koepfe(standard):
    mappe = _oeffnen(ex.excel_bytes(standard, quelle="Testquelle"))
    assert mappe.sheetnames == ["Info", "Verteilung", "Einbürgerung", "Haushalt", "Haushalt je Feld", "Geflüchtete"]
    assert _zeilen(mappe["Verteilung"])[0] == (
        "Nr",
        "Handlungsfeld",
        "Empfehlungen",
        *[f"Anzahl {s}" for s in STATUS_REIHENFOLGE],
        *[f"Anteil {s}" for s in STATUS_REIHENFOLGE],
        "Kennzeichnung",
    )
    assert _zeilen(mappe["Einbürgerung"])[0][:4] == ("Jahr", "Rang", "Gebiet", "Einbürgerungsquote in %")
    assert _zeilen(mappe["Haushalt"])[0] == (
        "Jahr",
        "Maßnahme",
        "Handlungsfeld Nr",
        "Handlungsfeld",
        "Betrag in €",
        "Anteil am Jahr",
        "Kennzeichnung",
    )
    info = dict(_zeilen(mappe["Info"])[1:])
    assert info["Stand (Text)"] == "6. März 2017"
    assert info["Datenquelle"] == "Testquelle"
    assert info["Bezeichnung"] == standard.anlage.titel


def test_verteilung_jede_zelle(standard):
    zeilen = _zeilen(_oeffnen(ex.excel_bytes(standard))["Verteilung"])[1:]
    v = standard.verteilung
    assert len(zeilen) == len(v) + 1
    for zeile, (_, erwartet) in zip(zeilen, v.iterrows()):
        soll = (
            int(erwartet["nr"]),
            erwartet["name"],
            int(erwartet["empfehlungen"]),
            *[int(erwartet[s]) for s in STATUS_REIHENFOLGE],
            *[float(erwartet[f"anteil_{s}"]) for s in STATUS_REIHENFOLGE],
            "Annahme",  # every field of the default workbook rests on assumptions
        )
        assert all(_gleich(a, b) for a, b in zip(zeile, soll, strict=True)), (zeile, soll)
    gesamt = standard.gesamt
    assert zeilen[-1][:8] == (None, "Alle Handlungsfelder", 181, 58, 54, 2, 44, 23)
    assert zeilen[-1][8:13] == pytest.approx([gesamt["anteil"][s] for s in STATUS_REIHENFOLGE])
    assert zeilen[-1][13] == "Annahme"


def test_einbuergerung_jede_zelle(standard):
    zeilen = _zeilen(_oeffnen(ex.excel_bytes(standard))["Einbürgerung"])[1:]
    e = standard.einbuergerung
    assert len(zeilen) == len(e)
    for zeile, (_, soll) in zip(zeilen, e.iterrows()):
        jahr, rang, gebiet, quote, mittel, diff_mittel, diff_ref, referenz, kennzeichnung = zeile
        assert (kennzeichnung == "Annahme") is bool(soll["annahme"])  # "Jahr 2016 erschlossen"
        assert (jahr, gebiet) == (int(soll["jahr"]), soll["gebiet"])
        if soll["quote_prozent"] != soll["quote_prozent"]:  # NaN
            assert (rang, quote, diff_mittel) == (None, "keine Angabe", None)
        else:
            assert rang == int(soll["rang"])
            assert quote == pytest.approx(soll["quote_prozent"])
            assert diff_mittel == pytest.approx(soll["diff_mittel_pp"])
            assert diff_ref == pytest.approx(soll["diff_referenz_pp"])
        assert mittel == pytest.approx(soll["mittel_prozent"])
        assert (referenz == "ja") is bool(soll["ist_referenz"])
    assert zeilen[0][2:4] == ("Landkreis Böblingen", 1.54)


def test_haushalt_jede_zelle(standard):
    mappe = _oeffnen(ex.excel_bytes(standard))
    zeilen = _zeilen(mappe["Haushalt"])[1:]
    summen = standard.haushalt(2017)
    assert len(zeilen) == len(summen.massnahmen) + 1
    for zeile, (_, soll) in zip(zeilen, summen.massnahmen.iterrows()):
        assert zeile == (
            2017,
            soll["massnahme"],
            int(soll["handlungsfeld"]),
            soll["feldname"],
            pytest.approx(float(soll["betrag"])),
            pytest.approx(float(soll["anteil"])),
            "Annahme (Zuordnung)" if soll["annahme_zuordnung"] else None,
        )
    assert zeilen[-1][1] == "Summe der im Bericht aufgeführten Positionen"
    assert zeilen[-1][4] == pytest.approx(355_400)
    assert zeilen[-1][6] is None  # only assignments are assumed, not amounts
    dolmetscher = next(z for z in zeilen if z[1] == "Dolmetscherpool, koordiniert vom Landratsamt")
    assert dolmetscher[4] == 90_000
    je_feld = _zeilen(mappe["Haushalt je Feld"])[1:]
    assert [(z[1], z[3]) for z in je_feld] == [
        (int(n), pytest.approx(float(b)))
        for n, b in zip(summen.nach_handlungsfeld["nr"], summen.nach_handlungsfeld["betrag"])
    ]


def test_ohne_zuordnung_und_mehrere_jahre():
    haushalt = [["A", 1000, 2017, 1], ["B", 2500, 2018, None], ["C", 500, 2018, 2]]
    a = Auswertung(lade_anlage(mappe_bytes(haushalt=haushalt)))
    je_feld = _zeilen(_oeffnen(ex.excel_bytes(a))["Haushalt je Feld"])[1:]
    assert je_feld == [
        (2017, 1, "Aufbrechen und Ankommen", 1000, 1, None),
        (2018, 2, "Wohnen", 500, pytest.approx(0.1666666), None),
        (2018, None, "ohne Zuordnung", 2500, pytest.approx(0.8333333), None),
    ]


def test_deutsche_zahlenformate(standard):
    mappe = _oeffnen(ex.excel_bytes(standard))
    verteilung = mappe["Verteilung"]
    assert verteilung["C2"].number_format == "#,##0"
    assert verteilung["I2"].number_format == "0.0 %"
    assert mappe["Einbürgerung"]["D2"].number_format == '0.00" %"'
    assert mappe["Haushalt"]["E2"].number_format == '#,##0.00" €"'


def _injektionsmappe() -> bytes:
    """A valid Anlage whose texts (field, area, measure, label) look like formulas."""

    def als_text(wb: Workbook) -> None:
        for blatt, zelle, text in (
            ("Handlungsfelder", "B2", INJEKTIONEN[0]),
            ("Handlungsfelder", "B3", INJEKTIONEN[1]),
            ("Handlungsfelder", "B4", INJEKTIONEN[2]),
            ("Einbürgerung", "A3", INJEKTIONEN[3]),
            ("Haushalt", "A2", INJEKTIONEN[4]),
            ("Info", "B3", INJEKTIONEN[0]),
        ):
            wb[blatt][zelle].value = text
            wb[blatt][zelle].data_type = "s"

    return mappe_bytes(anpassen=als_text)


def test_formeln_aus_der_arbeitsmappe_bleiben_text():
    a = Auswertung(lade_anlage(_injektionsmappe()))
    assert a.anlage.handlungsfelder["name"].tolist() == INJEKTIONEN[:3]
    daten = ex.excel_bytes(a)
    with zipfile.ZipFile(io.BytesIO(daten)) as archiv:
        for name in archiv.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archiv.read(name) and b"<f " not in archiv.read(name), name
    mappe = _oeffnen(daten)
    gefunden = {}
    for blatt in mappe.worksheets:
        for zeile in blatt.iter_rows():
            for zelle in zeile:
                if isinstance(zelle.value, str) and zelle.value in INJEKTIONEN:
                    gefunden.setdefault(zelle.value, []).append(zelle)
    assert set(gefunden) == set(INJEKTIONEN)
    for text, zellen in gefunden.items():
        for zelle in zellen:
            assert zelle.data_type == "s", (text, zelle.coordinate)
            assert zelle.quotePrefix, (text, zelle.coordinate)
    verteilung = _zeilen(mappe["Verteilung"])
    assert [z[1] for z in verteilung[1:4]] == INJEKTIONEN[:3]


@pytest.mark.parametrize("text", [*INJEKTIONEN, "\tTab am Anfang", "\rCR am Anfang"])
def test_einzelne_zelle_bleibt_text(text):
    mappe = Workbook()
    zelle = mappe.active["A1"]
    ex._schreibe(zelle, text)
    ziel = io.BytesIO()
    mappe.save(ziel)
    wieder = load_workbook(io.BytesIO(ziel.getvalue())).active["A1"]
    assert (wieder.value, wieder.data_type, wieder.quotePrefix) == (text, "s", True)


def test_steuerzeichen_und_ueberlange_texte_brechen_nichts(standard):
    anlage = lade_anlage(STANDARD_PFAD)
    anlage.haushalt.loc[0, "massnahme"] = "A\x00B\x01C\x1fD\tE\nF" + "x" * 40_000
    anlage.handlungsfelder.loc[0, "name"] = "Feld\x0b mit Steuerzeichen"
    daten = ex.excel_bytes(Auswertung(anlage))
    mappe = _oeffnen(daten)
    massnahme = mappe["Haushalt"]["B2"].value
    assert massnahme.startswith("ABCD\tE\nF")
    assert len(massnahme) == ex.MAX_ZELLTEXT
    assert mappe["Verteilung"]["B2"].value == "Feld mit Steuerzeichen"
    assert ex.sicherer_text("a\x07b") == "ab"


def test_libreoffice_rechnet_keine_formel_aus():
    daten = ex.excel_bytes(Auswertung(lade_anlage(_injektionsmappe())))
    gespeichert = mit_libreoffice(daten)
    if gespeichert is None:
        pytest.skip("LibreOffice Calc ist nicht installiert")
    mappe = load_workbook(io.BytesIO(gespeichert))
    werte = [z[1] for z in _zeilen(mappe["Verteilung"])[1:4]]
    assert werte == INJEKTIONEN[:3]
    assert all(mappe["Verteilung"].cell(row=r, column=2).data_type == "s" for r in (2, 3, 4))

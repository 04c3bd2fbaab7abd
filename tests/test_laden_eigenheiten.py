"""Workbooks as people really make them: every accepted quirk is read correctly."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.workbook.workbook import Workbook

from ipdaten import lade_anlage
from ipdaten.zahlen.kennzahlen import status_gesamt
from tests.arbeitsmappen import (
    EINBUERGERUNG,
    EMPFEHLUNGEN,
    HANDLUNGSFELDER,
    HAUSHALT,
    KOPF,
    empfehlung,
    mappe_bytes,
    mit_libreoffice,
)
from tests.kennzahlen_zusammenfassung import kennzahlen_json

STANDARD_JSON = kennzahlen_json(lade_anlage(mappe_bytes()))


def _zeilen(frame, spalten):
    """Rows as lists, missing values (NaN, <NA>) as None."""
    teil = frame[spalten].astype(object)
    return teil.where(teil.notna(), None).values.tolist()


def _meldungen(anlage):
    return [(b.blatt, b.zeile, b.spalte, b.wert, b.meldung) for b in anlage.warnungen]


def test_testmappe_ohne_besonderheiten():
    anlage = lade_anlage(mappe_bytes())
    assert anlage.warnungen == ()
    assert status_gesamt(anlage)["status"] == {
        "umgesetzt": 2,
        "in Arbeit": 1,
        "in Abstimmung": 1,
        "nicht umgesetzt": 1,
        "ohne Angabe": 1,
    }
    assert _zeilen(anlage.empfehlungen, ["handlungsfeld", "nr", "zeile"]) == [
        [1, 1, 2],
        [1, 2, 3],
        [1, 3, 4],
        [2, 1, 5],
        [2, 2, 6],
        [3, 1, 7],
    ]
    assert anlage.empfehlungen["bezug_gefluechtete"].tolist() == [None, None, None, True, False, None]


def test_titelzeilen_zusatzspalten_zusatzblaetter_leerzeilen():
    daten = mappe_bytes(
        titelzeilen={
            "Empfehlungen": [["Anlage 1 – Auswertung"], [], ["Stand März 2017"]],
            "Haushalt": [["Haushalt 2017"]],
        },
        koepfe={
            "Handlungsfelder": [*KOPF["Handlungsfelder"], "Verantwortlich"],
            "Empfehlungen": ["Lfd.", *KOPF["Empfehlungen"], "Notiz"],
        },
        handlungsfelder=[[*z, "Amt"] for z in HANDLUNGSFELDER],
        empfehlungen=[["x", *z, "intern"] for z in EMPFEHLUNGEN[:3]]
        + [[None] * 10, []]
        + [["y", *z] for z in EMPFEHLUNGEN[3:]],
        haushalt=[HAUSHALT[0], [], [None, None, None, None], *HAUSHALT[1:]],
        zusatz={"Notizen": [["frei", "text"]], "Tabelle1": []},
    )
    anlage = lade_anlage(daten)
    # Allowed, and named: nothing unread goes unmentioned (issue 22); the empty „Tabelle1“ is no data.
    assert [(b.ursache, b.blatt, b.spalte, b.wert) for b in anlage.warnungen] == [
        ("Nicht gelesen", "", "", "Notizen"),
        ("Nicht gelesen", "Handlungsfelder", "Verantwortlich", ""),
        ("Nicht gelesen", "Empfehlungen", "Lfd., Notiz", ""),
    ]
    assert kennzahlen_json(anlage) == STANDARD_JSON
    # Excel rows: title rows 1–3, header row 4, data from row 5 with two empty rows skipped.
    assert anlage.empfehlungen["zeile"].tolist() == [5, 6, 7, 10, 11, 12]
    assert anlage.haushalt["zeile"].tolist() == [3, 6, 7]


def test_kopf_und_blattnamen_in_anderer_schreibweise():
    daten = mappe_bytes(
        koepfe={
            "Empfehlungen": [
                " HANDLUNGSFELD",
                "nr\xa0",
                "Ziel",
                "empfehlung ",
                "STATUS",
                "Bemerkung",
                "bezug\xa0 geflüchtete",
                "Quelle",
            ],
            "Einbürgerung": ["gebiet", "JAHR", "quote in\xa0%"],
            "Haushalt": ["Massnahme", "Betrag (€)", "jahr", "Handlungsfeld"],
        },
        blattnamen={"Einbürgerung": " einbürgerung ", "Haushalt": "HAUSHALT", "Handlungsfelder": "Handlungsfelder\xa0"},
    )
    anlage = lade_anlage(daten)
    assert anlage.warnungen == ()
    assert kennzahlen_json(anlage) == STANDARD_JSON
    assert anlage.hat_spalte("bezug_gefluechtete")


def _verbinde(*bereiche):
    def anpassen(wb: Workbook) -> None:
        for blatt, bereich in bereiche:
            wb[blatt].merge_cells(bereich)

    return anpassen


def test_verbundene_zellen_gelten_fuer_jede_zeile():
    # Handlungsfeld merged down A2:A4 (only A2 holds the value), Ziel merged over two rows.
    zeilen = [
        empfehlung(1, 1, ziel="Ziel A"),
        empfehlung(None, 2, "in Arbeit", ziel=None),
        empfehlung(None, 3, "ohne Angabe"),
        *EMPFEHLUNGEN[3:],
    ]
    anlage = lade_anlage(
        mappe_bytes(empfehlungen=zeilen, anpassen=_verbinde(("Empfehlungen", "A2:A4"), ("Empfehlungen", "C2:C3")))
    )
    assert kennzahlen_json(anlage) == STANDARD_JSON
    assert _zeilen(anlage.empfehlungen, ["handlungsfeld", "nr", "ziel"])[:4] == [
        [1, 1, "Ziel A"],
        [1, 2, "Ziel A"],
        [1, 3, ""],
        [2, 1, ""],
    ]


def test_kopfzelle_ueber_zwei_zeilen_verbunden_ist_keine_datenzeile():
    # "Status" merged down over the header row and the first data row must not fill that data row.
    zeilen = [empfehlung(1, 1, None), *EMPFEHLUNGEN[1:]]
    anlage = lade_anlage(mappe_bytes(empfehlungen=zeilen, anpassen=_verbinde(("Empfehlungen", "E1:E2"))))
    assert anlage.empfehlungen["status"].tolist()[0] == "ohne Angabe"


def test_statusvarianten_werden_abgebildet_und_gemeldet():
    zeilen = [
        empfehlung(1, 1, " UMGESETZT "),
        empfehlung(1, 2, "teilweise umgesetzt"),
        empfehlung(1, 3, "im Umsetzungsprozess"),
        empfehlung(2, 1, None),
        empfehlung(2, 2, "Teilweise  Umgesetzt"),
        empfehlung(2, 3, "nicht\xa0umgesetzt"),
        empfehlung(3, 1, "In Abstimmung"),
        empfehlung(3, 2, "teilweise umgesetzt"),
        empfehlung(3, 3, ""),
    ]
    anlage = lade_anlage(mappe_bytes(empfehlungen=zeilen))
    assert anlage.empfehlungen["status"].tolist() == [
        "umgesetzt",
        "in Arbeit",
        "in Arbeit",
        "ohne Angabe",
        "in Arbeit",
        "nicht umgesetzt",
        "in Abstimmung",
        "in Arbeit",
        "ohne Angabe",
    ]
    assert [b.als_text() for b in anlage.warnungen] == [
        "Blatt „Empfehlungen“, Zeile 2, Spalte „Status“: Status „ UMGESETZT “ wurde als „umgesetzt“ gelesen "
        "(1×, Zeile 2). Gefunden: „ UMGESETZT “.",
        "Blatt „Empfehlungen“, Zeile 3, Spalte „Status“: Status „teilweise umgesetzt“ wurde als „in Arbeit“ "
        "gelesen (2×, Zeilen 3, 9). Gefunden: „teilweise umgesetzt“.",
        "Blatt „Empfehlungen“, Zeile 4, Spalte „Status“: Status „im Umsetzungsprozess“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeile 4). Gefunden: „im Umsetzungsprozess“.",
        "Blatt „Empfehlungen“, Zeile 5, Spalte „Status“: Status „(leer)“ wurde als „ohne Angabe“ gelesen "
        "(2×, Zeilen 5, 10). Gefunden: „(leer)“.",
        "Blatt „Empfehlungen“, Zeile 6, Spalte „Status“: Status „Teilweise  Umgesetzt“ wurde als „in Arbeit“ "
        "gelesen (1×, Zeile 6). Gefunden: „Teilweise  Umgesetzt“.",
        "Blatt „Empfehlungen“, Zeile 8, Spalte „Status“: Status „In Abstimmung“ wurde als „in Abstimmung“ "
        "gelesen (1×, Zeile 8). Gefunden: „In Abstimmung“.",
    ]


# What a cell formatted as percent stores for 1,54 %, 1,36 % and no value.
QUOTEN_ALS_BRUCH = [[gebiet, jahr, None if quote is None else quote / 100] for gebiet, jahr, quote in EINBUERGERUNG]


def _prozentformat(zellen: str, format_: str = "0.00%"):
    def anpassen(wb: Workbook) -> None:
        for zeile in wb["Einbürgerung"][zellen]:
            for zelle in zeile:
                zelle.number_format = format_

    return anpassen


@pytest.mark.parametrize("format_", ["0.00%", "0%", '0.00" "%', "0.00 %;[Red]-0.00 %"])
def test_prozentformatierte_quote(format_):
    anlage = lade_anlage(mappe_bytes(einbuergerung=QUOTEN_ALS_BRUCH, anpassen=_prozentformat("C2:C4", format_)))
    assert kennzahlen_json(anlage)["einbuergerung"] == STANDARD_JSON["einbuergerung"]


def test_prozentformat_nach_speichern_mit_libreoffice():
    gespeichert = mit_libreoffice(
        mappe_bytes(einbuergerung=QUOTEN_ALS_BRUCH, anpassen=_prozentformat("C2:C4", "0.00%"))
    )
    if gespeichert is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    assert kennzahlen_json(lade_anlage(gespeichert))["einbuergerung"] == STANDARD_JSON["einbuergerung"]


def test_prozentzeichen_nur_im_format_text_ist_kein_prozent():
    # "0.00 "%"" would be text; a format like 0.00 "Pp." is no percentage: values stay as typed.
    anlage = lade_anlage(
        mappe_bytes(einbuergerung=EINBUERGERUNG, anpassen=_prozentformat("C2:C4", '0.00 "Pp. in \\%"'))
    )
    assert anlage.einbuergerung["quote_prozent"].tolist()[:2] == [1.54, 1.36]


def test_zahlen_als_deutscher_text():
    anlage = lade_anlage(
        mappe_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", "2016", "1,54 %"],
                ["Landkreis Esslingen", 2016, "1,36"],
                ["Landkreis Göppingen", 2016, "k. A."],
            ],
            haushalt=[
                ["Interkulturelle Öffnung", "60.000 €", 2017, "1"],
                ["Wohnraum-Expertise", "10.000,00", "2017", "HF 2"],
                ["Unternehmerpreis", " 30000 EUR ", 2017, ""],
                ["Dolmetscherpool", "1.234,56 Euro", 2017, "3. Sprache"],
            ],
        )
    )
    assert kennzahlen_json(anlage)["einbuergerung"] == STANDARD_JSON["einbuergerung"]
    assert _zeilen(anlage.haushalt, ["betrag", "handlungsfeld"]) == [
        [60000.0, 1],
        [10000.0, 2],
        [30000.0, None],
        [1234.56, 3],
    ]
    assert anlage.warnungen == ()


def test_summenzeile_wird_ausgelassen_mit_warnung():
    anlage = lade_anlage(mappe_bytes(haushalt=[*HAUSHALT, ["Summe", 100000, None, None]]))
    assert kennzahlen_json(anlage) == STANDARD_JSON
    assert _meldungen(anlage) == [
        ("Haushalt", 5, "Betrag", "100000", "Die Summenzeile wurde nicht als Maßnahme gezählt."),
    ]


def test_abweichende_gesamtzeile_wird_gemeldet():
    anlage = lade_anlage(mappe_bytes(haushalt=[*HAUSHALT, ["Gesamt:", "99.000 €", None, None]]))
    assert kennzahlen_json(anlage)["haushalt"]["summe_eur"] == 100000.0
    assert _meldungen(anlage) == [
        (
            "Haushalt",
            5,
            "Betrag",
            "99.000 €",
            "Die Summenzeile wurde nicht als Maßnahme gezählt. Sie weicht von der Summe der Maßnahmen darüber "
            "ab: dort 100.000,00\xa0€, in der Summenzeile 99.000,00\xa0€.",
        ),
    ]


def test_summenzeile_ohne_beschriftung_mit_passendem_betrag():
    anlage = lade_anlage(mappe_bytes(haushalt=[*HAUSHALT, [None, 100000, None, None]]))
    assert kennzahlen_json(anlage)["haushalt"] == STANDARD_JSON["haushalt"]
    assert [b.zeile for b in anlage.warnungen] == [5]


def test_massnahme_die_mit_gesamt_beginnt_ist_keine_summe():
    anlage = lade_anlage(mappe_bytes(haushalt=[*HAUSHALT, ["Gesamtkonzept Integration", 5000, 2017, 1]]))
    assert anlage.haushalt["massnahme"].tolist()[-1] == "Gesamtkonzept Integration"
    assert anlage.warnungen == ()


def test_formeln_mit_gespeicherten_werten():
    def formeln(wb: Workbook) -> None:
        ws = wb["Haushalt"]
        ws["B3"] = "=5000*2"
        ws.append(["Summe", "=SUM(B2:B4)", None, None])
        wb["Empfehlungen"]["B3"] = "=B2+1"
        wb["Einbürgerung"]["C2"] = "=ROUND(154/100,2)"

    gespeichert = mit_libreoffice(mappe_bytes(anpassen=formeln))
    if gespeichert is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    anlage = lade_anlage(gespeichert)
    assert kennzahlen_json(anlage) == STANDARD_JSON
    assert _meldungen(anlage) == [
        ("Haushalt", 5, "Betrag", "100000", "Die Summenzeile wurde nicht als Maßnahme gezählt.")
    ]


def test_datumsangaben_als_seriennummer_und_text():
    anlage = lade_anlage(
        mappe_bytes(
            meilensteine=[
                [42800, "Bilanz"],
                ["2015", "Amt"],
                ["2014 (Ende)", "Kreistag"],
                ["6.3.2017", "Text"],
                ["Juli 2017", "Treffen"],
            ],
            info=[["Stand", 42800], ["Bezeichnung", "Serien"]],
        )
    )
    assert anlage.stand == dt.date(2017, 3, 6)
    assert _zeilen(anlage.meilensteine, ["datum", "genauigkeit", "ereignis"]) == [
        [dt.date(2014, 12, 31), "jahresende", "Kreistag"],
        [dt.date(2015, 1, 1), "jahr", "Amt"],
        [dt.date(2017, 3, 6), "tag", "Bilanz"],
        [dt.date(2017, 3, 6), "tag", "Text"],
        [dt.date(2017, 7, 1), "monat", "Treffen"],
    ]


def test_stand_als_text():
    anlage = lade_anlage(mappe_bytes(info=[["Stand:", "06.03.2017"]]))
    assert (anlage.stand, anlage.bezeichnung) == (dt.date(2017, 3, 6), None)


@pytest.mark.parametrize("text", ["NA", "None", "null", "NaN", "n/a", "-"])
def test_fuellwoerter_bleiben_text(text):
    anlage = lade_anlage(mappe_bytes(empfehlungen=[empfehlung(1, 1, text=text, bemerkung=text, ziel=text)]))
    assert _zeilen(anlage.empfehlungen, ["empfehlung", "bemerkung", "ziel"]) == [[text, text, text]]


def test_excel_fehlerwerte_erscheinen_wie_in_excel():
    # openpyxl stores "#N/A" as an error cell (t="e"), just like Excel shows an error value.
    anlage = lade_anlage(mappe_bytes(empfehlungen=[empfehlung(1, 1, bemerkung="#N/A")]))
    assert anlage.empfehlungen["bemerkung"].tolist() == ["#N/A"]


def test_neuntes_handlungsfeld():
    anlage = lade_anlage(
        mappe_bytes(
            handlungsfelder=[*HANDLUNGSFELDER, [9, "Flüchtlingsperspektive", "„Schutz und Teilhabe“", ""]],
            empfehlungen=[*EMPFEHLUNGEN, empfehlung(9, 1, "in Arbeit"), empfehlung(9, 2, "ohne Angabe")],
            haushalt=[*HAUSHALT, ["Traumaberatung", 5000, 2017, 9]],
        )
    )
    daten = kennzahlen_json(anlage)
    assert [(f["nr"], f["name"], f["empfehlungen"]) for f in daten["handlungsfelder"]] == [
        (1, "Aufbrechen und Ankommen", 3),
        (2, "Wohnen", 2),
        (3, "Sprache", 1),
        (9, "Flüchtlingsperspektive", 2),
    ]
    assert daten["haushalt"]["nach_handlungsfeld"] == {"1": 60000.0, "2": 10000.0, "9": 5000.0}


def test_ohne_optionale_blaetter():
    anlage = lade_anlage(mappe_bytes(ohne=("Einbürgerung", "Haushalt", "Meilensteine", "Info")))
    assert anlage.vorhandene_blaetter == ("Handlungsfelder", "Empfehlungen")
    assert (anlage.stand, len(anlage.einbuergerung), len(anlage.haushalt), len(anlage.meilensteine)) == (None, 0, 0, 0)
    daten = kennzahlen_json(anlage)
    assert daten["stand"] is None
    assert daten["einbuergerung"] == []
    assert daten["haushalt"] == {
        "summe_eur": 0.0,
        "positionen": 0,
        "nach_handlungsfeld": {},
        "ohne_handlungsfeld_eur": 0.0,
    }
    assert daten["gesamt"] == STANDARD_JSON["gesamt"]


def test_ohne_optionale_spalten():
    anlage = lade_anlage(
        mappe_bytes(
            koepfe={
                "Empfehlungen": ["Handlungsfeld", "Nr", "Empfehlung", "Status"],
                "Handlungsfelder": ["Nr", "Handlungsfeld", "Leitsatz"],
            },
            empfehlungen=[[z[0], z[1], z[3], z[4]] for z in EMPFEHLUNGEN],
            handlungsfelder=[z[:3] for z in HANDLUNGSFELDER],
        )
    )
    assert not anlage.hat_spalte("bezug_gefluechtete")
    assert anlage.empfehlungen["bezug_gefluechtete"].tolist() == [None] * 6
    assert kennzahlen_json(anlage) == STANDARD_JSON


def test_handlungsfeld_als_name_oder_mit_praefix():
    zeilen = [empfehlung("Wohnen", 1), empfehlung("HF 1", 1), empfehlung("3. Sprache", 1), empfehlung(" wohnen ", 2)]
    anlage = lade_anlage(mappe_bytes(empfehlungen=zeilen))
    assert anlage.empfehlungen["handlungsfeld"].tolist() == [2, 1, 3, 2]


def test_doppelte_kopfspalte_nimmt_die_erste_mit_warnung():
    anlage = lade_anlage(
        mappe_bytes(
            koepfe={"Haushalt": ["Maßnahme", "Betrag", "Jahr", "Handlungsfeld", "Betrag"]},
            haushalt=[[*z, 1] for z in HAUSHALT],
        )
    )
    assert anlage.haushalt["betrag"].tolist() == [60000.0, 10000.0, 30000.0]
    assert _meldungen(anlage) == [
        (
            "Haushalt",
            1,
            "Betrag",
            "Betrag",
            "Die Spalte „Betrag“ steht mehrfach in der Kopfzeile; verwendet wird die erste („Betrag“).",
        )
    ]


def test_von_libreoffice_gespeicherte_testmappe():
    gespeichert = mit_libreoffice(mappe_bytes())
    if gespeichert is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    assert kennzahlen_json(lade_anlage(gespeichert)) == STANDARD_JSON


def test_bytes_und_pfad_geben_dasselbe(tmp_path):
    pfad = tmp_path / "m.xlsx"
    pfad.write_bytes(mappe_bytes())
    assert kennzahlen_json(lade_anlage(pfad)) == kennzahlen_json(lade_anlage(str(pfad))) == STANDARD_JSON


def test_jede_statusschreibweise_des_vertrags_wird_gelesen():
    """Every spelling in the contract's table is accepted, with ß or ss (one folding rule)."""
    from ipdaten.arbeitsmappe.vertrag import STATUS_VARIANTEN

    varianten = [v for v in STATUS_VARIANTEN if v]
    zusaetzlich = ["Angestossen", "ANGESTOSSEN", "vollstaendig umgesetzt"]
    zeilen = [empfehlung(1, nr, wort) for nr, wort in enumerate(varianten + zusaetzlich, start=1)]
    anlage = lade_anlage(mappe_bytes(empfehlungen=zeilen))
    erwartet = [STATUS_VARIANTEN[v] for v in varianten] + ["in Arbeit", "in Arbeit", "umgesetzt"]
    assert anlage.empfehlungen["status"].tolist() == erwartet

"""The plausibility layer on the Stand (issue 22): a Stand without a date is a finding, a date
written as „Stand: 06.03.2017“ in one cell, a title line or the file name is read with a
warning, and dates that contradict each other are a warning.

Every workbook is built in code and saved the way Excel saves it (shared strings).
"""

from __future__ import annotations

import datetime as dt

from ipdaten import lade_anlage
from ipdaten.arbeitsmappe.befunde import STAND
from tests.arbeitsmappen import KOPF, empfehlung, excel_bytes


def _stand_befunde(anlage) -> list[str]:
    return [b.meldung for b in anlage.warnungen if b.ursache == STAND]


def test_ohne_stand_ist_ein_befund():
    anlage = lade_anlage(excel_bytes(ohne=("Info",)), dateiname="Anlage1.xlsx")
    assert anlage.stand is None
    assert _stand_befunde(anlage) == [
        "Die Arbeitsmappe nennt kein Stand-Datum: kein Blatt „Info“ mit einer Zeile „Stand“, kein „Stand: …“ in einer "
        "Titelzeile oder im Dateinamen. Beim Veröffentlichen bitte das Datum eingeben; besser im Blatt „Info“ eine "
        "Zeile „Stand“ mit dem Datum der Auswertung eintragen."
    ]


def test_stand_in_einer_zelle_des_blatts_info():
    anlage = lade_anlage(excel_bytes(info=[["Stand: 06.03.2017"], ["Bezeichnung", "Testmappe"]]))
    assert anlage.stand == dt.date(2017, 3, 6)
    assert _stand_befunde(anlage) == [
        "Das Blatt „Info“ nennt keinen Stand; gelesen wurde „Stand: 06.03.2017“ (Blatt „Info“, Zeile 2) als Stand "
        "6. März 2017. Bitte im Blatt „Info“ eine Zeile „Stand“ mit dem Datum eintragen."
    ]


def test_stand_in_einer_titelzeile_auch_als_monat():
    anlage = lade_anlage(
        excel_bytes(
            ohne=("Info",), titelzeilen={"Empfehlungen": [["Umsetzung des Integrationsplans – Stand: März 2017"]]}
        )
    )
    assert anlage.stand == dt.date(2017, 3, 1)
    assert _stand_befunde(anlage) == [
        "Das Blatt „Info“ nennt keinen Stand; gelesen wurde „Umsetzung des Integrationsplans – Stand: März 2017“ "
        "(Titelzeile im Blatt „Empfehlungen“ (Zeile 1)) als Stand März 2017. Bitte im Blatt „Info“ eine Zeile „Stand“ "
        "mit dem Datum eintragen."
    ]


def test_stand_im_dateinamen(tmp_path):
    pfad = tmp_path / "Anlage 1 Stand 2017-09-30.xlsx"
    pfad.write_bytes(excel_bytes(ohne=("Info",)))
    anlage = lade_anlage(pfad)
    assert anlage.stand == dt.date(2017, 9, 30)
    assert _stand_befunde(anlage) == [
        "Das Blatt „Info“ nennt keinen Stand; gelesen wurde „Anlage 1 Stand 2017-09-30.xlsx“ (Dateiname „Anlage 1 "
        "Stand 2017-09-30.xlsx“) als Stand 30. September 2017. Bitte im Blatt „Info“ eine Zeile „Stand“ mit dem Datum "
        "eintragen."
    ]
    assert lade_anlage(pfad.read_bytes(), dateiname="Auswertung_Stand_20170930.xlsx").stand == dt.date(2017, 9, 30)
    # A date without „Stand“ (when the file was saved or copied) is no Stand.
    assert lade_anlage(pfad.read_bytes(), dateiname="Kopie vom 2019-01-02.xlsx").stand is None


def test_widerspruechliche_datumsangaben():
    anlage = lade_anlage(
        excel_bytes(
            titelzeilen={"Haushalt": [["Haushalt 2017 – Stand: 30.09.2017"]]},
            koepfe={"Empfehlungen": ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status 11/2017", "Bemerkung"]},
        ),
        dateiname="Anlage1_Stand_2017-03-06.xlsx",
    )
    assert anlage.stand == dt.date(2017, 3, 6)
    assert _stand_befunde(anlage) == [
        "Die Datumsangaben der Arbeitsmappe widersprechen sich: Blatt „Info“, Zeile „Stand“: 6. März 2017; "
        "Titelzeile im Blatt „Haushalt“ (Zeile 1): 30. September 2017; Spalte „Status 11/2017“ im Blatt "
        "„Empfehlungen“: November 2017. Gelesen wurde der Stand 6. März 2017; bitte prüfen, welches Datum gilt, und "
        "die anderen Angaben angleichen."
    ]


def test_uebereinstimmende_angaben_sind_kein_befund():
    anlage = lade_anlage(
        excel_bytes(titelzeilen={"Empfehlungen": [["Stand: 06.03.2017"]]}), dateiname="Anlage1_Stand2_2017-03-06.xlsx"
    )
    assert _stand_befunde(anlage) == []


def test_gemeldet_nach_dem_stand_und_quote_eines_jahres_das_zum_stand_nicht_vorbei_war():
    kopf = [*KOPF["Empfehlungen"], "Gemeldet am"]
    zeilen = [
        [*empfehlung(1, 1), dt.date(2017, 2, 20)],
        [*empfehlung(1, 2), dt.date(2017, 3, 6)],
        [*empfehlung(2, 1), dt.date(2017, 4, 3)],
        [*empfehlung(2, 2), dt.datetime(2017, 5, 2, 9, 30)],
        [*empfehlung(3, 1), None],
    ]
    einbuergerung = [
        ["Landkreis Böblingen", 2016, 1.54],
        ["Landkreis Böblingen", 2017, 1.61],
        ["Landkreis Esslingen", 2016, 1.36],
        ["Landkreis Esslingen", 2017, None],
    ]
    anlage = lade_anlage(excel_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": kopf}, einbuergerung=einbuergerung))
    assert anlage.stand == dt.date(2017, 3, 6)
    befunde = [(b.blatt, b.spalte, b.zeilen_text, b.meldung) for b in anlage.warnungen if b.ursache == STAND]
    assert befunde == [
        (
            "Empfehlungen",
            "Gemeldet am",
            "Zeilen 4–5",
            "„Gemeldet am“ liegt nach dem Stand 6. März 2017: 3. April 2017 (Zeile 4); 2. Mai 2017 (Zeile 5). Ein Stand "
            "kann keine später gemeldeten Angaben enthalten; bitte prüfen, ob das Stand-Datum oder das Meldedatum "
            "stimmt.",
        ),
        (
            "Einbürgerung",
            "Jahr",
            "Zeile 3",
            "Einbürgerungsquoten für 2017 bei einem Stand vom 6. März 2017: Die Quote eines Jahres gibt es erst nach "
            "dessen Ende. Bitte prüfen, ob das Jahr oder das Stand-Datum stimmt.",
        ),
    ]
    # The figures themselves stay as read.
    assert anlage.einbuergerung[["gebiet", "jahr", "quote_prozent"]].values.tolist()[1] == [
        "Landkreis Böblingen",
        2017,
        1.61,
    ]


def test_daten_bis_zum_stand_sind_kein_befund():
    kopf = [*KOPF["Empfehlungen"], "Gemeldet am"]
    anlage = lade_anlage(
        excel_bytes(
            empfehlungen=[[*empfehlung(1, 1), dt.date(2017, 3, 6)], [*empfehlung(2, 1), dt.date(2016, 12, 1)]],
            koepfe={"Empfehlungen": kopf},
            einbuergerung=[["Landkreis Böblingen", 2016, 1.54], ["Landkreis Böblingen", 2017, None]],
        )
    )
    assert _stand_befunde(anlage) == []

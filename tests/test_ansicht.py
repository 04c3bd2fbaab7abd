"""Pure helpers of the pages (ipdaten.darstellung.ansicht, .kopfzahl): headline figures, filters, display tables."""

from __future__ import annotations

import pytest

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung import ansicht, kopfzahl
from ipdaten.darstellung.auswertung import Auswertung
from tests.arbeitsmappen import empfehlung, mappe_bytes


def _auswertung(**kwargs) -> Auswertung:
    return Auswertung(lade_anlage(mappe_bytes(**kwargs)))


def test_kopfzahlen_der_testmappe():
    a = _auswertung()
    assert [(k.bezeichnung, k.wert, k.hilfe) for k in a.kopfzahlen] == [
        ("Handlungsempfehlungen", "6", "in 3 Handlungsfeldern"),
        ("davon umgesetzt", "33\xa0%", "2 von 6 Empfehlungen"),
        ("umgesetzt oder in Arbeit", "50\xa0%", "3 von 6 Empfehlungen"),
        ("Haushalt 2017", "100.000\xa0€", "Summe der im Bericht aufgeführten Positionen (3)"),
        ("Rang Landkreis Böblingen 2016", "1 von 2", "Einbürgerungsquote im Vergleich der Gebiete mit Angabe"),
        ("Einbürgerungsquote 2016", "1,54\xa0%", "Landkreis Böblingen; Mittel der Gebiete: 1,45\xa0%"),
    ]


def test_filter_nach_feld_status_bezug_und_text():
    a = _auswertung()
    e = a.anlage.empfehlungen

    def nr(**kw):
        return [
            f"{f}.{n}"
            for f, n in zip(
                *[
                    ansicht.empfehlungen_filtern(e, ansicht.EmpfehlungsFilter(**kw), suchtext=a.suchtexte)[c]
                    for c in ("handlungsfeld", "nr")
                ]
            )
        ]

    assert nr() == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1"]
    assert nr(feld=1) == ["1.1", "1.2", "1.3"]
    assert nr(status=("umgesetzt",)) == ["1.1", "2.1"]
    assert nr(status=()) == []
    assert nr(bezug=("ja",)) == ["2.1"]
    assert nr(bezug=("nein", "ohne Angabe"), feld=2) == ["2.2"]
    assert nr(suche="  AMT  2015 ") == ["1.1"]  # every word, any case, in Bemerkung
    assert nr(suche="empfehlung 2.") == ["2.1", "2.2"]
    # the same without a cached search text
    assert list(ansicht.empfehlungen_filtern(e, ansicht.EmpfehlungsFilter(suche="amt"))["nr"]) == [1]


def test_suche_ohne_umlaute_findet_umlaute():
    anlage = lade_anlage(mappe_bytes(empfehlungen=[empfehlung(1, 1, text="Förderung der Mütter"), empfehlung(1, 2)]))
    assert (
        len(ansicht.empfehlungen_filtern(anlage.empfehlungen, ansicht.EmpfehlungsFilter(suche="foerderung MÜTTER")))
        == 1
    )


def test_empfehlungen_tabelle_als_text():
    a = _auswertung()
    tabelle = ansicht.empfehlungen_tabelle(a.anlage.empfehlungen.iloc[:2], a.anlage.feldnamen, mit_bezug=True)
    assert tabelle.to_dict("records") == [
        {
            "Handlungsfeld": "1 Aufbrechen und Ankommen",
            "Nr": "1.1",
            "Empfehlung": "Empfehlung 1.1",
            "Status": "umgesetzt",
            "Kennzeichnung": "",
            "Ziel": "",
            "Bemerkung": "Amt 2015 eingerichtet",
            "Bezug Geflüchtete": "ohne Angabe",
            "Quelle": "Test",
        },
        {
            "Handlungsfeld": "1 Aufbrechen und Ankommen",
            "Nr": "1.2",
            "Empfehlung": "Empfehlung 1.2",
            "Status": "in Arbeit",
            "Kennzeichnung": "",
            "Ziel": "",
            "Bemerkung": "",
            "Bezug Geflüchtete": "ohne Angabe",
            "Quelle": "Test",
        },
    ]
    assert list(ansicht.empfehlungen_tabelle(a.anlage.empfehlungen.iloc[:1]).columns) == [
        "Nr",
        "Empfehlung",
        "Status",
        "Kennzeichnung",
        "Ziel",
        "Bemerkung",
        "Quelle",
    ]


def test_annahmen_werden_gezaehlt():
    anlage = lade_anlage(
        mappe_bytes(
            empfehlungen=[
                empfehlung(1, 1, quelle="Annahme"),
                empfehlung(1, 2, bemerkung="PLATZHALTER"),
                empfehlung(1, 3),
            ]
        )
    )
    assert Auswertung(anlage).annahmen.empfehlungen == 2


def test_feld_aus_parameter():
    felder = {1: "Eins", 12: "Zwölf"}
    assert [ansicht.feld_aus_parameter(w, felder) for w in ("1", " 12 ", "3", "x", "-1", "", None)] == [
        1,
        12,
        None,
        None,
        None,
        None,
        None,
    ]


def test_einbuergerung_und_haushalt_als_text():
    a = _auswertung()
    assert ansicht.einbuergerung_tabelle(a.einbuergerung_im_jahr(2016)).values.tolist() == [
        ["1.", "Landkreis Böblingen", "1,54\xa0%", "+0,09\xa0Pp.", "±0,00\xa0Pp."],
        ["2.", "Landkreis Esslingen", "1,36\xa0%", "−0,09\xa0Pp.", "−0,18\xa0Pp."],
        ["–", "Landkreis Göppingen", "keine Angabe", "–", "–"],
    ]
    assert [(k.bezeichnung, k.wert) for k in kopfzahl.einbuergerung_kennzahlen(a.einbuergerung_im_jahr(2016))] == [
        ("Quote Landkreis Böblingen", "1,54\xa0%"),
        ("Rang in der Region", "1 von 2"),
        ("Mittel der Gebiete", "1,45\xa0%"),
        ("Abstand zum Mittel", "+0,09\xa0Pp."),
    ]
    h = a.haushalt(2017)
    assert ansicht.haushalt_tabelle(h.massnahmen)["Betrag"].tolist() == ["60.000\xa0€", "30.000\xa0€", "10.000\xa0€"]
    assert [
        (k.bezeichnung, k.wert)
        for k in kopfzahl.haushalt_kennzahlen(h.summe_eur, h.positionen, h.ohne_handlungsfeld_eur)
    ] == [
        ("Summe der im Bericht aufgeführten Positionen", "100.000\xa0€"),
        ("Positionen", "3"),
        ("ohne Zuordnung zu einem Handlungsfeld", "30.000\xa0€"),
    ]


def test_verteilung_tabelle():
    a = _auswertung()
    tabelle = ansicht.verteilung_tabelle(a.verteilung, ansicht.vorhandene_status(a.gesamt))
    assert tabelle.iloc[0].tolist() == [
        "1 Aufbrechen und Ankommen",
        "3",
        "1 (33,3\xa0%)",
        "1 (33,3\xa0%)",
        "0 (0,0\xa0%)",
        "0 (0,0\xa0%)",
        "1 (33,3\xa0%)",
    ]


@pytest.mark.parametrize(
    ("text", "laenge", "erwartet"),
    [
        ("kurz", 10, "kurz"),
        ("eins zwei drei vier", 10, "eins zwei…"),
        ("eins zwei drei vier", 12, "eins zwei…"),
        ("eins zwei, drei", 11, "eins zwei…"),
        ("a" * 200, 10, "a" * 9 + "…"),
    ],
)
def test_kuerzen_eine_regel_fuer_seiten_folien_und_befunde(text, laenge, erwartet):
    from ipdaten import format as fmt

    assert fmt.kuerzen(text, laenge) == erwartet
    assert len(fmt.kuerzen(text, laenge)) <= laenge

"""Numbers decided once per column (issue 22): the decimal sign from all of a column's values,
the unit the header or every cell names; a mixed column is refused, never guessed cell by cell.
And the budget: an amount outside what one measure costs is flagged.

Every workbook is built in code and saved the way Excel saves it (shared strings).
"""

from __future__ import annotations

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.befunde import HAUSHALT, ZAHLEN
from tests.arbeitsmappen import excel_bytes


def _quoten(anlage) -> list[float]:
    return anlage.einbuergerung["quote_prozent"].tolist()


def test_spalte_mit_dezimalpunkt_liest_jede_zahl_so():
    anlage = lade_anlage(
        excel_bytes(
            einbuergerung=[
                ["Landkreis Böblingen", 2016, "1.54"],
                ["Landkreis Esslingen", 2016, "1.500"],
                ["Rems-Murr-Kreis", 2016, 1.2],
            ]
        )
    )
    # „1.500“ alone would be 1.500 in German; the column writes „1.54“, so it is 1,5.
    assert _quoten(anlage) == [1.54, 1.5, 1.2]
    assert [(b.code, b.ursache, b.meldung) for b in anlage.warnungen] == [
        (
            "zahlen.dezimalpunkt",
            ZAHLEN,
            "Die Spalte schreibt Zahlen mit Dezimalpunkt (z. B. „1.54“); alle ihre Zahlen wurden so gelesen („1.500“ als 1,5).",
        )
    ]


def test_deutsche_spalte_bleibt_deutsch():
    anlage = lade_anlage(excel_bytes(haushalt=[["A", "1.500", 2017, 1], ["B", "22.400,50 €", 2017, 2]]))
    assert anlage.haushalt["betrag"].tolist() == [1500.0, 22400.5]
    assert anlage.warnungen == ()


def test_gemischte_spalte_wird_nie_zelle_fuer_zelle_geraten():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(
            excel_bytes(einbuergerung=[["Landkreis Böblingen", 2016, "1,54"], ["Landkreis Esslingen", 2016, "1.36"]])
        )
    assert [(b.code, b.zeilen_text, b.meldung) for b in fehler.value.fehler] == [
        (
            "zahlen.schreibweise_gemischt",
            "Zeile 2",
            "Die Spalte schreibt Zahlen auf zwei Arten – mit Dezimalkomma (z. B. „1,54“, Zeile 2) und mit Dezimalpunkt "
            "(z. B. „1.36“, Zeile 3). Was „1.500“ bedeutet, lässt sich so nicht sagen; bitte eine Schreibweise wählen "
            "(in Excel am besten als Zahl, nicht als Text).",
        )
    ]


def test_tausend_euro_in_jeder_zelle_gilt_fuer_die_spalte():
    anlage = lade_anlage(excel_bytes(haushalt=[["A", "60 T€", 2017, 1], ["B", "12,5 T€", 2017, 2]]))
    assert anlage.haushalt["betrag"].tolist() == [60000.0, 12500.0]
    assert [b.meldung for b in anlage.warnungen] == [
        "Die Beträge stehen in Tausend Euro („T€ in jeder Zelle“); sie wurden mit 1.000 multipliziert (z. B. 60 → 60.000 €)."
    ]


def test_tausend_euro_nur_in_einigen_zellen_wird_abgelehnt():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(excel_bytes(haushalt=[["A", "60 T€", 2017, 1], ["B", 10000, 2017, 2]]))
    assert [(b.code, b.zeile) for b in fehler.value.fehler] == [("zahlen.einheit_gemischt", 2)]


def test_betrag_ausserhalb_dessen_was_eine_massnahme_kostet():
    anlage = lade_anlage(
        excel_bytes(
            haushalt=[
                ["Dolmetscherpool", 60, 2017, 1],
                ["Wohnraum", 10000, 2017, 2],
                ["Gesamtetat", 5000000, 2017, None],
            ]
        )
    )
    assert anlage.haushalt["betrag"].tolist() == [60.0, 10000.0, 5000000.0]
    assert [
        (b.ursache, b.zeilen_text, b.meldung) for b in anlage.warnungen if b.code == "plausibel.betrag_unplausibel"
    ] == [
        (
            HAUSHALT,
            "Zeilen 2, 4",
            "Ein Betrag unter 100\xa0€ oder über 1.000.000\xa0€ ist für eine Maßnahme ungewöhnlich: „Dolmetscherpool“ "
            "60\xa0€ (Zeile 2); „Gesamtetat“ 5.000.000\xa0€ (Zeile 4). Bitte prüfen, ob die Einheit stimmt (Tausend Euro "
            "„T€“ im Kopf der Spalte?) und ob eine Summe oder ein Betrag in Cent als Maßnahme steht.",
        )
    ]

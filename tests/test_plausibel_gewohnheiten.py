"""Habits of offices' workbooks (issue 22): status words with trailing punctuation, a header row
repeated inside the table, Excel's Teilergebnis rows, and a cell holding two statuses in the
proposed mapping.

Every workbook is built in code and saved the way Excel saves it (shared strings), the one with
real SUBTOTAL formulas through LibreOffice.
"""

from __future__ import annotations

import pytest

from ipdaten import lade_anlage
from ipdaten.arbeitsmappe import schlage_zuordnung_vor
from ipdaten.zahlen.kennzahlen import status_gesamt
from tests.arbeitsmappen import EMPFEHLUNGEN, KOPF, empfehlung, excel_bytes, mappe_bytes, mit_libreoffice


def _status(anlage) -> list[str]:
    return anlage.empfehlungen["status"].astype(str).tolist()


def test_status_mit_satzzeichen_am_ende_wie_gross_und_kleinschreibung():
    zeilen = [empfehlung(1, 1, "Umgesetzt."), empfehlung(1, 2, "in Arbeit;"), empfehlung(2, 1, "erledigt!")]
    anlage = lade_anlage(excel_bytes(empfehlungen=zeilen))
    assert _status(anlage) == ["umgesetzt", "in Arbeit", "umgesetzt"]
    assert [b.meldung for b in anlage.warnungen] == [
        "Status „Umgesetzt.“ wurde als „umgesetzt“ gelesen (1×, Zeile 2).",
        "Status „in Arbeit;“ wurde als „in Arbeit“ gelesen (1×, Zeile 3).",
        "Status „erledigt!“ wurde als „umgesetzt“ gelesen (1×, Zeile 4).",
    ]


def test_wiederholte_kopfzeile_wird_uebersprungen():
    zeilen = [*EMPFEHLUNGEN[:3], [None] * 8, list(KOPF["Empfehlungen"]), *EMPFEHLUNGEN[3:]]
    anlage = lade_anlage(excel_bytes(empfehlungen=zeilen))
    assert len(anlage.empfehlungen) == 6
    assert status_gesamt(anlage)["status"]["umgesetzt"] == 2
    assert [(b.code, b.meldung, b.zeilen_text) for b in anlage.warnungen] == [
        (
            "tabelle.kopf_wiederholt",
            "Die Kopfzeile steht in der Tabelle noch einmal (Zeile 6) – vermutlich wurden Blöcke zusammenkopiert; "
            "diese Zeilen wurden übersprungen, die Zeilen darunter gelesen.",
            "Zeile 6",
        )
    ]


def _teilergebnisse(zahl=lambda von, bis: bis - von + 1) -> list[list]:
    """The default rows with Excel's Teilergebnis rows (grouped by Handlungsfeld, „Anzahl“ of Status)."""
    zeilen, start = [], 2
    for feld in (1, 2, 3):
        eigene = [z for z in EMPFEHLUNGEN if z[0] == feld]
        zeilen += eigene
        ende = start + len(eigene) - 1
        zeilen.append([f"{feld} Anzahl", None, None, None, zahl(start, ende), None, None, None])
        start = ende + 2
    zeilen.append(["Gesamtanzahl", None, None, None, zahl(2, start - 1), None, None, None])
    return zeilen


def test_teilergebnis_zeilen_sind_summen_und_keine_statuswoerter():
    anlage = lade_anlage(excel_bytes(empfehlungen=_teilergebnisse()))
    assert len(anlage.empfehlungen) == 6
    assert _status(anlage) == [z[4] for z in EMPFEHLUNGEN]
    assert [(b.code, b.zeilen_text) for b in anlage.warnungen] == [("zeile.summenzeile", "Zeilen 5, 8, 10–11")]


def test_teilergebnis_mit_formeln_durch_libreoffice():
    daten = mit_libreoffice(mappe_bytes(empfehlungen=_teilergebnisse(lambda von, bis: f"=SUBTOTAL(3,E{von}:E{bis})")))
    if daten is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    anlage = lade_anlage(daten)
    assert _status(anlage) == [z[4] for z in EMPFEHLUNGEN]
    assert [(b.code, b.zeilen_text) for b in anlage.warnungen] == [("zeile.summenzeile", "Zeilen 5, 8, 10–11")]


def test_vorschlag_waehlt_fuer_zwei_status_in_einer_zelle_nichts_vor_und_bietet_teilergebnisse_nicht_an():
    zeilen = _teilergebnisse()
    zeilen[0] = empfehlung(1, 1, "umgesetzt / in Arbeit")
    zeilen[1] = empfehlung(1, 2, "nicht begonnen, laufend")
    zeilen[2] = empfehlung(1, 3, "fertig")
    vorschlag = schlage_zuordnung_vor(excel_bytes(empfehlungen=zeilen))
    assert {k.ziel: k.vorschlag for k in vorschlag.kandidaten if k.art == "status"} == {
        "umgesetzt / in Arbeit": None,
        "nicht begonnen, laufend": None,
        "fertig": "umgesetzt",
    }


def test_zwei_status_in_einer_zelle_werden_mit_grund_abgelehnt():
    from ipdaten import AnlageUngueltig

    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(excel_bytes(empfehlungen=[*EMPFEHLUNGEN, empfehlung(3, 2, "umgesetzt / in Arbeit")]))
    assert "„umgesetzt / in Arbeit“ in Zeile 8 – zwei Status in einer Zelle; bitte den einen eintragen, der gilt" in (
        fehler.value.fehler[0].meldung
    )


@pytest.mark.parametrize("mit_insgesamt", [True, False], ids=["mit Insgesamt", "Gruppen summiert"])
def test_flatfile_12411_03_03_4_insgesamt_oder_summierte_gruppen(mit_insgesamt):
    from ipdaten.amtlich.ablauf import einbuergerung_aus_statistik
    from ipdaten.amtlich.quote import rangfolge
    from tests.arbeitsmappen import standard_bytes
    from tests.statistikdateien import RANGFOLGE_2016, bevoelkerung_altersgruppen_ffcsv, einbuergerungen_csv

    dateien = [
        ("12511-01-01-4.csv", einbuergerungen_csv()),
        ("12411-03-03-4_flat.csv", bevoelkerung_altersgruppen_ffcsv(mit_insgesamt=mit_insgesamt)),
    ]
    lauf = einbuergerung_aus_statistik(
        dateien, standard_bytes(), ["08111", "08115", "08116", "08117", "08118", "08119"], [2016]
    )
    assert lauf.befunde == []
    # The same quota as from the classic table, computed by hand.
    assert [(r.rang, r.gebiet, r.quote_prozent) for r in rangfolge(lauf.ergebnis, 2016).itertuples()] == RANGFOLGE_2016
    gelesen = [z for z in lauf.bericht() if z.startswith("Gelesen:")]
    assert gelesen == (
        []
        if mit_insgesamt
        else [
            "Gelesen: ausländische Bevölkerung: Die Datei enthält keine Zeilen „Insgesamt“ für Geschlecht, "
            "Altersgruppen (unter 3 bis 90 u. m.); die Werte wurden über diese Gruppen summiert (6 Gruppen je Kreis)."
        ]
    )


def test_flatfile_summe_mit_zeichen_ist_keine_angabe():
    from ipdaten.amtlich.statistikdatei import lies_statistik
    from tests.statistikdateien import bevoelkerung_altersgruppen_ffcsv

    daten = bevoelkerung_altersgruppen_ffcsv({(2015, "08115"): 52000, (2015, "08116"): 70000}, mit_insgesamt=False)
    zeilen = daten.decode("utf-8").split("\n")
    zeilen[1] = zeilen[1].replace(";8670;", ";.;")  # one group of Böblingen secret
    werte = lies_statistik("\n".join(zeilen).encode("utf-8"), "12411-03-03-4_flat.csv").werte.set_index("kreis")
    assert werte.loc["08115", "zeichen"] == "." and werte.loc["08115", "wert"] != werte.loc["08115", "wert"]
    assert werte.loc["08116", "wert"] == 70000.0

"""The plausibility checks run on every path (issue 22), each tested once: the upload on the Daten
page (with the receipt at the top of the preview), the command line (`pruefen` with the receipt,
`kennzahlen`, `bericht`, `einbuergerung`), the statistics import, the Rückmelde merge.

The same implausible figure travels every path: a quota of 15,40 % (no German Kreis has one).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from ipdaten.amtlich.ablauf import einbuergerung_aus_statistik
from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.arbeitsmappe.befunde import EINBUERGERUNG
from ipdaten.arbeitsmappe.plausibel import pruefe_plausibilitaet
from tests.arbeitsmappen import aendere_mappe, excel_bytes, standard_bytes, wie_excel
from tests.kommandozeile import rufe
from tests.seiten_hilfen import oeffne
from tests.statistikdateien import EINBUERGERUNGEN_2016, bevoelkerung_csv, einbuergerungen_csv

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZU_HOCH = "Eine Einbürgerungsquote außerhalb von etwa 0,2 bis 5\xa0% kommt in deutschen Kreisen kaum vor"
EINBUERGERUNG_ZU_HOCH = [["Landkreis Böblingen", 2016, 1.54], ["Landkreis Esslingen", 2016, 15.4]]


def _datei(tmp_path, name: str = "anlage.xlsx") -> str:
    pfad = tmp_path / name
    pfad.write_bytes(excel_bytes(einbuergerung=EINBUERGERUNG_ZU_HOCH))
    return str(pfad)


def test_upload_quittung_am_anfang_der_vorschau():
    at = oeffne("seiten/daten.py").run()
    at.file_uploader(key="anlage_upload").set_value(
        ("neu.xlsx", excel_bytes(einbuergerung=EINBUERGERUNG_ZU_HOCH), XLSX)
    ).run()
    assert not at.exception and not at.error
    kopf = [h.value for h in at.header]
    assert kopf.index("Vorschau – nicht veröffentlicht") >= 0
    quittung = at.get("subheader")
    assert "Was gelesen wurde" in [q.value for q in quittung]
    zeilen = re.sub(r"\\(.)", r"\1", next(m.value for m in at.markdown if m.value.startswith("- **Blätter:**")))
    assert "- **Einbürgerung:** 2 Gebiete, Jahr 2016; Landkreis Böblingen 2016: 1,54\xa0%" in zeilen
    assert "- **Hinweise:** Einbürgerung 1" in zeilen
    assert "**Einbürgerung** (1)" in [m.value for m in at.markdown]
    meldungen = [m for t in at.table if "Meldung" in t.value.columns for m in t.value["Meldung"]]
    assert any(m.startswith(ZU_HOCH) for m in meldungen)


def test_cli_pruefen_mit_quittung(tmp_path):
    ergebnis = rufe("pruefen", _datei(tmp_path))
    assert ergebnis.returncode == 0
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[zeilen.index("Was gelesen wurde:") + 7] == "  Hinweise:     Einbürgerung 1"
    assert zeilen[-2] == "1 Warnung(en):"
    assert zeilen[-1].startswith(f"- Blatt „Einbürgerung“, Zeile 3, Spalte „Quote in %“: {ZU_HOCH}")


def test_cli_kennzahlen_json_traegt_die_hinweise(tmp_path):
    ergebnis = rufe("kennzahlen", _datei(tmp_path), "--json")
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    hinweise = json.loads(ergebnis.stdout)["hinweise"]
    assert [(h["ursache"], h["blatt"], h["zeilen"]) for h in hinweise] == [("Einbürgerung", "Einbürgerung", "Zeile 3")]
    assert hinweise[0]["meldung"].startswith(ZU_HOCH)


def test_cli_bericht_nennt_die_hinweise(tmp_path):
    ziel = tmp_path / "vorlage.docx"
    ergebnis = rufe("bericht", _datei(tmp_path), "-o", str(ziel))
    assert ergebnis.returncode == 0 and ziel.is_file()
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[1:] == [
        "1 Hinweis(e) zur Arbeitsmappe:",
        f"- Blatt „Einbürgerung“, Zeile 3, Spalte „Quote in %“: {ZU_HOCH}; bitte prüfen, ob Spalte, Einheit (Prozent "
        "oder Anteil) und Komma stimmen. Gefunden: „Landkreis Esslingen 2016: 15,40\xa0%“.",
    ]


def _statistik() -> list[tuple[str, bytes]]:
    """Böblingen with 5.000 naturalisations of 52.000 foreigners: a quota of 9,62 %."""
    werte = {(2016, k): v for k, v in EINBUERGERUNGEN_2016.items()} | {(2016, "08115"): 5000}
    return [("12511-01-01-4.csv", einbuergerungen_csv(werte)), ("12411-03-03-4.csv", bevoelkerung_csv())]


def test_statistikimport_prueft_die_neuen_quoten():
    lauf = einbuergerung_aus_statistik(_statistik(), standard_bytes(), ["08111", "08115", "08116"], [2016])
    assert lauf.befunde == []
    assert [(b.ursache, b.wert) for b in lauf.hinweise] == [(EINBUERGERUNG, "Landkreis Böblingen 2016: 9,62\xa0%")]


def test_cli_einbuergerung_nennt_die_hinweise(tmp_path):
    pfade = []
    for name, daten in _statistik():
        (tmp_path / name).write_bytes(daten)
        pfade.append(str(tmp_path / name))
    ziel = tmp_path / "neu.xlsx"
    ergebnis = rufe(
        "einbuergerung", *pfade, "--mappe", "daten/anlage1.xlsx", "-o", str(ziel), "--kreise", "08115,08116"
    )
    assert ergebnis.returncode == 0, ergebnis.stderr
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[-2] == "1 Hinweis(e) zu den Einbürgerungsquoten:"
    assert "Gefunden: „Landkreis Böblingen 2016: 9,62\xa0%“." in zeilen[-1]


def test_rueckmelde_zusammenfuehrung_prueft_die_fortgeschriebene_mappe():
    from ipdaten.rueckmeldung.eingang import lies_boegen
    from ipdaten.rueckmeldung.zusammenfuehren import zusammenfuehren
    from tests import rueckmeldebogen as rb

    def zu_hoch(wb):
        blatt = wb["Einbürgerung"]
        for zeile in blatt.iter_rows(min_row=2):
            if zeile[0].value == "Landkreis Esslingen":
                zeile[2].value = 15.4

    mappe = wie_excel(aendere_mappe(rb.mappe(), zu_hoch))
    basis = lade_anlage(mappe)
    runde = rb.runde(daten=mappe)
    bogen = rb.fuelle(rb.leerer_bogen("jobcenter", runde, basis), {"3.1": {"Status neu": "in Arbeit"}})
    eingang = lies_boegen([("jobcenter.xlsx", bogen)], runde, basis)
    ergebnis = zusammenfuehren(eingang.rueckmeldungen, eingang.konflikte, mappe, basis, heute=dt.date(2017, 11, 2))
    assert ergebnis.fertig
    assert [(b.ursache, b.wert) for b in ergebnis.hinweise] == [(EINBUERGERUNG, "Landkreis Esslingen 2016: 15,40\xa0%")]
    assert ergebnis.hinweise == pruefe_plausibilitaet(ergebnis.fortschreibung.anlage).befunde

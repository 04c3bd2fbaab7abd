"""Page Daten & Stände through AppTest: bad uploads, preview, publishing, password rules."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ipdaten import lade_anlage
from ipdaten.ablage import Ablage, ablage_verzeichnis, sha256
from ipdaten.redakteur import Redakteur
from oberflaeche.literal import literal
from tests.arbeitsmappen import (
    STANDARD_PFAD,
    aendere_mappe,
    empfehlung,
    mappe_bytes,
    ueberarbeitete_standard_bytes,
)
from tests.conftest import TEST_PASSWORT
from tests.seiten_hilfen import anmelden, gelesen, hat_button, oeffne, veroeffentlichen

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _daten_seite() -> AppTest:
    at = oeffne("seiten/daten.py").run()
    assert not at.exception
    return at


def _hochladen(at: AppTest, daten: bytes, name: str = "anlage1_neu.xlsx") -> AppTest:
    at.file_uploader(key="anlage_upload").set_value((name, daten, XLSX)).run()
    assert not at.exception
    return at


def _veroeffentlichen(at: AppTest, passwort: str = TEST_PASSWORT) -> AppTest:
    """Unlock editing with the password when needed and press "Veröffentlichen"."""
    return veroeffentlichen(at, passwort)


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _befund_tabellen(at: AppTest) -> list:
    """Every findings table on the page (HTML tables), as the user reads them (escapes removed)."""
    tabellen = [t.value for t in at.table if "Meldung" in t.value.columns]
    return [t.map(lambda w: re.sub(r"\\(.)", r"\1", w) if isinstance(w, str) else w) for t in tabellen]


def _befund_meldungen(at: AppTest) -> list[str]:
    """The column Meldung of every findings table on the page."""
    return [m for tabelle in _befund_tabellen(at) for m in tabelle["Meldung"]]


def _zip_bombe() -> bytes:
    """A real xlsx whose first sheet inflates to 70 MB of spaces (compressed a few hundred KB)."""
    original = mappe_bytes()
    ziel = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as alt, zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for eintrag in alt.infolist():
            if eintrag.filename == "xl/worksheets/sheet1.xml":
                with neu.open(eintrag.filename, "w", force_zip64=True) as teil:
                    teil.write(b'<?xml version="1.0"?><worksheet>')
                    block = b" " * (1024 * 1024)
                    for _ in range(70):
                        teil.write(block)
                    teil.write(b"</worksheet>")
            else:
                neu.writestr(eintrag.filename, alt.read(eintrag.filename))
    return ziel.getvalue()


def _formel_ohne_wert(wb):
    wb["Handlungsfelder"]["A3"] = "=A2+1"


SCHLECHTE_DATEIEN = {
    "csv-umbenannt": (
        lambda: "Nr;Handlungsfeld;Leitsatz\n1;Wohnen;„Wohnen und Wohlfühlen“\n".encode(),
        "Die Datei ist eine Textdatei (CSV), keine Excel-Arbeitsmappe",
    ),
    "abgeschnitten": (lambda: mappe_bytes()[:3000], "Die Datei ist beschädigt oder unvollständig"),
    "leer": (lambda: b"", "Die Datei ist leer (0 Byte)."),
    "altes-xls": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000),
        "Die Datei ist im alten Excel-Format (.xls, Excel 97–2003).",
    ),
    "kennwort": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le") + bytes(600),
        "Die Arbeitsmappe ist mit einem Kennwort geschützt",
    ),
    "zip-bombe": (_zip_bombe, "Die Arbeitsmappe würde entpackt 70,0 MB belegen"),
    "unbekannter-status": (
        lambda: mappe_bytes(empfehlungen=[empfehlung(1, 1, "vielleicht bald")]),
        "Status nicht erkannt: „vielleicht bald“ in Zeile 2 – unbekannt.",
    ),
    "pflichtblatt-fehlt": (lambda: mappe_bytes(ohne=("Empfehlungen",)), "Das Pflichtblatt „Empfehlungen“ fehlt."),
    "feld-nicht-definiert": (
        lambda: mappe_bytes(empfehlungen=[empfehlung(7, 1, "umgesetzt")]),
        "Das Handlungsfeld 7 ist im Blatt „Handlungsfelder“ nicht definiert",
    ),
    "nr-doppelt": (
        lambda: mappe_bytes(empfehlungen=[empfehlung(1, 1), empfehlung(1, 1)]),
        "Die Nr 1 ist im Handlungsfeld 1 doppelt vergeben",
    ),
    "formel-ohne-wert": (
        lambda: mappe_bytes(anpassen=_formel_ohne_wert),
        "Das Blatt enthält Formeln, deren Ergebnis nie berechnet",
    ),
}


@pytest.mark.parametrize("art", list(SCHLECHTE_DATEIEN))
def test_schlechte_datei_zeigt_deutschen_befund_und_aendert_nichts(art):
    baue, erwartet = SCHLECHTE_DATEIEN[art]
    at = _hochladen(_daten_seite(), baue())
    fehler = [e.value for e in at.error]
    assert len(fehler) == 1 and "wurde nicht übernommen" in fehler[0]
    assert "Der veröffentlichte Stand bleibt unverändert." in fehler[0]
    meldungen = _befund_meldungen(at)
    assert any(m.startswith(erwartet) for m in meldungen), meldungen
    # Nothing changed: no preview, no publish button, still Stand 1 everywhere.
    assert not [w for w in at.warning if "Vorschau" in w.value]
    assert not _hat_button(at, "veroeffentlichen")
    assert [s.nr for s in _ablage().staende()] == [1]
    assert "**Stand der Daten:** Nr. 1 · 06.03.2017" in [c.value for c in at.sidebar.caption]
    at.switch_page("seiten/uebersicht.py").run()
    assert not at.exception
    assert not [w for w in at.warning if "Vorschau" in w.value]


_hat_button = hat_button


def test_gueltige_datei_wird_vorschau_mit_aenderungen_nur_in_dieser_sitzung():
    at = _hochladen(_daten_seite(), ueberarbeitete_standard_bytes())
    assert [s.value for s in at.success] == ["Die Datei „anlage1\\_neu\\.xlsx“ ist gültig."]
    assert any("Diese Sitzung zeigt auf allen Seiten die Datei" in w.value for w in at.warning)
    # The page header of this very run already shows the preview (the upload callback runs first).
    assert any("Vorschau – nicht veröffentlicht" in w.value for w in at.warning)
    assert any("Vorschau der hochgeladenen Datei" in c.value for c in at.caption)
    zusammenfassung = " ".join(m.value for m in at.markdown)
    assert "**Statuswechsel:** 1 × in Arbeit → umgesetzt." in zusammenfassung
    assert "**Neue Empfehlungen:** 2." in zusammenfassung
    assert "**Neue Handlungsfelder:** 9 Flüchtlingsperspektive." in zusammenfassung
    kennzahlen = {m.label: (m.value, m.delta) for m in at.metric}
    assert kennzahlen["Empfehlungen"] == ("183", "+2")
    assert kennzahlen["Anteil umgesetzt"] == ("33\u00a0%", "+0,7\u00a0Pp.")  # 60/183 vs 58/181
    assert _hat_button(at, "redakteur_anmelden")  # the editor gate first
    anmelden(at)
    assert _hat_button(at, "veroeffentlichen")
    assert next(d for d in at.date_input if d.label.startswith("Stand")).value.isoformat() == "2017-09-30"
    assert [s.nr for s in _ablage().staende()] == [1]
    # Every page of this session shows the preview, marked as such.
    at.switch_page("seiten/uebersicht.py").run()
    assert any("Vorschau – nicht veröffentlicht" in w.value for w in at.warning)
    # Another session still sees the published Stand.
    andere = AppTest.from_file(APP, default_timeout=60).run()
    assert not [w for w in andere.warning if "Vorschau" in w.value]


def test_veroeffentlichen_macht_die_vorschau_zum_neuen_stand():
    daten = ueberarbeitete_standard_bytes()
    at = anmelden(_hochladen(_daten_seite(), daten, "Anlage 1 Herbst.xlsx"), name="Maria Muster")
    at.text_input(key=f"stand_bezeichnung_{sha256(daten)[:16]}").set_value("Herbst 2017")  # sent with the form
    at.text_input(key=f"stand_kommentar_{sha256(daten)[:16]}").set_value("Rückmeldungen der VHS eingearbeitet")
    _veroeffentlichen(at)
    assert not at.exception
    assert at.success[0].value.startswith("Veröffentlicht als **Nr\\. 2 · 30\\. September 2017")
    staende = _ablage().staende()
    assert [(s.nr, s.bezeichnung, s.dateiname) for s in staende] == [
        (1, "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)", "anlage1.xlsx"),
        (2, "Herbst 2017", "Anlage 1 Herbst.xlsx"),
    ]
    assert _ablage().lies(staende[1].sha256) == daten
    # Who published it and why: stored with the Stand, shown in the table and under the chooser.
    assert (staende[1].von, staende[1].kommentar) == (
        Redakteur("Maria Muster", "passwort"),
        "Rückmeldungen der VHS eingearbeitet",
    )
    tabelle = next(t.value for t in at.dataframe if "SHA-256" in t.value.columns)
    assert tabelle[["Nr", "Von", "Kommentar"]].values.tolist() == [
        ["2", "Maria Muster", "Rückmeldungen der VHS eingearbeitet"],
        ["1", "mitgeliefert", ""],
    ]
    unter_der_auswahl = gelesen(" ".join(c.value for c in at.sidebar.caption))
    assert "von Maria Muster: „Rückmeldungen der VHS eingearbeitet“" in unter_der_auswahl
    assert at.sidebar.selectbox(key="stand").value == 2
    assert not [w for w in at.warning if "Vorschau" in w.value]
    assert not _hat_button(at, "veroeffentlichen")
    # The file still in the uploader is recognised as published, not previewed again.
    assert any("bereits als **Nr\\. 2" in i.value for i in at.info)
    at.switch_page("seiten/uebersicht.py").run()
    assert not at.exception
    assert any("30. September 2017" in c.value.replace("\\", "") for c in at.caption), [c.value for c in at.caption]


def test_gleiche_bytes_werden_erkannt():
    at = _hochladen(_daten_seite(), STANDARD_PFAD.read_bytes())
    assert any("bereits als **Nr\\. 1" in i.value and "gleiche Bytes" in i.value for i in at.info)
    assert not _hat_button(at, "veroeffentlichen")
    assert [s.nr for s in _ablage().staende()] == [1]


def test_vorschau_verwerfen():
    at = _hochladen(_daten_seite(), ueberarbeitete_standard_bytes())
    at.button(key="vorschau_verwerfen").click().run()
    assert not at.exception
    assert not _hat_button(at, "veroeffentlichen")
    at.switch_page("seiten/uebersicht.py").run()
    assert not [w for w in at.warning if "Vorschau" in w.value]


def test_fehlerhafte_datei_nach_vorschau_aendert_nichts():
    at = _hochladen(_daten_seite(), ueberarbeitete_standard_bytes())
    _hochladen(at, b"kaputt", "kaputt.xlsx")
    assert any("wurde nicht übernommen" in e.value for e in at.error)
    assert [s.nr for s in _ablage().staende()] == [1]


def test_passwort_wird_verlangt():
    at = _hochladen(_daten_seite(), ueberarbeitete_standard_bytes())
    _veroeffentlichen(at, "falsch")
    assert [e.value for e in at.error] == ["Das Passwort stimmt nicht."]
    assert not _hat_button(at, "veroeffentlichen")
    assert [s.nr for s in _ablage().staende()] == [1]
    _veroeffentlichen(at)
    assert not at.exception
    assert [s.nr for s in _ablage().staende()] == [1, 2]


def test_stand_tabelle_und_downloads_sind_da():
    ablage = _ablage()
    ablage.veroeffentliche(ueberarbeitete_standard_bytes(), bezeichnung="Herbst 2017")
    at = _daten_seite()
    assert not any("Standard-Arbeitsmappe wurde geändert" in c.value for c in at.caption)
    tabelle = next(t.value for t in at.dataframe if "SHA-256" in t.value.columns)
    assert tabelle[["Nr", "Stand", "Bezeichnung"]].values.tolist() == [
        ["2", "30. September 2017", "Herbst 2017"],
        ["1", "6. März 2017", "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)"],
    ]
    assert at.selectbox(key="download_stand_wahl_2").options == [
        "Nr. 2 · 30. September 2017 · Herbst 2017",
        "Nr. 1 · 6. März 2017 · Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)",
    ]


def test_aenderung_einer_bemerkung_ist_keine_statusaenderung_aber_eine_aenderung():
    """No status changed, yet the preview names the changed Bemerkung (it said „Keine Veränderung“)."""

    def bemerkung(wb):
        ws = wb["Empfehlungen"]
        ws.cell(row=ws.max_row, column=6).value = "nur eine neue Bemerkung"

    at = _hochladen(_daten_seite(), aendere_mappe(STANDARD_PFAD.read_bytes(), bemerkung))
    empfehlungen = lade_anlage(STANDARD_PFAD).empfehlungen
    letzte = empfehlungen.loc[empfehlungen["zeile"].idxmax()]  # the sheet's last row
    assert not any("Keine Veränderung" in i.value for i in at.info)
    assert any(
        m.value == f"**Weitere Angaben geändert:** {literal(f'{letzte.handlungsfeld}.{letzte.nr} Bemerkung')}.  \n"
        "Status, Wortlaut und Handlungsfelder sind in beiden Ständen gleich."
        for m in at.markdown
    )


def test_eine_falsch_gelesene_quote_steht_in_der_vorschau_als_aenderung():
    """Issue 22: a misread figure is visible before publishing – the comparison with the current
    Stand names a changed quota and amount instead of „Keine Veränderung“."""

    def verlesen(wb):
        for zeile in wb["Einbürgerung"].iter_rows(min_row=2):
            if zeile[0].value == "Landkreis Esslingen":
                zeile[2].value = 13.6
        for zeile in wb["Haushalt"].iter_rows(min_row=2):
            if zeile[1].value == 60000:
                zeile[1].value = 60

    at = _hochladen(_daten_seite(), aendere_mappe(STANDARD_PFAD.read_bytes(), verlesen))
    assert not any("Keine Veränderung" in i.value for i in at.info)
    text = re.sub(r"\\(.)", r"\1", "\n".join(m.value for m in at.markdown))
    assert "**Einbürgerungsquoten:** Landkreis Esslingen 2016 1,36\xa0% → 13,60\xa0%." in text
    assert "**Haushalt:** „Schulungs- und Umsetzungskonzept zur interkulturellen…“ 2017 60.000\xa0€ → 60\xa0€." in text
    assert "Status, Wortlaut und Handlungsfelder sind in beiden Ständen gleich." in text


def test_ohne_datum_im_info_blatt_muss_es_eingegeben_werden():
    daten = mappe_bytes(ohne=("Info",))
    at = anmelden(_hochladen(_daten_seite(), daten))
    datum = at.date_input(key=f"stand_datum_{sha256(daten)[:16]}")
    assert datum.value is None
    _veroeffentlichen(at)
    assert [e.value for e in at.error] == ["Bitte das Datum des Stands eingeben. Es wurde nichts veröffentlicht."]
    assert [s.nr for s in _ablage().staende()] == [1]
    at.date_input(key=f"stand_datum_{sha256(daten)[:16]}").set_value(dt.date(2018, 3, 15))
    _veroeffentlichen(at)
    staende = _ablage().staende()
    assert [(s.nr, s.stand) for s in staende] == [(1, dt.date(2017, 3, 6)), (2, dt.date(2018, 3, 15))]
    # Without a Bezeichnung in the workbook, the neutral title is stored.
    assert staende[1].bezeichnung == "Auswertung Integrationsplan (Anlage 1)"


def test_hinweise_zu_schreibweisen_und_summenzeilen_als_tabelle():
    daten = mappe_bytes(
        empfehlungen=[empfehlung(1, 1, "teilweise umgesetzt"), empfehlung(1, 2, " Umgesetzt ")],
        haushalt=[["Dolmetscherpool", 60000, 2017, 1], ["Summe", 60000, 2017, None]],
    )
    at = _hochladen(_daten_seite(), daten)
    assert not at.error
    assert "3 Hinweis(e) zur Datei:" in [w.value for w in at.warning]
    meldungen = _befund_meldungen(at)
    assert any(m.startswith("Status „teilweise umgesetzt“ wurde als „in Arbeit“ gelesen") for m in meldungen), meldungen
    assert "Die Summenzeile wurde nicht als Maßnahme gezählt." in meldungen
    # One table per cause (issue 22): the status spellings, the total row of the budget.
    ursachen = [m.value for m in at.markdown if re.fullmatch(r"\*\*[^*]+\*\* \(\d+\)", m.value)]
    assert ursachen == ["**Empfehlungen** (2)", "**Haushalt** (1)"]
    for tabelle in _befund_tabellen(at):
        # a column empty for every finding is left out (here: Erlaubt, warnings allow anything)
        assert list(tabelle.columns) == ["Art", "Blatt", "Zeile", "Spalte", "Gefundener Wert", "Meldung"]
        assert set(tabelle["Art"]) == {"Warnung"}


def test_dateiname_und_bezeichnung_erscheinen_woertlich():
    daten = mappe_bytes(info=[["Stand", dt.date(2017, 9, 30)], ["Bezeichnung", "**fett** <b>x</b>"]])
    at = _hochladen(_daten_seite(), daten, "[Link](http://x).xlsx")
    assert at.success[0].value == "Die Datei „\\[Link\\]\\(http\u2060\\://x\\)\\.xlsx“ ist gültig."
    _veroeffentlichen(at)
    assert _ablage().staende()[1].bezeichnung == "**fett** <b>x</b>"
    assert "\\*\\*fett\\*\\* \\<b\\>x\\</b\\>" in [c.value for c in at.sidebar.caption]


def test_gleichzeitig_von_anderer_seite_veroeffentlicht_wird_erkannt():
    daten = ueberarbeitete_standard_bytes()
    at = _hochladen(_daten_seite(), daten)
    _ablage().veroeffentliche(daten, bezeichnung="Kollegin war schneller")
    _veroeffentlichen(at)
    assert at.success[0].value.startswith("Diese Datei war bereits als **Nr\\. 2")
    assert "es wurde nichts doppelt gespeichert" in at.success[0].value
    assert [s.nr for s in _ablage().staende()] == [1, 2]


def test_geaenderte_standardmappe_laesst_stand_1_unveraendert(tmp_path, monkeypatch):
    from oberflaeche import quelle

    _ablage()  # Stand 1 = the bundled default workbook
    neue_fassung = tmp_path / "anlage1.xlsx"
    neue_fassung.write_bytes(ueberarbeitete_standard_bytes())
    monkeypatch.setattr(quelle, "STANDARD_MAPPE", neue_fassung)
    at = _daten_seite()
    assert any("Standard-Arbeitsmappe wurde geändert" in c.value for c in at.caption)
    staende = _ablage().staende()
    assert len(staende) == 1 and _ablage().lies(staende[0].sha256) == STANDARD_PFAD.read_bytes()

"""Workbooks that are rejected: every finding at once, located and explained; no data at all."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe import befunde_tabelle
from tests.arbeitsmappen import (
    EMPFEHLUNGEN,
    HANDLUNGSFELDER,
    HAUSHALT,
    KOPF,
    empfehlung,
    ersetze_teile,
    lies_teil,
    mappe_bytes,
    standard_bytes,
)


def _befunde(daten: bytes) -> list[tuple]:
    """(sheet, Excel row, column, value found, message, allowed) of every finding."""
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    return [(b.blatt, b.zeile, b.spalte, b.wert, b.meldung, b.erlaubt) for b in fehler.value.befunde]


def _ein_befund(daten: bytes) -> str:
    """The code of the one error the workbook is refused with."""
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    befunde = fehler.value.befunde
    assert len(befunde) == 1, [b.als_text() for b in befunde]
    assert befunde[0].schwere == "Fehler"
    return befunde[0].code


STATUS_ERLAUBT = (
    "„umgesetzt“, „in Arbeit“, „in Abstimmung“, „nicht umgesetzt“, „ohne Angabe“ oder eine Schreibweise "
    "aus der Synonymtabelle (z. B. „erledigt“, „laufend“, „noch nicht begonnen“); leer = ohne Angabe"
)
STATUS_BITTE = ". Bitte einen der erlaubten Status eintragen oder die Wörter beim Hochladen zuordnen."
BETRAG_ERLAUBT = "Betrag in Euro ab 0, z. B. 60000 oder „60.000 €“"
QUOTE_ERLAUBT = "Prozentpunkte von 0 bis 100, z. B. 1,54 oder „1,54 %“; leer = keine Angabe"
FELD_ERLAUBT = "Nr eines Handlungsfelds aus dem Blatt „Handlungsfelder“ (1, 2, 3)"


def test_fehlendes_blatt_und_fehlende_spalte_zugleich():
    daten = mappe_bytes(ohne=("Empfehlungen",), koepfe={"Handlungsfelder": ["Nr", "Name", "Leitsatz", "Seiten"]})
    assert _befunde(daten) == [
        (
            "Handlungsfelder",
            1,
            "Handlungsfeld",
            "Nr | Name | Leitsatz | Seiten",
            "Die Kopfzeile enthält nicht alle Pflichtspalten; es fehlt: „Handlungsfeld“.",
            "Spalten „Nr“, „Handlungsfeld“, „Leitsatz“ (optional: „Seiten“, „Bericht“, „Quelle“)",
        ),
        (
            "Empfehlungen",
            None,
            "",
            "Blätter: Handlungsfelder, Einbürgerung, Haushalt, Meilensteine, Info",
            "Das Pflichtblatt „Empfehlungen“ fehlt.",
            "Pflichtblätter „Handlungsfelder“, „Empfehlungen“",
        ),
    ]


def test_zwei_blaetter_mit_gleichem_namen_in_anderer_schreibweise():
    daten = mappe_bytes(zusatz={"haushalt ": [["Maßnahme", "Betrag", "Jahr"], ["alt", 1, 2016]]})
    assert _befunde(daten) == [
        (
            "Haushalt",
            None,
            "",
            "„Haushalt“, „haushalt “",
            "Mehrere Blätter heißen „Haushalt“ (bis auf Schreibweise); es ist unklar, welches gilt.",
            "genau ein Blatt je Name; die anderen umbenennen oder löschen",
        )
    ]


def test_fehlende_spalten_in_optionalem_blatt():
    daten = mappe_bytes(koepfe={"Haushalt": ["Maßnahme", "Euro", "Jahr"]})
    assert _befunde(daten) == [
        (
            "Haushalt",
            1,
            "Betrag",
            "Maßnahme | Euro | Jahr",
            "Die Kopfzeile enthält nicht alle Pflichtspalten; es fehlt: „Betrag“.",
            "Spalten „Maßnahme“, „Betrag“, „Jahr“ (optional: „Handlungsfeld“, „Ist“, „Quelle“)",
        )
    ]


def test_blatt_ohne_kopfzeile_und_leeres_blatt():
    daten = mappe_bytes(
        koepfe={"Einbürgerung": ["Kreis", "Wert"], "Meilensteine": []}, einbuergerung=[["A", 1]], meilensteine=[]
    )
    assert _befunde(daten) == [
        (
            "Einbürgerung",
            None,
            "Gebiet, Jahr, Quote in %",
            "",
            "Keine Kopfzeile gefunden; es fehlen die Pflichtspalten: „Gebiet“, „Jahr“, „Quote in %“.",
            "Spalten „Gebiet“, „Jahr“, „Quote in %“ (optional: „Quelle“, „Definition“)",
        ),
        ("Meilensteine", None, "", "", "Das Blatt ist leer.", "eine Kopfzeile mit den Spalten „Datum“, „Ereignis“"),
    ]


def test_alle_zeilenfehler_auf_einmal_mit_ort_wert_und_erlaubtem():
    daten = mappe_bytes(
        empfehlungen=[
            empfehlung(1, 1, "fertig"),
            empfehlung(7, 1),
            empfehlung(1, 1),
            empfehlung(2, "x"),
            empfehlung(2, 2, bezug="vielleicht"),
            empfehlung(3, 1, text=""),
            empfehlung(7, 2),
        ],
        haushalt=[
            ["a", -5, 2017, 1],
            ["b", "viel", 2017, 1],
            ["c", None, 2017, 1],
            ["d", 5, 2017, 12],
            ["e", "25 %", 17, None],
        ],
        einbuergerung=[["A", 2016, 101], ["B", 2016, -1], ["C", 2016, "hoch"], ["D", 2016, "1,5 €"]],
    )
    assert _befunde(daten) == [
        (
            "Empfehlungen",
            2,
            "Status",
            "„fertig“",
            "Status nicht erkannt: „fertig“ in Zeile 2 – unbekannt" + STATUS_BITTE,
            STATUS_ERLAUBT,
        ),
        (
            "Empfehlungen",
            3,
            "Handlungsfeld",
            "7",
            "Das Handlungsfeld 7 ist im Blatt „Handlungsfelder“ nicht definiert (2 Empfehlung(en), Zeilen 3, 8).",
            FELD_ERLAUBT,
        ),
        (
            "Empfehlungen",
            4,
            "Nr",
            "1",
            "Die Nr 1 ist im Handlungsfeld 1 doppelt vergeben (schon in Zeile 2).",
            "jede Nr nur einmal je Handlungsfeld",
        ),
        (
            "Empfehlungen",
            5,
            "Nr",
            "x",
            "Die Nr der Empfehlung ist keine positive ganze Zahl.",
            "ganze Zahl ab 1, eindeutig im Handlungsfeld",
        ),
        (
            "Empfehlungen",
            6,
            "Bezug Geflüchtete",
            "vielleicht",
            "Unbekannter Wert für „Bezug Geflüchtete“.",
            "„ja“, „nein“ oder leer",
        ),
        ("Empfehlungen", 7, "Empfehlung", "(leer)", "Die Empfehlung hat keinen Text.", "der Wortlaut der Empfehlung"),
        # One finding per cause: the same message in several rows lists each value with its rows.
        (
            "Einbürgerung",
            2,
            "Quote in %",
            "„101“ in Zeile 2; „-1“ in Zeile 3",
            "Die Quote liegt außerhalb von 0 bis 100 %.",
            QUOTE_ERLAUBT,
        ),
        (
            "Einbürgerung",
            4,
            "Quote in %",
            "„hoch“ in Zeile 4; „1,5 €“ in Zeile 5",
            "Die Quote ist keine Zahl.",
            QUOTE_ERLAUBT,
        ),
        ("Haushalt", 2, "Betrag", "-5", "Der Betrag ist negativ.", BETRAG_ERLAUBT),
        (
            "Haushalt",
            3,
            "Betrag",
            "„viel“ in Zeile 3; „25 %“ in Zeile 6",
            "Der Betrag ist keine Zahl.",
            BETRAG_ERLAUBT,
        ),
        ("Haushalt", 4, "Betrag", "(leer)", "Der Betrag fehlt.", BETRAG_ERLAUBT),
        (
            "Haushalt",
            5,
            "Handlungsfeld",
            "12",
            "Das Handlungsfeld ist im Blatt „Handlungsfelder“ nicht definiert.",
            FELD_ERLAUBT + " oder leer",
        ),
        ("Haushalt", 6, "Jahr", "17", "Das Haushaltsjahr ist keine gültige Jahreszahl.", "Jahreszahl, z. B. 2017"),
    ]


def test_befunde_als_tabelle_und_text():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(mappe_bytes(empfehlungen=[*EMPFEHLUNGEN, empfehlung(2, 3, "erledigt?")]))
    tabelle = befunde_tabelle(fehler.value.befunde)
    assert tabelle.to_dict("records") == [
        {
            "Art": "Fehler",
            "Blatt": "Empfehlungen",
            "Zeile": "8",
            "Spalte": "Status",
            "Gefundener Wert": "„erledigt?“",
            "Meldung": "Status nicht erkannt: „erledigt?“ in Zeile 8 – vermutlich „umgesetzt“ gemeint" + STATUS_BITTE,
            "Erlaubt": STATUS_ERLAUBT,
        }
    ]
    assert str(fehler.value) == (
        "Blatt „Empfehlungen“, Zeile 8, Spalte „Status“: Status nicht erkannt: „erledigt?“ in Zeile 8 – "
        f"vermutlich „umgesetzt“ gemeint{STATUS_BITTE} Gefunden: „erledigt?“. Erlaubt: {STATUS_ERLAUBT}."
    )


def test_fehler_und_warnungen_zusammen_fehler_zuerst():
    daten = mappe_bytes(empfehlungen=[empfehlung(1, 1, "teilweise umgesetzt"), empfehlung(1, 2, "?")])
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    assert [(b.schwere, b.zeile) for b in fehler.value.befunde] == [("Fehler", 3), ("Warnung", 2)]
    assert [b.zeile for b in fehler.value.fehler] == [3]


def test_handlungsfeld_nr_doppelt_und_ohne_name():
    daten = mappe_bytes(
        handlungsfelder=[*HANDLUNGSFELDER, [3, "Doppelt", "", ""], [0, "Null", "", ""], [4, "", "", ""]]
    )
    assert _befunde(daten) == [
        ("Handlungsfelder", 5, "Nr", "3", "Die Nr 3 ist doppelt vergeben (schon in Zeile 4).", "jede Nr nur einmal"),
        (
            "Handlungsfelder",
            6,
            "Nr",
            "0",
            "Die Nr des Handlungsfelds ist keine positive ganze Zahl.",
            "ganze Zahl ab 1, z. B. 1, 2, 9",
        ),
        (
            "Handlungsfelder",
            7,
            "Handlungsfeld",
            "(leer)",
            "Das Handlungsfeld hat keinen Namen.",
            "ein Name, z. B. „Wohnen“",
        ),
    ]


def test_blatt_ohne_empfehlung():
    assert _befunde(mappe_bytes(empfehlungen=[])) == [
        (
            "Empfehlungen",
            None,
            "",
            "",
            "Das Blatt enthält keine einzige Empfehlung.",
            "mindestens eine Empfehlung unter der Kopfzeile",
        )
    ]


def test_leeres_blatt_handlungsfelder_ohne_folgefehler():
    # Without any defined field, the recommendations are not additionally reported as undefined.
    assert _befunde(mappe_bytes(handlungsfelder=[])) == [
        (
            "Handlungsfelder",
            None,
            "",
            "",
            "Das Blatt enthält kein Handlungsfeld.",
            "mindestens eine Zeile unter der Kopfzeile",
        )
    ]


def test_doppeltes_gebiet_und_ungueltige_meilensteine_und_stand():
    daten = mappe_bytes(
        einbuergerung=[["Landkreis Böblingen", 2016, 1.54], ["landkreis  böblingen", 2016, 1.5], ["", 2016, 1]],
        meilensteine=[["irgendwann", "x"], ["2017-07", ""]],
        info=[["Stand", "gestern"]],
    )
    assert _befunde(daten) == [
        (
            "Einbürgerung",
            3,
            "Gebiet",
            "landkreis böblingen",
            "landkreis böblingen 2016 steht doppelt (schon in Zeile 2).",
            "jedes Gebiet nur einmal je Jahr",
        ),
        ("Einbürgerung", 4, "Gebiet", "(leer)", "Das Gebiet fehlt.", "Name des Stadt- oder Landkreises"),
        (
            "Meilensteine",
            2,
            "Datum",
            "irgendwann",
            "Das Datum ist nicht lesbar.",
            "Datum (6.3.2017 oder 2017-03-06), Monat (2017-07) oder Jahr (2015)",
        ),
        ("Meilensteine", 3, "Ereignis", "(leer)", "Das Ereignis fehlt.", "ein Text"),
        (
            "Info",
            2,
            "",
            "gestern",
            "Der Stand ist kein Datum.",
            "Datum, z. B. 06.03.2017, oder Monat, z. B. „März 2017“",
        ),
    ]


def _formeln(wb) -> None:
    wb["Haushalt"]["B3"] = "=5000*2"
    wb["Haushalt"].append(["Summe", "=SUM(B2:B4)", None, None])


def test_formeln_ohne_gespeicherten_wert_openpyxl():
    assert _befunde(mappe_bytes(anpassen=_formeln)) == [
        (
            "Haushalt",
            3,
            "B",
            "",
            "Das Blatt enthält Formeln, deren Ergebnis nie berechnet und gespeichert wurde (die Datei wurde "
            "vermutlich von einem Programm erzeugt). Bitte die Datei in Excel oder LibreOffice öffnen, speichern "
            "und erneut hochladen. Betroffen: B3, B5.",
            "Formeln mit gespeichertem Ergebnis oder feste Werte",
        )
    ]


def _xlsxwriter_mappe() -> bytes:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    ziel = io.BytesIO()
    mappe = xlsxwriter.Workbook(ziel, {"in_memory": True})
    for name, zeilen in (
        ("Handlungsfelder", HANDLUNGSFELDER),
        ("Empfehlungen", EMPFEHLUNGEN),
        ("Haushalt", HAUSHALT),
    ):
        blatt = mappe.add_worksheet(name)
        for r, zeile in enumerate([KOPF[name], *zeilen]):
            for c, wert in enumerate(zeile):
                if wert is not None:
                    blatt.write(r, c, wert)
    mappe.get_worksheet_by_name("Haushalt").write_formula("B3", "=5000*2")
    mappe.close()
    return ziel.getvalue()


def test_formeln_von_xlsxwriter_mit_gespeicherter_null():
    daten = _xlsxwriter_mappe()
    # XlsxWriter saves 0 as the value and asks Excel to recalculate on opening.
    assert b'fullCalcOnLoad="1"' in lies_teil(daten, "xl/workbook.xml")
    assert re.search(rb'<c r="B3"[^>]*><f>5000\*2</f><v>0</v>', lies_teil(daten, "xl/worksheets/sheet3.xml"))
    befunde = _befunde(daten)
    assert [(b[0], b[1], b[2]) for b in befunde] == [("Haushalt", 3, "B")]
    assert befunde[0][4].endswith("Betroffen: B3.")


def test_formeln_in_pflichtblatt_ohne_folgefehler():
    def formel(wb) -> None:
        wb["Handlungsfelder"]["A3"] = "=A2+1"

    befunde = _befunde(mappe_bytes(anpassen=formel))
    assert [(b[0], b[1], b[2]) for b in befunde] == [("Handlungsfelder", 3, "A")]


@pytest.mark.parametrize(
    ("daten", "code"),
    [
        (b"Nr;Handlungsfeld;Leitsatz\n1;Wohnen;x\n", "datei.csv"),
        ("Handlungsfeld,Nr,Empfehlung\n1,1,Bündnis\n".encode("cp1252"), "datei.csv"),
        (b"", "datei.leer"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), "datei.xls"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le") + bytes(600),
            "datei.kennwort",
        ),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "datei.html"),
        (b"%PDF-1.7\n", "datei.pdf"),
        (bytes(range(256)) * 4, "datei.kein_xlsx"),
    ],
    ids=["csv-semikolon", "csv-komma-cp1252", "leer", "xls", "kennwort", "html", "pdf", "binaer"],
)
def test_keine_xlsx_datei_ein_befund(daten, code):
    assert _ein_befund(daten) == code


def test_keine_xlsx_datei_wortlaut():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(b"Nr;Handlungsfeld;Leitsatz\n1;Wohnen;x\n")
    assert fehler.value.befunde[0].meldung.startswith(
        "Die Datei ist eine Textdatei (CSV), keine Excel-Arbeitsmappe – vermutlich wurde nur die Endung umbenannt."
    )


def _zip(teile: dict[str, bytes]) -> bytes:
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv:
        for name, inhalt in teile.items():
            archiv.writestr(name, inhalt)
    return ziel.getvalue()


def test_abgeschnittene_datei():
    daten = standard_bytes()
    for laenge in (len(daten) // 2, len(daten) - 30, 100):
        assert _ein_befund(daten[:laenge]) == "datei.beschaedigt"


def test_zip_ohne_arbeitsmappe():
    assert _ein_befund(_zip({"readme.txt": b"hallo", "bild.png": b"\x89PNG"})) == "datei.zip_kein_xlsx"


def test_ods_tabelle():
    daten = _zip(
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office:document-content/>"}
    )
    assert _ein_befund(daten) == "datei.ods"


def test_word_dokument():
    assert _ein_befund(_zip({"word/document.xml": b"<w:document/>"})) == "datei.docx"


@pytest.mark.parametrize("kuerzen", [20, 200, 5000])
def test_beschaedigtes_xml_in_der_mappe(kuerzen):
    daten = standard_bytes()
    kaputt = lies_teil(daten, "xl/worksheets/sheet2.xml")[:-kuerzen]
    assert _ein_befund(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": kaputt})) == "datei.inhalt_beschaedigt"


def test_alles_oder_nichts_auch_ein_fehler_in_optionalem_blatt():
    with pytest.raises(AnlageUngueltig):
        lade_anlage(mappe_bytes(meilensteine=[["nie", "x"]]))


def test_kaputte_formatvorlagen():
    daten = mappe_bytes()
    styles = lies_teil(daten, "xl/styles.xml").replace(b"<numFmts", b"<numFmts <<", 1)
    styles = styles if styles != lies_teil(daten, "xl/styles.xml") else styles[:-40]
    assert _ein_befund(ersetze_teile(daten, {"xl/styles.xml": styles})) == "datei.inhalt_beschaedigt"


def test_programmfehler_wird_nicht_zum_befund(monkeypatch):
    """A bug (here a KeyError inside the loader) escapes as itself: it is never disguised as a
    finding about the user's workbook."""
    import ipdaten.arbeitsmappe.laden as laden

    def kaputt(*argumente):
        raise KeyError("unbekannt")

    monkeypatch.setattr(laden, "_pruefe_mappe", kaputt)
    with pytest.raises(KeyError, match="unbekannt"):
        lade_anlage(mappe_bytes())

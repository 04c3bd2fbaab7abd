"""Hostile and oversized files must not hurt the server: refused early, never expanded.

Times are printed (run with -s to see them), never asserted.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile

import pytest
import python_calamine

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe.datei_pruefung import pruefe_datei
from ipdaten.arbeitsmappe.vertrag import MAX_EMPFEHLUNGEN
from tests.arbeitsmappen import ersetze_teile, grosse_mappe_bytes, lies_teil, mappe_bytes, wie_excel, zipbombe_bytes

LACHER = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(2, 10)).replace("&lol1;", "&lol;")
    + '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


def _ablehnung(daten: bytes) -> str:
    """The message of the single finding."""
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(daten)
    assert len(fehler.value.befunde) == 1, fehler.value.befunde
    return fehler.value.befunde[0].meldung


def _mit_lachern(xml: bytes, ziel: bytes) -> bytes:
    """`xml` with a billion-laughs DTD after the XML declaration and &lol9; inside `ziel`."""
    text = xml.decode()
    deklaration = re.match(r"<\?xml[^>]*\?>\s*", text)
    ende = deklaration.end() if deklaration else 0
    text = text[:ende] + LACHER + text[ende:]
    return text.replace(ziel.decode(), ziel.decode() + "&lol9;", 1).encode()


def _bombe_abgelehnt(bombe: bytes, titel: str) -> str:
    """The single finding for a zip bomb; peak memory stays small."""
    tracemalloc.start()
    meldung = _ablehnung(bombe)
    spitze = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert spitze < 20_000_000  # nothing was inflated into memory
    return meldung


def _blatt_eintrag(bombe: bytes) -> zipfile.ZipInfo:
    return next(e for e in zipfile.ZipFile(io.BytesIO(bombe)).infolist() if e.filename.endswith("sheet2.xml"))


def test_zipbombe_nach_verzeichnis_abgelehnt():
    bombe = zipbombe_bytes(100_000_000)
    assert len(bombe) < 200_000 and _blatt_eintrag(bombe).file_size == 100_000_000
    assert _bombe_abgelehnt(bombe, "Zipbombe → 100 MB") == (
        "Die Arbeitsmappe würde entpackt 95,4 MB belegen (erlaubt sind höchstens 64,0 MB; eine echte "
        "Anlage 1 bleibt weit unter 10 MB). Die Datei wird aus Sicherheitsgründen nicht gelesen."
    )


def test_zipbombe_mit_gelogener_groesse_wird_nicht_entpackt():
    # 100 MB inflated would already break the memory bound in _bombe_abgelehnt (1 GB took 3–7 s to build).
    bombe = zipbombe_bytes(100_000_000, angegeben=40_000)
    assert len(bombe) < 200_000 and _blatt_eintrag(bombe).file_size == 40_000
    assert _bombe_abgelehnt(bombe, "Zipbombe 100 MB, im Verzeichnis als 40 KB angegeben") == (
        "Ein Teil der Arbeitsmappe (xl/worksheets/sheet2.xml) ist größer als im Inhaltsverzeichnis angegeben. "
        "Die Datei wird aus Sicherheitsgründen nicht gelesen."
    )


def test_stark_komprimierter_teil_unter_der_grenze():
    meldung = _ablehnung(zipbombe_bytes(50_000_000))
    assert meldung.startswith("Ein Teil der Arbeitsmappe (xl/worksheets/sheet2.xml) ist auffällig stark komprimiert (")


def test_zu_grosse_datei():
    meldung = _ablehnung(b"PK\x03\x04" + bytes(21 * 1024 * 1024))
    assert meldung.startswith("Die Datei ist mit 21,0 MB zu groß; eine Anlage 1 hat weit unter 20,0 MB.")


def test_zu_viele_teile():
    ziel = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(mappe_bytes())) as alt, zipfile.ZipFile(ziel, "w") as neu:
        teile = len(alt.infolist()) + 2100
        for eintrag in alt.infolist():
            neu.writestr(eintrag.filename, alt.read(eintrag.filename))
        for index in range(2100):
            neu.writestr(f"xl/media/bild{index}.png", b"")
    meldung = _ablehnung(ziel.getvalue())
    assert meldung.startswith(f"Die Arbeitsmappe besteht aus {teile} Teilen;")


def test_billion_laughs_in_einem_blatt():
    daten = mappe_bytes()
    blatt = _mit_lachern(lies_teil(daten, "xl/worksheets/sheet2.xml"), b"<t>Empfehlung 1.1")
    meldung = _ablehnung(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": blatt}))
    assert meldung == (
        "Ein Teil der Arbeitsmappe (xl/worksheets/sheet2.xml) enthält XML-Definitionen (DOCTYPE/ENTITY), wie "
        "sie Excel und LibreOffice nie schreiben. Die Datei wird aus Sicherheitsgründen nicht gelesen."
    )


@pytest.mark.parametrize(
    "teil", ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]
)
def test_dtd_in_anderen_teilen(teil):
    daten = mappe_bytes()
    xml = _mit_lachern(lies_teil(daten, teil), b"")
    meldung = _ablehnung(ersetze_teile(daten, {teil: xml}))
    assert meldung.startswith(f"Ein Teil der Arbeitsmappe ({teil}) enthält XML-Definitionen (DOCTYPE/ENTITY)")


def test_dtd_hinter_langem_kommentar_wird_gefunden():
    daten = mappe_bytes()
    xml = lies_teil(daten, "xl/worksheets/sheet1.xml")
    xml = xml.replace(b"?>", b"?><!--" + b"x" * 10_000 + b"-->", 1)
    meldung = _ablehnung(ersetze_teile(daten, {"xl/worksheets/sheet1.xml": _mit_lachern(xml, b"")}))
    assert "DOCTYPE/ENTITY" in meldung


def test_billion_laughs_in_shared_strings():
    daten = wie_excel(mappe_bytes())  # with xl/sharedStrings.xml, as Excel and LibreOffice write it
    xml = _mit_lachern(lies_teil(daten, "xl/sharedStrings.xml"), b">Empfehlung 1.1")
    assert b"&lol9;" in xml
    meldung = _ablehnung(ersetze_teile(daten, {"xl/sharedStrings.xml": xml}))
    assert meldung.startswith("Ein Teil der Arbeitsmappe (xl/sharedStrings.xml) enthält XML-Definitionen")


def test_calamine_expandiert_keine_entitaeten():
    """Even without our check, calamine (quick-xml) refuses the undefined-for-it entity, it never expands it."""
    daten = mappe_bytes()
    blatt = _mit_lachern(lies_teil(daten, "xl/worksheets/sheet2.xml"), b"<t>Empfehlung 1.1")
    mappe = python_calamine.CalamineWorkbook.from_filelike(
        io.BytesIO(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": blatt}))
    )
    with pytest.raises(python_calamine.CalamineError, match="unrecognized entity"):
        mappe.get_sheet_by_name("Empfehlungen").to_python()


def test_externe_entitaet_wird_nicht_gelesen():
    daten = mappe_bytes()
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml").decode()
    xml = xml.replace("<worksheet", '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet', 1)
    xml = xml.replace("<t>Empfehlung 1.1", "<t>&xxe;Empfehlung 1.1", 1)
    meldung = _ablehnung(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml.encode()}))
    assert "DOCTYPE/ENTITY" in meldung


@pytest.mark.langsam
def test_20000_empfehlungen_werden_geladen():
    daten = grosse_mappe_bytes(MAX_EMPFEHLUNGEN)
    anlage = lade_anlage(daten)
    assert len(anlage.empfehlungen) == 20_000
    assert anlage.empfehlungen["handlungsfeld"].value_counts().sort_index().tolist() == [2223] * 2 + [2222] * 7
    assert anlage.warnungen == ()


@pytest.mark.langsam
def test_mehr_als_20000_empfehlungen_klare_meldung():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(grosse_mappe_bytes(MAX_EMPFEHLUNGEN + 1))
    assert [b.als_text() for b in fehler.value.befunde] == [
        "Blatt „Empfehlungen“: Das Blatt enthält 20.001 Empfehlungen; verarbeitet werden höchstens 20.000. "
        "Bitte prüfen, ob versehentlich Zeilen kopiert wurden. Gefunden: „20.001 Zeilen“. "
        "Erlaubt: höchstens 20.000 Empfehlungen."
    ]


def test_gueltige_mappe_besteht_die_dateipruefung():
    assert pruefe_datei(mappe_bytes()) is None
    assert pruefe_datei(grosse_mappe_bytes(20_000)) is None


def _mit_zelle(ref: str, zelle: str | None = None) -> bytes:
    """The test workbook with one extra value cell at `ref` in the sheet Empfehlungen."""
    daten = mappe_bytes()
    zeile = int(re.sub(r"\D", "", ref))
    zelle = zelle or f'<c r="{ref}" t="n"><v>1</v></c>'
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml").replace(
        b"</sheetData>", f'<row r="{zeile}">{zelle}</row></sheetData>'.encode()
    )
    return ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml})


def _begrenzt(groesse: int = 2 * 1024**3):
    """For a child process: at most `groesse` bytes of address space (a regression fails, not the machine)."""
    import resource

    def begrenzen() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (groesse, groesse))

    return begrenzen


def test_ein_wert_in_der_letzten_zelle_sprengt_den_server_nicht(tmp_path):
    """calamine allocates the cell range densely: XFD1048576 would request 500 GB and abort the process."""
    import subprocess
    import sys

    from tests.arbeitsmappen import STANDARD_PFAD

    pfad = tmp_path / "weit.xlsx"
    pfad.write_bytes(_mit_zelle("XFD1048576"))
    assert pfad.stat().st_size < 20_000
    ergebnis = subprocess.run(
        [sys.executable, "-m", "ipdaten", "pruefen", str(pfad)],
        cwd=STANDARD_PFAD.parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_begrenzt(),
    )
    assert ergebnis.returncode == 1, ergebnis.stderr[-500:]
    assert ergebnis.stderr.splitlines()[1] == (
        "- Fehler: Blatt „Empfehlungen“: Das Blatt reicht über 1.048.576 Zeilen und 16.384 Spalten; so große "
        "Bereiche werden aus Sicherheitsgründen nicht gelesen. Vermutlich steht weit unten oder rechts ein "
        "vergessener Wert: bitte die leeren Zeilen und Spalten unter und neben der Tabelle löschen und erneut "
        "speichern. Gefunden: „1.048.576 Zeilen × 16.384 Spalten“. Erlaubt: höchstens 1.000.000 Zellen "
        "(Zeilen × Spalten) je Blatt."
    )


@pytest.mark.parametrize(
    ("zelle", "ausdehnung"),
    [
        ('<c r="A900000" t="n"><v>1</v></c>', "900.000 Zeilen × 8 Spalten"),
        ('<c r="ZZ2000"><v>1</v></c>', "2.000 Zeilen × 702 Spalten"),
        ('<c\tr="XFD1048576"><v>1</v></c>', "1.048.576 Zeilen × 16.384 Spalten"),
        ('<c t="n" r="CV20000"><f>1+1</f><v>2</v></c>', "20.000 Zeilen × 100 Spalten"),
    ],
    ids=["tief", "breit", "tabulator", "r-nicht-zuerst"],
)
def test_weit_verstreute_werte_werden_abgelehnt(zelle, ausdehnung):
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(_mit_zelle("A1", zelle))
    assert [(b.blatt, b.wert) for b in fehler.value.befunde] == [("Empfehlungen", ausdehnung)]


def test_leere_formatierte_zeilen_zaehlen_nicht():
    """Excel writes formatted empty cells; calamine ignores them, so must the size check."""
    from openpyxl.styles import Font

    def formatieren(wb) -> None:
        wb["Empfehlungen"]["A8"].font = Font(bold=True)  # makes the bold cell style the rows below use

    daten = mappe_bytes(anpassen=formatieren)
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml")
    stil = re.search(rb'<c r="A8" s="(\d+)"', xml).group(1).decode()
    # 40 000 rows × 8 formatted empty cells, written as XML directly (cell by cell in openpyxl: ~20 s).
    zeilen = "".join(
        f'<row r="{z}">' + "".join(f'<c r="{s}{z}" s="{stil}"/>' for s in "ABCDEFGH") + "</row>"
        for z in range(9, 40_001)
    )
    xml = xml.replace(b"</sheetData>", zeilen.encode() + b"</sheetData>")
    anlage = lade_anlage(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml}))
    assert len(anlage.empfehlungen) == 6


def test_wert_in_spalte_ab_ist_erlaubt():
    anlage = lade_anlage(_mit_zelle("A1", '<c r="AB2" t="n"><v>1</v></c>'))
    assert len(anlage.empfehlungen) == 6


def test_verbundener_bereich_ueber_das_ganze_blatt():
    """A merge over the whole sheet is a few bytes of XML; filling it must stay within the values."""
    daten = mappe_bytes()
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml").replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="H2:XFD1048576"/></mergeCells>'
    )
    anlage = lade_anlage(ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml}))
    assert len(anlage.empfehlungen) == 6
    assert anlage.empfehlungen["quelle"].tolist() == ["Test"] * 6


def test_riesiger_teil_in_fremdem_zip_wird_nicht_gelesen():
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv, archiv.open("mimetype", "w") as teil:
        for _ in range(50):
            teil.write(b" " * (1 << 20))
    meldung = _ablehnung(ziel.getvalue())
    assert meldung.startswith("Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).")


def test_verschluesselte_zip_teile():
    import struct

    daten = bytearray(mappe_bytes())
    for kennung, feld in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = daten.find(kennung)
        while start >= 0:
            struct.pack_into("<H", daten, start + feld, struct.unpack_from("<H", daten, start + feld)[0] | 1)
            start = daten.find(kennung, start + 4)
    meldung = _ablehnung(bytes(daten))
    assert meldung.startswith("Die Datei ist beschädigt oder unvollständig")

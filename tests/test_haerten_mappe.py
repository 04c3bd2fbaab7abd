"""Issue 23: small workbooks that used to cost gigabytes are read or refused at a cost that grows
with the file, never with what its XML claims (hidden-column ranges, many sheets on one part).

Peak memory is measured with tracemalloc on bombs a tenth of the size the attack used; the
benchmark (`benchmarks/haerten.py`) measures the whole process at full size.
"""

from __future__ import annotations

import io
import tracemalloc

import pytest

from ipdaten import AnlageUngueltig, lade_anlage
from ipdaten.arbeitsmappe import signatur
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_spalten
from tests.arbeitsmappen import aendere_mappe, ersetze_teile, excel_bytes, lies_teil, mappe_bytes
from tests.feindlich import blattbombe_bytes, mit_spaltenangaben, spaltenbombe_bytes


def _spitze(funktion) -> int:
    tracemalloc.start()
    try:
        funktion()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ausgeblendete_spaltenbereiche_werden_nicht_ausgezaehlt():
    bereiche = ausgeblendete_spalten(
        b'<cols><col min="3" max="4" hidden="1"/><col min="5" max="99999999" hidden="true"/>'
        b'<col min="7" max="9" width="3"/><col min="1" max="1"/></cols><sheetData/>'
    )
    assert bereiche.bereiche == ((2, 16_384),)
    assert (1 in bereiche, 2 in bereiche, 16_383 in bereiche, 16_384 in bereiche) == (False, True, True, False)


def test_spaltenbombe_kostet_keinen_speicher():
    """Finding 1: 100 hidden ranges (9 KB) held 135 MB (1,6 million column numbers) before."""
    bombe = spaltenbombe_bytes(100)
    assert len(bombe) < 10_000
    lade_anlage(excel_bytes())  # first-call costs outside the measurement
    spitze = _spitze(lambda: lade_anlage(bombe))
    assert spitze < 15_000_000, f"{spitze / 1e6:.0f} MB"


def test_mehr_spaltenangaben_als_spalten_werden_abgelehnt():
    bombe = mit_spaltenangaben(
        excel_bytes(), b"".join(b'<col min="%d" max="%d" width="3"/>' % (i, i) for i in range(1, 16_386))
    )
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(bombe)
    (befund,) = fehler.value.befunde
    assert (befund.blatt, befund.erlaubt) == ("Empfehlungen", "höchstens 16.384 Spaltenbereiche je Blatt")
    assert "aus Sicherheitsgründen nicht gelesen" in befund.meldung


def test_16384_spaltenangaben_sind_erlaubt():
    mappe = mit_spaltenangaben(
        excel_bytes(), b"".join(b'<col min="%d" max="%d" width="3"/>' % (i, i) for i in range(1, 16_385))
    )
    assert lade_anlage(mappe).empfehlungen is not None


def test_viele_blatteintraege_auf_einen_teil_werden_sofort_abgelehnt():
    """Finding 2: every listed sheet was read, each time the same part (2 000 entries: 110 s, 2,9 GB)."""
    bombe = blattbombe_bytes(40)
    lade_anlage(excel_bytes())
    tracemalloc.start()
    try:
        with pytest.raises(AnlageUngueltig) as fehler:
            lade_anlage(bombe)
        spitze = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert signatur(bombe) is None  # the upload's signature step refuses to read it, too
    (befund,) = fehler.value.befunde
    assert befund.meldung == (
        "Die Blätter „Empfehlungen“ und „Kopie 0“ verweisen auf denselben Teil der Datei "
        "(xl/worksheets/sheet2.xml); so schreiben Excel und LibreOffice keine Arbeitsmappe. "
        "Die Datei wird aus Sicherheitsgründen nicht gelesen."
    )
    assert spitze < 15_000_000, f"{spitze / 1e6:.0f} MB"


def test_mehr_als_250_blaetter_werden_vor_dem_lesen_abgelehnt():
    def viele(wb):
        for i in range(250):
            wb.create_sheet(f"Alt {i}")

    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(aendere_mappe(mappe_bytes(), viele))
    (befund,) = fehler.value.befunde
    assert befund.meldung.startswith("Die Arbeitsmappe hat 256 Blätter; erlaubt sind höchstens 250.")


def test_alle_blaetter_zusammen_sind_begrenzt():
    """Each sheet below the bound of a million cells, together above two million: a few KB of
    file would make calamine allocate them all (about 40 MB per million cells)."""

    def weit(wb):
        for i in range(3):
            wb.create_sheet(f"HF {i + 1}").cell(45_000, 20, 1)  # 900 000 cells each, read as field sheets

    mappe = aendere_mappe(mappe_bytes(), weit)
    assert len(mappe) < 30_000
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(mappe)
    (befund,) = fehler.value.befunde
    assert befund.erlaubt == "höchstens 2.000.000 Zellen (Zeilen × Spalten) in allen Blättern zusammen"
    assert befund.wert.endswith(" Zellen") and befund.meldung.startswith("Die Blätter der Arbeitsmappe reichen")
    assert signatur(mappe) is None


LACHER = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(2, 10))
    + b"]>"
)
DEKLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _mit_teil(daten: bytes, teil: str, xml: bytes) -> bytes:
    return ersetze_teile(daten, {teil: xml})


def _hinter_pi(xml: bytes) -> bytes:
    """A billion-laughs DTD behind a processing instruction that contains '<a' (looks like a root)."""
    rumpf = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return DEKLARATION + b"<?versteck <a ?>" + LACHER + rumpf


def _in_utf16(xml: bytes) -> bytes:
    rumpf = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    text = '<?xml version="1.0" encoding="UTF-16"?>' + (LACHER + rumpf).decode()
    return b"\xff\xfe" + text.encode("utf-16-le")


@pytest.mark.parametrize(
    ("verpacken", "teil"), [(_hinter_pi, "xl/styles.xml"), (_in_utf16, "xl/_rels/workbook.xml.rels")]
)
def test_dtd_hinter_verarbeitungsanweisung_oder_in_utf16_wird_gefunden(verpacken, teil):
    daten = mappe_bytes()
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(_mit_teil(daten, teil, verpacken(lies_teil(daten, teil))))
    (befund,) = fehler.value.befunde
    assert befund.meldung.startswith(f"Ein Teil der Arbeitsmappe ({teil}) enthält XML-Definitionen (DOCTYPE/ENTITY)")


BLATT_RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" '
    b'Target="../comments1.xml"/></Relationships>'
)


def test_dtd_in_den_beziehungen_eines_blatts_erreicht_die_statistik_nicht():
    """Low finding: the loader never reads a sheet's .rels, the statistics step did (ParseError)."""
    from ipdaten.amtlich.ablauf import einbuergerung_aus_statistik
    from tests.statistikdateien import REGION, bevoelkerung_csv, einbuergerungen_csv

    mappe = _mit_teil(mappe_bytes(), "xl/worksheets/_rels/sheet3.xml.rels", _hinter_pi(BLATT_RELS))
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(mappe)
    assert "(xl/worksheets/_rels/sheet3.xml.rels) enthält XML-Definitionen" in fehler.value.befunde[0].meldung
    dateien = [("einb.csv", einbuergerungen_csv()), ("bev.csv", bevoelkerung_csv())]
    assert einbuergerung_aus_statistik(dateien, mappe_bytes(), REGION, []).ueberarbeitung is not None
    lauf = einbuergerung_aus_statistik(dateien, mappe, REGION, [])
    assert lauf.ueberarbeitung is None
    assert lauf.befunde == [
        "Die Arbeitsmappe, deren Blatt „Einbürgerung“ ersetzt werden soll, ist selbst keine gültige Anlage 1: Ein "
        "Teil der Arbeitsmappe (xl/worksheets/_rels/sheet3.xml.rels) enthält XML-Definitionen (DOCTYPE/ENTITY), "
        "wie sie Excel und LibreOffice nie schreiben. Die Datei wird aus Sicherheitsgründen nicht gelesen. Erwartet: "
        "eine gültige Arbeitsmappe (z. B. den aktuellen Stand)."
    ]


@pytest.mark.langsam
def test_word_dokument_mit_mehr_als_2000_empfehlungen_ohne_riesentabelle():
    """Low finding: the Sitzungsvorlage wrote every recommendation as a table row (20 000 rows:
    14–19 s and 400–640 MB of the server). Above 2 000 it says so and names the complete list."""
    from docx import Document

    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.export_docx import docx_bytes
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
    from tests.arbeitsmappen import grosse_mappe_bytes

    vorlage = sitzungsvorlage(Auswertung(lade_anlage(grosse_mappe_bytes(2_001))))
    assert vorlage.anlage1 == ()
    dokument = Document(io.BytesIO(docx_bytes(vorlage)))
    texte = [a.text for a in dokument.paragraphs]
    anfang = texte.index("Anlage 1: Auswertung der Handlungsempfehlungen")
    assert texte[anfang + 1].startswith("Auswertung aller 2.001 Handlungsempfehlungen, Stand ")
    assert texte[anfang + 1].endswith(
        "So viele Zeilen schreibt das Dashboard nicht in ein Word-Dokument (höchstens 2.000): Bitte die "
        "Arbeitsmappe dieses Stands als Anlage 1 beilegen."
    )
    tabelle = dokument.tables[-1]
    assert [z.cells[0].text for z in tabelle.rows] == ["Handlungsfeld"]  # the header only
    assert len(sitzungsvorlage(Auswertung(lade_anlage(grosse_mappe_bytes(2_000)))).anlage1) == 2_000

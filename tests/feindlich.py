"""Hostile workbook texts for the security tests (issue 17): spreadsheet formulas, links,
Markdown, HTML, a tracking image, LaTeX, bidi control characters — each where a user's
workbook text is shown or exported."""

from __future__ import annotations

from openpyxl import Workbook

from tests.arbeitsmappen import empfehlung, mappe_bytes

FANG = "evil.example"  # every address below points here; a request to it is a leak
FORMEL = "=cmd|' /C calc'!A0"
HYPERLINK = f'=HYPERLINK("http://{FANG}/f","klick")'
URL = f"http://{FANG}/pfad"
MAIL = f"chef@{FANG}"
MARKDOWN = (
    f"**fett** _kursiv_ $x^2$ :red[rot] [Link](http://{FANG}/l) ![bild](http://{FANG}/t.png) "
    f'<img src="http://{FANG}/i.png"> <script>alert(1)</script> www.{FANG}'
)
RLO = "Landkreis \u202eKRAP"  # right-to-left override: would show "Landkreis PARK"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

# Texts a hostile workbook carries, each a string cell (never an Excel formula in the file).
FELDNAMEN = {1: FORMEL, 2: MARKDOWN, 3: RLO}
GEBIETE = [FORMEL, HYPERLINK, URL, "+1+1", "@SUMME(A1)", MARKDOWN]
MASSNAHMEN = [FORMEL, HYPERLINK, URL, "-2+3", MARKDOWN]


def _als_text(wb: Workbook) -> None:
    """openpyxl writes a str starting with "=" as a formula; these must be text cells."""
    for blatt in wb.worksheets:
        for zeile in blatt.iter_rows():
            for zelle in zeile:
                if isinstance(zelle.value, str):
                    zelle.data_type = "s"


def feindliche_mappe_bytes() -> bytes:
    """A valid Anlage 1 whose texts are all hostile, everywhere they are read."""
    return mappe_bytes(
        handlungsfelder=[[nr, name, f"{MARKDOWN} {MAIL}", f"{URL} {BIDI}"] for nr, name in FELDNAMEN.items()],
        empfehlungen=[
            empfehlung(1, 1, "umgesetzt", FORMEL, ziel=HYPERLINK, bemerkung=f"{URL} {MAIL}", quelle=MARKDOWN),
            empfehlung(1, 2, "in Arbeit", MARKDOWN, bemerkung=RLO, quelle=URL),
            empfehlung(2, 1, "umgesetzt", URL, bemerkung=MARKDOWN, quelle=FORMEL),
            empfehlung(2, 2, "nicht umgesetzt", HYPERLINK),
            empfehlung(3, 1, "in Abstimmung", f"{MAIL} {RLO}", bemerkung=HYPERLINK),
        ],
        einbuergerung=[[gebiet, 2016, 1.0 + index / 10] for index, gebiet in enumerate(GEBIETE)]
        + [["Landkreis Böblingen", 2016, 1.54]],
        haushalt=[[name, 1000 * (index + 1), 2017, index % 3 + 1] for index, name in enumerate(MASSNAHMEN)],
        meilensteine=[["2017-07", FORMEL], ["2018", MARKDOWN], ["2019", URL]],
        info=[["Stand", "2017-09-30"], ["Bezeichnung", FORMEL]],
        anpassen=_als_text,
    )


def speicherbombe_bytes(zeilen: int = 100_000, spalten: int = 25) -> bytes:
    """A small upload whose sheet Empfehlungen spans `zeilen` × `spalten` cells with values
    (2,5 million by default: about 5 MB compressed, 60 MB of XML).

    The rows are written as XML from one row pattern (cell by cell in Python took seconds)."""
    import zipfile as _zip

    from tests.arbeitsmappen import ersetze_teile, lies_teil

    daten = mappe_bytes()
    xml = lies_teil(daten, "xl/worksheets/sheet2.xml")
    buchstaben = [chr(65 + s) if s < 26 else "A" + chr(65 + s - 26) for s in range(spalten)]
    # One row with the placeholders #Z# (row number) and #W# (the value, the row's last digit).
    muster = b'<row r="#Z#">' + b"".join(b'<c r="%s#Z#"><v>#W#</v></c>' % b.encode() for b in buchstaben) + b"</row>"
    teile = muster.replace(b"#W#", b"\0").split(b"#Z#")
    zeilen_xml = b"".join(str(z).encode().join(teile).replace(b"\0", b"%d" % (z % 10)) for z in range(20, 20 + zeilen))
    xml = xml.replace(b"</sheetData>", zeilen_xml + b"</sheetData>")
    return ersetze_teile(daten, {"xl/worksheets/sheet2.xml": xml}, kompression=_zip.ZIP_DEFLATED)


def blattbombe_bytes(anzahl: int = 2_000, empfehlungen: int = 1_000) -> bytes:
    """A workbook whose `xl/workbook.xml` lists `anzahl` more sheets, all pointing at the one part
    of the sheet Empfehlungen (about 0,5 MB of XML with 1 000 rows; 113 KB at 2 000 entries)."""
    from tests.arbeitsmappen import ersetze_teile, grosse_mappe_bytes, lies_teil

    daten = grosse_mappe_bytes(empfehlungen)
    mappe = lies_teil(daten, "xl/workbook.xml")
    rels = lies_teil(daten, "xl/_rels/workbook.xml.rels")
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    blaetter = "".join(
        f'<sheet xmlns:r="{r}" name="Kopie {i}" sheetId="{i + 10}" r:id="rIdK{i}"/>' for i in range(anzahl)
    )
    ziele = "".join(
        f'<Relationship Type="{r}/worksheet" Target="/xl/worksheets/sheet2.xml" Id="rIdK{i}"/>' for i in range(anzahl)
    )
    return ersetze_teile(
        daten,
        {
            "xl/workbook.xml": mappe.replace(b"</sheets>", blaetter.encode() + b"</sheets>"),
            "xl/_rels/workbook.xml.rels": rels.replace(b"</Relationships>", ziele.encode() + b"</Relationships>"),
        },
    )


def mit_spaltenangaben(daten: bytes, spalten: bytes) -> bytes:
    """`daten` with `<cols>…</cols>` put before the sheet data of Empfehlungen."""
    from tests.arbeitsmappen import ersetze_teile, lies_teil

    xml = lies_teil(daten, "xl/worksheets/sheet2.xml")
    stelle = xml.index(b"<sheetData")
    return ersetze_teile(
        daten, {"xl/worksheets/sheet2.xml": xml[:stelle] + b"<cols>" + spalten + b"</cols>" + xml[stelle:]}
    )


def spaltenbombe_bytes(anzahl: int) -> bytes:
    """`anzahl` hidden ranges of 16 384 columns each, far right of Excel's last column."""
    from tests.arbeitsmappen import excel_bytes

    return mit_spaltenangaben(
        excel_bytes(),
        b"".join(
            b'<col min="%d" max="%d" hidden="1"/>' % (1_000_000 + i * 20_000, 1_000_000 + i * 20_000 + 16_383)
            for i in range(anzahl)
        ),
    )

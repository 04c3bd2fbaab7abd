"""Issue 17 (1): after a hostile upload, no export carries a formula or a hyperlink — the
PowerPoint's embedded chart workbooks included — and every hostile text is still there as text."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.praesentation.folien import praesentation
from tests.arbeitsmappen import STANDARD_PFAD
from tests.feindlich import FORMEL, GEBIETE, HYPERLINK, URL, feindliche_mappe_bytes


@pytest.fixture(scope="module")
def auswertung() -> Auswertung:
    return Auswertung(lade_anlage(feindliche_mappe_bytes()))


def _pruefe_mappe(daten: bytes, wo: str) -> list[str]:
    """Every text cell of an xlsx; fails on any formula, hyperlink or external link."""
    with zipfile.ZipFile(io.BytesIO(daten)) as archiv:
        for name in archiv.namelist():
            inhalt = archiv.read(name)
            assert b"<f>" not in inhalt and b"<f " not in inhalt, f"{wo}: Formel in {name}"
            assert b"<hyperlink" not in inhalt, f"{wo}: Hyperlink in {name}"
            assert b"/hyperlink" not in inhalt and b"externalLink" not in inhalt, f"{wo}: Verweis in {name}"
    texte = []
    for blatt in load_workbook(io.BytesIO(daten)).worksheets:
        assert not blatt._hyperlinks, f"{wo}: Hyperlink in {blatt.title}"
        for zeile in blatt.iter_rows():
            for zelle in zeile:
                assert zelle.data_type != "f", f"{wo}: Formel in {blatt.title}!{zelle.coordinate}: {zelle.value}"
                if isinstance(zelle.value, str):
                    texte.append(zelle.value)
    return texte


def test_pptx_diagrammdaten_bleiben_text(auswertung):
    datei = pptx_bytes(praesentation(auswertung, vorher=Auswertung(lade_anlage(STANDARD_PFAD))))
    texte = []
    with zipfile.ZipFile(io.BytesIO(datei)) as archiv:
        eingebettet = [n for n in archiv.namelist() if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        assert len(eingebettet) >= 4
        for name in eingebettet:
            texte += _pruefe_mappe(archiv.read(name), name)
        for name in archiv.namelist():
            if name.endswith(".rels"):
                assert b"hyperlink" not in archiv.read(name), f"Hyperlink in {name}"
    # The hostile names reached the chart data — as text, character for character.
    for text in GEBIETE:
        assert text in texte


def test_excel_export_bleibt_text(auswertung):
    texte = _pruefe_mappe(excel_bytes(auswertung, quelle=FORMEL), "Excel-Export")
    for text in (FORMEL, HYPERLINK, URL, *GEBIETE):
        assert text in texte

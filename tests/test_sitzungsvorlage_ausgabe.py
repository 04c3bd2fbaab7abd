"""The Sitzungsvorlage leaves the program: the command line `bericht` and LibreOffice's PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_docx import docx_bytes
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from tests.arbeitsmappen import STANDARD_PFAD, standard_bytes, ueberarbeitete_standard_bytes
from tests.kommandozeile import rufe
from tests.sitzungsvorlage_pruefung import Gelesen, pruefe_dokument


@pytest.fixture(scope="module")
def standard() -> Auswertung:
    return Auswertung(lade_anlage(STANDARD_PFAD))


@pytest.fixture(scope="module")
def herbst() -> Auswertung:
    return Auswertung(lade_anlage(ueberarbeitete_standard_bytes()))


def libreoffice_pdf(docx: Path) -> Path:
    """Convert with LibreOffice headless; the PDF lands next to the .docx."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return docx.with_suffix(".pdf")


def test_kommandozeile_bericht(tmp_path, standard, herbst):
    alt, neu = tmp_path / "alt.xlsx", tmp_path / "neu.xlsx"
    alt.write_bytes(standard_bytes())
    neu.write_bytes(ueberarbeitete_standard_bytes())
    ziel = tmp_path / "vorlage.docx"
    ergebnis = rufe("bericht", str(neu), "--vorher", str(alt), "-o", str(ziel))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout == f"Sitzungsvorlage geschrieben: {ziel} (Stand 30. September 2017)\n"
    pruefe_dokument(Gelesen(ziel.read_bytes()), herbst, standard, sitzung="27. November 2017")


@pytest.mark.parametrize(
    ("argumente", "code", "meldung"),
    [
        (["--sitzungsdatum", "31.02.2017"], 2, "„31.02.2017“ ist kein Datum"),
        (["--vorlage", "daten/anlage1.xlsx"], 1, "kein Word-Dokument"),
        (["--vorlage", "gibt/es/nicht.docx"], 1, "gibt es nicht"),
        (["--vorher", "gibt/es/nicht.xlsx"], 1, "gibt es nicht"),
    ],
)
def test_kommandozeile_fehler_auf_deutsch(tmp_path, argumente, code, meldung):
    ergebnis = rufe("bericht", "daten/anlage1.xlsx", "-o", str(tmp_path / "x.docx"), *argumente)
    assert ergebnis.returncode == code
    assert meldung in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice fehlt")
def test_libreoffice_macht_ein_pdf(tmp_path, standard, herbst):
    (tmp_path / "vorlage.docx").write_bytes(docx_bytes(sitzungsvorlage(herbst, vorher=standard)))
    pdf = libreoffice_pdf(tmp_path / "vorlage.docx").read_bytes()
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "vorlage.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Anlage 1: Auswertung der Handlungsempfehlungen" in text
        assert "355.400 €" in text
        assert "3. Flüchtlingsperspektive" in text

"""The Sitzungsvorlage leaves the program: the command line `bericht` and LibreOffice's PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_docx import docx_bytes
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from tests.arbeitsmappen import standard_bytes, ueberarbeitete_standard_bytes
from tests.kommandozeile import rufe
from tests.sitzungsvorlage_pruefung import Gelesen, pruefe_dokument


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
    from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
    from ipdaten.zahlen.verlauf import StandKopf, abriss, verlauf

    # the CLI's history: the given workbooks numbered in order, labelled with their Bezeichnung
    staende = [
        abriss(StandKopf(i, a.anlage.stand, a.anlage.bezeichnung), a.anlage) for i, a in ((1, standard), (2, herbst))
    ]
    va = VerlaufAuswertung(verlauf(staende), herbst.anlage.feldnamen)
    gelesen = Gelesen(ziel.read_bytes())
    pruefe_dokument(gelesen, herbst, standard, sitzung="27. November 2017", verlauf=va)
    assert "Abbildung 2: Verlauf über 2 Stände: Anteile über alle Handlungsfelder" in gelesen.absaetze


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


@pytest.mark.libreoffice
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


# --- three Stände, PDF and meeting details on the command line ---------------------------------


def _drei_dateien(tmp_path) -> list[Path]:
    from tests import fortschreibung_mappen as fm

    dateien = [tmp_path / f"stand{i}.xlsx" for i in (1, 2, 3)]
    for i, datei in enumerate(dateien, start=1):
        datei.write_bytes(fm.stand_bytes(i))
    return dateien


def _pdf_text(pfad: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pfad), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice fehlt")
def test_kommandozeile_drei_staende_word_und_pdf(tmp_path):
    from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
    from ipdaten.zahlen.verlauf import verlauf
    from tests import fortschreibung_mappen as fm

    eins, zwei, drei = _drei_dateien(tmp_path)
    ziel = tmp_path / "vorlage.docx"
    ergebnis = rufe(
        "bericht", str(drei), "--vorher", str(eins), "--vorher", str(zwei), "-o", str(ziel), "--pdf",
        "--gremium", "Kreistag", "--beschlussfassung", "--nichtoeffentlich", "--sitzungsdatum", "19.03.2018",
    )  # fmt: skip
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout == (
        f"Sitzungsvorlage geschrieben: {ziel} (Stand 1. März 2018)\n"
        f"Sitzungsvorlage (PDF) geschrieben: {ziel.with_suffix('.pdf')} (Stand 1. März 2018)\n"
    )
    anlagen = fm.anlagen()
    # the history the CLI builds: numbered in the order given, labelled with the workbooks' Bezeichnung
    va = VerlaufAuswertung(verlauf(fm.abrisse(anlagen)), anlagen[-1].feldnamen)
    gelesen = Gelesen(ziel.read_bytes())
    pruefe_dokument(gelesen, Auswertung(anlagen[2]), Auswertung(anlagen[1]), "19. März 2018", va, "Kreistag")
    assert gelesen.tabellen[0] == [["Kreistag", "19. März 2018"], ["zur Beschlussfassung", "nichtöffentlich"]]
    text = _pdf_text(ziel.with_suffix(".pdf"))
    for teil in ("I. Vorlage an den", "3. Flüchtlingsperspektive", "Verlauf über 3 Stände", "Anlage 1"):
        assert teil in text, teil


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice fehlt")
def test_kommandozeile_nur_pdf_nach_der_endung(tmp_path):
    ziel = tmp_path / "vorlage.pdf"
    ergebnis = rufe("bericht", "daten/anlage1.xlsx", "-o", str(ziel))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout == f"Sitzungsvorlage (PDF) geschrieben: {ziel} (Stand 6. März 2017)\n"
    assert ziel.read_bytes().startswith(b"%PDF")
    assert not ziel.with_suffix(".docx").exists()
    assert "5. Finanzielle Auswirkungen" in _pdf_text(ziel)


def test_kommandozeile_ohne_libreoffice_sagt_es_auf_deutsch(tmp_path, monkeypatch):
    from ipdaten.praesentation import export_pdf

    monkeypatch.setattr(export_pdf, "libreoffice", lambda: None)
    nur_pdf = rufe("bericht", "daten/anlage1.xlsx", "-o", str(tmp_path / "x.pdf"))
    assert nur_pdf.returncode == 1 and nur_pdf.stdout == ""
    assert nur_pdf.stderr == f"Fehler: {export_pdf.NICHT_INSTALLIERT}\n"
    assert not (tmp_path / "x.pdf").exists()
    beide = rufe("bericht", "daten/anlage1.xlsx", "-o", str(tmp_path / "x.docx"), "--pdf")
    assert beide.returncode == 1
    assert beide.stderr.endswith("Die Word-Datei ist geschrieben.\n")
    assert (tmp_path / "x.docx").exists() and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("argumente", "meldung"),
    [
        (["-o", "vorlage.txt"], "Fehler: Die Ziel-Datei „vorlage.txt“ muss auf .docx (Word) oder .pdf enden.\n"),
        (
            ["-o", "daten/anlage1.xlsx"],
            "Fehler: Die Ausgabe „daten/anlage1.xlsx“ ist zugleich eine Eingabe; sie würde überschrieben. Bitte mit -o "
            "eine andere Datei angeben.\n",
        ),
    ],
)
def test_kommandozeile_falsche_endung(argumente, meldung):
    ergebnis = rufe("bericht", "daten/anlage1.xlsx", *argumente)
    assert (ergebnis.returncode, ergebnis.stdout, ergebnis.stderr) == (2, "", meldung)


# --- the PDF conversion itself -------------------------------------------------------------------


def _falsches_soffice(tmp_path, monkeypatch, skript: str) -> None:
    programm = tmp_path / "soffice"
    programm.write_text("#!/bin/sh\n" + skript + "\n")
    programm.chmod(0o755)
    monkeypatch.setenv("IPDATEN_SOFFICE", str(programm))


def test_pdf_zeitlimit_und_fehlschlag_auf_deutsch(tmp_path, monkeypatch):
    from ipdaten.praesentation import export_pdf

    _falsches_soffice(tmp_path, monkeypatch, "sleep 5")
    with pytest.raises(export_pdf.PdfFehler, match="nicht in 0 Sekunden erstellt"):
        export_pdf.pdf_bytes(b"PK", zeitlimit_s=0.3)
    _falsches_soffice(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded' >&2; exit 1")
    with pytest.raises(export_pdf.PdfFehler) as fehler:
        export_pdf.pdf_bytes(b"PK")
    assert str(fehler.value) == (
        "LibreOffice konnte die Sitzungsvorlage nicht in PDF umwandeln (Error: source file could not be loaded). "
        "Die Word-Datei lässt sich in Word als PDF speichern."
    )


def test_fehler_pdf_ist_ein_pdf_mit_der_meldung(tmp_path):
    from ipdaten.praesentation.export_pdf import fehler_pdf

    (tmp_path / "f.pdf").write_bytes(fehler_pdf("LibreOffice fehlt auf dem Server."))
    assert (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = _pdf_text(tmp_path / "f.pdf")
        assert "Sitzungsvorlage (PDF) konnte nicht erstellt werden" in text
        assert "LibreOffice fehlt auf dem Server." in text


# --- the pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seite", ["seiten/daten.py", "seiten/praesentation.py"])
def test_pdf_knopf_neben_word_oder_deutsche_meldung(seite, monkeypatch):
    from ipdaten.praesentation import export_pdf
    from tests.seiten_hilfen import starte, texte

    monkeypatch.setattr(export_pdf, "libreoffice", lambda: "/usr/bin/soffice")
    knoepfe = {e.proto.id.rsplit("-", 1)[-1]: e.proto for e in starte(seite).get("download_button")}
    assert knoepfe["sitzungsvorlage_pdf"].label == "Sitzungsvorlage (PDF)"
    assert knoepfe["sitzungsvorlage_pdf"].deferred_file_id  # built only on the click
    monkeypatch.setattr(export_pdf, "libreoffice", lambda: None)
    at = starte(seite)
    assert "sitzungsvorlage_pdf" not in [e.proto.id.rsplit("-", 1)[-1] for e in at.get("download_button")]
    assert "sitzungsvorlage_export" in [e.proto.id.rsplit("-", 1)[-1] for e in at.get("download_button")]
    assert export_pdf.NICHT_INSTALLIERT in texte(at)


def test_angaben_zur_sitzung_gelten_fuer_die_sitzung():
    from ipdaten.praesentation.vorlage_daten import Sitzungsangaben
    from oberflaeche.sitzungsvorlage import ANGABEN, ANGABEN_OFFEN
    from tests.seiten_hilfen import starte

    at = starte("seiten/daten.py")
    assert "sitzungsvorlage_gremium" not in [w.key for w in at.text_input]  # drawn once the expander opens
    at.session_state[ANGABEN_OFFEN] = True  # what a click on the expander does
    at.run()
    at.text_input(key="sitzungsvorlage_gremium").set_value("Kreistag").run()
    at.radio(key="sitzungsvorlage_beratung").set_value("zur Beschlussfassung").run()
    at.text_area(key="sitzungsvorlage_beschlussvorschlag").set_value("Der Kreistag stimmt zu.").run()
    at.radio(key="sitzungsvorlage_oeffentlichkeit").set_value("nichtöffentlich").run()
    erwartet = Sitzungsangaben(
        gremium="Kreistag", beschluss=True, beschlussvorschlag="Der Kreistag stimmt zu.", oeffentlich=False
    )
    assert at.session_state[ANGABEN] == erwartet
    at.session_state[ANGABEN_OFFEN] = False  # closed again: what she entered stays
    at.run()
    assert at.session_state[ANGABEN] == erwartet
    at.session_state[ANGABEN_OFFEN] = True
    at.run()
    assert at.text_input(key="sitzungsvorlage_gremium").value == "Kreistag"
    at.switch_page("seiten/praesentation.py").run()
    assert at.session_state[ANGABEN].gremium == "Kreistag"  # the Präsentation page's button uses the same

"""The Sitzungsvorlage from the Daten page in real Chromium: an entered Sitzungsdatum and
Gremium reach the head of the downloaded Word document, and the PDF is the same document."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx import Document

from tests.browser.streamlit_browser import bildschirmfoto, oeffne, warte_bis_fertig


def test_sitzungsdatum_eingeben_und_herunterladen(seite, server_url):
    oeffne(seite, f"{server_url}/daten")
    # Streamlit's date field has one spin button per part (dd.mm.yyyy); typing moves on by itself.
    seite.locator('.st-key-sitzungsdatum [role="spinbutton"][data-type="day"]').click()
    seite.keyboard.type("03042017")
    seite.keyboard.press("Tab")
    seite.get_by_text("Angaben zur Sitzung: Gremium, Beratung, Öffentlichkeit").click()
    gremium = seite.locator(".st-key-sitzungsvorlage_gremium input")
    gremium.fill("Kreistag")
    gremium.press("Enter")
    warte_bis_fertig(seite)
    seite.get_by_text("Veröffentlichte Stände").click()
    warte_bis_fertig(seite)
    bildschirmfoto(seite, "daten-sitzungsvorlage")
    with seite.expect_download(timeout=60_000) as laden:
        seite.locator(".st-key-sitzungsvorlage_export").get_by_role("button", name="Sitzungsvorlage (Word)").click()
    download = laden.value
    assert download.suggested_filename == "Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.docx"
    doc = Document(str(download.path()))
    assert [doc.tables[0].cell(0, 0).text, doc.tables[0].cell(0, 1).text] == ["Kreistag", "3. April 2017"]
    texte = [p.text for p in doc.paragraphs]
    assert any(t.startswith("[Rekonstruktion der Anlage 1") for t in texte)
    assert not any(t.startswith("Gegenüber dem Stand") for t in texte)  # only one Stand


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="LibreOffice fehlt")
def test_pdf_herunterladen(seite, server_url, tmp_path):
    oeffne(seite, f"{server_url}/daten")
    knopf = seite.locator(".st-key-sitzungsvorlage_pdf").get_by_role("button", name="Sitzungsvorlage (PDF)")
    with seite.expect_download(timeout=180_000) as laden:
        knopf.click()
    download = laden.value
    assert download.suggested_filename == "Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.pdf"
    ziel = tmp_path / "vorlage.pdf"
    download.save_as(ziel)
    text = subprocess.run(["pdftotext", "-layout", str(ziel), "-"], capture_output=True, text=True, check=True).stdout
    for teil in (
        "I. Vorlage an den",
        "1. Bilanz (Auswertung der Tabellen – Qualitative Bewertung)",
        "4. Perspektive (Ergebnisse bis zum 27. November 2017)",
        "355.400 €",
        "Anlage 1",
    ):
        assert teil in text, teil


def test_rueckmelderunde_erreicht_die_vorlage(seite, eigener_server):
    """A round with two answered forms in the store: the Word document from the Daten page says so."""
    import datetime as dt

    from ipdaten.ablage import Ablage
    from ipdaten.rueckmeldung import Rundenablage, lies_boegen
    from tests import rueckmeldebogen as rb
    from tests.arbeitsmappen import STANDARD_PFAD

    url, ordner = eigener_server
    ablage = Ablage(ordner, STANDARD_PFAD)
    ablage.veroeffentliche(rb.mappe(), dateiname="anlage.xlsx")
    runden = Rundenablage(ablage)
    runde = rb.standardrunde()
    runden.lege_an(runde)
    boegen = [
        ("jobcenter.xlsx", rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}})),
        ("kreisbau.xlsx", rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit"}})),
    ]
    runden.nimm_auf(
        runde.id, boegen, lies_boegen(boegen, runde, rb.anlage()), dt.datetime(2017, 10, 12, 9, tzinfo=dt.UTC)
    )
    oeffne(seite, f"{url}/daten")
    with seite.expect_download(timeout=60_000) as laden:
        seite.locator(".st-key-sitzungsvorlage_export").get_by_role("button", name="Sitzungsvorlage (Word)").click()
    texte = [p.text for p in Document(str(laden.value.path())).paragraphs]
    runde_absatz = next(t for t in texte if t.startswith("Zur Rückmelderunde"))
    assert runde_absatz.startswith(
        "Zur Rückmelderunde „Fortschreibung Herbst 2017“ (Rückmeldefrist 31. Oktober 2017): 2 von 5 Stellen haben "
        "geantwortet, zuletzt am 12. Oktober 2017."
    )

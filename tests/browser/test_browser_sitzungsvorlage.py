"""The Sitzungsvorlage from the Daten page in real Chromium: an entered Sitzungsdatum reaches
the head of the downloaded Word document."""

from __future__ import annotations

from docx import Document

from tests.browser.streamlit_browser import bildschirmfoto, oeffne, warte_bis_fertig


def test_sitzungsdatum_eingeben_und_herunterladen(seite, server_url):
    oeffne(seite, f"{server_url}/daten")
    # Streamlit's date field has one spin button per part (dd.mm.yyyy); typing moves on by itself.
    seite.locator('.st-key-sitzungsdatum [role="spinbutton"][data-type="day"]').click()
    seite.keyboard.type("03042017")
    seite.keyboard.press("Tab")
    seite.get_by_text("Veröffentlichte Stände").click()
    warte_bis_fertig(seite)
    bildschirmfoto(seite, "daten-sitzungsvorlage")
    with seite.expect_download(timeout=60_000) as laden:
        seite.locator(".st-key-sitzungsvorlage_export").get_by_role("button", name="Sitzungsvorlage (Word)").click()
    download = laden.value
    assert download.suggested_filename == "Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.docx"
    doc = Document(str(download.path()))
    assert doc.tables[0].cell(0, 1).text == "3. April 2017"
    texte = [p.text for p in doc.paragraphs]
    assert any(t.startswith("[Rekonstruktion der Anlage 1") for t in texte)
    assert not any(t.startswith("Gegenüber dem Stand") for t in texte)  # only one Stand

"""The Rückmelderunde in real Chromium (issue 21): start a round, download the ZIP of forms, upload
three filled forms and one broken one at once, see the overview and a conflict, decide it,
publish; a second browser sees „zuletzt gemeldet“ and the new Stand; a quick correction of one
status on Handlungsfelder goes through the same preview to a Stand of its own.

Runs its own server with its own store (eigener_server). Screenshots at 1280 and 390 px go to
the artefacts folder (tests/artefakte.py).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe import lade_anlage
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import STANDARD_PFAD
from tests.browser.streamlit_browser import (
    PASSWORT,
    REDAKTEURIN,
    XLSX,
    bildschirmfoto,
    neuer_kontext,
    oeffne,
    seitentext,
    veroeffentliche,
    waehle,
    warte_bis_fertig,
)

pytestmark = pytest.mark.browser


def _freischalten(seite, schluessel: str) -> None:
    """Unlock editing in the gate with the widget prefix `schluessel` (name, password, Enter)."""
    seite.locator(f".st-key-{schluessel}_name input").fill(REDAKTEURIN)
    feld = seite.locator(f".st-key-{schluessel}_passwort input")
    feld.fill(PASSWORT)
    feld.press("Enter")
    seite.locator(f".st-key-{schluessel}_beenden button").wait_for()  # shown once unlocked
    warte_bis_fertig(seite)


def _entscheide(seite, antwort: str) -> None:
    """Choose the conflict's answer whose text contains `antwort`; the merge button is enabled then.
    A rerun of the Stand poll arriving in the same moment can swallow the click: try again."""
    for versuch in range(4):
        warte_bis_fertig(seite)
        seite.get_by_role("radio", name=re.compile(re.escape(antwort))).check(force=True)
        try:
            seite.locator(".st-key-runde_uebernehmen button:enabled").first.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if versuch == 3:
                raise
    warte_bis_fertig(seite)


def _zellen(seite) -> list[str]:
    """The texts of every data-grid cell on the page (st.dataframe draws on a canvas)."""
    return [t.replace("\xa0", " ") for t in seite.locator('[role="gridcell"]').all_text_contents()]


def _stand(daten: bytes, nr: str) -> dict:
    feld, nummer = (int(t) for t in nr.split("."))
    e = lade_anlage(daten).empfehlungen
    return e[(e["handlungsfeld"] == feld) & (e["nr"] == nummer)].iloc[0].to_dict()


def test_rueckmelderunde_vom_start_bis_zum_neuen_stand(browser, eigener_server):
    url, ablage_ordner = eigener_server
    ablage = Ablage(ablage_ordner, STANDARD_PFAD)
    ablage.veroeffentliche(rb.mappe(), bezeichnung="Frühjahr 2018")  # a workbook naming lead bodies
    kontext, seite = neuer_kontext(browser, accept_downloads=True, viewport={"width": 1280, "height": 900})
    kontext_b = None
    try:
        oeffne(seite, f"{url}/daten")
        seite.get_by_text("Rückmelderunde", exact=True).first.wait_for()
        seite.get_by_text("Zum Bearbeiten anmelden").click()  # the form is drawn once it is opened
        _freischalten(seite, "runde_redakteur")
        seite.locator(".st-key-runde_titel input").fill("Fortschreibung Herbst 2017")
        seite.locator(".st-key-runde_starten button").click()
        seite.get_by_text("ist gestartet").wait_for()
        warte_bis_fertig(seite)
        assert "Noch nicht geantwortet (5): Integrationsbeauftragte, Jobcenter, Kreisbau, Sozialamt, nicht benannt" in (
            seitentext(seite)
        )
        # The e-mail drafts are real mailto: links with the reply date.
        seite.get_by_text("E-Mail-Entwürfe").click()
        link = seite.get_by_role("link", name="E-Mail-Entwurf").nth(1)
        assert link.get_attribute("href").startswith("mailto:?subject=R%C3%BCckmeldung%20zum%20Integrationsplan")

        # All forms as one ZIP, built on the click.
        with seite.expect_download() as download:
            seite.locator(".st-key-runde_zip button").click()
        assert download.value.suggested_filename == "Rueckmeldeboegen_Fortschreibung_Herbst_2017.zip"
        with zipfile.ZipFile(Path(download.value.path())) as archiv:
            boegen = {
                n.removeprefix("Rueckmeldebogen_").removesuffix(".xlsx"): archiv.read(n) for n in archiv.namelist()
            }
        assert sorted(boegen) == ["Integrationsbeauftragte", "Jobcenter", "Kreisbau", "Sozialamt", "nicht_benannt"]

        # Partners fill them in; Kreisbau sends two versions, the Sozialamt types a word no status knows.
        dateien = {
            "Jobcenter.xlsx": rb.fuelle(
                boegen["Jobcenter"], {"1.2": {"Bemerkung neu": "Kurse 2018"}, "3.1": {"Status neu": "in Arbeit"}}
            ),
            "Kreisbau.xlsx": rb.fuelle(boegen["Kreisbau"], {"2.2": {"Status neu": "in Arbeit"}}, absender="A. Bau"),
            "Kreisbau_neu.xlsx": rb.fuelle(boegen["Kreisbau"], {"2.2": {"Status neu": "umgesetzt"}}, absender="B. Bau"),
            "Sozialamt.xlsx": rb.fuelle(boegen["Sozialamt"], {"2.3": {"Status neu": "fast fertig"}}),
        }
        seite.locator('.st-key-runde_upload_feld input[type="file"]').set_input_files(
            files=[{"name": n, "mimeType": XLSX, "buffer": d} for n, d in dateien.items()]
        )
        seite.get_by_text("Übernommen (3)").wait_for()
        warte_bis_fertig(seite)
        text = seitentext(seite)
        assert "Nicht verwendbar (1): „Sozialamt.xlsx“" in text
        assert "Status nicht erkannt" in text
        assert "Noch nicht geantwortet (3): Integrationsbeauftragte, Sozialamt, nicht benannt" in text
        assert "Konflikte (1)" in text and "Empfehlung 2.2 – unterschiedlich: Status" in text
        ueberblick = seite.locator('[data-testid="stTable"]').filter(has_text="ausgefüllt von").inner_text()
        assert ueberblick.count("beantwortet") == 2 and ueberblick.count("offen") == 3
        bildschirmfoto(seite, "rueckmelderunde-1-eingelesen-1280")

        # She decides the conflict on the page, takes the answers as preview and publishes.
        _entscheide(seite, "B. Bau")
        seite.locator(".st-key-runde_uebernehmen button").first.click()
        seite.get_by_text("sind jetzt die Vorschau").wait_for()
        warte_bis_fertig(seite)
        text = seitentext(seite)
        assert "Vorschau – nicht veröffentlicht" in text
        assert "Statuswechsel:" in text and "nicht umgesetzt → umgesetzt" in text
        veroeffentliche(seite)
        staende = ablage.staende()
        assert len(staende) == 3 and staende[-1].von.name == REDAKTEURIN
        neu = ablage.lies(staende[-1].sha256)
        assert _stand(neu, "2.2")["status"] == "umgesetzt"
        assert (_stand(neu, "1.2")["bemerkung"], _stand(neu, "1.2")["gemeldet_von"]) == ("Kurse 2018", "Jobcenter")
        bildschirmfoto(seite, "rueckmelderunde-2-veroeffentlicht-1280")

        # A second browser (another person) sees the new Stand and who reported when.
        kontext_b, zweite = neuer_kontext(browser, viewport={"width": 1280, "height": 900})
        oeffne(zweite, f"{url}/zustaendigkeit")
        zweite.get_by_text("Rückmeldungen: nicht gemeldet seit").wait_for()
        text = seitentext(zweite)
        assert "Nr. 3" in text and REDAKTEURIN in text  # the Stand chooser names the new Stand and its publisher
        assert "2 von 5 Stellen haben geantwortet." in text
        zweite.locator('[data-testid="stDataFrame"]').last.scroll_into_view_if_needed()  # the grid draws what is seen
        zweite.locator('[role="gridcell"]', has_text="12. Oktober 2017 (Kreisbau)").first.wait_for(state="attached")
        zellen = _zellen(zweite)
        assert "12. Oktober 2017 (Jobcenter)" in zellen and "noch nie gemeldet" in zellen
        bildschirmfoto(zweite, "rueckmelderunde-3-zweite-sitzung-zustaendigkeit-1280")
        zweite.set_viewport_size({"width": 390, "height": 844})
        oeffne(zweite, f"{url}/zustaendigkeit")
        bildschirmfoto(zweite, "rueckmelderunde-4-zustaendigkeit-390")

        # A quick correction of one status on Handlungsfelder, published the same way.
        oeffne(seite, f"{url}/handlungsfelder")
        waehle(seite, seite.locator(".st-key-handlungsfelder_wortlaut").first, "2.3 – Empfehlung 2.3")
        seite.get_by_text("Status oder Bemerkung von 2.3 korrigieren").click()
        _freischalten(seite, "korrektur_redakteur")
        waehle(seite, seite.locator('[class*="st-key-korrektur_status_"]').first, "umgesetzt")
        seite.locator(".st-key-korrektur_uebernehmen button").click()
        seite.get_by_text("Korrektur von 2.3").wait_for()
        warte_bis_fertig(seite)
        assert "in Arbeit → umgesetzt" in seitentext(seite)
        veroeffentliche(seite)
        staende = ablage.staende()
        assert len(staende) == 4
        assert _stand(ablage.lies(staende[-1].sha256), "2.3")["status"] == "umgesetzt"
        bildschirmfoto(seite, "rueckmelderunde-5-korrektur-veroeffentlicht-1280")

        # The section at phone width.
        seite.set_viewport_size({"width": 390, "height": 844})
        oeffne(seite, f"{url}/daten")
        seite.get_by_text("Rückmelderunde", exact=True).first.wait_for()
        bildschirmfoto(seite, "rueckmelderunde-6-daten-390")
    finally:
        kontext.close()
        if kontext_b is not None:
            kontext_b.close()

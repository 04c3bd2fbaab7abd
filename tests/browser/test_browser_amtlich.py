"""From the upload of statistics files to a published Stand, in real Chromium: the Einbürgerung
page then shows the new figures with their source table, Stand line, licence and definition.

Runs its own server with its own empty store. Screenshots go to test-artefakte/.
"""

from __future__ import annotations

import re

import pytest

from ipdaten.ablage import Ablage
from tests.arbeitsmappen import STANDARD_PFAD
from tests.browser.streamlit_browser import (
    bildschirmfoto,
    neuer_kontext,
    oeffne,
    seitentext,
    veroeffentliche,
    warte_bis_fertig,
)
from tests.statistikdateien import STAND_EINB, bevoelkerung_ffcsv, einbuergerungen_csv

pytestmark = pytest.mark.browser
ZEIT_MS = 90_000  # generous: on a shared, busy machine a rerun with two files took over 30 s


def test_statistikdateien_bis_zur_veroeffentlichten_einbuergerung(browser, eigener_server):
    url, ablage_ordner = eigener_server
    kontext, seite = neuer_kontext(browser, timeout_ms=ZEIT_MS)
    try:
        oeffne(seite, f"{url}/daten", timeout_ms=ZEIT_MS)
        seite.get_by_text("Statistikdateien hochladen und übernehmen").click()  # drawn once opened
        seite.locator('.st-key-amtlich_einbuergerung input[type="file"]').set_input_files(
            files=[{"name": "12511-01-01-4.csv", "mimeType": "text/csv", "buffer": einbuergerungen_csv()}]
        )
        seite.get_by_text("Mit diesen Dateien lässt sich keine Quote bilden.").wait_for()
        seite.locator('.st-key-amtlich_bevoelkerung input[type="file"]').set_input_files(
            files=[{"name": "12411-03-03-4_de_flat.csv", "mimeType": "text/csv", "buffer": bevoelkerung_ffcsv()}]
        )
        seite.get_by_text("Ergebnis neben dem bisherigen Blatt").wait_for()
        warte_bis_fertig(seite, ZEIT_MS)
        text = seitentext(seite)
        assert "Definition: Einbürgerungen eines Jahres je 100 Ausländerinnen und Ausländer" in text
        assert STAND_EINB in text
        assert "Flatfile (ffcsv)" in text
        bildschirmfoto(seite, "amtlich-1-ergebnis")

        warte_bis_fertig(seite, ZEIT_MS)
        seite.locator(".st-key-amtlich_uebernehmen button:visible").first.click()
        seite.get_by_text("Vorschau – nicht veröffentlicht").first.wait_for()
        warte_bis_fertig(seite, ZEIT_MS)
        veroeffentliche(seite)
        assert [s.nr for s in Ablage(ablage_ordner, STANDARD_PFAD).staende()] == [1, 2]

        oeffne(seite, f"{url}/einbuergerung", diagramme=1, timeout_ms=ZEIT_MS)
        text = seitentext(seite)
        assert "Quelle und Definition der Quoten 2016" in text
        assert "Tabelle 12511-01-01-4 „Einbürgerungen von Ausländern nach Kontinenten - Jahr“" in text
        assert "Datenlizenz Deutschland - Namensnennung - Version 2.0" in text
        assert "Definition: Einbürgerungen eines Jahres je 100 Ausländerinnen und Ausländer" in text
        # The grid's hidden cells are filled after the page has rendered: wait for the value.
        seite.locator('[role="gridcell"]', has_text=re.compile(r"1,55\s%")).first.wait_for(state="attached")
        zellen = " ".join(seite.locator('[role="gridcell"]').all_inner_texts()).replace("\xa0", " ")
        assert "1,55 %" in zellen and "Landkreis Böblingen" in zellen
        bildschirmfoto(seite, "amtlich-2-einbuergerung")
    finally:
        kontext.close()

"""Open data in real Chromium (#27): on Daten & Stände the download „Offene Daten“ of each published
Stand gives a ZIP the county's portal can take – one UTF-8 CSV per table, daten.json and the
DCAT-AP.de description with the publisher and licence the server is configured with."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from ipdaten import lade_anlage
from ipdaten.ablage import Ablage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.exporttabellen import Exportquelle
from ipdaten.praesentation.offene_daten import offene_daten
from oberflaeche.quelle import stand_titel
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.browser.streamlit_browser import WURZEL, neuer_kontext, oeffne, streamlit_server, waehle, warte_bis_fertig

pytestmark = pytest.mark.browser

HERAUSGEBER = "Landratsamt Böblingen, Stabsstelle Integration"
LIZENZ = "http://dcat-ap.de/def/licenses/cc-by/4.0"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    """The dashboard with two published Stände and its own publisher and licence: (URL, the title
    of Stand 1 as the chooser names it)."""
    ordner = tmp_path_factory.mktemp("ablage_offene_daten")
    ablage = Ablage(ordner, STANDARD_PFAD)
    ablage.veroeffentliche(ueberarbeitete_standard_bytes(), dateiname="herbst.xlsx")
    umgebung = {
        "IPDATEN_ABLAGE": str(ordner),
        "IPDATEN_HERAUSGEBER": HERAUSGEBER,
        "IPDATEN_LIZENZ": LIZENZ,
        "IPDATEN_LIZENZ_NAME": "Creative Commons Namensnennung 4.0",
    }
    with streamlit_server(WURZEL / "app.py", umgebung) as adresse:
        yield adresse, stand_titel(ablage.staende()[0])


def _herunterladen(seite, nr: int) -> tuple[str, zipfile.ZipFile]:
    with seite.expect_download(timeout=60_000) as laden:
        seite.get_by_role("button", name=f"Offene Daten zu Stand Nr. {nr} (.zip)").click()
    download = laden.value
    return download.suggested_filename, zipfile.ZipFile(io.BytesIO(download.path().read_bytes()))


def _wie_im_fachpaket(archiv: zipfile.ZipFile, daten: bytes) -> None:
    """The ZIP holds the files the domain makes of this workbook, every CSV byte for byte (the
    JSON files also name the Stand's source line, which the page words its own way)."""
    erwartet = offene_daten(Exportquelle(Auswertung(lade_anlage(daten))))
    assert sorted(archiv.namelist()) == sorted(erwartet)
    for name in erwartet:
        if name.endswith(".csv"):
            assert archiv.read(name) == erwartet[name], name
    assert {"daten.json", "metadaten.jsonld", "verteilung.csv"} <= set(erwartet)


def _beschreibung(archiv: zipfile.ZipFile) -> dict:
    return json.loads(archiv.read("metadaten.jsonld").decode("utf-8"))


def test_offene_daten_je_stand(browser, url):
    adresse, erster = url
    kontext, seite = neuer_kontext(browser, timeout_ms=60_000)
    try:
        oeffne(seite, f"{adresse}/daten", timeout_ms=60_000)
        name, archiv = _herunterladen(seite, 2)  # the newest Stand is chosen first
        assert name.endswith("_offene_Daten.zip") and "2017-09-30" in name
        _wie_im_fachpaket(archiv, ueberarbeitete_standard_bytes())
        beschreibung = _beschreibung(archiv)
        assert beschreibung["dct:publisher"]["foaf:name"] == HERAUSGEBER
        assert beschreibung["dct:license"] == {"@id": LIZENZ}
        assert beschreibung["dct:modified"]["@value"] == "2017-09-30"

        waehle(seite, seite.locator('[data-testid="stSelectbox"]').filter(has_text="Stand zum Herunterladen"), erster)
        warte_bis_fertig(seite)
        name, archiv = _herunterladen(seite, 1)
        assert "2017-03-06" in name
        _wie_im_fachpaket(archiv, STANDARD_PFAD.read_bytes())
        assert _beschreibung(archiv)["dct:modified"]["@value"] == "2017-03-06"
    finally:
        kontext.close()

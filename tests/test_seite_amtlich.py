"""Daten page, section "Einbürgerung aus amtlicher Statistik", driven like a user: upload the
statistics files, choose, take over as preview, publish; the Einbürgerung page then shows the
new figures with their source."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.amtlich.quote import DEFINITIONEN, VORJAHR
from oberflaeche import amtliche_statistik
from oberflaeche.sitzung import VORSCHAU as VORSCHAU_SCHLUESSEL
from tests.arbeitsmappen import STANDARD_PFAD
from tests.seiten_hilfen import anmelden, oeffne
from tests.seiten_hilfen import texte as _texte
from tests.statistikdateien import STAND_BEV, STAND_EINB, bevoelkerung_csv, einbuergerungen_csv, gestorbene_csv

APP = str(Path(__file__).resolve().parent.parent / "app.py")
CSV = "text/csv"


def texte(at: AppTest) -> str:
    """What the user reads, without the bold markers."""
    return _texte(at).replace("**", "")


def _daten_seite() -> AppTest:
    """The Daten page with the expander „Statistikdateien hochladen und übernehmen“ opened."""
    at = oeffne("seiten/daten.py").run()
    assert "amtlich_einbuergerung" not in [u.key for u in at.get("file_uploader")]  # drawn once opened
    at.session_state[amtliche_statistik.OFFEN] = True  # what a click on the expander does
    at.run()
    assert not at.exception
    return at


def _lade_hoch(at: AppTest, einb: bytes | None = None, bev: bytes | None = None) -> AppTest:
    if einb is not None:
        at.file_uploader(key="amtlich_einbuergerung").set_value(("12511-01-01-4.csv", einb, CSV)).run()
    if bev is not None:
        at.file_uploader(key="amtlich_bevoelkerung").set_value(("12411-03-03-4.csv", bev, CSV)).run()
    assert not at.exception, at.exception
    return at


def _tabelle(at: AppTest, spalte: str):
    return next(d.value for d in at.dataframe if spalte in d.value.columns)


def test_von_den_statistikdateien_bis_zum_veroeffentlichten_stand():
    at = _lade_hoch(_daten_seite(), einbuergerungen_csv(), bevoelkerung_csv())
    assert at.radio(key="amtlich_definition").options == ["Einbürgerungen ÷ Ausländer am 31.12. des Vorjahres × 100"]
    assert f"Definition: {DEFINITIONEN[VORJAHR]}" in texte(at)
    assert at.multiselect(key="amtlich_gebiete").value == ["08111", "08115", "08116", "08117", "08118", "08119"]
    assert at.multiselect(key=f"amtlich_jahre_{VORJAHR}").value == [2016]
    vergleich = _tabelle(at, "Bisher")
    assert vergleich[["Gebiet", "Jahr", "Bisher", "Neu"]].values.tolist() == [
        ["Stadtkreis Stuttgart", "2016", "1,48\xa0%", "1,33\xa0%"],
        ["Landkreis Böblingen", "2016", "1,54\xa0%", "1,55\xa0%"],
        ["Landkreis Esslingen", "2016", "1,36\xa0%", "1,30\xa0%"],
        ["Landkreis Göppingen", "2016", "keine Angabe", "1,12\xa0%"],
        ["Landkreis Ludwigsburg", "2016", "1,18\xa0%", "1,16\xa0%"],
        ["Rems-Murr-Kreis", "2016", "1,14\xa0%", "1,20\xa0%"],
    ]
    assert vergleich.loc[1, ["Einbürgerungen", "Ausländer am 31.12. des Vorjahres"]].tolist() == ["806", "52.000"]
    seite = texte(at)
    assert STAND_EINB in seite and STAND_BEV in seite
    assert (
        "Lizenz: Dieses Werk ist lizenziert unter der Datenlizenz Deutschland - Namensnennung - Version 2.0." in seite
    )
    assert not [b for b in at.button if b.key == "veroeffentlichen"]

    at.button(key="amtlich_uebernehmen").click().run()
    assert not at.exception
    assert VORSCHAU_SCHLUESSEL in at.session_state
    assert any("Vorschau** dieser Sitzung" in s.value for s in at.success)
    anmelden(at)  # the form of the new Stand is shown to editors only
    at.text_input(key=next(t.key for t in at.text_input if t.key.startswith("stand_bezeichnung_"))).set_value(
        "Einbürgerung 2016 amtlich"
    )  # form fields: sent with the click
    at.date_input(key=next(d.key for d in at.date_input if d.key.startswith("stand_datum_"))).set_value(
        dt.date(2018, 3, 1)
    )
    at.button(key="veroeffentlichen").click().run()
    assert not at.exception
    staende = Ablage(ablage_verzeichnis(), STANDARD_PFAD).staende()
    assert [(s.nr, s.bezeichnung, s.stand) for s in staende][-1] == (
        2,
        "Einbürgerung 2016 amtlich",
        dt.date(2018, 3, 1),
    )
    # Only the sheet Einbürgerung differs from Stand Nr. 1.
    alt = zipfile.ZipFile(io.BytesIO(STANDARD_PFAD.read_bytes()))
    neu = zipfile.ZipFile(io.BytesIO(Ablage(ablage_verzeichnis(), STANDARD_PFAD).lies(staende[-1].sha256)))
    assert [n for n in alt.namelist() if alt.read(n) != neu.read(n)] == ["xl/worksheets/sheet3.xml"]

    at.switch_page("seiten/einbuergerung.py").run()
    assert not at.exception
    tabelle = _tabelle(at, "Gebiet")
    assert "Landkreis Böblingen" in tabelle["Gebiet"].tolist()
    seite = texte(at)
    assert "1,55 %" in " ".join(str(v) for v in tabelle.values.ravel()).replace("\xa0", " ")
    assert "Quelle und Definition der Quoten 2016" in seite
    assert "Tabelle 12511-01-01-4 „Einbürgerungen von Ausländern nach Kontinenten - Jahr“ (Stand: 27.02.2018" in seite
    assert "Tabelle 12411-03-03-4" in seite
    assert "Datenlizenz Deutschland - Namensnennung - Version 2.0" in seite
    assert f"Definition: {DEFINITIONEN[VORJAHR]}" in seite


def test_falsche_datei_zeigt_deutsche_befunde_und_aendert_nichts():
    at = _lade_hoch(_daten_seite(), gestorbene_csv())
    assert any("Die Dateien passen nicht." in e.value for e in at.error)
    meldungen = _tabelle(at, "Meldung")["Meldung"].tolist()
    assert meldungen[0].startswith("Die Datei enthält Tabelle 12613-02-02-4 „Gestorbene")
    assert not [b for b in at.button if b.key == "amtlich_uebernehmen"]
    assert VORSCHAU_SCHLUESSEL not in at.session_state


def test_abgeschnittene_datei_und_fehlendes_gebiet():
    ganz = einbuergerungen_csv()
    at = _lade_hoch(_daten_seite(), ganz[: len(ganz) // 2])
    assert _tabelle(at, "Meldung")["Meldung"].tolist()[0].startswith("Die Datei ist unvollständig")
    at = _lade_hoch(_daten_seite(), einbuergerungen_csv(), bevoelkerung_csv())
    at.multiselect(key="amtlich_jahre_vorjahr").set_value([]).run()
    assert _tabelle(at, "Meldung")["Meldung"].tolist() == ["Es ist kein Jahr gewählt."]
    assert not [b for b in at.button if b.key == "amtlich_uebernehmen"]


def test_nur_einbuergerungen_ohne_quote_sagt_was_fehlt():
    at = _lade_hoch(_daten_seite(), einbuergerungen_csv())
    assert any("Mit diesen Dateien lässt sich keine Quote bilden." in e.value for e in at.error)
    assert "Bevölkerungszahlen" in _tabelle(at, "Meldung")["Meldung"].tolist()[0]

"""Page Präsentation through AppTest (started from app.py): slide counter, forward/back by
button and clicker key, deep link ?folie=N, downloads built on click, the progress slide with
two Stände, preview marking and workbook text shown literally."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from oberflaeche import quelle, sitzung
from tests.arbeitsmappen import STANDARD_PFAD, mappe_bytes, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import oeffne

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SEITE = "seiten/praesentation.py"


def _praesentation(folie: str | None = None) -> AppTest:
    at = oeffne(SEITE)
    if folie is not None:
        at.query_params["folie"] = folie
    at.run()
    assert not at.exception
    return at


def _html(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html")).replace("\xa0", " ")


def _zaehler(at: AppTest) -> str:
    (nummer,) = [h.proto.body for h in at.get("html") if 'class="folie-nummer"' in h.proto.body]
    return nummer.split(">")[1].split("<")[0]


def _titel(at: AppTest) -> str:
    texte = [h.proto.body for h in at.get("html") if 'class="folie-titel"' in h.proto.body]
    return texte[0].split('class="folie-titel">')[1].split("</h1>")[0]


def test_erste_folie_mit_stand_und_zaehler():
    at = _praesentation()
    assert _zaehler(at) == "1 / 15"
    assert at.query_params["folie"] == "1"
    assert _titel(at) == "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)"
    html = _html(at)
    assert "Stand: 6. März 2017" in html
    assert "181 Handlungsempfehlungen in 8 Handlungsfeldern" in html
    assert "Rekonstruktion der Anlage 1" in html  # placeholders are never passed off as county data
    assert at.button(key="folie_zurueck").disabled
    assert not at.button(key="folie_weiter").disabled


def test_weiter_und_zurueck_mit_knoepfen_und_bildtasten():
    at = _praesentation()
    at.button(key="folie_weiter").click().run()
    assert (_zaehler(at), _titel(at), at.query_params["folie"]) == ("2 / 15", "Gesamtbilanz", "2")
    assert "32 %" in _html(at)
    at.button(key="folie_weiter_bild").click().run()  # PageDown of a clicker
    assert (_zaehler(at), _titel(at)) == ("3 / 15", "Stand der Umsetzung je Handlungsfeld")
    assert len(at.get("plotly_chart")) == 1
    at.button(key="folie_zurueck_bild").click().run()  # PageUp
    at.button(key="folie_zurueck").click().run()
    assert _zaehler(at) == "1 / 15"


def test_tastenkuerzel_der_knoepfe():
    at = _praesentation()
    kuerzel = {b.key: b.proto.shortcut for b in at.button}
    assert kuerzel == {
        "folie_zurueck": "left",
        "folie_weiter": "right",
        "folie_weiter_bild": "pagedown",
        "folie_zurueck_bild": "pageup",
        "folie_erste": "home",
        "folie_letzte": "end",
    }


def test_pos1_und_ende_springen_zur_ersten_und_letzten_folie():
    at = _praesentation("5")
    at.button(key="folie_letzte").click().run()
    assert (_zaehler(at), at.query_params["folie"]) == ("15 / 15", "15")
    at.button(key="folie_erste").click().run()
    assert (_zaehler(at), at.query_params["folie"]) == ("1 / 15", "1")


def test_folientitel_sind_ueberschriften_und_zahlen_eine_tabelle_fuer_screenreader():
    at = _praesentation("2")
    html = _html(at)
    assert '<h1 class="folie-titel">Gesamtbilanz</h1>' in html
    # The chart's figures as a table (visible to screen readers only), the same as the chart's labels.
    tabelle = html.split('<div class="folie-tabelle"><table>')[1].split("</table>")[0]
    assert "<caption>Daten zum Diagramm</caption>" in tabelle
    assert "<td>umgesetzt</td><td>58 (32 %) *</td>" in tabelle


def test_deep_link_und_grenzen():
    at = _praesentation("9")
    assert (_zaehler(at), _titel(at)) == ("9 / 15", "Handlungsfeld 6: Gesellschaft")
    assert "Internationaler Ausschuss auf Landkreisebene" in _html(at)
    assert _zaehler(_praesentation("99")) == "15 / 15"
    letzte = _praesentation("15")
    assert _titel(letzte) == "Der Weg nach vorn"
    assert letzte.button(key="folie_weiter").disabled
    assert "27. November 2017" in _html(letzte)
    falsch = _praesentation("abc")
    assert _zaehler(falsch) == "1 / 15"
    assert falsch.query_params["folie"] == "1"


def test_downloads_werden_erst_beim_klick_gebaut():
    at = _praesentation()
    knoepfe = {e.proto.id.rsplit("-", 1)[-1]: e.proto for e in at.get("download_button")}
    assert set(knoepfe) == {"pptx_export", "excel_export", "sitzungsvorlage_export", "sitzungsvorlage_pdf"}
    for proto in knoepfe.values():
        assert proto.deferred_file_id  # data is a callable: nothing is built until the click
        assert proto.ignore_rerun
    assert knoepfe["pptx_export"].label == "PowerPoint"
    assert knoepfe["excel_export"].label == "Excel"
    assert knoepfe["sitzungsvorlage_export"].label == "Sitzungsvorlage (Word)"
    assert knoepfe["sitzungsvorlage_pdf"].label == "Sitzungsvorlage (PDF)"


def test_fortschritt_mit_zwei_staenden():
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    ablage.veroeffentliche(ueberarbeitete_standard_bytes(), dateiname="herbst.xlsx")
    at = _praesentation("16")
    # 9 fields with named recommendations, Geflüchtete, progress and the Verlauf added
    assert _zaehler(at) == "16 / 18"
    assert _titel(at) == "Fortschritt seit 6. März 2017"
    html = _html(at)
    assert "Umgesetzt: 32 % → 33 % (+0,7 Pp.)." in html
    assert "in Arbeit → umgesetzt" in html
    assert "Stand: 30. September 2017" in html
    chart = at.get("plotly_chart")[0]
    assert "umgesetzt 30. September 2017" in chart.proto.spec


def test_vorschau_ist_gekennzeichnet_und_text_bleibt_text():
    felder = [[1, "<b>Fett</b> **x**", "„Leitsatz“", ""], [2, "Wohnen", "L", ""], [3, "Sprache", "L", ""]]
    daten = mappe_bytes(handlungsfelder=felder)
    at = oeffne(SEITE)
    at.session_state[sitzung.VORSCHAU] = quelle.Vorschau(daten, "vorschau.xlsx", "sha-test")
    at.run()
    assert not at.exception
    html = _html(at)
    assert "Stand: 6. März 2017 (Vorschau – nicht veröffentlicht)" in html  # on every slide
    at.query_params["folie"] = "4"
    at.run()
    assert _titel(at) == "Handlungsfeld 1: &lt;b&gt;Fett&lt;/b&gt; **x**"
    assert "<b>Fett</b>" not in _html(at)


def test_diagramm_einer_folie_wird_je_stand_einmal_gebaut(monkeypatch):
    from ipdaten.praesentation import folien_figuren

    gebaut = []
    original = folien_figuren.figur
    monkeypatch.setattr(folien_figuren, "figur", lambda folie: gebaut.append(folie.titel) or original(folie))
    at = _praesentation("2")
    vorher = at.get("plotly_chart")[0].proto.spec
    at.run()
    at.run()
    assert gebaut == ["Gesamtbilanz"]
    assert at.get("plotly_chart")[0].proto.spec == vorher
    # A new Stand has other numbers: its figure is built from them, never taken from the old one.
    Ablage(ablage_verzeichnis(), STANDARD_PFAD).veroeffentliche(ueberarbeitete_standard_bytes(), dateiname="h.xlsx")
    at.run()
    assert (_titel(at), gebaut) == ("Gesamtbilanz", ["Gesamtbilanz", "Gesamtbilanz"])
    assert at.get("plotly_chart")[0].proto.spec != vorher

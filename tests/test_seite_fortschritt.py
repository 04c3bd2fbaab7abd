"""Page Fortschritt and the Stand selector through AppTest."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import oeffne

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _fortschritt(at: AppTest | None = None) -> AppTest:
    at = at.switch_page("seiten/fortschritt.py") if at else oeffne("seiten/fortschritt.py")
    at.run()
    assert not at.exception
    return at


def _tabelle(at: AppTest, spalte: str):
    return next(t.value for t in at.dataframe if spalte in t.value.columns)


def test_mit_nur_einem_stand_sagt_die_seite_wie_ein_zweiter_entsteht():
    at = _fortschritt()
    assert len(at.info) == 1
    text = at.info[0].value
    assert text.startswith("Bisher gibt es nur **einen** Stand – zum Vergleichen braucht es einen zweiten.")
    assert "**Daten & Stände**" in text and "hochladen und veröffentlichen" in text
    assert not at.dataframe


def test_vergleich_der_beiden_neuesten_staende():
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes(), bezeichnung="Herbst 2017")
    at = _fortschritt()
    assert [s.value for s in at.selectbox if s.label in ("Früherer Stand", "Späterer Stand")] == [1, 2]
    text = " ".join(m.value for m in at.markdown)
    assert "**Statuswechsel:** 1 × in Arbeit → umgesetzt." in text
    assert "**Neue Handlungsfelder:** 9 Flüchtlingsperspektive." in text
    assert "**Neu:** Handlungsfeld 9 – Flüchtlingsperspektive" in text

    felder = _tabelle(at, "Veränderung umgesetzt")
    zeile1 = felder[felder["Handlungsfeld"] == "1 Aufbrechen und Ankommen"].iloc[0]
    assert (zeile1["umgesetzt vorher"], zeile1["umgesetzt nachher"], zeile1["Veränderung umgesetzt"]) == (
        "30,0\u00a0%",
        "35,0\u00a0%",
        "+5,0\u00a0Pp.",
    )
    assert zeile1["Veränderung umgesetzt oder in Arbeit"] == "±0,0\u00a0Pp."
    neu = felder[felder["Handlungsfeld"] == "9 Flüchtlingsperspektive (neu)"].iloc[0]
    assert (neu["Empfehlungen vorher"], neu["Empfehlungen nachher"], neu["Veränderung umgesetzt"]) == ("0", "2", "–")

    matrix = _tabelle(at, "nachher: umgesetzt").set_index("Status")
    assert matrix.loc["vorher: in Arbeit", "nachher: umgesetzt"] == "1"
    assert matrix.loc["vorher: in Arbeit", "nachher: in Arbeit"] == "53"
    assert matrix.loc["vorher: umgesetzt", "nachher: umgesetzt"] == "58"
    assert matrix.loc["Summe", "Summe"] == "181"

    geaendert = _tabelle(at, "Status vorher")
    assert geaendert[["Handlungsfeld", "Nr", "Status vorher", "Status nachher", "Änderung"]].values.tolist() == [
        ["1 Aufbrechen und Ankommen", "1.3", "in Arbeit", "umgesetzt", "Status"]
    ]
    # Shown with the key columns first and the wording wrapped: at 1280 px it ended at „Status vorhe…“.
    gezeigt = next(t.proto for t in at.dataframe if "Status vorher" in t.value.columns)
    assert list(gezeigt.column_order) == [
        "Nr",
        "Empfehlung",
        "Status vorher",
        "Status nachher",
        "Änderung",
        "Handlungsfeld",
    ]
    assert gezeigt.row_height > 64  # Streamlit wraps text only in rows taller than 4rem
    matrix_spalten = json.loads(next(t.proto for t in at.dataframe if "Summe" in t.value.columns).columns)
    assert matrix_spalten["nachher: nicht umgesetzt"]["label"] == "→ nicht umgesetzt"
    neue = next(
        t.value for t in at.dataframe if list(t.value.columns) == ["Handlungsfeld", "Nr", "Empfehlung", "Status"]
    )
    assert neue[["Handlungsfeld", "Nr", "Status"]].values.tolist() == [
        ["9 Flüchtlingsperspektive", "9.1", "umgesetzt"],
        ["9 Flüchtlingsperspektive", "9.2", "in Arbeit"],
    ]
    assert "Keine Empfehlung ist entfallen." in text

    figuren = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    sankey = next(f for f in figuren if f["data"][0]["type"] == "sankey")
    daten = sankey["data"][0]
    beschriftung = daten["node"]["label"]
    uebergang = [
        (beschriftung[s], beschriftung[t], v)
        for s, t, v in zip(daten["link"]["source"], daten["link"]["target"], daten["link"]["value"])
    ]
    assert ("in Arbeit: 54", "umgesetzt: 59", 1) in uebergang
    assert ("in Arbeit: 54", "in Arbeit: 53", 53) in uebergang


def _waehler(at: AppTest, label: str):
    return next(s for s in at.selectbox if s.label == label)


def test_umgekehrte_richtung_und_gleiche_auswahl():
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes())
    at = _fortschritt()
    _waehler(at, "Früherer Stand").set_value(2).run()
    _waehler(at, "Späterer Stand").set_value(1).run()
    text = " ".join(m.value for m in at.markdown)
    assert "**Statuswechsel:** 1 × umgesetzt → in Arbeit." in text
    assert "**Entfallene Handlungsfelder:** 9 Flüchtlingsperspektive." in text
    _waehler(at, "Früherer Stand").set_value(1).run()
    assert [i.value for i in at.info] == ["Bitte zwei verschiedene Stände wählen."]


def test_vorschau_laesst_sich_schon_vergleichen():
    at = oeffne("seiten/daten.py").run()
    at.file_uploader(key="anlage_upload").set_value(("neu.xlsx", ueberarbeitete_standard_bytes(), XLSX)).run()
    at = _fortschritt(at)
    waehler = [s for s in at.selectbox if s.label in ("Früherer Stand", "Späterer Stand")]
    assert [s.value for s in waehler] == [1, "vorschau"]
    assert "Vorschau „neu.xlsx“ (nicht veröffentlicht)" in waehler[1].options
    assert "**Statuswechsel:** 1 × in Arbeit → umgesetzt." in " ".join(m.value for m in at.markdown)


# --- Stand selector in the sidebar -------------------------------------------------------------


def test_auswahl_zeigt_standardmaessig_den_neuesten_stand_und_folgt_neuen():
    at = AppTest.from_file(APP, default_timeout=60).run()
    # One Stand: nothing to choose, so it is named instead of offered in a selector.
    assert len(at.sidebar.selectbox) == 0
    assert "**Stand der Daten:** Nr. 1 · 06.03.2017" in [c.value for c in at.sidebar.caption]
    assert "Bilanz des Integrationsplans 2014 – Bericht an den SGA \\(Rekonstruktion\\)" in [
        c.value for c in at.sidebar.caption
    ]
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes(), bezeichnung="Herbst 2017")
    at.run()  # what the polling fragment triggers when it sees a new Stand
    auswahl = at.sidebar.selectbox(key="stand")
    assert (auswahl.value, auswahl.options) == (2, ["Nr. 2 · 30.09.2017 (neuester)", "Nr. 1 · 06.03.2017"])
    assert any("30. September 2017" in c.value.replace("\\", "") for c in at.caption)
    assert "stand" not in at.query_params


def test_gewaehlter_aelterer_stand_bleibt_und_steht_im_link():
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes())
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.sidebar.selectbox(key="stand").value == 2
    at.sidebar.selectbox(key="stand").set_value(1).run()
    assert at.query_params["stand"] == "1"
    assert any("6. März 2017" in c.value.replace("\\", "") for c in at.caption)
    assert any("Es gibt einen neueren Stand" in c.value for c in at.sidebar.caption)
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes(stand=dt.date(2018, 3, 1), bezeichnung="Frühjahr 2018"))
    at.run()
    assert at.sidebar.selectbox(key="stand").value == 1
    at.sidebar.selectbox(key="stand").set_value(3).run()
    assert "stand" not in at.query_params


def test_deep_link_waehlt_den_stand():
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes())
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["stand"] = "1"
    at.run()
    assert not at.exception
    assert at.sidebar.selectbox(key="stand").value == 1
    assert any("6. März 2017" in c.value.replace("\\", "") for c in at.caption)


def test_unbekannter_deep_link_zeigt_den_neuesten_mit_hinweis():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["stand"] = "<b>99</b>"
    at.run()
    assert not at.exception
    assert "**Stand der Daten:** Nr. 1 · 06.03.2017" in [c.value for c in at.sidebar.caption]
    assert [w.value for w in at.sidebar.warning if "Ablage der Stände" not in w.value] == [
        "Einen Stand „\\<b\\>99\\</b\\>“ gibt es nicht; angezeigt wird der neueste Stand."
    ]


def test_nicht_beschreibbare_ablage_faellt_auf_die_standardmappe_zurueck(tmp_path, monkeypatch):
    datei = tmp_path / "datei"
    datei.write_text("kein Verzeichnis")
    monkeypatch.setenv("IPDATEN_ABLAGE", str(datei / "ablage"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.sidebar.warning[0].value.startswith("Die gespeicherten Stände sind nicht erreichbar")
    assert any("6. März 2017" in c.value.replace("\\", "") for c in at.caption)


def test_nur_statuswechsel_im_sankey():
    _ablage().veroeffentliche(ueberarbeitete_standard_bytes())
    at = _fortschritt()
    at.toggle(key="fortschritt_nur_wechsel").set_value(True).run()
    assert not at.exception
    figuren = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    daten = next(f for f in figuren if f["data"][0]["type"] == "sankey")["data"][0]
    assert daten["node"]["label"] == ["in Arbeit: 1", "umgesetzt: 1"]
    assert (daten["link"]["source"], daten["link"]["target"], daten["link"]["value"]) == ([0], [1], [1])
    # The matrix below still lists every recommendation.
    assert _tabelle(at, "nachher: umgesetzt").set_index("Status").loc["Summe", "Summe"] == "181"

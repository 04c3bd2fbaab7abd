"""The building blocks that keep a page view cheap under load (issue 16): the newest Stand read
from SQLite at most every FRISCH_S, pages built once per process, tables converted to Arrow once
per table."""

from __future__ import annotations

import gc
import sqlite3

import pandas as pd
import pytest
from streamlit import dataframe_util

from ipdaten import ablage as ablage_modul
from ipdaten.ablage import DATEINAME_DB, Ablage
from oberflaeche import navigation, tabelle
from tests.arbeitsmappen import STANDARD_PFAD, mappe_bytes


class _Uhr:
    """time.monotonic for the store, moved by hand."""

    def __init__(self):
        self.jetzt = 1000.0

    def __call__(self) -> float:
        return self.jetzt


@pytest.fixture
def uhr(monkeypatch):
    gestellt = _Uhr()
    monkeypatch.setattr(ablage_modul.time, "monotonic", gestellt)
    return gestellt


def _fremd_veroeffentlichen(verzeichnis, nr: int) -> None:
    """What another process's publication looks like to this one: a row written past this
    process's Ablage objects."""
    with sqlite3.connect(verzeichnis / DATEINAME_DB) as verbindung:
        sha = verbindung.execute("SELECT sha256 FROM staende WHERE nr = 1").fetchone()[0]
        verbindung.execute(
            "INSERT INTO staende (nr, sha256, stand, bezeichnung, veroeffentlicht, dateiname, groesse) "
            "VALUES (?, ?, NULL, 'fremd', '2026-11-30T12:00:00+00:00', 'x.xlsx', 1)",
            (nr, f"{sha[:-2]}{nr:02d}"),
        )


def test_fremde_veroeffentlichung_spaetestens_nach_frisch_s(tmp_path, uhr):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    uhr.jetzt += 0.01  # the real clock moves on between opening the store and reading it
    assert ablage.neueste_nr() == 1
    _fremd_veroeffentlichen(tmp_path, 2)
    uhr.jetzt += ablage_modul.FRISCH_S / 2
    assert ablage.neueste_nr() == 1  # still the number read a moment ago
    assert [s.nr for s in ablage.staende()] == [1]
    uhr.jetzt += ablage_modul.FRISCH_S
    assert ablage.neueste_nr() == 2
    assert [s.nr for s in ablage.staende()] == [1, 2]


def test_eigene_veroeffentlichung_sofort_auch_ueber_ein_anderes_objekt(tmp_path, uhr):
    lesend = Ablage(tmp_path, STANDARD_PFAD)
    assert lesend.neueste_nr() == 1
    uhr.jetzt += 0.01
    neu = Ablage(tmp_path, STANDARD_PFAD).veroeffentliche(mappe_bytes(info=[["Bezeichnung", "Herbst"]]))
    uhr.jetzt += 0.01
    assert lesend.neueste_nr() == neu.stand.nr == 2
    assert [s.nr for s in lesend.staende()] == [1, 2]


def test_eine_vor_dem_schreiben_begonnene_abfrage_gilt_nicht_als_frisch(tmp_path, uhr):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    assert ablage.neueste_nr() == 1  # read at t = 1000
    ablage.veroeffentliche(mappe_bytes(info=[["Bezeichnung", "Herbst"]]))  # written at t = 1000 too
    assert ablage.neueste_nr() == 2


class _Seite:
    def __init__(self, name: str):
        self.name = name
        self._can_be_called = False


def test_seiten_einmal_gebaut_und_je_lauf_kopiert(monkeypatch):
    monkeypatch.setattr(navigation, "_vorlagen", None)
    gebaut = []

    def baue():
        gebaut.append(1)
        return [_Seite("a"), _Seite("b")]

    erste = navigation.seiten(baue)
    erste[0]._can_be_called = True  # what st.navigation does to the page it runs
    zweite = navigation.seiten(baue)
    assert len(gebaut) == 1
    assert [s.name for s in zweite] == ["a", "b"]
    assert all(a is not b for a, b in zip(erste, zweite))
    assert [s._can_be_called for s in zweite] == [False, False]


def test_tabelle_einmal_je_objekt_nach_streamlits_regeln():
    df = pd.DataFrame({"Nr": ["1.1", "1.2"], "Anteil": ["30,0 %", "70,0 %"], "Zahl": [1, 2]})
    erste = tabelle.als_arrow(df)
    assert tabelle.als_arrow(df) is erste
    assert erste.equals(dataframe_util.convert_pandas_df_to_arrow_table(df))
    andere = df.copy()
    assert tabelle.als_arrow(andere) is not erste
    schluessel = id(df)
    del df, erste
    gc.collect()
    assert schluessel not in tabelle._arrow  # gone with its DataFrame


@pytest.mark.parametrize("standard", ["plotly", "streamlit"])
def test_diagrammvorlage_ist_die_standardvorlage_ohne_ungenutztes(monkeypatch, standard):
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401  (registers Streamlit's template, as in the app)

    from ipdaten.arbeitsmappe import lade_anlage
    from ipdaten.darstellung import diagrammvorlage
    from ipdaten.darstellung.auswertung import Auswertung
    from tests.arbeitsmappen import STANDARD_PFAD

    monkeypatch.setattr(pio.templates, "default", standard)
    voll = pio.templates[standard].to_plotly_json()
    schlank = diagrammvorlage.vorlage().to_plotly_json()
    assert schlank["data"] == {a: s for a, s in voll["data"].items() if a in diagrammvorlage.GENUTZTE_SPUREN}
    assert schlank["layout"] == {k: v for k, v in voll["layout"].items() if k not in diagrammvorlage.UNGENUTZTES_LAYOUT}
    auswertung = Auswertung(lade_anlage(STANDARD_PFAD))
    figuren = [auswertung.status_diagramm(), auswertung.einbuergerung_verlauf()]
    figuren += [auswertung.feld_diagramm(nr) for nr in auswertung.anlage.feldnamen]
    arten = {spur.type for fig in figuren for spur in fig.data}
    assert arten and arten <= set(diagrammvorlage.GENUTZTE_SPUREN)
    assert all(fig.layout.template.to_plotly_json() == schlank for fig in figuren)

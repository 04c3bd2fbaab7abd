"""Figure builders (ipdaten.darstellung.diagramme): German formats, fixed status colours, escaping of
workbook text, no 0 for missing values."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung import diagramm_stil, diagramme
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.farben import HERVORHEBUNG, STATUS_FARBEN
from ipdaten.zahlen import kennzahlen
from tests.arbeitsmappen import empfehlung, mappe_bytes


def _alle_figuren(a: Auswertung):
    h = a.haushalt(2017)
    return [
        diagramme.status_balken(a.verteilung),
        diagramme.status_balken(a.verteilung, absolut=True),
        diagramme.feld_verteilung(a.verteilung.iloc[5]),
        diagramme.einbuergerung_balken(a.einbuergerung_im_jahr(2016)),
        diagramme.einbuergerung_verlauf(a.einbuergerung),
        diagramme.haushalt_massnahmen(h.massnahmen),
        diagramme.haushalt_je_feld(h.nach_handlungsfeld, h.ohne_handlungsfeld_eur, h.summe_eur),
    ]


def test_jede_figur_deutsch_und_ohne_express(standard):
    import inspect

    assert "plotly.express" not in inspect.getsource(diagramme)
    for figur in _alle_figuren(standard):
        assert figur.layout.separators == ",."
        for achse in (figur.layout.xaxis, figur.layout.yaxis):
            assert achse.tickformat in (None, ",.0f", ",.1f", "d")
        for spur in figur.data:
            assert spur.hovertemplate and spur.hovertemplate.endswith("<extra></extra>")


def test_statusfarben_fest_und_benannt(standard):
    figur = diagramme.status_balken(standard.verteilung)
    assert {s.name: s.marker.color for s in figur.data} == STATUS_FARBEN
    assert all(s.showlegend is not False for s in figur.data)
    einzel = diagramme.feld_verteilung(standard.verteilung.iloc[5])
    assert list(einzel.data[0].marker.color) == list(STATUS_FARBEN.values())
    assert list(einzel.data[0].y) == list(STATUS_FARBEN)  # the status is the axis label


def test_arbeitsmappentext_in_diagrammen_maskiert():
    anlage = lade_anlage(
        mappe_bytes(
            handlungsfelder=[[1, "<b>fett</b> & mehr", "L", ""], [2, "Zwei", "L", ""]],
            empfehlungen=[empfehlung(1, 1), empfehlung(2, 1)],
            einbuergerung=[["<i>Kreis</i>", 2016, 1.0]],
            haushalt=[["<br>Posten", 5, 2017, 1]],
        )
    )
    a = Auswertung(anlage)
    assert diagramme.status_balken(a.verteilung).data[0].y[0] == "1 &lt;b&gt;fett&lt;/b&gt; &amp; mehr"
    assert diagramme.einbuergerung_balken(a.einbuergerung_im_jahr(2016)).data[0].y[0] == "&lt;i&gt;Kreis&lt;/i&gt;"
    assert diagramme.haushalt_massnahmen(a.haushalt(2017).massnahmen).data[0].y[0] == "&lt;br&gt;Posten"


def test_lange_massnahmen_werden_umgebrochen():
    assert diagramme.umbrechen("Expertise: Beteiligung von Migrantenorganisationen an Bildungsthemen", 30) == (
        "Expertise: Beteiligung von<br>Migrantenorganisationen an<br>Bildungsthemen"
    )


def test_einbuergerung_fehlender_wert_ist_kein_balken():
    vergleich = kennzahlen.einbuergerung_vergleich(
        lade_anlage(mappe_bytes(einbuergerung=[["Landkreis Böblingen", 2016, 1.5], ["Landkreis X", 2016, None]]))
    )
    figur = diagramme.einbuergerung_balken(vergleich)
    sichtbar = [s for s in figur.data if s.marker.color != "rgba(0,0,0,0)"]
    assert [list(s.y) for s in sichtbar] == [["Landkreis Böblingen"]]
    assert sichtbar[0].marker.color == HERVORHEBUNG
    assert [a.text for a in figur.layout.annotations] == ["keine Angabe", "Mittel: 1,50\xa0%"]


def test_haushalt_je_feld_ohne_zuordnung_nur_wenn_vorhanden():
    felder = pd.DataFrame({"nr": [1], "name": ["Eins"], "betrag": [100.0], "anteil": [0.5], "annahme": [False]})
    mit = diagramme.haushalt_je_feld(felder, 100.0, 200.0)
    assert list(mit.data[0].y) == ["1 Eins", "ohne Zuordnung"]
    assert list(mit.data[0].text) == ["100\xa0€ (50\xa0%)", "100\xa0€ (50\xa0%)"]
    ohne = diagramme.haushalt_je_feld(felder, 0.0, 100.0)
    assert list(ohne.data[0].y) == ["1 Eins"]


def test_zaehlachse_hat_ganze_schritte():
    """A field with 1 or 2 recommendations: ticks 0, 1, 2 – a step of 0,2 printed „0 0 0 1 1 1“."""
    anzahl = {"umgesetzt": 1, "in Arbeit": 1, "in Abstimmung": 0, "nicht umgesetzt": 0, "ohne Angabe": 0}
    zeile = pd.Series({**anzahl, **{f"anteil_{s}": a / 2 for s, a in anzahl.items()}})
    assert diagramme.feld_verteilung(zeile).layout.xaxis.dtick == 1
    assert [diagramm_stil.runder_schritt(h) for h in (1, 2, 66)] == [1, 1, 20]
    assert diagramm_stil.runder_schritt(0.8, ganz=False) == 0.2


def test_punktbeschriftungen_am_rand_nach_innen():
    assert diagramm_stil.textpositionen(1) == ["top center"]
    assert diagramm_stil.textpositionen(3) == ["top right", "top center", "top left"]

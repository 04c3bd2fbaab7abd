"""Pages Zuständigkeit and Geflüchtete and the Plan/Ist part of Haushalt (issue 12), AppTest on
Stand 3 of tests/fortschreibung_mappen.py (shown as preview); figures compared with ipdaten."""

from __future__ import annotations

import datetime as dt

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung import ansicht, diagramme
from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.kennzahlen import status_gesamt
from tests.fortschreibung_mappen import stand_bytes
from tests.seiten_hilfen import diagramme as diagramme_der_seite
from tests.seiten_hilfen import kennzahlen, starte, texte

STAND3 = stand_bytes(3)


def _gleich(gezeigt, erwartet) -> bool:
    return gezeigt.columns.tolist() == erwartet.columns.tolist() and gezeigt.values.tolist() == erwartet.values.tolist()


def _tabelle(at, spalte: str):
    return next(t.value for t in at.dataframe if spalte in t.value.columns)


def test_zustaendig_tabelle_zeigt_anteil_und_anzahl_umgesetzt_nebeneinander():
    """The share "Anteil umgesetzt" and the count of the status "umgesetzt" are two columns: the
    count column of the same name once overwrote the share."""
    at = starte("seiten/zustaendigkeit.py", mappe=STAND3)
    je_stelle = _tabelle(at, "Zuständig")
    assert je_stelle.columns.tolist()[:5] == [
        "Zuständig",
        "Empfehlungen",
        "Anteil umgesetzt",
        "Anteil umgesetzt oder in Arbeit",
        "umgesetzt",
    ]
    assert je_stelle.iloc[:, :5].values.tolist() == [
        ["Jobcenter", "2", "50,0\u00a0%", "50,0\u00a0%", "1 (50\u00a0%)"],
        ["Kreisbau", "2", "50,0\u00a0%", "50,0\u00a0%", "1 (50\u00a0%)"],
        ["Integrationsbeauftragte", "1", "100,0\u00a0%", "100,0\u00a0%", "1 (100\u00a0%)"],
        ["Sozialamt", "1", "0,0\u00a0%", "100,0\u00a0%", "0 (0\u00a0%)"],
        ["nicht benannt", "1", "0,0\u00a0%", "100,0\u00a0%", "0 (0\u00a0%)"],
    ]


def test_zustaendigkeit_verteilung_und_ueberfaellige():
    at = starte("seiten/zustaendigkeit.py", mappe=STAND3)
    anlage = lade_anlage(STAND3)
    status = ansicht.vorhandene_status(status_gesamt(anlage))
    je_stelle = _tabelle(at, "Zuständig")
    assert _gleich(je_stelle, af.status_nach_tabelle(fs.status_nach(anlage, "zustaendig"), status, "Zuständig"))
    assert je_stelle[["Zuständig", "Empfehlungen", "Anteil umgesetzt oder in Arbeit"]].values.tolist() == [
        ["Jobcenter", "2", "50,0\u00a0%"],
        ["Kreisbau", "2", "50,0\u00a0%"],
        ["Integrationsbeauftragte", "1", "100,0\u00a0%"],
        ["Sozialamt", "1", "100,0\u00a0%"],
        ["nicht benannt", "1", "100,0\u00a0%"],
    ]
    je_gruppe = _tabelle(at, "Arbeitsgruppe")
    assert je_gruppe[["Arbeitsgruppe", "Empfehlungen"]].values.tolist() == [
        ["AG Wohnen", "3"],
        ["AG Ankommen", "2"],
        ["nicht benannt", "2"],
    ]
    bilder = diagramme_der_seite(at)
    assert bilder[0]["data"][0]["y"] == [
        "Jobcenter",
        "Kreisbau",
        "Integrationsbeauftragte",
        "Sozialamt",
        "nicht benannt",
    ]
    ueberfaellig = _tabelle(at, "überfällig seit")
    assert _gleich(ueberfaellig, af.ueberfaellig_tabelle(fs.ueberfaellig(anlage, dt.date(2018, 3, 1))))
    assert ueberfaellig[["Nr", "Zuständig", "Termin", "überfällig seit"]].values.tolist() == [
        ["2.2", "Kreisbau", "2017", "60 Tagen"],
        ["1.3", "", "Februar 2018", "1 Tagen"],
    ]
    assert "**2 überfällige Empfehlungen**" in texte(at)


def test_deep_link_zustaendig():
    at = starte("seiten/zustaendigkeit.py", mappe=STAND3, query={"zustaendig": "kreisbau"})
    assert at.selectbox(key="zustaendigkeit_wahl").value == "Kreisbau"
    assert at.query_params["zustaendig"] == "Kreisbau"
    liste = _tabelle(at, "Beteiligte")
    assert liste[["Nr", "Status", "Beteiligte", "Arbeitsgruppe", "Termin"]].values.tolist() == [
        ["2.1", "umgesetzt", "", "AG Wohnen", "31. Dezember 2017"],
        ["2.2", "nicht umgesetzt", "Gemeinden", "AG Wohnen", "2017"],
    ]
    # The overdue list follows the choice.
    assert _tabelle(at, "überfällig seit")["Nr"].tolist() == ["2.2"]
    at.selectbox(key="zustaendigkeit_wahl").set_value("Jobcenter").run()
    assert at.query_params["zustaendig"] == "Jobcenter"
    assert "Keine überfällige Empfehlung mit der Zuständigkeit „Jobcenter“." in [s.value for s in at.success]


def test_unbekannte_stelle_im_link_wird_erklaert():
    at = starte("seiten/zustaendigkeit.py", mappe=STAND3, query={"zustaendig": "<b>Amt X</b>"})
    assert at.selectbox(key="zustaendigkeit_wahl").value is None
    assert "Eine zuständige Stelle „<b>Amt X</b>“ nennt dieser Stand nicht." in texte(at)


def test_seltsame_werte_im_link_stuerzen_nie_ab():
    at = starte("seiten/zustaendigkeit.py", mappe=STAND3)
    for wert in ["", " ", "\x00", "Kreisbau\u202e", "5" * 5000, "**Job**", "<script>", "١", " kreisbau "]:
        at.query_params["zustaendig"] = wert
        at.run()
        assert not at.exception, repr(wert)[:40]
        gewaehlt = at.selectbox(key="zustaendigkeit_wahl").value
        if wert.strip().casefold() == "kreisbau":
            assert gewaehlt == "Kreisbau"
        else:
            assert gewaehlt is None
            assert any(w.value.startswith("Eine zuständige Stelle „") for w in at.warning), repr(wert)[:40]


def test_stand_ohne_die_spalten_zeigt_keine_leeren_abschnitte():
    at = starte("seiten/zustaendigkeit.py", mappe=stand_bytes(1))
    assert not at.dataframe and not at.get("plotly_chart")
    hinweis = next(i.value for i in at.info if "**Zuständig**" in i.value)
    assert "**Termin**" in hinweis and "Vorlage" in hinweis
    at = starte("seiten/haushalt.py", mappe=stand_bytes(1))
    assert "Plan und Ist" not in texte(at)


def test_gefluechtete_ueber_alle_handlungsfelder():
    at = starte("seiten/gefluechtete.py", mappe=STAND3)
    g = fs.gefluechtete(lade_anlage(STAND3))
    assert kennzahlen(at) == {
        "Empfehlungen mit Bezug Geflüchtete": "3",
        "davon umgesetzt": "33 %",
        "umgesetzt oder in Arbeit": "67 %",
    }
    mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
    assert _gleich(_tabelle(at, "Handlungsfeld"), ansicht.verteilung_tabelle(mit, ansicht.vorhandene_status(g.gesamt)))
    bild = diagramme_der_seite(at)[0]
    erwartet = diagramme.status_balken(mit, absolut=True)
    assert [t["x"] for t in bild["data"]] == [list(t.x) for t in erwartet.data]
    assert "Ohne Empfehlung mit Bezug Geflüchtete: 1 Aufbrechen und Ankommen." in texte(at)
    assert _tabelle(at, "Bemerkung")[["Handlungsfeld", "Nr", "Status"]].values.tolist() == [
        ["2 Wohnen", "2.1", "umgesetzt"],
        ["2 Wohnen", "2.3", "in Arbeit"],
        ["3 Sprache", "3.1", "in Abstimmung"],
    ]


def test_haushalt_plan_und_ist():
    at = starte("seiten/haushalt.py", mappe=STAND3)
    at.selectbox(key="haushalt_jahr").set_value(2017).run()
    assert not at.exception
    werte = {k.replace("\\", ""): v for k, v in kennzahlen(at).items()}
    assert (werte["Plan"], werte["Ist (verausgabt)"], werte["Ist in % des Plans"]) == ("70.000 €", "67.000 €", "96 %")
    p = fs.plan_ist(lade_anlage(STAND3), 2017)
    assert _gleich(_tabelle(at, "Ist − Plan"), af.plan_ist_feld_tabelle(p))
    massnahmen = next(t.value for t in at.dataframe if {"Maßnahme", "Ist"} <= set(t.value.columns))
    assert _gleich(massnahmen, af.plan_ist_massnahmen_tabelle(p))
    assert "ohne Ist sind noch 1 Positionen mit zusammen 30.000 €" in texte(at)
    je_jahr = _tabelle(at, "Positionen mit Ist")
    assert je_jahr[["Jahr", "Plan", "Ist", "ohne Ist"]].values.tolist() == [
        ["2017", "70.000\u00a0€", "67.000\u00a0€", "1"],
        ["2018", "0\u00a0€", "0\u00a0€", "1"],
    ]

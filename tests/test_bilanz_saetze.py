"""The figures sentences of "1. Bilanz": 0, 1, 2 („beide“) and all recommendations, every
combination of statuses up to six recommendations checked number by number, and varied
wording from one field to the next (as the report of 6 March 2017 varies it)."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.bilanz_saetze import feld_text
from ipdaten.praesentation.satzbausteine import alle_wort, anzahl_wort, fuer_gebiet, punkte_text
from ipdaten.zahlen.kennzahlen import anteile_je_feld
from tests.arbeitsmappen import STANDARD_PFAD, empfehlung, mappe_bytes, ueberarbeitete_standard_bytes
from tests.sitzungsvorlage_pruefung import pruefe_feldabsatz, t

BENANNT = pd.DataFrame(
    {
        "handlungsfeld": [3] * 5,
        "status": ["in Arbeit", "nicht umgesetzt", "umgesetzt", "in Abstimmung", "ohne Angabe"],
        "empfehlung": ["A", "B", "C", "D", "E"],
        "quelle": ["Test"] * 5,
        "bemerkung": [""] * 5,
    }
)


def _zaehlung(**werte: int) -> dict[str, int]:
    return {s: werte.get(s.replace(" ", "_"), 0) for s in STATUS_REIHENFOLGE}


def _satz(zaehlung: dict[str, int], position: int = 0) -> str:
    return t(feld_text(3, "X", zaehlung, sum(zaehlung.values()), BENANNT, position=position))


@pytest.mark.parametrize(
    ("zaehlung", "erwartet"),
    [
        (_zaehlung(), "Für das Handlungsfeld 3. X ist keine Handlungsempfehlung eingetragen."),
        (_zaehlung(umgesetzt=1), "Die eine Handlungsempfehlung im Handlungsfeld 3. X wurde umgesetzt: „C“."),
        (
            _zaehlung(in_Arbeit=1),
            "Die eine Handlungsempfehlung im Handlungsfeld 3. X wurde bisher nicht umgesetzt. Sie befindet sich in Arbeit: „A“.",
        ),
        (
            _zaehlung(ohne_Angabe=1),
            "Die eine Handlungsempfehlung im Handlungsfeld 3. X wurde bisher nicht umgesetzt. Zu ihrem Stand liegt keine Angabe vor: „E“.",
        ),
        # two: „beide“, never „alle 2“
        (_zaehlung(umgesetzt=2), "Beide Handlungsempfehlungen im Handlungsfeld 3. X wurden umgesetzt, wie z. B. „C“."),
        (
            _zaehlung(ohne_Angabe=2),
            "Für beide Handlungsempfehlungen im Handlungsfeld 3. X liegt keine Angabe zum Stand der Umsetzung vor, wie z. B. „E“.",
        ),
        (
            _zaehlung(umgesetzt=1, in_Arbeit=1),
            "Von den beiden Handlungsempfehlungen im Handlungsfeld 3. X wurde eine umgesetzt: „C“; die andere befindet sich in Arbeit: „A“.",
        ),
        (
            _zaehlung(nicht_umgesetzt=1, ohne_Angabe=1),
            "Von den beiden Handlungsempfehlungen im Handlungsfeld 3. X wurde eine noch nicht umgesetzt: „B“; zur anderen "
            "liegt keine Angabe zum Stand der Umsetzung vor: „E“.",
        ),
        # all of them
        (_zaehlung(umgesetzt=3), "Alle 3 Handlungsempfehlungen im Handlungsfeld 3. X wurden umgesetzt, wie z. B. „C“."),
        (
            _zaehlung(nicht_umgesetzt=20),
            "Alle 20 Handlungsempfehlungen im Handlungsfeld 3. X wurden noch nicht umgesetzt, wie z. B. „B“.",
        ),
        # the lead sentence follows the figures
        (
            _zaehlung(umgesetzt=6, in_Arbeit=6, ohne_Angabe=8),
            "Im Handlungsfeld 3. X sind 60 % der 20 Handlungsempfehlungen umgesetzt bzw. im Umsetzungsprozess (12 "
            "Empfehlungen). Umgesetzt wurden 30 % (6), wie z. B. „C“; in Arbeit sind 30 % (6), wie z. B. „A“. Für 40 % "
            "der Empfehlungen (8) liegt keine Angabe zum Stand der Umsetzung vor, wie z. B. „E“.",
        ),
        (
            _zaehlung(umgesetzt=5, in_Arbeit=5, nicht_umgesetzt=17),
            "Im Handlungsfeld 3. X sind 63 % der 27 Handlungsempfehlungen noch nicht umgesetzt (17 Empfehlungen), wie "
            "z. B. „B“. Umgesetzt wurden 19 % (5), wie z. B. „C“. Weitere 19 % der Empfehlungen (5) befinden sich in "
            "Arbeit, wie z. B. „A“.",
        ),
        (
            _zaehlung(umgesetzt=12, in_Arbeit=3, in_Abstimmung=1, nicht_umgesetzt=3, ohne_Angabe=1),
            "Die 20 Handlungsempfehlungen im Handlungsfeld 3. X wurden zu 60 % umgesetzt (12 Empfehlungen), wie z. B. "
            "„C“. Weitere 15 % der Empfehlungen (3) befinden sich in Arbeit, wie z. B. „A“. Eine Empfehlung (5 %) "
            "befindet sich noch in Abstimmung: „D“. Weitere 15 % der Empfehlungen (3) wurden noch nicht umgesetzt, wie "
            "z. B. „B“. Für eine Empfehlung (5 %) liegt keine Angabe zum Stand der Umsetzung vor: „E“.",
        ),
        (
            _zaehlung(in_Arbeit=3, in_Abstimmung=1),
            "Von den 4 Handlungsempfehlungen im Handlungsfeld 3. X wurde bisher keine umgesetzt. Davon befinden sich 75 % "
            "(3 Empfehlungen) in Arbeit, wie z. B. „A“. Eine Empfehlung (25 %) befindet sich noch in Abstimmung: „D“.",
        ),
    ],
)
def test_saetze_fuer_null_eins_zwei_alle_und_die_muster(zaehlung, erwartet):
    assert _satz(zaehlung) == erwartet


def _zeile(zaehlung: dict[str, int]) -> tuple[pd.Series, pd.Series]:
    """The rows kennzahlen would give for one field with these counts."""
    gesamt = sum(zaehlung.values())
    zeile = pd.Series(
        {"nr": 3, "name": "X", "empfehlungen": gesamt, **zaehlung}
        | {f"anteil_{s}": (n / gesamt if gesamt else float("nan")) for s, n in zaehlung.items()}
    )
    kombiniert = anteile_je_feld(pd.DataFrame([zeile])).iloc[0]
    return zeile, kombiniert


# Every combination of the five statuses with up to six recommendations (461 fields), in both
# wordings: each number is the share or count of its status, every status is named.
KOMBINATIONEN = [
    dict(zip(STATUS_REIHENFOLGE, werte))
    for werte in itertools.product(range(4), range(4), range(3), range(4), range(3))
    if 0 < sum(werte) <= 6
]


@pytest.mark.langsam
@pytest.mark.parametrize("position", [0, 1])
def test_jede_kombination_jede_zahl_stimmt(position):
    for zaehlung in KOMBINATIONEN:
        text = _satz(zaehlung, position)
        zeile, kombiniert = _zeile(zaehlung)
        pruefe_feldabsatz(text, zeile, kombiniert, BENANNT, "")
        assert "alle 2" not in text.lower() and "1 Empfehlungen" not in text and "eine Empfehlungen" not in text
        assert "Davon" not in text or zaehlung["umgesetzt"] == 0 or "Davon wurde" in text, text


def test_nachbarabsaetze_beginnen_verschieden():
    """Adjacent fields never open alike (the report varies its paragraphs)."""
    for daten in (STANDARD_PFAD, ueberarbeitete_standard_bytes()):
        a = Auswertung(lade_anlage(daten))
        anfaenge = [
            " ".join(
                feld_text(
                    int(z["nr"]),
                    z["name"],
                    {s: int(z[s]) for s in STATUS_REIHENFOLGE},
                    int(z["empfehlungen"]),
                    BENANNT.iloc[0:0],
                    "",
                    i,
                ).split()[:2]
            )
            for i, (_, z) in enumerate(a.verteilung.iterrows())
        ]
        assert all(x != y for x, y in itertools.pairwise(anfaenge)), anfaenge
        assert len(set(anfaenge)) >= 3, anfaenge


def test_kleine_woerter():
    assert alle_wort(1, "Empfehlung", "Empfehlungen") == "die eine Empfehlung"
    assert alle_wort(2, "Empfehlung", "Empfehlungen") == "beide Empfehlungen"
    assert alle_wort(20, "Empfehlung", "Empfehlungen") == "alle 20 Empfehlungen"
    assert [anzahl_wort(n, "Stelle", "Stellen") for n in (0, 1, 2)] == ["keine Stelle", "eine Stelle", "2 Stellen"]
    assert fuer_gebiet("Landkreis Göppingen") == "für den Landkreis Göppingen"
    assert fuer_gebiet("Stadt Sindelfingen") == "für die Stadt Sindelfingen"
    assert punkte_text(10.0) == "um 10 Prozentpunkte gestiegen"
    assert punkte_text(-0.74) == "um 0,7 Prozentpunkte gesunken"
    assert punkte_text(1.0) == "um 1 Prozentpunkt gestiegen"
    assert punkte_text(0.02) == "unverändert geblieben"


def test_zwei_empfehlungen_im_dokument_heissen_beide():
    from ipdaten.praesentation.export_docx import docx_bytes
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
    from tests.sitzungsvorlage_pruefung import Gelesen

    zeilen = [empfehlung(1, 1, "umgesetzt", quelle="Annahme"), empfehlung(1, 2, "umgesetzt", quelle="Annahme")]
    zeilen += [empfehlung(2, 1, "in Arbeit"), empfehlung(3, 1, "ohne Angabe")]
    a = Auswertung(lade_anlage(mappe_bytes(empfehlungen=zeilen)))
    gelesen = Gelesen(docx_bytes(sitzungsvorlage(a)))
    assert gelesen.absatz("Handlungsfeld 1. ").startswith("Beide Handlungsempfehlungen im Handlungsfeld 1. ")
    assert gelesen.absatz("[Annahme: Beide Empfehlungen dieses Handlungsfelds")
    assert not any("alle 2" in x.lower() or "aller 2" in x for x in gelesen.absaetze)

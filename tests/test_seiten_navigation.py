"""Every page module is in the navigation, and every page runs from app.py without an exception."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.seiten_hilfen import APP, oeffne, starte

SEITEN_ORDNER = Path(APP).parent / "seiten"


def _module() -> set[str]:
    return {f"seiten/{p.name}" for p in SEITEN_ORDNER.glob("*.py") if not p.name.startswith("_")}


def test_jedes_seitenmodul_ist_in_der_navigation():
    registriert = set(re.findall(r"st\.Page\(\s*[\"'](seiten/[\w]+\.py)[\"']", Path(APP).read_text(encoding="utf-8")))
    assert registriert == _module()


@pytest.mark.parametrize("seite", sorted(_module()))
def test_jede_seite_laeuft_aus_app_py(seite):
    at = starte(seite)
    assert not at.exception
    assert len(at.main.children) > 0


@pytest.mark.parametrize(
    "seite", ["seiten/uebersicht.py", "seiten/handlungsfelder.py", "seiten/einbuergerung.py", "seiten/haushalt.py"]
)
def test_jedes_diagramm_mit_alt_text_ohne_logo_mit_deutschem_dateinamen(seite):
    import json

    at = starte(seite, query={"feld": "1"} if "handlungsfelder" in seite else None)
    diagramme = at.get("plotly_chart")
    assert diagramme
    for diagramm in diagramme:
        konfiguration = json.loads(diagramm.proto.config)
        assert konfiguration["displaylogo"] is False
        dateiname = konfiguration["toImageButtonOptions"]["filename"]
        assert dateiname[0].isupper() and " " not in dateiname
        assert len(diagramm.proto.alt) > 30


def test_programmfehler_auf_einer_seite_deutsch_gemeldet_und_nicht_verschluckt(monkeypatch):
    """A bug while a page runs: the user reads in German that it is a programming error and not her
    workbook; the error itself still reaches Streamlit (logged, and seen by every AppTest)."""
    import oberflaeche.rahmen

    def kaputt():
        raise KeyError("unbekannt")

    monkeypatch.setattr(oberflaeche.rahmen, "aktuelle_anzeige", kaputt)
    at = oeffne("seiten/uebersicht.py").run()
    assert at.exception
    assert [e.value for e in at.error] == [
        "Auf dieser Seite ist ein Programmfehler aufgetreten – das liegt nicht an Ihrer Arbeitsmappe. Die "
        "Einzelheiten stehen im Protokoll des Servers; bitte der Betreuung des Dashboards Uhrzeit und Seite melden. "
        "Die anderen Seiten sind davon nicht betroffen."
    ]

"""The slide „Rückmeldungen“ (issue 21): answered n of m bodies and the reported share, the same
on screen (Folie) and in the PowerPoint; only while a round exists."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation

from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation import folien as fl
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.rueckmeldung import lies_boegen, ueberblick
from tests import rueckmeldebogen as rb

HEUTE = dt.date(2017, 11, 5)  # after the reply date (31.10.2017)


def _stellen():
    """Jobcenter (2 recommendations) and Kreisbau (2) answered; three bodies with one each did not."""
    r = rb.standardrunde()
    dateien = [
        ("j.xlsx", rb.fuelle(rb.leerer_bogen("jobcenter"), {"1.2": {"Status neu": "umgesetzt"}})),
        ("k.xlsx", rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Bemerkung neu": "Baugrund gefunden"}})),
    ]
    eingang = lies_boegen(dateien, r, rb.anlage())
    return r, ueberblick(r, eingang.rueckmeldungen, rb.anlage(), HEUTE)


def _folie(praesentation):
    (folie,) = [f for f in praesentation.folien if f.art == "rueckmeldungen"]
    return folie


def test_folie_zahlen_und_ausstehende():
    r, stellen = _stellen()
    folie = _folie(fl.praesentation(Auswertung(rb.anlage()), rueckmeldungen=(r, stellen, HEUTE)))
    assert folie.titel == "Rückmeldungen"
    assert folie.untertitel == "Rückmelderunde „Fortschreibung Herbst 2017“ · Frist 31. Oktober 2017"
    assert folie.kernaussage == (
        "2 von 5 Stellen haben geantwortet; 57\u00a0% der Empfehlungen sind gemeldet (Stand 5. November 2017)."
    )
    assert [(k.wert, k.bezeichnung) for k in folie.kennzahlen] == [
        ("2 von 5", "Stellen haben geantwortet"),
        ("57\u00a0%", "der Empfehlungen gemeldet (4 von 7)"),
    ]
    assert [(p.vorne, p.text) for p in folie.punkte] == [
        ("überfällig", "Integrationsbeauftragte"),
        ("überfällig", "Sozialamt"),
        ("überfällig", "nicht benannt"),
    ]
    assert folie.diagramm is None


def test_ohne_runde_keine_folie():
    assert "rueckmeldungen" not in [f.art for f in fl.praesentation(Auswertung(rb.anlage())).folien]


def test_powerpoint_zeigt_dieselbe_folie():
    r, stellen = _stellen()
    praesentation = fl.praesentation(Auswertung(rb.anlage()), rueckmeldungen=(r, stellen, HEUTE))
    nummer = [f.art for f in praesentation.folien].index("rueckmeldungen")
    folie = Presentation(io.BytesIO(pptx_bytes(praesentation))).slides[nummer]
    text = " ".join(s.text_frame.text for s in folie.shapes if s.has_text_frame).replace("\xa0", " ")
    for teil in (
        "Rückmeldungen",
        "2 von 5",
        "Stellen haben geantwortet",
        "57 %",
        "Integrationsbeauftragte",
        "nicht benannt",
    ):
        assert teil in text
    assert not [s for s in folie.shapes if getattr(s, "has_chart", False) and s.has_chart]

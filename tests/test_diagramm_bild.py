"""The Word document's chart images (diagramm_bild.png_bytes): drawn once per content – a
Sitzungsvorlage built again (other meeting details, PDF) reuses them – and drawn anew as soon as
anything of the chart differs, so an image never shows another chart's figures."""

from __future__ import annotations

from dataclasses import replace

from ipdaten.gemerkt import Gemerkt
from ipdaten.praesentation import diagramm_bild
from ipdaten.praesentation.folien import praesentation


def test_gleicher_inhalt_wird_einmal_gezeichnet_anderer_neu(standard, monkeypatch):
    gezeichnet = []
    echt = diagramm_bild._zeichne

    def zaehle(diagramm, breite_cm, dpi):
        gezeichnet.append(diagramm.alt)
        return echt(diagramm, breite_cm, dpi)

    monkeypatch.setattr(diagramm_bild, "_GEZEICHNET", Gemerkt(hoechstens=24))
    monkeypatch.setattr(diagramm_bild, "_zeichne", zaehle)
    diagramm = next(f.diagramm for f in praesentation(standard).folien if f.art == "status")
    erstes = diagramm_bild.png_bytes(diagramm)
    # An equal chart built anew (a second document of the same Stand): the same image, not drawn again.
    assert diagramm_bild.png_bytes(replace(diagramm)) == erstes
    assert len(gezeichnet) == 1
    # One value different: drawn anew, another image.
    (reihe, *andere) = diagramm.reihen
    geaendert = replace(diagramm, reihen=(replace(reihe, werte=(reihe.werte[0] + 1, *reihe.werte[1:])), *andere))
    assert diagramm_bild.png_bytes(geaendert) != erstes
    assert diagramm_bild.png_bytes(diagramm, breite_cm=8.0) != erstes  # another size: drawn anew
    assert len(gezeichnet) == 3

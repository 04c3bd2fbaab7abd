"""The PowerPoint export reopened with python-pptx: 16:9, the Stand on every slide, native charts
whose series are exactly what ipdaten computed, status colours, German-displaying number
formats, an embedded (editable) chart workbook; LibreOffice opens it (PDF and PNG)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Emu

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, STATUS_FARBEN
from ipdaten.praesentation import folien as fl
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.vergleich import vergleiche
from tests.arbeitsmappen import STANDARD_PFAD, empfehlung, mappe_bytes, ueberarbeitete_standard_bytes
from tests.artefakte import ARTEFAKTE


@pytest.fixture(scope="module")
def staende() -> tuple[Auswertung, Auswertung]:
    return Auswertung(lade_anlage(STANDARD_PFAD)), Auswertung(lade_anlage(ueberarbeitete_standard_bytes()))


@pytest.fixture(scope="module")
def praesentation(staende) -> fl.Praesentation:
    vorher, jetzt = staende
    return fl.praesentation(jetzt, vorher=vorher, hinweis="Testhinweis")


@pytest.fixture(scope="module")
def datei(praesentation) -> bytes:
    return pptx_bytes(praesentation)


def _texte(folie) -> str:
    return " ".join(s.text_frame.text for s in folie.shapes if s.has_text_frame).replace("\xa0", " ")


def _diagramme(folie):
    return [s.chart for s in folie.shapes if getattr(s, "has_chart", False) and s.has_chart]


def _rgb(farbe: str) -> str:
    return farbe.lstrip("#").upper()


def test_format_und_folienzahl(datei, praesentation, staende):
    pptx = Presentation(io.BytesIO(datei))
    assert pptx.slide_width * 9 == pptx.slide_height * 16
    assert Emu(pptx.slide_width).inches == pytest.approx(13.333, abs=0.01)
    assert len(pptx.slides) == len(praesentation)
    # One slide per field of the revised Stand (a new field among them), and the others once each.
    _, jetzt = staende
    arten = [f.art for f in praesentation.folien]
    assert arten.count("feld") == len(jetzt.anlage.handlungsfelder)
    assert sorted(a for a in arten if a != "feld") == sorted(set(a for a in arten if a != "feld"))


def test_stand_und_nummer_auf_jeder_folie(datei, praesentation):
    pptx = Presentation(io.BytesIO(datei))
    for nummer, (folie, inhalt) in enumerate(zip(pptx.slides, praesentation.folien), start=1):
        text = _texte(folie)
        assert "Stand: 30. September 2017" in text, nummer
        assert f"{nummer} / {len(praesentation)}" in text
        assert inhalt.titel.replace("\xa0", " ") in text
        if inhalt.kernaussage:
            assert inhalt.kernaussage.replace("\xa0", " ") in text


def test_jede_diagrammreihe_gleich_ipdaten(datei, praesentation, staende):
    vorher, jetzt = staende
    pptx = Presentation(io.BytesIO(datei))
    gefluechtete = fs.gefluechtete(jetzt.anlage)
    erwartet_je_art = {
        "status": {s: [float(v) for v in jetzt.verteilung[s]] for s in STATUS_REIHENFOLGE},
        "bilanz": {"Empfehlungen": [float(jetzt.gesamt["status"][s]) for s in STATUS_REIHENFOLGE]},
        "einbuergerung": {"Einbürgerungsquote in %": [1.54, 1.48, 1.36, 1.18, 1.14, None]},
        "haushalt": {"Betrag in Euro": [float(b) for b in jetzt.haushalt(2017).nach_handlungsfeld["betrag"]]},
        "gefluechtete": {
            s: [float(v) for v in gefluechtete.verteilung.loc[gefluechtete.verteilung["empfehlungen"] > 0, s]]
            for s in STATUS_REIHENFOLGE
        },
    }
    vergleich = vergleiche(vorher.anlage, jetzt.anlage)
    geprueft = 0
    for folie, inhalt in zip(pptx.slides, praesentation.folien):
        diagramme = _diagramme(folie)
        if inhalt.diagramm is None:
            assert diagramme == [], inhalt.titel
            continue
        (chart,) = diagramme
        plot = chart.plots[0]
        assert list(plot.categories) == list(inhalt.diagramm.kategorien)
        gelesen = {s.name: list(s.values) for s in plot.series}
        assert gelesen == {r.name: list(r.werte) for r in inhalt.diagramm.reihen}
        # …and against ipdaten directly, not only against the slide data:
        if inhalt.art == "feld":
            zeile = jetzt.verteilung[jetzt.verteilung["nr"] == inhalt.feld_nr].iloc[0]
            assert gelesen == {"Empfehlungen": [float(zeile[s]) for s in STATUS_REIHENFOLGE]}
        elif inhalt.art == "fortschritt":
            felder = vergleich.felder
            werte = list(gelesen.values())
            assert werte[1] == [float(v) for v in felder["umgesetzt_neu"]]
            assert werte[0] == [None if v != v else float(v) for v in felder["umgesetzt_alt"]]
        else:
            assert gelesen == erwartet_je_art[inhalt.art], inhalt.art
        geprueft += 1
    # Every slide of a kind that shows a chart was checked (title and milestones have none).
    mit_diagramm = {"bilanz", "status", "feld", "einbuergerung", "gefluechtete", "haushalt", "fortschritt"}
    assert geprueft == sum(1 for f in praesentation.folien if f.art in mit_diagramm)


def test_farben_und_zahlenformate(datei, praesentation):
    pptx = Presentation(io.BytesIO(datei))
    nach_art = {}
    for folie, inhalt in zip(pptx.slides, praesentation.folien):
        nach_art.setdefault(inhalt.art, _diagramme(folie))
    (status,) = nach_art["status"]
    for serie in status.plots[0].series:
        assert str(serie.format.fill.fore_color.rgb) == _rgb(STATUS_FARBEN[serie.name])
    assert status.plots[0].data_labels.number_format == fl.FORMAT_ANZAHL
    assert status.value_axis.tick_labels.number_format == "0 %"
    assert status.has_legend
    (bilanz,) = nach_art["bilanz"]
    punkte = bilanz.plots[0].series[0].points
    assert [str(punkte[i].format.fill.fore_color.rgb) for i in range(5)] == [
        _rgb(STATUS_FARBEN[s]) for s in STATUS_REIHENFOLGE
    ]
    (einb,) = nach_art["einbuergerung"]
    assert einb.plots[0].data_labels.number_format == '0.00" %"'
    farben = [str(einb.plots[0].series[0].points[i].format.fill.fore_color.rgb) for i in range(6)]
    assert farben == [_rgb(HERVORHEBUNG)] + [_rgb(NEUTRAL)] * 5
    (haushalt,) = nach_art["haushalt"]
    assert haushalt.plots[0].data_labels.number_format == '#,##0" €"'
    assert haushalt.value_axis.tick_labels.number_format == '#,##0" €"'


def test_diagramme_haben_eingebettete_arbeitsmappe(datei, praesentation):
    """ "Daten bearbeiten" in PowerPoint needs the chart's embedded workbook with the same numbers."""
    pptx = Presentation(io.BytesIO(datei))
    status_folie = next(i for i, f in enumerate(praesentation.folien) if f.art == "status")
    (chart,) = _diagramme(pptx.slides[status_folie])
    mappe = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
    zeilen = list(mappe.active.iter_rows(values_only=True))
    assert list(zeilen[0][1:]) == list(STATUS_REIHENFOLGE)
    assert zeilen[1][0] == "1 Aufbrechen und Ankommen *"  # rests on assumptions
    assert list(zeilen[1][1:]) == [7, 5, 0, 0, 8]  # 1.3 moved from "in Arbeit" to "umgesetzt"


def test_alt_text_und_notizen(datei, praesentation):
    pptx = Presentation(io.BytesIO(datei))
    for folie, inhalt in zip(pptx.slides, praesentation.folien):
        if inhalt.diagramm is not None:
            rahmen = next(s for s in folie.shapes if getattr(s, "has_chart", False) and s.has_chart)
            assert rahmen._element.nvGraphicFramePr.cNvPr.get("descr") == inhalt.diagramm.alt
        assert folie.notes_slide.notes_text_frame.text == (inhalt.kernaussage or inhalt.titel)


def test_arbeitsmappentext_bleibt_text():
    felder = [[1, "<b>Fett</b> **x**", "=1+1", ""]]

    def als_text(wb):
        zelle = wb["Handlungsfelder"]["C2"]
        zelle.value = "=1+1"
        zelle.data_type = "s"

    daten = mappe_bytes(
        handlungsfelder=felder,
        empfehlungen=[empfehlung(1, 1, "umgesetzt", "@SUM(A1) & <i>")],
        haushalt=[],
        anpassen=als_text,
    )
    p = fl.praesentation(Auswertung(lade_anlage(daten)))
    pptx = Presentation(io.BytesIO(pptx_bytes(p)))
    alles = " ".join(_texte(f) for f in pptx.slides)
    assert "Handlungsfeld 1: <b>Fett</b> **x**" in alles
    assert "=1+1" in alles
    assert "@SUM(A1) & <i>" in alles


def _deutsches_libreoffice_profil(ordner: Path) -> str:
    """A LibreOffice user profile with the locale de-DE (numbers shown as 1.234,5)."""
    benutzer = ordner / "profil" / "user"
    benutzer.mkdir(parents=True)
    (benutzer / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
        "<value>de-DE</value></prop></item>\n</oor:items>\n",
        encoding="utf-8",
    )
    return (ordner / "profil").as_uri()


def _soffice(profil: str, argumente: list[str]) -> None:
    subprocess.run(
        [shutil.which("soffice"), f"-env:UserInstallation={profil}", "--headless", *argumente],
        check=False,
        capture_output=True,
        timeout=240,
    )


def _einzelfolie(datei: bytes, index: int) -> bytes:
    """The presentation reduced to one slide (LibreOffice's PNG export renders the first only)."""
    pptx = Presentation(io.BytesIO(datei))
    liste = pptx.slides._sldIdLst
    for nummer, eintrag in enumerate(list(liste)):
        if nummer != index:
            pptx.part.drop_rel(eintrag.rId)
            liste.remove(eintrag)
    ziel = io.BytesIO()
    pptx.save(ziel)
    return ziel.getvalue()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) ist nicht installiert")
def test_libreoffice_oeffnet_die_praesentation(datei, praesentation, tmp_path):
    profil = _deutsches_libreoffice_profil(tmp_path)
    quelle = tmp_path / "praesentation.pptx"
    quelle.write_bytes(datei)
    _soffice(profil, ["--convert-to", "pdf", "--outdir", str(tmp_path), str(quelle)])
    pdf = tmp_path / "praesentation.pdf"
    if not pdf.exists():
        pytest.skip("LibreOffice Impress konnte nicht starten (kein PDF erzeugt)")
    inhalt = pdf.read_bytes()
    assert inhalt.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", inhalt)) == len(praesentation)
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, ARTEFAKTE / "praesentation-export.pdf")
    # A few slides as pictures for a look by eye (ARTEFAKTE/pptx-folie-NN.png).
    from PIL import Image

    for index, inhalt_folie in enumerate(praesentation.folien):
        if inhalt_folie.art not in ("status", "einbuergerung", "haushalt", "meilensteine"):
            continue
        einzeln = tmp_path / f"pptx-folie-{index + 1:02d}.pptx"
        einzeln.write_bytes(_einzelfolie(datei, index))
        _soffice(profil, ["--convert-to", "png", "--outdir", str(ARTEFAKTE), str(einzeln)])
        bild = ARTEFAKTE / f"pptx-folie-{index + 1:02d}.png"
        assert bild.exists()
        with Image.open(bild) as png:
            farben = png.convert("RGB").getcolors(maxcolors=1_000_000)
        assert farben is not None and len(farben) > 20  # drawn, not an empty page

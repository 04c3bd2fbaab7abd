"""Präsentation: the figures of the shown Stand as slides for the committee room, with the
PowerPoint and Excel exports.

One slide per screen, large type sized to the window height (fits 1920×1080 and 1280×720),
sidebar and header hidden. Forward/back by buttons, arrow keys or PageDown/PageUp (what
presenters' clickers send), Pos1/Ende to the first/last slide; `?folie=N` is the deep link and always names the slide shown.
"""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.praesentation.folien import Praesentation
from oberflaeche import barrierefreiheit, folienansicht, quelle, runde_quelle, sitzungsvorlage, verlauf_quelle
from oberflaeche.folienansicht import als_html
from oberflaeche.rahmen import ersatz_melden

FOLIE_PARAMETER = "folie"
# What rests on assumptions the title slide adds itself (folien, one sentence for any workbook).
REKONSTRUKTION = "Rekonstruktion der Anlage 1 aus dem Bericht vom 6. März 2017."


def _nummer(anzahl: int) -> int:
    """The slide in the URL (1-based), within 1…anzahl."""
    nummer = fmt.nummer_aus_parameter(st.query_params.get(FOLIE_PARAMETER)) or 1
    return min(max(nummer, 1), anzahl)


def _blaettern(schritt: int, anzahl: int) -> None:
    st.query_params[FOLIE_PARAMETER] = str(min(max(_nummer(anzahl) + schritt, 1), anzahl))


def _springen(nummer: int) -> None:
    st.query_params[FOLIE_PARAMETER] = str(nummer)


def _dateiname(anzeige: quelle.Anzeige, art: str, endung: str) -> str:
    stand = anzeige.anlage.stand
    return f"Integrationsplan_{art}_Stand_{stand.isoformat() if stand else 'ohne_Datum'}.{endung}"


def _leiste(folien: Praesentation, nummer: int, anzeige: quelle.Anzeige, vorher) -> None:
    anzahl = len(folien)
    with st.container(key="folie_leiste"):
        zurueck, zahl, weiter, fuss, pptx, excel, word, pdf, ende = st.columns(
            [1.7, 0.8, 1.6, 2.4, 1.6, 1.1, 2.5, 2.4, 1.5], vertical_alignment="center"
        )
        zurueck.button(
            "Zurück",
            key="folie_zurueck",
            icon=":material/arrow_back:",
            shortcut="Left",
            on_click=_blaettern,
            args=(-1, anzahl),
            disabled=nummer <= 1,
            help="Vorherige Folie (← oder Bild ↑)",
        )
        zahl.html(f'<p class="folie-nummer" aria-live="polite">{nummer} / {anzahl}</p>')
        weiter.button(
            "Weiter",
            key="folie_weiter",
            icon=":material/arrow_forward:",
            icon_position="right",
            shortcut="Right",
            on_click=_blaettern,
            args=(1, anzahl),
            disabled=nummer >= anzahl,
            type="primary",
            help="Nächste Folie (→ oder Bild ↓)",
        )
        markiert = ' class="folie-vorschau"' if anzeige.ist_vorschau else ""
        fuss.html(
            f'<p class="folie-fuss"><span{markiert}>{als_html(folien.stand_text)}</span> · {als_html(folien.titel)}</p>'
        )
        barrierefreiheit.link_zur_erklaerung(fuss)
        pptx.download_button(
            "PowerPoint",
            data=lambda: pptx_bytes(folien),
            file_name=_dateiname(anzeige, "Praesentation", "pptx"),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="pptx_export",
            on_click="ignore",
            icon=":material/slideshow:",
            type="tertiary",
            help="Alle Folien als PowerPoint mit bearbeitbaren Diagrammen",
        )
        excel.download_button(
            "Excel",
            data=lambda: excel_bytes(anzeige.auswertung, quelle=anzeige.quelle, verlauf=verlauf),
            file_name=_dateiname(anzeige, "Kennzahlen", "xlsx"),
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="excel_export",
            on_click="ignore",
            icon=":material/table_view:",
            type="tertiary",
            help="Verteilung je Handlungsfeld, Rangfolge und Haushalt als Excel-Tabellen",
        )
        sitzungsvorlage.download(anzeige, vorher=vorher, verlauf=verlauf, ort=word, pdf_ort=pdf, type="tertiary")
        ende.page_link("seiten/uebersicht.py", label="Beenden", icon=":material/close:")
        # Second keys of a presenter's clicker; hidden, one shortcut per button.
        st.button(
            "Weiter (Bild ↓)", key="folie_weiter_bild", shortcut="PageDown", on_click=_blaettern, args=(1, anzahl)
        )
        st.button(
            "Zurück (Bild ↑)", key="folie_zurueck_bild", shortcut="PageUp", on_click=_blaettern, args=(-1, anzahl)
        )
        st.button("Erste Folie (Pos1)", key="folie_erste", shortcut="Home", on_click=_springen, args=(1,))
        st.button("Letzte Folie (Ende)", key="folie_letzte", shortcut="End", on_click=_springen, args=(anzahl,))


folienansicht.stil()
anzeige = quelle.aktuelle_anzeige()
ersatz_melden(anzeige)
vorher = quelle.vorherige_auswertung(anzeige)
verlauf = verlauf_quelle.verlauf_zu(anzeige)
hinweis = (
    "Vorschau – nicht veröffentlicht."
    if anzeige.ist_vorschau
    else (REKONSTRUKTION if anzeige.ist_rekonstruktion else "")
)
folien, folien_schluessel = folienansicht.folien_zu(
    anzeige.schluessel or "standard",
    anzeige.auswertung,
    vorher=vorher,
    verlauf=verlauf,
    hinweis=hinweis,
    vorschau=anzeige.ist_vorschau,
    rueckmeldungen=runde_quelle.fuer_folien(),
)
nummer = _nummer(len(folien))
if st.query_params.get(FOLIE_PARAMETER) != str(nummer):
    st.query_params[FOLIE_PARAMETER] = str(nummer)
folienansicht.zeige_folie(folien.folien[nummer - 1], (folien_schluessel, nummer))
_leiste(folien, nummer, anzeige, vorher)

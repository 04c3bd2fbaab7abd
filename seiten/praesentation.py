"""Präsentation: the figures of the shown Stand as slides for the committee room, with the
PowerPoint and Excel exports.

One slide per screen, large type sized to the window height (fits 1920×1080 and 1280×720),
sidebar and header hidden. Forward/back by buttons, arrow keys or PageDown/PageUp (what
presenters' clickers send); `?folie=N` is the deep link and always names the slide shown.
"""

from __future__ import annotations

import html

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.farben import status_farbe
from ipdaten.praesentation.export_excel import excel_bytes
from ipdaten.praesentation.export_pptx import pptx_bytes
from ipdaten.praesentation.folien import Folie, Praesentation, praesentation
from ipdaten.praesentation.folien_figuren import figur
from oberflaeche import quelle, sitzungsvorlage
from oberflaeche.diagramm import diagramm_konfiguration
from oberflaeche.literal import literal

FOLIE_PARAMETER = "folie"
# What rests on assumptions the title slide adds itself (folien, one sentence for any workbook).
REKONSTRUKTION = "Rekonstruktion der Anlage 1 aus dem Bericht vom 6. März 2017."

STIL = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 2.2vh 4vw 0 4vw !important; max-width: none !important; }
[data-testid="stMain"] { overflow: hidden; }
.st-key-folie_weiter_bild, .st-key-folie_zurueck_bild { display: none !important; }
.folie-titel { font-size: 5.4vh; font-weight: 700; color: #1F4E79; line-height: 1.15; margin: 0 0 0.6vh 0;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.folie-kern { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.folie-unter { font-size: 2.8vh; color: #4D4D4D; margin: 0 0 0.6vh 0; }
.folie-kern { font-size: 3.4vh; color: #1A1A1A; line-height: 1.3; margin: 0 0 1vh 0; }
.folie-titelblatt { background: #1F4E79; color: #FFFFFF; margin: 14vh -4vw 4vh -4vw; padding: 5vh 4vw; }
.folie-titelblatt .folie-titel { color: #FFFFFF; font-size: 6.6vh; white-space: normal; }
.folie-titelblatt .folie-unter { color: #FFFFFF; font-size: 3.8vh; }
.folie-hinweis { font-size: 2.2vh; color: #4D4D4D; }
.folie-zahlen { display: flex; gap: 2vw; margin: 1vh 0 1.5vh 0; }
.folie-zahl { flex: 1; background: #EEF2F6; padding: 1.2vh 1vw; text-align: center; }
.folie-zahl b { display: block; font-size: 7vh; color: #1F4E79; line-height: 1.1; }
.folie-zahl span { font-size: 2.5vh; }
.folie-liste { list-style: none; padding: 0 !important; margin: 0 !important; font-size: 2.6vh; line-height: 1.3; }
.folie-liste li { margin: 0 0 1.3vh 0; }
.folie-liste .marke { display: inline-block; width: 1.9vh; height: 1.9vh; margin-right: 0.6vw;
  border: 1px solid #1A1A1A; vertical-align: -0.2vh; }
.folie-liste-titel { font-size: 2.6vh; font-weight: 700; color: #4D4D4D; margin-bottom: 1vh; }
.folie-weitere { color: #4D4D4D; font-size: 2.2vh; }
.folie-zeit { list-style: none; margin: 2vh 0 0 1vw; padding: 0 0 0 2.2vw; border-left: 0.5vh solid #8C8C8C; }
.folie-zeit li { position: relative; font-size: 2.9vh; margin: 0 0 2.1vh 0; display: flex; gap: 2vw; }
.folie-zeit li::before { content: ""; position: absolute; left: calc(-2.2vw - 1.4vh); top: 0.3vh;
  width: 2.2vh; height: 2.2vh; border-radius: 50%; background: #1F4E79; border: 0.3vh solid #FFFFFF; }
.folie-zeit li.erreicht::before { background: #8C8C8C; }
.folie-zeit li.erreicht { color: #4D4D4D; }
.folie-zeit .datum { font-weight: 700; min-width: 16vw; color: #1F4E79; }
.folie-zeit li.erreicht .datum { color: #4D4D4D; }
.st-key-folie_leiste { position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; background: #FFFFFF;
  border-top: 1px solid #BFBFBF; padding: 0.8vh 4vw; }
.st-key-folie_leiste p, .st-key-folie_leiste button { font-size: 1.9vh; }
.folie-nummer { font-size: 2.6vh; font-weight: 700; text-align: center; margin: 0; }
.folie-fuss { font-size: 1.8vh; color: #4D4D4D; margin: 0; }
.st-key-folie_diagramm .stElementContainer, .st-key-folie_diagramm [data-testid="stFullScreenFrame"],
.st-key-folie_diagramm [data-testid="stPlotlyChart"], .st-key-folie_diagramm .js-plotly-plot,
.st-key-folie_diagramm .plot-container { height: 100% !important; }
.folie-vorschau { background: #FFF3CD; color: #1A1A1A; padding: 0 0.4vw; font-weight: 700; }
</style>
"""


def _e(text: object) -> str:
    """Workbook text as HTML text: escaped, never markup."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


@st.cache_resource(max_entries=8, show_spinner=False)
def _folien(
    schluessel: str,
    vorher_schluessel: str,
    hinweis: str,
    vorschau: bool,
    verlauf_kennung: tuple,
    _jetzt: Auswertung,
    _vorher,
    _verlauf,
) -> Praesentation:
    del verlauf_kennung  # part of the cache key only: which Stände the history covers
    return praesentation(_jetzt, vorher=_vorher, hinweis=hinweis, vorschau=vorschau, verlauf=_verlauf)


@st.cache_resource(max_entries=64, show_spinner=False)
def _figur(folien_schluessel: tuple, nummer: int, _folie: Folie, _auswertung: Auswertung):
    """A slide's figure, built once per Stand (with the Stand it is compared with) and slide:
    building it costs more than the rest of the page, on every rerun and for every viewer.
    Bounded: 64 figures are several presentations' worth."""
    return figur(_folie, _auswertung)


def _nummer(anzahl: int) -> int:
    """The slide in the URL (1-based), within 1…anzahl."""
    nummer = fmt.nummer_aus_parameter(st.query_params.get(FOLIE_PARAMETER)) or 1
    return min(max(nummer, 1), anzahl)


def _blaettern(schritt: int, anzahl: int) -> None:
    st.query_params[FOLIE_PARAMETER] = str(min(max(_nummer(anzahl) + schritt, 1), anzahl))


def _liste(folie: Folie) -> str:
    zeilen = []
    for punkt in folie.punkte:
        marke = f'<span class="marke" style="background:{status_farbe(punkt.status)}"></span>' if punkt.status else ""
        vorne = f"<b>{_e(punkt.vorne)}:</b> " if punkt.vorne else ""
        zeilen.append(f"<li>{marke}{vorne}{_e(punkt.text)}</li>")
    titel = f'<div class="folie-liste-titel">{_e(folie.liste_titel)}</div>' if folie.liste_titel else ""
    weitere = f'<li class="folie-weitere">… und {fmt.zahl(folie.weitere)} weitere</li>' if folie.weitere else ""
    return f'{titel}<ul class="folie-liste">{"".join(zeilen)}{weitere}</ul>'


def _zeitstrahl(folie: Folie) -> str:
    zeilen = "".join(
        f'<li class="{"erreicht" if p.erledigt else "kommt"}"><span class="datum">{_e(p.vorne)}</span>'
        f"<span>{_e(p.text)}</span></li>"
        for p in folie.punkte
    )
    return f'<ul class="folie-zeit">{zeilen}</ul><p class="folie-hinweis">grau: erreicht · blau: kommt noch</p>'


def _kopf(folie: Folie) -> None:
    teile = [f'<p class="folie-titel">{_e(folie.titel)}</p>']
    if folie.untertitel:
        teile.append(f'<p class="folie-unter">{_e(folie.untertitel)}</p>')
    if folie.kernaussage:
        teile.append(f'<p class="folie-kern">{_e(folie.kernaussage)}</p>')
    st.html("".join(teile))


def _diagramm(folie: Folie, figur_schluessel: tuple, auswertung: Auswertung, hoehe_vh: int) -> None:
    fig = _figur(*figur_schluessel, folie, auswertung)
    if fig is None:
        return
    st.html(f"<style>.st-key-folie_diagramm {{ flex: 0 0 auto !important; height: {hoehe_vh}vh !important; }}</style>")
    with st.container(key="folie_diagramm"):
        st.plotly_chart(
            fig,
            height="stretch",
            theme=None,
            config={**diagramm_konfiguration(folie.titel), "responsive": True},
            alt=folie.diagramm.alt if folie.diagramm else folie.titel,
        )


def _zeige(folie: Folie, figur_schluessel: tuple, auswertung: Auswertung) -> None:
    if folie.art == "titel":
        st.html(
            f'<div class="folie-titelblatt"><p class="folie-titel">{_e(folie.titel)}</p>'
            f'<p class="folie-unter">{_e(folie.untertitel)}</p></div>'
            f'<p class="folie-kern">{_e(folie.kernaussage)}</p>'
            + "".join(f'<p class="folie-hinweis">{_e(p.text)}</p>' for p in folie.punkte)
        )
        return
    _kopf(folie)
    if folie.kennzahlen:
        st.html(
            '<div class="folie-zahlen">'
            + "".join(
                f"<div class='folie-zahl'><b>{_e(k.wert)}</b><span>{_e(k.bezeichnung)}</span></div>"
                for k in folie.kennzahlen
            )
            + "</div>"
        )
    if folie.art == "meilensteine":
        st.html(_zeitstrahl(folie))
        return
    hoehe = 46 if folie.kennzahlen else (58 if folie.untertitel else 62)
    if folie.punkte:
        links, rechts = st.columns(
            {"feld": [11, 9], "haushalt": [2, 1], "fortschritt": [5, 2], "zustaendigkeit": [3, 2]}.get(
                folie.art, [3, 2]
            ),
            gap="large",
        )
        with links:
            _diagramm(folie, figur_schluessel, auswertung, hoehe)
        with rechts:
            st.html(_liste(folie))
    else:
        _diagramm(folie, figur_schluessel, auswertung, hoehe)


def _dateiname(anzeige: quelle.Anzeige, art: str, endung: str) -> str:
    stand = anzeige.anlage.stand
    return f"Integrationsplan_{art}_Stand_{stand.isoformat() if stand else 'ohne_Datum'}.{endung}"


def _leiste(folien: Praesentation, nummer: int, anzeige: quelle.Anzeige, vorher) -> None:
    anzahl = len(folien)
    with st.container(key="folie_leiste"):
        zurueck, zahl, weiter, fuss, pptx, excel, word, ende = st.columns(
            [1.7, 0.9, 1.7, 3.0, 1.6, 1.2, 2.6, 1.4], vertical_alignment="center"
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
        fuss.html(f'<p class="folie-fuss"><span{markiert}>{_e(folien.stand_text)}</span> · {_e(folien.titel)}</p>')
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
        sitzungsvorlage.download(anzeige, vorher=vorher, ort=word, type="tertiary")
        ende.page_link("seiten/uebersicht.py", label="Beenden", icon=":material/close:")
        # Second keys of a presenter's clicker; hidden, one shortcut per button.
        st.button(
            "Weiter (Bild ↓)", key="folie_weiter_bild", shortcut="PageDown", on_click=_blaettern, args=(1, anzahl)
        )
        st.button(
            "Zurück (Bild ↑)", key="folie_zurueck_bild", shortcut="PageUp", on_click=_blaettern, args=(-1, anzahl)
        )


st.html(STIL)
anzeige = quelle.aktuelle_anzeige()
if anzeige.hinweis:  # the sidebar, which says it elsewhere, is hidden here
    st.warning(
        "Die gespeicherten Stände sind nicht erreichbar; die Folien zeigen die Standard-Arbeitsmappe. "
        + literal(anzeige.hinweis),
        icon=":material/warning:",
    )
vorher = quelle.vorherige_auswertung(anzeige)
verlauf = quelle.verlauf_zu(anzeige)
hinweis = (
    "Vorschau – nicht veröffentlicht."
    if anzeige.ist_vorschau
    else (REKONSTRUKTION if anzeige.ist_rekonstruktion else "")
)
verlauf_kennung = tuple((s.nr, s.datum, s.titel) for s in verlauf.staende) if verlauf is not None else ()
schluessel = (
    anzeige.schluessel or "standard",
    vorher[0] if vorher else "",
    hinweis,
    anzeige.ist_vorschau,
    verlauf_kennung,
)
folien = _folien(*schluessel, anzeige.auswertung, vorher[1] if vorher else None, verlauf)
nummer = _nummer(len(folien))
if st.query_params.get(FOLIE_PARAMETER) != str(nummer):
    st.query_params[FOLIE_PARAMETER] = str(nummer)
_zeige(folien.folien[nummer - 1], (schluessel, nummer), anzeige.auswertung)
_leiste(folien, nummer, anzeige, vorher)

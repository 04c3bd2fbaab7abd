"""How one presentation slide looks on screen: the page's style (large type sized to the
window height, sidebar and header hidden) and the HTML and chart of a `Folie`.

The presentation page reads its inputs (Stand, slide number) and calls `stil()`,
`folien_zu(...)` and `zeige_folie(...)`; the slides and their charts are data from
ipdaten.praesentation, the same objects the PowerPoint export draws.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_daten import diagramm_tabelle
from ipdaten.darstellung.farben import status_farbe
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.folien import Folie, Praesentation
from ipdaten.rueckmeldung import Runde, StelleImUeberblick

from . import zwischenspeicher
from .diagramm import diagramm_konfiguration

STIL = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 2.2vh 4vw 0 4vw !important; max-width: none !important; }
[data-testid="stMain"] { overflow: hidden; }
.st-key-folie_weiter_bild, .st-key-folie_zurueck_bild, .st-key-folie_erste, .st-key-folie_letzte {
  display: none !important; }
.folie-titel { font-size: min(5.4vh, 4.6vw); font-weight: 700; color: #1F4E79; line-height: 1.15; margin: 0 0 0.6vh 0;
  padding: 0; font-family: inherit; overflow-wrap: break-word; hyphens: auto; }
.folie-unter { font-size: 2.8vh; color: #4D4D4D; margin: 0 0 0.6vh 0; }
.folie-kern { font-size: min(3.4vh, 3.6vw); color: #1A1A1A; line-height: 1.3; margin: 0 0 1vh 0; }
.folie-titelblatt { background: #1F4E79; color: #FFFFFF; margin: 14vh -4vw 4vh -4vw; padding: 5vh 4vw; }
.folie-titelblatt .folie-titel { color: #FFFFFF; font-size: min(6.6vh, 6vw); }
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
/* The bar's sizes follow the height up to a 16:9 screen's width (vw = vh × 16/9): on a 4:3 or
   16:10 projector (1024×768, 1280×800) height alone made its texts wider than the bar. */
.st-key-folie_leiste p, .st-key-folie_leiste button { font-size: min(1.9vh, 1.07vw); }
.folie-nummer { font-size: min(2.6vh, 1.46vw); font-weight: 700; text-align: center; margin: 0; }
.folie-fuss { font-size: min(1.8vh, 1.01vw); color: #4D4D4D; margin: 0; }
.st-key-folie_diagramm .stElementContainer, .st-key-folie_diagramm [data-testid="stFullScreenFrame"],
.st-key-folie_diagramm [data-testid="stPlotlyChart"], .st-key-folie_diagramm .js-plotly-plot,
.st-key-folie_diagramm .plot-container { height: 100% !important; }
.folie-vorschau { background: #FFF3CD; color: #1A1A1A; padding: 0 0.4vw; font-weight: 700; }
.folie-tabelle { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
  top: 0; left: 0; }
.st-key-folie_leiste [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; gap: 0.6vw; }
.st-key-folie_leiste [data-testid="stColumn"] { min-width: 0 !important; width: auto !important; flex: 1 1 auto !important; }
.st-key-folie_leiste button p, .st-key-folie_leiste [data-testid="stPageLink"] p { white-space: nowrap; }
/* Tablets and phones (portrait): the slide is a page that scrolls, the bar keeps only icons and the
   counter; the button texts stay for screen readers (visually hidden, not removed). */
@media (max-width: 1100px) {
  [data-testid="stMain"] { overflow: auto; }
  [data-testid="stMainBlockContainer"] { padding-bottom: 12vh !important; }
  .st-key-folie_leiste { padding: 0.6vh 2vw; }
  .st-key-folie_leiste button p, .st-key-folie_leiste [data-testid="stPageLink"] p,
  .st-key-folie_leiste .folie-fuss { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; }
  .st-key-folie_leiste button, .st-key-folie_leiste p { font-size: 16px !important; }
  .folie-nummer { font-size: 18px; white-space: nowrap; }
  .folie-zahlen { flex-wrap: wrap; }
  [data-testid="stHorizontalBlock"]:has(.st-key-folie_diagramm) { flex-wrap: wrap !important; }
  [data-testid="stHorizontalBlock"]:has(.st-key-folie_diagramm) > [data-testid="stColumn"] {
    min-width: 100% !important; }
  .folie-zahl b { font-size: min(7vh, 9vw); }
}
/* Phones: key message and subtitle in reading size (a share of the window made the key message
   12 px and the subtitle larger than it); a milestone's date above its text. */
@media (max-width: 640px) {
  .folie-kern { font-size: 16px; }
  .folie-unter { font-size: 18px; }
  .folie-zeit li { flex-direction: column; gap: 0; }
}
</style>
"""


def stil() -> None:
    """The presentation's style: one slide per screen, no sidebar, header or toolbar."""
    st.html(STIL)


def als_html(text: object) -> str:
    """Workbook text as HTML text: escaped, never markup."""
    return html.escape(str(text), quote=True).replace("\n", "<br>")


def folien_zu(
    schluessel: str,
    auswertung: Auswertung,
    *,
    vorher: tuple[str, Auswertung] | None,
    verlauf: VerlaufAuswertung | None,
    hinweis: str,
    vorschau: bool,
    rueckmeldungen: tuple[Runde, Sequence[StelleImUeberblick], dt.date] | None = None,
) -> tuple[Praesentation, tuple]:
    """The slides of the Stand `schluessel` (built once per Stand, comparison, history, title
    line and state of the Rückmelderunde; at most 8 kept) and the key that names them for
    `zeige_folie`'s figure cache."""
    verlauf_kennung = tuple((s.nr, s.datum, s.titel) for s in verlauf.staende) if verlauf is not None else ()
    rueckmelde_kennung = (
        (
            rueckmeldungen[0].id,
            tuple((s.empfaenger.schluessel, s.zustand) for s in rueckmeldungen[1]),
            rueckmeldungen[2],
        )
        if rueckmeldungen is not None
        else ()
    )
    folien_schluessel = (
        schluessel,
        vorher[0] if vorher else "",
        hinweis,
        vorschau,
        verlauf_kennung,
        rueckmelde_kennung,
    )
    folien = zwischenspeicher.folien(
        *folien_schluessel, auswertung, vorher[1] if vorher else None, verlauf, rueckmeldungen
    )
    return folien, folien_schluessel


def _liste(folie: Folie) -> str:
    zeilen = []
    for punkt in folie.punkte:
        marke = f'<span class="marke" style="background:{status_farbe(punkt.status)}"></span>' if punkt.status else ""
        vorne = f"<b>{als_html(punkt.vorne)}:</b> " if punkt.vorne else ""
        zeilen.append(f"<li>{marke}{vorne}{als_html(punkt.text)}</li>")
    titel = f'<div class="folie-liste-titel">{als_html(folie.liste_titel)}</div>' if folie.liste_titel else ""
    weitere = f'<li class="folie-weitere">… und {fmt.zahl(folie.weitere)} weitere</li>' if folie.weitere else ""
    return f'{titel}<ul class="folie-liste">{"".join(zeilen)}{weitere}</ul>'


def _zeitstrahl(folie: Folie) -> str:
    zeilen = "".join(
        f'<li class="{"erreicht" if p.erledigt else "kommt"}"><span class="datum">{als_html(p.vorne)}</span>'
        f"<span>{als_html(p.text)}</span></li>"
        for p in folie.punkte
    )
    return f'<ul class="folie-zeit">{zeilen}</ul><p class="folie-hinweis">grau: erreicht · blau: kommt noch</p>'


def _tabelle(fig) -> str:
    """The chart's figures as an HTML table, visible to screen readers only (class folie-tabelle):
    the projector shows the chart, the screen reader reads the numbers."""
    tabelle = diagramm_tabelle(fig)
    kopf = "".join(f'<th scope="col">{als_html(s)}</th>' for s in tabelle.columns)
    zeilen = "".join(
        "<tr>" + "".join(f"<td>{als_html(w)}</td>" for w in zeile) + "</tr>"
        for zeile in tabelle.itertuples(index=False)
    )
    # The wrapper is what is hidden: a table box never gets smaller than its rows.
    return (
        f'<div class="folie-tabelle"><table><caption>Daten zum Diagramm</caption><tr>{kopf}</tr>{zeilen}</table></div>'
    )


def _kopf(folie: Folie, fig) -> None:
    teile = [f'<h1 class="folie-titel">{als_html(folie.titel)}</h1>']
    if folie.untertitel:
        teile.append(f'<p class="folie-unter">{als_html(folie.untertitel)}</p>')
    if folie.kernaussage:
        teile.append(f'<p class="folie-kern">{als_html(folie.kernaussage)}</p>')
    if fig is not None:
        teile.append(_tabelle(fig))
    st.html("".join(teile))


def telefon_hoehe(folie: Folie) -> int:
    """Height in px of a slide's chart on a phone, where the slide scrolls: a row per category
    with its label above the bar (oberflaeche/schmale_diagramme.js), the legend's rows under it;
    a share of the window height left the rows of nine fields no room."""
    diagramm = folie.diagramm
    if diagramm is None or folie.art == "verlauf":
        return 420
    legende = (len(diagramm.reihen) + 1) // 2 if len(diagramm.reihen) > 1 or diagramm.farbschluessel else 0
    return 170 + 50 * len(diagramm.kategorien) + 24 * legende + (40 if diagramm.fussnote else 0)


def _diagramm(folie: Folie, figur_schluessel: tuple, hoehe_vh: int) -> None:
    fig = zwischenspeicher.folienfigur(*figur_schluessel, folie)
    if fig is None:
        return
    st.html(
        f"<style>.st-key-folie_diagramm {{ flex: 0 0 auto !important; height: {hoehe_vh}vh !important; }}"
        f"@media (max-width: 640px) {{ .st-key-folie_diagramm {{ height: {telefon_hoehe(folie)}px !important; }} }}"
        "</style>"
    )
    with st.container(key="folie_diagramm"):
        st.plotly_chart(
            fig,
            height="stretch",
            theme=None,
            config={**diagramm_konfiguration(folie.titel), "responsive": True},
            alt=folie.diagramm.alt if folie.diagramm else folie.titel,
        )


def zeige_folie(folie: Folie, figur_schluessel: tuple) -> None:
    """Slide `folie` on screen: title, key message, big figures, its chart and its list.
    `figur_schluessel` is (the key from `folien_zu`, slide number): the chart is built once for it."""
    if folie.art == "titel":
        st.html(
            f'<div class="folie-titelblatt"><h1 class="folie-titel">{als_html(folie.titel)}</h1>'
            f'<p class="folie-unter">{als_html(folie.untertitel)}</p></div>'
            f'<p class="folie-kern">{als_html(folie.kernaussage)}</p>'
            + "".join(f'<p class="folie-hinweis">{als_html(p.text)}</p>' for p in folie.punkte)
        )
        return
    _kopf(folie, zwischenspeicher.folienfigur(*figur_schluessel, folie))
    if folie.kennzahlen:
        st.html(
            '<div class="folie-zahlen">'
            + "".join(
                f"<div class='folie-zahl'><b>{als_html(k.wert)}</b><span>{als_html(k.bezeichnung)}</span></div>"
                for k in folie.kennzahlen
            )
            + "</div>"
        )
    if folie.art == "meilensteine":
        st.html(_zeitstrahl(folie))
        return
    hoehe = 46 if folie.kennzahlen else (58 if folie.untertitel else 62)
    if folie.punkte and folie.diagramm is None:  # a list only (the slide „Rückmeldungen“): the whole width
        st.html(_liste(folie))
    elif folie.punkte:
        links, rechts = st.columns(
            {"feld": [11, 9], "haushalt": [2, 1], "fortschritt": [5, 2], "zustaendigkeit": [3, 2]}.get(
                folie.art, [3, 2]
            ),
            gap="large",
        )
        with links:
            _diagramm(folie, figur_schluessel, hoehe)
        with rechts:
            st.html(_liste(folie))
    else:
        _diagramm(folie, figur_schluessel, hoehe)

"""Übersicht: the headline figures and the status of every Handlungsfeld at a glance."""

import streamlit as st

from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.literal import literal, literal_tabelle
from oberflaeche.rahmen import seitenkopf

ANTEILE = "Anteile in %"
ANZAHL = "Anzahl"

anzeige = seitenkopf("Übersicht")
auswertung = anzeige.auswertung
anlage = auswertung.anlage

# The chart is sent before the figures above it: the browser loads plotly's bundle (about
# 0.9 s on a first visit) only once a chart arrives, and meanwhile draws the figures.
kennzahlen_bereich = st.container()

# Heading and switch in one row: at 1280×720 (projector) the chart then starts above the fold.
kopf, schalter = st.columns([3, 2], vertical_alignment="bottom")
kopf.subheader("Umsetzungsstand je Handlungsfeld", anchor=False)
darstellung = schalter.radio(
    "Darstellung", [ANTEILE, ANZAHL], horizontal=True, key="uebersicht_darstellung", label_visibility="collapsed"
)
figur = auswertung.status_diagramm(absolut=darstellung == ANZAHL)
auswahl = zeige_diagramm(
    figur,
    alt=(
        f"Gestapelte Balken: Umsetzungsstand der {auswertung.gesamt['empfehlungen']} Empfehlungen in "
        f"{len(anlage.handlungsfelder)} Handlungsfeldern, je Status ein Abschnitt mit der Anzahl als "
        "Beschriftung. Die Zahlen stehen auch in der Tabelle unter dem Diagramm."
    ),
    dateiname="Umsetzungsstand je Handlungsfeld",
    key="uebersicht_status",
    on_select="rerun",
    selection_mode="points",
)
punkte = auswahl.selection.points if auswahl is not None else []
if punkte:
    st.switch_page("seiten/handlungsfelder.py", query_params={"feld": str(punkte[0]["customdata"][0])})
st.caption("Ein Klick auf einen Balken öffnet das Handlungsfeld mit seinen Empfehlungen.")
with kennzahlen_bereich:
    zeige_kennzahlen(auswertung.kopfzahlen)

tabelle_bereich = st.expander(
    "Tabelle zum Diagramm und Links zu den Handlungsfeldern", key="uebersicht_tabelle", on_change="rerun"
)
# Filled only once opened: sent with the first run, the table and links would make the browser
# fetch their code while it still waits for plotly (about 0.3 s of the start, benchmark part 7).
if tabelle_bereich.open:
    with tabelle_bereich:
        # A real HTML table: read by screen readers, and no data-grid bundle on the start page.
        st.table(
            literal_tabelle(auswertung.verteilung_tabelle()),  # st.table renders Markdown in cells
            hide_index=True,
            alt="Tabelle: Anzahl der Empfehlungen je Status und Handlungsfeld",
        )
        for nr, name in anlage.feldnamen.items():
            st.page_link(
                "seiten/handlungsfelder.py",
                label=f"{nr} {literal(name)}",
                query_params={"feld": str(nr)},
                icon=":material/arrow_forward:",
            )

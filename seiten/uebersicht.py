"""Übersicht: the headline figures and the status of every Handlungsfeld at a glance."""

import streamlit as st

from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.literal import literal
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
        "Beschriftung. Die Zahlen stehen in der Tabelle „Daten zum Diagramm“."
    ),
    dateiname="Umsetzungsstand je Handlungsfeld",
    tabelle=auswertung.verteilung_tabelle,
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

links_bereich = st.expander("Links zu den Handlungsfeldern", key="uebersicht_links", on_change="rerun")
if links_bereich.open:
    with links_bereich:
        for nr, name in anlage.feldnamen.items():
            st.page_link(
                "seiten/handlungsfelder.py",
                label=f"{nr} {literal(name)}",
                query_params={"feld": str(nr)},
                icon=":material/arrow_forward:",
            )

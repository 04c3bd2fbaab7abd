"""Haushalt: the budgeted measures with amounts and shares, per Handlungsfeld."""

import streamlit as st

from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.rahmen import seite_beenden, seitenkopf

anzeige = seitenkopf("Haushalt")
auswertung = anzeige.auswertung
jahre = auswertung.haushalt_jahre

if not jahre:
    st.info("Die Arbeitsmappe enthält keine Haushaltsansätze (Blatt „Haushalt“).")
    seite_beenden()

jahr = st.selectbox("Haushaltsjahr", jahre, index=len(jahre) - 1, key="haushalt_jahr") if len(jahre) > 1 else jahre[0]
summen = auswertung.haushalt(jahr)
kennzahlen, massnahmen_bild, massnahmen_tabelle, feld_bild, feld_tabelle = auswertung.haushalt_ansicht(jahr)

st.header(f"Haushalt {jahr}", anchor=False)
zeige_kennzahlen(kennzahlen, breiten=[3, 1, 2])

st.subheader("Maßnahmen", anchor=False)
zeige_diagramm(
    massnahmen_bild,
    alt=f"Balken: {summen.positionen} Maßnahmen des Haushalts {jahr}, nach Betrag sortiert, "
    "beschriftet mit Betrag und Anteil an der Summe.",
    dateiname=f"Haushalt {jahr} Maßnahmen",
    key="haushalt_massnahmen",
)
st.dataframe(
    massnahmen_tabelle,
    hide_index=True,
    height="content",
    column_config={"Maßnahme": st.column_config.TextColumn(width="large")},
    alt=f"Tabelle der Maßnahmen {jahr}",
)

st.subheader("Je Handlungsfeld", anchor=False)
zeige_diagramm(
    feld_bild,
    alt=f"Balken: Beträge des Haushalts {jahr} je Handlungsfeld mit Anteil an der Summe.",
    dateiname=f"Haushalt {jahr} je Handlungsfeld",
    key="haushalt_je_feld",
)
st.dataframe(
    feld_tabelle,
    hide_index=True,
    height="content",
    alt=f"Tabelle der Beträge {jahr} je Handlungsfeld",
)
if not summen.ohne_handlungsfeld_eur:
    st.caption("Alle Positionen sind einem Handlungsfeld zugeordnet (ohne Zuordnung: 0 €).")

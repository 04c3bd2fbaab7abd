"""Haushalt: the budgeted measures with amounts and shares, per Handlungsfeld."""

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.darstellung import kopfzahl
from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.rahmen import seite_beenden, seitenkopf
from oberflaeche.tabelle import zeige_tabelle

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
    bezeichnung="Maßnahme",
    key="haushalt_massnahmen",
)
zeige_tabelle(
    massnahmen_tabelle,
    hide_index=True,
    height="content",
    alt=f"Tabelle der Maßnahmen {jahr}",
)

st.subheader("Je Handlungsfeld", anchor=False)
zeige_diagramm(
    feld_bild,
    alt=f"Balken: Beträge des Haushalts {jahr} je Handlungsfeld mit Anteil an der Summe.",
    dateiname=f"Haushalt {jahr} je Handlungsfeld",
    bezeichnung="Handlungsfeld",
    key="haushalt_je_feld",
)
zeige_tabelle(
    feld_tabelle,
    hide_index=True,
    height="content",
    alt=f"Tabelle der Beträge {jahr} je Handlungsfeld",
)
if not summen.ohne_handlungsfeld_eur:
    st.caption("Alle Positionen sind einem Handlungsfeld zugeordnet (ohne Zuordnung: 0 €).")

# Planned against spent, only where the workbook has an Ist (issue 12).
plan_ist = auswertung.plan_ist(jahr)
if plan_ist.positionen:
    st.subheader(f"Plan und Ist {jahr}", anchor=False)
    st.caption(
        "Verglichen werden nur Positionen mit einem Ist (Spalte „Ist“ im Blatt „Haushalt“)"
        + (
            f"; ohne Ist sind noch {fmt.zahl(plan_ist.positionen_ohne_ist)} Positionen mit zusammen "
            f"{fmt.euro(plan_ist.plan_ohne_ist_eur)}."
            if plan_ist.positionen_ohne_ist
            else "."
        )
    )
    zeige_kennzahlen(
        [
            kopfzahl.Kopfzahl(
                "Plan", fmt.euro(plan_ist.plan_eur), f"{fmt.zahl(plan_ist.positionen)} Positionen mit Ist"
            ),
            kopfzahl.Kopfzahl("Ist (verausgabt)", fmt.euro(plan_ist.ist_eur), "Summe der angegebenen Ist-Beträge"),
            kopfzahl.Kopfzahl("Ist in % des Plans", fmt.anteil(plan_ist.quote), "derselben Positionen"),
        ]
    )
    zeige_diagramm(
        auswertung.plan_ist_diagramm(jahr),
        alt=f"Balken je Handlungsfeld: Plan und Ist {jahr} nebeneinander, beschriftet mit den Beträgen. "
        "Die Werte stehen auch in den Tabellen darunter.",
        dateiname=f"Haushalt {jahr} Plan und Ist",
        bezeichnung="Handlungsfeld",
        key="haushalt_plan_ist",
    )
    zeige_tabelle(
        af.plan_ist_feld_tabelle(plan_ist), hide_index=True, alt=f"Tabelle: Plan und Ist {jahr} je Handlungsfeld"
    )
    zeige_tabelle(
        af.plan_ist_massnahmen_tabelle(plan_ist),
        hide_index=True,
        alt=f"Tabelle: Plan und Ist {jahr} je Maßnahme",
    )
alle_jahre = auswertung.plan_ist(None)
if alle_jahre.positionen and len(jahre) > 1:
    st.subheader("Plan und Ist je Jahr", anchor=False)
    zeige_tabelle(af.plan_ist_jahr_tabelle(alle_jahre), hide_index=True, alt="Tabelle: Plan und Ist je Haushaltsjahr")

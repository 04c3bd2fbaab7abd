"""Einbürgerung: the quotas of the region ranked, the reference area highlighted, over time."""

import streamlit as st

from ipdaten.amtlich.quellenangabe import quellen_des_jahres
from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.literal import literal
from oberflaeche.rahmen import seite_beenden, seitenkopf
from oberflaeche.tabelle import zeige_tabelle

anzeige = seitenkopf("Einbürgerung")
auswertung = anzeige.auswertung
jahre = auswertung.einbuergerung_jahre

if not jahre:
    st.info("Die Arbeitsmappe enthält keine Einbürgerungsquoten (Blatt „Einbürgerung“).")
    seite_beenden()

if len(jahre) > 1:
    jahr = st.select_slider("Jahr", options=jahre, value=jahre[-1], key="einbuergerung_jahr")
else:
    jahr = jahre[0]
kennzahlen, balken, tabelle = auswertung.einbuergerung_ansicht(jahr)

st.header(f"Einbürgerungsquote {jahr} im Vergleich", anchor=False)
zeige_kennzahlen(kennzahlen, je_zeile=4)
zeige_diagramm(
    balken,
    alt=f"Balken: Einbürgerungsquoten {jahr} der Gebiete, absteigend sortiert, mit gestrichelter Linie für das "
    "Mittel. Die Werte stehen auch in der Tabelle darunter.",
    dateiname=f"Einbürgerungsquote {jahr}",
    bezeichnung="Gebiet",
    key="einbuergerung_balken",
)
st.caption(
    "Quote in Prozent; Abstände in Prozentpunkten (Pp.). Das Mittel ist das ungewichtete Mittel der Gebiete "
    "mit Angabe. Gebiete ohne Wert stehen als „keine Angabe“ am Ende und zählen nicht ins Mittel."
)
zeige_tabelle(tabelle, hide_index=True, height="content", alt=f"Tabelle der Einbürgerungsquoten {jahr}")
angaben = quellen_des_jahres(auswertung.anlage.einbuergerung, jahr)
if angaben:
    st.subheader(f"Quelle und Definition der Quoten {jahr}", anchor=False)
    for angabe in angaben:
        zeilen = [f"**Gebiete:** {literal(', '.join(angabe.gebiete))}"] if len(angaben) > 1 else []
        zeilen.append(
            f"**Quelle:** {literal(angabe.quelle) if angabe.quelle else 'in der Arbeitsmappe nicht angegeben'}"
        )
        if angabe.definition:
            zeilen.append(f"**Definition:** {literal(angabe.definition)}")
        st.caption("  \n".join(zeilen))

if len(jahre) > 1:
    st.header("Verlauf über die Jahre", anchor=False)
    zeige_diagramm(
        auswertung.einbuergerung_verlauf(),
        alt=f"Linien: Einbürgerungsquoten der Gebiete von {jahre[0]} bis {jahre[-1]}.",
        dateiname="Einbürgerungsquote Verlauf",
        bezeichnung="Jahr",
        key="einbuergerung_verlauf",
    )
    st.caption("Fehlende Werte sind Lücken in der Linie, nicht 0 %.")

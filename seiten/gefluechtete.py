"""Geflüchtete: the recommendations with Bezug Geflüchtete across all fields and their status
(section 3 of the report)."""

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung import kopfzahl
from ipdaten.zahlen import fortschreibung as fs
from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.literal import literal
from oberflaeche.rahmen import seite_beenden, seitenkopf
from oberflaeche.tabelle import zeige_tabelle

anzeige = seitenkopf("Geflüchtete")
auswertung = anzeige.auswertung
anlage = auswertung.anlage

if not fs.hat_bezug(anlage):
    st.info(
        "In diesem Stand ist keine Empfehlung mit „Bezug Geflüchtete“ = ja gekennzeichnet. Die Spalte "
        "„Bezug Geflüchtete“ im Blatt „Empfehlungen“ (ja / nein / leer) ist optional; mit ihr zeigt diese "
        "Seite die Empfehlungen mit Bezug zu Geflüchteten über alle Handlungsfelder.",
        icon=":material/info:",
    )
    st.page_link("seiten/daten.py", label="Zu Daten & Stände", icon=":material/arrow_forward:")
    seite_beenden()

g = auswertung.gefluechtete()
gesamt = g.gesamt
st.caption(
    "Alle Empfehlungen, die in der Arbeitsmappe mit „Bezug Geflüchtete“ = ja gekennzeichnet sind, über "
    "alle Handlungsfelder – wie Abschnitt 3 des Berichts sie betrachtet."
)
zeige_kennzahlen(
    [
        kopfzahl.Kopfzahl(
            "Empfehlungen mit Bezug Geflüchtete",
            fmt.zahl(gesamt["empfehlungen"]),
            f"von {fmt.zahl(g.alle)} Empfehlungen insgesamt",
        ),
        kopfzahl.Kopfzahl(
            "davon umgesetzt",
            fmt.anteil(gesamt["umgesetzt"]),
            f"{fmt.zahl(gesamt['umgesetzt_anzahl'])} von {fmt.zahl(gesamt['empfehlungen'])} Empfehlungen",
        ),
        kopfzahl.Kopfzahl(
            "umgesetzt oder in Arbeit",
            fmt.anteil(gesamt["umgesetzt_oder_in_arbeit"]),
            f"{fmt.zahl(gesamt['umgesetzt_oder_in_arbeit_anzahl'])} von {fmt.zahl(gesamt['empfehlungen'])} Empfehlungen",
        ),
    ]
)
st.subheader("Je Handlungsfeld", anchor=False)
zeige_diagramm(
    auswertung.gefluechtete_diagramm(),
    alt="Balken je Handlungsfeld: Anzahl der Empfehlungen mit Bezug Geflüchtete nach Status. Die Werte "
    "stehen auch in der Tabelle darunter.",
    dateiname="Geflüchtete je Handlungsfeld",
    bezeichnung="Handlungsfeld",
    key="gefluechtete_verteilung",
)
je_feld, empfehlungen = auswertung.gefluechtete_tabellen()
zeige_tabelle(
    je_feld,
    hide_index=True,
    alt="Tabelle: Empfehlungen mit Bezug Geflüchtete je Handlungsfeld und Status",
)
ohne = g.verteilung.loc[g.verteilung["empfehlungen"] == 0]
if len(ohne):
    st.caption(
        "Ohne Empfehlung mit Bezug Geflüchtete: "
        + literal(", ".join(f"{int(n)} {name}" for n, name in zip(ohne["nr"], ohne["name"])))
        + "."
    )
st.subheader("Die Empfehlungen", anchor=False)
zeige_tabelle(
    empfehlungen,
    hide_index=True,
    alt="Tabelle der Empfehlungen mit Bezug Geflüchtete",
)

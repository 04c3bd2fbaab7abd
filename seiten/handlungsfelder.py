"""Handlungsfelder: one field (deep link ?feld=2) or all, with its recommendations filtered."""

import streamlit as st

from ipdaten.darstellung import ansicht
from oberflaeche import schnellkorrektur, sitzung, tiefer_link, verlauf_quelle
from oberflaeche.diagramm import zeige_diagramm, zeige_kennzahlen
from oberflaeche.literal import literal
from oberflaeche.rahmen import seitenkopf
from oberflaeche.tabelle import zeige_tabelle
from oberflaeche.verlaufsansicht import zeige_historie

ALLE = 0

anzeige = seitenkopf("Handlungsfelder")
auswertung = anzeige.auswertung
anlage = auswertung.anlage
feldnamen = anlage.feldnamen

unbekannt = tiefer_link.vor_dem_widget(
    "feld",
    sitzung.HANDLUNGSFELD,
    sitzung.HANDLUNGSFELD_URL,
    lambda wert: ansicht.feld_aus_parameter(wert, feldnamen),
    leer=ALLE,
)
if unbekannt is not None:
    st.warning(f"Ein Handlungsfeld „{literal(unbekannt)}“ gibt es in dieser Arbeitsmappe nicht.")
feld = st.selectbox(
    "Handlungsfeld",
    [ALLE, *feldnamen],
    format_func=lambda nr: "Alle Handlungsfelder" if nr == ALLE else f"{nr} – {feldnamen[nr]}",
    key=sitzung.HANDLUNGSFELD,
)
tiefer_link.nach_dem_widget("feld", sitzung.HANDLUNGSFELD_URL, None if feld == ALLE else str(feld))

status_liste = ansicht.vorhandene_status(auswertung.gesamt)

if feld != ALLE:
    zeile = auswertung.handlungsfeld(feld)
    verteilung = auswertung.verteilung_feld(feld)
    st.header(f"{feld} {literal(zeile['name'])}", anchor=False)
    st.markdown(f"**Leitsatz:** {literal(zeile['leitsatz'])}")
    if str(zeile.get("seiten") or "").strip():
        st.caption(f"Seiten im Integrationsplan: {literal(zeile['seiten'])}")
    if feld in auswertung.annahmen.felder:
        st.caption(f":material/warning: **Annahme:** {literal(zeile['quelle'])}")
    zeige_kennzahlen(auswertung.feld_kopfzahlen(feld), je_zeile=4)
    zeige_diagramm(
        auswertung.feld_diagramm(feld),
        alt=f"Balken: Status der {verteilung['empfehlungen']} Empfehlungen im Handlungsfeld {feld}, "
        "je Status Anzahl und Anteil als Beschriftung.",
        dateiname=f"Handlungsfeld {feld} Umsetzungsstand",
        bezeichnung="Status",
        key="handlungsfelder_verteilung",
    )
    bericht = str(zeile.get("bericht") or "").strip()
    if bericht:
        st.subheader("Aus dem Bericht", anchor=False)
        with st.container(border=True):
            st.markdown(literal(bericht))

st.subheader("Empfehlungen", anchor=False)
status_wahl = st.pills(
    "Status", status_liste, selection_mode="multi", default=status_liste, key="handlungsfelder_status"
)
spalten = st.columns(2)
bezug_wahl = None
if anlage.hat_spalte("bezug_gefluechtete"):
    bezug_wahl = spalten[0].pills(
        "Bezug Geflüchtete",
        list(ansicht.BEZUG_AUSWAHL),
        selection_mode="multi",
        default=list(ansicht.BEZUG_AUSWAHL),
        key="handlungsfelder_bezug",
    )
suche = spalten[-1].text_input(
    "Suche im Text",
    placeholder="z. B. Dolmetscher",
    key="handlungsfelder_suche",
    help="Sucht in Empfehlung, Ziel, Bemerkung und Quelle; Groß-/Kleinschreibung egal.",
)
# Every optional choice column of the contract that holds values gets its filter.
auswahl_wahl = []
for spalte in ansicht.auswahlspalten(anlage):
    woerter = [*spalte.typ.auswahl, ansicht.BEZUG_OHNE]
    gewaehlt = st.pills(
        spalte.titel, woerter, selection_mode="multi", default=woerter, key=f"handlungsfelder_{spalte.feld}"
    )
    auswahl_wahl.append((spalte.feld, tuple(gewaehlt)))

tabelle, zeilen, beschriftung = auswertung.empfehlungen_auswahl(
    ansicht.EmpfehlungsFilter(
        feld=None if feld == ALLE else feld,
        status=tuple(status_wahl),
        bezug=None if bezug_wahl is None else tuple(bezug_wahl),
        suche=suche,
        auswahl=tuple(auswahl_wahl),
    )
)
im_feld = verteilung["empfehlungen"] if feld != ALLE else len(anlage.empfehlungen)
st.markdown(f"**{len(tabelle)} von {im_feld} Empfehlungen**")
if not im_feld:
    st.info("In diesem Handlungsfeld stehen in der Arbeitsmappe keine Empfehlungen.")
elif tabelle.empty:
    st.info("Keine Empfehlung passt zu diesen Filtern.")
else:
    zeige_tabelle(
        tabelle,
        hide_index=True,
        # As tall as its rows: a grid that scrolls inside itself showed screen readers only the
        # rows in view (12 of 27).
        height="content",
        column_config={
            "Nr": st.column_config.TextColumn(width=50),
            "Kennzeichnung": st.column_config.TextColumn(
                width=110, help="„Annahme“ oder „Platzhalter“: nicht die Angabe des Landkreises (siehe Quelle)"
            ),
        },
        alt="Tabelle der Empfehlungen mit Status, Ziel, Bemerkung und Quelle",
    )
    # The grid cuts long texts: the full wording of one recommendation, chosen by its number.
    nr = st.selectbox(
        "Empfehlung im vollen Wortlaut",
        list(zeilen),
        index=None,
        format_func=beschriftung.__getitem__,
        placeholder="Nummer oder Stichwort eingeben …",
        key="handlungsfelder_wortlaut",
    )
    if nr is not None:
        with st.container(border=True):
            for spalte, wert in zeilen[nr].items():
                if wert:
                    st.markdown(f"**{literal(spalte)}:** {literal(wert)}")
        feld_nr, empfehlung_nr = (int(teil) for teil in nr.split("."))
        # Its status in every Stand, matched by (Handlungsfeld, Nr) as on the Fortschritt page.
        verlauf = verlauf_quelle.verlauf_zu(anzeige)
        if verlauf is not None:
            zeige_historie(verlauf, feld_nr, empfehlung_nr)
        schnellkorrektur.abschnitt(anzeige, (feld_nr, empfehlung_nr))

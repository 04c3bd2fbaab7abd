"""Zuständigkeit: status per Zuständig and per Arbeitsgruppe, overdue recommendations; deep
link ?zustaendig=Jobcenter shows one party's recommendations."""

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung import ansicht
from ipdaten.darstellung import ansicht_fortschreibung as af
from ipdaten.zahlen import fortschreibung as fs
from oberflaeche import frischeansicht, sitzung, tiefer_link
from oberflaeche.diagramm import zeige_diagramm
from oberflaeche.literal import literal
from oberflaeche.rahmen import seite_beenden, seitenkopf
from oberflaeche.tabelle import zeige_tabelle

PARAMETER = "zustaendig"

anzeige = seitenkopf("Zuständigkeit")
auswertung = anzeige.auswertung
anlage = auswertung.anlage
hat_zustaendig = anlage.hat_spalte("zustaendig")
hat_gruppe = anlage.hat_spalte("arbeitsgruppe")
hat_termin = anlage.hat_spalte("termin")

if not (hat_zustaendig or hat_gruppe or hat_termin):
    st.info(
        "Dieser Stand nennt weder Zuständige noch Arbeitsgruppen oder Termine. So kommen sie hinzu: im "
        "Blatt „Empfehlungen“ die Spalten **Zuständig** (federführende Stelle), **Beteiligte**, "
        "**Arbeitsgruppe** und **Termin** (Datum, Monat wie 2018-06 oder Jahr) ergänzen – die Vorlage auf "
        "der Seite **Daten & Stände** enthält sie –, die Datei hochladen und veröffentlichen. Ältere Stände "
        "ohne diese Spalten bleiben gültig.",
        icon=":material/info:",
    )
    st.page_link("seiten/daten.py", label="Zu Daten & Stände", icon=":material/arrow_forward:")
    frischeansicht.abschnitt(anlage)
    seite_beenden()

status_liste = ansicht.vorhandene_status(auswertung.gesamt)


def _verteilung(spalte: str, titel: str, schluessel: str) -> None:
    verteilung = auswertung.status_nach(spalte)
    zeige_diagramm(
        auswertung.status_nach_diagramm(spalte),
        alt=f"Balken je {titel}: Anteile der Status der Empfehlungen, beschriftet mit den Anzahlen. "
        "Die Werte stehen auch in der Tabelle darunter.",
        dateiname=f"Status je {titel}",
        bezeichnung=titel,
        key=f"zustaendigkeit_{schluessel}",
    )
    zeige_tabelle(
        af.status_nach_tabelle(verteilung, status_liste, titel),
        hide_index=True,
        alt=f"Tabelle: Status der Empfehlungen je {titel}",
    )


gewaehlt = None
if hat_zustaendig:
    st.subheader("Je Zuständig", anchor=False)
    st.caption(
        "Zuständig ist die federführende Stelle aus der Arbeitsmappe; „nicht benannt“ zählt die "
        "Empfehlungen ohne Angabe."
    )
    _verteilung("zustaendig", "Zuständig", "zustaendig")
    namen = [n for n in auswertung.status_nach("zustaendig")["name"] if n != fs.NICHT_BENANNT]
    unbekannt = tiefer_link.vor_dem_widget(
        PARAMETER,
        sitzung.ZUSTAENDIG,
        sitzung.ZUSTAENDIG_URL,
        lambda wert: next((n for n in namen if wert is not None and n.casefold() == wert.strip().casefold()), None),
    )
    if unbekannt is not None:
        st.warning(f"Eine zuständige Stelle „{literal(unbekannt)}“ nennt dieser Stand nicht.")
    gewaehlt = st.selectbox(
        "Empfehlungen einer zuständigen Stelle",
        namen,
        index=None,
        placeholder="Stelle wählen …",
        key=sitzung.ZUSTAENDIG,
    )
    tiefer_link.nach_dem_widget(PARAMETER, sitzung.ZUSTAENDIG_URL, gewaehlt)
    if gewaehlt is not None:
        von = fs.empfehlungen_von(anlage, gewaehlt)
        st.markdown(f"**{fmt.zahl(len(von))} Empfehlungen** mit der Zuständigkeit „{literal(gewaehlt)}“")
        zeige_tabelle(
            af.zustaendig_empfehlungen_tabelle(von),
            hide_index=True,
            alt=f"Tabelle: Empfehlungen mit der Zuständigkeit {gewaehlt}",
        )

if hat_gruppe:
    st.subheader("Je Arbeitsgruppe", anchor=False)
    _verteilung("arbeitsgruppe", "Arbeitsgruppe", "arbeitsgruppe")

if hat_termin:
    st.subheader("Überfällige Empfehlungen", anchor=False)
    stichtag = anlage.stand or (anzeige.stand_info.stand if anzeige.stand_info is not None else None)
    if stichtag is None:
        st.info(
            "Dieser Stand hat kein Datum (Blatt „Info“, Zeile „Stand“): ohne Stichtag lässt sich nicht sagen, "
            "welche Termine verstrichen sind."
        )
    else:
        ueberfaellig = auswertung.ueberfaellig(stichtag)
        if gewaehlt is not None:
            ueberfaellig = ueberfaellig[ueberfaellig["zustaendig"].str.strip() == gewaehlt]
        wessen = f" mit der Zuständigkeit „{literal(gewaehlt)}“" if gewaehlt is not None else ""
        st.caption(
            f"Überfällig ist eine Empfehlung{wessen}, deren Termin vor dem Stand ({fmt.datum(stichtag)}) "
            "abgelaufen ist und die nicht umgesetzt ist. Ein Monat oder ein Jahr als Termin gilt bis zu "
            "seinem letzten Tag."
        )
        if ueberfaellig.empty:
            st.success(f"Keine überfällige Empfehlung{wessen}.", icon=":material/check_circle:")
        else:
            st.markdown(f"**{fmt.zahl(len(ueberfaellig))} überfällige Empfehlungen**{wessen}")
            zeige_tabelle(
                af.ueberfaellig_tabelle(ueberfaellig),
                hide_index=True,
                alt="Tabelle: überfällige Empfehlungen mit Termin und Zuständigkeit",
            )

frischeansicht.abschnitt(anlage, gewaehlt)

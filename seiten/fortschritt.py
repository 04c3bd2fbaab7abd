"""Fortschritt: what moved between two Stände (shares per field, status transitions, lists)."""

import streamlit as st

from oberflaeche import frischeansicht, quelle, verlauf_quelle
from oberflaeche.literal import literal
from oberflaeche.rahmen import ablage_oder_ende, seite_beenden, seitenkopf
from oberflaeche.vergleichsansicht import zeige_vergleich
from oberflaeche.verlaufsansicht import zeige_unveraendert, zeige_verlauf

VORSCHAU = "vorschau"
VERGLEICH = "Vergleich zweier Stände"
VERLAUF = "Verlauf über alle Stände"

anzeige = seitenkopf("Fortschritt")
ablage, alle = ablage_oder_ende()

# With two or more Stände: the comparison of two, or the history over all of them (one at a
# time: each draws several charts and tables).
verlauf = verlauf_quelle.verlauf_zu(anzeige)
if verlauf is not None:
    ansicht = st.radio(
        "Ansicht",
        [VERGLEICH, VERLAUF],
        horizontal=True,
        key="fortschritt_ansicht",
        help="„Verlauf über alle Stände“ zeigt die Anteile in jedem Stand und seit wann Empfehlungen unverändert sind.",
    )
    if ansicht == VERLAUF:
        zeige_verlauf(verlauf)
        zeige_unveraendert(verlauf)
        frischeansicht.abschnitt(anzeige.anlage)
        seite_beenden()

vorschau = anzeige.vorschau
vorschau_anzeige = anzeige if vorschau is not None else None
optionen: list = ([VORSCHAU] if vorschau_anzeige is not None else []) + [s.nr for s in reversed(alle)]
if len(optionen) < 2:
    st.info(
        "Bisher gibt es nur **einen** Stand – zum Vergleichen braucht es einen zweiten. So kommt er "
        "hinzu: auf der Seite **Daten & Stände** die Vorlage oder den aktuellen Stand herunterladen, "
        "den Status jeder Empfehlung aktualisieren, die Datei hochladen und veröffentlichen. Schon "
        "die Vorschau einer hochgeladenen Datei lässt sich hier mit dem aktuellen Stand vergleichen.",
        icon=":material/info:",
    )
    st.page_link("seiten/daten.py", label="Zu Daten & Stände", icon=":material/arrow_forward:")
    seite_beenden()

nach_nr = {s.nr: s for s in alle}


def _titel(wahl) -> str:
    if wahl == VORSCHAU:
        return f"Vorschau „{vorschau.dateiname}“ (nicht veröffentlicht)"
    return quelle.stand_titel(nach_nr[wahl])


def _kurz(wahl) -> str:
    return "Vorschau" if wahl == VORSCHAU else f"Stand Nr. {wahl}"


# The keys carry the newest Stand, so a newly published one resets the choice to the two newest.
version = f"{alle[-1].nr}_{vorschau.sha256[:8] if vorschau_anzeige is not None else ''}"
links, rechts = st.columns(2)
vorher = links.selectbox("Früherer Stand", optionen, index=1, format_func=_titel, key=f"fortschritt_vorher_{version}")
nachher = rechts.selectbox(
    "Späterer Stand", optionen, index=0, format_func=_titel, key=f"fortschritt_nachher_{version}"
)
if vorher == nachher:
    st.info("Bitte zwei verschiedene Stände wählen.")
    seite_beenden()


def _anzeige(wahl):
    return vorschau_anzeige if wahl == VORSCHAU else quelle.anzeige_zu_stand(nach_nr[wahl], ablage)


st.caption(f"Verglichen wird **{literal(_titel(vorher))}** mit **{literal(_titel(nachher))}**.")
vergleich = quelle.vergleich_zwischen(_anzeige(vorher), _anzeige(nachher))
zeige_vergleich(vergleich, vorher=_kurz(vorher), nachher=_kurz(nachher), schluessel="fortschritt")
frischeansicht.abschnitt(anzeige.anlage)

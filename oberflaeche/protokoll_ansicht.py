"""The audit table on the page Daten & Stände: for editors only, newest first, and as CSV."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, AblageFehler
from ipdaten.darstellung.protokoll_tabelle import protokoll_csv, protokoll_tabelle

from . import berechtigung
from .literal import literal

ANZEIGE_ZEILEN = 200  # on screen; the CSV holds every line
OFFEN = "protokoll_offen"  # the expander's key: whether it is open


def _csv(ablage: Ablage) -> bytes:
    return protokoll_csv(ablage.protokoll())


def abschnitt(ablage: Ablage) -> None:
    """The section "Protokoll" behind the editor gate (see oberflaeche.berechtigung), drawn only
    while its expander is open (closed, it costs the page one element, not a password form)."""
    bereich = st.expander(
        "Protokoll: wer hat wann was veröffentlicht", icon=":material/history:", key=OFFEN, on_change="rerun"
    )
    if not bereich.open:
        return
    with bereich:
        st.caption(
            "Jede Veröffentlichung, jede Anmeldung zum Bearbeiten und jeder Versuch mit falschem Passwort – "
            "mit Zeit, Person, Stand, Datei und Prüfsumme, nie mit einem Passwort. Nur für die Redaktion."
        )
        if berechtigung.redakteur("Ansehen des Protokolls", schluessel="protokoll") is None:
            return
        try:
            anzahl = ablage.protokoll_anzahl()
            eintraege = ablage.protokoll(grenze=ANZEIGE_ZEILEN)
        except AblageFehler as e:
            st.error(f"Das Protokoll kann nicht gelesen werden: {literal(e)}")
            return
        if not eintraege:
            st.caption("Noch keine Einträge.")
            return
        st.dataframe(protokoll_tabelle(eintraege), hide_index=True, alt="Protokoll der Veröffentlichungen")
        if anzahl > len(eintraege):
            st.caption(f"Angezeigt sind die neuesten {fmt.zahl(len(eintraege))} von {fmt.zahl(anzahl)} Einträgen.")
        st.download_button(
            f"Protokoll herunterladen (.csv, {fmt.zahl(anzahl)} Einträge)",
            data=lambda: _csv(ablage),
            file_name=f"Protokoll_{fmt.jetzt():%Y-%m-%d}.csv",
            mime="text/csv",
            on_click="ignore",
            key="protokoll_csv",
            icon=":material/download:",
        )

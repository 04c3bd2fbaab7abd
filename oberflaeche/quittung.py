"""The receipt of an upload on the Daten page: what was read, in one glance, and every warning
grouped by its cause (`ipdaten.arbeitsmappe.plausibel.quittung`)."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.plausibel import Quittung

from .befundtabelle import zeige_befunde
from .literal import literal


def zeige_quittung(quittung: Quittung) -> None:
    """What was read (sheets, Stand, counts, areas and years, budget) in a bordered box."""
    with st.container(border=True, key="quittung"):
        st.subheader("Was gelesen wurde", anchor=False)
        st.markdown("\n".join(f"- **{literal(was)}:** {literal(text)}" for was, text in quittung.zeilen))


def zeige_hinweise(quittung: Quittung) -> None:
    """Every warning, one table per cause."""
    anzahl = sum(len(b) for b in quittung.hinweise.values())
    if not anzahl:
        return
    st.warning(f"{fmt.zahl(anzahl)} Hinweis(e) zur Datei:", icon=":material/warning:")
    for ursache, befunde in quittung.hinweise.items():
        st.markdown(f"**{literal(ursache)}** ({fmt.zahl(len(befunde))})")
        zeige_befunde(befunde, f"Hinweise zur Datei: {ursache}")

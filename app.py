"""Integrationsplan-Monitor: entry point and navigation only."""

import streamlit as st

st.set_page_config(
    page_title="Integrationsplan-Monitor · Landkreis Böblingen",
    page_icon="📊",
    layout="wide",
)

SEITEN = [
    st.Page("seiten/uebersicht.py", title="Übersicht", icon="🏠", url_path="uebersicht", default=True),
    st.Page("seiten/handlungsfelder.py", title="Handlungsfelder", icon="🗂️", url_path="handlungsfelder"),
    st.Page("seiten/einbuergerung.py", title="Einbürgerung", icon="🏛️", url_path="einbuergerung"),
    st.Page("seiten/haushalt.py", title="Haushalt", icon="💶", url_path="haushalt"),
]

st.navigation(SEITEN).run()

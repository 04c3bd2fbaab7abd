"""Seite (Platzhalter, wird in Issue 3 gebaut)."""

import streamlit as st

from oberflaeche.rahmen import seitenkopf

seitenkopf("handlungsfelder")
st.info("Diese Seite wird gerade gebaut.")

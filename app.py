"""Integrationsplan-Monitor: entry point and navigation only."""

import contextlib

import streamlit as st

from ipdaten.ablage import AblageFehler
from oberflaeche import berechtigung, dokument, seitenstil
from oberflaeche.navigation import seiten
from oberflaeche.rahmen import SEITENSYMBOL, SeitenEnde, ablagefehler_melden, programmfehler_melden
from oberflaeche.speicherbereinigung import gelegentlich_aufraeumen, langlebige_objekte_einfrieren
from oberflaeche.staende import stand_auswahl_zeigen, stand_festlegen
from oberflaeche.streamlit_eingriffe import einrichten as streamlit_eingriffe_einrichten
from oberflaeche.veroeffentlichung import passwort_bereitstellen

st.set_page_config(
    page_title="Integrationsplan-Monitor · Landkreis Böblingen",
    page_icon=SEITENSYMBOL,  # no emoji (spares loading the emoji catalogue), no request to Google
    layout="wide",
)

SEITEN = seiten(
    lambda: [
        st.Page("seiten/uebersicht.py", title="Übersicht", icon=":material/home:", url_path="uebersicht", default=True),
        st.Page(
            "seiten/handlungsfelder.py",
            title="Handlungsfelder",
            icon=":material/folder_open:",
            url_path="handlungsfelder",
        ),
        st.Page(
            "seiten/einbuergerung.py", title="Einbürgerung", icon=":material/account_balance:", url_path="einbuergerung"
        ),
        st.Page("seiten/haushalt.py", title="Haushalt", icon=":material/euro:", url_path="haushalt"),
        st.Page("seiten/fortschritt.py", title="Fortschritt", icon=":material/trending_up:", url_path="fortschritt"),
        st.Page(
            "seiten/zustaendigkeit.py",
            title="Zuständigkeit",
            icon=":material/assignment_ind:",
            url_path="zustaendigkeit",
        ),
        st.Page("seiten/gefluechtete.py", title="Geflüchtete", icon=":material/diversity_3:", url_path="gefluechtete"),
        st.Page("seiten/daten.py", title="Daten & Stände", icon=":material/upload_file:", url_path="daten"),
        st.Page("seiten/praesentation.py", title="Präsentation", icon=":material/slideshow:", url_path="praesentation"),
        st.Page(
            "seiten/barrierefreiheit.py",
            title="Barrierefreiheit",
            icon=":material/accessibility_new:",
            url_path="barrierefreiheit",
        ),
    ]
)

streamlit_eingriffe_einrichten()  # clear_cache only with the menu, uploads bounded (once per process)
langlebige_objekte_einfrieren()
if not berechtigung.anmeldung_eingerichtet():
    passwort_bereitstellen()  # without a configured one, the server's password is in its terminal now
if berechtigung.anmeldung_zum_ansehen() and not st.user.is_logged_in:
    berechtigung.anmeldeseite()
    st.stop()
seite = st.navigation(SEITEN)
seitenstil.einrichten()
dokument.einrichten()  # lang="de", charts' SVG hidden from screen readers
auswahl = stand_festlegen()
# The sidebar comes after the page, so that the page's chart reaches the browser first.
try:
    with contextlib.suppress(SeitenEnde):
        seite.run()
except AblageFehler as e:
    ablagefehler_melden(e)  # a damaged Stand: said on the page, the sidebar and other Stände still work
except Exception:
    programmfehler_melden()  # a German word for the user; Streamlit still records the error
    raise
stand_auswahl_zeigen(auswahl)
berechtigung.konto_in_seitenleiste()
# Instead of Streamlit's full collection after every run (off in .streamlit/config.toml).
gelegentlich_aufraeumen()

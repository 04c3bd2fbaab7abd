"""Every key this app keeps in `st.session_state`, in one place, with what it holds.

Widgets whose value is only read where they are drawn keep their key there; the keys below are
read or written outside their widget, or are not widgets at all. Names starting with
`_ipdaten_` are never shown and never collide with a widget key.
"""

from __future__ import annotations

from ipdaten.drossel import SCHLUESSEL as SCHLUESSEL_FEHLVERSUCHE

# --- Which Stand a session sees (oberflaeche.quelle, oberflaeche.staende) ---------------------
STAND = "stand"  # the sidebar's Stand selector: a Stand number; also the URL parameter ?stand=N
FOLGT = "_ipdaten_stand_folgt"  # True: the session shows whatever Stand is newest
NEUESTE = "_ipdaten_stand_neueste"  # the newest Stand number this session has seen
LINK_GELESEN = "_ipdaten_stand_link_gelesen"  # ?stand=N was read on this session's first run
LINK_FEHLER = "_ipdaten_stand_link_fehler"  # an unknown ?stand=… to report once, shortened
VORSCHAU = "_ipdaten_vorschau"  # quelle.Vorschau: an upload this session looks at, unpublished

# --- The upload on Daten & Stände ---------------------------------------------------------------
UPLOAD = "anlage_upload"  # the file uploader of the workbook
HOCHLADUNG = "_ipdaten_hochladung"  # (file id, quelle.Hochladung): the upload's bytes, hashed once
ZUORDNUNG = "_ipdaten_zuordnung_"  # + 16 hex digits of an upload's SHA-256: the user's mapping
KOMMENTAR = "stand_kommentar_"  # + 16 hex digits of the preview's SHA-256: the publishing form's comment
FEHLVERSUCHE = SCHLUESSEL_FEHLVERSUCHE  # (count, moment of the last) of wrong passwords (ipdaten.drossel)
GEDROSSELT_PROTOKOLLIERT = "_ipdaten_gedrosselt_protokolliert"  # this wait is in the audit table already
REDAKTEUR = "_ipdaten_redakteur"  # (Redakteur, fingerprint of the password): unlocked for editing
DATEN_MELDUNG = "_ipdaten_daten_meldung"  # the outcome of a publication, shown after the rerun
AMTLICH_MELDUNG = "_ipdaten_amtlich_meldung"  # the same for the official-statistics step
RUNDE_MELDUNG = "_ipdaten_runde_meldung"  # the same for the Rückmelderunde (round started, answers taken)
RUNDE_BERICHT = "_ipdaten_runde_bericht"  # (round id, what the last upload of returned forms gave)
RUNDE_VORSCHAU = "_ipdaten_runde_vorschau"  # (preview SHA-256, round id, SHA-256 of the forms it took)
RUNDE_UPLOAD = "_ipdaten_runde_upload"  # a counter in the uploader's key: a new key empties it

# --- Deep links read before their widget (?feld=2, ?zustaendig=…) -------------------------------
HANDLUNGSFELD = "handlungsfelder_feld"  # the field chooser on Handlungsfelder
HANDLUNGSFELD_URL = "_handlungsfelder_url"  # the ?feld= last applied to it
ZUSTAENDIG = "zustaendigkeit_wahl"  # the chooser on Zuständigkeit
ZUSTAENDIG_URL = "_zustaendigkeit_url"  # the ?zustaendig= last applied to it

# --- The page being drawn ----------------------------------------------------------------------
HERKUNFT = "_ipdaten_herkunft"  # (source, Stand as text) of the page's data, for chart CSV files

"""The download "Sitzungsvorlage (Word)" shared by the Präsentation and the Daten page.

The document is built only when the button is clicked (st.download_button with a callable)
and kept for the same Stand, previous Stand and Sitzungsdatum. The Word template is checked
when the button is drawn, so a broken template shows a German message instead of a button.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_docx import (
    MIME,
    STANDARD_VORLAGE,
    VorlagenFehler,
    dateiname,
    docx_bytes,
    fehler_docx,
    pruefe_vorlage,
)
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage

from . import quelle
from .literal import literal

REKONSTRUKTION = (
    "Rekonstruktion der Anlage 1 aus dem Bericht vom 6. März 2017: Annahmen und Platzhalter sind "
    "gekennzeichnet und nicht die Angaben des Landkreises."
)


@st.cache_data(max_entries=4, show_spinner=False)
def _vorlage_fehler(pfad: str, mtime_ns: int) -> str:
    """'' when the template is usable, else the German message (cached per file version)."""
    try:
        pruefe_vorlage(Path(pfad))
    except VorlagenFehler as e:
        return str(e)
    return ""


@st.cache_data(max_entries=8, show_spinner=False)
def _docx(
    schluessel: str,
    vorher_schluessel: str,
    sitzungsdatum: dt.date | None,
    hinweis: str,
    vorschau: bool,
    _jetzt: Auswertung,
    _vorher: Auswertung | None,
) -> bytes:
    try:
        return docx_bytes(
            sitzungsvorlage(_jetzt, vorher=_vorher, sitzungsdatum=sitzungsdatum, hinweis=hinweis, vorschau=vorschau)
        )
    except VorlagenFehler as e:
        return fehler_docx(str(e))


def download(
    anzeige: quelle.Anzeige,
    *,
    vorher: tuple[str, Auswertung] | bool | None = True,
    sitzungsdatum: dt.date | None = None,
    ort=None,
    key: str = "sitzungsvorlage_export",
    **knopf,
) -> None:
    """Draw the download button "Sitzungsvorlage (Word)" for the shown Stand.

    `vorher`: (key, Auswertung) of the previous Stand, None for none, True to look it up;
    `ort`: a column or container to draw into (default: the page); further keyword arguments
    go to st.download_button (e.g. type, help)."""
    ort = ort or st
    fehler = _vorlage_fehler(
        str(STANDARD_VORLAGE), STANDARD_VORLAGE.stat().st_mtime_ns if STANDARD_VORLAGE.exists() else 0
    )
    if fehler:
        ort.error(f"Sitzungsvorlage (Word) nicht verfügbar: {literal(fehler)}", icon=":material/error:")
        return
    if vorher is True:
        vorher = quelle.vorherige_auswertung(anzeige)
    hinweis = REKONSTRUKTION if anzeige.ist_rekonstruktion and not anzeige.ist_vorschau else ""
    ort.download_button(
        "Sitzungsvorlage (Word)",
        data=lambda: _docx(
            anzeige.schluessel or "standard",
            vorher[0] if vorher else "",
            sitzungsdatum,
            hinweis,
            anzeige.ist_vorschau,
            anzeige.auswertung,
            vorher[1] if vorher else None,
        ),
        file_name=dateiname(anzeige.anlage.stand),
        mime=MIME,
        key=key,
        on_click="ignore",
        icon=":material/description:",
        **{"help": "Bericht an den Ausschuss als Word-Dokument mit Anlage 1, aus den Zahlen dieses Stands", **knopf},
    )

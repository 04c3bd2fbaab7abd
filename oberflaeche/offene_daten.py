"""The open-data download of a published Stand (page Daten & Stände): one ZIP with a CSV per table,
daten.json and the DCAT-AP.de description, built only on click."""

from __future__ import annotations

import functools
import os

import streamlit as st

from ipdaten.ablage import Ablage, StandInfo
from ipdaten.praesentation.exporttabellen import Exportquelle
from ipdaten.praesentation.offene_daten import angaben_aus_umgebung, offene_daten_zip

from . import quelle, staende


def _zip(info: StandInfo, ablage: Ablage) -> bytes:
    anzeige = quelle.anzeige_zu_stand(info, ablage)
    return offene_daten_zip(Exportquelle(anzeige.auswertung, anzeige.quelle), angaben_aus_umgebung(os.environ))


def download(info: StandInfo, ablage: Ablage, ort=st) -> None:
    """The button „Offene Daten“ of the Stand `info` (publisher and licence as configured by
    IPDATEN_HERAUSGEBER, IPDATEN_LIZENZ …; default Datenlizenz Deutschland – Namensnennung 2.0)."""
    ort.download_button(
        f"Offene Daten zu Stand Nr. {info.nr} (.zip)",
        data=functools.partial(_zip, info, ablage),
        file_name=staende.stand_dateiname(info).removesuffix(".xlsx") + "_offene_Daten.zip",
        mime="application/zip",
        on_click="ignore",
        key="download_offene_daten",
        icon=":material/dataset:",
        help="Für das Open-Data-Portal: je Tabelle eine CSV-Datei (UTF-8), alle Kennzahlen als JSON und die "
        "Beschreibung nach DCAT-AP.de mit Herausgeber, Lizenz, Stand und Zeitraum.",
    )

"""Daten page section "Einbürgerung aus amtlicher Statistik": statistics files in, a revised
workbook (only the sheet Einbürgerung replaced) out – as this session's preview, from where it
is published like any upload."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, StandInfo
from ipdaten.amtlich.ablauf import kein_gemeinsames_jahr
from ipdaten.amtlich.mappe import ueberarbeite
from ipdaten.amtlich.quote import (
    DEFINITION_KURZ,
    DEFINITIONEN,
    REGION_STUTTGART,
    Ergebnis,
    berechne,
)
from ipdaten.amtlich.quote_auswahl import moegliche_definitionen, ordne_dateien, verfuegbare_jahre
from ipdaten.amtlich.statistikdatei import StatistikDatei, StatistikUngueltig
from ipdaten.arbeitsmappe import Befund

from . import quelle, sitzung, zwischenspeicher
from .grundlage import grundlage
from .literal import literal
from .rahmen import meldung_zeigen
from .tabelle import zeige_tabelle

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OFFEN = "amtlich_offen"  # the key of the expander with the upload fields
AUFKLAPPEN = "Statistikdateien hochladen und übernehmen"  # that expander's label


def befunde_tabelle(befunde: list[Befund] | tuple[Befund, ...]) -> pd.DataFrame:
    """Findings about statistics files as a German table."""
    return pd.DataFrame(
        {
            "Datei": [b.blatt for b in befunde],
            "Zeile": [str(b.zeile) if b.zeile is not None else "" for b in befunde],
            "Meldung": [b.meldung for b in befunde],
            "Gefunden": [b.wert for b in befunde],
            "Erwartet": [b.erlaubt for b in befunde],
        }
    )


def _zeige_befunde(befunde, titel: str) -> None:
    st.error(f"**{titel}** Die Arbeitsmappe bleibt unverändert.", icon=":material/block:")
    zeige_tabelle(befunde_tabelle(befunde), hide_index=True, alt="Tabelle der Befunde zu den Statistikdateien")


def _quote_text(wert: float) -> str:
    return fmt.prozent(None if wert is None or math.isnan(wert) else wert)


def _zahl_text(wert: float) -> str:
    return "" if wert is None or math.isnan(wert) else fmt.zahl(wert)


def vergleichstabelle(vorher: pd.DataFrame, ergebnis: Ergebnis) -> pd.DataFrame:
    """The current sheet next to the new figures: one row per area and year, both quotas."""
    neu = ergebnis.zeilen
    bisher = {(g, int(j)): q for g, j, q in zip(vorher["gebiet"], vorher["jahr"], vorher["quote_prozent"])}
    zeilen = []
    for z in neu.itertuples(index=False):
        alt = bisher.pop((z.gebiet, int(z.jahr)), None)
        zeilen.append(
            {
                "Gebiet": z.gebiet,
                "Kreis": z.kreis,
                "Jahr": str(z.jahr),
                "Bisher": "nicht im Blatt" if alt is None else _quote_text(alt),
                "Neu": _quote_text(z.quote_prozent),
                "Einbürgerungen": _zahl_text(z.einbuergerungen),
                "Ausländer am 31.12. des Vorjahres": _zahl_text(z.auslaender_vorjahr),
                "Hinweis": z.hinweis,
            }
        )
    for (gebiet, jahr), alt in bisher.items():
        zeilen.append(
            {
                "Gebiet": gebiet,
                "Kreis": "",
                "Jahr": str(jahr),
                "Bisher": _quote_text(alt),
                "Neu": "entfällt",
                "Einbürgerungen": "",
                "Ausländer am 31.12. des Vorjahres": "",
                "Hinweis": "steht künftig nicht mehr im Blatt",
            }
        )
    return pd.DataFrame(zeilen)


def _datei_beschreibung(datei: StatistikDatei, rolle: str) -> str:
    teile = [
        f"**{rolle}:** {literal(datei.bezeichnung)} · {literal(datei.format)} · Datei „{literal(datei.dateiname)}“",
        f"**Stand:** {literal(datei.stand[6:].strip()) if datei.stand else 'in der Datei nicht angegeben'}",
        f"**Lizenz:** {literal(datei.lizenz) if datei.lizenz else 'in der Datei nicht angegeben'}",
    ]
    return "  \n".join(teile)


def abschnitt(anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo) -> None:
    """The whole section on the Daten page (`anzeige`: what the session shows, maybe a preview)."""
    st.header("Einbürgerung aus amtlicher Statistik", anchor=False)
    meldung_zeigen(sitzung.AMTLICH_MELDUNG)
    st.write(
        "Die Einbürgerungsquoten lassen sich aus den Tabellen der Regionaldatenbank "
        "(regionalstatistik.de) berechnen: **Einbürgerungen je Kreis** (Tabellen 12511-…) und – für die "
        "eigene Berechnung – die **Bevölkerung nach Nationalität je Kreis** (Tabellen 12411-…). Beide "
        "Download-Formate werden gelesen: „CSV“ (Tabelle) und „ffcsv“ (Flatfile). Ergebnis ist eine "
        "überarbeitete Arbeitsmappe, in der **nur das Blatt „Einbürgerung“** ersetzt ist; sie wird wie jede "
        "hochgeladene Datei zuerst als Vorschau gezeigt und dann veröffentlicht."
    )
    # Used about once a year: the upload fields are drawn once the expander is opened (closing
    # it lets go of the chosen files; a preview made from them stays).
    bereich = st.expander(AUFKLAPPEN, icon=":material/upload_file:", key=OFFEN, on_change="rerun")
    if not bereich.open:
        return
    with bereich:
        _dateien_und_ergebnis(anzeige, ablage, neuester)


def _dateien_und_ergebnis(anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo) -> None:
    links, rechts = st.columns(2)
    einb_upload = links.file_uploader(
        "Einbürgerungen (Tabelle 12511-…)",
        type=["csv", "zip"],
        key="amtlich_einbuergerung",
        help="Aus der Regionaldatenbank als „CSV“ oder „ffcsv“ heruntergeladen, regionale Tiefe „Kreise“.",
    )
    bev_upload = rechts.file_uploader(
        "Ausländische Bevölkerung (Tabelle 12411-…, optional)",
        type=["csv", "zip"],
        key="amtlich_bevoelkerung",
        help="Nur für die eigene Berechnung nötig: Bevölkerung nach Nationalität, Stichtag 31.12., je Kreis.",
    )
    hochgeladen = [u for u in (einb_upload, bev_upload) if u is not None]
    if not hochgeladen:
        return
    gelesen, befunde = [], []
    for upload in hochgeladen:
        datei = zwischenspeicher.statistikdatei(upload.file_id, upload.getvalue(), upload.name)
        if isinstance(datei, tuple):
            befunde.extend(datei)
        else:
            gelesen.append(datei)
    if befunde:
        _zeige_befunde(befunde, "Die Statistikdatei(en) können nicht verwendet werden.")
        return
    try:
        einbuergerung, bevoelkerung = ordne_dateien(gelesen)
    except StatistikUngueltig as e:
        _zeige_befunde(e.befunde, "Die Dateien passen nicht.")
        return
    beschreibung = _datei_beschreibung(einbuergerung, "Einbürgerungen")
    if bevoelkerung is not None:
        beschreibung += "  \n" + _datei_beschreibung(bevoelkerung, "Ausländische Bevölkerung")
    for datei in (einbuergerung, bevoelkerung):
        beschreibung += "".join(f"  \n{literal(h)}" for h in (datei.hinweise if datei is not None else ()))
    st.caption(beschreibung)
    _auswahl_und_ergebnis(anzeige, ablage, neuester, einbuergerung, bevoelkerung)


def _auswahl_und_ergebnis(anzeige, ablage, neuester, einbuergerung, bevoelkerung) -> None:
    moeglich = moegliche_definitionen(einbuergerung, bevoelkerung)
    if not moeglich:
        try:
            berechne(einbuergerung, bevoelkerung, [], [], "vorjahr")
        except StatistikUngueltig as e:
            _zeige_befunde(e.befunde, "Mit diesen Dateien lässt sich keine Quote bilden.")
        return
    definition = st.radio(
        "Definition der Einbürgerungsquote",
        moeglich,
        format_func=DEFINITION_KURZ.get,
        key="amtlich_definition",
        horizontal=True,
    )
    st.info(f"**Definition:** {DEFINITIONEN[definition]}", icon=":material/function:")
    kreise = einbuergerung.kreise()
    optionen = list(dict.fromkeys([*REGION_STUTTGART, *kreise]))
    gebiete = st.multiselect(
        "Gebiete",
        optionen,
        default=list(REGION_STUTTGART),
        format_func=lambda k: f"{REGION_STUTTGART.get(k) or kreise.get(k, k)} ({k})",
        key="amtlich_gebiete",
        help="Vorgewählt: die Region Stuttgart. Jeder Kreis der Datei kann dazugenommen werden.",
    )
    jahre_moeglich = verfuegbare_jahre(einbuergerung, bevoelkerung, definition)
    if not jahre_moeglich:
        _zeige_befunde([kein_gemeinsames_jahr(einbuergerung, bevoelkerung)], "Kein Jahr lässt sich berechnen.")
        return
    jahre = st.multiselect(
        "Jahre", jahre_moeglich, default=jahre_moeglich, key=f"amtlich_jahre_{definition}", format_func=str
    )
    basis = grundlage(anzeige, ablage, neuester)
    vorher = basis.anlage.einbuergerung
    try:
        ergebnis = berechne(einbuergerung, bevoelkerung, gebiete, jahre, definition, tuple(vorher["gebiet"]))
    except StatistikUngueltig as e:
        _zeige_befunde(e.befunde, "Die Quote lässt sich so nicht berechnen.")
        return
    st.subheader("Ergebnis neben dem bisherigen Blatt „Einbürgerung“", anchor=False)
    st.caption(f"Grundlage ist {basis.text}. Quoten in Prozent, auf zwei Stellen gerundet.")
    zeige_tabelle(
        vergleichstabelle(vorher, ergebnis),
        hide_index=True,
        alt="Tabelle: bisherige und neue Einbürgerungsquoten je Gebiet und Jahr",
    )
    st.caption(f"**Quelle im neuen Blatt:** {literal(ergebnis.quelle)}")
    if st.button(
        "Überarbeitete Arbeitsmappe als Vorschau übernehmen",
        key="amtlich_uebernehmen",
        type="primary",
        icon=":material/move_down:",
        help="Ersetzt nur das Blatt „Einbürgerung“. Danach unten prüfen und veröffentlichen.",
    ):
        try:
            ueberarbeitung = ueberarbeite(basis.daten, ergebnis, basis.zuordnung)
        except StatistikUngueltig as e:
            _zeige_befunde(e.befunde, "Die überarbeitete Arbeitsmappe wurde nicht übernommen.")
            return
        name = f"Anlage1_Einbuergerung_amtlich_{fmt.jetzt().date().isoformat()}.xlsx"
        if quelle.vorschau_aus_upload(
            quelle.hochladung(ueberarbeitung.daten, name), ueberarbeitung.zuordnung, basis.basis_nr
        ):
            st.session_state[sitzung.AMTLICH_MELDUNG] = (
                "Die überarbeitete Arbeitsmappe ist jetzt die **Vorschau** dieser Sitzung (nur das Blatt "
                "„Einbürgerung“ ist ersetzt). Unten prüfen und veröffentlichen."
            )
        else:
            st.session_state[sitzung.AMTLICH_MELDUNG] = (
                "Diese Arbeitsmappe ist bereits veröffentlicht; es gibt nichts Neues."
            )
        st.rerun()

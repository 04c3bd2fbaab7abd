"""Returned forms of the Rückmelderunde on the Daten page: upload any number at once (the usable
ones are kept in the store at once, for every session), what each file gave, the conflicts she
decides, and the merged answers taken as this session's preview."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, AblageFehler, StandInfo
from ipdaten.arbeitsmappe import Befund
from ipdaten.darstellung.ansicht_rueckmeldung import antwort_text
from ipdaten.rueckmeldung import (
    KEINE_AENDERUNG,
    Eingang,
    FortschreibungFehler,
    Rundenablage,
    Zusammenfuehrung,
    aenderungen_tabelle,
    lies_boegen,
    zusammenfuehren,
)
from ipdaten.rueckmeldung.runde import sicherer_dateiteil

from . import quelle, runde_quelle, sitzung, veroeffentlichung, zwischenspeicher
from .befundtabelle import zeige_befunde, zeige_umbrechend
from .literal import literal

UEBERNOMMEN, SCHON_DA, UNAUSGEFUELLT, ABGELEHNT = "übernommen", "schon eingegangen", "unausgefüllt", "abgelehnt"
UEBERSCHRIFT = {
    UEBERNOMMEN: "Übernommen",
    SCHON_DA: "Bereits eingegangen, zählt einmal",
    UNAUSGEFUELLT: "Unausgefüllt zurückgesandt, zählt nicht als Antwort",
    ABGELEHNT: "Nicht verwendbar",
}


@dataclass(frozen=True)
class Ergebnis:
    """What one uploaded file gave."""

    dateiname: str
    art: str  # UEBERNOMMEN, SCHON_DA, UNAUSGEFUELLT or ABGELEHNT
    stelle: str
    befunde: tuple[Befund, ...]


def _eingegangen(stand: runde_quelle.RundenStand, ablage: Ablage, schluessel: str) -> None:
    """On every new choice of files (before the script): read them, keep the usable ones, note what
    each gave, and empty the uploader (a new key) so that the same files are not read again."""
    dateien = [(d.name, d.getvalue()) for d in st.session_state.get(schluessel) or []]
    if not dateien:
        return
    runde = stand.runde
    gelesen = lies_boegen(dateien, runde, stand.basis.anlage, stand.zuordnung)
    try:
        neu = set(Rundenablage(ablage).nimm_auf(runde.id, dateien, gelesen))
    except AblageFehler as e:
        st.session_state[sitzung.RUNDE_BERICHT] = (runde.id, (), f"Die Bögen wurden nicht gespeichert: {e}")
        return
    ergebnisse, gezaehlt = [], set()
    for bogen in gelesen.boegen:
        r = bogen.rueckmeldung
        if r is None:
            art = ABGELEHNT
        elif r.unausgefuellt:
            art = UNAUSGEFUELLT
        elif r.sha256 in neu and r.sha256 not in gezaehlt:
            art = UEBERNOMMEN
        else:
            art = SCHON_DA
        if r is not None:
            gezaehlt.add(r.sha256)
        ergebnisse.append(Ergebnis(bogen.dateiname, art, r.stelle_name if r else "", bogen.befunde))
    st.session_state[sitzung.RUNDE_BERICHT] = (runde.id, tuple(ergebnisse), "")
    st.session_state[sitzung.RUNDE_UPLOAD] = st.session_state.get(sitzung.RUNDE_UPLOAD, 0) + 1


def abschnitt(stand: runde_quelle.RundenStand, anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo) -> None:
    """Upload, the report of the last upload, conflicts and the merge into a preview."""
    st.subheader("Ausgefüllte Bögen einlesen", anchor=False)
    schluessel = f"runde_boegen_{st.session_state.get(sitzung.RUNDE_UPLOAD, 0)}"
    with st.container(key="runde_upload_feld"):
        st.file_uploader(
            "Zurückgesandte Rückmeldebögen auswählen (auch mehrere auf einmal)",
            type=["xlsx"],
            accept_multiple_files=True,
            key=schluessel,
            on_change=_eingegangen,
            args=(stand, ablage, schluessel),
            help="Jede Datei wird geprüft; brauchbare Bögen werden für diese Runde gespeichert. Dieselbe Datei "
            "zweimal zählt einmal.",
        )
    _bericht(stand.runde.id)
    _zusammenfuehren(stand, anzeige, ablage, neuester)


def _bericht(runde_id: str) -> None:
    bericht = st.session_state.get(sitzung.RUNDE_BERICHT)
    if not bericht or bericht[0] != runde_id:
        return
    ergebnisse: tuple[Ergebnis, ...] = bericht[1]
    if bericht[2]:
        st.error(literal(bericht[2]), icon=":material/block:")
    for art in (UEBERNOMMEN, SCHON_DA, UNAUSGEFUELLT, ABGELEHNT):
        gruppe = [e for e in ergebnisse if e.art == art]
        if not gruppe:
            continue
        namen = ", ".join(f"„{e.dateiname}“" + (f" ({e.stelle})" if e.stelle else "") for e in gruppe)
        text = f"**{UEBERSCHRIFT[art]} ({fmt.zahl(len(gruppe))}):** {literal(namen)}"
        if art == ABGELEHNT:
            st.error(text, icon=":material/block:")
        elif art == UEBERNOMMEN:
            st.success(text, icon=":material/check_circle:")
        else:
            st.info(text, icon=":material/info:")
        for e in gruppe:
            if e.befunde:
                titel = f"„{e.dateiname}“: " + ("warum nicht verwendbar" if art == ABGELEHNT else "Hinweise")
                with st.expander(titel, expanded=art == ABGELEHNT):
                    zeige_befunde(e.befunde, f"Tabelle der Befunde zu {e.dateiname}")


def _fuehre_zusammen(
    schluessel: tuple,
    _titel: str,
    _eingang: Eingang,
    _eingegangen: dict,
    _daten: bytes,
    _anzeige: quelle.Anzeige,
    _zuordnung,
) -> Zusammenfuehrung | tuple[Befund, ...]:
    """The merge, once per (round, forms, target Stand, decisions, day) and session; the revised
    workbook dated that day and named after the round (sheet Info)."""
    heute = schluessel[4]
    try:
        return zusammenfuehren(
            _eingang.rueckmeldungen,
            _eingang.konflikte,
            _daten,
            _anzeige.anlage,
            entscheidungen=dict(schluessel[3]),
            heute=heute,
            eingegangen=_eingegangen,
            zuordnung=_zuordnung,
            titel=_titel,
        )
    except FortschreibungFehler as e:
        return tuple(e.befunde)


def _entscheidungen(stand: runde_quelle.RundenStand, eingang: Eingang) -> dict:
    """Her decision for every conflict (radio buttons); undecided ones are left out."""
    konflikte = eingang.konflikte
    if not konflikte:
        return {}
    st.subheader(f"Konflikte ({fmt.zahl(len(konflikte))})", anchor=False)
    st.caption(
        "Zu diesen Empfehlungen kamen verschiedene Antworten (z. B. zwei Fassungen desselben Bogens). Bitte je "
        "Empfehlung wählen, welche gilt – oder dass alles bleibt, wie es ist."
    )
    entscheidungen = {}
    for k in konflikte:
        optionen = {a.rueckmeldung.sha256: antwort_text(a) for a in k.antworten}
        optionen[KEINE_AENDERUNG] = "Keine Änderung – die Empfehlung behält ihre bisherigen Werte"
        felder = ", ".join({"status": "Status", "bemerkung": "Bemerkung", "termin": "Termin"}[f] for f in k.felder)
        wahl = st.radio(
            f"Empfehlung {k.nr} – unterschiedlich: {felder}",
            list(optionen),
            index=None,
            format_func=lambda s, optionen=optionen: literal(optionen[s]),
            key=f"runde_konflikt_{stand.runde.id}_{k.schluessel[0]}_{k.schluessel[1]}",
        )
        if wahl is not None:
            entscheidungen[k.schluessel] = wahl
    return entscheidungen


def _zusammenfuehren(
    stand: runde_quelle.RundenStand, anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo
) -> None:
    eingang = stand.offener_eingang
    if not eingang.rueckmeldungen:
        st.caption(
            "Noch kein ausgefüllter Bogen eingegangen."
            if not stand.eingang.rueckmeldungen
            else "Alle eingegangenen Bögen sind in einen veröffentlichten Stand übernommen; neue Bögen oben einlesen."
        )
        return
    entscheidungen = _entscheidungen(stand, eingang)
    st.subheader("Antworten in die Arbeitsmappe übernehmen", anchor=False)
    ziel = quelle.anzeige_zu_stand(neuester, ablage)
    schluessel = (
        stand.runde.id,
        tuple(sorted(stand.offen)),
        neuester.sha256,
        tuple(sorted(entscheidungen.items())),
        fmt.jetzt().date(),
    )
    ergebnis = zwischenspeicher.zusammenfuehrung(
        repr(schluessel),
        lambda: _fuehre_zusammen(
            schluessel,
            stand.runde.titel,
            eingang,
            stand.eingegangen,
            ablage.lies(neuester.sha256),
            ziel,
            neuester.zuordnung,
        ),
    )
    if isinstance(ergebnis, tuple):
        st.error(
            "**Die Antworten lassen sich nicht in die Arbeitsmappe eintragen.** Sie bleibt unverändert.",
            icon=":material/block:",
        )
        zeige_befunde(ergebnis, "Tabelle: warum die Antworten nicht eingetragen werden können")
        return
    st.caption(
        f"Eingetragen wird in den neuesten Stand ({literal(quelle.stand_titel(neuester))}): nur die geänderten "
        "Zellen, „Gemeldet am“ und „Gemeldet von“ sowie im Blatt „Info“ der Stand (heute) und als Bezeichnung "
        "der Titel der Runde; alles andere bleibt, wie es ist."
    )
    if ergebnis.aenderungen:
        st.markdown(f"**{fmt.zahl(len(ergebnis.aenderungen))} Änderungen** aus den Bögen:")
        # Real HTML text: an old and a new Bemerkung are read whole, on a phone each the whole width
        # (the data grid cut them at 1280 px and hid the column „neu“ at 390 px).
        zeige_umbrechend(
            aenderungen_tabelle(ergebnis.aenderungen),
            ("bisher", "neu"),
            "Tabelle der Änderungen: Nr, Feld, gemeldet von, bisher, neu",
        )
    else:
        st.markdown("Die Bögen ändern keinen Wert; eingetragen wird nur, wer wann gemeldet hat.")
    if ergebnis.offene_konflikte:
        st.warning(
            f"Noch {fmt.anzahl(len(ergebnis.offene_konflikte), 'Konflikt', 'Konflikte')} offen (oben entscheiden): "
            + ", ".join(k.nr for k in ergebnis.offene_konflikte),
            icon=":material/rule:",
        )
    if ergebnis.hinweise:
        with st.expander(f"{fmt.anzahl(len(ergebnis.hinweise), 'Hinweis', 'Hinweise')} zur Plausibilität"):
            zeige_befunde(ergebnis.hinweise, "Tabelle der Hinweise zur fortgeschriebenen Arbeitsmappe")
    if anzeige.ist_vorschau:
        st.caption(f"Die Vorschau „{literal(anzeige.vorschau.dateiname)}“ dieser Sitzung wird dabei ersetzt.")
    if st.button(
        "Als Vorschau übernehmen",
        key="runde_uebernehmen",
        type="primary",
        icon=":material/move_down:",
        disabled=not ergebnis.fertig,
        help="Danach unten unter „Vorschau“ prüfen und veröffentlichen.",
    ):
        _als_vorschau(stand, eingang, ergebnis, neuester)


def _als_vorschau(
    stand: runde_quelle.RundenStand, eingang: Eingang, ergebnis: Zusammenfuehrung, neuester: StandInfo
) -> None:
    runde = stand.runde
    heute = fmt.jetzt().date()
    name = f"Anlage1_{sicherer_dateiteil(runde.titel)}_{heute.isoformat()}.xlsx"
    hochladung = quelle.hochladung(ergebnis.fortschreibung.daten, name)
    if not quelle.vorschau_aus_upload(hochladung, neuester.zuordnung, neuester.nr):
        st.session_state[sitzung.RUNDE_MELDUNG] = "Diese Arbeitsmappe ist bereits veröffentlicht; es gibt nichts Neues."
        st.rerun()
    stellen = sorted({r.stelle_name for r in eingang.rueckmeldungen})
    # Publishing exactly this workbook records that its Stand took these forms (see nach_veroeffentlichung).
    st.session_state[sitzung.RUNDE_VORSCHAU] = (
        hochladung.sha256,
        runde.id,
        tuple(r.sha256 for r in eingang.rueckmeldungen),
    )
    # The publishing form below offers this as its comment (a widget without a value of its own).
    st.session_state[f"{sitzung.KOMMENTAR}{hochladung.sha256[:16]}"] = fmt.kuerzen(
        f"Rückmelderunde „{runde.titel}“: Antworten von {', '.join(stellen)}", 500
    )
    st.session_state[sitzung.RUNDE_MELDUNG] = (
        f"Die Antworten der Runde **{literal(runde.titel)}** sind jetzt die **Vorschau** dieser Sitzung "
        f"({fmt.zahl(len(ergebnis.aenderungen))} Änderungen). Unten prüfen und veröffentlichen."
    )
    st.rerun()


def nach_veroeffentlichung(ablage: Ablage, info: StandInfo) -> None:
    """After a Stand was published: when it is this session's merge of a round, record that it
    took those forms (the next merge takes only forms that came in since)."""
    gemerkt = st.session_state.get(sitzung.RUNDE_VORSCHAU)
    if not gemerkt or gemerkt[0] != info.sha256:
        return
    st.session_state.pop(sitzung.RUNDE_VORSCHAU, None)
    try:
        Rundenablage(ablage).vermerke_uebernahme(gemerkt[1], list(gemerkt[2]), info.nr)
    except AblageFehler as e:
        veroeffentlichung.protokoll.error("Übernahme der Rückmeldebögen nicht vermerkt (Stand %d): %s", info.nr, e)

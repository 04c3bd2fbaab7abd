"""Daten page section „Rückmelderunde“ (issue 21), behind the editor gate: start a round on the
newest Stand, download the forms (one or all as ZIP), e-mail drafts, the overview per body,
returned forms in (`rueckmelde_eingang`), conflicts decided and the merged answers taken as
this session's preview – published below like any upload."""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, AblageFehler, StandInfo
from ipdaten.darstellung.ansicht_rueckmeldung import geantwortet, runde_text
from ipdaten.rueckmeldung import (
    BEANTWORTET,
    UEBERFAELLIG,
    Rundenablage,
    anschreiben,
    betreff,
    boegen_zip,
    bogen_bytes,
    mailto,
    neue_runde,
)
from ipdaten.rueckmeldung.runde import Runde, sicherer_dateiteil
from ipdaten.rueckmeldung.uebersicht import ueberblick_tabelle

from . import berechtigung, quelle, rueckmelde_eingang, runde_quelle, sitzung
from .befundtabelle import zeige_umbrechend
from .literal import literal
from .rahmen import meldung_zeigen

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCHLUESSEL = "runde"  # prefix of the section's widget keys
FRIST_TAGE = 28  # the reply date offered: four weeks


def abschnitt(anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo) -> None:
    """The whole section on the Daten page."""
    st.header("Rückmelderunde", anchor=False)
    meldung_zeigen(sitzung.RUNDE_MELDUNG)
    st.write(
        "Statt den Stand bei jeder Stelle einzeln zu erfragen: Das Dashboard schreibt je federführender Stelle "
        "einen **Rückmeldebogen** (Excel) mit ihren Empfehlungen, liest die ausgefüllten Bögen wieder ein und "
        "trägt die Antworten in Ihre Arbeitsmappe ein – nur die geänderten Zellen. Das Ergebnis wird wie jede "
        "hochgeladene Datei zuerst als Vorschau gezeigt und dann veröffentlicht."
    )
    wer = berechtigung.redakteur("Bearbeiten", schluessel=f"{SCHLUESSEL}_redakteur", eingeklappt=True)
    if wer is None:
        return
    runde = runde_quelle.aktuelle_runde(ablage)
    if runde is None:
        _starten(ablage, neuester, None)
        return
    stand = runde_quelle.runden_stand(ablage, runde)
    if stand is None:
        st.error(
            f"Der Stand, aus dem die Runde {literal(runde_text(runde))} erstellt wurde, fehlt in der Ablage "
            f"(Prüfsumme {runde.fingerabdruck}). Bitte eine neue Runde starten."
        )
        _starten(ablage, neuester, runde)
        return
    _kopf(stand, neuester)
    with st.expander("Neue Runde starten"):
        _starten(ablage, neuester, runde)
    _boegen(stand)
    _stellen(stand)
    rueckmelde_eingang.abschnitt(stand, anzeige, ablage, neuester)


def _kopf(stand: runde_quelle.RundenStand, neuester: StandInfo) -> None:
    runde = stand.runde
    basis = stand.basis.stand_info
    st.markdown(f"**Aktuelle Runde:** {literal(runde_text(runde))}")
    aus = literal(quelle.stand_titel(basis)) if basis is not None else "–"
    zeile = f"Die Bögen wurden aus Stand {aus} erstellt."
    if basis is not None and basis.nr != neuester.nr:
        zeile += f" Die Antworten werden in den neuesten Stand ({literal(quelle.stand_titel(neuester))}) eingetragen."
    st.caption(zeile)
    zahl, antwort = geantwortet(runde, stand.stellen)
    ueberfaellig = sum(1 for s in stand.stellen if s.zustand == UEBERFAELLIG)
    st.markdown(
        f"**{zahl}** {antwort} · "
        f"{fmt.zahl(len(stand.eingang.rueckmeldungen))} Bögen eingegangen · {fmt.zahl(ueberfaellig)} überfällig"
    )


def _starten(ablage: Ablage, neuester: StandInfo, bisher: Runde | None) -> None:
    """The form that starts a round on the newest Stand; `bisher` (the current round) is closed then."""
    erste = bisher is None
    if erste:
        st.info("Es läuft keine Rückmelderunde.", icon=":material/info:")
    st.caption(
        f"Die Bögen entstehen aus dem neuesten veröffentlichten Stand ({literal(quelle.stand_titel(neuester))}), "
        "nie aus einer Vorschau. "
        + (
            ""
            if erste
            else "Die neue Runde ersetzt die bisherige als aktuelle Runde; "
            "Bögen der bisherigen Runde werden danach als „aus einer anderen Runde“ abgelehnt."
        )
    )
    heute = fmt.jetzt().date()
    with st.form(f"{SCHLUESSEL}_start_{neuester.nr}", border=False):
        titel = st.text_input(
            "Titel der Runde", max_chars=120, key=f"{SCHLUESSEL}_titel", placeholder="z. B. Fortschreibung Herbst 2017"
        )
        frist = st.date_input(
            "Rückmeldung bis",
            value=heute + dt.timedelta(days=FRIST_TAGE),
            min_value=heute,
            format="DD.MM.YYYY",
            key=f"{SCHLUESSEL}_frist",
        )
        gestartet = st.form_submit_button(
            "Runde starten", key=f"{SCHLUESSEL}_starten", type="primary", icon=":material/outgoing_mail:"
        )
    if not gestartet:
        return
    try:
        basis = quelle.anzeige_zu_stand(neuester, ablage)
        runde = neue_runde(basis.anlage, neuester.sha256, titel or "Rückmelderunde", frist)
        runden = Rundenablage(ablage)
        if bisher is not None:
            runden.schliesse(bisher.id)
        runden.lege_an(runde)
    except AblageFehler as e:
        st.error(f"Die Runde wurde nicht gespeichert: {literal(e)}")
        return
    st.session_state[sitzung.RUNDE_MELDUNG] = (
        f"Die Runde **{literal(runde.titel)}** ist gestartet: {fmt.zahl(len(runde.empfaenger))} Rückmeldebögen "
        "stehen unten zum Herunterladen bereit."
    )
    st.rerun()


def _zip_name(titel: str) -> str:
    return f"Rueckmeldeboegen_{sicherer_dateiteil(titel)}.zip"


def _boegen(stand: runde_quelle.RundenStand) -> None:
    runde, anlage = stand.runde, stand.basis.anlage
    st.subheader("Rückmeldebögen", anchor=False)
    if runde.nach_zustaendigkeit:
        wer = "je federführender Stelle („Zuständig“). Jeder Bogen enthält nur die Empfehlungen seiner Stelle."
    else:
        wer = (
            "je Handlungsfeld – die Arbeitsmappe nennt keine zuständigen Stellen. Jeder Bogen enthält nur die "
            "Empfehlungen seines Handlungsfelds."
        )
    st.caption(f"{fmt.anzahl(len(runde.empfaenger), 'Bogen', 'Bögen')} {wer}")
    links, rechts = st.columns(2)
    links.download_button(
        "Alle Bögen (.zip)",
        data=functools.partial(boegen_zip, runde, anlage),
        file_name=_zip_name(runde.titel),
        mime="application/zip",
        on_click="ignore",
        key=f"{SCHLUESSEL}_zip",
        icon=":material/folder_zip:",
        type="primary",
    )
    nach_schluessel = {e.schluessel: e for e in runde.empfaenger}
    wahl = rechts.selectbox(
        "Einzelner Bogen",
        list(nach_schluessel),
        format_func=lambda s: f"{nach_schluessel[s].name} ({fmt.zahl(len(nach_schluessel[s].empfehlungen))})",
        key=f"{SCHLUESSEL}_bogen_wahl_{runde.id}",
    )
    empfaenger = nach_schluessel[wahl]
    rechts.download_button(
        "Diesen Bogen herunterladen (.xlsx)",
        data=functools.partial(bogen_bytes, runde, empfaenger, anlage),
        file_name=empfaenger.dateiname,
        mime=XLSX,
        on_click="ignore",
        key=f"{SCHLUESSEL}_bogen",
        icon=":material/download:",
    )


def _stellen(stand: runde_quelle.RundenStand) -> None:
    runde = stand.runde
    st.subheader("Stand der Rückmeldungen", anchor=False)
    # Real HTML text (a few dozen bodies at most), found by the browser's search; on a phone each
    # body's name above its figures and the sender below them (six columns ran 180 px past 390 px).
    zeige_umbrechend(
        ueberblick_tabelle(stand.stellen),
        ("ausgefüllt von",),
        "Tabelle: je Stelle beantwortet, offen oder überfällig, mit dem Tag, an dem der letzte Bogen einging",
        titel="Stelle",
    )
    offen = [s for s in stand.stellen if s.zustand != BEANTWORTET]
    if offen:
        st.markdown(
            f"**Noch nicht geantwortet ({fmt.zahl(len(offen))}):** "
            + literal(", ".join(s.empfaenger.name for s in offen))
        )
    else:
        st.success("Alle haben geantwortet.", icon=":material/done_all:")
    with st.expander("E-Mail-Entwürfe"):
        st.caption(
            "Ein Klick öffnet Ihr E-Mail-Programm mit Betreff und Text; Empfänger und den Bogen als Anhang fügen "
            "Sie dort hinzu. Für Stellen ohne Antwort nach der Frist ist es eine Erinnerung."
        )
        zeilen, heute = [], fmt.jetzt().date()
        for s in stand.stellen:
            erinnerung = s.zustand == UEBERFAELLIG
            link = mailto("", betreff(runde, erinnerung), anschreiben(runde, s.empfaenger, erinnerung, heute))
            art = "Erinnerung" if erinnerung else "E-Mail-Entwurf"
            zeilen.append(f"- **{literal(s.empfaenger.name)}** ({literal(s.zustand)}): [{art}]({link})")
        st.markdown("\n".join(zeilen))

"""„Nicht gemeldet seit“: when each recommendation was last reported, and how far the current
Rückmelderunde is (Zuständigkeit, Fortschritt)."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.darstellung.ansicht_rueckmeldung import NIE, frische_tabelle, geantwortet, runde_text
from ipdaten.rueckmeldung import OFFEN, UEBERFAELLIG, Runde

from .literal import literal
from .runde_quelle import RundenStand, stand_fuer_seiten
from .tabelle import zeige_tabelle


def zeige_frische(anlage: Anlage, runde: Runde | None, zustaendig: str | None = None) -> None:
    """The recommendations the longest unreported first (of one lead body when `zustaendig` is given)."""
    tabelle = frische_tabelle(anlage, fmt.jetzt().date(), runde)
    wessen = ""
    if zustaendig is not None and "Zuständig" in tabelle.columns:
        tabelle = tabelle[tabelle["Zuständig"] == zustaendig.strip()].drop(columns="Zuständig")
        wessen = f" mit der Zuständigkeit „{literal(zustaendig)}“"
    nie = int((tabelle["Nicht gemeldet seit"] == NIE).sum())
    st.caption(
        f"Wann zuletzt jemand den Stand jeder Empfehlung{wessen} gemeldet hat (Spalten „Gemeldet am“ und "
        f"„Gemeldet von“ der Arbeitsmappe, geschrieben von der Rückmelderunde); die am längsten nicht gemeldeten "
        f"zuerst. {fmt.zahl(nie)} von {fmt.zahl(len(tabelle))} wurden noch nie gemeldet."
    )
    zeige_tabelle(
        tabelle,
        hide_index=True,
        # What the section is about next to the number: at 390 px the grid shows only its first columns.
        vorne=("Nr", "Nicht gemeldet seit", "Tage", "Empfehlung", "Status"),
        alt="Tabelle: Empfehlungen mit dem Datum der letzten Meldung, die am längsten nicht gemeldeten zuerst",
    )


def zeige_runde(stand: RundenStand) -> None:
    """How far the current round is, for everyone: answered n of m, and the bodies whose forms are overdue."""
    runde = stand.runde
    st.markdown(f"**Rückmelderunde {literal(runde_text(runde))}:** {' '.join(geantwortet(runde, stand.stellen))}.")
    ueberfaellig = [s.empfaenger.name for s in stand.stellen if s.zustand == UEBERFAELLIG]
    offen = [s.empfaenger.name for s in stand.stellen if s.zustand == OFFEN]
    if ueberfaellig:
        st.warning(
            f"**Bogen überfällig** (Frist {fmt.datum(runde.frist)} verstrichen, {fmt.zahl(len(ueberfaellig))}): "
            + literal(", ".join(ueberfaellig)),
            icon=":material/schedule:",
        )
    elif offen:
        st.caption("Noch offen: " + literal(", ".join(offen)))


def abschnitt(anlage: Anlage, zustaendig: str | None = None) -> None:
    """The section „Rückmeldungen“: the current round (if any) and „nicht gemeldet seit“ – nothing
    when the workbook has no report dates and no round runs."""
    stand = stand_fuer_seiten()
    if stand is None and not anlage.hat_spalte("gemeldet_am"):
        return
    st.subheader("Rückmeldungen: nicht gemeldet seit", anchor=False)
    if stand is not None:
        zeige_runde(stand)
    zeige_frische(anlage, stand.runde if stand is not None else None, zustaendig)

"""Showing the history over all Stände: the Verlauf of the shares, "unverändert seit" and the
history of one recommendation (Fortschritt and Handlungsfelder pages)."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL

from .diagramm import zeige_diagramm
from .literal import literal
from .tabelle import zeige_tabelle


def zeige_verlauf(va: VerlaufAuswertung) -> None:
    """The shares "umgesetzt" and "umgesetzt oder in Arbeit" per field and in total, one point
    per Stand on a time axis, and the same figures as a table."""
    st.subheader("Verlauf über alle Stände", anchor=False)
    erster, letzter = va.staende[0], va.staende[-1]
    st.caption(
        f"{fmt.zahl(len(va.staende))} Stände vom {fmt.datum(erster.datum)} bis {fmt.datum(letzter.datum)}, "
        "je Stand ein Punkt am Datum des Stands. Die dicke Linie gilt für alle Handlungsfelder; ein Klick "
        "auf einen Eintrag der Legende blendet ein Handlungsfeld aus oder ein."
        + (
            " Stände ohne Stand-Datum stehen am Tag ihrer Veröffentlichung."
            if any(s.datum_geschaetzt for s in va.staende)
            else ""
        )
    )
    mass = st.radio(
        "Anteil",
        list(FORTSCHRITT_TITEL),
        format_func=lambda m: FORTSCHRITT_TITEL[m],
        horizontal=True,
        key="verlauf_mass",
    )
    zeige_diagramm(
        va.linien(mass),
        alt=(
            f"Liniendiagramm: Anteil „{FORTSCHRITT_TITEL[mass]}“ in jedem Stand, für alle Handlungsfelder und je "
            "Handlungsfeld. Die Werte stehen auch in der Tabelle darunter."
        ),
        dateiname=f"Verlauf {FORTSCHRITT_TITEL[mass]}",
        bezeichnung="Stand",
        key="verlauf_linien",
    )
    with st.expander("Verlauf als Tabelle"):
        zeige_tabelle(va.tabelle(mass), hide_index=True, alt=f"Tabelle: Anteil {FORTSCHRITT_TITEL[mass]} je Stand")


def zeige_unveraendert(va: VerlaufAuswertung) -> None:
    """Since which Stand each recommendation of the latest Stand has kept its status, with the
    filter "seit mindestens N Ständen unverändert" and the count per field."""
    st.subheader("Unverändert seit", anchor=False)
    anzahl = len(va.staende)
    mindestens = st.number_input(
        "Seit mindestens N Ständen unverändert",
        min_value=1,
        max_value=anzahl,
        value=anzahl,
        step=1,
        key="unveraendert_mindestens",
        help="Gezählt wird der neueste Stand mit: N = 2 heißt, der Status ist im neuesten und im "
        "Stand davor derselbe. Empfehlungen werden über Handlungsfeld und Nr zugeordnet.",
    )
    je_feld, liste, roh = va.unveraendert(int(mindestens))
    letzter = va.staende[-1]
    st.markdown(
        f"**{fmt.zahl(len(roh))} Empfehlungen** des Stands vom {fmt.datum(letzter.datum)} haben ihren Status "
        f"seit mindestens {fmt.zahl(int(mindestens))} {'Stand' if mindestens == 1 else 'Ständen'} nicht geändert."
    )
    zeige_tabelle(je_feld, hide_index=True, alt="Tabelle: unveränderte Empfehlungen je Handlungsfeld")
    # The list can hold every recommendation of the plan: it is sent only on request.
    if len(roh) and st.toggle(f"Die {fmt.zahl(len(roh))} Empfehlungen einzeln zeigen", key="unveraendert_liste"):
        zeige_tabelle(
            liste,
            hide_index=True,
            alt="Tabelle: unveränderte Empfehlungen mit dem Stand, seit dem ihr Status gilt",
        )


def zeige_historie(va: VerlaufAuswertung, handlungsfeld: int, nr: int) -> None:
    """One recommendation's status in every Stand (a small timeline) and its Bemerkung changes."""
    _, bild, tabelle, aenderungen = va.historie(handlungsfeld, nr)
    st.markdown(f"**Verlauf der Empfehlung {handlungsfeld}.{nr} über {fmt.zahl(len(va.staende))} Stände**")
    zeige_diagramm(
        bild,
        alt=f"Zeitstrahl: Status der Empfehlung {handlungsfeld}.{nr} in jedem Stand. Die Werte stehen auch in "
        "der Tabelle darunter.",
        dateiname=f"Verlauf Empfehlung {handlungsfeld}.{nr}",
        bezeichnung="Stand",
        key="historie_zeitstrahl",
    )
    if aenderungen:
        st.markdown("**Änderungen der Bemerkung**")
        for datum, vorher, nachher in aenderungen:
            alt = f"„{literal(vorher)}“" if vorher else "(leer)"
            neu = f"„{literal(nachher)}“" if nachher else "(leer)"
            st.markdown(f"- {literal(datum)}: {alt} → {neu}")
    else:
        st.caption("Die Bemerkung ist in allen Ständen gleich.")
    zeige_tabelle(
        tabelle, hide_index=True, alt=f"Tabelle: Status und Bemerkung der Empfehlung {handlungsfeld}.{nr} je Stand"
    )

"""The frame every page shares: title, Stand, source line and the mark on reconstructed data."""

from __future__ import annotations

import base64
from typing import NoReturn

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, AblageFehler, StandInfo
from ipdaten.darstellung import ansicht

from . import quelle
from .diagramm import herkunft_merken
from .literal import literal
from .quelle import Anzeige, aktuelle_anzeige
from .veroeffentlichung import protokoll

# The browser tab's icon as a data URL: a Material icon name (":material/…") makes every
# browser fetch it from fonts.gstatic.com, and nothing may load from outside the server.
SEITENSYMBOL = "data:image/svg+xml;base64," + base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#1F4E79" '
    b'd="M4 20V9h4v11zm6 0V4h4v16zm6 0v-7h4v7z"/></svg>'
).decode("ascii")


class SeitenEnde(Exception):
    """Raised by seite_beenden(); app.py catches it after the page."""


def seite_beenden() -> NoReturn:
    """End the page here, like st.stop(), but let app.py still draw the sidebar after it
    (st.stop() would drop everything rendered after it in this run)."""
    raise SeitenEnde


def programmfehler_melden() -> None:
    """Say in German that the page failed through a programming error (not the user's file),
    and log the traceback for whoever maintains the server. Call it in an `except` block."""
    protokoll.exception("Programmfehler auf einer Seite")
    st.error(
        "Auf dieser Seite ist ein Programmfehler aufgetreten – das liegt nicht an Ihrer Arbeitsmappe. Die "
        "Einzelheiten stehen im Protokoll des Servers; bitte der Betreuung des Dashboards Uhrzeit und Seite melden. "
        "Die anderen Seiten sind davon nicht betroffen.",
        icon=":material/bug_report:",
    )


def ablagefehler_melden(fehler: AblageFehler) -> None:
    """Say on the page that a Stand it needs cannot be read from the store (damaged, gone), what
    to do, and log it; the other pages and Stände keep working. Call it in an `except` block."""
    protokoll.error("Ablage beim Anzeigen einer Seite: %s", fehler)
    st.error(
        f"Diese Seite braucht einen Stand, der sich nicht aus der Ablage lesen lässt. {literal(fehler)}",
        icon=":material/error:",
    )


def ablage_oder_ende() -> tuple[Ablage, list[StandInfo]]:
    """The store and all its Stände; when it cannot be read, say so and end the page."""
    try:
        ablage = quelle.ablage()
        return ablage, ablage.staende()
    except AblageFehler as e:
        st.error(f"Die Ablage der Stände ist nicht erreichbar: {literal(e)}")
        seite_beenden()


def meldung_zeigen(schluessel: str) -> None:
    """The success message an action left under `schluessel` before its st.rerun(), shown once."""
    meldung = st.session_state.pop(schluessel, None)
    if meldung:
        st.success(meldung, icon=":material/check_circle:")


def ersatz_melden(anzeige: Anzeige) -> None:
    """When the store could not give the chosen Stand (unreachable, damaged), the page shows the
    bundled default workbook instead: say so at the top, loudly – its figures must never pass for
    the chosen Stand's (the sidebar may still name that Stand, and is folded away on a tablet)."""
    if not anzeige.hinweis:
        return
    st.error(
        f"**Diese Seite zeigt die mitgelieferte Standard-Arbeitsmappe (Stand {fmt.datum(anzeige.anlage.stand)}), "
        f"nicht den gewählten Stand:** Die Ablage der Stände lässt sich nicht lesen. {literal(anzeige.hinweis)}",
        icon=":material/error:",
    )


def seitenkopf(titel: str) -> Anzeige:
    """Render the page title with the Stand shown and return what the page shows."""
    anzeige = aktuelle_anzeige()
    anlage = anzeige.anlage
    st.title(titel, anchor=False)
    ersatz_melden(anzeige)
    if anzeige.ist_vorschau:
        st.warning(
            "**Vorschau – nicht veröffentlicht.** Diese Zahlen sieht nur diese Sitzung.", icon=":material/visibility:"
        )
    # One grey line (Stand, source, assumptions of every kind), the details behind its "?": three
    # lines pushed the Übersicht's first chart below the fold at 1280×720.
    zeile = f"**Stand:** {fmt.datum(anlage.stand)} · **Datenquelle:** {literal(anzeige.quelle_kurz or anzeige.quelle)}"
    hilfe = f"**{literal(anlage.titel)}**\n\n**Datenquelle:** {literal(anzeige.quelle)}"
    annahmen = anzeige.auswertung.annahmen
    if annahmen.anzahl:
        zeile += f" · :material/warning: **Annahmen:** {fmt.zahl(annahmen.anzahl)} gekennzeichnete Zeilen"
        hilfe += (
            f"\n\n**Annahmen:** {literal(ansicht.annahmen_satz(annahmen))} Gekennzeichnet mit „Annahme“ bzw. "
            "„Platzhalter“ in den Spalten Quelle und Bemerkung der Arbeitsmappe; in Diagrammen mit *, in Tabellen "
            "mit „(Annahme)“, bei Kennzahlen mit „Annahme“ unter dem Wert. Sie sind nicht die Angaben des "
            "Landkreises."
        )
    st.caption(zeile, help=hilfe)
    herkunft_merken(anzeige.quelle, fmt.datum(anlage.stand))
    return anzeige

"""The Stand selector in the sidebar, its deep link and the live pick-up of new Stände.

`stand_festlegen()` runs before and `stand_auswahl_zeigen()` after every page from app.py, so
the selector is on every page and keeps its value across page switches. A session *follows*
the newest Stand until somebody picks an older one (or opens a link with `?stand=N`); a small
fragment polls the store every few seconds and reruns the session when a new Stand was
published, so a screen in the committee room shows it without a reload.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler, StandInfo
from ipdaten.ablage_zeile import von_text
from ipdaten.gemerkt import Gemerkt

from . import quelle, sitzung, zwischenspeicher
from .literal import literal

# A new Stand must reach every open screen within 6 s. Sessions opened together poll together,
# so all of them rerun at once after their poll has seen it: 3 s leaves room for that burst
# (5 s did not, with 25 sessions). A poll costs a few milliseconds of server time.
ABFRAGE_SEKUNDEN = 3


def kurztitel(info: StandInfo) -> str:
    """A Stand short enough for the sidebar: 'Nr. 2 · 30.09.2017'."""
    return f"Nr. {info.nr} · " + (info.stand.strftime("%d.%m.%Y") if info.stand else "ohne Datum")


def _lies_link(nummern: list[int]) -> None:
    """On the first run of a session, take `?stand=N` from the URL (pins that Stand)."""
    if st.session_state.get(sitzung.LINK_GELESEN):
        return
    st.session_state[sitzung.LINK_GELESEN] = True
    wert = st.query_params.get(sitzung.STAND)
    if wert is None:
        return
    nr = fmt.nummer_aus_parameter(wert, nummern)
    if nr is not None:
        st.session_state[sitzung.STAND] = nr
        st.session_state[sitzung.FOLGT] = False
    else:
        st.session_state[sitzung.LINK_FEHLER] = fmt.kuerzen(str(wert), 40)


def _gewaehlt() -> None:
    neueste = st.session_state.get(sitzung.NEUESTE)
    st.session_state[sitzung.FOLGT] = st.session_state.get(sitzung.STAND) == neueste


def _schreibe_link(gewaehlt: int, folgt: bool) -> None:
    """The URL carries `?stand=N` exactly when the session is pinned to a Stand."""
    vorhanden = st.query_params.get(sitzung.STAND)
    if folgt:
        if vorhanden is not None:
            del st.query_params[sitzung.STAND]
    elif vorhanden != str(gewaehlt):
        st.query_params[sitzung.STAND] = str(gewaehlt)


@st.fragment(run_every=ABFRAGE_SEKUNDEN)
def _wache() -> None:
    """Poll the newest Stand number; rerun the whole session when it changed."""
    try:
        neueste = quelle.ablage().neueste_nr()
    except AblageFehler:
        return
    if neueste != st.session_state.get(sitzung.NEUESTE):
        st.rerun(scope="app")


@dataclass(frozen=True)
class Auswahl:
    """The Stände of this run and whether the session follows the newest (decided before the
    page, shown after it; the chosen number itself is in session state)."""

    staende: tuple[StandInfo, ...]
    folgt: bool
    fehler: str = ""


def stand_festlegen() -> Auswahl:
    """Decide which Stand this run shows (deep link, follow the newest, or the selection) and
    put it into session state before the page reads it. Renders nothing."""
    try:
        staende = quelle.ablage().staende()
    except AblageFehler as e:
        return Auswahl((), True, str(e))
    nummern = [s.nr for s in staende]
    neueste = nummern[-1]
    _lies_link(nummern)
    folgt = st.session_state.get(sitzung.FOLGT, True)
    if folgt or st.session_state.get(sitzung.STAND) not in nummern:
        st.session_state[sitzung.STAND] = neueste
        st.session_state[sitzung.FOLGT] = folgt = True
    st.session_state[sitzung.NEUESTE] = neueste
    return Auswahl(tuple(staende), folgt)


def stand_auswahl_zeigen(auswahl: Auswahl) -> None:
    """Render the Stand selector in the sidebar (after the page: its chart reaches the browser
    first) and keep the URL's `?stand=N` in step."""
    if not auswahl.staende:
        st.sidebar.warning(
            "Die gespeicherten Stände sind nicht erreichbar; angezeigt wird die Standard-Arbeitsmappe. "
            + literal(auswahl.fehler)
        )
        return
    nach_nr = {s.nr: s for s in auswahl.staende}
    neueste = auswahl.staende[-1].nr
    ablage = quelle.ablage()
    if len(nach_nr) == 1:
        if ablage.verschwunden:  # loud: Stände were lost or the server looks in the wrong folder
            st.sidebar.error(zwischenspeicher.VERSCHWUNDEN.format(literal(ablage.verzeichnis)), icon=":material/error:")
        else:  # calm: a first start
            st.sidebar.caption(
                "Noch kein eigener Stand veröffentlicht: Es gilt die mitgelieferte Standard-Arbeitsmappe."
            )

    with st.sidebar:
        if len(nach_nr) == 1:
            # Nothing to choose yet: the selector appears with the second Stand.
            st.caption(f"**Stand der Daten:** {kurztitel(auswahl.staende[0])}")
            gewaehlt = neueste
        else:
            gewaehlt = st.selectbox(
                "Stand der Daten",
                options=list(reversed(nach_nr)),
                format_func=lambda nr: kurztitel(nach_nr[nr]) + (" (neuester)" if nr == neueste else ""),
                key=sitzung.STAND,
                on_change=_gewaehlt,
                help="Jeder veröffentlichte Stand der Anlage 1 bleibt erhalten. Ohne Auswahl zeigt das "
                "Dashboard immer den neuesten Stand und übernimmt neu veröffentlichte Stände von selbst.",
            )
        if nach_nr[gewaehlt].bezeichnung:
            st.caption(literal(nach_nr[gewaehlt].bezeichnung))
        st.caption(literal(herkunft(nach_nr[gewaehlt])))
        link_fehler = st.session_state.pop(sitzung.LINK_FEHLER, None)
        if link_fehler is not None:
            st.warning(f"Einen Stand „{literal(link_fehler)}“ gibt es nicht; angezeigt wird der neueste Stand.")
        if ablage.nur_lesbar:
            st.warning(
                "Die Ablage ist **nur lesbar**: Die Stände werden angezeigt, neue lassen sich nicht veröffentlichen "
                "(Schreibrechte des Servers prüfen).",
                icon=":material/lock:",
            )
        if quelle.vorschau() is not None:
            st.info("Diese Sitzung zeigt eine **Vorschau** (nicht veröffentlicht) statt des gewählten Stands.")
        elif gewaehlt != neueste:
            st.caption(f"Es gibt einen neueren Stand: {literal(quelle.stand_titel(nach_nr[neueste]))}.")
        _wache()
    _schreibe_link(gewaehlt, auswahl.folgt)


def herkunft(info: StandInfo) -> str:
    """One sentence on a Stand's publication: 'Veröffentlicht am …, … Uhr von Maria Muster:
    „Kommentar“' (the bundled Stand 1 without a person)."""
    satz = f"Veröffentlicht am {fmt.zeitpunkt(info.veroeffentlicht)}"
    if not info.ist_standard or info.von is not None:
        satz += f" von {von_text(info)}"
    return satz + (f": „{info.kommentar}“" if info.kommentar else ".")


def staende_tabelle(staende: list[StandInfo]):
    """All Stände as a German table, newest first – the same table object while the Stände are
    the same, so that the Daten page converts it for the browser once, not on every rerun."""
    return _TABELLEN.wert(tuple(staende), lambda: _staende_tabelle(staende))


_TABELLEN = Gemerkt(hoechstens=8)


def _staende_tabelle(staende: list[StandInfo]):
    import pandas as pd

    zeilen = [
        {
            "Nr": str(s.nr),
            "Stand": fmt.datum(s.stand) if s.stand else "ohne Datum",
            "Bezeichnung": s.bezeichnung,
            "Datei": s.dateiname + (" (Standard-Arbeitsmappe)" if s.ist_standard else ""),
            "Veröffentlicht": fmt.zeitpunkt(s.veroeffentlicht),
            "Von": von_text(s),
            "Kommentar": s.kommentar,
            "Größe": f"{fmt.zahl(s.groesse / 1024, 1)} KB",
            "SHA-256": s.sha256[:16] + "…",
        }
        for s in reversed(staende)
    ]
    return pd.DataFrame(zeilen)


def stand_dateiname(info: StandInfo) -> str:
    """A safe download name: 'Anlage1_Stand2_2017-09-30.xlsx' (never the uploaded name)."""
    datum = info.stand.isoformat() if info.stand else "ohne-Datum"
    return f"Anlage1_Stand{info.nr}_{datum}.xlsx"

"""Findings about a file (and other tables with long texts) as a table whose text wraps (the data grid cut each message off).

On a phone six columns do not fit: the message was squeezed to a word's width and cut at the
table's edge. Below 640 px the table is laid out as a grid instead – the short columns (Art,
Blatt, Zeile, Spalte, Gefundener Wert) side by side under their headers, each long text (Meldung,
Erlaubt) the whole width below them – while it stays a table for screen readers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from ipdaten.arbeitsmappe import Befund, befunde_tabelle

from .literal import literal_tabelle

LANG = ("Meldung", "Erlaubt")  # the long texts, last and the whole width on a phone
_SCHLUESSEL = "befunde_k"


def _stil_schmal() -> str:
    regeln = []
    for kurz in range(1, 6):
        tabelle = f'[class*="st-key-{_SCHLUESSEL}{kurz}_"] table'
        regeln.append(
            f"{tabelle} {{ display: grid; grid-template-columns: repeat({kurz}, minmax(0, auto)); }}\n"
            f"{tabelle} :is(th, td):nth-child(n+{kurz + 1}) {{ grid-column: 1 / -1; }}"
        )
        # With a title column first (…k3t_): it spans the whole width above the short ones.
        tabelle = f'[class*="st-key-{_SCHLUESSEL}{kurz}t_"] table'
        regeln.append(
            f"{tabelle} {{ display: grid; grid-template-columns: repeat({kurz}, minmax(0, auto)); }}\n"
            f"{tabelle} :is(th, td):is(:nth-child(1), :nth-child(n+{kurz + 2})) {{ grid-column: 1 / -1; }}"
        )
    inhalt = (
        '[class*="st-key-befunde_k"] table :is(thead, tbody, tr) { display: contents; }\n'
        # A long word (a sheet's name, a quoted status) breaks rather than push the grid wider.
        '[class*="st-key-befunde_k"] table :is(th, td) { min-width: 0; }\n'
        '[class*="st-key-befunde_k"] table :is(th, td) * { overflow-wrap: anywhere !important; }\n' + "\n".join(regeln)
    )
    return "@media (max-width: 640px) {\n" + inhalt + "\n}"


# CSS of the findings tables on a phone (added to every page by seitenstil).
STIL_SCHMAL = _stil_schmal()


def zeige_befunde(befunde: Iterable[Befund], alt: str) -> None:
    """Findings as an HTML table, without the columns that are empty for every finding (e.g.
    Blatt/Zeile of a file-level one), the long texts last; `alt` names the table for screen readers."""
    tabelle = befunde_tabelle(list(befunde))
    zeige_umbrechend(tabelle.loc[:, (tabelle.astype(str) != "").any()], LANG, alt)


def zeige_umbrechend(tabelle: pd.DataFrame, lang: tuple[str, ...], alt: str, *, titel: str | None = None) -> None:
    """`tabelle` as an HTML table whose text wraps, its long-text columns `lang` last (and the
    column `titel`, if given, first); on a phone the others (at most five) side by side, the title
    the whole width above them and each long text the whole width below them."""
    kurz = [s for s in tabelle.columns if s not in lang and s != titel]
    vorn = [titel] if titel is not None else []
    tabelle = tabelle[vorn + kurz + [s for s in lang if s in tabelle.columns]]
    # A key per table (its class carries the number of short columns for the phone's grid).
    inhalt = hashlib.sha1((alt + "\x00" + tabelle.to_json()).encode()).hexdigest()[:12]
    with st.container(key=f"{_SCHLUESSEL}{len(kurz)}{'t' if vorn else ''}_{inhalt}"):
        st.table(literal_tabelle(tabelle), hide_index=True, alt=alt)

"""Deep links into a page's chooser (?feld=2, ?zustaendig=Jobcenter), one rule for every page.

The URL parameter is read before the widget and written back after it: the widget keeps its
value across reruns, and a new link (another field clicked on the Übersicht) overrides what
the widget remembered. The chooser's key and "the parameter last applied" are in
`oberflaeche.sitzung`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from ipdaten import format as fmt

T = TypeVar("T")


def vor_dem_widget(
    parameter: str, widget: str, zuletzt: str, deuten: Callable[[str | None], T | None], leer: T | None = None
) -> str | None:
    """Set the chooser `widget` from ?`parameter`= when the link is new (`deuten` turns the text
    into a choice; `leer` when it names nothing). Returns the parameter, shortened for a
    message, when it names nothing this page knows; else None."""
    wert = st.query_params.get(parameter)
    if widget in st.session_state and wert == st.session_state.get(zuletzt):
        return None
    gedeutet = deuten(wert)
    st.session_state[widget] = leer if gedeutet is None else gedeutet
    return fmt.kuerzen(str(wert), 40) if wert is not None and gedeutet is None else None


def nach_dem_widget(parameter: str, zuletzt: str, text: str | None) -> None:
    """Write the choice back into the URL (`text` None: the parameter goes away)."""
    if text is None:
        st.query_params.pop(parameter, None)
    else:
        st.query_params[parameter] = text
    st.session_state[zuletzt] = text

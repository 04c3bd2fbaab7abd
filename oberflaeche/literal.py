"""Workbook text shown as text: never interpreted as Markdown or HTML, never a link.

The one way every page shows text from a workbook (or from a user) in st.markdown, st.caption,
st.header, widget labels and st.table. Escaping Markdown alone is not enough: Streamlit's
Markdown turns web and e-mail addresses into links *after* resolving escapes, so a word joiner
(U+2060, invisible) is put where the address would start. Bidi controls are removed.
"""

from __future__ import annotations

import re

import pandas as pd

from ipdaten.format import ohne_steuerzeichen

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")
WORTVERBINDER = "\u2060"
# Where GFM's autolink would start: http(s)://, ftp://, www., and the @ of an e-mail address.
_ADRESSE = re.compile(r"(?i)(?:https?|ftp)(?=:)|www(?=\.)|(?=@)")


def literal(text: object) -> str:
    """Escape `text` so that st.markdown/st.caption shows it character for character."""
    text = _ADRESSE.sub(lambda t: t.group(0) + WORTVERBINDER, ohne_steuerzeichen(text))
    return _MARKDOWN.sub(r"\\\1", text).replace("\n", "  \n")


def literal_tabelle(tabelle: pd.DataFrame) -> pd.DataFrame:
    """A frame for st.table (which renders Markdown in cells and headers): every text escaped."""

    def _zelle(wert: object) -> object:
        return literal(wert) if isinstance(wert, str) else wert

    ergebnis = tabelle.map(_zelle)
    ergebnis.columns = [_zelle(spalte) for spalte in tabelle.columns]
    ergebnis.index = [_zelle(zeile) for zeile in tabelle.index]
    return ergebnis

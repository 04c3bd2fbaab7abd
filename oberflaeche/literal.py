"""Workbook text shown as text: never interpreted as Markdown or HTML."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$])")


def literal(text: object) -> str:
    """Escape `text` so that st.markdown/st.caption shows it character for character."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", "  \n")

"""The dashboard's own CSS on every page: texts wrap instead of being cut, at every width from a
phone (390 px) to a projector (1920 px), and keyboard focus is visible.

Streamlit cuts a metric's label and value with "…" when the column is narrow (at 820 px
"Handlungsem…" and "355.4…"); rows of metrics wrap onto the next line instead of squeezing
three into a tablet's width; headings break long German compounds. Style-only `st.html` goes
to Streamlit's event container and takes no room on the page.
"""

from __future__ import annotations

import streamlit as st

from .befundtabelle import STIL_SCHMAL as BEFUNDE_SCHMAL
from .dokument import SCHLUESSEL

STIL = f"""<style>
.st-key-{SCHLUESSEL} {{ display: none !important; }}
[data-testid="stMetricLabel"] .stMarkdownEllipsis, [data-testid="stMetricLabel"] p,
[data-testid="stMetricValue"] .stMarkdownEllipsis, [data-testid="stMetricValue"] p {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}}
[data-testid="stMetricLabel"] {{ height: auto !important; min-height: 1.5rem; }}
[data-testid="stMetricValue"] {{ font-size: clamp(1.75rem, 1.2rem + 1.2vw, 2.25rem) !important; line-height: 1.2; }}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {{
  display: grid !important; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
}}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) > [data-testid="stColumn"] {{
  width: auto !important; min-width: 0 !important;
}}
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3 {{
  overflow-wrap: break-word; hyphens: auto;
}}
/* Keyboard focus that can be seen (WCAG 2.4.7): Streamlit marks a focused navigation link only
   with a faint background. */
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible {{
  outline: 3px solid #1F4E79 !important; outline-offset: 2px;
}}
/* A select or text field: its box, where Streamlit only darkens a 1 px border. */
[data-testid="stSelectbox"] div:has(> input:focus-visible), [data-testid="stTextInput"] div:has(> input:focus-visible),
[data-testid="stNumberInput"] div:has(> input:focus-visible), [data-testid="stDateInput"] [role="spinbutton"]:focus-visible {{
  outline: 2px solid #1F4E79; outline-offset: 1px;
}}
/* A table (drawn on a canvas, its cells in a hidden grid): a ring around it while the focus is in
   it; the arrow keys then move through its cells. */
[data-testid="stDataFrame"]:focus-within {{ outline: 3px solid #1F4E79; outline-offset: 2px; }}
/* Streamlit leaves 6rem above the title, its header bar needs 3,75rem: with 4rem the first chart
   of the Übersicht starts above the fold of a 1280×720 projector. */
[data-testid="stMainBlockContainer"] {{ padding-top: 4rem; }}
@media (max-width: 640px) {{
  [data-testid="stMain"] h1 {{ font-size: 2.1rem; }}
  [data-testid="stMain"] h2 {{ font-size: 1.6rem; }}
}}
{BEFUNDE_SCHMAL}
</style>"""


def einrichten() -> None:
    """Add the style to the page (every run: Streamlit keeps only what a run draws)."""
    st.html(STIL)

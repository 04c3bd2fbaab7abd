"""One fixed colour per status on every chart and slide (Okabe–Ito, safe for colour blindness)."""

from __future__ import annotations

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE

STATUS_FARBEN: dict[str, str] = {
    "umgesetzt": "#009E73",  # bluish green
    "in Arbeit": "#56B4E9",  # sky blue
    "in Abstimmung": "#E69F00",  # orange
    "nicht umgesetzt": "#D55E00",  # vermillion
    "ohne Angabe": "#BBBBBB",  # grey
}
# Black text on every status colour has a contrast of at least 5.4:1 (white would fail).
STATUS_TEXTFARBE = "#000000"
HERVORHEBUNG = "#1F4E79"  # Böblingen and the dashboard's primary colour
NEUTRAL = "#8C8C8C"

assert tuple(STATUS_FARBEN) == STATUS_REIHENFOLGE


def status_farbe(status: str) -> str:
    """The colour of a status (grey for anything unknown)."""
    return STATUS_FARBEN.get(status, NEUTRAL)

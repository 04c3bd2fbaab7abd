"""German number, money and date formats for every text the dashboard shows.

babel formats independently of the server's and the viewer's locale (never
`locale.setlocale` in a server process).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Container
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_decimal

# Bidi controls (embeddings, overrides, isolates, marks): U+202E shows "KRAP" as "PARK".
_SCHREIBRICHTUNG = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

LOCALE = "de_DE"
# The words for what is missing, the same on every page, slide and export.
KEINE_ANGABE = "keine Angabe"
OHNE_ZUORDNUNG = "ohne Zuordnung"
# Every moment is shown in the county's time zone (tzdata is a requirement: Windows has no
# zone database of its own).
ZEITZONE = ZoneInfo("Europe/Berlin")
# plotly: decimal comma, thousands point, on axes, labels and hover alike.
PLOTLY_TRENNZEICHEN = ",."


def ohne_steuerzeichen(text: object) -> str:
    """`text` without the invisible characters that reorder what is shown (right-to-left
    override and the other bidi controls): what a reader sees is what the cell holds."""
    return _SCHREIBRICHTUNG.sub("", str(text))


def einzeilig(text: object, laenge: int) -> str:
    """A typed line as it is stored and shown: control and other invisible characters turned
    into spaces, runs of spaces folded, at most `laenge` characters."""
    sichtbar = "".join(z if z.isprintable() else " " for z in str(text if text is not None else ""))
    return " ".join(sichtbar.split())[:laenge]


_NUMMER = re.compile(r"[0-9]{1,9}")


def nummer_aus_parameter(wert: object, erlaubt: Container[int] | None = None) -> int | None:
    """The number a URL parameter names (`?feld=2`, `?stand=3`, `?folie=5`), the one parser
    for every parameter of every page: ASCII digits only, at most nine, spaces around allowed.
    None for anything else ('', '²', '١', 5 000 digits, '-1', '1.0') and for a number not
    in `erlaubt`."""
    if wert is None:
        return None
    text = str(wert).strip()
    if not _NUMMER.fullmatch(text):
        return None
    nummer = int(text)
    return nummer if erlaubt is None or nummer in erlaubt else None


def _fehlt(wert: float | None) -> bool:
    return wert is None or (isinstance(wert, float) and math.isnan(wert))


def zahl(wert: float | int | None, stellen: int = 0) -> str:
    """1234.5 → '1.234,5' with exactly `stellen` decimals; '–' when missing."""
    if wert is None or _fehlt(wert):
        return "–"
    muster = "#,##0" + ("." + "0" * stellen if stellen else "")
    return format_decimal(wert, format=muster, locale=LOCALE)


def prozent(wert: float | None, stellen: int = 2) -> str:
    """Percentage points as text: 1.54 → '1,54 %'; 'keine Angabe' when missing."""
    if _fehlt(wert):
        return KEINE_ANGABE
    return f"{zahl(wert, stellen)}\u00a0%"


# One rounding rule for shares (docs/handbuch.md, "Zahlen, Annahmen und Grenzen"): a share standing on its own –
# headline figure, slide, chart label, hover – in whole percent; a share in a table (page
# tables, Excel export) with one decimal; a change of a share in percentage points with one
# decimal everywhere (whole points would hide changes and need not add up).
def anteil(wert: float | None) -> str:
    """A share 0–1 standing alone (headline figure, slide, chart label, tooltip), whole percent:
    0.6188 → '62 %'."""
    if _fehlt(wert):
        return "–"
    assert wert is not None
    return prozent(wert * 100, 0)


def anteil_tabelle(wert: float | None) -> str:
    """A share 0–1 in a table, one decimal: 0.6188 → '61,9 %'."""
    if _fehlt(wert):
        return "–"
    assert wert is not None
    return prozent(wert * 100, 1)


def anteil_veraenderung(wert: float | None) -> str:
    """The change of a share in percentage points, one decimal: 3.46 → '+3,5 Pp.'."""
    return prozentpunkte(wert, 1)


def prozentpunkte(wert: float | None, stellen: int = 2) -> str:
    """A signed difference in percentage points: 0.06 → '+0,06 Pp.'."""
    if wert is None or _fehlt(wert):
        return "–"
    vorzeichen = "+" if wert > 0 else ("−" if wert < 0 else "±")
    return f"{vorzeichen}{zahl(abs(wert), stellen)}\u00a0Pp."


def euro(wert: float | None, stellen: int = 0) -> str:
    """An amount in euro: 355400 → '355.400 €'."""
    if _fehlt(wert):
        return "–"
    return f"{zahl(wert, stellen)}\u00a0€"


def datum(wert: dt.date | None) -> str:
    """A date in words: 2017-03-06 → '6. März 2017'."""
    if wert is None:
        return "ohne Datum"
    return format_date(wert, format="d. MMMM y", locale=LOCALE)


def ungefaehres_datum(wert: dt.date, genauigkeit: str) -> str:
    """A date of a given precision: 'Ende 2014', 'August 2015', '6. März 2017'."""
    if genauigkeit == "jahr":
        return str(wert.year)
    if genauigkeit == "jahresende":
        return f"Ende {wert.year}"
    if genauigkeit == "monat":
        return format_date(wert, format="MMMM y", locale=LOCALE)
    return datum(wert)


def ortszeit(wert: dt.datetime) -> dt.datetime:
    """A moment in the county's time zone; a naive moment is taken as UTC (how the store and
    the server clock keep it)."""
    if wert.tzinfo is None:
        wert = wert.replace(tzinfo=dt.UTC)
    return wert.astimezone(ZEITZONE)


def jetzt() -> dt.datetime:
    """Now, in the county's time zone."""
    return dt.datetime.now(ZEITZONE)


def zeitpunkt(wert: dt.datetime) -> str:
    """A moment in the county's time zone: '6. März 2017, 14:05 Uhr' (naive = UTC)."""
    wert = ortszeit(wert)
    return f"{datum(wert.date())}, {wert:%H:%M} Uhr"


def dateigroesse(anzahl_bytes: int) -> str:
    """A file size as people read it: '812 Bytes', '21,4 KB', '3,2 MB' (1 KB = 1024 Bytes)."""
    if anzahl_bytes < 1024:
        return f"{zahl(anzahl_bytes)} Bytes"
    if anzahl_bytes < 1024 * 1024:
        return f"{zahl(anzahl_bytes / 1024, 1)} KB"
    return f"{zahl(anzahl_bytes / 1024 / 1024, 1)} MB"


def anzahl(wert: int, einzahl: str, mehrzahl: str) -> str:
    """A count with its noun: '1 Stand', '3 Stände', '1.204 Einträge'."""
    return f"{zahl(wert)} {einzahl if wert == 1 else mehrzahl}"


def kuerzen(text: str, laenge: int) -> str:
    """`text` in at most `laenge` characters: cut at a word (inside a word only when it has no
    space), trailing punctuation dropped, '…' appended when cut."""
    if len(text) <= laenge:
        return text
    anfang = text[: laenge - 1]
    endet_am_wort = text[laenge - 1] == " "
    gekuerzt = anfang if endet_am_wort or " " not in anfang else anfang.rsplit(" ", 1)[0]
    return gekuerzt.rstrip(" ,;:–-") + "…"

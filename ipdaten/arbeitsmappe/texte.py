"""Reading cell values the way people type them: folded names, German numbers, dates."""

from __future__ import annotations

import datetime as dt
import math
import re

from ipdaten.format import ohne_steuerzeichen
from ipdaten.gemerkt import kurze_texte

_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TAUSENDER = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_KAUFMAENNISCH = re.compile(r"(?<=\d),[-–—]{1,2}$")
_EXCEL_NULL = dt.date(1899, 12, 30)
_MONATE = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}


def bereinige(wert: object) -> str:
    """A cell as text: non-breaking and repeated spaces folded, ends trimmed; '' for empty."""
    if wert is None:
        return ""
    if isinstance(wert, float):
        if math.isnan(wert):
            return ""
        if wert.is_integer():
            return str(int(wert))
    return _text(wert)


# Reading a workbook asks for the same cell's text several times (is it empty, which column, the
# value): some 7 000 times for the default workbook.
@kurze_texte(8192)
def _text(wert: object) -> str:
    return " ".join(ohne_steuerzeichen(wert).split())  # str.split() also splits at non-breaking spaces


def falte(wert: object) -> str:
    """A name folded for matching: lower case, single spaces, umlauts as ae/oe/ue/ss."""
    return bereinige(wert).casefold().translate(_UMLAUTE)


def ist_leer(wert: object) -> bool:
    """Whether a cell is empty (None, '', only spaces, NaN)."""
    return bereinige(wert) == ""


def ganze_zahl(wert: object) -> int | None:
    """A whole number from a cell (2, 2.0, '2', ' 2. '); None if it is not one."""
    if isinstance(wert, bool):
        return None
    if isinstance(wert, int):
        return wert
    if isinstance(wert, float):
        return int(wert) if math.isfinite(wert) and wert.is_integer() else None
    text = bereinige(wert).rstrip(".")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return None


EURO_ZEICHEN = ("€", "EUR", "Euro")
PROZENT_ZEICHEN = ("%",)


def zahlentext(wert: object, einheiten: tuple[str, ...] = EURO_ZEICHEN + PROZENT_ZEICHEN) -> str:
    """The digits and separators of a text cell: units, spaces and a merchant's ",-" removed."""
    text = bereinige(wert).replace("−", "-")
    for zeichen in sorted(einheiten, key=len, reverse=True):
        text = text.replace(zeichen, "")
    text = text.replace(" ", "")
    return _KAUFMAENNISCH.sub("", text)  # "60.000,- €", "20.000,--": no cents


def zahl(wert: object, einheiten: tuple[str, ...] = EURO_ZEICHEN + PROZENT_ZEICHEN, dezimal: str = ",") -> float | None:
    """A number from a cell, including German text such as '60.000 €' or '22.400,00'.

    `einheiten` are the unit signs a text may carry ('25 %' is no amount in euro). `dezimal`
    is the decimal sign of the column ("," German; "." when the column writes „2.75“, see
    `zahlenspalte`): it decides „1.500“ and „1,500“. Returns None for text that is not a number.
    """
    if isinstance(wert, bool):
        return None
    if isinstance(wert, (int, float)):
        return float(wert) if math.isfinite(float(wert)) else None
    text = zahlentext(wert, einheiten)
    if not text:
        return None
    if dezimal == ".":
        text = text.replace(",", "") if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text) else text
        return float(text) if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text) else None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _TAUSENDER.match(text):
        text = text.replace(".", "")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text):
        return None
    return float(text)


def zelle_als_text(wert: object) -> str:
    """A cell value as a person typed it: German decimal comma, dates as 06.03.2017."""
    if isinstance(wert, dt.datetime) and wert.time() == dt.time(0):
        return wert.strftime("%d.%m.%Y")
    if isinstance(wert, dt.date) and not isinstance(wert, dt.datetime):
        return wert.strftime("%d.%m.%Y")
    if isinstance(wert, float) and math.isfinite(wert) and not wert.is_integer():
        return repr(wert).replace(".", ",")
    return bereinige(wert) if isinstance(wert, float) else str(wert)


def als_datum(wert: object) -> dt.date | None:
    """A date from a cell: a date, an Excel serial number, '2017-03-06' or '6.3.2017'."""
    if isinstance(wert, dt.datetime):
        return wert.date()
    if isinstance(wert, dt.date):
        return wert
    if isinstance(wert, (int, float)) and not isinstance(wert, bool):
        if 1 <= wert < 2958466:
            return _EXCEL_NULL + dt.timedelta(days=int(wert))
        return None
    text = bereinige(wert)
    treffer = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", text)
    if treffer:
        j, m, t = (int(x) for x in treffer.groups())
    else:
        treffer = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})", text)
        if not treffer:
            return None
        t, m, j = (int(x) for x in treffer.groups())
    try:
        return dt.date(j, m, t)
    except ValueError:
        return None


def ungefaehres_datum(wert: object) -> tuple[dt.date, str] | None:
    """A date that may be only a month or a year: returns (sort date, precision).

    Precision is 'tag', 'monat', 'jahr' or 'jahresende' ('2014 (Ende)', 'Ende 2014').
    """
    genau = als_datum(wert)
    if genau is not None and not (isinstance(wert, (int, float)) and 1900 <= wert <= 2100):
        return genau, "tag"
    text = bereinige(wert).lower()
    treffer = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})[./](\d{4})", text)
    if treffer:
        a, b = (int(x) for x in treffer.groups())
        jahr, monat = (a, b) if a > 12 else (b, a)
        if 1 <= monat <= 12:
            return dt.date(jahr, monat, 1), "monat"
    treffer = re.fullmatch(r"([a-zä]+)\.?\s+(\d{4})", text)
    if treffer and treffer.group(1) in _MONATE:
        return dt.date(int(treffer.group(2)), _MONATE[treffer.group(1)], 1), "monat"
    treffer = re.search(r"\b(\d{4})\b", text)
    if treffer and 1900 <= int(treffer.group(1)) <= 2100:
        jahr = int(treffer.group(1))
        if "ende" in text:
            return dt.date(jahr, 12, 31), "jahresende"
        return dt.date(jahr, 1, 1), "jahr"
    return None

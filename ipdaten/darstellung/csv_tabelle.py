"""The one CSV writer of the dashboard (`csv_bytes`) and the licence its data is published under.

Every CSV – a chart's figures, the list of Stände, the open data – goes through `csv_bytes`: each
cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection"),
control characters are removed. `fuer_excel` writes what German Excel opens directly (UTF-8 with
BOM, semicolons); without it, plain UTF-8 with commas, as open-data portals expect.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from ipdaten import format as fmt

# A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Lizenz:
    """A licence for published data: its name, its URI in DCAT-AP.de and the page with its text."""

    name: str
    uri: str
    text_url: str = ""

    @property
    def als_text(self) -> str:
        """Name and text page in one line, e.g. for the head of a CSV."""
        return f"{self.name} ({self.text_url})" if self.text_url else self.name


# The usual licence of German open data (GovData); the county may publish under another.
STANDARD_LIZENZ = Lizenz(
    "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    "https://www.govdata.de/dl-de/by-2-0",
)


def sicher_fuer_tabellenkalkulation(text: object) -> str:
    """A cell for CSV: text a spreadsheet would run as a formula gets a leading apostrophe."""
    text = fmt.ohne_steuerzeichen(text) if not isinstance(text, str) else text
    return "'" + text if text.startswith(FORMELZEICHEN) else text


def zellentext(wert: object) -> str:
    """A value as CSV text: '' for nothing, ja/nein, ISO dates, numbers as Python writes them."""
    if wert is None or (isinstance(wert, float) and wert != wert):
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, (dt.date, dt.datetime)):
        return wert.isoformat()
    return str(wert)


def csv_bytes(
    spalten: Iterable[object],
    zeilen: Iterable[Iterable[object]],
    *,
    vorspann: Iterable[tuple[str, object]] = (),
    fuer_excel: bool = True,
) -> bytes:
    """A table as CSV: the key–value lines `vorspann` and an empty line when there are any, the
    header `spalten`, the rows; every cell injection-safe (see the module docstring)."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=";" if fuer_excel else ",", lineterminator="\r\n")
    vorspann = list(vorspann)
    for schluessel, wert in vorspann:
        schreiber.writerow([schluessel, sicher_fuer_tabellenkalkulation(wert)])
    if vorspann:
        schreiber.writerow([])
    schreiber.writerow([sicher_fuer_tabellenkalkulation(s) for s in spalten])
    for zeile in zeilen:
        schreiber.writerow([sicher_fuer_tabellenkalkulation(zellentext(w)) for w in zeile])
    return (("\ufeff" if fuer_excel else "") + puffer.getvalue()).encode("utf-8")

"""Where a workbook says its Stand besides the sheet Info: a cell „Stand: 06.03.2017“, a title
line above a table, the file name, the header of the status column („Status 11/2017“).

The loader takes the Stand from the sheet Info; only without one it reads the first of these
(with a warning). The plausibility checks compare them all: dates that contradict each other
are a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ipdaten.arbeitsmappe.texte import als_datum, bereinige, ungefaehres_datum

_DATUM = r"\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{4}|[a-zäA-ZÄ]+\.?\s+\d{4}"
_STAND = re.compile(rf"\bstand(?:\s+(?:vom|am|zum))?\s*[:.]?\s*({_DATUM})", re.I)
_DATEI = re.compile(
    r"stand\d*[\s_.-]*(?:vom[\s_.-]*)?(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)",
    re.I,
)
_KOPF = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})")

# Where a Stand may be read from when the sheet Info has none, in this order.
VORRANG = ("zelle", "titel", "dateiname")


@dataclass(frozen=True)
class Standangabe:
    """One statement of the Stand: its date and precision ('tag', 'monat', 'jahr'), where it
    stands (`ort`, German), what is written, and its kind (`art`: info, zelle, titel,
    dateiname, spaltenkopf)."""

    datum: dt.date
    genauigkeit: str
    ort: str
    text: str
    art: str

    def widerspricht(self, andere: Standangabe) -> bool:
        """Whether two statements name different dates at the precision both have."""
        if "jahr" in (self.genauigkeit, andere.genauigkeit):
            return self.datum.year != andere.datum.year
        if "monat" in (self.genauigkeit, andere.genauigkeit):
            return (self.datum.year, self.datum.month) != (andere.datum.year, andere.datum.month)
        return self.datum != andere.datum


def _datum(text: str) -> tuple[dt.date, str] | None:
    genau = als_datum(text)
    if genau is not None:
        return genau, "tag"
    ungefaehr = ungefaehres_datum(text)
    return (ungefaehr[0], "monat" if ungefaehr[1] == "monat" else "jahr") if ungefaehr else None


def stand_im_text(text: object) -> tuple[dt.date, str] | None:
    """The date of „Stand: 06.03.2017“ (also „Stand 03/2017“, „Stand: März 2017“) inside a text."""
    treffer = _STAND.search(bereinige(text)) if isinstance(text, str) else None
    return _datum(treffer.group(1)) if treffer else None


def stand_im_dateinamen(dateiname: str) -> tuple[dt.date, str] | None:
    """The date after „Stand“ in a file name: 'Anlage1_Stand_2017-03-06.xlsx', 'Anlage 1 Stand 06.03.2017.xlsx',
    '…_Stand2_20170306.xlsx'. Another date in a name (when it was saved or copied) is no Stand."""
    treffer = _DATEI.search(dateiname or "")
    if not treffer:
        return None
    text = treffer.group(1)
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    datum = als_datum(text)
    return (datum, "tag") if datum is not None else None


def datum_im_spaltenkopf(kopf: object) -> tuple[dt.date, str] | None:
    """The date a column header carries: 'Status 11/2017', 'Umsetzungsstand 30.09.2017'."""
    treffer = _KOPF.search(bereinige(kopf)) if isinstance(kopf, str) else None
    return _datum(treffer.group(1)) if treffer else None


def sammle(
    zellen: list[tuple[str, str, int, object]], dateiname: str, status_kopf: tuple[str, str] | None
) -> list[Standangabe]:
    """Every statement of the Stand: `zellen` are (art, sheet, Excel row, value) of the cells to
    search ('zelle' for the sheet Info, 'titel' for title lines), `status_kopf` is (sheet, header)."""
    angaben = []
    for art, blatt, zeile, wert in zellen:
        gefunden = stand_im_text(wert)
        if gefunden is not None:
            ort = (
                f"Blatt „{blatt}“, Zeile {zeile}"
                if art == "zelle"
                else f"Titelzeile im Blatt „{blatt}“ (Zeile {zeile})"
            )
            angaben.append(Standangabe(*gefunden, ort, bereinige(wert), art))
    gefunden = stand_im_dateinamen(dateiname)
    if gefunden is not None:
        angaben.append(Standangabe(*gefunden, f"Dateiname „{dateiname}“", dateiname, "dateiname"))
    if status_kopf is not None and (gefunden := datum_im_spaltenkopf(status_kopf[1])) is not None:
        blatt, kopf = status_kopf
        angaben.append(
            Standangabe(*gefunden, f"Spalte „{bereinige(kopf)}“ im Blatt „{blatt}“", bereinige(kopf), "spaltenkopf")
        )
    return angaben

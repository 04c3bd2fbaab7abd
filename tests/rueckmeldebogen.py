"""Rückmeldebögen for the tests of issue 21: a round on a small workbook and forms filled the way
partners fill them (with openpyxl; the tests send some through LibreOffice as well).

The workbook is Stand 3 of `tests/fortschreibung_mappen.py`, saved the way Excel saves (shared
strings). Its recipients: Integrationsbeauftragte (1.1), Jobcenter (1.2, 3.1), Kreisbau (2.1,
2.2), Sozialamt (2.3) and „nicht benannt“ (1.3). A form's table starts in row 9 (ERSTE_ZEILE):
the Jobcenter's form has 1.2 in row 9 and 3.1 in row 10.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io

from openpyxl import load_workbook

from ipdaten.arbeitsmappe import Anlage, lade_anlage
from ipdaten.rueckmeldung.bogen import bogen_bytes
from ipdaten.rueckmeldung.bogen_aufbau import ABSENDER_TEXT, BLATT, SPALTE, SPALTE_ABSENDER, SPALTE_DATUM
from ipdaten.rueckmeldung.runde import Runde, neue_runde
from tests.arbeitsmappen import wie_excel
from tests.fortschreibung_mappen import stand_bytes

FRIST = dt.date(2017, 10, 31)
ERSTELLT = dt.datetime(2017, 10, 2, 8, 0, tzinfo=dt.UTC)


@functools.cache
def mappe() -> bytes:
    """The workbook the round is made from (bytes as Excel would save them)."""
    return wie_excel(stand_bytes(3))


@functools.cache
def anlage() -> Anlage:
    """`mappe()` loaded."""
    return lade_anlage(mappe())


def runde(titel: str = "Fortschreibung Herbst 2017", daten: bytes | None = None) -> Runde:
    """A round on `daten` (default: `mappe()`), reply date 31.10.2017, started 2.10.2017."""
    daten = daten or mappe()
    basis = anlage() if daten == mappe() else lade_anlage(daten)
    return neue_runde(basis, hashlib.sha256(daten).hexdigest(), titel, FRIST, ERSTELLT)


@functools.cache
def _runde_fest() -> Runde:
    return runde()


def standardrunde() -> Runde:
    """One round shared by the tests (the same id every call within a test run)."""
    return _runde_fest()


def leerer_bogen(stelle: str, r: Runde | None = None, basis: Anlage | None = None) -> bytes:
    """The form of the recipient with key `stelle` ('jobcenter', 'kreisbau' …), as sent."""
    r = r or standardrunde()
    return bogen_bytes(r, r.empfaenger_von(stelle), basis or anlage())


def fuelle(
    bogen: bytes,
    eintraege: dict[str, dict[str, object]] | None = None,
    *,
    absender: str | None = "Erika Muster",
    datum: object = dt.date(2017, 10, 12),
    loeschen: tuple[str, ...] = (),
    aendern: dict[tuple[str, str], object] | None = None,
) -> bytes:
    """A form filled in like a partner does: `eintraege` {'1.2': {'Status neu': 'umgesetzt', …}},
    the sender's line, rows deleted by Nr (`loeschen`), read-only cells overwritten (`aendern`
    {('1.2', 'Empfehlung'): 'anders'}). Saved with openpyxl (the protection is no obstacle to it)."""
    wb = load_workbook(io.BytesIO(bogen))
    ws = wb[BLATT]
    zeilen = {str(ws.cell(z, SPALTE["Nr"] + 1).value): z for z in range(1, ws.max_row + 1)}
    for nr, werte in (eintraege or {}).items():
        for titel, wert in werte.items():
            ws.cell(zeilen[nr], SPALTE[titel] + 1).value = wert
    for (nr, titel), wert in (aendern or {}).items():
        ws.cell(zeilen[nr], SPALTE[titel] + 1).value = wert
    kopf = next(z for z in range(1, 20) if ws.cell(z, 1).value == ABSENDER_TEXT)
    if absender is not None:
        ws.cell(kopf, SPALTE_ABSENDER + 1).value = absender
    if datum is not None:
        ws.cell(kopf, SPALTE_DATUM + 1).value = datum
    for nr in sorted(loeschen, key=lambda n: -zeilen[n]):
        ws.delete_rows(zeilen[nr])
    ziel = io.BytesIO()
    wb.save(ziel)
    return ziel.getvalue()

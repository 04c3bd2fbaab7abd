"""The audit table of the store as people read it: on the Daten page and as CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from ipdaten import format as fmt
from ipdaten.ablage_protokoll import QUELLEN, Eintrag
from ipdaten.darstellung.diagramm_daten import tabelle_als_csv

SPALTEN = ("Zeit", "Aktion", "Person", "Art", "Konto", "Rechner", "Stand", "Datei", "SHA-256", "Hinweis")


def zeit_text(wert: dt.datetime) -> str:
    """A moment of the audit table in the county's time zone: '06.12.2026 14:05:33' (sortable
    as text within a day, read as date and time by German Excel)."""
    return f"{fmt.ortszeit(wert):%d.%m.%Y %H:%M:%S}"


def protokoll_tabelle(eintraege: Iterable[Eintrag]) -> pd.DataFrame:
    """The lines as a German table, in the order given (the store gives newest first)."""
    zeilen = [
        (
            zeit_text(e.zeit),
            e.aktion_text,
            e.wer,
            QUELLEN.get(e.quelle or "", e.quelle or ""),
            e.kennung or "",
            e.client or "",
            "" if e.stand_nr is None else f"Nr. {e.stand_nr}",
            e.dateiname or "",
            e.sha256 or "",
            e.hinweis or "",
        )
        for e in eintraege
    ]
    return pd.DataFrame(zeilen, columns=list(SPALTEN))


def protokoll_csv(eintraege: Iterable[Eintrag]) -> bytes:
    """The lines as CSV for German Excel (UTF-8 with BOM, semicolons), every cell injection-safe:
    a name or file name like "=HYPERLINK(…)" stays text."""
    return tabelle_als_csv(protokoll_tabelle(eintraege))

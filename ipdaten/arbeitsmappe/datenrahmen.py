"""The frames an Anlage is made of: their columns and dtypes, built from validated records."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.vertrag import STATUS_REIHENFOLGE

STATUS_TYP = pd.CategoricalDtype(list(STATUS_REIHENFOLGE), ordered=True)

EMPFEHLUNG_SPALTEN = [
    "handlungsfeld",
    "nr",
    "ziel",
    "empfehlung",
    "status",
    "bemerkung",
    "bezug_gefluechtete",
    "quelle",
    "zustaendig",
    "beteiligte",
    "arbeitsgruppe",
    "termin",
    "termin_genauigkeit",
    "gemeldet_am",
    "gemeldet_von",
]
SPALTEN = {
    "handlungsfelder": (
        ["nr", "name", "leitsatz", "seiten", "bericht", "quelle", "zeile"],
        {"nr": "int64", "zeile": "int64"},
    ),
    "empfehlungen": (
        [*EMPFEHLUNG_SPALTEN, "zeile"],
        {
            "handlungsfeld": "int64",
            "nr": "int64",
            "zeile": "int64",
            "bezug_gefluechtete": "object",
            "termin": "object",
            "gemeldet_am": "object",
        },
    ),
    "einbuergerung": (
        ["gebiet", "jahr", "quote_prozent", "quelle", "definition", "zeile"],
        {"jahr": "int64", "quote_prozent": "float64", "zeile": "int64"},
    ),
    "haushalt": (
        ["massnahme", "betrag", "jahr", "handlungsfeld", "ist", "quelle", "zeile"],
        {"betrag": "float64", "jahr": "int64", "handlungsfeld": "Int64", "ist": "float64", "zeile": "int64"},
    ),
    "meilensteine": (["datum", "genauigkeit", "ereignis", "zeile"], {"zeile": "int64"}),
}


def leerer_rahmen(frame: str) -> pd.DataFrame:
    """An empty frame of kind `frame` with its columns and dtypes (an optional sheet that is missing)."""
    spalten, typen = SPALTEN[frame]
    return pd.DataFrame(columns=spalten).astype(typen)


def rahmen(frame: str, datensaetze: list[dict]) -> pd.DataFrame:
    """The frame of kind `frame` from validated records."""
    spalten, typen = SPALTEN[frame]
    return pd.DataFrame(datensaetze, columns=spalten).astype(typen)

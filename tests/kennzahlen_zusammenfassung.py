"""The key figures of an Anlage in one small dict (the golden summary the tests compare), from
the Anlage itself or from what `python -m ipdaten kennzahlen --json` prints (its tables)."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.zahlen.kennzahlen import einbuergerung_vergleich, haushalt_summen, status_gesamt, status_verteilung


def kennzahlen_json(anlage: Anlage) -> dict:
    """Status counts per field and in all, naturalisation ranking, budget: plain JSON-ready data."""
    verteilung = status_verteilung(anlage)
    gesamt = status_gesamt(anlage)
    vergleich = einbuergerung_vergleich(anlage)
    haushalt = haushalt_summen(anlage)
    return {
        "stand": anlage.stand.isoformat() if anlage.stand else None,
        "bezeichnung": anlage.bezeichnung,
        "status_reihenfolge": list(STATUS_REIHENFOLGE),
        "handlungsfelder": [
            {
                "nr": int(z["nr"]),
                "name": z["name"],
                "empfehlungen": int(z["empfehlungen"]),
                "status": {s: int(z[s]) for s in STATUS_REIHENFOLGE},
            }
            for _, z in verteilung.iterrows()
        ],
        "gesamt": {"empfehlungen": gesamt["empfehlungen"], "status": gesamt["status"]},
        "einbuergerung": [
            {
                "gebiet": z["gebiet"],
                "jahr": int(z["jahr"]),
                "quote_prozent": None if pd.isna(z["quote_prozent"]) else float(z["quote_prozent"]),
                "rang": None if pd.isna(z["rang"]) else int(z["rang"]),
            }
            for _, z in vergleich.iterrows()
        ],
        "haushalt": {
            "summe_eur": haushalt.summe_eur,
            "positionen": haushalt.positionen,
            "nach_handlungsfeld": {
                str(int(z["nr"])): float(z["betrag"]) for _, z in haushalt.nach_handlungsfeld.iterrows()
            },
            "ohne_handlungsfeld_eur": haushalt.ohne_handlungsfeld_eur,
        },
    }


def aus_daten_json(daten: dict) -> dict:
    """The same summary read from the tables of the open-data JSON (kennzahlen --json)."""
    tabellen = {t["name"]: t["zeilen"] for t in daten["tabellen"]}
    felder = [z for z in tabellen["Verteilung"] if z["Nr"] is not None]
    (gesamt,) = [z for z in tabellen["Verteilung"] if z["Nr"] is None]
    haushalt = tabellen.get("Haushalt", [])
    je_feld = tabellen.get("Haushalt je Feld", [])
    nach_feld: dict[str, float] = {}
    for z in je_feld:
        if z["Handlungsfeld Nr"] is not None:
            nach_feld[str(z["Handlungsfeld Nr"])] = nach_feld.get(str(z["Handlungsfeld Nr"]), 0.0) + z["Betrag in €"]
    summen = [z for z in haushalt if z["Handlungsfeld Nr"] is None and z["Maßnahme"].startswith("Summe")]
    return {
        "stand": daten["stand"],
        "bezeichnung": daten["bezeichnung"],
        "status_reihenfolge": list(STATUS_REIHENFOLGE),
        "handlungsfelder": [
            {
                "nr": z["Nr"],
                "name": z["Handlungsfeld"],
                "empfehlungen": z["Empfehlungen"],
                "status": {s: z[f"Anzahl {s}"] for s in STATUS_REIHENFOLGE},
            }
            for z in felder
        ],
        "gesamt": {
            "empfehlungen": gesamt["Empfehlungen"],
            "status": {s: gesamt[f"Anzahl {s}"] for s in STATUS_REIHENFOLGE},
        },
        "einbuergerung": [
            {"gebiet": z["Gebiet"], "jahr": z["Jahr"], "quote_prozent": z["Einbürgerungsquote in %"], "rang": z["Rang"]}
            for z in tabellen.get("Einbürgerung", [])
        ],
        "haushalt": {
            "summe_eur": sum(z["Betrag in €"] for z in summen),
            "positionen": len(haushalt) - len(summen),
            "nach_handlungsfeld": nach_feld,
            "ohne_handlungsfeld_eur": sum(z["Betrag in €"] for z in je_feld if z["Handlungsfeld Nr"] is None),
        },
    }

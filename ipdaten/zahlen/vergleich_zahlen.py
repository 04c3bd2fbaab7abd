"""What changed between two Anlagen besides the recommendations: naturalisation quotas and
budget amounts, in German sentences.

The preview of an upload compares it with the current Stand; a quota or an amount misread
(15,40 % for 1,36 %, 60 € for 60.000 €) must show there as a change, never hide behind „keine
Veränderung“ of the recommendations.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.arbeitsmappe.plausibel.einbuergerung import gebiet_schluessel

HOECHSTENS = 5  # changes named per sheet; the rest are counted
Werte = dict[Hashable, list[float]]


def _quote(wert: float) -> str:
    return "keine Angabe" if math.isnan(wert) else fmt.prozent(wert)


def _betrag(wert: float) -> str:
    return "ohne Betrag" if math.isnan(wert) else fmt.euro(wert, 2 if wert % 1 else 0)


def _gleich(vorher: list[float], nachher: list[float]) -> bool:
    """Alike to the cent or the hundredth of a percentage point. Empty cells count as nothing: a
    year the reader completed with „keine Angabe“ is no change."""
    a, b = ([round(w, 2) for w in werte if not math.isnan(w)] for werte in (vorher, nachher))
    return a == b


def _je_schluessel(schluessel: list[Hashable], werte: pd.Series) -> Werte:
    gruppen: Werte = {}
    for k, w in zip(schluessel, werte):
        gruppen.setdefault(k, []).append(float(w))
    return gruppen


def _saetze(
    titel: str, alt: Werte, neu: Werte, namen: dict[Hashable, str], text: Callable[[float], str]
) -> list[tuple[str, str]]:
    teile = [
        f"{namen[k]} {' + '.join(map(text, alt.get(k, []))) or '–'} → {' + '.join(map(text, neu.get(k, []))) or '–'}"
        for k in dict.fromkeys([*neu, *alt])
        if not _gleich(alt.get(k, []), neu.get(k, []))
    ]
    if not teile:
        return []
    rest = len(teile) - HOECHSTENS
    return [(titel, "; ".join(teile[:HOECHSTENS]) + (f" und {fmt.zahl(rest)} weitere" if rest > 0 else ""))]


def weitere_aenderungen(alt: Anlage, neu: Anlage) -> list[tuple[str, str]]:
    """(sheet, German text) naming every changed naturalisation quota (by area and year) and budget amount
    (by measure and year) – at most HOECHSTENS each, the rest counted –, empty when alike."""
    namen: dict[Hashable, str] = {}
    quoten = []
    for anlage in (alt, neu):
        e = anlage.einbuergerung
        schluessel: list[Hashable] = [(gebiet_schluessel(g), int(j)) for g, j in zip(e["gebiet"], e["jahr"])]
        namen |= {k: f"{g} {int(j)}" for k, g, j in zip(schluessel, e["gebiet"], e["jahr"])}
        quoten.append(_je_schluessel(schluessel, e["quote_prozent"]))
    betraege = []
    for anlage in (alt, neu):
        h = anlage.haushalt
        schluessel = [(str(m), int(j)) for m, j in zip(h["massnahme"], h["jahr"])]
        namen |= {k: f"„{fmt.kuerzen(str(m), 60)}“ {int(j)}" for k, m, j in zip(schluessel, h["massnahme"], h["jahr"])}
        betraege.append(_je_schluessel(schluessel, h["betrag"]))
    return _saetze("Einbürgerungsquoten", quoten[0], quoten[1], namen, _quote) + _saetze(
        "Haushalt", betraege[0], betraege[1], namen, _betrag
    )

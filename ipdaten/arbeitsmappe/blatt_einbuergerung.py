"""The sheet Einbürgerung: the naturalisation quota per area and year."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ipdaten.arbeitsmappe.befunde import EINBUERGERUNG as EINBUERGERUNG_URSACHE
from ipdaten.arbeitsmappe.befunde import Befundliste, zeilen_wort
from ipdaten.arbeitsmappe.datenrahmen import leerer_rahmen, rahmen
from ipdaten.arbeitsmappe.gebiete import gebiet_art
from ipdaten.arbeitsmappe.plausibel.einbuergerung import fehlende_jahre, gebiet_schluessel
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import PROZENT_ZEICHEN, falte
from ipdaten.arbeitsmappe.umformen import jahre_als_spalten, quote_aus_anzahlen
from ipdaten.arbeitsmappe.vertrag import EINBUERGERUNG
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe
from ipdaten.arbeitsmappe.zahlenspalte import entscheide
from ipdaten.arbeitsmappe.zellwerte import jahr, pflichttext, quote, weitere_werte
from ipdaten.format import prozent, zahl

QUOTE_ERLAUBT = "Prozentpunkte von 0 bis 100, z. B. 1,54 oder „1,54 %“; leer = keine Angabe"


def lies_einbuergerung(mappe: RohMappe, blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    """The quota rows; an empty frame when the sheet is missing.

    Aggregates (Region, Land, Bund, means, totals) are left out of the ranking with a warning;
    an area that has a value in one year and no row in another gets „keine Angabe“ for it.
    """
    if blatt is not None:
        blatt = jahre_als_spalten(blatt, EINBUERGERUNG, "Quote in %", befunde, leere_behalten=_nennt_kreis)
        blatt = quote_aus_anzahlen(blatt, "Quote in %", befunde)
    tabelle = finde_tabelle(blatt, EINBUERGERUNG, befunde) if blatt is not None else None
    if blatt is None or tabelle is None:
        return leerer_rahmen("einbuergerung")
    prozent_zellen = mappe.zellen_meta(blatt).prozent
    dezimal = entscheide(
        [(n, tabelle.wert(z, "quote_prozent")) for n, z in tabelle.zeilen],
        tabelle.titel.get("quote_prozent", "Quote in %"),
        tabelle.blatt,
        befunde,
        PROZENT_ZEICHEN,
    ).dezimal
    datensaetze = []
    gesehen: dict[tuple[str, int], tuple[int, str]] = {}
    aggregate: dict[str, list[int]] = {}
    for nummer, zeile in tabelle.zeilen:
        gebiet = pflichttext(
            "einbuergerung.gebiet_fehlt",
            tabelle,
            nummer,
            zeile,
            "gebiet",
            "Das Gebiet fehlt.",
            "Name des Stadt- oder Landkreises",
        )
        if gebiet is not None and gebiet_art(gebiet).art == "aggregat":
            aggregate.setdefault(gebiet, []).append(nummer)
            continue
        wert_jahr = jahr(
            "einbuergerung.jahr_ungueltig", tabelle, nummer, zeile, "Das Jahr ist keine gültige Jahreszahl.", 2016
        )
        wert_quote = _quote_pruefen(
            tabelle, nummer, zeile, (nummer - 1, tabelle.spalten["quote_prozent"]) in prozent_zellen, dezimal
        )
        if gebiet is None or wert_jahr is None or wert_quote is False:
            continue
        schluessel = (gebiet_schluessel(gebiet), wert_jahr)
        if schluessel in gesehen:
            frueher, name = gesehen[schluessel]
            tabelle.fehler(
                "einbuergerung.doppelt",
                nummer,
                "gebiet",
                f"{gebiet} {wert_jahr} steht doppelt (schon in Zeile {frueher}"
                + (f" als „{name}“" if falte(name) != falte(gebiet) else "")
                + ").",
                gebiet,
                "jedes Gebiet nur einmal je Jahr",
            )
            continue
        gesehen[schluessel] = (nummer, gebiet)
        werte: dict[str, object] = {
            "gebiet": gebiet,
            "jahr": wert_jahr,
            "quote_prozent": float("nan") if wert_quote is None else wert_quote,
        }
        weitere = weitere_werte(tabelle, nummer, zeile, EINBUERGERUNG, werte)
        if weitere is not None:
            datensaetze.append({**werte, **weitere, "zeile": nummer})
    _anteile_als_prozent(tabelle, datensaetze, prozent_zellen)
    _melde_aggregate(tabelle, aggregate)
    _ergaenze_jahre(tabelle, datensaetze)
    return rahmen("einbuergerung", datensaetze)


def _nennt_kreis(zellen: list[Any]) -> bool:
    """Whether a row without any value names a Kreis (kept: „keine Angabe“) rather than a note."""
    return any(isinstance(z, str) and gebiet_art(z).art in ("kreis", "kreisartig") for z in zellen)


def _melde_aggregate(tabelle: Tabelle, aggregate: dict[str, list[int]]) -> None:
    if not aggregate:
        return
    zeilen = sorted(n for nummern in aggregate.values() for n in nummern)
    tabelle.befunde.warnung(
        "einbuergerung.aggregat_ausgelassen",
        "Kein Kreis, sondern eine Summe, ein Mittel oder ein größeres Gebiet: "
        + ", ".join(f"„{g}“" for g in aggregate)
        + f" ({zeilen_wort(zeilen)}). Diese Zeilen wurden nicht in die Rangfolge der Kreise aufgenommen "
        "und zählen nicht zum Mittel.",
        blatt=tabelle.blatt,
        zeile=zeilen[0],
        spalte=tabelle.titel.get("gebiet", "Gebiet"),
        zeilen=tuple(zeilen),
        ursache=EINBUERGERUNG_URSACHE,
    )


def _ergaenze_jahre(tabelle: Tabelle, datensaetze: list[dict[str, Any]]) -> None:
    """Every area keeps every year: a missing (area, year) becomes „keine Angabe“, with a warning."""
    fehlend = fehlende_jahre([(d["gebiet"], d["jahr"]) for d in datensaetze])
    if not fehlend:
        return
    erste: dict[str, int] = {}
    for d in datensaetze:
        erste.setdefault(d["gebiet"], d["zeile"])
    for gebiet, wert_jahr in fehlend:
        datensaetze.append(
            {
                "gebiet": gebiet,
                "jahr": wert_jahr,
                "quote_prozent": float("nan"),
                "zeile": erste[gebiet],
            }
        )
    datensaetze.sort(key=lambda d: (d["zeile"], d["jahr"]))
    tabelle.befunde.warnung(
        "einbuergerung.jahr_ergaenzt",
        "Für diese Gebiete fehlt eine Zeile eines Jahres; sie stehen in dem Jahr mit „keine Angabe“: "
        + "; ".join(f"{g} {j}" for g, j in fehlend)
        + ".",
        blatt=tabelle.blatt,
        spalte=tabelle.titel.get("gebiet", "Gebiet"),
        ursache=EINBUERGERUNG_URSACHE,
    )


def _sagt_prozent(tabelle: Tabelle) -> bool:
    texte = [tabelle.titel.get("quote_prozent", "")] + [str(z) for zeile in tabelle.ueber_kopf for z in zeile]
    return any("%" in t or "prozent" in t.casefold() for t in texte)


def _anteile_als_prozent(tabelle: Tabelle, datensaetze: list[dict[str, Any]], prozent_zellen: set[Any]) -> None:
    """Quotas that are all fractions (0,0154) are read as 1,54 %, with a warning.

    A naturalisation quota under 0,1 % does not occur in any German district (they lie between
    about 0,5 and 3 %); values that small in every row are shares of 1, not percentage points –
    whether or not the column says „%“.
    """
    spalte = tabelle.spalten["quote_prozent"]
    zahlen = []
    for d in datensaetze:
        roh = next(z for n, z in tabelle.zeilen if n == d["zeile"])[spalte]
        if d["quote_prozent"] == d["quote_prozent"]:  # not NaN
            if not isinstance(roh, (int, float)) or (d["zeile"] - 1, spalte) in prozent_zellen:
                return
            zahlen.append(d)
    if not zahlen or not all(0 < d["quote_prozent"] < 0.1 for d in zahlen):
        return
    for d in zahlen:
        d["quote_prozent"] = round(d["quote_prozent"] * 100, 10)
    beispiel = zahlen[0]
    grund = (
        "die Spalte sagt aber „%“"
        if _sagt_prozent(tabelle)
        else "so kleine Einbürgerungsquoten kommen in keinem Kreis vor"
    )
    tabelle.warnung(
        "einbuergerung.anteile_als_prozent",
        None,
        "quote_prozent",
        f"Alle Quoten sind Anteile kleiner als 0,1, {grund}; sie wurden als Prozent gelesen "
        f"(mal 100, z. B. {zahl(beispiel['quote_prozent'] / 100, 4)} → {prozent(beispiel['quote_prozent'])})"
        ". Sind es wirklich Prozentpunkte, bitte als Prozent formatieren.",
    )


def _quote_pruefen(
    tabelle: Tabelle, nummer: int, zeile: list[Any], als_prozent_formatiert: bool, dezimal: str = ","
) -> float | bool | None:
    """The quota in percentage points; None = keine Angabe; False after recording an error."""
    roh = tabelle.wert(zeile, "quote_prozent")
    wert = quote(roh, als_prozent_formatiert, dezimal)
    if wert is False:
        tabelle.fehler(
            "einbuergerung.quote_keine_zahl", nummer, "quote_prozent", "Die Quote ist keine Zahl.", roh, QUOTE_ERLAUBT
        )
    elif wert is not None and not 0 <= wert <= 100:
        tabelle.fehler(
            "einbuergerung.quote_ausserhalb",
            nummer,
            "quote_prozent",
            "Die Quote liegt außerhalb von 0 bis 100 %.",
            roh,
            QUOTE_ERLAUBT,
        )
        return False
    return wert

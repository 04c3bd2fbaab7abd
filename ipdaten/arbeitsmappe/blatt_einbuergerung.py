"""The sheet Einbürgerung: the naturalisation quota per area and year."""

from __future__ import annotations

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.datenrahmen import leerer_rahmen, rahmen
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.umformen import jahre_als_spalten, quote_aus_anzahlen
from ipdaten.arbeitsmappe.vertrag import EINBUERGERUNG
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe
from ipdaten.arbeitsmappe.zellwerte import jahr, pflichttext, quote, text
from ipdaten.format import prozent, zahl

QUOTE_ERLAUBT = "Prozentpunkte von 0 bis 100, z. B. 1,54 oder „1,54 %“; leer = keine Angabe"


def lies_einbuergerung(mappe: RohMappe, blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    """The quota rows; an empty frame when the sheet is missing."""
    if blatt is not None:
        blatt = jahre_als_spalten(blatt, EINBUERGERUNG, "Quote in %", befunde)
        blatt = quote_aus_anzahlen(blatt, "Quote in %", befunde)
    tabelle = finde_tabelle(blatt, EINBUERGERUNG, befunde) if blatt is not None else None
    if tabelle is None:
        return leerer_rahmen("einbuergerung")
    prozent_zellen = mappe.zellen_meta(blatt).prozent
    datensaetze = []
    gesehen: dict[tuple[str, int], int] = {}
    for nummer, zeile in tabelle.zeilen:
        gebiet = pflichttext(tabelle, nummer, zeile, "gebiet", "Das Gebiet fehlt.", "Name des Stadt- oder Landkreises")
        wert_jahr = jahr(tabelle, nummer, zeile, "Das Jahr ist keine gültige Jahreszahl.", 2016)
        wert_quote = _quote_pruefen(
            tabelle, nummer, zeile, (nummer - 1, tabelle.spalten["quote_prozent"]) in prozent_zellen
        )
        if gebiet is None or wert_jahr is None or wert_quote is False:
            continue
        schluessel = (falte(gebiet), wert_jahr)
        if schluessel in gesehen:
            tabelle.fehler(
                nummer,
                "gebiet",
                f"{gebiet} {wert_jahr} steht doppelt (schon in Zeile {gesehen[schluessel]}).",
                gebiet,
                "jedes Gebiet nur einmal je Jahr",
            )
            continue
        gesehen[schluessel] = nummer
        datensaetze.append(
            {
                "gebiet": gebiet,
                "jahr": wert_jahr,
                "quote_prozent": float("nan") if wert_quote is None else wert_quote,
                "quelle": text(tabelle, zeile, "quelle"),
                "definition": text(tabelle, zeile, "definition"),
                "zeile": nummer,
            }
        )
    _anteile_als_prozent(tabelle, datensaetze, prozent_zellen)
    return rahmen("einbuergerung", datensaetze)


def _sagt_prozent(tabelle: Tabelle) -> bool:
    texte = [tabelle.titel.get("quote_prozent", "")] + [str(z) for zeile in tabelle.ueber_kopf for z in zeile]
    return any("%" in t or "prozent" in t.casefold() for t in texte)


def _anteile_als_prozent(tabelle: Tabelle, datensaetze: list[dict], prozent_zellen: set) -> None:
    """Quotas that are all fractions (0,0154) in a column that says % are read as 1,54 %, with a warning.

    A naturalisation quota under 0,1 % does not occur in any German district (they lie between
    about 0,5 and 3 %); values that small in every row are shares of 1, not percentage points.
    """
    spalte = tabelle.spalten["quote_prozent"]
    zahlen = []
    for d in datensaetze:
        roh = next(z for n, z in tabelle.zeilen if n == d["zeile"])[spalte]
        if d["quote_prozent"] == d["quote_prozent"]:  # not NaN
            if not isinstance(roh, (int, float)) or (d["zeile"] - 1, spalte) in prozent_zellen:
                return
            zahlen.append(d)
    if not zahlen or not _sagt_prozent(tabelle) or not all(0 < d["quote_prozent"] < 0.1 for d in zahlen):
        return
    for d in zahlen:
        d["quote_prozent"] = round(d["quote_prozent"] * 100, 10)
    beispiel = zahlen[0]
    tabelle.warnung(
        None,
        "quote_prozent",
        "Alle Quoten sind Anteile kleiner als 0,1, die Spalte sagt aber „%“; sie wurden als Prozent gelesen "
        f"(mal 100, z. B. {zahl(beispiel['quote_prozent'] / 100, 4)} → {prozent(beispiel['quote_prozent'])})"
        ". Sind es wirklich Prozentpunkte, bitte als Prozent formatieren.",
    )


def _quote_pruefen(tabelle: Tabelle, nummer: int, zeile: list, als_prozent_formatiert: bool) -> float | bool | None:
    """The quota in percentage points; None = keine Angabe; False after recording an error."""
    roh = tabelle.wert(zeile, "quote_prozent")
    wert = quote(roh, als_prozent_formatiert)
    if wert is False:
        tabelle.fehler(nummer, "quote_prozent", "Die Quote ist keine Zahl.", roh, QUOTE_ERLAUBT)
    elif wert is not None and not 0 <= wert <= 100:
        tabelle.fehler(nummer, "quote_prozent", "Die Quote liegt außerhalb von 0 bis 100 %.", roh, QUOTE_ERLAUBT)
        return False
    return wert

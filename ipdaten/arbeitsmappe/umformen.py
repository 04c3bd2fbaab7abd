"""Reshaping a sheet kept in another layout into the contract's layout, before its table is read.

Each function returns the sheet unchanged when its layout does not apply, and otherwise a new
sheet plus a warning that says what was done: years as columns become rows, counts become a
quota, a tick per status column becomes the status.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.tabellenkopf import KOPFZEILE_SUCHTIEFE, kopf_schluessel, kopf_text, namen
from ipdaten.arbeitsmappe.texte import falte, ganze_zahl, ist_leer, zahl
from ipdaten.arbeitsmappe.vertrag import Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.format import zahl as zahl_text

EINBUERGERUNGEN_KOEPFE = ("einbuergerungen", "anzahl einbuergerungen", "eingebuergerte", "einbuergerungen anzahl")
AUSLAENDER_KOEPFE = (
    "auslaender",
    "auslaendische bevoelkerung",
    "auslaendische einwohner",
    "auslaendische einwohnerinnen und einwohner",
    "auslaenderinnen und auslaender",
    "anzahl auslaender",
)
_KREUZ_NEIN = {"", "nein", "n", "0", "-", "–", "—"}


def _kopfzeile(blatt: RohBlatt, passt: Callable[[list[str], list[Any]], bool]) -> int | None:
    for index, zeile in enumerate(blatt.zeilen[:KOPFZEILE_SUCHTIEFE]):
        if passt([kopf_schluessel(z) for z in zeile], zeile):
            return index
    return None


def _jahr_im_kopf(zelle: object) -> int | None:
    jahr = ganze_zahl(zelle)
    return jahr if jahr is not None and 1900 <= jahr <= 2100 else None


def jahre_als_spalten(
    blatt: RohBlatt,
    vertrag: Blatt,
    wert_titel: str,
    befunde: Befundliste,
    leere_behalten: Callable[[list[Any]], bool] | None = None,
) -> RohBlatt:
    """A sheet with one column per year ("Gebiet | 2014 | 2015") as one row per year and value.

    Applies when the header has no column "Jahr" but at least one year; the other columns are
    kept in every row. Empty values give no row – unless `leere_behalten` is given: then an empty
    value in a row with a value in another year is kept as an empty row (keine Angabe, the area
    keeps its year), and so is a row without any value for which `leere_behalten(other cells)`
    is true (a Kreis without figures, not a note under the table).
    """
    schluessel = namen(vertrag)
    wert_feld = schluessel[kopf_schluessel(wert_titel)].feld
    noetig = {s.feld for s in vertrag.pflichtspalten} - {"jahr", wert_feld}

    def passt(koepfe: list[str], zeile: list[Any]) -> bool:
        felder = {schluessel[k].feld for k in koepfe if k in schluessel}
        nur_text = all(isinstance(z, str) or ist_leer(z) or _jahr_im_kopf(z) for z in zeile)
        return noetig <= felder and "jahr" not in felder and nur_text and any(_jahr_im_kopf(z) for z in zeile)

    def hat_jahr_spalte(koepfe: list[str], zeile: list[Any]) -> bool:
        return any(k in schluessel and schluessel[k].feld == "jahr" for k in koepfe)

    kopf = _kopfzeile(blatt, passt)
    if kopf is None or _kopfzeile(blatt, hat_jahr_spalte) is not None:
        return blatt
    kopfzeile = blatt.zeilen[kopf]
    jahre = {i: _jahr_im_kopf(z) for i, z in enumerate(kopfzeile) if _jahr_im_kopf(z)}
    andere = [i for i in range(len(kopfzeile)) if i not in jahre]
    zeilen = [list(z) for z in blatt.zeilen[:kopf]] + [[kopfzeile[i] for i in andere] + ["Jahr", wert_titel]]
    nummern = list(range(1, kopf + 2))
    for position, zeile in enumerate(blatt.zeilen[kopf + 1 :], start=kopf + 1):
        werte = {jahr: (zeile[i] if i < len(zeile) else None) for i, jahr in jahre.items()}
        uebrige = [zeile[j] if j < len(zeile) else None for j in andere]
        behalten = leere_behalten is not None and (
            any(not ist_leer(w) for w in werte.values())
            or (any(not ist_leer(u) for u in uebrige) and leere_behalten(uebrige))
        )
        for jahr, wert in werte.items():
            if ist_leer(wert) and not behalten:
                continue
            zeilen.append([*uebrige, jahr, wert])
            nummern.append(position + 1)
    befunde.warnung(
        "einbuergerung.jahre_als_spalten",
        f"Die Jahre stehen als Spalten ({', '.join(str(j) for j in jahre.values())}); jede Spalte wurde als "
        f"„{wert_titel}“ des Jahres gelesen.",
        blatt=blatt.name,
        zeile=kopf + 1,
    )
    return replace(blatt, zeilen=zeilen, zusammengefasst=[], zeilennummern=nummern)


def quote_aus_anzahlen(blatt: RohBlatt, quote_titel: str, befunde: Befundliste) -> RohBlatt:
    """Naturalisations and foreign population as counts: the quota is computed (100 × E ÷ A)."""

    def passt(koepfe: list[str], zeile: list[Any]) -> bool:
        return any(k in EINBUERGERUNGEN_KOEPFE for k in koepfe) and any(k in AUSLAENDER_KOEPFE for k in koepfe)

    kopf = _kopfzeile(blatt, passt)
    if kopf is None:
        return blatt
    koepfe = [kopf_schluessel(z) for z in blatt.zeilen[kopf]]
    if any("quote" in k for k in koepfe):
        return blatt
    e = next(i for i, k in enumerate(koepfe) if k in EINBUERGERUNGEN_KOEPFE)
    a = next(i for i, k in enumerate(koepfe) if k in AUSLAENDER_KOEPFE)
    zeilen = [list(z) for z in blatt.zeilen]
    zeilen[kopf] = [*zeilen[kopf], quote_titel]
    beispiel = None
    for zeile in zeilen[kopf + 1 :]:
        anzahl = zahl(zeile[e], ()) if e < len(zeile) else None
        basis = zahl(zeile[a], ()) if a < len(zeile) else None
        quote = 100 * anzahl / basis if anzahl is not None and basis else None
        zeile.append(quote)
        if quote is not None and beispiel is None:
            beispiel = (anzahl, basis, quote)
    text = (
        f"Die Einbürgerungsquote wurde aus den Anzahlen berechnet: „{kopf_text(blatt.zeilen[kopf][e])}“ ÷ "
        f"„{kopf_text(blatt.zeilen[kopf][a])}“ × 100"
    )
    if beispiel:
        text += f" (z. B. {zahl_text(beispiel[0])} ÷ {zahl_text(beispiel[1])} × 100 = {zahl_text(beispiel[2], 2)} %)"
    befunde.warnung("einbuergerung.quote_berechnet", text + ".", blatt=blatt.name, zeile=kopf + 1)
    return replace(blatt, zeilen=zeilen, umgeformt=blatt.umgeformt | {e, a})


def status_aus_ankreuzspalten(
    blatt: RohBlatt, vertrag: Blatt, status_von: dict[str, str], befunde: Befundliste
) -> RohBlatt:
    """One column per status with a tick ("x") instead of a column Status: the ticked one is the status.

    Applies when the header has at least two status names as columns and no status column. A row
    with two ticks gets both names (then refused as an unknown status, naming the row).
    """
    schluessel = namen(vertrag)

    def passt(koepfe: list[str], zeile: list[Any]) -> bool:
        status = [k for k in koepfe if k and status_von.get(falte(k))]
        felder = {schluessel[k].feld for k in koepfe if k in schluessel}
        return len(status) >= 2 and "empfehlung" in felder and "status" not in felder

    def hat_status_spalte(koepfe: list[str], zeile: list[Any]) -> bool:
        return any(k in schluessel and schluessel[k].feld == "status" for k in koepfe)

    kopf = _kopfzeile(blatt, passt)
    if kopf is None or _kopfzeile(blatt, hat_status_spalte) is not None:
        return blatt
    spalten = {
        i: status_von[falte(kopf_schluessel(z))]
        for i, z in enumerate(blatt.zeilen[kopf])
        if kopf_schluessel(z) and status_von.get(falte(kopf_schluessel(z)))
    }
    zeilen = [list(z) for z in blatt.zeilen]
    zeilen[kopf] = [*zeilen[kopf], "Status"]
    for zeile in zeilen[kopf + 1 :]:
        gesetzt = [s for i, s in spalten.items() if i < len(zeile) and falte(zeile[i]) not in _KREUZ_NEIN]
        zeile.append(" + ".join(gesetzt))
    befunde.warnung(
        "status.ankreuzspalten",
        "Der Status wurde aus den Ankreuzspalten gelesen: "
        + ", ".join(f"„{kopf_text(blatt.zeilen[kopf][i])}“" for i in spalten)
        + " (eine angekreuzte Spalte je Zeile; keine = ohne Angabe).",
        blatt=blatt.name,
        zeile=kopf + 1,
    )
    return replace(blatt, zeilen=zeilen, umgeformt=blatt.umgeformt | set(spalten))

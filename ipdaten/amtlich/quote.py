"""The county's own evaluation: the naturalisation quota per Kreis and year, by a stated definition.

Two definitions:
- `TABELLE`: the Einbürgerungsquote the naturalisation table itself reports;
- `VORJAHR`: naturalisations of a year ÷ foreign population on 31 December of the year
  before × 100 (needs the population table 12411-… as a second file).

Which file is which and what the files allow is decided in `quote_auswahl`. Every selected Kreis
and year must be in the files; otherwise German findings and no result.
A special sign stays visible: "-" counts as 0, every other sign makes the quota "keine Angabe".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ipdaten.amtlich.statistikwerte import (
    AUSLAENDER,
    EINBUERGERUNGEN,
    QUOTE,
    UNLESBAR,
    ZEICHEN,
    StatistikDatei,
    StatistikUngueltig,
)
from ipdaten.arbeitsmappe import Befund, falte, fehler
from ipdaten.arbeitsmappe.gebiete import REGION_STUTTGART
from ipdaten.zahlen.kennzahlen import im_jahr

TABELLE = "tabelle"
VORJAHR = "vorjahr"
DEFINITIONEN: dict[str, str] = {
    TABELLE: "Einbürgerungsquote, wie sie die Tabelle der Einbürgerungsstatistik selbst ausweist.",
    VORJAHR: "Einbürgerungen eines Jahres je 100 Ausländerinnen und Ausländer, die am 31.12. des Vorjahres im Kreis "
    "lebten: Einbürgerungen im Jahr ÷ ausländische Bevölkerung am 31.12. des Vorjahres × 100.",
}
DEFINITION_KURZ: dict[str, str] = {
    TABELLE: "Quote aus der Tabelle",
    VORJAHR: "Einbürgerungen ÷ Ausländer am 31.12. des Vorjahres × 100",
}
STELLEN = 2  # the quota is stored as the committee reads it: 1,54 %
ERGEBNIS_SPALTEN = ["kreis", "gebiet", "jahr", "quote_prozent", "einbuergerungen", "auslaender_vorjahr", "hinweis"]


@dataclass(frozen=True)
class Ergebnis:
    """The quota per Kreis and year with everything needed to name its source.

    `zeilen`: kreis, gebiet (name used in the workbook), jahr, quote_prozent (NaN = keine
    Angabe), einbuergerungen, auslaender_vorjahr (NaN unless VORJAHR), hinweis (why a value
    is missing or 0, from the special signs).
    """

    zeilen: pd.DataFrame = field(repr=False)
    definition: str
    einbuergerung: StatistikDatei = field(repr=False)
    bevoelkerung: StatistikDatei | None = field(default=None, repr=False)

    @property
    def definition_text(self) -> str:
        """The definition in words, naming the column the table calls its quota where used."""
        if self.definition == TABELLE:
            merkmale = sorted(set(self.einbuergerung.werte.loc[self.einbuergerung.werte["art"] == QUOTE, "merkmal"]))
            return DEFINITIONEN[TABELLE] + (f" (Merkmal „{merkmale[0]}“)" if len(merkmale) == 1 else "")
        return DEFINITIONEN[VORJAHR]

    @property
    def quelle(self) -> str:
        """The source line that travels with every row into the workbook."""
        return quelltext(self.einbuergerung, self.bevoelkerung if self.definition == VORJAHR else None)


def _stand(datei: StatistikDatei) -> str:
    return datei.stand or "Stand: in der Datei nicht angegeben"


def quelltext(einbuergerung: StatistikDatei, bevoelkerung: StatistikDatei | None) -> str:
    """Tables, their Stand lines, copyright and licence in one German line."""
    teile = [f"Einbürgerungen: {einbuergerung.bezeichnung} ({_stand(einbuergerung)})"]
    if bevoelkerung is not None:
        teile.append(f"ausländische Bevölkerung: {bevoelkerung.bezeichnung} ({_stand(bevoelkerung)})")
    text = "Amtliche Statistik, Regionaldatenbank – " + "; ".join(teile) + "."
    dateien = [d for d in (einbuergerung, bevoelkerung) if d is not None]
    urheber = next((d.urheber for d in dateien if d.urheber), "")
    if urheber:
        text += " " + urheber
    lizenzen: dict[str, str] = {}
    for datei in dateien:
        if datei.lizenz:
            lizenzen.setdefault(datei.lizenzname or datei.lizenz, datei.lizenz)  # the same licence once
    text += " " + (" ".join(lizenzen.values()) if lizenzen else "Lizenz: in der Datei nicht angegeben.")
    return text


def gebietsname(amtlicher_name: str, vorhandene: list[str] | tuple[str, ...] = ()) -> str:
    """The name used in the workbook: the existing sheet's name for this Kreis if it has one,
    else 'Landkreis Böblingen' / 'Stadtkreis Stuttgart' / 'Rems-Murr-Kreis' from the official name."""
    teile = [t.strip() for t in amtlicher_name.split(",")]
    kern, zusatz = teile[0], [falte(t) for t in teile[1:]]
    if "stadtkreis" in zusatz:
        kanonisch = f"Stadtkreis {kern}"
    elif "kreisfreie stadt" in zusatz:
        kanonisch = f"Kreisfreie Stadt {kern}"
    elif falte(kern).endswith("kreis") or not ({"landkreis", "kreis"} & set(zusatz)):
        kanonisch = kern
    else:
        kanonisch = f"Landkreis {kern}"
    gefaltet = {falte(v): v for v in vorhandene}
    if falte(kanonisch) in gefaltet:
        return gefaltet[falte(kanonisch)]
    passend = [v for f, v in gefaltet.items() if falte(kern) in f.replace("-", " ").split() or falte(kern) == f]
    return passend[0] if len(passend) == 1 else kanonisch


def _jahresliste(jahre: list[int]) -> str:
    if not jahre:
        return "keine"
    if jahre == list(range(jahre[0], jahre[-1] + 1)) and len(jahre) > 2:
        return f"{jahre[0]}–{jahre[-1]}"
    return ", ".join(str(j) for j in jahre)


def _werte(datei: StatistikDatei, art: str, befunde: list[Befund]) -> dict[tuple[str, int], Any]:
    """(kreis, jahr) → the row of that value; two different columns for one cell are an error."""
    werte = datei.werte[datei.werte["art"] == art]
    mehrdeutig = werte.groupby(["kreis", "jahr"])["merkmal"].nunique()
    if (mehrdeutig > 1).any():
        merkmale = sorted(set(werte["merkmal"]))
        befunde.append(
            fehler(
                "statistik.spalte_mehrdeutig",
                "Die Tabelle enthält mehrere Spalten, die als "
                + {EINBUERGERUNGEN: "Einbürgerungen", QUOTE: "Einbürgerungsquote", AUSLAENDER: "Ausländer"}[art]
                + " insgesamt gelesen werden könnten; es ist unklar, welche gilt.",
                blatt=datei.dateiname,
                wert="; ".join(merkmale[:4]),
                erlaubt="eine Tabelle mit genau einer solchen Spalte",
            )
        )
        return {}
    reihen: list[Any] = list(werte.itertuples(index=False))  # a row's attributes are its columns
    return {(str(r.kreis), int(r.jahr)): r for r in reihen}


def _pruefe_vorhanden(
    datei: StatistikDatei, art: str, kreise: list[str], jahre: list[int], befunde: list[Befund], was: str
) -> None:
    vorhanden_kreise = set(datei.werte.loc[datei.werte["art"] == art, "kreis"])
    vorhanden_jahre = datei.jahre(art)
    for kreis in kreise:
        if kreis not in vorhanden_kreise:
            befunde.append(
                fehler(
                    "statistik.kreis_fehlt",
                    f"Der Kreis {kreis}"
                    + (f" ({REGION_STUTTGART[kreis]})" if kreis in REGION_STUTTGART else "")
                    + f" fehlt in der Datei – es gibt dort keine {was} für ihn.",
                    blatt=datei.dateiname,
                    wert=kreis,
                    erlaubt="eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“, die diesen Kreis enthält",
                )
            )
    for jahr in jahre:
        if jahr not in vorhanden_jahre:
            befunde.append(
                fehler(
                    "statistik.jahr_fehlt",
                    f"Für {jahr} enthält die Datei keine {was}.",
                    blatt=datei.dateiname,
                    wert=str(jahr),
                    erlaubt=f"Jahre in der Datei: {_jahresliste(vorhanden_jahre)}",
                )
            )


def _zeichen_hinweis(was: str, zeile: Any) -> str:
    return f"{was} „{zeile.zeichen}“ ({ZEICHEN[zeile.zeichen]})"


def berechne(
    einbuergerung: StatistikDatei,
    bevoelkerung: StatistikDatei | None,
    kreise: list[str],
    jahre: list[int],
    definition: str,
    vorhandene_gebiete: list[str] | tuple[str, ...] = (),
) -> Ergebnis:
    """The quota for every chosen Kreis and year; raises StatistikUngueltig with all findings."""
    befunde: list[Befund] = []
    kreise, jahre = list(dict.fromkeys(kreise)), sorted(set(jahre))
    if definition not in DEFINITIONEN:
        befunde.append(
            fehler(
                "statistik.definition_unbekannt",
                "Unbekannte Definition der Quote.",
                wert=str(definition),
                erlaubt=", ".join(DEFINITIONEN),
            )
        )
    elif definition == TABELLE and QUOTE not in einbuergerung.arten:
        befunde.append(
            fehler(
                "statistik.keine_tabellenquote",
                f"{einbuergerung.bezeichnung} weist keine Einbürgerungsquote aus.",
                blatt=einbuergerung.dateiname,
                erlaubt="die eigene Berechnung (Einbürgerungen ÷ Ausländer am 31.12. des Vorjahres) mit der "
                "Bevölkerungstabelle 12411-… als zweiter Datei, oder eine Tabelle mit Einbürgerungsquote",
            )
        )
    elif definition == VORJAHR and (bevoelkerung is None or EINBUERGERUNGEN not in einbuergerung.arten):
        befunde.append(
            fehler(
                "statistik.berechnung_unvollstaendig",
                "Für die eigene Berechnung fehlen "
                + ("die Einbürgerungen." if EINBUERGERUNGEN not in einbuergerung.arten else "die Bevölkerungszahlen.")
                + " Gebraucht werden die Einbürgerungen je Kreis und die ausländische Bevölkerung am 31.12. des "
                "Vorjahres.",
                blatt=einbuergerung.dateiname,
                erlaubt="zusätzlich die Tabelle der Bevölkerung nach Nationalität je Kreis (12411-…) hochladen",
            )
        )
    if befunde:
        raise StatistikUngueltig(befunde)
    if not kreise:
        befunde.append(fehler("statistik.kein_gebiet", "Es ist kein Gebiet gewählt.", erlaubt="mindestens ein Kreis"))
    if not jahre:
        befunde.append(fehler("statistik.kein_jahr", "Es ist kein Jahr gewählt.", erlaubt="mindestens ein Jahr"))
    if befunde:
        raise StatistikUngueltig(befunde)

    art = QUOTE if definition == TABELLE else EINBUERGERUNGEN
    _pruefe_vorhanden(
        einbuergerung, art, kreise, jahre, befunde, "Einbürgerungsquote" if art == QUOTE else "Einbürgerungen"
    )
    if definition == VORJAHR and bevoelkerung is not None:
        _pruefe_vorhanden(
            bevoelkerung,
            AUSLAENDER,
            kreise,
            [],
            befunde,
            "ausländische Bevölkerung",
        )
        bestand = set(bevoelkerung.jahre(AUSLAENDER))
        for jahr in jahre:
            if jahr - 1 not in bestand:
                befunde.append(
                    fehler(
                        "statistik.vorjahr_fehlt",
                        f"Für die Quote {jahr} wird die ausländische Bevölkerung am 31.12.{jahr - 1} gebraucht; die "
                        "Datei enthält sie nicht.",
                        blatt=bevoelkerung.dateiname,
                        wert=str(jahr - 1),
                        erlaubt=f"Stichtage in der Datei: {_jahresliste(sorted(bestand))}",
                    )
                )
    haupt = _werte(einbuergerung, art, befunde)
    bestand_werte = _werte(bevoelkerung, AUSLAENDER, befunde) if definition == VORJAHR and bevoelkerung else {}
    if befunde:
        raise StatistikUngueltig(befunde)

    namen = einbuergerung.kreise()
    zeilen = []
    for kreis in kreise:
        gebiet = gebietsname(namen.get(kreis, kreis), vorhandene_gebiete)
        for jahr in jahre:
            wert = haupt.get((kreis, jahr))
            if wert is None:
                befunde.append(
                    fehler(
                        "statistik.wert_fehlt",
                        f"Für {namen.get(kreis, kreis)} ({kreis}) fehlt der Wert {jahr}.",
                        blatt=einbuergerung.dateiname,
                        erlaubt="ein Wert oder ein Zeichen der amtlichen Statistik für jedes gewählte Gebiet und Jahr",
                    )
                )
                continue
            zeilen.append(
                _zeile(kreis, gebiet, jahr, wert, bestand_werte, definition, einbuergerung, bevoelkerung, befunde)
            )
    if befunde:
        raise StatistikUngueltig(befunde)
    frame = pd.DataFrame(zeilen, columns=ERGEBNIS_SPALTEN).astype(
        {"jahr": "int64", "quote_prozent": "float64", "einbuergerungen": "float64", "auslaender_vorjahr": "float64"}
    )
    return Ergebnis(frame, definition, einbuergerung, bevoelkerung if definition == VORJAHR else None)


def _unlesbar(datei: StatistikDatei, zeile: Any, befunde: list[Befund]) -> None:
    befunde.append(
        fehler(
            "statistik.wert_unlesbar",
            f"Der Wert für {zeile.name} ({zeile.kreis}) {zeile.jahr} ist weder eine Zahl noch ein Zeichen der "
            "amtlichen Statistik.",
            blatt=datei.dateiname,
            zeile=int(zeile.zeile),
            spalte=zeile.merkmal,
            erlaubt="eine Zahl oder eines der Zeichen " + ", ".join(f"„{z}“" for z in ZEICHEN),
        )
    )


def _zeile(
    kreis: str,
    gebiet: str,
    jahr: int,
    wert: Any,
    bestand_werte: dict[tuple[str, int], Any],
    definition: str,
    einbuergerung: StatistikDatei,
    bevoelkerung: StatistikDatei | None,
    befunde: list[Befund],
) -> list[Any]:
    hinweise = []
    if wert.zeichen == UNLESBAR:
        _unlesbar(einbuergerung, wert, befunde)
    if definition == TABELLE:
        if wert.zeichen and wert.zeichen != UNLESBAR:
            hinweise.append(_zeichen_hinweis("Quote", wert))
        quote = wert.wert
        return [kreis, gebiet, jahr, _gerundet(quote), math.nan, math.nan, "; ".join(hinweise)]
    einb = wert.wert
    if wert.zeichen and wert.zeichen != UNLESBAR:
        hinweise.append(_zeichen_hinweis("Einbürgerungen", wert))
    bestand = bestand_werte.get((kreis, jahr - 1))
    if bestand is None or bevoelkerung is None:
        befunde.append(
            fehler(
                "statistik.bevoelkerung_fehlt",
                f"Für {gebiet} ({kreis}) fehlt die ausländische Bevölkerung am 31.12.{jahr - 1}.",
                blatt=bevoelkerung.dateiname if bevoelkerung else "",
                erlaubt="ein Wert oder ein Zeichen der amtlichen Statistik für jedes gewählte Gebiet und Jahr",
            )
        )
        return [kreis, gebiet, jahr, math.nan, einb, math.nan, ""]
    if bestand.zeichen == UNLESBAR:
        _unlesbar(bevoelkerung, bestand, befunde)
    elif bestand.zeichen:
        hinweise.append(_zeichen_hinweis(f"Ausländer am 31.12.{jahr - 1}", bestand))
    auslaender = bestand.wert
    if math.isnan(einb) or math.isnan(auslaender):
        quote = math.nan
    elif auslaender <= 0:
        quote = math.nan
        hinweise.append(f"keine ausländische Bevölkerung am 31.12.{jahr - 1}: Quote nicht berechenbar")
    else:
        quote = einb / auslaender * 100
    return [kreis, gebiet, jahr, _gerundet(quote), einb, auslaender, "; ".join(hinweise)]


def _gerundet(wert: float) -> float:
    return math.nan if math.isnan(wert) else round(wert, STELLEN)


def rangfolge(ergebnis: Ergebnis, jahr: int) -> pd.DataFrame:
    """The areas of one year ranked by quota (highest first; keine Angabe last), with rank 1, 2, …"""
    jahr_zeilen = im_jahr(ergebnis.zeilen, jahr)
    sortiert = jahr_zeilen.sort_values("quote_prozent", ascending=False, na_position="last", kind="stable")
    sortiert = sortiert.reset_index(drop=True)
    sortiert.insert(0, "rang", [i + 1 if not math.isnan(q) else pd.NA for i, q in enumerate(sortiert["quote_prozent"])])
    return sortiert

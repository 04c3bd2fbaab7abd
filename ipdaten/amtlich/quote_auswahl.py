"""What the uploaded statistics files allow, before anything is computed: which file holds the
naturalisations and which the foreign population (in any order), which definitions of the quota
they support and for which years."""

from __future__ import annotations

from ipdaten.amtlich.quote import TABELLE, VORJAHR
from ipdaten.amtlich.statistikwerte import AUSLAENDER, EINBUERGERUNGEN, QUOTE, StatistikDatei, StatistikUngueltig
from ipdaten.arbeitsmappe import Befund, fehler


def ordne_dateien(dateien: list[StatistikDatei]) -> tuple[StatistikDatei, StatistikDatei | None]:
    """Which file holds the naturalisations and which the foreign population (in any order)."""
    befunde: list[Befund] = []
    einbuergerung = [d for d in dateien if d.arten & {EINBUERGERUNGEN, QUOTE}]
    bevoelkerung = [d for d in dateien if AUSLAENDER in d.arten and d not in einbuergerung]
    for datei in dateien:
        if not datei.arten:
            gefunden = "; ".join(datei.merkmale[:4]) + (" …" if len(datei.merkmale) > 4 else "")
            befunde.append(
                fehler(
                    "statistik.datei_ohne_merkmal",
                    f"Die Datei enthält {datei.bezeichnung}. Darin stehen weder Einbürgerungen noch eine "
                    "Einbürgerungsquote noch die ausländische Bevölkerung insgesamt je Kreis.",
                    blatt=datei.dateiname,
                    wert=gefunden,
                    erlaubt="Einbürgerungen je Kreis (Tabellen 12511-…) und, für die eigene Berechnung, die "
                    "Bevölkerung nach Nationalität je Kreis (Tabellen 12411-…, Merkmal „Ausländer“)",
                )
            )
    for gleiche, was in ((einbuergerung, "Einbürgerungen"), (bevoelkerung, "die ausländische Bevölkerung")):
        if len(gleiche) > 1:
            befunde.append(
                fehler(
                    "statistik.datei_mehrdeutig",
                    f"Mehrere Dateien enthalten {was}; es ist unklar, welche gilt.",
                    blatt=", ".join(d.dateiname for d in gleiche),
                    erlaubt="eine Datei mit Einbürgerungen und höchstens eine mit der Bevölkerung",
                )
            )
    if not einbuergerung and not befunde:
        befunde.append(
            fehler(
                "statistik.einbuergerungen_fehlen",
                "Es fehlt die Tabelle mit den Einbürgerungen.",
                blatt=", ".join(d.dateiname for d in dateien),
                erlaubt="eine Tabelle der Einbürgerungsstatistik je Kreis (12511-…) als CSV oder ffcsv",
            )
        )
    if befunde:
        raise StatistikUngueltig(befunde)
    return einbuergerung[0], (bevoelkerung[0] if bevoelkerung else None)


def moegliche_definitionen(einbuergerung: StatistikDatei, bevoelkerung: StatistikDatei | None) -> list[str]:
    """The definitions these files allow, the table's own quota first."""
    moeglich = []
    if QUOTE in einbuergerung.arten:
        moeglich.append(TABELLE)
    if EINBUERGERUNGEN in einbuergerung.arten and bevoelkerung is not None and AUSLAENDER in bevoelkerung.arten:
        moeglich.append(VORJAHR)
    return moeglich


def verfuegbare_jahre(einbuergerung: StatistikDatei, bevoelkerung: StatistikDatei | None, definition: str) -> list[int]:
    """Years for which the definition can be computed from these files."""
    if definition == TABELLE:
        return einbuergerung.jahre(QUOTE)
    if bevoelkerung is None:
        return []
    bestand = set(bevoelkerung.jahre(AUSLAENDER))
    return [j for j in einbuergerung.jahre(EINBUERGERUNGEN) if j - 1 in bestand]

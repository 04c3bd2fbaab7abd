"""The contents of the export tables: header (`Spalte`s) and rows of each, computed from an
Auswertung (or the history); declared as tables in `exporttabellen`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.darstellung import ansicht
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.exportarten import ANTEIL, ANZAHL, DATUM, EURO, JAHR, PP, PROZENT, TEXT, Inhalt, Kopf, Spalte
from ipdaten.zahlen.kennzahlen import FORTSCHRITT, FORTSCHRITT_TITEL, anteil_an
from ipdaten.zahlen.verlauf import GESAMT, felder_im_verlauf


def _zahl(wert: Any) -> float | None:
    return None if pd.isna(wert) else float(wert)


def _ganz(wert: Any) -> int | None:
    return None if pd.isna(wert) else int(wert)


def verteilung_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Verteilung": counts and shares per Handlungsfeld."""
    kopf: Kopf = [
        Spalte("Nr", ANZAHL, 6),
        Spalte("Handlungsfeld", TEXT, 30),
        Spalte("Empfehlungen", ANZAHL, 14),
    ]
    kopf += [Spalte(f"Anzahl {s}", ANZAHL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [Spalte(f"Anteil {s}", ANTEIL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [Spalte("Kennzeichnung", TEXT, 14)]
    betroffen = auswertung.annahmen.felder_betroffen
    zeilen = []
    for _, z in auswertung.verteilung.iterrows():
        zeilen.append(
            [int(z["nr"]), z["name"], int(z["empfehlungen"])]
            + [int(z[s]) for s in STATUS_REIHENFOLGE]
            + [_zahl(z[f"anteil_{s}"]) for s in STATUS_REIHENFOLGE]
            + [_annahme(int(z["nr"]) in betroffen)]
        )
    gesamt = auswertung.gesamt
    zeilen.append(
        [None, "Alle Handlungsfelder", gesamt["empfehlungen"]]
        + [gesamt["status"][s] for s in STATUS_REIHENFOLGE]
        + [_zahl(gesamt["anteil"][s]) for s in STATUS_REIHENFOLGE]
        + [_annahme(auswertung.annahmen.empfehlungszahlen)]
    )
    return kopf, zeilen


def _annahme(ja: object) -> str:
    """The column Kennzeichnung: "Annahme" where the row's figures rest on a marked assumption."""
    return "Annahme" if bool(ja) else ""


def rangfolge_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Einbürgerung": quotas ranked per year."""
    kopf = [
        Spalte("Jahr", JAHR, 8),
        Spalte("Rang", ANZAHL, 8),
        Spalte("Gebiet", TEXT, 28),
        Spalte("Einbürgerungsquote in %", PROZENT, 16, leer_text=fmt.KEINE_ANGABE),
        Spalte("Mittel der Gebiete in %", PROZENT, 16),
        Spalte("Abstand zum Mittel", PP, 16),
        Spalte("Abstand zum Landkreis Böblingen", PP, 18),
        Spalte("Vergleichsgebiet", TEXT, 14),
        Spalte("Kennzeichnung", TEXT, 14),
    ]
    zeilen = [
        [
            int(z["jahr"]),
            _ganz(z["rang"]),
            z["gebiet"],
            _zahl(z["quote_prozent"]),
            _zahl(z["mittel_prozent"]),
            _zahl(z["diff_mittel_pp"]),
            _zahl(z["diff_referenz_pp"]),
            "ja" if z["ist_referenz"] else "",
            _annahme(z["annahme"]),
        ]
        for _, z in auswertung.einbuergerung.iterrows()
    ]
    return kopf, zeilen


def haushalt_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Haushalt": every measure with amount and share of its year."""
    kopf = [
        Spalte("Jahr", JAHR, 8),
        Spalte("Maßnahme", TEXT, 60),
        Spalte("Handlungsfeld Nr", ANZAHL, 10),
        Spalte("Handlungsfeld", TEXT, 28),
        Spalte("Betrag in €", EURO, 16),
        Spalte("Anteil am Jahr", ANTEIL, 12),
        Spalte("Kennzeichnung", TEXT, 22),
    ]
    zeilen = []
    for jahr in auswertung.haushalt_jahre:
        summen = auswertung.haushalt(jahr)
        for _, z in summen.massnahmen.iterrows():
            feld = z["handlungsfeld"]
            zeilen.append(
                [
                    int(z["jahr"]),
                    z["massnahme"],
                    _ganz(feld),
                    z["feldname"],
                    float(z["betrag"]),
                    _zahl(z["anteil"]),
                    "Annahme" if z["annahme"] else ("Annahme (Zuordnung)" if z["annahme_zuordnung"] else ""),
                ]
            )
        zeilen.append(
            [
                jahr,
                "Summe der im Bericht aufgeführten Positionen",
                None,
                "",
                summen.summe_eur,
                1.0 if summen.summe_eur else None,
                _annahme(summen.summe_annahme),
            ]
        )
    return kopf, zeilen


def haushalt_feld_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Haushalt je Feld": amount per Handlungsfeld and year."""
    kopf = [
        Spalte("Jahr", JAHR, 8),
        Spalte("Handlungsfeld Nr", ANZAHL, 10),
        Spalte("Handlungsfeld", TEXT, 30),
        Spalte("Betrag in €", EURO, 16),
        Spalte("Anteil am Jahr", ANTEIL, 12),
        Spalte("Kennzeichnung", TEXT, 14),
    ]
    zeilen = []
    for jahr in auswertung.haushalt_jahre:
        summen = auswertung.haushalt(jahr)
        for _, z in summen.nach_handlungsfeld.iterrows():
            zeilen.append(
                [jahr, int(z["nr"]), z["name"], float(z["betrag"]), _zahl(z["anteil"]), _annahme(z["annahme"])]
            )
        if summen.ohne_handlungsfeld_eur:
            anteil = anteil_an(summen.ohne_handlungsfeld_eur, summen.summe_eur)
            zeilen.append(
                [
                    jahr,
                    None,
                    fmt.OHNE_ZUORDNUNG,
                    summen.ohne_handlungsfeld_eur,
                    anteil,
                    _annahme(summen.ohne_handlungsfeld_annahme),
                ]
            )
    return kopf, zeilen


def verlauf_tabelle(verlauf: VerlaufAuswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Verlauf": per Stand and field the counts and shares."""
    kopf: Kopf = [
        Spalte("Stand", DATUM, 12),
        Spalte("Nr des Stands", ANZAHL, 10),
        Spalte("Bezeichnung", TEXT, 30),
        Spalte("Handlungsfeld", TEXT, 30),
        Spalte("Empfehlungen", ANZAHL, 14),
    ]
    for titel in FORTSCHRITT_TITEL.values():
        kopf += [Spalte(f"Anzahl {titel}", ANZAHL, 14), Spalte(f"Anteil {titel}", ANTEIL, 14)]
    anteile = verlauf.verlauf.anteile
    reihenfolge = {nr: i for i, nr in enumerate(felder_im_verlauf(anteile)["nr"])}
    sortiert = anteile.assign(_f=anteile["nr"].map(reihenfolge)).sort_values(["stand", "_f"])
    zeilen = []
    for _, z in sortiert.iterrows():
        feld = "Alle Handlungsfelder" if z["nr"] == GESAMT else f"{int(z['nr'])} {z['name']}"
        zeile = [z["datum"], _ganz(z["stand_nr"]), z["titel"], feld, int(z["empfehlungen"])]
        for mass in FORTSCHRITT:
            zeile += [int(z[f"{mass}_anzahl"]), _zahl(z[mass])]
        zeilen.append(zeile)
    return kopf, zeilen


def zustaendigkeit_tabelle(auswertung: Auswertung, spalte: str, titel: str) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheets "Zuständig" / "Arbeitsgruppe": status counts per value."""
    kopf: Kopf = [Spalte(titel, TEXT, 30), Spalte("Empfehlungen", ANZAHL, 14)]
    kopf += [Spalte(f"Anzahl {s}", ANZAHL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [Spalte(f"Anteil {t}", ANTEIL, 14) for t in FORTSCHRITT_TITEL.values()]
    verteilung = auswertung.status_nach(spalte)
    zeilen = [
        [z["name"], int(z["empfehlungen"])]
        + [int(z[s]) for s in STATUS_REIHENFOLGE]
        + [_zahl(z[f"anteil_{m}"]) for m in FORTSCHRITT]
        for _, z in verteilung.iterrows()
    ]
    return kopf, zeilen


def ueberfaellig_tabelle(ueberfaellig: pd.DataFrame) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Überfällig"."""
    kopf: Kopf = [
        Spalte("Handlungsfeld", ANZAHL, 12),
        Spalte("Nr", ANZAHL, 6),
        Spalte("Empfehlung", TEXT, 60),
        Spalte("Status", TEXT, 16),
        Spalte("Zuständig", TEXT, 24),
        Spalte("Termin", TEXT, 16),
        Spalte("fällig bis", DATUM, 12),
        Spalte("Tage überfällig", ANZAHL, 14),
    ]
    zeilen = [
        [int(f), int(n), e, s, z, fmt.ungefaehres_datum(d, g), ende, int(t)]
        for f, n, e, s, z, d, g, ende, t in zip(
            ueberfaellig["handlungsfeld"],
            ueberfaellig["nr"],
            ueberfaellig["empfehlung"],
            ueberfaellig["status"],
            ueberfaellig["zustaendig"],
            ueberfaellig["termin"],
            ueberfaellig["termin_genauigkeit"],
            ueberfaellig["termin_ende"],
            ueberfaellig["tage"],
        )
    ]
    return kopf, zeilen


def gefluechtete_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Geflüchtete": the recommendations with Bezug Geflüchtete."""
    kopf: Kopf = [
        Spalte("Handlungsfeld", ANZAHL, 12),
        Spalte("Feldname", TEXT, 28),
        Spalte("Nr", ANZAHL, 6),
        Spalte("Empfehlung", TEXT, 60),
        Spalte("Status", TEXT, 16),
        Spalte("Bemerkung", TEXT, 40),
    ]
    e = auswertung.gefluechtete().empfehlungen
    zeilen = [
        [int(f), name, int(n), t, s, b]
        for f, name, n, t, s, b in zip(
            e["handlungsfeld"], e["feldname"], e["nr"], e["empfehlung"], e["status"], e["bemerkung"]
        )
    ]
    return kopf, zeilen


def plan_ist_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list[Any]]]:
    """Header and rows of the sheet "Plan und Ist": budget lines with an Ist."""
    kopf: Kopf = [
        Spalte("Jahr", JAHR, 8),
        Spalte("Maßnahme", TEXT, 40),
        Spalte("Handlungsfeld", ANZAHL, 12),
        Spalte("Plan", EURO, 16),
        Spalte("Ist", EURO, 16),
        Spalte("Ist − Plan", EURO, 16),
        Spalte("Ist in % des Plans", ANTEIL, 14),
    ]
    m = auswertung.plan_ist(None).massnahmen
    zeilen = [
        [int(j), name, _ganz(f), float(p), float(i), float(d), _zahl(q)]
        for j, name, f, p, i, d, q in zip(
            m["jahr"], m["massnahme"], m["handlungsfeld"], m["plan"], m["ist"], m["differenz"], m["quote"]
        )
    ]
    return kopf, zeilen


def info_tabelle(auswertung: Auswertung, quelle: str) -> Inhalt:
    """Header and rows of the sheet "Info": Bezeichnung, Stand, source, assumptions, created."""
    anlage = auswertung.anlage
    kopf = [Spalte("Angabe", TEXT, 24), Spalte("Wert", TEXT, 90)]
    zeilen: list[list[Any]] = [
        ["Bezeichnung", anlage.titel],
        ["Stand", anlage.stand if anlage.stand else "ohne Datum"],
        ["Stand (Text)", fmt.datum(anlage.stand)],
        ["Datenquelle", quelle],
        ["Annahmen", ansicht.annahmen_satz(auswertung.annahmen) or "keine gekennzeichnet"],
        ["Erstellt", fmt.zeitpunkt(fmt.jetzt())],
    ]
    return kopf, zeilen

"""The computed tables as an Excel workbook: distribution per field, ranking, budget.

Headers are German; numbers are stored as numbers with Excel number formats (German Excel
shows 1.234, 1,54 % and 355.400 €). Text that comes from the uploaded workbook stays text:
a cell starting with `=`, `+`, `-`, `@`, tab or CR is written as a string with the quote
prefix, never as a formula (formula injection); control characters that XML cannot carry
are removed and text is cut at Excel's limit of 32 767 characters.
"""

from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE
from ipdaten.darstellung import ansicht
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_daten import FORMELZEICHEN  # one rule for every export (formula injection)
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.kennzahlen import FORTSCHRITT, FORTSCHRITT_TITEL, anteil_an
from ipdaten.zahlen.verlauf import GESAMT, felder_im_verlauf

MAX_ZELLTEXT = 32_767

FORMAT_ANZAHL = "#,##0"
FORMAT_ANTEIL = "0.0 %"
FORMAT_PROZENT = '0.00" %"'
FORMAT_PP = '+0.00" Pp.";-0.00" Pp.";0.00" Pp."'
FORMAT_EURO = '#,##0.00" €"'
FORMAT_DATUM = "DD.MM.YYYY"

KOPF_FUELLUNG = PatternFill("solid", fgColor="1F4E79")
KOPF_SCHRIFT = Font(bold=True, color="FFFFFF")


def sicherer_text(wert: object) -> str:
    """Workbook text made safe for a cell: illegal control characters removed, cut at
    32 767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(wert))
    return text[:MAX_ZELLTEXT]


def _schreibe(zelle, wert: object, zahlenformat: str | None = None) -> None:
    """One cell: numbers as numbers, everything else as literal text."""
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        zelle.value = None
        return
    if hasattr(wert, "item") and not isinstance(wert, str):
        wert = wert.item()  # numpy scalar
    if isinstance(wert, bool):
        wert = "ja" if wert else "nein"
    if isinstance(wert, (int, float)):
        zelle.value = wert
        if zahlenformat:
            zelle.number_format = zahlenformat
        return
    if isinstance(wert, (dt.date, dt.datetime)):
        zelle.value = wert
        zelle.number_format = FORMAT_DATUM
        return
    text = sicherer_text(wert)
    zelle.value = text
    # openpyxl treats any str starting with "=" as a formula; force a string cell, and the
    # quote prefix keeps Excel from reinterpreting "+1", "-1" or "@SUM(…)" on edit.
    zelle.data_type = "s"
    if text.startswith(FORMELZEICHEN):
        zelle.quotePrefix = True


def _blatt(mappe: Workbook, name: str, kopf: list[tuple[str, str | None, int]], zeilen: list[list]) -> None:
    """A sheet with a styled header (title, number format, width) and data rows."""
    blatt = mappe.create_sheet(name)
    for spalte, (titel, _, breite) in enumerate(kopf, start=1):
        zelle = blatt.cell(row=1, column=spalte)
        _schreibe(zelle, titel)
        zelle.fill = KOPF_FUELLUNG
        zelle.font = KOPF_SCHRIFT
        zelle.alignment = Alignment(wrap_text=True, vertical="top")
        blatt.column_dimensions[get_column_letter(spalte)].width = breite
    for index, zeile in enumerate(zeilen, start=2):
        for spalte, (wert, (_, zahlenformat, _)) in enumerate(zip(zeile, kopf), start=1):
            _schreibe(blatt.cell(row=index, column=spalte), wert, zahlenformat)
    blatt.freeze_panes = "A2"
    if zeilen:
        blatt.auto_filter.ref = f"A1:{get_column_letter(len(kopf))}{len(zeilen) + 1}"


def _zahl(wert) -> float | None:
    return None if pd.isna(wert) else float(wert)


def _ganz(wert) -> int | None:
    return None if pd.isna(wert) else int(wert)


def verteilung_tabelle(auswertung: Auswertung) -> tuple[list[tuple[str, str | None, int]], list[list]]:
    """Header and rows of the sheet "Verteilung": counts and shares per Handlungsfeld."""
    kopf: list[tuple[str, str | None, int]] = [
        ("Nr", FORMAT_ANZAHL, 6),
        ("Handlungsfeld", None, 30),
        ("Empfehlungen", FORMAT_ANZAHL, 14),
    ]
    kopf += [(f"Anzahl {s}", FORMAT_ANZAHL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [(f"Anteil {s}", FORMAT_ANTEIL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [("Kennzeichnung", None, 14)]
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


def rangfolge_tabelle(auswertung: Auswertung) -> tuple[list[tuple[str, str | None, int]], list[list]]:
    """Header and rows of the sheet "Einbürgerung": quotas ranked per year."""
    kopf = [
        ("Jahr", "0", 8),
        ("Rang", FORMAT_ANZAHL, 8),
        ("Gebiet", None, 28),
        ("Einbürgerungsquote in %", FORMAT_PROZENT, 16),
        ("Mittel der Gebiete in %", FORMAT_PROZENT, 16),
        ("Abstand zum Mittel", FORMAT_PP, 16),
        ("Abstand zum Landkreis Böblingen", FORMAT_PP, 18),
        ("Vergleichsgebiet", None, 14),
        ("Kennzeichnung", None, 14),
    ]
    zeilen = [
        [
            int(z["jahr"]),
            _ganz(z["rang"]),
            z["gebiet"],
            fmt.KEINE_ANGABE if pd.isna(z["quote_prozent"]) else float(z["quote_prozent"]),
            _zahl(z["mittel_prozent"]),
            _zahl(z["diff_mittel_pp"]),
            _zahl(z["diff_referenz_pp"]),
            "ja" if z["ist_referenz"] else "",
            _annahme(z["annahme"]),
        ]
        for _, z in auswertung.einbuergerung.iterrows()
    ]
    return kopf, zeilen


def haushalt_tabelle(auswertung: Auswertung) -> tuple[list[tuple[str, str | None, int]], list[list]]:
    """Header and rows of the sheet "Haushalt": every measure with amount and share of its year."""
    kopf = [
        ("Jahr", "0", 8),
        ("Maßnahme", None, 60),
        ("Handlungsfeld Nr", FORMAT_ANZAHL, 10),
        ("Handlungsfeld", None, 28),
        ("Betrag in €", FORMAT_EURO, 16),
        ("Anteil am Jahr", FORMAT_ANTEIL, 12),
        ("Kennzeichnung", None, 22),
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


def haushalt_feld_tabelle(auswertung: Auswertung) -> tuple[list[tuple[str, str | None, int]], list[list]]:
    """Header and rows of the sheet "Haushalt je Feld": amount per Handlungsfeld and year."""
    kopf = [
        ("Jahr", "0", 8),
        ("Handlungsfeld Nr", FORMAT_ANZAHL, 10),
        ("Handlungsfeld", None, 30),
        ("Betrag in €", FORMAT_EURO, 16),
        ("Anteil am Jahr", FORMAT_ANTEIL, 12),
        ("Kennzeichnung", None, 14),
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


Kopf = list[tuple[str, str | None, int]]


def verlauf_tabelle(verlauf: VerlaufAuswertung) -> tuple[Kopf, list[list]]:
    """Header and rows of the sheet "Verlauf": per Stand and field the counts and shares."""
    kopf: Kopf = [
        ("Stand", FORMAT_DATUM, 12),
        ("Nr des Stands", FORMAT_ANZAHL, 10),
        ("Bezeichnung", None, 30),
        ("Handlungsfeld", None, 30),
        ("Empfehlungen", FORMAT_ANZAHL, 14),
    ]
    for titel in FORTSCHRITT_TITEL.values():
        kopf += [(f"Anzahl {titel}", FORMAT_ANZAHL, 14), (f"Anteil {titel}", FORMAT_ANTEIL, 14)]
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


def zustaendigkeit_tabelle(auswertung: Auswertung, spalte: str, titel: str) -> tuple[Kopf, list[list]]:
    """Header and rows of the sheets "Zuständig" / "Arbeitsgruppe": status counts per value."""
    kopf: Kopf = [(titel, None, 30), ("Empfehlungen", FORMAT_ANZAHL, 14)]
    kopf += [(f"Anzahl {s}", FORMAT_ANZAHL, 14) for s in STATUS_REIHENFOLGE]
    kopf += [(f"Anteil {t}", FORMAT_ANTEIL, 14) for t in FORTSCHRITT_TITEL.values()]
    verteilung = auswertung.status_nach(spalte)
    zeilen = [
        [z["name"], int(z["empfehlungen"])]
        + [int(z[s]) for s in STATUS_REIHENFOLGE]
        + [_zahl(z[f"anteil_{m}"]) for m in FORTSCHRITT]
        for _, z in verteilung.iterrows()
    ]
    return kopf, zeilen


def ueberfaellig_tabelle(ueberfaellig: pd.DataFrame) -> tuple[Kopf, list[list]]:
    """Header and rows of the sheet "Überfällig"."""
    kopf: Kopf = [
        ("Handlungsfeld", FORMAT_ANZAHL, 12),
        ("Nr", FORMAT_ANZAHL, 6),
        ("Empfehlung", None, 60),
        ("Status", None, 16),
        ("Zuständig", None, 24),
        ("Termin", None, 16),
        ("fällig bis", FORMAT_DATUM, 12),
        ("Tage überfällig", FORMAT_ANZAHL, 14),
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


def gefluechtete_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list]]:
    """Header and rows of the sheet "Geflüchtete": the recommendations with Bezug Geflüchtete."""
    kopf: Kopf = [
        ("Handlungsfeld", FORMAT_ANZAHL, 12),
        ("Feldname", None, 28),
        ("Nr", FORMAT_ANZAHL, 6),
        ("Empfehlung", None, 60),
        ("Status", None, 16),
        ("Bemerkung", None, 40),
    ]
    e = auswertung.gefluechtete().empfehlungen
    zeilen = [
        [int(f), name, int(n), t, s, b]
        for f, name, n, t, s, b in zip(
            e["handlungsfeld"], e["feldname"], e["nr"], e["empfehlung"], e["status"], e["bemerkung"]
        )
    ]
    return kopf, zeilen


def plan_ist_tabelle(auswertung: Auswertung) -> tuple[Kopf, list[list]]:
    """Header and rows of the sheet "Plan und Ist": budget lines with an Ist."""
    kopf: Kopf = [
        ("Jahr", "0", 8),
        ("Maßnahme", None, 40),
        ("Handlungsfeld", FORMAT_ANZAHL, 12),
        ("Plan", FORMAT_EURO, 16),
        ("Ist", FORMAT_EURO, 16),
        ("Ist − Plan", FORMAT_EURO, 16),
        ("Ist in % des Plans", FORMAT_ANTEIL, 14),
    ]
    m = auswertung.plan_ist(None).massnahmen
    zeilen = [
        [int(j), name, _ganz(f), float(p), float(i), float(d), _zahl(q)]
        for j, name, f, p, i, d, q in zip(
            m["jahr"], m["massnahme"], m["handlungsfeld"], m["plan"], m["ist"], m["differenz"], m["quote"]
        )
    ]
    return kopf, zeilen


def excel_bytes(auswertung: Auswertung, *, quelle: str = "", verlauf: VerlaufAuswertung | None = None) -> bytes:
    """The computed tables of one Stand as an .xlsx file.

    Sheets: Info (Stand, Bezeichnung, Quelle), Verteilung, Einbürgerung, Haushalt,
    Haushalt je Feld, and from the optional columns Zuständig, Arbeitsgruppe, Überfällig,
    Geflüchtete, Plan und Ist; with `verlauf` the sheet Verlauf. A sheet appears only when
    the workbook has its data.
    """
    anlage = auswertung.anlage
    mappe = Workbook()
    mappe.remove(mappe.active)
    _blatt(
        mappe,
        "Info",
        [("Angabe", None, 24), ("Wert", None, 90)],
        [
            ["Bezeichnung", anlage.titel],
            ["Stand", anlage.stand if anlage.stand else "ohne Datum"],
            ["Stand (Text)", fmt.datum(anlage.stand)],
            ["Datenquelle", quelle],
            ["Annahmen", ansicht.annahmen_satz(auswertung.annahmen) or "keine gekennzeichnet"],
            ["Erstellt", fmt.zeitpunkt(fmt.jetzt())],
        ],
    )
    _blatt(mappe, "Verteilung", *verteilung_tabelle(auswertung))
    if len(auswertung.einbuergerung):
        _blatt(mappe, "Einbürgerung", *rangfolge_tabelle(auswertung))
    if len(anlage.haushalt):
        _blatt(mappe, "Haushalt", *haushalt_tabelle(auswertung))
        _blatt(mappe, "Haushalt je Feld", *haushalt_feld_tabelle(auswertung))
    if anlage.hat_spalte("zustaendig"):
        _blatt(mappe, "Zuständig", *zustaendigkeit_tabelle(auswertung, "zustaendig", "Zuständig"))
    if anlage.hat_spalte("arbeitsgruppe"):
        _blatt(mappe, "Arbeitsgruppe", *zustaendigkeit_tabelle(auswertung, "arbeitsgruppe", "Arbeitsgruppe"))
    if anlage.hat_spalte("termin") and anlage.stand is not None:
        _blatt(mappe, "Überfällig", *ueberfaellig_tabelle(auswertung.ueberfaellig(anlage.stand)))
    if fs.hat_bezug(anlage):
        _blatt(mappe, "Geflüchtete", *gefluechtete_tabelle(auswertung))
    if anlage.hat_spalte("ist", "haushalt"):
        _blatt(mappe, "Plan und Ist", *plan_ist_tabelle(auswertung))
    if verlauf is not None:
        _blatt(mappe, "Verlauf", *verlauf_tabelle(verlauf))
    mappe.properties.title = sicherer_text(anlage.titel)
    mappe.properties.language = "de-DE"
    ziel = io.BytesIO()
    mappe.save(ziel)
    return ziel.getvalue()

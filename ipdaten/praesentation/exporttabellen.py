"""Each export table declared once: its name, file name, what it holds, its columns (title, kind,
width) and rows, and when it is present. The Excel export (`export_excel`), the open-data export
(`offene_daten`: one CSV per table and one JSON with all figures) and `kennzahlen --json` are
writers over `TABELLEN`; a new table is one entry here and appears in all of them.

Rows hold plain values: int, float, str, dates, None for an empty cell. A column's `art` says how
a writer shows a number (Excel number format; shares are 0–1, percentages are percentage
points), `leer_text` what Excel writes into an empty cell of the column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ipdaten import format as fmt
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.exportarten import Inhalt
from ipdaten.praesentation.exportinhalte import (
    gefluechtete_tabelle,
    haushalt_feld_tabelle,
    haushalt_tabelle,
    info_tabelle,
    plan_ist_tabelle,
    rangfolge_tabelle,
    ueberfaellig_tabelle,
    verlauf_tabelle,
    verteilung_tabelle,
    zustaendigkeit_tabelle,
)
from ipdaten.zahlen import fortschreibung as fs


@dataclass(frozen=True)
class Exportquelle:
    """What the tables are computed from: one Stand, the line naming its source and, for the
    sheet Verlauf, the history up to it."""

    auswertung: Auswertung
    quelle: str = ""
    verlauf: VerlaufAuswertung | None = None


@dataclass(frozen=True)
class Exporttabelle:
    """One table of every export: `name` (sheet and title), `datei` (file name stem of its CSV),
    what it holds, how it is built and when it is present. `offen` False keeps a table out of
    the open data (the sheet Info: its facts are the description's)."""

    name: str
    datei: str
    beschreibung: str
    erzeuge: Callable[[Exportquelle], Inhalt]
    vorhanden: Callable[[Exportquelle], bool] = lambda q: True
    offen: bool = True


TABELLEN: tuple[Exporttabelle, ...] = (
    Exporttabelle(
        "Info",
        "info",
        "Bezeichnung, Stand, Datenquelle und Annahmen der Auswertung",
        lambda q: info_tabelle(q.auswertung, q.quelle),
        offen=False,
    ),
    Exporttabelle(
        "Verteilung",
        "verteilung",
        "Empfehlungen je Handlungsfeld nach Status: Anzahl und Anteil (0 bis 1), mit der Summe aller Felder",
        lambda q: verteilung_tabelle(q.auswertung),
    ),
    Exporttabelle(
        "Einbürgerung",
        "einbuergerung",
        "Einbürgerungsquote je Gebiet und Jahr mit Rang, Mittel der Gebiete und Abständen",
        lambda q: rangfolge_tabelle(q.auswertung),
        lambda q: len(q.auswertung.einbuergerung) > 0,
    ),
    Exporttabelle(
        "Haushalt",
        "haushalt",
        "Im Haushalt eingeplante Maßnahmen je Jahr mit Betrag und Anteil am Jahr, mit der Summe je Jahr",
        lambda q: haushalt_tabelle(q.auswertung),
        lambda q: len(q.auswertung.anlage.haushalt) > 0,
    ),
    Exporttabelle(
        "Haushalt je Feld",
        "haushalt_je_feld",
        "Haushaltsmittel je Handlungsfeld und Jahr",
        lambda q: haushalt_feld_tabelle(q.auswertung),
        lambda q: len(q.auswertung.anlage.haushalt) > 0,
    ),
    Exporttabelle(
        "Zuständig",
        "zustaendig",
        "Empfehlungen je federführender Stelle nach Status",
        lambda q: zustaendigkeit_tabelle(q.auswertung, "zustaendig", "Zuständig"),
        lambda q: q.auswertung.anlage.hat_spalte("zustaendig"),
    ),
    Exporttabelle(
        "Arbeitsgruppe",
        "arbeitsgruppe",
        "Empfehlungen je Arbeitsgruppe nach Status",
        lambda q: zustaendigkeit_tabelle(q.auswertung, "arbeitsgruppe", "Arbeitsgruppe"),
        lambda q: q.auswertung.anlage.hat_spalte("arbeitsgruppe"),
    ),
    Exporttabelle(
        "Überfällig",
        "ueberfaellig",
        "Empfehlungen, deren Termin am Stand verstrichen ist, ohne dass sie umgesetzt sind",
        lambda q: ueberfaellig_tabelle(q.auswertung.ueberfaellig(q.auswertung.anlage.stand or fmt.jetzt().date())),
        lambda q: q.auswertung.anlage.hat_spalte("termin") and q.auswertung.anlage.stand is not None,
    ),
    Exporttabelle(
        "Geflüchtete",
        "gefluechtete",
        "Empfehlungen mit Bezug zu Geflüchteten",
        lambda q: gefluechtete_tabelle(q.auswertung),
        lambda q: fs.hat_bezug(q.auswertung.anlage),
    ),
    Exporttabelle(
        "Plan und Ist",
        "plan_und_ist",
        "Haushaltsposten mit verausgabtem Betrag (Ist) neben dem Plan",
        lambda q: plan_ist_tabelle(q.auswertung),
        lambda q: q.auswertung.anlage.hat_spalte("ist", "haushalt"),
    ),
    Exporttabelle(
        "Verlauf",
        "verlauf",
        "Je Stand und Handlungsfeld: Empfehlungen, umgesetzte und begonnene (Anzahl und Anteil)",
        lambda q: verlauf_tabelle(q.verlauf) if q.verlauf is not None else ([], []),
        lambda q: q.verlauf is not None,
    ),
)


def tabellen(quelle: Exportquelle, *, nur_offene: bool = False) -> list[tuple[Exporttabelle, Inhalt]]:
    """The tables present for `quelle`, in the order of TABELLEN, each with its header and rows."""
    return [(t, t.erzeuge(quelle)) for t in TABELLEN if (t.offen or not nur_offene) and t.vorhanden(quelle)]

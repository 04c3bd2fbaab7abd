"""The Anlage 1 workbook contract: sheets, columns and the status vocabulary.

Everything that names a sheet, a column or a status lives here, so that the loader, the
template export and the table in docs/arbeitsmappe.md describe the same contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipdaten.arbeitsmappe.spaltentyp import DATUM, EURO, GANZZAHL, JA_NEIN, PROZENT, STATUS, TEXT, ZEITPUNKT, Typ

STATUS_REIHENFOLGE: tuple[str, ...] = (
    "umgesetzt",
    "in Arbeit",
    "in Abstimmung",
    "nicht umgesetzt",
    "ohne Angabe",
)
OHNE_ANGABE = "ohne Angabe"

# THE status synonym table (docs/arbeitsmappe.md lists it): every spelling an office writes for a status,
# folded (lower case, single spaces). A word that is not here is never guessed.
STATUS_SYNONYME: dict[str, tuple[str, ...]] = {
    "umgesetzt": (
        "umgesetzt",
        "gänzlich umgesetzt",
        "vollständig umgesetzt",
        "abgeschlossen",
        "erledigt",
        "erfüllt",
        "realisiert",
    ),
    "in Arbeit": (
        "in arbeit",
        "teilweise umgesetzt",
        "teilw. umgesetzt",
        "zum teil umgesetzt",
        "im umsetzungsprozess",
        "in umsetzung",
        "in bearbeitung",
        "laufend",
        "läuft",
        "begonnen",
        "angestoßen",
    ),
    "in Abstimmung": ("in abstimmung", "wird abgestimmt"),
    "nicht umgesetzt": (
        "nicht umgesetzt",
        "noch nicht umgesetzt",
        "noch nicht begonnen",
        "nicht begonnen",
        "unerfüllt",
    ),
    "ohne Angabe": ("ohne angabe", "keine angabe", "k. a.", "k.a.", ""),
}
STATUS_VARIANTEN: dict[str, str] = {wort: status for status, woerter in STATUS_SYNONYME.items() for wort in woerter}

# Words that name no single status: they stay errors, with the reason shown to the user.
STATUS_MEHRDEUTIG: dict[str, str] = {
    "offen": "„offen“ kann „in Arbeit“, „in Abstimmung“ oder „nicht umgesetzt“ heißen",
    "geplant": "„geplant“ kann „in Abstimmung“ oder „nicht umgesetzt“ heißen",
    "in planung": "„in Planung“ kann „in Abstimmung“ oder „nicht umgesetzt“ heißen",
    "entfällt": "„entfällt“ ist kein Umsetzungsstand (gestrichen oder nicht mehr nötig?)",
    "entfallen": "„entfallen“ ist kein Umsetzungsstand (gestrichen oder nicht mehr nötig?)",
    "rot": "Ampelfarben werden nicht übersetzt; die Bedeutung legt jedes Amt selbst fest",
    "gelb": "Ampelfarben werden nicht übersetzt; die Bedeutung legt jedes Amt selbst fest",
    "orange": "Ampelfarben werden nicht übersetzt; die Bedeutung legt jedes Amt selbst fest",
    "grün": "Ampelfarben werden nicht übersetzt; die Bedeutung legt jedes Amt selbst fest",
    "teilweise": "„teilweise“ allein sagt nicht, ob begonnen oder umgesetzt",
}
PROZENT_STATUS_GRUND = "ein Prozentsatz ist kein Umsetzungsstand (ab wie viel Prozent gilt „umgesetzt“?)"

BEZUG_WERTE: dict[str, bool | None] = {
    "ja": True,
    "j": True,
    "x": True,
    "nein": False,
    "n": False,
    "": None,
}

REFERENZ_GEBIET = "Landkreis Böblingen"


@dataclass(frozen=True)
class Spalte:
    """One column of a sheet: its header in the workbook, its name in the frame, whether it is
    required, what it may hold (`erklaerung`, for people), its type and other headers it is read
    under. A column of type ZEITPUNKT names the frame column of its precision (`genauigkeit`)."""

    titel: str
    feld: str
    pflicht: bool = True
    erklaerung: str = ""
    aliase: tuple[str, ...] = ()
    typ: Typ = TEXT
    genauigkeit: str = ""


@dataclass(frozen=True)
class Blatt:
    """One sheet of the contract."""

    name: str
    pflicht: bool
    spalten: tuple[Spalte, ...]
    erklaerung: str = ""
    aliase: tuple[str, ...] = ()  # other names offices give the sheet
    rahmen: str = ""  # the Anlage's frame of this sheet ("" = none)

    @property
    def pflichtspalten(self) -> tuple[Spalte, ...]:
        """The columns a sheet must have."""
        return tuple(s for s in self.spalten if s.pflicht)

    def spalte(self, feld: str) -> Spalte:
        """The column of frame name `feld` (KeyError for a name the contract does not have)."""
        for spalte in self.spalten:
            if spalte.feld == feld:
                return spalte
        raise KeyError(feld)

    @property
    def rahmen_spalten(self) -> tuple[tuple[str, str | None, object], ...]:
        """(name, dtype, empty value) of each column of the frame: the contract's columns in
        order, each precision column right after its date, and `zeile` (the Excel row) last."""
        spalten: list[tuple[str, str | None, object]] = []
        for s in self.spalten:
            spalten.append((s.feld, s.typ.dtype_fuer(s.pflicht), s.typ.leer))
            if s.genauigkeit:
                spalten.append((s.genauigkeit, None, ""))
        return (*spalten, ("zeile", "int64", None))


HANDLUNGSFELDER = Blatt(
    "Handlungsfelder",
    True,
    (
        Spalte(
            "Nr", "nr", erklaerung="ganze Zahl, eindeutig", aliase=("Nummer", "lfd. Nr", "HF", "HF-Nr"), typ=GANZZAHL
        ),
        Spalte("Handlungsfeld", "name", erklaerung="Name des Handlungsfelds", aliase=("Handlungsfeldname",)),
        Spalte("Leitsatz", "leitsatz", erklaerung="Leitsatz (Text)", aliase=("Leitsätze", "Leitgedanke")),
        Spalte("Seiten", "seiten", False, "Seiten im Integrationsplan (Text, optional)"),
        Spalte("Bericht", "bericht", False, "Passage aus dem Bericht (Text, optional)"),
        Spalte("Quelle", "quelle", False, "Quelle oder Annahme, z. B. zur Anzahl der Empfehlungen (optional)"),
    ),
    "Ein Handlungsfeld je Zeile.",
    ("Übersicht Handlungsfelder", "Handlungsfelder Übersicht", "Übersicht"),
    "handlungsfelder",
)
EMPFEHLUNGEN = Blatt(
    "Empfehlungen",
    True,
    (
        Spalte(
            "Handlungsfeld",
            "handlungsfeld",
            erklaerung="Nr des Handlungsfelds",
            aliase=("HF", "HF-Nr", "Handlungsfeld-Nr", "Nr Handlungsfeld"),
            typ=GANZZAHL,
        ),
        Spalte(
            "Nr",
            "nr",
            erklaerung="ganze Zahl, eindeutig im Handlungsfeld",
            aliase=("lfd. Nr", "laufende Nummer", "Nummer", "Empfehlung Nr", "Nr der Empfehlung"),
            typ=GANZZAHL,
        ),
        Spalte("Ziel", "ziel", False, "Ziel (optional)", aliase=("Ziele", "Zielsetzung", "Teilziel")),
        Spalte(
            "Empfehlung",
            "empfehlung",
            erklaerung="Wortlaut der Empfehlung",
            aliase=("Handlungsempfehlung", "Handlungsempfehlungen", "Empfehlungen", "Maßnahme", "Maßnahmen"),
        ),
        Spalte(
            "Status",
            "status",
            erklaerung=", ".join(STATUS_REIHENFOLGE),
            aliase=("Umsetzungsstand", "Stand der Umsetzung", "Umsetzungsstatus", "Sachstand"),
            typ=STATUS,
        ),
        Spalte(
            "Bemerkung",
            "bemerkung",
            False,
            "Bemerkung (optional)",
            aliase=("Anmerkung", "Kommentar", "Hinweis", "Erläuterung"),
        ),
        Spalte(
            "Bezug Geflüchtete",
            "bezug_gefluechtete",
            False,
            "ja / nein / leer (optional)",
            aliase=("Bezug zu Geflüchteten", "Geflüchtete"),
            typ=JA_NEIN,
        ),
        Spalte("Quelle", "quelle", False, "Quelle oder Annahme (optional)", aliase=("Fundstelle",)),
        Spalte(
            "Zuständig",
            "zustaendig",
            False,
            "federführende Stelle (optional)",
            aliase=("Zuständigkeit", "Federführung", "federführend", "Verantwortlich"),
        ),
        Spalte("Beteiligte", "beteiligte", False, "weitere beteiligte Stellen (optional)", aliase=("Beteiligt",)),
        Spalte("Arbeitsgruppe", "arbeitsgruppe", False, "Arbeitsgruppe der Fortschreibung (optional)"),
        Spalte(
            "Termin",
            "termin",
            False,
            "bis wann: Datum, Monat (2018-06) oder Jahr (optional)",
            aliase=("Frist", "Zieltermin", "Termin (bis)"),
            typ=ZEITPUNKT,
            genauigkeit="termin_genauigkeit",
        ),
        Spalte(
            "Gemeldet am",
            "gemeldet_am",
            False,
            "Datum der letzten Rückmeldung der zuständigen Stelle (optional; schreibt die Rückmelderunde)",
            aliase=("zuletzt gemeldet", "Rückmeldung am"),
            typ=DATUM,
        ),
        Spalte(
            "Gemeldet von",
            "gemeldet_von",
            False,
            "Stelle, die zuletzt gemeldet hat (optional; schreibt die Rückmelderunde)",
            aliase=("Rückmeldung von",),
        ),
    ),
    "Eine Handlungsempfehlung je Zeile.",
    ("Handlungsempfehlungen", "Empfehlungen Übersicht", "Umsetzungsstand", "Maßnahmen"),
    "empfehlungen",
)
EINBUERGERUNG = Blatt(
    "Einbürgerung",
    False,
    (
        Spalte("Gebiet", "gebiet", erklaerung="Stadt- oder Landkreis"),
        Spalte("Jahr", "jahr", erklaerung="ganze Zahl", typ=GANZZAHL),
        Spalte(
            "Quote in %",
            "quote_prozent",
            erklaerung="Prozentpunkte 0–100; leer = keine Angabe",
            aliase=("Quote", "Quote (%)", "Quote in Prozent", "Einbürgerungsquote", "Einbürgerungsquote in %"),
            typ=PROZENT,
        ),
        Spalte("Quelle", "quelle", False, "Herkunft des Werts, z. B. Tabelle und Stand der amtlichen Statistik"),
        Spalte("Definition", "definition", False, "wie die Quote berechnet ist (Text, optional)"),
    ),
    "Einbürgerungsquote je Gebiet und Jahr (optional).",
    ("Einbürgerungen", "Einbürgerungsquote", "Einbürgerungsquoten"),
    "einbuergerung",
)
HAUSHALT = Blatt(
    "Haushalt",
    False,
    (
        Spalte("Maßnahme", "massnahme", erklaerung="Bezeichnung der Maßnahme", aliase=("Bezeichnung", "Projekt")),
        Spalte(
            "Betrag",
            "betrag",
            erklaerung="Euro, nicht negativ",
            aliase=("Kosten", "Mittel", "Ansatz", "Haushaltsansatz"),
            typ=EURO,
        ),
        Spalte("Jahr", "jahr", erklaerung="Haushaltsjahr, ganze Zahl", aliase=("Haushaltsjahr",), typ=GANZZAHL),
        Spalte(
            "Handlungsfeld", "handlungsfeld", False, "Nr des Handlungsfelds (optional)", aliase=("HF",), typ=GANZZAHL
        ),
        Spalte(
            "Ist",
            "ist",
            False,
            "verausgabt in Euro (Einheit wie der Betrag), nicht negativ; leer = noch nicht bekannt (optional)",
            aliase=("Ist (€)", "Ist in €", "Ist in Euro", "Ist €", "Ist (EUR)", "verausgabt"),
            typ=EURO,
        ),
        Spalte("Quelle", "quelle", False, "Quelle oder Annahme, z. B. zur Zuordnung (optional)"),
    ),
    "Im Haushalt eingeplante Maßnahmen (Betrag = Plan) und, wo bekannt, das Ist (optional).",
    ("Haushaltsmittel", "Finanzen", "Kosten"),
    "haushalt",
)
MEILENSTEINE = Blatt(
    "Meilensteine",
    False,
    (
        Spalte(
            "Datum", "datum", erklaerung="Datum, Monat (2017-07) oder Jahr", typ=ZEITPUNKT, genauigkeit="genauigkeit"
        ),
        Spalte("Ereignis", "ereignis", erklaerung="Text"),
    ),
    "Stationen des Prozesses (optional).",
    ("Zeitplan", "Chronik"),
    "meilensteine",
)
INFO = Blatt(
    "Info",
    False,
    (
        Spalte("Feld", "feld", erklaerung="Stand oder Bezeichnung"),
        Spalte("Wert", "wert", erklaerung="Datum der Auswertung bzw. Text"),
    ),
    "Stand (Datum der Auswertung) und Bezeichnung (optional).",
)

# Columns the statistics import writes beside each quota so that every figure can be recomputed
# (amtlich/mappe.py): not read, and not named as unread.
NACHWEIS_SPALTEN: dict[str, tuple[str, ...]] = {
    EINBUERGERUNG.name: ("Kreis", "Einbürgerungen", "Ausländer am 31.12. des Vorjahres", "Hinweis"),
}

BLAETTER: tuple[Blatt, ...] = (
    HANDLUNGSFELDER,
    EMPFEHLUNGEN,
    EINBUERGERUNG,
    HAUSHALT,
    MEILENSTEINE,
    INFO,
)

# A row labelled with one of these words (as its first word) is a total, whatever its amount.
SUMMENZEILEN = ("summe", "gesamt", "gesamtsumme", "insgesamt", "total", "zwischensumme", "teilsumme", "ergebnis")
# A word starting like this ("Gesamtkosten …", "Summe HF 1") marks a total when its amount is a sum.
SUMMEN_WORTANFAENGE = ("summe", "gesamt", "insgesamt", "total", "zwischensumme", "teilsumme", "ergebnis")
# Sub-rows of a measure ("davon Personalkosten"): part of the line above, never a measure of their own.
DAVON_WOERTER = ("davon", "darunter", "dav.", "hiervon")

# Bounds for what a server accepts before it parses anything.
MAX_DATEI_BYTES = 20 * 1024 * 1024
MAX_ENTPACKT_BYTES = 64 * 1024 * 1024
MAX_KOMPRESSIONSRATE = 200
MAX_BLAETTER = 250  # sheets per workbook (a real Anlage 1 has a dozen, with old hidden ones)
MAX_EMPFEHLUNGEN = 20_000

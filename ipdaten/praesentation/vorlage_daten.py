"""The committee report (Sitzungsvorlage) as data: what the user decides about the meeting
(`Sitzungsangaben`), what the Rückmelderunde contributes (`Rueckmeldestand`), and every
paragraph and table of the document (`Sitzungsvorlage` and its parts), as German text.

Text that the Integrationsbeauftragte must write herself, and every assumption or placeholder
of the data, is a `Markierung` (rendered highlighted in brackets), never invented prose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ipdaten.praesentation.folien_daten import Diagramm

STANDARD_GREMIUM = "Sozial- und Gesundheitsausschuss"
KENNTNISNAHME = "zur Kenntnisnahme"
BESCHLUSSFASSUNG = "zur Beschlussfassung"
OEFFENTLICH = "öffentlich"
NICHTOEFFENTLICH = "nichtöffentlich"


@dataclass(frozen=True)
class Sitzungsangaben:
    """What she decides about the meeting (part I of the Vorlage).

    `sitzungsdatum` None: the next committee date of the Meilensteine; `beschlussvorschlag`
    empty with `beschluss`: a marked placeholder for it."""

    gremium: str = STANDARD_GREMIUM
    sitzungsdatum: dt.date | None = None
    beschluss: bool = False
    beschlussvorschlag: str = ""
    oeffentlich: bool = True

    @property
    def beratung(self) -> str:
        """„zur Kenntnisnahme“ or „zur Beschlussfassung“."""
        return BESCHLUSSFASSUNG if self.beschluss or self.beschlussvorschlag.strip() else KENNTNISNAHME

    @property
    def oeffentlichkeit(self) -> str:
        """„öffentlich“ or „nichtöffentlich“."""
        return OEFFENTLICH if self.oeffentlich else NICHTOEFFENTLICH


@dataclass(frozen=True)
class Rueckmeldestand:
    """How far the current Rückmelderunde has come (vorlage_fortschreibung.rueckmeldestand from
    the round's overview, issue 21): how many bodies were asked and have answered, the reply
    date, the last answer, the bodies still open, and the recommendations their answers cover."""

    titel: str
    stellen: int
    geantwortet: int
    antwort: str  # „2 von 5 Stellen haben geantwortet“ (darstellung.ansicht_rueckmeldung.geantwortet)
    frist: dt.date | None = None
    zuletzt: dt.date | None = None
    offen: tuple[str, ...] = ()
    empfehlungen: int = 0
    gemeldet: int = 0
    frist_abgelaufen: bool = False


@dataclass(frozen=True)
class Markierung:
    """A marked text: a placeholder to fill in or an assumption of the data. The document
    shows it highlighted and in square brackets, as the screen marks "Annahme"/"Platzhalter"."""

    text: str


@dataclass(frozen=True)
class Bewertung:
    """The place for her qualitative assessment of one field: a marked label and, where the
    field had a report passage, that passage taken over for her to edit."""

    hinweis: Markierung
    text: str = ""


@dataclass(frozen=True)
class Feldabsatz:
    """One Handlungsfeld in "1. Bilanz": figures, change, assumption note and assessment."""

    nr: int
    name: str
    leitsatz: str
    text: str
    bewertung: Bewertung
    fortschritt: str = ""
    hinweis: Markierung | None = None


@dataclass(frozen=True)
class Zeile:
    """One table row as German text cells."""

    zellen: tuple[str, ...]
    kennzeichnung: str = ""


@dataclass(frozen=True)
class Haushaltsjahr:
    """The measures of one budget year: rows (Maßnahme, Plan, Ist) and the sums; `mit_ist`
    when any line of the year has an Ist, then `ist_text` explains the Ist sum."""

    jahr: int
    text: str
    zeilen: tuple[Zeile, ...]
    summe: str
    mit_ist: bool = False
    summe_ist: str = ""
    ist_text: str = ""


@dataclass(frozen=True)
class Entwicklung:
    """Since the previous report: the change overall and per field (rows: Handlungsfeld,
    umgesetzt then, umgesetzt now, change in Pp.; `gesamt` the same over all fields) and the
    Verlauf chart."""

    vorher_stand: str
    stand: str
    text: str
    zeilen: tuple[Zeile, ...]
    gesamt: Zeile
    diagramm: Diagramm | None
    diagramm_titel: str


@dataclass(frozen=True)
class Nachhalten:
    """Recommendations overdue or unchanged for a long time, per Zuständig (rows: Zuständig,
    Nr, Empfehlung, Status, Termin, Hinweis)."""

    text: str
    zeilen: tuple[Zeile, ...]


@dataclass(frozen=True)
class Fluechtlingsperspektive:
    """Section 3: her text (placeholder), the recommendations with Bezug Geflüchtete and their
    distribution per field as the page Geflüchtete shows it (rows: Handlungsfeld, Empfehlungen,
    one cell per status of STATUS_REIHENFOLGE, empty for a status in `status` that does not
    occur; `status` the statuses that occur, the table's columns)."""

    platzhalter: Markierung
    text: str
    zeilen: tuple[Zeile, ...]
    status: tuple[str, ...]
    diagramm: Diagramm | None
    ohne_text: str = ""


@dataclass(frozen=True)
class Perspektive:
    """Section 4: results until the next report, what falls due by then, the Rückmelderunde."""

    bis: str
    text: str
    faellig_text: str
    faellig: tuple[Zeile, ...]
    rueckmeldung: str
    platzhalter: Markierung


@dataclass(frozen=True)
class Sitzungsvorlage:
    """Everything the Word document says, as German text, in document order."""

    titel: str
    stand: str
    gremium: str
    sitzungsdatum: str | Markierung
    sitzungsdatum_herkunft: str
    beratung: str
    oeffentlichkeit: str
    beschlussvorschlag: str | Markierung | None
    hinweise: tuple[Markierung, ...]
    einleitung: Markierung
    bilanz_einleitung: str
    gesamt: str
    felder: tuple[Feldabsatz, ...]
    diagramm_status: Diagramm | None
    entwicklung: Entwicklung | None
    nachhalten: Nachhalten | None
    einbuergerung_text: str
    einbuergerung_zeilen: tuple[Zeile, ...]
    einbuergerung_hinweise: tuple[Markierung, ...]
    diagramm_einbuergerung: Diagramm | None
    vorgehen_text: str
    vorgehen: tuple[Zeile, ...]
    vorgehen_platzhalter: Markierung
    fluechtlinge: Fluechtlingsperspektive
    perspektive: Perspektive
    finanzen_text: str
    haushalt: tuple[Haushaltsjahr, ...]
    finanzen_platzhalter: Markierung | None
    anlage1: tuple[Zeile, ...]
    anlage1_text: str
    anlage1_zustaendig: bool = False
    anlage1_termin: bool = False
    vorher_stand: str = ""

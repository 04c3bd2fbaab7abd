"""The presentation as data: slides (`Folie`), their charts (`Diagramm` of `Reihe`s), big
figures and list lines. One object per slide, drawn by the screen (folien_figuren) and the
PowerPoint (export_pptx) alike; every text in it is German and already formatted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Excel/PowerPoint number formats (stored in en-US notation, shown in the viewer's Office
# locale: German Office shows 1.234 and 1,54 %). The third section hides zero labels.
FORMAT_ANZAHL = "#,##0;-#,##0;"
FORMAT_ANTEIL = "0 %"
FORMAT_PROZENT = '0.00" %"'
FORMAT_EURO = '#,##0" €"'


@dataclass(frozen=True, eq=False)
class Reihe:
    """One chart series: name, one value per category (None = no value), colours."""

    name: str
    werte: tuple[float | None, ...]
    farbe: str
    punktfarben: tuple[str, ...] = ()
    # Label texts instead of the formatted values ("35 % (+5,0 Pp.)"); None = no labels.
    beschriftungen: tuple[str, ...] | None = ()
    # Each value written out where a label has room (on screen): with its share and the
    # assumption mark ("60 (33 %) *", "90.000 € (25,3 %)"), or what stands for a missing value
    # ("keine Angabe"). The PowerPoint's labels stay short: the value in `zahlenformat`.
    texte: tuple[str, ...] = ()
    # What pointing at a value tells (lines separated by "\n"); () = its label.
    hinweise: tuple[str, ...] = ()
    # Points drawn hatched: the reference area, an amount assigned by assumption.
    schraffiert: tuple[bool, ...] = ()


@dataclass(frozen=True, eq=False)
class Diagramm:
    """A slide's chart as data.

    art: "gestapelt_100" (stacked to 100 %), "balken" (one bar per category) or "gruppiert"
    (bars of several series side by side). Categories are listed top to bottom.
    """

    art: str
    kategorien: tuple[str, ...]
    reihen: tuple[Reihe, ...]
    zahlenformat: str
    achsenformat: str
    achsentitel: str
    alt: str
    legende: bool = False
    fussnote: str = ""  # explains MARKE when a category rests on an assumption
    # The category labels where a chart writes the mark or "keine Angabe" at the bar
    # (`Reihe.texte`) rather than at the category; () = `kategorien`.
    achse: tuple[str, ...] = ()
    # The value axis from, to (in the unit of the values) with room for the long labels.
    bereich: tuple[float, float] | None = None
    # A dashed line across the bars at a value, with its label: (1.34, "Mittel: 1,34 %").
    linie: tuple[float, str] | None = None
    # What the point colours mean, as legend entries: (("Landkreis Böblingen", "#1F4E79"), …).
    farbschluessel: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, eq=False)
class Kennzahl:
    """A big figure on a slide: value as German text and what it counts."""

    wert: str
    bezeichnung: str


@dataclass(frozen=True, eq=False)
class Punkt:
    """One line of a slide's list; `status` colours its marker, `vorne` is a leading label
    (a date or a status), `erledigt` marks a past milestone."""

    text: str
    vorne: str = ""
    status: str | None = None
    erledigt: bool | None = None


@dataclass(frozen=True, eq=False)
class Folie:
    """One slide. `art` names the kind: titel, bilanz, status, feld, einbuergerung, haushalt,
    fortschritt, meilensteine, gefluechtete, zustaendigkeit, plan_ist, verlauf, rueckmeldungen."""

    art: str
    titel: str
    untertitel: str = ""
    kernaussage: str = ""
    kennzahlen: tuple[Kennzahl, ...] = ()
    punkte: tuple[Punkt, ...] = ()
    liste_titel: str = ""
    weitere: int = 0
    diagramm: Diagramm | None = None
    feld_nr: int | None = None
    jahr: int | None = None


@dataclass(frozen=True, eq=False)
class Praesentation:
    """All slides of one Stand and the line every slide carries."""

    titel: str
    stand: dt.date | None
    stand_text: str
    folien: tuple[Folie, ...] = field(default_factory=tuple)
    vorher_stand: dt.date | None = None

    def __len__(self) -> int:
        return len(self.folien)

"""Findings about a workbook: errors that reject it and warnings that accompany it.

Every finding carries a stable **code** besides its German wording: `bereich.was` in lower-case
ASCII with dots, e.g. `status.unbekannt`, `kopf.pflichtspalte_fehlt`, `datei.kennwort`. Grouping
(`gruppiert`), tests and anything that must recognise a finding key on the code; the wording may
be improved at any time, the code of an existing finding never changes.

Adding a finding: pick a code that names the area (the sheet or concept, e.g. `haushalt`,
`empfehlung`, `datei`, `statistik`) and the cause, and pass it first:

    befunde.fehler("haushalt.betrag_negativ", "Der Betrag ist negativ.", blatt=..., zeile=...)
    tabelle.warnung("haushalt.tausend_euro", nummer, "betrag", "Die Beträge stehen in T€ …")

A code that is not of this form is a programming error (ValueError when the finding is made);
`tests/test_befund_codes.py` checks every code written in the package.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypedDict, Unpack

import pandas as pd

from ipdaten.fehler import IpdatenFehler
from ipdaten.format import kuerzen

Schwere = Literal["Fehler", "Warnung"]
CODE_MUSTER = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")


class Ort(TypedDict, total=False):
    """Where a finding is: the keyword arguments of `fehler` and `warnung`."""

    blatt: str
    zeile: int | None
    spalte: str
    wert: str
    erlaubt: str
    zeilen: tuple[int, ...]
    ursache: str


# The causes a finding is grouped by (the receipt of an upload shows one group each). A finding
# without its own cause is grouped by the sheet it is about (`ursache_des_blatts`).
EINBUERGERUNG = "Einbürgerung"
STAND = "Stand"
EMPFEHLUNGEN = "Empfehlungen"
HAUSHALT = "Haushalt"
MEILENSTEINE = "Meilensteine"
UNGELESEN = "Nicht gelesen"
ZAHLEN = "Zahlen"
ARBEITSMAPPE = "Arbeitsmappe"
URSACHEN = (EMPFEHLUNGEN, EINBUERGERUNG, HAUSHALT, STAND, MEILENSTEINE, ZAHLEN, UNGELESEN, ARBEITSMAPPE)
_URSACHE_DES_BLATTS = {
    "Handlungsfelder": EMPFEHLUNGEN,
    "Empfehlungen": EMPFEHLUNGEN,
    "Einbürgerung": EINBUERGERUNG,
    "Haushalt": HAUSHALT,
    "Meilensteine": MEILENSTEINE,
    "Info": STAND,
}


def ursache_des_blatts(vertragsblatt: str) -> str:
    """The cause of a finding about a sheet of the contract (by its contract name)."""
    return _URSACHE_DES_BLATTS.get(vertragsblatt, ARBEITSMAPPE)


@dataclass(frozen=True)
class Befund:
    """One finding, located as precisely as the workbook allows; `code` says which finding it is."""

    code: str
    schwere: Schwere
    meldung: str
    blatt: str = ""
    zeile: int | None = None
    spalte: str = ""
    wert: str = ""
    erlaubt: str = ""
    zeilen: tuple[int, ...] = ()  # every row of a finding that stands for several rows (one cause)
    ursache: str = ""  # one of URSACHEN; "" = by the sheet it is about

    def __post_init__(self) -> None:
        if not CODE_MUSTER.fullmatch(self.code):
            raise ValueError(f"Befund-Code {self.code!r} hat nicht die Form bereich.was (siehe befunde.py)")

    @property
    def zeilen_text(self) -> str:
        """The rows as a German text: 'Zeile 4', 'Zeilen 3–20, 23–43', or ''."""
        if len(self.zeilen) > 1:
            return "Zeilen " + zeilenbereiche(self.zeilen)
        return f"Zeile {self.zeile}" if self.zeile is not None else ""

    def als_text(self) -> str:
        """The finding as one German line, e.g. for the command line."""
        ort = []
        if self.blatt:
            ort.append(f"Blatt „{self.blatt}“")
        if self.zeilen_text:
            ort.append(self.zeilen_text)
        if self.spalte:
            ort.append(f"Spalte „{self.spalte}“")
        teile = [", ".join(ort) + ":" if ort else "", self.meldung]
        if self.wert:
            teile.append(f"Gefunden: {self.wert}." if self.wert.startswith("„") else f"Gefunden: „{self.wert}“.")
        if self.erlaubt:
            teile.append(f"Erlaubt: {self.erlaubt}.")
        return " ".join(t for t in teile if t)


def fehler(code: str, meldung: str, **ort: Unpack[Ort]) -> Befund:
    """An error with its code: the workbook is rejected."""
    return Befund(code, "Fehler", meldung, **ort)


def warnung(code: str, meldung: str, **ort: Unpack[Ort]) -> Befund:
    """A warning with its code: the workbook is accepted, the user should know."""
    return Befund(code, "Warnung", meldung, **ort)


def nur_fehler(befunde: Iterable[Befund]) -> list[Befund]:
    """Only the errors among `befunde` (while there is one, the figures must not be shown)."""
    return [b for b in befunde if b.schwere == "Fehler"]


def nur_warnungen(befunde: Iterable[Befund]) -> list[Befund]:
    """Only the warnings among `befunde`."""
    return [b for b in befunde if b.schwere == "Warnung"]


class NachSchwere:
    """`fehler` and `warnungen` for a result that holds its findings in `befunde`."""

    befunde: Sequence[Befund]

    @property
    def fehler(self) -> list[Befund]:
        """Only the errors."""
        return nur_fehler(self.befunde)

    @property
    def warnungen(self) -> list[Befund]:
        """Only the warnings."""
        return nur_warnungen(self.befunde)


def zeilenbereiche(nummern: Iterable[int]) -> str:
    """Row numbers as ranges: [3, 4, 5, 9] → '3–5, 9'."""
    bereiche: list[list[int]] = []
    for n in sorted(set(nummern)):
        if bereiche and n == bereiche[-1][1] + 1:
            bereiche[-1][1] = n
        else:
            bereiche.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in bereiche)


def zeilen_wort(nummern: Iterable[int]) -> str:
    """'Zeile 4' or 'Zeilen 3–5, 9'."""
    nummern = sorted(set(nummern))
    return ("Zeile " if len(nummern) == 1 else "Zeilen ") + zeilenbereiche(nummern)


def gruppiert(befunde: list[Befund]) -> list[Befund]:
    """One finding per cause: findings of one code that differ only in their row become one with
    all rows (the wording is part of the key too, as it may name a row's own values).

    When the rows hold different values, the value lists each with its rows
    („offen“ in Zeilen 3–5; „geplant“ in Zeile 9).
    """
    gruppen: dict[tuple[Any, ...], list[Befund]] = defaultdict(list)
    for befund in befunde:
        gruppen[(befund.code, befund.schwere, befund.blatt, befund.spalte, befund.meldung, befund.erlaubt)].append(
            befund
        )
    ergebnis = []
    for gruppe in gruppen.values():
        if len(gruppe) == 1 or any(b.zeile is None for b in gruppe):
            ergebnis.extend(gruppe)
            continue
        nach_wert: dict[str, list[int]] = defaultdict(list)
        for befund in gruppe:
            nach_wert[befund.wert].extend(befund.zeilen or ((befund.zeile,) if befund.zeile is not None else ()))
        if len(nach_wert) == 1:
            wert = next(iter(nach_wert))
        else:
            wert = "; ".join(
                f"„{w}“ in {'Zeilen' if len(z) > 1 else 'Zeile'} {zeilenbereiche(z)}" for w, z in nach_wert.items()
            )
        zeilen = tuple(sorted({z for b in gruppe for z in (b.zeilen or (b.zeile,)) if z is not None}))
        ergebnis.append(replace(gruppe[0], zeile=zeilen[0], zeilen=zeilen, wert=wert))
    return ergebnis


def zeilenliste(nummern: list[int], hoechstens: int = 8) -> str:
    """Excel row numbers as a short list for a finding: '3, 5, 9 und 4 weitere'."""
    text = ", ".join(str(n) for n in nummern[:hoechstens])
    return text + (f" und {len(nummern) - hoechstens} weitere" if len(nummern) > hoechstens else "")


def wert_text(wert: object, laenge: int = 80) -> str:
    """A cell value as a short text for a finding."""
    from ipdaten.arbeitsmappe.texte import zelle_als_text

    if wert is None:
        return "(leer)"
    text = zelle_als_text(wert)
    if text.strip() == "" or text == "nan":
        return "(leer)"
    return kuerzen(text, laenge)


@dataclass
class Befundliste:
    """Collects findings while a workbook is read, so all of them are reported at once, and the
    tables read (`tabellen`, `tabellen.Tabelle`), for what the reading record says besides them."""

    eintraege: list[Befund] = field(default_factory=list)
    tabellen: list[Any] = field(default_factory=list)

    def fehler(self, code: str, meldung: str, **ort: Unpack[Ort]) -> None:
        """Record an error with its code."""
        self.eintraege.append(fehler(code, meldung, **ort))

    def warnung(self, code: str, meldung: str, **ort: Unpack[Ort]) -> None:
        """Record a warning with its code."""
        self.eintraege.append(warnung(code, meldung, **ort))

    @property
    def fehlerliste(self) -> list[Befund]:
        """Only the errors."""
        return nur_fehler(self.eintraege)

    @property
    def warnungen(self) -> list[Befund]:
        """Only the warnings."""
        return nur_warnungen(self.eintraege)


class AnlageUngueltig(NachSchwere, IpdatenFehler):
    """The workbook was rejected; `befunde` says why (all findings, errors first).

    `erkennung` (a `zuordnung_erkennung.Erkennung`, None when the file was not even read as a workbook)
    says which sheets, columns and status words were recognised, for a proposed mapping.
    """

    def __init__(self, befunde: list[Befund], erkennung: object = None):
        self.befunde = sorted(befunde, key=lambda b: b.schwere != "Fehler")
        self.erkennung = erkennung
        super().__init__("\n".join(b.als_text() for b in self.befunde))


def befunde_tabelle(befunde: list[Befund]) -> pd.DataFrame:
    """Findings as a table with German headers, for display and download."""
    return pd.DataFrame(
        {
            "Art": [b.schwere for b in befunde],
            "Blatt": [b.blatt for b in befunde],
            "Zeile": [b.zeilen_text.split(" ", 1)[1] if b.zeilen_text else "" for b in befunde],
            "Spalte": [b.spalte for b in befunde],
            "Gefundener Wert": [b.wert for b in befunde],
            "Meldung": [b.meldung for b in befunde],
            "Erlaubt": [b.erlaubt for b in befunde],
        }
    )

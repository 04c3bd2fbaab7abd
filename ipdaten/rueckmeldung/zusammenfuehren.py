"""The answers of a round merged into her workbook: what changes, which conflicts are still
open, and – once every conflict is decided – the revised workbook with only the changed cells
written (status, Bemerkung, Termin, Gemeldet am, Gemeldet von).

A recommendation counts as reported by every usable form that lists it, also when nothing was
changed („Gemeldet am“ is the date the sender wrote, else the day the form came in). A blank
field changes nothing. Where forms disagree, her decision names the form that counts
(`Entscheidungen`: recommendation → the form's SHA-256, or KEINE_AENDERUNG).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage, Befund, Zuordnung
from ipdaten.arbeitsmappe.befunde import warnung
from ipdaten.arbeitsmappe.plausibel import pruefe_plausibilitaet
from ipdaten.rueckmeldung.bogen_aufbau import nr_text
from ipdaten.rueckmeldung.eingang import INHALTE, Konflikt
from ipdaten.rueckmeldung.fortschreiben import Fortschreibung, aktueller_wert, ist_gleich, schreibe_werte
from ipdaten.rueckmeldung.meldung import Meldung, Rueckmeldung, Termin
from ipdaten.rueckmeldung.runde import Schluessel
from ipdaten.rueckmeldung.stand_setzen import mit_stand

KEINE_AENDERUNG = ""  # a decision: the recommendation keeps its values
FELD_TITEL = {"status": "Status", "bemerkung": "Bemerkung", "termin": "Termin"}

Entscheidungen = Mapping[Schluessel, str]


@dataclass(frozen=True)
class Aenderung:
    """One value that changes, as German text for the preview."""

    schluessel: Schluessel
    feld: str  # 'status', 'bemerkung' or 'termin'
    alt: str
    neu: str
    stelle: str  # who reported it

    @property
    def nr(self) -> str:
        """'1.3'."""
        return nr_text(self.schluessel)


@dataclass(frozen=True)
class Zusammenfuehrung:
    """The merge: changes, open conflicts and (when none is open) the revised workbook."""

    aenderungen: tuple[Aenderung, ...]
    gemeldet: Mapping[Schluessel, tuple[dt.date, str]]  # recommendation → (Gemeldet am, Gemeldet von)
    offene_konflikte: tuple[Konflikt, ...]
    fortschreibung: Fortschreibung | None = field(default=None, repr=False)
    hinweise: tuple[Befund, ...] = ()  # what was not taken as written, and the plausibility check (issue 22)

    @property
    def fertig(self) -> bool:
        """True when the revised workbook exists (every conflict decided)."""
        return self.fortschreibung is not None


def eingangsdatum(r: Rueckmeldung, eingegangen: Mapping[str, dt.date], heute: dt.date) -> dt.date:
    """The date a form counts as reported: the sender's date, else the day it came in, else today;
    never later than today (a typing slip like 2071 would make it fresh for decades)."""
    return min(r.datum or eingegangen.get(r.sha256) or heute, heute)


def _text(feld: str, wert: object) -> str:
    if wert is None or wert == "":
        return "–"
    if isinstance(wert, Termin):
        return wert.text
    return str(wert)


def _antworten(rueckmeldungen: Iterable[Rueckmeldung]) -> dict[Schluessel, list[tuple[Rueckmeldung, Meldung]]]:
    je: dict[Schluessel, list[tuple[Rueckmeldung, Meldung]]] = {}
    for r in rueckmeldungen:
        for m in r.meldungen:
            je.setdefault(m.schluessel, []).append((r, m))
    return je


def _gilt(
    schluessel: Schluessel,
    antworten: list[tuple[Rueckmeldung, Meldung]],
    konflikt: Konflikt | None,
    entscheidungen: Entscheidungen,
) -> tuple[dict[str, tuple[object, Rueckmeldung]], Rueckmeldung | None] | None:
    """The values that count for one recommendation (field → value and the form it comes from)
    and the form her decision chose; None while its conflict is open."""
    if konflikt is None:
        return {f: (getattr(m, f), r) for r, m in antworten for f in INHALTE if getattr(m, f) is not None}, None
    wahl = entscheidungen.get(schluessel)
    if wahl == KEINE_AENDERUNG:
        return {}, None
    gewaehlt = next(((r, m) for r, m in antworten if r.sha256 == wahl), None)
    if gewaehlt is None:
        return None
    r, m = gewaehlt
    return {f: (getattr(m, f), r) for f in INHALTE if getattr(m, f) is not None}, r


def zusammenfuehren(
    rueckmeldungen: Iterable[Rueckmeldung],
    konflikte: Iterable[Konflikt],
    daten: bytes,
    anlage: Anlage,
    *,
    entscheidungen: Entscheidungen | None = None,
    heute: dt.date | None = None,
    eingegangen: Mapping[str, dt.date] | None = None,
    zuordnung: Zuordnung | None = None,
    titel: str | None = None,
) -> Zusammenfuehrung:
    """Merge the answers into the workbook `daten` (loaded as `anlage` with `zuordnung`).

    `eingegangen` gives the day each form (by SHA-256) came in. The revised workbook is written
    only when every conflict is decided, dated `heute` and – with `titel`, the round's title –
    named after the round in its sheet Info (stand_setzen.mit_stand), so page and command line
    give the same workbook; raises FortschreibungFehler when it cannot be written.
    """
    entscheidungen = entscheidungen or {}
    heute = heute or fmt.jetzt().date()
    eingegangen = eingegangen or {}
    rueckmeldungen = list(rueckmeldungen)
    konflikt_von = {k.schluessel: k for k in konflikte}
    aktuell = anlage.empfehlungen.set_index(["handlungsfeld", "nr"], drop=False)
    offen, aenderungen, gemeldet, entfallen = [], [], {}, []
    werte: dict[Schluessel, dict[str, object]] = {}
    for schluessel, antworten in sorted(_antworten(rueckmeldungen).items()):
        if schluessel not in aktuell.index:
            entfallen.append(schluessel)  # a newer Stand than the round's no longer has it
            continue
        gilt = _gilt(schluessel, antworten, konflikt_von.get(schluessel), entscheidungen)
        if gilt is None:
            offen.append(konflikt_von[schluessel])
            continue
        neu, gewaehlt = gilt
        zeile = cast(pd.Series, aktuell.loc[schluessel])
        for feld, (wert, quelle) in neu.items():
            alt = aktueller_wert(zeile, feld)
            if not ist_gleich(feld, alt, wert):
                aenderungen.append(
                    Aenderung(schluessel, feld, _text(feld, alt), _text(feld, wert), quelle.gemeldet_von)
                )
        letzte = gewaehlt or max(
            (r for r, _ in antworten), key=lambda r: (eingangsdatum(r, eingegangen, heute), r.sha256)
        )
        gemeldet[schluessel] = (eingangsdatum(letzte, eingegangen, heute), letzte.gemeldet_von)
        werte[schluessel] = {
            **{feld: wert for feld, (wert, _) in neu.items()},
            "gemeldet_am": gemeldet[schluessel][0],
            "gemeldet_von": gemeldet[schluessel][1],
        }
    hinweise = _hinweise(rueckmeldungen, entfallen, heute)
    if offen:
        return Zusammenfuehrung(tuple(aenderungen), gemeldet, tuple(offen), hinweise=hinweise)
    fortschreibung = mit_stand(schreibe_werte(daten, werte, zuordnung, anlage), heute, titel, zuordnung)
    plausibel = pruefe_plausibilitaet(fortschreibung.anlage).befunde
    return Zusammenfuehrung(
        tuple(aenderungen), gemeldet, (), fortschreibung, (*hinweise, *fortschreibung.hinweise, *plausibel)
    )


def _hinweise(rueckmeldungen: list[Rueckmeldung], entfallen: list[Schluessel], heute: dt.date) -> tuple[Befund, ...]:
    """What the merge did not take as written: answers on recommendations the workbook no longer
    has, and a sender's date in the future (then today counts)."""
    hinweise = []
    if entfallen:
        hinweise.append(
            warnung(
                "zusammenfuehren.empfehlung_entfallen",
                "Zu diesen Empfehlungen gibt es Rückmeldungen, aber die Arbeitsmappe enthält sie nicht mehr; "
                "die Rückmeldungen wurden nicht übernommen: " + ", ".join(nr_text(s) for s in entfallen) + ".",
            )
        )
    for r in rueckmeldungen:
        if r.datum is not None and r.datum > heute:
            hinweise.append(
                warnung(
                    "zusammenfuehren.datum_zukunft",
                    f"Im Bogen „{r.dateiname}“ ({r.stelle_name}) steht ein Datum in der Zukunft; als „Gemeldet am“ "
                    f"gilt der {fmt.datum(heute)}.",
                    wert=fmt.datum(r.datum),
                )
            )
    return tuple(hinweise)


def aenderungen_tabelle(aenderungen: Iterable[Aenderung]) -> pd.DataFrame:
    """The changes as a German table (Nr, Feld, bisher, neu, gemeldet von)."""
    liste = list(aenderungen)
    return pd.DataFrame(
        {
            "Nr": [a.nr for a in liste],
            "Feld": [FELD_TITEL[a.feld] for a in liste],
            "bisher": [a.alt for a in liste],
            "neu": [a.neu for a in liste],
            "gemeldet von": [a.stelle for a in liste],
        }
    )

"""A flat file (ffcsv) without the rows of a total: the groups are summed.

The Regionaldatenbank writes a total („Insgesamt“) as a row of its own only when it was chosen
for download; 12411-03-03-4 chosen by sex and age groups alone has the foreign population only
in its groups per Kreis. The value then is the sum of its groups, as the classic table's
„Insgesamt“ column is: every breakdown that has a total row is read at its total, every other
one is summed over. A special sign stays visible: "-" adds 0, any other sign makes the sum
„keine Angabe“. Summed while the file is read (a sum per Kreis, year and kind of row), never
holding the rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ipdaten.amtlich.statistikwerte import KEINE_ANGABE, UNLESBAR, ist_insgesamt, wert_und_zeichen

_ARTEN_TEXT = {
    "einbuergerungen": "Einbürgerungen",
    "quote": "Einbürgerungsquote",
    "auslaender": "ausländische Bevölkerung",
}


@dataclass
class _Summe:
    kreisname: str
    zeit: str
    nummer: int
    summe: float = 0.0
    zeichen: str = ""
    anzahl: int = 0


@dataclass
class Gruppensummen:
    """The groups of each kind of value, summed per Kreis, year and which breakdowns are at their total."""

    summen: dict[tuple[Any, ...], _Summe] = field(default_factory=dict)
    # art → measure, the label naming the kind, its breakdown's position, the breakdowns' names
    arten: dict[str, tuple[str, str, int, tuple[str, ...]]] = field(default_factory=dict)

    mit_insgesamt: set[str] = field(default_factory=set)  # kinds read at their total rows: nothing to sum

    def insgesamt_gesehen(self, art: str) -> None:
        """The file has the total of this kind: its groups are not summed (nor kept)."""
        if art not in self.mit_insgesamt:
            self.mit_insgesamt.add(art)
            self.summen = {k: v for k, v in self.summen.items() if k[0] != art}

    def zaehle(
        self,
        art: str,
        mass: str,
        kern: str,
        variablen: tuple[str, ...],
        kategorien: tuple[str, ...],
        ort: tuple[Any, ...],
        wert: str,
        punkt: bool,
    ) -> None:
        """Add one group row; `ort` is (Kreis key, name, year, time as written, line)."""
        if art in self.mit_insgesamt:
            return
        code, kreisname, jahr, zeit, nummer = ort
        self.arten.setdefault(art, (mass, kern, kategorien.index(kern) if kern in kategorien else -1, variablen))
        maske = tuple(ist_insgesamt(k) for k in kategorien)
        eintrag = self.summen.setdefault((art, code, jahr, maske), _Summe(kreisname, zeit, nummer))
        zahl, zeichen = wert_und_zeichen(wert, punkt)
        if zeichen in KEINE_ANGABE or zeichen == UNLESBAR:
            eintrag.zeichen = eintrag.zeichen or zeichen
        else:
            eintrag.summe += zahl
        eintrag.anzahl += 1

    def ergebnis(self) -> tuple[list[tuple[Any, ...]], list[str]]:
        """The records of the summed values and a German note per kind that was summed."""
        datensaetze, hinweise = [], []
        for art, (mass, kern, kern_stelle, variablen) in self.arten.items():
            if art in self.mit_insgesamt:
                continue
            eigene = {k: v for k, v in self.summen.items() if k[0] == art}
            mit_summe = tuple(any(m[i] for (*_, m) in eigene) for i in range(len(variablen)))
            summiert = [v for i, (v, hat) in enumerate(zip(variablen, mit_summe)) if not hat and i != kern_stelle]
            merkmal = f"{mass} | {kern} | Summe über {', '.join(summiert)}"
            gruppen = 0
            for (_, code, jahr, maske), s in eigene.items():
                if maske != mit_summe:
                    continue
                wert = math.nan if s.zeichen else s.summe
                datensaetze.append((code, s.kreisname, jahr, s.zeit, art, merkmal, wert, s.zeichen, s.nummer))
                gruppen = max(gruppen, s.anzahl)
            if summiert and gruppen:
                hinweise.append(
                    f"{_ARTEN_TEXT.get(art, art)}: Die Datei enthält keine Zeilen „Insgesamt“ für "
                    f"{', '.join(summiert)}; die Werte wurden über diese Gruppen summiert ({gruppen} Gruppen je Kreis)."
                )
        return datensaetze, hinweise

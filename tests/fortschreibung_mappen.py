"""Three Stände of a small plan for the Fortschreibung tests (issue 12), built in code.

Stand 1 (6.3.2017) has no optional columns at all; Stände 2 (30.9.2017) and 3 (1.3.2018) have
Zuständig, Beteiligte, Arbeitsgruppe and Termin, Stand 3 also Ist in the budget. What moves:

| Nr  | Stand 1         | Stand 2         | Stand 3         | Zuständig (2, 3)        | Termin (3) |
|-----|-----------------|-----------------|-----------------|-------------------------|------------|
| 1.1 | umgesetzt       | umgesetzt       | umgesetzt       | Integrationsbeauftragte | 2016       |
| 1.2 | in Arbeit       | in Arbeit       | umgesetzt       | Jobcenter               | 2017-06    |
| 1.3 | ohne Angabe     | in Arbeit       | in Arbeit       | –                       | 2018-02    |
| 2.1 | umgesetzt       | umgesetzt       | umgesetzt       | Kreisbau                | 31.12.2017 |
| 2.2 | nicht umgesetzt | nicht umgesetzt | nicht umgesetzt | Kreisbau                | 2017       |
| 2.3 | –               | –               | in Arbeit       | Sozialamt               | –          |
| 3.1 | in Abstimmung   | in Abstimmung   | in Abstimmung   | Jobcenter               | 2018       |

Bemerkung of 1.1: "Amt 2015 eingerichtet" (1) → "Amt 2015 eingerichtet, 2 Stellen" (2, 3);
of 1.2: "" (1) → "Kurse laufen" (2) → "Kurse abgeschlossen" (3).
Bezug Geflüchtete = ja: 2.1, 2.3 (Stand 3), 3.1.
"""

from __future__ import annotations

import datetime as dt

from ipdaten.arbeitsmappe import Anlage, lade_anlage
from ipdaten.zahlen import verlauf as vl
from tests.arbeitsmappen import KOPF, empfehlung, mappe_bytes

KOPF_NEU = [*KOPF["Empfehlungen"], "Zuständig", "Beteiligte", "Arbeitsgruppe", "Termin"]
KOPF_HAUSHALT_NEU = [*KOPF["Haushalt"], "Ist"]
DATEN = (dt.date(2017, 3, 6), dt.date(2017, 9, 30), dt.date(2018, 3, 1))


def _zeile(feld, nr, status, zustaendig="", beteiligte="", ag="", termin="", **kw) -> list:
    return [*empfehlung(feld, nr, status, **kw), zustaendig, beteiligte, ag, termin]


def stand_bytes(stufe: int) -> bytes:
    """Stand `stufe` (1, 2 or 3) of the table in the module docstring as xlsx bytes."""
    info = [["Stand", DATEN[stufe - 1]], ["Bezeichnung", f"Fortschreibung {stufe}"]]
    if stufe == 1:
        return mappe_bytes(
            empfehlungen=[
                empfehlung(1, 1, "umgesetzt", bemerkung="Amt 2015 eingerichtet"),
                empfehlung(1, 2, "in Arbeit"),
                empfehlung(1, 3, "ohne Angabe"),
                empfehlung(2, 1, "umgesetzt", bezug="ja"),
                empfehlung(2, 2, "nicht umgesetzt", bezug="nein"),
                empfehlung(3, 1, "in Abstimmung", bezug="ja"),
            ],
            info=info,
        )
    bemerkung_12 = "Kurse laufen" if stufe == 2 else "Kurse abgeschlossen"
    zeilen = [
        _zeile(
            1,
            1,
            "umgesetzt",
            "Integrationsbeauftragte",
            "",
            "AG Ankommen",
            2016,
            bemerkung="Amt 2015 eingerichtet, 2 Stellen",
        ),
        _zeile(
            1,
            2,
            "in Arbeit" if stufe == 2 else "umgesetzt",
            "Jobcenter",
            "VHS; Agentur für Arbeit",
            "AG Ankommen",
            "2017-06",
            bemerkung=bemerkung_12,
        ),
        _zeile(1, 3, "in Arbeit", "", "", "", "2018-02" if stufe == 3 else ""),
        _zeile(2, 1, "umgesetzt", "Kreisbau", "", "AG Wohnen", dt.date(2017, 12, 31), bezug="ja"),
        _zeile(2, 2, "nicht umgesetzt", "Kreisbau", "Gemeinden", "AG Wohnen", 2017, bezug="nein"),
    ]
    if stufe == 3:
        zeilen.append(_zeile(2, 3, "in Arbeit", "Sozialamt", "", "AG Wohnen", "", bezug="ja"))
    zeilen.append(_zeile(3, 1, "in Abstimmung", "Jobcenter", "", "", 2018, bezug="ja"))
    haushalt = None
    koepfe = {"Empfehlungen": KOPF_NEU}
    if stufe == 3:
        koepfe["Haushalt"] = KOPF_HAUSHALT_NEU
        haushalt = [
            ["Interkulturelle Öffnung", 60000, 2017, 1, 55000],
            ["Wohnraum-Expertise", 10000, 2017, 2, 12000],
            ["Unternehmerpreis", 30000, 2017, None, None],
            ["Interkulturelle Öffnung", 65000, 2018, 1, None],
        ]
    return mappe_bytes(empfehlungen=zeilen, haushalt=haushalt, info=info, koepfe=koepfe)


def anlagen() -> list[Anlage]:
    """Stände 1, 2 and 3, loaded."""
    return [lade_anlage(stand_bytes(i)) for i in (1, 2, 3)]


def abrisse(geladen: list[Anlage]) -> list[vl.Abriss]:
    """The Abriss of each loaded Stand: Nr 1–3, its date from DATEN, labelled "Fortschreibung N"."""
    return [vl.abriss(vl.StandKopf(i + 1, DATEN[i], f"Fortschreibung {i + 1}"), a) for i, a in enumerate(geladen)]

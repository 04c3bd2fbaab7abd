"""The presentation as data: one slide per idea, the same for the screen and the PowerPoint.

`praesentation(auswertung, vorher=...)` returns the slides of one Stand: title, overall
balance, status of all Handlungsfelder, one slide per field with named recommendations,
naturalisation, budget (one slide per year), progress since a previous Stand, how far the
current Rückmelderunde is, and the road ahead. Slides whose data is missing are left out.
Every text is German and formatted with ipdaten.format; workbook text is kept as it is (the renderer escapes it). Each chart is
described by `Diagramm` (categories, series, number formats, colours), so the PowerPoint
export and the tests read the same numbers that kennzahlen computed.

This module builds the title slide and puts the slides in order; the data classes are in
folien_daten, the slides by topic in folien_umsetzung (status), folien_einbuergerung,
folien_haushalt, folien_verlauf (over time) and folien_rueckmeldung, shared texts and limits in folien_texte.
The names used elsewhere are importable from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ipdaten import format as fmt
from ipdaten.darstellung import ansicht
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.folien_daten import FORMAT_ANZAHL, Diagramm, Folie, Kennzahl, Praesentation, Punkt, Reihe
from ipdaten.praesentation.folien_einbuergerung import einbuergerungsfolie
from ipdaten.praesentation.folien_haushalt import haushaltsfolien, plan_ist_folien
from ipdaten.praesentation.folien_rueckmeldung import rueckmeldefolie
from ipdaten.praesentation.folien_texte import MAX_PUNKTE, MAX_ZEICHEN, feld_titel, kuerzen, stand_zeile
from ipdaten.praesentation.folien_umsetzung import (
    benannte_empfehlungen,
    bilanzfolie,
    feldfolien,
    gefluechtetenfolie,
    statusfolie,
    zustaendigkeitsfolie,
)
from ipdaten.praesentation.folien_verlauf import fortschrittsfolie, meilensteinfolie, verlaufsfolie
from ipdaten.rueckmeldung import Runde, StelleImUeberblick

__all__ = [
    "FORMAT_ANZAHL",
    "MAX_PUNKTE",
    "MAX_ZEICHEN",
    "VORSCHAU",
    "Diagramm",
    "Folie",
    "Kennzahl",
    "Praesentation",
    "Punkt",
    "Reihe",
    "benannte_empfehlungen",
    "feld_titel",
    "kuerzen",
    "praesentation",
    "stand_zeile",
]

VORSCHAU = "Vorschau – nicht veröffentlicht"


def _titelfolie(auswertung: Auswertung, hinweis: str) -> Folie:
    anlage = auswertung.anlage
    felder = len(anlage.handlungsfelder)
    gesamt = auswertung.gesamt["empfehlungen"]
    # The caveat once: the page's line (e.g. "Rekonstruktion …") and what rests on assumptions.
    satz = ansicht.annahmen_satz(auswertung.annahmen)
    if satz:
        satz += " Gekennzeichnet mit „(Annahme)“ bzw. *; nicht die Angaben des Landkreises."
    text = " ".join(t for t in (hinweis.strip(), satz) if t)
    punkte = [Punkt(text)] if text else []
    return Folie(
        "titel",
        anlage.titel,
        untertitel=stand_zeile(anlage.stand),
        kernaussage=f"{fmt.zahl(gesamt)} Handlungsempfehlungen in {fmt.zahl(felder)} Handlungsfeldern",
        punkte=tuple(punkte),
    )


def praesentation(
    auswertung: Auswertung,
    *,
    vorher: Auswertung | None = None,
    hinweis: str = "",
    vorschau: bool = False,
    verlauf: VerlaufAuswertung | None = None,
    rueckmeldungen: tuple[Runde, Sequence[StelleImUeberblick], dt.date] | None = None,
) -> Praesentation:
    """The slides of the Stand in `auswertung`, in presentation order.

    `verlauf` (the history over all Stände) adds the Verlauf slide; `rueckmeldungen` (the
    current Rückmelderunde, its recipients' state and the day) adds the slide „Rückmeldungen“;
    `vorher` is the previous Stand (adds the progress slide); `hinweis` is a line for the
    title slide (e.g. that the data is a reconstruction); `vorschau` marks the line on every
    slide as an unpublished preview. Slides without data are left out.
    """
    anlage = auswertung.anlage
    folien: list[Folie | None] = [
        _titelfolie(auswertung, hinweis),
        bilanzfolie(auswertung),
        statusfolie(auswertung),
        *feldfolien(auswertung),
        einbuergerungsfolie(auswertung),
        gefluechtetenfolie(auswertung),
        zustaendigkeitsfolie(auswertung),
        *haushaltsfolien(auswertung),
        *plan_ist_folien(auswertung),
        fortschrittsfolie(auswertung, vorher) if vorher is not None else None,
        verlaufsfolie(verlauf) if verlauf is not None else None,
        rueckmeldefolie(*rueckmeldungen) if rueckmeldungen is not None else None,
        meilensteinfolie(auswertung),
    ]
    return Praesentation(
        titel=anlage.titel,
        stand=anlage.stand,
        stand_text=stand_zeile(anlage.stand) + (f" ({VORSCHAU})" if vorschau else ""),
        folien=tuple(f for f in folien if f is not None),
        vorher_stand=vorher.anlage.stand if vorher is not None else None,
    )

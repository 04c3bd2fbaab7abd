"""The slide „Rückmeldungen“ (issue 21): how far the current Rückmelderunde is – how many bodies
have answered, what share of the recommendations is reported (two big figures), and who is still
missing (the list). No chart: bars of „answered/open/overdue“ would only repeat the first figure,
and with figures, chart and list the slide did not fit 1280×720."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ipdaten import format as fmt
from ipdaten.darstellung.ansicht_rueckmeldung import geantwortet
from ipdaten.praesentation.folien_daten import Folie, Kennzahl, Punkt
from ipdaten.praesentation.folien_texte import MAX_PUNKTE, anteil_text, kuerzen
from ipdaten.rueckmeldung import BEANTWORTET, UEBERFAELLIG, Runde, StelleImUeberblick, rundenzahlen


def rueckmeldefolie(runde: Runde, stellen: Sequence[StelleImUeberblick], heute: dt.date) -> Folie:
    """The slide of the round `runde` with its recipients' state `stellen` (rueckmeldung.ueberblick)
    on the day `heute`. A recommendation counts as reported when a usable form listing it came in."""
    zahlen = rundenzahlen(stellen)
    empfehlungen, gemeldet = zahlen.empfehlungen, zahlen.gemeldet
    zahl, antwort = geantwortet(runde, stellen)
    frist = f"Frist {fmt.datum(runde.frist)}" if runde.frist else "ohne Frist"
    kern = (
        f"{zahl} {antwort}; "
        f"{anteil_text(gemeldet, empfehlungen)} der Empfehlungen sind gemeldet (Stand {fmt.datum(heute)})."
    )
    ausstehend = sorted((s for s in stellen if s.zustand != BEANTWORTET), key=lambda s: (s.zustand != UEBERFAELLIG,))
    return Folie(
        "rueckmeldungen",
        "Rückmeldungen",
        untertitel=f"Rückmelderunde „{kuerzen(runde.titel, 80)}“ · {frist}",
        kernaussage=kern,
        kennzahlen=(
            Kennzahl(zahl, antwort),
            Kennzahl(
                anteil_text(gemeldet, empfehlungen),
                f"der Empfehlungen gemeldet ({fmt.zahl(gemeldet)} von {fmt.zahl(empfehlungen)})",
            ),
        ),
        punkte=tuple(
            Punkt(
                kuerzen(s.empfaenger.name, 80),
                vorne=s.zustand,
                status="nicht umgesetzt" if s.zustand == UEBERFAELLIG else "in Arbeit",
            )
            for s in ausstehend[:MAX_PUNKTE]
        ),
        liste_titel="Noch keine Antwort" if ausstehend else "",
        weitere=max(0, len(ausstehend) - MAX_PUNKTE),
    )

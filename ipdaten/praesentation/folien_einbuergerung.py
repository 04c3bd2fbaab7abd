"""The naturalisation slide: the latest year's quotas of the Region Stuttgart, ranked."""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_stil import FUSSNOTE, mit_marke
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL
from ipdaten.praesentation.folien_daten import FORMAT_PROZENT, Diagramm, Folie, Reihe


def einbuergerungsfolie(auswertung: Auswertung) -> Folie | None:
    """The latest year with quotas, ranked, the reference area highlighted; None without quotas."""
    jahre = auswertung.einbuergerung_jahre_mit_quote
    if not jahre:
        return None
    jahr = jahre[-1]
    teil = auswertung.einbuergerung_im_jahr(jahr)
    mit_wert = int(teil["quote_prozent"].notna().sum())
    referenz = teil[teil["ist_referenz"]]
    mittel = teil["mittel_prozent"].dropna()
    if len(referenz) and pd.notna(referenz["quote_prozent"].iloc[0]):
        r = referenz.iloc[0]
        kern = f"{r['gebiet']}: Rang {int(r['rang'])} von {fmt.zahl(mit_wert)} mit {fmt.prozent(r['quote_prozent'])}"
    else:
        kern = f"Einbürgerungsquoten von {fmt.zahl(mit_wert)} Gebieten"
    if len(mittel):
        kern += f" (Mittel der Gebiete: {fmt.prozent(float(mittel.iloc[0]))})."
    else:
        kern += "."
    kategorien = tuple(
        mit_marke(g if pd.notna(q) else f"{g} ({fmt.KEINE_ANGABE})", a)
        for g, q, a in zip(teil["gebiet"], teil["quote_prozent"], teil["annahme"])
    )
    werte = tuple(None if pd.isna(q) else float(q) for q in teil["quote_prozent"])
    farben = tuple(HERVORHEBUNG if ref else NEUTRAL for ref in teil["ist_referenz"])
    texte = tuple(fmt.KEINE_ANGABE if w is None else fmt.prozent(w) for w in werte)
    hinweise = tuple(
        f"Einbürgerungsquote: {t}"
        + ("" if w is None else f"\nRang {int(r)}.\nAbstand zum Mittel: {fmt.prozentpunkte(d)}")
        for t, w, r, d in zip(texte, werte, teil["rang"], teil["diff_mittel_pp"])
    )
    schluessel = ((str(referenz["gebiet"].iloc[0]), HERVORHEBUNG),) if len(referenz) else ()
    hoechste = max((w for w in werte if w is not None), default=1.0)
    return Folie(
        "einbuergerung",
        f"Einbürgerung in der Region Stuttgart {jahr}",
        kernaussage=kern,
        diagramm=Diagramm(
            "balken",
            kategorien,
            (
                Reihe(
                    "Einbürgerungsquote in %",
                    werte,
                    NEUTRAL,
                    farben,
                    texte=texte,
                    hinweise=hinweise,
                    schraffiert=tuple(bool(ref) for ref in teil["ist_referenz"]),
                ),
            ),
            FORMAT_PROZENT,
            '0.0" %"',
            "Einbürgerungsquote in %",
            f"Einbürgerungsquoten {jahr} nach Gebiet, absteigend",
            fussnote=FUSSNOTE if teil["annahme"].any() else "",
            # The missing value's note stands at its (empty) bar, not at the area's name.
            achse=tuple(mit_marke(g, a) for g, a in zip(teil["gebiet"], teil["annahme"])),
            bereich=(0.0, hoechste * 1.22),
            linie=(float(mittel.iloc[0]), f"Mittel: {fmt.prozent(float(mittel.iloc[0]))}") if len(mittel) else None,
            farbschluessel=(*schluessel, ("weitere Gebiete", NEUTRAL)),
        ),
        jahr=jahr,
    )

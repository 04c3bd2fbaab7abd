"""Plausibility of the budget: an amount outside what one measure of an integration plan costs
is flagged (the lines against a total stated are checked by the reader itself)."""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.befunde import HAUSHALT, Befund, warnung

# What one measure costs, in euro: below, the unit „T€“ was probably left out; above, cents or a
# total were probably typed into the line. 0 € (nothing budgeted) is no finding.
BETRAG_UEBLICH = (100.0, 1_000_000.0)


def pruefe_haushalt(haushalt: pd.DataFrame, blatt: str) -> list[Befund]:
    """One warning per column (Betrag, Ist) naming every line outside the usual range."""
    unten, oben = BETRAG_UEBLICH
    befunde = []
    for spalte, titel in (("betrag", "Betrag"), ("ist", "Ist")):
        ausserhalb = [
            (int(zeile), massnahme, betrag)
            for zeile, massnahme, betrag in zip(haushalt["zeile"], haushalt["massnahme"], haushalt[spalte])
            if pd.notna(betrag) and betrag != 0 and not unten <= betrag <= oben
        ]
        if not ausserhalb:
            continue
        befunde.append(
            warnung(
                "plausibel.betrag_unplausibel",
                f"Ein Betrag unter {fmt.euro(unten)} oder über {fmt.euro(oben)} ist für eine Maßnahme ungewöhnlich: "
                + "; ".join(f"„{m}“ {fmt.euro(b, 2 if b % 1 else 0)} (Zeile {z})" for z, m, b in ausserhalb)
                + ". Bitte prüfen, ob die Einheit stimmt (Tausend Euro „T€“ im Kopf der Spalte?) und ob eine "
                "Summe oder ein Betrag in Cent als Maßnahme steht.",
                blatt=blatt,
                zeile=ausserhalb[0][0],
                spalte=titel,
                zeilen=tuple(z for z, _, _ in ausserhalb),
                ursache=HAUSHALT,
            )
        )
    return befunde

"""Budget slides: per year the amounts per Handlungsfeld with the largest lines, and (with a
Fortschreibung) planned against spent.
"""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_stil import FUSSNOTE, mit_marke
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL
from ipdaten.praesentation.folien_daten import FORMAT_EURO, Diagramm, Folie, Punkt, Reihe
from ipdaten.praesentation.folien_texte import kuerzen
from ipdaten.zahlen.kennzahlen import anteil_an


def haushaltsfolien(auswertung: Auswertung) -> list[Folie]:
    """One slide per budget year with amounts: the sums per field and the three largest lines."""
    folien = []
    for jahr, summen in auswertung.haushalte_mit_posten():
        nach_feld = summen.nach_handlungsfeld
        kategorien = [
            mit_marke(f"{int(n)} {name}", a)
            for n, name, a in zip(nach_feld["nr"], nach_feld["name"], nach_feld["annahme"])
        ]
        werte = [float(b) for b in nach_feld["betrag"]]
        anteile = list(nach_feld["anteil"])
        annahme = [bool(a) for a in nach_feld["annahme"]]
        farben = [HERVORHEBUNG] * len(werte)
        # The amount without a field as its own grey bar, whenever it is not 0.
        if summen.ohne_handlungsfeld_eur:
            kategorien.append(mit_marke(fmt.OHNE_ZUORDNUNG, summen.ohne_handlungsfeld_annahme))
            werte.append(float(summen.ohne_handlungsfeld_eur))
            anteile.append(anteil_an(summen.ohne_handlungsfeld_eur, summen.summe_eur))
            annahme.append(bool(summen.ohne_handlungsfeld_annahme))
            farben.append(NEUTRAL)
        groesste = summen.massnahmen.sort_values("betrag", ascending=False, kind="stable").head(3)
        punkte = tuple(
            Punkt(mit_marke(kuerzen(m), z), vorne=f"{fmt.euro(b)} ({fmt.anteil(a)})")
            for m, b, a, z in zip(
                groesste["massnahme"], groesste["betrag"], groesste["anteil"], groesste["annahme_zuordnung"]
            )
        )
        folien.append(
            Folie(
                "haushalt",
                f"Haushalt {jahr}",
                kernaussage=(
                    f"{fmt.euro(summen.summe_eur)} für {fmt.zahl(summen.positionen)} Maßnahmen "
                    "(Summe der im Bericht aufgeführten Positionen)."
                ),
                punkte=punkte,
                liste_titel="Größte Posten",
                diagramm=Diagramm(
                    "balken",
                    tuple(kategorien),
                    (
                        Reihe(
                            "Betrag in Euro",
                            tuple(werte),
                            HERVORHEBUNG,
                            tuple(farben),
                            texte=tuple(f"{fmt.euro(b)} ({fmt.anteil(a)})" for b, a in zip(werte, anteile)),
                            schraffiert=tuple(annahme),
                        ),
                    ),
                    FORMAT_EURO,
                    '#,##0" €"',
                    "Betrag in Euro",
                    f"Haushalt {jahr} je Handlungsfeld in Euro",
                    fussnote=FUSSNOTE if any(annahme) else "",
                    # Large labels like "90.000 € (25,3 %)" need room right of the longest bar.
                    bereich=(0.0, max([*werte, 1.0]) * 2.0),
                ),
                jahr=jahr,
            )
        )
    return folien


def plan_ist_folien(auswertung: Auswertung) -> list[Folie]:
    """One slide per budget year with spent amounts: planned and spent per field."""
    folien = []
    for jahr in auswertung.haushalt_jahre:
        p = auswertung.plan_ist(jahr)
        if not p.positionen:
            continue
        f = p.nach_handlungsfeld
        kategorien = tuple(
            fmt.OHNE_ZUORDNUNG if n is None or pd.isna(n) else f"{int(n)} {name}" for n, name in zip(f["nr"], f["name"])
        )
        kern = (
            f"Verausgabt {fmt.euro(p.ist_eur)} von geplanten {fmt.euro(p.plan_eur)} ({fmt.anteil(p.quote)}) "
            f"in {fmt.zahl(p.positionen)} Positionen mit Ist"
            + (f"; {fmt.zahl(p.positionen_ohne_ist)} Positionen noch ohne Ist." if p.positionen_ohne_ist else ".")
        )
        folien.append(
            Folie(
                "plan_ist",
                f"Haushalt {jahr}: Plan und Ist",
                kernaussage=kern,
                diagramm=Diagramm(
                    "gruppiert",
                    kategorien,
                    (
                        Reihe(
                            "Plan (Betrag)",
                            tuple(float(v) for v in f["plan"]),
                            NEUTRAL,
                            texte=tuple(fmt.euro(b) for b in f["plan"]),
                        ),
                        Reihe(
                            "Ist (verausgabt)",
                            tuple(float(v) for v in f["ist"]),
                            HERVORHEBUNG,
                            texte=tuple(
                                f"{fmt.euro(b)} ({fmt.anteil(q)} des Plans)" for b, q in zip(f["ist"], f["quote"])
                            ),
                        ),
                    ),
                    FORMAT_EURO,
                    '#,##0" €"',
                    "Betrag in Euro",
                    f"Haushalt {jahr}: Plan und Ist je Handlungsfeld in Euro (Positionen mit Ist)",
                    legende=True,
                    bereich=(0.0, (float(max(f["plan"].max(), f["ist"].max())) if len(f) else 1.0) * 1.5),
                ),
                jahr=jahr,
            )
        )
    return folien

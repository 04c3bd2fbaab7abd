"""Slides over time: progress since the previous Stand, the history over all Stände and the
road ahead (milestones).
"""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_stil import FUSSNOTE, mit_marke
from ipdaten.darstellung.farben import NEUTRAL, status_farbe
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.folien_daten import FORMAT_ANTEIL, Diagramm, Folie, Punkt, Reihe
from ipdaten.praesentation.folien_texte import MAX_MEILENSTEINE, MAX_PUNKTE, kuerzen
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL
from ipdaten.zahlen.vergleich import Vergleich, vergleiche
from ipdaten.zahlen.verlauf import GESAMT


def fortschrittsfolie(auswertung: Auswertung, vorher: Auswertung, vergleich: Vergleich | None = None) -> Folie | None:
    """Share implemented per field now and at `vorher`, with the status changes between them
    (`vergleich`: their comparison, when the caller has it already)."""
    vergleich = vergleich if vergleich is not None else vergleiche(vorher.anlage, auswertung.anlage)
    felder = vergleich.felder[vergleich.felder["art"] != "entfallen"]
    if felder.empty:
        return None
    alt_datum = fmt.datum(vorher.anlage.stand)
    neu_datum = fmt.datum(auswertung.anlage.stand)
    g = vergleich.gesamt["umgesetzt"]
    kern = (
        f"Umgesetzt: {fmt.anteil(g['alt'])} → {fmt.anteil(g['neu'])} "
        f"({fmt.anteil_veraenderung(g['diff_pp'] if pd.notna(g['diff_pp']) else None)})."
    )
    uebergaenge = vergleich.uebergaenge
    punkte = []
    for vor in uebergaenge.index:
        for nach in uebergaenge.columns:
            anzahl = int(uebergaenge.loc[vor, nach])
            if vor != nach and anzahl:
                punkte.append((anzahl, Punkt(f"{vor} → {nach}", vorne=f"{fmt.zahl(anzahl)} ×", status=str(nach))))
    punkte.sort(key=lambda p: -p[0])
    neue = len(vergleich.neu_empfehlungen)
    if neue:
        punkte.append((0, Punkt("neue Empfehlungen", vorne=f"{fmt.zahl(neue)} ×")))
    betroffen = set(auswertung.annahmen.felder_betroffen) | set(vorher.annahmen.felder_betroffen)
    kategorien = tuple(
        mit_marke(f"{int(n)} {name}", int(n) in betroffen) for n, name in zip(felder["nr"], felder["name"])
    )

    def werte(spalte: str) -> tuple[float | None, ...]:
        return tuple(None if pd.isna(v) else float(v) for v in felder[spalte])

    # One label per field, on the later bar: the share and its change (two labels per field
    # overlapped on the PowerPoint slide).
    beschriftungen = tuple(
        "–"
        if n is None
        else (f"{fmt.anteil(n)} (neu)" if a is None else f"{fmt.anteil(n)} ({fmt.anteil_veraenderung((n - a) * 100)})")
        for a, n in zip(werte("umgesetzt_alt"), werte("umgesetzt_neu"))
    )

    return Folie(
        "fortschritt",
        f"Fortschritt seit {alt_datum}",
        untertitel=f"Anteil umgesetzt je Handlungsfeld: {alt_datum} und {neu_datum}",
        kernaussage=kern,
        punkte=tuple(p for _, p in punkte[:MAX_PUNKTE]),
        liste_titel="Statuswechsel der Empfehlungen",
        diagramm=Diagramm(
            "gruppiert",
            kategorien,
            (
                Reihe(
                    f"umgesetzt {alt_datum}",
                    werte("umgesetzt_alt"),
                    NEUTRAL,
                    beschriftungen=None,
                    hinweise=tuple(f"umgesetzt {alt_datum}: {fmt.anteil(a)}" for a in werte("umgesetzt_alt")),
                ),
                Reihe(
                    f"umgesetzt {neu_datum}",
                    werte("umgesetzt_neu"),
                    status_farbe("umgesetzt"),
                    beschriftungen=beschriftungen,
                ),
            ),
            "0 %",
            FORMAT_ANTEIL,
            "Anteil umgesetzt",
            f"Anteil umgesetzter Empfehlungen je Handlungsfeld am {alt_datum} und am {neu_datum}",
            legende=True,
            fussnote=FUSSNOTE if any(int(n) in betroffen for n in felder["nr"]) else "",
            bereich=(0.0, 1.25),  # room right of 100 % for "100 % (+5,0 Pp.)"
        ),
    )


def meilensteinfolie(auswertung: Auswertung) -> Folie | None:
    """The milestones around the Stand: the last reached ones and what comes next."""
    meilensteine = auswertung.anlage.meilensteine.sort_values("datum", kind="stable")
    if meilensteine.empty:
        return None
    stand = auswertung.anlage.stand
    kommend = meilensteine[meilensteine["datum"] > stand] if stand else meilensteine.iloc[0:0]
    # The road ahead: the last milestones up to the Stand for orientation, then what comes.
    if len(meilensteine) > MAX_MEILENSTEINE:
        vorher = meilensteine[meilensteine["datum"] <= stand] if stand else meilensteine
        platz = max(2, MAX_MEILENSTEINE - len(kommend))
        meilensteine = pd.concat([vorher.tail(platz), kommend]).head(MAX_MEILENSTEINE)
    punkte = tuple(
        Punkt(
            kuerzen(e, 90),
            vorne=fmt.ungefaehres_datum(d, g),
            erledigt=None if stand is None else bool(d <= stand),
        )
        for d, g, e in zip(meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"])
    )
    if len(kommend):
        naechster = kommend.iloc[0]
        kern = f"Als Nächstes: {bereinige(naechster['ereignis'])} ({fmt.ungefaehres_datum(naechster['datum'], naechster['genauigkeit'])})."
    else:
        kern = "Stationen des Prozesses."
    return Folie("meilensteine", "Der Weg nach vorn", kernaussage=kern, punkte=punkte)


def verlaufsfolie(verlauf: VerlaufAuswertung) -> Folie | None:
    """The shares over all fields in every Stand of the history; None with fewer than two Stände."""
    gesamt = verlauf.verlauf.anteile
    gesamt = gesamt[gesamt["nr"] == GESAMT].sort_values("stand")
    if len(gesamt) < 2:
        return None
    erster, letzter = gesamt.iloc[0], gesamt.iloc[-1]
    kern = (
        f"Umgesetzt: {fmt.anteil(erster['umgesetzt'])} ({fmt.datum(erster['datum'])}) → "
        f"{fmt.anteil(letzter['umgesetzt'])} ({fmt.datum(letzter['datum'])}); umgesetzt oder in Arbeit: "
        f"{fmt.anteil(erster['umgesetzt_oder_in_arbeit'])} → {fmt.anteil(letzter['umgesetzt_oder_in_arbeit'])}."
    )
    kategorien = tuple(f"{d:%d.%m.%Y}" for d in gesamt["datum"])
    reihen = []
    for mass, titel in FORTSCHRITT_TITEL.items():
        werte = tuple(None if pd.isna(v) else float(v) for v in gesamt[mass])
        reihen.append(
            Reihe(
                titel,
                werte,
                status_farbe("umgesetzt") if mass == "umgesetzt" else status_farbe("in Arbeit"),
                texte=tuple("" if w is None else fmt.prozent(w * 100, 0) for w in werte),
            )
        )
    return Folie(
        "verlauf",
        f"Verlauf über {fmt.zahl(len(gesamt))} Stände",
        untertitel="Anteile über alle Handlungsfelder, je Stand",
        kernaussage=kern,
        diagramm=Diagramm(
            "gruppiert",
            kategorien,
            tuple(reihen),
            "0 %",
            FORMAT_ANTEIL,
            "Anteil der Empfehlungen",
            "Anteile umgesetzt und umgesetzt oder in Arbeit über alle Handlungsfelder in jedem Stand",
            legende=True,
            bereich=(0.0, 1.1),  # room above 100 % for the labels
        ),
    )

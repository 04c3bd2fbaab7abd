"""Slides of the implementation status: the overall balance, the status of all fields, one
slide per field with its named recommendations, and the Fortschreibung's views by refugee
relation and by responsible body.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramm_stil import FUSSNOTE, mit_marke
from ipdaten.darstellung.farben import HERVORHEBUNG, status_farbe
from ipdaten.praesentation.folien_daten import FORMAT_ANTEIL, FORMAT_ANZAHL, Diagramm, Folie, Kennzahl, Punkt, Reihe
from ipdaten.praesentation.folien_texte import MAX_PUNKTE, MAX_ZUSTAENDIGE, anteil_text, feld_titel, kennzahl, kuerzen
from ipdaten.zahlen import annahmen
from ipdaten.zahlen import fortschreibung as fs


def benannte_empfehlungen(empfehlungen: pd.DataFrame) -> pd.DataFrame:
    """The recommendations not marked as assumption or placeholder (ipdaten.zahlen.annahmen),
    in workbook order. For a workbook without marks this is every recommendation.
    """
    return empfehlungen[~annahmen.maske(empfehlungen)]


def _status_diagramm(status: dict[str, int], anteile: dict[str, float], alt: str, annahme: bool = False) -> Diagramm:
    """One bar per status, labelled on screen with count, share and mark ("60 (33 %) *")."""
    anzahlen = [status[s] for s in STATUS_REIHENFOLGE]
    reihe = Reihe(
        "Empfehlungen",
        tuple(float(a) for a in anzahlen),
        HERVORHEBUNG,
        tuple(status_farbe(s) for s in STATUS_REIHENFOLGE),
        texte=tuple(
            mit_marke(f"{fmt.zahl(a)} ({fmt.anteil(anteile[s])})", annahme and a)
            for s, a in zip(STATUS_REIHENFOLGE, anzahlen)
        ),
    )
    return Diagramm(
        "balken",
        tuple(mit_marke(s, annahme and status[s]) for s in STATUS_REIHENFOLGE),
        (reihe,),
        FORMAT_ANZAHL,
        "#,##0",
        "Anzahl der Empfehlungen",
        alt,
        fussnote=FUSSNOTE if annahme and any(status.values()) else "",
        achse=tuple(STATUS_REIHENFOLGE),
        # Room right of the longest bar for a large label such as "100 (100 %)".
        bereich=(0.0, max([float(a) for a in anzahlen] + [1.0]) * 1.6),
    )


def _status_reihen(verteilung: pd.DataFrame) -> tuple[Reihe, ...]:
    """One series per status over the rows of a status distribution (kennzahlen), labelled
    with the count; pointing at a value tells count, total and share."""
    return tuple(
        Reihe(
            s,
            tuple(float(v) for v in verteilung[s]),
            status_farbe(s),
            texte=tuple(fmt.zahl(a) if a else "" for a in verteilung[s].astype("int64")),
            hinweise=tuple(
                f"{s}: {fmt.zahl(a)} von {fmt.zahl(n)} Empfehlungen ({fmt.anteil(q)})"
                for a, n, q in zip(verteilung[s].astype("int64"), verteilung["empfehlungen"], verteilung[f"anteil_{s}"])
            ),
        )
        for s in STATUS_REIHENFOLGE
    )


def _gestapelt(verteilung: pd.DataFrame, kategorien: tuple[str, ...], alt: str, fussnote: str = "") -> Diagramm:
    return Diagramm(
        "gestapelt_100",
        kategorien,
        _status_reihen(verteilung),
        FORMAT_ANZAHL,
        FORMAT_ANTEIL,
        "Anteil der Empfehlungen",
        alt,
        legende=True,
        fussnote=fussnote,
    )


def bilanzfolie(auswertung: Auswertung) -> Folie | None:
    """The overall balance: three big figures and the count per status; None without recommendations."""
    gesamt = auswertung.gesamt
    anzahl = gesamt["empfehlungen"]
    if not anzahl:
        return None
    status = gesamt["status"]
    umgesetzt = status["umgesetzt"]
    in_arbeit = status["in Arbeit"]
    begonnen = gesamt["fortschritt"]["umgesetzt_oder_in_arbeit"]
    annahme = auswertung.annahmen.empfehlungszahlen
    kern = (
        f"{anteil_text(umgesetzt, anzahl)} der Empfehlungen sind umgesetzt, "
        f"weitere {anteil_text(in_arbeit, anzahl)} in Arbeit."
    )
    alt = "Gesamtbilanz: " + "; ".join(f"{s} {fmt.zahl(status[s])}" for s in STATUS_REIHENFOLGE)
    return Folie(
        "bilanz",
        "Gesamtbilanz",
        kernaussage=kern,
        kennzahlen=(
            kennzahl(fmt.zahl(anzahl), "Handlungsempfehlungen", annahme),
            kennzahl(anteil_text(umgesetzt, anzahl), f"umgesetzt ({fmt.zahl(umgesetzt)})", annahme),
            kennzahl(
                anteil_text(begonnen, anzahl),
                f"umgesetzt oder in Arbeit ({fmt.zahl(begonnen)})",
                annahme,
            ),
        ),
        diagramm=_status_diagramm(status, gesamt["anteil"], alt, annahme),
    )


def statusfolie(auswertung: Auswertung) -> Folie | None:
    """Every field's status as stacked bars with the furthest and the most open field named."""
    verteilung = auswertung.verteilung
    mit = verteilung[verteilung["empfehlungen"] > 0]
    if mit.empty:
        return None
    bester = mit.loc[cast(int, mit["anteil_umgesetzt"].idxmax())]
    offen = mit.loc[cast(int, mit["anteil_nicht umgesetzt"].idxmax())]
    kern = f"Am weitesten: {bester['name']} ({fmt.anteil(float(cast(float, bester['anteil_umgesetzt'])))} umgesetzt)."
    if offen["nicht umgesetzt"] > 0:
        kern += f" Am meisten offen: {offen['name']} ({fmt.anteil(float(cast(float, offen['anteil_nicht umgesetzt'])))} nicht umgesetzt)."
    betroffen = auswertung.annahmen.felder_betroffen
    kategorien = tuple(
        mit_marke(f"{int(n)} {name}", int(n) in betroffen) for n, name in zip(verteilung["nr"], verteilung["name"])
    )
    markiert = any(int(n) in betroffen for n in verteilung["nr"])
    return Folie(
        "status",
        "Stand der Umsetzung je Handlungsfeld",
        kernaussage=kern,
        diagramm=_gestapelt(
            verteilung,
            kategorien,
            "Status der Empfehlungen je Handlungsfeld als gestapelte Balken; Beschriftung: Anzahl",
            fussnote=FUSSNOTE if markiert else "",
        ),
    )


def feldfolien(auswertung: Auswertung) -> list[Folie]:
    """One slide per field with named recommendations: its status counts and the first of them listed."""
    anlage = auswertung.anlage
    benannt = benannte_empfehlungen(anlage.empfehlungen)
    folien = []
    for _, zeile in auswertung.verteilung.iterrows():
        nr = int(zeile["nr"])
        eigene = benannt[benannt["handlungsfeld"] == nr]
        if eigene.empty:
            continue
        anzahl = int(zeile["empfehlungen"])
        status = {s: int(zeile[s]) for s in STATUS_REIHENFOLGE}
        kern = (
            f"{fmt.zahl(status['umgesetzt'])} von {fmt.zahl(anzahl)} Empfehlungen umgesetzt "
            f"({anteil_text(status['umgesetzt'], anzahl)}), {fmt.zahl(status['in Arbeit'])} in Arbeit."
        )
        leitsatz = anlage.handlungsfelder.loc[anlage.handlungsfelder["nr"] == nr, "leitsatz"]
        punkte = tuple(
            Punkt(kuerzen(e), vorne=str(s), status=str(s))
            for e, s in zip(eigene["empfehlung"].head(MAX_PUNKTE), eigene["status"].head(MAX_PUNKTE))
        )
        alt = f"{feld_titel(nr, zeile['name'])}: " + "; ".join(f"{s} {fmt.zahl(status[s])}" for s in STATUS_REIHENFOLGE)
        folien.append(
            Folie(
                "feld",
                feld_titel(nr, zeile["name"]),
                untertitel=bereinige(leitsatz.iloc[0]) if len(leitsatz) else "",
                kernaussage=kern,
                punkte=punkte,
                liste_titel="Empfehlungen im Einzelnen",
                weitere=max(0, len(eigene) - MAX_PUNKTE),
                diagramm=_status_diagramm(
                    status,
                    {s: zeile[f"anteil_{s}"] for s in STATUS_REIHENFOLGE},
                    alt,
                    nr in auswertung.annahmen.felder_betroffen,
                ),
                feld_nr=nr,
            )
        )
    return folien


def gefluechtetenfolie(auswertung: Auswertung) -> Folie | None:
    """Status of the recommendations related to refugees, per field; None without that column."""
    if not fs.hat_bezug(auswertung.anlage):
        return None
    g = auswertung.gefluechtete()
    mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
    n = g.gesamt["empfehlungen"]
    return Folie(
        "gefluechtete",
        "Empfehlungen mit Bezug zu Geflüchteten",
        untertitel="über alle Handlungsfelder",
        kernaussage=(
            f"{fmt.zahl(n)} von {fmt.zahl(g.alle)} Empfehlungen haben Bezug zu Geflüchteten; "
            f"{fmt.anteil(g.gesamt['umgesetzt'])} davon sind umgesetzt."
        ),
        kennzahlen=(
            Kennzahl(fmt.zahl(n), "Empfehlungen mit Bezug Geflüchtete"),
            Kennzahl(fmt.anteil(g.gesamt["umgesetzt"]), f"umgesetzt ({fmt.zahl(g.gesamt['umgesetzt_anzahl'])})"),
            Kennzahl(
                fmt.anteil(g.gesamt["umgesetzt_oder_in_arbeit"]),
                f"umgesetzt oder in Arbeit ({fmt.zahl(g.gesamt['umgesetzt_oder_in_arbeit_anzahl'])})",
            ),
        ),
        diagramm=_gestapelt(
            mit,
            tuple(f"{int(nr)} {name}" for nr, name in zip(mit["nr"], mit["name"])),
            "Status der Empfehlungen mit Bezug Geflüchtete je Handlungsfeld als gestapelte Balken; Beschriftung: Anzahl",
        ),
    )


def zustaendigkeitsfolie(auswertung: Auswertung) -> Folie | None:
    """Status per responsible body (the largest) and, with dates, the overdue recommendations."""
    anlage = auswertung.anlage
    if not anlage.hat_spalte("zustaendig"):
        return None
    verteilung = auswertung.status_nach("zustaendig").head(MAX_ZUSTAENDIGE)
    punkte: tuple[Punkt, ...] = ()
    kern = f"Status der Empfehlungen je zuständiger Stelle ({fmt.zahl(len(verteilung))} Stellen mit den meisten Empfehlungen)."
    weitere = 0
    if anlage.hat_spalte("termin") and anlage.stand is not None:
        ueberfaellig = auswertung.ueberfaellig(anlage.stand)
        kern = f"{fmt.zahl(len(ueberfaellig))} Empfehlungen sind überfällig (Termin vor dem {fmt.datum(anlage.stand)}, nicht umgesetzt)."
        punkte = tuple(
            Punkt(
                kuerzen(f"{int(f)}.{int(n)} {e}" + (f" – {z}" if z else ""), 90),
                vorne=fmt.ungefaehres_datum(d, g),
                status=str(s),
            )
            for f, n, e, z, d, g, s in zip(
                ueberfaellig["handlungsfeld"].head(MAX_PUNKTE),
                ueberfaellig["nr"],
                ueberfaellig["empfehlung"],
                ueberfaellig["zustaendig"],
                ueberfaellig["termin"],
                ueberfaellig["termin_genauigkeit"],
                ueberfaellig["status"],
            )
        )
        weitere = max(0, len(ueberfaellig) - MAX_PUNKTE)
    return Folie(
        "zustaendigkeit",
        "Zuständigkeit und Termine",
        kernaussage=kern,
        punkte=punkte,
        liste_titel="Überfällig" if punkte else "",
        weitere=weitere,
        diagramm=_gestapelt(
            verteilung,
            tuple(str(n) for n in verteilung["name"]),
            "Status der Empfehlungen je zuständiger Stelle als gestapelte Balken; Beschriftung: Anzahl",
        ),
    )

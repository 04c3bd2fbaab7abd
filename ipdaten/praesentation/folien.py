"""The presentation as data: one slide per idea, the same for the screen and the PowerPoint.

`praesentation(auswertung, vorher=...)` returns the slides of one Stand: title, overall
balance, status of all Handlungsfelder, one slide per field with named recommendations,
naturalisation, budget (one slide per year), progress since a previous Stand and the road
ahead. Slides whose data is missing are left out. Every text is German and formatted with
ipdaten.format; workbook text is kept as it is (the renderer escapes it). Each chart is
described by `Diagramm` (categories, series, number formats, colours), so the PowerPoint
export and the tests read the same numbers that kennzahlen computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung import ansicht
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.diagramme import FUSSNOTE, MARKE
from ipdaten.darstellung.farben import HERVORHEBUNG, NEUTRAL, status_farbe
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.zahlen import annahmen
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL
from ipdaten.zahlen.verlauf import GESAMT

# At most this many recommendations are listed on a field slide (more would not be readable
# from the back of the room); the rest is counted ("… und 4 weitere").
MAX_PUNKTE = 6
MAX_MEILENSTEINE = 8
MAX_ZUSTAENDIGE = 8
# Longer workbook texts are shortened on a slide (at a word, with "…"); the tables keep them whole.
MAX_ZEICHEN = 120
VORSCHAU = "Vorschau – nicht veröffentlicht"

# Excel/PowerPoint number formats (stored in en-US notation, shown in the viewer's Office
# locale: German Office shows 1.234 and 1,54 %). The third section hides zero labels.
FORMAT_ANZAHL = "#,##0;-#,##0;"
FORMAT_ANTEIL = "0 %"
FORMAT_PROZENT = '0.00" %"'
FORMAT_EURO = '#,##0" €"'


@dataclass(frozen=True, eq=False)
class Reihe:
    """One chart series: name, one value per category (None = no value), colours."""

    name: str
    werte: tuple[float | None, ...]
    farbe: str
    punktfarben: tuple[str, ...] = ()
    # Label texts instead of the formatted values ("35 % (+5,0 Pp.)"); None = no labels.
    beschriftungen: tuple[str, ...] | None = ()


@dataclass(frozen=True, eq=False)
class Diagramm:
    """A slide's chart as data.

    art: "gestapelt_100" (stacked to 100 %), "balken" (one bar per category) or "gruppiert"
    (bars of several series side by side). Categories are listed top to bottom.
    """

    art: str
    kategorien: tuple[str, ...]
    reihen: tuple[Reihe, ...]
    zahlenformat: str
    achsenformat: str
    achsentitel: str
    alt: str
    legende: bool = False
    fussnote: str = ""  # explains MARKE when a category rests on an assumption


def _mit_marke(text: str, annahme: object) -> str:
    return f"{text} {MARKE}" if bool(annahme) else text


@dataclass(frozen=True, eq=False)
class Kennzahl:
    """A big figure on a slide: value as German text and what it counts."""

    wert: str
    bezeichnung: str


@dataclass(frozen=True, eq=False)
class Punkt:
    """One line of a slide's list; `status` colours its marker, `vorne` is a leading label
    (a date or a status), `erledigt` marks a past milestone."""

    text: str
    vorne: str = ""
    status: str | None = None
    erledigt: bool | None = None


@dataclass(frozen=True, eq=False)
class Folie:
    """One slide. `art` names the kind: titel, bilanz, status, feld, einbuergerung, haushalt,
    fortschritt, meilensteine, gefluechtete, zustaendigkeit, plan_ist, verlauf."""

    art: str
    titel: str
    untertitel: str = ""
    kernaussage: str = ""
    kennzahlen: tuple[Kennzahl, ...] = ()
    punkte: tuple[Punkt, ...] = ()
    liste_titel: str = ""
    weitere: int = 0
    diagramm: Diagramm | None = None
    feld_nr: int | None = None
    jahr: int | None = None


@dataclass(frozen=True, eq=False)
class Praesentation:
    """All slides of one Stand and the line every slide carries."""

    titel: str
    stand: dt.date | None
    stand_text: str
    folien: tuple[Folie, ...] = field(default_factory=tuple)
    vorher_stand: dt.date | None = None

    def __len__(self) -> int:
        return len(self.folien)


def benannte_empfehlungen(empfehlungen: pd.DataFrame) -> pd.DataFrame:
    """The recommendations not marked as assumption or placeholder (ipdaten.zahlen.annahmen),
    in workbook order. For a workbook without marks this is every recommendation.
    """
    return empfehlungen[~annahmen.maske(empfehlungen)]


def kuerzen(text: object, laenge: int = MAX_ZEICHEN) -> str:
    """Workbook text for a slide: cleaned, and cut at a word with "…" when longer than `laenge`."""
    return fmt.kuerzen(bereinige(text), laenge)


def stand_zeile(stand: dt.date | None) -> str:
    """The line on every slide: 'Stand: 6. März 2017'."""
    return f"Stand: {fmt.datum(stand)}"


def feld_titel(nr: int, name: str) -> str:
    """'Handlungsfeld 6: Gesellschaft'."""
    return f"Handlungsfeld {int(nr)}: {name}"


def _anteil_text(anzahl: int, gesamt: int) -> str:
    return fmt.anteil(anzahl / gesamt if gesamt else None)


def _status_reihen_gesamt(status: dict[str, int]) -> Reihe:
    return Reihe(
        "Empfehlungen",
        tuple(float(status[s]) for s in STATUS_REIHENFOLGE),
        HERVORHEBUNG,
        tuple(status_farbe(s) for s in STATUS_REIHENFOLGE),
    )


def _status_diagramm(status: dict[str, int], alt: str, annahme: bool = False) -> Diagramm:
    return Diagramm(
        "balken",
        tuple(_mit_marke(s, annahme and status[s]) for s in STATUS_REIHENFOLGE),
        (_status_reihen_gesamt(status),),
        FORMAT_ANZAHL,
        "#,##0",
        "Anzahl der Empfehlungen",
        alt,
        fussnote=FUSSNOTE if annahme and any(status.values()) else "",
    )


def _kennzahl(wert: str, bezeichnung: str, annahme: bool) -> Kennzahl:
    return Kennzahl(wert, bezeichnung + (ansicht.ANNAHME_MARKE if annahme else ""))


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


def _bilanzfolie(auswertung: Auswertung) -> Folie | None:
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
        f"{_anteil_text(umgesetzt, anzahl)} der Empfehlungen sind umgesetzt, "
        f"weitere {_anteil_text(in_arbeit, anzahl)} in Arbeit."
    )
    alt = "Gesamtbilanz: " + "; ".join(f"{s} {fmt.zahl(status[s])}" for s in STATUS_REIHENFOLGE)
    return Folie(
        "bilanz",
        "Gesamtbilanz",
        kernaussage=kern,
        kennzahlen=(
            _kennzahl(fmt.zahl(anzahl), "Handlungsempfehlungen", annahme),
            _kennzahl(_anteil_text(umgesetzt, anzahl), f"umgesetzt ({fmt.zahl(umgesetzt)})", annahme),
            _kennzahl(
                _anteil_text(begonnen, anzahl),
                f"umgesetzt oder in Arbeit ({fmt.zahl(begonnen)})",
                annahme,
            ),
        ),
        diagramm=_status_diagramm(status, alt, annahme),
    )


def _statusfolie(auswertung: Auswertung) -> Folie | None:
    verteilung = auswertung.verteilung
    mit = verteilung[verteilung["empfehlungen"] > 0]
    if mit.empty:
        return None
    bester = mit.loc[mit["anteil_umgesetzt"].idxmax()]
    offen = mit.loc[mit["anteil_nicht umgesetzt"].idxmax()]
    kern = f"Am weitesten: {bester['name']} ({fmt.anteil(bester['anteil_umgesetzt'])} umgesetzt)."
    if offen["nicht umgesetzt"] > 0:
        kern += f" Am meisten offen: {offen['name']} ({fmt.anteil(offen['anteil_nicht umgesetzt'])} nicht umgesetzt)."
    betroffen = auswertung.annahmen.felder_betroffen
    kategorien = tuple(
        _mit_marke(f"{int(n)} {name}", int(n) in betroffen) for n, name in zip(verteilung["nr"], verteilung["name"])
    )
    reihen = tuple(Reihe(s, tuple(float(v) for v in verteilung[s]), status_farbe(s)) for s in STATUS_REIHENFOLGE)
    return Folie(
        "status",
        "Stand der Umsetzung je Handlungsfeld",
        kernaussage=kern,
        diagramm=Diagramm(
            "gestapelt_100",
            kategorien,
            reihen,
            FORMAT_ANZAHL,
            FORMAT_ANTEIL,
            "Anteil der Empfehlungen",
            "Status der Empfehlungen je Handlungsfeld als gestapelte Balken; Beschriftung: Anzahl",
            legende=True,
            fussnote=FUSSNOTE if betroffen else "",
        ),
    )


def _feldfolien(auswertung: Auswertung) -> list[Folie]:
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
            f"({_anteil_text(status['umgesetzt'], anzahl)}), {fmt.zahl(status['in Arbeit'])} in Arbeit."
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
                diagramm=_status_diagramm(status, alt, nr in auswertung.annahmen.felder_betroffen),
                feld_nr=nr,
            )
        )
    return folien


def _einbuergerungsfolie(auswertung: Auswertung) -> Folie | None:
    vergleich = auswertung.einbuergerung
    jahre = [
        j
        for j in auswertung.einbuergerung_jahre
        if vergleich.loc[vergleich["jahr"] == j, "quote_prozent"].notna().any()
    ]
    if not jahre:
        return None
    jahr = jahre[-1]
    teil = vergleich[vergleich["jahr"] == jahr]
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
        _mit_marke(g if pd.notna(q) else f"{g} ({fmt.KEINE_ANGABE})", a)
        for g, q, a in zip(teil["gebiet"], teil["quote_prozent"], teil["annahme"])
    )
    werte = tuple(None if pd.isna(q) else float(q) for q in teil["quote_prozent"])
    farben = tuple(HERVORHEBUNG if ref else NEUTRAL for ref in teil["ist_referenz"])
    return Folie(
        "einbuergerung",
        f"Einbürgerung in der Region Stuttgart {jahr}",
        kernaussage=kern,
        diagramm=Diagramm(
            "balken",
            kategorien,
            (Reihe("Einbürgerungsquote in %", werte, NEUTRAL, farben),),
            FORMAT_PROZENT,
            '0.0" %"',
            "Einbürgerungsquote in %",
            f"Einbürgerungsquoten {jahr} nach Gebiet, absteigend",
            fussnote=FUSSNOTE if teil["annahme"].any() else "",
        ),
        jahr=jahr,
    )


def _haushaltsfolien(auswertung: Auswertung) -> list[Folie]:
    folien = []
    for jahr in auswertung.haushalt_jahre:
        summen = auswertung.haushalt(jahr)
        if not summen.positionen:
            continue
        nach_feld = summen.nach_handlungsfeld
        kategorien = [
            _mit_marke(f"{int(n)} {name}", a)
            for n, name, a in zip(nach_feld["nr"], nach_feld["name"], nach_feld["annahme"])
        ]
        werte = [float(b) for b in nach_feld["betrag"]]
        farben = [HERVORHEBUNG] * len(werte)
        if summen.ohne_handlungsfeld_eur:
            kategorien.append(_mit_marke(fmt.OHNE_ZUORDNUNG, summen.ohne_handlungsfeld_annahme))
            werte.append(summen.ohne_handlungsfeld_eur)
            farben.append(NEUTRAL)
        groesste = summen.massnahmen.sort_values("betrag", ascending=False, kind="stable").head(3)
        punkte = tuple(
            Punkt(_mit_marke(kuerzen(m), z), vorne=f"{fmt.euro(b)} ({fmt.anteil(a)})")
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
                    (Reihe("Betrag in Euro", tuple(werte), HERVORHEBUNG, tuple(farben)),),
                    FORMAT_EURO,
                    '#,##0" €"',
                    "Betrag in Euro",
                    f"Haushalt {jahr} je Handlungsfeld in Euro",
                    fussnote=FUSSNOTE if any(MARKE in k for k in kategorien) else "",
                ),
                jahr=jahr,
            )
        )
    return folien


def _fortschrittsfolie(auswertung: Auswertung, vorher: Auswertung) -> Folie | None:
    from ipdaten.zahlen.vergleich import vergleiche

    vergleich = vergleiche(vorher.anlage, auswertung.anlage)
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
        _mit_marke(f"{int(n)} {name}", int(n) in betroffen) for n, name in zip(felder["nr"], felder["name"])
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
                Reihe(f"umgesetzt {alt_datum}", werte("umgesetzt_alt"), NEUTRAL, beschriftungen=None),
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
        ),
    )


def _meilensteinfolie(auswertung: Auswertung) -> Folie | None:
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


def _verlaufsfolie(verlauf: VerlaufAuswertung) -> Folie | None:
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
    reihen = tuple(
        Reihe(
            titel,
            tuple(None if pd.isna(v) else float(v) for v in gesamt[mass]),
            status_farbe("umgesetzt") if mass == "umgesetzt" else status_farbe("in Arbeit"),
        )
        for mass, titel in FORTSCHRITT_TITEL.items()
    )
    return Folie(
        "verlauf",
        f"Verlauf über {fmt.zahl(len(gesamt))} Stände",
        untertitel="Anteile über alle Handlungsfelder, je Stand",
        kernaussage=kern,
        diagramm=Diagramm(
            "gruppiert",
            kategorien,
            reihen,
            "0 %",
            FORMAT_ANTEIL,
            "Anteil der Empfehlungen",
            "Anteile umgesetzt und umgesetzt oder in Arbeit über alle Handlungsfelder in jedem Stand",
            legende=True,
        ),
    )


def _gestapelt(verteilung: pd.DataFrame, kategorien: tuple[str, ...], alt: str) -> Diagramm:
    reihen = tuple(Reihe(s, tuple(float(v) for v in verteilung[s]), status_farbe(s)) for s in STATUS_REIHENFOLGE)
    return Diagramm(
        "gestapelt_100", kategorien, reihen, FORMAT_ANZAHL, FORMAT_ANTEIL, "Anteil der Empfehlungen", alt, True
    )


def _gefluechtetenfolie(auswertung: Auswertung) -> Folie | None:
    if not fs.hat_bezug(auswertung.anlage):
        return None
    g = auswertung.fortschreibung("gefluechtete")
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


def _zustaendigkeitsfolie(auswertung: Auswertung) -> Folie | None:
    anlage = auswertung.anlage
    if not fs.hat_zustaendigkeit(anlage):
        return None
    verteilung = auswertung.fortschreibung("status_nach", "zustaendig").head(MAX_ZUSTAENDIGE)
    punkte: tuple[Punkt, ...] = ()
    kern = f"Status der Empfehlungen je zuständiger Stelle ({fmt.zahl(len(verteilung))} Stellen mit den meisten Empfehlungen)."
    weitere = 0
    if fs.hat_termin(anlage) and anlage.stand is not None:
        ueberfaellig = auswertung.fortschreibung("ueberfaellig", anlage.stand)
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


def _plan_ist_folien(auswertung: Auswertung) -> list[Folie]:
    folien = []
    for jahr in auswertung.haushalt_jahre:
        p = auswertung.fortschreibung("plan_ist", jahr)
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
                        Reihe("Plan", tuple(float(v) for v in f["plan"]), NEUTRAL),
                        Reihe("Ist", tuple(float(v) for v in f["ist"]), HERVORHEBUNG),
                    ),
                    FORMAT_EURO,
                    '#,##0" €"',
                    "Betrag in Euro",
                    f"Haushalt {jahr}: Plan und Ist je Handlungsfeld in Euro (Positionen mit Ist)",
                    legende=True,
                ),
                jahr=jahr,
            )
        )
    return folien


def praesentation(
    auswertung: Auswertung,
    *,
    vorher: Auswertung | None = None,
    hinweis: str = "",
    vorschau: bool = False,
    verlauf: VerlaufAuswertung | None = None,
) -> Praesentation:
    """The slides of the Stand in `auswertung`, in presentation order.

    `verlauf` (the history over all Stände) adds the Verlauf slide;
    `vorher` is the previous Stand (adds the progress slide); `hinweis` is a line for the
    title slide (e.g. that the data is a reconstruction); `vorschau` marks the line on every
    slide as an unpublished preview. Slides without data are left out.
    """
    anlage = auswertung.anlage
    folien: list[Folie | None] = [
        _titelfolie(auswertung, hinweis),
        _bilanzfolie(auswertung),
        _statusfolie(auswertung),
        *_feldfolien(auswertung),
        _einbuergerungsfolie(auswertung),
        _gefluechtetenfolie(auswertung),
        _zustaendigkeitsfolie(auswertung),
        *_haushaltsfolien(auswertung),
        *_plan_ist_folien(auswertung),
        _fortschrittsfolie(auswertung, vorher) if vorher is not None else None,
        _verlaufsfolie(verlauf) if verlauf is not None else None,
        _meilensteinfolie(auswertung),
    ]
    return Praesentation(
        titel=anlage.titel,
        stand=anlage.stand,
        stand_text=stand_zeile(anlage.stand) + (f" ({VORSCHAU})" if vorschau else ""),
        folien=tuple(f for f in folien if f is not None),
        vorher_stand=vorher.anlage.stand if vorher is not None else None,
    )

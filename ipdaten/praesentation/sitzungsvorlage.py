"""The committee report (Sitzungsvorlage) as data: every paragraph and table of the Word document.

`sitzungsvorlage(auswertung, vorher=..., sitzungsdatum=...)` drafts the report to the Sozial-
und Gesundheitsausschuss in the structure of the first report (6. März 2017): head with the
Sitzungsdatum, a placeholder for the introduction, "1. Bilanz" with one paragraph per
Handlungsfeld in the report's own pattern (shares and counts per status, named
recommendations as examples, change since the previous Stand), the naturalisation comparison,
"2. Weiteres Vorgehen" from the Meilensteine, "3. Finanzielle Auswirkungen" and Anlage 1.

Every figure comes from the Auswertung (kennzahlen) or from zahlen.vergleich; nothing is
recomputed here in a different way. Workbook text is kept as it is. Text that the
Integrationsbeauftragte must write herself, and every assumption or placeholder of the data,
is a `Markierung` (rendered highlighted in brackets), never invented prose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ipdaten import format as fmt
from ipdaten.amtlich.quellenangabe import quellen_des_jahres
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige, falte
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.folien import Diagramm, benannte_empfehlungen, praesentation
from ipdaten.zahlen.annahmen import kennzeichnung

# At most this many named recommendations per status as examples ("wie z. B. „…“ und „…“").
MAX_BEISPIELE = 2
# Words in the Meilensteine that name a committee meeting (the Sitzungsdatum).
SITZUNG_WOERTER = ("ausschuss", "sitzung", "kreistag", "sga")
EINLEITUNG_PLATZHALTER = (
    "Einleitung: hier den einführenden Text zum Bericht einfügen (Anlass, Rückblick seit dem "
    "letzten Bericht, Einordnung). Dieser Absatz wird nicht aus den Daten erzeugt."
)
SITZUNGSDATUM_PLATZHALTER = "Sitzungsdatum eintragen"
ZAHLWOERTER = ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")


@dataclass(frozen=True)
class Markierung:
    """A marked text: a placeholder to fill in or an assumption of the data. The document
    shows it highlighted and in square brackets, as the screen marks "Annahme"/"Platzhalter"."""

    text: str


@dataclass(frozen=True)
class Feldabsatz:
    """The paragraph of one Handlungsfeld in "1. Bilanz"."""

    nr: int
    name: str
    leitsatz: str
    text: str
    fortschritt: str = ""
    hinweis: Markierung | None = None


@dataclass(frozen=True)
class Zeile:
    """One table row as German text cells."""

    zellen: tuple[str, ...]
    kennzeichnung: str = ""


@dataclass(frozen=True)
class Haushaltsjahr:
    """The measures of one budget year with their sum."""

    jahr: int
    text: str
    zeilen: tuple[Zeile, ...]
    summe: str


@dataclass(frozen=True)
class Sitzungsvorlage:
    """Everything the Word document says, as German text, in document order."""

    titel: str
    stand: str
    sitzungsdatum: str | Markierung
    sitzungsdatum_herkunft: str
    hinweise: tuple[Markierung, ...]
    einleitung: Markierung
    bilanz_einleitung: str
    gesamt: str
    fortschritt: str
    felder: tuple[Feldabsatz, ...]
    diagramm_status: Diagramm | None
    einbuergerung_text: str
    einbuergerung_zeilen: tuple[Zeile, ...]
    diagramm_einbuergerung: Diagramm | None
    vorgehen_text: str
    vorgehen: tuple[Zeile, ...]
    finanzen_text: str
    haushalt: tuple[Haushaltsjahr, ...]
    anlage1: tuple[Zeile, ...]
    anlage1_text: str
    vorher_stand: str = ""


# --- small German helpers --------------------------------------------------------------------


def zahlwort(anzahl: int) -> str:
    """A count as the report writes a small number of fields: 8 → 'acht', 13 → '13'."""
    return ZAHLWOERTER[anzahl] if 0 <= anzahl < len(ZAHLWOERTER) else fmt.zahl(anzahl)


def aufzaehlung(teile: list[str]) -> str:
    """'A', 'A und B', 'A, B und C'."""
    if len(teile) <= 1:
        return "".join(teile)
    return ", ".join(teile[:-1]) + " und " + teile[-1]


def zitat(text: object) -> str:
    """Workbook text in German quotation marks."""
    return f"„{bereinige(text)}“"


def punkte_text(diff_pp: float) -> str:
    """A difference in percentage points as words: 'um 10 Prozentpunkte gestiegen'.

    One decimal, and none when it is whole (0.5 → '0,5'; 10.0 → '10')."""
    betrag = round(abs(diff_pp), 1)
    zahl = fmt.zahl(betrag, 0 if betrag == int(betrag) else 1)
    if betrag == 0:
        return "unverändert geblieben"
    einheit = "Prozentpunkt" if betrag == 1 else "Prozentpunkte"
    return f"um {zahl} {einheit} {'gestiegen' if diff_pp > 0 else 'gesunken'}"


def veraenderung(alt: float, neu: float, diff_pp: float) -> str:
    """The end of a progress sentence: 'um 5 Prozentpunkte gestiegen (von 30 % auf 35 %).'
    or 'mit 18 % unverändert geblieben.' Shares in whole percent (a sentence: the rounding rule, README)."""
    text = punkte_text(diff_pp)
    if text == "unverändert geblieben":
        return f"mit {fmt.anteil(neu)} unverändert geblieben."
    return f"{text} (von {fmt.anteil(alt)} auf {fmt.anteil(neu)})."


def artikel(gebiet: str) -> str:
    """The area with its article where the name makes it clear: 'der Landkreis Böblingen',
    'der Rems-Murr-Kreis', 'die Stadt Sindelfingen'; other names stay as they are."""
    gefaltet = falte(gebiet)
    if gefaltet.split(" ")[0].endswith("kreis") or gefaltet.endswith("kreis"):
        return f"der {gebiet}"
    if gefaltet.startswith(("stadt ", "region ", "gemeinde ")):
        return f"die {gebiet}"
    return gebiet


def _anteil(anzahl: int, gesamt: int) -> str:
    return fmt.anteil(anzahl / gesamt if gesamt else None)


def _empfehlungen(anzahl: int) -> str:
    return "eine Empfehlung" if anzahl == 1 else f"{fmt.zahl(anzahl)} Empfehlungen"


def _beispiele(benannt: pd.DataFrame, status: str) -> list[str]:
    eigene = benannt[benannt["status"].astype(str) == status]
    return [zitat(e) for e in eigene["empfehlung"].head(MAX_BEISPIELE)]


def _wie(beispiele: list[str], anzahl: int) -> str:
    if not beispiele:
        return ""
    if anzahl == 1:
        return f": {beispiele[0]}"
    return f", wie z. B. {aufzaehlung(beispiele)}"


# Per status: (verb for one, verb for many), and the split "Davon <verb> 45 % (9) <rest>" used
# when no share was named before.
_SAETZE = {
    "umgesetzt": ("wurde umgesetzt", "wurden umgesetzt"),
    "in Arbeit": ("befindet sich in Arbeit", "befinden sich in Arbeit"),
    "in Abstimmung": ("befindet sich noch in Abstimmung", "befinden sich noch in Abstimmung"),
    "nicht umgesetzt": ("wurde noch nicht umgesetzt", "wurden noch nicht umgesetzt"),
}
_DAVON = {
    "umgesetzt": ("wurden", "umgesetzt"),
    "in Arbeit": ("befinden sich", "in Arbeit"),
    "in Abstimmung": ("befinden sich", "noch in Abstimmung"),
    "nicht umgesetzt": ("wurden", "noch nicht umgesetzt"),
}


def _status_satz(status: str, anzahl: int, gesamt: int, beispiele: list[str], erster: bool) -> str:
    """One sentence of a field paragraph after the first, e.g. 'Weitere 45 % der Empfehlungen
    (9) befinden sich in Arbeit, wie z. B. „…“.' Never called with anzahl 0."""
    anteil = _anteil(anzahl, gesamt)
    wie = _wie(beispiele, anzahl)
    if status == "ohne Angabe":
        wer = f"eine Empfehlung ({anteil})" if anzahl == 1 else f"{anteil} der Empfehlungen ({fmt.zahl(anzahl)})"
        if anzahl == gesamt:
            wer = "die eine Empfehlung" if anzahl == 1 else f"alle {fmt.zahl(anzahl)} Empfehlungen"
        return f"Für {wer} liegt keine Angabe zum Stand der Umsetzung vor{wie}."
    einzahl, mehrzahl = _SAETZE[status]
    if anzahl == gesamt:
        return f"Alle {fmt.zahl(anzahl)} Empfehlungen {mehrzahl}{wie}." if anzahl > 1 else f"Sie {einzahl}{wie}."
    if anzahl == 1:
        vorn = "Eine Empfehlung" if erster else "Eine weitere Empfehlung"
        return f"{vorn} ({anteil}) {einzahl}{wie}."
    if erster:
        verb, rest = _DAVON[status]
        return f"Davon {verb} {anteil} ({fmt.zahl(anzahl)} Empfehlungen) {rest}{wie}."
    return f"Weitere {anteil} der Empfehlungen ({fmt.zahl(anzahl)}) {mehrzahl}{wie}."


def feld_text(
    nr: int, name: str, zaehlung: dict[str, int], gesamt: int, benannt: pd.DataFrame, seiten: str = ""
) -> str:
    """The figures paragraph of one Handlungsfeld in the pattern of the first report: "Die 20
    Handlungsempfehlungen im Handlungsfeld 3. Sprache wurden zu 35 % umgesetzt (7), wie z. B.
    „…“. Weitere 45 % der Empfehlungen (9) befinden sich in Arbeit, …".

    `zaehlung` holds the count of every status (from kennzahlen.status_verteilung), `benannt`
    the field's named (non-placeholder) recommendations for the examples, `seiten` the pages
    in the Integrationsplan."""
    feld = f"im Handlungsfeld {int(nr)}. {name}" + (f" (Integrationsplan Seiten {seiten})" if seiten else "")
    if gesamt == 0:
        return f"Für das Handlungsfeld {int(nr)}. {name} ist keine Handlungsempfehlung eingetragen."
    umgesetzt = zaehlung["umgesetzt"]
    beispiele = _wie(_beispiele(benannt, "umgesetzt"), umgesetzt)
    if gesamt == 1:
        saetze = [
            f"Die eine Handlungsempfehlung {feld} wurde umgesetzt{beispiele}."
            if umgesetzt
            else f"Die eine Handlungsempfehlung {feld} wurde bisher nicht umgesetzt."
        ]
    elif umgesetzt == 0:
        saetze = [f"Von den {fmt.zahl(gesamt)} Handlungsempfehlungen {feld} wurde bisher keine umgesetzt."]
    elif umgesetzt == gesamt:
        saetze = [f"Alle {fmt.zahl(gesamt)} Handlungsempfehlungen {feld} wurden umgesetzt{beispiele}."]
    elif umgesetzt == 1:
        saetze = [
            f"Von den {fmt.zahl(gesamt)} Handlungsempfehlungen {feld} wurde eine umgesetzt "
            f"({_anteil(1, gesamt)}){beispiele}."
        ]
    else:
        saetze = [
            f"Die {fmt.zahl(gesamt)} Handlungsempfehlungen {feld} wurden zu {_anteil(umgesetzt, gesamt)} "
            f"umgesetzt ({fmt.zahl(umgesetzt)} Empfehlungen){beispiele}."
        ]
    erster = umgesetzt == 0
    for status in STATUS_REIHENFOLGE:
        anzahl = zaehlung[status]
        if anzahl == 0 or status == "umgesetzt" or gesamt == 1:
            continue
        saetze.append(_status_satz(status, anzahl, gesamt, _beispiele(benannt, status), erster))
        erster = False
    if gesamt == 1 and not umgesetzt:
        status = next(s for s in STATUS_REIHENFOLGE if zaehlung[s])
        if status == "ohne Angabe":
            saetze.append("Zu ihrem Stand liegt keine Angabe vor.")
        else:
            saetze.append(f"Sie {_SAETZE[status][0]}{_wie(_beispiele(benannt, status), 1)}.")
    return " ".join(saetze)


def _feld_hinweis(eigene: pd.DataFrame) -> Markierung | None:
    marken = [kennzeichnung(q, b) for q, b in zip(eigene["quelle"], eigene["bemerkung"])]
    annahmen = sum(1 for m in marken if m)
    if not annahmen:
        return None
    gesamt = len(eigene)
    wer = (
        "Die eine Empfehlung dieses Handlungsfelds beruht"
        if gesamt == 1
        else (
            f"Alle {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen"
            if annahmen == gesamt
            else (
                f"Eine der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruht"
                if annahmen == 1
                else f"{fmt.zahl(annahmen)} der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen"
            )
        )
    )
    return Markierung(
        f"Annahme: {wer} auf Annahmen oder Platzhaltern der Arbeitsmappe (Spalten Quelle/Bemerkung); "
        "die Anteile sind insoweit nicht die Angaben des Landkreises."
    )


def _fortschritt_feld(zeile: pd.Series | None, vorher_datum: str) -> str:
    if zeile is None:
        return ""
    if zeile["art"] == "neu":
        return f"Das Handlungsfeld ist seit dem Stand vom {vorher_datum} neu hinzugekommen."
    if pd.isna(zeile["umgesetzt_diff_pp"]):
        return ""
    return f"Seit dem Stand vom {vorher_datum} ist der Anteil umgesetzter Empfehlungen " + veraenderung(
        zeile["umgesetzt_alt"], zeile["umgesetzt_neu"], float(zeile["umgesetzt_diff_pp"])
    )


# --- the sections ------------------------------------------------------------------------------


def sitzungstermin(auswertung: Auswertung) -> tuple[dt.date | None, str]:
    """The next committee meeting from the Meilensteine: the first milestone on or after the
    Stand, exact to the day, whose Ereignis names a committee ("Ausschuss", "Sitzung", …).

    Returns (date, the milestone's text) or (None, "")."""
    anlage = auswertung.anlage
    meilensteine = anlage.meilensteine.sort_values("datum", kind="stable")
    if anlage.stand is not None:
        meilensteine = meilensteine[meilensteine["datum"] >= anlage.stand]
    for datum, genauigkeit, ereignis in zip(
        meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"]
    ):
        if genauigkeit == "tag" and any(w in falte(ereignis) for w in SITZUNG_WOERTER):
            return datum, bereinige(ereignis)
    return None, ""


def _bilanz_einleitung(auswertung: Auswertung) -> str:
    felder = auswertung.anlage.handlungsfelder
    anzahl = len(felder)
    liste = aufzaehlung(
        [
            f"{int(nr)}. {name}" + (f" ({bereinige(leitsatz)})" if bereinige(leitsatz) else "")
            for nr, name, leitsatz in zip(felder["nr"], felder["name"], felder["leitsatz"])
        ]
    )
    wort = "ein Handlungsfeld" if anzahl == 1 else f"{zahlwort(anzahl)} Handlungsfelder"
    return (
        f"Der Integrationsplan ist in {wort} aufgeteilt: {liste}. Im Folgenden wird die Umsetzung "
        f"der Empfehlungen in {'diesem Handlungsfeld' if anzahl == 1 else f'allen {zahlwort(anzahl)} Handlungsfeldern'} "
        "quantitativ zusammengefasst. Eine ausführlichere Auswertung findet sich in Anlage 1."
    )


def _gesamt_text(auswertung: Auswertung) -> str:
    gesamt = auswertung.gesamt
    anzahl = gesamt["empfehlungen"]
    status = gesamt["status"]
    if anzahl == 0:
        return "Die Arbeitsmappe enthält keine Handlungsempfehlung."
    kopf = (
        "Insgesamt enthält der Integrationsplan eine Handlungsempfehlung."
        if anzahl == 1
        else f"Insgesamt enthält der Integrationsplan {fmt.zahl(anzahl)} Handlungsempfehlungen."
    )
    teile = [
        f"{'eine' if status[s] == 1 else fmt.zahl(status[s])} ({_anteil(status[s], anzahl)}) {s}"
        for s in STATUS_REIHENFOLGE
        if s != "ohne Angabe" and status[s]
    ]
    saetze = [kopf]
    if teile:
        verb = (
            "ist"
            if len(teile) == 1 and sum(status[s] for s in STATUS_REIHENFOLGE if s != "ohne Angabe") == 1
            else "sind"
        )
        saetze.append(f"Davon {verb} {aufzaehlung(teile)}.")
    ohne = status["ohne Angabe"]
    if ohne:
        wer = "eine Empfehlung" if ohne == 1 else f"{fmt.zahl(ohne)} Empfehlungen"
        saetze.append(f"Für {wer} ({_anteil(ohne, anzahl)}) liegt keine Angabe zum Stand der Umsetzung vor.")
    return " ".join(saetze)


def _fortschritt_gesamt(vergleich, vorher_datum: str) -> str:
    g = vergleich.gesamt["umgesetzt"]
    saetze = [
        f"Gegenüber dem Stand vom {vorher_datum} ist der Anteil umgesetzter Empfehlungen insgesamt "
        + veraenderung(g["alt"], g["neu"], float(g["diff_pp"]))
    ]
    liste = vergleich.uebergaenge_liste()
    wechsel = liste[liste["von"] != liste["nach"]]
    anzahl = int(wechsel["anzahl"].sum())
    if anzahl == 0:
        saetze.append("Keine der Empfehlungen hat seitdem ihren Status gewechselt.")
    else:
        teile = [
            f"{fmt.zahl(a)} von „{v}“ zu „{n}“" for v, n, a in zip(wechsel["von"], wechsel["nach"], wechsel["anzahl"])
        ]
        wer = "Eine Empfehlung hat" if anzahl == 1 else f"{fmt.zahl(anzahl)} Empfehlungen haben"
        saetze.append(f"{wer} seitdem den Status gewechselt: {aufzaehlung(teile)}.")
    neu = len(vergleich.neu_empfehlungen)
    if neu:
        saetze.append(
            "Eine Empfehlung ist neu hinzugekommen."
            if neu == 1
            else f"{fmt.zahl(neu)} Empfehlungen sind neu hinzugekommen."
        )
    weg = len(vergleich.entfallene_empfehlungen)
    if weg:
        saetze.append("Eine Empfehlung ist entfallen." if weg == 1 else f"{fmt.zahl(weg)} Empfehlungen sind entfallen.")
    return " ".join(saetze)


def _einbuergerung(auswertung: Auswertung) -> tuple[str, tuple[Zeile, ...], int | None]:
    vergleich = auswertung.einbuergerung
    jahre = [
        j
        for j in auswertung.einbuergerung_jahre
        if vergleich.loc[vergleich["jahr"] == j, "quote_prozent"].notna().any()
    ]
    if not jahre:
        return "Die Arbeitsmappe enthält keine Einbürgerungsquoten.", (), None
    jahr = jahre[-1]
    teil = auswertung.einbuergerung_im_jahr(jahr)
    mit = teil[teil["quote_prozent"].notna()]
    ohne = teil[teil["quote_prozent"].isna()]
    referenz = mit[mit["ist_referenz"]]
    saetze = []
    if len(referenz):
        r = referenz.iloc[0]
        saetze.append(
            f"Bei der Einbürgerungsquote {jahr} liegt {artikel(str(r['gebiet']))} mit {fmt.prozent(r['quote_prozent'])} "
            f"auf Rang {int(r['rang'])} von {fmt.zahl(len(mit))} Gebieten mit Angabe."
        )
        andere = mit[~mit["ist_referenz"]]
        if len(andere):
            saetze.append(
                "Zum Vergleich: "
                + aufzaehlung([f"{g} {fmt.prozent(q)}" for g, q in zip(andere["gebiet"], andere["quote_prozent"])])
                + "."
            )
    else:
        saetze.append(
            f"Einbürgerungsquoten {jahr}: "
            + aufzaehlung([f"{g} {fmt.prozent(q)}" for g, q in zip(mit["gebiet"], mit["quote_prozent"])])
            + "."
        )
    mittel = mit["mittel_prozent"].dropna()
    if len(mittel):
        saetze.append(f"Das Mittel der Gebiete mit Angabe beträgt {fmt.prozent(float(mittel.iloc[0]))}.")
    if len(ohne):
        saetze.append(f"Keine Angabe liegt vor für {aufzaehlung(list(ohne['gebiet']))}.")
    # Source and definition as the page Einbürgerung names them (sheet columns Quelle/Definition).
    angaben = quellen_des_jahres(auswertung.anlage.einbuergerung, jahr)
    for angabe in angaben:
        fuer = f" ({aufzaehlung(list(angabe.gebiete))})" if len(angaben) > 1 else ""
        teile = [f"Quelle{fuer}: {bereinige(angabe.quelle) or 'in der Arbeitsmappe nicht angegeben'}"]
        if bereinige(angabe.definition):
            teile.append(f"Definition: {bereinige(angabe.definition)}")
        saetze.append("; ".join(teile) + ".")
    zeilen = tuple(
        Zeile(
            (
                "–" if pd.isna(rang) else f"{int(rang)}.",
                str(gebiet),
                fmt.prozent(quote),
                fmt.prozentpunkte(abstand),
            )
        )
        for rang, gebiet, quote, abstand in zip(
            teil["rang"], teil["gebiet"], teil["quote_prozent"], teil["diff_mittel_pp"]
        )
    )
    return " ".join(saetze), zeilen, jahr


def _vorgehen(auswertung: Auswertung, ausgenommen: dt.date | None) -> tuple[str, tuple[Zeile, ...]]:
    anlage = auswertung.anlage
    meilensteine = anlage.meilensteine.sort_values("datum", kind="stable")
    if anlage.stand is not None:
        meilensteine = meilensteine[meilensteine["datum"] > anlage.stand]
    zeilen = tuple(
        Zeile((fmt.ungefaehres_datum(d, g), bereinige(e)))
        for d, g, e in zip(meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"])
        if not (ausgenommen is not None and d == ausgenommen and g == "tag")
    )
    nach = f"nach dem Stand vom {fmt.datum(anlage.stand)} " if anlage.stand else ""
    if not zeilen:
        return f"Im Blatt „Meilensteine“ sind {nach}keine weiteren Schritte eingetragen.", ()
    if len(zeilen) == 1:
        return f"Als nächster Schritt ist {nach}vorgesehen:", zeilen
    return f"Als nächste Schritte sind {nach}vorgesehen:", zeilen


def _haushalt(auswertung: Auswertung) -> tuple[str, tuple[Haushaltsjahr, ...]]:
    jahre = []
    for jahr in auswertung.haushalt_jahre:
        summen = auswertung.haushalt(jahr)
        if not summen.positionen:
            continue
        anzahl = summen.positionen
        text = (
            f"Im Haushalt {jahr} ist eine Maßnahme mit {fmt.euro(summen.summe_eur)} eingeplant:"
            if anzahl == 1
            else f"Im Haushalt {jahr} sind {fmt.zahl(anzahl)} Maßnahmen mit zusammen {fmt.euro(summen.summe_eur)} eingeplant:"
        )
        zeilen = tuple(
            Zeile((bereinige(m), fmt.euro(b)))
            for m, b in zip(summen.massnahmen["massnahme"], summen.massnahmen["betrag"])
        )
        jahre.append(Haushaltsjahr(jahr, text, zeilen, fmt.euro(summen.summe_eur)))
    if not jahre:
        return "Im Blatt „Haushalt“ der Arbeitsmappe sind keine Maßnahmen eingetragen.", ()
    return (
        "Die Umsetzung des Integrationsplans ist in der Haushaltsplanung berücksichtigt. "
        "Die Beträge sind die im Blatt „Haushalt“ der Arbeitsmappe aufgeführten Positionen.",
        tuple(jahre),
    )


def _anlage1(auswertung: Auswertung) -> tuple[Zeile, ...]:
    e = auswertung.anlage.empfehlungen
    namen = auswertung.anlage.feldnamen
    return tuple(
        Zeile(
            (f"{int(f)} {namen.get(f, '')}".strip(), str(int(n)), bereinige(z), bereinige(t), str(s), bereinige(b)),
            kennzeichnung(q, b),
        )
        for f, n, z, t, s, b, q in zip(
            e["handlungsfeld"], e["nr"], e["ziel"], e["empfehlung"], e["status"], e["bemerkung"], e["quelle"]
        )
    )


def sitzungsvorlage(
    auswertung: Auswertung,
    *,
    vorher: Auswertung | None = None,
    sitzungsdatum: dt.date | None = None,
    hinweis: str = "",
    vorschau: bool = False,
) -> Sitzungsvorlage:
    """The committee report of the Stand in `auswertung` as data.

    `vorher` is the previous Stand (adds the change in percentage points); `sitzungsdatum`
    overrides the date taken from the Meilensteine; `hinweis` is a note on the data (e.g. that
    it is a reconstruction), shown marked under the head; `vorschau` marks an unpublished Stand.
    """
    anlage = auswertung.anlage
    termin, ereignis = sitzungstermin(auswertung)
    if sitzungsdatum is not None:
        datum_text: str | Markierung = fmt.datum(sitzungsdatum)
        herkunft = "eingegeben"
    elif termin is not None:
        datum_text = fmt.datum(termin)
        herkunft = f"aus den Meilensteinen: {ereignis}"
    else:
        datum_text = Markierung(SITZUNGSDATUM_PLATZHALTER)
        herkunft = "kein Sitzungstermin in den Meilensteinen"

    hinweise = []
    if vorschau:
        hinweise.append(Markierung("Vorschau – nicht veröffentlicht: diese Zahlen sind noch kein Stand."))
    if hinweis:
        hinweise.append(Markierung(hinweis))
    annahmen = auswertung.annahmen.empfehlungen
    gesamt = auswertung.gesamt["empfehlungen"]
    if annahmen:
        hinweise.append(
            Markierung(
                f"Annahmen: {fmt.zahl(annahmen)} von {fmt.zahl(gesamt)} Empfehlungen beruhen auf Annahmen oder "
                "Platzhaltern (Spalten Quelle/Bemerkung der Arbeitsmappe) – sie sind im Text und in Anlage 1 "
                "gekennzeichnet und nicht die Angaben des Landkreises."
            )
        )

    vergleich = None
    vorher_datum = ""
    if vorher is not None:
        from ipdaten.zahlen.vergleich import vergleiche

        vergleich = vergleiche(vorher.anlage, anlage)
        vorher_datum = fmt.datum(vorher.anlage.stand)
    fortschritt_nach_nr = (
        {int(z["nr"]): z for _, z in vergleich.felder.iterrows() if z["art"] != "entfallen"} if vergleich else {}
    )

    benannt = benannte_empfehlungen(anlage.empfehlungen)
    felder = []
    for _, zeile in auswertung.verteilung.iterrows():
        nr = int(zeile["nr"])
        zaehlung = {s: int(zeile[s]) for s in STATUS_REIHENFOLGE}
        eigene = anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == nr]
        felder.append(
            Feldabsatz(
                nr=nr,
                name=str(zeile["name"]),
                leitsatz=bereinige(auswertung.handlungsfeld(nr)["leitsatz"]),
                text=feld_text(
                    nr,
                    str(zeile["name"]),
                    zaehlung,
                    int(zeile["empfehlungen"]),
                    benannt[benannt["handlungsfeld"] == nr],
                    bereinige(auswertung.handlungsfeld(nr)["seiten"]),
                ),
                fortschritt=_fortschritt_feld(fortschritt_nach_nr.get(nr), vorher_datum),
                hinweis=_feld_hinweis(eigene),
            )
        )

    folien = praesentation(auswertung)
    diagramme = {f.art: f.diagramm for f in folien.folien if f.diagramm is not None}
    einbuergerung_text, einbuergerung_zeilen, _ = _einbuergerung(auswertung)
    vorgehen_text, vorgehen = _vorgehen(auswertung, termin if sitzungsdatum is None else sitzungsdatum)
    finanzen_text, haushalt = _haushalt(auswertung)
    return Sitzungsvorlage(
        titel=anlage.titel,
        stand=fmt.datum(anlage.stand),
        sitzungsdatum=datum_text,
        sitzungsdatum_herkunft=herkunft,
        hinweise=tuple(hinweise),
        einleitung=Markierung(EINLEITUNG_PLATZHALTER),
        bilanz_einleitung=_bilanz_einleitung(auswertung),
        gesamt=_gesamt_text(auswertung),
        fortschritt=_fortschritt_gesamt(vergleich, vorher_datum) if vergleich is not None else "",
        felder=tuple(felder),
        diagramm_status=diagramme.get("status"),
        einbuergerung_text=einbuergerung_text,
        einbuergerung_zeilen=einbuergerung_zeilen,
        diagramm_einbuergerung=diagramme.get("einbuergerung"),
        vorgehen_text=vorgehen_text,
        vorgehen=vorgehen,
        finanzen_text=finanzen_text,
        haushalt=haushalt,
        anlage1=_anlage1(auswertung),
        anlage1_text=(
            f"Auswertung aller {fmt.zahl(gesamt)} Handlungsempfehlungen, Stand {fmt.datum(anlage.stand)}."
            if gesamt != 1
            else f"Auswertung der einen Handlungsempfehlung, Stand {fmt.datum(anlage.stand)}."
        ),
        vorher_stand=vorher_datum,
    )

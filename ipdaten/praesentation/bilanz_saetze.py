"""The German sentences of the committee report's "1. Bilanz", in the pattern of the first report.

Words for small counts, lists, quotations and changes in percentage points; the figures
paragraph of one Handlungsfeld (`feld_text`); the totals and the progress since the previous
Stand. Pure text from figures computed elsewhere (kennzahlen, zahlen.vergleich).
"""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige, falte
from ipdaten.darstellung.auswertung import Auswertung

# At most this many named recommendations per status as examples ("wie z. B. „…“ und „…“").
MAX_BEISPIELE = 2
ZAHLWOERTER = ("null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")


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
    or 'mit 18 % unverändert geblieben.' Shares in whole percent (a sentence: the rounding rule, docs/handbuch.md)."""
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


def fortschritt_feld(zeile: pd.Series | None, vorher_datum: str) -> str:
    """The change of one field since the previous Stand (a row of vergleich.felder), or ""."""
    if zeile is None:
        return ""
    if zeile["art"] == "neu":
        return f"Das Handlungsfeld ist seit dem Stand vom {vorher_datum} neu hinzugekommen."
    if pd.isna(zeile["umgesetzt_diff_pp"]):
        return ""
    return f"Seit dem Stand vom {vorher_datum} ist der Anteil umgesetzter Empfehlungen " + veraenderung(
        zeile["umgesetzt_alt"], zeile["umgesetzt_neu"], float(zeile["umgesetzt_diff_pp"])
    )


def bilanz_einleitung(auswertung: Auswertung) -> str:
    """The opening of "1. Bilanz": how many Handlungsfelder, each named with its Leitsatz."""
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


def gesamt_text(auswertung: Auswertung) -> str:
    """The totals over all recommendations: how many, and how many of each status with its share."""
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


def fortschritt_gesamt(vergleich, vorher_datum: str) -> str:
    """The change since the previous Stand: share implemented, status changes, new and dropped ones."""
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

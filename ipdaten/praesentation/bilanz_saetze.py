"""The German sentences of the committee report's "1. Bilanz", in the manner of the first report.

The figures paragraph of one Handlungsfeld (`feld_text`), the totals and the progress since the
previous Stand. The report varies its paragraphs and often states the combined share
(„60 % … umgesetzt bzw. im Umsetzungsprozess“); so does `feld_text`: the data choose the lead
sentence (combined share when at least as many are in Arbeit as umgesetzt and together they
make half or more; the share not implemented when that is the largest group; else the share
implemented), and the field's position alternates the wording, so that neighbouring paragraphs
do not read alike. Every figure appears as a share with its count next to it. Pure text from
figures computed elsewhere (kennzahlen, zahlen.vergleich).
"""

from __future__ import annotations

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.satzbausteine import alle_wort, aufzaehlung, gross, veraenderung, zahlwort, zitat
from ipdaten.zahlen.vergleich import Vergleich

# At most this many named recommendations per status as examples ("wie z. B. „…“ und „…“").
MAX_BEISPIELE = 2
OHNE = "ohne Angabe"
KEINE_ANGABE_VOR = "keine Angabe zum Stand der Umsetzung vor"

# Per status: (verb, rest) of the predicate, for one recommendation and for several.
_PRAEDIKAT = {
    "umgesetzt": (("wurde", "umgesetzt"), ("wurden", "umgesetzt")),
    "in Arbeit": (("befindet sich", "in Arbeit"), ("befinden sich", "in Arbeit")),
    "in Abstimmung": (("befindet sich", "noch in Abstimmung"), ("befinden sich", "noch in Abstimmung")),
    "nicht umgesetzt": (("wurde", "noch nicht umgesetzt"), ("wurden", "noch nicht umgesetzt")),
}
# The status as a sentence start: "In Arbeit sind 45 % (9)".
_VORN = {
    "umgesetzt": ("Umgesetzt wurde", "Umgesetzt wurden"),
    "in Arbeit": ("In Arbeit ist", "In Arbeit sind"),
    "in Abstimmung": ("Noch in Abstimmung ist", "Noch in Abstimmung sind"),
    "nicht umgesetzt": ("Noch nicht umgesetzt ist", "Noch nicht umgesetzt sind"),
}


def _praedikat(status: str, anzahl: int) -> str:
    verb, rest = _PRAEDIKAT[status][anzahl != 1]
    return f"{verb} {rest}"


def _anteil(anzahl: int, gesamt: int) -> str:
    return fmt.anteil(anzahl / gesamt if gesamt else None)


def _beispiele(benannt: pd.DataFrame, status: str) -> list[str]:
    eigene = benannt[benannt["status"].astype(str) == status]
    return [zitat(e) for e in eigene["empfehlung"].head(MAX_BEISPIELE)]


def _wie(beispiele: list[str], anzahl: int) -> str:
    """The examples after a count: ': „A“' when they are all of them, else ', wie z. B. „A“ und „B“'."""
    if not beispiele:
        return ""
    if len(beispiele) >= anzahl:
        return f": {aufzaehlung(beispiele)}"
    return f", wie z.\u00a0B. {aufzaehlung(beispiele)}"  # no line break inside "z. B."


def _teil_satz(status: str, anzahl: int, gesamt: int, beispiele: list[str], variante: int, davon: bool) -> str:
    """One status after the lead sentence, e.g. 'Weitere 45 % der Empfehlungen (9) befinden sich
    in Arbeit, wie z. B. „…“.' or 'In Arbeit sind 45 % (9), …'. Never called with anzahl 0."""
    anteil = _anteil(anzahl, gesamt)
    wie = _wie(beispiele, anzahl)
    if status == OHNE:
        if anzahl == 1:
            return f"Für eine Empfehlung ({anteil}) liegt {KEINE_ANGABE_VOR}{wie}."
        if variante:
            return f"Zu {fmt.zahl(anzahl)} Empfehlungen ({anteil}) liegt {KEINE_ANGABE_VOR}{wie}."
        return f"Für {anteil} der Empfehlungen ({fmt.zahl(anzahl)}) liegt {KEINE_ANGABE_VOR}{wie}."
    if anzahl == 1:
        return f"{'Eine' if davon or variante else 'Eine weitere'} Empfehlung ({anteil}) {_praedikat(status, 1)}{wie}."
    if davon:
        verb, rest = _PRAEDIKAT[status][1]
        return f"Davon {verb} {anteil} ({fmt.zahl(anzahl)} Empfehlungen) {rest}{wie}."
    if variante:
        return f"{_VORN[status][1]} {anteil} ({fmt.zahl(anzahl)}){wie}."
    return f"Weitere {anteil} der Empfehlungen ({fmt.zahl(anzahl)}) {_praedikat(status, anzahl)}{wie}."


def _vorn_satz(status: str, anzahl: int, gesamt: int, beispiele: list[str]) -> str:
    """'Umgesetzt wurden 30 % (6), wie z. B. „…“' (no full stop)."""
    einzahl, mehrzahl = _VORN[status]
    wie = _wie(beispiele, anzahl)
    if anzahl == 1:
        return f"{einzahl} eine Empfehlung ({_anteil(1, gesamt)}){wie}"
    return f"{mehrzahl} {_anteil(anzahl, gesamt)} ({fmt.zahl(anzahl)}){wie}"


def _davon_teil(status: str, anzahl: int, gesamt: int, beispiele: list[str], verb_zuerst: bool = False) -> str:
    """'4 wurden umgesetzt (18 %), wie z. B. „…“' or, after "Davon", 'wurden 4 umgesetzt (18 %)'
    (no full stop)."""
    verb, rest = _PRAEDIKAT[status][anzahl != 1]
    wer = "eine" if anzahl == 1 else fmt.zahl(anzahl)
    kern = f"{verb} {wer} {rest}" if verb_zuerst else f"{wer} {verb} {rest}"
    return f"{kern} ({_anteil(anzahl, gesamt)}){_wie(beispiele, anzahl)}"


def _eine_der(feld: str, gesamt: int, verb: str, rest: str, wie: str, variante: int) -> str:
    """The lead sentence when its group is one recommendation: 'Im Handlungsfeld 3. X ist eine
    der 4 Handlungsempfehlungen noch nicht umgesetzt (25 %)' or 'Von den 4 … wurde eine umgesetzt (25 %)'."""
    g, anteil = fmt.zahl(gesamt), _anteil(1, gesamt)
    if variante:
        return f"Von den {g} Handlungsempfehlungen {feld} {verb} eine {rest} ({anteil}){wie}."
    return f"{gross(feld)} {verb} eine der {g} Handlungsempfehlungen {rest} ({anteil}){wie}."


def _muster(z: dict[str, int], gesamt: int) -> str:
    """Which lead sentence the figures call for: 'nicht' (the largest group is not implemented),
    'kombiniert' (at least as many in Arbeit as umgesetzt, together half or more),
    'umgesetzt', or 'keine' (none implemented)."""
    u, a, n = z["umgesetzt"], z["in Arbeit"], z["nicht umgesetzt"]
    if n > u and n >= max(z.values()):
        return "nicht"
    if u and a >= u and 2 * (u + a) >= gesamt:
        return "kombiniert"
    return "umgesetzt" if u else "keine"


def _ein_oder_zwei(feld: str, z: dict[str, int], gesamt: int, benannt: pd.DataFrame) -> str:
    """One recommendation, or two with different statuses ("die andere")."""
    vorhanden = [s for s in STATUS_REIHENFOLGE if z[s]]
    if gesamt == 1:
        status = vorhanden[0]
        wie = _wie(_beispiele(benannt, status), 1)
        if status == "umgesetzt":
            return f"Die eine Handlungsempfehlung {feld} wurde umgesetzt{wie}."
        folge = (
            f"Zu ihrem Stand liegt keine Angabe vor{wie}." if status == OHNE else f"Sie {_praedikat(status, 1)}{wie}."
        )
        return f"Die eine Handlungsempfehlung {feld} wurde bisher nicht umgesetzt. {folge}"
    erste, zweite = vorhanden
    wie1, wie2 = (_wie(_beispiele(benannt, s), 1) for s in (erste, zweite))
    if erste == OHNE:  # cannot happen: OHNE is last in STATUS_REIHENFOLGE
        raise AssertionError(vorhanden)
    verb, rest = _PRAEDIKAT[erste][0]
    if zweite == OHNE:
        andere = f"zur anderen liegt {KEINE_ANGABE_VOR}{wie2}"
    else:
        verb2, rest2 = _PRAEDIKAT[zweite][0]
        andere = f"die andere {verb2} {rest2}{wie2}"
    return f"Von den beiden Handlungsempfehlungen {feld} {verb} eine {rest}{wie1}; {andere}."


def _leit_nicht(
    feld: str, z: dict[str, int], gesamt: int, benannt: pd.DataFrame, variante: int
) -> tuple[list[str], tuple[str, ...]]:
    """Lead: the share not implemented (the largest group), then the share implemented."""
    g, n = fmt.zahl(gesamt), z["nicht umgesetzt"]
    wie = _wie(_beispiele(benannt, "nicht umgesetzt"), n)
    if n == 1:
        saetze = [_eine_der(feld, gesamt, "ist", "noch nicht umgesetzt", wie, variante)]
    elif variante:
        saetze = [
            f"Von den {g} Handlungsempfehlungen {feld} wurden {_anteil(n, gesamt)} noch nicht umgesetzt ({fmt.zahl(n)}){wie}."
        ]
    else:
        saetze = [
            f"{gross(feld)} sind {_anteil(n, gesamt)} der {g} Handlungsempfehlungen noch nicht umgesetzt "
            f"({fmt.zahl(n)} Empfehlungen){wie}."
        ]
    u = z["umgesetzt"]
    saetze.append(
        _vorn_satz("umgesetzt", u, gesamt, _beispiele(benannt, "umgesetzt")) + "."
        if u
        else "Umgesetzt wurde bisher keine."
    )
    return saetze, ("umgesetzt", "nicht umgesetzt")


def _leit_kombiniert(
    feld: str, z: dict[str, int], gesamt: int, benannt: pd.DataFrame, variante: int
) -> tuple[list[str], tuple[str, ...]]:
    """Lead: the combined share umgesetzt bzw. im Umsetzungsprozess, then its two parts."""
    g, k = fmt.zahl(gesamt), z["umgesetzt"] + z["in Arbeit"]
    if variante:
        kopf = f"Von den {g} Handlungsempfehlungen {feld} sind {_anteil(k, gesamt)} umgesetzt oder in Arbeit ({fmt.zahl(k)})."
        erster = _davon_teil("umgesetzt", z["umgesetzt"], gesamt, _beispiele(benannt, "umgesetzt"), True)
        zweiter = _davon_teil("in Arbeit", z["in Arbeit"], gesamt, _beispiele(benannt, "in Arbeit"))
        return [kopf, f"Davon {erster}; {zweiter}."], ("umgesetzt", "in Arbeit")
    kopf = (
        f"{gross(feld)} sind {_anteil(k, gesamt)} der {g} Handlungsempfehlungen umgesetzt bzw. im "
        f"Umsetzungsprozess ({fmt.zahl(k)} Empfehlungen)."
    )
    teile = [_vorn_satz(s, z[s], gesamt, _beispiele(benannt, s)) for s in ("umgesetzt", "in Arbeit")]
    return [kopf, teile[0] + "; " + teile[1][0].lower() + teile[1][1:] + "."], ("umgesetzt", "in Arbeit")


def _leit_umgesetzt(
    feld: str, z: dict[str, int], gesamt: int, benannt: pd.DataFrame, variante: int
) -> tuple[list[str], tuple[str, ...]]:
    """Lead: the share implemented."""
    g, u = fmt.zahl(gesamt), z["umgesetzt"]
    wie = _wie(_beispiele(benannt, "umgesetzt"), u)
    if u == 1:
        return [_eine_der(feld, gesamt, "wurde", "umgesetzt", wie, variante)], ("umgesetzt",)
    if variante:
        satz = f"In {feld[3:]} wurden insgesamt {_anteil(u, gesamt)} der {g} Handlungsempfehlungen umgesetzt ({fmt.zahl(u)}){wie}."
    else:
        satz = f"Die {g} Handlungsempfehlungen {feld} wurden zu {_anteil(u, gesamt)} umgesetzt ({fmt.zahl(u)} Empfehlungen){wie}."
    return [satz], ("umgesetzt",)


def _leit_keine(
    feld: str, z: dict[str, int], gesamt: int, benannt: pd.DataFrame, variante: int
) -> tuple[list[str], tuple[str, ...]]:
    """Lead: none implemented (the other statuses follow, the first with „Davon“)."""
    g = fmt.zahl(gesamt)
    if variante:
        return [f"In {feld[3:]} wurde bisher keine der {g} Handlungsempfehlungen umgesetzt."], ("umgesetzt",)
    return [f"Von den {g} Handlungsempfehlungen {feld} wurde bisher keine umgesetzt."], ("umgesetzt",)


_LEITSAETZE = {"nicht": _leit_nicht, "kombiniert": _leit_kombiniert, "umgesetzt": _leit_umgesetzt, "keine": _leit_keine}


def feld_text(
    nr: int,
    name: str,
    zaehlung: dict[str, int],
    gesamt: int,
    benannt: pd.DataFrame,
    seiten: str = "",
    position: int = 0,
) -> str:
    """The figures paragraph of one Handlungsfeld, e.g. "Im Handlungsfeld 1. Aufbrechen und
    Ankommen sind 60 % der 20 Handlungsempfehlungen umgesetzt bzw. im Umsetzungsprozess (12
    Empfehlungen). Umgesetzt wurden 30 % (6), …; in Arbeit sind 30 % (6), …. Für 40 % der
    Empfehlungen (8) liegt keine Angabe zum Stand der Umsetzung vor."

    `zaehlung` holds the count of every status (from kennzahlen.status_verteilung), `benannt`
    the field's named (non-placeholder) recommendations for the examples, `seiten` the pages
    in the Integrationsplan, `position` the paragraph's place in the report (0, 1, …), which
    alternates the wording."""
    feld = f"im Handlungsfeld {int(nr)}. {name}" + (f" (Integrationsplan Seiten {seiten})" if seiten else "")
    if gesamt == 0:
        return f"Für das Handlungsfeld {int(nr)}. {name} ist keine Handlungsempfehlung eingetragen."
    z = {s: int(zaehlung[s]) for s in STATUS_REIHENFOLGE}
    vorhanden = [s for s in STATUS_REIHENFOLGE if z[s]]
    if gesamt == 1 or (gesamt == 2 and len(vorhanden) == 2):
        return _ein_oder_zwei(feld, z, gesamt, benannt)
    if len(vorhanden) == 1:
        status = vorhanden[0]
        alle = gross(alle_wort(gesamt, "Handlungsempfehlung", "Handlungsempfehlungen"))
        wie = _wie(_beispiele(benannt, status), gesamt)
        if status == OHNE:
            return f"Für {alle_wort(gesamt, 'Handlungsempfehlung', 'Handlungsempfehlungen')} {feld} liegt {KEINE_ANGABE_VOR}{wie}."
        return f"{alle} {feld} {_praedikat(status, gesamt)}{wie}."

    muster = _muster(z, gesamt)
    saetze, erledigt = _LEITSAETZE[muster](feld, z, gesamt, benannt, position % 2)
    rest = [s for s in STATUS_REIHENFOLGE if z[s] and s not in erledigt]
    for index, status in enumerate(rest):
        saetze.append(
            _teil_satz(
                status,
                z[status],
                gesamt,
                _beispiele(benannt, status),
                (position + index) % 2,
                davon=muster == "keine" and index == 0,
            )
        )
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
    """The totals over all recommendations: how many, how many of each status with its share,
    and the combined share umgesetzt or in Arbeit when both occur."""
    gesamt = auswertung.gesamt
    anzahl = gesamt["empfehlungen"]
    status = gesamt["status"]
    if anzahl == 0:
        return "Für den Integrationsplan ist keine Handlungsempfehlung eingetragen."
    kopf = (
        "Insgesamt enthält der Integrationsplan eine Handlungsempfehlung."
        if anzahl == 1
        else f"Insgesamt enthält der Integrationsplan {fmt.zahl(anzahl)} Handlungsempfehlungen."
    )
    teile = [
        f"{'eine' if status[s] == 1 else fmt.zahl(status[s])} ({_anteil(status[s], anzahl)}) {s}"
        for s in STATUS_REIHENFOLGE
        if s != OHNE and status[s]
    ]
    saetze = [kopf]
    if teile:
        verb = "ist" if len(teile) == 1 and sum(status[s] for s in STATUS_REIHENFOLGE if s != OHNE) == 1 else "sind"
        saetze.append(f"Davon {verb} {aufzaehlung(teile)}.")
    ohne = status[OHNE]
    if ohne:
        wer = "eine Empfehlung" if ohne == 1 else f"{fmt.zahl(ohne)} Empfehlungen"
        saetze.append(f"Für {wer} ({_anteil(ohne, anzahl)}) liegt {KEINE_ANGABE_VOR}.")
    if status["umgesetzt"] and status["in Arbeit"]:
        k = gesamt["fortschritt"]["umgesetzt_oder_in_arbeit"]
        saetze.append(
            f"Umgesetzt oder im Umsetzungsprozess sind damit {fmt.anteil(gesamt['fortschritt_anteil']['umgesetzt_oder_in_arbeit'])} "
            f"der Empfehlungen ({fmt.zahl(k)})."
        )
    return " ".join(saetze)


def fortschritt_gesamt(vergleich: Vergleich, vorher_datum: str) -> str:
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

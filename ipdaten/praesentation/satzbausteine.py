"""Small German building blocks of the committee report's sentences: number words, lists,
quotations, "beide"/"alle", changes in percentage points, areas with their article.

Pure text functions; the figures come from kennzahlen and zahlen.vergleich.
"""

from __future__ import annotations

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige, falte

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


def anzahl_wort(anzahl: int, einzahl: str, mehrzahl: str) -> str:
    """A count with its noun: 'eine Empfehlung', '2 Empfehlungen', 'keine Empfehlung'."""
    if anzahl == 0:
        return f"keine {einzahl}"
    if anzahl == 1:
        return f"eine {einzahl}"
    return f"{fmt.zahl(anzahl)} {mehrzahl}"


def alle_wort(anzahl: int, einzahl: str, mehrzahl: str) -> str:
    """All of a count, as German says it: 'die eine Empfehlung', 'beide Empfehlungen',
    'alle 20 Empfehlungen' (never 'alle 2')."""
    if anzahl == 1:
        return f"die eine {einzahl}"
    if anzahl == 2:
        return f"beide {mehrzahl}"
    return f"alle {fmt.zahl(anzahl)} {mehrzahl}"


def gross(text: str) -> str:
    """The first letter upper-case (a sentence start)."""
    return text[:1].upper() + text[1:]


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
    or 'mit 18 % unverändert geblieben.' Shares in whole percent (the rounding rule, docs/handbuch.md)."""
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


def fuer_gebiet(gebiet: str) -> str:
    """'für den Landkreis Göppingen', 'für die Stadt Stuttgart', 'für Stuttgart'."""
    mit = artikel(gebiet)
    if mit.startswith("der "):
        return "für den " + mit[4:]
    return "für " + mit

"""The header row of a contract table: what names a column, which row is the header, which
column counts for each field, and what is said when required columns are missing.

`kopf_schluessel` reduces a header cell to its name (units, dates, plural endings and
hyphenation do not change which column it is); `finde_kopfzeile` picks the best row (also a
two-row header); `waehle_spalten` never chooses silently between two candidates.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Container
from typing import Any

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text
from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.statuswort import STATUS_GEFALTET, status_schluessel
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import STATUS_REIHENFOLGE, Blatt, Spalte
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.gemerkt import kurze_texte

KOPFZEILE_SUCHTIEFE = 30

# What a header may carry besides its name: a unit, a date ("Status 11/2017"), a plural ending
# "(en)", punctuation and hyphenation at a line break. None of it changes which column it is.
_TAUSEND = re.compile(
    r"\b(?:t€|teur|tsd\.?\s*(?:€|eur|euro)?|tausend\s*(?:€|eur|euro)?|in\s+1\.?000\s*(?:€|eur|euro)?)", re.I
)
_EINHEIT = re.compile(r"(?:\bin\s+)?(?:€|\beur\b|\beuro\b|%|\bprozent\b)", re.I)
_DATUM = re.compile(r"\b(?:stand\s+)?(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[./]\d{4}|(?:19|20)\d{2})\b", re.I)
_PLURAL = re.compile(r"\((?:e?n|s|e)\)")
_ZEICHEN = re.compile(r"[^\w&/ ]+")


def kopf_schluessel(text: object) -> str:
    """A header cell reduced to what names the column: 'Umsetzungs-\\nstand (11/2017)' → 'umsetzungsstand'."""
    return _schluessel(str(text) if text is not None else "")


# Asked for every cell of the top rows of every sheet, and for the contract's titles and aliases on
# every table found (some 1 000 times per workbook, a fifth of reading it).
@kurze_texte(4096)
def _schluessel(roh: object) -> str:
    roh = str(roh)
    roh = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", roh.replace("\u00ad", ""))
    roh = _PLURAL.sub("", roh)
    roh = _TAUSEND.sub(" ", roh)
    roh = _EINHEIT.sub(" ", roh)
    roh = _DATUM.sub(" ", roh)
    roh = _ZEICHEN.sub(" ", falte(roh))
    return " ".join(roh.replace("/", " ").split()).removesuffix(" in").strip()


def kopf_text(text: object) -> str:
    """A header cell as one line for messages: hyphenation at a line break joined, spaces folded."""
    return bereinige(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", str(text) if text is not None else ""))


def tausender_einheit(text: object) -> bool:
    """Whether a text names amounts in thousands of euro (T€, Tsd. €, in Tausend Euro, TEUR)."""
    return bool(_TAUSEND.search(bereinige(text)))


def namen(vertrag: Blatt) -> dict[str, Spalte]:
    """Header keys (titles and aliases, see kopf_schluessel) → column of the contract."""
    ergebnis: dict[str, Spalte] = {}
    for spalte in vertrag.spalten:
        for name in (spalte.titel, *spalte.aliase):
            ergebnis.setdefault(kopf_schluessel(name), spalte)
    return ergebnis


def _kopfzellen(blatt: RohBlatt, index: int, zweizeilig: bool) -> list[Any]:
    """The header cells of row `index`; with `zweizeilig`, an empty cell takes the group header above.

    A two-row header: a merged group cell above ("Umsetzung" over "Status" and "Bemerkung"), or a
    name merged down over both rows ("Nr"), whose value then sits in the upper row only.
    """
    zeile = list(blatt.zeilen[index])
    if not zweizeilig or index == 0:
        return zeile
    oben = list(blatt.zeilen[index - 1])
    for r0, c0, r1, c1 in blatt.zusammengefasst:
        if r0 == index - 1 and r1 == index - 1 and c0 < len(oben):
            for c in range(c0 + 1, min(c1, len(oben) - 1) + 1):
                oben[c] = oben[c0]
    breite = max(len(zeile), len(oben))
    zeile += [""] * (breite - len(zeile))
    return [oben[c] if ist_leer(zeile[c]) and c < len(oben) else zeile[c] for c in range(breite)]


def finde_kopfzeile(
    blatt: RohBlatt, vertrag: Blatt, vorgegeben: Collection[str] = ()
) -> tuple[int, int, set[str], bool]:
    """(required columns found, row index, fields found, two-row) of the best header candidate."""
    schluessel = namen(vertrag)
    pflicht = {s.feld for s in vertrag.pflichtspalten}
    bester: tuple[int, int, set[str], bool] = (-1, -1, set(), False)
    for index in range(min(len(blatt.zeilen), KOPFZEILE_SUCHTIEFE)):
        for zweizeilig in (False, True):
            zellen = _kopfzellen(blatt, index, zweizeilig)
            gefunden = {schluessel[f].feld for f in (kopf_schluessel(z) for z in zellen) if f in schluessel}
            gefunden |= set(vorgegeben)
            treffer = len(gefunden & pflicht)
            if treffer > bester[0]:
                bester = (treffer, index, gefunden, zweizeilig)
        if bester[0] == len(pflicht):
            break
    return bester


def _spalten_text(vertrag: Blatt) -> str:
    pflicht = ", ".join(f"„{s.titel}“" for s in vertrag.pflichtspalten)
    optional = ", ".join(f"„{s.titel}“" for s in vertrag.spalten if not s.pflicht)
    return f"Spalten {pflicht}" + (f" (optional: {optional})" if optional else "")


def melde_fehlende_spalten(
    blatt: RohBlatt, vertrag: Blatt, kopf: int, gefunden: set[str], befunde: Befundliste
) -> None:
    """Record why no header row was found: an empty sheet, or the missing required columns with the
    header cells that most likely mean them."""
    if not any(not ist_leer(z) for zeile in blatt.zeilen for z in zeile):
        befunde.fehler(
            "blatt.leer",
            "Das Blatt ist leer.",
            blatt=blatt.name,
            erlaubt="eine Kopfzeile mit den Spalten " + ", ".join(f"„{s.titel}“" for s in vertrag.pflichtspalten),
        )
        return
    fehlend = [s.titel for s in vertrag.pflichtspalten if s.feld not in gefunden]
    hat_kopf = bool(gefunden)
    vorschlaege = _vorschlaege(blatt, vertrag, kopf, gefunden) if hat_kopf else []
    befunde.fehler(
        "kopf.pflichtspalte_fehlt",
        ("Die Kopfzeile enthält" if hat_kopf else "Keine Kopfzeile gefunden; es fehlen die Pflichtspalten")
        + (" nicht alle Pflichtspalten; es fehlt: " if hat_kopf else ": ")
        + ", ".join(f"„{t}“" for t in fehlend)
        + "."
        + (
            " Vermutlich gemeint: " + "; ".join(vorschlaege) + " – bitte die Spalte umbenennen oder beim Hochladen "
            "zuordnen."
            if vorschlaege
            else ""
        ),
        blatt=blatt.name,
        zeile=kopf + 1 if hat_kopf else None,
        spalte=", ".join(fehlend),
        wert=" | ".join(wert_text(z) for z in blatt.zeilen[kopf] if not ist_leer(z)) if hat_kopf else "",
        erlaubt=_spalten_text(vertrag),
    )


def _vorschlaege(blatt: RohBlatt, vertrag: Blatt, kopf: int, gefunden: set[str]) -> list[str]:
    """For each missing required column, the header cell that most likely means it.

    By name (a close spelling of the title or an alias), and for the status by content: a
    column whose entries are mostly words of the status synonym table.
    """
    schluessel = namen(vertrag)
    frei = {i: z for i, z in enumerate(blatt.zeilen[kopf]) if not ist_leer(z) and kopf_schluessel(z) not in schluessel}
    status_woerter = (set(STATUS_GEFALTET) - {""}) | {status_schluessel(s) for s in STATUS_REIHENFOLGE}
    vorschlaege = []
    for spalte in vertrag.pflichtspalten:
        if spalte.feld in gefunden:
            continue
        namen_der_spalte = [kopf_schluessel(n) for n in (spalte.titel, *spalte.aliase)]
        treffer = None
        for i, zelle in frei.items():
            if difflib.get_close_matches(kopf_schluessel(zelle), namen_der_spalte, n=1, cutoff=0.75):
                treffer = (i, zelle, "")
                break
        if treffer is None and spalte.feld == "status":
            for i, zelle in frei.items():
                werte = [status_schluessel(z[i]) for z in blatt.zeilen[kopf + 1 :] if i < len(z) and not ist_leer(z[i])]
                if werte and sum(w in status_woerter for w in werte) * 2 >= len(werte):
                    treffer = (i, zelle, ", sie enthält Status-Wörter")
                    break
        if treffer is not None:
            i, zelle, grund = treffer
            vorschlaege.append(f"„{kopf_text(zelle)}“ (Spalte {spaltenname(i)}{grund}) als „{spalte.titel}“")
            del frei[i]
    return vorschlaege


def waehle_spalten(
    blatt: RohBlatt, vertrag: Blatt, kopf: int, zweizeilig: bool, versteckt: Container[int], befunde: Befundliste
) -> tuple[dict[str, int] | None, dict[str, str]]:
    """The column of each field; never chosen silently.

    Of several columns for one field: a visible one before a hidden one, the contract's own name
    before another name; the rest is named in a warning. Two visible columns of equal rank with
    different headers ("Status" and "Status 11/2017") are an error: which one is current?
    """
    schluessel = namen(vertrag)
    kandidaten: dict[str, list[tuple[int, object]]] = {}
    for index, zelle in enumerate(_kopfzellen(blatt, kopf, zweizeilig)):
        spalte = schluessel.get(kopf_schluessel(zelle))
        if spalte is not None:
            kandidaten.setdefault(spalte.feld, []).append((index, zelle))
    spalten: dict[str, int] = {}
    titel: dict[str, str] = {}
    zugeordnet: list[str] = []
    eindeutig = True
    for spalte in vertrag.spalten:
        liste = kandidaten.get(spalte.feld)
        if not liste:
            continue
        sichtbar = [k for k in liste if k[0] not in versteckt] or liste
        rang = min(_rang(z, spalte) for _, z in sichtbar)
        beste = [k for k in sichtbar if _rang(k[1], spalte) == rang]
        if len({kopf_text(z) for _, z in beste}) > 1:
            befunde.fehler(
                "kopf.spalte_mehrdeutig",
                f"Mehrere Spalten kommen als „{spalte.titel}“ in Frage; es ist unklar, welche gilt. Bitte die "
                "nicht mehr gültige löschen oder umbenennen.",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
                wert=", ".join(f"„{kopf_text(z)}“ (Spalte {spaltenname(i)})" for i, z in beste),
                erlaubt=f"genau eine Spalte „{spalte.titel}“",
            )
            eindeutig = False
            continue
        index, zelle = beste[0]
        spalten[spalte.feld] = index
        titel[spalte.feld] = kopf_text(zelle)
        if len(beste) > 1:
            befunde.warnung(
                "kopf.spalte_doppelt",
                f"Die Spalte „{spalte.titel}“ steht mehrfach in der Kopfzeile; verwendet wird die erste "
                f"(„{titel[spalte.feld]}“).",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
                wert=wert_text(beste[1][1]),
            )
        andere = [k for k in liste if k not in beste]
        if andere:
            befunde.warnung(
                "kopf.spalte_gewaehlt",
                f"Als „{spalte.titel}“ gelesen wurde die Spalte „{titel[spalte.feld]}“ (Spalte {spaltenname(index)}); "
                "nicht gelesen: "
                + ", ".join(
                    f"„{kopf_text(z)}“ (Spalte {spaltenname(i)}{', ausgeblendet' if i in versteckt else ''})"
                    for i, z in andere
                )
                + ".",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
            )
        if index in versteckt:
            befunde.warnung(
                "kopf.spalte_ausgeblendet",
                f"Die Spalte „{titel[spalte.feld]}“ ist in Excel ausgeblendet; sie wurde trotzdem gelesen.",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
            )
        if kopf_schluessel(zelle) != kopf_schluessel(spalte.titel):
            zugeordnet.append(f"„{kopf_text(zelle)}“ als „{spalte.titel}“")
    if zugeordnet:
        befunde.warnung(
            "kopf.spalten_zugeordnet",
            "Spalten zugeordnet: " + ", ".join(zugeordnet) + ".",
            blatt=blatt.name,
            zeile=kopf + 1,
        )
    return (spalten if eindeutig else None), titel


def _rang(zelle: object, spalte: Spalte) -> int:
    """0 for the contract's own name (whatever the unit or date beside it), 1 for another name."""
    return 0 if kopf_schluessel(zelle) == kopf_schluessel(spalte.titel) else 1

"""Finding a contract table inside a sheet: header row, columns, merged cells, data rows."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ipdaten.arbeitsmappe.befunde import Befundliste, wert_text, zeilen_wort
from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_spalten, ausgeblendete_zeilen
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import STATUS_REIHENFOLGE, STATUS_VARIANTEN, Blatt, Spalte
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt

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
    roh = str(text) if text is not None else ""
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


@dataclass
class Tabelle:
    """The rows of one contract table, with the Excel row number of each.

    Findings about a cell go through `fehler`, which names sheet, row, column and value.
    """

    blatt: str
    spalten: dict[str, int]
    titel: dict[str, str]
    zeilen: list[tuple[int, list]]
    kopfzeile: int
    befunde: Befundliste
    ueber_kopf: list[list] = field(default_factory=list)  # rows above the header (titles, notes)
    verbundene_spalten: set[int] = field(default_factory=set)  # columns with merged cells below the header
    vorgegeben: dict[str, object] = field(
        default_factory=dict
    )  # values given for every row (e.g. field from sheet name)

    def wert(self, zeile: list, feld: str) -> object:
        """The raw value of `feld` in a row, or None when the column is absent."""
        if feld in self.vorgegeben:
            return self.vorgegeben[feld]
        index = self.spalten.get(feld)
        if index is None or index >= len(zeile):
            return None
        return zeile[index]

    def fehler(self, nummer: int, feld: str, meldung: str, wert: object, erlaubt: str) -> None:
        """Record an error about the cell of `feld` in Excel row `nummer`."""
        self.befunde.fehler(
            meldung,
            blatt=self.blatt,
            zeile=nummer,
            spalte=self.titel.get(feld, feld),
            wert=wert_text(wert),
            erlaubt=erlaubt,
        )

    def warnung(self, nummer: int | None, feld: str, meldung: str, wert: str = "") -> None:
        """Record a warning about a cell (or a column when `nummer` is None)."""
        self.befunde.warnung(meldung, blatt=self.blatt, zeile=nummer, spalte=self.titel.get(feld, feld), wert=wert)


def _fuelle_verbundene(blatt: RohBlatt, ab_zeile: int) -> list[list]:
    """Rows with the value of each merged range copied into all its cells below the header.

    Ranges are clipped to the rows and columns that hold values: a range over the whole sheet
    (A2:XFD1048576, a few bytes in the file) must not create a million rows.
    """
    zeilen = blatt.zeilen
    if not blatt.zusammengefasst or not zeilen:
        return zeilen
    zeilen = [list(z) for z in zeilen]
    letzte_zeile, letzte_spalte = len(zeilen) - 1, max(len(z) for z in zeilen) - 1
    for r0, c0, r1, c1 in blatt.zusammengefasst:
        if r0 <= ab_zeile or r0 > letzte_zeile or c0 > letzte_spalte:
            continue  # a range starting in the header (a two-row header cell) is no data
        wert = zeilen[r0][c0] if c0 < len(zeilen[r0]) else ""
        for zeile in zeilen[r0 : min(r1, letzte_zeile) + 1]:
            bis = min(c1, letzte_spalte)
            if len(zeile) <= bis:
                zeile.extend([""] * (bis + 1 - len(zeile)))
            zeile[c0 : bis + 1] = [wert] * (bis + 1 - c0)
    return zeilen


def namen(vertrag: Blatt) -> dict[str, Spalte]:
    """Header keys (titles and aliases, see kopf_schluessel) → column of the contract."""
    ergebnis = {}
    for spalte in vertrag.spalten:
        for name in (spalte.titel, *spalte.aliase):
            ergebnis.setdefault(kopf_schluessel(name), spalte)
    return ergebnis


def _kopfzellen(blatt: RohBlatt, index: int, zweizeilig: bool) -> list:
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


def _finde_kopfzeile(blatt: RohBlatt, vertrag: Blatt, vorgegeben=()) -> tuple[int, int, set[str], bool]:
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


def _melde_fehlende_spalten(blatt: RohBlatt, vertrag: Blatt, kopf: int, gefunden: set[str], befunde) -> None:
    if not any(not ist_leer(z) for zeile in blatt.zeilen for z in zeile):
        befunde.fehler(
            "Das Blatt ist leer.",
            blatt=blatt.name,
            erlaubt="eine Kopfzeile mit den Spalten " + ", ".join(f"„{s.titel}“" for s in vertrag.pflichtspalten),
        )
        return
    fehlend = [s.titel for s in vertrag.pflichtspalten if s.feld not in gefunden]
    hat_kopf = bool(gefunden)
    vorschlaege = _vorschlaege(blatt, vertrag, kopf, gefunden) if hat_kopf else []
    befunde.fehler(
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
    status_woerter = {falte(w) for w in STATUS_VARIANTEN if w} | {falte(s) for s in STATUS_REIHENFOLGE}
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
                werte = [falte(z[i]) for z in blatt.zeilen[kopf + 1 :] if i < len(z) and not ist_leer(z[i])]
                if werte and sum(w in status_woerter for w in werte) * 2 >= len(werte):
                    treffer = (i, zelle, ", sie enthält Status-Wörter")
                    break
        if treffer is not None:
            i, zelle, grund = treffer
            vorschlaege.append(f"„{kopf_text(zelle)}“ (Spalte {spaltenname(i)}{grund}) als „{spalte.titel}“")
            del frei[i]
    return vorschlaege


def finde_tabelle(
    blatt: RohBlatt, vertrag: Blatt, befunde: Befundliste, vorgegeben: dict[str, object] | None = None
) -> Tabelle | None:
    """Locate the header row of `vertrag` in `blatt` and collect its non-empty data rows.

    Records an error naming the missing columns when no header row is found. `vorgegeben` gives
    fields that are not columns but hold for every row (the field of a sheet per Handlungsfeld).
    """
    vorgegeben = vorgegeben or {}
    treffer, kopf, gefunden, zweizeilig = _finde_kopfzeile(blatt, vertrag, vorgegeben)
    if treffer < len(vertrag.pflichtspalten):
        _melde_fehlende_spalten(blatt, vertrag, kopf, gefunden, befunde)
        return None

    versteckte_spalten = ausgeblendete_spalten(blatt.xml)
    spalten, titel = _waehle_spalten(blatt, vertrag, kopf, zweizeilig, versteckte_spalten, befunde)
    if spalten is None:
        return None
    for spalte in vertrag.spalten:
        if spalte.feld in vorgegeben:
            spalten.pop(spalte.feld, None)
            titel[spalte.feld] = f"{spalte.titel} (aus dem Blattnamen)"

    zeilen = []
    genutzt = sorted(spalten.values())
    leer_davor: set[int] = set()
    leer = False
    for position, zeile in enumerate(_fuelle_verbundene(blatt, kopf)[kopf + 1 :], start=kopf + 1):
        index = blatt.zeilennummern[position] if blatt.zeilennummern else position + 1
        if all(ist_leer(zeile[i]) for i in genutzt if i < len(zeile)):
            leer = True
            continue
        if leer:
            leer_davor.add(index)
        leer = False
        zeilen.append((index, zeile))
    zeilen = _ohne_anmerkungen_darunter(blatt.name, vertrag, spalten, zeilen, leer_davor, befunde)
    versteckte_zeilen = ausgeblendete_zeilen(blatt.xml)
    mitgezaehlt = [n for n, _ in zeilen if n - 1 in versteckte_zeilen]
    if mitgezaehlt:
        befunde.warnung(
            f"{len(mitgezaehlt)} in Excel ausgeblendete Zeile(n) wurden mitgelesen und mitgezählt "
            f"({zeilen_wort(mitgezaehlt)}). Gehören sie nicht zur Auswertung (z. B. von einem "
            "Filter ausgeblendet), bitte löschen.",
            blatt=blatt.name,
            zeile=mitgezaehlt[0],
            zeilen=tuple(mitgezaehlt),
        )
    verbunden = {c for r0, c0, _, c1 in blatt.zusammengefasst if r0 > kopf for c in range(c0, min(c1, c0 + 100) + 1)}
    tabelle = Tabelle(
        blatt.name, spalten, titel, zeilen, kopf + 1, befunde, [list(z) for z in blatt.zeilen[:kopf]], verbunden
    )
    tabelle.vorgegeben = dict(vorgegeben)
    return tabelle


def _ohne_anmerkungen_darunter(
    name: str,
    vertrag: Blatt,
    spalten: dict[str, int],
    zeilen: list[tuple[int, list]],
    leer_davor: set[int],
    befunde: Befundliste,
) -> list[tuple[int, list]]:
    """The rows without notes, counts and footnotes under the table (after an empty row).

    A row belongs to the table when at least half of the required columns are filled; the rows
    after the last such row are notes if an empty row separates them from the table.
    """
    pflicht = [spalten[s.feld] for s in vertrag.pflichtspalten if s.feld in spalten]

    def wie_daten(zeile: list) -> bool:
        gefuellt = sum(1 for i in pflicht if i < len(zeile) and not ist_leer(zeile[i]))
        return gefuellt * 2 >= len(pflicht)

    letzte = max((i for i, (_, z) in enumerate(zeilen) if wie_daten(z)), default=-1)
    rest = zeilen[letzte + 1 :]
    if not rest or letzte < 0 or rest[0][0] not in leer_davor:
        return zeilen
    nummern = [n for n, _ in rest]
    befunde.warnung(
        f"{len(rest)} Zeile(n) unter der Tabelle (nach einer Leerzeile) wurden als Anmerkungen übergangen "
        f"({zeilen_wort(nummern)}).",
        blatt=name,
        zeile=nummern[0],
        zeilen=tuple(nummern),
    )
    return zeilen[: letzte + 1]


def _waehle_spalten(
    blatt: RohBlatt, vertrag: Blatt, kopf: int, zweizeilig: bool, versteckt: set[int], befunde: Befundliste
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
                f"Die Spalte „{titel[spalte.feld]}“ ist in Excel ausgeblendet; sie wurde trotzdem gelesen.",
                blatt=blatt.name,
                zeile=kopf + 1,
                spalte=spalte.titel,
            )
        if kopf_schluessel(zelle) != kopf_schluessel(spalte.titel):
            zugeordnet.append(f"„{kopf_text(zelle)}“ als „{spalte.titel}“")
    if zugeordnet:
        befunde.warnung("Spalten zugeordnet: " + ", ".join(zugeordnet) + ".", blatt=blatt.name, zeile=kopf + 1)
    return (spalten if eindeutig else None), titel


def _rang(zelle: object, spalte: Spalte) -> int:
    """0 for the contract's own name (whatever the unit or date beside it), 1 for another name."""
    return 0 if kopf_schluessel(zelle) == kopf_schluessel(spalte.titel) else 1

"""The user's mapping of her own workbook onto the contract, made once and remembered.

A `Zuordnung` says which sheet holds which contract sheet, which column header means which
contract column (per contract sheet) and which of her status words means which status. The
loader applies it before it recognises anything (`wende_an` for sheets and headers, the status
words as extra synonyms), so every finding still names her sheets and rows.

The mapping is a small TOML file (read with tomllib, written by hand: it holds only strings in
three tables, and a hand-written writer with a round-trip test costs less than a dependency).
A `kopf_signatur` (sheet names and header rows) recognises the next workbook of the same shape,
so that its stored mapping can be applied again. `schlage_vor` proposes a mapping for a workbook
the loader did not recognise, with the likely target of each candidate.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.tabellen import finde_tabelle
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import (
    BLAETTER,
    EMPFEHLUNGEN,
    OHNE_ANGABE,
    STATUS_REIHENFOLGE,
    STATUS_VARIANTEN,
    Blatt,
)
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe

KOPF_SUCHTIEFE = 30
MAX_EINTRAEGE = 500  # a mapping file is small; a bigger one is refused before it is used
MAX_TEXT = 200
NICHT_VERWENDET = " (laut Zuordnung nicht verwendet)"

_VERTRAGSBLATT = {b.name: b for b in BLAETTER}
_STATUS = {falte(s): s for s in STATUS_REIHENFOLGE}
_STATUS_GEFALTET = {falte(v): s for v, s in STATUS_VARIANTEN.items()}  # as the loader folds them


class ZuordnungUngueltig(ValueError):
    """A mapping file that cannot be used; the message is German and names the entry."""


def _vertragsblatt(name: str) -> Blatt:
    for blatt in BLAETTER:
        if falte(blatt.name) == falte(name):
            return blatt
    raise ZuordnungUngueltig(
        f"Ein Blatt „{name}“ gibt es in der Vorlage nicht; möglich sind "
        + ", ".join(f"„{b.name}“" for b in BLAETTER)
        + "."
    )


def _vertragsspalte_titel(blatt: Blatt, name: str) -> str:
    for spalte in blatt.spalten:
        if falte(name) in {falte(spalte.titel), falte(spalte.feld)}:
            return spalte.titel
    raise ZuordnungUngueltig(
        f"Eine Spalte „{name}“ gibt es im Blatt „{blatt.name}“ der Vorlage nicht; möglich sind "
        + ", ".join(f"„{s.titel}“" for s in blatt.spalten)
        + "."
    )


def _status(name: str) -> str:
    wert = _STATUS.get(falte(name))
    if wert is None:
        raise ZuordnungUngueltig(
            f"Einen Status „{name}“ gibt es nicht; möglich sind "
            + ", ".join(f"„{s}“" for s in STATUS_REIHENFOLGE)
            + "."
        )
    return wert


def _text(wert: object, was: str) -> str:
    if not isinstance(wert, str):
        raise ZuordnungUngueltig(f"{was} muss ein Text in Anführungszeichen sein, nicht „{wert!r}“.")
    text = bereinige(wert)
    if not text:
        raise ZuordnungUngueltig(f"{was} ist leer.")
    if len(text) > MAX_TEXT:
        raise ZuordnungUngueltig(f"{was} ist länger als {MAX_TEXT} Zeichen.")
    return text


@dataclass(frozen=True)
class Zuordnung:
    """An immutable, hashable mapping of a workbook onto the contract.

    - blaetter: (contract sheet, sheet of the workbook)
    - spalten: (contract sheet, header in the workbook, contract column title)
    - status: (status word of the workbook, status of the contract)
    Build it with `Zuordnung.aus(...)`, which checks every target and sorts the entries.
    """

    blaetter: tuple[tuple[str, str], ...] = ()
    spalten: tuple[tuple[str, str, str], ...] = ()
    status: tuple[tuple[str, str], ...] = ()

    @classmethod
    def aus(
        cls,
        blaetter: dict[str, str] | None = None,
        spalten: dict[str, dict[str, str]] | None = None,
        status: dict[str, str] | None = None,
    ) -> Zuordnung:
        """A checked mapping from plain dicts; raises ZuordnungUngueltig for an unknown target."""
        b: dict[str, str] = {}
        for vertrag, quelle in (blaetter or {}).items():
            b[_vertragsblatt(vertrag).name] = _text(quelle, f"Das Blatt für „{vertrag}“")
        s: dict[tuple[str, str], str] = {}
        for vertrag, koepfe in (spalten or {}).items():
            blatt = _vertragsblatt(vertrag)
            if not isinstance(koepfe, dict):
                raise ZuordnungUngueltig(f"Die Spalten des Blatts „{vertrag}“ müssen eine Tabelle sein.")
            for kopf, ziel in koepfe.items():
                kopf_text = _text(kopf, f"Eine Spaltenüberschrift im Blatt „{vertrag}“")
                s[(blatt.name, falte(kopf_text))] = (kopf_text, _vertragsspalte_titel(blatt, _text(ziel, "Die Spalte")))
        st: dict[str, tuple[str, str]] = {}
        for wort, ziel in (status or {}).items():
            wort_text = _text(wort, "Ein Statuswort")
            st[falte(wort_text)] = (wort_text, _status(_text(ziel, f"Der Status für „{wort_text}“")))
        if len(b) + len(s) + len(st) > MAX_EINTRAEGE:
            raise ZuordnungUngueltig(f"Die Zuordnung hat mehr als {MAX_EINTRAEGE} Einträge.")
        reihenfolge = {blatt.name: i for i, blatt in enumerate(BLAETTER)}
        return cls(
            blaetter=tuple(sorted(b.items(), key=lambda e: reihenfolge[e[0]])),
            spalten=tuple(
                sorted(((v, k, z) for (v, _), (k, z) in s.items()), key=lambda e: (reihenfolge[e[0]], falte(e[1])))
            ),
            status=tuple(sorted(st.values(), key=lambda e: falte(e[0]))),
        )

    @property
    def leer(self) -> bool:
        """Whether the mapping maps nothing."""
        return not (self.blaetter or self.spalten or self.status)

    def als_dicts(self) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
        """(sheets, columns per contract sheet, status words) as plain dicts."""
        spalten: dict[str, dict[str, str]] = {}
        for vertrag, kopf, ziel in self.spalten:
            spalten.setdefault(vertrag, {})[kopf] = ziel
        return dict(self.blaetter), spalten, dict(self.status)

    def mit(
        self,
        blaetter: dict[str, str | None] | None = None,
        spalten: dict[str, dict[str, str | None]] | None = None,
        status: dict[str, str | None] | None = None,
    ) -> Zuordnung:
        """A new mapping with these entries added or replaced (None removes an entry)."""
        b, s, st = self.als_dicts()
        for vertrag, quelle in (blaetter or {}).items():
            b.pop(vertrag, None)
            if quelle:
                b[vertrag] = quelle
        for vertrag, koepfe in (spalten or {}).items():
            eigene = s.setdefault(vertrag, {})
            for kopf, ziel in koepfe.items():
                for alt in [k for k in eigene if falte(k) == falte(kopf)]:
                    del eigene[alt]
                if ziel:
                    eigene[kopf] = ziel
        for wort, ziel in (status or {}).items():
            for alt in [w for w in st if falte(w) == falte(wort)]:
                del st[alt]
            if ziel:
                st[wort] = ziel
        return Zuordnung.aus(b, s, st)

    def blatt_fuer(self, vertrag: str) -> str | None:
        """The workbook's sheet mapped to the contract sheet `vertrag`, if any."""
        return dict(self.blaetter).get(vertrag)

    def koepfe_fuer(self, vertrag: str) -> dict[str, str]:
        """Folded workbook header → contract column title, for one contract sheet."""
        return {falte(kopf): ziel for v, kopf, ziel in self.spalten if v == vertrag}

    def status_woerter(self) -> dict[str, str]:
        """Folded status word → contract status (checked before the built-in synonyms)."""
        return {falte(wort): ziel for wort, ziel in self.status}

    def beschreibung(self) -> list[str]:
        """The mapping as German lines, for the preview, the Daten page and the warnings."""
        zeilen = [f"Blatt „{quelle}“ gilt als „{vertrag}“" for vertrag, quelle in self.blaetter]
        zeilen += [f"Spalte „{kopf}“ gilt als „{ziel}“ (Blatt „{vertrag}“)" for vertrag, kopf, ziel in self.spalten]
        zeilen += [f"Status „{wort}“ gilt als „{ziel}“" for wort, ziel in self.status]
        return zeilen

    def als_toml(self) -> str:
        """The mapping as a TOML file with German comments (read back with `aus_toml`)."""
        b, s, st = self.als_dicts()
        teile = [
            "# Zuordnung einer Arbeitsmappe zur Vorlage der Anlage 1 (Integrationsplan-Monitor).",
            "# Links steht, wie es in der Arbeitsmappe heißt, rechts, was es in der Vorlage ist –",
            "# außer bei [blaetter]: dort links das Blatt der Vorlage, rechts das Blatt der Arbeitsmappe.",
            "",
            "[blaetter]",
            *(f"{_toml_text(v)} = {_toml_text(q)}" for v, q in b.items()),
            "",
        ]
        for vertrag, koepfe in s.items():
            teile += [
                f"[spalten.{_toml_text(vertrag)}]",
                *(f"{_toml_text(k)} = {_toml_text(z)}" for k, z in koepfe.items()),
                "",
            ]
        teile += ["[status]", *(f"{_toml_text(w)} = {_toml_text(z)}" for w, z in st.items())]
        return "\n".join(teile) + "\n"


def _toml_text(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    aus = []
    for zeichen in text:
        if zeichen in ('"', "\\"):
            aus.append("\\" + zeichen)
        elif ord(zeichen) < 0x20 or ord(zeichen) == 0x7F:
            aus.append(f"\\u{ord(zeichen):04X}")
        else:
            aus.append(zeichen)
    return '"' + "".join(aus) + '"'


def aus_toml(text: str) -> Zuordnung:
    """A mapping from TOML text; raises ZuordnungUngueltig with a German message."""
    try:
        daten = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ZuordnungUngueltig(f"Die Zuordnungsdatei ist kein gültiges TOML ({e}).") from None
    unbekannt = set(daten) - {"blaetter", "spalten", "status"}
    if unbekannt:
        raise ZuordnungUngueltig(
            "Unbekannter Abschnitt " + ", ".join(f"[{u}]" for u in sorted(unbekannt)) + "; erlaubt sind [blaetter], "
            "[spalten.BLATT] und [status]."
        )
    for abschnitt in ("blaetter", "spalten", "status"):
        if not isinstance(daten.get(abschnitt, {}), dict):
            raise ZuordnungUngueltig(f"[{abschnitt}] muss eine Tabelle sein.")
    return Zuordnung.aus(daten.get("blaetter"), daten.get("spalten"), daten.get("status"))


# --- Applying a mapping to a read workbook -------------------------------------------------


def zu_lesende_blaetter(zuordnung: Zuordnung | None) -> set[str]:
    """Folded names of the sheets a loader must read: the contract's and the mapped ones."""
    namen = {falte(b.name) for b in BLAETTER}
    if zuordnung is not None:
        namen |= {falte(quelle) for _, quelle in zuordnung.blaetter}
    return namen


def _bekannte_koepfe(vertrag: Blatt, titel: str) -> set[str]:
    """Folded headers the contract itself recognises for the column `titel`."""
    for spalte in vertrag.spalten:
        if spalte.titel == titel:
            return {falte(spalte.titel), *(falte(a) for a in spalte.aliase)}
    return set()


def _kopfzeile_der_zuordnung(blatt: RohBlatt, koepfe: dict[str, str]) -> int | None:
    bester, beste_zahl = None, 0
    for index, zeile in enumerate(blatt.zeilen[:KOPF_SUCHTIEFE]):
        zahl = sum(1 for zelle in zeile if falte(zelle) in koepfe)
        if zahl > beste_zahl:
            bester, beste_zahl = index, zahl
    return bester


def _koepfe_anwenden(blatt: RohBlatt, vertrag: Blatt, koepfe: dict[str, str]) -> RohBlatt:
    """The sheet with mapped headers renamed to the contract's titles in their header row.

    Another column the contract would recognise as the same target (or that carries its name
    with an addition, "Status 11/2017") is renamed out of the way, so the mapping decides which
    of two candidates counts.
    """
    index = _kopfzeile_der_zuordnung(blatt, koepfe)
    if index is None:
        return blatt
    ziele = set(koepfe.values())
    bekannt = set().union(*(_bekannte_koepfe(vertrag, t) for t in ziele))
    verdraengt = bekannt - set(koepfe)
    ziel_namen = bekannt & set(koepfe)  # "Status" chosen: "Status 11/2017" is set aside too
    neu = []
    for zelle in blatt.zeilen[index]:
        gefaltet = falte(zelle)
        if gefaltet in koepfe:
            neu.append(koepfe[gefaltet])
        elif gefaltet in verdraengt or any(gefaltet.startswith(n + " ") for n in verdraengt | ziel_namen if len(n) > 3):
            neu.append(f"{bereinige(zelle)}{NICHT_VERWENDET}")
        else:
            neu.append(zelle)
    zeilen = list(blatt.zeilen)
    zeilen[index] = neu
    return dataclasses.replace(blatt, zeilen=zeilen)


def wende_an(mappe: RohMappe, zuordnung: Zuordnung | None) -> RohMappe:
    """The workbook as the contract sees it after the mapping (sheets and headers).

    A mapped sheet is listed under its contract name but keeps its own name in `RohBlatt.name`,
    so findings still name the sheet the user knows. A sheet of the contract's name that the
    mapping replaced is left out. Status words are applied by the loader (`status_woerter`).
    """
    if zuordnung is None or zuordnung.leer:
        return mappe
    blaetter = dict(mappe.blaetter)
    for vertrag, quelle in zuordnung.blaetter:
        # The exact name first: two sheets may differ only in spelling ("Empfehlungen", "empfehlungen ").
        name = next((n for regel in (str, bereinige, falte) for n in mappe.blaetter if regel(n) == regel(quelle)), None)
        if name is None:
            continue
        blatt = mappe.blaetter[name]
        for andere in [n for n in blaetter if falte(n) == falte(vertrag) or blaetter[n] is blatt]:
            del blaetter[andere]
        blaetter[vertrag] = blatt
    for vertrag_name in {v for v, _, _ in zuordnung.spalten}:
        vertrag = _VERTRAGSBLATT[vertrag_name]
        schluessel = next((n for n in blaetter if falte(n) == falte(vertrag_name)), None)
        if schluessel is not None:
            blaetter[schluessel] = _koepfe_anwenden(blaetter[schluessel], vertrag, zuordnung.koepfe_fuer(vertrag_name))
    return dataclasses.replace(mappe, blaetter=blaetter)


# --- Recognising a workbook of the same shape ----------------------------------------------


def kopfzeile(blatt: RohBlatt) -> int | None:
    """The likely header row of any sheet: the first of the rows with the most text cells."""
    bester, beste_zahl = None, 1
    for index, zeile in enumerate(blatt.zeilen[:KOPF_SUCHTIEFE]):
        zahl = sum(1 for zelle in zeile if isinstance(zelle, str) and not ist_leer(zelle))
        if zahl > beste_zahl:
            bester, beste_zahl = index, zahl
    return bester


def koepfe(blatt: RohBlatt) -> list[str]:
    """The non-empty cells of the likely header row, as text."""
    index = kopfzeile(blatt)
    if index is None:
        return []
    return [bereinige(z) for z in blatt.zeilen[index] if not ist_leer(z)]


def kopf_signatur(mappe: RohMappe) -> str:
    """A fingerprint of the workbook's shape: its sheet names and the header row of each.

    Values below the headers do not count, so the next Stand of the same workbook has the same
    signature. Read the workbook with all sheets (`lies_mappe(daten)`) for it.
    """
    form = [
        [falte(name), [falte(k) for k in koepfe(mappe.blaetter[name])] if name in mappe.blaetter else None]
        for name in mappe.alle_blaetter
    ]
    return hashlib.sha256(json.dumps(form, ensure_ascii=False).encode("utf-8")).hexdigest()


# --- What the loader did not recognise, and a proposal -------------------------------------


@dataclass(frozen=True)
class Erkennung:
    """What the loader recognised, so a mapping can be proposed for the rest.

    - blaetter: contract sheet → the workbook's sheet it used (None: not found)
    - spalten: contract sheet → contract column titles found in its header row
    - kopfzeilen: contract sheet → index (from 0) of the header row used or best guessed
    - status_unbekannt: unknown status words → their Excel rows
    """

    blaetter: tuple[tuple[str, str | None], ...] = ()
    spalten: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kopfzeilen: tuple[tuple[str, int], ...] = ()
    status_unbekannt: tuple[tuple[str, tuple[int, ...]], ...] = ()
    mehrdeutig: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    """(art "blatt"/"spalte", contract sheet, contract target, the candidates in the workbook)."""

    @property
    def vollstaendig(self) -> bool:
        """Whether every required sheet, required column and status word was recognised."""
        blaetter = dict(self.blaetter)
        spalten = dict(self.spalten)
        for vertrag in BLAETTER:
            quelle = blaetter.get(vertrag.name)
            if quelle is None:
                if vertrag.pflicht:
                    return False
                continue
            if any(s.titel not in spalten.get(vertrag.name, ()) for s in vertrag.pflichtspalten):
                return False
        return not self.status_unbekannt and not self.mehrdeutig


@dataclass(frozen=True)
class Kandidat:
    """One open point of a proposal: a contract target and the choices in the workbook.

    art is "blatt" (ziel = contract sheet, choose a sheet), "spalte" (ziel = contract column of
    `blatt`, choose a header) or "status" (ziel = the status word, choose a status).
    """

    art: str
    blatt: str
    ziel: str
    auswahl: tuple[str, ...]
    vorschlag: str | None
    pflicht: bool = True
    hinweis: str = ""


@dataclass(frozen=True)
class Vorschlag:
    """A proposed mapping and the open points it answers (with the likely answer each)."""

    zuordnung: Zuordnung
    kandidaten: tuple[Kandidat, ...] = field(default_factory=tuple)

    @property
    def offen(self) -> tuple[Kandidat, ...]:
        """Required points without a likely answer: the user has to decide them."""
        return tuple(k for k in self.kandidaten if k.pflicht and k.vorschlag is None)

    def als_toml(self) -> str:
        """The proposal as TOML; open points are commented lines to fill in."""
        text = self.zuordnung.als_toml()
        offen = self.offen
        if not offen:
            return text
        zeilen = ["", "# Noch offen – bitte ausfüllen und das Kommentarzeichen entfernen:"]
        for k in offen:
            if k.art == "blatt":
                zeilen.append(f"# [blaetter] {_toml_text(k.ziel)} = eines von: {', '.join(map(_toml_text, k.auswahl))}")
            elif k.art == "spalte":
                zeilen.append(
                    f"# [spalten.{_toml_text(k.blatt)}] ÜBERSCHRIFT = {_toml_text(k.ziel)}; Überschriften: "
                    + ", ".join(map(_toml_text, k.auswahl))
                )
            else:
                zeilen.append(
                    f"# [status] {_toml_text(k.ziel)} = eines von: "
                    + ", ".join(map(_toml_text, STATUS_REIHENFOLGE))
                    + (f"  ({k.hinweis})" if k.hinweis else "")
                )
        return text + "\n".join(zeilen) + "\n"


def _erkannte_titel(blatt: RohBlatt, vertrag: Blatt, kopf: int) -> tuple[str, ...]:
    """Contract column titles the contract's own names find in row `kopf`."""
    namen = {falte(n): s.titel for s in vertrag.spalten for n in (s.titel, *s.aliase)}
    return tuple(dict.fromkeys(namen[falte(z)] for z in blatt.zeilen[kopf] if falte(z) in namen))


def status_bekannt(wort: object, zuordnung: Zuordnung | None = None) -> bool:
    """Whether the loader reads this status cell: a contract status, a synonym or a mapped word."""
    text = bereinige(wort)
    if text in STATUS_REIHENFOLGE or falte(text) in _STATUS_GEFALTET:
        return True
    return zuordnung is not None and falte(text) in zuordnung.status_woerter()


def _doppelte_koepfe(blatt: RohBlatt, vertrag: Blatt, kopf: int) -> list[tuple[str, tuple[str, ...]]]:
    """Required columns with two candidate headers in row `kopf`: the contract's name (or an alias)
    twice, or the name once more with an addition ("Status" and "Status 11/2017")."""
    doppelt = []
    zeile = [bereinige(z) for z in blatt.zeilen[kopf] if not ist_leer(z)]
    for spalte in vertrag.pflichtspalten:
        namen = _bekannte_koepfe(vertrag, spalte.titel)
        treffer = [
            z for z in zeile if falte(z) in namen or any(falte(z).startswith(n + " ") for n in namen if len(n) > 3)
        ]
        if len(treffer) > 1:
            doppelt.append((spalte.titel, tuple(treffer)))
    return doppelt


def erkenne(
    blaetter: dict[str, RohBlatt | None], zuordnung: Zuordnung | None = None, mappe: RohMappe | None = None
) -> Erkennung:
    """What the loader recognised in the contract sheets it found (`blaetter` by contract name).

    Looks at each table again with the loader's own table finder, so the proposal works on
    exactly what the loader missed; with `mappe` (as the loader saw it) also two sheets of one
    contract name. Called only for a refused workbook.
    """
    gefunden, kopfzeilen, spalten = [], [], []
    unbekannt: dict[str, list[int]] = {}
    mehrdeutig: list[tuple[str, str, str, tuple[str, ...]]] = []
    for vertrag in BLAETTER:
        blatt = blaetter.get(vertrag.name)
        gefunden.append((vertrag.name, blatt.name if blatt is not None else None))
        if mappe is not None:
            gleich = tuple(b.name for n, b in mappe.blaetter.items() if falte(n) == falte(vertrag.name))
            if len(gleich) > 1:
                mehrdeutig.append(("blatt", vertrag.name, vertrag.name, gleich))
        if blatt is None:
            continue
        tabelle = finde_tabelle(blatt, vertrag, Befundliste())
        if tabelle is None:
            kopf = kopfzeile(blatt)
            if kopf is None:
                continue
            titel = _erkannte_titel(blatt, vertrag, kopf)
            if vertrag is EMPFEHLUNGEN and "Status" in titel:
                # The status words are worth asking about before the last column is mapped.
                bekannt = _bekannte_koepfe(vertrag, "Status")
                spalte = next(i for i, z in enumerate(blatt.zeilen[kopf]) if falte(z) in bekannt)
                for nummer, zeile in enumerate(blatt.zeilen[kopf + 1 :], start=kopf + 2):
                    wert = zeile[spalte] if spalte < len(zeile) else None
                    if not status_bekannt(wert, zuordnung):
                        unbekannt.setdefault(bereinige(wert), []).append(nummer)
        else:
            kopf = tabelle.kopfzeile - 1
            titel = tuple(s.titel for s in vertrag.spalten if s.feld in tabelle.spalten)
            if vertrag is EMPFEHLUNGEN and "status" in tabelle.spalten:
                for nummer, zeile in tabelle.zeilen:
                    wert = tabelle.wert(zeile, "status")
                    if not status_bekannt(wert, zuordnung):
                        unbekannt.setdefault(bereinige(wert), []).append(nummer)
        kopfzeilen.append((vertrag.name, kopf))
        spalten.append((vertrag.name, titel))
        mehrdeutig += [("spalte", vertrag.name, t, k) for t, k in _doppelte_koepfe(blatt, vertrag, kopf)]
    return Erkennung(
        blaetter=tuple(gefunden),
        spalten=tuple(spalten),
        kopfzeilen=tuple(kopfzeilen),
        status_unbekannt=tuple((w, tuple(z)) for w, z in unbekannt.items()),
        mehrdeutig=tuple(mehrdeutig),
    )


# Words a header or sheet name of each contract target often contains (folded).
_SPALTEN_WOERTER: dict[tuple[str, str], tuple[str, ...]] = {
    ("Handlungsfelder", "nr"): ("nr", "nummer", "lfd", "ziffer", "id"),
    ("Handlungsfelder", "name"): ("handlungsfeld", "name", "bezeichnung", "titel", "thema", "bereich"),
    ("Handlungsfelder", "leitsatz"): ("leitsatz", "leitbild", "motto", "leitgedanke"),
    ("Empfehlungen", "handlungsfeld"): ("handlungsfeld", "hf", "feld", "bereich", "themenfeld", "thema"),
    ("Empfehlungen", "nr"): ("nr", "nummer", "lfd", "ziffer", "id"),
    ("Empfehlungen", "ziel"): ("ziel",),
    ("Empfehlungen", "empfehlung"): (
        "empfehlung",
        "massnahme",
        "vorhaben",
        "aufgabe",
        "beschreibung",
        "inhalt",
        "wortlaut",
        "text",
    ),
    ("Empfehlungen", "status"): ("status", "stand", "umsetzung", "sachstand", "fortschritt", "erledigt", "ampel"),
    ("Empfehlungen", "bemerkung"): ("bemerkung", "anmerkung", "kommentar", "hinweis", "erlaeuterung", "notiz"),
    ("Empfehlungen", "bezug_gefluechtete"): ("gefluechtete", "fluechtling", "asyl"),
    ("Empfehlungen", "quelle"): ("quelle", "beleg", "annahme"),
    ("Einbürgerung", "gebiet"): ("gebiet", "kreis", "region", "landkreis", "raum"),
    ("Einbürgerung", "jahr"): ("jahr",),
    ("Einbürgerung", "quote_prozent"): ("quote", "anteil", "prozent", "%"),
    ("Haushalt", "massnahme"): ("massnahme", "bezeichnung", "posten", "projekt", "zweck"),
    ("Haushalt", "betrag"): ("betrag", "kosten", "summe", "euro", "€", "mittel", "ansatz", "eur"),
    ("Haushalt", "jahr"): ("jahr", "haushaltsjahr"),
    ("Haushalt", "handlungsfeld"): ("handlungsfeld", "hf", "feld"),
    ("Meilensteine", "datum"): ("datum", "termin", "zeitpunkt", "wann", "monat"),
    ("Meilensteine", "ereignis"): ("ereignis", "meilenstein", "beschreibung", "was", "schritt"),
    ("Info", "feld"): ("feld", "angabe", "merkmal"),
    ("Info", "wert"): ("wert", "inhalt"),
}
_BLATT_WOERTER: dict[str, tuple[str, ...]] = {
    "Handlungsfelder": ("handlungsfeld", "felder", "uebersicht", "leitsaetze"),
    "Empfehlungen": ("empfehlung", "massnahme", "handlungsempfehlung", "umsetzung", "liste", "auswertung"),
    "Einbürgerung": ("einbuergerung", "quote", "staatsangehoerigkeit"),
    "Haushalt": ("haushalt", "budget", "finanz", "kosten", "mittel"),
    "Meilensteine": ("meilenstein", "termine", "chronik", "zeitplan", "prozess"),
    "Info": ("info", "deckblatt", "stand", "allgemein"),
}
# Status words by their likely meaning; "nicht"/"kein" decide before anything else.
_STATUS_WOERTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("umgesetzt", ("abgeschlossen", "erledigt", "fertig", "umgesetzt", "erfuellt", "realisiert", "vollzogen")),
    (
        "in Arbeit",
        (
            "in arbeit",
            "laufend",
            "laeuft",
            "begonnen",
            "bearbeitung",
            "umsetzung",
            "teilweise",
            "gestartet",
            "angelaufen",
        ),
    ),
    ("in Abstimmung", ("abstimmung", "pruefung", "klaerung", "beratung", "abstimmen")),
)
# Words whose meaning no rule may guess: the user decides (issue #10: "offen", "geplant" …).
MEHRDEUTIG = ("offen", "geplant", "entfaellt", "rot", "gelb", "gruen", "%", "zurueckgestellt", "ruht")


def status_vermutung(wort: str) -> str | None:
    """The status a word most likely means, or None when only the user can say."""
    text = falte(wort)
    if not text:
        return OHNE_ANGABE
    if text in _STATUS_GEFALTET:
        return _STATUS_GEFALTET[text]
    if any(m in text for m in MEHRDEUTIG) or re.search(r"\d", text):
        return None
    if re.search(r"\b(nicht|kein|keine|noch nicht)\b", text):
        return "nicht umgesetzt" if "begonnen" in text or "umgesetzt" in text or "erfuellt" in text else None
    treffer = {status for status, woerter in _STATUS_WOERTER if any(w in text for w in woerter)}
    if len(treffer) == 1:
        return treffer.pop()
    nah = difflib.get_close_matches(text, list(_STATUS_GEFALTET), n=1, cutoff=0.85)  # typos: "umgestzt"
    return _STATUS_GEFALTET[nah[0]] if nah else None


def _passt(text: str, woerter: tuple[str, ...], titel: str) -> float:
    gefaltet = falte(text)
    if not gefaltet:
        return 0.0
    punkte = difflib.SequenceMatcher(None, gefaltet, falte(titel)).ratio()
    for wort in woerter:
        if re.search(rf"(^|[^a-z]){re.escape(wort)}", gefaltet):
            punkte = max(punkte, 1.0 if gefaltet.startswith(wort) else 0.9)
    return punkte


def _status_anteil(blatt: RohBlatt, kopf: int, spalte: int) -> float:
    """Share of the non-empty cells below the header that read as a status word."""
    werte = [z[spalte] for z in blatt.zeilen[kopf + 1 : kopf + 201] if spalte < len(z) and not ist_leer(z[spalte])]
    if not werte:
        return 0.0
    return sum(1 for w in werte if isinstance(w, str) and status_vermutung(w) is not None) / len(werte)


def _blatt_kandidaten(mappe: RohMappe, erkennung: Erkennung) -> list[Kandidat]:
    benutzt = {q for _, q in erkennung.blaetter if q}
    frei = [n for n in mappe.alle_blaetter if n not in benutzt]
    kandidaten = []
    for vertrag_name, quelle in erkennung.blaetter:
        if quelle is not None:
            continue
        vertrag = _VERTRAGSBLATT[vertrag_name]
        punkte = {}
        for name in frei:
            blatt = mappe.blaetter.get(name)
            kopf = {falte(k) for k in koepfe(blatt)} if blatt is not None else set()
            treffer = sum(
                1
                for s in vertrag.spalten
                if any(_passt(k, _SPALTEN_WOERTER.get((vertrag.name, s.feld), ()), s.titel) >= 0.9 for k in kopf)
            )
            punkte[name] = _passt(name, _BLATT_WOERTER[vertrag.name], vertrag.name) + treffer / max(
                len(vertrag.spalten), 1
            )
        besser = sorted(frei, key=lambda n: -punkte[n])
        vorschlag = besser[0] if besser and punkte[besser[0]] >= 0.9 else None
        if not vertrag.pflicht and vorschlag is None:
            continue
        if vorschlag is not None:
            frei.remove(vorschlag)
        kandidaten.append(Kandidat("blatt", vertrag.name, vertrag.name, tuple(besser), vorschlag, vertrag.pflicht))
    return kandidaten


def _spalten_kandidaten(mappe: RohMappe, erkennung: Erkennung, blaetter: dict[str, str]) -> list[Kandidat]:
    kandidaten = []
    gefunden = dict(erkennung.spalten)
    kopfzeilen = dict(erkennung.kopfzeilen)
    for vertrag in BLAETTER:
        quelle = blaetter.get(vertrag.name)
        blatt = mappe.blaetter.get(quelle) if quelle else None
        if blatt is None:
            continue
        kopf = kopfzeilen.get(vertrag.name)
        if kopf is None or kopf >= len(blatt.zeilen):
            kopf = kopfzeile(blatt)
        if kopf is None:
            continue
        da = set(gefunden[vertrag.name]) if vertrag.name in gefunden else set(_erkannte_titel(blatt, vertrag, kopf))
        bekannt = set().union(*(_bekannte_koepfe(vertrag, t) for t in da)) if da else set()
        freie = [
            (i, bereinige(z)) for i, z in enumerate(blatt.zeilen[kopf]) if not ist_leer(z) and falte(z) not in bekannt
        ]
        for spalte in vertrag.spalten:
            if spalte.titel in da:
                continue
            woerter = _SPALTEN_WOERTER.get((vertrag.name, spalte.feld), ())
            punkte = {}
            for i, text in freie:
                punkte[text] = _passt(text, woerter, spalte.titel)
                if spalte.feld == "status":
                    punkte[text] += _status_anteil(blatt, kopf, i)
            besser = sorted((t for _, t in freie), key=lambda t: -punkte[t])
            vorschlag = besser[0] if besser and punkte[besser[0]] >= 0.9 else None
            if not spalte.pflicht and vorschlag is None:
                continue
            if vorschlag is not None:
                freie = [(i, t) for i, t in freie if t != vorschlag]
            kandidaten.append(
                Kandidat(
                    "spalte",
                    vertrag.name,
                    spalte.titel,
                    tuple(besser),
                    vorschlag,
                    spalte.pflicht,
                    f"Erwartet: {spalte.erklaerung}" if spalte.erklaerung else "",
                )
            )
    return kandidaten


def _status_kandidaten(erkennung: Erkennung) -> list[Kandidat]:
    kandidaten = []
    for wort, zeilen in erkennung.status_unbekannt:
        hinweis = f"{len(zeilen)}×, Zeile{'n' if len(zeilen) > 1 else ''} " + ", ".join(map(str, zeilen[:6]))
        if len(zeilen) > 6:
            hinweis += " …"
        kandidaten.append(
            Kandidat("status", "Empfehlungen", wort, STATUS_REIHENFOLGE, status_vermutung(wort), True, hinweis)
        )
    return kandidaten


def schlage_vor(mappe: RohMappe, erkennung: Erkennung, bisher: Zuordnung | None = None) -> Vorschlag:
    """Propose a mapping for what the loader did not recognise, starting from `bisher`.

    `mappe` should hold all sheets (`lies_mappe(daten)`); `erkennung` comes from a load with
    `bisher` applied. Only likely answers go into the proposed mapping; the rest stay open.
    """
    bisher = bisher or Zuordnung()
    zweifel = [
        Kandidat(art, blatt, ziel, auswahl, None, True, "mehrere Kandidaten – nur Sie wissen, welcher gilt")
        for art, blatt, ziel, auswahl in erkennung.mehrdeutig
    ]
    blatt_k = [k for k in zweifel if k.art == "blatt"] + _blatt_kandidaten(mappe, erkennung)
    blaetter = {v: q for v, q in erkennung.blaetter if q}
    blaetter |= {k.ziel: k.vorschlag for k in blatt_k if k.vorschlag}
    spalten_k = [k for k in zweifel if k.art == "spalte"] + _spalten_kandidaten(mappe, erkennung, blaetter)
    status_k = _status_kandidaten(erkennung)
    spalten: dict[str, dict[str, str | None]] = {}
    for k in spalten_k:
        if k.vorschlag:
            spalten.setdefault(k.blatt, {})[k.vorschlag] = k.ziel
    zuordnung = bisher.mit(
        blaetter={k.ziel: k.vorschlag for k in blatt_k if k.vorschlag},
        spalten=spalten,
        status={k.ziel: k.vorschlag for k in status_k if k.vorschlag},
    )
    return Vorschlag(zuordnung, tuple(blatt_k + spalten_k + status_k))

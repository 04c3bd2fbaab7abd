"""The user's mapping of her own workbook onto the contract (`Zuordnung`) and its TOML file.

A `Zuordnung` says which sheet holds which contract sheet, which column header means which
contract column (per contract sheet) and which of her status words means which status. The
loader applies it before it recognises anything (`zuordnung_anwenden`), so every finding still
names her sheets and rows; `zuordnung_erkennung` says what the loader missed and
`zuordnung_vorschlag` proposes a mapping for it.

The mapping is a small TOML file (read with tomllib, written by hand: it holds only strings in
three tables, and a hand-written writer with a round-trip test costs less than a dependency).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from ipdaten.arbeitsmappe.statuswort import status_schluessel
from ipdaten.arbeitsmappe.texte import bereinige, falte
from ipdaten.arbeitsmappe.vertrag import BLAETTER, STATUS_REIHENFOLGE, Blatt
from ipdaten.fehler import IpdatenFehler

MAX_EINTRAEGE = 500  # a mapping file is small; a bigger one is refused before it is used
MAX_TEXT = 200

_STATUS = {falte(s): s for s in STATUS_REIHENFOLGE}


class ZuordnungUngueltig(IpdatenFehler):
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
        s: dict[tuple[str, str], tuple[str, str]] = {}
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

    def koepfe_fuer(self, vertrag: str) -> dict[str, str]:
        """Folded workbook header → contract column title, for one contract sheet."""
        return {falte(kopf): ziel for v, kopf, ziel in self.spalten if v == vertrag}

    def status_woerter(self) -> dict[str, str]:
        """Folded status word → contract status (checked before the built-in synonyms)."""
        return {status_schluessel(wort): ziel for wort, ziel in self.status}

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
            *(f"{toml_text(v)} = {toml_text(q)}" for v, q in b.items()),
            "",
        ]
        for vertrag, koepfe in s.items():
            teile += [
                f"[spalten.{toml_text(vertrag)}]",
                *(f"{toml_text(k)} = {toml_text(z)}" for k, z in koepfe.items()),
                "",
            ]
        teile += ["[status]", *(f"{toml_text(w)} = {toml_text(z)}" for w, z in st.items())]
        return "\n".join(teile) + "\n"


def toml_text(text: str) -> str:
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

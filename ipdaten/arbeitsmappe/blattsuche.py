"""Finding the contract's sheets in a workbook, and refusing sheets whose formulas were never calculated."""

from __future__ import annotations

import difflib
import re

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_blaetter
from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.vertrag import BLAETTER, Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe

# What people add to a sheet name without changing what it holds: a year, a date, "(alt)", "neu".
_ZUSATZ = re.compile(r"\(.*?\)|\b(?:stand|neu|alt|aktuell|kopie|copy)\b|\b\d{1,2}[./]\d{2,4}\b|\b(?:19|20)\d{2}\b")


def blatt_schluessel(name: str) -> str:
    """A sheet name reduced to what names its content: 'Empfehlungen (alt) 2016' → 'empfehlungen'."""
    return " ".join(re.sub(r"[^\w ]+", " ", _ZUSATZ.sub(" ", falte(name))).split())


def _schluessel(vertrag: Blatt) -> set[str]:
    return {blatt_schluessel(n) for n in (vertrag.name, *vertrag.aliase)}


_FELDBLATT = re.compile(r"^(?:hf|handlungsfeld)\s*(\d+)\b")


def feldnummer_des_blatts(name: str) -> int | None:
    """The field of a sheet named after it ("HF 1 Aufbrechen und Ankommen", "Handlungsfeld 2"), else None."""
    treffer = _FELDBLATT.match(falte(name))
    return int(treffer.group(1)) if treffer else None


def ist_kandidat(name: str) -> bool:
    """Whether a sheet of this name could be one of the contract's sheets (so it must be read)."""
    schluessel = blatt_schluessel(name)
    return any(schluessel in _schluessel(v) for v in BLAETTER) or feldnummer_des_blatts(name) is not None


def feldblaetter(mappe: RohMappe) -> list[tuple[int, RohBlatt]]:
    """The sheets named after a Handlungsfeld, by field number: the recommendations kept one sheet per field."""
    nummern = {name: feldnummer_des_blatts(name) for name in mappe.blaetter}
    return sorted(
        ((nr, mappe.blaetter[name]) for name, nr in nummern.items() if nr),
        key=lambda e: e[0],
    )


def spaltenname(index: int) -> str:
    """Excel's column letters for a 0-based index (0 → A, 27 → AB)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _finde_blatt(mappe: RohMappe, vertrag: Blatt, befunde: Befundliste, versteckt: set[str]) -> RohBlatt | None:
    """The sheet of `vertrag`, under its name or another name offices use; never chosen silently.

    Two sheets that differ only in spelling are an error (which one counts?). Of a hidden and a
    visible candidate the visible one is read, with a warning; several visible candidates without
    the contract's own name are an error.
    """
    ziel = falte(vertrag.name)
    genau = [blatt for name, blatt in mappe.blaetter.items() if falte(name) == ziel]
    if len(genau) > 1:
        befunde.fehler(
            "blatt.name_doppelt",
            f"Mehrere Blätter heißen „{vertrag.name}“ (bis auf Schreibweise); es ist unklar, welches gilt.",
            blatt=genau[0].name,
            wert=", ".join(f"„{b.name}“" for b in genau),
            erlaubt="genau ein Blatt je Name; die anderen umbenennen oder löschen",
        )
        return genau[0]
    schluessel = _schluessel(vertrag)
    kandidaten = [b for name, b in mappe.blaetter.items() if blatt_schluessel(name) in schluessel]
    sichtbar = [b for b in kandidaten if b.name not in versteckt]
    if genau and genau[0].name not in versteckt:
        gewaehlt = genau[0]
    elif len(sichtbar) == 1:
        gewaehlt = sichtbar[0]
    elif not sichtbar and len(kandidaten) == 1:
        gewaehlt = kandidaten[0]
        befunde.warnung(
            "blatt.ausgeblendet",
            f"Das Blatt „{gewaehlt.name}“ ist in Excel ausgeblendet; es wurde trotzdem als „{vertrag.name}“ gelesen.",
            blatt=vertrag.name,
        )
        return gewaehlt
    elif not kandidaten:
        return None
    else:
        befunde.fehler(
            "blatt.mehrdeutig",
            f"Mehrere Blätter kommen als „{vertrag.name}“ in Frage; es ist unklar, welches gilt.",
            blatt=vertrag.name,
            wert=", ".join(f"„{b.name}“" + (" (ausgeblendet)" if b.name in versteckt else "") for b in kandidaten),
            erlaubt=f"genau ein Blatt „{vertrag.name}“; die anderen umbenennen oder löschen",
        )
        return None
    andere = [b for b in kandidaten if b is not gewaehlt]
    if andere:
        befunde.warnung(
            "blatt.gewaehlt",
            f"Gelesen wurde das Blatt „{gewaehlt.name}“"
            + (f" als „{vertrag.name}“" if falte(gewaehlt.name) != ziel else "")
            + "; nicht gelesen: "
            + ", ".join(f"„{b.name}“" + (" (ausgeblendet)" if b.name in versteckt else "") for b in andere)
            + ".",
            blatt=vertrag.name,
        )
    elif falte(gewaehlt.name) != ziel:
        befunde.warnung(
            "blatt.anderer_name", f"Das Blatt „{gewaehlt.name}“ wurde als „{vertrag.name}“ gelesen.", blatt=vertrag.name
        )
    return gewaehlt


def _vorschlag(mappe: RohMappe, vertrag: Blatt) -> str:
    """The sheet most likely meant, as a hint for a missing sheet."""
    namen = {falte(n): n for n in mappe.alle_blaetter}
    aehnlich = difflib.get_close_matches(falte(vertrag.name), list(namen), n=1, cutoff=0.75)
    if aehnlich:
        return f" Vermutlich ist das Blatt „{namen[aehnlich[0]]}“ gemeint: bitte in „{vertrag.name}“ umbenennen."
    return ""


def finde_blaetter(mappe: RohMappe, befunde: Befundliste) -> dict[str, RohBlatt | None]:
    """The contract's sheets by contract name, None where missing or unusable (formulas never calculated)."""
    blaetter: dict[str, RohBlatt | None] = {}
    versteckt = ausgeblendete_blaetter(mappe.archiv)
    for vertrag in BLAETTER:
        anzahl = len(befunde.fehlerliste)
        blatt = _finde_blatt(mappe, vertrag, befunde, versteckt)
        je_feld = vertrag.name == "Empfehlungen" and blatt is None and bool(feldblaetter(mappe))
        if blatt is None and vertrag.pflicht and len(befunde.fehlerliste) == anzahl and not je_feld:
            befunde.fehler(
                "blatt.pflichtblatt_fehlt",
                f"Das Pflichtblatt „{vertrag.name}“ fehlt." + _vorschlag(mappe, vertrag),
                blatt=vertrag.name,
                wert="Blätter: " + (", ".join(mappe.alle_blaetter) or "keine"),
                erlaubt="Pflichtblätter " + ", ".join(f"„{b.name}“" for b in BLAETTER if b.pflicht),
            )
        if blatt is not None and _formeln_ohne_wert(mappe, blatt, befunde):
            blatt = None
        blaetter[vertrag.name] = blatt
    return blaetter


def _formeln_ohne_wert(mappe: RohMappe, blatt: RohBlatt, befunde: Befundliste) -> bool:
    """Record a finding when formulas in the sheet were never calculated; True if so."""
    if not mappe.hat_formeln(blatt):
        return False
    meta = mappe.zellen_meta(blatt)
    zellen = meta.ohne_wert or (meta.formeln if mappe.neu_berechnen_beim_oeffnen else [])
    if not zellen:
        return False
    orte = ", ".join(f"{spaltenname(c)}{r + 1}" for r, c in zellen[:8])
    befunde.fehler(
        "blatt.formeln_ohne_wert",
        "Das Blatt enthält Formeln, deren Ergebnis nie berechnet und gespeichert wurde (die Datei "
        "wurde vermutlich von einem Programm erzeugt). Bitte die Datei in Excel oder LibreOffice "
        f"öffnen, speichern und erneut hochladen. Betroffen: {orte}"
        + (f" und {len(zellen) - 8} weitere Zellen." if len(zellen) > 8 else "."),
        blatt=blatt.name,
        zeile=zellen[0][0] + 1,
        spalte=spaltenname(zellen[0][1]),
        erlaubt="Formeln mit gespeichertem Ergebnis oder feste Werte",
    )
    return True

"""Finding the contract's sheets in a workbook, and refusing sheets whose formulas were never calculated."""

from __future__ import annotations

from ipdaten.arbeitsmappe.befunde import Befundliste
from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.vertrag import BLAETTER, Blatt
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe


def spaltenname(index: int) -> str:
    """Excel's column letters for a 0-based index (0 → A, 27 → AB)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _finde_blatt(mappe: RohMappe, vertrag: Blatt, befunde: Befundliste) -> RohBlatt | None:
    """The sheet of `vertrag`; two sheets that differ only in spelling are an error (which one counts?)."""
    ziel = falte(vertrag.name)
    treffer = [blatt for name, blatt in mappe.blaetter.items() if falte(name) == ziel]
    if len(treffer) > 1:
        befunde.fehler(
            f"Mehrere Blätter heißen „{vertrag.name}“ (bis auf Schreibweise); es ist unklar, welches gilt.",
            blatt=treffer[0].name,
            wert=", ".join(f"„{b.name}“" for b in treffer),
            erlaubt="genau ein Blatt je Name; die anderen umbenennen oder löschen",
        )
    return treffer[0] if treffer else None


def finde_blaetter(mappe: RohMappe, befunde: Befundliste) -> dict[str, RohBlatt | None]:
    """The contract's sheets by contract name, None where missing or unusable (formulas never calculated)."""
    blaetter: dict[str, RohBlatt | None] = {}
    for vertrag in BLAETTER:
        blatt = _finde_blatt(mappe, vertrag, befunde)
        if blatt is None and vertrag.pflicht:
            befunde.fehler(
                f"Das Pflichtblatt „{vertrag.name}“ fehlt.",
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

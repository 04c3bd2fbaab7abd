"""The workbook documentation generated from the contract: one Markdown table per sheet (columns,
required or optional, type, what a cell may hold, other headers read) and the status synonym
table. `scripts/doku_erzeugen.py` writes it into docs/arbeitsmappe.md between the markers below;
a test checks that the committed file is current."""

from __future__ import annotations

from ipdaten.arbeitsmappe.vertrag import BLAETTER, STATUS_REIHENFOLGE, STATUS_SYNONYME, Blatt, Spalte

ANFANG = "<!-- Aus ipdaten/arbeitsmappe/vertrag.py erzeugt (python scripts/doku_erzeugen.py); nicht von Hand ändern -->"
ENDE = "<!-- Ende des erzeugten Teils -->"


def _zelle(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _liste(woerter: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"„{w}“" for w in woerter)


def _spaltenzeile(spalte: Spalte) -> str:
    typ = spalte.typ.name
    return (
        f"| {_zelle(spalte.titel)} | {'ja' if spalte.pflicht else 'nein'} | {_zelle(typ)} | "
        f"{_zelle(spalte.erklaerung)} | {_zelle(_liste(spalte.aliase))} |"
    )


def blatt_tabelle(blatt: Blatt) -> str:
    """One sheet as a Markdown section: its heading, what it holds and a table of its columns."""
    kopf = f"### Blatt „{blatt.name}“ ({'Pflicht' if blatt.pflicht else 'optional'})"
    zeilen = [kopf, "", blatt.erklaerung]
    if blatt.aliase:
        zeilen[-1] += f" Auch gelesen unter: {_liste(blatt.aliase)}."
    zeilen += [
        "",
        "| Spalte | Pflicht | Typ | Inhalt | auch gelesen als |",
        "|---|---|---|---|---|",
        *(_spaltenzeile(s) for s in blatt.spalten),
    ]
    return "\n".join(zeilen)


def status_tabelle() -> str:
    """The status synonym table: each status with every other spelling it is read from."""
    zeilen = ["| Status | wird auch gelesen aus |", "|---|---|"]
    for status in STATUS_REIHENFOLGE:
        andere = [w for w in STATUS_SYNONYME[status] if w and w != status.casefold()]
        leer = "" in STATUS_SYNONYME[status]
        zeilen.append(f"| {status} | {_liste(andere)}{', leere Zelle' if leer else ''} |")
    return "\n".join(zeilen)


def vertrag_markdown() -> str:
    """The generated part of docs/arbeitsmappe.md, markers included."""
    teile = [ANFANG, "", *(blatt_tabelle(b) + "\n" for b in BLAETTER), "### Status und ihre Schreibweisen", ""]
    teile += [status_tabelle(), "", ENDE]
    return "\n".join(teile)


def mit_vertrag(dokument: str) -> str:
    """`dokument` with its generated part (between the markers) replaced by the current one."""
    anfang, ende = dokument.index(ANFANG), dokument.index(ENDE) + len(ENDE)
    return dokument[:anfang] + vertrag_markdown() + dokument[ende:]

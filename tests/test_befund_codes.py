"""Every finding carries a stable code (see ipdaten/arbeitsmappe/befunde.py): the codes written in
the package have the documented form, and grouping keys on them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ipdaten.arbeitsmappe.befunde import CODE_MUSTER, fehler, gruppiert, warnung

PAKET = Path(__file__).resolve().parent.parent / "ipdaten"
# Calls whose first argument is a finding's code.
MIT_CODE = {"Befund", "fehler", "warnung", "pflichttext", "positive_nr"}


def _name(aufruf: ast.Call) -> str:
    funktion = aufruf.func
    return funktion.attr if isinstance(funktion, ast.Attribute) else getattr(funktion, "id", "")


def _befund_aufrufe() -> list[tuple[str, ast.Call]]:
    """(file:line, call) of every call that makes a finding, in the whole package."""
    aufrufe = []
    for pfad in sorted(PAKET.rglob("*.py")):
        for knoten in ast.walk(ast.parse(pfad.read_text(encoding="utf-8"))):
            if isinstance(knoten, ast.Call) and _name(knoten) in MIT_CODE and knoten.args:
                aufrufe.append((f"{pfad.relative_to(PAKET)}:{knoten.lineno}", knoten))
    return aufrufe


def test_jeder_befund_im_paket_hat_einen_code_der_richtigen_form():
    ohne, falsch, codes = [], [], set()
    for ort, aufruf in _befund_aufrufe():
        erstes = aufruf.args[0]
        if isinstance(erstes, ast.Constant) and isinstance(erstes.value, str):
            codes.add(erstes.value)
            if not CODE_MUSTER.fullmatch(erstes.value):
                falsch.append(f"{ort}: {erstes.value}")
        elif not (isinstance(erstes, ast.Name) and erstes.id == "code"):  # passed on by a helper
            ohne.append(ort)
    assert (ohne, falsch) == ([], []), (
        "Jeder Befund braucht als erstes Argument einen Code der Form bereich.was, z. B. "
        'fehler("haushalt.betrag_negativ", "Der Betrag ist negativ.", …) – siehe ipdaten/arbeitsmappe/befunde.py. '
        f"Ohne Code: {ohne}; Code falscher Form: {falsch}"
    )
    assert {"status.unbekannt", "datei.kennwort", "kopf.pflichtspalte_fehlt", "statistik.kreis_fehlt"} <= codes


def test_code_falscher_form_ist_ein_programmfehler():
    with pytest.raises(ValueError, match=r"bereich\.was"):
        fehler("Status unbekannt", "Der Status ist unbekannt.")
    assert warnung("haushalt.tausend_euro", "x").code == "haushalt.tausend_euro"


def test_gruppierung_nach_code():
    """Findings of one code and wording in several rows become one; another code stays apart
    even with the same wording."""
    befunde = [
        fehler("status.unbekannt", "Unbekannt.", blatt="E", zeile=3, wert="offen"),
        fehler("status.unbekannt", "Unbekannt.", blatt="E", zeile=4, wert="offen"),
        fehler("empfehlung.termin_unlesbar", "Unbekannt.", blatt="E", zeile=5, wert="offen"),
    ]
    assert [(b.code, b.zeilen) for b in gruppiert(befunde)] == [
        ("status.unbekannt", (3, 4)),
        ("empfehlung.termin_unlesbar", ()),
    ]

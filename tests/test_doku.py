"""The documentation stays true: generated parts are current, every command it shows exists, every
relative link and anchor resolves, every path it names is in the project."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from ipdaten.arbeitsmappe.vertrag_doku import mit_vertrag

WURZEL = Path(__file__).resolve().parent.parent
DOKUMENTE = sorted([WURZEL / "README.md", *(WURZEL / "docs").glob("*.md")])
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`\n]+)`")
_BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.S)
# A path in backticks: a folder of the project, then a file with its ending (or a folder with /).
# Created where the server runs, never part of the project (both are in .gitignore).
ZUR_LAUFZEIT = {".streamlit/secrets.toml", "daten/ablage/"}
_PFAD = re.compile(r"^(?:ipdaten|oberflaeche|seiten|tests|scripts|daten|docs|benchmarks|\.streamlit)/[\w./-]*$")


def _ids(pfade: list[Path]) -> list[str]:
    return [str(p.relative_to(WURZEL)) for p in pfade]


def _anker(ueberschrift: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation removed, spaces as hyphens."""
    text = unicodedata.normalize("NFC", ueberschrift.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anker_von(dokument: Path) -> set[str]:
    text = _BLOCK.sub("", dokument.read_text(encoding="utf-8"))
    return {_anker(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", text, re.M)}


def _befehle() -> dict[str, set[str]]:
    """The commands of `python -m ipdaten` with their sub-commands, as the parser knows them."""
    import argparse

    from ipdaten.kommandozeile import BEFEHLE
    from ipdaten.kommandozeile.gemeinsam import Parser

    parser = Parser(prog="python -m ipdaten")
    befehle = parser.add_subparsers(dest="befehl")
    for befehl in BEFEHLE:
        befehl.einrichten(befehle)
    ergebnis: dict[str, set[str]] = {}
    for name, unter in befehle.choices.items():
        aktionen = [a for a in unter._actions if isinstance(a, argparse._SubParsersAction)]
        ergebnis[name] = set(aktionen[0].choices) if aktionen else set()
    return ergebnis


def test_vertragstabellen_in_docs_arbeitsmappe_sind_aktuell():
    dokument = (WURZEL / "docs" / "arbeitsmappe.md").read_text(encoding="utf-8")
    assert dokument == mit_vertrag(dokument), (
        "docs/arbeitsmappe.md weicht vom Vertrag ab: .venv/bin/python scripts/doku_erzeugen.py ausführen und committen"
    )


@pytest.mark.parametrize("dokument", DOKUMENTE, ids=_ids(DOKUMENTE))
def test_relative_links_und_anker_fuehren_ans_ziel(dokument):
    falsch = []
    for ziel in _LINK.findall(dokument.read_text(encoding="utf-8")):
        if re.match(r"^[a-z]+:", ziel):
            continue  # http(s), mailto: outside the project
        pfad, _, anker = ziel.partition("#")
        datei = (dokument.parent / pfad).resolve() if pfad else dokument
        if not datei.exists():
            falsch.append(f"{ziel}: Datei fehlt")
        elif anker and datei.suffix == ".md" and anker not in _anker_von(datei):
            falsch.append(f"{ziel}: Abschnitt fehlt")
    assert falsch == []


@pytest.mark.parametrize("dokument", DOKUMENTE, ids=_ids(DOKUMENTE))
def test_jeder_gezeigte_befehl_der_kommandozeile_existiert(dokument):
    befehle = _befehle()
    falsch = []
    for befehl, unter in re.findall(r"python -m ipdaten ([a-z_]+)(?: ([a-z_]+))?", dokument.read_text("utf-8")):
        if befehl not in befehle:
            falsch.append(befehl)
        elif befehle[befehl] and unter not in befehle[befehl]:
            falsch.append(f"{befehl} {unter}")
    assert falsch == []


@pytest.mark.parametrize("dokument", DOKUMENTE, ids=_ids(DOKUMENTE))
def test_jeder_genannte_pfad_existiert(dokument):
    text = dokument.read_text(encoding="utf-8")
    genannt = {w for code in _CODE.findall(text) for w in code.split() if _PFAD.match(w.rstrip(".,;:"))}
    genannt |= {
        m for block in _BLOCK.findall(text) for m in re.findall(r"\b(?:scripts|daten)/[\w./-]+\.(?:py|sh)", block)
    }
    genannt = {p.rstrip(".,;:") for p in genannt} - ZUR_LAUFZEIT
    fehlend = sorted(p for p in genannt if not (WURZEL / p).exists() and "*" not in p)
    assert fehlend == []


def test_pruefung_findet_falschen_link_befehl_und_pfad(tmp_path, monkeypatch):
    """The checks themselves can fail."""
    dokument = tmp_path / "x.md"
    dokument.write_text(
        "# Titel\n[gibt es nicht](fehlt.md) [Anker](#kein-abschnitt)\n`python -m ipdaten zaubern`\n"
        "`ipdaten/gibtsnicht.py`\n",
        encoding="utf-8",
    )
    for pruefung in (
        test_relative_links_und_anker_fuehren_ans_ziel,
        test_jeder_gezeigte_befehl_der_kommandozeile_existiert,
        test_jeder_genannte_pfad_existiert,
    ):
        with pytest.raises(AssertionError):
            pruefung(dokument)

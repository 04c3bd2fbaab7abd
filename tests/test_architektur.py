"""Rules of the codebase that a reviewer would otherwise have to check by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAKET = Path(__file__).resolve().parent.parent / "ipdaten"
MODULE = sorted(PAKET.rglob("*.py"))


def _baum(pfad: Path) -> ast.Module:
    return ast.parse(pfad.read_text(encoding="utf-8"), filename=str(pfad))


def _ist_dynamischer_import(knoten: ast.AST) -> bool:
    """__import__("x") or importlib.import_module("x") with a literal name."""
    if not isinstance(knoten, ast.Call) or not knoten.args or not isinstance(knoten.args[0], ast.Constant):
        return False
    return getattr(knoten.func, "id", "") == "__import__" or getattr(knoten.func, "attr", "") == "import_module"


def _importierte_module(baum: ast.Module) -> set[str]:
    namen = set()
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Import):
            namen.update(alias.name for alias in knoten.names)
        elif isinstance(knoten, ast.ImportFrom) and knoten.module and knoten.level == 0:
            namen.add(knoten.module)
            if knoten.module == "ipdaten":  # from ipdaten import format -> ipdaten.format
                namen.update(f"ipdaten.{alias.name}" for alias in knoten.names)
        elif _ist_dynamischer_import(knoten):
            namen.add(str(knoten.args[0].value))
    return namen


@pytest.mark.parametrize("pfad", MODULE, ids=lambda p: p.name)
def test_kein_streamlit_im_fachpaket(pfad):
    verboten = {m for m in _importierte_module(_baum(pfad)) if m.split(".")[0] == "streamlit"}
    assert verboten == set(), f"{pfad.name} importiert {verboten}"


def _oeffentliche_funktionen(baum: ast.Module):
    """Public module functions, and public methods of public classes."""
    for knoten in baum.body:
        if isinstance(knoten, (ast.FunctionDef, ast.AsyncFunctionDef)) and not knoten.name.startswith("_"):
            yield knoten.name, knoten
        elif isinstance(knoten, ast.ClassDef) and not knoten.name.startswith("_"):
            yield knoten.name, knoten
            for glied in knoten.body:
                if isinstance(glied, (ast.FunctionDef, ast.AsyncFunctionDef)) and not glied.name.startswith("_"):
                    yield f"{knoten.name}.{glied.name}", glied


@pytest.mark.parametrize("pfad", MODULE, ids=lambda p: p.name)
def test_oeffentliche_funktionen_haben_docstrings(pfad):
    baum = _baum(pfad)
    ohne = [name for name, knoten in _oeffentliche_funktionen(baum) if not (ast.get_docstring(knoten) or "").strip()]
    assert ast.get_docstring(baum), f"{pfad.name} hat keinen Modul-Docstring"
    assert ohne == [], f"{pfad.name}: ohne Docstring: {', '.join(ohne)}"


def test_pruefung_findet_streamlit_import(tmp_path):
    """The check itself can fail: it sees every form of import."""
    for quelle in (
        "import streamlit as st",
        "from streamlit import cache_data",
        "import importlib\nimportlib.import_module('streamlit')",
    ):
        datei = tmp_path / "x.py"
        datei.write_text(quelle)
        assert "streamlit" in {m.split(".")[0] for m in _importierte_module(_baum(datei))}


def test_pruefung_findet_fehlenden_docstring(tmp_path):
    datei = tmp_path / "x.py"
    datei.write_text(
        '"""Modul."""\n\ndef f():\n    return 1\n\nclass K:\n    """K."""\n\n    def g(self):\n        pass\n'
    )
    assert [n for n, k in _oeffentliche_funktionen(_baum(datei)) if not ast.get_docstring(k)] == ["f", "K.g"]


# Layers of the domain package, bottom first: a module imports only from its own layer or below.
SCHICHTEN = {
    "format": 0,
    "redakteur": 0,
    "drossel": 0,
    "arbeitsmappe": 1,
    "zahlen": 2,
    "ablage": 2,
    "ablage_fehler": 2,
    "ablage_verbindung": 2,
    "ablage_schema": 2,
    "ablage_zeile": 2,
    "ablage_protokoll": 2,
    "fehler": 0,
    "ablage_sicherung": 2,
    "ablage_ort": 0,
    "gemerkt": 0,
    "amtlich": 2,
    "rueckmeldung": 2,
    "darstellung": 3,
    "praesentation": 4,
    "__main__": 5,
    "kommandozeile": 5,
    "__init__": 5,
}


def _schicht(modulname: str) -> int:
    teile = modulname.split(".")
    return SCHICHTEN[teile[1] if len(teile) > 1 else "__init__"]


def _modulname(pfad: Path, paket: Path) -> str:
    teile = pfad.relative_to(paket.parent).with_suffix("").parts
    return ".".join(teile[:-1] if teile[-1] == "__init__" and len(teile) > 2 else teile)


def _aufwaertsimporte(pfad: Path, paket: Path = PAKET) -> set[str]:
    eigene = _schicht(_modulname(pfad, paket))
    return {m for m in _importierte_module(_baum(pfad)) if m.startswith("ipdaten.") and _schicht(m) > eigene}


@pytest.mark.parametrize("pfad", MODULE, ids=lambda p: str(p.relative_to(PAKET)))
def test_importe_nur_nach_unten(pfad):
    assert _aufwaertsimporte(pfad) == set()


def test_pruefung_findet_aufwaertsimport(tmp_path):
    """The layer check itself can fail: zahlen importing darstellung is caught, format is allowed."""
    paket = tmp_path / "ipdaten"
    (paket / "zahlen").mkdir(parents=True)
    datei = paket / "zahlen" / "x.py"
    datei.write_text("from ipdaten.darstellung.farben import status_farbe\nfrom ipdaten import format, praesentation\n")
    assert _aufwaertsimporte(datei, paket) == {"ipdaten.darstellung.farben", "ipdaten.praesentation"}


def test_jede_ausnahme_des_fachpakets_erbt_von_ipdatenfehler():
    """One type for callers to catch: no class in ipdaten derives from Exception (or ValueError …)
    directly, except the base itself (and private signals that never leave their module)."""
    eingebaut = {"Exception", "ValueError", "KeyError", "RuntimeError", "OSError", "TypeError", "LookupError"}
    direkt = []
    for pfad in MODULE:
        for knoten in ast.walk(_baum(pfad)):
            if isinstance(knoten, ast.ClassDef) and knoten.name != "IpdatenFehler" and not knoten.name.startswith("_"):
                basen = {getattr(b, "id", getattr(b, "attr", "")) for b in knoten.bases}
                if basen & eingebaut:
                    direkt.append(f"{pfad.name}: {knoten.name}")
    assert direkt == []


def test_oberflaeche_kennt_kein_sqlite():
    """The store (and the rounds' tables through it) wraps sqlite3.Error into AblageFehler, so the
    pages and UI helpers catch one type and never import sqlite3."""
    wurzel = PAKET.parent
    dateien = [wurzel / "app.py", *(wurzel / "oberflaeche").glob("*.py"), *(wurzel / "seiten").glob("*.py")]
    mit_sqlite = [p.name for p in dateien if "sqlite3" in _importierte_module(_baum(p))]
    assert mit_sqlite == []


def test_streamlit_caches_nur_im_zwischenspeicher():
    """One home for caching: every st.cache_data / st.cache_resource of the app is declared in
    oberflaeche/zwischenspeicher.py (with its key, bound and scope), nowhere else."""
    wurzel = PAKET.parent
    dateien = [wurzel / "app.py", *(wurzel / "oberflaeche").glob("*.py"), *(wurzel / "seiten").glob("*.py")]
    ausserhalb = []
    for pfad in dateien:
        if pfad.name == "zwischenspeicher.py":
            continue
        baum = _baum(pfad)
        for knoten in ast.walk(baum):
            if (
                isinstance(knoten, ast.Attribute)
                and knoten.attr in ("cache_data", "cache_resource")
                and _wird_aufgerufen_oder_dekoriert(knoten, baum)
            ):
                ausserhalb.append(f"{pfad.name}:{knoten.lineno}")
    assert ausserhalb == [], "Caches gehören nach oberflaeche/zwischenspeicher.py"


def _wird_aufgerufen_oder_dekoriert(attribut: ast.Attribute, baum: ast.Module) -> bool:
    """st.cache_x(...) or @st.cache_x, not st.cache_x.clear() (clearing is allowed anywhere)."""
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Attribute) and knoten.value is attribut and knoten.attr == "clear":
            return False
    return True


def test_tests_importieren_hilfen_einheitlich_und_keinen_anderen_test():
    """One import style for the test helpers (`from tests.arbeitsmappen import …`), and no test module
    imports another one: what several tests share lives in a helper module or in conftest.py."""
    tests = PAKET.parent / "tests"
    hilfen = {p.stem for p in tests.rglob("*.py") if not p.stem.startswith(("test_", "conftest", "__"))}
    falsch = []
    for pfad in sorted(tests.rglob("*.py")):
        for name in _importierte_module(_baum(pfad)):
            teile = name.split(".")
            if teile[0] in hilfen or teile[-1].startswith("test_"):
                falsch.append(f"{pfad.relative_to(tests)}: {name}")
    assert falsch == []

"""The documentation stays true: generated parts are current."""

from __future__ import annotations

from pathlib import Path

from ipdaten.arbeitsmappe.vertrag_doku import mit_vertrag

WURZEL = Path(__file__).resolve().parent.parent


def test_vertragstabellen_in_docs_arbeitsmappe_sind_aktuell():
    dokument = (WURZEL / "docs" / "arbeitsmappe.md").read_text(encoding="utf-8")
    assert dokument == mit_vertrag(dokument), (
        "docs/arbeitsmappe.md weicht vom Vertrag ab: .venv/bin/python scripts/doku_erzeugen.py ausführen und committen"
    )

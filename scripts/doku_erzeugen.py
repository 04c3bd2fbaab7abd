"""Write the parts of the documentation that are generated from declarations into docs/:
the workbook contract's tables in docs/arbeitsmappe.md (from ipdaten/arbeitsmappe/vertrag.py).

Run after changing the contract:  .venv/bin/python scripts/doku_erzeugen.py
tests/test_doku.py fails while the committed file differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))

from ipdaten.arbeitsmappe.vertrag_doku import mit_vertrag  # noqa: E402

ARBEITSMAPPE = WURZEL / "docs" / "arbeitsmappe.md"


def main() -> int:
    """Rewrite the generated parts; print which files changed."""
    alt = ARBEITSMAPPE.read_text(encoding="utf-8")
    neu = mit_vertrag(alt)
    if neu != alt:
        ARBEITSMAPPE.write_text(neu, encoding="utf-8")
        print(f"geschrieben: {ARBEITSMAPPE.relative_to(WURZEL)}")
    else:
        print("aktuell: nichts zu tun")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

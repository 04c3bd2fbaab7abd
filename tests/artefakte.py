"""Where tests put what a person looks at afterwards (screenshots, PDFs, server logs): outside the
checkout, in IPDATEN_TEST_ARTEFAKTE or the system's temporary folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ARTEFAKTE = Path(os.environ.get("IPDATEN_TEST_ARTEFAKTE", Path(tempfile.gettempdir()) / "ipdaten-test-artefakte"))

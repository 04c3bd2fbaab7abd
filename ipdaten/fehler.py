"""The one base of every failure the user can act on: `IpdatenFehler`.

Every exception the domain package raises on purpose derives from it and carries a German
message meant for the user (a refused workbook, a store that cannot be opened, an unusable
template or statistics file, a broken mapping file). A caller that shows such failures catches
this one type. Anything else that escapes – `ValueError`, `KeyError`, `TypeError` … – is a
programming error: it is never turned into a message about the user's file, so that it is
seen, logged and fixed instead of hidden.
"""

from __future__ import annotations


class IpdatenFehler(Exception):
    """A failure the user can act on; `str(fehler)` is a German message for her."""

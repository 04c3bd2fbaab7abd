"""Keep Streamlit's garbage collection after every script run cheap.

Streamlit runs a full collection after each run of the script (`runner.postScriptGC`), also for
the Stand-polling fragment every few seconds. With pandas, plotly and Streamlit loaded, that
walks about 120 000 long-lived objects: 60 ms per run on this machine, holding the interpreter
lock while the server should answer the browser. Moving the objects that exist after the
imports into the permanent generation (`gc.freeze`) leaves the collection only what runs create.
"""

from __future__ import annotations

import gc

_erledigt = False


def langlebige_objekte_einfrieren() -> None:
    """Once per process, after the imports: exclude the objects alive now from later collections
    (they are still freed by reference counting; only cycles among them stay)."""
    global _erledigt
    if not _erledigt:
        gc.freeze()
        _erledigt = True

"""Domain package of the Integrationsplan-Monitor: workbook contract, loading, validation,
computations, storage and exports. It never imports streamlit."""

from ipdaten.arbeitsmappe import Anlage, AnlageUngueltig, Befund, lade_anlage
from ipdaten.fehler import IpdatenFehler

__all__ = ["Anlage", "AnlageUngueltig", "Befund", "IpdatenFehler", "lade_anlage"]

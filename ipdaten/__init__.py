"""Domain package of the Integrationsplan-Monitor: workbook contract, loading, validation,
computations, storage and exports. It never imports streamlit."""

from .befunde import AnlageUngueltig, Befund
from .laden import lade_anlage
from .modell import Anlage

__all__ = ["Anlage", "AnlageUngueltig", "Befund", "lade_anlage"]

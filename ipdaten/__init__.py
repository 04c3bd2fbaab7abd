"""Domain package of the Integrationsplan-Monitor: workbook contract, loading, validation,
computations, storage and exports. It never imports streamlit."""

from ipdaten.arbeitsmappe.befunde import AnlageUngueltig, Befund
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.arbeitsmappe.modell import Anlage

__all__ = ["Anlage", "AnlageUngueltig", "Befund", "lade_anlage"]

"""Reading side: the workbook contract, checks before parsing, the XLSX reader, finding tables,
reading each sheet, loading into an Anlage, the mapping of an office's own workbook onto the
contract, and the template.

Other packages import only the names below.
"""

from ipdaten.arbeitsmappe.abgleich import schlage_zuordnung_vor, signatur
from ipdaten.arbeitsmappe.befunde import AnlageUngueltig, Befund, befunde_tabelle, fehler, warnung
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.arbeitsmappe.modell import Anlage
from ipdaten.arbeitsmappe.texte import bereinige, falte
from ipdaten.arbeitsmappe.vertrag import BLAETTER, EINBUERGERUNG, MAX_DATEI_BYTES, REFERENZ_GEBIET, STATUS_REIHENFOLGE
from ipdaten.arbeitsmappe.vorlage import vorlage_bytes
from ipdaten.arbeitsmappe.zuordnung import Zuordnung, ZuordnungUngueltig, aus_toml
from ipdaten.arbeitsmappe.zuordnung_vorschlag import Kandidat, Vorschlag

__all__ = [
    "BLAETTER",
    "EINBUERGERUNG",
    "MAX_DATEI_BYTES",
    "REFERENZ_GEBIET",
    "STATUS_REIHENFOLGE",
    "Anlage",
    "AnlageUngueltig",
    "Befund",
    "Kandidat",
    "Vorschlag",
    "Zuordnung",
    "ZuordnungUngueltig",
    "aus_toml",
    "befunde_tabelle",
    "bereinige",
    "falte",
    "fehler",
    "lade_anlage",
    "schlage_zuordnung_vor",
    "signatur",
    "vorlage_bytes",
    "warnung",
]

"""The plausibility layer: after any reader and any mapping, before figures reach a page, a
slide, a document or the command line, the figures themselves are checked
(`pruefe_plausibilitaet`), and German findings are returned grouped by cause; `quittung` says
what was read, in one glance."""

from ipdaten.arbeitsmappe.plausibel.pruefung import Plausibilitaet, nach_ursache, pruefe_plausibilitaet, ursache
from ipdaten.arbeitsmappe.plausibel.quittung import Quittung, quittung

__all__ = ["Plausibilitaet", "Quittung", "nach_ursache", "pruefe_plausibilitaet", "quittung", "ursache"]

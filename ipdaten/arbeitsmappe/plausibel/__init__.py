"""The plausibility layer: after any reader and any mapping, before figures reach a page, a
slide, a document or the command line, the figures themselves are checked
(`pruefe_plausibilitaet`), and German findings are returned grouped by cause."""

from ipdaten.arbeitsmappe.plausibel.pruefung import Plausibilitaet, nach_ursache, pruefe_plausibilitaet, ursache

__all__ = ["Plausibilitaet", "nach_ursache", "pruefe_plausibilitaet", "ursache"]

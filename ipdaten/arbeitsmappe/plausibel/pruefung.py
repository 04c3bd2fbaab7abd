"""The plausibility layer behind every reader: one function checks the figures of an Anlage,
whatever the layout they were read from, and returns German findings grouped by cause.

`lade_anlage` runs it on every workbook it reads (upload, command line, published Stände, the
statistics import's revised workbook); an Anlage built another way – the merge of a
Rückmelderunde – is checked by calling `pruefe_plausibilitaet` on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ipdaten.arbeitsmappe.befunde import URSACHEN, Befund, NachSchwere, gruppiert, ursache_des_blatts
from ipdaten.arbeitsmappe.lesebericht import Lesebericht
from ipdaten.arbeitsmappe.modell import Anlage
from ipdaten.arbeitsmappe.plausibel.einbuergerung import pruefe_einbuergerung
from ipdaten.arbeitsmappe.plausibel.empfehlungen import pruefe_anzahlen
from ipdaten.arbeitsmappe.plausibel.haushalt import pruefe_haushalt
from ipdaten.arbeitsmappe.plausibel.stand import pruefe_daten_gegen_stand, pruefe_stand
from ipdaten.arbeitsmappe.plausibel.ungelesen import pruefe_ungelesenes


@dataclass(frozen=True)
class Plausibilitaet(NachSchwere):
    """The findings of the plausibility checks of one Anlage, one per cause."""

    befunde: tuple[Befund, ...] = ()

    def nach_ursache(self) -> dict[str, list[Befund]]:
        """The findings grouped by cause, in the order of URSACHEN."""
        return nach_ursache(list(self.befunde))


def pruefe_plausibilitaet(anlage: Anlage) -> Plausibilitaet:
    """Check the figures of `anlage` and say in German what is implausible, grouped by cause.

    The one public entry of the layer: stable for every caller (the Rückmelde merge calls it on
    the merged Anlage). Works with and without `anlage.lesebericht`; without it, the checks that
    need the workbook itself (sheets and columns not read, formatting) have nothing to say.
    """
    bericht = anlage.lesebericht or Lesebericht()
    befunde: list[Befund] = []
    befunde += pruefe_stand(anlage.stand, bericht.standangaben, bericht.blattname("Info"))
    befunde += pruefe_daten_gegen_stand(
        anlage.stand,
        anlage.empfehlungen,
        anlage.einbuergerung,
        {b: bericht.blattname(b) for b in ("Empfehlungen", "Einbürgerung")},
    )
    befunde += pruefe_anzahlen(anlage.handlungsfelder, anlage.empfehlungen, bericht)
    befunde += pruefe_einbuergerung(anlage.einbuergerung, bericht.blattname("Einbürgerung"))
    befunde += pruefe_haushalt(anlage.haushalt, bericht.blattname("Haushalt"))
    befunde += pruefe_ungelesenes(bericht)
    return Plausibilitaet(tuple(gruppiert(befunde)))


def ursache(befund: Befund, bericht: Lesebericht | None = None) -> str:
    """The cause a finding is grouped by: its own, else the contract sheet it is about."""
    if befund.ursache:
        return befund.ursache
    vertragsblatt = befund.blatt
    if bericht is not None:
        vertragsblatt = next((v for v, b in bericht.blaetter.items() if b == befund.blatt), befund.blatt)
    return ursache_des_blatts(vertragsblatt)


def nach_ursache(befunde: list[Befund], bericht: Lesebericht | None = None) -> dict[str, list[Befund]]:
    """Findings grouped by cause, in the order of URSACHEN (only causes with findings)."""
    gruppen: dict[str, list[Befund]] = defaultdict(list)
    for befund in befunde:
        gruppen[ursache(befund, bericht)].append(befund)
    return {u: gruppen[u] for u in URSACHEN if u in gruppen}

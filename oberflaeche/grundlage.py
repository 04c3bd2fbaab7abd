"""The workbook an editing step writes into – the statistics import, the Rückmelderunde and the
quick correction alike: this session's preview, if it shows one, else the newest published Stand.
The result becomes the session's new preview, from where it is published like any upload."""

from __future__ import annotations

from dataclasses import dataclass, field

from ipdaten.ablage import Ablage, StandInfo
from ipdaten.arbeitsmappe import Anlage, Zuordnung

from . import quelle
from .literal import literal


@dataclass(frozen=True)
class Grundlage:
    """A workbook to write into: its bytes, how it shows, the mapping it is read with, and a
    Markdown-escaped German phrase naming it, nominative ("die Vorschau „x.xlsx“", "der aktuelle Stand
    (Nr. 3 · …)")."""

    daten: bytes = field(repr=False)
    sha256: str
    anzeige: quelle.Anzeige
    zuordnung: Zuordnung | None
    text: str
    basis_nr: int | None  # the Stand written into (through a preview: that preview's), None for her own file

    @property
    def anlage(self) -> Anlage:
        """The loaded workbook."""
        return self.anzeige.anlage


def grundlage(anzeige: quelle.Anzeige, ablage: Ablage, neuester: StandInfo) -> Grundlage:
    """The preview `anzeige` shows, if any, else the newest published Stand `neuester`."""
    vorschau = anzeige.vorschau
    if vorschau is not None:
        return Grundlage(
            vorschau.daten,
            vorschau.sha256,
            anzeige,
            vorschau.zuordnung,
            f"die Vorschau „{literal(vorschau.dateiname)}“",
            vorschau.basis_nr,
        )
    return Grundlage(
        ablage.lies(neuester.sha256),
        neuester.sha256,
        quelle.anzeige_zu_stand(neuester, ablage),
        neuester.zuordnung,
        f"der aktuelle Stand ({literal(quelle.stand_titel(neuester))})",
        neuester.nr,
    )

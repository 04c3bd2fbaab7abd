"""The history over all Stände (issue 12) for the pages: every published Stand up to the shown
one read once (its Abriss) and the VerlaufAuswertung over them, both cached and bounded
(`zwischenspeicher`)."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler, StandInfo
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.zahlen.verlauf import StandKopf

from . import zwischenspeicher
from .quelle import Anzeige, Vorschau, ablage


def _kopf(info: StandInfo) -> StandKopf:
    if info.stand is not None:
        return StandKopf(info.nr, info.stand, info.bezeichnung)
    return StandKopf(info.nr, fmt.ortszeit(info.veroeffentlicht).date(), info.bezeichnung, datum_geschaetzt=True)


def verlauf_zu(anzeige: Anzeige) -> VerlaufAuswertung | None:
    """The history of the published Stände up to the shown one in time order (a preview: all
    published Stände and the preview); None when there are fewer than two or the store is down."""
    try:
        quelle_ablage = ablage()
        staende = quelle_ablage.staende()
    except AblageFehler:
        return None
    eintraege = []
    for info in staende:
        kopf = _kopf(info)
        eintraege.append(((info.sha256, kopf.nr, kopf.datum, kopf.titel, kopf.datum_geschaetzt), info))
    if anzeige.ist_vorschau:
        datum = anzeige.anlage.stand or fmt.jetzt().date()
        eintrag = anzeige.vorschau
        kopf = (anzeige.schluessel, None, datum, "Vorschau (nicht veröffentlicht)", anzeige.anlage.stand is None)
        eintraege.append((kopf, eintrag))
        grenze = None
    elif anzeige.stand_info is not None:
        eigen = _kopf(anzeige.stand_info)
        grenze = (eigen.datum, eigen.nr)
    else:
        return None
    if grenze is not None:
        eintraege = [e for e in eintraege if (e[0][2], e[0][1]) <= grenze]
    if len(eintraege) < 2:
        return None

    def lader(quelle_eintrag):
        # (bytes, the mapping they are read with), as the Stand itself is read.
        if isinstance(quelle_eintrag, Vorschau):
            return lambda: anzeige.anlage  # the preview shown, read once when it was checked
        return lambda: (quelle_ablage.lies(quelle_eintrag.sha256), quelle_eintrag.zuordnung)

    try:
        schluessel = (*(k for k, _ in eintraege), tuple(anzeige.anlage.feldnamen.items()))
        return zwischenspeicher.verlauf_auswertung(repr(schluessel), schluessel, tuple(lader(q) for _, q in eintraege))
    except AblageFehler as e:
        eintraege = _ohne_unlesbare(eintraege, quelle_ablage, e)
    if len(eintraege) < 2:
        return None
    schluessel = (*(k for k, _ in eintraege), tuple(anzeige.anlage.feldnamen.items()))
    return zwischenspeicher.verlauf_auswertung(repr(schluessel), schluessel, tuple(lader(q) for _, q in eintraege))


def _ohne_unlesbare(eintraege: list, quelle_ablage, fehler: AblageFehler) -> list:
    """The entries whose Stand can be read from the store; the others are named in a warning
    (a damaged store must not end the page, nor shorten the history silently)."""
    lesbar, fehlend = [], []
    for eintrag in eintraege:
        info = eintrag[1]
        if isinstance(info, StandInfo):
            try:
                quelle_ablage.lies(info.sha256)
            except AblageFehler:
                fehlend.append(f"Nr. {info.nr}")
                continue
        lesbar.append(eintrag)
    st.warning(
        f"Der Verlauf zeigt Stand {', '.join(fehlend)} nicht: Er lässt sich nicht aus der Ablage lesen. {fehler}",
        icon=":material/warning:",
    )
    return lesbar

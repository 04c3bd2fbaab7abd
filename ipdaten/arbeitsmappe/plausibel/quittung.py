"""The receipt of a read workbook: what was read, in one glance – sheets, counts per field and
status, Stand, areas and years, budget lines and sum – and every warning by cause, so that a
misread is visible before publishing. The Daten page shows it at the top of the check of an
upload, `python -m ipdaten pruefen` prints it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.befunde import Befund
from ipdaten.arbeitsmappe.gebiete import gebiet_art
from ipdaten.arbeitsmappe.modell import Anlage
from ipdaten.arbeitsmappe.plausibel.pruefung import nach_ursache
from ipdaten.arbeitsmappe.vertrag import BLAETTER, STATUS_REIHENFOLGE


@dataclass(frozen=True)
class Quittung:
    """What was read (`zeilen`: label → German text, in reading order) and every warning by cause."""

    zeilen: tuple[tuple[str, str], ...]
    hinweise: dict[str, list[Befund]] = field(default_factory=dict)

    def als_text(self) -> list[str]:
        """What was read as German lines for the command line, labels aligned."""
        breite = max(len(was) for was, _ in self.zeilen)
        return [f"{was + ':':<{breite + 1}} {text}" for was, text in self.zeilen]

    @property
    def warnungen(self) -> list[Befund]:
        """Every warning, cause by cause."""
        return [b for befunde in self.hinweise.values() for b in befunde]


def _anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    return f"{fmt.zahl(n)} {einzahl if n == 1 else mehrzahl}"


def _blaetter(anlage: Anlage) -> str:
    bericht = anlage.lesebericht
    if bericht is None:
        return ", ".join(b.name for b in BLAETTER if b.name in anlage.vorhandene_blaetter)
    teile = []
    for vertrag in BLAETTER:
        name = bericht.blaetter.get(vertrag.name)
        if name is None:
            continue
        teile.append(vertrag.name if name == vertrag.name else f"„{name}“ als {vertrag.name}")
    je_feld = [b for b in bericht.gelesen if b not in bericht.blaetter.values()]
    if "Empfehlungen" not in bericht.blaetter and je_feld:
        teile.insert(1, f"Empfehlungen aus {_anzahl(len(je_feld), 'Blatt', 'Blättern')} je Handlungsfeld")
    nicht = [b for b in bericht.alle_blaetter if b not in bericht.gelesen and b not in bericht.leer]
    text = ", ".join(teile)
    return text + (f"; nicht gelesen: {', '.join(f'„{b}“' for b in nicht)}" if nicht else "")


def _stand(anlage: Anlage) -> str:
    if anlage.stand is None:
        return "kein Datum gefunden"
    angaben = anlage.lesebericht.standangaben if anlage.lesebericht else ()
    if not angaben:
        return fmt.datum(anlage.stand)
    gelesen = angaben[0]
    return f"{fmt.ungefaehres_datum(gelesen.datum, gelesen.genauigkeit)} ({gelesen.ort})"


def _empfehlungen(anlage: Anlage) -> str:
    empfehlungen = anlage.empfehlungen
    je_feld = empfehlungen["handlungsfeld"].value_counts()
    status = empfehlungen["status"].value_counts()
    felder = " · ".join(f"{nr} {name}: {fmt.zahl(int(je_feld.get(nr, 0)))}" for nr, name in anlage.feldnamen.items())
    verteilung = ", ".join(f"{s} {fmt.zahl(int(status.get(s, 0)))}" for s in STATUS_REIHENFOLGE if status.get(s, 0))
    return (
        f"{_anzahl(len(empfehlungen), 'Empfehlung', 'Empfehlungen')} in "
        f"{_anzahl(len(anlage.handlungsfelder), 'Handlungsfeld', 'Handlungsfeldern')} ({felder}); {verteilung}"
    )


def _einbuergerung(einbuergerung: pd.DataFrame) -> str:
    if einbuergerung.empty:
        return "keine Angaben"
    jahre = sorted(int(j) for j in einbuergerung["jahr"].unique())
    gebiete = list(dict.fromkeys(einbuergerung["gebiet"]))
    text = f"{_anzahl(len(gebiete), 'Gebiet', 'Gebiete')}, " + (
        f"Jahr {jahre[0]}" if len(jahre) == 1 else f"Jahre {', '.join(str(j) for j in jahre)}"
    )
    referenz = einbuergerung[[gebiet_art(g).ist_referenz for g in einbuergerung["gebiet"]]]
    if referenz.empty:
        return text + "; Landkreis Böblingen nicht gefunden"
    letzte = referenz.sort_values("jahr").iloc[-1]
    return text + f"; {letzte['gebiet']} {int(letzte['jahr'])}: {fmt.prozent(letzte['quote_prozent'])}"


def _haushalt(haushalt: pd.DataFrame) -> str:
    if haushalt.empty:
        return "keine Positionen"
    je_jahr = haushalt.groupby("jahr")["betrag"].agg(["sum", "count"])
    jahre = "; ".join(
        f"{j}: {fmt.euro(z['sum'])} ({_anzahl(int(z['count']), 'Position', 'Positionen')})"
        for j, z in zip(je_jahr.index.astype(int), je_jahr.to_dict("records"))
    )
    if len(je_jahr) == 1:
        return f"{_anzahl(len(haushalt), 'Position', 'Positionen')}, Summe {fmt.euro(haushalt['betrag'].sum())} ({int(je_jahr.index[0])})"
    return f"{_anzahl(len(haushalt), 'Position', 'Positionen')}, Summe {fmt.euro(haushalt['betrag'].sum())} – {jahre}"


def quittung(anlage: Anlage) -> Quittung:
    """The receipt of `anlage`: what was read and its warnings by cause."""
    hinweise = nach_ursache(list(anlage.warnungen), anlage.lesebericht)
    zeilen = (
        ("Blätter", _blaetter(anlage)),
        ("Stand", _stand(anlage)),
        ("Empfehlungen", _empfehlungen(anlage)),
        ("Einbürgerung", _einbuergerung(anlage.einbuergerung)),
        ("Haushalt", _haushalt(anlage.haushalt)),
        ("Meilensteine", _anzahl(len(anlage.meilensteine), "Meilenstein", "Meilensteine")),
        (
            "Hinweise",
            " · ".join(f"{u} {fmt.zahl(len(b))}" for u, b in hinweise.items()) if hinweise else "keine",
        ),
    )
    return Quittung(zeilen, hinweise)

"""Loading an Anlage 1 workbook: all or nothing, every finding at once.

The steps: check the file (datei_pruefung), read the raw sheets (xlsx_lesen), find the
contract's sheets (blattsuche), read each sheet (blatt_*), then accept or refuse the whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd

from ipdaten.arbeitsmappe.befunde import STAND, AnlageUngueltig, Befund, Befundliste, fehler, gruppiert, wert_text
from ipdaten.arbeitsmappe.blatt_einbuergerung import lies_einbuergerung
from ipdaten.arbeitsmappe.blatt_empfehlungen import lies_empfehlungen
from ipdaten.arbeitsmappe.blatt_handlungsfelder import lies_handlungsfelder
from ipdaten.arbeitsmappe.blatt_haushalt import lies_haushalt
from ipdaten.arbeitsmappe.blatt_info import lies_info
from ipdaten.arbeitsmappe.blatt_meilensteine import lies_meilensteine
from ipdaten.arbeitsmappe.blattsuche import feldblaetter, finde_blaetter, ist_kandidat
from ipdaten.arbeitsmappe.datei_pruefung import pruefe_datei, zu_gross
from ipdaten.arbeitsmappe.formatierung import melde_formatierung
from ipdaten.arbeitsmappe.lesebericht import Lesebericht
from ipdaten.arbeitsmappe.modell import Anlage
from ipdaten.arbeitsmappe.plausibel import pruefe_plausibilitaet
from ipdaten.arbeitsmappe.sichtbarkeit import ausgeblendete_blaetter
from ipdaten.arbeitsmappe.standangaben import VORRANG, Standangabe, sammle
from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.ungelesen import blaetter_mit_inhalt, ungelesene_spalten
from ipdaten.arbeitsmappe.vertrag import (
    BLAETTER,
    EINBUERGERUNG,
    EMPFEHLUNGEN,
    HANDLUNGSFELDER,
    HAUSHALT,
    INFO,
    MEILENSTEINE,
)
from ipdaten.arbeitsmappe.xlsx_lesen import (
    MAX_ZELLEN,
    MAX_ZELLEN_GESAMT,
    BlattZuGross,
    LesefehlerArbeitsmappe,
    MappeZuGross,
    RohBlatt,
    RohMappe,
    ZuVieleSpaltenangaben,
    lies_mappe,
)
from ipdaten.arbeitsmappe.zuordnung import Zuordnung
from ipdaten.arbeitsmappe.zuordnung_anwenden import wende_an, zu_lesende_blaetter
from ipdaten.arbeitsmappe.zuordnung_erkennung import erkenne
from ipdaten.format import ungefaehres_datum
from ipdaten.format import zahl as tausender


def lade_anlage(quelle: bytes | str | Path, zuordnung: Zuordnung | None = None, dateiname: str = "") -> Anlage:
    """Load and validate a workbook from bytes or a path, with the user's mapping applied first.

    Returns the Anlage with its warnings, those of the plausibility checks among them; raises
    AnlageUngueltig with every finding when the workbook has errors (then no data at all is
    returned). The refusal's `erkennung` says what was not recognised, so that a mapping can be
    proposed (`abgleich.schlage_zuordnung_vor`). `dateiname` is the name the bytes came with
    (a path gives its own); it may carry the Stand ("Anlage1_Stand_2017-03-06.xlsx").
    Anything else that escapes is a programming error and is not disguised as a finding.
    """
    if isinstance(quelle, (str, Path)):
        dateiname = dateiname or Path(quelle).name
    daten = _lies_datei(Path(quelle)) if isinstance(quelle, (str, Path)) else bytes(quelle)
    befund = pruefe_datei(daten)
    if befund is not None:
        raise AnlageUngueltig([befund])
    try:
        gemappt = zu_lesende_blaetter(zuordnung)
        mappe = wende_an(lies_mappe(daten, nur=lambda name: ist_kandidat(name) or falte(name) in gemappt), zuordnung)
    except LesefehlerArbeitsmappe as e:
        raise AnlageUngueltig([lesefehler_befund(e)]) from None
    return _pruefe_mappe(mappe, zuordnung, dateiname)


def _lies_datei(pfad: Path) -> bytes:
    """The file's bytes; a file above the size bound is refused before it is read."""
    befund = zu_gross(pfad.stat().st_size)
    if befund is not None:
        raise AnlageUngueltig([befund])
    return pfad.read_bytes()


def lesefehler_befund(fehler_: LesefehlerArbeitsmappe) -> Befund:
    """The finding for a workbook whose content cannot be read (also used for returned forms)."""
    grund = str(fehler_)
    if isinstance(fehler_, BlattZuGross):
        return fehler(
            "datei.blatt_zu_gross",
            f"Das Blatt reicht über {tausender(fehler_.zeilen)} Zeilen und {tausender(fehler_.spalten)} Spalten; "
            "so große Bereiche werden aus Sicherheitsgründen nicht gelesen. Vermutlich steht weit unten oder "
            "rechts ein vergessener Wert: bitte die leeren Zeilen und Spalten unter und neben der Tabelle "
            "löschen und erneut speichern.",
            blatt=fehler_.blatt,
            wert=f"{tausender(fehler_.zeilen)} Zeilen × {tausender(fehler_.spalten)} Spalten",
            erlaubt=f"höchstens {tausender(MAX_ZELLEN)} Zellen (Zeilen × Spalten) je Blatt",
        )
    if isinstance(fehler_, MappeZuGross):
        return fehler(
            "datei.mappe_zu_gross",
            f"Die Blätter der Arbeitsmappe reichen zusammen über mehr als {tausender(fehler_.zellen)} Zellen; so "
            "große Mappen werden aus Sicherheitsgründen nicht gelesen. Bitte nicht mehr benötigte Blätter "
            "löschen (auch ausgeblendete) und leere Zeilen und Spalten unter und neben den Tabellen löschen.",
            wert=f"{tausender(fehler_.blaetter)} Blätter, {tausender(fehler_.zellen)} Zellen",
            erlaubt=f"höchstens {tausender(MAX_ZELLEN_GESAMT)} Zellen (Zeilen × Spalten) in allen Blättern zusammen",
        )
    if isinstance(fehler_, ZuVieleSpaltenangaben):
        return fehler(
            "datei.zu_viele_spaltenangaben",
            "Das Blatt beschreibt mehr Spaltenbereiche (Breite, ausgeblendet), als ein Blatt Spalten hat; "
            "so schreibt Excel keine Datei. Die Datei wird aus Sicherheitsgründen nicht gelesen. Bitte die "
            "Arbeitsmappe in Excel oder LibreOffice öffnen, als .xlsx speichern und erneut hochladen.",
            blatt=fehler_.blatt,
            erlaubt=f"höchstens {tausender(fehler_.anzahl)} Spaltenbereiche je Blatt",
        )
    if grund == "kennwort":
        return fehler(
            "datei.kennwort",
            "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte den Schutz in Excel entfernen und erneut speichern.",
        )
    return fehler(
        "datei.inhalt_beschaedigt",
        "Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden. Bitte in Excel oder "
        "LibreOffice öffnen, erneut als .xlsx speichern und hochladen.",
        wert=wert_text(grund, 120),
    )


def _pruefe_mappe(mappe: RohMappe, zuordnung: Zuordnung | None = None, dateiname: str = "") -> Anlage:
    befunde = Befundliste()
    if zuordnung is not None and not zuordnung.leer:
        befunde.warnung(
            "zuordnung.angewendet", "Gelesen mit der Zuordnung: " + "; ".join(zuordnung.beschreibung()) + "."
        )
    blaetter = finde_blaetter(mappe, befunde)
    felder = lies_handlungsfelder(blaetter[HANDLUNGSFELDER.name], befunde)
    empfehlungen = lies_empfehlungen(
        blaetter[EMPFEHLUNGEN.name],
        felder,
        befunde,
        zuordnung.status_woerter() if zuordnung else None,
        feldblaetter(mappe),
    )
    if empfehlungen is not None:
        _melde_formatierung(mappe, empfehlungen, befunde)
    einbuergerung = lies_einbuergerung(mappe, blaetter[EINBUERGERUNG.name], befunde)
    haushalt = lies_haushalt(blaetter[HAUSHALT.name], felder, befunde)
    meilensteine = lies_meilensteine(blaetter[MEILENSTEINE.name], befunde)
    info = blaetter[INFO.name]
    stand, bezeichnung = lies_info(info, befunde)
    standangaben = _standangaben(info, befunde, dateiname)
    if stand is not None and info is not None:
        standangaben.insert(0, Standangabe(stand, "tag", f"Blatt „{info.name}“, Zeile „Stand“", "", "info"))
    else:
        stand = _stand_von_anderswo(standangaben, befunde)

    reihenfolge = {b.name: i for i, b in enumerate(BLAETTER)}
    reihenfolge.update({blatt.name: reihenfolge[name] for name, blatt in blaetter.items() if blatt is not None})
    reihenfolge.update({blatt.name: reihenfolge[EMPFEHLUNGEN.name] for _, blatt in feldblaetter(mappe)})
    if befunde.fehlerliste or felder is None or empfehlungen is None:
        raise AnlageUngueltig(_geordnet(befunde.eintraege, reihenfolge), erkennung=erkenne(blaetter, zuordnung, mappe))
    anlage = Anlage(
        handlungsfelder=felder,
        empfehlungen=empfehlungen,
        einbuergerung=einbuergerung,
        haushalt=haushalt,
        meilensteine=meilensteine,
        stand=stand,
        bezeichnung=bezeichnung,
        vorhandene_blaetter=tuple(name for name, blatt in blaetter.items() if blatt is not None),
        zuordnung=zuordnung if zuordnung is not None and not zuordnung.leer else None,
        lesebericht=Lesebericht(
            dateiname=dateiname,
            blaetter={name: blatt.name for name, blatt in blaetter.items() if blatt is not None},
            alle_blaetter=mappe.alle_blaetter,
            ausgeblendet=frozenset(ausgeblendete_blaetter(mappe.archiv)),
            gelesen=tuple(mappe.blaetter),
            leer=tuple(n for n, voll in blaetter_mit_inhalt(mappe.archiv, _ungelesen(mappe)).items() if not voll),
            standangaben=tuple(standangaben),
            ungelesene_spalten=tuple(s for t in befunde.tabellen for s in ungelesene_spalten(t)),
        ),
    )
    # The plausibility layer: the figures themselves, whatever the layout they were read from.
    plausibel = pruefe_plausibilitaet(anlage)
    if plausibel.fehler:
        raise AnlageUngueltig(_geordnet(befunde.eintraege + list(plausibel.befunde), reihenfolge))
    return replace(anlage, warnungen=tuple(_geordnet(befunde.warnungen + plausibel.warnungen, reihenfolge)))


def _standangaben(info: RohBlatt | None, befunde: Befundliste, dateiname: str) -> list[Standangabe]:
    """Every statement of the Stand outside the row „Stand“ of the sheet Info: a cell of Info,
    the title lines above each table read, the file name, the status column's header."""
    zellen = []
    if info is not None:
        zellen += [("zelle", info.name, i + 1, z) for i, zeile in enumerate(info.zeilen[:100]) for z in zeile]
    status_kopf = None
    for tabelle in befunde.tabellen:
        zellen += [("titel", tabelle.blatt, i + 1, z) for i, zeile in enumerate(tabelle.ueber_kopf) for z in zeile]
        if status_kopf is None and "status" in tabelle.spalten:
            status_kopf = (tabelle.blatt, tabelle.titel["status"])
    return sammle(zellen, dateiname, status_kopf)


def _stand_von_anderswo(standangaben: list[Standangabe], befunde: Befundliste) -> dt.date | None:
    """Without a row „Stand“ in Info: the first statement of a cell, a title line or the file
    name, read with a warning."""
    kandidaten = sorted((a for a in standangaben if a.art in VORRANG), key=lambda a: VORRANG.index(a.art))
    if not kandidaten:
        return None
    gewaehlt = kandidaten[0]
    befunde.warnung(
        "info.stand_anderswo",
        f"Das Blatt „Info“ nennt keinen Stand; gelesen wurde „{gewaehlt.text}“ ({gewaehlt.ort}) als Stand "
        f"{ungefaehres_datum(gewaehlt.datum, gewaehlt.genauigkeit)}. Bitte im Blatt „Info“ eine Zeile „Stand“ "
        "mit dem Datum eintragen.",
        ursache=STAND,
    )
    return gewaehlt.datum


def _melde_formatierung(mappe: RohMappe, empfehlungen: pd.DataFrame, befunde: Befundliste) -> None:
    """Rows of recommendations whose meaning is only formatting (struck through, coloured), per sheet read."""
    for tabelle in [t for t in befunde.tabellen if t.vertragsblatt == EMPFEHLUNGEN.name]:
        feld = tabelle.vorgegeben.get("handlungsfeld")
        eigene = empfehlungen if feld is None else empfehlungen[empfehlungen["handlungsfeld"] == feld]
        melde_formatierung(mappe, tabelle, set(eigene["zeile"]), befunde)


def _ungelesen(mappe: RohMappe) -> list[str]:
    return [n for n in mappe.alle_blaetter if n not in mappe.blaetter]


def _geordnet(befunde: list[Befund], reihenfolge: dict[str, int]) -> list[Befund]:
    """One finding per cause, in the order of the contract's sheets (under any name), then by row."""
    return sorted(gruppiert(befunde), key=lambda b: (reihenfolge.get(b.blatt, -1), b.zeile or 0))

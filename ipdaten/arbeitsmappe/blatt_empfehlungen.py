"""The sheet Empfehlungen: one recommendation per row, with its field, Nr and status.

The sheet as a whole lives here (one sheet or one per Handlungsfeld, the row limit, a status
column left empty, heading rows and blank grouping cells); each row is read by
`empfehlung_leser.EmpfehlungsLeser`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from ipdaten.arbeitsmappe.befunde import Befundliste, zeilen_wort
from ipdaten.arbeitsmappe.datenrahmen import STATUS_TYP, rahmen
from ipdaten.arbeitsmappe.empfehlung_leser import TEXTFELDER, EmpfehlungsLeser
from ipdaten.arbeitsmappe.statuswort import STATUS_ERLAUBT, STATUS_GEFALTET
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import bereinige, ist_leer
from ipdaten.arbeitsmappe.umformen import status_aus_ankreuzspalten
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN, MAX_EMPFEHLUNGEN
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt
from ipdaten.arbeitsmappe.zellwerte import feld_nummer, ist_summenzeile_der_liste
from ipdaten.format import zahl as tausender


def lies_empfehlungen(
    blatt: RohBlatt | None,
    felder: pd.DataFrame | None,
    befunde: Befundliste,
    status_woerter: dict[str, str] | None = None,
    feldblaetter: Sequence[tuple[int, RohBlatt]] = (),
) -> pd.DataFrame | None:
    """The recommendations (None when they cannot be read).

    `status_woerter` (folded word → status) is the user's mapping of her own status words.
    Without a sheet Empfehlungen, `feldblaetter` (one sheet per Handlungsfeld, "HF 1 …") are read
    together, the field taken from each sheet's name.
    """
    if blatt is not None or not feldblaetter:
        return _lies_blatt(blatt, felder, befunde, status_woerter)
    befunde.warnung(
        "empfehlung.blaetter_je_feld",
        "Die Empfehlungen stehen je Handlungsfeld in eigenen Blättern ("
        + ", ".join(f"„{b.name}“" for _, b in feldblaetter)
        + "); sie wurden zusammen gelesen, das Handlungsfeld aus dem Blattnamen.",
        blatt=EMPFEHLUNGEN.name,
    )
    teile = [_lies_blatt(b, felder, befunde, status_woerter, {"handlungsfeld": nr}) for nr, b in feldblaetter]
    if any(frame is None for frame in teile):
        return None
    frame = pd.concat(teile, ignore_index=True)
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame


def _lies_blatt(
    blatt: RohBlatt | None,
    felder: pd.DataFrame | None,
    befunde: Befundliste,
    status_woerter: dict[str, str] | None = None,
    vorgegeben: dict[str, object] | None = None,
) -> pd.DataFrame | None:
    """The recommendations of one sheet."""
    if blatt is not None:
        blatt = status_aus_ankreuzspalten(blatt, EMPFEHLUNGEN, {**STATUS_GEFALTET, **(status_woerter or {})}, befunde)
    tabelle = finde_tabelle(blatt, EMPFEHLUNGEN, befunde, vorgegeben) if blatt is not None else None
    if blatt is None or tabelle is None:
        return None
    if len(tabelle.zeilen) > MAX_EMPFEHLUNGEN:
        befunde.fehler(
            "empfehlung.zu_viele",
            f"Das Blatt enthält {tausender(len(tabelle.zeilen))} Empfehlungen; verarbeitet werden höchstens "
            f"{tausender(MAX_EMPFEHLUNGEN)}. Bitte prüfen, ob versehentlich Zeilen kopiert wurden.",
            blatt=blatt.name,
            wert=f"{tausender(len(tabelle.zeilen))} Zeilen",
            erlaubt=f"höchstens {tausender(MAX_EMPFEHLUNGEN)} Empfehlungen",
        )
        return None
    if not tabelle.zeilen:
        befunde.fehler(
            "empfehlung.keine",
            "Das Blatt enthält keine einzige Empfehlung.",
            blatt=blatt.name,
            erlaubt="mindestens eine Empfehlung unter der Kopfzeile",
        )
        return None
    if _status_ueberall_leer(tabelle):
        return None
    _gliederung(tabelle, felder)
    leser = EmpfehlungsLeser(tabelle, felder, status_woerter)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    leser.melde_sammlungen()
    frame = rahmen("empfehlungen", datensaetze)
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame


def _status_ueberall_leer(tabelle: Tabelle) -> bool:
    """Refuse a status column without a single entry: read as "ohne Angabe" it would be a wrong figure.

    Offices often keep the status only as a cell colour, which is not read.
    """
    if any(_nicht_leer(tabelle.wert(zeile, "status")) for _, zeile in tabelle.zeilen):
        return False
    tabelle.befunde.fehler(
        "status.spalte_leer",
        f"Die Spalte „{tabelle.titel.get('status', 'Status')}“ ist in allen {len(tabelle.zeilen)} Zeilen leer. "
        "Zellfarben werden nicht gelesen: steht der Status nur als Farbe in der Tabelle, bitte ihn als Wort "
        "eintragen (z. B. „umgesetzt“, „in Arbeit“).",
        blatt=tabelle.blatt,
        zeile=tabelle.zeilen[0][0],
        spalte=tabelle.titel.get("status", "Status"),
        erlaubt=STATUS_ERLAUBT,
        zeilen=tuple(n for n, _ in tabelle.zeilen),
    )
    return True


def _nicht_leer(wert: object) -> bool:
    """Whether a cell holds anything."""
    return bereinige(wert) != ""


_ZIEL = re.compile(r"^(?:teil)?ziel\b", re.I)


def _gliederung(tabelle: Tabelle, felder: pd.DataFrame | None) -> None:
    """Read the structure offices give a list, in place, with one warning per kind.

    - A heading row inside the table (one text, no Nr, no status): "Ziel 1.1: …" sets the Ziel,
      a field ("HF 2 Wohnen", its name or Leitsatz) sets the Handlungsfeld of the rows below.
    - A grouping cell (Handlungsfeld, Ziel) left blank below its first row takes the value above,
      like a merged cell – unless the column uses merged cells: then a blank is meant as blank.
    """
    bekannte = set(felder["nr"]) if felder is not None else None
    aktuell: dict[str, object] = {"handlungsfeld": None, "ziel": None}
    ueberschriften: list[int] = []
    aufgefuellt: dict[str, list[int]] = {"handlungsfeld": [], "ziel": []}
    behalten = []
    for nummer, zeile in tabelle.zeilen:
        if ist_summenzeile_der_liste(tabelle, zeile, TEXTFELDER):
            behalten.append((nummer, zeile))  # a total (Excel's Teilergebnis …): no heading, no value to carry
            continue
        werte = {bereinige(zeile[i]) for i in tabelle.spalten.values() if i < len(zeile)} - {""}
        ohne_nr = ist_leer(tabelle.wert(zeile, "nr")) and ist_leer(tabelle.wert(zeile, "status"))
        if ohne_nr and len(werte) == 1:
            text_ = next(iter(werte))
            feld = feld_nummer(text_, felder)
            if _ZIEL.match(text_):
                aktuell["ziel"] = text_
                ueberschriften.append(nummer)
                continue
            if feld is not None and (bekannte is None or feld in bekannte):
                aktuell["handlungsfeld"], aktuell["ziel"] = feld, None
                ueberschriften.append(nummer)
                continue
        zeile = list(zeile)
        for name in ("handlungsfeld", "ziel"):
            index = tabelle.spalten.get(name)
            if index is None or index in tabelle.verbundene_spalten:
                continue
            while len(zeile) <= index:
                zeile.append("")
            if ist_leer(zeile[index]) and aktuell[name] is not None:
                zeile[index] = aktuell[name]
                aufgefuellt[name].append(nummer)
            elif not ist_leer(zeile[index]):
                aktuell[name] = zeile[index]
        behalten.append((nummer, zeile))
    tabelle.zeilen[:] = behalten
    if ueberschriften:
        tabelle.befunde.warnung(
            "empfehlung.zwischenueberschrift",
            f"{len(ueberschriften)} Zwischenüberschrift(en) in der Tabelle ({zeilen_wort(ueberschriften)}) "
            "wurden nicht als Empfehlung gezählt; ihr Handlungsfeld bzw. Ziel gilt für die Zeilen darunter.",
            blatt=tabelle.blatt,
            zeile=ueberschriften[0],
            zeilen=tuple(ueberschriften),
        )
    for name, nummern in aufgefuellt.items():
        if nummern:
            spalte = tabelle.titel.get(name, name)
            tabelle.befunde.warnung(
                "empfehlung.wert_uebernommen",
                f"Spalte „{spalte}“ leer in {zeilen_wort(nummern)}: "
                "der Wert darüber wurde übernommen (wie bei verbundenen Zellen).",
                blatt=tabelle.blatt,
                zeile=nummern[0],
                spalte=spalte,
                zeilen=tuple(nummern),
            )

"""Loading and validating an Anlage 1 workbook: all or nothing, every finding at once."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from .befunde import AnlageUngueltig, Befundliste, wert_text
from .datei_pruefung import pruefe_datei
from .modell import Anlage
from .tabellen import Tabelle, finde_tabelle
from .texte import als_datum, bereinige, falte, ganze_zahl, ist_leer, ungefaehres_datum, zahl
from .vertrag import (
    BEZUG_WERTE,
    BLAETTER,
    EINBUERGERUNG,
    EMPFEHLUNGEN,
    HANDLUNGSFELDER,
    HAUSHALT,
    INFO,
    MAX_EMPFEHLUNGEN,
    MEILENSTEINE,
    STATUS_REIHENFOLGE,
    STATUS_VARIANTEN,
    SUMMENZEILEN,
    Blatt,
)
from .xlsx_lesen import LesefehlerArbeitsmappe, RohBlatt, RohMappe, lies_mappe

KEINE_ANGABE_TEXTE = {"", "k. a.", "k.a.", "keine angabe", "-", "–", "—", "n. v.", "n.v."}
STATUS_TYP = pd.CategoricalDtype(list(STATUS_REIHENFOLGE), ordered=True)


def lade_anlage(quelle: bytes | str | Path) -> Anlage:
    """Load and validate a workbook from bytes or a path.

    Returns the Anlage with its warnings; raises AnlageUngueltig with every finding when the
    workbook has errors (then no data at all is returned).
    """
    daten = Path(quelle).read_bytes() if isinstance(quelle, (str, Path)) else bytes(quelle)
    befund = pruefe_datei(daten)
    if befund is not None:
        raise AnlageUngueltig([befund])
    gesucht = {falte(b.name) for b in BLAETTER}
    try:
        mappe = lies_mappe(daten, nur=gesucht)
    except LesefehlerArbeitsmappe as e:
        raise AnlageUngueltig([_lesefehler_befund(str(e))]) from None
    return _pruefe_mappe(mappe)


def _lesefehler_befund(grund: str):
    from .befunde import fehler

    if grund == "kennwort":
        return fehler(
            "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte den Schutz in Excel entfernen und erneut speichern."
        )
    return fehler(
        "Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden. Bitte in Excel oder "
        "LibreOffice öffnen, erneut als .xlsx speichern und hochladen.",
        wert=wert_text(grund, 120),
    )


def _finde_blatt(mappe: RohMappe, vertrag: Blatt) -> RohBlatt | None:
    ziel = falte(vertrag.name)
    for name, blatt in mappe.blaetter.items():
        if falte(name) == ziel:
            return blatt
    return None


def _pruefe_mappe(mappe: RohMappe) -> Anlage:
    befunde = Befundliste()
    blaetter: dict[str, RohBlatt | None] = {}
    for vertrag in BLAETTER:
        blatt = _finde_blatt(mappe, vertrag)
        if blatt is None and vertrag.pflicht:
            befunde.fehler(
                f"Das Pflichtblatt „{vertrag.name}“ fehlt.",
                blatt=vertrag.name,
                erlaubt="Blätter "
                + ", ".join(f"„{b.name}“" for b in BLAETTER if b.pflicht)
                + f" (gefunden: {', '.join(mappe.blaetter) or 'keine'})",
            )
        blaetter[vertrag.name] = blatt
        if blatt is not None:
            _pruefe_formeln(mappe, blatt, befunde)

    felder = _lies_handlungsfelder(blaetter[HANDLUNGSFELDER.name], befunde)
    bekannte = set(felder["nr"]) if felder is not None else None
    empfehlungen = _lies_empfehlungen(blaetter[EMPFEHLUNGEN.name], bekannte, felder, befunde)
    einbuergerung = _lies_einbuergerung(mappe, blaetter[EINBUERGERUNG.name], befunde)
    haushalt = _lies_haushalt(blaetter[HAUSHALT.name], bekannte, befunde)
    meilensteine = _lies_meilensteine(blaetter[MEILENSTEINE.name], befunde)
    stand, bezeichnung = _lies_info(blaetter[INFO.name], befunde)

    if befunde.fehlerliste:
        raise AnlageUngueltig(befunde.eintraege)
    assert felder is not None and empfehlungen is not None
    return Anlage(
        handlungsfelder=felder,
        empfehlungen=empfehlungen[0],
        einbuergerung=einbuergerung,
        haushalt=haushalt,
        meilensteine=meilensteine,
        stand=stand,
        bezeichnung=bezeichnung,
        hat_bezug_spalte=empfehlungen[1],
        vorhandene_blaetter=tuple(name for name, blatt in blaetter.items() if blatt is not None),
        warnungen=tuple(befunde.warnungen),
    )


def _pruefe_formeln(mappe: RohMappe, blatt: RohBlatt, befunde: Befundliste) -> None:
    if not mappe.hat_formeln(blatt):
        return
    _, ohne_wert = mappe.zellen_meta(blatt)
    if ohne_wert or mappe.neu_berechnen_beim_oeffnen:
        zellen = ohne_wert[:5]
        orte = ", ".join(f"{_spaltenname(c)}{r + 1}" for r, c in zellen)
        befunde.fehler(
            "Das Blatt enthält Formeln, deren Ergebnis nie berechnet und gespeichert wurde "
            "(die Datei wurde vermutlich von einem Programm erzeugt). Bitte die Datei in Excel "
            "oder LibreOffice öffnen, speichern und erneut hochladen." + (f" Betroffen u. a.: {orte}." if orte else ""),
            blatt=blatt.name,
            zeile=zellen[0][0] + 1 if zellen else None,
        )


def _spaltenname(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(tabelle: Tabelle, zeile: list, feld: str) -> str:
    return bereinige(tabelle.wert(zeile, feld))


def _lies_handlungsfelder(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame | None:
    if blatt is None:
        return None
    tabelle = finde_tabelle(blatt, HANDLUNGSFELDER, befunde)
    if tabelle is None:
        return None
    titel = tabelle.titel
    datensaetze = []
    gesehen: dict[int, int] = {}
    for nummer, zeile in tabelle.zeilen:
        roh = tabelle.wert(zeile, "nr")
        nr = ganze_zahl(roh)
        if nr is None or nr < 1:
            befunde.fehler(
                "Die Nr des Handlungsfelds ist keine positive ganze Zahl.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["nr"],
                wert=wert_text(roh),
                erlaubt="ganze Zahl ab 1, z. B. 1, 2, 9",
            )
            continue
        if nr in gesehen:
            befunde.fehler(
                f"Die Nr {nr} ist doppelt vergeben (schon in Zeile {gesehen[nr]}).",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["nr"],
                wert=str(nr),
                erlaubt="jede Nr nur einmal",
            )
            continue
        gesehen[nr] = nummer
        name = _text(tabelle, zeile, "name")
        if not name:
            befunde.fehler(
                "Das Handlungsfeld hat keinen Namen.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["name"],
                wert="(leer)",
                erlaubt="ein Name, z. B. „Wohnen“",
            )
        datensaetze.append(
            {
                "nr": nr,
                "name": name,
                "leitsatz": _text(tabelle, zeile, "leitsatz"),
                "seiten": _text(tabelle, zeile, "seiten"),
                "bericht": _text(tabelle, zeile, "bericht"),
                "zeile": nummer,
            }
        )
    if not datensaetze and not befunde.fehlerliste:
        befunde.fehler(
            "Das Blatt enthält kein Handlungsfeld.",
            blatt=blatt.name,
            erlaubt="mindestens eine Zeile unter der Kopfzeile",
        )
    frame = pd.DataFrame(datensaetze, columns=["nr", "name", "leitsatz", "seiten", "bericht", "zeile"])
    return frame.astype({"nr": "int64", "zeile": "int64"})


def _feld_nummer(roh: object, felder: pd.DataFrame | None) -> int | None:
    nr = ganze_zahl(roh)
    if nr is not None:
        return nr
    text = bereinige(roh)
    treffer = re.match(r"^(?:HF|Handlungsfeld)?\s*(\d+)\s*[.:–—-]?\s+\S", text, re.I)
    if treffer:
        return int(treffer.group(1))
    if felder is not None and text:
        namen = {falte(n): int(nr) for nr, n in zip(felder["nr"], felder["name"])}
        return namen.get(falte(text))
    return None


def _status_lesen(roh: object, nummer: int, tabelle: Tabelle, befunde: Befundliste, abbildungen: dict) -> str | None:
    text = bereinige(roh)
    if text in STATUS_REIHENFOLGE:
        return text
    kanonisch = STATUS_VARIANTEN.get(text.casefold())
    if kanonisch is None:
        befunde.fehler(
            "Unbekannter Status.",
            blatt=tabelle.blatt,
            zeile=nummer,
            spalte=tabelle.titel["status"],
            wert=wert_text(roh),
            erlaubt=", ".join(f"„{s}“" for s in STATUS_REIHENFOLGE)
            + " (auch „teilweise umgesetzt“, „im Umsetzungsprozess“; leer = ohne Angabe)",
        )
        return None
    abbildungen[(wert_text(roh) if text else "(leer)", kanonisch)].append(nummer)
    return kanonisch


def _zeilenliste(nummern: list[int], hoechstens: int = 8) -> str:
    text = ", ".join(str(n) for n in nummern[:hoechstens])
    return text + (f" und {len(nummern) - hoechstens} weitere" if len(nummern) > hoechstens else "")


def _lies_empfehlungen(
    blatt: RohBlatt | None,
    bekannte: set[int] | None,
    felder: pd.DataFrame | None,
    befunde: Befundliste,
) -> tuple[pd.DataFrame, bool] | None:
    if blatt is None:
        return None
    tabelle = finde_tabelle(blatt, EMPFEHLUNGEN, befunde)
    if tabelle is None:
        return None
    if len(tabelle.zeilen) > MAX_EMPFEHLUNGEN:
        befunde.fehler(
            f"Das Blatt enthält {len(tabelle.zeilen):,} Empfehlungen; verarbeitet werden höchstens "
            f"{MAX_EMPFEHLUNGEN:,}. Bitte prüfen, ob versehentlich Zeilen kopiert wurden.".replace(",", "."),
            blatt=blatt.name,
        )
        return None
    titel = tabelle.titel
    abbildungen: dict[tuple[str, str], list[int]] = defaultdict(list)
    unbekannte_felder: dict[str, list[int]] = defaultdict(list)
    gesehen: dict[tuple[int, int], int] = {}
    spalten = {
        f: []
        for f in (
            "handlungsfeld",
            "nr",
            "ziel",
            "empfehlung",
            "status",
            "bemerkung",
            "bezug_gefluechtete",
            "quelle",
            "zeile",
        )
    }
    hat_bezug = "bezug_gefluechtete" in tabelle.spalten
    for nummer, zeile in tabelle.zeilen:
        ok = True
        roh_feld = tabelle.wert(zeile, "handlungsfeld")
        feld = _feld_nummer(roh_feld, felder)
        if feld is None:
            befunde.fehler(
                "Das Handlungsfeld ist keine Nr.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["handlungsfeld"],
                wert=wert_text(roh_feld),
                erlaubt="die Nr eines Handlungsfelds aus dem Blatt „Handlungsfelder“",
            )
            ok = False
        elif bekannte is not None and feld not in bekannte:
            unbekannte_felder[str(feld)].append(nummer)
            ok = False
        roh_nr = tabelle.wert(zeile, "nr")
        nr = ganze_zahl(roh_nr)
        if nr is None or nr < 1:
            befunde.fehler(
                "Die Nr der Empfehlung ist keine positive ganze Zahl.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["nr"],
                wert=wert_text(roh_nr),
                erlaubt="ganze Zahl ab 1, eindeutig im Handlungsfeld",
            )
            ok = False
        elif feld is not None:
            if (feld, nr) in gesehen:
                befunde.fehler(
                    f"Die Nr {nr} ist im Handlungsfeld {feld} doppelt vergeben (schon in Zeile {gesehen[(feld, nr)]}).",
                    blatt=blatt.name,
                    zeile=nummer,
                    spalte=titel["nr"],
                    wert=str(nr),
                    erlaubt="jede Nr nur einmal je Handlungsfeld",
                )
                ok = False
            else:
                gesehen[(feld, nr)] = nummer
        text = _text(tabelle, zeile, "empfehlung")
        if not text:
            befunde.fehler(
                "Die Empfehlung hat keinen Text.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["empfehlung"],
                wert="(leer)",
                erlaubt="der Wortlaut der Empfehlung",
            )
            ok = False
        status = _status_lesen(tabelle.wert(zeile, "status"), nummer, tabelle, befunde, abbildungen)
        bezug = None
        if hat_bezug:
            roh_bezug = tabelle.wert(zeile, "bezug_gefluechtete")
            schluessel = bereinige(roh_bezug).casefold()
            if schluessel not in BEZUG_WERTE:
                befunde.fehler(
                    "Unbekannter Wert für „Bezug Geflüchtete“.",
                    blatt=blatt.name,
                    zeile=nummer,
                    spalte=titel["bezug_gefluechtete"],
                    wert=wert_text(roh_bezug),
                    erlaubt="„ja“, „nein“ oder leer",
                )
                ok = False
            bezug = BEZUG_WERTE.get(schluessel)
        if not ok or status is None:
            continue
        spalten["handlungsfeld"].append(feld)
        spalten["nr"].append(nr)
        spalten["ziel"].append(_text(tabelle, zeile, "ziel"))
        spalten["empfehlung"].append(text)
        spalten["status"].append(status)
        spalten["bemerkung"].append(_text(tabelle, zeile, "bemerkung"))
        spalten["bezug_gefluechtete"].append(bezug)
        spalten["quelle"].append(_text(tabelle, zeile, "quelle"))
        spalten["zeile"].append(nummer)

    for feld, nummern in unbekannte_felder.items():
        befunde.fehler(
            f"Das Handlungsfeld {feld} ist im Blatt „Handlungsfelder“ nicht definiert "
            f"({len(nummern)} Empfehlung(en), Zeilen {_zeilenliste(nummern)}).",
            blatt=blatt.name,
            zeile=nummern[0],
            spalte=titel["handlungsfeld"],
            wert=feld,
            erlaubt="Nr " + ", ".join(str(n) for n in sorted(bekannte or [])),
        )
    for (roh, kanonisch), nummern in abbildungen.items():
        befunde.warnung(
            f"Status „{roh}“ wurde als „{kanonisch}“ gelesen ({len(nummern)}×, Zeilen {_zeilenliste(nummern)}).",
            blatt=blatt.name,
            zeile=nummern[0],
            spalte=titel["status"],
            wert=roh,
        )
    if not tabelle.zeilen:
        befunde.fehler(
            "Das Blatt enthält keine einzige Empfehlung.",
            blatt=blatt.name,
            erlaubt="mindestens eine Empfehlung unter der Kopfzeile",
        )
    frame = pd.DataFrame(spalten)
    frame = frame.astype({"handlungsfeld": "int64", "nr": "int64", "zeile": "int64", "bezug_gefluechtete": "object"})
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame, hat_bezug


def _lies_einbuergerung(mappe: RohMappe, blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    spalten = ["gebiet", "jahr", "quote_prozent", "zeile"]
    if blatt is None:
        return pd.DataFrame(columns=spalten).astype({"jahr": "int64", "quote_prozent": "float64", "zeile": "int64"})
    tabelle = finde_tabelle(blatt, EINBUERGERUNG, befunde)
    if tabelle is None:
        return pd.DataFrame(columns=spalten)
    prozent_zellen, _ = mappe.zellen_meta(blatt)
    titel = tabelle.titel
    datensaetze = []
    gesehen: dict[tuple[str, int], int] = {}
    for nummer, zeile in tabelle.zeilen:
        gebiet = _text(tabelle, zeile, "gebiet")
        if not gebiet:
            befunde.fehler(
                "Das Gebiet fehlt.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["gebiet"],
                wert="(leer)",
                erlaubt="Name des Stadt- oder Landkreises",
            )
            continue
        roh_jahr = tabelle.wert(zeile, "jahr")
        jahr = ganze_zahl(roh_jahr)
        if jahr is None or not 1900 <= jahr <= 2100:
            befunde.fehler(
                "Das Jahr ist keine gültige Jahreszahl.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["jahr"],
                wert=wert_text(roh_jahr),
                erlaubt="Jahreszahl, z. B. 2016",
            )
            continue
        roh = tabelle.wert(zeile, "quote_prozent")
        quote = _quote(roh, (nummer - 1, tabelle.spalten["quote_prozent"]) in prozent_zellen)
        if quote is False:
            befunde.fehler(
                "Die Quote ist keine Zahl.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["quote_prozent"],
                wert=wert_text(roh),
                erlaubt="Prozentpunkte von 0 bis 100, z. B. 1,54; leer = keine Angabe",
            )
            continue
        if quote is not None and not 0 <= quote <= 100:
            befunde.fehler(
                "Die Quote liegt außerhalb von 0 bis 100 %.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["quote_prozent"],
                wert=wert_text(roh),
                erlaubt="Prozentpunkte von 0 bis 100, z. B. 1,54; leer = keine Angabe",
            )
            continue
        schluessel = (falte(gebiet), jahr)
        if schluessel in gesehen:
            befunde.fehler(
                f"{gebiet} {jahr} steht doppelt (schon in Zeile {gesehen[schluessel]}).",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["gebiet"],
                wert=gebiet,
                erlaubt="jedes Gebiet nur einmal je Jahr",
            )
            continue
        gesehen[schluessel] = nummer
        datensaetze.append(
            {"gebiet": gebiet, "jahr": jahr, "quote_prozent": float("nan") if quote is None else quote, "zeile": nummer}
        )
    frame = pd.DataFrame(datensaetze, columns=spalten)
    return frame.astype({"jahr": "int64", "quote_prozent": "float64", "zeile": "int64"})


def _quote(roh: object, als_prozent_formatiert: bool) -> float | bool | None:
    """Percentage points from a cell; None for 'keine Angabe', False if not a number."""
    if isinstance(roh, str) and bereinige(roh).casefold() in KEINE_ANGABE_TEXTE:
        return None
    if ist_leer(roh):
        return None
    wert = zahl(roh)
    if wert is None:
        return False
    if als_prozent_formatiert and isinstance(roh, (int, float)):
        wert *= 100
    return round(wert, 10)


def _ist_summenzeile(tabelle: Tabelle, zeile: list) -> bool:
    for index in tabelle.spalten.values():
        if index < len(zeile):
            text = falte(zeile[index]).rstrip(":")
            if text and (text in SUMMENZEILEN or text.split(" ")[0].rstrip(":") in SUMMENZEILEN):
                return True
    return False


def _lies_haushalt(blatt: RohBlatt | None, bekannte: set[int] | None, befunde: Befundliste) -> pd.DataFrame:
    spalten = ["massnahme", "betrag", "jahr", "handlungsfeld", "zeile"]
    leer = pd.DataFrame(columns=spalten).astype(
        {"betrag": "float64", "jahr": "int64", "handlungsfeld": "Int64", "zeile": "int64"}
    )
    if blatt is None:
        return leer
    tabelle = finde_tabelle(blatt, HAUSHALT, befunde)
    if tabelle is None:
        return leer
    titel = tabelle.titel
    datensaetze = []
    for nummer, zeile in tabelle.zeilen:
        roh_betrag = tabelle.wert(zeile, "betrag")
        betrag = zahl(roh_betrag)
        if _ist_summenzeile(tabelle, zeile):
            summe = sum(d["betrag"] for d in datensaetze)
            text = f"Die Summenzeile wurde nicht als Maßnahme gezählt (Betrag {wert_text(roh_betrag)})."
            if betrag is not None and abs(betrag - summe) > 0.005:
                from .format import euro

                text += (
                    f" Sie weicht von der Summe der Maßnahmen darüber ab: dort {euro(summe, 2)}, "
                    f"in der Summenzeile {euro(betrag, 2)}."
                )
            befunde.warnung(text, blatt=blatt.name, zeile=nummer, spalte=titel["betrag"], wert=wert_text(roh_betrag))
            continue
        massnahme = _text(tabelle, zeile, "massnahme")
        ok = True
        if not massnahme:
            befunde.fehler(
                "Die Maßnahme hat keine Bezeichnung.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["massnahme"],
                wert="(leer)",
                erlaubt="Bezeichnung der Maßnahme",
            )
            ok = False
        if betrag is None or betrag < 0:
            befunde.fehler(
                "Der Betrag fehlt."
                if ist_leer(roh_betrag)
                else ("Der Betrag ist negativ." if betrag is not None else "Der Betrag ist keine Zahl."),
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["betrag"],
                wert=wert_text(roh_betrag),
                erlaubt="Betrag in Euro ab 0, z. B. 60000 oder „60.000 €“",
            )
            ok = False
        roh_jahr = tabelle.wert(zeile, "jahr")
        jahr = ganze_zahl(roh_jahr)
        if jahr is None or not 1900 <= jahr <= 2100:
            befunde.fehler(
                "Das Haushaltsjahr ist keine gültige Jahreszahl.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=titel["jahr"],
                wert=wert_text(roh_jahr),
                erlaubt="Jahreszahl, z. B. 2017",
            )
            ok = False
        roh_feld = tabelle.wert(zeile, "handlungsfeld")
        feld = None
        if not ist_leer(roh_feld):
            feld = _feld_nummer(roh_feld, None)
            if feld is None or (bekannte is not None and feld not in bekannte):
                befunde.fehler(
                    "Das Handlungsfeld ist im Blatt „Handlungsfelder“ nicht definiert.",
                    blatt=blatt.name,
                    zeile=nummer,
                    spalte=titel["handlungsfeld"],
                    wert=wert_text(roh_feld),
                    erlaubt="Nr " + ", ".join(str(n) for n in sorted(bekannte or [])) + " oder leer",
                )
                ok = False
        if ok:
            datensaetze.append(
                {"massnahme": massnahme, "betrag": float(betrag), "jahr": jahr, "handlungsfeld": feld, "zeile": nummer}
            )
    frame = pd.DataFrame(datensaetze, columns=spalten)
    return frame.astype({"betrag": "float64", "jahr": "int64", "handlungsfeld": "Int64", "zeile": "int64"})


def _lies_meilensteine(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    spalten = ["datum", "genauigkeit", "ereignis", "zeile"]
    if blatt is None:
        return pd.DataFrame(columns=spalten)
    tabelle = finde_tabelle(blatt, MEILENSTEINE, befunde)
    if tabelle is None:
        return pd.DataFrame(columns=spalten)
    datensaetze = []
    for nummer, zeile in tabelle.zeilen:
        roh = tabelle.wert(zeile, "datum")
        datum = ungefaehres_datum(roh)
        ereignis = _text(tabelle, zeile, "ereignis")
        if datum is None:
            befunde.fehler(
                "Das Datum ist nicht lesbar.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=tabelle.titel["datum"],
                wert=wert_text(roh),
                erlaubt="Datum (6.3.2017 oder 2017-03-06), Monat (2017-07) oder Jahr (2015)",
            )
            continue
        if not ereignis:
            befunde.fehler(
                "Das Ereignis fehlt.",
                blatt=blatt.name,
                zeile=nummer,
                spalte=tabelle.titel["ereignis"],
                wert="(leer)",
                erlaubt="ein Text",
            )
            continue
        datensaetze.append({"datum": datum[0], "genauigkeit": datum[1], "ereignis": ereignis, "zeile": nummer})
    frame = pd.DataFrame(datensaetze, columns=spalten)
    return frame.sort_values("datum", kind="stable").reset_index(drop=True)


def _lies_info(blatt: RohBlatt | None, befunde: Befundliste) -> tuple[dt.date | None, str | None]:
    if blatt is None:
        return None, None
    stand: dt.date | None = None
    bezeichnung: str | None = None
    for index, zeile in enumerate(blatt.zeilen):
        zellen = [z for z in zeile if not ist_leer(z)]
        if len(zellen) < 2:
            continue
        schluessel = falte(zellen[0]).rstrip(":")
        if schluessel == "stand":
            stand = als_datum(zellen[1])
            if stand is None:
                befunde.fehler(
                    "Der Stand ist kein Datum.",
                    blatt=blatt.name,
                    zeile=index + 1,
                    wert=wert_text(zellen[1]),
                    erlaubt="Datum, z. B. 06.03.2017",
                )
        elif schluessel == "bezeichnung":
            bezeichnung = bereinige(zellen[1])
    return stand, bezeichnung

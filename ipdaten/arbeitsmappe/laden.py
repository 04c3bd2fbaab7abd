"""Loading and validating an Anlage 1 workbook: all or nothing, every finding at once."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from ipdaten.arbeitsmappe.befunde import AnlageUngueltig, Befund, Befundliste, fehler, wert_text
from ipdaten.arbeitsmappe.datei_pruefung import pruefe_datei, zu_gross
from ipdaten.arbeitsmappe.modell import Anlage
from ipdaten.arbeitsmappe.tabellen import Tabelle, finde_tabelle
from ipdaten.arbeitsmappe.texte import (
    EURO_ZEICHEN,
    PROZENT_ZEICHEN,
    als_datum,
    bereinige,
    falte,
    ganze_zahl,
    ist_leer,
    ungefaehres_datum,
    zahl,
)
from ipdaten.arbeitsmappe.vertrag import (
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
from ipdaten.arbeitsmappe.xlsx_lesen import (
    MAX_ZELLEN,
    BlattZuGross,
    LesefehlerArbeitsmappe,
    RohBlatt,
    RohMappe,
    lies_mappe,
)
from ipdaten.format import euro

KEINE_ANGABE_TEXTE = {"", "k. a.", "k.a.", "keine angabe", "-", "–", "—", "n. v.", "n.v."}
STATUS_TYP = pd.CategoricalDtype(list(STATUS_REIHENFOLGE), ordered=True)
STATUS_ERLAUBT = (
    ", ".join(f"„{s}“" for s in STATUS_REIHENFOLGE)
    + " (auch „teilweise umgesetzt“, „im Umsetzungsprozess“; leer = ohne Angabe)"
)
QUOTE_ERLAUBT = "Prozentpunkte von 0 bis 100, z. B. 1,54 oder „1,54 %“; leer = keine Angabe"
BETRAG_ERLAUBT = "Betrag in Euro ab 0, z. B. 60000 oder „60.000 €“"
FELD_MUSTER = re.compile(r"^(?:(?:HF|Handlungsfeld)\s*(\d+)\b.*|(\d+)\s*[.:–—-]?\s+\S.*)$", re.I)

EMPFEHLUNG_SPALTEN = [
    "handlungsfeld",
    "nr",
    "ziel",
    "empfehlung",
    "status",
    "bemerkung",
    "bezug_gefluechtete",
    "quelle",
]
SPALTEN = {
    "handlungsfelder": (["nr", "name", "leitsatz", "seiten", "bericht", "zeile"], {"nr": "int64", "zeile": "int64"}),
    "empfehlungen": (
        [*EMPFEHLUNG_SPALTEN, "zeile"],
        {"handlungsfeld": "int64", "nr": "int64", "zeile": "int64", "bezug_gefluechtete": "object"},
    ),
    "einbuergerung": (
        ["gebiet", "jahr", "quote_prozent", "zeile"],
        {"jahr": "int64", "quote_prozent": "float64", "zeile": "int64"},
    ),
    "haushalt": (
        ["massnahme", "betrag", "jahr", "handlungsfeld", "zeile"],
        {"betrag": "float64", "jahr": "int64", "handlungsfeld": "Int64", "zeile": "int64"},
    ),
    "meilensteine": (["datum", "genauigkeit", "ereignis", "zeile"], {"zeile": "int64"}),
}


def lade_anlage(quelle: bytes | str | Path) -> Anlage:
    """Load and validate a workbook from bytes or a path.

    Returns the Anlage with its warnings; raises AnlageUngueltig with every finding when the
    workbook has errors (then no data at all is returned).
    """
    daten = _lies_datei(Path(quelle)) if isinstance(quelle, (str, Path)) else bytes(quelle)
    befund = pruefe_datei(daten)
    if befund is not None:
        raise AnlageUngueltig([befund])
    try:
        mappe = lies_mappe(daten, nur={falte(b.name) for b in BLAETTER})
    except LesefehlerArbeitsmappe as e:
        raise AnlageUngueltig([_lesefehler_befund(e)]) from None
    try:
        return _pruefe_mappe(mappe)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as e:
        # Last resort, so that a user never sees a traceback; the tests pin every known case.
        raise AnlageUngueltig(
            [
                fehler(
                    "Die Arbeitsmappe konnte wegen eines unerwarteten Inhalts nicht ausgewertet werden. Bitte "
                    "die Datei in Excel öffnen, erneut speichern und noch einmal hochladen; hilft das nicht, "
                    "die Datei an die Betreuung des Dashboards schicken.",
                    wert=wert_text(f"{type(e).__name__}: {e}", 120),
                )
            ]
        ) from e


def _lies_datei(pfad: Path) -> bytes:
    """The file's bytes; a file above the size bound is refused before it is read."""
    befund = zu_gross(pfad.stat().st_size)
    if befund is not None:
        raise AnlageUngueltig([befund])
    return pfad.read_bytes()


def _lesefehler_befund(fehler_: LesefehlerArbeitsmappe) -> Befund:
    grund = str(fehler_)
    if isinstance(fehler_, BlattZuGross):
        return fehler(
            f"Das Blatt reicht über {_tausender(fehler_.zeilen)} Zeilen und {_tausender(fehler_.spalten)} Spalten; "
            "so große Bereiche werden aus Sicherheitsgründen nicht gelesen. Vermutlich steht weit unten oder "
            "rechts ein vergessener Wert: bitte die leeren Zeilen und Spalten unter und neben der Tabelle "
            "löschen und erneut speichern.",
            blatt=fehler_.blatt,
            wert=f"{_tausender(fehler_.zeilen)} Zeilen × {_tausender(fehler_.spalten)} Spalten",
            erlaubt=f"höchstens {_tausender(MAX_ZELLEN)} Zellen (Zeilen × Spalten) je Blatt",
        )
    if grund == "kennwort":
        return fehler(
            "Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte den Schutz in Excel entfernen und erneut speichern."
        )
    return fehler(
        "Die Arbeitsmappe ist beschädigt und kann nicht gelesen werden. Bitte in Excel oder "
        "LibreOffice öffnen, erneut als .xlsx speichern und hochladen.",
        wert=wert_text(grund, 120),
    )


def _leer(frame: str) -> pd.DataFrame:
    spalten, typen = SPALTEN[frame]
    return pd.DataFrame(columns=spalten).astype(typen)


def _frame(frame: str, datensaetze: list[dict]) -> pd.DataFrame:
    spalten, typen = SPALTEN[frame]
    return pd.DataFrame(datensaetze, columns=spalten).astype(typen)


def _finde_blatt(mappe: RohMappe, vertrag: Blatt, befunde: Befundliste) -> RohBlatt | None:
    """The sheet of `vertrag`; two sheets that differ only in spelling are an error (which one counts?)."""
    ziel = falte(vertrag.name)
    treffer = [blatt for name, blatt in mappe.blaetter.items() if falte(name) == ziel]
    if len(treffer) > 1:
        befunde.fehler(
            f"Mehrere Blätter heißen „{vertrag.name}“ (bis auf Schreibweise); es ist unklar, welches gilt.",
            blatt=treffer[0].name,
            wert=", ".join(f"„{b.name}“" for b in treffer),
            erlaubt="genau ein Blatt je Name; die anderen umbenennen oder löschen",
        )
    return treffer[0] if treffer else None


def _blaetter(mappe: RohMappe, befunde: Befundliste) -> dict[str, RohBlatt | None]:
    """The contract's sheets, None where missing or unusable (formulas never calculated)."""
    blaetter: dict[str, RohBlatt | None] = {}
    for vertrag in BLAETTER:
        blatt = _finde_blatt(mappe, vertrag, befunde)
        if blatt is None and vertrag.pflicht:
            befunde.fehler(
                f"Das Pflichtblatt „{vertrag.name}“ fehlt.",
                blatt=vertrag.name,
                wert="Blätter: " + (", ".join(mappe.alle_blaetter) or "keine"),
                erlaubt="Pflichtblätter " + ", ".join(f"„{b.name}“" for b in BLAETTER if b.pflicht),
            )
        if blatt is not None and _formeln_ohne_wert(mappe, blatt, befunde):
            blatt = None
        blaetter[vertrag.name] = blatt
    return blaetter


def _pruefe_mappe(mappe: RohMappe) -> Anlage:
    befunde = Befundliste()
    blaetter = _blaetter(mappe, befunde)
    felder = _lies_handlungsfelder(blaetter[HANDLUNGSFELDER.name], befunde)
    empfehlungen, hat_bezug = _lies_empfehlungen(blaetter[EMPFEHLUNGEN.name], felder, befunde)
    einbuergerung = _lies_einbuergerung(mappe, blaetter[EINBUERGERUNG.name], befunde)
    haushalt = _lies_haushalt(blaetter[HAUSHALT.name], felder, befunde)
    meilensteine = _lies_meilensteine(blaetter[MEILENSTEINE.name], befunde)
    stand, bezeichnung = _lies_info(blaetter[INFO.name], befunde)

    if befunde.fehlerliste or felder is None or empfehlungen is None:
        raise AnlageUngueltig(_geordnet(befunde.eintraege))
    return Anlage(
        handlungsfelder=felder,
        empfehlungen=empfehlungen,
        einbuergerung=einbuergerung,
        haushalt=haushalt,
        meilensteine=meilensteine,
        stand=stand,
        bezeichnung=bezeichnung,
        hat_bezug_spalte=hat_bezug,
        vorhandene_blaetter=tuple(name for name, blatt in blaetter.items() if blatt is not None),
        warnungen=tuple(_geordnet(befunde.warnungen)),
    )


def _geordnet(befunde: list[Befund]) -> list[Befund]:
    """Findings in the order of the contract's sheets, then by row (stable otherwise)."""
    reihenfolge = {b.name: i for i, b in enumerate(BLAETTER)}
    return sorted(befunde, key=lambda b: (reihenfolge.get(b.blatt, -1), b.zeile or 0))


def _formeln_ohne_wert(mappe: RohMappe, blatt: RohBlatt, befunde: Befundliste) -> bool:
    """Record a finding when formulas in the sheet were never calculated; True if so."""
    if not mappe.hat_formeln(blatt):
        return False
    meta = mappe.zellen_meta(blatt)
    zellen = meta.ohne_wert or (meta.formeln if mappe.neu_berechnen_beim_oeffnen else [])
    if not zellen:
        return False
    orte = ", ".join(f"{_spaltenname(c)}{r + 1}" for r, c in zellen[:8])
    befunde.fehler(
        "Das Blatt enthält Formeln, deren Ergebnis nie berechnet und gespeichert wurde (die Datei "
        "wurde vermutlich von einem Programm erzeugt). Bitte die Datei in Excel oder LibreOffice "
        f"öffnen, speichern und erneut hochladen. Betroffen: {orte}"
        + (f" und {len(zellen) - 8} weitere Zellen." if len(zellen) > 8 else "."),
        blatt=blatt.name,
        zeile=zellen[0][0] + 1,
        spalte=_spaltenname(zellen[0][1]),
        erlaubt="Formeln mit gespeichertem Ergebnis oder feste Werte",
    )
    return True


def _spaltenname(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(tabelle: Tabelle, zeile: list, feld: str) -> str:
    return bereinige(tabelle.wert(zeile, feld))


def _pflichttext(tabelle: Tabelle, nummer: int, zeile: list, feld: str, meldung: str, erlaubt: str) -> str | None:
    text = _text(tabelle, zeile, feld)
    if not text:
        tabelle.fehler(nummer, feld, meldung, None, erlaubt)
        return None
    return text


def _positive_nr(tabelle: Tabelle, nummer: int, zeile: list, meldung: str, erlaubt: str) -> int | None:
    roh = tabelle.wert(zeile, "nr")
    nr = ganze_zahl(roh)
    if nr is None or nr < 1:
        tabelle.fehler(nummer, "nr", meldung, roh, erlaubt)
        return None
    return nr


def _jahr(tabelle: Tabelle, nummer: int, zeile: list, meldung: str, beispiel: int) -> int | None:
    roh = tabelle.wert(zeile, "jahr")
    jahr = ganze_zahl(roh)
    if jahr is None or not 1900 <= jahr <= 2100:
        tabelle.fehler(nummer, "jahr", meldung, roh, f"Jahreszahl, z. B. {beispiel}")
        return None
    return jahr


def _lies_handlungsfelder(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame | None:
    """The fields; None when the sheet is missing, unusable or defines no field."""
    tabelle = finde_tabelle(blatt, HANDLUNGSFELDER, befunde) if blatt is not None else None
    if tabelle is None:
        return None
    datensaetze = []
    gesehen: dict[int, int] = {}
    for nummer, zeile in tabelle.zeilen:
        nr = _positive_nr(
            tabelle,
            nummer,
            zeile,
            "Die Nr des Handlungsfelds ist keine positive ganze Zahl.",
            "ganze Zahl ab 1, z. B. 1, 2, 9",
        )
        if nr is not None and nr in gesehen:
            tabelle.fehler(
                nummer,
                "nr",
                f"Die Nr {nr} ist doppelt vergeben (schon in Zeile {gesehen[nr]}).",
                nr,
                "jede Nr nur einmal",
            )
            continue
        name = _pflichttext(
            tabelle, nummer, zeile, "name", "Das Handlungsfeld hat keinen Namen.", "ein Name, z. B. „Wohnen“"
        )
        if nr is None:
            continue
        gesehen[nr] = nummer
        datensaetze.append(
            {
                "nr": nr,
                "name": name or "",
                "leitsatz": _text(tabelle, zeile, "leitsatz"),
                "seiten": _text(tabelle, zeile, "seiten"),
                "bericht": _text(tabelle, zeile, "bericht"),
                "zeile": nummer,
            }
        )
    if not tabelle.zeilen:
        befunde.fehler(
            "Das Blatt enthält kein Handlungsfeld.",
            blatt=blatt.name,
            erlaubt="mindestens eine Zeile unter der Kopfzeile",
        )
    return _frame("handlungsfelder", datensaetze) if datensaetze else None


def _feld_nummer(roh: object, felder: pd.DataFrame | None) -> int | None:
    """A field's Nr from '2', 2.0, 'HF 2', '2. Wohnen' or the field's name."""
    nr = ganze_zahl(roh)
    if nr is not None:
        return nr
    text = bereinige(roh)
    treffer = FELD_MUSTER.match(text)
    if treffer:
        return int(treffer.group(1) or treffer.group(2))
    if felder is not None and text:
        namen = {falte(n): int(nr) for nr, n in zip(felder["nr"], felder["name"])}
        return namen.get(falte(text))
    return None


def _feld_erlaubt(felder: pd.DataFrame | None) -> str:
    return "Nr eines Handlungsfelds aus dem Blatt „Handlungsfelder“" + (
        " (" + ", ".join(str(n) for n in felder["nr"]) + ")" if felder is not None else ""
    )


class _EmpfehlungsLeser:
    """Reads the rows of the sheet Empfehlungen, collecting mapped spellings and unknown fields."""

    def __init__(self, tabelle: Tabelle, felder: pd.DataFrame | None):
        self.tabelle = tabelle
        self.felder = felder
        self.bekannte = set(felder["nr"]) if felder is not None else None
        self.abbildungen: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.unbekannte_felder: dict[int, list[int]] = defaultdict(list)
        self.gesehen: dict[tuple[int, int], int] = {}
        self.hat_bezug = "bezug_gefluechtete" in tabelle.spalten

    def feld(self, nummer: int, zeile: list) -> int | None:
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        feld = _feld_nummer(roh, self.felder)
        if feld is None:
            self.tabelle.fehler(
                nummer, "handlungsfeld", "Das Handlungsfeld ist keine Nr.", roh, _feld_erlaubt(self.felder)
            )
        elif self.bekannte is not None and feld not in self.bekannte:
            self.unbekannte_felder[feld].append(nummer)
            return None
        return feld

    def nr(self, nummer: int, zeile: list, feld: int | None) -> int | None:
        nr = _positive_nr(
            self.tabelle,
            nummer,
            zeile,
            "Die Nr der Empfehlung ist keine positive ganze Zahl.",
            "ganze Zahl ab 1, eindeutig im Handlungsfeld",
        )
        if nr is None or feld is None:
            return nr
        if (feld, nr) in self.gesehen:
            self.tabelle.fehler(
                nummer,
                "nr",
                f"Die Nr {nr} ist im Handlungsfeld {feld} doppelt vergeben (schon in Zeile {self.gesehen[(feld, nr)]}).",
                nr,
                "jede Nr nur einmal je Handlungsfeld",
            )
            return None
        self.gesehen[(feld, nr)] = nummer
        return nr

    def status(self, nummer: int, zeile: list) -> str | None:
        roh = self.tabelle.wert(zeile, "status")
        text = bereinige(roh)
        if text in STATUS_REIHENFOLGE:
            return text
        kanonisch = STATUS_VARIANTEN.get(text.casefold())
        if kanonisch is None:
            self.tabelle.fehler(nummer, "status", "Unbekannter Status.", roh, STATUS_ERLAUBT)
            return None
        self.abbildungen[(wert_text(roh), kanonisch)].append(nummer)
        return kanonisch

    def bezug(self, nummer: int, zeile: list) -> tuple[bool, bool | None]:
        """(valid, value) of the column Bezug Geflüchtete."""
        if not self.hat_bezug:
            return True, None
        roh = self.tabelle.wert(zeile, "bezug_gefluechtete")
        schluessel = bereinige(roh).casefold()
        if schluessel not in BEZUG_WERTE:
            self.tabelle.fehler(
                nummer, "bezug_gefluechtete", "Unbekannter Wert für „Bezug Geflüchtete“.", roh, "„ja“, „nein“ oder leer"
            )
            return False, None
        return True, BEZUG_WERTE[schluessel]

    def zeile(self, nummer: int, zeile: list) -> dict | None:
        feld = self.feld(nummer, zeile)
        werte = {
            "handlungsfeld": feld,
            "nr": self.nr(nummer, zeile, feld),
            "empfehlung": _pflichttext(
                self.tabelle,
                nummer,
                zeile,
                "empfehlung",
                "Die Empfehlung hat keinen Text.",
                "der Wortlaut der Empfehlung",
            ),
            "status": self.status(nummer, zeile),
        }
        gueltig, werte["bezug_gefluechtete"] = self.bezug(nummer, zeile)
        if not gueltig or None in (werte["handlungsfeld"], werte["nr"], werte["empfehlung"], werte["status"]):
            return None
        for feld_name in ("ziel", "bemerkung", "quelle"):
            werte[feld_name] = _text(self.tabelle, zeile, feld_name)
        return {**werte, "zeile": nummer}

    def melde_sammlungen(self) -> None:
        """Findings that summarise many rows: undefined fields (error), mapped statuses (warning)."""
        for feld, nummern in self.unbekannte_felder.items():
            self.tabelle.fehler(
                nummern[0],
                "handlungsfeld",
                f"Das Handlungsfeld {feld} ist im Blatt „Handlungsfelder“ nicht definiert "
                f"({len(nummern)} Empfehlung(en), Zeilen {_zeilenliste(nummern)}).",
                feld,
                _feld_erlaubt(self.felder),
            )
        for (roh, kanonisch), nummern in self.abbildungen.items():
            self.tabelle.warnung(
                nummern[0],
                "status",
                f"Status „{roh}“ wurde als „{kanonisch}“ gelesen ({len(nummern)}×, Zeilen {_zeilenliste(nummern)}).",
                roh,
            )


def _zeilenliste(nummern: list[int], hoechstens: int = 8) -> str:
    text = ", ".join(str(n) for n in nummern[:hoechstens])
    return text + (f" und {len(nummern) - hoechstens} weitere" if len(nummern) > hoechstens else "")


def _tausender(zahl_: int) -> str:
    return f"{zahl_:,}".replace(",", ".")


def _lies_empfehlungen(
    blatt: RohBlatt | None, felder: pd.DataFrame | None, befunde: Befundliste
) -> tuple[pd.DataFrame | None, bool]:
    """The recommendations and whether the column Bezug Geflüchtete exists."""
    tabelle = finde_tabelle(blatt, EMPFEHLUNGEN, befunde) if blatt is not None else None
    if tabelle is None:
        return None, False
    if len(tabelle.zeilen) > MAX_EMPFEHLUNGEN:
        befunde.fehler(
            f"Das Blatt enthält {_tausender(len(tabelle.zeilen))} Empfehlungen; verarbeitet werden höchstens "
            f"{_tausender(MAX_EMPFEHLUNGEN)}. Bitte prüfen, ob versehentlich Zeilen kopiert wurden.",
            blatt=blatt.name,
            wert=f"{_tausender(len(tabelle.zeilen))} Zeilen",
            erlaubt=f"höchstens {_tausender(MAX_EMPFEHLUNGEN)} Empfehlungen",
        )
        return None, False
    if not tabelle.zeilen:
        befunde.fehler(
            "Das Blatt enthält keine einzige Empfehlung.",
            blatt=blatt.name,
            erlaubt="mindestens eine Empfehlung unter der Kopfzeile",
        )
        return None, False
    leser = _EmpfehlungsLeser(tabelle, felder)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    leser.melde_sammlungen()
    frame = _frame("empfehlungen", datensaetze)
    frame["status"] = frame["status"].astype(STATUS_TYP)
    return frame, leser.hat_bezug


def _lies_einbuergerung(mappe: RohMappe, blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    tabelle = finde_tabelle(blatt, EINBUERGERUNG, befunde) if blatt is not None else None
    if tabelle is None:
        return _leer("einbuergerung")
    prozent_zellen = mappe.zellen_meta(blatt).prozent
    datensaetze = []
    gesehen: dict[tuple[str, int], int] = {}
    for nummer, zeile in tabelle.zeilen:
        gebiet = _pflichttext(tabelle, nummer, zeile, "gebiet", "Das Gebiet fehlt.", "Name des Stadt- oder Landkreises")
        jahr = _jahr(tabelle, nummer, zeile, "Das Jahr ist keine gültige Jahreszahl.", 2016)
        quote = _quote_pruefen(tabelle, nummer, zeile, (nummer - 1, tabelle.spalten["quote_prozent"]) in prozent_zellen)
        if gebiet is None or jahr is None or quote is False:
            continue
        schluessel = (falte(gebiet), jahr)
        if schluessel in gesehen:
            tabelle.fehler(
                nummer,
                "gebiet",
                f"{gebiet} {jahr} steht doppelt (schon in Zeile {gesehen[schluessel]}).",
                gebiet,
                "jedes Gebiet nur einmal je Jahr",
            )
            continue
        gesehen[schluessel] = nummer
        datensaetze.append(
            {"gebiet": gebiet, "jahr": jahr, "quote_prozent": float("nan") if quote is None else quote, "zeile": nummer}
        )
    return _frame("einbuergerung", datensaetze)


def _quote_pruefen(tabelle: Tabelle, nummer: int, zeile: list, als_prozent_formatiert: bool) -> float | bool | None:
    """The quota in percentage points; None = keine Angabe; False after recording an error."""
    roh = tabelle.wert(zeile, "quote_prozent")
    quote = _quote(roh, als_prozent_formatiert)
    if quote is False:
        tabelle.fehler(nummer, "quote_prozent", "Die Quote ist keine Zahl.", roh, QUOTE_ERLAUBT)
    elif quote is not None and not 0 <= quote <= 100:
        tabelle.fehler(nummer, "quote_prozent", "Die Quote liegt außerhalb von 0 bis 100 %.", roh, QUOTE_ERLAUBT)
        return False
    return quote


def _quote(roh: object, als_prozent_formatiert: bool) -> float | bool | None:
    """Percentage points from a cell; None for 'keine Angabe', False if not a number."""
    if ist_leer(roh) or (isinstance(roh, str) and bereinige(roh).casefold() in KEINE_ANGABE_TEXTE):
        return None
    wert = zahl(roh, PROZENT_ZEICHEN)
    if wert is None:
        return False
    if als_prozent_formatiert and isinstance(roh, (int, float)):
        wert *= 100
    return round(wert, 10)


def _ist_summenzeile(tabelle: Tabelle, zeile: list) -> bool:
    for feld in ("massnahme", "jahr", "handlungsfeld"):
        text = falte(tabelle.wert(zeile, feld)).rstrip(":")
        if text and (text in SUMMENZEILEN or text.split(" ")[0].rstrip(":") in SUMMENZEILEN):
            return True
    return False


class _HaushaltsLeser:
    """Reads the budget lines; total rows are left out with a warning."""

    def __init__(self, tabelle: Tabelle, felder: pd.DataFrame | None):
        self.tabelle = tabelle
        self.felder = felder
        self.bekannte = set(felder["nr"]) if felder is not None else None
        self.seit_summe = 0.0

    def summenzeile(self, nummer: int, zeile: list) -> None:
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = zahl(roh, EURO_ZEICHEN)
        text = "Die Summenzeile wurde nicht als Maßnahme gezählt."
        if betrag is not None and abs(betrag - self.seit_summe) > 0.005:
            text += (
                f" Sie weicht von der Summe der Maßnahmen darüber ab: dort {euro(self.seit_summe, 2)}, "
                f"in der Summenzeile {euro(betrag, 2)}."
            )
        self.tabelle.warnung(nummer, "betrag", text, wert_text(roh))
        self.seit_summe = 0.0

    def betrag(self, nummer: int, zeile: list) -> float | None:
        roh = self.tabelle.wert(zeile, "betrag")
        betrag = zahl(roh, EURO_ZEICHEN)
        if betrag is not None and betrag >= 0:
            return betrag
        if ist_leer(roh):
            meldung = "Der Betrag fehlt."
        else:
            meldung = "Der Betrag ist keine Zahl." if betrag is None else "Der Betrag ist negativ."
        self.tabelle.fehler(nummer, "betrag", meldung, roh, BETRAG_ERLAUBT)
        return None

    def feld(self, nummer: int, zeile: list) -> tuple[bool, int | None]:
        """(valid, field Nr or None for an unassigned line)."""
        roh = self.tabelle.wert(zeile, "handlungsfeld")
        if ist_leer(roh):
            return True, None
        feld = _feld_nummer(roh, self.felder)
        if feld is None or (self.bekannte is not None and feld not in self.bekannte):
            self.tabelle.fehler(
                nummer,
                "handlungsfeld",
                "Das Handlungsfeld ist im Blatt „Handlungsfelder“ nicht definiert.",
                roh,
                _feld_erlaubt(self.felder) + " oder leer",
            )
            return False, None
        return True, feld

    def ist_summe_ohne_titel(self, zeile: list) -> bool:
        """A row with only an amount that equals the lines above: a total someone left unlabelled."""
        if any(not ist_leer(self.tabelle.wert(zeile, f)) for f in ("massnahme", "jahr", "handlungsfeld")):
            return False
        betrag = zahl(self.tabelle.wert(zeile, "betrag"), EURO_ZEICHEN)
        return betrag is not None and self.seit_summe > 0 and abs(betrag - self.seit_summe) <= 0.005

    def zeile(self, nummer: int, zeile: list) -> dict | None:
        if _ist_summenzeile(self.tabelle, zeile) or self.ist_summe_ohne_titel(zeile):
            self.summenzeile(nummer, zeile)
            return None
        massnahme = _pflichttext(
            self.tabelle, nummer, zeile, "massnahme", "Die Maßnahme hat keine Bezeichnung.", "Bezeichnung der Maßnahme"
        )
        betrag = self.betrag(nummer, zeile)
        jahr = _jahr(self.tabelle, nummer, zeile, "Das Haushaltsjahr ist keine gültige Jahreszahl.", 2017)
        gueltig, feld = self.feld(nummer, zeile)
        if massnahme is None or betrag is None or jahr is None or not gueltig:
            return None
        self.seit_summe += betrag
        return {"massnahme": massnahme, "betrag": float(betrag), "jahr": jahr, "handlungsfeld": feld, "zeile": nummer}


def _lies_haushalt(blatt: RohBlatt | None, felder: pd.DataFrame | None, befunde: Befundliste) -> pd.DataFrame:
    tabelle = finde_tabelle(blatt, HAUSHALT, befunde) if blatt is not None else None
    if tabelle is None:
        return _leer("haushalt")
    leser = _HaushaltsLeser(tabelle, felder)
    datensaetze = [d for d in (leser.zeile(nummer, zeile) for nummer, zeile in tabelle.zeilen) if d is not None]
    return _frame("haushalt", datensaetze)


def _lies_meilensteine(blatt: RohBlatt | None, befunde: Befundliste) -> pd.DataFrame:
    tabelle = finde_tabelle(blatt, MEILENSTEINE, befunde) if blatt is not None else None
    if tabelle is None:
        return _leer("meilensteine")
    datensaetze = []
    for nummer, zeile in tabelle.zeilen:
        roh = tabelle.wert(zeile, "datum")
        datum = ungefaehres_datum(roh)
        if datum is None:
            tabelle.fehler(
                nummer,
                "datum",
                "Das Datum ist nicht lesbar.",
                roh,
                "Datum (6.3.2017 oder 2017-03-06), Monat (2017-07) oder Jahr (2015)",
            )
        ereignis = _pflichttext(tabelle, nummer, zeile, "ereignis", "Das Ereignis fehlt.", "ein Text")
        if datum is not None and ereignis is not None:
            datensaetze.append({"datum": datum[0], "genauigkeit": datum[1], "ereignis": ereignis, "zeile": nummer})
    frame = _frame("meilensteine", datensaetze)
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

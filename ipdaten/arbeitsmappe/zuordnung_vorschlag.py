"""A proposed mapping for a workbook the loader did not recognise (`schlage_vor`).

Each open point is a `Kandidat` with the workbook's choices, sorted by likelihood, and the likely
answer where one is clear; words whose meaning no rule may guess ("offen", "geplant" …) stay for
the user to decide. The `Vorschlag` writes itself as TOML with the open points commented.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ipdaten.arbeitsmappe.statuswort import STATUS_GEFALTET, status_schluessel, zwei_status
from ipdaten.arbeitsmappe.texte import bereinige, falte, ist_leer
from ipdaten.arbeitsmappe.vertrag import BLAETTER, OHNE_ANGABE, STATUS_REIHENFOLGE
from ipdaten.arbeitsmappe.xlsx_lesen import RohBlatt, RohMappe
from ipdaten.arbeitsmappe.zuordnung import Zuordnung, toml_text
from ipdaten.arbeitsmappe.zuordnung_anwenden import VERTRAGSBLATT, bekannte_koepfe
from ipdaten.arbeitsmappe.zuordnung_erkennung import Erkennung, erkannte_titel, koepfe, kopfzeile


@dataclass(frozen=True)
class Kandidat:
    """One open point of a proposal: a contract target and the choices in the workbook.

    art is "blatt" (ziel = contract sheet, choose a sheet), "spalte" (ziel = contract column of
    `blatt`, choose a header) or "status" (ziel = the status word, choose a status).
    """

    art: str
    blatt: str
    ziel: str
    auswahl: tuple[str, ...]
    vorschlag: str | None
    pflicht: bool = True
    hinweis: str = ""


@dataclass(frozen=True)
class Vorschlag:
    """A proposed mapping and the open points it answers (with the likely answer each)."""

    zuordnung: Zuordnung
    kandidaten: tuple[Kandidat, ...] = field(default_factory=tuple)

    @property
    def offen(self) -> tuple[Kandidat, ...]:
        """Required points without a likely answer: the user has to decide them."""
        return tuple(k for k in self.kandidaten if k.pflicht and k.vorschlag is None)

    def als_toml(self) -> str:
        """The proposal as TOML; open points are commented lines to fill in."""
        text = self.zuordnung.als_toml()
        offen = self.offen
        if not offen:
            return text
        zeilen = ["", "# Noch offen – bitte ausfüllen und das Kommentarzeichen entfernen:"]
        for k in offen:
            if k.art == "blatt":
                zeilen.append(f"# [blaetter] {toml_text(k.ziel)} = eines von: {', '.join(map(toml_text, k.auswahl))}")
            elif k.art == "spalte":
                zeilen.append(
                    f"# [spalten.{toml_text(k.blatt)}] ÜBERSCHRIFT = {toml_text(k.ziel)}; Überschriften: "
                    + ", ".join(map(toml_text, k.auswahl))
                )
            else:
                zeilen.append(
                    f"# [status] {toml_text(k.ziel)} = eines von: "
                    + ", ".join(map(toml_text, STATUS_REIHENFOLGE))
                    + (f"  ({k.hinweis})" if k.hinweis else "")
                )
        return text + "\n".join(zeilen) + "\n"


# Words a header or sheet name of each contract target often contains (folded).
_SPALTEN_WOERTER: dict[tuple[str, str], tuple[str, ...]] = {
    ("Handlungsfelder", "nr"): ("nr", "nummer", "lfd", "ziffer", "id"),
    ("Handlungsfelder", "name"): ("handlungsfeld", "name", "bezeichnung", "titel", "thema", "bereich"),
    ("Handlungsfelder", "leitsatz"): ("leitsatz", "leitbild", "motto", "leitgedanke"),
    ("Empfehlungen", "handlungsfeld"): ("handlungsfeld", "hf", "feld", "bereich", "themenfeld", "thema"),
    ("Empfehlungen", "nr"): ("nr", "nummer", "lfd", "ziffer", "id"),
    ("Empfehlungen", "ziel"): ("ziel",),
    ("Empfehlungen", "empfehlung"): (
        "empfehlung",
        "massnahme",
        "vorhaben",
        "aufgabe",
        "beschreibung",
        "inhalt",
        "wortlaut",
        "text",
    ),
    ("Empfehlungen", "status"): ("status", "stand", "umsetzung", "sachstand", "fortschritt", "erledigt", "ampel"),
    ("Empfehlungen", "bemerkung"): ("bemerkung", "anmerkung", "kommentar", "hinweis", "erlaeuterung", "notiz"),
    ("Empfehlungen", "bezug_gefluechtete"): ("gefluechtete", "fluechtling", "asyl"),
    ("Empfehlungen", "quelle"): ("quelle", "beleg", "annahme"),
    ("Einbürgerung", "gebiet"): ("gebiet", "kreis", "region", "landkreis", "raum"),
    ("Einbürgerung", "jahr"): ("jahr",),
    ("Einbürgerung", "quote_prozent"): ("quote", "anteil", "prozent", "%"),
    ("Haushalt", "massnahme"): ("massnahme", "bezeichnung", "posten", "projekt", "zweck"),
    ("Haushalt", "betrag"): ("betrag", "kosten", "summe", "euro", "€", "mittel", "ansatz", "eur"),
    ("Haushalt", "jahr"): ("jahr", "haushaltsjahr"),
    ("Haushalt", "handlungsfeld"): ("handlungsfeld", "hf", "feld"),
    ("Meilensteine", "datum"): ("datum", "termin", "zeitpunkt", "wann", "monat"),
    ("Meilensteine", "ereignis"): ("ereignis", "meilenstein", "beschreibung", "was", "schritt"),
    ("Info", "feld"): ("feld", "angabe", "merkmal"),
    ("Info", "wert"): ("wert", "inhalt"),
}
_BLATT_WOERTER: dict[str, tuple[str, ...]] = {
    "Handlungsfelder": ("handlungsfeld", "felder", "uebersicht", "leitsaetze"),
    "Empfehlungen": ("empfehlung", "massnahme", "handlungsempfehlung", "umsetzung", "liste", "auswertung"),
    "Einbürgerung": ("einbuergerung", "quote", "staatsangehoerigkeit"),
    "Haushalt": ("haushalt", "budget", "finanz", "kosten", "mittel"),
    "Meilensteine": ("meilenstein", "termine", "chronik", "zeitplan", "prozess"),
    "Info": ("info", "deckblatt", "stand", "allgemein"),
}
# Status words by their likely meaning; "nicht"/"kein" decide before anything else.
_STATUS_WOERTER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("umgesetzt", ("abgeschlossen", "erledigt", "fertig", "umgesetzt", "erfuellt", "realisiert", "vollzogen")),
    (
        "in Arbeit",
        (
            "in arbeit",
            "laufend",
            "laeuft",
            "begonnen",
            "bearbeitung",
            "umsetzung",
            "teilweise",
            "gestartet",
            "angelaufen",
        ),
    ),
    ("in Abstimmung", ("abstimmung", "pruefung", "klaerung", "beratung", "abstimmen")),
)
# Words whose meaning no rule may guess: the user decides (issue #10: "offen", "geplant" …).
MEHRDEUTIG = ("offen", "geplant", "entfaellt", "rot", "gelb", "gruen", "%", "zurueckgestellt", "ruht")


def status_vermutung(wort: str) -> str | None:
    """The status a word most likely means, or None when only the user can say."""
    text = status_schluessel(wort)
    if not text:
        return OHNE_ANGABE
    if zwei_status(wort):
        return None  # two statuses in one cell: which one holds, only she can say
    if text in STATUS_GEFALTET:
        return STATUS_GEFALTET[text]
    if any(m in text for m in MEHRDEUTIG) or re.search(r"\d", text):
        return None
    if re.search(r"\b(nicht|kein|keine|noch nicht)\b", text):
        return "nicht umgesetzt" if "begonnen" in text or "umgesetzt" in text or "erfuellt" in text else None
    treffer = {status for status, woerter in _STATUS_WOERTER if any(w in text for w in woerter)}
    if len(treffer) == 1:
        return treffer.pop()
    nah = difflib.get_close_matches(text, list(STATUS_GEFALTET), n=1, cutoff=0.85)  # typos: "umgestzt"
    return STATUS_GEFALTET[nah[0]] if nah else None


def _passt(text: str, woerter: tuple[str, ...], titel: str) -> float:
    gefaltet = falte(text)
    if not gefaltet:
        return 0.0
    punkte = difflib.SequenceMatcher(None, gefaltet, falte(titel)).ratio()
    for wort in woerter:
        if re.search(rf"(^|[^a-z]){re.escape(wort)}", gefaltet):
            punkte = max(punkte, 1.0 if gefaltet.startswith(wort) else 0.9)
    return punkte


def _status_anteil(blatt: RohBlatt, kopf: int, spalte: int) -> float:
    """Share of the non-empty cells below the header that read as a status word."""
    werte = [z[spalte] for z in blatt.zeilen[kopf + 1 : kopf + 201] if spalte < len(z) and not ist_leer(z[spalte])]
    if not werte:
        return 0.0
    return sum(1 for w in werte if isinstance(w, str) and status_vermutung(w) is not None) / len(werte)


def _blatt_kandidaten(mappe: RohMappe, erkennung: Erkennung) -> list[Kandidat]:
    benutzt = {q for _, q in erkennung.blaetter if q}
    frei = [n for n in mappe.alle_blaetter if n not in benutzt]
    kandidaten = []
    for vertrag_name, quelle in erkennung.blaetter:
        if quelle is not None:
            continue
        vertrag = VERTRAGSBLATT[vertrag_name]
        punkte = {}
        for name in frei:
            blatt = mappe.blaetter.get(name)
            kopf = {falte(k) for k in koepfe(blatt)} if blatt is not None else set()
            treffer = sum(
                1
                for s in vertrag.spalten
                if any(_passt(k, _SPALTEN_WOERTER.get((vertrag.name, s.feld), ()), s.titel) >= 0.9 for k in kopf)
            )
            punkte[name] = _passt(name, _BLATT_WOERTER[vertrag.name], vertrag.name) + treffer / max(
                len(vertrag.spalten), 1
            )
        besser = sorted(frei, key=lambda n: -punkte[n])
        vorschlag = besser[0] if besser and punkte[besser[0]] >= 0.9 else None
        if not vertrag.pflicht and vorschlag is None:
            continue
        if vorschlag is not None:
            frei.remove(vorschlag)
        kandidaten.append(Kandidat("blatt", vertrag.name, vertrag.name, tuple(besser), vorschlag, vertrag.pflicht))
    return kandidaten


def _spalten_kandidaten(mappe: RohMappe, erkennung: Erkennung, blaetter: dict[str, str]) -> list[Kandidat]:
    kandidaten = []
    gefunden = dict(erkennung.spalten)
    kopfzeilen = dict(erkennung.kopfzeilen)
    for vertrag in BLAETTER:
        quelle = blaetter.get(vertrag.name)
        blatt = mappe.blaetter.get(quelle) if quelle else None
        if blatt is None:
            continue
        kopf = kopfzeilen.get(vertrag.name)
        if kopf is None or kopf >= len(blatt.zeilen):
            kopf = kopfzeile(blatt)
        if kopf is None:
            continue
        da = set(gefunden[vertrag.name]) if vertrag.name in gefunden else set(erkannte_titel(blatt, vertrag, kopf))
        bekannt = set().union(*(bekannte_koepfe(vertrag, t) for t in da)) if da else set()
        freie = [
            (i, bereinige(z)) for i, z in enumerate(blatt.zeilen[kopf]) if not ist_leer(z) and falte(z) not in bekannt
        ]
        for spalte in vertrag.spalten:
            if spalte.titel in da:
                continue
            woerter = _SPALTEN_WOERTER.get((vertrag.name, spalte.feld), ())
            punkte = {}
            for i, text in freie:
                punkte[text] = _passt(text, woerter, spalte.titel)
                if spalte.feld == "status":
                    punkte[text] += _status_anteil(blatt, kopf, i)
            besser = sorted((t for _, t in freie), key=lambda t: -punkte[t])
            vorschlag = besser[0] if besser and punkte[besser[0]] >= 0.9 else None
            if not spalte.pflicht and vorschlag is None:
                continue
            if vorschlag is not None:
                freie = [(i, t) for i, t in freie if t != vorschlag]
            kandidaten.append(
                Kandidat(
                    "spalte",
                    vertrag.name,
                    spalte.titel,
                    tuple(besser),
                    vorschlag,
                    spalte.pflicht,
                    f"Erwartet: {spalte.erklaerung}" if spalte.erklaerung else "",
                )
            )
    return kandidaten


def _status_kandidaten(erkennung: Erkennung) -> list[Kandidat]:
    kandidaten = []
    for wort, zeilen in erkennung.status_unbekannt:
        hinweis = f"{len(zeilen)}×, Zeile{'n' if len(zeilen) > 1 else ''} " + ", ".join(map(str, zeilen[:6]))
        if len(zeilen) > 6:
            hinweis += " …"
        kandidaten.append(
            Kandidat("status", "Empfehlungen", wort, STATUS_REIHENFOLGE, status_vermutung(wort), True, hinweis)
        )
    return kandidaten


def schlage_vor(mappe: RohMappe, erkennung: Erkennung, bisher: Zuordnung | None = None) -> Vorschlag:
    """Propose a mapping for what the loader did not recognise, starting from `bisher`.

    `mappe` should hold all sheets (`lies_mappe(daten)`); `erkennung` comes from a load with
    `bisher` applied. Only likely answers go into the proposed mapping; the rest stay open.
    """
    bisher = bisher or Zuordnung()
    zweifel = [
        Kandidat(art, blatt, ziel, auswahl, None, True, "mehrere Kandidaten – nur Sie wissen, welcher gilt")
        for art, blatt, ziel, auswahl in erkennung.mehrdeutig
    ]
    blatt_k = [k for k in zweifel if k.art == "blatt"] + _blatt_kandidaten(mappe, erkennung)
    blaetter = {v: q for v, q in erkennung.blaetter if q}
    blaetter |= {k.ziel: k.vorschlag for k in blatt_k if k.vorschlag}
    spalten_k = [k for k in zweifel if k.art == "spalte"] + _spalten_kandidaten(mappe, erkennung, blaetter)
    status_k = _status_kandidaten(erkennung)
    spalten: dict[str, dict[str, str | None]] = {}
    for k in spalten_k:
        if k.vorschlag:
            spalten.setdefault(k.blatt, {})[k.vorschlag] = k.ziel
    zuordnung = bisher.mit(
        blaetter={k.ziel: k.vorschlag for k in blatt_k if k.vorschlag},
        spalten=spalten,
        status={k.ziel: k.vorschlag for k in status_k if k.vorschlag},
    )
    return Vorschlag(zuordnung, tuple(blatt_k + spalten_k + status_k))

"""Reading a table downloaded from the Regionaldatenbank / GENESIS into one tidy frame.

Two formats are read:
- the classic table CSV: a title line "GENESIS-Tabelle: 12511-01-01-4", more title lines,
  several header lines starting with empty cells, `;`-separated, Latin-1, Kreis names
  indented, then a line of underscores and a footer with notes, copyright, licence and
  "Stand: …";
- the flat file (ffcsv): UTF-8 with BOM, one value per row, columns
  `statistics_code;statistics_label;time_code;time_label;time;1_variable_code;…;value;
  value_unit;value_variable_code;value_variable_label`.

Only the values the dashboard can use are kept (naturalisations, the table's own quota, the
foreign population – each as the total over every other breakdown). The special signs of
official statistics are kept next to the value: "-" is nothing (0); ".", "...", "/" and "x"
are "keine Angabe" and never 0.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from ipdaten.arbeitsmappe import MAX_DATEI_BYTES, Befund, fehler

EINBUERGERUNGEN = "einbuergerungen"
QUOTE = "quote"
AUSLAENDER = "auslaender"

ZEICHEN: dict[str, str] = {
    "-": "nichts vorhanden (0)",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "...": "Angabe fällt später an",
    "/": "keine Angabe, da Zahlenwert nicht sicher genug",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
}
KEINE_ANGABE = frozenset(ZEICHEN) - {"-"}
UNLESBAR = "?"
_ZEICHEN_VARIANTEN = {"–": "-", "—": "-", "…": "...", "X": "x"}

FORMAT_TABELLE = "Tabelle (CSV)"
FORMAT_FLATFILE = "Flatfile (ffcsv)"
SPALTEN = ["kreis", "name", "jahr", "zeit", "art", "merkmal", "wert", "zeichen", "zeile"]

_GEBIETSCHLUESSEL = re.compile(r"DG|\d{2,3}|\d{5}(?:\d{3}|\d{7})?")
_JAHR = re.compile(r"\d{4}")
_DATUM = re.compile(r"\d{2}\.\d{2}\.\d{4}")
_ZAHL = re.compile(r"-?\d+(?:,\d+)?")
_ZAHL_PUNKT = re.compile(r"-?\d+\.\d+")
_INSGESAMT = frozenset({"insgesamt", "zusammen", "gesamt", "alle"})
# Units vary between columns of different measures, but they are no breakdown.
_EINHEITEN = frozenset({"anzahl", "prozent", "%", "personen", "tsd.", "tsd", "1000", "je 100", "je 1000", "promille"})
_TABELLENCODE = re.compile(r"\d{5}-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*?(?=_|\.|$)")
_KAPUTT = re.compile("Ã[\u0080-\u00bf]")
_MAX_FEHLERZEILEN = 5
_LIZENZNAME = re.compile(r"Datenlizenz Deutschland\s*[-–]\s*[\w ]+?\s*[-–]\s*Version \d\.\d")


def befund_text(befund: Befund) -> str:
    """A finding about a statistics file as one German line ('Datei „x.csv“, Zeile 3: …')."""
    ort = [f"Datei „{befund.blatt}“"] if befund.blatt else []
    if befund.zeile is not None:
        ort.append(f"Zeile {befund.zeile}")
    if befund.spalte:
        ort.append(f"Spalte „{befund.spalte}“")
    teile = [", ".join(ort) + ":" if ort else "", befund.meldung]
    if befund.wert:
        teile.append(f"Gefunden: „{befund.wert}“.")
    if befund.erlaubt:
        teile.append(f"Erwartet: {befund.erlaubt}.")
    return " ".join(t for t in teile if t)


class StatistikUngueltig(Exception):
    """The file cannot be used; `befunde` says why, in German."""

    def __init__(self, befunde: list[Befund]):
        self.befunde = list(befunde)
        super().__init__("\n".join(befund_text(b) for b in self.befunde))


@dataclass(frozen=True)
class StatistikDatei:
    """One downloaded table: the usable values as a tidy frame and where they come from.

    `werte` has one row per value: kreis (official key, e.g. "08115"), name (as the table
    writes it, without indentation), jahr, zeit (as written: "2016" or "31.12.2015"), art
    (einbuergerungen, quote or auslaender), merkmal (the column's label), wert (float; NaN
    for keine Angabe), zeichen ("" for a number, else the special sign; "?" unreadable) and
    zeile (line in the file).
    """

    dateiname: str
    format: str
    tabelle: str
    titel: str
    stand: str
    lizenz: str
    urheber: str
    werte: pd.DataFrame = field(repr=False)
    merkmale: tuple[str, ...] = ()

    @property
    def arten(self) -> set[str]:
        """Which kinds of values the file holds."""
        return set(self.werte["art"].unique())

    @property
    def bezeichnung(self) -> str:
        """'Tabelle 12511-01-01-4 „Einbürgerungen …“' for sources and findings."""
        return f"Tabelle {self.tabelle} „{self.titel}“" if self.titel else f"Tabelle {self.tabelle}"

    @property
    def lizenzname(self) -> str:
        """The licence named in the licence line ('Datenlizenz Deutschland – Namensnennung – Version 2.0')."""
        treffer = _LIZENZNAME.search(self.lizenz)
        return re.sub(r"\s+-\s+", " – ", treffer.group(0)) if treffer else ""

    def kreise(self) -> dict[str, str]:
        """Official key → name of every Kreis (five-digit key) in the file, in key order."""
        kreise = self.werte[self.werte["kreis"].str.len() == 5].drop_duplicates("kreis")
        return dict(sorted(zip(kreise["kreis"], kreise["name"])))

    def jahre(self, art: str | None = None) -> list[int]:
        """The years with values (of one kind, or any)."""
        werte = self.werte if art is None else self.werte[self.werte["art"] == art]
        return sorted(int(j) for j in werte["jahr"].unique())


def lies_statistik(daten: bytes, dateiname: str) -> StatistikDatei:
    """Read a downloaded table in either format; raises StatistikUngueltig with German findings."""
    name = dateiname or "Datei"
    daten = _entpacke(daten, name)
    text = _dekodiere(daten, name)
    zeilen = _csv_zeilen(text, name)
    erste = next((z for _, z in zeilen if any(c.strip() for c in z)), [])
    kopf = erste[0].strip() if erste else ""
    if kopf.startswith("GENESIS-Tabelle:"):
        return _lies_tabelle(zeilen, name)
    if kopf.lstrip("\ufeff") == "statistics_code":
        return _lies_flatfile(zeilen, name, text.endswith(("\n", "\r")))
    raise StatistikUngueltig(
        [
            fehler(
                "Die Datei ist keine Tabelle der Regionaldatenbank bzw. von GENESIS.",
                blatt=name,
                zeile=1,
                wert=(";".join(erste)[:80] if erste else "(leer)"),
                erlaubt="eine als „CSV“ heruntergeladene Tabelle (erste Zeile „GENESIS-Tabelle: …“) oder eine "
                "Flatfile „ffcsv“ (erste Zeile „statistics_code;…“)",
            )
        ]
    )


# --- bytes to text ------------------------------------------------------------------------


def _entpacke(daten: bytes, name: str) -> bytes:
    """The bytes of the table; a ZIP with exactly one CSV (as the download API sends it) is opened."""
    if len(daten) > MAX_DATEI_BYTES:
        raise StatistikUngueltig(
            [
                fehler(
                    f"Die Datei ist zu groß ({len(daten) // (1024 * 1024)} MB).",
                    blatt=name,
                    erlaubt=f"höchstens {MAX_DATEI_BYTES // (1024 * 1024)} MB; in der Regionaldatenbank nur die "
                    "benötigten Jahre und die Kreise auswählen",
                )
            ]
        )
    if not daten.startswith(b"PK\x03\x04"):
        return daten
    hinweis = (
        "Die Datei ist eine Excel-Arbeitsmappe oder ein ZIP-Archiv, keine CSV-Datei. Bitte die Tabelle in der "
        "Regionaldatenbank im Format „CSV“ oder als Flatfile „ffcsv“ herunterladen (bzw. das ZIP-Archiv entpacken)."
    )
    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        csvs = [i for i in archiv.infolist() if i.filename.lower().endswith(".csv")]
        if len(csvs) != 1 or len(archiv.infolist()) != 1 or csvs[0].file_size > MAX_DATEI_BYTES:
            raise StatistikUngueltig([fehler(hinweis, blatt=name)])
        with archiv.open(csvs[0]) as teil:
            inhalt = teil.read(MAX_DATEI_BYTES + 1)
        if len(inhalt) > MAX_DATEI_BYTES:
            raise StatistikUngueltig([fehler(hinweis, blatt=name)])
        return inhalt
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError):
        raise StatistikUngueltig([fehler(hinweis, blatt=name)]) from None


def _dekodiere(daten: bytes, name: str) -> str:
    """Text of the file: UTF-8 (with or without BOM) when it is valid UTF-8, else Latin-1."""
    erlaubt = (
        "die Datei so, wie sie aus der Regionaldatenbank heruntergeladen wurde (CSV in Latin-1 oder ffcsv in UTF-8)"
    )
    if daten.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in daten[:4096]:
        raise StatistikUngueltig(
            [
                fehler(
                    "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert, vermutlich von Excel. So kann sie nicht "
                    "gelesen werden.",
                    blatt=name,
                    erlaubt=erlaubt,
                )
            ]
        )
    if not daten.strip():
        raise StatistikUngueltig([fehler("Die Datei ist leer.", blatt=name, erlaubt=erlaubt)])
    try:
        text = daten.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(daten) - 3:
            text = daten[: e.start].decode("utf-8-sig")  # cut inside the last character: truncated, see below
        else:
            text = daten.decode("latin-1")
    for muster, beschreibung in (
        ("\ufffd", "Ersatzzeichen „\ufffd“ statt Umlauten"),
        (_KAPUTT, "doppelt umgewandelte Umlaute (z. B. „Ã¼“ statt „ü“)"),
    ):
        treffer = text.find(muster) if isinstance(muster, str) else (m.start() if (m := muster.search(text)) else -1)
        if treffer >= 0:
            zeile = text.count("\n", 0, treffer) + 1
            auszug = text[max(0, treffer - 20) : treffer + 20].splitlines()
            raise StatistikUngueltig(
                [
                    fehler(
                        f"Die Datei wurde mit falscher Zeichenkodierung gespeichert: Sie enthält {beschreibung}. "
                        "Bitte die Originaldatei aus der Regionaldatenbank verwenden, nicht eine in einem Editor "
                        "oder in Excel neu gespeicherte.",
                        blatt=name,
                        zeile=zeile,
                        wert=max(auszug, key=len) if auszug else "",
                        erlaubt=erlaubt,
                    )
                ]
            )
    return text


def _csv_zeilen(text: str, name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every record; quoted footers may span several lines."""
    leser = csv.reader(io.StringIO(text, newline=""), delimiter=";", quotechar='"')
    zeilen = []
    try:
        for zeile in leser:
            zeilen.append((leser.line_num, zeile))
    except csv.Error as e:
        raise StatistikUngueltig(
            [fehler(f"Die Datei ist als CSV nicht lesbar ({e}).", blatt=name, zeile=leser.line_num)]
        ) from None
    return zeilen


# --- values -------------------------------------------------------------------------------


def wert_und_zeichen(text: str, punkt_ist_dezimal: bool = False) -> tuple[float, str]:
    """A cell of official statistics: (value, sign). '-' is 0; '.', '...', '/', 'x' are NaN
    (keine Angabe); an unreadable cell is (NaN, '?')."""
    roh = " ".join(text.split())
    roh = _ZEICHEN_VARIANTEN.get(roh, roh)
    if roh == "-":
        return 0.0, "-"
    if roh in KEINE_ANGABE:
        return math.nan, roh
    if _ZAHL.fullmatch(roh):
        return float(roh.replace(",", ".")), ""
    if punkt_ist_dezimal and _ZAHL_PUNKT.fullmatch(roh):
        return float(roh), ""
    return math.nan, UNLESBAR


def _jahr_aus(text: str) -> int | None:
    text = text.strip()
    if _JAHR.fullmatch(text) or _DATUM.fullmatch(text):
        return int(text[-4:])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return int(text[:4])
    return None


def art_des_merkmals(teile: list[str], variierend: list[str]) -> str:
    """Which kind of value a column holds, from its label parts.

    A column counts only as the total over every breakdown: each varying part other than
    the one naming the measure must be "Insgesamt" (so "Afrika" or "männlich" are not used).
    """
    gefaltet = [t.casefold() for t in teile]
    for art, schluessel in (
        (QUOTE, ("quote",)),
        (EINBUERGERUNGEN, ("einbürgerung", "einbuergerung")),
        (AUSLAENDER, ("ausländer", "auslaender", "nichtdeutsch")),
    ):
        kern = next((t for t, g in zip(teile, gefaltet) if any(s in g for s in schluessel)), None)
        if kern is not None:
            rest = [v for v in variierend if v != kern]
            return art if all(v.casefold() in _INSGESAMT | _EINHEITEN for v in rest) else ""
    return ""


# --- the classic table CSV ----------------------------------------------------------------


def _fehler_abgeschnitten(name: str, zeile: int | None, was: str) -> StatistikUngueltig:
    return StatistikUngueltig(
        [
            fehler(
                f"Die Datei ist unvollständig – {was}. Vermutlich wurde sie beim Herunterladen oder Kopieren "
                "abgeschnitten.",
                blatt=name,
                zeile=zeile,
                erlaubt="die vollständige Datei mit dem Abschluss (Linie aus Unterstrichen, Quellenangabe, „Stand:“)",
            )
        ]
    )


def _lies_tabelle(zeilen: list[tuple[int, list[str]]], name: str) -> StatistikDatei:
    start = next(i for i, (_, z) in enumerate(zeilen) if any(c.strip() for c in z))
    tabelle = zeilen[start][1][0].split(":", 1)[1].strip()
    i, n = start + 1, len(zeilen)
    titelzeilen: list[str] = []
    while i < n and (not any(c.strip() for c in zeilen[i][1]) or not any(c.strip() for c in zeilen[i][1][1:])):
        if zeilen[i][1] and zeilen[i][1][0].strip():
            titelzeilen.append(zeilen[i][1][0].strip())
        i += 1
    kopf: list[list[str]] = []
    while i < n and not zeilen[i][1][0].strip():
        if any(c.strip() for c in zeilen[i][1]):
            kopf.append(zeilen[i][1])
        i += 1
    daten: list[tuple[int, list[str]]] = []
    while i < n and not (zeilen[i][1] and zeilen[i][1][0].strip().startswith("___")):
        if any(c.strip() for c in zeilen[i][1]):
            daten.append(zeilen[i])
        i += 1
    if not kopf:
        raise StatistikUngueltig(
            [
                fehler(
                    "Die Tabelle hat keine Kopfzeilen (Zeilen, die mit „;“ beginnen und die Spalten benennen).",
                    blatt=name,
                    erlaubt="die Tabelle so, wie die Regionaldatenbank sie als CSV liefert",
                )
            ]
        )
    if i >= n:
        letzte = daten[-1][0] if daten else None
        raise _fehler_abgeschnitten(name, letzte, "der Abschluss mit Quellenangabe und „Stand:“ fehlt")
    if not daten:
        raise StatistikUngueltig(
            [fehler("Die Tabelle enthält keine einzige Datenzeile.", blatt=name, erlaubt="mindestens eine Kreiszeile")]
        )
    fuss = [" ".join(" ".join(z).replace(";", " ").split()) for _, z in zeilen[i + 1 :]]
    stand = next((t for t in fuss if re.match(r"Stand: \d{2}\.\d{2}\.\d{4}", t)), "")
    if not stand:
        raise _fehler_abgeschnitten(name, zeilen[-1][0], "die Zeile „Stand: …“ am Ende fehlt")
    lizenz_text = next((t for t in fuss if "lizen" in t.casefold()), "")
    lizenz = lizenz_text[lizenz_text.find("Dieses Werk") :] if "Dieses Werk" in lizenz_text else lizenz_text
    urheber = next((t for t in fuss if t.startswith("©")), "")
    if urheber and "Dieses Werk" in urheber:
        urheber = urheber[: urheber.find("Dieses Werk")].strip()

    breite = max(len(z) for z in kopf)
    fuehrend = min(next((j for j, c in enumerate(z) if c.strip()), len(z)) for z in kopf)
    if fuehrend < 2:
        raise StatistikUngueltig(
            [
                fehler(
                    "Die Kopfzeilen der Tabelle sind nicht wie erwartet aufgebaut (vorn fehlen die leeren Felder für "
                    "Schlüssel und Name des Kreises).",
                    blatt=name,
                    erlaubt="die Tabelle so, wie die Regionaldatenbank sie als CSV liefert",
                )
            ]
        )
    spalten = range(fuehrend, breite)
    zellen = [[(z[j].strip() if j < len(z) else "") for j in spalten] for z in kopf]
    variiert = [len(set(reihe)) > 1 for reihe in zellen]
    spalten_info = []
    merkmale = []
    for k, _ in enumerate(spalten):
        teile, vari, zeit = [], [], None
        for r, reihe in enumerate(zellen):
            wert = reihe[k]
            if not wert:
                continue
            if _jahr_aus(wert) is not None:
                zeit = wert
                continue
            if not teile or teile[-1] != wert:
                teile.append(wert)
            if variiert[r]:
                vari.append(wert)
        spalten_info.append((teile, vari, zeit))
        merkmale.append(" | ".join(teile))

    datensaetze = []
    kurz = []
    arten: dict[tuple, str] = {}
    for nummer, zeile in daten:
        if len(zeile) < breite:
            kurz.append(nummer)
            continue
        dims = [c.strip() for c in zeile[:fuehrend]]
        code_index = next((j for j, c in enumerate(dims) if _GEBIETSCHLUESSEL.fullmatch(c)), None)
        if code_index is None:
            continue
        code = dims[code_index]
        kreisname = dims[code_index + 1] if code_index + 1 < len(dims) else ""
        zeit_zeile = next((c for c in dims if _jahr_aus(c) is not None), None)
        extra = [c for j, c in enumerate(dims) if c and j not in (code_index, code_index + 1) and c != zeit_zeile]
        for k, j in enumerate(spalten):
            teile, vari, zeit_spalte = spalten_info[k]
            schluessel = (k, *extra)
            art = arten.get(schluessel)
            if art is None:
                art = arten[schluessel] = art_des_merkmals(teile + extra, vari + extra)
            if not art:
                continue
            zeit = zeit_zeile or zeit_spalte
            if zeit is None:
                continue
            wert, zeichen = wert_und_zeichen(zeile[j])
            merkmal = " | ".join(teile + extra)
            datensaetze.append((code, kreisname, _jahr_aus(zeit), zeit, art, merkmal, wert, zeichen, nummer))
    if kurz:
        liste = ", ".join(str(z) for z in kurz[:_MAX_FEHLERZEILEN]) + (" …" if len(kurz) > _MAX_FEHLERZEILEN else "")
        raise _fehler_abgeschnitten(name, kurz[0], f"Zeile(n) {liste} haben weniger Felder als die Kopfzeilen")
    titel = " ".join(titelzeilen)
    titel = titel.split("regionale Tiefe")[0].strip(" -;") if titel else ""
    return StatistikDatei(
        dateiname=name,
        format=FORMAT_TABELLE,
        tabelle=tabelle,
        titel=titel,
        stand=stand,
        lizenz=lizenz,
        urheber=urheber,
        werte=_frame(datensaetze),
        merkmale=tuple(dict.fromkeys(m for m in merkmale if m)),
    )


def _frame(datensaetze: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(datensaetze, columns=SPALTEN)
    return frame.astype(
        {
            "kreis": "str",
            "name": "str",
            "jahr": "int64",
            "zeit": "str",
            "art": "str",
            "merkmal": "str",
            "wert": "float64",
            "zeichen": "str",
            "zeile": "int64",
        }
    )


# --- the flat file (ffcsv) ----------------------------------------------------------------


def _lies_flatfile(zeilen: list[tuple[int, list[str]]], name: str, ende_mit_zeilenumbruch: bool) -> StatistikDatei:
    kopf = [c.strip().lstrip("\ufeff") for c in zeilen[0][1]]
    index = {spalte: j for j, spalte in enumerate(kopf)}
    fehlend = [s for s in ("statistics_code", "time", "value") if s not in index]
    if fehlend:
        raise StatistikUngueltig(
            [
                fehler(
                    "Der Flatfile fehlen Spalten: " + ", ".join(fehlend) + ".",
                    blatt=name,
                    zeile=1,
                    erlaubt="die Spalten statistics_code;…;time;…;value;value_unit;… einer ffcsv-Datei",
                )
            ]
        )
    variablen = sorted(int(m.group(1)) for s in kopf if (m := re.fullmatch(r"(\d+)_variable_code", s)) is not None)
    rumpf = [(n, z) for n, z in zeilen[1:] if any(c.strip() for c in z)]
    if not rumpf:
        raise StatistikUngueltig(
            [fehler("Die Datei enthält keine einzige Datenzeile.", blatt=name, erlaubt="mindestens eine Kreiszeile")]
        )
    kurz = [n for n, z in rumpf if len(z) < len(kopf)]
    if not kurz and not ende_mit_zeilenumbruch and len(rumpf) > 1:
        letzte = rumpf[-1][1][-1].strip()
        if letzte not in {z[-1].strip() for _, z in rumpf[:-1]}:
            kurz = [rumpf[-1][0]]  # the last field was cut: its label appears nowhere else
    if kurz:
        liste = ", ".join(str(z) for z in kurz[:_MAX_FEHLERZEILEN]) + (" …" if len(kurz) > _MAX_FEHLERZEILEN else "")
        raise _fehler_abgeschnitten(name, kurz[0], f"Zeile(n) {liste} haben weniger Felder als die Kopfzeile")

    def feld(zeile: list[str], spalte: str) -> str:
        j = index.get(spalte)
        return zeile[j].strip() if j is not None else ""

    def ist_gebiet(v: int) -> bool:
        codes = {feld(z, f"{v}_variable_attribute_code") for _, z in rumpf[:200]}
        return bool(codes) and all(_GEBIETSCHLUESSEL.fullmatch(c) for c in codes)

    gebiet = next(
        (v for v in variablen if feld(rumpf[0][1], f"{v}_variable_code").upper() == "KREISE"),
        next((v for v in variablen if ist_gebiet(v)), None),
    )
    if gebiet is None:
        raise StatistikUngueltig(
            [
                fehler(
                    "Die Flatfile enthält keine Kreise (keine Variable mit Gebietsschlüsseln wie „08115“).",
                    blatt=name,
                    erlaubt="eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“",
                )
            ]
        )
    andere = [v for v in variablen if v != gebiet]
    punkt = True  # a flat file writes no thousands separators; "1.54" can only be a decimal
    datensaetze = []
    merkmale: dict[str, None] = {}
    for nummer, zeile in rumpf:
        mass = feld(zeile, "value_variable_label") or feld(zeile, "statistics_label")
        kategorien = [feld(zeile, f"{v}_variable_attribute_label") or "Insgesamt" for v in andere]
        teile = [mass, *kategorien]
        merkmal = " | ".join(t for t in teile if t)
        merkmale[merkmal] = None
        art = art_des_merkmals(teile, kategorien)
        zeit = feld(zeile, "time")
        jahr = _jahr_aus(zeit)
        if not art or jahr is None:
            continue
        wert, zeichen = wert_und_zeichen(feld(zeile, "value"), punkt)
        code = feld(zeile, f"{gebiet}_variable_attribute_code")
        kreisname = feld(zeile, f"{gebiet}_variable_attribute_label")
        datensaetze.append((code, kreisname, jahr, zeit, art, merkmal, wert, zeichen, nummer))
    treffer = _TABELLENCODE.search(name)
    statistik = feld(rumpf[0][1], "statistics_code")
    return StatistikDatei(
        dateiname=name,
        format=FORMAT_FLATFILE,
        tabelle=treffer.group(0) if treffer and treffer.group(0).startswith(statistik[:5]) else statistik,
        titel=feld(rumpf[0][1], "statistics_label"),
        stand="",
        lizenz="",
        urheber="",
        werte=_frame(datensaetze),
        merkmale=tuple(merkmale),
    )

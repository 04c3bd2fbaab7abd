"""The two formats of a Regionaldatenbank / GENESIS download, each read into a `StatistikDatei`.

- the classic table CSV (`lies_tabelle`): a title line "GENESIS-Tabelle: 12511-01-01-4", more
  title lines, several header lines starting with empty cells, Kreis names indented, then a
  line of underscores and a footer with notes, copyright, licence and "Stand: …";
- the flat file ffcsv (`lies_flatfile`): one value per row, columns
  `statistics_code;statistics_label;time_code;time_label;time;1_variable_code;…;value;
  value_unit;value_variable_code;value_variable_label`.
A file cut short (on download or copy) is refused, never read in part.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd

from ipdaten.amtlich.gruppensumme import Gruppensummen
from ipdaten.amtlich.statistikwerte import (
    StatistikDatei,
    StatistikUngueltig,
    art_des_merkmals,
    art_und_kern,
    jahr_aus,
    wert_und_zeichen,
)
from ipdaten.arbeitsmappe import fehler

FORMAT_TABELLE = "Tabelle (CSV)"
FORMAT_FLATFILE = "Flatfile (ffcsv)"
SPALTEN = ["kreis", "name", "jahr", "zeit", "art", "merkmal", "wert", "zeichen", "zeile"]

_GEBIETSCHLUESSEL = re.compile(r"DG|\d{2,3}|\d{5}(?:\d{3}|\d{7})?")
_TABELLENCODE = re.compile(r"\d{5}-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*?(?=_|\.|$)")
_MAX_FEHLERZEILEN = 5


# --- the classic table CSV ----------------------------------------------------------------


def fehler_abgeschnitten(name: str, zeile: int | None, was: str) -> StatistikUngueltig:
    """The refusal of a file that was cut short; `was` says what is missing."""
    return StatistikUngueltig(
        [
            fehler(
                "statistik.unvollstaendig",
                f"Die Datei ist unvollständig – {was}. Vermutlich wurde sie beim Herunterladen oder Kopieren "
                "abgeschnitten.",
                blatt=name,
                zeile=zeile,
                erlaubt="die vollständige Datei mit dem Abschluss (Linie aus Unterstrichen, Quellenangabe, „Stand:“)",
            )
        ]
    )


def _leer(zellen: list[str]) -> bool:
    return not any(c.strip() for c in zellen)


def lies_tabelle(zeilen: Iterator[tuple[int, list[str]]], name: str) -> StatistikDatei:
    """The classic table CSV from its (line number, cells) records, read one after the other
    (the first is the title line); only the usable values are kept."""
    _, erste = next(zeilen)
    tabelle = erste[0].split(":", 1)[1].strip()
    titelzeilen: list[str] = []
    kopf: list[list[str]] = []
    zeile: tuple[int, list[str]] | None = None
    for zeile in zeilen:  # title lines: empty, or text in the first cell only
        if not (_leer(zeile[1]) or _leer(zeile[1][1:])):
            break
        if zeile[1] and zeile[1][0].strip():
            titelzeilen.append(zeile[1][0].strip())
        zeile = None
    while zeile is not None and not (zeile[1] and zeile[1][0].strip()):  # header lines start with an empty cell
        if not _leer(zeile[1]):
            kopf.append(zeile[1])
        zeile = next(zeilen, None)
    if not kopf:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.keine_kopfzeilen",
                    "Die Tabelle hat keine Kopfzeilen (Zeilen, die mit „;“ beginnen und die Spalten benennen).",
                    blatt=name,
                    erlaubt="die Tabelle so, wie die Regionaldatenbank sie als CSV liefert",
                )
            ]
        )
    spalten = _Tabellenspalten(kopf)
    datensaetze: list[tuple[Any, ...]] = []
    kurz: list[int] = []
    letzte_daten: int | None = None
    while zeile is not None and not (zeile[1] and zeile[1][0].strip().startswith("___")):
        if not _leer(zeile[1]):
            letzte_daten = zeile[0]
            if spalten.gueltig:
                spalten.lies(zeile, datensaetze, kurz)
        zeile = next(zeilen, None)
    if zeile is None:
        raise fehler_abgeschnitten(name, letzte_daten, "der Abschluss mit Quellenangabe und „Stand:“ fehlt")
    if letzte_daten is None:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.keine_datenzeile",
                    "Die Tabelle enthält keine einzige Datenzeile.",
                    blatt=name,
                    erlaubt="mindestens eine Kreiszeile",
                )
            ]
        )
    stand = lizenz_text = urheber = ""
    letzte = zeile[0]
    for zeile in zeilen:  # the footer: only the first stand, licence and copyright lines are kept
        letzte = zeile[0]
        text = " ".join(" ".join(zeile[1]).replace(";", " ").split())
        if not stand and re.match(r"Stand: \d{2}\.\d{2}\.\d{4}", text):
            stand = text
        if not lizenz_text and "lizen" in text.casefold():
            lizenz_text = text
        if not urheber and text.startswith("©"):
            urheber = text
    if not stand:
        raise fehler_abgeschnitten(name, letzte, "die Zeile „Stand: …“ am Ende fehlt")
    lizenz = lizenz_text[lizenz_text.find("Dieses Werk") :] if "Dieses Werk" in lizenz_text else lizenz_text
    if urheber and "Dieses Werk" in urheber:
        urheber = urheber[: urheber.find("Dieses Werk")].strip()
    if not spalten.gueltig:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.kopfzeilen_unerwartet",
                    "Die Kopfzeilen der Tabelle sind nicht wie erwartet aufgebaut (vorn fehlen die leeren Felder für "
                    "Schlüssel und Name des Kreises).",
                    blatt=name,
                    erlaubt="die Tabelle so, wie die Regionaldatenbank sie als CSV liefert",
                )
            ]
        )
    if kurz:
        liste = ", ".join(str(z) for z in kurz[:_MAX_FEHLERZEILEN]) + (" …" if len(kurz) > _MAX_FEHLERZEILEN else "")
        raise fehler_abgeschnitten(name, kurz[0], f"Zeile(n) {liste} haben weniger Felder als die Kopfzeilen")
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
        merkmale=tuple(dict.fromkeys(m for m in spalten.merkmale if m)),
    )


class _Tabellenspalten:
    """What the header lines of a table say about each column, and reading one data row with it."""

    def __init__(self, kopf: list[list[str]]):
        self.breite = max(len(z) for z in kopf)
        self.fuehrend = min(next((j for j, c in enumerate(z) if c.strip()), len(z)) for z in kopf)
        self.gueltig = self.fuehrend >= 2
        self.spalten = range(self.fuehrend, self.breite)
        zellen = [[(z[j].strip() if j < len(z) else "") for j in self.spalten] for z in kopf]
        variiert = [len(set(reihe)) > 1 for reihe in zellen]
        self.info: list[tuple[list[str], list[str], str | None]] = []
        self.merkmale: list[str] = []
        for k, _ in enumerate(self.spalten):
            teile: list[str] = []
            vari: list[str] = []
            zeit: str | None = None
            for r, reihe in enumerate(zellen):
                wert = reihe[k]
                if not wert:
                    continue
                if jahr_aus(wert) is not None:
                    zeit = wert
                    continue
                if not teile or teile[-1] != wert:
                    teile.append(wert)
                if variiert[r]:
                    vari.append(wert)
            self.info.append((teile, vari, zeit))
            self.merkmale.append(" | ".join(teile))
        self._arten: dict[tuple[Any, ...], str] = {}

    def lies(self, zeile: tuple[int, list[str]], datensaetze: list[tuple[Any, ...]], kurz: list[int]) -> None:
        """Add the usable values of one data row; a row shorter than the header goes to `kurz`."""
        nummer, zellen = zeile
        if len(zellen) < self.breite:
            kurz.append(nummer)
            return
        dims = [c.strip() for c in zellen[: self.fuehrend]]
        code_index = next((j for j, c in enumerate(dims) if _GEBIETSCHLUESSEL.fullmatch(c)), None)
        if code_index is None:
            return
        code = dims[code_index]
        kreisname = dims[code_index + 1] if code_index + 1 < len(dims) else ""
        zeit_zeile = next((c for c in dims if jahr_aus(c) is not None), None)
        extra = [c for j, c in enumerate(dims) if c and j not in (code_index, code_index + 1) and c != zeit_zeile]
        for k, j in enumerate(self.spalten):
            teile, vari, zeit_spalte = self.info[k]
            schluessel = (k, *extra)
            art = self._arten.get(schluessel)
            if art is None:
                art = self._arten[schluessel] = art_des_merkmals(teile + extra, vari + extra)
            if not art:
                continue
            zeit = zeit_zeile or zeit_spalte
            if zeit is None:
                continue
            wert, zeichen = wert_und_zeichen(zellen[j])
            merkmal = " | ".join(teile + extra)
            datensaetze.append((code, kreisname, jahr_aus(zeit), zeit, art, merkmal, wert, zeichen, nummer))


def _frame(datensaetze: list[tuple[Any, ...]]) -> pd.DataFrame:
    """The usable values as a frame; the texts, repeated in every row, as categories (a 20 MB file's
    values took 30 MB as text, 5 MB as categories)."""
    frame = pd.DataFrame(datensaetze, columns=SPALTEN)
    return frame.astype(
        {
            "kreis": "category",
            "name": "category",
            "jahr": "int64",
            "zeit": "category",
            "art": "category",
            "merkmal": "category",
            "wert": "float64",
            "zeichen": "category",
            "zeile": "int64",
        }
    )


# --- the flat file (ffcsv) ----------------------------------------------------------------


def lies_flatfile(zeilen: Iterator[tuple[int, list[str]]], name: str, ende_mit_zeilenumbruch: bool) -> StatistikDatei:
    """The flat file (ffcsv) from its (line number, cells) records, read one after the other (the
    first is the header); `ende_mit_zeilenumbruch` helps tell a cut last line."""
    kopf = [c.strip().lstrip("\ufeff") for c in next(zeilen)[1]]
    index = {spalte: j for j, spalte in enumerate(kopf)}
    fehlend = [s for s in ("statistics_code", "time", "value") if s not in index]
    if fehlend:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.flatfile_spalten_fehlen",
                    "Der Flatfile fehlen Spalten: " + ", ".join(fehlend) + ".",
                    blatt=name,
                    zeile=1,
                    erlaubt="die Spalten statistics_code;…;time;…;value;value_unit;… einer ffcsv-Datei",
                )
            ]
        )
    variablen = sorted(int(m.group(1)) for s in kopf if (m := re.fullmatch(r"(\d+)_variable_code", s)) is not None)
    rumpf = (z for z in zeilen if not _leer(z[1]))
    vorne = list(itertools.islice(rumpf, 200))  # enough to tell which variable holds the areas
    if not vorne:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.keine_datenzeile",
                    "Die Datei enthält keine einzige Datenzeile.",
                    blatt=name,
                    erlaubt="mindestens eine Kreiszeile",
                )
            ]
        )

    def feld(zeile: list[str], spalte: str) -> str:
        j = index.get(spalte)
        return zeile[j].strip() if j is not None else ""

    def ist_gebiet(v: int) -> bool:
        codes = {feld(z, f"{v}_variable_attribute_code") for _, z in vorne}
        return bool(codes) and all(_GEBIETSCHLUESSEL.fullmatch(c) for c in codes)

    erste = vorne[0][1]
    gebiet = next(
        (v for v in variablen if feld(erste, f"{v}_variable_code").upper() == "KREISE"),
        next((v for v in variablen if ist_gebiet(v)), None),
    )
    andere = [v for v in variablen if v != gebiet]
    punkt = True  # a flat file writes no thousands separators; "1.54" can only be a decimal
    datensaetze: list[tuple[Any, ...]] = []
    merkmale: dict[str, None] = {}
    kurz: list[int] = []
    letzte_felder: set[str] = set()  # to tell a cut last field, when the file does not end with a line break
    letzte: tuple[int, list[str]] | None = None
    arten: dict[tuple[str, tuple[str, ...]], tuple[str, str, tuple[str, str | None]]] = {}
    gruppen = Gruppensummen()
    for nummer, zeile in itertools.chain(vorne, rumpf):
        if letzte is not None and not ende_mit_zeilenumbruch:
            letzte_felder.add(letzte[1][-1].strip())
        letzte = (nummer, zeile)
        if len(zeile) < len(kopf):
            kurz.append(nummer)
            continue
        if gebiet is None or kurz:
            continue  # refused below; read on only to name every short line
        mass = feld(zeile, "value_variable_label") or feld(zeile, "statistics_label")
        kategorien = tuple(feld(zeile, f"{v}_variable_attribute_label") or "Insgesamt" for v in andere)
        bekannt = arten.get((mass, kategorien))
        if bekannt is None:  # a file repeats a few combinations many times
            teile = [mass, *kategorien]
            bekannt = arten[(mass, kategorien)] = (
                " | ".join(t for t in teile if t),
                art_des_merkmals(teile, [*kategorien]),
                art_und_kern(teile),
            )
        merkmal, art, (gruppe, kern) = bekannt
        merkmale[merkmal] = None
        zeit = feld(zeile, "time")
        jahr = jahr_aus(zeit)
        if jahr is not None and not art and kern is not None:
            # A group of a kind of value, not its total: summed, used when the file has no total.
            code = feld(zeile, f"{gebiet}_variable_attribute_code")
            ort = (code, feld(zeile, f"{gebiet}_variable_attribute_label"), jahr, zeit, nummer)
            bezeichnungen = tuple(feld(zeile, f"{v}_variable_label") for v in andere)
            gruppen.zaehle(gruppe, mass, kern, bezeichnungen, kategorien, ort, feld(zeile, "value"), punkt)
        if not art or jahr is None:
            continue
        gruppen.insgesamt_gesehen(art)
        wert, zeichen = wert_und_zeichen(feld(zeile, "value"), punkt)
        code = feld(zeile, f"{gebiet}_variable_attribute_code")
        kreisname = feld(zeile, f"{gebiet}_variable_attribute_label")
        datensaetze.append((code, kreisname, jahr, zeit, art, merkmal, wert, zeichen, nummer))
    if not kurz and letzte is not None and letzte_felder and letzte[1][-1].strip() not in letzte_felder:
        kurz = [letzte[0]]  # the last field was cut: its label appears nowhere else
    if kurz:
        liste = ", ".join(str(z) for z in kurz[:_MAX_FEHLERZEILEN]) + (" …" if len(kurz) > _MAX_FEHLERZEILEN else "")
        raise fehler_abgeschnitten(name, kurz[0], f"Zeile(n) {liste} haben weniger Felder als die Kopfzeile")
    if gebiet is None:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.flatfile_ohne_kreise",
                    "Die Flatfile enthält keine Kreise (keine Variable mit Gebietsschlüsseln wie „08115“).",
                    blatt=name,
                    erlaubt="eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“",
                )
            ]
        )
    summen, hinweise = gruppen.ergebnis()
    datensaetze += summen
    treffer = _TABELLENCODE.search(name)
    statistik = feld(erste, "statistics_code")
    return StatistikDatei(
        dateiname=name,
        format=FORMAT_FLATFILE,
        tabelle=treffer.group(0) if treffer and treffer.group(0).startswith(statistik[:5]) else statistik,
        titel=feld(erste, "statistics_label"),
        stand="",
        lizenz="",
        urheber="",
        werte=_frame(datensaetze),
        merkmale=tuple(merkmale),
        hinweise=tuple(hinweise),
    )

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

import re

import pandas as pd

from ipdaten.amtlich.statistikwerte import (
    StatistikDatei,
    StatistikUngueltig,
    art_des_merkmals,
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


def lies_tabelle(zeilen: list[tuple[int, list[str]]], name: str) -> StatistikDatei:
    """The classic table CSV from its (line number, cells) records."""
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
                    "statistik.keine_kopfzeilen",
                    "Die Tabelle hat keine Kopfzeilen (Zeilen, die mit „;“ beginnen und die Spalten benennen).",
                    blatt=name,
                    erlaubt="die Tabelle so, wie die Regionaldatenbank sie als CSV liefert",
                )
            ]
        )
    if i >= n:
        letzte = daten[-1][0] if daten else None
        raise fehler_abgeschnitten(name, letzte, "der Abschluss mit Quellenangabe und „Stand:“ fehlt")
    if not daten:
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
    fuss = [" ".join(" ".join(z).replace(";", " ").split()) for _, z in zeilen[i + 1 :]]
    stand = next((t for t in fuss if re.match(r"Stand: \d{2}\.\d{2}\.\d{4}", t)), "")
    if not stand:
        raise fehler_abgeschnitten(name, zeilen[-1][0], "die Zeile „Stand: …“ am Ende fehlt")
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
                    "statistik.kopfzeilen_unerwartet",
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
            if jahr_aus(wert) is not None:
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
        zeit_zeile = next((c for c in dims if jahr_aus(c) is not None), None)
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
            datensaetze.append((code, kreisname, jahr_aus(zeit), zeit, art, merkmal, wert, zeichen, nummer))
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


def lies_flatfile(zeilen: list[tuple[int, list[str]]], name: str, ende_mit_zeilenumbruch: bool) -> StatistikDatei:
    """The flat file (ffcsv) from its (line number, cells) records; `ende_mit_zeilenumbruch` helps tell a cut last line."""
    kopf = [c.strip().lstrip("\ufeff") for c in zeilen[0][1]]
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
    rumpf = [(n, z) for n, z in zeilen[1:] if any(c.strip() for c in z)]
    if not rumpf:
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
    kurz = [n for n, z in rumpf if len(z) < len(kopf)]
    if not kurz and not ende_mit_zeilenumbruch and len(rumpf) > 1:
        letzte = rumpf[-1][1][-1].strip()
        if letzte not in {z[-1].strip() for _, z in rumpf[:-1]}:
            kurz = [rumpf[-1][0]]  # the last field was cut: its label appears nowhere else
    if kurz:
        liste = ", ".join(str(z) for z in kurz[:_MAX_FEHLERZEILEN]) + (" …" if len(kurz) > _MAX_FEHLERZEILEN else "")
        raise fehler_abgeschnitten(name, kurz[0], f"Zeile(n) {liste} haben weniger Felder als die Kopfzeile")

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
                    "statistik.flatfile_ohne_kreise",
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
        jahr = jahr_aus(zeit)
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

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

This module turns the bytes into CSV records and picks the format; the formats are read in
`statistik_formate`, the model and the rules for one value live in `statistikwerte`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from ipdaten.amtlich.statistik_formate import lies_flatfile, lies_tabelle
from ipdaten.amtlich.statistikwerte import StatistikDatei, StatistikUngueltig
from ipdaten.arbeitsmappe import MAX_DATEI_BYTES, fehler

_KAPUTT = re.compile("Ã[\u0080-\u00bf]")


def lies_statistik(daten: bytes, dateiname: str) -> StatistikDatei:
    """Read a downloaded table in either format; raises StatistikUngueltig with German findings."""
    name = dateiname or "Datei"
    daten = _entpacke(daten, name)
    text = _dekodiere(daten, name)
    zeilen = _csv_zeilen(text, name)
    erste = next((z for _, z in zeilen if any(c.strip() for c in z)), [])
    kopf = erste[0].strip() if erste else ""
    if kopf.startswith("GENESIS-Tabelle:"):
        return lies_tabelle(zeilen, name)
    if kopf.lstrip("\ufeff") == "statistics_code":
        return lies_flatfile(zeilen, name, text.endswith(("\n", "\r")))
    raise StatistikUngueltig(
        [
            fehler(
                "statistik.unbekanntes_format",
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
                    "statistik.zu_gross",
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
            raise StatistikUngueltig([fehler("statistik.zip_ungueltig", hinweis, blatt=name)])
        with archiv.open(csvs[0]) as teil:
            inhalt = teil.read(MAX_DATEI_BYTES + 1)
        if len(inhalt) > MAX_DATEI_BYTES:
            raise StatistikUngueltig([fehler("statistik.zip_ungueltig", hinweis, blatt=name)])
        return inhalt
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError):
        raise StatistikUngueltig([fehler("statistik.zip_ungueltig", hinweis, blatt=name)]) from None


def _dekodiere(daten: bytes, name: str) -> str:
    """Text of the file: UTF-8 (with or without BOM) when it is valid UTF-8, else Latin-1."""
    erlaubt = (
        "die Datei so, wie sie aus der Regionaldatenbank heruntergeladen wurde (CSV in Latin-1 oder ffcsv in UTF-8)"
    )
    if daten.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in daten[:4096]:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.utf16",
                    "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert, vermutlich von Excel. So kann sie nicht "
                    "gelesen werden.",
                    blatt=name,
                    erlaubt=erlaubt,
                )
            ]
        )
    if not daten.strip():
        raise StatistikUngueltig([fehler("statistik.leer", "Die Datei ist leer.", blatt=name, erlaubt=erlaubt)])
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
                        "statistik.zeichenkodierung",
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
            [
                fehler(
                    "statistik.csv_unlesbar",
                    f"Die Datei ist als CSV nicht lesbar ({e}).",
                    blatt=name,
                    zeile=leser.line_num,
                )
            ]
        ) from None
    return zeilen

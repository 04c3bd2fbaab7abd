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
`statistik_formate`, the model and the rules for one value live in `statistikwerte`. The text is
checked, decoded and split into records as a stream: besides the file's bytes (at most 20 MB,
read no further from a file) memory holds one piece of text and the values kept, never the whole
text or every record (four uploads of a 19,5 MB file held 656 MB before).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import os
import re
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from ipdaten.amtlich.statistik_formate import lies_flatfile, lies_tabelle
from ipdaten.amtlich.statistikwerte import StatistikDatei, StatistikUngueltig
from ipdaten.arbeitsmappe import MAX_DATEI_BYTES, fehler

_KAPUTT = re.compile("Ã[\u0080-\u00bf]")
STUECK = 1 << 20
Zeilen = Iterator[tuple[int, list[str]]]


def lies_statistik(quelle: bytes | BinaryIO, dateiname: str) -> StatistikDatei:
    """Read a downloaded table in either format; raises StatistikUngueltig with German findings.

    `quelle` is the file's bytes or an open binary file, of which at most the size bound is read.
    """
    name = dateiname or "Datei"
    daten = _entpacke(_begrenzt(quelle, name), name)
    kodierung, laenge = _kodierung(daten, name)
    zeilen = _csv_zeilen(daten, kodierung, laenge, name)
    erste = next((z for z in zeilen if any(c.strip() for c in z[1])), None)
    kopf = erste[1][0].strip() if erste and erste[1] else ""
    if erste is not None and kopf.startswith("GENESIS-Tabelle:"):
        return lies_tabelle(itertools.chain([erste], zeilen), name)
    if erste is not None and kopf.lstrip("\ufeff") == "statistics_code":
        return lies_flatfile(itertools.chain([erste], zeilen), name, daten[:laenge].endswith((b"\n", b"\r")))
    raise StatistikUngueltig(
        [
            fehler(
                "statistik.unbekanntes_format",
                "Die Datei ist keine Tabelle der Regionaldatenbank bzw. von GENESIS.",
                blatt=name,
                zeile=erste[0] if erste else 1,
                wert=(";".join(erste[1])[:80] if erste else "(leer)"),
                erlaubt="eine als „CSV“ heruntergeladene Tabelle (erste Zeile „GENESIS-Tabelle: …“) oder eine "
                "Flatfile „ffcsv“ (erste Zeile „statistics_code;…“)",
            )
        ]
    )


# --- bytes to text ------------------------------------------------------------------------


def _zu_gross(name: str, groesse: str) -> StatistikUngueltig:
    return StatistikUngueltig(
        [
            fehler(
                "statistik.zu_gross",
                f"Die Datei ist zu groß ({groesse}).",
                blatt=name,
                erlaubt=f"höchstens {MAX_DATEI_BYTES // (1024 * 1024)} MB; in der Regionaldatenbank nur die "
                "benötigten Jahre und die Kreise auswählen",
            )
        ]
    )


def _begrenzt(quelle: bytes | BinaryIO, name: str) -> bytes:
    """The file's bytes; from an open file at most one byte more than the bound is read."""
    if isinstance(quelle, (bytes, bytearray, memoryview)):
        daten = bytes(quelle)
        if len(daten) > MAX_DATEI_BYTES:
            raise _zu_gross(name, f"{len(daten) // (1024 * 1024)} MB")
        return daten
    daten = quelle.read(MAX_DATEI_BYTES + 1)
    if len(daten) > MAX_DATEI_BYTES:
        try:
            groesse = f"{os.fstat(quelle.fileno()).st_size // (1024 * 1024)} MB"
        except (OSError, AttributeError, io.UnsupportedOperation):
            groesse = f"über {MAX_DATEI_BYTES // (1024 * 1024)} MB"
        raise _zu_gross(name, groesse)
    return daten


def _entpacke(daten: bytes, name: str) -> bytes:
    """The bytes of the table; a ZIP with exactly one CSV (as the download API sends it) is opened."""
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


_ERLAUBT = "die Datei so, wie sie aus der Regionaldatenbank heruntergeladen wurde (CSV in Latin-1 oder ffcsv in UTF-8)"


def _kodierung(daten: bytes, name: str) -> tuple[str, int]:
    """(encoding, bytes to read): UTF-8 (with or without BOM) when the bytes are valid UTF-8, else
    Latin-1; a file cut inside its last UTF-8 character is read without it (refused later as cut).
    Checked piece by piece; refuses UTF-16, an empty file and text that shows a wrong conversion."""
    if daten.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in daten[:4096]:
        raise StatistikUngueltig(
            [
                fehler(
                    "statistik.utf16",
                    "Die Datei ist in UTF-16 („Unicode-Text“) gespeichert, vermutlich von Excel. So kann sie nicht "
                    "gelesen werden.",
                    blatt=name,
                    erlaubt=_ERLAUBT,
                )
            ]
        )
    if re.search(rb"\S", daten) is None:
        raise StatistikUngueltig([fehler("statistik.leer", "Die Datei ist leer.", blatt=name, erlaubt=_ERLAUBT)])
    kodierung, laenge = "utf-8-sig", len(daten)
    leser = codecs.getincrementaldecoder("utf-8")()
    try:
        for anfang in range(0, len(daten), STUECK):
            leser.decode(daten[anfang : anfang + STUECK])
    except UnicodeDecodeError:
        kodierung = "latin-1"
    else:
        rest = leser.getstate()[0]
        if rest:  # cut inside the last character: an incomplete file, refused by the format reader
            laenge -= len(rest)
    _pruefe_zeichen(daten, kodierung, laenge, name)
    return kodierung, laenge


def _texte(daten: bytes, kodierung: str, laenge: int) -> Iterator[str]:
    """The text of `daten[:laenge]`, decoded piece by piece."""
    leser = codecs.getincrementaldecoder(kodierung)()
    for anfang in range(0, laenge, STUECK):
        yield leser.decode(daten[anfang : min(anfang + STUECK, laenge)], final=anfang + STUECK >= laenge)


def _pruefe_zeichen(daten: bytes, kodierung: str, laenge: int, name: str) -> None:
    """Refuse text that shows it was saved with a wrong encoding (replacement characters, or
    umlauts converted twice), naming the line of the first one."""
    zeilen_davor, rand = 0, ""
    for stueck in _texte(daten, kodierung, laenge):
        fenster = rand + stueck
        for muster, beschreibung in (
            ("\ufffd", "Ersatzzeichen „\ufffd“ statt Umlauten"),
            (_KAPUTT, "doppelt umgewandelte Umlaute (z. B. „Ã¼“ statt „ü“)"),
        ):
            treffer = (
                fenster.find(muster)
                if isinstance(muster, str)
                else (m.start() if (m := muster.search(fenster)) else -1)
            )
            if treffer >= 0:
                zeile = zeilen_davor - rand.count("\n") + fenster.count("\n", 0, treffer) + 1
                auszug = fenster[max(0, treffer - 20) : treffer + 20].splitlines()
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
                            erlaubt=_ERLAUBT,
                        )
                    ]
                )
        zeilen_davor += stueck.count("\n")
        rand = fenster[-40:]


def _csv_zeilen(daten: bytes, kodierung: str, laenge: int, name: str) -> Zeilen:
    """(line number, cells) of every record, one after the other; quoted footers may span several lines."""
    quelle = io.BytesIO(daten if laenge == len(daten) else daten[:laenge])
    leser = csv.reader(io.TextIOWrapper(quelle, encoding=kodierung, newline=""), delimiter=";", quotechar='"')
    try:
        for zeile in leser:
            yield leser.line_num, zeile
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

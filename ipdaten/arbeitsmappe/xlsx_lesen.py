"""Raw reading of an xlsx workbook: cell values, merged ranges, percent formats, formulas.

Values come from python-calamine (about 8× faster than openpyxl). Calamine does not expose
number formats or formula cells, so those few facts are read from the workbook's XML
directly, with defusedxml for the small parts and a byte search for the large sheets.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import python_calamine
from defusedxml import ElementTree as SicheresXml

from ipdaten.arbeitsmappe.blattliste import NS_HAUPT, blattliste, xml_elemente
from ipdaten.fehler import IpdatenFehler

_ZELLE = re.compile(rb"<c\s([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_R = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ATTR_S = re.compile(rb'\bs="(\d+)"')
_FORMEL = re.compile(rb"<f[\s>/]")
_WERT = re.compile(rb"<v>[^<]+</v>")
MAX_ZELLEN = 1_000_000
MAX_ZELLEN_GESAMT = 2 * MAX_ZELLEN  # all sheets read from one upload together
MAX_SPALTEN = 16_384  # Excel's last column, XFD
_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


class LesefehlerArbeitsmappe(IpdatenFehler):
    """The container looked like xlsx, but its content could not be read."""


class ZuVieleSpaltenangaben(LesefehlerArbeitsmappe):
    """A sheet lists more `<col>` ranges than Excel has columns (Excel writes disjoint ranges)."""

    def __init__(self, blatt: str, anzahl: int):
        self.blatt, self.anzahl = blatt, anzahl
        super().__init__(f"{blatt}: mehr als {anzahl} Spaltenangaben")


class MappeZuGross(LesefehlerArbeitsmappe):
    """The sheets of a workbook together span more cells than the loader accepts per upload."""

    def __init__(self, blaetter: int, zellen: int):
        self.blaetter, self.zellen = blaetter, zellen
        super().__init__(f"{blaetter} Blätter mit zusammen {zellen} Zellen")


class BlattZuGross(LesefehlerArbeitsmappe):
    """A sheet's cells span more rows × columns than the loader accepts."""

    def __init__(self, blatt: str, zeilen: int, spalten: int):
        self.blatt, self.zeilen, self.spalten = blatt, zeilen, spalten
        super().__init__(f"{blatt}: {zeilen} Zeilen × {spalten} Spalten")


@dataclass
class RohBlatt:
    """One sheet as read: rows from A1 (0-based) and the facts calamine does not give."""

    name: str
    zeilen: list[list[Any]]
    zusammengefasst: list[tuple[int, int, int, int]] = field(default_factory=list)
    xml_pfad: str = ""
    xml: bytes = b""
    zeilennummern: list[int] | None = None  # Excel row of each row, when rows were reshaped (else index + 1)
    umgeformt: frozenset[int] = frozenset()  # columns a reshaping read into another (ticks, counts)


@dataclass
class ZellenMeta:
    """Facts about cells calamine does not give, as (row, column) from 0."""

    prozent: set[tuple[int, int]] = field(default_factory=set)
    formeln: list[tuple[int, int]] = field(default_factory=list)
    ohne_wert: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class RohMappe:
    """A whole workbook as read."""

    blaetter: dict[str, RohBlatt]
    archiv: zipfile.ZipFile
    neu_berechnen_beim_oeffnen: bool = False
    alle_blaetter: tuple[str, ...] = ()
    prozent_stile: set[int] = field(default_factory=set)  # cell styles showing a percentage

    def zellen_meta(self, blatt: RohBlatt) -> ZellenMeta:
        """Percent-formatted cells and formula cells of a sheet (0-based row, column).

        Scans the sheet's XML once; only called for sheets that need it.
        """
        meta = ZellenMeta()
        if not blatt.xml_pfad:
            return meta
        xml = blatt.xml
        stile = self.prozent_stile
        if not stile and not _FORMEL.search(xml):
            return meta
        for treffer in _ZELLE.finditer(xml):
            attrs, inhalt = treffer.group(1), treffer.group(2) or b""
            ort = _ATTR_R.search(attrs)
            if not ort:
                continue
            zelle = (int(ort.group(2)) - 1, _spalten_index(ort.group(1)))
            stil = _ATTR_S.search(attrs)
            if stil and int(stil.group(1)) in stile:
                meta.prozent.add(zelle)
            if _FORMEL.search(inhalt):
                meta.formeln.append(zelle)
                if not _WERT.search(inhalt) and b't="str"' not in attrs:
                    meta.ohne_wert.append(zelle)
        return meta

    def hat_formeln(self, blatt: RohBlatt) -> bool:
        """Whether the sheet contains any formula (a cheap byte search)."""
        return _FORMEL.search(blatt.xml) is not None


def _spalten_index(buchstaben: bytes) -> int:
    index = 0
    for b in buchstaben:
        index = index * 26 + (b - 64)
    return index - 1


def _lies_prozent_stile(archiv: zipfile.ZipFile) -> set[int]:
    if "xl/styles.xml" not in archiv.namelist():
        return set()
    eigene: dict[int, bool] = {}
    stile: set[int] = set()
    index = 0
    for tag, a, eltern in xml_elemente(archiv, "xl/styles.xml", {f"{NS_HAUPT}numFmt", f"{NS_HAUPT}xf"}):
        if tag == f"{NS_HAUPT}numFmt":
            eigene[int(a.get("numFmtId", "0"))] = "%" in _FORMAT_TEXT.sub("", a.get("formatCode", ""))
        elif eltern == f"{NS_HAUPT}cellXfs":
            fmt_id = int(a.get("numFmtId", "0"))
            if fmt_id in (9, 10) or eigene.get(fmt_id, False):
                stile.add(index)
            index += 1
    return stile


def _blatt_pfade(archiv: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    blaetter, neu = blattliste(archiv)
    return {b.name: b.pfad for b in blaetter if b.pfad}, neu


def _pruefe_und_setze_fehlerwerte(zeilen: list[list[Any]], xml: bytes, pfad: str) -> None:
    """Check that the sheet's XML is complete, then put Excel error values (#DIV/0!, #NV …) into the rows; calamine reads them as empty.

    A finding then shows what Excel shows instead of calling the cell empty.
    """
    if not pfad:
        return
    if not re.search(rb"</(?:\w+:)?worksheet>\s*$", xml[-200:]):
        raise LesefehlerArbeitsmappe(f"{pfad}: unvollständiges XML")  # calamine reads a cut-off sheet silently
    if b't="e"' not in xml:
        return
    for treffer in _ZELLE.finditer(xml):
        attrs, inhalt = treffer.group(1), treffer.group(2) or b""
        ort = _ATTR_R.search(attrs)
        code = _WERT.search(inhalt)
        if b't="e"' not in attrs or not ort or not code:
            continue
        zeile, spalte = int(ort.group(2)) - 1, _spalten_index(ort.group(1))
        if zeile < len(zeilen) and spalte < len(zeilen[zeile]):
            zeilen[zeile][spalte] = code.group(0)[3:-4].decode("utf-8", "replace")


# Streaming count of a sheet's span (before calamine, which allocates the span densely).
_Z_WERT = re.compile(
    rb'<c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?<!/)>\s*(?:<f\b[^>]*?(?:/>|>[^<]*</f>)\s*)?<(?:v>[^<]|is\b)'
)
_Z_START = re.compile(rb"<c[\s>/]")
_Z_MIT_R = re.compile(rb'<c\s[^>]*?\br="[A-Z]{1,3}[0-9]{1,7}"')
_R_START = re.compile(rb"<row[\s>/]")
_R_MIT_R = re.compile(rb'<row\s[^>]*?\br="([0-9]{1,7})"')
_SPALTENANGABE = re.compile(rb"<col[\s/>]")
STUECK_BYTES = 1 << 20
MAX_REST_BYTES = 4 << 20  # one cell's XML; a real one stays far below (32 767 characters of text)


class _Ausdehnung:
    """Rows × columns that calamine would allocate for a sheet, counted piece by piece.

    The span of the cells that hold a value (calamine ignores empty formatted cells); cells
    without `r` take their position from their neighbours, so each may add a row and a column.
    Memory: one piece of XML, never a list of cells (2,5 million cells made lists of 900 MB).
    """

    def __init__(self) -> None:
        self.max_zeile = self.max_spalte = self.max_zeile_r = 0
        self.zellen = self.zellen_mit_r = self.zeilen = self.zeilen_mit_r = self.spaltenangaben = 0

    def zaehle(self, xml: bytes) -> None:
        """Count the cells of a piece that ends before a cell's start tag (or at the end)."""
        for treffer in _Z_WERT.finditer(xml):
            self.max_zeile = max(self.max_zeile, int(treffer.group(2)))
            self.max_spalte = max(self.max_spalte, _spalten_index(treffer.group(1)) + 1)
        self.zellen += sum(1 for _ in _Z_START.finditer(xml))
        self.zellen_mit_r += sum(1 for _ in _Z_MIT_R.finditer(xml))
        self.zeilen += sum(1 for _ in _R_START.finditer(xml))
        self.spaltenangaben += sum(1 for _ in _SPALTENANGABE.finditer(xml))
        for treffer in _R_MIT_R.finditer(xml):
            self.zeilen_mit_r += 1
            self.max_zeile_r = max(self.max_zeile_r, int(treffer.group(1)))

    def ergebnis(self) -> tuple[int, int]:
        """(rows, columns) so far."""
        ohne_r = self.zellen - self.zellen_mit_r
        ohne_r_zeilen = self.zeilen - self.zeilen_mit_r
        max_zeile = max(self.max_zeile, self.max_zeile_r if ohne_r > 0 else 0)
        return max_zeile + ohne_r_zeilen + ohne_r, self.max_spalte + ohne_r


def _pruefe_ausdehnung(name: str, teil: IO[bytes]) -> int:
    """Refuse a sheet whose cell range would not fit in memory (calamine allocates it densely),
    reading its XML piece by piece from the open zip member `teil` and stopping at the bound.

    One value in cell XFD1048576 of an 8 KB file would otherwise make calamine request 500 GB
    and abort the whole process. Returns the cells (rows × columns) calamine will allocate.
    """
    zaehler = _Ausdehnung()
    rest = b""
    while True:
        stueck = teil.read(STUECK_BYTES)
        puffer = rest + stueck
        if stueck:
            # Cut before the last cell's start tag: a cell is never split between two pieces.
            schnitt = max(puffer.rfind(b"<c" + z) for z in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
            if schnitt < 0:
                schnitt = puffer.rfind(b"<")  # no cell here: cut before the last tag
            schnitt = max(schnitt, 0)
            puffer, rest = puffer[:schnitt], puffer[schnitt:]
            if len(rest) > MAX_REST_BYTES:
                raise BlattZuGross(name, 1_048_576, 16_384)  # one "cell" of megabytes: not a sheet Excel wrote
        zaehler.zaehle(puffer)
        if zaehler.spaltenangaben > MAX_SPALTEN:
            # Hidden-column ranges are read later (sichtbarkeit); their number is bounded here.
            raise ZuVieleSpaltenangaben(name, MAX_SPALTEN)
        zeilen, spalten = zaehler.ergebnis()
        if zeilen * spalten > MAX_ZELLEN:
            raise BlattZuGross(name, zeilen, spalten)
        if not stueck:
            return zeilen * spalten


def lies_mappe(daten: bytes, nur: set[str] | Callable[[str], bool] | None = None) -> RohMappe:
    """Read the sheets of an xlsx workbook (all, those whose folded name is in `nur`, or those `nur(name)` accepts).

    Raises LesefehlerArbeitsmappe when the content is broken.
    """
    from ipdaten.arbeitsmappe.texte import falte

    def gewuenscht(name: str) -> bool:
        return nur is None or (nur(name) if callable(nur) else falte(name) in nur)

    try:
        archiv = zipfile.ZipFile(io.BytesIO(daten))
        pfade, neu = _blatt_pfade(archiv)
        stile = _lies_prozent_stile(archiv)
        # Every sheet's span is counted before calamine opens anything, and all of them together
        # are bounded: calamine allocates each densely (a million cells about 40 MB).
        zellen = anzahl = 0
        for name, pfad in pfade.items():
            if gewuenscht(name):
                with archiv.open(pfad) as teil:  # KeyError (sheet without its part) means a broken file
                    zellen += _pruefe_ausdehnung(name, teil)
                anzahl += 1
                if zellen > MAX_ZELLEN_GESAMT:
                    raise MappeZuGross(anzahl, zellen)
        mappe = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(daten))
        blaetter: dict[str, RohBlatt] = {}
        for name in mappe.sheet_names:
            if not gewuenscht(name):
                continue
            pfad = pfade.get(name, "")
            xml = archiv.read(pfad)
            blatt = mappe.get_sheet_by_name(name)
            zeilen = blatt.to_python(skip_empty_area=False)
            bereiche = [(a[0], a[1], b[0], b[1]) for a, b in (blatt.merged_cell_ranges or [])]
            _pruefe_und_setze_fehlerwerte(zeilen, xml, pfad)
            blaetter[name] = RohBlatt(name, zeilen, bereiche, pfad, xml)
    except LesefehlerArbeitsmappe:
        raise
    except python_calamine.PasswordError as e:
        raise LesefehlerArbeitsmappe("kennwort") from e
    except (python_calamine.CalamineError, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        raise LesefehlerArbeitsmappe(str(e)) from e
    except SicheresXml.ParseError as e:
        raise LesefehlerArbeitsmappe(str(e)) from e
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as e:  # defusedxml's refusals, calamine's XML errors, a Rust panic (BaseException)
        raise LesefehlerArbeitsmappe(f"{type(e).__name__}: {e}") from e
    return RohMappe(blaetter, archiv, neu, tuple(mappe.sheet_names), stile)

"""Writing single cells of a workbook she owns, changing nothing else.

openpyxl's load and save drops charts, images, slicers and extensions and rewrites every part.
Here the workbook is changed inside its ZIP container instead: in one sheet's XML only the
patched cells (`<c>` elements) are replaced or inserted; every other byte of that sheet and
every other part is copied unchanged. What a new value needs is added, nothing more:

- text is written as an inline string (`t="inlineStr"`), so `xl/sharedStrings.xml` stays as it
  is (an old shared string left unreferenced is harmless);
- a date gets the cell's style if that shows a date, else a copy of that style with a date
  format, appended to `cellXfs` in `xl/styles.xml` (the existing styles keep their numbers);
- a new cell takes the style of a given cell, else the row's or column's style;
- `<dimension>`, a row's `spans` and `<cols>` (the width of a new column) grow where needed.

Formula cells are never overwritten (their value would silently stop being computed), so the
calculation chain stays valid.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ipdaten.arbeitsmappe.blattsuche import spaltenname
from ipdaten.arbeitsmappe.texte import falte
from ipdaten.arbeitsmappe.xlsx_paket import blattteile, schreibe_zip
from ipdaten.fehler import IpdatenFehler

MAX_TEXT = 32_767
DATUMSFORMAT = "DD.MM.YYYY"  # how a written date shows, whatever the viewer's locale
_EXCEL_NULL = dt.date(1899, 12, 30)
_STEUERZEICHEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ZEILE = re.compile(rb"<(?P<p>(?:\w+:)?)row\b(?P<attrs>[^>]*?)(?:/>|>(?P<inhalt>.*?)</(?P=p)row>)", re.S)
_ZELLE = re.compile(rb"<(?P<p>(?:\w+:)?)c\b(?P<attrs>[^>]*?)(?:/>|>(?P<inhalt>.*?)</(?P=p)c>)", re.S)
_DATEN = re.compile(rb"<(?P<p>(?:\w+:)?)sheetData\b[^>]*?(?:/>|>(?P<inhalt>.*?)</(?P=p)sheetData>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_R = re.compile(rb'\br="([0-9]{1,7})"')
_S = re.compile(rb'\bs="([0-9]+)"')
_DATUMSFORMATE = set(range(14, 23)) | {45, 46, 47}
_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')

Wert = str | int | float | dt.date | None


class PatchFehler(IpdatenFehler):
    """The cells cannot be written as asked (a formula cell, a missing sheet, unexpected XML)."""


@dataclass(frozen=True)
class Zelle:
    """One cell to write: Excel row (from 1), column (from 0), the value (None = empty it)."""

    zeile: int
    spalte: int
    wert: Wert
    stil_wie: tuple[int, int] | None = None  # a new cell: take the style of this (row, column)

    @property
    def ref(self) -> str:
        """'E12'."""
        return f"{spaltenname(self.spalte)}{self.zeile}"


def _spalte(buchstaben: bytes) -> int:
    index = 0
    for b in buchstaben:
        index = index * 26 + (b - 64)
    return index - 1


class _Stile:
    """The cell styles of `xl/styles.xml`: which show a date, and date copies added on demand.

    A copy shows the date as DATUMSFORMAT, a number format of its own: the built-in date format
    14 follows the viewer's locale (10/20/2017 in an English LibreOffice)."""

    def __init__(self, xml: bytes | None):
        self.xml = xml
        self.neu: dict[int, int] = {}
        self.xfs: list[bytes] = []
        self.datumsformate = set(_DATUMSFORMATE)
        self.format_id: int | None = None  # the id of DATUMSFORMAT in the workbook
        self.format_neu = False
        if xml is None:
            return
        eigene = [164]
        for fmt in re.finditer(rb'<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"', xml):
            nummer, roh = int(fmt.group(1)), fmt.group(2).decode("utf-8", "replace").replace("&quot;", '"')
            eigene.append(nummer + 1)
            if roh.casefold() == DATUMSFORMAT.casefold() and self.format_id is None:
                self.format_id = nummer
            code = _FORMAT_TEXT.sub("", roh).lower()
            if re.search(r"[dy]", code) or re.search(r"m.*[dy]|[dy].*m", code):
                self.datumsformate.add(nummer)
        if self.format_id is None:
            self.format_id, self.format_neu = max(eigene), True
            self.datumsformate.add(self.format_id)
        bereich = re.search(rb"<(?P<p>(?:\w+:)?)cellXfs\b[^>]*>(?P<inhalt>.*?)</(?P=p)cellXfs>", xml, re.S)
        if bereich:
            self.xfs = re.findall(rb"<(?:\w+:)?xf\b[^>]*?(?:/>|>.*?</(?:\w+:)?xf>)", bereich.group("inhalt"), re.S)

    def zeigt_datum(self, stil: int) -> bool:
        if stil >= len(self.xfs):
            return False
        treffer = re.search(rb'numFmtId="(\d+)"', self.xfs[stil])
        return treffer is not None and int(treffer.group(1)) in self.datumsformate

    def datumsstil(self, stil: int) -> int:
        """`stil` if it shows a date, else the number of a copy of it showing DATUMSFORMAT."""
        if self.zeigt_datum(stil):
            return stil
        if stil not in self.neu:
            if self.xml is None or not self.xfs or self.format_id is None:
                raise PatchFehler("Die Arbeitsmappe hat keine Formatvorlagen (xl/styles.xml).")
            vorlage = self.xfs[stil] if stil < len(self.xfs) else self.xfs[0]
            kopf = _gefunden(re.match(rb"<(?:\w+:)?xf\b[^>]*?(?=/?>)", vorlage), "xl/styles.xml").group(0)
            ohne = re.sub(rb'\s(?:numFmtId|applyNumberFormat)="[^"]*"', b"", kopf)
            self.xfs.append(ohne + b' numFmtId="%d" applyNumberFormat="1"' % self.format_id + vorlage[len(kopf) :])
            self.neu[stil] = len(self.xfs) - 1
        return self.neu[stil]

    def geaendert(self) -> bytes | None:
        """The new `xl/styles.xml`, None when no style was added."""
        if not self.neu or self.xml is None:
            return None
        zusatz = b"".join(self.xfs[i] for i in sorted(self.neu.values()))

        def ersetze(treffer: re.Match[bytes]) -> bytes:
            kopf = re.sub(rb'\bcount="\d+"', b'count="%d"' % len(self.xfs), treffer.group("kopf"))
            return kopf + treffer.group("inhalt") + zusatz + treffer.group("ende")

        muster = rb"(?P<kopf><(?P<p>(?:\w+:)?)cellXfs\b[^>]*>)(?P<inhalt>.*?)(?P<ende></(?P=p)cellXfs>)"
        xml = re.sub(muster, ersetze, self.xml, count=1, flags=re.S)
        return self._mit_format(xml) if self.format_neu else xml

    def _mit_format(self, xml: bytes) -> bytes:
        """`xml` with DATUMSFORMAT added to `<numFmts>` (created as the first child when absent)."""
        wurzel = _gefunden(re.search(rb"<(?P<p>(?:\w+:)?)styleSheet\b[^>]*>", xml), "xl/styles.xml")
        p = wurzel.group("p")
        eintrag = b'<%snumFmt numFmtId="%d" formatCode="%s"/>' % (p, self.format_id or 0, DATUMSFORMAT.encode())
        formate = re.search(rb"(?P<kopf><(?P<p>(?:\w+:)?)numFmts\b[^>]*>)(?P<inhalt>.*?)</(?P=p)numFmts>", xml, re.S)
        if formate is None:
            neu = b'<%snumFmts count="1">%s</%snumFmts>' % (p, eintrag, p)
            return xml[: wurzel.end()] + neu + xml[wurzel.end() :]
        anzahl = len(re.findall(rb"<(?:\w+:)?numFmt\b", formate.group("inhalt"))) + 1
        kopf = re.sub(rb'\bcount="\d+"', b'count="%d"' % anzahl, formate.group("kopf"))
        return xml[: formate.start()] + kopf + formate.group("inhalt") + eintrag + xml[formate.end("inhalt") :]


def _gefunden(treffer: re.Match[bytes] | None, teil: str) -> re.Match[bytes]:
    """A match the XML must have; a part without it is no part Excel wrote (PatchFehler)."""
    if treffer is None:
        raise PatchFehler(f"Der Teil {teil} der Arbeitsmappe ist nicht wie erwartet aufgebaut.")
    return treffer


def _text(text: str) -> str:
    text = _STEUERZEICHEN.sub("", str(text))[:MAX_TEXT]
    return escape(text)


def _zelle_xml(p: bytes, ref: str, stil: int | None, wert: Wert, stile: _Stile) -> bytes:
    s = "" if stil is None else f' s="{stil}"'
    q = p.decode()
    if wert is None:
        return f'<{q}c r="{ref}"{s}/>'.encode()
    if isinstance(wert, str):
        text = _text(wert)
        raum = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        return f'<{q}c r="{ref}"{s} t="inlineStr"><{q}is><{q}t{raum}>{text}</{q}t></{q}is></{q}c>'.encode()
    if isinstance(wert, dt.date):
        tag = wert.date() if isinstance(wert, dt.datetime) else wert
        stil = stile.datumsstil(stil or 0)
        return f'<{q}c r="{ref}" s="{stil}"><{q}v>{(tag - _EXCEL_NULL).days}</{q}v></{q}c>'.encode()
    if isinstance(wert, bool) or not isinstance(wert, (int, float)) or not math.isfinite(wert):
        raise PatchFehler(f"Der Wert für {ref} ist weder Text, Zahl noch Datum: {wert!r}")
    zahl = int(wert) if float(wert).is_integer() and abs(wert) < 1e15 else float(wert)
    return f'<{q}c r="{ref}"{s}><{q}v>{zahl!r}</{q}v></{q}c>'.encode()


def _zeilen(inhalt: bytes) -> list[tuple[int, re.Match[bytes]]]:
    """The rows of sheetData with their Excel numbers (a row without `r` follows the one before)."""
    zeilen, vorige = [], 0
    for treffer in _ZEILE.finditer(inhalt):
        r = _R.search(treffer.group("attrs"))
        vorige = int(r.group(1)) if r else vorige + 1
        zeilen.append((vorige, treffer))
    return zeilen


def _zellen(inhalt: bytes) -> list[tuple[int, re.Match[bytes]]]:
    zellen, vorige = [], -1
    for treffer in _ZELLE.finditer(inhalt):
        ref = _REF.search(treffer.group("attrs"))
        vorige = _spalte(ref.group(1)) if ref else vorige + 1
        zellen.append((vorige, treffer))
    return zellen


def _stil(attrs: bytes) -> int | None:
    treffer = _S.search(attrs)
    return int(treffer.group(1)) if treffer else None


def _spaltenstile(xml: bytes) -> dict[int, int]:
    stile = {}
    for col in re.finditer(rb"<(?:\w+:)?col\b([^>]*)/?>", xml):
        attrs = col.group(1)
        von, bis, stil = (re.search(rb'\b%s="(\d+)"' % n, attrs) for n in (b"min", b"max", b"style"))
        if von and bis and stil:
            for spalte in range(int(von.group(1)) - 1, min(int(bis.group(1)), int(von.group(1)) + 200)):
                stile[spalte] = int(stil.group(1))
    return stile


_FORMEL = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _spans(attrs: bytes, spalten: Iterable[int]) -> bytes:
    """A row's `spans` hint widened to the new cells (absent stays absent)."""
    treffer = re.search(rb'\bspans="(\d+):(\d+)"', attrs)
    if not treffer:
        return attrs
    von = min(int(treffer.group(1)), *(s + 1 for s in spalten))
    bis = max(int(treffer.group(2)), *(s + 1 for s in spalten))
    return attrs[: treffer.start()] + b'spans="%d:%d"' % (von, bis) + attrs[treffer.end() :]


class _Blatt:
    """One sheet's XML being patched."""

    def __init__(self, xml: bytes, stile: _Stile):
        self.xml, self.stile = xml, stile
        daten = _DATEN.search(xml)
        if daten is None:
            raise PatchFehler("Das Blatt hat keinen Zellbereich (sheetData).")
        self.daten = daten
        self.p = daten.group("p")
        self.zeilen = {nummer: treffer for nummer, treffer in _zeilen(daten.group("inhalt") or b"")}
        self.spaltenstile = _spaltenstile(xml[: daten.start()])

    def stil_von(self, zeile: int, spalte: int) -> int | None:
        """The style of an existing cell, None when it has none (or does not exist)."""
        treffer = self.zeilen.get(zeile)
        if treffer is None:
            return None
        for s, zelle in _zellen(treffer.group("inhalt") or b""):
            if s == spalte:
                return _stil(zelle.group("attrs"))
        return None

    def neuer_stil(self, zelle: Zelle) -> int | None:
        """A new cell's style: the given cell's, else the row's (when set), else the column's."""
        if zelle.stil_wie is not None:
            return self.stil_von(*zelle.stil_wie)
        treffer = self.zeilen.get(zelle.zeile)
        if treffer is not None and re.search(rb'\bcustomFormat="(?:1|true)"', treffer.group("attrs")):
            return _stil(treffer.group("attrs"))
        return self.spaltenstile.get(zelle.spalte)

    def neue_zelle(self, zelle: Zelle) -> bytes:
        return _zelle_xml(self.p, zelle.ref, self.neuer_stil(zelle), zelle.wert, self.stile)

    def zeile(self, treffer: re.Match[bytes], zellen: dict[int, Zelle]) -> bytes:
        """The row with its patched cells replaced and its new cells inserted in column order."""
        p, inhalt = treffer.group("p"), treffer.group("inhalt") or b""
        neue = sorted(s for s in zellen if zellen[s].wert is not None)
        vorhanden = _zellen(inhalt)
        neue = [s for s in neue if s not in {spalte for spalte, _ in vorhanden}]
        ausgabe, position = [], 0
        for spalte, zelle in vorhanden:
            while neue and neue[0] < spalte:
                ausgabe.append(inhalt[position : zelle.start()])
                position = zelle.start()
                ausgabe.append(self.neue_zelle(zellen[neue.pop(0)]))
            if spalte in zellen:
                z = zellen[spalte]
                if _FORMEL.search(zelle.group("inhalt") or b""):
                    raise PatchFehler(f"Die Zelle {z.ref} enthält eine Formel; sie wird nicht überschrieben.")
                ausgabe.append(inhalt[position : zelle.start()])
                ausgabe.append(_zelle_xml(p, z.ref, _stil(zelle.group("attrs")), z.wert, self.stile))
                position = zelle.end()
        ausgabe.append(inhalt[position:])
        ausgabe.extend(self.neue_zelle(zellen[s]) for s in neue)
        attrs = _spans(treffer.group("attrs"), zellen)
        return b"<%srow%s>%s</%srow>" % (p, attrs.rstrip(b"/"), b"".join(ausgabe), p)

    def neue_zeile(self, nummer: int, zellen: dict[int, Zelle]) -> bytes:
        inhalt = b"".join(self.neue_zelle(zellen[s]) for s in sorted(zellen) if zellen[s].wert is not None)
        return b'<%srow r="%d">%s</%srow>' % (self.p, nummer, inhalt, self.p)

    def patche(self, zellen: Iterable[Zelle]) -> bytes:
        """The sheet's XML with the cells written."""
        je_zeile: dict[int, dict[int, Zelle]] = {}
        for zelle in zellen:
            je_zeile.setdefault(zelle.zeile, {})[zelle.spalte] = zelle
        inhalt = self.daten.group("inhalt") or b""
        ausgabe, position = [], 0
        offen = sorted(je_zeile)
        for nummer, treffer in _zeilen(inhalt):
            while offen and offen[0] < nummer:
                neu = offen.pop(0)
                ausgabe += [inhalt[position : treffer.start()], self.neue_zeile(neu, je_zeile[neu])]
                position = treffer.start()
            if nummer in je_zeile:
                offen.remove(nummer)
                ausgabe += [inhalt[position : treffer.start()], self.zeile(treffer, je_zeile[nummer])]
                position = treffer.end()
        ausgabe.append(inhalt[position:])
        ausgabe.extend(self.neue_zeile(n, je_zeile[n]) for n in offen)
        p = self.p
        daten = b"<%ssheetData>%s</%ssheetData>" % (p, b"".join(ausgabe), p)
        if self.daten.group("inhalt") is not None:
            kopf = self.xml[self.daten.start() : self.daten.start("inhalt")]
            daten = kopf + b"".join(ausgabe) + b"</%ssheetData>" % p
        xml = self.xml[: self.daten.start()] + daten + self.xml[self.daten.end() :]
        return _dimension(xml, [(z.zeile, z.spalte) for zs in je_zeile.values() for z in zs.values()])


def _dimension(xml: bytes, zellen: list[tuple[int, int]]) -> bytes:
    """`<dimension ref>` widened to cover the written cells."""
    treffer = re.search(rb'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"', xml)
    if treffer is None or not zellen:
        return xml
    a_spalte, a_zeile = _spalte(treffer.group(1)), int(treffer.group(2))
    e_spalte = _spalte(treffer.group(3)) if treffer.group(3) else a_spalte
    e_zeile = int(treffer.group(4)) if treffer.group(4) else a_zeile
    zeilen, spalten = [z for z, _ in zellen], [s for _, s in zellen]
    neu = (min(a_spalte, *spalten), min(a_zeile, *zeilen), max(e_spalte, *spalten), max(e_zeile, *zeilen))
    if neu == (a_spalte, a_zeile, e_spalte, e_zeile):
        return xml
    ref = f"{spaltenname(neu[0])}{neu[1]}:{spaltenname(neu[2])}{neu[3]}".encode()
    return xml[: treffer.start(1)] + ref + xml[treffer.end(treffer.lastindex or 0) :]


def _spaltenbreiten(xml: bytes, breiten: dict[int, float]) -> bytes:
    """`<col>` entries for the given columns that have none yet (existing definitions stay)."""
    vorhanden = set()
    for col in re.finditer(rb"<(?:\w+:)?col\b([^>]*)/?>", xml):
        von, bis = (re.search(rb'\b%s="(\d+)"' % n, col.group(1)) for n in (b"min", b"max"))
        if von and bis:
            vorhanden |= {s for s in breiten if int(von.group(1)) - 1 <= s <= int(bis.group(1)) - 1}
    fehlend = {s: b for s, b in breiten.items() if s not in vorhanden}
    if not fehlend:
        return xml
    daten = _gefunden(_DATEN.search(xml), "Blatt")
    p = daten.group("p")
    neu = b"".join(
        b'<%scol min="%d" max="%d" width="%s" customWidth="1"/>'
        % (
            p,
            s + 1,
            s + 1,
            repr(float(b)).encode(),
        )
        for s, b in sorted(fehlend.items())
    )
    cols = re.search(rb"<(?P<p>(?:\w+:)?)cols\b[^>]*>(?P<inhalt>.*?)</(?P=p)cols>", xml, re.S)
    if cols is None:
        return xml[: daten.start()] + b"<%scols>%s</%scols>" % (p, neu, p) + xml[daten.start() :]
    # <col> elements must be sorted by min: the new ones lie right of every existing one.
    return xml[: cols.end("inhalt")] + neu + xml[cols.end("inhalt") :]


def patche_blatt(
    mappe: bytes, blattname: str, zellen: Iterable[Zelle], spaltenbreiten: dict[int, float] | None = None
) -> bytes:
    """The workbook `mappe` with `zellen` written into the sheet `blattname`; all else unchanged.

    `spaltenbreiten` (column from 0 → width in characters) gives new columns a width where the
    sheet defines none. Raises PatchFehler when a cell holds a formula or the sheet is missing.
    """
    zellen = list(zellen)
    archiv = zipfile.ZipFile(io.BytesIO(mappe))
    pfad = blattteile(archiv).get(falte(blattname))
    if pfad is None:
        raise PatchFehler(f"Das Blatt „{blattname}“ fehlt in der Arbeitsmappe.")
    namen = set(archiv.namelist())
    stile = _Stile(archiv.read("xl/styles.xml") if "xl/styles.xml" in namen else None)
    xml = _Blatt(archiv.read(pfad), stile).patche(zellen)
    if spaltenbreiten:
        xml = _spaltenbreiten(xml, spaltenbreiten)
    neu = {pfad: xml}
    styles = stile.geaendert()
    if styles is not None:
        neu["xl/styles.xml"] = styles
    return schreibe_zip(archiv, neu)

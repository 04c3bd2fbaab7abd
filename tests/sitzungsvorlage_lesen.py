"""A generated Sitzungsvorlage opened again (`Gelesen`) and the small text helpers of its
checks (tests/sitzungsvorlage_pruefung.py)."""

from __future__ import annotations

import functools
import io
import re
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige

ZAHL = re.compile(r"\d+(?:[.,]\d+)*")
FUENF = (
    "1. Bilanz (Auswertung der Tabellen – Qualitative Bewertung)",
    "2. Weiteres Vorgehen (Ausblick)",
    "3. Flüchtlingsperspektive",
    "4. Perspektive (Ergebnisse ",
    "5. Finanzielle Auswirkungen",
)
BEWERTUNG = "[Qualitative Bewertung"
WERKSTATT_WORT = re.compile(r"\b(Blatt|Blätter|Blättern|Arbeitsmappe|Arbeitsmappen|Spalte|Spalten)\b")


def t(text: object) -> str:
    """Text with non-breaking spaces as spaces (the document uses them in „z. B.“ and „1 %“)."""
    return str(text).replace("\xa0", " ")


class Gelesen:
    """A generated .docx opened again, in document order: paragraphs (text, style, whether it
    is highlighted) and tables (cells as text), each with the Heading 1 it stands under."""

    def __init__(self, daten: bytes):
        self.daten = daten
        doc = Document(io.BytesIO(daten))
        self.doc = doc
        stilname = functools.cache(lambda stil_id: doc.part.get_style(stil_id, WD_STYLE_TYPE.PARAGRAPH).name)
        self.bloecke: list[tuple[str, str, object]] = []  # (art "p"/"t", Heading-1 section, content)
        self.stilnamen: dict[str, str] = {}
        self.markiert: dict[str, bool] = {}
        abschnitt = ""
        absaetze = {id(p._p): p for p in doc.paragraphs}
        tabellen = {id(tb._tbl): tb for tb in doc.tables}
        for element in doc.element.body.iterchildren():
            if element.tag == qn("w:p"):
                p = absaetze[id(element)]
                text = t(p.text)
                stil = stilname(p._p.style)
                if stil == "Heading 1":
                    abschnitt = text
                if text.strip():
                    self.bloecke.append(("p", abschnitt, text))
                    self.stilnamen[text] = stil
                    laeufe = [r for r in p.runs if r.text.strip()]
                    self.markiert[text] = bool(laeufe) and laeufe[0].font.highlight_color is not None
            elif element.tag == qn("w:tbl"):
                tb = tabellen[id(element)]
                self.bloecke.append(("t", abschnitt, [[t(c.text) for c in zeile.cells] for zeile in tb.rows]))
        self.absaetze = [b[2] for b in self.bloecke if b[0] == "p"]
        self.tabellen = [b[2] for b in self.bloecke if b[0] == "t"]
        self.ueberschriften = [a for a in self.absaetze if self.stilnamen[a].startswith("Heading")]
        self.fuss = t(doc.sections[0].footer.paragraphs[0].text)
        with zipfile.ZipFile(io.BytesIO(daten)) as z:
            self.bilder = [n for n in z.namelist() if n.startswith("word/media/")]
            self.xml = z.read("word/document.xml").decode()

    def absatz(self, anfang: str) -> str:
        """The one paragraph that contains `anfang`."""
        treffer = [a for a in self.absaetze if anfang in a]
        assert len(treffer) == 1, (anfang, treffer)
        return treffer[0]

    def tabelle(self, kopf: list[str]) -> list[list[str]]:
        """The one table whose header row starts with `kopf`."""
        treffer = [tb for tb in self.tabellen if tb[0][: len(kopf)] == kopf]
        assert len(treffer) == 1, (kopf, [tb[0] for tb in self.tabellen])
        return treffer[0]

    def nach(self, absatz: str, anzahl: int = 1) -> list[str]:
        """The `anzahl` paragraphs after `absatz`."""
        i = self.absaetze.index(absatz)
        return self.absaetze[i + 1 : i + 1 + anzahl]

    def bericht_texte(self) -> list[str]:
        """Every paragraph and table cell of parts I and II (before Anlage 1)."""
        texte = []
        for art, abschnitt, inhalt in self.bloecke:
            if abschnitt.startswith("Anlage"):
                continue
            texte.extend([inhalt] if art == "p" else [c for zeile in inhalt for c in zeile])
        return texte


def ohne(text: str, teile) -> str:
    """`text` with every workbook text in `teile` (quoted or bare) replaced by a mark."""
    for teil in sorted({t(bereinige(x)) for x in teile if bereinige(x)}, key=len, reverse=True):
        text = text.replace(f"„{teil}“", "„■“").replace(teil, "■")
    return text


def restzahlen(text: str) -> list[str]:
    return ZAHL.findall(text.replace("Anlage 1", ""))


def veraenderung_text(z) -> str:
    """'um 5 Prozentpunkte gestiegen (von 30 % auf 35 %).' from a row of vergleich.felder."""
    diff, neu = float(z["umgesetzt_diff_pp"]), z["umgesetzt_neu"]
    betrag = round(abs(diff), 1)
    if betrag == 0:
        return f"mit {t(fmt.anteil(neu))} unverändert geblieben."
    zahl = t(fmt.zahl(betrag, 0 if betrag == int(betrag) else 1))
    einheit = "Prozentpunkt" if betrag == 1 else "Prozentpunkte"
    richtung = "gestiegen" if diff > 0 else "gesunken"
    return f"um {zahl} {einheit} {richtung} (von {t(fmt.anteil(z['umgesetzt_alt']))} auf {t(fmt.anteil(neu))})."

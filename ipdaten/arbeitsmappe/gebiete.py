"""The areas of the naturalisation comparison, declared once: the Kreise of the Region Stuttgart
with their official keys and the spellings offices use, and the aggregates (Region,
Regierungsbezirk, Land, Bund, means and totals) that are never a Kreis.

The statistics import (its default Kreise), the reader of the sheet Einbürgerung (aggregates
are left out of the ranking), the plausibility checks (unknown areas) and the ranking (which
area is Böblingen) all ask `gebiet_art`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipdaten.arbeitsmappe.texte import falte


@dataclass(frozen=True)
class Kreis:
    """A Kreis of the comparison: official key, name, kind (Landkreis or Stadtkreis)."""

    schluessel: str
    name: str
    art: str

    @property
    def titel(self) -> str:
        """The name as the workbook writes it: 'Landkreis Böblingen', 'Stadtkreis Stuttgart', 'Rems-Murr-Kreis'."""
        return self.name if self.name.endswith("-Kreis") else f"{self.art} {self.name}"


KREISE: tuple[Kreis, ...] = (
    Kreis("08111", "Stuttgart", "Stadtkreis"),
    Kreis("08115", "Böblingen", "Landkreis"),
    Kreis("08116", "Esslingen", "Landkreis"),
    Kreis("08117", "Göppingen", "Landkreis"),
    Kreis("08118", "Ludwigsburg", "Landkreis"),
    Kreis("08119", "Rems-Murr-Kreis", "Landkreis"),
)
# Official key → name, the default selection of the statistics import.
REGION_STUTTGART: dict[str, str] = {k.schluessel: k.name for k in KREISE}
REFERENZ_SCHLUESSEL = "08115"  # Landkreis Böblingen, the area the dashboard compares against

# Aggregates by official key (Land, Regierungsbezirk, Bund) and by name.
AGGREGAT_SCHLUESSEL = {"dg": "Deutschland", "08": "Baden-Württemberg", "081": "Regierungsbezirk Stuttgart"}
AGGREGAT_NAMEN = (
    "region stuttgart",
    "verband region stuttgart",
    "regierungsbezirk stuttgart",
    "baden wuerttemberg",
    "land baden wuerttemberg",
    "bw",
    "deutschland",
    "bund",
    "bundesgebiet",
    "bundesrepublik deutschland",
    "brd",
)
# The first word of an area that is no Kreis but a sum, a mean or a larger area.
AGGREGAT_ANFAENGE = (
    "region",
    "regierungsbezirk",
    "rb",
    "reg.-bez",
    "land",
    "bund",
    "durchschnitt",
    "mittel",
    "mittelwert",
    "summe",
    "gesamt",
    "insgesamt",
    "alle",
    "zusammen",
)

_SCHLUESSEL = re.compile(r"^(\d{5}|\d{2,3}|dg)\b\s*")
_KREIS_VORSATZ = ("landkreis", "lkr", "lkrs", "lk", "kreis", "landratsamt", "lra")
_STADTKREIS_VORSATZ = ("stadtkreis", "stadt", "landeshauptstadt", "lh", "lhs")
_ZUSAETZE = {"landkreis", "kreis", "stadtkreis", "landeshauptstadt", "kreisfreie stadt", "stadt", "grosse kreisstadt"}


def _woerter(text: str) -> str:
    """Folded, without punctuation: 'Lkr. Böblingen' → 'lkr boeblingen'."""
    return " ".join(re.sub(r"[^\w ]+", " ", falte(text)).split())


def _kern_und_vorsatz(text: str) -> tuple[str, str]:
    """('boeblingen', 'landkreis') from 'Landkreis Böblingen', 'Böblingen, Landkreis' or 'LK Böblingen'."""
    teile = [t.strip() for t in falte(text).split(",")]
    zusatz = next((t for t in teile[1:] if t in _ZUSAETZE), "")
    woerter = _woerter(teile[0]).split()
    vorsatz = ""
    if len(woerter) > 1 and woerter[0] in (*_KREIS_VORSATZ, *_STADTKREIS_VORSATZ):
        vorsatz, woerter = woerter[0], woerter[1:]
    return " ".join(woerter), vorsatz or zusatz


_BEKANNTE: dict[str, Kreis] = {_woerter(k.name).removesuffix(" kreis"): k for k in KREISE}


@dataclass(frozen=True)
class GebietsArt:
    """What an area is: a Kreis of the comparison (`kreis`), another Kreis by its form
    (`kreisartig`: "Landkreis Heilbronn", a five-digit key), an aggregate, or unknown."""

    art: str  # "kreis", "kreisartig", "aggregat", "unbekannt"
    kreis: Kreis | None = None
    aggregat: str = ""

    @property
    def ist_referenz(self) -> bool:
        """Whether the area is the Landkreis Böblingen."""
        return self.kreis is not None and self.kreis.schluessel == REFERENZ_SCHLUESSEL


def gebiet_art(text: object) -> GebietsArt:
    """Classify an area as the workbook names it (name, variant or official key).

    'Böblingen', 'LK Böblingen', 'Böblingen, Landkreis', '08115 Böblingen' are the Landkreis;
    'Stadt Böblingen' is a town, not the Landkreis. 'Region Stuttgart', 'Baden-Württemberg',
    'Durchschnitt' are aggregates.
    """
    gefaltet = _woerter(str(text))
    schluessel = _SCHLUESSEL.match(gefaltet)
    if schluessel:
        code = schluessel.group(1)
        if code in AGGREGAT_SCHLUESSEL:
            return GebietsArt("aggregat", aggregat=AGGREGAT_SCHLUESSEL[code])
        if len(code) == 5:
            kreis = next((k for k in KREISE if k.schluessel == code), None)
            return GebietsArt("kreis", kreis) if kreis else GebietsArt("kreisartig")
    woerter = falte(text).split()
    anfang = woerter[0].rstrip(":.,") if woerter else ""  # "@SUMME(A1)" is text, "Summe:" a total
    if gefaltet in AGGREGAT_NAMEN or anfang in AGGREGAT_ANFAENGE:
        return GebietsArt("aggregat", aggregat=str(text).strip())
    kern, vorsatz = _kern_und_vorsatz(str(text))
    kreis = _BEKANNTE.get(kern) or _BEKANNTE.get(kern.removesuffix(" kreis"))
    if kreis is not None:
        passt = (
            vorsatz in ("", *_STADTKREIS_VORSATZ, "kreisfreie stadt")
            if kreis.art == "Stadtkreis"
            else vorsatz in ("", *_KREIS_VORSATZ)
        )
        if passt:
            return GebietsArt("kreis", kreis)
        return GebietsArt("unbekannt")
    if vorsatz in (*_KREIS_VORSATZ, "stadtkreis", "kreisfreie stadt") or kern.endswith("kreis"):
        return GebietsArt("kreisartig")
    if gefaltet.startswith("kreisfreie stadt "):
        return GebietsArt("kreisartig")
    return GebietsArt("unbekannt")

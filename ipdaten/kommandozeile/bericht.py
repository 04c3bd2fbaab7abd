"""`bericht`: the Sitzungsvorlage (Word and/or PDF) for a workbook, compared with previous ones.

`--vorher` may be given several times: all those Stände make the Verlauf (its chart, the
recommendations unchanged for long); the last one named is the previous report the document
compares with. The output's suffix decides the format (`-o vorlage.pdf` writes the PDF only);
`--pdf` writes the PDF beside the Word file as well.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.plausibel import quittung
from ipdaten.kommandozeile.gemeinsam import (
    ZUORDNUNG_HILFE,
    AufrufFehler,
    datum,
    drucke_hinweise,
    lade,
    lies_zuordnung,
    pruefe_ausgabe,
    schreibe_ausgabe,
)

if TYPE_CHECKING:
    from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung

AUFRUF = (
    "python -m ipdaten bericht DATEI.xlsx [--vorher ALT.xlsx …] [-o vorlage.docx|vorlage.pdf] [--pdf] "
    "[--sitzungsdatum TT.MM.JJJJ] [--gremium NAME] [--beschlussfassung] [--beschlussvorschlag TEXT] "
    "[--nichtoeffentlich] [--vorlage VORLAGE.docx] [--zuordnung ZUORDNUNG.toml]"
)


def einrichten(befehle: Any) -> None:
    """Add `bericht` to the parser's commands."""
    bericht = befehle.add_parser("bericht", help="Sitzungsvorlage (Word, PDF) schreiben")
    bericht.add_argument("datei")
    bericht.add_argument(
        "--vorher",
        action="append",
        default=[],
        help="Arbeitsmappe eines früheren Stands (mehrfach: Verlauf; der zuletzt genannte ist der vorige Bericht)",
    )
    bericht.add_argument("-o", "--ausgabe", help="Ziel-Datei (.docx oder .pdf)")
    bericht.add_argument("--pdf", action="store_true", help="zusätzlich die PDF-Fassung neben der Word-Datei")
    bericht.add_argument("--sitzungsdatum", help="Sitzungsdatum TT.MM.JJJJ (sonst aus den Meilensteinen)")
    bericht.add_argument("--gremium", help="Gremium (Standard: Sozial- und Gesundheitsausschuss)")
    bericht.add_argument("--beschlussfassung", action="store_true", help="zur Beschlussfassung statt zur Kenntnisnahme")
    bericht.add_argument("--beschlussvorschlag", help="Wortlaut des Beschlussvorschlags (zur Beschlussfassung)")
    bericht.add_argument("--nichtoeffentlich", action="store_true", help="nichtöffentliche Sitzung")
    bericht.add_argument("--vorlage", help="eigene Word-Vorlage (.docx) statt daten/vorlage_sitzung.docx")
    bericht.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    bericht.set_defaults(ausfuehren=ausfuehren)


def _ziele(args: argparse.Namespace, stand: dt.date | None, eingaben: list[Any]) -> tuple[Path | None, Path | None]:
    """(Word target or None, PDF target or None), checked against the inputs."""
    from ipdaten.praesentation import export_pdf
    from ipdaten.praesentation.export_docx import dateiname

    ziel = pruefe_ausgabe(Path(args.ausgabe) if args.ausgabe else Path(dateiname(stand)), eingaben)
    endung = ziel.suffix.lower()
    if endung not in (".docx", ".pdf"):
        raise AufrufFehler(f"Die Ziel-Datei „{ziel}“ muss auf .docx (Word) oder .pdf enden.")
    if endung == ".pdf":
        return None, ziel
    if not args.pdf:
        return ziel, None
    pdf = ziel.with_suffix(".pdf") if args.ausgabe else Path(export_pdf.dateiname(stand))
    return ziel, pruefe_ausgabe(pdf, eingaben)


def _verlauf(staende: list[Any], namen: list[str]) -> VerlaufAuswertung:
    """The history of the given Anlagen (oldest Stand first; a Stand without date counts as today)."""
    from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
    from ipdaten.zahlen.verlauf import StandKopf, abriss, verlauf

    abrisse = [
        abriss(
            StandKopf(nr, a.stand or fmt.jetzt().date(), a.bezeichnung or Path(name).name, a.stand is None),
            a,
        )
        for nr, (a, name) in enumerate(zip(staende, namen), start=1)
    ]
    return VerlaufAuswertung(verlauf(abrisse), staende[-1].feldnamen)


def ausfuehren(args: argparse.Namespace) -> int:
    """Write the Sitzungsvorlage; 0 written, 1 bad input, 2 bad call."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation import export_pdf
    from ipdaten.praesentation.export_docx import VorlagenFehler, docx_bytes
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
    from ipdaten.praesentation.vorlage_daten import STANDARD_GREMIUM, Sitzungsangaben

    eingaben = [args.datei, *args.vorher, args.vorlage, args.zuordnung]
    if args.ausgabe:
        _ziele(args, None, eingaben)  # a wrong target is refused before any work
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    sitzungsdatum = None
    if args.sitzungsdatum:
        sitzungsdatum = datum(args.sitzungsdatum)
        if sitzungsdatum is None:
            print(
                f"Fehler: „{args.sitzungsdatum}“ ist kein Datum. Bitte als TT.MM.JJJJ angeben, z. B. 27.11.2017.",
                file=sys.stderr,
            )
            return 2
    anlage = lade(args.datei, zuordnung)
    if anlage is None:
        return 1
    fruehere = []
    for pfad in args.vorher:
        alt = lade(pfad, zuordnung)
        if alt is None:
            return 1
        fruehere.append(alt)
    word, pdf = _ziele(args, anlage.stand, eingaben)
    angaben = Sitzungsangaben(
        gremium=(args.gremium or "").strip() or STANDARD_GREMIUM,
        sitzungsdatum=sitzungsdatum,
        beschluss=args.beschlussfassung,
        beschlussvorschlag=(args.beschlussvorschlag or "").strip(),
        oeffentlich=not args.nichtoeffentlich,
    )
    try:
        daten = docx_bytes(
            sitzungsvorlage(
                Auswertung(anlage),
                vorher=Auswertung(fruehere[-1]) if fruehere else None,
                verlauf=_verlauf([*fruehere, anlage], [*args.vorher, args.datei]) if fruehere else None,
                angaben=angaben,
            ),
            vorlage_datei=Path(args.vorlage) if args.vorlage else None,
        )
    except VorlagenFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    stand = f"(Stand {fmt.datum(anlage.stand)})"
    if word is not None:
        if not schreibe_ausgabe(word, daten):
            return 1
        print(f"Sitzungsvorlage geschrieben: {word} {stand}")
    if pdf is not None:
        try:
            pdf_daten = export_pdf.pdf_bytes(daten)
        except export_pdf.PdfFehler as e:
            nur_word = " Die Word-Datei ist geschrieben." if word is not None else ""
            print(f"Fehler: {e}{nur_word}", file=sys.stderr)
            return 1
        if not schreibe_ausgabe(pdf, pdf_daten):
            return 1
        print(f"Sitzungsvorlage (PDF) geschrieben: {pdf} {stand}")
    drucke_hinweise(quittung(anlage).warnungen)
    return 0

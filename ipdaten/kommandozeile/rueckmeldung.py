"""`rueckmeldung boegen` and `rueckmeldung einlesen`: the Rückmelderunde on the command line.

`boegen` writes one form per lead body (or per Handlungsfeld) into a folder; `einlesen` reads
the returned forms and writes her workbook with only the changed cells written – or, when a
form cannot be used or two forms contradict each other, writes nothing and exits with 1.
The command line keeps no store: the round is recognised from the forms themselves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import Any

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.kommandozeile.gemeinsam import (
    ZUORDNUNG_HILFE,
    AufrufFehler,
    datum,
    lade,
    lies_bytes,
    lies_zuordnung,
    pruefe_ausgabe,
    schreibe_ausgabe,
)
from ipdaten.rueckmeldung import (
    Eingang,
    FortschreibungFehler,
    Runde,
    Zusammenfuehrung,
    bogen_bytes,
    lies_boegen,
    neue_runde,
    runde_aus_boegen,
    ueberblick,
    zusammenfuehren,
)
from ipdaten.rueckmeldung.uebersicht import BEANTWORTET
from ipdaten.rueckmeldung.zusammenfuehren import FELD_TITEL

AUFRUF = (
    "python -m ipdaten rueckmeldung boegen MAPPE.xlsx -o ORDNER [--titel T] [--frist JJJJ-MM-TT]  |  "
    "python -m ipdaten rueckmeldung einlesen MAPPE.xlsx BOGEN.xlsx [BOGEN.xlsx …] -o NEU.xlsx"
)


def einrichten(befehle: Any) -> None:
    """Add `rueckmeldung boegen|einlesen` to the parser's commands."""
    rueckmeldung = befehle.add_parser("rueckmeldung", help="Rückmelderunde: Bögen schreiben und einlesen")
    teile = rueckmeldung.add_subparsers(dest="schritt", required=True)
    boegen = teile.add_parser("boegen", help="je federführender Stelle einen Rückmeldebogen schreiben")
    boegen.add_argument("mappe")
    boegen.add_argument("-o", "--ausgabe", required=True, help="Ordner für die Bögen")
    boegen.add_argument("--titel", default="", help="Titel der Runde, z. B. „Fortschreibung Herbst 2017“")
    boegen.add_argument("--frist", default="", help="Rücklauf bis JJJJ-MM-TT (oder TT.MM.JJJJ)")
    boegen.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    boegen.set_defaults(ausfuehren=schreibe_boegen)
    einlesen = teile.add_parser("einlesen", help="ausgefüllte Bögen einlesen und die Arbeitsmappe fortschreiben")
    einlesen.add_argument("mappe")
    einlesen.add_argument("boegen", nargs="+")
    einlesen.add_argument("-o", "--ausgabe", required=True, help="die fortgeschriebene Arbeitsmappe (.xlsx)")
    einlesen.add_argument("--zuordnung", help=ZUORDNUNG_HILFE)
    einlesen.set_defaults(ausfuehren=lies_ein)


def schreibe_boegen(args: argparse.Namespace) -> int:
    """Write one form per recipient into the folder; 0 written, 1 bad input, 2 wrong call."""
    frist = None
    if args.frist:
        frist = datum(args.frist)
        if frist is None:
            raise AufrufFehler(f"„{args.frist}“ ist kein Datum. Bitte als JJJJ-MM-TT angeben, z. B. 2017-10-31.")
    ordner = Path(args.ausgabe)
    if ordner.exists() and not ordner.is_dir():
        raise AufrufFehler(f"„{ordner}“ ist eine Datei; bitte mit -o einen Ordner angeben.")
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    daten = lies_bytes(args.mappe)
    anlage = lade(args.mappe, zuordnung) if daten is not None else None
    if daten is None or anlage is None:
        return 1
    titel = args.titel.strip() or f"Rückmelderunde {fmt.datum(fmt.jetzt().date())}"
    runde = neue_runde(anlage, hashlib.sha256(daten).hexdigest(), titel, frist)
    ziele = [pruefe_ausgabe(ordner / e.dateiname, [args.mappe, args.zuordnung]) for e in runde.empfaenger]
    try:
        ordner.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"Fehler: Der Ordner „{ordner}“ kann nicht angelegt werden ({e.strerror or e}).", file=sys.stderr)
        return 1
    print(f"Runde „{runde.titel}“" + (f", Rücklauf bis {fmt.datum(frist)}" if frist else "") + ":")
    art = "federführende Stelle" if runde.nach_zustaendigkeit else "Handlungsfeld"
    for empfaenger, ziel in zip(runde.empfaenger, ziele, strict=True):
        if not schreibe_ausgabe(ziel, bogen_bytes(runde, empfaenger, anlage)):
            return 1
        print(f"  {empfaenger.name}: {len(empfaenger.empfehlungen)} Empfehlung(en) → {ziel}")
    print(f"{len(runde.empfaenger)} Bögen geschrieben (einer je {art}).")
    return 0


def _zeige_befunde(eingang: Eingang) -> None:
    for bogen in eingang.boegen:
        if bogen.befunde:
            art = "kann nicht verwendet werden" if not bogen.gueltig else "Hinweise"
            print(f"{bogen.dateiname} – {art}:", file=sys.stderr)
            for befund in bogen.befunde:
                print(f"  - {befund.schwere}: {befund.als_text()}", file=sys.stderr)
        elif bogen.rueckmeldung is not None and bogen.rueckmeldung.unausgefuellt:
            print(
                f"{bogen.dateiname} – Hinweis: Der Bogen ist unausgefüllt (kein Name, keine Eintragung) und "
                "zählt nicht als Rückmeldung.",
                file=sys.stderr,
            )


def lies_ein(args: argparse.Namespace) -> int:
    """Read the returned forms and write the revised workbook; 0 written, 1 findings (nothing written)."""
    ziel = pruefe_ausgabe(args.ausgabe, [args.mappe, *args.boegen, args.zuordnung])
    zuordnung = lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    daten = lies_bytes(args.mappe)
    anlage = lade(args.mappe, zuordnung) if daten is not None else None
    gelesen = [(Path(p).name, lies_bytes(p)) for p in args.boegen]
    dateien = [(name, d) for name, d in gelesen if d is not None]
    if daten is None or anlage is None or len(dateien) < len(gelesen):
        return 1
    sha = hashlib.sha256(daten).hexdigest()
    # Without a form made from this workbook every form is refused as one from another workbook.
    runde = runde_aus_boegen(dateien, anlage, sha) or neue_runde(anlage, sha, "(keine)")
    eingang = lies_boegen(dateien, runde, anlage, zuordnung)
    _zeige_befunde(eingang)
    if eingang.abgelehnt:
        print(
            f"Es wurde nichts geschrieben: {len(eingang.abgelehnt)} von {len(dateien)} Bögen können nicht "
            "verwendet werden (siehe oben).",
            file=sys.stderr,
        )
        return 1
    if eingang.konflikte:
        print("Es wurde nichts geschrieben: Bögen widersprechen sich:", file=sys.stderr)
        for konflikt in eingang.konflikte:
            antworten = "; ".join(
                f"„{a.rueckmeldung.dateiname}“ ({a.rueckmeldung.absender or 'ohne Namen'}): "
                + ", ".join(f"{FELD_TITEL[f]} „{getattr(a.meldung, f) or '–'}“" for f in konflikt.felder)
                for a in konflikt.antworten
            )
            print(f"  - Empfehlung {konflikt.nr}: {antworten}", file=sys.stderr)
        print("Bitte nur den gültigen Bogen angeben (oder im Dashboard entscheiden).", file=sys.stderr)
        return 1
    if not eingang.rueckmeldungen:
        print("Es wurde nichts geschrieben: keiner der Bögen enthält eine Rückmeldung.", file=sys.stderr)
        return 1
    heute = fmt.jetzt().date()
    try:
        ergebnis = zusammenfuehren(
            eingang.rueckmeldungen, (), daten, anlage, heute=heute, zuordnung=zuordnung, titel=runde.titel
        )
    except FortschreibungFehler as e:
        print("Es wurde nichts geschrieben:", file=sys.stderr)
        for befund in e.befunde:
            print(f"  - {befund.als_text()}", file=sys.stderr)
        return 1
    geschrieben = ergebnis.fortschreibung
    if geschrieben is None or not schreibe_ausgabe(ziel, geschrieben.daten):
        return 1
    _bericht(runde, eingang, ergebnis, anlage, heute)
    neu = f"; neue Spalten: {', '.join(geschrieben.neue_spalten)}" if geschrieben.neue_spalten else ""
    print(f"Geschrieben: {ziel} (nur {len(geschrieben.zellen)} geänderte Zellen{neu}).")
    return 0


def _bericht(runde: Runde, eingang: Eingang, ergebnis: Zusammenfuehrung, anlage: Anlage, heute: dt.date) -> None:
    stellen = ueberblick(runde, eingang.rueckmeldungen, anlage, heute)
    print(
        f"Runde „{runde.titel}“: {sum(s.zustand == BEANTWORTET for s in stellen)} von {len(stellen)} Stellen haben geantwortet."
    )
    for s in stellen:
        if s.zustand == BEANTWORTET:
            von = f" ({s.absender})" if s.absender else ""
            print(f"  {s.empfaenger.name}{von}: {s.empfehlungen} Empfehlung(en), {s.geaendert} geändert")
    fehlend = [s.empfaenger.name for s in stellen if s.zustand != BEANTWORTET]
    if fehlend:
        print("Ohne Rückmeldung: " + ", ".join(fehlend))
    for a in ergebnis.aenderungen:
        print(f"  {a.nr} {FELD_TITEL[a.feld]}: {a.alt} → {a.neu} ({a.stelle})")
    for befund in ergebnis.hinweise:
        print(f"- {befund.schwere}: {befund.als_text()}")

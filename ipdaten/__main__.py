"""Command line: `python -m ipdaten pruefen|kennzahlen DATEI.xlsx [--zuordnung ZUORDNUNG.toml] [--json]`,
`python -m ipdaten einbuergerung STATISTIK.csv [BEVOELKERUNG.csv] --mappe DATEI.xlsx -o NEU.xlsx` and
`python -m ipdaten bericht DATEI.xlsx [--vorher ALT.xlsx] -o vorlage.docx` (the Sitzungsvorlage).

`pruefen` prints, for a workbook it does not recognise, the proposed mapping as TOML; saved and
completed, that file is what `--zuordnung` takes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ipdaten import format as fmt
from ipdaten.amtlich.ablauf import BEDIENUNG_JAHRE, einbuergerung_aus_statistik, jahre_aus_text
from ipdaten.amtlich.quote import REGION_STUTTGART, TABELLE, VORJAHR
from ipdaten.arbeitsmappe import (
    MAX_DATEI_BYTES,
    AnlageUngueltig,
    Zuordnung,
    ZuordnungUngueltig,
    aus_toml,
    lade_anlage,
    schlage_zuordnung_vor,
)
from ipdaten.zahlen.kennzahlen import kennzahlen_json, status_gesamt

AUFRUF = (
    "python -m ipdaten pruefen DATEI.xlsx [--zuordnung ZUORDNUNG.toml]  |  "
    "python -m ipdaten kennzahlen DATEI.xlsx [--zuordnung ZUORDNUNG.toml] [--json]\n"
    "        python -m ipdaten einbuergerung STATISTIK.csv [BEVOELKERUNG.csv] --mappe DATEI.xlsx -o NEU.xlsx "
    "[--kreise 08111,08115,…] [--jahre 2014-2016] [--definition tabelle|vorjahr]\n"
    "        python -m ipdaten bericht DATEI.xlsx [--vorher ALT.xlsx] [-o vorlage.docx] [--sitzungsdatum TT.MM.JJJJ] "
    "[--vorlage VORLAGE.docx] [--zuordnung ZUORDNUNG.toml]"
)


class _Parser(argparse.ArgumentParser):
    """argparse with a German message for a wrong call (exit code 2)."""

    def error(self, message: str):
        """Print the correct call in German and exit with 2."""
        del message  # argparse speaks English; the call itself says enough
        print(f"Falscher Aufruf.\nAufruf: {AUFRUF}", file=sys.stderr)
        sys.exit(2)


def _lies_zuordnung(pfad: str | None) -> Zuordnung | bool | None:
    """The mapping file, None without one, False after printing why it cannot be used."""
    if pfad is None:
        return None
    try:
        return aus_toml(Path(pfad).read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"Fehler: Die Zuordnungsdatei „{pfad}“ gibt es nicht.", file=sys.stderr)
    except (OSError, UnicodeDecodeError) as e:
        print(f"Fehler: Die Zuordnungsdatei „{pfad}“ kann nicht gelesen werden ({e}).", file=sys.stderr)
    except ZuordnungUngueltig as e:
        print(f"Fehler in der Zuordnungsdatei „{pfad}“: {e}", file=sys.stderr)
    return False


def _schlage_vor(datei: Path, zuordnung: Zuordnung | None) -> None:
    """Print the proposed mapping (TOML on stdout) when a mapping can help."""
    try:
        if datei.stat().st_size > MAX_DATEI_BYTES:
            return  # refused for its size already; reading it for a proposal would cost as much
        vorschlag = schlage_zuordnung_vor(datei.read_bytes(), zuordnung)
    except OSError:
        return
    if vorschlag is None:
        return
    offen = len(vorschlag.offen)
    print(
        "\nVorgeschlagene Zuordnung (als Datei speichern"
        + (f", die {offen} offenen Punkte ausfüllen" if offen else "")
        + " und mit „--zuordnung DATEI.toml“ erneut aufrufen):",
        file=sys.stderr,
    )
    print(vorschlag.als_toml(), end="")


def _lade(pfad: str, zuordnung: Zuordnung | None = None, vorschlagen: bool = False):
    datei = Path(pfad)
    if not datei.exists():
        print(f"Fehler: Die Datei „{pfad}“ gibt es nicht.", file=sys.stderr)
        return None
    if not datei.is_file():
        print(f"Fehler: „{pfad}“ ist keine Datei (sondern z. B. ein Ordner).", file=sys.stderr)
        return None
    try:
        return lade_anlage(datei, zuordnung=zuordnung)
    except OSError as e:
        print(f"Fehler: Die Datei „{pfad}“ kann nicht gelesen werden ({e.strerror or e}).", file=sys.stderr)
        return None
    except AnlageUngueltig as e:
        fehler = e.fehler
        print(f"Die Arbeitsmappe „{datei.name}“ ist ungültig ({len(fehler)} Fehler):", file=sys.stderr)
        for befund in e.befunde:
            print(f"- {befund.schwere}: {befund.als_text()}", file=sys.stderr)
        if vorschlagen:
            _schlage_vor(datei, zuordnung)
        return None


def _datum(text: str) -> dt.date | None:
    for muster in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), muster).date()
        except ValueError:
            continue
    return None


def _bericht(args, zuordnung) -> int:
    """Write the Sitzungsvorlage; 0 written, 1 bad input, 2 bad date."""
    from ipdaten.darstellung.auswertung import Auswertung
    from ipdaten.praesentation.export_docx import VorlagenFehler, dateiname, docx_bytes
    from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage

    sitzungsdatum = None
    if args.sitzungsdatum:
        sitzungsdatum = _datum(args.sitzungsdatum)
        if sitzungsdatum is None:
            print(
                f"Fehler: „{args.sitzungsdatum}“ ist kein Datum. Bitte als TT.MM.JJJJ angeben, z. B. 27.11.2017.",
                file=sys.stderr,
            )
            return 2
    anlage = _lade(args.datei, zuordnung)
    if anlage is None:
        return 1
    vorher = None
    if args.vorher:
        alt = _lade(args.vorher, zuordnung)
        if alt is None:
            return 1
        vorher = Auswertung(alt)
    ziel = Path(args.ausgabe or dateiname(anlage.stand))
    try:
        daten = docx_bytes(
            sitzungsvorlage(Auswertung(anlage), vorher=vorher, sitzungsdatum=sitzungsdatum),
            vorlage_datei=Path(args.vorlage) if args.vorlage else None,
        )
    except VorlagenFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    try:
        ziel.write_bytes(daten)
    except OSError as e:
        print(f"Fehler: „{ziel}“ kann nicht geschrieben werden ({e.strerror or e}).", file=sys.stderr)
        return 1
    print(f"Sitzungsvorlage geschrieben: {ziel} (Stand {fmt.datum(anlage.stand)})")
    return 0


def main(argumente: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 valid, 1 findings, 2 usage)."""
    parser = _Parser(prog="python -m ipdaten", description="Anlage 1 prüfen und auswerten.")
    befehle = parser.add_subparsers(dest="befehl", required=True)
    pruefen = befehle.add_parser("pruefen", help="Arbeitsmappe prüfen")
    pruefen.add_argument("datei")
    pruefen.add_argument("--zuordnung", help="Zuordnung (TOML) der Blätter, Spalten und Statuswörter")
    kennzahlen = befehle.add_parser("kennzahlen", help="Kennzahlen ausgeben")
    kennzahlen.add_argument("datei")
    kennzahlen.add_argument("--zuordnung", help="Zuordnung (TOML) der Blätter, Spalten und Statuswörter")
    kennzahlen.add_argument("--json", action="store_true", help="als JSON auf stdout")
    einbuergerung = befehle.add_parser("einbuergerung", help="Einbürgerungsquoten aus der amtlichen Statistik")
    einbuergerung.add_argument("statistik", nargs="+")
    einbuergerung.add_argument("--mappe", required=True)
    einbuergerung.add_argument("-o", "--ausgabe", required=True)
    einbuergerung.add_argument("--kreise", default=",".join(REGION_STUTTGART))
    einbuergerung.add_argument("--jahre", default="")
    einbuergerung.add_argument("--definition", choices=[TABELLE, VORJAHR], default=None)
    einbuergerung.add_argument("--zuordnung", help="Zuordnung (TOML) der Arbeitsmappe")
    bericht = befehle.add_parser("bericht", help="Sitzungsvorlage (Word) schreiben")
    bericht.add_argument("datei")
    bericht.add_argument("--vorher", help="Arbeitsmappe des vorigen Stands (für die Veränderung)")
    bericht.add_argument("-o", "--ausgabe", help="Ziel-Datei (.docx)")
    bericht.add_argument("--sitzungsdatum", help="Sitzungsdatum TT.MM.JJJJ (sonst aus den Meilensteinen)")
    bericht.add_argument("--vorlage", help="eigene Word-Vorlage (.docx) statt daten/vorlage_sitzung.docx")
    bericht.add_argument("--zuordnung", help="Zuordnung (TOML) der Blätter, Spalten und Statuswörter")
    args = parser.parse_args(argumente)
    if args.befehl == "einbuergerung":
        return _einbuergerung(args)

    zuordnung = _lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    if args.befehl == "bericht":
        return _bericht(args, zuordnung)
    anlage = _lade(args.datei, zuordnung, vorschlagen=args.befehl == "pruefen")
    if anlage is None:
        return 1
    if args.befehl == "kennzahlen" and args.json:
        json.dump(kennzahlen_json(anlage), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    gesamt = status_gesamt(anlage)
    print(f"Die Arbeitsmappe „{Path(args.datei).name}“ ist gültig.")
    print(f"Stand: {fmt.datum(anlage.stand)} – {anlage.titel}")
    if anlage.zuordnung is not None:
        print("Gelesen mit der Zuordnung:")
        for zeile in anlage.zuordnung.beschreibung():
            print(f"  {zeile}")
    print(
        f"{len(anlage.handlungsfelder)} Handlungsfeld(er), {gesamt['empfehlungen']} Empfehlung(en), "
        f"{len(anlage.einbuergerung)} Einbürgerungswerte, {len(anlage.haushalt)} Haushaltspositionen, "
        f"{len(anlage.meilensteine)} Meilensteine."
    )
    for status, anzahl in gesamt["status"].items():
        print(f"  {status}: {anzahl} ({fmt.anteil_tabelle(gesamt['anteil'][status])})")
    if anlage.warnungen:
        print(f"{len(anlage.warnungen)} Warnung(en):")
        for befund in anlage.warnungen:
            print(f"- {befund.als_text()}")
    return 0


def _lies_bytes(pfad: str) -> bytes | None:
    datei = Path(pfad)
    if not datei.is_file():
        print(f"Fehler: Die Datei „{pfad}“ gibt es nicht.", file=sys.stderr)
        return None
    try:
        return datei.read_bytes()
    except OSError as e:
        print(f"Fehler: Die Datei „{pfad}“ kann nicht gelesen werden ({e.strerror or e}).", file=sys.stderr)
        return None


def _einbuergerung(args) -> int:
    """Compute the quota from statistics files and write the revised workbook."""
    if len(args.statistik) > 2:
        print("Fehler: höchstens zwei Statistikdateien (Einbürgerungen, Bevölkerung).", file=sys.stderr)
        return 2
    dateien = [(Path(p).name, _lies_bytes(p)) for p in args.statistik]
    mappe = _lies_bytes(args.mappe)
    if mappe is None or any(d is None for _, d in dateien):
        return 1
    jahre = jahre_aus_text(args.jahre)
    if jahre is None:
        print(f"Fehler: „{args.jahre}“ sind keine Jahre. {BEDIENUNG_JAHRE}", file=sys.stderr)
        return 2
    kreise = [k.strip() for k in args.kreise.split(",") if k.strip()]
    zuordnung = _lies_zuordnung(args.zuordnung)
    if zuordnung is False:
        return 1
    lauf = einbuergerung_aus_statistik(dateien, mappe, kreise, jahre, args.definition, zuordnung)
    if lauf.befunde:
        print(f"Es wurde nichts geschrieben ({len(lauf.befunde)} Befund(e)):", file=sys.stderr)
        for zeile in lauf.befunde:
            print(f"- {zeile}", file=sys.stderr)
        return 1
    try:
        Path(args.ausgabe).write_bytes(lauf.ueberarbeitung.daten)
    except OSError as e:
        print(f"Fehler: „{args.ausgabe}“ kann nicht geschrieben werden ({e.strerror or e}).", file=sys.stderr)
        return 1
    for zeile in lauf.bericht():
        print(zeile)
    print(f"Geschrieben: {args.ausgabe} (nur das Blatt „{lauf.ueberarbeitung.blatt}“ ist ersetzt).")
    return 0


def starte(argumente: list[str] | None = None) -> int:
    """Run the command line as `python -m ipdaten` does: exit code, never a traceback."""
    try:
        return main(argumente)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. `head`) left; nothing more to say
        return 0
    except Exception as e:  # last resort: a German message, never a traceback
        print(f"Interner Fehler beim Verarbeiten der Datei ({type(e).__name__}): {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(starte())

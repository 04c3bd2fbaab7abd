"""What every command of the command line shares: the German argument parser, reading the input
files and a mapping, and the one safe way to write an output file."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Literal, NoReturn

from ipdaten.arbeitsmappe import (
    MAX_DATEI_BYTES,
    Anlage,
    AnlageUngueltig,
    Zuordnung,
    ZuordnungUngueltig,
    aus_toml,
    lade_anlage,
    schlage_zuordnung_vor,
)
from ipdaten.arbeitsmappe.datei_pruefung import zu_gross
from ipdaten.fehler import IpdatenFehler

ZUORDNUNG_HILFE = "Zuordnung (TOML) der Blätter, Spalten und Statuswörter"


class AufrufFehler(IpdatenFehler):
    """A wrong call that argparse cannot see (e.g. -o names an input); exit code 2."""


class Parser(argparse.ArgumentParser):
    """argparse with a German message for a wrong call (exit code 2)."""

    def __init__(self, *args: Any, aufruf: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.aufruf = aufruf

    def error(self, message: str) -> NoReturn:
        """Print the correct call in German and exit with 2."""
        del message  # argparse speaks English; the call itself says enough
        print(f"Falscher Aufruf.\nAufruf: {self.aufruf}", file=sys.stderr)
        sys.exit(2)


def lies_zuordnung(pfad: str | None) -> Zuordnung | Literal[False] | None:
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


def lade(pfad: str, zuordnung: Zuordnung | None = None, vorschlagen: bool = False) -> Anlage | None:
    """The Anlage of a workbook file, or None after printing the German findings."""
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


def lies_bytes(pfad: str) -> bytes | None:
    """The bytes of an input workbook, or None after printing why they cannot be read (a file above
    the size bound is refused before it is read)."""
    datei = Path(pfad)
    if not datei.is_file():
        print(f"Fehler: Die Datei „{pfad}“ gibt es nicht.", file=sys.stderr)
        return None
    try:
        befund = zu_gross(datei.stat().st_size)
        if befund is not None:
            print(f"Fehler: „{pfad}“: {befund.meldung}", file=sys.stderr)
            return None
        return datei.read_bytes()
    except OSError as e:
        print(f"Fehler: Die Datei „{pfad}“ kann nicht gelesen werden ({e.strerror or e}).", file=sys.stderr)
        return None


def oeffne(pfad: str, offen: contextlib.ExitStack) -> BinaryIO | None:
    """An input file opened for reading (closed with `offen`), or None after printing why not."""
    datei = Path(pfad)
    if not datei.is_file():
        print(f"Fehler: Die Datei „{pfad}“ gibt es nicht.", file=sys.stderr)
        return None
    try:
        return offen.enter_context(datei.open("rb"))
    except OSError as e:
        print(f"Fehler: Die Datei „{pfad}“ kann nicht gelesen werden ({e.strerror or e}).", file=sys.stderr)
        return None


def datum(text: str) -> dt.date | None:
    """A date written TT.MM.JJJJ or JJJJ-MM-TT, or None."""
    for muster in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.strip(), muster).date()
        except ValueError:
            continue
    return None


def _dieselbe_datei(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def pruefe_ausgabe(ziel: str | Path, eingaben: list[str | Path]) -> Path:
    """The output path, checked before any work: refused (AufrufFehler) when it names one of the
    inputs – writing would destroy the file being read – or an existing folder."""
    ziel = Path(ziel)
    for eingabe in eingaben:
        if eingabe is not None and _dieselbe_datei(ziel, Path(eingabe)):
            raise AufrufFehler(
                f"Die Ausgabe „{ziel}“ ist zugleich eine Eingabe; sie würde überschrieben. "
                "Bitte mit -o eine andere Datei angeben."
            )
    if ziel.is_dir():
        raise AufrufFehler(f"Die Ausgabe „{ziel}“ ist ein Ordner; bitte einen Dateinamen angeben.")
    return ziel


def _dateirechte(ziel: Path) -> int:
    """The permissions a plain write would give: the target's own, else 0666 minus the umask
    (mkstemp alone would leave 0600)."""
    try:
        return ziel.stat().st_mode & 0o777
    except OSError:
        maske = os.umask(0)
        os.umask(maske)
        return 0o666 & ~maske


def schreibe_ausgabe(ziel: Path, daten: bytes) -> bool:
    """Write an output file whole or not at all: into a temporary file beside it, then renamed
    over the target. False after printing why it could not be written."""
    ordner = ziel.parent if str(ziel.parent) else Path(".")
    try:
        griff, vorlaeufig = tempfile.mkstemp(prefix=f".{ziel.name}.", suffix=".tmp", dir=ordner)
    except OSError as e:
        print(f"Fehler: „{ziel}“ kann nicht geschrieben werden ({e.strerror or e}).", file=sys.stderr)
        return False
    try:
        os.chmod(vorlaeufig, _dateirechte(ziel))
        with os.fdopen(griff, "wb") as datei:
            datei.write(daten)
            datei.flush()
            os.fsync(datei.fileno())
        os.replace(vorlaeufig, ziel)
    except OSError as e:
        Path(vorlaeufig).unlink(missing_ok=True)
        print(f"Fehler: „{ziel}“ kann nicht geschrieben werden ({e.strerror or e}).", file=sys.stderr)
        return False
    return True


def drucke_hinweise(befunde: list[Any], worum: str = "zur Arbeitsmappe") -> None:
    """The plausibility layer's warnings, cause by cause, on stdout ('3 Hinweis(e) zur Arbeitsmappe:')."""
    if befunde:
        print(f"{len(befunde)} Hinweis(e) {worum}:")
        for befund in befunde:
            print(f"- {befund.als_text()}")

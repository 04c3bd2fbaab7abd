"""Why the store of Stände cannot be used, in German, with what to do next (by the cause)."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from ipdaten.arbeitsmappe import AnlageUngueltig
from ipdaten.fehler import IpdatenFehler

UMGEBUNGSVARIABLE = "IPDATEN_ABLAGE"


class AblageFehler(IpdatenFehler):
    """The store cannot be opened or read; the message is German and meant for the user."""


class StandVeraltet(AblageFehler):
    """A workbook written into Stand `basis` is published after a newer Stand came: publishing it
    would silently undo that Stand's changes, so it is refused (nothing is stored)."""

    def __init__(self, basis: int, neuester: int):
        self.basis, self.neuester = basis, neuester
        super().__init__(
            f"Diese Vorschau wurde in Stand Nr. {basis} eingetragen, inzwischen ist aber Stand Nr. {neuester} "
            "veröffentlicht worden. Veröffentlicht würde sie dessen Änderungen rückgängig machen; es wurde "
            "nichts veröffentlicht. Bitte die Vorschau verwerfen und die Änderung (Rückmeldungen, Korrektur "
            "oder amtliche Statistik) erneut übernehmen – sie wird dann in den neuesten Stand eingetragen."
        )


def nur_lesbar_fehler(verzeichnis: Path) -> str:
    """Why nothing can be published into a store the server may only read."""
    return (
        f"Die Ablage der Stände im Verzeichnis „{verzeichnis}“ ist nur lesbar: Der Server darf dort nicht "
        "schreiben. Die veröffentlichten Stände werden angezeigt; veröffentlichen lässt sich erst, wenn das "
        "Benutzerkonto des Servers Schreibrechte für das Verzeichnis und die Datei darin hat."
    )


def _voll(verzeichnis: Path, fehler: Exception) -> bool:
    """Whether `fehler` means the disk is full (SQLite says so, or says "disk I/O error" with no
    space left where the store is)."""
    if isinstance(fehler, OSError) and fehler.errno == errno.ENOSPC:
        return True
    if getattr(fehler, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(fehler).lower():
        return True
    if isinstance(fehler, sqlite3.OperationalError) and "i/o" in str(fehler).lower():
        try:
            return shutil.disk_usage(verzeichnis).free < 1024 * 1024
        except OSError:
            return False
    return False


def oeffnen_fehler(
    verzeichnis: Path, pfad: Path, standard_mappe: Path, fehler: Exception, vorgang: str = "geöffnet"
) -> str:
    """Why the store cannot be opened (or, by `vorgang`, read or written) and what to do, by the
    cause: a corrupt file is not a question of write permissions."""
    kopf = f"Die Ablage der Stände im Verzeichnis „{verzeichnis}“ kann nicht {vorgang} werden"
    anderes = f"oder mit der Umgebungsvariable {UMGEBUNGSVARIABLE} ein anderes Verzeichnis angeben"
    text = str(fehler).lower()
    if isinstance(fehler, AnlageUngueltig) or (
        isinstance(fehler, FileNotFoundError) and Path(fehler.filename or "") == standard_mappe
    ):
        return (
            f"{kopf}: Die Standard-Arbeitsmappe „{standard_mappe}“ fehlt oder ist ungültig. "
            "So geht es weiter: die Datei aus dem Projekt wiederherstellen (oder mit "
            "`python daten/erzeuge_anlage1.py` neu erzeugen) und die Seite neu laden."
        )
    if isinstance(fehler, (NotADirectoryError, FileExistsError)):
        return (
            f"{kopf}: Unter diesem Pfad liegt eine Datei, kein Ordner. So geht es weiter: "
            f"die Datei umbenennen {anderes}."
        )
    if isinstance(fehler, sqlite3.DatabaseError) and ("not a database" in text or "malformed" in text):
        return (
            f"{kopf}: Die Datei „{pfad.name}“ ist beschädigt oder keine SQLite-Datenbank – "
            "an den Schreibrechten liegt es nicht. So geht es weiter: die letzte Sicherung des Ordners "
            f"zurückkopieren, oder die Datei umbenennen (z. B. in „{pfad.stem}-defekt"
            f"{pfad.suffix}“), dann legt der Server beim nächsten Laden eine neue Ablage mit der "
            f"Standard-Arbeitsmappe als Stand Nr. 1 an, {anderes}."
        )
    if "locked" in text or "busy" in text:
        return (
            f"{kopf}: Ein anderes Programm hält die Datenbank gesperrt. So geht es weiter: in einigen "
            "Sekunden neu laden; bleibt die Sperre, das andere Programm (z. B. eine laufende Sicherung) "
            "beenden."
        )
    if isinstance(fehler, PermissionError) or "readonly" in text or "read-only" in text or "permission" in text:
        return (
            f"{kopf}: Der Server darf dort nicht schreiben. So geht es weiter: dem Benutzerkonto des "
            f"Servers Schreibrechte für das Verzeichnis geben {anderes}."
        )
    if _voll(verzeichnis, fehler):
        return (
            f"{kopf}: Der Datenträger ist voll. So geht es weiter: auf dem Datenträger Platz schaffen (die "
            f"Ablage selbst bleibt unverändert) {anderes}."
        )
    return (
        f"{kopf} ({type(fehler).__name__}: {fehler}). So geht es weiter: prüfen, ob das Verzeichnis "
        f"erreichbar und beschreibbar ist, {anderes}."
    )

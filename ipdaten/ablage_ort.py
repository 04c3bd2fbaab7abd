"""Where the store lies: on a network share (where SQLite's locking is not safe), and whether a
store has been there before (the marker that tells a first start from a store that vanished).

The marker is a small file *next to* the store's folder (`.<ordner>.ablage`), not in it: when the
folder itself is deleted, moved or not mounted, the marker is still there and says that Stände
existed. It is written when a store is first set up and whenever a store with Stände is opened
without one (stores from before the marker).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from pathlib import Path

# File system types of network shares as /proc/mounts names them.
NETZ_DATEISYSTEME = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "sshfs",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "davfs",
    "fuse.davfs2",
    "9p",
    "fuse.rclone",
    "lustre",
    "gpfs",
}
_LAUFWERK_NETZ = 4  # GetDriveTypeW: DRIVE_REMOTE


def _einhaengepunkte(mounts: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from the text of /proc/mounts (octal escapes decoded)."""
    punkte = []
    for zeile in mounts.splitlines():
        teile = zeile.split()
        if len(teile) >= 3:
            punkt = teile[1].encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
            punkte.append((punkt, teile[2]))
    return punkte


def dateisystem_linux(pfad: Path, mounts: str) -> str | None:
    """The file system type of the mount that holds `pfad` (None when not found)."""
    bester: tuple[str, str | None] = ("", None)
    ziel = str(pfad)
    for punkt, typ in _einhaengepunkte(mounts):
        drin = ziel == punkt or ziel.startswith(punkt.rstrip("/") + "/")
        if drin and len(punkt) >= len(bester[0]):
            bester = (punkt, typ)
    return bester[1]


def _vorhandener_vorfahr(pfad: Path) -> Path:
    """`pfad` or its nearest existing parent (the store's folder may not exist yet)."""
    pfad = pfad.expanduser().resolve()
    while not pfad.exists() and pfad.parent != pfad:
        pfad = pfad.parent
    return pfad


def netzlaufwerk(pfad: Path) -> str | None:
    """A German description when `pfad` lies on a network share, else None."""
    ort = _vorhandener_vorfahr(Path(pfad))
    if sys.platform == "win32":
        text = str(ort)
        if text.startswith("\\\\"):
            return f"Netzwerkpfad {text}"
        import ctypes

        laufwerk = ort.anchor
        if laufwerk and ctypes.windll.kernel32.GetDriveTypeW(laufwerk) == _LAUFWERK_NETZ:
            return f"Netzlaufwerk {laufwerk}"
        return None
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    typ = dateisystem_linux(ort, mounts)
    return f"Netzwerk-Dateisystem {typ}" if typ in NETZ_DATEISYSTEME else None


def markierung(verzeichnis: Path) -> Path:
    """The marker file next to the store's folder."""
    verzeichnis = Path(verzeichnis)
    return verzeichnis.parent / f".{verzeichnis.name}.ablage"


def hatte_staende(verzeichnis: Path) -> bool:
    """Whether a store with Stände has been in this folder before (the marker exists)."""
    return markierung(verzeichnis).is_file()


def markieren(verzeichnis: Path) -> bool:
    """Write the marker (once; returns False when the parent folder is not writable)."""
    ziel = markierung(verzeichnis)
    if ziel.is_file():
        return True
    try:
        ziel.write_text(
            "Hier liegt die Ablage der Stände des Integrationsplan-Monitors: "
            f"{Path(verzeichnis).name}/ (angelegt oder zuerst gesehen {dt.datetime.now():%d.%m.%Y %H:%M}).\n"
            "Fehlt der Ordner, meldet der Server das laut. Diese Datei nicht löschen.\n",
            encoding="utf-8",
        )
    except OSError:
        return False
    return True


def schreibgeschuetzt(verzeichnis: Path, pfad: Path, fehler: Exception) -> bool:
    """Whether `fehler` on opening the store comes from the server not being allowed to write
    there (a read-only folder, file or file system) – not from a lock or a damaged file."""
    text = str(fehler).lower()
    if "locked" in text or "busy" in text or "malformed" in text or "not a database" in text:
        return False
    if isinstance(fehler, OSError) and fehler.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return True
    return "readonly" in text or not os.access(verzeichnis, os.W_OK) or not os.access(pfad, os.W_OK)


def nur_lesen_uri(pfad: Path) -> str:
    """The SQLite URI to read the store without writing anything. Without a write-ahead log
    that holds unsaved pages, the file is read as unchanging (`immutable`): SQLite then needs no
    lock files, which it could not create in a read-only folder."""
    wal = Path(f"{pfad}-wal")
    unveraenderlich = not wal.is_file() or wal.stat().st_size == 0
    return Path(pfad).resolve().as_uri() + "?mode=ro" + ("&immutable=1" if unveraenderlich else "")

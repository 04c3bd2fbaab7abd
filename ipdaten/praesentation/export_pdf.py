"""The Sitzungsvorlage as PDF (for the Ratsinformationssystem): the same Word document,
converted by LibreOffice headless.

LibreOffice rather than a second renderer: the PDF is then page for page the document she
gets as Word, with the template's letterhead. Each conversion runs in its own temporary folder
with its own LibreOffice profile (a profile is locked by a running instance, so sharing one
would serialise or fail concurrent conversions; a fresh one cost no measurable extra time
here, about 5 s either way) and at most `GLEICHZEITIG` at once, so a room full of clicks cannot
start a LibreOffice per click. Every failure raises `PdfFehler` with a German message; where
LibreOffice is not installed, `pdf_hinweis()` says so before anyone clicks.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from ipdaten.fehler import IpdatenFehler

MIME = "application/pdf"
ZEITLIMIT_S = 180
GLEICHZEITIG = 2
WARTEN_S = 60
# Where LibreOffice may be; IPDATEN_SOFFICE names it explicitly, and on Windows it is usually
# in the default installation folder, not on the PATH.
KANDIDATEN = ("soffice", "libreoffice")
WINDOWS_STANDARD = Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe"
NICHT_INSTALLIERT = (
    "PDF nicht verfügbar: Für die PDF-Fassung braucht der Server LibreOffice, das hier nicht installiert ist. "
    "Die Word-Datei lässt sich in Word mit „Datei → Speichern unter → PDF“ umwandeln; für den Server: "
    "„apt-get install libreoffice-writer-nogui“ (siehe docs/betrieb.md)."
)
_PLAETZE = threading.BoundedSemaphore(GLEICHZEITIG)


class PdfFehler(IpdatenFehler):
    """The PDF could not be made; the message is German and says what to do."""


def libreoffice(finden: Callable[[str], str | None] = shutil.which) -> str | None:
    """The LibreOffice program (soffice) to convert with, or None when there is none: the one
    IPDATEN_SOFFICE names, else soffice/libreoffice on the PATH, else Windows' default folder.
    `finden` looks a program up (shutil.which; replaceable in tests)."""
    eigen = os.environ.get("IPDATEN_SOFFICE", "").strip()
    if eigen:
        return finden(eigen)
    for kandidat in KANDIDATEN:
        pfad = finden(kandidat)
        if pfad:
            return pfad
    return str(WINDOWS_STANDARD) if WINDOWS_STANDARD.is_file() else None


def pdf_hinweis() -> str:
    """'' when PDFs can be made, else the German message why not (shown instead of the button)."""
    return "" if libreoffice() else NICHT_INSTALLIERT


def pdf_bytes(docx: bytes, *, zeitlimit_s: float = ZEITLIMIT_S) -> bytes:
    """The Word document `docx` converted to PDF by LibreOffice. Raises PdfFehler."""
    programm = libreoffice()
    if programm is None:
        raise PdfFehler(NICHT_INSTALLIERT)
    if not _PLAETZE.acquire(timeout=WARTEN_S):
        raise PdfFehler(
            "Gerade werden mehrere PDF-Fassungen erzeugt. Bitte in einer Minute noch einmal versuchen "
            "(die Word-Datei ist sofort verfügbar)."
        )
    try:
        with tempfile.TemporaryDirectory(prefix="ipdaten-pdf-") as ordner:
            quelle = Path(ordner) / "Sitzungsvorlage.docx"
            quelle.write_bytes(docx)
            befehl = [
                programm,
                f"-env:UserInstallation={(Path(ordner) / 'profil').as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf",
                "--outdir",
                ordner,
                str(quelle),
            ]
            try:
                lauf = subprocess.run(befehl, capture_output=True, timeout=zeitlimit_s, check=False)
            except subprocess.TimeoutExpired as e:
                raise PdfFehler(
                    f"LibreOffice hat die PDF-Fassung nicht in {int(zeitlimit_s)} Sekunden erstellt. Bitte später noch "
                    "einmal versuchen oder die Word-Datei in Word als PDF speichern."
                ) from e
            except OSError as e:
                raise PdfFehler(f"LibreOffice konnte nicht gestartet werden ({e.strerror or e}).") from e
            ziel = quelle.with_suffix(".pdf")
            daten = ziel.read_bytes() if ziel.exists() else b""
            if not daten.startswith(b"%PDF"):
                meldung = (lauf.stderr or lauf.stdout or b"").decode("utf-8", "replace").strip()[:300]
                raise PdfFehler(
                    "LibreOffice konnte die Sitzungsvorlage nicht in PDF umwandeln"
                    + (f" ({meldung})" if meldung else f" (Rückgabewert {lauf.returncode})")
                    + ". Die Word-Datei lässt sich in Word als PDF speichern."
                )
            return daten
    finally:
        _PLAETZE.release()


def dateiname(stand: dt.date | None) -> str:
    """'Sitzungsvorlage_Integrationsplan_Stand_2017-03-06.pdf'."""
    return f"Sitzungsvorlage_Integrationsplan_Stand_{stand.isoformat() if stand else 'ohne_Datum'}.pdf"


def fehler_pdf(meldung: str) -> bytes:
    """A one-page PDF that says why the PDF could not be made (what a download delivers
    instead of a broken file when the conversion fails after the button was drawn)."""
    import textwrap

    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure

    figur = Figure(figsize=(8.27, 11.69))  # A4
    FigureCanvasPdf(figur)
    figur.text(0.08, 0.92, "Sitzungsvorlage (PDF) konnte nicht erstellt werden", fontsize=15, weight="bold")
    figur.text(0.08, 0.88, "\n".join(textwrap.wrap(meldung, 90)), fontsize=10, va="top")
    puffer = io.BytesIO()
    figur.savefig(puffer, format="pdf", metadata={"Creator": None, "Producer": None, "CreationDate": None})
    return puffer.getvalue()

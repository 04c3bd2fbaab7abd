"""`selbsttest`: is this machine ready to run the dashboard? Python, packages, the store, the
default workbook, the Word template, LibreOffice, sign-in or password – what is missing, in
German, with what to do. Exit 0: ready (hints aside), 1: something needed is missing."""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipdaten import format as fmt
from ipdaten.ablage import DATEINAME_DB, STANDARD_MAPPE, ablage_verzeichnis
from ipdaten.ablage_ort import hatte_staende, netzlaufwerk
from ipdaten.ablage_sicherung import pruefe
from ipdaten.arbeitsmappe import AnlageUngueltig, lade_anlage
from ipdaten.praesentation import export_pdf
from ipdaten.praesentation.export_docx import STANDARD_VORLAGE

AUFRUF = "python -m ipdaten selbsttest"
WURZEL = Path(__file__).resolve().parents[2]
MINDEST_PYTHON = (3, 11)
AUTH_SCHLUESSEL = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")

OK, HINWEIS, WARNUNG, FEHLT = "OK", "HINWEIS", "WARNUNG", "FEHLT"


@dataclass(frozen=True)
class Punkt:
    """One result: its grade (OK, HINWEIS, WARNUNG, FEHLT) and a German sentence."""

    stufe: str
    text: str


def einrichten(befehle: Any) -> None:
    """Add `selbsttest` to the parser's commands."""
    befehle.add_parser("selbsttest", help="prüfen, ob alles für den Betrieb da ist").set_defaults(ausfuehren=ausfuehren)


def python_version(version: tuple[int, ...] = tuple(sys.version_info[:3])) -> Punkt:
    """The Python version against the minimum."""
    text = ".".join(map(str, version))
    if version[:2] >= MINDEST_PYTHON:
        return Punkt(OK, f"Python {text}")
    return Punkt(FEHLT, f"Python {text} ist zu alt: nötig ist 3.11 oder neuer.")


def anforderungen(datei: Path = WURZEL / "requirements.txt") -> dict[str, str]:
    """The pinned packages of requirements.txt: name → version."""
    paare = {}
    for zeile in datei.read_text(encoding="utf-8").splitlines():
        zeile = zeile.split("#", 1)[0].strip()
        if "==" in zeile:
            name, version = zeile.split("==", 1)
            paare[name.strip()] = version.strip()
    return paare


def pakete(gefordert: dict[str, str], installiert: Callable[[str], str] = importlib.metadata.version) -> list[Punkt]:
    """Every pinned package: missing ones (FEHLT) and other versions (HINWEIS)."""
    punkte, fehlend = [], []
    for name, version in gefordert.items():
        try:
            vorhanden = installiert(name)
        except importlib.metadata.PackageNotFoundError:
            fehlend.append(name)
            punkte.append(Punkt(FEHLT, f"Paket {name} fehlt (verlangt: {version})."))
            continue
        if vorhanden != version:
            punkte.append(Punkt(HINWEIS, f"Paket {name} {vorhanden} statt der erprobten {version}."))
    if fehlend:
        punkte.append(Punkt(HINWEIS, "Installieren mit: pip install -r requirements.txt (im Projektordner)."))
    else:
        punkte.insert(0, Punkt(OK, f"Pakete: alle {len(gefordert)} aus requirements.txt vorhanden"))
    return punkte


def _beschreibbar(ordner: Path) -> bool:
    while not ordner.exists() and ordner.parent != ordner:
        ordner = ordner.parent
    return os.access(ordner, os.W_OK)


def ablage(verzeichnis: Path) -> list[Punkt]:
    """The store: present and sound, writable, not on a network share; or not there yet."""
    db = verzeichnis / DATEINAME_DB
    punkte = []
    if not db.is_file():
        if hatte_staende(verzeichnis):
            punkte.append(
                Punkt(
                    FEHLT,
                    f"Die Ablage „{db}“ fehlt, obwohl dort schon Stände lagen. IPDATEN_ABLAGE prüfen oder die "
                    "Sicherung zurückspielen (python -m ipdaten ablage wiederherstellen SICHERUNG.sqlite).",
                )
            )
        else:
            punkte.append(
                Punkt(HINWEIS, f"Noch keine Ablage in „{verzeichnis}“: Der Server legt sie beim ersten Start an.")
            )
    else:
        pruefung = pruefe(db)
        if pruefung.in_ordnung:
            punkte.append(Punkt(OK, f"Ablage „{db}“: {fmt.anzahl(pruefung.staende, 'Stand', 'Stände')}, in Ordnung"))
        else:
            punkte.append(Punkt(FEHLT, f"Die Ablage „{db}“ ist nicht in Ordnung: " + " ".join(pruefung.fehler)))
    if not _beschreibbar(verzeichnis):
        punkte.append(Punkt(FEHLT, f"In „{verzeichnis}“ darf dieses Benutzerkonto nicht schreiben."))
    netz = netzlaufwerk(verzeichnis)
    if netz:
        punkte.append(
            Punkt(
                WARNUNG,
                f"Die Ablage liegt auf einem Netzlaufwerk ({netz}). SQLite kann dort nicht sicher sperren; "
                "bitte einen lokalen Ordner nehmen und ihn sichern (siehe docs/betrieb.md).",
            )
        )
    return punkte


def standard_mappe(pfad: Path | None = None) -> Punkt:
    """The bundled default workbook (always Stand 1) is there and valid."""
    pfad = pfad or STANDARD_MAPPE
    try:
        lade_anlage(pfad)
    except (OSError, AnlageUngueltig) as e:
        return Punkt(FEHLT, f"Die Standard-Arbeitsmappe „{pfad}“ fehlt oder ist ungültig ({e}).")
    return Punkt(OK, f"Standard-Arbeitsmappe „{pfad.name}“ gültig")


def word_vorlage(pfad: Path | None = None) -> Punkt:
    """The Word template of the Sitzungsvorlage can be read by docxtpl."""
    pfad = pfad or STANDARD_VORLAGE
    try:
        from docxtpl import DocxTemplate

        DocxTemplate(str(pfad)).get_undeclared_template_variables()
    except Exception as e:  # a missing or broken template, whatever docxtpl raises
        return Punkt(FEHLT, f"Die Word-Vorlage „{pfad}“ fehlt oder ist nicht lesbar ({type(e).__name__}: {e}).")
    return Punkt(OK, f"Word-Vorlage „{pfad.name}“ lesbar")


def libreoffice(finden: Callable[[str], str | None] = shutil.which) -> Punkt:
    """LibreOffice (soffice), optional: only the PDF of the Sitzungsvorlage needs it."""
    programm = export_pdf.libreoffice(finden)  # the same lookup as the PDF export
    if programm is None:
        return Punkt(
            HINWEIS, "LibreOffice (soffice) nicht gefunden – nur für die PDF-Fassung der Sitzungsvorlage nötig."
        )
    try:
        ausgabe = subprocess.run([programm, "--version"], capture_output=True, text=True, timeout=60).stdout
        version = (ausgabe.strip().splitlines() or [""])[0]
    except (OSError, subprocess.SubprocessError):
        version = ""
    return Punkt(OK, f"LibreOffice: {version or programm}")


def _geheimnisse() -> dict[str, Any]:
    """secrets.toml as Streamlit reads it: the user's, then the project folder's (later wins)."""
    inhalt: dict[str, Any] = {}
    for datei in (Path.home() / ".streamlit" / "secrets.toml", Path.cwd() / ".streamlit" / "secrets.toml"):
        if datei.is_file():
            try:
                inhalt.update(tomllib.loads(datei.read_text(encoding="utf-8")))
            except (OSError, tomllib.TOMLDecodeError) as e:
                inhalt["_fehler"] = f"{datei}: {e}"
    return inhalt


def anmeldung(geheimnisse: dict[str, Any], umgebung: Mapping[str, str] = os.environ) -> list[Punkt]:
    """Sign-in (OIDC) configured completely, or the publishing password set."""
    if "_fehler" in geheimnisse:
        return [Punkt(FEHLT, f".streamlit/secrets.toml ist nicht lesbar: {geheimnisse['_fehler']}")]
    auth = geheimnisse.get("auth") or {}
    if not auth:
        if geheimnisse.get("IPDATEN_PASSWORT") or umgebung.get("IPDATEN_PASSWORT"):
            return [
                Punkt(OK, "Bearbeiten mit Namen und festem Passwort (IPDATEN_PASSWORT); keine Anmeldung eingerichtet")
            ]
        return [
            Punkt(
                HINWEIS,
                "Kein festes Passwort (IPDATEN_PASSWORT) und keine Anmeldung: Der Server erzeugt bei jedem Start "
                "ein Passwort und schreibt es in sein Protokoll. Für einen Dienst ein festes setzen.",
            )
        ]
    punkte = []
    anbieter = [auth] if "client_id" in auth else [w for w in auth.values() if isinstance(w, dict)]
    fehlend = sorted({s for s in AUTH_SCHLUESSEL for a in anbieter if s not in a and s not in auth})
    if not anbieter or fehlend:
        punkte.append(Punkt(FEHLT, "Anmeldung: im Abschnitt [auth] fehlt " + ", ".join(fehlend or ["client_id"]) + "."))
    try:
        importlib.metadata.version("Authlib")
    except importlib.metadata.PackageNotFoundError:
        punkte.append(
            Punkt(FEHLT, "Anmeldung eingerichtet, aber das Paket Authlib fehlt (pip install -r requirements.txt).")
        )
    redakteure = (geheimnisse.get("ipdaten") or {}).get("redakteure") or []
    if not redakteure:
        punkte.append(
            Punkt(WARNUNG, "Anmeldung eingerichtet, aber [ipdaten] redakteure ist leer: Niemand kann bearbeiten.")
        )
    if not punkte:
        punkte.append(Punkt(OK, f"Anmeldung (OIDC) eingerichtet, {len(redakteure)} Einträge in redakteure"))
    return punkte


def arbeitsordner(ordner: Path) -> Punkt:
    """The server reads .streamlit/config.toml only when started in the project folder."""
    if (ordner / ".streamlit" / "config.toml").is_file():
        return Punkt(OK, f"Arbeitsordner „{ordner}“ mit .streamlit/config.toml")
    return Punkt(
        WARNUNG,
        f"Im Arbeitsordner „{ordner}“ fehlt .streamlit/config.toml: Den Server im Projektordner starten "
        f"({WURZEL}), sonst gelten Streamlits Voreinstellungen (z. B. Adresse, Upload-Grenze).",
    )


def alle_punkte() -> list[Punkt]:
    """Every check, in the order they are printed."""
    return [
        python_version(),
        *pakete(anforderungen()),
        arbeitsordner(Path.cwd()),
        *ablage(ablage_verzeichnis()),
        standard_mappe(),
        word_vorlage(),
        libreoffice(),
        *anmeldung(_geheimnisse()),
    ]


def ausfuehren(args: argparse.Namespace) -> int:
    """Print every check; 0 when nothing needed is missing."""
    del args
    punkte = alle_punkte()
    print("Selbsttest des Integrationsplan-Monitors")
    for punkt in punkte:
        print(f"  {punkt.stufe:<8} {punkt.text}")
    fehlend = [p for p in punkte if p.stufe == FEHLT]
    if fehlend:
        print(f"Nicht bereit: {len(fehlend)} Punkt(e) fehlen (FEHLT).")
        return 1
    print("Bereit." + (" Hinweise und Warnungen oben beachten." if any(p.stufe != OK for p in punkte) else ""))
    return 0

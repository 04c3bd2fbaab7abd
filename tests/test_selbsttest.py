"""`python -m ipdaten selbsttest` (issue 26): what is missing, in German, and the exit code."""

from __future__ import annotations

import importlib.metadata

from ipdaten.ablage import DATEINAME_DB, Ablage, ablage_verzeichnis
from ipdaten.ablage_ort import markieren
from ipdaten.kommandozeile import selbsttest as st_
from ipdaten.kommandozeile.selbsttest import FEHLT, HINWEIS, OK, WARNUNG, Punkt
from tests.arbeitsmappen import STANDARD_PFAD
from tests.kommandozeile import rufe


def test_python_version():
    assert st_.python_version((3, 11, 7)) == Punkt(OK, "Python 3.11.7")
    assert st_.python_version((3, 10, 2)) == Punkt(FEHLT, "Python 3.10.2 ist zu alt: nötig ist 3.11 oder neuer.")


def test_pakete_fehlend_und_andere_version():
    def installiert(name):
        if name == "docxtpl":
            raise importlib.metadata.PackageNotFoundError(name)
        return {"pandas": "3.0.0"}.get(name, "1.0")

    assert st_.pakete({"pandas": "3.1.1", "docxtpl": "0.20.2", "babel": "1.0"}, installiert) == [
        Punkt(HINWEIS, "Paket pandas 3.0.0 statt der erprobten 3.1.1."),
        Punkt(FEHLT, "Paket docxtpl fehlt (verlangt: 0.20.2)."),
        Punkt(HINWEIS, "Installieren mit: pip install -r requirements.txt (im Projektordner)."),
    ]
    assert st_.pakete({"babel": "1.0"}, installiert) == [Punkt(OK, "Pakete: alle 1 aus requirements.txt vorhanden")]
    assert "streamlit" in st_.anforderungen() and "Authlib" in st_.anforderungen()


def test_ablage_fehlt_nach_dem_ersten_start_laut(tmp_path):
    ordner = tmp_path / "ablage"
    erster = st_.ablage(ordner)[0]
    assert erster.stufe == HINWEIS and erster.text.startswith("Noch keine Ablage in ")
    Ablage(ordner, STANDARD_PFAD)
    assert st_.ablage(ordner) == [Punkt(OK, f"Ablage „{ordner / DATEINAME_DB}“: 1 Stand, in Ordnung")]
    markieren(ordner)
    (ordner / DATEINAME_DB).unlink()
    erster = st_.ablage(ordner)[0]
    assert erster.stufe == FEHLT and "fehlt, obwohl dort schon Stände lagen" in erster.text


def test_beschaedigte_ablage(tmp_path):
    ordner = tmp_path / "ablage"
    ordner.mkdir()
    (ordner / DATEINAME_DB).write_bytes(b"kaputt")
    erster = st_.ablage(ordner)[0]
    assert erster.stufe == FEHLT and "ist nicht in Ordnung: Die Datei ist keine SQLite-Datenbank" in erster.text


def test_anmeldung_und_passwort():
    assert st_.anmeldung({}, {"IPDATEN_PASSWORT": "x"})[0].stufe == OK
    assert st_.anmeldung({}, {})[0].stufe == HINWEIS
    vollstaendig = {
        "auth": {
            "redirect_uri": "https://x/oauth2callback",
            "cookie_secret": "s",
            "client_id": "c",
            "client_secret": "g",
            "server_metadata_url": "https://x/.well-known/openid-configuration",
        },
        "ipdaten": {"redakteure": ["a@b.de"]},
    }
    assert st_.anmeldung(vollstaendig, {}) == [Punkt(OK, "Anmeldung (OIDC) eingerichtet, 1 Einträge in redakteure")]
    ohne_geheimnis = {"auth": {k: v for k, v in vollstaendig["auth"].items() if k != "client_secret"}}
    assert st_.anmeldung(ohne_geheimnis, {}) == [
        Punkt(FEHLT, "Anmeldung: im Abschnitt [auth] fehlt client_secret."),
        Punkt(WARNUNG, "Anmeldung eingerichtet, aber [ipdaten] redakteure ist leer: Niemand kann bearbeiten."),
    ]
    benannt = {"auth": {"redirect_uri": "r", "cookie_secret": "s", "microsoft": {"client_id": "c"}}}
    assert st_.anmeldung(benannt, {})[0] == Punkt(
        FEHLT, "Anmeldung: im Abschnitt [auth] fehlt client_secret, server_metadata_url."
    )


def test_libreoffice_optional(monkeypatch, tmp_path):
    from ipdaten.praesentation import export_pdf

    monkeypatch.setattr(export_pdf, "WINDOWS_STANDARD", tmp_path / "soffice.exe")
    monkeypatch.delenv("IPDATEN_SOFFICE", raising=False)
    assert st_.libreoffice(lambda _: None) == Punkt(
        HINWEIS, "LibreOffice (soffice) nicht gefunden – nur für die PDF-Fassung der Sitzungsvorlage nötig."
    )
    programm = tmp_path / "soffice"
    programm.write_text("#!/bin/sh\necho 'LibreOffice 7.4.7.2 40(Build:2)'\necho zweite Zeile\n")
    programm.chmod(0o755)
    assert st_.libreoffice(lambda name: str(programm) if name == "soffice" else None) == Punkt(
        OK, "LibreOffice: LibreOffice 7.4.7.2 40(Build:2)"
    )


def test_selbsttest_im_projektordner(monkeypatch):
    monkeypatch.setattr(st_, "libreoffice", lambda: Punkt(OK, "LibreOffice: (im Test nicht aufgerufen)"))
    ergebnis = rufe("selbsttest")
    assert ergebnis.returncode == 0, ergebnis.stdout
    zeilen = ergebnis.stdout.splitlines()
    assert zeilen[0] == "Selbsttest des Integrationsplan-Monitors"
    assert zeilen[1].split()[:2] == ["OK", "Python"]
    assert any(z.startswith("  OK       Standard-Arbeitsmappe „anlage1.xlsx“ gültig") for z in zeilen)
    assert any(z.startswith("  OK       Word-Vorlage „vorlage_sitzung.docx“ lesbar") for z in zeilen)
    assert zeilen[-1].startswith("Bereit.")


def test_selbsttest_meldet_fehlendes_mit_exit_1(monkeypatch):
    monkeypatch.setattr(st_, "libreoffice", lambda: Punkt(OK, "LibreOffice"))
    monkeypatch.setattr(st_, "STANDARD_VORLAGE", ablage_verzeichnis() / "gibt-es-nicht.docx")
    ergebnis = rufe("selbsttest")
    assert ergebnis.returncode == 1
    assert "  FEHLT    Die Word-Vorlage „" in ergebnis.stdout
    assert ergebnis.stdout.splitlines()[-1] == "Nicht bereit: 1 Punkt(e) fehlen (FEHLT)."

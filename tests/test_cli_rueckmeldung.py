"""`python -m ipdaten rueckmeldung boegen|einlesen` (issue 21): forms into a folder, returned
forms into a revised workbook; exit 1 and nothing written for a bad or foreign form."""

from __future__ import annotations

from pathlib import Path

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.arbeitsmappe.xlsx_paket import geaenderte_teile
from ipdaten.rueckmeldung.bogen_kennung import kennung
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import standard_bytes
from tests.kommandozeile import rufe


def _boegen(tmp_path: Path, mappe: bytes | None = None) -> tuple[Path, Path]:
    quelle = tmp_path / "anlage.xlsx"
    quelle.write_bytes(mappe or rb.mappe())
    ordner = tmp_path / "boegen"
    ergebnis = rufe(
        "rueckmeldung", "boegen", str(quelle), "-o", str(ordner), "--titel", "Herbst 2017", "--frist", "2017-10-31"
    )
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    return quelle, ordner


def test_boegen_je_stelle(tmp_path):
    quelle = tmp_path / "anlage.xlsx"
    quelle.write_bytes(rb.mappe())
    ordner = tmp_path / "boegen"
    ergebnis = rufe(
        "rueckmeldung", "boegen", str(quelle), "-o", str(ordner), "--titel", "Herbst 2017", "--frist", "31.10.2017"
    )
    assert ergebnis.returncode == 0
    assert ergebnis.stdout.splitlines() == [
        "Runde „Herbst 2017“, Rücklauf bis 31. Oktober 2017:",
        f"  Integrationsbeauftragte: 1 Empfehlung(en) → {ordner}/Rueckmeldebogen_Integrationsbeauftragte.xlsx",
        f"  Jobcenter: 2 Empfehlung(en) → {ordner}/Rueckmeldebogen_Jobcenter.xlsx",
        f"  Kreisbau: 2 Empfehlung(en) → {ordner}/Rueckmeldebogen_Kreisbau.xlsx",
        f"  Sozialamt: 1 Empfehlung(en) → {ordner}/Rueckmeldebogen_Sozialamt.xlsx",
        f"  nicht benannt: 1 Empfehlung(en) → {ordner}/Rueckmeldebogen_nicht_benannt.xlsx",
        "5 Bögen geschrieben (einer je federführende Stelle).",
    ]
    assert kennung((ordner / "Rueckmeldebogen_Kreisbau.xlsx").read_bytes())["Frist"] == "2017-10-31"


def test_boegen_falscher_aufruf(tmp_path):
    quelle = tmp_path / "anlage.xlsx"
    quelle.write_bytes(rb.mappe())
    ergebnis = rufe("rueckmeldung", "boegen", str(quelle), "-o", str(tmp_path / "b"), "--frist", "Ende Oktober")
    assert ergebnis.returncode == 2
    assert "„Ende Oktober“ ist kein Datum" in ergebnis.stderr
    assert not (tmp_path / "b").exists()
    datei = tmp_path / "datei"
    datei.write_text("x")
    assert rufe("rueckmeldung", "boegen", str(quelle), "-o", str(datei)).returncode == 2


def test_einlesen_schreibt_die_fortgeschriebene_mappe(tmp_path):
    quelle, ordner = _boegen(tmp_path)
    job = tmp_path / "jobcenter.xlsx"
    job.write_bytes(
        rb.fuelle((ordner / "Rueckmeldebogen_Jobcenter.xlsx").read_bytes(), {"3.1": {"Status neu": "umgesetzt"}})
    )
    bau = tmp_path / "kreisbau.xlsx"
    bau.write_bytes(rb.fuelle((ordner / "Rueckmeldebogen_Kreisbau.xlsx").read_bytes(), absender="Max Bau"))
    neu = tmp_path / "neu.xlsx"
    ergebnis = rufe("rueckmeldung", "einlesen", str(quelle), str(job), str(bau), str(job), "-o", str(neu))
    assert (ergebnis.returncode, ergebnis.stderr) == (
        0,
        "jobcenter.xlsx – Hinweise:\n"
        "  - Warnung: Die Datei hat denselben Inhalt wie „jobcenter.xlsx“ und zählt nur einmal.\n",
    )
    assert ergebnis.stdout.splitlines() == [
        "Runde „Herbst 2017“: 2 von 5 Stellen haben geantwortet.",
        "  Jobcenter (Erika Muster): 2 Empfehlung(en), 1 geändert",
        "  Kreisbau (Max Bau): 2 Empfehlung(en), 0 geändert",
        "Ohne Rückmeldung: Integrationsbeauftragte, Sozialamt, nicht benannt",
        "  3.1 Status: in Abstimmung → umgesetzt (Jobcenter)",
        f"Geschrieben: {neu} (nur 11 geänderte Zellen; neue Spalten: Gemeldet am, Gemeldet von).",
    ]
    neue = lade_anlage(neu.read_bytes())
    # dated the day of the merge and named after the round, as on the Daten page
    assert (neue.stand, neue.titel) == (fmt.jetzt().date(), "Herbst 2017")
    e = neue.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert (e.loc[(3, 1), "status"], e.loc[(2, 2), "gemeldet_von"]) == ("umgesetzt", "Kreisbau")
    # Empfehlungen (sheet2) and Info (sheet6) cell by cell, a date style added; nothing else
    assert geaenderte_teile(quelle.read_bytes(), neu.read_bytes()) == {
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet6.xml",
        "xl/styles.xml",
    }


def test_einlesen_ungueltiger_oder_fremder_bogen_schreibt_nichts(tmp_path):
    quelle, ordner = _boegen(tmp_path)
    kaputt = tmp_path / "kaputt.xlsx"
    kaputt.write_bytes(
        rb.fuelle((ordner / "Rueckmeldebogen_Jobcenter.xlsx").read_bytes(), {"3.1": {"Status neu": "offen"}})
    )
    fremd_mappe = tmp_path / "fremd"
    fremd_mappe.mkdir()
    _, fremd_ordner = _boegen(fremd_mappe, standard_bytes())
    fremd = fremd_ordner / "Rueckmeldebogen_Handlungsfeld_2_Wohnen.xlsx"
    neu = tmp_path / "neu.xlsx"
    ergebnis = rufe("rueckmeldung", "einlesen", str(quelle), str(kaputt), str(fremd), "-o", str(neu))
    assert ergebnis.returncode == 1 and ergebnis.stdout == ""
    assert not neu.exists()
    zeilen = ergebnis.stderr.splitlines()
    assert zeilen[0] == "Rueckmeldebogen_Handlungsfeld_2_Wohnen.xlsx – kann nicht verwendet werden:"
    assert zeilen[1].startswith("  - Fehler: Der Bogen stammt aus einer anderen Arbeitsmappe oder einem anderen Stand")
    assert zeilen[2] == "kaputt.xlsx – kann nicht verwendet werden:"
    assert "Status nicht erkannt: „offen“ in Zeile 10" in zeilen[3]
    assert zeilen[-1] == "Es wurde nichts geschrieben: 2 von 2 Bögen können nicht verwendet werden (siehe oben)."


def test_einlesen_widerspruch_und_ausgabe_gleich_eingabe(tmp_path):
    quelle, ordner = _boegen(tmp_path)
    leer = (ordner / "Rueckmeldebogen_Jobcenter.xlsx").read_bytes()
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    a.write_bytes(rb.fuelle(leer, {"3.1": {"Status neu": "umgesetzt"}}, absender="A"))
    b.write_bytes(rb.fuelle(leer, {"3.1": {"Status neu": "nicht umgesetzt"}}, absender="B"))
    ergebnis = rufe("rueckmeldung", "einlesen", str(quelle), str(a), str(b), "-o", str(tmp_path / "neu.xlsx"))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr.splitlines() == [
        "Es wurde nichts geschrieben: Bögen widersprechen sich:",
        "  - Empfehlung 3.1: „a.xlsx“ (A): Status „umgesetzt“; „b.xlsx“ (B): Status „nicht umgesetzt“",
        "Bitte nur den gültigen Bogen angeben (oder im Dashboard entscheiden).",
    ]
    assert rufe("rueckmeldung", "einlesen", str(quelle), str(a), "-o", str(quelle)).returncode == 2
    nur_leer = tmp_path / "leer.xlsx"
    nur_leer.write_bytes(leer)
    ergebnis = rufe("rueckmeldung", "einlesen", str(quelle), str(nur_leer), "-o", str(tmp_path / "neu.xlsx"))
    assert ergebnis.returncode == 1
    assert ergebnis.stderr.splitlines()[-1] == "Es wurde nichts geschrieben: keiner der Bögen enthält eine Rückmeldung."

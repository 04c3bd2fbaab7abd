"""Loading with a mapping, the proposal for an unrecognised workbook, the store and the CLI."""

from __future__ import annotations

import functools
import sqlite3

import pytest

from ipdaten.ablage import Ablage
from ipdaten.arbeitsmappe import Zuordnung, aus_toml
from ipdaten.arbeitsmappe.abgleich import schlage_zuordnung_vor, signatur
from ipdaten.arbeitsmappe.befunde import AnlageUngueltig
from ipdaten.arbeitsmappe.laden import lade_anlage
from ipdaten.kommandozeile import main
from tests.arbeitsmappen import KOPF, STANDARD_PFAD, empfehlung, mappe_bytes, mit_libreoffice
from tests.buero_mappe import BUERO_ZUORDNUNG, buero_mappe
from tests.kennzahlen_zusammenfassung import aus_daten_json
from tests.kommandozeile import rufe


@functools.cache
def _wie_excel() -> bytes:
    """The office workbook saved by LibreOffice (shared strings, like Excel)."""
    daten = mit_libreoffice(buero_mappe())
    if daten is None:
        pytest.skip("LibreOffice Calc (soffice) fehlt")
    return daten


def _status(anlage) -> list[tuple[int, int, str]]:
    frame = anlage.empfehlungen
    return list(zip(frame["handlungsfeld"], frame["nr"], frame["status"].astype(str), strict=True))


@pytest.mark.libreoffice  # _wie_excel() saves through LibreOffice
def test_ohne_zuordnung_abgelehnt_und_die_erkennung_nennt_was_fehlt():
    with pytest.raises(AnlageUngueltig) as fehler:
        lade_anlage(_wie_excel())
    assert [b.meldung for b in fehler.value.fehler] == ["Das Pflichtblatt „Empfehlungen“ fehlt."]
    erkennung = fehler.value.erkennung
    assert dict(erkennung.blaetter)["Empfehlungen"] is None
    assert dict(erkennung.blaetter)["Handlungsfelder"] == "Handlungsfelder"
    assert not erkennung.vollstaendig


@pytest.mark.libreoffice  # _wie_excel() saves through LibreOffice
def test_mit_zuordnung_gelesen_wie_excel_gespeichert():
    anlage = lade_anlage(_wie_excel(), zuordnung=BUERO_ZUORDNUNG)
    assert _status(anlage) == [
        (1, 1, "umgesetzt"),
        (1, 2, "in Arbeit"),
        (2, 1, "nicht umgesetzt"),
        (3, 1, "umgesetzt"),
    ]
    assert list(anlage.empfehlungen["empfehlung"]) == [
        "Willkommenskultur stärken",
        "Lotsen ausbilden",
        "Wohnraum vermitteln",
        "Sprachkurse ausbauen",
    ]
    assert list(anlage.empfehlungen["bezug_gefluechtete"]) == [True, None, False, None]
    assert list(anlage.empfehlungen["zeile"]) == [2, 3, 4, 5]
    assert anlage.zuordnung == BUERO_ZUORDNUNG
    meldungen = [b.meldung for b in anlage.warnungen]
    assert meldungen[0].startswith("Gelesen mit der Zuordnung: Blatt „Umsetzungsliste“ gilt als „Empfehlungen“;")
    assert "Status „offen“ wurde als „nicht umgesetzt“ gelesen (1×, Zeile 4)." in meldungen
    # Findings name the user's sheet.
    assert {b.blatt for b in anlage.warnungen if b.code.startswith("status.") and b.blatt} == {"Umsetzungsliste"}


def test_zuordnung_entscheidet_zwischen_zwei_statusspalten():
    kopf = ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Status 11/2017", "Bemerkung", "Quelle"]
    zeilen = [
        [1, 1, "", "A", "in Arbeit", "umgesetzt", "", ""],
        [2, 1, "", "B", "nicht umgesetzt", "in Arbeit", "", ""],
    ]
    daten = mappe_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": kopf})
    neu = Zuordnung.aus(spalten={"Empfehlungen": {"Status 11/2017": "Status"}})
    assert _status(lade_anlage(daten, zuordnung=neu)) == [(1, 1, "umgesetzt"), (2, 1, "in Arbeit")]


@pytest.mark.libreoffice  # _wie_excel() saves through LibreOffice
def test_vorschlag_fuer_die_bueromappe():
    vorschlag = schlage_zuordnung_vor(_wie_excel())
    offen = {(k.art, k.ziel): k.auswahl for k in vorschlag.offen}
    assert offen == {
        ("spalte", "Empfehlung"): ("Beleg", "Kurzbeschreibung", "Erledigungsstand", "Notiz"),
        ("status", "offen"): ("umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe"),
    }
    geraten = {(k.art, k.ziel): k.vorschlag for k in vorschlag.kandidaten if k.vorschlag}
    assert geraten == {
        ("blatt", "Empfehlungen"): "Umsetzungsliste",
        ("spalte", "Handlungsfeld"): "Feld",
        ("spalte", "Status"): "Erledigungsstand",
        ("spalte", "Bemerkung"): "Notiz",
        ("spalte", "Quelle"): "Beleg",
        ("status", "fertig"): "umgesetzt",
    }
    vervollstaendigt = vorschlag.zuordnung.mit(
        spalten={"Empfehlungen": {"Kurzbeschreibung": "Empfehlung"}}, status={"offen": "nicht umgesetzt"}
    )
    assert vervollstaendigt == BUERO_ZUORDNUNG
    assert schlage_zuordnung_vor(_wie_excel(), BUERO_ZUORDNUNG) is None


def test_kein_vorschlag_wenn_die_mappe_gilt_oder_ein_anderer_fehler_vorliegt():
    assert schlage_zuordnung_vor(mappe_bytes()) is None
    falscher_betrag = mappe_bytes(haushalt=[["Preis", "viel", 2017, None]])
    with pytest.raises(AnlageUngueltig):
        lade_anlage(falscher_betrag)
    assert schlage_zuordnung_vor(falscher_betrag) is None
    assert schlage_zuordnung_vor(b"kein xlsx") is None


def test_ablage_speichert_die_zuordnung_und_findet_sie_ueber_die_signatur(tmp_path):
    ablage = Ablage(tmp_path, STANDARD_PFAD)
    daten = buero_mappe()
    with pytest.raises(AnlageUngueltig):
        ablage.veroeffentliche(daten)  # without the mapping the workbook is refused
    ergebnis = ablage.veroeffentliche(daten, zuordnung=BUERO_ZUORDNUNG, signatur=signatur(daten))
    assert (ergebnis.stand.nr, ergebnis.stand.zuordnung, ergebnis.stand.signatur) == (
        2,
        BUERO_ZUORDNUNG,
        signatur(daten),
    )
    assert ablage.lies(ergebnis.stand.sha256) == daten  # the bytes stay unchanged

    naechste = buero_mappe(naechster_stand=True)
    assert signatur(naechste) == signatur(daten)
    gefunden = Ablage(tmp_path, STANDARD_PFAD).zuordnung_zu_signatur(signatur(naechste))
    assert (gefunden.nr, gefunden.zuordnung) == (2, BUERO_ZUORDNUNG)
    assert ablage.zuordnung_zu_signatur(signatur(mappe_bytes())) is None
    assert ablage.staende()[0].zuordnung is None


def test_alte_ablage_ohne_zuordnungsspalten_wird_ergaenzt(tmp_path):
    # The schema of the store before mappings existed, with one published Stand.
    alt = sqlite3.connect(tmp_path / "staende.sqlite3")
    alt.executescript(
        """
        CREATE TABLE dateien (sha256 TEXT PRIMARY KEY, inhalt BLOB NOT NULL);
        CREATE TABLE staende (
            nr INTEGER PRIMARY KEY AUTOINCREMENT,
            sha256 TEXT NOT NULL UNIQUE REFERENCES dateien(sha256),
            stand TEXT, bezeichnung TEXT NOT NULL, veroeffentlicht TEXT NOT NULL,
            dateiname TEXT NOT NULL, groesse INTEGER NOT NULL, ist_standard INTEGER NOT NULL DEFAULT 0
        );
        """
    )
    from ipdaten.ablage import sha256
    from ipdaten.ablage_schema import SCHEMA_VERSION

    standard = STANDARD_PFAD.read_bytes()
    alt.execute("INSERT INTO dateien VALUES (?, ?)", (sha256(standard), standard))
    alt.execute(
        "INSERT INTO staende (sha256, stand, bezeichnung, veroeffentlicht, dateiname, groesse, ist_standard) "
        "VALUES (?, '2017-03-06', 'Standard', '2026-11-01T10:00:00+00:00', 'anlage1.xlsx', ?, 1)",
        (sha256(standard), len(standard)),
    )
    alt.commit()
    alt.close()

    ablage = Ablage(tmp_path, STANDARD_PFAD)
    (erster,) = ablage.staende()
    assert (erster.nr, erster.bezeichnung, erster.zuordnung, erster.signatur) == (1, "Standard", None, None)
    daten = buero_mappe()
    ablage.veroeffentliche(daten, zuordnung=BUERO_ZUORDNUNG, signatur=signatur(daten))
    assert Ablage(tmp_path, STANDARD_PFAD).stand(2).zuordnung == BUERO_ZUORDNUNG
    with sqlite3.connect(tmp_path / "staende.sqlite3") as pruefung:
        assert pruefung.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # the newest


def test_cli_pruefen_schlaegt_eine_zuordnung_vor_und_kennzahlen_nimmt_sie(tmp_path, capsys):
    datei = tmp_path / "umsetzung.xlsx"
    datei.write_bytes(buero_mappe())
    assert main(["pruefen", str(datei)]) == 1
    ausgabe = capsys.readouterr()
    assert "Das Pflichtblatt „Empfehlungen“ fehlt." in ausgabe.err
    assert "die 2 offenen Punkte ausfüllen" in ausgabe.err
    vorschlag = aus_toml(ausgabe.out)
    assert dict(vorschlag.blaetter)["Empfehlungen"] == "Umsetzungsliste"
    assert '# [status] "offen" = eines von:' in ausgabe.out

    toml = tmp_path / "zuordnung.toml"
    toml.write_text(BUERO_ZUORDNUNG.als_toml(), encoding="utf-8")
    assert main(["kennzahlen", str(datei), "--zuordnung", str(toml), "--json"]) == 0
    import json

    zahlen = aus_daten_json(json.loads(capsys.readouterr().out))
    assert zahlen["gesamt"] == {
        "empfehlungen": 4,
        "status": {"umgesetzt": 2, "in Arbeit": 1, "in Abstimmung": 0, "nicht umgesetzt": 1, "ohne Angabe": 0},
    }
    assert main(["kennzahlen", str(datei), "--zuordnung", str(toml)]) == 0
    text = capsys.readouterr().out
    assert "Gelesen mit der Zuordnung:" in text and "Status „offen“ gilt als „nicht umgesetzt“" in text
    assert "4 Empfehlung(en)" in text


@pytest.mark.parametrize(
    ("inhalt", "meldung"),
    [
        (None, "Fehler: Die Zuordnungsdatei „{pfad}“ gibt es nicht."),
        (
            "[status]\noffen = 'erledigt'\n",
            "Fehler in der Zuordnungsdatei „{pfad}“: Einen Status „erledigt“ gibt es nicht",
        ),
        (b"\xff\xfe", "kann nicht gelesen werden"),
    ],
)
def test_cli_schlechte_zuordnungsdatei(tmp_path, capsys, inhalt, meldung):
    datei = tmp_path / "umsetzung.xlsx"
    datei.write_bytes(buero_mappe())
    toml = tmp_path / "z.toml"
    if isinstance(inhalt, str):
        toml.write_text(inhalt, encoding="utf-8")
    elif inhalt is not None:
        toml.write_bytes(inhalt)
    assert main(["kennzahlen", str(datei), "--zuordnung", str(toml)]) == 1
    assert meldung.format(pfad=toml) in capsys.readouterr().err


def test_cli_mit_zuordnungsdatei_wie_aufgerufen(tmp_path):
    """Through the command line's entry (`starte`, as `python -m ipdaten` runs it; the real
    process runs once in tests/test_golden.py)."""
    datei = tmp_path / "umsetzung.xlsx"
    datei.write_bytes(buero_mappe())
    toml = tmp_path / "zuordnung.toml"
    toml.write_text(BUERO_ZUORDNUNG.als_toml(), encoding="utf-8")
    lauf = rufe("kennzahlen", str(datei), "--zuordnung", str(toml))
    assert (lauf.returncode, lauf.stderr) == (0, "")
    assert lauf.stdout.startswith("Die Arbeitsmappe „umsetzung.xlsx“ ist gültig.")


def test_zwei_blaetter_eines_namens_die_zuordnung_waehlt_eines():
    zweites = [KOPF["Empfehlungen"], empfehlung(1, 1, "in Arbeit"), empfehlung(2, 1, "in Arbeit")]
    daten = mappe_bytes(zusatz={"empfehlungen ": zweites})
    with pytest.raises(AnlageUngueltig, match="Mehrere Blätter heißen „Empfehlungen“"):
        lade_anlage(daten)
    vorschlag = schlage_zuordnung_vor(daten)
    # Never chosen silently: the sheet is an open question with both candidates.
    assert [(k.art, k.ziel, k.auswahl, k.vorschlag) for k in vorschlag.kandidaten] == [
        ("blatt", "Empfehlungen", ("Empfehlungen", "empfehlungen "), None)
    ]
    anlage = lade_anlage(daten, zuordnung=Zuordnung.aus({"Empfehlungen": "empfehlungen "}))
    assert _status(anlage) == [(1, 1, "in Arbeit"), (2, 1, "in Arbeit")]
    anlage = lade_anlage(daten, zuordnung=Zuordnung.aus({"Empfehlungen": "Empfehlungen"}))
    assert len(anlage.empfehlungen) == 6


def test_zwei_statusspalten_werden_zur_frage_und_die_wahl_gilt():
    kopf = ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Status 11/2017", "Bemerkung", "Quelle"]
    zeilen = [[1, 1, "", "A", "fertig", "umgesetzt", "", ""], [2, 1, "", "B", "in Arbeit", "nicht umgesetzt", "", ""]]
    daten = mappe_bytes(empfehlungen=zeilen, koepfe={"Empfehlungen": kopf})
    vorschlag = schlage_zuordnung_vor(daten)
    assert [(k.art, k.ziel, k.auswahl, k.vorschlag) for k in vorschlag.kandidaten] == [
        ("spalte", "Status", ("Status", "Status 11/2017"), None),
        (
            "status",
            "fertig",
            ("umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe"),
            "umgesetzt",
        ),
    ]
    neu = vorschlag.zuordnung.mit(spalten={"Empfehlungen": {"Status 11/2017": "Status"}})
    assert _status(lade_anlage(daten, zuordnung=neu)) == [(1, 1, "umgesetzt"), (2, 1, "nicht umgesetzt")]
    alt = vorschlag.zuordnung.mit(spalten={"Empfehlungen": {"Status": "Status"}})
    assert _status(lade_anlage(daten, zuordnung=alt)) == [(1, 1, "umgesetzt"), (2, 1, "in Arbeit")]

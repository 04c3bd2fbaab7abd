"""Returned Rückmeldebögen (issue 21): read and checked like a workbook upload – German findings
by cause, never a traceback; filled with openpyxl and through LibreOffice."""

from __future__ import annotations

import datetime as dt

import pytest

from ipdaten.arbeitsmappe import aus_toml
from ipdaten.rueckmeldung.bogen_lesen import lies_bogen
from ipdaten.rueckmeldung.eingang import lies_boegen, runde_aus_boegen
from ipdaten.rueckmeldung.meldung import Meldung, Termin
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import mit_libreoffice, standard_bytes


def _lies(daten: bytes, name: str = "bogen.xlsx"):
    return lies_bogen(name, daten, rb.standardrunde(), rb.anlage())


def _texte(bogen) -> list[str]:
    return [b.als_text() for b in bogen.befunde]


def test_ausgefuellter_bogen():
    daten = rb.fuelle(
        rb.leerer_bogen("jobcenter"),
        {
            "1.2": {"Bemerkung neu": "Kurse 2018 fortgesetzt", "Termin neu": "06/2018"},
            "3.1": {"Status neu": "in Arbeit"},
        },
    )
    bogen = _lies(daten)
    assert bogen.befunde == ()
    r = bogen.rueckmeldung
    assert (r.stelle, r.stelle_name, r.absender, r.datum) == (
        "jobcenter",
        "Jobcenter",
        "Erika Muster",
        dt.date(2017, 10, 12),
    )
    assert r.meldungen == (
        Meldung((1, 2), None, "Kurse 2018 fortgesetzt", Termin(dt.date(2018, 6, 1), "monat")),
        Meldung((3, 1), "in Arbeit", None, None),
    )
    assert not r.unausgefuellt


def test_getippter_status_wird_ueber_die_synonyme_gelesen_und_gemeldet():
    daten = rb.fuelle(
        rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "Erledigt "}, "2.1": {"Termin neu": "31.12.2018"}}
    )
    bogen = _lies(daten)
    assert [m.status for m in bogen.rueckmeldung.meldungen] == [None, "umgesetzt"]
    assert bogen.rueckmeldung.meldungen[0].termin == Termin(dt.date(2018, 12, 31), "tag")
    assert _texte(bogen) == [
        "Blatt „Rückmeldung“, Zeile 10, Spalte „Status neu“: Status „Erledigt“ wurde als „umgesetzt“ gelesen. "
        "Gefunden: „Erledigt“."
    ]


def test_statuswoerter_der_zuordnung_gelten_auch_im_bogen():
    zuordnung = aus_toml('[status]\n"grün" = "umgesetzt"\n')
    daten = rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "grün"}})
    bogen = lies_bogen("k.xlsx", daten, rb.standardrunde(), rb.anlage(), zuordnung)
    assert bogen.rueckmeldung.meldungen[1].status == "umgesetzt"


def test_unbekannter_status_und_termin_verwerfen_den_bogen_mit_grund():
    daten = rb.fuelle(
        rb.leerer_bogen("jobcenter"),
        {"1.2": {"Status neu": "offen", "Termin neu": "bald"}, "3.1": {"Status neu": "umgesezt"}},
    )
    bogen = _lies(daten)
    assert not bogen.gueltig
    assert _texte(bogen) == [
        "Blatt „Rückmeldung“, Zeile 9, Spalte „Termin neu“: Der neue Termin ist nicht lesbar. Gefunden: „bald“. "
        "Erlaubt: Datum (30.6.2018 oder 2018-06-30), Monat (2018-06) oder Jahr (2018); leer = kein Termin.",
        "Blatt „Rückmeldung“, Zeilen 9–10, Spalte „Status neu“: Status nicht erkannt: „offen“ in Zeile 9 – mehrdeutig: "
        "„offen“ kann „in Arbeit“, „in Abstimmung“ oder „nicht umgesetzt“ heißen; „umgesezt“ in Zeile 10 – vermutlich "
        "„umgesetzt“ gemeint. Bitte einen Status aus der Liste eintragen lassen oder das Wort beim Hochladen der "
        "Arbeitsmappe zuordnen. Gefunden: „offen“, „umgesezt“. Erlaubt: „umgesetzt“, „in Arbeit“, „in Abstimmung“, "
        "„nicht umgesetzt“, „ohne Angabe“ oder eine Schreibweise aus der Synonymtabelle (z. B. „erledigt“, "
        "„laufend“, „noch nicht begonnen“); leer = ohne Angabe.",
    ]


def test_geloeschte_zeile_und_veraenderte_gesperrte_zelle():
    geloescht = _lies(rb.fuelle(rb.leerer_bogen("jobcenter"), loeschen=("1.2",)))
    assert _texte(geloescht) == [
        "Blatt „Rückmeldung“, Zeile 9: Im Bogen fehlen Zeilen (gelöscht?): Empfehlung 1.2. Bitte den Bogen dieser "
        "Runde erneut ausfüllen lassen (oder die Änderungen rückgängig machen). Gefunden: „1 von 2 Zeilen“. "
        "Erlaubt: alle Zeilen, wie verschickt."
    ]
    veraendert = _lies(
        rb.fuelle(rb.leerer_bogen("jobcenter"), aendern={("1.2", "Status"): "in Arbeit", ("3.1", "Status"): "egal"})
    )
    assert _texte(veraendert) == [
        "Blatt „Rückmeldung“, Zeilen 9–10: Gesperrte Zellen wurden verändert; sie müssen so bleiben, wie sie "
        "verschickt wurden, neue Angaben gehören in die gelben Spalten. Bitte den Bogen dieser Runde erneut "
        "ausfüllen lassen (oder die Änderungen rückgängig machen). Gefunden: „Zeile 9 „Status“: verschickt "
        "„umgesetzt“, zurück „in Arbeit“; Zeile 10 „Status“: verschickt „in Abstimmung“, zurück „egal““."
    ]
    assert not veraendert.gueltig


def test_eingefuegte_zeile():
    daten = rb.fuelle(rb.leerer_bogen("jobcenter"), aendern={("3.1", "Nr"): "9.9"})
    assert _texte(_lies(daten))[0] == (
        "Blatt „Rückmeldung“, Zeile 10, Spalte „Nr“: Die Zeile gehört nicht zu diesem Bogen (eingefügt oder ihre Nr "
        "geändert). Bitte den Bogen dieser Runde erneut ausfüllen lassen (oder die Änderungen rückgängig machen). "
        "Gefunden: „9.9“."
    )


def test_bogen_einer_anderen_runde_oder_arbeitsmappe():
    andere = rb.runde("Frühjahr 2018")
    bogen = _lies(rb.leerer_bogen("jobcenter", andere))
    assert _texte(bogen) == [
        "Der Bogen gehört zu einer anderen Rückmelderunde („Frühjahr 2018“), nicht zu „Fortschreibung Herbst 2017“. "
        "Gefunden: „Frühjahr 2018“. Erlaubt: Bögen der Runde „Fortschreibung Herbst 2017“."
    ]
    fremd = rb.runde("Herbst 2017", standard_bytes())
    bogen = lies_bogen(
        "hf1.xlsx", rb.leerer_bogen(fremd.empfaenger[0].schluessel, fremd, _standard()), rb.standardrunde(), rb.anlage()
    )
    assert _texte(bogen)[0].startswith(
        "Der Bogen stammt aus einer anderen Arbeitsmappe oder einem anderen Stand als die Runde, zu der er hier "
        "eingelesen wird (Bogen der Runde „Herbst 2017“)."
    )


def _standard():
    from ipdaten.arbeitsmappe import lade_anlage

    return lade_anlage(standard_bytes())


@pytest.mark.parametrize(
    ("daten", "anfang"),
    [
        (b"", "Die Datei ist leer (0 Byte)."),
        (b"Nr;Status\n1;umgesetzt\n", "Die Datei ist eine Textdatei (CSV)"),
        (None, "Die Datei ist eine Arbeitsmappe (Anlage 1), kein Rückmeldebogen."),
        (b"PK\x03\x04kaputt", "Die Datei ist beschädigt oder unvollständig"),
    ],
)
def test_keine_boegen(daten, anfang):
    bogen = _lies(rb.mappe() if daten is None else daten)
    assert not bogen.gueltig
    assert _texte(bogen)[0].startswith(anfang)


def test_arbeitsmappe_statt_bogen_sagt_wohin_sie_gehoert():
    """She picks her Anlage 1 in the forms' uploader: the finding names the page and section where a
    workbook is uploaded (it said „unter „Daten““ – the page she was already on)."""
    assert _texte(_lies(rb.mappe())) == [
        "Die Datei ist eine Arbeitsmappe (Anlage 1), kein Rückmeldebogen. Rückmeldebögen erzeugt das Dashboard in "
        "der Rückmelderunde; eine überarbeitete Arbeitsmappe wird auf der Seite „Daten & Stände“ unter "
        "„Überarbeitete Anlage 1 hochladen“ hochgeladen."
    ]


def test_unausgefuellter_bogen_zaehlt_nicht():
    daten = rb.fuelle(rb.leerer_bogen("sozialamt"), absender=None, datum=None)
    eingang = lies_boegen([("s.xlsx", daten)], rb.standardrunde(), rb.anlage())
    assert eingang.boegen[0].rueckmeldung.unausgefuellt
    assert eingang.rueckmeldungen == ()


def test_derselbe_bogen_zweimal_und_beliebige_reihenfolge():
    a = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}})
    b = rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit"}})
    eins = lies_boegen([("j.xlsx", a), ("k.xlsx", b), ("j-kopie.xlsx", a)], rb.standardrunde(), rb.anlage())
    zwei = lies_boegen([("j-kopie.xlsx", a), ("k.xlsx", b), ("j.xlsx", a)], rb.standardrunde(), rb.anlage())
    assert eins == zwei
    assert [r.stelle for r in eins.rueckmeldungen] == ["jobcenter", "kreisbau"]
    assert [b.befunde[-1].meldung for b in eins.boegen if b.dateiname == "j.xlsx"] == [
        "Die Datei hat denselben Inhalt wie „j-kopie.xlsx“ und zählt nur einmal."
    ]


def test_zwei_boegen_derselben_empfehlung_sind_ein_konflikt():
    a = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}}, absender="A")
    b = rb.fuelle(
        rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "in Arbeit", "Bemerkung neu": "x"}}, absender="B"
    )
    gleich = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}}, absender="C")
    eingang = lies_boegen([("a.xlsx", a), ("b.xlsx", b), ("c.xlsx", gleich)], rb.standardrunde(), rb.anlage())
    (konflikt,) = eingang.konflikte
    assert (konflikt.nr, konflikt.felder) == ("3.1", ("status",))
    assert [a.rueckmeldung.absender for a in konflikt.antworten] == ["A", "B", "C"]


def test_runde_der_kommandozeile_aus_den_boegen():
    boegen = [("j.xlsx", rb.leerer_bogen("jobcenter")), ("k.xlsx", rb.leerer_bogen("kreisbau"))]
    import hashlib

    runde = runde_aus_boegen(boegen, rb.anlage(), hashlib.sha256(rb.mappe()).hexdigest())
    assert (runde.id, runde.titel, runde.frist) == (rb.standardrunde().id, "Fortschreibung Herbst 2017", rb.FRIST)
    assert runde.empfaenger == rb.standardrunde().empfaenger
    assert runde_aus_boegen(boegen, rb.anlage(), "0" * 64) is None


def test_durch_libreoffice_ausgefuellt():
    """Partners with LibreOffice: a filled drop-down, a typed status, a deleted row, a form of
    another round and an untouched form, each saved by LibreOffice Calc."""
    runde = rb.standardrunde()
    faelle = {
        "auswahl": rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit", "Termin neu": "2018"}}),
        "getippt": rb.fuelle(rb.leerer_bogen("jobcenter"), {"1.2": {"Status neu": "laufend"}}),
        "geloescht": rb.fuelle(rb.leerer_bogen("sozialamt"), loeschen=("2.3",)),
        "andere_runde": rb.leerer_bogen("jobcenter", rb.runde("Frühjahr 2018")),
        "leer": rb.leerer_bogen("integrationsbeauftragte"),
    }
    gespeichert = {}
    for name, daten in faelle.items():
        gespeichert[name] = mit_libreoffice(daten)
        if gespeichert[name] is None:
            pytest.skip("LibreOffice Calc fehlt")
    eingang = lies_boegen([(f"{n}.xlsx", d) for n, d in gespeichert.items()], runde, rb.anlage())
    nach_name = {b.dateiname: b for b in eingang.boegen}
    assert nach_name["auswahl.xlsx"].rueckmeldung.meldungen[1] == Meldung(
        (2, 2), "in Arbeit", None, Termin(dt.date(2018, 1, 1), "jahr")
    )
    assert nach_name["getippt.xlsx"].rueckmeldung.meldungen[0].status == "in Arbeit"
    assert "Im Bogen fehlen Zeilen (gelöscht?): Empfehlung 2.3." in nach_name["geloescht.xlsx"].befunde[0].meldung
    assert nach_name["andere_runde.xlsx"].befunde[0].meldung.startswith("Der Bogen gehört zu einer anderen")
    assert nach_name["leer.xlsx"].rueckmeldung.unausgefuellt
    assert [r.stelle for r in eingang.rueckmeldungen] == ["kreisbau", "jobcenter"]

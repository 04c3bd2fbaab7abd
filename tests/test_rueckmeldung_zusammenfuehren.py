"""Merging the returned forms into her own workbook (issue 21): the figures afterwards, conflicts
and her decisions, and proof that nothing outside the patched cells changed."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.arbeitsmappe.xlsx_paket import geaenderte_teile
from ipdaten.rueckmeldung.eingang import lies_boegen
from ipdaten.rueckmeldung.fortschreiben import FortschreibungFehler, schnellkorrektur
from ipdaten.rueckmeldung.uebersicht import frische, ueberblick, ueberblick_tabelle
from ipdaten.rueckmeldung.zusammenfuehren import KEINE_AENDERUNG, aenderungen_tabelle, zusammenfuehren
from ipdaten.zahlen.kennzahlen import status_gesamt
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import aendere_mappe, lies_teil, mit_libreoffice, standard_bytes

HEUTE = dt.date(2017, 11, 2)


def _boegen():
    return [
        (
            "jobcenter.xlsx",
            rb.fuelle(
                rb.leerer_bogen("jobcenter"),
                {"3.1": {"Status neu": "in Arbeit", "Bemerkung neu": "AG tagt seit Oktober", "Termin neu": "06/2018"}},
                absender="Erika Muster",
                datum=dt.date(2017, 10, 12),
            ),
        ),
        (
            "kreisbau.xlsx",
            rb.fuelle(
                rb.leerer_bogen("kreisbau"),
                {"2.2": {"Status neu": "erledigt"}, "2.1": {"Termin neu": "31.03.2018"}},
                absender="Max Bau",
                datum=None,
            ),
        ),
        ("sozialamt.xlsx", rb.fuelle(rb.leerer_bogen("sozialamt"), absender="S. Amt", datum=dt.date(2017, 10, 20))),
    ]


def _merge(dateien=None, **kwargs):
    eingang = lies_boegen(dateien or _boegen(), rb.standardrunde(), rb.anlage())
    return eingang, zusammenfuehren(
        eingang.rueckmeldungen,
        eingang.konflikte,
        rb.mappe(),
        rb.anlage(),
        heute=HEUTE,
        eingegangen={r.sha256: dt.date(2017, 10, 25) for r in eingang.rueckmeldungen},
        **kwargs,
    )


def test_drei_boegen_zusammengefuehrt_die_zahlen():
    _, ergebnis = _merge()
    assert ergebnis.fertig and ergebnis.offene_konflikte == ()
    assert aenderungen_tabelle(ergebnis.aenderungen).values.tolist() == [
        ["2.1", "Termin", "31. Dezember 2017", "31. März 2018", "Kreisbau"],
        ["2.2", "Status", "nicht umgesetzt", "umgesetzt", "Kreisbau"],
        ["3.1", "Status", "in Abstimmung", "in Arbeit", "Jobcenter"],
        ["3.1", "Bemerkung", "–", "AG tagt seit Oktober", "Jobcenter"],
        ["3.1", "Termin", "2018", "Juni 2018", "Jobcenter"],
    ]
    neu = ergebnis.fortschreibung.anlage
    assert status_gesamt(rb.anlage())["status"] == {
        "umgesetzt": 3,
        "in Arbeit": 2,
        "in Abstimmung": 1,
        "nicht umgesetzt": 1,
        "ohne Angabe": 0,
    }
    assert status_gesamt(neu)["status"] == {
        "umgesetzt": 4,
        "in Arbeit": 3,
        "in Abstimmung": 0,
        "nicht umgesetzt": 0,
        "ohne Angabe": 0,
    }
    e = neu.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(3, 1), ["status", "bemerkung", "termin", "termin_genauigkeit"]].tolist() == [
        "in Arbeit",
        "AG tagt seit Oktober",
        dt.date(2018, 6, 1),
        "monat",
    ]
    gemeldet = {k: (e.loc[k, "gemeldet_am"], e.loc[k, "gemeldet_von"]) for k in e.index}
    assert gemeldet == {
        (1, 1): (None, ""),
        (1, 2): (dt.date(2017, 10, 12), "Jobcenter"),
        (1, 3): (None, ""),
        (2, 1): (dt.date(2017, 10, 25), "Kreisbau"),  # no date on the form: the day it came in
        (2, 2): (dt.date(2017, 10, 25), "Kreisbau"),
        (2, 3): (dt.date(2017, 10, 20), "Sozialamt"),  # nothing changed, but reported
        (3, 1): (dt.date(2017, 10, 12), "Jobcenter"),
    }
    assert ergebnis.fortschreibung.neue_spalten == ("Gemeldet am", "Gemeldet von")


def _ohne_zellen(xml: bytes, refs: set[str]) -> bytes:
    """The sheet XML with the cells `refs` cut out (and the grown dimension and spans neutralised)."""
    xml = re.sub(rb'<dimension ref="[^"]*"/>', b"", xml)
    xml = re.sub(rb' spans="[^"]*"', b"", xml)
    return re.sub(
        rb'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)',
        lambda t: b"" if t.group(1).decode() in refs else t.group(0),
        xml,
        flags=re.S,
    )


def test_ausserhalb_der_geschriebenen_zellen_bleibt_alles_byte_fuer_byte():
    _, ergebnis = _merge()
    alt, neu = rb.mappe(), ergebnis.fortschreibung.daten
    # Empfehlungen (sheet2), Info's Stand (sheet6: the merge dates the workbook) and one date style
    assert geaenderte_teile(alt, neu) == {"xl/worksheets/sheet2.xml", "xl/worksheets/sheet6.xml", "xl/styles.xml"}
    assert [z for z in ergebnis.fortschreibung.zellen if not z.startswith("Empfehlungen!")] == ["Info!B2"]
    info_alt, info_neu = lies_teil(alt, "xl/worksheets/sheet6.xml"), lies_teil(neu, "xl/worksheets/sheet6.xml")
    assert _ohne_zellen(info_alt, {"B2"}) == _ohne_zellen(info_neu, {"B2"})
    blatt_alt, blatt_neu = lies_teil(alt, "xl/worksheets/sheet2.xml"), lies_teil(neu, "xl/worksheets/sheet2.xml")
    geschrieben = {z.split("!")[1] for z in ergebnis.fortschreibung.zellen if z.startswith("Empfehlungen!")}
    kopf = {"M1", "N1"}  # the two new headers, right of the last used column L
    breiten = b'<cols><col min="13" max="13" width="13.0" customWidth="1"/><col min="14" max="14" width="24.0" customWidth="1"/></cols>'
    assert breiten in blatt_neu and b"<cols>" not in blatt_alt  # the new columns' widths
    assert _ohne_zellen(blatt_alt, geschrieben) == _ohne_zellen(blatt_neu.replace(breiten, b""), geschrieben | kopf)
    assert len(geschrieben) == 5 + 2 * 5  # 5 values; Gemeldet am/von for the 5 reported recommendations
    # Styles: the old ones stay, in place; one date style and its number format are appended.
    styles_alt, styles_neu = lies_teil(alt, "xl/styles.xml"), lies_teil(neu, "xl/styles.xml")
    stile_alt = re.search(rb"<cellXfs.*?</cellXfs>", styles_alt, re.S).group(0)
    stile_neu = re.search(rb"<cellXfs.*?</cellXfs>", styles_neu, re.S).group(0)
    assert stile_neu.count(b"<xf ") == stile_alt.count(b"<xf ") + 1
    xf = re.compile(rb"<xf\b.*?(?:/>|</xf>)", re.S)
    assert xf.findall(stile_neu)[:-1] == xf.findall(stile_alt)  # every old style keeps its number
    formate_alt = re.search(rb"<numFmts.*?</numFmts>", styles_alt, re.S).group(0)
    formate_neu = re.search(rb"<numFmts.*?</numFmts>", styles_neu, re.S).group(0)
    assert formate_neu == formate_alt.replace(b'count="1"', b'count="2"').replace(
        b"</numFmts>", b'<numFmt numFmtId="165" formatCode="DD.MM.YYYY"/></numFmts>'
    )
    ohne = styles_neu.replace(stile_neu, b"").replace(formate_neu, b"")
    assert ohne == styles_alt.replace(stile_alt, b"").replace(formate_alt, b"")
    # ZIP entries: same names in the same order with the same dates.
    infos = [(i.filename, i.date_time) for i in zipfile.ZipFile(io.BytesIO(neu)).infolist()]
    assert infos == [(i.filename, i.date_time) for i in zipfile.ZipFile(io.BytesIO(alt)).infolist()]


def test_konflikt_wartet_auf_ihre_entscheidung():
    a = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}}, absender="A")
    b = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "nicht umgesetzt"}}, absender="B")
    eingang, offen = _merge([("a.xlsx", a), ("b.xlsx", b)])
    assert not offen.fertig and [k.nr for k in offen.offene_konflikte] == ["3.1"]
    (konflikt,) = eingang.konflikte
    wahl_b = next(x.rueckmeldung.sha256 for x in konflikt.antworten if x.rueckmeldung.absender == "B")
    _, entschieden = _merge([("a.xlsx", a), ("b.xlsx", b)], entscheidungen={(3, 1): wahl_b})
    e = entschieden.fortschreibung.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(3, 1), "status"] == "nicht umgesetzt"
    _, keine = _merge([("a.xlsx", a), ("b.xlsx", b)], entscheidungen={(3, 1): KEINE_AENDERUNG})
    e = keine.fortschreibung.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert (e.loc[(3, 1), "status"], e.loc[(3, 1), "gemeldet_von"]) == ("in Abstimmung", "Jobcenter")


def test_ueberblick_der_runde():
    eingang, _ = _merge()
    stellen = ueberblick(
        rb.standardrunde(),
        eingang.rueckmeldungen,
        rb.anlage(),
        HEUTE,
        {r.sha256: dt.date(2017, 10, 25) for r in eingang.rueckmeldungen},
    )
    assert ueberblick_tabelle(stellen).values.tolist() == [
        ["Integrationsbeauftragte", 1, "überfällig", "–", "–", 0],
        ["Jobcenter", 2, "beantwortet", "25. Oktober 2017", "Erika Muster", 1],
        ["Kreisbau", 2, "beantwortet", "25. Oktober 2017", "Max Bau", 2],
        ["Sozialamt", 1, "beantwortet", "25. Oktober 2017", "S. Amt", 0],
        ["nicht benannt", 1, "überfällig", "–", "–", 0],
    ]
    vor_der_frist = ueberblick(rb.standardrunde(), (), rb.anlage(), dt.date(2017, 10, 31))
    assert {s.zustand for s in vor_der_frist} == {"offen"}


def test_frische_je_empfehlung():
    _, ergebnis = _merge()
    tabelle = frische(ergebnis.fortschreibung.anlage, HEUTE, rb.standardrunde())
    zeilen = tabelle.set_index(["handlungsfeld", "nr"])
    assert zeilen.loc[(3, 1), "text"] == "zuletzt gemeldet am 12. Oktober 2017 von Jobcenter"
    assert zeilen.loc[(3, 1), "tage"] == 21
    assert zeilen.loc[(1, 1), "text"] == "noch nicht gemeldet"
    assert zeilen.loc[(1, 1), "seit"] == "noch nie gemeldet"
    assert zeilen["ueberfaellig"].tolist() == [True, False, True, False, False, False, False]


def test_schnellkorrektur_schreibt_eine_zelle():
    alt = standard_bytes()
    neu = schnellkorrektur(alt, (1, 3), status="umgesetzt")
    assert neu.zellen == ("Empfehlungen!E7",)
    assert geaenderte_teile(alt, neu.daten) == {"xl/worksheets/sheet2.xml"}
    xml_alt, xml_neu = lies_teil(alt, "xl/worksheets/sheet2.xml"), lies_teil(neu.daten, "xl/worksheets/sheet2.xml")
    assert _ohne_zellen(xml_alt, {"E7"}) == _ohne_zellen(xml_neu, {"E7"})
    e = neu.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(1, 3), "status"] == "umgesetzt"
    assert (
        status_gesamt(neu.anlage)["status"]["umgesetzt"] == status_gesamt(lade_anlage(alt))["status"]["umgesetzt"] + 1
    )
    with pytest.raises(FortschreibungFehler, match="Unbekannter Status"):
        schnellkorrektur(alt, (1, 3), status="erledigt")
    with pytest.raises(FortschreibungFehler, match=r"Die Empfehlung 9\.9 gibt es"):
        schnellkorrektur(alt, (9, 9), status="umgesetzt")


def test_formel_und_verbundene_zelle_werden_nicht_ueberschrieben():
    def formel(wb):
        wb["Empfehlungen"]["E5"] = '=IF(1=1,"umgesetzt","x")'

    mit_formel = mit_libreoffice(aendere_mappe(standard_bytes(), formel))
    if mit_formel is None:
        pytest.skip("LibreOffice Calc fehlt")
    with pytest.raises(FortschreibungFehler, match="Die Zelle E5 enthält eine Formel"):
        schnellkorrektur(mit_formel, (1, 1), status="in Arbeit")

    def verbunden(wb):
        wb["Empfehlungen"].merge_cells("F6:F7")

    with pytest.raises(FortschreibungFehler) as fehler:
        schnellkorrektur(aendere_mappe(standard_bytes(), verbunden), (1, 2), bemerkung="neu")
    assert "Die Zelle ist mit anderen verbunden" in str(fehler.value) and "F6:F7" in str(fehler.value)


def test_fortgeschriebene_mappe_liest_libreoffice_wie_das_dashboard():
    _, ergebnis = _merge()
    zurueck = mit_libreoffice(ergebnis.fortschreibung.daten)
    if zurueck is None:
        pytest.skip("LibreOffice Calc fehlt")
    e = lade_anlage(zurueck).empfehlungen
    assert e.drop(columns="zeile").equals(ergebnis.fortschreibung.anlage.empfehlungen.drop(columns="zeile"))


def test_rueckmeldung_zu_entfallener_empfehlung_und_datum_in_der_zukunft():
    """The newest Stand may differ from the round's: an answer on a recommendation it no longer
    has is named, not dropped silently; a sender's date in the future is named and today counts."""
    from tests.arbeitsmappen import wie_excel
    from tests.fortschreibung_mappen import stand_bytes

    ziel = wie_excel(stand_bytes(2))  # has no 2.3
    sozialamt = rb.fuelle(rb.leerer_bogen("sozialamt"), {"2.3": {"Status neu": "umgesetzt"}})
    kreisbau = rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit"}}, datum=dt.date(2071, 1, 1))
    eingang = lies_boegen([("s.xlsx", sozialamt), ("k.xlsx", kreisbau)], rb.standardrunde(), rb.anlage())
    ergebnis = zusammenfuehren(eingang.rueckmeldungen, eingang.konflikte, ziel, lade_anlage(ziel), heute=HEUTE)
    assert [b.als_text() for b in ergebnis.hinweise] == [
        "Zu diesen Empfehlungen gibt es Rückmeldungen, aber die Arbeitsmappe enthält sie nicht mehr; die "
        "Rückmeldungen wurden nicht übernommen: 2.3.",
        "Im Bogen „k.xlsx“ (Kreisbau) steht ein Datum in der Zukunft; als „Gemeldet am“ gilt der 2. November 2017. "
        "Gefunden: „1. Januar 2071“.",
    ]
    e = ergebnis.fortschreibung.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(2, 2), ["status", "gemeldet_am"]].tolist() == ["in Arbeit", HEUTE]


def test_rundenzahlen_fuer_die_folie():
    from ipdaten.rueckmeldung import rundenzahlen

    eingang, _ = _merge()
    stellen = ueberblick(rb.standardrunde(), eingang.rueckmeldungen, rb.anlage(), HEUTE)
    zahlen = rundenzahlen(stellen)
    assert (zahlen.stellen, zahlen.beantwortet, zahlen.empfehlungen, zahlen.gemeldet) == (5, 3, 7, 5)
    assert zahlen.anteil_gemeldet == pytest.approx(5 / 7)


def test_formeln_auf_dem_blatt_werden_als_veraltet_gemeldet():
    """Her own evaluation sheet counting statuses keeps its saved result until Excel recalculates:
    the correction says so (the dashboard itself reads the written cell)."""
    from tests.arbeitsmappen import mappe_bytes

    daten = mappe_bytes(zusatz={"Auswertung": [["umgesetzt", '=COUNTIF(Empfehlungen!E:E,"umgesetzt")']]})
    neu = schnellkorrektur(daten, (1, 2), status="umgesetzt")
    assert [(b.code, b.wert) for b in neu.hinweise] == [("fortschreibung.formeln_veraltet", "Auswertung!B1")]
    assert "Strg+Alt+F9" in neu.hinweise[0].meldung
    assert schnellkorrektur(standard_bytes(), (1, 3), status="umgesetzt").hinweise == ()


def test_boegen_je_handlungsfeld_neue_spalten_in_der_reihenfolge_des_vertrags():
    """The default workbook has no Zuständig and no Termin: forms per Handlungsfeld; „Gemeldet von“
    is then the sender (a field names no body); a new Termin column comes before Gemeldet am/von."""
    from openpyxl import load_workbook

    daten = standard_bytes()
    basis = lade_anlage(daten)
    runde = rb.runde("Herbst 2017", daten)
    hf1 = rb.fuelle(
        rb.leerer_bogen("handlungsfeld 1", runde, basis), {"1.4": {"Termin neu": "12/2018"}}, absender="A. Beispiel"
    )
    hf2 = rb.fuelle(rb.leerer_bogen("handlungsfeld 2", runde, basis), {"2.1": {"Status neu": "in Arbeit"}}, absender="")
    eingang = lies_boegen([("hf1.xlsx", hf1), ("hf2.xlsx", hf2)], runde, basis)
    ergebnis = zusammenfuehren(eingang.rueckmeldungen, eingang.konflikte, daten, basis, heute=HEUTE)
    assert ergebnis.fortschreibung.neue_spalten == ("Termin", "Gemeldet am", "Gemeldet von")
    kopf = [c.value for c in load_workbook(io.BytesIO(ergebnis.fortschreibung.daten))["Empfehlungen"][4]]
    assert kopf[7:] == ["Quelle", "Termin", "Gemeldet am", "Gemeldet von"]
    e = ergebnis.fortschreibung.anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    assert e.loc[(1, 4), ["termin", "termin_genauigkeit", "gemeldet_von"]].tolist() == [
        dt.date(2018, 12, 1),
        "monat",
        "A. Beispiel",
    ]
    assert e.loc[(2, 1), "gemeldet_von"] == "Handlungsfeld 2: Wohnen"

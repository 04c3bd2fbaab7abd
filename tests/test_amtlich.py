"""Naturalisation figures from the official statistics: reading both formats, the quota by
hand, every special sign, refusals with German findings, and the revised workbook."""

from __future__ import annotations

import io
import math
import zipfile

import pytest

from ipdaten.amtlich import quote, quote_auswahl
from ipdaten.amtlich.ablauf import einbuergerung_aus_statistik, jahre_aus_text
from ipdaten.amtlich.mappe import geaenderte_teile, ueberarbeite
from ipdaten.amtlich.statistik_formate import FORMAT_FLATFILE, FORMAT_TABELLE
from ipdaten.amtlich.statistikdatei import lies_statistik
from ipdaten.amtlich.statistikwerte import StatistikUngueltig, befund_text, wert_und_zeichen
from ipdaten.arbeitsmappe.laden import lade_anlage
from tests.arbeitsmappen import aendere_mappe, ersetze_teile, lies_teil, mit_libreoffice, standard_bytes
from tests.statistikdateien import (
    AUSLAENDER_2015,
    EINBUERGERUNGEN_2016,
    RANGFOLGE_2016,
    REGION,
    STAND_BEV,
    STAND_EINB,
    bevoelkerung_csv,
    bevoelkerung_ffcsv,
    einbuergerungen_csv,
    einbuergerungen_ffcsv,
    einbuergerungsquote_csv,
    gestorbene_csv,
)

LIZENZ_ZEILE = "Dieses Werk ist lizenziert unter der Datenlizenz Deutschland - Namensnennung - Version 2.0."

# By hand: naturalisations 2016 ÷ foreigners on 31.12.2015 × 100, rounded to two decimals.
#   Böblingen 806/52000 = 1,55; Stuttgart 2000/150000 = 1,33; Esslingen 910/70000 = 1,30;
#   Rems-Murr 721/60000 = 1,20; Ludwigsburg 927/80000 = 1,16; Göppingen 402/36000 = 1,12.


def _befunde(fehler: StatistikUngueltig) -> list[str]:
    return [befund_text(b) for b in fehler.befunde]


def _lies(daten: bytes, name: str):
    return lies_statistik(daten, name)


# --- reading ------------------------------------------------------------------------------


def test_tabelle_csv_einbuergerungen():
    datei = _lies(einbuergerungen_csv(), "12511-01-01-4.csv")
    assert (datei.format, datei.tabelle, datei.titel, datei.stand, datei.lizenz, datei.urheber) == (
        FORMAT_TABELLE,
        "12511-01-01-4",
        "Einbürgerungen von Ausländern nach Kontinenten - Jahr",
        STAND_EINB,
        LIZENZ_ZEILE,
        "© Statistische Ämter des Bundes und der Länder, Deutschland, 2018.",
    )
    assert datei.lizenzname == "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    boeblingen = datei.werte[datei.werte["kreis"] == "08115"]
    assert boeblingen.drop(columns="zeile").to_dict("records") == [
        {
            "kreis": "08115",
            "name": "Böblingen, Landkreis",
            "jahr": 2016,
            "zeit": "2016",
            "art": "einbuergerungen",
            "merkmal": "Einbürgerungen von Ausländern | Kontinente (einschl. staatenlos etc.) | Insgesamt | Anzahl",
            "wert": 806.0,
            "zeichen": "",
        },
        {
            "kreis": "08115",
            "name": "Böblingen, Landkreis",
            "jahr": 2015,
            "zeit": "2015",
            "art": "einbuergerungen",
            "merkmal": "Einbürgerungen von Ausländern | Kontinente (einschl. staatenlos etc.) | Insgesamt | Anzahl",
            "wert": 725.0,
            "zeichen": "",
        },
    ]
    # Only the totals are kept (never "Afrika"), and the Land and Germany are no Kreise.
    assert set(datei.werte["merkmal"]) == {
        "Einbürgerungen von Ausländern | Kontinente (einschl. staatenlos etc.) | Insgesamt | Anzahl"
    }
    assert list(datei.kreise())[:3] == ["08111", "08115", "08116"]
    assert datei.jahre() == [2015, 2016]


def test_tabelle_csv_bevoelkerung_liest_nur_auslaender_insgesamt():
    datei = _lies(bevoelkerung_csv(), "12411-03-03-4.csv")
    assert (datei.tabelle, datei.stand, datei.lizenz) == ("12411-03-03-4", STAND_BEV, LIZENZ_ZEILE)
    assert datei.titel == (
        "Bevölkerungsstand: Bevölkerung nach Geschlecht, Nationalität und Altersgruppen (21) - Stichtag 31.12. - (ab 2011)"
    )
    werte = datei.werte.set_index("kreis")
    assert werte.loc["08115", ["jahr", "zeit", "art", "merkmal", "wert"]].to_dict() == {
        "jahr": 2015,
        "zeit": "31.12.2015",
        "art": "auslaender",
        "merkmal": "Ausländer(innen) | Insgesamt | Insgesamt",
        "wert": 52000.0,
    }
    assert len(datei.werte) == len(AUSLAENDER_2015)


def test_flatfile_beide_tabellen():
    einb = _lies(einbuergerungen_ffcsv(), "12511-01-01-4_1773175772751_de_flat.csv")
    bev = _lies(bevoelkerung_ffcsv(), "12411-03-03-4_flat.csv")
    assert (einb.format, einb.tabelle, einb.titel, einb.stand, einb.lizenz) == (
        FORMAT_FLATFILE,
        "12511-01-01-4",
        "Einbürgerungsstatistik",
        "",
        "",
    )
    assert einb.werte.set_index("kreis")["wert"].to_dict() == {k: float(v) for k, v in EINBUERGERUNGEN_2016.items()}
    assert set(einb.werte["merkmal"]) == {"Einbürgerungen von Ausländern | Insgesamt"}
    assert bev.tabelle == "12411-03-03-4"
    assert bev.werte.set_index("kreis")[["jahr", "wert"]].to_dict("index")["08115"] == {"jahr": 2015, "wert": 52000.0}
    assert set(bev.werte["merkmal"]) == {"Bevölkerungsstand | Ausländer(innen)"}


def test_tabelle_liest_auch_utf8_ohne_bom():
    """A file saved once more as UTF-8 (umlauts intact) is not refused."""
    datei = _lies(einbuergerungen_csv(kodierung="utf-8"), "e.csv")
    assert datei.titel.startswith("Einbürgerungen")


# --- the quota ----------------------------------------------------------------------------


@pytest.mark.parametrize("ff", [False, True], ids=["csv", "ffcsv"])
def test_rangfolge_wie_von_hand_gerechnet(ff):
    einb = _lies(einbuergerungen_ffcsv() if ff else einbuergerungen_csv(), "einb.csv")
    bev = _lies(bevoelkerung_ffcsv() if ff else bevoelkerung_csv(), "bev.csv")
    ergebnis = quote.berechne(einb, bev, REGION, [2016], quote.VORJAHR)
    rang = quote.rangfolge(ergebnis, 2016)
    assert list(zip(rang["rang"], rang["gebiet"], rang["quote_prozent"])) == RANGFOLGE_2016
    assert rang.set_index("kreis").loc["08115", ["einbuergerungen", "auslaender_vorjahr"]].to_dict() == {
        "einbuergerungen": 806.0,
        "auslaender_vorjahr": 52000.0,
    }
    assert ergebnis.definition_text == quote.DEFINITIONEN[quote.VORJAHR]


def test_quote_aus_der_tabelle():
    werte = {(2016, "08115"): (806, "1,55"), (2016, "08111"): (2000, "1,33"), (2016, "08125"): (500, "1,25")}
    einb = _lies(einbuergerungsquote_csv(werte), "12511-04-01-4.csv")
    assert quote_auswahl.moegliche_definitionen(einb, None) == [quote.TABELLE]
    ergebnis = quote.berechne(einb, None, ["08111", "08115", "08125"], [2016], quote.TABELLE)
    assert list(zip(ergebnis.zeilen["gebiet"], ergebnis.zeilen["quote_prozent"])) == [
        ("Stadtkreis Stuttgart", 1.33),
        ("Landkreis Böblingen", 1.55),
        ("Landkreis Heilbronn", 1.25),
    ]
    assert ergebnis.definition_text == (quote.DEFINITIONEN[quote.TABELLE] + " (Merkmal „Einbürgerungsquote | Prozent“)")
    assert "Tabelle 12511-04-01-4 „Einbürgerungen und Einbürgerungsquote - Jahr“ (Stand: 27.02.2018" in ergebnis.quelle


def test_gebietsnamen_der_vorhandenen_mappe_werden_uebernommen():
    assert quote.gebietsname("Böblingen, Landkreis", ["Landkreis Böblingen"]) == "Landkreis Böblingen"
    assert (
        quote.gebietsname("Stuttgart, Landeshauptstadt, Stadtkreis", ["Stadtkreis Stuttgart"]) == "Stadtkreis Stuttgart"
    )
    assert quote.gebietsname("Stuttgart, Landeshauptstadt, Stadtkreis", ["LH Stuttgart"]) == "LH Stuttgart"
    assert quote.gebietsname("Rems-Murr-Kreis, Landkreis") == "Rems-Murr-Kreis"
    assert quote.gebietsname("München, Landeshauptstadt, Kreisfreie Stadt") == "Kreisfreie Stadt München"
    assert quote.gebietsname("Esslingen, Landkreis") == "Landkreis Esslingen"


@pytest.mark.parametrize(
    ("text", "erwartet"),
    [
        ("-", (0.0, "-")),
        (".", (math.nan, ".")),
        ("...", (math.nan, "...")),
        ("/", (math.nan, "/")),
        ("x", (math.nan, "x")),
        ("…", (math.nan, "...")),
        ("–", (0.0, "-")),
        ("806", (806.0, "")),
        ("1,54", (1.54, "")),
        ("1.54", (math.nan, "?")),
        ("abc", (math.nan, "?")),
    ],
)
def test_zeichen_der_amtlichen_statistik(text, erwartet):
    wert, zeichen = wert_und_zeichen(text)
    assert zeichen == erwartet[1]
    assert (math.isnan(wert) and math.isnan(erwartet[0])) or wert == erwartet[0]


@pytest.mark.parametrize(
    ("einb", "bev", "quote_erwartet", "hinweis"),
    [
        ("-", 52000, 0.0, "Einbürgerungen „-“ (nichts vorhanden (0))"),
        (".", 52000, None, "Einbürgerungen „.“ (Zahlenwert unbekannt oder geheim zu halten)"),
        ("...", 52000, None, "Einbürgerungen „...“ (Angabe fällt später an)"),
        ("/", 52000, None, "Einbürgerungen „/“ (keine Angabe, da Zahlenwert nicht sicher genug)"),
        ("x", 52000, None, "Einbürgerungen „x“ (Tabellenfach gesperrt, weil Aussage nicht sinnvoll)"),
        (
            806,
            "-",
            None,
            "Ausländer am 31.12.2015 „-“ (nichts vorhanden (0)); keine ausländische Bevölkerung am 31.12.2015: "
            "Quote nicht berechenbar",
        ),
        (806, ".", None, "Ausländer am 31.12.2015 „.“ (Zahlenwert unbekannt oder geheim zu halten)"),
    ],
)
def test_zeichen_werden_keine_angabe_nie_null(einb, bev, quote_erwartet, hinweis):
    einb_werte = {(2016, k): v for k, v in EINBUERGERUNGEN_2016.items()} | {(2016, "08115"): einb}
    bev_werte = {(2015, k): v for k, v in AUSLAENDER_2015.items()} | {(2015, "08115"): bev}
    ergebnis = quote.berechne(
        _lies(einbuergerungen_csv(einb_werte), "e.csv"),
        _lies(bevoelkerung_csv(bev_werte), "b.csv"),
        REGION,
        [2016],
        quote.VORJAHR,
        ["Landkreis Böblingen"],
    )
    zeile = ergebnis.zeilen.set_index("kreis").loc["08115"]
    assert zeile["hinweis"] == hinweis
    if quote_erwartet is None:
        assert math.isnan(zeile["quote_prozent"])
    else:
        assert zeile["quote_prozent"] == quote_erwartet
    # In the workbook: keine Angabe stays empty (never 0), "-" stays 0 – and the ranking puts it last.
    neu = ueberarbeite(standard_bytes(), ergebnis).anlage.einbuergerung.set_index("gebiet")
    wert = neu.loc["Landkreis Böblingen", "quote_prozent"]
    assert math.isnan(wert) if quote_erwartet is None else wert == quote_erwartet
    if quote_erwartet is None:
        assert list(quote.rangfolge(ergebnis, 2016)["kreis"])[-1] == "08115"


@pytest.mark.parametrize("zeichen", ["-", ".", "...", "/", "x"])
def test_zeichen_in_der_quote_der_tabelle(zeichen):
    einb = _lies(einbuergerungsquote_csv({(2016, "08115"): (806, zeichen), (2016, "08111"): (2000, "1,33")}), "q.csv")
    zeile = quote.berechne(einb, None, ["08111", "08115"], [2016], quote.TABELLE).zeilen.iloc[1]
    if zeichen == "-":
        assert zeile["quote_prozent"] == 0.0
    else:
        assert math.isnan(zeile["quote_prozent"])
    assert zeile["hinweis"].startswith(f"Quote „{zeichen}“ (")


def test_jahre_aus_text():
    assert jahre_aus_text("2014-2016") == [2014, 2015, 2016]
    assert jahre_aus_text("2016, 2014") == [2014, 2016]
    assert jahre_aus_text("") == []
    assert jahre_aus_text("2016/17") is None


# --- refusals -----------------------------------------------------------------------------


def _abgelehnt(daten: bytes, name: str = "datei.csv") -> list[str]:
    with pytest.raises(StatistikUngueltig) as e:
        lies_statistik(daten, name)
    return _befunde(e.value)


def test_abgeschnittene_datei():
    ganz = einbuergerungen_csv()
    mitte = ganz[: len(ganz) // 2]
    meldung = _abgelehnt(mitte, "12511.csv")
    assert len(meldung) == 1
    assert meldung[0].startswith("Datei „12511.csv“, Zeile ")
    assert (
        "Die Datei ist unvollständig – der Abschluss mit Quellenangabe und „Stand:“ fehlt. Vermutlich wurde sie"
        in (meldung[0])
    )
    # Cut inside a data row: that row is too short.
    zeilen = ganz.decode("latin-1").split("\n")
    kaputt = "\n".join([*zeilen[:10], zeilen[10][:20], *zeilen[11:]]).encode("latin-1")
    assert "Zeile(n) 11 haben weniger Felder als die Kopfzeilen" in _abgelehnt(kaputt)[0]
    ff = einbuergerungen_ffcsv()
    assert "Zeile(n) " in _abgelehnt(ff[: len(ff) - 30])[0]


def test_falsche_kodierung():
    utf16 = einbuergerungen_csv().decode("latin-1").encode("utf-16")
    assert _abgelehnt(utf16)[0] == (
        "Datei „datei.csv“: Die Datei ist in UTF-16 („Unicode-Text“) gespeichert, vermutlich von Excel. So kann sie "
        "nicht gelesen werden. Erwartet: die Datei so, wie sie aus der Regionaldatenbank heruntergeladen wurde (CSV in "
        "Latin-1 oder ffcsv in UTF-8)."
    )
    # Opened as UTF-8 in an editor and saved: every umlaut became the replacement character.
    ersetzt = einbuergerungen_csv().decode("utf-8", errors="replace").encode("utf-8")
    assert (
        "Die Datei wurde mit falscher Zeichenkodierung gespeichert: Sie enthält Ersatzzeichen" in _abgelehnt(ersetzt)[0]
    )
    assert "Zeile 2" in _abgelehnt(ersetzt)[0]
    doppelt = einbuergerungen_csv(kodierung="utf-8").decode("latin-1").encode("utf-8")
    assert "doppelt umgewandelte Umlaute (z. B. „Ã¼“ statt „ü“)" in _abgelehnt(doppelt)[0]


def test_keine_statistikdatei():
    assert _abgelehnt(b"Gebiet;Jahr;Quote\nB\xf6blingen;2016;1,54\n")[0] == (
        "Datei „datei.csv“, Zeile 1: Die Datei ist keine Tabelle der Regionaldatenbank bzw. von GENESIS. Gefunden: "
        "„Gebiet;Jahr;Quote“. Erwartet: eine als „CSV“ heruntergeladene Tabelle (erste Zeile „GENESIS-Tabelle: …“) "
        "oder eine Flatfile „ffcsv“ (erste Zeile „statistics_code;…“)."
    )
    assert "Excel-Arbeitsmappe oder ein ZIP-Archiv" in _abgelehnt(standard_bytes(), "x.xlsx")[0]
    assert _abgelehnt(b"", "leer.csv")[0].startswith("Datei „leer.csv“: Die Datei ist leer.")


def test_zip_mit_einer_csv_wird_gelesen():
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        z.writestr("12511-01-01-4_de_flat.csv", einbuergerungen_ffcsv())
    assert lies_statistik(puffer.getvalue(), "download.zip").werte["wert"].sum() == sum(EINBUERGERUNGEN_2016.values())


def test_tabelle_einer_anderen_statistik():
    andere = _lies(gestorbene_csv(), "12613-02-02-4.csv")
    with pytest.raises(StatistikUngueltig) as e:
        quote_auswahl.ordne_dateien([andere])
    assert _befunde(e.value) == [
        "Datei „12613-02-02-4.csv“: Die Datei enthält Tabelle 12613-02-02-4 „Gestorbene nach Geschlecht, Nationalität "
        "und Altersgruppen - Jahressumme“. Darin stehen weder Einbürgerungen noch eine Einbürgerungsquote noch die "
        "ausländische Bevölkerung insgesamt je Kreis. Gefunden: „Gestorbene | männlich; Gestorbene | weiblich“. "
        "Erwartet: Einbürgerungen je Kreis (Tabellen 12511-…) und, für die eigene Berechnung, die Bevölkerung nach "
        "Nationalität je Kreis (Tabellen 12411-…, Merkmal „Ausländer“)."
    ]
    with pytest.raises(StatistikUngueltig) as e:
        quote_auswahl.ordne_dateien([_lies(bevoelkerung_csv(), "b.csv")])
    assert _befunde(e.value)[0].startswith("Datei „b.csv“: Es fehlt die Tabelle mit den Einbürgerungen.")


def test_zwei_dateien_derselben_art_werden_nicht_geraten():
    einb = [_lies(einbuergerungen_csv(), "a.csv"), _lies(einbuergerungen_ffcsv(), "b.csv")]
    bev = [_lies(bevoelkerung_csv(), "c.csv"), _lies(bevoelkerung_ffcsv(), "d.csv")]
    with pytest.raises(StatistikUngueltig) as e:
        quote_auswahl.ordne_dateien(einb + bev)
    erwartet = "Erwartet: eine Datei mit Einbürgerungen und höchstens eine mit der Bevölkerung."
    assert _befunde(e.value) == [
        f"Datei „a.csv, b.csv“: Mehrere Dateien enthalten Einbürgerungen; es ist unklar, welche gilt. {erwartet}",
        "Datei „c.csv, d.csv“: Mehrere Dateien enthalten die ausländische Bevölkerung; es ist unklar, welche gilt. "
        + erwartet,
    ]


def test_gebiet_und_jahr_fehlen():
    einb = _lies(einbuergerungen_csv(), "einb.csv")
    bev = _lies(bevoelkerung_csv(), "bev.csv")
    with pytest.raises(StatistikUngueltig) as e:
        quote.berechne(einb, bev, ["08115", "08221"], [2016, 2019], quote.VORJAHR)
    assert _befunde(e.value) == [
        "Datei „einb.csv“: Der Kreis 08221 fehlt in der Datei – es gibt dort keine Einbürgerungen für ihn. Gefunden: "
        "„08221“. Erwartet: eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“, die diesen Kreis enthält.",
        "Datei „einb.csv“: Für 2019 enthält die Datei keine Einbürgerungen. Gefunden: „2019“. Erwartet: Jahre in der "
        "Datei: 2015, 2016.",
        "Datei „bev.csv“: Der Kreis 08221 fehlt in der Datei – es gibt dort keine ausländische Bevölkerung für ihn. "
        "Gefunden: „08221“. Erwartet: eine Tabelle mit regionaler Tiefe „Kreise und krfr. Städte“, die diesen Kreis "
        "enthält.",
        "Datei „bev.csv“: Für die Quote 2019 wird die ausländische Bevölkerung am 31.12.2018 gebraucht; die Datei "
        "enthält sie nicht. Gefunden: „2018“. Erwartet: Stichtage in der Datei: 2015.",
    ]


def test_ohne_bevoelkerung_und_ohne_quote_sagt_was_fehlt():
    lauf = einbuergerung_aus_statistik([("einb.csv", einbuergerungen_csv())], standard_bytes(), REGION, [])
    assert lauf.ueberarbeitung is None
    assert lauf.befunde == [
        "Datei „einb.csv“: Für die eigene Berechnung fehlen die Bevölkerungszahlen. Gebraucht werden die "
        "Einbürgerungen je Kreis und die ausländische Bevölkerung am 31.12. des Vorjahres. Erwartet: zusätzlich die "
        "Tabelle der Bevölkerung nach Nationalität je Kreis (12411-…) hochladen."
    ]


# --- the revised workbook -----------------------------------------------------------------


def _ergebnis():
    return quote.berechne(
        _lies(einbuergerungen_csv(), "12511-01-01-4.csv"),
        _lies(bevoelkerung_csv(), "12411-03-03-4.csv"),
        REGION,
        [2016],
        quote.VORJAHR,
        tuple(lade_anlage(standard_bytes()).einbuergerung["gebiet"]),
    )


def test_nur_das_blatt_einbuergerung_wird_ersetzt():
    alt = standard_bytes()
    ueberarbeitung = ueberarbeite(alt, _ergebnis())
    assert geaenderte_teile(alt, ueberarbeitung.daten) == {"xl/worksheets/sheet3.xml"}
    vorher, nachher = lade_anlage(alt), lade_anlage(ueberarbeitung.daten)
    for teil in ("handlungsfelder", "empfehlungen", "haushalt", "meilensteine"):
        assert getattr(nachher, teil).equals(getattr(vorher, teil)), teil
    assert (nachher.stand, nachher.bezeichnung) == (vorher.stand, vorher.bezeichnung)
    einb = nachher.einbuergerung
    assert sorted(zip(einb["gebiet"], einb["jahr"], einb["quote_prozent"]), key=lambda z: -z[2]) == [
        (g, 2016, q) for _, g, q in RANGFOLGE_2016
    ]
    assert set(einb["definition"]) == {quote.DEFINITIONEN[quote.VORJAHR]}
    (quelle,) = set(einb["quelle"])
    assert quelle == (
        "Amtliche Statistik, Regionaldatenbank – Einbürgerungen: Tabelle 12511-01-01-4 „Einbürgerungen von Ausländern "
        f"nach Kontinenten - Jahr“ ({STAND_EINB}); ausländische Bevölkerung: Tabelle 12411-03-03-4 „Bevölkerungsstand: "
        "Bevölkerung nach Geschlecht, Nationalität und Altersgruppen (21) - Stichtag 31.12. - (ab 2011)“ "
        f"({STAND_BEV}). © Statistische Ämter des Bundes und der Länder, Deutschland, 2018. {LIZENZ_ZEILE}"
    )
    assert ueberarbeitung.vorher["quote_prozent"].iloc[0] == 1.54  # the old sheet, for the comparison


def test_mappe_ohne_blatt_einbuergerung_bekommt_eines():
    ohne = aendere_mappe(standard_bytes(), lambda wb: wb.remove(wb["Einbürgerung"]))
    assert lade_anlage(ohne).einbuergerung.empty
    ueberarbeitung = ueberarbeite(ohne, _ergebnis())
    assert ueberarbeitung.neu_angelegt
    assert len(lade_anlage(ueberarbeitung.daten).einbuergerung) == 6
    unveraendert = {n for n in zipfile.ZipFile(io.BytesIO(ohne)).namelist()} - {
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
    }
    assert not (geaenderte_teile(ohne, ueberarbeitung.daten) & unveraendert)


def test_blatt_mit_formeln_und_berechnungskette():
    """An old sheet with a formula (value saved, as Excel does) and Excel's calculation chain:
    the chain goes (Excel rebuilds it), every other sheet stays byte for byte."""
    alt = standard_bytes()
    blatt = lies_teil(alt, "xl/worksheets/sheet3.xml").decode()
    ende = blatt.index("</row>", blatt.index('<row r="2"'))
    blatt = blatt[:ende] + '<c r="E2"><f>C2*2</f><v>3.08</v></c>' + blatt[ende:]
    rels = (
        lies_teil(alt, "xl/_rels/workbook.xml.rels")
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" '
            'Target="calcChain.xml"/></Relationships>',
        )
    )
    typen = (
        lies_teil(alt, "[Content_Types].xml")
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/calcChain.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        )
    )
    # As Excel saves it: no request to recalculate everything on opening.
    mappe_xml = lies_teil(alt, "xl/workbook.xml").replace(b' fullCalcOnLoad="1"', b"")
    kette = '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="E2" i="3"/></calcChain>'
    mit_formel = ersetze_teile(
        alt,
        {
            "xl/worksheets/sheet3.xml": blatt.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "[Content_Types].xml": typen.encode(),
            "xl/calcChain.xml": kette.encode(),
            "xl/workbook.xml": mappe_xml,
        },
    )
    assert len(lade_anlage(mit_formel).einbuergerung) == 6
    neu = ueberarbeite(mit_formel, _ergebnis()).daten
    assert geaenderte_teile(mit_formel, neu) == {
        "xl/worksheets/sheet3.xml",
        "xl/calcChain.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
    }
    assert b"calcChain" not in lies_teil(neu, "xl/_rels/workbook.xml.rels")
    assert b"calcChain" not in lies_teil(neu, "[Content_Types].xml")
    assert len(lade_anlage(neu).einbuergerung) == 6


def test_ungueltige_grundlage_wird_benannt():
    with pytest.raises(StatistikUngueltig) as e:
        ueberarbeite(b"keine Mappe", _ergebnis())
    assert _befunde(e.value)[0].startswith(
        "Die Arbeitsmappe, deren Blatt „Einbürgerung“ ersetzt werden soll, ist selbst keine gültige Anlage 1: "
    )


def test_zugeordnete_mappe_ersetzt_das_zugeordnete_blatt():
    """A workbook read with a mapping (its sheet 'Quoten' with column 'Region' is the sheet
    Einbürgerung): that sheet is replaced, the result reads with the mapping, nothing else changes."""
    from ipdaten.arbeitsmappe import Zuordnung

    def umbenennen(wb):
        ws = wb["Einbürgerung"]
        ws.title = "Quoten"
        ws["A1"] = "Region"

    alt = aendere_mappe(standard_bytes(), umbenennen)
    zuordnung = Zuordnung.aus(blaetter={"Einbürgerung": "Quoten"}, spalten={"Einbürgerung": {"Region": "Gebiet"}})
    assert len(lade_anlage(alt, zuordnung=zuordnung).einbuergerung) == 6
    ueberarbeitung = ueberarbeite(alt, _ergebnis(), zuordnung)
    assert ueberarbeitung.blatt == "Quoten"
    assert geaenderte_teile(alt, ueberarbeitung.daten) == {"xl/worksheets/sheet3.xml"}
    neu = lade_anlage(ueberarbeitung.daten, zuordnung=ueberarbeitung.zuordnung).einbuergerung
    assert neu.set_index("gebiet").loc["Landkreis Böblingen", "quote_prozent"] == 1.55
    assert ueberarbeitung.zuordnung.blaetter == (("Einbürgerung", "Quoten"),)
    assert ueberarbeitung.zuordnung.spalten == ()


def test_libreoffice_oeffnet_die_ueberarbeitete_mappe():
    """An office program reads the rewritten sheet (inline strings, numbers) and every other sheet."""
    daten = ueberarbeite(standard_bytes(), _ergebnis()).daten
    gespeichert = mit_libreoffice(daten)
    if gespeichert is None:
        pytest.skip("LibreOffice Calc ist nicht installiert")
    wieder = lade_anlage(gespeichert)
    vorher = lade_anlage(daten)
    assert wieder.einbuergerung[["gebiet", "jahr", "quote_prozent", "quelle"]].equals(
        vorher.einbuergerung[["gebiet", "jahr", "quote_prozent", "quelle"]]
    )
    assert len(wieder.empfehlungen) == len(vorher.empfehlungen) == 181


def test_jahre_als_spalten():
    """Tables may put the time in the header (like 12411-01-01-4: ';;31.12.2015;…') instead of the rows."""
    text = (
        "GENESIS-Tabelle: 12511-01-01-4\n"
        "Einbürgerungen von Ausländern;;\n"
        "- Jahr - regionale Tiefe: Kreise und krfr. Städte;;\n"
        "Einbürgerungsstatistik;;\n"
        ";;2015;2016\n"
        ";;Einbürgerungen von Ausländern;Einbürgerungen von Ausländern\n"
        "08;  Baden-Württemberg;15000;16000\n"
        "08115;      Böblingen, Landkreis;725;-\n"
        "__________\n"
        '"© Statistische Ämter des Bundes und der Länder, Deutschland, 2018.\n'
        'Dieses Werk ist lizenziert unter der Datenlizenz Deutschland\n- Namensnennung - Version 2.0."\n'
        "Stand: 27.02.2018 / 13:00:56\n"
    ).encode("latin-1")
    datei = lies_statistik(text, "spalten.csv")
    assert datei.werte[["kreis", "jahr", "wert", "zeichen"]].values.tolist() == [
        ["08", 2015, 15000.0, ""],
        ["08", 2016, 16000.0, ""],
        ["08115", 2015, 725.0, ""],
        ["08115", 2016, 0.0, "-"],
    ]
    assert datei.kreise() == {"08115": "Böblingen, Landkreis"}


def test_dieselbe_lizenz_wird_einmal_genannt():
    """Real 12411 files write 'lizensiert': the same licence from two files is named once."""
    einb = _lies(einbuergerungen_csv(), "e.csv")
    bev = _lies(bevoelkerung_csv().replace(b"lizenziert", b"lizensiert"), "b.csv")
    assert bev.lizenzname == einb.lizenzname == "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    text = quote.quelltext(einb, bev)
    assert text.endswith(f"Deutschland, 2018. {LIZENZ_ZEILE}")
    assert text.count("Datenlizenz") == 1

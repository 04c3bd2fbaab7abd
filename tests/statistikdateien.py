"""Statistics files built in code, shaped like real downloads from the Regionaldatenbank.

Modelled on public samples: the classic table CSV of 12511-01-01-4 (Einbürgerungen nach
Kontinenten) and 12411-03-03-4 (Bevölkerung nach Geschlecht, Nationalität, Altersgruppen) in
datenguide/genesapi-data, and the flat file 12411-01-01-4 recorded in CorrelAid/pystatis's
tests: title line "GENESIS-Tabelle: …", header lines starting with ";", Latin-1, Kreis names
indented, footer after a line of underscores with notes in quoted multi-line fields,
copyright, licence and "Stand: …"; the ffcsv in UTF-8 with BOM, one value per row.
"""

from __future__ import annotations

KREISE = {
    "DG": "Deutschland",
    "08": "Baden-Württemberg",
    "08111": "Stuttgart, Landeshauptstadt, Stadtkreis",
    "08115": "Böblingen, Landkreis",
    "08116": "Esslingen, Landkreis",
    "08117": "Göppingen, Landkreis",
    "08118": "Ludwigsburg, Landkreis",
    "08119": "Rems-Murr-Kreis, Landkreis",
    "08125": "Heilbronn, Landkreis",
    "09162": "München, Landeshauptstadt, Kreisfreie Stadt",
}
REGION = ["08111", "08115", "08116", "08117", "08118", "08119"]

# Naturalisations 2016 and foreign population on 31.12.2015, chosen so that the quota can be
# computed by hand: Böblingen 806 / 52 000 × 100 = 1,55 %, …
EINBUERGERUNGEN_2016 = {
    "08111": 2000,
    "08115": 806,
    "08116": 910,
    "08117": 402,
    "08118": 927,
    "08119": 721,
    "08125": 500,
    "09162": 3000,
}
AUSLAENDER_2015 = {
    "08111": 150000,
    "08115": 52000,
    "08116": 70000,
    "08117": 36000,
    "08118": 80000,
    "08119": 60000,
    "08125": 40000,
    "09162": 400000,
}
LIZENZ = "Dieses Werk ist lizenziert unter der Datenlizenz Deutschland\n- Namensnennung - Version 2.0."
STAND_EINB = "Stand: 27.02.2018 / 13:00:56"
STAND_BEV = "Stand: 10.10.2017 / 16:36:03"


def _name(code: str) -> str:
    tiefe = {2: "  ", 5: "      "}.get(len(code), "")
    return tiefe + KREISE[code]


def _fuss(
    stand: str,
    jahr: int = 2018,
    notiz: str = "alle Länder (2011-2016): Differenzen zu bereits vorliegenden\n"
    "Veröffentlichungen sind auf nachträgliche Korrekturen des\nStatistischen Bundesamtes zurückzuführen.",
) -> str:
    return (
        "__________\n"
        f'"zu ""gesamte Tabelle"":\n{notiz}"\n'
        f'"© Statistische Ämter des Bundes und der Länder, Deutschland, {jahr}.\n{LIZENZ}"\n'
        f"{stand}\n"
    )


def einbuergerungen_csv(
    werte: dict[tuple[int, str], str | int] | None = None,
    *,
    kodierung: str = "latin-1",
    mit_fuss: bool = True,
) -> bytes:
    """12511-01-01-4 'Einbürgerungen von Ausländern nach Kontinenten', years in rows.

    `werte`: (year, Kreis) → the total as number or special sign; default 2016 from
    EINBUERGERUNGEN_2016 plus 2015 with 90 % of it. The continents are filled so that they
    are never the total (they must not be read as naturalisations).
    """
    if werte is None:
        werte = {(2016, k): v for k, v in EINBUERGERUNGEN_2016.items()}
        werte |= {(2015, k): round(v * 0.9) for k, v in EINBUERGERUNGEN_2016.items()}
    kontinente = [
        "Afrika",
        "Amerika",
        "Asien",
        "Australien und Ozeanien",
        "Europa",
        "Staatenlos, unbekannt, ungeklärt, ohne Angabe",
    ]
    zeilen = [
        "GENESIS-Tabelle: 12511-01-01-4",
        "Einbürgerungen von Ausländern nach Kontinenten;;;;;;;;;",
        "- Jahr - regionale Tiefe: Kreise und krfr. Städte;;;;;;;;;",
        "Einbürgerungsstatistik;;;;;;;;;",
        ";;;" + ";".join(["Einbürgerungen von Ausländern"] * 7),
        ";;;" + ";".join(["Kontinente (einschl. staatenlos etc.)"] * 7),
        ";;;Insgesamt;" + ";".join(kontinente),
        ";;;" + ";".join(["Anzahl"] * 7),
    ]
    for jahr in sorted({j for j, _ in werte}, reverse=True):
        for code in KREISE:
            if (jahr, code) not in werte and len(code) == 5:
                continue
            gesamt = werte.get((jahr, code), 99999)
            teile = ["1", "-", "7", "-", "11", "."]
            zeilen.append(f"{jahr};{code};{_name(code)};{gesamt};" + ";".join(teile))
    text = "\n".join(zeilen) + "\n" + (_fuss(STAND_EINB) if mit_fuss else "")
    return text.encode(kodierung)


def einbuergerungsquote_csv(werte: dict[tuple[int, str], tuple[int | str, str]]) -> bytes:
    """A naturalisation table that reports its own quota: (year, Kreis) → (count, quota as written)."""
    zeilen = [
        "GENESIS-Tabelle: 12511-04-01-4",
        "Einbürgerungen und Einbürgerungsquote;;;;",
        "- Jahr - regionale Tiefe: Kreise und krfr. Städte;;;;",
        "Einbürgerungsstatistik;;;;",
        ";;;Einbürgerungen;Einbürgerungsquote",
        ";;;Anzahl;Prozent",
    ]
    for (jahr, code), (anzahl, quote) in sorted(werte.items(), key=lambda p: (-p[0][0], p[0][1])):
        zeilen.append(f"{jahr};{code};{_name(code)};{anzahl};{quote}")
    return (
        "\n".join(zeilen) + "\n" + _fuss(STAND_EINB, notiz="Einbürgerungsquote: Einbürgerungen je 100 Ausländer")
    ).encode("latin-1")


ALTERSGRUPPEN = ["unter 3 Jahre", "3 bis unter 6 Jahre", "90 Jahre und mehr", "Insgesamt"]


def bevoelkerung_csv(werte: dict[tuple[int, str], int | str] | None = None) -> bytes:
    """12411-03-03-4 'Bevölkerung nach Geschlecht, Nationalität und Altersgruppen', Stichtag in rows.

    `werte`: (year of 31.12., Kreis) → foreign population in total (number or sign).
    """
    if werte is None:
        werte = {(2015, k): v for k, v in AUSLAENDER_2015.items()}
    zeilen = [
        "GENESIS-Tabelle: 12411-03-03-4",
        "Bevölkerungsstand: Bevölkerung nach Geschlecht, Nationalität;;;;;;;;;;;;",
        "und Altersgruppen (21) - Stichtag 31.12. - (ab 2011);;;;;;;;;;;;",
        "regionale Tiefe: Kreise und krfr. Städte;;;;;;;;;;;;",
        "Fortschreibung des Bevölkerungsstandes;;;;;;;;;;;;",
        "Bevölkerungsstand (Anzahl);;;;;;;;;;;;",
        ";;;;Insgesamt;Insgesamt;Insgesamt;Deutsche;Deutsche;Deutsche;Ausländer(innen);Ausländer(innen);Ausländer(innen)",
        ";;;;Insgesamt;männlich;weiblich;Insgesamt;männlich;weiblich;Insgesamt;männlich;weiblich",
    ]
    for (jahr, code), auslaender in sorted(werte.items()):
        for gruppe in ALTERSGRUPPEN:
            if gruppe == "Insgesamt":
                a = auslaender
                d = 300000
            else:
                a, d = 1111, 9999
            zahlen = [d + a if isinstance(a, int) else ".", "1", "2", d, "3", "4", a, "5", "6"]
            zeilen.append(f"31.12.{jahr};{code};{_name(code)};{gruppe};" + ";".join(str(z) for z in zahlen))
    notiz = "Baden-Württemberg (ab Berichtsjahr 2011): Gebietsstand\n01.01.2011"
    return ("\n".join(zeilen) + "\n" + _fuss(STAND_BEV, 2017, notiz)).encode("latin-1")


_FF_KOPF = (
    "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
    "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;"
    "2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label"
)


def einbuergerungen_ffcsv(
    werte: dict[tuple[int, str], str | int] | None = None, quoten: dict[tuple[int, str], str] | None = None
) -> bytes:
    """The flat file of the naturalisation statistics: one value per row (totals and continents)."""
    if werte is None:
        werte = {(2016, k): v for k, v in EINBUERGERUNGEN_2016.items()}
    zeilen = [_FF_KOPF]
    for (jahr, code), wert in werte.items():
        anfang = (
            f"12511;Einbürgerungsstatistik;JAHR;Jahr;{jahr};KREISE;Kreise und kreisfreie Städte;{code};{KREISE[code]}"
        )
        zeilen.append(f"{anfang};STAKNW;Kontinente;STAKNW2;Afrika;17;Anzahl;EIN001;Einbürgerungen von Ausländern")
        zeilen.append(f"{anfang};STAKNW;Kontinente;;Insgesamt;{wert};Anzahl;EIN001;Einbürgerungen von Ausländern")
        if quoten and (jahr, code) in quoten:
            zeilen.append(
                f"{anfang};STAKNW;Kontinente;;Insgesamt;{quoten[(jahr, code)]};Prozent;EIN002;Einbürgerungsquote"
            )
    return ("\ufeff" + "\n".join(zeilen) + "\n").encode("utf-8")


def bevoelkerung_ffcsv(werte: dict[tuple[int, str], int | str] | None = None) -> bytes:
    """The flat file of 12411 by nationality: foreigners, Germans and the total per Kreis."""
    if werte is None:
        werte = {(2015, k): v for k, v in AUSLAENDER_2015.items()}
    zeilen = [_FF_KOPF]
    for (jahr, code), wert in werte.items():
        anfang = (
            f"12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;{jahr}-12-31;KREISE;"
            f"Kreise und kreisfreie Städte;{code};{KREISE[code]}"
        )
        for nat, label, zahl in (
            ("NATA", "Ausländer(innen)", wert),
            ("NATD", "Deutsche", 300000),
            ("", "Insgesamt", 9),
        ):
            zeilen.append(f"{anfang};NAT;Nationalität;{nat};{label};{zahl};Anzahl;BEVSTD;Bevölkerungsstand")
    return ("\ufeff" + "\n".join(zeilen) + "\n").encode("utf-8")


def gestorbene_csv() -> bytes:
    """A table of another statistic (12613-02-02-4, deaths): a real table, but not ours."""
    zeilen = [
        "GENESIS-Tabelle: 12613-02-02-4",
        "Gestorbene nach Geschlecht, Nationalität und Altersgruppen;;;;",
        "- Jahressumme - regionale Tiefe: Kreise und krfr. Städte;;;;",
        "Statistik der Sterbefälle;;;;",
        ";;;Gestorbene;Gestorbene",
        ";;;männlich;weiblich",
        "2016;08115;      Böblingen, Landkreis;1700;1800",
    ]
    return ("\n".join(zeilen) + "\n" + _fuss("Stand: 01.03.2018 / 10:00:00")).encode("latin-1")


ALTERSGRUPPEN_FF = [
    ("ALT000B03", "unter 3 Jahre"),
    ("ALT003B06", "3 bis unter 6 Jahre"),
    ("ALT090UM", "90 Jahre und mehr"),
]


def bevoelkerung_altersgruppen_ffcsv(
    werte: dict[tuple[int, str], int] | None = None, *, mit_insgesamt: bool = True
) -> bytes:
    """The flat file of 12411-03-03-4 as the Regionaldatenbank writes it: Kreise, Geschlecht,
    Nationalität and Altersgruppen, one value per row. `mit_insgesamt` adds the rows of the totals
    (empty code, label „Insgesamt“); without them only the groups are there (and must be summed).

    `werte`: (year of 31.12., Kreis) → foreigners in total; split over sex and the age groups so
    that the groups add up exactly (the first group takes the remainder)."""
    if werte is None:
        werte = {(2015, k): v for k, v in AUSLAENDER_2015.items()}
    kopf = (
        "statistics_code;statistics_label;time_code;time_label;time;"
        + ";".join(
            f"{i}_variable_code;{i}_variable_label;{i}_variable_attribute_code;{i}_variable_attribute_label"
            for i in range(1, 5)
        )
        + ";value;value_unit;value_variable_code;value_variable_label"
    )
    zeilen = [kopf]
    geschlechter = [("GESM", "männlich"), ("GESW", "weiblich")]
    for (jahr, code), gesamt in werte.items():
        anfang = f"12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;{jahr}-12-31;KREISE;Kreise und kreisfreie Städte;{code};{KREISE[code]}"
        teile = {}
        for g, _ in geschlechter:
            for a, _ in ALTERSGRUPPEN_FF:
                teile[(g, a)] = gesamt // (len(geschlechter) * len(ALTERSGRUPPEN_FF))
        teile[(geschlechter[0][0], ALTERSGRUPPEN_FF[0][0])] += gesamt - sum(teile.values())
        for nat, nat_label, faktor in (("NATA", "Ausländer(innen)", 1), ("NATD", "Deutsche", 5)):
            for (g, a), wert in teile.items():
                g_label = dict(geschlechter)[g]
                a_label = dict(ALTERSGRUPPEN_FF)[a]
                zeilen.append(
                    f"{anfang};GES;Geschlecht;{g};{g_label};NAT;Nationalität;{nat};{nat_label};ALTX20;Altersgruppen (unter 3 bis 90 u. m.);{a};{a_label};{wert * faktor};Anzahl;BEVSTD;Bevölkerungsstand"
                )
            if mit_insgesamt:
                zeilen.append(
                    f"{anfang};GES;Geschlecht;;Insgesamt;NAT;Nationalität;{nat};{nat_label};ALTX20;Altersgruppen (unter 3 bis 90 u. m.);;Insgesamt;{gesamt * faktor};Anzahl;BEVSTD;Bevölkerungsstand"
                )
    return ("\ufeff" + "\n".join(zeilen) + "\n").encode("utf-8")


# The ranking of 2016 that the files above give (rank, area, quota in %), as the statistics step computes it.
RANGFOLGE_2016 = [
    (1, "Landkreis Böblingen", 1.55),
    (2, "Stadtkreis Stuttgart", 1.33),
    (3, "Landkreis Esslingen", 1.30),
    (4, "Rems-Murr-Kreis", 1.20),
    (5, "Landkreis Ludwigsburg", 1.16),
    (6, "Landkreis Göppingen", 1.12),
]

"""Build the default workbook `daten/anlage1.xlsx` from the committee report of 06.03.2017.

The county's Anlage 1 is not public. This script reconstructs it as
`shared/anlage1-rekonstruktion.md` describes: every figure the report states is reproduced,
everything else is marked as an assumption in the column `Quelle`.

Run: python daten/erzeuge_anlage1.py   (writes daten/anlage1.xlsx)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

ZIEL = Path(__file__).with_name("anlage1.xlsx")
BERICHT = "Bericht SGA 06.03.2017"
STATUS = ("umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe")

# Nr, Name, Leitsatz, Seiten, counts per status (in STATUS order), what the report states.
FELDER = [
    (
        1,
        "Aufbrechen und Ankommen",
        "„Hier bin ich“",
        "13–15",
        (6, 6, 0, 0, 8),
        True,
        "Es kann festgehalten werden, dass 60 % der Handlungsempfehlungen umgesetzt bzw. sich im "
        "Umsetzungsprozess befinden. Die „Einbürgerungskampagne“ wird von der Ausländerstelle mit der "
        "Zielsetzung einer proaktiven beratenden Vorgehensweise bereits umgesetzt. Das Thema der "
        "„Interkulturellen Öffnung der Verwaltung“ wird amtsintern für das Amt für Migration und "
        "Flüchtlinge aufgegriffen und darüber hinaus mit dem Amt für Personal weiterentwickelt.",
    ),
    (
        2,
        "Wohnen",
        "„Wohnen und Wohlfühlen“",
        "19–26",
        (4, 11, 0, 7, 0),
        True,
        "Im Handlungsfeld Wohnen wurden nur 20 % der genannten Maßnahmen umgesetzt, beispielsweise durch "
        "die Schaffung des „Bündnisses für bezahlbares Wohnen und Bauen“. Circa 50 % der Maßnahmen "
        "befinden sich in Arbeit oder werden teilweise umgesetzt. Die restlichen 30 % der Maßnahmen "
        "wurden nicht umgesetzt, z. B. die flächendeckende Einbeziehung von Migrantenorganisationen in "
        "die Wohnraumplanung.",
    ),
    (
        3,
        "Sprache",
        "„Vielsprachigkeit als Ressource“",
        "",
        (7, 9, 0, 4, 0),
        False,
        "Die Handlungsempfehlungen für das Themenfeld Sprache wurden zu 35 % umgesetzt. Ca. 45 % der "
        "Maßnahmen befinden sich gerade noch in Arbeit, wie z. B. die Erarbeitung eines Konzeptes für "
        "einen Dolmetscherpool (im Haushaltsplan 2017 anvisiert). Nur 20 % der Maßnahmen wurden noch "
        "nicht umgesetzt, wie bspw. die Anwerbung mehrsprachiger und kultursensibler Fachkräfte für KiTas.",
    ),
    (
        4,
        "Bildung und Arbeit",
        "„Sapere aude – Wage zu denken“",
        "",
        (11, 10, 1, 3, 0),
        False,
        "Im Themenfeld Bildung und Arbeit wurden die Handlungsempfehlungen zu 45 % umgesetzt. Ca. 40 % "
        "der Maßnahmen befinden sich in Arbeit oder werden teilweise umgesetzt. Etwas mehr als 10 % der "
        "Maßnahmen wurden noch nicht umgesetzt. Weniger als 5 % der Maßnahmen befinden sich bei einem "
        "externen Träger noch in der Abstimmung, z. B. ein Angebot zur Hausaufgabenbetreuung (AWO).",
    ),
    (
        5,
        "Gesundheit",
        "„Natürlich gesund“",
        "",
        (12, 3, 1, 3, 1),
        False,
        "In Handlungsfeld Gesundheit wurden insgesamt 60 % der Empfehlungen umgesetzt. Weitere 15 % der "
        "Maßnahmen befinden sich noch in Arbeit. Weitere 15 % der Maßnahmen wurden noch nicht umgesetzt, "
        "weil etwa die Ausführung problematisch erscheint. Circa 5 % der Maßnahmen befinden sich "
        "momentan noch in Abstimmung.",
    ),
    (
        6,
        "Gesellschaft",
        "„Freude am Gestalten“",
        "61–68",
        (5, 5, 0, 17, 0),
        True,
        "In Form von sechs Zielen und 27 Maßnahmen soll Inklusion und Vernetzung stattfinden. In diesem "
        "Handlungsfeld zeigt sich weiterhin ein großer Bedarf an der Konzeption und Durchsetzung der "
        "Empfehlungen. Trotzdem blieben über 60 % der Maßnahmen unerfüllt.",
    ),
    (
        7,
        "Religion",
        "„Dialog statt Diagnose“",
        "",
        (2, 5, 0, 10, 3),
        False,
        "In diesem Handlungsfeld ist festzustellen, dass bisher nur 10 % der Empfehlungen gänzlich "
        "umgesetzt wurden. Weitere 25 % der Maßnahmen wurden vom Amt für Migration und Flüchtlinge "
        "angestoßen. Circa 50 % der Maßnahmen zielen auf die flächendeckende interreligiöse Öffnung der "
        "Krankenseelsorge; sie sind nicht flächendeckend, sondern nur vereinzelt umgesetzt worden.",
    ),
    (
        8,
        "Leben und Freizeit",
        "„Hier spielt das Leben“",
        "",
        (11, 5, 0, 0, 11),
        True,
        "Insgesamt finden sich darin 10 Ziele, unter denen 27 Maßnahmen subsumiert sind. Rund 40 % der "
        "Handlungsempfehlungen wurden umgesetzt. Weitere 20 % der Maßnahmen befinden sich in Arbeit, "
        "beispielsweise die Schaffung eines Wegweisers für Menschen mit Migrationshintergrund in Form "
        "einer Infothek (Website).",
    ),
]

# Handlungsfeld, short title, status, Bemerkung (from the report), Bezug Geflüchtete.
BENANNT = [
    (
        1,
        "Organisationseinheit für die Integrationsarbeit schaffen (Amt für Migration und Flüchtlinge, 2015)",
        "umgesetzt",
        "Amt für Migration und Flüchtlinge 2015 eingerichtet; Umsetzung der Empfehlung von Seite 14.",
        "",
    ),
    (
        1,
        "Einbürgerungskampagne: proaktive Beratung durch die Ausländerstelle",
        "umgesetzt",
        "Wird von der Ausländerstelle proaktiv beratend umgesetzt; Spitzenplatz in der Region Stuttgart.",
        "",
    ),
    (
        1,
        "Interkulturelle Öffnung der Verwaltung (amtsintern, mit dem Amt für Personal)",
        "in Arbeit",
        "Amtsintern aufgegriffen, mit dem Amt für Personal weiterentwickelt; Haushalt 2017: 60.000 €.",
        "",
    ),
    (
        2,
        "Bündnis für bezahlbares Wohnen und Bauen",
        "umgesetzt",
        "Dialog mit Kommunen, Immobilienwirtschaft und Liga; Migration über den Sozialdezernenten vertreten.",
        "",
    ),
    (
        2,
        "Innovative Wohnformen prüfen – Frauenwohnprojekt „Yasam Evi“, Sindelfingen",
        "umgesetzt",
        "Türkisch-muslimische Wohngemeinschaft für pflegebedürftige Frauen, Landesförderprogramm.",
        "",
    ),
    (2, "Broschüre zum Thema Wohnen auf Türkisch", "in Arbeit", "Übersetzung in die türkische Sprache.", ""),
    (2, "Interkulturelle und interreligiöse Besetzung in der Altenhilfe", "in Arbeit", "Es wird dafür geworben.", ""),
    (
        2,
        "Migrantenorganisationen in die Wohnraumplanung einbeziehen",
        "nicht umgesetzt",
        "Flächendeckende Einbeziehung nicht umgesetzt.",
        "",
    ),
    (3, "Informationen zu Sprachkursen bereitstellen", "umgesetzt", "Informationen werden bereitgestellt.", ""),
    (
        3,
        "Für Internetportale zum Spracherwerb werben",
        "umgesetzt",
        "Für Menschen, die nicht an Sprachkursen teilnehmen können.",
        "",
    ),
    (
        3,
        "Konzept für einen Dolmetscherpool (Haushalt 2017)",
        "in Arbeit",
        "Im Haushaltsplan 2017 anvisiert: 90.000 €.",
        "ja",
    ),
    (3, "Mehrsprachige, kultursensible Fachkräfte für Kitas anwerben", "nicht umgesetzt", "Noch nicht umgesetzt.", ""),
    (
        4,
        "Internationale Fachkräfte beim Ankommen unterstützen",
        "umgesetzt",
        "Unterstützung beim Ankommen und bei der Integration in Deutschland.",
        "",
    ),
    (
        4,
        "Familien über das Bildungssystem informieren",
        "umgesetzt",
        "Informationen an Familien mit Migrationshintergrund.",
        "",
    ),
    (
        4,
        "Eltern in schulische Bildungsangebote einbeziehen",
        "in Arbeit",
        "Programme zur Einbeziehung von Eltern mit Migrationshintergrund.",
        "",
    ),
    (
        4,
        "Jugendlichen soziale Berufe näherbringen (Projekt nicht fortgeführt)",
        "nicht umgesetzt",
        "Projekt wurde nicht fortgeführt.",
        "",
    ),
    (4, "Hausaufgabenbetreuung (Träger AWO)", "in Abstimmung", "Beim externen Träger AWO in Abstimmung.", ""),
    (
        5,
        "Mehrsprachige Informationen zur Gesundheitsvorsorge",
        "umgesetzt",
        "Informationsmaterialien stehen mehrsprachig zur Verfügung.",
        "",
    ),
    (5, "Liste mit Dolmetschern erstellen", "in Arbeit", "In Arbeit.", ""),
    (5, "Kultursensibles Personal im Amt gewinnen", "in Arbeit", "Gezielte Suche und Beschäftigung.", ""),
    (
        5,
        "Beratungsstelle (Sucht, Lebenshilfe) auf Stadtteilfesten",
        "nicht umgesetzt",
        "Ausführung erscheint problematisch.",
        "",
    ),
    (5, "Übersetzungsdienst für mehrsprachige Materialien", "in Abstimmung", "Akquise in Abstimmung.", ""),
    (
        6,
        "Stelle der Integrationsbeauftragten auf Landkreisebene",
        "umgesetzt",
        "Im Amt für Migration und Flüchtlinge geschaffen.",
        "",
    ),
    (
        6,
        "Engagementmodelle im Ehrenamt der Flüchtlingshilfe (Patenschaften, Sport, Bildung)",
        "umgesetzt",
        "Zwei hauptamtliche Ehrenamtskoordinatoren im Amt 23.",
        "ja",
    ),
    (
        6,
        "Kreisweites Schülerpatenmodell mit Bildungspaten mit Migrationshintergrund",
        "umgesetzt",
        "Diverse ehrenamtliche Bildungspaten engagieren sich.",
        "",
    ),
    (
        6,
        "Vernetzung im Themenfeld Migration und Behinderung ausbauen",
        "in Arbeit",
        "Gute Ansätze, z. B. Projekt „Einander sehen – einander verstehen“ (KT-Drs. 143/2012).",
        "",
    ),
    (
        6,
        "Presse- und Öffentlichkeitsarbeit für gemeinnützige Organisationen",
        "nicht umgesetzt",
        "Anstrengungen sollen intensiviert werden.",
        "",
    ),
    (
        6,
        "Internationaler Ausschuss auf Landkreisebene",
        "nicht umgesetzt",
        "Soll u. a. die Umsetzung des Integrationsplans begleiten und bewerten.",
        "",
    ),
    (7, "Sprachkurse für besondere Zielgruppen (Mutter-Kind-, Frauenkurse)", "umgesetzt", "Gänzlich umgesetzt.", ""),
    (
        7,
        "Austausch mit muslimischen Religionsgemeinschaften",
        "in Arbeit",
        "Erster Austausch im Landratsamt; Zusammenarbeit wird im Frühjahr 2017 konzipiert.",
        "ja",
    ),
    (
        7,
        "Interreligiöse Öffnung der Krankenseelsorge (nur vereinzelt, z. B. Klinikum Sindelfingen)",
        "nicht umgesetzt",
        "Nur vereinzelt: Ausbildung eines Mannes und einer Frau in der muslimischen Krankenseelsorge.",
        "",
    ),
    (
        8,
        "Gemeinsame Veranstaltungen mit der Bürgerschaft (Podiumsdiskussionen)",
        "umgesetzt",
        "Podiumsdiskussionen mit der Bürgerschaft werden angeboten.",
        "",
    ),
    (8, "Tage der offenen Tür in Gemeinschaftsunterkünften und Moscheen", "umgesetzt", "Z. B. Herrenberg.", "ja"),
    (
        8,
        "Unternehmerpreis 2016 für Betriebe, die sich für Geflüchtete engagieren",
        "umgesetzt",
        "Mit Preisgeld dotiert, wird 2017 wiederholt.",
        "ja",
    ),
    (
        8,
        "Wegweiser für Menschen mit Migrationshintergrund (Infothek-Website, Haushalt 2017)",
        "in Arbeit",
        "Im Haushalt 2017 des Amtes angesetzt.",
        "",
    ),
]

EINBUERGERUNG = [
    ("Landkreis Böblingen", 2016, 1.54),
    ("Stadtkreis Stuttgart", 2016, 1.48),
    ("Landkreis Esslingen", 2016, 1.36),
    ("Landkreis Ludwigsburg", 2016, 1.18),
    ("Rems-Murr-Kreis", 2016, 1.14),
    ("Landkreis Göppingen", 2016, None),
]

# Maßnahme, Betrag, Handlungsfeld, field assignment assumed?
HAUSHALT = [
    ("Schulungs- und Umsetzungskonzept zur interkulturellen Öffnung der Verwaltung", 60000, 1, False),
    ("Arbeitsheft zur Wertevermittlung für Geflüchtete", 20000, 6, True),
    ("Fortführung des Unternehmerpreises (Auslobung 2017)", 30000, 8, False),
    (
        "Fortführung der Gremienarbeit (Sprachförderung, Arbeitsmarkt, Schnittstellen, Runder Tisch, "
        "Religionsgemeinschaften)",
        19000,
        6,
        True,
    ),
    ("Expertise: Beteiligung von Migrantenorganisationen an Bildungs- und Arbeitsmarktthemen", 30000, 4, True),
    ("Expertise: Bildungsintegration geflüchteter Frauen", 35000, 4, True),
    ("Einbürgerungsfeiern, Einbürgerungszimmer und -fahrten", 22400, 1, False),
    ("Veranstaltungsreihe politische Bildung für Geflüchtete", 20000, 6, True),
    ("Expertenzirkel „Ethnische Ökonomie – Gründungspotential von Geflüchteten“", 19000, 4, True),
    ("Dolmetscherpool, koordiniert vom Landratsamt", 90000, 3, False),
    ("Expertise: Wohnraumerschließung für Geflüchtete", 10000, 2, True),
]

MEILENSTEINE = [
    ("2014 (Ende)", "Kreistag verabschiedet den ersten Integrationsplan (KT-Drs. 234/2014)"),
    ("2015", "Amt für Migration und Flüchtlinge eingerichtet"),
    ("2015-08", "Integrationsplan veröffentlicht"),
    (dt.date(2017, 3, 6), "Bilanz im Sozial- und Gesundheitsausschuss"),
    (dt.date(2017, 3, 29), "Auftakt: Arbeitsgruppe des Integrationsplans reaktiviert"),
    ("2017-07", "Arbeitstreffen"),
    ("2017-09", "Arbeitstreffen"),
    (dt.date(2017, 11, 27), "Ergebnisse im Sozial- und Gesundheitsausschuss"),
]

KOPF = Font(bold=True, color="FFFFFF")
KOPF_FUELLUNG = PatternFill("solid", fgColor="1F4E79")
TITEL = Font(bold=True, size=14)


def _tabelle(ws, kopf: list[str], zeilen: list[list], breiten: list[int], erste_zeile: int = 1) -> None:
    for spalte, text in enumerate(kopf, start=1):
        zelle = ws.cell(erste_zeile, spalte, text)
        zelle.font, zelle.fill = KOPF, KOPF_FUELLUNG
        zelle.alignment = Alignment(vertical="center", wrap_text=True)
    for index, werte in enumerate(zeilen, start=erste_zeile + 1):
        for spalte, wert in enumerate(werte, start=1):
            zelle = ws.cell(index, spalte, wert)
            zelle.alignment = Alignment(vertical="top", wrap_text=isinstance(wert, str) and len(wert) > 40)
    for spalte, breite in enumerate(breiten, start=1):
        ws.column_dimensions[ws.cell(1, spalte).column_letter].width = breite
    ws.freeze_panes = ws.cell(erste_zeile + 1, 1)


def empfehlungen_zeilen() -> list[list]:
    """The 181 recommendation rows: the named ones first, then placeholders per field."""
    zeilen = []
    for nr, _name, _leitsatz, _seiten, zaehlung, gezaehlt, _bericht in FELDER:
        rest = dict(zip(STATUS, zaehlung))
        eigene = [b for b in BENANNT if b[0] == nr]
        for index, (_, titel, status, bemerkung, bezug) in enumerate(eigene, start=1):
            rest[status] -= 1
            zeilen.append([nr, index, "", titel, status, bemerkung, bezug, f"{BERICHT} (Titel gekürzt)"])
        laufend = len(eigene)
        for status in STATUS:
            if rest[status] < 0:
                raise ValueError(f"HF {nr}: mehr benannte Empfehlungen mit {status} als gezählt")
            for _ in range(rest[status]):
                laufend += 1
                zeilen.append(
                    [
                        nr,
                        laufend,
                        "",
                        f"Handlungsempfehlung {nr}.{laufend} – Wortlaut im Integrationsplan 2014",
                        status,
                        "Platzhalter: im Bericht nicht einzeln genannt",
                        "",
                        "Annahme (Rekonstruktion): Status aus den Anteilen im Bericht abgeleitet"
                        + ("" if gezaehlt else "; Anzahl der Empfehlungen angenommen"),
                    ]
                )
    return zeilen


def baue_mappe() -> Workbook:
    """The default Anlage 1 workbook as an openpyxl Workbook."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Handlungsfelder"
    _tabelle(
        ws,
        ["Nr", "Handlungsfeld", "Leitsatz", "Seiten", "Bericht", "Quelle"],
        [
            [
                nr,
                name,
                leitsatz,
                seiten,
                bericht,
                f"{BERICHT}" + ("" if gezaehlt else "; Anzahl der Empfehlungen angenommen (Rekonstruktion)"),
            ]
            for nr, name, leitsatz, seiten, _z, gezaehlt, bericht in FELDER
        ],
        [6, 26, 32, 10, 80, 50],
    )

    ws = wb.create_sheet("Empfehlungen")
    ws["A1"] = "Anlage 1 – Auswertung der Handlungsempfehlungen des Integrationsplans 2014 (Rekonstruktion)"
    ws["A1"].font = TITEL
    ws["A2"] = "Platzhalterzeilen sind als solche gekennzeichnet; Quelle: " + BERICHT
    zeilen = empfehlungen_zeilen()
    _tabelle(
        ws,
        ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung", "Bezug Geflüchtete", "Quelle"],
        zeilen,
        [14, 6, 16, 70, 16, 60, 12, 50],
        erste_zeile=4,
    )
    liste = DataValidation(type="list", formula1='"' + ",".join(STATUS) + '"', allow_blank=True)
    liste.error, liste.errorTitle = "Bitte einen Status aus der Liste wählen.", "Status"
    ws.add_data_validation(liste)
    liste.add(f"E5:E{4 + len(zeilen) + 200}")

    ws = wb.create_sheet("Einbürgerung")
    _tabelle(
        ws,
        ["Gebiet", "Jahr", "Quote in %", "Quelle"],
        [
            [
                g,
                j,
                q,
                "Bericht SGA 06.03.2017; Jahr 2016 erschlossen (Pressemitteilung 24.03.2017)"
                if q is not None
                else "Region Stuttgart; im Bericht kein Wert genannt (keine Angabe)",
            ]
            for g, j, q in EINBUERGERUNG
        ],
        [26, 8, 12, 70],
    )
    for zeile in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        zeile[0].number_format = "0.00"

    ws = wb.create_sheet("Haushalt")
    _tabelle(
        ws,
        ["Maßnahme", "Betrag", "Jahr", "Handlungsfeld", "Quelle"],
        [
            [m, b, 2017, hf, BERICHT + ("; Zuordnung zum Handlungsfeld angenommen" if annahme else "")]
            for m, b, hf, annahme in HAUSHALT
        ],
        [80, 12, 8, 14, 60],
    )
    for zeile in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        zeile[0].number_format = '#,##0 "€"'

    ws = wb.create_sheet("Meilensteine")
    _tabelle(ws, ["Datum", "Ereignis"], [list(m) for m in MEILENSTEINE], [14, 80])
    for zeile in ws.iter_rows(min_row=2, max_col=1):
        if isinstance(zeile[0].value, dt.date):
            zeile[0].number_format = "DD.MM.YYYY"

    ws = wb.create_sheet("Info")
    _tabelle(
        ws,
        ["Feld", "Wert"],
        [
            ["Stand", dt.date(2017, 3, 6)],
            ["Bezeichnung", "Bilanz des Integrationsplans 2014 – Bericht an den SGA (Rekonstruktion)"],
            [
                "Hinweis",
                "Rekonstruktion der nicht öffentlichen Anlage 1 aus dem Bericht; Annahmen sind in "
                "der Spalte „Quelle“ gekennzeichnet.",
            ],
        ],
        [16, 90],
    )
    ws["B2"].number_format = "DD.MM.YYYY"
    return wb


def main() -> int:
    """Write the workbook next to this script."""
    ziel = Path(sys.argv[1]) if len(sys.argv) > 1 else ZIEL
    mappe = baue_mappe()
    mappe.properties.creator = "Integrationsplan-Monitor"
    mappe.properties.created = mappe.properties.modified = dt.datetime(2017, 3, 6)
    mappe.save(ziel)
    print(f"geschrieben: {ziel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

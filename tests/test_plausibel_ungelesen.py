"""The plausibility layer (issue 22): nothing unread goes unmentioned – every sheet and column not
read is named, with a hint where it looks like data – and the counts per Handlungsfeld are checked
against the counts the sheet Handlungsfelder states.

Every workbook is built in code and saved the way Excel saves it (shared strings).
"""

from __future__ import annotations

from ipdaten import lade_anlage
from ipdaten.arbeitsmappe.befunde import EMPFEHLUNGEN as URSACHE_EMPFEHLUNGEN
from ipdaten.arbeitsmappe.befunde import UNGELESEN
from tests.arbeitsmappen import EMPFEHLUNGEN, HANDLUNGSFELDER, KOPF, excel_bytes


def _ungelesen(anlage) -> list[tuple[str, str]]:
    return [(b.blatt, b.meldung) for b in anlage.warnungen if b.ursache == UNGELESEN]


def test_ungelesene_spalten_mit_hinweis_wo_sie_nach_daten_aussehen():
    status_alt = ["in Arbeit", "erledigt", "in Arbeit", "nicht begonnen", "in Arbeit", "umgesetzt"]
    zeilen = [[*z, alt, f"{1000 * i} €", "siehe Akte"] for i, (z, alt) in enumerate(zip(EMPFEHLUNGEN, status_alt))]
    anlage = lade_anlage(
        excel_bytes(
            empfehlungen=zeilen, koepfe={"Empfehlungen": [*KOPF["Empfehlungen"], "Status alt", "Mittel", "Notiz"]}
        )
    )
    assert anlage.empfehlungen["status"].tolist() == [z[4] for z in EMPFEHLUNGEN]
    assert _ungelesen(anlage) == [
        (
            "Empfehlungen",
            "Nicht gelesen: Spalte I „Status alt“ – enthält Status-Wörter; Spalte J „Mittel“ – enthält Beträge; "
            "Spalte K „Notiz“. Gehört eine davon zu den Daten, die das Dashboard auswerten soll, bitte die Überschrift "
            "wie in der Vorlage schreiben oder die Spalte beim Hochladen zuordnen.",
        )
    ]


def test_ungelesene_blaetter_mit_hinweis_leere_nicht():
    def verstecke(wb):
        wb["Status 2016"].sheet_state = "hidden"

    anlage = lade_anlage(
        excel_bytes(
            zusatz={"Notizen": [["frei"]], "Status 2016": [["Nr", "Status"], [1, "offen"]], "Tabelle1": []},
            anpassen=verstecke,
        )
    )
    assert _ungelesen(anlage) == [
        (
            "",
            "Nicht gelesene Blätter: „Notizen“; „Status 2016“ (ausgeblendet) – der Name klingt nach dem "
            "Umsetzungsstand. Gelesen werden nur die Blätter „Handlungsfelder“, „Empfehlungen“, „Einbürgerung“, "
            "„Haushalt“, „Meilensteine“, „Info“ (auch unter üblichen anderen Namen).",
        )
    ]


def test_anzahlen_je_handlungsfeld_gegen_die_angegebenen():
    koepfe = {"Handlungsfelder": [*KOPF["Handlungsfelder"], "Anzahl Empfehlungen"]}
    # Read: field 1 three, field 2 two, field 3 one recommendation.
    stimmt = [
        [*HANDLUNGSFELDER[0], 3],
        [*HANDLUNGSFELDER[1], 2],
        [*HANDLUNGSFELDER[2], 1],
        [None, "Gesamt", None, None, 6],
    ]
    anlage = lade_anlage(excel_bytes(handlungsfelder=stimmt, koepfe=koepfe))
    assert [b for b in anlage.warnungen if b.ursache in (UNGELESEN, URSACHE_EMPFEHLUNGEN)] == []
    falsch = [
        [*HANDLUNGSFELDER[0], 3],
        [*HANDLUNGSFELDER[1], 4],
        [*HANDLUNGSFELDER[2], 1],
        [None, "Gesamt", None, None, 8],
    ]
    anlage = lade_anlage(excel_bytes(handlungsfelder=falsch, koepfe=koepfe))
    assert len(anlage.empfehlungen) == 6
    assert [b.meldung for b in anlage.warnungen if b.ursache == URSACHE_EMPFEHLUNGEN] == [
        "Die Anzahl der Empfehlungen weicht von der Spalte „Anzahl Empfehlungen“ im Blatt „Handlungsfelder“ ab: "
        "Handlungsfeld 2 „Wohnen“: angegeben 4, gelesen 2; insgesamt: angegeben 8, gelesen 6. Bitte prüfen, ob "
        "Zeilen fehlen, doppelt stehen oder einem anderen Handlungsfeld zugeordnet sind – oder die Anzahl im Blatt "
        "„Handlungsfelder“ berichtigen."
    ]


def test_nicht_gewaehlte_kandidaten_werden_nicht_doppelt_genannt():
    def alt(wb):
        kopie = wb.copy_worksheet(wb["Empfehlungen"])
        kopie.title = "Empfehlungen (alt)"
        kopie.sheet_state = "hidden"

    anlage = lade_anlage(excel_bytes(anpassen=alt))
    assert _ungelesen(anlage) == []
    assert [b.meldung for b in anlage.warnungen] == [
        "Gelesen wurde das Blatt „Empfehlungen“; nicht gelesen: „Empfehlungen (alt)“ (ausgeblendet)."
    ]

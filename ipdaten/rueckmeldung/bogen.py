"""Writing the Rückmeldebögen: one .xlsx per recipient with only its recommendations, and all
of them as one ZIP.

A form is one sheet „Rückmeldung“: title, recipient, reply date and a short instruction; a line
for the sender's name and date; the table with the read-only columns (grey, locked: the sheet
is protected without a password) and the columns to fill in (yellow, unlocked): „Status neu“
with a drop-down of the five statuses, „Bemerkung neu“, „Termin neu“ (text, so that „06/2018“
stays a month). A very hidden sheet „Kennung“ carries the round, the recipient and the SHA-256
of the Stand, so that a returned form is recognised. Every text is written as text: a body
name like „=HYPERLINK(…)“ never becomes a formula.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Anlage
from ipdaten.rueckmeldung.bogen_aufbau import (
    ABSENDER_TEXT,
    BLATT,
    BLATT_KENNUNG,
    DATUM_TEXT,
    ERSTE_ZEILE,
    FORMAT,
    KENNUNG_FELDER,
    SPALTE,
    SPALTE_ABSENDER,
    SPALTE_DATUM,
    SPALTEN,
    STATUS_NEU,
    TERMIN_NEU,
    VERSION,
    ZEILE_ABSENDER,
    ZEILE_ANLEITUNG,
    ZEILE_EMPFAENGER,
    ZEILE_FRIST,
    ZEILE_KOPF,
    ZEILE_TITEL,
    nur_lesen_zeilen,
    zelltext,
)
from ipdaten.rueckmeldung.runde import Empfaenger, Runde

GRAU = PatternFill("solid", fgColor="F2F2F2")
GELB = PatternFill("solid", fgColor="FFF2CC")
KOPF = PatternFill("solid", fgColor="D9D9D9")
_LINIE = Side(style="thin", color="BFBFBF")
RAHMEN = Border(left=_LINIE, right=_LINIE, top=_LINIE, bottom=_LINIE)
OFFEN = Protection(locked=False)
OBEN_UMBRECHEN = Alignment(wrap_text=True, vertical="top")
ZEILENHOEHE = 15.0  # points per line of text


def anleitung(runde: Runde) -> str:
    """The short German instruction on every form."""
    stand = f" (Stand {fmt.datum(runde.stand)})" if runde.stand else ""
    return (
        f"Bitte tragen Sie in den gelben Spalten ein, was sich seit dem letzten Stand{stand} geändert hat: "
        f"„{STATUS_NEU}“ aus der Liste wählen ({', '.join(STATUS_REIHENFOLGE)}), bei Bedarf eine neue "
        f"Bemerkung und einen neuen Termin (Datum wie 30.06.2018, Monat wie 06/2018 oder Jahr wie 2018). "
        "Leer gelassene Felder bleiben unverändert. Die grauen Spalten sind gesperrt; bitte keine Zeilen "
        "löschen, einfügen oder verschieben. Tragen Sie oben Ihren Namen und das Datum ein, speichern Sie "
        "die Datei als Excel-Arbeitsmappe (.xlsx) und senden Sie sie per E-Mail zurück."
    )


def _frist_text(runde: Runde) -> str:
    if runde.frist is None:
        return "Bitte ausgefüllt zurücksenden."
    return f"Bitte bis zum {fmt.datum(runde.frist)} ausgefüllt zurücksenden."


def _text(zelle: Cell, wert: object) -> Cell:
    """Write `wert` as text, never as a formula (openpyxl takes a text starting with '=' as one)."""
    zelle.value = zelltext(wert)
    zelle.data_type = "s"
    return zelle


def _zeilen(text: str, breite: float) -> int:
    """Lines a wrapped text needs in a column of `breite` characters, wrapped at words as Excel
    and LibreOffice do (neither fits a row's height to its text when opening the file)."""
    platz = max(int(breite * 0.95) - 1, 4)
    anzahl = 0
    for absatz in text.split("\n"):
        zeile = 0
        anzahl += 1
        for wort in absatz.split():
            laenge = len(wort)
            if zeile and zeile + 1 + laenge > platz:
                anzahl += 1
                zeile = 0
            zeile += (1 if zeile else 0) + laenge
            while zeile > platz:  # a word longer than the column breaks inside
                anzahl += 1
                zeile -= platz
    return max(anzahl, 1)


def _kennung(wb: Workbook, runde: Runde, empfaenger: Empfaenger) -> None:
    ws = wb.create_sheet(BLATT_KENNUNG)
    werte = (
        FORMAT,
        str(VERSION),
        runde.id,
        runde.titel,
        runde.frist.isoformat() if runde.frist else "",
        empfaenger.name,
        empfaenger.schluessel,
        runde.basis_sha256,
        str(len(empfaenger.empfehlungen)),
    )
    for zeile, (feld, wert) in enumerate(zip(KENNUNG_FELDER, werte, strict=True), start=1):
        _text(ws.cell(zeile, 1), feld)
        _text(ws.cell(zeile, 2), wert)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def bogen_bytes(runde: Runde, empfaenger: Empfaenger, anlage: Anlage) -> bytes:
    """The form of one recipient as .xlsx bytes (`anlage` is the Stand the round was made from)."""
    wb = Workbook()
    ws = wb.active
    ws.title = BLATT
    letzte_spalte = len(SPALTEN)
    _text(ws.cell(ZEILE_TITEL, 1), f"Rückmeldebogen zum Integrationsplan – {runde.titel}").font = Font(
        bold=True, size=14
    )
    _text(ws.cell(ZEILE_EMPFAENGER, 1), f"Für: {empfaenger.name}").font = Font(bold=True, size=12)
    _text(ws.cell(ZEILE_FRIST, 1), _frist_text(runde))
    text = anleitung(runde)
    _text(ws.cell(ZEILE_ANLEITUNG, 1), text).alignment = OBEN_UMBRECHEN
    ws.merge_cells(start_row=ZEILE_ANLEITUNG, start_column=1, end_row=ZEILE_ANLEITUNG, end_column=letzte_spalte)
    ws.row_dimensions[ZEILE_ANLEITUNG].height = ZEILENHOEHE * _zeilen(text, sum(s.breite for s in SPALTEN))

    _text(ws.cell(ZEILE_ABSENDER, 1), ABSENDER_TEXT).font = Font(bold=True)
    name = ws.cell(ZEILE_ABSENDER, SPALTE_ABSENDER + 1)
    ws.merge_cells(
        start_row=ZEILE_ABSENDER, start_column=SPALTE_ABSENDER + 1, end_row=ZEILE_ABSENDER, end_column=SPALTE_DATUM - 1
    )
    _text(ws.cell(ZEILE_ABSENDER, SPALTE_DATUM), DATUM_TEXT).font = Font(bold=True)
    ws.cell(ZEILE_ABSENDER, SPALTE_DATUM).alignment = Alignment(horizontal="right")
    datum = ws.cell(ZEILE_ABSENDER, SPALTE_DATUM + 1)
    datum.number_format = "DD.MM.YYYY"
    for zelle in (name, datum):
        zelle.fill, zelle.protection, zelle.border = GELB, OFFEN, RAHMEN

    for spalte, definition in enumerate(SPALTEN, start=1):
        kopf = _text(ws.cell(ZEILE_KOPF, spalte), definition.titel)
        kopf.font, kopf.fill, kopf.border = Font(bold=True), GELB if definition.zum_ausfuellen else KOPF, RAHMEN
        kopf.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[kopf.column_letter].width = definition.breite

    zeilen = nur_lesen_zeilen(anlage, empfaenger)
    for nummer, werte in enumerate(zeilen.values(), start=ERSTE_ZEILE):
        hoehe = 1
        for spalte, definition in enumerate(SPALTEN):
            zelle = ws.cell(nummer, spalte + 1)
            zelle.border = RAHMEN
            zelle.alignment = OBEN_UMBRECHEN
            if definition.zum_ausfuellen:
                zelle.fill, zelle.protection = GELB, OFFEN
                if definition.titel == TERMIN_NEU:
                    zelle.number_format = "@"  # typed „06/2018“ stays a month, not 1 June
                continue
            _text(zelle, werte[spalte]).fill = GRAU
            hoehe = max(hoehe, _zeilen(werte[spalte], definition.breite))
        ws.row_dimensions[nummer].height = ZEILENHOEHE * hoehe
    letzte = ERSTE_ZEILE + max(len(zeilen), 1) - 1

    spalte_status = ws.cell(ZEILE_KOPF, SPALTE[STATUS_NEU] + 1).column_letter
    auswahl = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_REIHENFOLGE) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=STATUS_NEU,
        error="Bitte einen Status aus der Liste wählen (leer lassen = unverändert).",
        showInputMessage=True,
        promptTitle=STATUS_NEU,
        prompt="Aus der Liste wählen; leer lassen = unverändert.",
    )
    auswahl.add(f"{spalte_status}{ERSTE_ZEILE}:{spalte_status}{letzte}")
    ws.add_data_validation(auswahl)

    ws.freeze_panes = ws.cell(ERSTE_ZEILE, 1)
    ws.print_title_rows = f"{ZEILE_KOPF}:{ZEILE_KOPF}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen a column
    ws.protection.formatRows = False
    _kennung(wb, runde, empfaenger)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = zelltext(f"Rückmeldebogen – {empfaenger.name}")
    wb.properties.creator = "Integrationsplan-Monitor"
    ziel = io.BytesIO()
    wb.save(ziel)
    return ziel.getvalue()


def boegen_zip(runde: Runde, anlage: Anlage) -> bytes:
    """All forms of the round as one ZIP (one file per recipient, under its file name)."""
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv:
        for empfaenger in runde.empfaenger:
            info = zipfile.ZipInfo(empfaenger.dateiname, date_time=runde.erstellt.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archiv.writestr(info, bogen_bytes(runde, empfaenger, anlage))
    return ziel.getvalue()

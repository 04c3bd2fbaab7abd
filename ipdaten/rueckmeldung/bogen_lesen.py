"""Reading one returned Rückmeldebogen: checked like a workbook upload (the same file checks
and reader), recognised by its hidden „Kennung“, compared row by row with what was sent.

A form cannot be used – with German findings grouped by cause, never a traceback – when it is
no form, belongs to another round or workbook, when rows were added or removed, read-only
cells changed, or a new status or Termin cannot be read. A blank field means „unchanged“; a
status word is read by the synonym table and the user's mapping, exactly as in a workbook.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from ipdaten.arbeitsmappe import Anlage, Befund, Zuordnung, bereinige, falte, fehler, warnung
from ipdaten.arbeitsmappe.befunde import gruppiert, wert_text, zeilenbereiche
from ipdaten.arbeitsmappe.datei_pruefung import pruefe_datei
from ipdaten.arbeitsmappe.empfehlung_leser import TERMIN_ERLAUBT
from ipdaten.arbeitsmappe.laden import lesefehler_befund
from ipdaten.arbeitsmappe.statuswort import STATUS_ERLAUBT, STATUS_GEFALTET, status_grund
from ipdaten.arbeitsmappe.texte import als_datum, ungefaehres_datum
from ipdaten.arbeitsmappe.vertrag import STATUS_REIHENFOLGE
from ipdaten.arbeitsmappe.xlsx_lesen import LesefehlerArbeitsmappe, RohBlatt, lies_mappe
from ipdaten.rueckmeldung.bogen_aufbau import (
    ABSENDER_TEXT,
    BEMERKUNG_NEU,
    BLATT,
    BLATT_KENNUNG,
    DATUM_TEXT,
    NUR_LESEN,
    SPALTEN,
    STATUS_NEU,
    TERMIN_NEU,
    nr_text,
    nur_lesen_zeilen,
    zelltext,
)
from ipdaten.rueckmeldung.bogen_kennung import Abbruch, kein_bogen, kennung_aus_blatt, pruefe_kennung
from ipdaten.rueckmeldung.meldung import GelesenerBogen, Meldung, Rueckmeldung, Termin
from ipdaten.rueckmeldung.runde import Runde, Schluessel

KOPF_SUCHTIEFE = 30
NEU_SENDEN = "Bitte den Bogen dieser Runde erneut ausfüllen lassen (oder die Änderungen rückgängig machen)."


def _kopfzeile(blatt: RohBlatt) -> tuple[int, dict[str, int]]:
    """The 0-based header row and each column's position; raises Abbruch when it was changed."""
    gesucht = {falte(s.titel): s.titel for s in SPALTEN}
    for index, zeile in enumerate(blatt.zeilen[:KOPF_SUCHTIEFE]):
        spalten = {gesucht[falte(z)]: i for i, z in enumerate(zeile) if falte(z) in gesucht}
        if len(spalten) == len(SPALTEN):
            return index, spalten
        if len(spalten) >= 3:
            fehlt = [s.titel for s in SPALTEN if s.titel not in spalten]
            raise Abbruch(
                fehler(
                    "bogen.kopf_veraendert",
                    "Die Kopfzeile des Bogens wurde verändert: es fehlen die Spalten "
                    + ", ".join(f"„{t}“" for t in fehlt)
                    + ". "
                    + NEU_SENDEN,
                    blatt=blatt.name,
                    zeile=index + 1,
                )
            )
    raise Abbruch(
        fehler(
            "bogen.kopf_fehlt",
            "Die Tabelle des Bogens (Kopfzeile) wurde nicht gefunden. " + NEU_SENDEN,
            blatt=blatt.name,
        )
    )


def _absender(blatt: RohBlatt, bis: int) -> tuple[str, object]:
    """The sender's name and the raw date from the line „Ausgefüllt von: … am: …“."""
    for zeile in blatt.zeilen[:bis]:
        if zeile and bereinige(zeile[0]) == ABSENDER_TEXT:
            werte = [z for z in zeile[1:]]
            try:
                am = next(i for i, z in enumerate(werte) if bereinige(z) == DATUM_TEXT)
            except StopIteration:
                return zelltext(" ".join(bereinige(z) for z in werte)), None
            name = " ".join(bereinige(z) for z in werte[:am] if bereinige(z))
            datum = next((z for z in werte[am + 1 :] if bereinige(z)), None)
            return zelltext(name), datum
    return "", None


class _Zeilenleser:
    """Reads the table rows of one form, collecting findings by cause."""

    def __init__(
        self,
        blatt: RohBlatt,
        spalten: dict[str, int],
        erwartet: dict[Schluessel, tuple[str, ...]],
        status_woerter: dict[str, str],
    ):
        self.blatt, self.spalten, self.erwartet = blatt, spalten, erwartet
        self.status_woerter = status_woerter
        self.befunde: list[Befund] = []
        self.unbekannte_status: dict[str, list[int]] = defaultdict(list)
        self.abbildungen: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.gesehen: dict[Schluessel, int] = {}
        self.veraendert: list[tuple[int, str, str, str]] = []  # row, column, as sent, as returned

    def wert(self, zeile: list[Any], titel: str) -> object:
        index = self.spalten[titel]
        return zeile[index] if index < len(zeile) else None

    def schluessel(self, nummer: int, zeile: list[Any]) -> Schluessel | None:
        text = bereinige(self.wert(zeile, "Nr"))
        treffer = next((s for s in self.erwartet if nr_text(s) == text), None)
        if treffer is None:
            self.befunde.append(
                fehler(
                    "bogen.zeile_fremd",
                    "Die Zeile gehört nicht zu diesem Bogen (eingefügt oder ihre Nr geändert). " + NEU_SENDEN,
                    blatt=self.blatt.name,
                    zeile=nummer,
                    spalte="Nr",
                    wert=wert_text(self.wert(zeile, "Nr")),
                )
            )
        elif treffer in self.gesehen:
            self.befunde.append(
                fehler(
                    "bogen.zeile_doppelt",
                    f"Die Empfehlung {text} steht doppelt im Bogen (schon in Zeile {self.gesehen[treffer]}). "
                    + NEU_SENDEN,
                    blatt=self.blatt.name,
                    zeile=nummer,
                    spalte="Nr",
                    wert=text,
                )
            )
            return None
        else:
            self.gesehen[treffer] = nummer
        return treffer

    def nur_lesen(self, nummer: int, zeile: list[Any], schluessel: Schluessel) -> None:
        for titel, soll in zip(NUR_LESEN, self.erwartet[schluessel], strict=True):
            ist = zelltext(self.wert(zeile, titel))
            if ist != soll:
                self.veraendert.append((nummer, titel, soll, ist))

    def status(self, nummer: int, zeile: list[Any]) -> str | None:
        roh = self.wert(zeile, STATUS_NEU)
        wert = bereinige(roh)
        if not wert:
            return None
        if wert in STATUS_REIHENFOLGE:
            return wert
        kanonisch = self.status_woerter.get(falte(wert)) or STATUS_GEFALTET.get(falte(wert))
        if kanonisch is None:
            self.unbekannte_status[wert_text(wert)].append(nummer)
        else:
            self.abbildungen[(wert_text(wert), kanonisch)].append(nummer)
        return kanonisch

    def termin(self, nummer: int, zeile: list[Any]) -> Termin | None:
        roh = self.wert(zeile, TERMIN_NEU)
        if not bereinige(roh):
            return None
        gelesen = ungefaehres_datum(roh)
        if gelesen is None:
            self.befunde.append(
                fehler(
                    "bogen.termin_unlesbar",
                    "Der neue Termin ist nicht lesbar.",
                    blatt=self.blatt.name,
                    zeile=nummer,
                    spalte=TERMIN_NEU,
                    wert=wert_text(roh),
                    erlaubt=TERMIN_ERLAUBT,
                )
            )
            return None
        return Termin(*gelesen)

    def zeile(self, nummer: int, zeile: list[Any]) -> Meldung | None:
        schluessel = self.schluessel(nummer, zeile)
        if schluessel is None:
            return None
        self.nur_lesen(nummer, zeile, schluessel)
        bemerkung = zelltext(self.wert(zeile, BEMERKUNG_NEU))
        return Meldung(schluessel, self.status(nummer, zeile), bemerkung or None, self.termin(nummer, zeile))

    def sammlungen(self, erste_zeile: int) -> list[Befund]:
        """The findings that summarise rows: unknown statuses, mapped statuses, missing rows."""
        befunde = list(self.befunde)
        if self.unbekannte_status:
            alle = sorted(n for nummern in self.unbekannte_status.values() for n in nummern)
            befunde.append(
                fehler(
                    "bogen.status_unbekannt",
                    "Status nicht erkannt: "
                    + "; ".join(
                        f"„{wort}“ in {'Zeilen' if len(n) > 1 else 'Zeile'} {zeilenbereiche(n)} – {status_grund(wort)}"
                        for wort, n in self.unbekannte_status.items()
                    )
                    + ". Bitte einen Status aus der Liste eintragen lassen oder das Wort beim Hochladen der "
                    "Arbeitsmappe zuordnen.",
                    blatt=self.blatt.name,
                    zeile=alle[0],
                    spalte=STATUS_NEU,
                    wert=", ".join(f"„{w}“" for w in self.unbekannte_status),
                    erlaubt=STATUS_ERLAUBT,
                    zeilen=tuple(alle),
                )
            )
        for (roh, kanonisch), nummern in self.abbildungen.items():
            befunde.append(
                warnung(
                    "bogen.status_synonym",
                    f"Status „{roh}“ wurde als „{kanonisch}“ gelesen.",
                    blatt=self.blatt.name,
                    zeile=nummern[0],
                    spalte=STATUS_NEU,
                    wert=roh,
                    zeilen=tuple(nummern),
                )
            )
        if self.veraendert:
            stellen = [
                f"Zeile {n} „{titel}“: verschickt {f'„{soll}“' if soll else 'leer'}, zurück {f'„{ist}“' if ist else 'leer'}"
                for n, titel, soll, ist in self.veraendert
            ]
            befunde.append(
                fehler(
                    "bogen.gesperrt_veraendert",
                    "Gesperrte Zellen wurden verändert; sie müssen so bleiben, wie sie verschickt wurden, neue "
                    "Angaben gehören in die gelben Spalten. " + NEU_SENDEN,
                    blatt=self.blatt.name,
                    zeile=self.veraendert[0][0],
                    wert="; ".join(stellen[:8]) + (f" und {len(stellen) - 8} weitere" if len(stellen) > 8 else ""),
                    zeilen=tuple(sorted({n for n, *_ in self.veraendert})),
                )
            )
        fehlend = [s for s in self.erwartet if s not in self.gesehen]
        if fehlend:
            befunde.append(
                fehler(
                    "bogen.zeilen_fehlen",
                    "Im Bogen fehlen Zeilen (gelöscht?): Empfehlung "
                    + ", ".join(nr_text(s) for s in fehlend)
                    + ". "
                    + NEU_SENDEN,
                    blatt=self.blatt.name,
                    zeile=erste_zeile,
                    wert=f"{len(self.gesehen)} von {len(self.erwartet)} Zeilen",
                    erlaubt="alle Zeilen, wie verschickt",
                )
            )
        return befunde


def lies_bogen(
    dateiname: str, daten: bytes, runde: Runde, anlage: Anlage, zuordnung: Zuordnung | None = None
) -> GelesenerBogen:
    """Read one returned form of `runde` (made from the Stand `anlage`); never raises for bad input.

    `zuordnung` is the mapping the workbook is read with: its status words apply to „Status neu“.
    """
    daten = bytes(daten)
    pruefsumme = hashlib.sha256(daten).hexdigest()
    try:
        rueckmeldung, befunde = _lies(dateiname, daten, pruefsumme, runde, anlage, zuordnung)
    except Abbruch as abbruch:
        return GelesenerBogen(dateiname, pruefsumme, None, tuple(gruppiert(abbruch.befunde)))
    return GelesenerBogen(dateiname, pruefsumme, rueckmeldung, tuple(befunde))


def _lies(
    dateiname: str, daten: bytes, pruefsumme: str, runde: Runde, anlage: Anlage, zuordnung: Zuordnung | None
) -> tuple[Rueckmeldung | None, list[Befund]]:
    befund = pruefe_datei(daten)
    if befund is not None:
        raise Abbruch(befund)
    try:
        mappe = lies_mappe(daten)
    except LesefehlerArbeitsmappe as e:
        raise Abbruch(lesefehler_befund(e)) from None
    blaetter = {falte(n): b for n, b in mappe.blaetter.items()}
    werte = kennung_aus_blatt(blaetter[falte(BLATT_KENNUNG)]) if falte(BLATT_KENNUNG) in blaetter else None
    if werte is None:
        raise Abbruch(kein_bogen(mappe.blaetter))
    empfaenger = pruefe_kennung(werte, runde)
    blatt = blaetter.get(falte(BLATT))
    if blatt is None:
        raise Abbruch(fehler("bogen.blatt_fehlt", f"Das Blatt „{BLATT}“ fehlt im Bogen. " + NEU_SENDEN))
    kopf, spalten = _kopfzeile(blatt)
    name, roh_datum = _absender(blatt, kopf)
    warnungen: list[Befund] = []
    datum = als_datum(roh_datum) if bereinige(roh_datum) else None
    if bereinige(roh_datum) and datum is None:
        warnungen.append(
            warnung(
                "bogen.datum_unlesbar",
                "Das Datum neben „Ausgefüllt von“ ist nicht lesbar; es gilt das Datum des Eingangs.",
                blatt=blatt.name,
                wert=wert_text(roh_datum),
                erlaubt="ein Datum wie 12.10.2017",
            )
        )
    leser = _Zeilenleser(
        blatt, spalten, nur_lesen_zeilen(anlage, empfaenger), zuordnung.status_woerter() if zuordnung else {}
    )
    meldungen = []
    for index in range(kopf + 1, len(blatt.zeilen)):
        zeile = blatt.zeilen[index]
        if not any(bereinige(z) for z in zeile):
            continue
        meldung = leser.zeile(index + 1, zeile)
        if meldung is not None:
            meldungen.append(meldung)
    befunde = gruppiert(leser.sammlungen(kopf + 2) + warnungen)
    if any(b.schwere == "Fehler" for b in befunde):
        raise Abbruch(*befunde)
    return (
        Rueckmeldung(
            dateiname=dateiname,
            sha256=pruefsumme,
            runde_id=runde.id,
            stelle=empfaenger.schluessel,
            stelle_name=empfaenger.name,
            absender=name,
            datum=datum,
            meldungen=tuple(meldungen),
            warnungen=tuple(befunde),
            # A form per Handlungsfeld names no body: the sender is who reported.
            melder=empfaenger.name if runde.nach_zustaendigkeit or not name else name,
        ),
        befunde,
    )

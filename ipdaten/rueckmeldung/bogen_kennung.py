"""Which form a returned file is: its hidden „Kennung“ read, and checked against the round
(version, Stand, round, recipient). A file that is no form, or her own Anlage 1, is named as such."""

from __future__ import annotations

from ipdaten.arbeitsmappe import Befund, bereinige, falte, fehler
from ipdaten.arbeitsmappe.vertrag import EMPFEHLUNGEN
from ipdaten.arbeitsmappe.xlsx_lesen import LesefehlerArbeitsmappe, RohBlatt, lies_mappe
from ipdaten.fehler import IpdatenFehler
from ipdaten.rueckmeldung.bogen_aufbau import BLATT_KENNUNG, FORMAT, KENNUNG_FELDER, VERSION
from ipdaten.rueckmeldung.runde import Empfaenger, Runde


class Abbruch(IpdatenFehler):
    """The form cannot be read further; carries the findings so far."""

    def __init__(self, *befunde: Befund):
        super().__init__("; ".join(b.meldung for b in befunde))
        self.befunde = list(befunde)


def kennung(daten: bytes) -> dict[str, str] | None:
    """The metadata of a form ('Runde', 'Stelle', 'Stand' …), None when `daten` is no readable form."""
    try:
        mappe = lies_mappe(daten, nur={falte(BLATT_KENNUNG)})
    except LesefehlerArbeitsmappe:
        return None
    blatt = next(iter(mappe.blaetter.values()), None)
    return kennung_aus_blatt(blatt) if blatt is not None else None


def kennung_aus_blatt(blatt: RohBlatt) -> dict[str, str] | None:
    """The metadata of a read „Kennung“ sheet, None when it is not one of this dashboard's forms."""
    werte = {bereinige(z[0]): bereinige(z[1]) for z in blatt.zeilen if len(z) >= 2 and bereinige(z[0])}
    if werte.get("Format") != FORMAT or not set(KENNUNG_FELDER) <= set(werte):
        return None
    return werte


def kein_bogen(mappe_blaetter: dict[str, RohBlatt]) -> Befund:
    """The finding for a file without a Kennung: her own Anlage 1, or no form at all."""
    namen = {falte(n) for n in mappe_blaetter}
    if falte(EMPFEHLUNGEN.name) in namen:
        return fehler(
            "bogen.ist_arbeitsmappe",
            "Die Datei ist eine Arbeitsmappe (Anlage 1), kein Rückmeldebogen. Rückmeldebögen erzeugt das "
            "Dashboard in der Rückmelderunde; eine überarbeitete Arbeitsmappe wird auf der Seite „Daten & Stände“ "
            "unter „Überarbeitete Anlage 1 hochladen“ hochgeladen.",
        )
    return fehler(
        "bogen.kennung_fehlt",
        "Die Datei ist kein Rückmeldebogen des Dashboards (die Kennung des Bogens fehlt). Bitte den "
        "zurückgesandten Bogen selbst hochladen, nicht eine Kopie der Tabelle in einer neuen Datei.",
    )


def pruefe_kennung(werte: dict[str, str], runde: Runde) -> Empfaenger:
    """The recipient the form was made for; raises Abbruch when it is not from this round."""
    try:
        version = int(werte["Version"])
    except ValueError:
        version = VERSION + 1
    if version > VERSION:
        raise Abbruch(
            fehler(
                "bogen.neuere_version",
                "Der Bogen stammt aus einer neueren Version des Dashboards und kann hier nicht gelesen werden.",
            )
        )
    if werte["Stand"] != runde.basis_sha256:
        raise Abbruch(
            fehler(
                "bogen.andere_mappe",
                "Der Bogen stammt aus einer anderen Arbeitsmappe oder einem anderen Stand als die Runde, zu der "
                f"er hier eingelesen wird (Bogen der Runde „{werte['Titel']}“).",
                wert=f"Stand {werte['Stand'][:12]}",
                erlaubt=f"Bögen aus dem Stand {runde.fingerabdruck}",
            )
        )
    if werte["Runde"] != runde.id:
        raise Abbruch(
            fehler(
                "bogen.andere_runde",
                f"Der Bogen gehört zu einer anderen Rückmelderunde („{werte['Titel']}“), nicht zu „{runde.titel}“.",
                wert=werte["Titel"],
                erlaubt=f"Bögen der Runde „{runde.titel}“",
            )
        )
    empfaenger = runde.empfaenger_von(werte["Schlüssel"])
    if empfaenger is None:
        raise Abbruch(
            fehler(
                "bogen.fremde_stelle",
                f"Der Bogen ist für „{werte['Stelle']}“ ausgestellt; diese Stelle gehört nicht zur Runde.",
                wert=werte["Stelle"],
            )
        )
    return empfaenger

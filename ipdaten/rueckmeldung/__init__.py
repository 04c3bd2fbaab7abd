"""The Rückmelderunde (issue 21): forms for the lead bodies, their returned answers, the merge
into her own workbook with only the changed cells written, and the round's state.

No Streamlit here; the pages (Daten, Handlungsfelder, Zuständigkeit, Fortschritt, the slide)
call these functions. The API, in the order she uses it:

Start a round and write the forms
    ``runde = neue_runde(anlage, sha256_of_the_stand_bytes, titel, frist)`` → `Runde` (id,
    titel, frist, basis_sha256, stand, erstellt, empfaenger: one `Empfaenger` per lead body –
    or per Handlungsfeld when the workbook has no Zuständig – with schluessel, name,
    empfehlungen ((feld, nr), …) and a safe dateiname).
    ``bogen_bytes(runde, empfaenger, anlage)`` → one form (.xlsx); ``boegen_zip(runde, anlage)``
    → all forms as one ZIP. ``anleitung(runde)`` is the instruction printed on each form.

Read returned forms
    ``eingang = lies_boegen([(dateiname, bytes), …], runde, anlage, zuordnung)`` → `Eingang`:
    ``eingang.boegen`` (every file: `GelesenerBogen` with dateiname, sha256, gueltig, befunde –
    German findings, errors first – and the `Rueckmeldung`), ``eingang.rueckmeldungen`` (the
    usable answers: valid, each content once, untouched forms left out), ``eingang.abgelehnt``
    and ``eingang.konflikte`` (`Konflikt`: schluessel, nr '1.3', felder, antworten – each
    `Antwort` with its `rueckmeldung` and `meldung`). `anlage` is the Stand the round was made
    from (the read-only cells are checked against it); `zuordnung` its mapping (its status
    words apply). For the command line, which keeps no store:
    ``runde_aus_boegen(dateien, anlage, sha256)`` finds the round from the forms.

Overview and freshness
    ``ueberblick(runde, rueckmeldungen, anlage, heute, eingegangen)`` → one `StelleImUeberblick`
    per recipient (zustand 'beantwortet' / 'offen' / 'überfällig', boegen, letzter_eingang,
    absender, ausgefuellt, geaendert); ``ueberblick_tabelle(...)`` as a German table.
    ``rundenzahlen(stellen)`` → `Rundenzahlen` (stellen, beantwortet, empfehlungen, gemeldet,
    anteil_gemeldet) for the slide „Rückmeldungen“.
    ``frische(anlage, heute, runde)`` → per recommendation gemeldet_am, gemeldet_von, text
    („zuletzt gemeldet am … von …“), seit („nicht gemeldet seit …“), tage, ueberfaellig.

E-mail drafts (`anschreiben`)
    ``betreff(runde, erinnerung)``, ``anschreiben(runde, empfaenger, erinnerung, heute)`` (German
    text with the reply date; a reminder says the date has passed), ``mailto(adresse, betreff,
    text)`` → a percent-encoded `mailto:` link. Who has not answered: ``ueberblick`` (zustand).

Merge (the preview's new workbook)
    ``zusammenfuehren(eingang.rueckmeldungen, eingang.konflikte, daten, anlage,
    entscheidungen={(feld, nr): sha256_of_the_chosen_form or KEINE_AENDERUNG}, heute=…,
    eingegangen={sha256: date}, zuordnung=…, titel=round title)`` → `Zusammenfuehrung`: aenderungen (`Aenderung`:
    nr, feld, alt, neu, stelle; ``aenderungen_tabelle``), gemeldet, offene_konflikte, and –
    once every conflict is decided (``fertig``) – ``fortschreibung`` (`Fortschreibung`: daten =
    her workbook with only the changed cells written and dated `heute` – with `titel` also named
    after the round – in its sheet Info, anlage = it read back, zellen written,
    neue_spalten) and hinweise (the plausibility check's findings). `daten`/`anlage` are the
    workbook to write into (normally the newest Stand) and how it loads.
    Raises `FortschreibungFehler` (befunde) when the workbook cannot be written cell by cell.

The round in the store (`ablage_runde`; tables of schema version 4)
    ``runden = Rundenablage(ablage)``: ``lege_an(runde)`` (its Stand must be published),
    ``runden()`` newest first, ``runde(id)``, ``aktuelle()`` (newest not closed),
    ``schliesse(id)``; ``nimm_auf(runde.id, dateien, eingang)`` keeps the usable forms of an
    upload with their bytes (returns the SHA-256 of those new), ``eingang(id)`` →
    `GespeicherterBogen` (dateiname, eingegangen, eingangstag, stelle, absender, datum,
    uebernommen_nr), ``eingangstage(id)`` → {sha256: day} for `ueberblick`/`zusammenfuehren`,
    ``vermerke_uebernahme(id, shas, stand_nr)`` after publishing.
    ``basis_der_runde(ablage, runde)`` → (bytes, Anlage, Zuordnung) of the round's Stand;
    ``eingang_der_runde(runden, runde, anlage, neue_dateien, zuordnung)`` → `Eingang` of the
    kept forms plus a new upload.

Quick correction
    ``schnellkorrektur(daten, (feld, nr), status=…, bemerkung=…, zuordnung=…)`` →
    `Fortschreibung` (one recommendation's cells written, same checks).
"""

from ipdaten.rueckmeldung.ablage_runde import GespeicherterBogen, Rundenablage, basis_der_runde, eingang_der_runde
from ipdaten.rueckmeldung.anschreiben import anschreiben, betreff, mailto
from ipdaten.rueckmeldung.bogen import anleitung, boegen_zip, bogen_bytes
from ipdaten.rueckmeldung.eingang import Antwort, Eingang, Konflikt, lies_boegen, runde_aus_boegen
from ipdaten.rueckmeldung.fortschreiben import Fortschreibung, FortschreibungFehler, schnellkorrektur, schreibe_werte
from ipdaten.rueckmeldung.meldung import GelesenerBogen, Meldung, Rueckmeldung, Termin
from ipdaten.rueckmeldung.runde import Empfaenger, Runde, neue_runde
from ipdaten.rueckmeldung.uebersicht import (
    BEANTWORTET,
    OFFEN,
    UEBERFAELLIG,
    Rundenzahlen,
    StelleImUeberblick,
    frische,
    gemeldet_text,
    nicht_gemeldet_text,
    rundenzahlen,
    ueberblick,
    ueberblick_tabelle,
)
from ipdaten.rueckmeldung.zusammenfuehren import (
    KEINE_AENDERUNG,
    Aenderung,
    Zusammenfuehrung,
    aenderungen_tabelle,
    zusammenfuehren,
)

__all__ = [
    "BEANTWORTET",
    "KEINE_AENDERUNG",
    "OFFEN",
    "UEBERFAELLIG",
    "Aenderung",
    "Antwort",
    "Eingang",
    "Empfaenger",
    "Fortschreibung",
    "FortschreibungFehler",
    "GelesenerBogen",
    "GespeicherterBogen",
    "Konflikt",
    "Meldung",
    "Rueckmeldung",
    "Runde",
    "Rundenablage",
    "Rundenzahlen",
    "StelleImUeberblick",
    "Termin",
    "Zusammenfuehrung",
    "aenderungen_tabelle",
    "anleitung",
    "anschreiben",
    "basis_der_runde",
    "betreff",
    "boegen_zip",
    "bogen_bytes",
    "eingang_der_runde",
    "frische",
    "gemeldet_text",
    "lies_boegen",
    "mailto",
    "neue_runde",
    "nicht_gemeldet_text",
    "runde_aus_boegen",
    "rundenzahlen",
    "schnellkorrektur",
    "schreibe_werte",
    "ueberblick",
    "ueberblick_tabelle",
    "zusammenfuehren",
]

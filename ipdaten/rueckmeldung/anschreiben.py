"""E-mail drafts of a round: per recipient a subject and a German text with the reply date (a
first letter or a reminder), and a `mailto:` link that opens them in her mail program – no mail
server; she attaches the form herself. Body names come from the workbook: in the link they are
percent-encoded, so they cannot add headers or recipients."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from ipdaten import format as fmt
from ipdaten.rueckmeldung.runde import Empfaenger, Runde

MAX_ADRESSE = 254


def betreff(runde: Runde, erinnerung: bool = False) -> str:
    """'Rückmeldung zum Integrationsplan: Fortschreibung Herbst 2017' (a reminder says so)."""
    return ("Erinnerung – " if erinnerung else "") + f"Rückmeldung zum Integrationsplan: {runde.titel}"


def anschreiben(runde: Runde, empfaenger: Empfaenger, erinnerung: bool = False, heute: dt.date | None = None) -> str:
    """The text of the e-mail to one recipient (the form is attached by hand)."""
    anzahl = len(empfaenger.empfehlungen)
    worum = (
        f"zu den {anzahl} Handlungsempfehlungen, für die {empfaenger.name} federführend ist"
        if runde.nach_zustaendigkeit
        else f"zu den {anzahl} Handlungsempfehlungen im {empfaenger.name}"
    )
    if anzahl == 1:
        worum = worum.replace(f"zu den {anzahl} Handlungsempfehlungen", "zu der Handlungsempfehlung")
    frist = f" bis zum {fmt.datum(runde.frist)}" if runde.frist else ""
    if erinnerung:
        abgelaufen = runde.frist is not None and heute is not None and heute > runde.frist
        anfang = (
            f"die Frist für Ihre Rückmeldung {worum}, ist am {fmt.datum(runde.frist)} abgelaufen; "
            "bisher liegt uns Ihr Bogen noch nicht vor."
            if abgelaufen
            else f"wir erinnern an Ihre Rückmeldung {worum}{frist}; bisher liegt uns Ihr Bogen noch nicht vor."
        )
        bitte = "Bitte senden Sie den ausgefüllten Bogen (im Anhang noch einmal) so bald wie möglich zurück."
    else:
        anfang = f"für die Fortschreibung des Integrationsplans („{runde.titel}“) bitten wir Sie um Ihre Rückmeldung {worum}."
        bitte = (
            "Im Anhang finden Sie den Rückmeldebogen. Bitte tragen Sie in den gelben Spalten ein, was sich seit "
            f"dem letzten Stand geändert hat, und senden Sie den Bogen{frist} als Excel-Datei zurück. Leer "
            "gelassene Felder bleiben unverändert."
        )
    return f"Guten Tag,\n\n{anfang}\n\n{bitte}\n\nAnhang: {empfaenger.dateiname}\n\nVielen Dank und freundliche Grüße\n"


def mailto(adresse: str, betreff_text: str, text: str) -> str:
    """A `mailto:` link; every part percent-encoded (an address with '?', '&' or a line break
    cannot smuggle in headers or further recipients)."""
    adresse = "".join(z for z in str(adresse).strip() if z.isprintable())[:MAX_ADRESSE]
    return f"mailto:{quote(adresse, safe='@')}?subject={quote(betreff_text, safe='')}&body={quote(text, safe='')}"

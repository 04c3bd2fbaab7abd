"""E-mail drafts of a round (issue 21): German text with the reply date, a reminder, and a
mailto: link whose parts a body name cannot break out of."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

from ipdaten.rueckmeldung import anschreiben, betreff, mailto
from tests import rueckmeldebogen as rb


def test_anschreiben_und_erinnerung():
    runde = rb.standardrunde()
    job = runde.empfaenger_von("jobcenter")
    assert betreff(runde) == "Rückmeldung zum Integrationsplan: Fortschreibung Herbst 2017"
    assert anschreiben(runde, job) == (
        "Guten Tag,\n\nfür die Fortschreibung des Integrationsplans („Fortschreibung Herbst 2017“) bitten wir Sie "
        "um Ihre Rückmeldung zu den 2 Handlungsempfehlungen, für die Jobcenter federführend ist.\n\nIm Anhang "
        "finden Sie den Rückmeldebogen. Bitte tragen Sie in den gelben Spalten ein, was sich seit dem letzten Stand "
        "geändert hat, und senden Sie den Bogen bis zum 31. Oktober 2017 als Excel-Datei zurück. Leer gelassene "
        "Felder bleiben unverändert.\n\nAnhang: Rueckmeldebogen_Jobcenter.xlsx\n\nVielen Dank und freundliche Grüße\n"
    )
    erinnerung = anschreiben(runde, runde.empfaenger_von("sozialamt"), erinnerung=True, heute=dt.date(2017, 11, 2))
    assert erinnerung.startswith(
        "Guten Tag,\n\ndie Frist für Ihre Rückmeldung zu der Handlungsempfehlung, für die Sozialamt federführend "
        "ist, ist am 31. Oktober 2017 abgelaufen; bisher liegt uns Ihr Bogen noch nicht vor."
    )
    assert betreff(runde, erinnerung=True).startswith("Erinnerung – ")


def test_mailto_ist_kodiert():
    link = mailto("amt@lrabb.de?cc=boese@example.com\r\nBcc: x", "Betreff & mehr", "Zeile 1\nZeile 2 = 100 %")
    teile = urlsplit(link)
    assert teile.scheme == "mailto"
    assert "?" not in unquote(teile.path) or unquote(teile.path) == "amt@lrabb.de?cc=boese@example.comBcc: x"
    assert set(parse_qs(teile.query)) == {"subject", "body"}
    assert parse_qs(teile.query)["body"] == ["Zeile 1\nZeile 2 = 100 %"]
    assert parse_qs(teile.query)["subject"] == ["Betreff & mehr"]

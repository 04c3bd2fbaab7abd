"""The Rückmelderunde reaches the Sitzungsvorlage: section 4 says how many of the bodies asked
have answered, when the last answer came, which recommendations the answers cover and who is
still open – from the round's own overview (ipdaten.rueckmeldung.ueberblick), for the Stand the
round was made from or a later one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.export_docx import docx_bytes
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from ipdaten.praesentation.vorlage_daten import Rueckmeldestand
from ipdaten.praesentation.vorlage_fortschreibung import rueckmeldestand, rueckmeldung_text
from ipdaten.rueckmeldung import Rundenablage, lies_boegen, ueberblick
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import STANDARD_PFAD
from tests.sitzungsvorlage_pruefung import Gelesen, pruefe_dokument

EINGANG = dt.datetime(2017, 10, 12, 9, 30, tzinfo=dt.UTC)
HEUTE = dt.date(2017, 11, 2)  # after the reply date 31 October 2017


def _boegen() -> list[tuple[str, bytes]]:
    jobcenter = rb.fuelle(rb.leerer_bogen("jobcenter"), {"3.1": {"Status neu": "umgesetzt"}})
    kreisbau = rb.fuelle(rb.leerer_bogen("kreisbau"), {"2.2": {"Status neu": "in Arbeit"}}, absender="Max Bau")
    return [("jobcenter.xlsx", jobcenter), ("kreisbau.xlsx", kreisbau)]


def _stand_der_runde() -> Rueckmeldestand:
    runde = rb.standardrunde()
    eingang = lies_boegen(_boegen(), runde, rb.anlage())
    stellen = ueberblick(runde, eingang.rueckmeldungen, rb.anlage(), HEUTE, {})
    return rueckmeldestand(runde, stellen)


def test_stand_der_runde_aus_ihrem_ueberblick():
    stand = _stand_der_runde()
    assert stand == Rueckmeldestand(
        titel="Fortschreibung Herbst 2017",
        stellen=5,
        geantwortet=2,
        antwort="2 von 5 Stellen haben geantwortet",
        frist=dt.date(2017, 10, 31),
        zuletzt=dt.date(2017, 10, 12),
        offen=("Integrationsbeauftragte", "Sozialamt", "nicht benannt"),
        empfehlungen=7,
        gemeldet=4,
        frist_abgelaufen=True,
    )
    assert rueckmeldung_text(stand).replace("\xa0", " ") == (
        "Zur Rückmelderunde „Fortschreibung Herbst 2017“ (Rückmeldefrist 31. Oktober 2017): 2 von 5 Stellen haben "
        "geantwortet, zuletzt am 12. Oktober 2017. Die Rückmeldungen betreffen 4 der 7 abgefragten Empfehlungen (57 %). "
        "Die Frist ist abgelaufen; noch offen: Integrationsbeauftragte, Sozialamt und nicht benannt."
    )
    keiner = dataclasses.replace(
        stand,
        geantwortet=0,
        antwort="0 von 5 Stellen haben geantwortet",
        zuletzt=None,
        gemeldet=0,
        frist_abgelaufen=False,
    )
    assert rueckmeldung_text(keiner).startswith(
        "Zur Rückmelderunde „Fortschreibung Herbst 2017“ (Rückmeldefrist 31. Oktober 2017): 0 von 5 Stellen haben "
        "geantwortet. Noch offen: "
    )


def test_im_dokument_unter_perspektive():
    stand = _stand_der_runde()
    jetzt = Auswertung(rb.anlage())
    gelesen = Gelesen(docx_bytes(sitzungsvorlage(jetzt, rueckmeldung=stand)))
    pruefe_dokument(gelesen, jetzt, sitzung="[Sitzungsdatum eintragen]", rueckmeldung=stand)
    perspektive = next(u for u in gelesen.ueberschriften if u.startswith("4. Perspektive"))
    assert gelesen.nach(perspektive, 2)[1] == rueckmeldung_text(stand).replace("\xa0", " ")


def test_die_seiten_finden_die_runde_des_stands(monkeypatch):
    """The pages' lookup: the newest round, read from the store, for its Stand and later ones only."""
    from oberflaeche import sitzungsvorlage as knopf
    from oberflaeche.quelle import Anzeige

    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    ablage.veroeffentliche(rb.mappe(), dateiname="anlage.xlsx")
    runden = Rundenablage(ablage)
    runde = rb.standardrunde()
    runden.lege_an(runde)
    boegen = _boegen()
    runden.nimm_auf(runde.id, boegen, lies_boegen(boegen, runde, rb.anlage()), EINGANG)
    monkeypatch.setattr(knopf.fmt, "jetzt", lambda: dt.datetime(2017, 11, 2, 12, tzinfo=dt.UTC))

    eigene = Anzeige(Auswertung(rb.anlage()), "Stand 2", schluessel=hashlib.sha256(rb.mappe()).hexdigest())
    schluessel, laden = knopf.runde_zu(eigene)
    assert schluessel == f"{runde.id}:2:2017-11-02"
    assert laden() == _stand_der_runde()
    aeltere = Anzeige(Auswertung(lade_anlage(STANDARD_PFAD)), "Stand 1", schluessel="anders")
    assert knopf.runde_zu(aeltere) == ("", None)

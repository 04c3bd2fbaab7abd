"""Daten page section „Rückmelderunde“ through AppTest (issue 21): behind the editor gate, start
a round, its forms and e-mail drafts, returned forms uploaded (three filled, one broken, one
twice), the overview per body, a conflict decided on the page, the merge as preview, published
as a new Stand whose workbook carries the answers and who reported them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from streamlit.testing.v1 import AppTest

from ipdaten import format as fmt
from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe import lade_anlage
from ipdaten.rueckmeldung import Rundenablage, bogen_bytes, neue_runde
from oberflaeche.sitzung import RUNDE_UPLOAD as UPLOAD_ZAEHLER
from tests import rueckmeldebogen as rb
from tests.arbeitsmappen import STANDARD_PFAD
from tests.conftest import TEST_PASSWORT
from tests.seiten_hilfen import REDAKTEURIN, gelesen, hat_button, oeffne, tabellen, texte, veroeffentlichen

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _ablage() -> Ablage:
    return Ablage(ablage_verzeichnis(), STANDARD_PFAD)


@pytest.fixture
def ablage() -> Ablage:
    """The test store with the small workbook of tests/rueckmeldebogen.py as Stand 2 (it names
    lead bodies: Integrationsbeauftragte, Jobcenter, Kreisbau, Sozialamt, „nicht benannt“)."""
    ablage = _ablage()
    ablage.veroeffentliche(rb.mappe())
    return ablage


def _anmelden(at: AppTest) -> AppTest:
    at.session_state["runde_redakteur_offen"] = True  # a click on „Zum Bearbeiten anmelden“
    at.run()
    at.text_input(key="runde_redakteur_name").set_value(REDAKTEURIN)
    at.text_input(key="runde_redakteur_passwort").set_value(TEST_PASSWORT)
    at.button(key="runde_redakteur_anmelden").click().run()
    assert not at.exception, at.exception
    return at


def _gestartet(titel: str = "Fortschreibung Herbst 2017") -> AppTest:
    at = _anmelden(oeffne("seiten/daten.py").run())
    at.text_input(key="runde_titel").set_value(titel)
    at.button(key="runde_starten").click().run()
    assert not at.exception, at.exception
    return at


def _bogen(stelle: str, **fuellen) -> bytes:
    runde = Rundenablage(_ablage()).aktuelle()
    return rb.fuelle(bogen_bytes(runde, runde.empfaenger_von(stelle), rb.anlage()), **fuellen)


def _hochladen(at: AppTest, dateien: list[tuple[str, bytes]]) -> AppTest:
    zaehler = at.session_state[UPLOAD_ZAEHLER] if UPLOAD_ZAEHLER in at.session_state else 0  # noqa: SIM401 (no .get)
    schluessel = f"runde_boegen_{zaehler}"  # a new key after every upload empties the field
    at.file_uploader(key=schluessel).set_value([(n, d, XLSX) for n, d in dateien]).run()
    assert not at.exception, at.exception
    return at


def test_ohne_freischaltung_keine_runde():
    at = oeffne("seiten/daten.py").run()
    assert "Rückmelderunde" in texte(at)
    assert not hat_button(at, "runde_starten")
    # Visitors who only read see a closed „Zum Bearbeiten anmelden“, not a password form.
    assert "Zum Bearbeiten anmelden" in [e.label for e in at.expander]
    assert not any(t.key == "runde_redakteur_passwort" for t in at.text_input)
    at.session_state["runde_redakteur_offen"] = True
    at.run()
    assert any(t.key == "runde_redakteur_passwort" for t in at.text_input)
    assert not hat_button(at, "runde_starten")


def test_runde_starten_zeigt_boegen_und_entwuerfe(ablage):
    at = _gestartet()
    assert "Die Runde **Fortschreibung Herbst 2017** ist gestartet: 5 Rückmeldebögen" in " ".join(
        s.value for s in at.success
    )
    runde = Rundenablage(ablage).aktuelle()
    assert runde.titel == "Fortschreibung Herbst 2017" and runde.basis_sha256 == ablage.staende()[-1].sha256
    assert runde.frist == fmt.jetzt().date() + dt.timedelta(days=28)  # the county's day, not the server's
    text = texte(at)
    assert (
        "**Noch nicht geantwortet (5):** Integrationsbeauftragte, Jobcenter, Kreisbau, Sozialamt, nicht benannt" in text
    )
    entwuerfe = next(m.value for m in at.markdown if "mailto:" in m.value)
    assert entwuerfe.count("[E-Mail-Entwurf](mailto:?subject=") == 5
    downloads = {d.proto.label: d for d in at.get("download_button")}
    assert "Alle Bögen (.zip)" in downloads
    stellen = _tabelle_mit(at, "Stelle")
    assert list(stellen["Stelle"]) == ["Integrationsbeauftragte", "Jobcenter", "Kreisbau", "Sozialamt", "nicht benannt"]
    assert set(stellen["Stand"]) == {"offen"}
    # The body's name first and the sender last: on a phone they span the width around the figures.
    assert list(stellen.columns) == ["Stelle", "Empfehlungen", "Stand", "letzter Eingang", "geändert", "ausgefüllt von"]
    assert (
        "5 Bögen je federführender Stelle („Zuständig“). Jeder Bogen enthält nur die Empfehlungen seiner Stelle."
        in [gelesen(c.value) for c in at.caption]
    )


def test_runde_ohne_zustaendige_stellen_je_handlungsfeld():
    """The default workbook names no lead bodies: one form per Handlungsfeld, and the page says so
    (not „the recommendations of its body“)."""
    at = _gestartet()
    assert (
        "8 Bögen je Handlungsfeld – die Arbeitsmappe nennt keine zuständigen Stellen. Jeder Bogen enthält nur die "
        "Empfehlungen seines Handlungsfelds."
    ) in [gelesen(c.value) for c in at.caption]


def _tabelle_mit(at: AppTest, spalte: str):
    """The one table on the page (data grid or HTML table) with this column, as read."""
    (tabelle,) = [t for t in [*tabellen(at), *(t.value for t in at.table)] if spalte in t.columns]
    return tabelle.map(gelesen)


def _lesbar(elemente) -> str:
    """The text of these alerts as read (markdown escapes and bold marks removed)."""
    return gelesen(" ".join(e.value for e in elemente)).replace("**", "")


def _zeile(daten: bytes, feld: int, nr: int) -> dict:
    e = lade_anlage(daten).empfehlungen
    return e[(e["handlungsfeld"] == feld) & (e["nr"] == nr)].iloc[0].to_dict()


def test_boegen_einlesen_konflikt_entscheiden_und_veroeffentlichen(ablage):
    at = _gestartet()
    jobcenter = _bogen(
        "jobcenter", eintraege={"1.2": {"Bemerkung neu": "Kurse 2018"}, "3.1": {"Status neu": "in Arbeit"}}
    )
    kreisbau_a = _bogen("kreisbau", eintraege={"2.2": {"Status neu": "in Arbeit"}}, absender="A. Bau")
    kreisbau_b = _bogen("kreisbau", eintraege={"2.2": {"Status neu": "umgesetzt"}}, absender="B. Bau")
    kaputt = _bogen("sozialamt", eintraege={"2.3": {"Status neu": "fast fertig"}})
    _hochladen(
        at,
        [
            ("Jobcenter.xlsx", jobcenter),
            ("Kreisbau.xlsx", kreisbau_a),
            ("Kreisbau_korrigiert.xlsx", kreisbau_b),
            ("Sozialamt.xlsx", kaputt),
            ("Jobcenter_nochmal.xlsx", jobcenter),
        ],
    )
    text = texte(at)
    erfolg = _lesbar(at.success)
    assert (
        "Übernommen (3): „Jobcenter.xlsx“ (Jobcenter), „Kreisbau.xlsx“ (Kreisbau), „Kreisbau_korrigiert.xlsx“ (Kreisbau)"
        in erfolg
    )
    fehler = _lesbar(at.error)
    assert "Nicht verwendbar (1): „Sozialamt.xlsx“" in fehler
    info = _lesbar(at.info)
    assert "Bereits eingegangen, zählt einmal (1): „Jobcenter_nochmal.xlsx“ (Jobcenter)" in info
    befunde = [t.value for t in at.table if "Meldung" in t.value.columns]
    assert any("Status nicht erkannt" in gelesen(m) for t in befunde for m in t["Meldung"])
    # The overview: two bodies answered, three open; the conflict of two Kreisbau forms on 2.2.
    stellen = _tabelle_mit(at, "Stelle")
    assert dict(zip(stellen["Stelle"], stellen["Stand"])) == {
        "Integrationsbeauftragte": "offen",
        "Jobcenter": "beantwortet",
        "Kreisbau": "beantwortet",
        "Sozialamt": "offen",
        "nicht benannt": "offen",
    }
    assert "**Noch nicht geantwortet (3):** Integrationsbeauftragte, Sozialamt, nicht benannt" in text
    assert "Konflikte (1)" in text
    assert at.button(key="runde_uebernehmen").disabled
    assert "Noch 1 Konflikt offen (oben entscheiden): 2.2" in _lesbar(at.warning)
    konflikt = next(r for r in at.radio if r.key.startswith("runde_konflikt_"))
    assert konflikt.label == "Empfehlung 2.2 – unterschiedlich: Status"
    assert [gelesen(o) for o in konflikt.options] == [
        "Kreisbau (A. Bau, 12. Oktober 2017, „Kreisbau.xlsx“): Status „in Arbeit“",
        "Kreisbau (B. Bau, 12. Oktober 2017, „Kreisbau_korrigiert.xlsx“): Status „umgesetzt“",
        "Keine Änderung – die Empfehlung behält ihre bisherigen Werte",
    ]
    konflikt.set_value(hashlib.sha256(kreisbau_b).hexdigest()).run()
    assert not at.exception, at.exception
    # The changes are HTML text (st.table): whole Bemerkungen, wrapped at 390 px – not a grid that cuts them.
    assert [t.value.columns.tolist() for t in at.table if "gemeldet von" in t.value.columns] == [
        ["Nr", "Feld", "gemeldet von", "bisher", "neu"]
    ]
    aenderungen = _tabelle_mit(at, "gemeldet von")
    assert list(zip(aenderungen["Nr"], aenderungen["Feld"], aenderungen["neu"])) == [
        ("1.2", "Bemerkung", "Kurse 2018"),
        ("2.2", "Status", "umgesetzt"),
        ("3.1", "Status", "in Arbeit"),
    ]
    at.button(key="runde_uebernehmen").click().run()
    assert not at.exception, at.exception
    assert "sind jetzt die **Vorschau** dieser Sitzung (3 Änderungen)" in " ".join(s.value for s in at.success)
    assert "**Statuswechsel:**" in " ".join(m.value for m in at.markdown)
    veroeffentlichen(at)
    staende = ablage.staende()
    assert len(staende) == 3
    assert staende[-1].von.name == REDAKTEURIN
    assert (staende[-1].stand, staende[-1].bezeichnung) == (fmt.jetzt().date(), "Fortschreibung Herbst 2017")
    assert "Rückmelderunde „Fortschreibung Herbst 2017“: Antworten von Jobcenter, Kreisbau" in staende[-1].kommentar
    daten = ablage.lies(staende[-1].sha256)
    z12, z22, z31 = _zeile(daten, 1, 2), _zeile(daten, 2, 2), _zeile(daten, 3, 1)
    assert (z12["status"], z12["bemerkung"], z12["gemeldet_von"]) == ("umgesetzt", "Kurse 2018", "Jobcenter")
    assert (z22["status"], z22["gemeldet_von"]) == ("umgesetzt", "Kreisbau")
    assert (z31["status"], z31["gemeldet_von"]) == ("in Arbeit", "Jobcenter")
    assert z12["gemeldet_am"] == dt.date(2017, 10, 12)
    # The forms are taken: the section offers nothing more to merge.
    gespeichert = Rundenablage(ablage).eingang(Rundenablage(ablage).aktuelle().id)
    assert {b.uebernommen_nr for b in gespeichert} == {3}
    assert "Alle eingegangenen Bögen sind in einen veröffentlichten Stand übernommen" in texte(at)
    # A second session sees the new Stand with who reported when.
    zweite = oeffne("seiten/zustaendigkeit.py").run()
    assert not zweite.exception, zweite.exception
    text = texte(zweite)
    assert f"**Stand:** {fmt.datum(fmt.jetzt().date())}" in text  # the merged workbook is dated the day of the merge
    assert "2 von 5 Stellen haben geantwortet." in text
    frische = _tabelle_mit(zweite, "Nicht gemeldet seit")
    gemeldet = dict(zip(frische["Nr"], frische["Nicht gemeldet seit"]))
    assert gemeldet["1.2"] == gemeldet["3.1"] == "12. Oktober 2017 (Jobcenter)"
    assert gemeldet["2.2"] == "12. Oktober 2017 (Kreisbau)"
    assert gemeldet["1.1"] == "noch nie gemeldet"
    assert list(frische["Nr"])[:3] == ["1.1", "1.3", "2.3"]  # never reported first
    felder = oeffne("seiten/handlungsfelder.py").run()
    empfehlungen = _tabelle_mit(felder, "Zuletzt gemeldet")
    assert dict(zip(empfehlungen["Nr"], empfehlungen["Zuletzt gemeldet"]))["2.1"] == "12. Oktober 2017 (Kreisbau)"
    spalten = list(empfehlungen.columns)  # next to the status it dates, before the long texts
    assert spalten[spalten.index("Status") + 1] == "Zuletzt gemeldet" and spalten.index("Ziel") > spalten.index(
        "Zuletzt gemeldet"
    )


def test_ueberfaellige_boegen_auf_zustaendigkeit(ablage):
    runde = neue_runde(rb.anlage(), ablage.staende()[-1].sha256, "Frühjahr 2018", dt.date(2018, 3, 31))
    Rundenablage(ablage).lege_an(runde)
    at = oeffne("seiten/zustaendigkeit.py").run()
    assert not at.exception, at.exception
    text = texte(at)
    assert "0 von 5 Stellen haben geantwortet." in text
    assert (
        "Bogen überfällig (Frist 31. März 2018 verstrichen, 5): Integrationsbeauftragte, Jobcenter, Kreisbau, "
        "Sozialamt, nicht benannt"
    ) in _lesbar(at.warning)
    frische = _tabelle_mit(at, "Nicht gemeldet seit")
    assert set(frische["Rückmeldung überfällig"]) == {"ja"}
    # At 390 px a grid shows its first columns: the number and when it was last reported.
    (gitter,) = [d for d in at.dataframe if "Nicht gemeldet seit" in d.value.columns]
    assert list(gitter.proto.column_order)[:3] == ["Nr", "Nicht gemeldet seit", "Tage"]
    # The body chosen in the chooser: only its recommendations.
    at.selectbox(key="zustaendigkeit_wahl").set_value("Jobcenter").run()
    assert list(_tabelle_mit(at, "Nicht gemeldet seit")["Nr"]) == ["1.2", "3.1"]


def test_folie_rueckmeldungen_in_der_praesentation(ablage):
    Rundenablage(ablage).lege_an(
        neue_runde(rb.anlage(), ablage.staende()[-1].sha256, "Frühjahr 2018", dt.date(2018, 3, 31))
    )
    at = oeffne("seiten/praesentation.py").run()
    zaehler = next(h.proto.body for h in at.get("html") if "folie-nummer" in h.proto.body)
    anzahl = int(re.search(r"/ (\d+)<", zaehler).group(1))
    vorletzte = oeffne("seiten/praesentation.py")
    vorletzte.query_params["folie"] = str(anzahl - 1)  # before the milestones
    vorletzte.run()
    html = " ".join(h.proto.body for h in vorletzte.get("html")).replace("\xa0", " ")
    assert ">Rückmeldungen<" in html
    assert "0 von 5 Stellen haben geantwortet; 0 % der Empfehlungen sind gemeldet" in html

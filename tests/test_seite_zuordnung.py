"""The mapping step on the page Daten & Stände (AppTest): map once, preview, publish, reuse."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from ipdaten.ablage import Ablage, ablage_verzeichnis
from ipdaten.arbeitsmappe.zuordnung import Zuordnung
from oberflaeche.sitzung import VORSCHAU as VORSCHAU_SCHLUESSEL
from tests.arbeitsmappen import STANDARD_PFAD
from tests.buero_mappe import BUERO_ZUORDNUNG, buero_mappe
from tests.seiten_hilfen import oeffne, veroeffentlichen

APP = str(Path(__file__).resolve().parent.parent / "app.py")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _hochgeladen(daten: bytes, name: str = "umsetzung.xlsx") -> AppTest:
    at = oeffne("seiten/daten.py").run()
    at.file_uploader(key="anlage_upload").set_value((name, daten, XLSX)).run()
    assert not at.exception, at.exception
    return at


def _auswahl(at: AppTest) -> dict[str, str]:
    """Every selectbox of the mapping step: question → chosen option."""
    return {_ohne_escape(s.label): s.value for s in at.selectbox if s.key and s.key.startswith("zuordnung_wahl_")}


def _ohne_escape(text: str) -> str:
    """A label as the user reads it (literal() escapes markdown characters)."""
    return text.replace("\\", "")


def _waehle(at: AppTest, frage: str, wert: str) -> None:
    next(s for s in at.selectbox if _ohne_escape(s.label) == frage).set_value(wert)


def _texte(at: AppTest) -> str:
    return _ohne_escape(
        "\n".join(e.value for gruppe in (at.markdown, at.caption, at.error, at.success, at.info) for e in gruppe)
    )


def test_unerkannte_mappe_wird_einmal_zugeordnet_geprueft_und_als_vorschau_gezeigt():
    at = _hochgeladen(buero_mappe())
    assert VORSCHAU_SCHLUESSEL not in at.session_state
    assert "wurde nicht übernommen" in at.error[0].value
    assert _auswahl(at) == {
        "Welches Blatt enthält „Empfehlungen“?": "Umsetzungsliste",
        "Welche Spalte ist „Handlungsfeld“ (Blatt „Empfehlungen“)?": "Feld",
        "Welche Spalte ist „Empfehlung“ (Blatt „Empfehlungen“)?": "– bitte wählen –",
        "Welche Spalte ist „Status“ (Blatt „Empfehlungen“)?": "Erledigungsstand",
        "Welche Spalte ist „Bemerkung“ (Blatt „Empfehlungen“)?": "Notiz",
        "Welche Spalte ist „Quelle“ (Blatt „Empfehlungen“)?": "Beleg",
        "Was bedeutet der Status „fertig“?": "umgesetzt",
        "Was bedeutet der Status „offen“?": "– bitte wählen –",
    }

    # An open question is named, nothing is applied.
    at.button(key="zuordnung_anwenden").click().run()
    assert "Bitte noch angeben" in at.error[-1].value
    assert VORSCHAU_SCHLUESSEL not in at.session_state

    _waehle(at, "Welche Spalte ist „Empfehlung“ (Blatt „Empfehlungen“)?", "Kurzbeschreibung")
    _waehle(at, "Was bedeutet der Status „offen“?", "nicht umgesetzt")
    at.button(key="zuordnung_anwenden").click().run()
    assert not at.exception, at.exception

    vorschau = at.session_state[VORSCHAU_SCHLUESSEL]
    assert vorschau.zuordnung == BUERO_ZUORDNUNG
    assert not at.error
    texte = _texte(at)
    assert "Gelesen mit einer Zuordnung" in texte and "in dieser Sitzung zugeordnet" in texte
    assert "Status „offen“ gilt als „nicht umgesetzt“" in texte
    assert any(e.label.startswith("Gelesen mit einer Zuordnung (8 Einträge)") for e in at.expander)
    # Every page of this session shows the mapped workbook: 4 recommendations.
    assert (
        "Vorschau der hochgeladenen Datei „umsetzung.xlsx“ – nicht veröffentlicht. Gelesen mit einer "
        "Zuordnung (8 Einträge, siehe Daten & Stände)." in texte
    )


def _form_schluessel(at: AppTest) -> str:
    from ipdaten.ablage import sha256

    return sha256(at.file_uploader(key="anlage_upload").value.getvalue())[:16]


def test_veroeffentlichte_zuordnung_gilt_beim_naechsten_hochladen_von_selbst():
    at = _hochgeladen(buero_mappe())
    _waehle(at, "Welche Spalte ist „Empfehlung“ (Blatt „Empfehlungen“)?", "Kurzbeschreibung")
    _waehle(at, "Was bedeutet der Status „offen“?", "nicht umgesetzt")
    at.button(key="zuordnung_anwenden").click().run()
    veroeffentlichen(at)  # publishing always needs the password
    assert not at.exception, at.exception
    ablage = Ablage(ablage_verzeichnis(), STANDARD_PFAD)
    neu = ablage.staende()[-1]
    assert (neu.nr, neu.zuordnung) == (2, BUERO_ZUORDNUNG)
    assert "Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung" in _texte(at)

    # A new session, the next Stand of the same shape: no question, straight to the preview.
    naechste = _hochgeladen(buero_mappe(naechster_stand=True), "umsetzung_november.xlsx")
    assert not _auswahl(naechste)
    assert not naechste.error
    vorschau = naechste.session_state[VORSCHAU_SCHLUESSEL]
    assert vorschau.zuordnung == BUERO_ZUORDNUNG
    assert "automatisch übernommen von Nr. 2" in _texte(naechste)

    # Discarding the stored mapping brings the question back.
    naechste.button(key="zuordnung_verwerfen").click().run()
    assert VORSCHAU_SCHLUESSEL not in naechste.session_state
    assert "Welches Blatt enthält „Empfehlungen“?" in _auswahl(naechste)
    assert naechste.session_state["_ipdaten_zuordnung_" + _form_schluessel(naechste)] == Zuordnung()


def test_neues_statuswort_im_naechsten_stand_wird_allein_gefragt():
    at = _hochgeladen(buero_mappe())
    _waehle(at, "Welche Spalte ist „Empfehlung“ (Blatt „Empfehlungen“)?", "Kurzbeschreibung")
    _waehle(at, "Was bedeutet der Status „offen“?", "nicht umgesetzt")
    at.button(key="zuordnung_anwenden").click().run()
    veroeffentlichen(at)
    assert not at.exception, at.exception

    # Same shape, but one row now says "ruht": only that word is asked, on top of the stored mapping.
    naechste = _hochgeladen(buero_mappe(naechster_stand=True, wort="ruht"), "umsetzung_november.xlsx")
    assert "automatisch übernommen von Nr. 2" in _texte(naechste)
    assert _auswahl(naechste) == {"Was bedeutet der Status „ruht“?": "– bitte wählen –"}
    _waehle(naechste, "Was bedeutet der Status „ruht“?", "nicht umgesetzt")
    naechste.button(key="zuordnung_anwenden").click().run()
    assert not naechste.exception, naechste.exception
    vorschau = naechste.session_state[VORSCHAU_SCHLUESSEL]
    assert vorschau.zuordnung == BUERO_ZUORDNUNG.mit(status={"ruht": "nicht umgesetzt"})

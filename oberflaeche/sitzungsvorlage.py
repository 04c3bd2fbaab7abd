"""The downloads "Sitzungsvorlage (Word)" and "Sitzungsvorlage (PDF)" shared by the
Präsentation and the Daten page, and the inputs about the meeting (Daten page).

A document is built only when its button is clicked (st.download_button with a callable) and
kept for the same Stand, previous Stand, history, meeting details and state of the newest
Rückmelderunde (section 4 says how many bodies have answered); the PDF is the Word
document converted by LibreOffice. The Word template is checked when the buttons are drawn,
so a broken template shows a German message instead of a button; where LibreOffice is
missing, the PDF button is replaced by a German message too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.fehler import IpdatenFehler
from ipdaten.praesentation import export_pdf
from ipdaten.praesentation.export_docx import (
    MIME,
    STANDARD_VORLAGE,
    VorlagenFehler,
    dateiname,
    docx_bytes,
    fehler_docx,
)
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from ipdaten.praesentation.vorlage_daten import (
    BESCHLUSSFASSUNG,
    KENNTNISNAHME,
    NICHTOEFFENTLICH,
    OEFFENTLICH,
    STANDARD_GREMIUM,
    Rueckmeldestand,
    Sitzungsangaben,
)
from ipdaten.praesentation.vorlage_fortschreibung import rueckmeldestand
from ipdaten.rueckmeldung import Rundenablage, basis_der_runde, eingang_der_runde, ueberblick

from . import quelle, verlauf_quelle, zwischenspeicher
from .literal import literal

REKONSTRUKTION = (
    "Rekonstruktion der Anlage 1 aus dem Bericht vom 6. März 2017: Annahmen und Platzhalter sind "
    "gekennzeichnet und nicht die Angaben des Landkreises."
)
# What she entered on the Daten page, kept for the session (the Präsentation page uses it too).
ANGABEN = "sitzungsvorlage_angaben"
ANGABEN_OFFEN = "sitzungsvorlage_angaben_offen"  # the key of the expander with the meeting details


@dataclasses.dataclass(frozen=True)
class _Auftrag:
    """Everything one document depends on; the keys make the cache honest, the rest is data."""

    schluessel: str
    vorher_schluessel: str
    verlauf_schluessel: str
    angaben: Sitzungsangaben
    hinweis: str
    vorschau: bool
    runde_schluessel: str
    jetzt: Auswertung = dataclasses.field(compare=False, hash=False, repr=False)
    vorher: Auswertung | None = dataclasses.field(compare=False, hash=False, repr=False)
    verlauf: VerlaufAuswertung | None = dataclasses.field(compare=False, hash=False, repr=False)
    runde: Callable[[], Rueckmeldestand | None] | None = dataclasses.field(compare=False, hash=False, repr=False)

    def schluessel_text(self) -> str:
        return repr(
            (
                self.schluessel,
                self.vorher_schluessel,
                self.verlauf_schluessel,
                self.angaben,
                self.hinweis,
                self.vorschau,
                self.runde_schluessel,
            )
        )


def _docx_oder_fehler(auftrag: _Auftrag) -> tuple[bytes, str]:
    try:
        vorlage = sitzungsvorlage(
            auftrag.jetzt,
            vorher=auftrag.vorher,
            verlauf=auftrag.verlauf,
            angaben=auftrag.angaben,
            hinweis=auftrag.hinweis,
            vorschau=auftrag.vorschau,
            rueckmeldung=auftrag.runde() if auftrag.runde is not None else None,
        )
        return docx_bytes(vorlage), ""
    except VorlagenFehler as e:
        return fehler_docx(str(e)), str(e)


def _docx(auftrag: _Auftrag) -> bytes:
    return zwischenspeicher.sitzungsvorlage_docx(auftrag.schluessel_text(), lambda: _docx_oder_fehler(auftrag)[0])


def _pdf(auftrag: _Auftrag) -> bytes:
    return zwischenspeicher.sitzungsvorlage_pdf(auftrag.schluessel_text(), lambda: _pdf_erzeugen(auftrag))


def _pdf_erzeugen(_auftrag: _Auftrag) -> bytes:
    daten, fehler = _docx_oder_fehler(_auftrag)
    if fehler:
        return export_pdf.fehler_pdf(fehler)
    try:
        return export_pdf.pdf_bytes(daten)
    except export_pdf.PdfFehler as e:
        # st.cache_data keeps no result of a call that raised: the next click tries again.
        raise _NichtMerken(export_pdf.fehler_pdf(str(e))) from e


class _NichtMerken(Exception):
    """A failed PDF: delivered, but not kept in the cache (the next click tries again)."""

    def __init__(self, daten: bytes):
        super().__init__("PDF fehlgeschlagen")
        self.daten = daten


def _pdf_oder_fehler(auftrag: _Auftrag) -> bytes:
    try:
        return _pdf(auftrag)
    except _NichtMerken as e:
        return e.daten


def angaben() -> Sitzungsangaben:
    """What she entered about the meeting in this session (defaults where nothing)."""
    gespeichert = st.session_state.get(ANGABEN)
    return gespeichert if isinstance(gespeichert, Sitzungsangaben) else Sitzungsangaben()


def angaben_eingeben(datum_ort, weitere_ort) -> Sitzungsangaben:
    """The inputs about the meeting on the Daten page: the Sitzungsdatum in `datum_ort`, Gremium,
    Beratung (with the Beschlussvorschlag) and Öffentlichkeit in an expander in `weitere_ort`
    (drawn only while it is open); kept for the session and returned."""
    alt = angaben()
    sitzungsdatum = datum_ort.date_input(
        "Sitzungsdatum der Vorlage",
        value=alt.sitzungsdatum,
        format="DD.MM.YYYY",
        key="sitzungsdatum",
        help="Leer lassen: der nächste Ausschusstermin aus den Meilensteinen.",
    )
    bereich = weitere_ort.expander(
        "Angaben zur Sitzung: Gremium, Beratung, Öffentlichkeit", key=ANGABEN_OFFEN, on_change="rerun"
    )
    if not bereich.open:  # closed: nothing drawn, the details entered before stay as they were
        neu = dataclasses.replace(alt, sitzungsdatum=sitzungsdatum)
    else:
        with bereich:
            gremium = st.text_input("Gremium", value=alt.gremium, key="sitzungsvorlage_gremium", max_chars=120)
            links, rechts = st.columns(2)
            beratung = links.radio(
                "Beratung",
                [KENNTNISNAHME, BESCHLUSSFASSUNG],
                index=1 if alt.beratung == BESCHLUSSFASSUNG else 0,
                key="sitzungsvorlage_beratung",
            )
            oeffentlichkeit = rechts.radio(
                "Öffentlichkeit",
                [OEFFENTLICH, NICHTOEFFENTLICH],
                index=0 if alt.oeffentlich else 1,
                key="sitzungsvorlage_oeffentlichkeit",
            )
            vorschlag = ""
            if beratung == BESCHLUSSFASSUNG:
                vorschlag = st.text_area(
                    "Beschlussvorschlag (leer lassen: ein markierter Platzhalter im Dokument)",
                    value=alt.beschlussvorschlag,
                    key="sitzungsvorlage_beschlussvorschlag",
                    max_chars=4000,
                )
        neu = Sitzungsangaben(
            gremium=(gremium or "").strip() or STANDARD_GREMIUM,
            sitzungsdatum=sitzungsdatum,
            beschluss=beratung == BESCHLUSSFASSUNG,
            beschlussvorschlag=(vorschlag or "").strip() if beratung == BESCHLUSSFASSUNG else "",
            oeffentlich=oeffentlichkeit == OEFFENTLICH,
        )
    st.session_state[ANGABEN] = neu
    return neu


def runde_zu(anzeige: quelle.Anzeige) -> tuple[str, Callable[[], Rueckmeldestand | None] | None]:
    """(cache key, loader of its state) of the newest Rückmelderunde, when it concerns the shown
    Stand (made from it or from an earlier one); ("", None) otherwise. Two small queries now;
    the forms are read only when a document is built."""
    try:
        ablage = quelle.ablage()
        runden = Rundenablage(ablage)
        alle = runden.runden()
        if not alle:
            return "", None
        runde = alle[0]
        anzahl = len(runden.eingang(runde.id))
    except AblageFehler:
        return "", None
    stand = anzeige.anlage.stand
    if anzeige.schluessel != runde.basis_sha256 and (stand is None or runde.stand is None or stand < runde.stand):
        return "", None
    heute = fmt.jetzt().date()

    def laden() -> Rueckmeldestand | None:
        try:
            _, basis, zuordnung = basis_der_runde(ablage, runde)
            eingang = eingang_der_runde(runden, runde, basis, zuordnung=zuordnung)
            stellen = ueberblick(runde, eingang.rueckmeldungen, basis, heute, runden.eingangstage(runde.id))
        except IpdatenFehler:
            return None  # the round cannot be read: the document goes without its paragraph
        return rueckmeldestand(runde, stellen)

    return f"{runde.id}:{anzahl}:{heute.isoformat()}", laden


def _auftrag(anzeige: quelle.Anzeige, vorher, verlauf, angaben_: Sitzungsangaben | None) -> _Auftrag:
    if vorher is True:
        vorher = quelle.vorherige_auswertung(anzeige)
    if verlauf is True:
        verlauf = verlauf_quelle.verlauf_zu(anzeige)
    runde_schluessel, runde = runde_zu(anzeige)
    return _Auftrag(
        schluessel=anzeige.schluessel or "standard",
        vorher_schluessel=vorher[0] if vorher else "",
        verlauf_schluessel=repr([(s.nr, s.datum) for s in verlauf.staende]) if verlauf is not None else "",
        angaben=angaben_ or angaben(),
        hinweis=REKONSTRUKTION if anzeige.ist_rekonstruktion and not anzeige.ist_vorschau else "",
        vorschau=anzeige.ist_vorschau,
        runde_schluessel=runde_schluessel,
        jetzt=anzeige.auswertung,
        vorher=vorher[1] if vorher else None,
        verlauf=verlauf,
        runde=runde,
    )


def download(
    anzeige: quelle.Anzeige,
    *,
    vorher: tuple[str, Auswertung] | bool | None = True,
    verlauf: VerlaufAuswertung | bool | None = True,
    angaben: Sitzungsangaben | None = None,
    ort=None,
    pdf_ort=None,
    key: str = "sitzungsvorlage_export",
    pdf_key: str = "sitzungsvorlage_pdf",
    **knopf,
) -> None:
    """Draw the download buttons "Sitzungsvorlage (Word)" and, in `pdf_ort` (default: after it
    in `ort`), "Sitzungsvorlage (PDF)" for the shown Stand.

    `vorher`: (key, Auswertung) of the previous Stand, None for none, True to look it up;
    `verlauf`: the history up to the shown Stand, None for none, True to look it up;
    `angaben`: the meeting details (default: what was entered in this session); `ort`: a
    column or container to draw into (default: the page); further keyword arguments go to
    st.download_button (e.g. type, help)."""
    ort = ort or st
    pdf_ort = pdf_ort or ort
    fehler = zwischenspeicher.vorlage_fehler(
        str(STANDARD_VORLAGE), STANDARD_VORLAGE.stat().st_mtime_ns if STANDARD_VORLAGE.exists() else 0
    )
    if fehler:
        ort.error(f"Sitzungsvorlage (Word) nicht verfügbar: {literal(fehler)}", icon=":material/error:")
        return
    auftrag = _auftrag(anzeige, vorher, verlauf, angaben)
    ort.download_button(
        "Sitzungsvorlage (Word)",
        data=lambda: _docx(auftrag),
        file_name=dateiname(anzeige.anlage.stand),
        mime=MIME,
        key=key,
        on_click="ignore",
        icon=":material/description:",
        **{"help": "Bericht an den Ausschuss als Word-Dokument mit Anlage 1, aus den Zahlen dieses Stands", **knopf},
    )
    hinweis = export_pdf.pdf_hinweis()
    if hinweis:
        pdf_ort.caption(literal(hinweis))
        return
    pdf_ort.download_button(
        "Sitzungsvorlage (PDF)",
        data=lambda: _pdf_oder_fehler(auftrag),
        file_name=export_pdf.dateiname(anzeige.anlage.stand),
        mime=export_pdf.MIME,
        key=pdf_key,
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        **{
            "help": "Dieselbe Sitzungsvorlage als PDF (für das Ratsinformationssystem), von LibreOffice erzeugt; "
            "dauert einige Sekunden",
            **knopf,
        },
    )

"""Which Stand a session sees: a published one or its preview (the caches behind it are in
`zwischenspeicher`).

A session shows either a published Stand from the store (`ipdaten.ablage`) — chosen in the
sidebar (`oberflaeche.staende`), by default the newest — or, after a valid upload on the page
Daten & Stände, a preview that only this session sees.

A stored Stand is keyed by its SHA-256, an upload by its checksum, the default workbook
(fallback when the store cannot be opened) by path and modification time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import STANDARD_MAPPE, Ablage, AblageFehler, StandInfo, ablage_verzeichnis, sha256
from ipdaten.arbeitsmappe import Zuordnung
from ipdaten.arbeitsmappe.plausibel import Quittung
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.zahlen.vergleich import Vergleich

from . import sitzung, zwischenspeicher
from .zwischenspeicher import Pruefung, auswertung_zu_stand

STANDARD_QUELLE = (
    "Standard-Arbeitsmappe: Rekonstruktion der Anlage 1 aus dem Bericht an den Sozial- und "
    "Gesundheitsausschuss vom 6. März 2017. Annahmen und Platzhalter sind in der Spalte "
    "„Quelle“ gekennzeichnet."
)

STANDARD_KURZ = "Standard-Arbeitsmappe (Rekonstruktion)"


@dataclass(frozen=True)
class Anzeige:
    """What a page shows: the evaluation and where its data comes from."""

    auswertung: Auswertung
    quelle: str
    vorschau: Vorschau | None = None  # the upload shown instead of a Stand (this session only)
    ist_rekonstruktion: bool = False
    stand_info: StandInfo | None = None
    hinweis: str = ""  # e.g. why the store could not be used
    quelle_kurz: str = ""  # the default workbook's long source in a few words (the line under each title)
    schluessel: str = ""  # SHA-256 of the workbook shown (cache key of comparisons)

    @property
    def anlage(self):
        """The loaded workbook."""
        return self.auswertung.anlage

    @property
    def ist_vorschau(self) -> bool:
        """True when this session shows an unpublished upload."""
        return self.vorschau is not None


@dataclass(frozen=True)
class Hochladung:
    """Uploaded bytes with their file name and SHA-256, hashed once: every cache of an upload
    is keyed by the checksum, so Streamlit never hashes the bytes themselves."""

    daten: bytes = field(repr=False)
    dateiname: str
    sha256: str


@dataclass(frozen=True)
class Vorschau(Hochladung):
    """An upload that this session looks at before it is published."""

    zuordnung: Zuordnung | None = None  # the mapping the upload is read with
    signatur: str | None = None  # its header signature, stored with the mapping
    basis_nr: int | None = None  # the Stand it was written into (round, correction, statistics); None: her own file


def standard_sha256() -> str:
    """SHA-256 of the bundled default workbook, hashed again only when the file changes."""
    return zwischenspeicher.sha256_aus_pfad(str(STANDARD_MAPPE), STANDARD_MAPPE.stat().st_mtime_ns)


def standard_auswertung() -> Auswertung:
    """The bundled default workbook, reloaded when the file changes."""
    return zwischenspeicher.auswertung_aus_pfad(str(STANDARD_MAPPE), STANDARD_MAPPE.stat().st_mtime_ns)


def ablage() -> Ablage:
    """The store of Stände in the directory from IPDATEN_ABLAGE (raises AblageFehler)."""
    return zwischenspeicher.ablage_in(str(ablage_verzeichnis()))


def hochladung(daten: bytes, dateiname: str) -> Hochladung:
    """Bytes from anywhere (e.g. the workbook revised with the official statistics), hashed once."""
    daten = bytes(daten)
    return Hochladung(daten, dateiname, sha256(daten))


def hochgeladen() -> Hochladung | None:
    """The workbook in the uploader of Daten & Stände, read and hashed once per uploaded file:
    the change callback before the script and every rerun after it get the same object."""
    datei = st.session_state.get(sitzung.UPLOAD)
    if datei is None:
        st.session_state.pop(sitzung.HOCHLADUNG, None)
        return None
    gemerkt = st.session_state.get(sitzung.HOCHLADUNG)
    if gemerkt is not None and gemerkt[0] == datei.file_id:
        return gemerkt[1]
    if upload_verloren():
        st.session_state.pop(sitzung.HOCHLADUNG, None)
        return None
    neu = hochladung(datei.getvalue(), datei.name)
    st.session_state[sitzung.HOCHLADUNG] = (datei.file_id, neu)
    return neu


def upload_verloren() -> bool:
    """Whether the uploader names a file the server no longer holds (Streamlit's `DeletedFile`):
    after a server restart the browser sends the file's id again, but not the file."""
    datei = st.session_state.get(sitzung.UPLOAD)
    return datei is not None and not hasattr(datei, "getvalue")


def pruefe_upload(hoch: Hochladung, zuordnung: Zuordnung | None = None) -> Pruefung:
    """Validate an upload once per mapping; the same bytes are not validated again in this
    session. Released with the session: an upload must not outlive it."""
    return zwischenspeicher.pruefung(hoch.sha256, hoch.daten, zuordnung, hoch.dateiname)


def signatur(hoch: Hochladung) -> str | None:
    """The header signature of an upload (None when it is no readable workbook)."""
    return zwischenspeicher.signatur_der_mappe(hoch.sha256, hoch.daten)


def gespeicherte_zuordnung(hoch: Hochladung) -> StandInfo | None:
    """The newest Stand whose workbook had the same headers and was published with a mapping."""
    wert = signatur(hoch)
    if wert is None:
        return None
    try:
        return ablage().zuordnung_zu_signatur(wert)
    except AblageFehler:
        return None


def vorschau() -> Vorschau | None:
    """The preview of this session, if any."""
    return st.session_state.get(sitzung.VORSCHAU)


def setze_vorschau(hoch: Hochladung, zuordnung: Zuordnung | None = None, basis_nr: int | None = None) -> Vorschau:
    """Show this (valid) upload, read with `zuordnung`, in this session only, on every page;
    `basis_nr` is the Stand it was written into, if it was (publishing checks it is still the newest)."""
    zuordnung = zuordnung if zuordnung is not None and not zuordnung.leer else None
    neu = Vorschau(hoch.daten, hoch.dateiname, hoch.sha256, zuordnung, signatur(hoch) if zuordnung else None, basis_nr)
    st.session_state[sitzung.VORSCHAU] = neu
    return neu


def vorschau_aus_upload(hoch: Hochladung, zuordnung: Zuordnung | None = None, basis_nr: int | None = None) -> bool:
    """Make a new upload this session's preview when it is valid and not already a Stand.

    Without an explicit `zuordnung`, the mapping stored for workbooks of the same headers is
    applied. `basis_nr`: the Stand an editing step wrote it into (see `setze_vorschau`). Returns
    True when the preview was set. A file with errors changes nothing.
    """
    if zuordnung is None:
        gespeichert = gespeicherte_zuordnung(hoch)
        zuordnung = gespeichert.zuordnung if gespeichert is not None else None
    if pruefe_upload(hoch, zuordnung).auswertung is None:
        return False
    try:
        if ablage().stand_zu_sha(hoch.sha256) is not None:
            return False
    except AblageFehler:
        return False
    setze_vorschau(hoch, zuordnung, basis_nr)
    return True


def verwirf_vorschau() -> None:
    """Back to the published Stände."""
    st.session_state.pop(sitzung.VORSCHAU, None)


def stand_titel(info: StandInfo) -> str:
    """A Stand in one line: 'Nr. 2 · 30. September 2017 · Herbst 2017'."""
    teile = [f"Nr. {info.nr}", fmt.datum(info.stand) if info.stand else "ohne Datum"]
    if info.bezeichnung:
        teile.append(info.bezeichnung)
    return " · ".join(teile)


def gewaehlter_stand(staende: list[StandInfo]) -> StandInfo:
    """The Stand this session selected in the sidebar; the newest when none (or an unknown one)."""
    nr = st.session_state.get(sitzung.STAND)
    for info in staende:
        if info.nr == nr:
            return info
    return staende[-1]


def anzeige_zu_stand(info: StandInfo, quelle_ablage: Ablage) -> Anzeige:
    """The Anzeige of one published Stand."""
    auswertung = auswertung_zu_stand(info.sha256, quelle_ablage)
    if info.ist_standard:
        return Anzeige(
            auswertung,
            STANDARD_QUELLE,
            ist_rekonstruktion=True,
            stand_info=info,
            schluessel=info.sha256,
            quelle_kurz=STANDARD_KURZ,
        )
    quelle = (
        f"Veröffentlichter Stand Nr. {info.nr}: Datei „{info.dateiname}“, veröffentlicht am "
        f"{fmt.zeitpunkt(info.veroeffentlicht)}."
        + (" Gelesen mit der beim Veröffentlichen gespeicherten Zuordnung." if info.zuordnung is not None else "")
    )
    return Anzeige(
        auswertung,
        quelle,
        stand_info=info,
        schluessel=info.sha256,
    )


def quittung_der_vorschau(eintrag: Vorschau) -> Quittung | None:
    """The receipt of the preview (what was read and its warnings by cause), built once per upload."""
    return pruefe_upload(eintrag, eintrag.zuordnung).quittung


def anzeige_zu_vorschau(eintrag: Vorschau) -> Anzeige | None:
    """The Anzeige of a preview (None if the bytes are, unexpectedly, not valid)."""
    pruefung = pruefe_upload(eintrag, eintrag.zuordnung)
    if pruefung.auswertung is None:
        return None
    quelle = f"Vorschau der hochgeladenen Datei „{eintrag.dateiname}“ – nicht veröffentlicht."
    if eintrag.zuordnung is not None:
        quelle += (
            f" Gelesen mit einer Zuordnung ({len(eintrag.zuordnung.beschreibung())} Einträge, siehe Daten & Stände)."
        )
    return Anzeige(
        pruefung.auswertung,
        quelle,
        vorschau=eintrag,
        schluessel=eintrag.sha256,
    )


def aktuelle_anzeige() -> Anzeige:
    """What this session shows now: its preview, else the selected (or newest) Stand."""
    eintrag = vorschau()
    if eintrag is not None:
        anzeige = anzeige_zu_vorschau(eintrag)
        if anzeige is not None:
            return anzeige
        verwirf_vorschau()
    try:
        quelle_ablage = ablage()
        return anzeige_zu_stand(gewaehlter_stand(quelle_ablage.staende()), quelle_ablage)
    except AblageFehler as e:
        return Anzeige(
            standard_auswertung(),
            STANDARD_QUELLE,
            ist_rekonstruktion=True,
            hinweis=str(e),
            schluessel="standard",
            quelle_kurz=STANDARD_KURZ,
        )


def vergleich_zwischen(alt: Anzeige, neu: Anzeige) -> Vergleich:
    """The comparison of two shown workbooks, computed once per pair of checksums."""
    return zwischenspeicher.vergleich(alt.schluessel, neu.schluessel, alt.auswertung, neu.auswertung)


def vorherige_auswertung(anzeige: Anzeige) -> tuple[str, Auswertung] | None:
    """(checksum, evaluation) of the Stand before the shown one (for a preview: the newest
    published) – what the slides and the Sitzungsvorlage compare with; None when there is none."""
    try:
        quelle_ablage = ablage()
        staende = quelle_ablage.staende()
    except AblageFehler:
        return None
    if anzeige.ist_vorschau:
        frueher = staende
    elif anzeige.stand_info is not None:
        frueher = [s for s in staende if s.nr < anzeige.stand_info.nr]
    else:
        return None
    if not frueher:
        return None
    return frueher[-1].sha256, auswertung_zu_stand(frueher[-1].sha256, quelle_ablage)

"""The one home of the UI's caches: every `st.cache_data` / `st.cache_resource` of the app is
here, each with its key, bound and scope, so that what outlives a rerun (and whom it is shared
with) can be read in one place. The functions are thin: each wraps one domain call.

Shared by all sessions unless `scope="session"`; bounded by `max_entries`. Keys are honest: a
stored Stand by its SHA-256, an upload by its checksum (never its bytes: parameters starting
with `_` are not hashed), files by path and modification time. Within one object the domain
memoises its own figures (`ipdaten.gemerkt.Gemerkt`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import streamlit as st

from ipdaten.ablage import STANDARD_MAPPE, Ablage, sha256
from ipdaten.amtlich.statistikdatei import StatistikDatei, StatistikUngueltig, lies_statistik
from ipdaten.arbeitsmappe import (
    Anlage,
    AnlageUngueltig,
    Befund,
    Vorschlag,
    Zuordnung,
    lade_anlage,
    schlage_zuordnung_vor,
    signatur,
)
from ipdaten.arbeitsmappe.befunde import NachSchwere
from ipdaten.arbeitsmappe.plausibel import Quittung, quittung
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation import folien_figuren
from ipdaten.praesentation.export_docx import VorlagenFehler, pruefe_vorlage
from ipdaten.praesentation.folien import Folie, Praesentation, praesentation
from ipdaten.rueckmeldung import Eingang, Runde, lies_boegen
from ipdaten.zahlen.vergleich import Vergleich, vergleiche
from ipdaten.zahlen.verlauf import Abriss, StandKopf, abriss, verlauf

from .veroeffentlichung import protokoll

T = TypeVar("T")

ERSTER_START = (
    "Erster Start: Die Ablage der Stände in „{}“ wurde angelegt; Stand Nr. 1 ist die mitgelieferte "
    "Standard-Arbeitsmappe."
)
VERSCHWUNDEN = (
    "Die Ablage der Stände in „{}“ fehlte oder war leer, obwohl dort schon Stände veröffentlicht "
    "waren. Sie wurde mit Stand Nr. 1 (Standard-Arbeitsmappe) neu angelegt. Zeigt der Server auf den "
    "falschen Ordner, bitte die Umgebungsvariable IPDATEN_ABLAGE prüfen; ging die Ablage verloren, "
    "die Sicherung zurückspielen (python -m ipdaten ablage wiederherstellen SICHERUNG.sqlite)."
)
NETZLAUFWERK = (
    "Die Ablage der Stände in „{}“ liegt auf einem Netzlaufwerk ({}). SQLite kann dort nicht sicher "
    "sperren; gleichzeitiges Veröffentlichen kann die Ablage beschädigen. Bitte einen Ordner auf "
    "einem lokalen Datenträger des Servers nehmen und ihn regelmäßig sichern (docs/betrieb.md)."
)


@dataclass(frozen=True)
class Pruefung(NachSchwere):
    """The outcome of validating an upload: the evaluation (None on errors) and all findings."""

    auswertung: Auswertung | None
    befunde: tuple[Befund, ...]
    quittung: Quittung | None = None  # what was read and its warnings by cause (None on errors)


# --- the store and the Stände (shared by all sessions) ---


@st.cache_resource(max_entries=4, show_spinner=False)
def ablage_in(verzeichnis: str) -> Ablage:
    """The store of Stände in `verzeichnis`, one per process (raises AblageFehler); says in the log
    when it was set up anew, lost its Stände or lies on a network share."""
    neu = Ablage(verzeichnis, STANDARD_MAPPE)
    if neu.verschwunden:
        protokoll.error(VERSCHWUNDEN.format(neu.verzeichnis))
    elif neu.neu_angelegt:
        protokoll.info(ERSTER_START.format(neu.verzeichnis))
    if neu.netzlaufwerk:
        protokoll.warning(NETZLAUFWERK.format(neu.verzeichnis, neu.netzlaufwerk))
    return neu


@st.cache_resource(max_entries=8, show_spinner="Stand wird geladen …")
def auswertung_zu_stand(pruefsumme: str, _ablage: Ablage) -> Auswertung:
    """The evaluation of the stored Stand with this SHA-256 (cached by the checksum only),
    read with the mapping stored with it."""
    info = _ablage.stand_zu_sha(pruefsumme)
    zuordnung = info.zuordnung if info is not None else None
    return Auswertung(lade_anlage(_ablage.lies(pruefsumme), zuordnung=zuordnung))


@st.cache_resource(max_entries=8, show_spinner="Arbeitsmappe wird geladen …")
def auswertung_aus_pfad(pfad: str, mtime_ns: int) -> Auswertung:
    """The Auswertung of a workbook file (the default workbook), reloaded when the file changes."""
    del mtime_ns  # part of the cache key only
    return Auswertung(lade_anlage(Path(pfad)))


@st.cache_data(max_entries=2, show_spinner=False)
def sha256_aus_pfad(pfad: str, mtime_ns: int) -> str:
    """SHA-256 of a file, hashed again only when it changes."""
    del mtime_ns  # part of the cache key only
    return sha256(Path(pfad).read_bytes())


@st.cache_resource(max_entries=8, show_spinner=False)
def vergleich(schluessel_alt: str, schluessel_neu: str, _alt: Auswertung, _neu: Auswertung) -> Vergleich:
    """The comparison of two shown workbooks, computed once per pair of checksums."""
    return vergleiche(_alt.anlage, _neu.anlage)


@st.cache_resource(max_entries=16, show_spinner="Stand wird für den Verlauf gelesen …")
def abriss_zu_stand(pruefsumme: str, nr: int | None, datum: dt.date, titel: str, geschaetzt: bool, _daten) -> Abriss:
    """The summary of one Stand for the history: reads the workbook itself instead of going through
    auswertung_zu_stand, so that walking ten Stände does not evict the Stände the sessions are
    looking at from that (smaller) cache. `_daten()` gives (bytes, mapping) to read, or the Anlage
    already read (a preview: its upload was just checked, it is not read a second time)."""
    gelesen = _daten()
    anlage = gelesen if isinstance(gelesen, Anlage) else lade_anlage(gelesen[0], zuordnung=gelesen[1])
    return abriss(StandKopf(nr, datum, titel, geschaetzt), anlage)


@st.cache_resource(max_entries=4, show_spinner="Verlauf aller Stände wird berechnet …")
def verlauf_auswertung(kennung: str, _schluessel: tuple, _quellen: tuple) -> VerlaufAuswertung:
    """The history over the given Stände, keyed by the text `kennung` of the key: Streamlit hashes one
    string much faster than a tuple of tuples, and it is looked up on every rerun of the pages that
    show the history."""
    del kennung
    schluessel = _schluessel
    abrisse = [abriss_zu_stand(*k, daten) for k, daten in zip(schluessel[:-1], _quellen)]
    return VerlaufAuswertung(verlauf(abrisse), dict(schluessel[-1]))


# --- an upload (its checksum is the key) ---


@st.cache_resource(max_entries=4, show_spinner="Arbeitsmappe wird geprüft …", scope="session")
def pruefung(pruefsumme: str, _daten: bytes, zuordnung: Zuordnung | None, dateiname: str = "") -> Pruefung:
    """Validate an upload once per mapping, in this session only (scope session: an upload must not
    outlive it)."""
    del pruefsumme  # the cache key of the bytes
    try:
        anlage = lade_anlage(_daten, zuordnung=zuordnung, dateiname=dateiname)
    except AnlageUngueltig as e:
        return Pruefung(None, tuple(e.befunde))
    return Pruefung(Auswertung(anlage), tuple(anlage.warnungen), quittung(anlage))


@st.cache_data(max_entries=4, show_spinner=False)
def signatur_der_mappe(pruefsumme: str, _daten: bytes) -> str | None:
    """The header signature of an upload (None when it is no readable workbook), by its checksum."""
    del pruefsumme  # the cache key of the bytes
    return signatur(_daten)


@st.cache_resource(max_entries=4, show_spinner="Zuordnung wird vorgeschlagen …")
def zuordnung_vorschlag(pruefsumme: str, _daten: bytes, bisher: Zuordnung | None) -> Vorschlag | None:
    """The proposed mapping of an upload, once per checksum and earlier mapping."""
    del pruefsumme  # the cache key of the bytes
    return schlage_zuordnung_vor(_daten, bisher)


@st.cache_resource(max_entries=2, show_spinner="Statistikdatei wird gelesen …", scope="session")
def statistikdatei(datei_id: str, _daten: bytes, name: str) -> StatistikDatei | tuple[Befund, ...]:
    """An uploaded statistics file, read once per upload (its file id) and kept with the session:
    released when the session ends, never held for others (like the workbook check)."""
    del datei_id  # the cache key
    try:
        return lies_statistik(_daten, name)
    except StatistikUngueltig as e:
        return tuple(e.befunde)


@st.cache_resource(max_entries=4, show_spinner="Rückmeldebögen werden gelesen …")
def rueckmelde_eingang(
    runde_id: str, schluessel: tuple[str, ...], _runde: Runde, _laden: Callable[[], list], _basis, _zuordnung
) -> Eingang:
    """The returned forms of a round read once per round and set of kept forms (their checksums)."""
    del runde_id, schluessel  # cache keys only: the round and the kept forms' checksums
    return lies_boegen(_laden(), _runde, _basis, _zuordnung)


@st.cache_resource(max_entries=2, show_spinner="Antworten werden in die Arbeitsmappe eingetragen …", scope="session")
def zusammenfuehrung(kennung: str, _erzeuge: Callable[[], T]) -> T:
    """The merge of a round's answers into her workbook, computed by `_erzeuge` once per `kennung`
    (round, forms, target Stand, decisions, day) and session."""
    del kennung
    return _erzeuge()


# --- exports ---


@st.cache_resource(max_entries=8, show_spinner=False)
def folien(
    schluessel: str,
    vorher_schluessel: str,
    hinweis: str,
    vorschau: bool,
    verlauf_kennung: tuple,
    rueckmelde_kennung: tuple,
    _jetzt: Auswertung,
    _vorher,
    _verlauf,
    _rueckmeldungen,
) -> Praesentation:
    """The slides of a Stand, built once per Stand, comparison, history, title line and state of
    the Rückmelderunde."""
    del verlauf_kennung, rueckmelde_kennung  # part of the cache key only: the history's Stände, the round's state
    return praesentation(
        _jetzt, vorher=_vorher, hinweis=hinweis, vorschau=vorschau, verlauf=_verlauf, rueckmeldungen=_rueckmeldungen
    )


@st.cache_resource(max_entries=64, show_spinner=False)
def folienfigur(folien_schluessel: tuple, nummer: int, _folie: Folie):
    """A slide's figure, built once per Stand (with the Stand it is compared with) and slide:
    building it costs more than the rest of the page, on every rerun and for every viewer.
    Bounded: 64 figures are several presentations' worth."""
    return folien_figuren.figur(_folie)


@st.cache_data(max_entries=8, show_spinner=False)
def sitzungsvorlage_docx(kennung: str, _erzeuge: Callable[[], bytes]) -> bytes:
    """The Sitzungsvorlage as .docx, built by `_erzeuge` once per `kennung` (the text of everything
    it depends on: Stand, comparison, history, the session's data, note, preview)."""
    del kennung
    return _erzeuge()


@st.cache_data(max_entries=4, show_spinner=False)
def sitzungsvorlage_pdf(kennung: str, _erzeuge: Callable[[], bytes]) -> bytes:
    """The Sitzungsvorlage as PDF, like sitzungsvorlage_docx; a call that raises is not kept
    (st.cache_data keeps no result of a call that raised), so the next click tries again."""
    del kennung
    return _erzeuge()


@st.cache_data(max_entries=4, show_spinner=False)
def vorlage_fehler(pfad: str, mtime_ns: int) -> str:
    """'' when the template is usable, else the German message (cached per file version)."""
    try:
        pruefe_vorlage(Path(pfad))
    except VorlagenFehler as e:
        return str(e)
    return ""

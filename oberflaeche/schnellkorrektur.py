"""Quick correction on the Handlungsfelder page: the status or Bemerkung of one recommendation,
written into her workbook cell by cell (`ipdaten.rueckmeldung.schnellkorrektur`), shown as this
session's preview and published on Daten & Stände like any upload."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler
from ipdaten.arbeitsmappe import bereinige
from ipdaten.arbeitsmappe.vertrag import STATUS_REIHENFOLGE
from ipdaten.rueckmeldung import FortschreibungFehler, schnellkorrektur
from ipdaten.rueckmeldung.fortschreiben import aktueller_wert

from . import berechtigung, quelle, sitzung
from .befundtabelle import zeige_befunde
from .grundlage import grundlage
from .literal import literal

SCHLUESSEL = "korrektur"  # prefix of the widget keys (also of the editor gate's)
OFFEN = f"{SCHLUESSEL}_offen"  # the expander's key: whether it is open


def dateiname(schluessel: tuple[int, int], heute: dt.date) -> str:
    """The name the corrected workbook is published under: 'Anlage1_Korrektur_1-2_2017-10-12.xlsx'."""
    return f"Anlage1_Korrektur_{schluessel[0]}-{schluessel[1]}_{heute.isoformat()}.xlsx"


def abschnitt(anzeige: quelle.Anzeige, schluessel: tuple[int, int]) -> None:
    """The correction of the recommendation `schluessel` (Handlungsfeld, Nr), behind the editor gate,
    drawn only while its expander is open."""
    nr = f"{schluessel[0]}.{schluessel[1]}"
    bereich = st.expander(
        f"Status oder Bemerkung von {nr} korrigieren", icon=":material/edit:", key=OFFEN, on_change="rerun"
    )
    if not bereich.open:
        return
    with bereich:
        wer = berechtigung.redakteur("Korrigieren", schluessel=f"{SCHLUESSEL}_redakteur")
        if wer is None:
            return
        try:
            ablage = quelle.ablage()
            neuester = ablage.staende()[-1]
            basis = grundlage(anzeige, ablage, neuester)
        except AblageFehler as e:
            st.error(f"Die Ablage der Stände ist nicht erreichbar: {literal(e)}")
            return
        zeilen = basis.anlage.empfehlungen.set_index(["handlungsfeld", "nr"], drop=False)
        if schluessel not in zeilen.index:
            st.info(
                f"Grundlage ist {basis.text}; dort steht die Empfehlung {nr} nicht, sie lässt sich nicht korrigieren."
            )
            return
        zeile = zeilen.loc[schluessel]
        status_alt = str(zeile["status"])
        bemerkung_alt = str(aktueller_wert(zeile, "bemerkung") or "")
        st.caption(
            f"Grundlage der Korrektur ist {basis.text}: eingetragen werden nur die geänderten Zellen, alles "
            "andere bleibt, wie es ist. Danach zeigt diese Sitzung sie als **Vorschau**; veröffentlicht wird sie auf "
            "der Seite **Daten & Stände**."
        )
        version = f"{nr}_{basis.sha256[:12]}"
        with st.form(f"{SCHLUESSEL}_form_{version}", border=False):
            status = st.selectbox(
                "Status",
                STATUS_REIHENFOLGE,
                index=STATUS_REIHENFOLGE.index(status_alt) if status_alt in STATUS_REIHENFOLGE else None,
                key=f"{SCHLUESSEL}_status_{version}",
            )
            bemerkung = st.text_area(
                "Bemerkung", value=bemerkung_alt, max_chars=2000, key=f"{SCHLUESSEL}_bem_{version}"
            )
            abgeschickt = st.form_submit_button(
                "Korrektur als Vorschau übernehmen",
                key=f"{SCHLUESSEL}_uebernehmen",
                type="primary",
                icon=":material/edit_note:",
            )
        if abgeschickt:
            _uebernehmen(basis, schluessel, status_alt, bemerkung_alt, status, bemerkung)


def _uebernehmen(basis, schluessel, status_alt: str, bemerkung_alt: str, status, bemerkung: str) -> None:
    neuer_status = status if status is not None and status != status_alt else None
    neue_bemerkung = bemerkung if bereinige(bemerkung) != bereinige(bemerkung_alt) else None
    if neuer_status is None and neue_bemerkung is None:
        st.info("Status und Bemerkung sind unverändert; es gibt nichts zu übernehmen.")
        return
    try:
        korrektur = schnellkorrektur(
            basis.daten,
            schluessel,
            status=neuer_status,
            bemerkung=neue_bemerkung,
            zuordnung=basis.zuordnung,
            basis=basis.anlage,
        )
    except FortschreibungFehler as e:
        st.error(
            "**Die Korrektur wurde nicht übernommen.** Die Arbeitsmappe bleibt unverändert.", icon=":material/block:"
        )
        zeige_befunde(e.befunde, "Tabelle: warum die Korrektur nicht übernommen wurde")
        return
    heute = fmt.jetzt().date()
    hochladung = quelle.hochladung(korrektur.daten, dateiname(schluessel, heute))
    if not quelle.vorschau_aus_upload(hochladung, basis.zuordnung, basis.basis_nr):
        st.error("Die korrigierte Arbeitsmappe ließ sich nicht als Vorschau zeigen; es wurde nichts geändert.")
        return
    nr = f"{schluessel[0]}.{schluessel[1]}"
    was = " und ".join(
        teil
        for teil, geaendert in (
            (f"Status „{status_alt}“ → „{neuer_status}“", neuer_status is not None),
            ("Bemerkung", neue_bemerkung is not None),
        )
        if geaendert
    )
    st.session_state[sitzung.DATEN_MELDUNG] = (
        f"Korrektur von {nr} ({literal(was)}) ist jetzt die **Vorschau** dieser Sitzung. Unten unter „Vorschau“ "
        "prüfen und veröffentlichen."
    )
    # The publishing form offers it as the Stand's comment: in the list of Stände this Stand
    # otherwise looked like the one it corrects (same Bezeichnung, same day).
    st.session_state[f"{sitzung.KOMMENTAR}{hochladung.sha256[:16]}"] = fmt.kuerzen(f"Korrektur von {nr}: {was}", 500)
    st.switch_page("seiten/daten.py")

"""The mapping step of the upload: map an unrecognised workbook once, see which mapping applies.

When the loader does not recognise a sheet, a column or a status word, the Daten page shows
what was found and lets the user say what it means (selectboxes, prefilled with the likely
answer). The mapping is kept in the session for these bytes, the upload is checked again at
once, and a valid result becomes the preview. Published, the mapping is stored with the Stand
and applied by itself to the next upload with the same headers (`quelle.gespeicherte_zuordnung`).
"""

from __future__ import annotations

import streamlit as st

from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, Kandidat, Zuordnung

from . import quelle, sitzung, zwischenspeicher
from .literal import literal

KEINE = "– nicht zuordnen –"
WAEHLEN = "– bitte wählen –"


def _schluessel(hoch: quelle.Hochladung) -> str:
    return sitzung.ZUORDNUNG + hoch.sha256[:16]


def zuordnung_fuer(hoch: quelle.Hochladung) -> tuple[Zuordnung | None, str]:
    """The mapping to read these bytes with and where it comes from (a sentence).

    The user's own mapping in this session comes first (an empty one: she discarded the stored
    one), then the mapping stored with the newest Stand of the same headers.
    """
    eigene = st.session_state.get(_schluessel(hoch))
    if eigene is not None:
        return (None, "") if eigene.leer else (eigene, "in dieser Sitzung zugeordnet")
    gespeichert = quelle.gespeicherte_zuordnung(hoch)
    if gespeichert is None:
        return None, ""
    return gespeichert.zuordnung, (
        f"automatisch übernommen von {quelle.stand_titel(gespeichert)} (gleich aufgebaute Arbeitsmappe)"
    )


def zeige_angewandte(zuordnung: Zuordnung, herkunft: str, hoch: quelle.Hochladung) -> None:
    """Say which mapping the upload is read with, and offer to discard it."""
    with st.container(border=True, key="zuordnung_angewandt"):
        st.markdown(f":material/link: **Gelesen mit einer Zuordnung** – {literal(herkunft)}:")
        st.markdown("\n".join(f"- {literal(z)}" for z in zuordnung.beschreibung()))
        if st.button("Zuordnung verwerfen und neu zuordnen", key="zuordnung_verwerfen", icon=":material/link_off:"):
            st.session_state[_schluessel(hoch)] = Zuordnung()
            quelle.verwirf_vorschau()
            st.rerun()


def zeige_fuer_vorschau(zuordnung: Zuordnung | None) -> None:
    """Under the preview: the mapping it was read with (nothing without one)."""
    if zuordnung is None:
        return
    with st.expander(f"Gelesen mit einer Zuordnung ({len(zuordnung.beschreibung())} Einträge)", icon=":material/link:"):
        st.markdown("\n".join(f"- {literal(z)}" for z in zuordnung.beschreibung()))
        st.caption(
            "Die Zuordnung wird mit dem Stand gespeichert und beim nächsten Hochladen einer gleich "
            "aufgebauten Arbeitsmappe automatisch angewandt."
        )


def _frage(kandidat: Kandidat) -> str:
    if kandidat.art == "blatt":
        return f"Welches Blatt enthält „{kandidat.ziel}“?"
    if kandidat.art == "spalte":
        return f"Welche Spalte ist „{kandidat.ziel}“ (Blatt „{kandidat.blatt}“)?"
    return f"Was bedeutet der Status „{kandidat.ziel}“?"


def _auswahl(kandidat: Kandidat, index: int) -> str | None:
    """One selectbox; returns the chosen sheet, header or status, None for none."""
    leer = WAEHLEN if kandidat.pflicht else KEINE
    optionen = [leer, *kandidat.auswahl]
    hilfe = kandidat.hinweis or None
    if kandidat.art == "status":
        hilfe = f"Kommt {kandidat.hinweis} vor." if kandidat.hinweis else None
    wahl = st.selectbox(
        literal(_frage(kandidat)),
        optionen,
        index=optionen.index(kandidat.vorschlag) if kandidat.vorschlag in optionen else 0,
        key=f"zuordnung_wahl_{index}",
        help=hilfe,
    )
    return None if wahl == leer else wahl


def zuordnungs_schritt(hoch: quelle.Hochladung, bisher: Zuordnung | None) -> bool:
    """The mapping form for a refused upload; False when a mapping cannot help.

    "Zuordnung anwenden" keeps the mapping for these bytes in the session, checks again at
    once and, when the workbook is valid now, makes it the preview.
    """
    vorschlag = zwischenspeicher.zuordnung_vorschlag(hoch.sha256, hoch.daten, bisher)
    if vorschlag is None:
        return False
    kandidaten = vorschlag.kandidaten
    with st.container(border=True, key="zuordnung_schritt"):
        st.subheader("Arbeitsmappe einmal zuordnen", anchor=False)
        st.write(
            "Einige Blätter, Spalten oder Statuswörter dieser Arbeitsmappe wurden nicht erkannt. "
            "Bitte einmal angeben, was sie bedeuten – vorausgewählt ist, was am wahrscheinlichsten "
            "passt. Die Zuordnung wird mit dem Stand gespeichert und beim nächsten Hochladen einer "
            "gleich aufgebauten Arbeitsmappe automatisch angewandt."
        )
        with st.form(key=f"zuordnung_form_{hoch.sha256[:16]}", border=False):
            wahlen = []
            for titel, art in (("Blätter", "blatt"), ("Spalten", "spalte"), ("Statuswörter", "status")):
                eigene = [(i, k) for i, k in enumerate(kandidaten) if k.art == art]
                if not eigene:
                    continue
                st.markdown(f"**{titel}**")
                if art == "status":
                    st.caption("Erlaubt sind: " + ", ".join(f"„{s}“" for s in STATUS_REIHENFOLGE) + ".")
                wahlen += [(k, _auswahl(k, i)) for i, k in eigene]
            angewandt = st.form_submit_button(
                "Zuordnung anwenden und erneut prüfen", type="primary", icon=":material/rule:", key="zuordnung_anwenden"
            )
    if angewandt:
        fehlend = [k for k, wahl in wahlen if k.pflicht and wahl is None]
        if fehlend:
            st.error(
                "Bitte noch angeben: " + "; ".join(literal(_frage(k)) for k in fehlend),
                icon=":material/edit:",
            )
            return True
        blaetter = {k.ziel: wahl for k, wahl in wahlen if k.art == "blatt"}
        spalten: dict[str, dict[str, str | None]] = {}
        for k, wahl in wahlen:
            if k.art == "spalte":
                # Remove every header the proposal offered for this target, then set the choice.
                eintraege = spalten.setdefault(k.blatt, {})
                for kopf, ziel in dict(vorschlag.zuordnung.als_dicts()[1].get(k.blatt, {})).items():
                    if ziel == k.ziel:
                        eintraege.setdefault(kopf, None)
                if wahl:
                    eintraege[wahl] = k.ziel
        status = {k.ziel: wahl for k, wahl in wahlen if k.art == "status"}
        zuordnung = (bisher or Zuordnung()).mit(blaetter=blaetter, spalten=spalten, status=status)
        st.session_state[_schluessel(hoch)] = zuordnung
        quelle.vorschau_aus_upload(hoch, zuordnung)
        st.rerun()
    return True

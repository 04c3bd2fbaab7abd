"""Showing what changed between two Anlagen (Fortschritt page and the upload preview)."""

from __future__ import annotations

import streamlit as st

from ipdaten import format as fmt
from ipdaten.darstellung import diagramme_fortschritt
from ipdaten.zahlen import vergleich as vg
from ipdaten.zahlen.kennzahlen import FORTSCHRITT_TITEL

from .diagramm import erlaeuterungen, zeige_diagramm
from .literal import literal
from .tabelle import zeige_tabelle

# The per-field table leads with the field and its changes (at 1280 px the changes were cut off).
FELDER_VORNE = ("Handlungsfeld", *(f"Veränderung {titel}" for titel in FORTSCHRITT_TITEL.values()))


def _matrix_spalten(tabelle) -> dict:
    """The transition matrix's columns labelled „→ umgesetzt“ (its rows say „vorher: …“): with
    „nachher: nicht umgesetzt“ as headers the sum column was cut off at 1280 px."""
    return {
        s: st.column_config.TextColumn(
            f"→ {s.removeprefix(vg.NACHHER)}", help=f"Status nachher: {s.removeprefix(vg.NACHHER)}"
        )
        for s in tabelle.columns
        if str(s).startswith(vg.NACHHER)
    }


def zeige_zusammenfassung(v: vg.Vergleich) -> None:
    """Headline figures of a comparison and the status changes in words."""
    g = v.gesamt
    spalten = st.columns(3)
    spalten[0].metric(
        "Empfehlungen",
        fmt.zahl(g["empfehlungen_neu"]),
        delta=_delta_zahl(g["empfehlungen_neu"] - g["empfehlungen_alt"]),
        delta_color="off",
        border=True,
    )
    for spalte, (mass, titel) in zip(spalten[1:], FORTSCHRITT_TITEL.items()):
        spalte.metric(
            f"Anteil {titel}",
            fmt.anteil(g[mass]["neu"]),
            delta=_delta_pp(g[mass]["diff_pp"]),
            help=f"vorher {fmt.anteil(g[mass]['alt'])}",
            border=True,
        )
    erlaeuterungen(
        [(f"Anteil {titel}", f"vorher {fmt.anteil(g[mass]['alt'])}") for mass, titel in FORTSCHRITT_TITEL.items()]
    )
    weitere = [f"**{literal(titel)}:** {literal(text)}." for titel, text in v.weitere]
    if v.ist_unveraendert:
        if not weitere:
            st.info("Keine Veränderung: Status, Wortlaut und Handlungsfelder sind in beiden Ständen gleich.")
        else:
            st.markdown("  \n".join([*weitere, "Status, Wortlaut und Handlungsfelder sind in beiden Ständen gleich."]))
        return
    saetze = v.gemerkt.wert(("saetze",), lambda: vg.uebergang_saetze(v))
    teile = []
    if saetze:
        teile.append("**Statuswechsel:** " + literal("; ".join(saetze)) + ".")
    if not v.neu_empfehlungen.empty:
        teile.append(f"**Neue Empfehlungen:** {fmt.zahl(len(v.neu_empfehlungen))}.")
    if not v.entfallene_empfehlungen.empty:
        teile.append(f"**Entfallene Empfehlungen:** {fmt.zahl(len(v.entfallene_empfehlungen))}.")
    if not v.neue_felder.empty:
        namen = ", ".join(f"{int(n)} {name}" for n, name in zip(v.neue_felder["nr"], v.neue_felder["name"]))
        teile.append("**Neue Handlungsfelder:** " + literal(namen) + ".")
    if not v.entfallene_felder.empty:
        namen = ", ".join(f"{int(n)} {name}" for n, name in zip(v.entfallene_felder["nr"], v.entfallene_felder["name"]))
        teile.append("**Entfallene Handlungsfelder:** " + literal(namen) + ".")
    st.markdown("  \n".join([*teile, *weitere]))


def _delta_pp(wert: float) -> str | None:
    # st.metric reads the direction from an ASCII minus only.
    if wert != wert or round(wert, 1) == 0:
        return None
    return fmt.anteil_veraenderung(wert).replace("−", "-")


def _delta_zahl(wert: int) -> str | None:
    if wert == 0:
        return None
    return ("+" if wert > 0 else "-") + fmt.zahl(abs(wert))


def zeige_vergleich(v: vg.Vergleich, *, vorher: str, nachher: str, schluessel: str) -> None:
    """The full comparison: summary, change per field, transitions, lists of recommendations."""
    zeige_zusammenfassung(v)

    st.subheader("Veränderung je Handlungsfeld", anchor=False)
    zeige_diagramm(
        v.gemerkt.wert(("felder_bild",), lambda: diagramme_fortschritt.veraenderung_je_feld(v)),
        alt=(
            f"Balken je Handlungsfeld: Veränderung der Anteile „umgesetzt“ und „umgesetzt oder in Arbeit“ "
            f"von {vorher} zu {nachher} in Prozentpunkten. Die Werte stehen auch in der Tabelle darunter."
        ),
        dateiname=f"Veränderung je Handlungsfeld {vorher} bis {nachher}",
        bezeichnung="Handlungsfeld",
        key=f"{schluessel}_felder",
    )
    zeige_tabelle(
        v.gemerkt.wert(("felder",), lambda: vg.felder_tabelle(v)),
        vorne=FELDER_VORNE,
        hide_index=True,
        alt="Tabelle: Anteile je Handlungsfeld vorher und nachher",
    )

    st.subheader("Statuswechsel der Empfehlungen", anchor=False)
    st.caption(
        "Empfehlungen werden über Handlungsfeld und Nr einander zugeordnet. Links der Status im "
        "früheren, rechts im späteren Stand."
    )
    nur_wechsel = st.toggle(
        "Nur Empfehlungen mit Statuswechsel zeigen",
        key=f"{schluessel}_nur_wechsel",
        help="Blendet im Diagramm die Empfehlungen aus, deren Status gleich geblieben ist.",
    )
    gepaart = int(v.uebergaenge.to_numpy().sum())
    if nur_wechsel and gepaart == v.gleich_geblieben:
        st.info("Keine Empfehlung hat ihren Status gewechselt.")
    elif gepaart > 0:
        zeige_diagramm(
            v.gemerkt.wert(
                ("sankey", vorher, nachher, nur_wechsel),
                lambda: diagramme_fortschritt.uebergaenge_sankey(
                    v, links=f"vorher: {vorher}", rechts=f"nachher: {nachher}", nur_wechsel=nur_wechsel
                ),
            ),
            alt=(
                "Sankey-Diagramm der Statuswechsel: links der Status vorher, rechts nachher, die Bänder "
                "verbinden gleiche Empfehlungen"
                + (" (nur Empfehlungen mit Statuswechsel)" if nur_wechsel else "")
                + ". Die Zahlen stehen auch in der Tabelle darunter."
            ),
            dateiname=f"Statuswechsel {vorher} bis {nachher}",
            key=f"{schluessel}_sankey",
        )
    matrix = v.gemerkt.wert(("matrix",), lambda: vg.matrix_tabelle(v))
    zeige_tabelle(
        matrix,
        hide_index=True,
        column_config=_matrix_spalten(matrix),
        alt="Übergangsmatrix: Status vorher (Zeilen) und nachher (Spalten)",
    )

    st.subheader("Geänderte Empfehlungen", anchor=False)
    if v.geaendert.empty:
        st.write("Keine Empfehlung hat Status oder Wortlaut geändert.")
    else:
        zeige_tabelle(
            v.gemerkt.wert(("aenderungen",), lambda: vg.aenderungen_tabelle(v)),
            hide_index=True,
            alt="Tabelle der geänderten Empfehlungen",
        )
    for titel, frame, leer in (
        ("Neue Empfehlungen", v.neu_empfehlungen, "Keine neuen Empfehlungen."),
        ("Entfallene Empfehlungen", v.entfallene_empfehlungen, "Keine Empfehlung ist entfallen."),
    ):
        st.subheader(titel, anchor=False)
        if frame.empty:
            st.write(leer)
        else:
            tabelle = v.gemerkt.wert(("empfehlungen", titel), lambda frame=frame: vg.empfehlungen_tabelle(frame))
            zeige_tabelle(tabelle, hide_index=True, alt=f"Tabelle: {titel}")
    st.subheader("Handlungsfelder", anchor=False)
    if v.neue_felder.empty and v.entfallene_felder.empty:
        st.write("Die Handlungsfelder sind in beiden Ständen dieselben.")
    for frame, art in ((v.neue_felder, "Neu"), (v.entfallene_felder, "Entfallen")):
        for nr, name in zip(frame["nr"], frame["name"]):
            st.markdown(f"**{art}:** Handlungsfeld {int(nr)} – {literal(name)}")

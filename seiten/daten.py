"""Daten & Stände: downloads, upload of a revised Anlage 1 with checks and preview, publishing."""

import functools

import streamlit as st

from ipdaten import format as fmt
from ipdaten.ablage import AblageFehler
from ipdaten.ablage_fehler import StandVeraltet
from ipdaten.arbeitsmappe import vorlage_bytes
from oberflaeche import (
    amtliche_statistik,
    berechtigung,
    offene_daten,
    protokoll_ansicht,
    quelle,
    quittung,
    rueckmelde_eingang,
    rueckmelderunde,
    sitzung,
    sitzungsvorlage,
    staende,
    veroeffentlichung,
    zuordnen,
    zwischenspeicher,
)
from oberflaeche.befundtabelle import zeige_befunde
from oberflaeche.literal import literal
from oberflaeche.rahmen import ablage_oder_ende, meldung_zeigen, seite_beenden, seitenkopf
from oberflaeche.tabelle import zeige_tabelle
from oberflaeche.vergleichsansicht import zeige_vergleich, zeige_zusammenfassung

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

anzeige = seitenkopf("Daten & Stände")
meldung_zeigen(sitzung.DATEN_MELDUNG)
ablage, alle = ablage_oder_ende()
neuester = alle[-1]

# --- Herunterladen -------------------------------------------------------------------------
st.header("Herunterladen", anchor=False)
# Rows of buttons side by side, wrapping on a phone (one block each instead of a grid of columns).
knoepfe = st.container(horizontal=True)
knoepfe.download_button(
    "Leere Vorlage (.xlsx)",
    data=vorlage_bytes,
    file_name="Anlage1_Vorlage.xlsx",
    mime=XLSX,
    on_click="ignore",
    key="download_vorlage",
    icon=":material/description:",
    help="Alle Blätter und Spalten, eine Auswahlliste für den Status und ein Blatt „Erläuterung“.",
)
knoepfe.download_button(
    "Standard-Arbeitsmappe (.xlsx)",
    data=quelle.STANDARD_MAPPE.read_bytes,
    file_name="Anlage1_Standard_2017-03-06.xlsx",
    mime=XLSX,
    on_click="ignore",
    key="download_standard",
    icon=":material/inventory_2:",
    help="Die mitgelieferte Rekonstruktion der Anlage 1 (Stand 6. März 2017).",
)
datum_spalte, word_spalte, pdf_spalte = st.columns(3, vertical_alignment="bottom")
angaben = sitzungsvorlage.angaben_eingeben(datum_spalte, st)
sitzungsvorlage.download(anzeige, angaben=angaben, ort=word_spalte, pdf_ort=pdf_spalte)
if quelle.standard_sha256() != alle[0].sha256:
    st.caption(
        "Die mitgelieferte Standard-Arbeitsmappe wurde geändert, seit sie als Stand Nr. 1 gespeichert "
        "wurde. Stand Nr. 1 bleibt unverändert; die neue Fassung lässt sich oben herunterladen und bei "
        "Bedarf hochladen und veröffentlichen."
    )
st.subheader("Veröffentlichte Stände", anchor=False)
if ablage.netzlaufwerk:
    st.warning(
        zwischenspeicher.NETZLAUFWERK.format(literal(ablage.verzeichnis), literal(ablage.netzlaufwerk)),
        icon=":material/lan:",
    )
zeige_tabelle(
    staende.staende_tabelle(alle),
    hide_index=True,
    alt="Tabelle aller veröffentlichten Stände",
    column_config={
        "Stand": st.column_config.TextColumn(width="medium"),
        "Veröffentlicht": st.column_config.TextColumn(width="medium"),
    },
)
nach_nr = {s.nr: s for s in alle}
wahl = st.selectbox(
    "Stand zum Herunterladen",
    [s.nr for s in reversed(alle)],
    format_func=lambda nr: quelle.stand_titel(nach_nr[nr]),
    key=f"download_stand_wahl_{neuester.nr}",  # a new Stand resets the choice to the newest
)
stand_knoepfe = st.container(horizontal=True)
stand_knoepfe.download_button(
    f"Stand Nr. {wahl} herunterladen (.xlsx)",  # short: the whole label fits a phone's width
    data=functools.partial(ablage.lies, nach_nr[wahl].sha256),
    file_name=staende.stand_dateiname(nach_nr[wahl]),
    mime=XLSX,
    on_click="ignore",
    key="download_stand",
    icon=":material/download:",
    help="Die Arbeitsmappe dieses Stands Byte für Byte so, wie sie hochgeladen wurde.",
)
offene_daten.download(nach_nr[wahl], ablage, stand_knoepfe)

protokoll_ansicht.abschnitt(ablage)

# --- Hochladen und prüfen -----------------------------------------------------------------
st.header("Überarbeitete Anlage 1 hochladen", anchor=False)
st.write(
    "Die Datei wird sofort geprüft. Eine gültige Datei wird zuerst nur **in dieser Sitzung** als "
    "Vorschau gezeigt; erst „Veröffentlichen“ macht sie zum neuen Stand für alle."
)


def _neue_datei() -> None:
    """Runs before the script on every change of the upload, so this run already shows the preview."""
    neu = quelle.hochgeladen()
    if neu is not None:
        quelle.vorschau_aus_upload(neu)


st.file_uploader(
    "Arbeitsmappe auswählen",
    type=["xlsx"],  # what is read; the widget's hint names exactly these formats
    key=sitzung.UPLOAD,
    on_change=_neue_datei,
    help=(
        "Excel-Arbeitsmappe (.xlsx) nach der Vorlage. Eine .xls-, .xlsm-, .ods- oder .csv-Datei zuerst in "
        "Excel oder LibreOffice mit „Speichern unter“ als „Excel-Arbeitsmappe (.xlsx)“ speichern."
    ),
)
hoch = quelle.hochgeladen()
if hoch is None and quelle.upload_verloren():
    st.warning(
        "Die Datei im Feld oben liegt dem Server nicht mehr vor (z. B. nach einem Neustart des Servers). Bitte "
        "die Datei dort entfernen (×) und erneut hochladen.",
        icon=":material/warning:",
    )
if hoch is not None:
    zuordnung, herkunft = zuordnen.zuordnung_fuer(hoch)
    pruefung = quelle.pruefe_upload(hoch, zuordnung)
    name = literal(hoch.dateiname)
    if zuordnung is not None:
        zuordnen.zeige_angewandte(zuordnung, herkunft, hoch)
    if pruefung.fehler:
        st.error(
            f"**Die Datei „{name}“ wurde nicht übernommen** – {fmt.zahl(len(pruefung.fehler))} "
            f"Fehler. Der veröffentlichte Stand bleibt unverändert.",
            icon=":material/block:",
        )
        zuordnen.zuordnungs_schritt(hoch, zuordnung)
        zeige_befunde(pruefung.fehler, "Tabelle der Fehler in der Datei")
    elif (vorhanden := ablage.stand_zu_sha(hoch.sha256)) is not None:
        st.info(
            f"Diese Datei ist bereits als **{literal(quelle.stand_titel(vorhanden))}** veröffentlicht "
            "(gleiche Bytes). Sie kann in der Seitenleiste unter „Stand der Daten“ gewählt werden.",
            icon=":material/info:",
        )
    else:
        st.success(f"Die Datei „{name}“ ist gültig.", icon=":material/check_circle:")
        if pruefung.warnungen:
            st.caption(
                f"{fmt.zahl(len(pruefung.warnungen))} Hinweis(e) – nach Ursache unter „Was gelesen wurde“ "
                "am Anfang der Vorschau."
            )

rueckmelderunde.abschnitt(anzeige, ablage, neuester)
amtliche_statistik.abschnitt(anzeige, ablage, neuester)

# --- Vorschau und Veröffentlichen ---------------------------------------------------------
# What this session shows (seitenkopf decided it): the preview, if there is one.
vorschau = anzeige.vorschau
vorschau_anzeige = anzeige if vorschau is not None else None
if vorschau_anzeige is None:
    st.caption("Zum Veröffentlichen zuerst eine gültige Arbeitsmappe hochladen.")
    seite_beenden()

st.header("Vorschau – nicht veröffentlicht", anchor=False)
# The receipt first: what was read, in one glance, so that a misread shows before publishing.
beleg = quelle.quittung_der_vorschau(vorschau)
if beleg is not None:
    quittung.zeige_quittung(beleg)
    quittung.zeige_hinweise(beleg)
st.warning(
    f"Diese Sitzung zeigt auf allen Seiten die Datei **„{literal(vorschau.dateiname)}“**. Andere "
    "Personen sehen weiterhin den veröffentlichten Stand.",
    icon=":material/visibility:",
)
zuordnen.zeige_fuer_vorschau(vorschau.zuordnung)
if vorschau.basis_nr is not None and vorschau.basis_nr != neuester.nr:
    st.error(str(StandVeraltet(vorschau.basis_nr, neuester.nr)), icon=":material/history:")
if st.button("Vorschau verwerfen", key="vorschau_verwerfen", icon=":material/close:"):
    quelle.verwirf_vorschau()
    st.rerun()
aktuell = quelle.anzeige_zu_stand(neuester, ablage)
st.subheader(f"Was sich gegenüber dem aktuellen Stand ({literal(quelle.stand_titel(neuester))}) ändert", anchor=False)
vergleich = quelle.vergleich_zwischen(aktuell, vorschau_anzeige)
zeige_zusammenfassung(vergleich)
with st.expander("Alle Änderungen im Einzelnen"):
    zeige_vergleich(vergleich, vorher=f"Stand Nr. {neuester.nr}", nachher="Vorschau", schluessel="daten_vergleich")

st.header("Als neuen Stand veröffentlichen", anchor=False)
wer = berechtigung.redakteur("Veröffentlichen")
if wer is None:
    seite_beenden()
neue_anlage = vorschau_anzeige.anlage
# A form: Tab and Enter work as people type (the value typed is sent with the click).
with st.form(f"veroeffentlichen_{vorschau.sha256[:16]}", border=False):
    datum = st.date_input(
        "Stand (Datum der Auswertung)",
        value=neue_anlage.stand,
        format="DD.MM.YYYY",
        key=f"stand_datum_{vorschau.sha256[:16]}",
        help="Aus dem Blatt „Info“ übernommen, wenn es dort steht.",
    )
    bezeichnung = st.text_input(
        "Bezeichnung",
        value=neue_anlage.bezeichnung or "",
        max_chars=200,
        key=f"stand_bezeichnung_{vorschau.sha256[:16]}",
        placeholder="z. B. Auswertung Herbst 2017",
    )
    kommentar = st.text_input(
        "Kommentar (freiwillig)",
        max_chars=500,
        key=f"{sitzung.KOMMENTAR}{vorschau.sha256[:16]}",
        placeholder="z. B. Rückmeldungen von Jobcenter und VHS eingearbeitet",
        help="Steht mit Ihrem Namen in der Liste der Stände und in der Auswahl „Stand der Daten“.",
    )
    abgeschickt = st.form_submit_button(
        "Veröffentlichen", key="veroeffentlichen", type="primary", icon=":material/publish:"
    )
if abgeschickt:
    if datum is None:
        st.error("Bitte das Datum des Stands eingeben. Es wurde nichts veröffentlicht.")
        seite_beenden()
    try:
        ergebnis = ablage.veroeffentliche(
            vorschau.daten,
            stand=datum,
            bezeichnung=bezeichnung,
            dateiname=vorschau.dateiname,
            anlage=neue_anlage,
            zuordnung=vorschau.zuordnung,
            signatur=vorschau.signatur,
            von=wer,
            kommentar=kommentar,
            client=berechtigung.client(),
            basis_nr=vorschau.basis_nr,
        )
    except AblageFehler as e:
        st.error(f"Veröffentlichen ist fehlgeschlagen; es wurde nichts geändert. {literal(e)}")
    else:
        info = ergebnis.stand
        veroeffentlichung.protokolliere_veroeffentlichung(info, ergebnis.neu)
        rueckmelde_eingang.nach_veroeffentlichung(ablage, info)
        quelle.verwirf_vorschau()
        st.session_state[sitzung.FOLGT] = True
        titel = quelle.stand_titel(info)
        st.session_state[sitzung.DATEN_MELDUNG] = (
            f"Veröffentlicht als **{literal(titel)}**. Alle Seiten zeigen jetzt diesen Stand."
            if ergebnis.neu
            else f"Diese Datei war bereits als **{literal(titel)}** veröffentlicht; es wurde nichts doppelt gespeichert."
        )
        st.rerun()

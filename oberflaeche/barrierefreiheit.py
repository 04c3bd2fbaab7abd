"""The accessibility statement (Erklärung zur Barrierefreiheit, § 10 L-BGG Baden-Württemberg with
BITV 2.0) and its feedback contact, which the county configures.

The contact is read from the section `[ipdaten]` of `.streamlit/secrets.toml`
(`barrierefreiheit_kontakt`, optionally `barrierefreiheit_schlichtung`) or from the environment
variables IPDATEN_BARRIEREFREIHEIT_KONTAKT / IPDATEN_BARRIEREFREIHEIT_SCHLICHTUNG, which win.
docs/betrieb.md says how.
"""

from __future__ import annotations

import os

import streamlit as st

from .literal import literal

ABSCHNITT = "ipdaten"
KONTAKT = "barrierefreiheit_kontakt"
SCHLICHTUNG = "barrierefreiheit_schlichtung"
SEITE = "seiten/barrierefreiheit.py"
TITEL = "Erklärung zur Barrierefreiheit"
# Since 2023 the state's competence centre for accessibility (LZ-BARR) hosts the arbitration body
# of § 10 L-BGG; the county may name another way (barrierefreiheit_schlichtung).
SCHLICHTUNG_STANDARD = (
    "Wenn auch nach Ihrer Rückmeldung an die oben genannte Kontaktstelle keine zufriedenstellende Lösung "
    "gefunden wurde, können Sie sich an die Schlichtungsstelle beim Landes-Kompetenzzentrum Barrierefreiheit "
    "Baden-Württemberg (LZ-BARR) wenden. Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen "
    "Rechtsbeistand."
)

NICHT_BARRIEREFREI = [
    (
        "Englische Texte der Bedienelemente",
        "Das Dashboard beruht auf dem Open-Source-Werkzeug Streamlit. Einige seiner Bedienelemente haben "
        "englische Beschriftungen, die sich nicht übersetzen lassen: der Datei-Auswahldialog („Drag and drop "
        "file here“, „Browse files“), die Fragezeichen-Schaltflächen („Help for …“), das Menü oben rechts, "
        "der Link „Skip to main content“ und die Schaltfläche „Fullscreen“ an Diagrammen. Der Hersteller "
        "bietet dafür noch keine Übersetzung an (Streamlit-Issues 1353 und 13500).",
        "Alle Beschriftungen, Hilfetexte und Meldungen des Dashboards selbst sind deutsch; die Sprache der "
        "Seite ist als Deutsch ausgezeichnet.",
    ),
    (
        "Diagramme",
        "Diagramme sind Grafiken. Ihre Beschriftungen sind für Screenreader ausgeblendet, weil sie ohne "
        "Zusammenhang vorgelesen würden.",
        "Jedes Diagramm hat einen beschreibenden Namen, einen Satz mit der Kernaussage und darunter "
        "„Daten zum Diagramm“: alle Zahlen als Tabelle und als CSV-Datei. Auf den Präsentationsfolien "
        "steht die Tabelle für Screenreader unsichtbar unter dem Diagramm.",
    ),
    (
        "Interaktive Tabellen",
        "Große Tabellen (z. B. geänderte Empfehlungen, Zuständigkeiten) sind Tabellen-Widgets, die auf eine "
        "Zeichenfläche gezeichnet werden; Screenreader lesen jeweils nur die sichtbaren Zeilen.",
        "Die Empfehlungen auf der Seite „Handlungsfelder“ stehen in einer echten Tabelle, deren Zeilen alle "
        "erreichbar sind; die wichtigsten Spalten stehen vorn, lange Texte brechen um, und ein Klick oder die "
        "Eingabetaste auf eine Zelle zeigt den ganzen Text. Jede Tabelle lässt sich über das Menü der Tabelle "
        "als CSV herunterladen, und die Excel-Ausgabe der Präsentation enthält die Kennzahlen als Tabellen.",
    ),
    (
        "Reihenfolge beim Tabulator",
        "Fragezeichen-Schaltflächen an Eingabefeldern stehen in der Tab-Reihenfolge vor ihrem Feld, das "
        "Fragezeichen an der Quellenangabe jeder Seite vor dem Inhalt; das gibt Streamlit vor.",
        "Der Link „Skip to main content“ am Anfang jeder Seite springt direkt zum Inhalt. Die Fragezeichen "
        "der Kennzahlen sind nicht in der Tab-Reihenfolge; ihre Texte stehen unter den Kennzahlen in "
        "„Erläuterungen zu den Kennzahlen“.",
    ),
    (
        "Ausgaben (PowerPoint, Word, Excel)",
        "Die heruntergeladenen Dateien sind nicht eigens auf Barrierefreiheit geprüft.",
        "Die Word-Sitzungsvorlage nutzt Überschriften-Formatvorlagen; die Zahlen aller Diagramme stehen "
        "zusätzlich im Dashboard als Tabelle.",
    ),
]


def _einstellung(name: str) -> str:
    """A setting from the environment (IPDATEN_<NAME>) or from [ipdaten] in secrets.toml; "" if unset."""
    aus_umgebung = os.environ.get(f"IPDATEN_{name.upper()}", "").strip()
    if aus_umgebung:
        return aus_umgebung
    try:
        abschnitt = st.secrets.get(ABSCHNITT, {})
    except (FileNotFoundError, OSError, ValueError, st.errors.StreamlitSecretNotFoundError):
        return ""
    wert = abschnitt.get(name, "") if hasattr(abschnitt, "get") else ""
    return str(wert).strip()


def kontakt() -> str:
    """The configured feedback contact (name, e-mail, telephone as one text); "" when not set."""
    return _einstellung(KONTAKT)


def link_zur_erklaerung(ort=st) -> None:
    """The link to the statement (every page has one: in the sidebar, in the presentation's bar)."""
    ort.page_link(SEITE, label=TITEL, icon=":material/accessibility_new:")


def zeige_erklaerung() -> None:
    """The statement: scope, status, what is not accessible with why and the alternatives,
    feedback contact and arbitration."""
    st.title(TITEL, anchor=False)
    st.markdown(
        "Das Landratsamt Böblingen ist bemüht, den Integrationsplan-Monitor im Einklang mit § 10 des "
        "Landes-Behindertengleichstellungsgesetzes Baden-Württemberg (L-BGG) und der "
        "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese "
        "Erklärung gilt für alle Seiten des Dashboards einschließlich der Präsentation."
    )
    st.header("Stand der Vereinbarkeit", anchor=False)
    st.markdown(
        "Das Dashboard ist mit den Anforderungen der BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA) **teilweise "
        "vereinbar**. Die Ausnahmen stehen unten. Geprüft wurde in Selbstbewertung: mit der Tastatur allein, "
        "mit dem Prüfwerkzeug axe-core auf jeder Seite und jeder Folie, am Barrierefreiheitsbaum des "
        "Browsers und bei den Bildschirmbreiten 390, 820, 1280 und 1920 Pixel (Telefon, Tablet, Beamer)."
    )
    st.header("Nicht barrierefreie Inhalte", anchor=False)
    for titel, warum, alternative in NICHT_BARRIEREFREI:
        st.subheader(titel, anchor=False)
        st.markdown(f"{warum}\n\n**Alternative:** {alternative}")
    st.header("Feedback und Kontakt", anchor=False)
    angabe = kontakt()
    st.markdown(
        "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie Zahlen oder Inhalte in "
        "einer anderen Form? Dann schreiben Sie uns:"
    )
    if angabe:
        st.markdown(f"**{literal(angabe)}**")
    else:
        st.warning(
            "Die Kontaktstelle ist noch nicht eingetragen. Die Verwaltung des Dashboards trägt sie in "
            "`.streamlit/secrets.toml` unter `[ipdaten]` als `barrierefreiheit_kontakt` ein "
            "(siehe Betriebsanleitung).",
            icon=":material/warning:",
        )
    st.header("Schlichtungsverfahren", anchor=False)
    st.markdown(literal(_einstellung(SCHLICHTUNG) or SCHLICHTUNG_STANDARD))

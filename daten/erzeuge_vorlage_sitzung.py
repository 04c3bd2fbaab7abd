"""Erzeugt die Word-Vorlage der Sitzungsvorlage `daten/vorlage_sitzung.docx` (python-docx).

Die Vorlage ist ein gewöhnliches Word-Dokument mit Jinja-Platzhaltern für docxtpl:
`{{ name }}` für Text, `{%p for … %}`/`{%p endfor %}` in eigenen Absätzen für wiederholte
Absätze, `{%tr for … %}`/`{%tr endfor %}` in eigenen Tabellenzeilen für wiederholte Zeilen.
Schrift, Ränder, Kopf- und Fußzeile können in Word frei geändert werden; die Platzhalter
nennt das Handbuch (Abschnitt „Sitzungsvorlage (Word und PDF)“). `{%tc if … %}`/`{%tc endif %}`
in eigenen Zellen blenden die Spalte dazwischen aus (Ist im Haushalt, Zuständig und Termin in
Anlage 1). Jede Tabellenzeile ist „nicht über Seiten trennen“.

Aufruf: `python daten/erzeuge_vorlage_sitzung.py` (schreibt immer dieselben Bytes).
"""

from __future__ import annotations

import io
from pathlib import Path

import vorlage_bausteine as b
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

ZIEL = Path(__file__).resolve().parent / "vorlage_sitzung.docx"


def _kopfteil(doc) -> None:
    """I. Vorlage (as in the report of 6 March 2017): Gremium and date, Beratung and Öffentlichkeit."""
    doc.add_heading("I. Vorlage an den", level=1)
    kopf_tabelle = doc.add_table(rows=2, cols=2)
    b.rahmenlos(kopf_tabelle)
    b.zellentext(kopf_tabelle.cell(0, 0), "{{ gremium }}", fett=True)
    b.zellentext(kopf_tabelle.cell(0, 1), "{{ sitzungsdatum }}", fett=True, rechts=True)
    b.zellentext(kopf_tabelle.cell(1, 0), "{{ beratung }}")
    b.zellentext(kopf_tabelle.cell(1, 1), "{{ oeffentlichkeit }}", rechts=True)
    b.spaltenbreiten(kopf_tabelle, [11.0, 5.0])
    b.nicht_teilen(kopf_tabelle)
    b.steuer_absatz(doc, "{%p if beschlussvorschlag %}")
    b.neuer_absatz(doc, "Beschlussvorschlag", fett=True).paragraph_format.space_before = Pt(12)
    b.steuer_absatz(doc, "{%p if beschlussvorschlag_markiert %}")
    b.markierter_absatz(doc, "{{ beschlussvorschlag }}")
    b.steuer_absatz(doc, "{%p else %}")
    b.neuer_absatz(doc, "{{ beschlussvorschlag }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.neuer_absatz(doc)
    b.neuer_absatz(doc, "{{ titel }} (Stand {{ stand }})", fett=True)
    b.steuer_absatz(doc, "{%p for h in hinweise %}")
    b.markierter_absatz(doc, "{{ h }}")
    b.steuer_absatz(doc, "{%p endfor %}")


def _bilanz(doc) -> None:
    doc.add_heading("1. Bilanz (Auswertung der Tabellen – Qualitative Bewertung)", level=2)
    b.neuer_absatz(doc, "{{ gesamt }}")
    b.abbildung(doc, "diagramm_status", "Stand der Umsetzung je Handlungsfeld (Anteile; Beschriftung: Anzahl)")
    b.steuer_absatz(doc, "{%p for f in felder %}")
    doc.add_heading("Handlungsfeld {{ f.nr }} – {{ f.name }}", level=3)
    b.neuer_absatz(doc, "{{ f.text }}")
    b.steuer_absatz(doc, "{%p if f.fortschritt %}")
    b.neuer_absatz(doc, "{{ f.fortschritt }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p if f.hinweis %}")
    b.markierter_absatz(doc, "{{ f.hinweis }}")
    b.steuer_absatz(doc, "{%p endif %}")
    # Her assessment: the marked label, then the report passage taken over (normal text to edit).
    bewertung = b.neuer_absatz(doc, "[{{ f.bewertung_hinweis }}]", markiert=True, stil="Bewertung")
    bewertung.add_run("{% if f.bewertung %} {{ f.bewertung }}{% endif %}")
    b.steuer_absatz(doc, "{%p endfor %}")

    b.steuer_absatz(doc, "{%p if entwicklung %}")
    doc.add_heading("Entwicklung seit dem Stand vom {{ entwicklung.vorher_stand }}", level=3)
    b.neuer_absatz(doc, "{{ entwicklung.text }}")
    b.schleifentabelle(
        doc,
        [
            "Handlungsfeld",
            "umgesetzt {{ entwicklung.vorher_stand }}",
            "umgesetzt {{ entwicklung.stand }}",
            "Veränderung",
        ],
        [
            "{%tr for z in entwicklung.zeilen %}",
            "{{ z.feld }}",
            "{{ z.alt }}",
            "{{ z.neu }}",
            "{{ z.veraenderung }}",
            "{%tr endfor %}",
        ],
        [6.4, 3.4, 3.4, 2.8],
        rechts=(1, 2, 3),
        summe=[
            "{{ entwicklung.gesamt.feld }}",
            "{{ entwicklung.gesamt.alt }}",
            "{{ entwicklung.gesamt.neu }}",
            "{{ entwicklung.gesamt.veraenderung }}",
        ],
    )
    b.abbildung(doc, "diagramm_verlauf", "{{ entwicklung.diagramm_titel }}")
    b.steuer_absatz(doc, "{%p endif %}")

    b.steuer_absatz(doc, "{%p if nachhalten %}")
    doc.add_heading("Überfällige und lange unveränderte Empfehlungen", level=3)
    b.neuer_absatz(doc, "{{ nachhalten.text }}")
    b.schleifentabelle(
        doc,
        ["Zuständig", "Nr", "Empfehlung", "Status", "Termin", "Hinweis"],
        [
            "{%tr for z in nachhalten.zeilen %}",
            "{{ z.zustaendig }}",
            "{{ z.nr }}",
            "{{ z.empfehlung }}",
            "{{ z.status }}",
            "{{ z.termin }}",
            "{{ z.hinweis }}",
            "{%tr endfor %}",
        ],
        [2.8, 1.1, 4.4, 2.2, 2.0, 3.5],
        groesse=9,
    )
    b.steuer_absatz(doc, "{%p endif %}")

    doc.add_heading("Einbürgerung im regionalen Vergleich", level=3)
    b.neuer_absatz(doc, "{{ einbuergerung_text }}")
    b.steuer_absatz(doc, "{%p for h in einbuergerung_hinweise %}")
    b.markierter_absatz(doc, "{{ h }}")
    b.steuer_absatz(doc, "{%p endfor %}")
    b.steuer_absatz(doc, "{%p if einbuergerung %}")
    b.schleifentabelle(
        doc,
        ["Rang", "Gebiet", "Einbürgerungsquote", "Abstand zum Mittel"],
        [
            "{%tr for z in einbuergerung %}",
            "{{ z.rang }}",
            "{{ z.gebiet }}",
            "{{ z.quote }}",
            "{{ z.abstand }}",
            "{%tr endfor %}",
        ],
        [1.4, 6.6, 4.4, 3.6],
        rechts=(2, 3),
    )
    b.steuer_absatz(doc, "{%p endif %}")
    b.abbildung(doc, "diagramm_einbuergerung", "Einbürgerungsquoten im regionalen Vergleich")


def _vorgehen_und_fluechtlinge(doc) -> None:
    doc.add_heading("2. Weiteres Vorgehen (Ausblick)", level=2)
    b.neuer_absatz(doc, "{{ vorgehen_text }}")
    b.steuer_absatz(doc, "{%p for s in vorgehen %}")
    b.neuer_absatz(doc, "{{ s.datum }}: {{ s.ereignis }}", stil="List Bullet")
    b.steuer_absatz(doc, "{%p endfor %}")
    b.markierter_absatz(doc, "{{ vorgehen_platzhalter }}")

    doc.add_heading("3. Flüchtlingsperspektive", level=2)
    # Her placeholder stays with the figures below it (the section does not start at a page end).
    b.markierter_absatz(doc, "{{ fluechtlinge.platzhalter }}").paragraph_format.keep_with_next = True
    b.neuer_absatz(doc, "{{ fluechtlinge.text }}")
    b.steuer_absatz(doc, "{%p if fluechtlinge.zeilen %}")
    # A column per status that occurs, as on the page Geflüchtete ({%tc if %} … {%tc endif %}).
    status = [
        ("umgesetzt", "umgesetzt"),
        ("in Arbeit", "in_arbeit"),
        ("in Abstimmung", "in_abstimmung"),
        ("nicht umgesetzt", "nicht_umgesetzt"),
        ("ohne Angabe", "ohne_angabe"),
    ]
    koepfe, zellen, breiten = ["Handlungsfeld", "Anzahl"], ["{{ z.feld }}", "{{ z.empfehlungen }}"], [3.0, 1.5]
    for titel, name in status:
        koepfe += [f"{{%tc if fluechtlinge.spalten.{name} %}}", titel, "{%tc endif %}"]
        zellen += [f"{{%tc if fluechtlinge.spalten.{name} %}}", f"{{{{ z.{name} }}}}", "{%tc endif %}"]
        breiten += [0.4, 2.3, 0.4]
    b.schleifentabelle(
        doc,
        koepfe,
        ["{%tr for z in fluechtlinge.zeilen %}", *zellen, "{%tr endfor %}"],
        breiten,
        rechts=tuple(range(1, len(koepfe))),
        groesse=8,
    )
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p if fluechtlinge.ohne_text %}")
    b.neuer_absatz(doc, "{{ fluechtlinge.ohne_text }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.abbildung(doc, "diagramm_gefluechtete", "Empfehlungen mit Bezug zu Geflüchteten je Handlungsfeld (Anzahl)")


def _perspektive_und_finanzen(doc) -> None:
    doc.add_heading("4. Perspektive (Ergebnisse {{ perspektive.bis }})", level=2)
    b.neuer_absatz(doc, "{{ perspektive.text }}")
    b.steuer_absatz(doc, "{%p if perspektive.faellig_text %}")
    b.neuer_absatz(doc, "{{ perspektive.faellig_text }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p if perspektive.faellig %}")
    b.schleifentabelle(
        doc,
        ["Nr", "Empfehlung", "Status", "Zuständig", "Termin"],
        [
            "{%tr for z in perspektive.faellig %}",
            "{{ z.nr }}",
            "{{ z.empfehlung }}",
            "{{ z.status }}",
            "{{ z.zustaendig }}",
            "{{ z.termin }}",
            "{%tr endfor %}",
        ],
        [1.2, 7.0, 2.6, 3.0, 2.2],
        groesse=9,
    )
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p if perspektive.rueckmeldung %}")
    b.neuer_absatz(doc, "{{ perspektive.rueckmeldung }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.markierter_absatz(doc, "{{ perspektive.platzhalter }}")

    doc.add_heading("5. Finanzielle Auswirkungen", level=2)
    b.neuer_absatz(doc, "{{ finanzen_text }}").paragraph_format.keep_with_next = True
    b.steuer_absatz(doc, "{%p if finanzen_platzhalter %}")
    b.markierter_absatz(doc, "{{ finanzen_platzhalter }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p for h in haushalt %}")
    b.neuer_absatz(doc, "{{ h.text }}")
    # The Ist column only for a year with Ist amounts: docxtpl drops the cells between the
    # {%tc if %} and {%tc endif %} cells (the last columns, so the grid stays aligned).
    b.schleifentabelle(
        doc,
        ["Maßnahme", "Plan", "{%tc if h.mit_ist %}", "Ist", "{%tc endif %}"],
        [
            "{%tr for z in h.zeilen %}",
            "{{ z.massnahme }}",
            "{{ z.plan }}",
            "{%tc if h.mit_ist %}",
            "{{ z.ist }}",
            "{%tc endif %}",
            "{%tr endfor %}",
        ],
        [10.0, 3.0, 0.4, 3.0, 0.4],
        rechts=(1, 3),
        summe=["Summe {{ h.jahr }}", "{{ h.summe }}", "{%tc if h.mit_ist %}", "{{ h.summe_ist }}", "{%tc endif %}"],
    )
    b.steuer_absatz(doc, "{%p if h.ist_text %}")
    b.neuer_absatz(doc, "{{ h.ist_text }}")
    b.steuer_absatz(doc, "{%p endif %}")
    b.steuer_absatz(doc, "{%p endfor %}")


def _anlage1(doc) -> None:
    anlage = doc.add_section(WD_SECTION.NEW_PAGE)
    anlage.orientation = WD_ORIENT.LANDSCAPE
    anlage.page_width, anlage.page_height = Cm(29.7), Cm(21.0)
    anlage.left_margin = anlage.right_margin = Cm(2.0)
    doc.add_heading("Anlage 1: Auswertung der Handlungsempfehlungen", level=1)
    b.neuer_absatz(doc, "{{ anlage1_text }}")
    b.schleifentabelle(
        doc,
        [
            "Handlungsfeld",
            "Nr",
            "Ziel",
            "Empfehlung",
            "Status",
            "Bemerkung",
            "{%tc if anlage1_zustaendig %}",
            "Zuständig",
            "{%tc endif %}",
            "{%tc if anlage1_termin %}",
            "Termin",
            "{%tc endif %}",
        ],
        [
            "{%tr for e in anlage1 %}",
            "{{ e.feld }}",
            "{{ e.nr }}",
            "{{ e.ziel }}",
            "{{ e.empfehlung }}",
            "{{ e.status }}{% if e.kennzeichnung %} [{{ e.kennzeichnung }}]{% endif %}",
            "{{ e.bemerkung }}",
            "{%tc if anlage1_zustaendig %}",
            "{{ e.zustaendig }}",
            "{%tc endif %}",
            "{%tc if anlage1_termin %}",
            "{{ e.termin }}",
            "{%tc endif %}",
            "{%tr endfor %}",
        ],
        [3.0, 0.9, 2.6, 5.6, 2.3, 4.4, 0.4, 4.0, 0.4, 0.4, 2.4, 0.4],
        groesse=9,
        zusammen=False,
    )
    b.letzter_absatz(doc)


def erzeuge() -> bytes:
    """The template as .docx bytes."""
    doc = Document()
    b.stile(doc)
    abschnitt = doc.sections[0]
    abschnitt.page_height, abschnitt.page_width = Cm(29.7), Cm(21.0)
    abschnitt.left_margin = abschnitt.right_margin = Cm(2.5)
    abschnitt.top_margin, abschnitt.bottom_margin = Cm(2.0), Cm(2.0)

    kopf = abschnitt.header.paragraphs[0]
    kopf.text = "Landkreis Böblingen · Amt für Migration und Flüchtlinge"
    kopf.runs[0].font.size = Pt(9)
    kopf.runs[0].font.color.rgb = b.GRAU
    fuss = abschnitt.footer.paragraphs[0]
    fuss.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fuss.add_run("{{ titel }} · Stand {{ stand }} · Seite ").font.size = Pt(9)
    b.seitenfeld(fuss, "PAGE")
    for lauf in fuss.runs:
        lauf.font.size = Pt(9)
        lauf.font.color.rgb = b.GRAU

    _kopfteil(doc)
    doc.add_heading("II. Bericht", level=1)
    b.markierter_absatz(doc, "{{ einleitung }}")
    b.neuer_absatz(doc, "{{ bilanz_einleitung }}")
    _bilanz(doc)
    _vorgehen_und_fluechtlinge(doc)
    _perspektive_und_finanzen(doc)
    _anlage1(doc)

    kern = doc.core_properties
    kern.title = "Sitzungsvorlage Integrationsplan (Vorlage)"
    kern.author = "Integrationsplan-Monitor"
    kern.last_modified_by = "Integrationsplan-Monitor"
    kern.created = kern.modified = b.ZEITPUNKT
    kern.revision = 1
    puffer = io.BytesIO()
    doc.save(puffer)
    return b.fester_zeitstempel(puffer.getvalue())


if __name__ == "__main__":
    ZIEL.write_bytes(erzeuge())
    print(f"geschrieben: {ZIEL}")

"""The Sitzungsvorlage (Word): the generated .docx is opened again and every number in every
paragraph and table is checked against what ipdaten computes – for the default workbook, a
workbook with a ninth field and a pair of Stände. Plus: sentences for 0/1/many, the template
(reproducible, placeholders, errors in German), the command line and LibreOffice's PDF."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige, lade_anlage
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation import export_docx
from ipdaten.praesentation.bilanz_saetze import feld_text, punkte_text, zahlwort
from ipdaten.praesentation.diagramm_bild import png_bytes, wert_text
from ipdaten.praesentation.export_docx import VorlagenFehler, docx_bytes, pruefe_vorlage
from ipdaten.praesentation.folien import benannte_empfehlungen
from ipdaten.praesentation.sitzungsvorlage import sitzungsvorlage
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.kennzahlen import einbuergerung_vergleich, haushalt_summen, status_gesamt, status_verteilung
from ipdaten.zahlen.vergleich import vergleiche
from tests.arbeitsmappen import (
    STANDARD_PFAD,
    empfehlung,
    mappe_bytes,
    standard_bytes,
    ueberarbeitete_standard_bytes,
)
from tests.kommandozeile import rufe

WURZEL = STANDARD_PFAD.parent.parent
ZAHL = re.compile(r"\d+(?:[.,]\d+)*")
STATUS = ("umgesetzt", "in Arbeit", "in Abstimmung", "nicht umgesetzt", "ohne Angabe")


def _t(text: object) -> str:
    return str(text).replace("\xa0", " ")


class Gelesen:
    """A generated .docx opened again: body paragraphs, tables (as text), footer, images."""

    def __init__(self, daten: bytes):
        self.daten = daten
        doc = Document(io.BytesIO(daten))
        self.absaetze = [_t(p.text) for p in doc.paragraphs if p.text.strip()]
        self.tabellen = [[[_t(c.text) for c in zeile.cells] for zeile in t.rows] for t in doc.tables]
        self.fuss = _t(doc.sections[0].footer.paragraphs[0].text)
        # Looking up a paragraph's style costs about 2 ms in python-docx: once per paragraph.
        stilname = functools.cache(lambda stil_id: doc.part.get_style(stil_id, WD_STYLE_TYPE.PARAGRAPH).name)
        self.stilnamen = {_t(p.text): stilname(p._p.style) for p in doc.paragraphs}
        self.ueberschriften = [_t(p.text) for p in doc.paragraphs if self.stilnamen[_t(p.text)].startswith("Heading")]
        self.stile = {_t(p.text): p for p in doc.paragraphs}
        with zipfile.ZipFile(io.BytesIO(daten)) as z:
            self.bilder = [n for n in z.namelist() if n.startswith("word/media/")]

    def absatz(self, anfang: str) -> str:
        """The one paragraph that contains `anfang`."""
        treffer = [a for a in self.absaetze if anfang in a]
        assert len(treffer) == 1, (anfang, treffer)
        return treffer[0]


def _auswertung(daten: bytes | Path) -> Auswertung:
    return Auswertung(lade_anlage(daten))


def _bericht(jetzt: Auswertung, vorher: Auswertung | None = None, **kw) -> Gelesen:
    return Gelesen(docx_bytes(sitzungsvorlage(jetzt, vorher=vorher, **kw)))


def _ohne(text: str, teile) -> str:
    """`text` with every workbook text in `teile` (quoted or bare) replaced by a mark."""
    for teil in sorted({_t(bereinige(x)) for x in teile if bereinige(x)}, key=len, reverse=True):
        text = text.replace(f"„{teil}“", "„■“").replace(teil, "■")
    return text


def _status_des_satzes(satz: str) -> str:
    if "bisher" in satz:  # "wurde bisher keine umgesetzt" / "wurde bisher nicht umgesetzt"
        return "umgesetzt"
    if "keine Angabe" in satz:
        return "ohne Angabe"
    if "nicht umgesetzt" in satz:
        return "nicht umgesetzt"
    if "in Abstimmung" in satz:
        return "in Abstimmung"
    if "in Arbeit" in satz:
        return "in Arbeit"
    assert "umgesetzt" in satz, satz
    return "umgesetzt"


def pruefe_feldabsatz(text: str, zeile: pd.Series, eigene: pd.DataFrame, seiten: str) -> None:
    """Every number of a field paragraph: the total, and per status sentence its share (as
    kennzahlen computed it) and count; every quoted example is a named recommendation of this
    field with the status of its sentence; every status with recommendations is mentioned."""
    nr, gesamt = int(zeile["nr"]), int(zeile["empfehlungen"])
    kopf = f"im Handlungsfeld {nr}. {zeile['name']}" + (f" (Integrationsplan Seiten {seiten})" if seiten else "")
    assert kopf in text
    rest = text.replace(kopf, "im Handlungsfeld ■")
    benannt = benannte_empfehlungen(eigene)
    beispiele = {}
    for t, s in sorted(zip(benannt["empfehlung"], benannt["status"]), key=lambda p: -len(p[0])):
        zitat = f"„{_t(bereinige(t))}“"
        if zitat in rest:
            beispiele[len(beispiele)] = str(s)
            rest = rest.replace(zitat, f"„B{len(beispiele) - 1}“")
    platzhalter = set(eigene["empfehlung"]) - set(benannt["empfehlung"])
    assert not any(_t(p) in text for p in platzhalter), "ein Platzhalter als Beispiel"
    genannt = set()
    for satz in rest.replace("z. B.", "zB").split(". "):
        status = _status_des_satzes(satz)
        genannt.add(status)
        anzahl = int(zeile[status])
        for marke in re.findall(r"„B(\d+)“", satz):
            assert beispiele[int(marke)] == status, (satz, beispiele)
        satz = re.sub(r"„B\d+“", "", satz)
        zahlen = ZAHL.findall(satz)
        anteile = re.findall(r"(\d+) %", satz)
        for a in anteile:
            assert f"{a} %" == _t(fmt.anteil(zeile[f"anteil_{status}"])), (satz, status)
        erlaubt = {str(anzahl)} | ({str(gesamt)} if "Handlungsempfehlungen" in satz or "Alle" in satz else set())
        uebrig = [z for z in zahlen if z not in anteile or zahlen.count(z) > anteile.count(z)]
        for z in uebrig:
            assert z in erlaubt, (satz, z, erlaubt)
        if anzahl == 1:
            assert re.search(r"\b([Ee]ine|Sie)\b", satz), satz
        if anzahl == 0:
            assert "bisher keine umgesetzt" in satz or "bisher nicht umgesetzt" in satz, satz
        if "Handlungsempfehlungen" in satz and gesamt > 1:
            assert str(gesamt) in zahlen, satz
    vorhanden = {s for s in STATUS if int(zeile[s])}
    if int(zeile["umgesetzt"]) == 0:
        vorhanden.add("umgesetzt")  # "wurde bisher keine umgesetzt"
    assert genannt == vorhanden, (text, genannt, vorhanden)


def _restzahlen(text: str) -> list[str]:
    return ZAHL.findall(text.replace("Anlage 1", ""))


def pruefe_dokument(gelesen: Gelesen, jetzt: Auswertung, vorher: Auswertung | None = None, sitzung: str = "") -> None:
    """Every paragraph and table of the document against ipdaten."""
    anlage = jetzt.anlage
    verteilung = status_verteilung(anlage)
    gesamt = status_gesamt(anlage)
    stand = _t(fmt.datum(anlage.stand))
    werktexte = (
        list(anlage.empfehlungen["empfehlung"])
        + list(anlage.handlungsfelder["name"])
        + list(anlage.handlungsfelder["leitsatz"])
        + list(anlage.haushalt["massnahme"])
        + list(anlage.einbuergerung["gebiet"])
        + list(anlage.meilensteine["ereignis"])
        + [anlage.titel]
        + [
            t
            for spalte in ("quelle", "definition")
            if spalte in anlage.einbuergerung
            for t in anlage.einbuergerung[spalte]
        ]
    )
    geprueft: dict[str, str] = {}  # paragraph → what is left after the checks (no digits allowed)

    # Head: Sitzungsdatum, Kenntnisnahme, öffentlich
    kopf = gelesen.tabellen[0]
    assert kopf == [["Sozial- und Gesundheitsausschuss", sitzung], ["zur Kenntnisnahme", "öffentlich"]]
    titel = gelesen.absatz(f"(Stand {stand})")
    geprueft[titel] = _ohne(titel, [anlage.titel]).replace(stand, "")
    assert stand in gelesen.fuss

    # Hints: the number of assumptions
    annahmen = jetzt.annahmen.empfehlungen
    if annahmen:
        hinweis = gelesen.absatz("[Annahmen: ")
        assert f"{annahmen} von {gesamt['empfehlungen']} Empfehlungen" in hinweis
        geprueft[hinweis] = hinweis.replace(f"{annahmen} von {gesamt['empfehlungen']}", "")
    for absatz in gelesen.absaetze:
        if absatz.startswith("[Rekonstruktion"):
            geprueft[absatz] = absatz.replace("6. März 2017", "")
    einleitung = gelesen.absatz("[Einleitung:")
    geprueft[einleitung] = einleitung

    # 1. Bilanz: the fields, their count in words, the overall distribution
    felder = anlage.handlungsfelder
    einleitung_bilanz = gelesen.absatz("Der Integrationsplan ist in ")
    assert f"in {zahlwort(len(felder))} Handlungsfelder aufgeteilt" in einleitung_bilanz
    liste = ", ".join(f"{n}. {name}" for n, name in zip(felder["nr"], felder["name"]))
    assert _ohne(einleitung_bilanz, list(felder["leitsatz"])).count(". ") >= len(felder)
    rest = einleitung_bilanz
    for n, name in zip(felder["nr"], felder["name"]):
        assert f"{n}. {name}" in rest, liste
        rest = rest.replace(f"{n}. {name}", "■", 1)
    geprueft[einleitung_bilanz] = rest
    insgesamt = gelesen.absatz("Insgesamt enthält der Integrationsplan")
    rest = insgesamt.replace(f"{gesamt['empfehlungen']} Handlungsempfehlungen", "■")
    for s in STATUS:
        n = gesamt["status"][s]
        anteil = _t(fmt.anteil(gesamt["anteil"][s]))
        if not n:
            continue
        wer = "eine" if n == 1 else str(n)
        if s == "ohne Angabe":
            muster = f"{'eine Empfehlung' if n == 1 else f'{n} Empfehlungen'} ({anteil}) liegt keine Angabe"
        else:
            muster = f"{wer} ({anteil}) {s}"
        assert muster in rest, (muster, insgesamt)
        rest = rest.replace(muster, "■")
    geprueft[insgesamt] = rest

    for _, zeile in verteilung.iterrows():
        nr = int(zeile["nr"])
        text = gelesen.absatz(f"im Handlungsfeld {nr}. {zeile['name']}")
        eigene = anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == nr]
        seiten = bereinige(jetzt.handlungsfeld(nr)["seiten"])
        pruefe_feldabsatz(text, zeile, eigene, seiten)
        geprueft[text] = ""
        marken = sum(1 for q, b in zip(eigene["quelle"], eigene["bemerkung"]) if kennzeichnung(q, b))
        if marken:
            hinweise = [a for a in gelesen.absaetze if a.startswith("[Annahme: ") and f"der {len(eigene)} Empf" in a]
            assert any(f"{marken} der {len(eigene)} Empfehlungen" in h for h in hinweise), (nr, marken)
            for h in hinweise:
                geprueft[h] = re.sub(r"\d+ der \d+", "", h)

    # Change since the previous Stand, per field and overall
    if vorher is not None:
        vergleich = vergleiche(vorher.anlage, anlage)
        alt = _t(fmt.datum(vorher.anlage.stand))
        for _, z in vergleich.felder.iterrows():
            if z["art"] == "entfallen":
                continue
            if z["art"] == "neu":
                satz = gelesen.absatz(f"Das Handlungsfeld ist seit dem Stand vom {alt} neu hinzugekommen.")
                geprueft[satz] = ""
                continue
            erwartet = (
                "Seit dem Stand vom "
                + alt
                + " ist der Anteil umgesetzter Empfehlungen "
                + _t(_veraenderung(z["umgesetzt_alt"], z["umgesetzt_neu"], z["umgesetzt_diff_pp"]))
            )
            assert erwartet in gelesen.absaetze, erwartet
            geprueft[erwartet] = ""
        g = vergleich.gesamt["umgesetzt"]
        fortschritt = gelesen.absatz(f"Gegenüber dem Stand vom {alt}")
        kern = _t(_veraenderung(g["alt"], g["neu"], g["diff_pp"]))
        assert kern in fortschritt
        rest = fortschritt.replace(kern, "").replace(alt, "")
        wechsel = vergleich.uebergaenge_liste()
        wechsel = wechsel[wechsel["von"] != wechsel["nach"]]
        for v, n, a in zip(wechsel["von"], wechsel["nach"], wechsel["anzahl"]):
            assert f"{a} von „{v}“ zu „{n}“" in rest
            rest = rest.replace(f"{a} von „{v}“ zu „{n}“", "")
        neu = len(vergleich.neu_empfehlungen)
        if neu > 1:
            assert f"{neu} Empfehlungen sind neu hinzugekommen." in rest
            rest = rest.replace(f"{neu} Empfehlungen", "")
        geprueft[fortschritt] = rest
    else:
        assert not any("Seit dem Stand vom" in a or "Gegenüber dem Stand" in a for a in gelesen.absaetze)

    # Naturalisation: text and table
    vergleich_e = einbuergerung_vergleich(anlage)
    jahr = int(vergleich_e.loc[vergleich_e["quote_prozent"].notna(), "jahr"].max())
    teil = vergleich_e[vergleich_e["jahr"] == jahr]
    text = gelesen.absatz(f"Einbürgerungsquote {jahr}")
    quellen = [t for sp in ("quelle", "definition") if sp in anlage.einbuergerung for t in anlage.einbuergerung[sp]]
    rest = _ohne(text, quellen).replace(str(jahr), "")
    referenz = teil[teil["ist_referenz"]].iloc[0]
    mit = int(teil["quote_prozent"].notna().sum())
    muster = f"mit {_t(fmt.prozent(referenz['quote_prozent']))} auf Rang {int(referenz['rang'])} von {mit} Gebieten"
    assert muster in rest
    rest = rest.replace(muster, "")
    for g, q in zip(teil["gebiet"], teil["quote_prozent"]):
        if pd.notna(q) and g != referenz["gebiet"]:
            assert f"{g} {_t(fmt.prozent(q))}" in rest
            rest = rest.replace(f"{g} {_t(fmt.prozent(q))}", "")
    mittel = _t(fmt.prozent(float(teil["mittel_prozent"].dropna().iloc[0])))
    assert f"Das Mittel der Gebiete mit Angabe beträgt {mittel}." in rest
    geprueft[text] = _ohne(rest.replace(mittel, ""), werktexte)
    tabelle = next(t for t in gelesen.tabellen if t[0][0] == "Rang")
    assert tabelle[1:] == [
        ["–" if pd.isna(r) else f"{int(r)}.", g, _t(fmt.prozent(q)), _t(fmt.prozentpunkte(d))]
        for r, g, q, d in zip(teil["rang"], teil["gebiet"], teil["quote_prozent"], teil["diff_mittel_pp"])
    ]

    # 2. Weiteres Vorgehen: the milestones after the Stand (without the meeting itself)
    ms = anlage.meilensteine
    danach = ms[ms["datum"] > anlage.stand]
    punkte = [a for a in gelesen.absaetze if gelesen.stilnamen[a] == "List Bullet"]
    erwartet = [
        f"{_t(fmt.ungefaehres_datum(d, g))}: {bereinige(e)}"
        for d, g, e in zip(danach["datum"], danach["genauigkeit"], danach["ereignis"])
        if not (g == "tag" and _t(fmt.datum(d)) == sitzung)
    ]
    assert punkte == erwartet
    for p in punkte:
        geprueft[p] = ""
    vorgehen = gelesen.absatz("vorgesehen:" if erwartet else "keine weiteren Schritte")
    geprueft[vorgehen] = vorgehen.replace(stand, "")

    # 3. Finanzielle Auswirkungen: every measure, the sum, the sentence above the table
    for jahr_h in sorted(anlage.haushalt["jahr"].unique()):
        summen = haushalt_summen(anlage, int(jahr_h))
        satz = gelesen.absatz(f"Im Haushalt {jahr_h} ")
        assert f"{summen.positionen} Maßnahmen mit zusammen {_t(fmt.euro(summen.summe_eur))}" in satz
        geprueft[satz] = ""
        tabelle = next(t for t in gelesen.tabellen if t[0] == ["Maßnahme", "Betrag"] and t[-1][0] == f"Summe {jahr_h}")
        posten = [
            [_t(bereinige(m)), _t(fmt.euro(b))]
            for m, b in zip(summen.massnahmen["massnahme"], summen.massnahmen["betrag"])
        ]
        assert tabelle[1:-1] == posten
        assert tabelle[-1] == [f"Summe {jahr_h}", _t(fmt.euro(summen.summe_eur))]
        # the printed amounts add up to the printed sum
        assert sum(int(b.replace(".", "").replace(" €", "")) for _, b in tabelle[1:-1]) == int(
            tabelle[-1][1].replace(".", "").replace(" €", "")
        )

    # Anlage 1: every recommendation, in workbook order, marked as on screen
    e = anlage.empfehlungen
    tabelle = next(t for t in gelesen.tabellen if t[0][:2] == ["Handlungsfeld", "Nr"])
    assert tabelle[0] == ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung"]
    namen = anlage.feldnamen
    assert tabelle[1:] == [
        [
            f"{f} {namen[f]}",
            str(n),
            _t(bereinige(z)),
            _t(bereinige(t)),
            str(s) + (f" [{kennzeichnung(q, b)}]" if kennzeichnung(q, b) else ""),
            _t(bereinige(b)),
        ]
        for f, n, z, t, s, b, q in zip(
            e["handlungsfeld"], e["nr"], e["ziel"], e["empfehlung"], e["status"], e["bemerkung"], e["quelle"]
        )
    ]
    anlage_text = gelesen.absatz("Handlungsempfehlungen, Stand ")
    assert f"Auswertung aller {gesamt['empfehlungen']} Handlungsempfehlungen, Stand {stand}." == anlage_text
    geprueft[anlage_text] = ""

    # Every paragraph with a digit was checked above; what is left of it holds no number.
    for absatz in gelesen.absaetze:
        if gelesen.stilnamen[absatz].startswith(("Heading", "Caption")):
            continue  # the template's own text (1. Bilanz, Abbildung 2)
        if not _restzahlen(_ohne(absatz, werktexte)):
            continue
        assert absatz in geprueft, f"ungeprüfter Absatz mit Zahl: {absatz}"
        assert _restzahlen(_ohne(geprueft[absatz], werktexte)) == [], (absatz, geprueft[absatz])


def _veraenderung(alt: float, neu: float, diff: float) -> str:
    if round(abs(diff), 1) == 0:
        return f"mit {fmt.anteil(neu)} unverändert geblieben."
    return f"{punkte_text(diff)} (von {fmt.anteil(alt)} auf {fmt.anteil(neu)})."


@pytest.fixture(scope="module")
def standard() -> Auswertung:
    return _auswertung(STANDARD_PFAD)


@pytest.fixture(scope="module")
def herbst() -> Auswertung:
    return _auswertung(ueberarbeitete_standard_bytes())


@pytest.fixture(scope="module")
def standard_vorlage(standard):
    """The Sitzungsvorlage of the default workbook (read only by the tests)."""
    return sitzungsvorlage(standard)


@pytest.fixture(scope="module")
def standard_docx(standard_vorlage) -> bytes:
    """The Word document of the default workbook, built once (two charts rendered as PNG)."""
    return docx_bytes(standard_vorlage)


def test_standardmappe_jede_zahl_stimmt(standard, standard_docx):
    gelesen = Gelesen(standard_docx)
    pruefe_dokument(gelesen, standard, sitzung="6. März 2017")
    assert gelesen.ueberschriften == [
        "II. Bericht",
        "1. Bilanz (Auswertung der Tabellen)",
        "Einbürgerung im Vergleich der Region Stuttgart",
        "2. Weiteres Vorgehen (Ausblick)",
        "3. Finanzielle Auswirkungen",
        "Anlage 1: Auswertung der Handlungsempfehlungen",
    ]
    assert len(gelesen.bilder) == 2  # status per field, naturalisation ranking
    # the report's own figures, as the first report states them
    assert "Die 20 Handlungsempfehlungen im Handlungsfeld 3. Sprache wurden zu 35 % umgesetzt (7 Empfehlungen)" in (
        gelesen.absatz("Handlungsfeld 3. Sprache")
    )
    assert (
        "Weitere 45 % der Empfehlungen (9) befinden sich in Arbeit, wie z. B. „Konzept für einen Dolmetscherpool"
        in (gelesen.absatz("Handlungsfeld 3. Sprache"))
    )
    assert gelesen.tabellen[-2][-1] == ["Summe 2017", "355.400 €"]
    assert gelesen.absatz("Bei der Einbürgerungsquote 2016").startswith(
        "Bei der Einbürgerungsquote 2016 liegt der Landkreis Böblingen mit 1,54 % auf Rang 1 von 5 Gebieten mit Angabe."
    )


def test_neuntes_handlungsfeld_und_zwei_staende(standard, herbst):
    gelesen = _bericht(herbst, standard)
    pruefe_dokument(gelesen, herbst, standard, sitzung="27. November 2017")
    assert "in neun Handlungsfelder aufgeteilt" in gelesen.absatz("Der Integrationsplan ist in ")
    assert gelesen.absatz("Handlungsfeld 9. Flüchtlingsperspektive") == (
        "Von den 2 Handlungsempfehlungen im Handlungsfeld 9. Flüchtlingsperspektive wurde eine umgesetzt (50 %): "
        "„Perspektive 1 für Geflüchtete (Testdaten)“. Eine weitere Empfehlung (50 %) befindet sich in Arbeit: "
        "„Perspektive 2 für Geflüchtete (Testdaten)“."
    )
    assert (
        "Seit dem Stand vom 6. März 2017 ist der Anteil umgesetzter Empfehlungen um 5 Prozentpunkte gestiegen "
        "(von 30 % auf 35 %)." in gelesen.absaetze
    )
    assert gelesen.absatz("Gegenüber dem Stand vom") == (
        "Gegenüber dem Stand vom 6. März 2017 ist der Anteil umgesetzter Empfehlungen insgesamt um 0,7 Prozentpunkte "
        "gestiegen (von 32 % auf 33 %). Eine Empfehlung hat seitdem den Status gewechselt: 1 von „in Arbeit“ zu "
        "„umgesetzt“. 2 Empfehlungen sind neu hinzugekommen."
    )
    # the Sitzung (27.11.2017) is the next committee date after the Stand; nothing else follows
    assert gelesen.absatz("keine weiteren Schritte").startswith("Im Blatt „Meilensteine“ sind nach dem Stand vom 30.")


def test_neuntes_feld_ohne_vorigen_stand(herbst):
    pruefe_dokument(_bericht(herbst), herbst, sitzung="27. November 2017")


def test_kleine_mappe_und_eingegebenes_sitzungsdatum():
    import datetime as dt

    jetzt = _auswertung(mappe_bytes())
    gelesen = _bericht(jetzt, sitzungsdatum=dt.date(2017, 4, 3))
    pruefe_dokument(gelesen, jetzt, sitzung="3. April 2017")


def test_quelle_und_definition_der_einbuergerung_wie_auf_der_seite():
    kopf = ["Gebiet", "Jahr", "Quote in %", "Quelle", "Definition"]
    quelle = "Statistisches Landesamt, Tabelle 12511"
    zeilen = [
        ["Landkreis Böblingen", 2016, 1.54, quelle, "Einbürgerungen je 100 Ausländer"],
        ["Landkreis Esslingen", 2016, 1.36, quelle, "Einbürgerungen je 100 Ausländer"],
        ["Landkreis Göppingen", 2016, None, "", ""],
    ]
    jetzt = _auswertung(mappe_bytes(einbuergerung=zeilen, koepfe={"Einbürgerung": kopf}))
    gelesen = _bericht(jetzt)
    pruefe_dokument(gelesen, jetzt, sitzung="6. März 2017")
    text = gelesen.absatz("Bei der Einbürgerungsquote 2016")
    assert (
        "Quelle (Landkreis Böblingen und Landkreis Esslingen): Statistisches Landesamt, Tabelle 12511; "
        "Definition: Einbürgerungen je 100 Ausländer." in text
    )
    assert "Quelle (Landkreis Göppingen): in der Arbeitsmappe nicht angegeben." in text


def test_ohne_sitzungstermin_ist_das_datum_ein_markierter_platzhalter():
    jetzt = _auswertung(mappe_bytes(meilensteine=[["2018-05-01", "Arbeitstreffen"]]))
    gelesen = _bericht(jetzt)
    assert gelesen.tabellen[0][0] == ["Sozial- und Gesundheitsausschuss", "[Sitzungsdatum eintragen]"]
    assert "[Sitzungsdatum fehlt (kein Sitzungstermin in den Meilensteinen) – bitte eintragen.]" in gelesen.absaetze
    schritt = gelesen.absaetze.index("Als nächster Schritt ist nach dem Stand vom 6. März 2017 vorgesehen:")
    assert gelesen.absaetze[schritt + 1] == "1. Mai 2018: Arbeitstreffen"
    pruefe_dokument(gelesen, jetzt, sitzung="[Sitzungsdatum eintragen]")


def test_markierungen_sind_gelb_hervorgehoben(standard):
    gelesen = _bericht(standard, hinweis="Rekonstruktion der Anlage 1.")
    for anfang in ("[Einleitung:", "[Annahmen:", "[Annahme: 17 der 20", "[Rekonstruktion der Anlage 1.]"):
        absatz = next(p for t, p in gelesen.stile.items() if t.startswith(anfang))
        assert all(r.font.highlight_color is not None for r in absatz.runs if r.text.strip()), anfang


# --- sentences for 0, 1 and many --------------------------------------------------------------


def _zaehlung(**werte: int) -> dict[str, int]:
    return {s: werte.get(s.replace(" ", "_"), 0) for s in STATUS}


BENANNT = pd.DataFrame({"status": ["in Arbeit", "nicht umgesetzt", "umgesetzt"], "empfehlung": ["A", "B", "C"]})


@pytest.mark.parametrize(
    ("zaehlung", "gesamt", "erwartet"),
    [
        (_zaehlung(), 0, "Für das Handlungsfeld 3. X ist keine Handlungsempfehlung eingetragen."),
        (_zaehlung(umgesetzt=1), 1, "Die eine Handlungsempfehlung im Handlungsfeld 3. X wurde umgesetzt: „C“."),
        (
            _zaehlung(in_Arbeit=1),
            1,
            "Die eine Handlungsempfehlung im Handlungsfeld 3. X wurde bisher nicht umgesetzt. Sie befindet sich in Arbeit: „A“.",
        ),
        (
            _zaehlung(in_Arbeit=3, nicht_umgesetzt=1),
            4,
            "Von den 4 Handlungsempfehlungen im Handlungsfeld 3. X wurde bisher keine umgesetzt. Davon befinden sich "
            "75 % (3 Empfehlungen) in Arbeit, wie z. B. „A“. Eine weitere Empfehlung (25 %) wurde noch nicht umgesetzt: „B“.",
        ),
        (
            _zaehlung(umgesetzt=1, nicht_umgesetzt=4),
            5,
            "Von den 5 Handlungsempfehlungen im Handlungsfeld 3. X wurde eine umgesetzt (20 %): „C“. Weitere 80 % der "
            "Empfehlungen (4) wurden noch nicht umgesetzt, wie z. B. „B“.",
        ),
        (
            _zaehlung(umgesetzt=3),
            3,
            "Alle 3 Handlungsempfehlungen im Handlungsfeld 3. X wurden umgesetzt, wie z. B. „C“.",
        ),
        (
            _zaehlung(ohne_Angabe=2),
            2,
            "Von den 2 Handlungsempfehlungen im Handlungsfeld 3. X wurde bisher keine umgesetzt. Für alle 2 "
            "Empfehlungen liegt keine Angabe zum Stand der Umsetzung vor.",
        ),
    ],
)
def test_saetze_fuer_null_eins_viele(zaehlung, gesamt, erwartet):
    assert _t(feld_text(3, "X", zaehlung, gesamt, BENANNT)) == erwartet


def test_punkte_text():
    assert punkte_text(10.0) == "um 10 Prozentpunkte gestiegen"
    assert punkte_text(-0.74) == "um 0,7 Prozentpunkte gesunken"
    assert punkte_text(1.0) == "um 1 Prozentpunkt gestiegen"
    assert punkte_text(0.02) == "unverändert geblieben"


# --- charts --------------------------------------------------------------------------------------


def test_diagramme_sind_png_mit_deutschen_zahlen(standard_vorlage):
    vorlage = standard_vorlage
    for diagramm in (vorlage.diagramm_status, vorlage.diagramm_einbuergerung):
        assert png_bytes(diagramm)[:8] == b"\x89PNG\r\n\x1a\n"
    assert _t(wert_text(1.54, vorlage.diagramm_einbuergerung.zahlenformat)) == "1,54 %"
    assert _t(wert_text(None, vorlage.diagramm_einbuergerung.zahlenformat)) == "keine Angabe"
    assert _t(wert_text(60000, '#,##0" €"')) == "60.000 €"


# --- the template ------------------------------------------------------------------------------


def test_vorlage_ist_reproduzierbar_und_aktuell(tmp_path):
    sys.path.insert(0, str(WURZEL / "daten"))
    try:
        import erzeuge_vorlage_sitzung
    finally:
        sys.path.remove(str(WURZEL / "daten"))
    assert erzeuge_vorlage_sitzung.erzeuge() == export_docx.STANDARD_VORLAGE.read_bytes()
    assert pruefe_vorlage() == set(export_docx.PLATZHALTER) - {"sitzungsdatum_herkunft", "vorher_stand"}


def _vorlage_mit(text_alt: str, text_neu: str, teil: str = "word/document.xml") -> bytes:
    """The default template with one text replaced in one XML part."""
    quelle = zipfile.ZipFile(io.BytesIO(export_docx.STANDARD_VORLAGE.read_bytes()))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in quelle.infolist():
            daten = quelle.read(info.filename)
            if info.filename == teil:
                assert text_alt.encode() in daten
                daten = daten.replace(text_alt.encode(), text_neu.encode(), 1)
            neu.writestr(info, daten)
    return ziel.getvalue()


@pytest.mark.parametrize(
    ("vorlage", "meldung"),
    [
        (b"kein Word", "kein Word-Dokument (.docx)"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "alten Word-Format (.doc)"),
        (b"PK\x03\x04kaputt", "beschädigt"),
        (None, "aber kein Word-Dokument"),  # an xlsx
        (("{{ einleitung }}", "{{ einleitungx }}"), "unbekannte Platzhalter: „{{ einleitungx }}“"),
        (("{{ gesamt }}", "{{ gesamt }"), "nicht richtig geschlossen"),
        (("{%p endif %}", "{%p endiff %}"), "Fehler in den Platzhaltern"),
        (("{%tr for e in anlage1 %}", "{%tr for e in felder %}"), "fehlen Platzhalter"),
        (("{{ f.text }}", "{{ f.textt }}"), "einen Platzhalter, den es nicht gibt"),
    ],
)
def test_fehlerhafte_vorlage_gibt_deutsche_meldung(standard_vorlage, vorlage, meldung):
    if vorlage is None:
        vorlage = standard_bytes()
    elif isinstance(vorlage, tuple):
        vorlage = _vorlage_mit(*vorlage)
    with pytest.raises(VorlagenFehler) as fehler:
        docx_bytes(standard_vorlage, vorlage_datei=vorlage)
    assert meldung in str(fehler.value)


def test_eigene_vorlage_mit_eigenem_briefkopf(standard_vorlage):
    vorlage = _vorlage_mit(
        "Landkreis Böblingen · Amt für Migration und Flüchtlinge", "Eigener Briefkopf", "word/header1.xml"
    )
    daten = docx_bytes(standard_vorlage, vorlage_datei=vorlage)
    doc = Document(io.BytesIO(daten))
    assert doc.sections[0].header.paragraphs[0].text == "Eigener Briefkopf"


def test_werktext_mit_sonderzeichen_bleibt_text():
    text = "A & B <w:p/> {{ titel }} Ende"
    jetzt = _auswertung(
        mappe_bytes(empfehlungen=[empfehlung(1, 1, "umgesetzt", text), empfehlung(2, 1), empfehlung(3, 1)])
    )
    gelesen = _bericht(jetzt)
    assert "„A & B <w:p/> {{ titel }} Ende“" in gelesen.absatz("Handlungsfeld 1.")
    assert gelesen.tabellen[-1][1][3] == "A & B <w:p/> {{ titel }} Ende"


# --- command line and PDF ---------------------------------------------------------------------


def libreoffice_pdf(docx: Path) -> Path:
    """Convert with LibreOffice headless; the PDF lands next to the .docx."""
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return docx.with_suffix(".pdf")


def test_kommandozeile_bericht(tmp_path, standard, herbst):
    alt, neu = tmp_path / "alt.xlsx", tmp_path / "neu.xlsx"
    alt.write_bytes(standard_bytes())
    neu.write_bytes(ueberarbeitete_standard_bytes())
    ziel = tmp_path / "vorlage.docx"
    ergebnis = rufe("bericht", str(neu), "--vorher", str(alt), "-o", str(ziel))
    assert (ergebnis.returncode, ergebnis.stderr) == (0, "")
    assert ergebnis.stdout == f"Sitzungsvorlage geschrieben: {ziel} (Stand 30. September 2017)\n"
    pruefe_dokument(Gelesen(ziel.read_bytes()), herbst, standard, sitzung="27. November 2017")


@pytest.mark.parametrize(
    ("argumente", "code", "meldung"),
    [
        (["--sitzungsdatum", "31.02.2017"], 2, "„31.02.2017“ ist kein Datum"),
        (["--vorlage", "daten/anlage1.xlsx"], 1, "kein Word-Dokument"),
        (["--vorlage", "gibt/es/nicht.docx"], 1, "gibt es nicht"),
        (["--vorher", "gibt/es/nicht.xlsx"], 1, "gibt es nicht"),
    ],
)
def test_kommandozeile_fehler_auf_deutsch(tmp_path, argumente, code, meldung):
    ergebnis = rufe("bericht", "daten/anlage1.xlsx", "-o", str(tmp_path / "x.docx"), *argumente)
    assert ergebnis.returncode == code
    assert meldung in ergebnis.stderr
    assert "Traceback" not in ergebnis.stderr
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice fehlt")
def test_libreoffice_macht_ein_pdf(tmp_path, standard, herbst):
    (tmp_path / "vorlage.docx").write_bytes(docx_bytes(sitzungsvorlage(herbst, vorher=standard)))
    pdf = libreoffice_pdf(tmp_path / "vorlage.docx").read_bytes()
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "vorlage.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Anlage 1: Auswertung der Handlungsempfehlungen" in text
        assert "355.400 €" in text
        assert "Flüchtlingsperspektive" in text


@pytest.mark.parametrize(
    ("alt", "neu"),
    [
        ("zu 35\u00a0% umgesetzt (7 Empfehlungen)", "zu 36\u00a0% umgesetzt (7 Empfehlungen)"),
        ("(9) befinden sich in Arbeit", "(8) befinden sich in Arbeit"),
        (">355.400\u00a0€</w:t>", ">355.500\u00a0€</w:t>"),
        ("146 von 181", "145 von 181"),
        ("mit 1,54\u00a0% auf Rang 1", "mit 1,54\u00a0% auf Rang 2"),
        ("Mittel der Gebiete mit Angabe beträgt 1,34", "Mittel der Gebiete mit Angabe beträgt 1,35"),
    ],
)
def test_pruefung_findet_eine_falsche_zahl(standard, standard_docx, alt, neu):
    """The check itself can fail: one number changed in the document is caught (the unchanged
    document passes it: test_standardmappe_jede_zahl_stimmt)."""
    quelle = zipfile.ZipFile(io.BytesIO(standard_docx))
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w") as neu_zip:
        for info in quelle.infolist():
            teil = quelle.read(info.filename)
            if info.filename == "word/document.xml":
                assert alt.encode() in teil, alt
                teil = teil.replace(alt.encode(), neu.encode(), 1)
            neu_zip.writestr(info, teil)
    with pytest.raises(AssertionError):
        pruefe_dokument(Gelesen(ziel.getvalue()), standard, sitzung="6. März 2017")


@pytest.mark.parametrize("seite", ["seiten/daten.py", "seiten/praesentation.py"])
def test_kaputte_vorlage_zeigt_auf_der_seite_eine_meldung_statt_des_knopfs(tmp_path, monkeypatch, seite):
    import oberflaeche.sitzungsvorlage as knopf
    from tests.seiten_hilfen import starte, texte

    kaputt = tmp_path / "vorlage_sitzung.docx"
    kaputt.write_bytes(b"kein Word")
    monkeypatch.setattr(knopf, "STANDARD_VORLAGE", kaputt)
    at = starte(seite)
    knoepfe = [e.proto.id.rsplit("-", 1)[-1] for e in at.get("download_button")]
    assert "sitzungsvorlage_export" not in knoepfe
    assert len(at.error) == 1
    assert (
        "Sitzungsvorlage (Word) nicht verfügbar: Die Word-Vorlage ist kein Word-Dokument (.docx). Bitte eine mit "
        "Word gespeicherte .docx-Datei verwenden." in texte(at)
    )

"""A generated Sitzungsvorlage opened again and checked against ipdaten: every number in every
paragraph, heading and table is recomputed from the figures of `ipdaten` (kennzahlen,
vergleich, fortschreibung, verlauf), never from the sentence code; what is left of a paragraph
after the checks must hold no digit. Used by tests/test_sitzungsvorlage*.py."""

from __future__ import annotations

import re

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.folien import benannte_empfehlungen
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.kennzahlen import (
    anteile_je_feld,
    status_gesamt,
    status_verteilung,
)
from ipdaten.zahlen.vergleich import vergleiche
from tests.sitzungsvorlage_abschnitte import (
    pruefe_anlage1,
    pruefe_einbuergerung,
    pruefe_entwicklung,
    pruefe_finanzen,
    pruefe_fluechtlinge,
    pruefe_nachhalten,
    pruefe_vorgehen_und_perspektive,
)
from tests.sitzungsvorlage_lesen import (
    BEWERTUNG,
    FUENF,
    WERKSTATT_WORT,
    ZAHL,
    Gelesen,
    ohne,
    restzahlen,
    t,
    veraenderung_text,
)

__all__ = ["BEWERTUNG", "WERKSTATT_WORT", "Gelesen", "pruefe_dokument", "pruefe_feldabsatz", "t"]


# --- one field's paragraph -------------------------------------------------------------------


def _status_der_klausel(klausel: str) -> str | None:
    klausel = klausel.lower()
    if "bisher" in klausel:  # "wurde bisher keine umgesetzt", "Umgesetzt wurde bisher keine."
        return "umgesetzt"
    if "umgesetzt bzw im umsetzungsprozess" in klausel or "umgesetzt oder in arbeit" in klausel:
        return "kombiniert"
    for wort, status in (
        ("keine angabe", "ohne Angabe"),
        ("nicht umgesetzt", "nicht umgesetzt"),
        ("in abstimmung", "in Abstimmung"),
        ("in arbeit", "in Arbeit"),
        ("umgesetzt", "umgesetzt"),
    ):
        if wort in klausel:
            return status
    return None


def pruefe_feldabsatz(text: str, zeile: pd.Series, kombiniert: pd.Series, eigene: pd.DataFrame, seiten: str) -> None:
    """Every number of a field paragraph, clause by clause: a share is the share kennzahlen
    computed for the clause's status (or umgesetzt + in Arbeit), a count its count, the total
    the field's; a clause with „eine“ has one, „beide“/„alle“ all of them; every quoted example
    is a named recommendation of this field with the clause's status; every status that occurs
    is named."""
    nr, gesamt = int(zeile["nr"]), int(zeile["empfehlungen"])
    if gesamt == 0:
        assert text == f"Für das Handlungsfeld {nr}. {zeile['name']} ist keine Handlungsempfehlung eingetragen."
        return
    kopf = f"andlungsfeld {nr}. {zeile['name']}" + (f" (Integrationsplan Seiten {seiten})" if seiten else "")
    assert kopf in text, (kopf, text)
    rest = text.replace(kopf, "andlungsfeld ■")
    benannt = benannte_empfehlungen(eigene)
    beispiele: dict[int, str] = {}
    for wortlaut, s in sorted(zip(benannt["empfehlung"], benannt["status"]), key=lambda p: -len(p[0])):
        zitat = f"„{t(bereinige(wortlaut))}“"
        if zitat in rest:
            beispiele[len(beispiele)] = str(s)
            rest = rest.replace(zitat, f"„B{len(beispiele) - 1}“")
    platzhalter = set(eigene["empfehlung"]) - set(benannt["empfehlung"])
    assert not any(t(p) in text for p in platzhalter), "ein Platzhalter als Beispiel"
    anzahl = {s: int(zeile[s]) for s in STATUS_REIHENFOLGE}
    anzahl["kombiniert"] = int(kombiniert["umgesetzt_oder_in_arbeit_anzahl"])
    anteil = {s: t(fmt.anteil(zeile[f"anteil_{s}"])) for s in STATUS_REIHENFOLGE}
    anteil["kombiniert"] = t(fmt.anteil(kombiniert["umgesetzt_oder_in_arbeit"]))
    genannt = set()
    for klausel in re.split(r"(?<=[.;]) ", rest.replace("z. B.", "zB").replace("bzw.", "bzw")):
        status = _status_der_klausel(klausel)
        assert status is not None, (klausel, text)
        genannt |= {"umgesetzt", "in Arbeit"} if status == "kombiniert" else {status}
        for marke in re.findall(r"„B(\d+)“", klausel):
            assert beispiele[int(marke)] == status, (klausel, beispiele)
        klausel = re.sub(r"„B\d+“", "", klausel)
        zahlen = ZAHL.findall(klausel)
        anteile = re.findall(r"(\d+) %", klausel)
        for a in anteile:
            assert f"{a} %" == anteil[status], (klausel, status, anteil[status])
        for z in [z for z in zahlen if z not in anteile or zahlen.count(z) > anteile.count(z)]:
            assert z in {str(anzahl[status]), str(gesamt)}, (klausel, z)
            if z == str(gesamt) and z != str(anzahl[status]):
                assert "Handlungsempfehlungen" in klausel, klausel
        if "bisher" in klausel:
            assert anzahl["umgesetzt"] == 0, klausel
        elif (
            re.search(r"\b([Ee]ine|Sie|andere[n]?)\b", klausel) and not re.search(r"\bder \d+\b", klausel)
        ) or re.search(r"\b([Ee]ine) der \d+", klausel):
            assert anzahl[status] == 1, klausel
        if re.search(r"\b([Bb]eide|[Aa]lle)\b", klausel):
            assert anzahl[status] == gesamt, klausel
        if "beiden" in klausel:
            assert gesamt == 2, klausel
    vorhanden = {s for s in STATUS_REIHENFOLGE if anzahl[s]}
    if not anzahl["umgesetzt"] and (gesamt == 1 or (gesamt >= 3 and len(vorhanden) > 1)):
        vorhanden.add("umgesetzt")  # said: „bisher keine umgesetzt“ (for one or two it is implied)
    assert genannt == vorhanden, (text, genannt, vorhanden)


# --- the whole document ----------------------------------------------------------------------


def _werktexte(anlage) -> list:
    e = anlage.empfehlungen
    return (
        list(e["empfehlung"])
        + list(e["ziel"])
        + list(e["bemerkung"])
        + [z for z in (e["zustaendig"] if "zustaendig" in e.columns else []) if isinstance(z, str)]
        + list(anlage.handlungsfelder["name"])
        + list(anlage.handlungsfelder["leitsatz"])
        + list(anlage.handlungsfelder["bericht"])
        + list(anlage.haushalt["massnahme"])
        + list(anlage.einbuergerung["gebiet"])
        + list(anlage.meilensteine["ereignis"])
        + [anlage.titel]
        + [t for sp in ("quelle", "definition") if sp in anlage.einbuergerung for t in anlage.einbuergerung[sp]]
    )


def pruefe_dokument(
    gelesen: Gelesen,
    jetzt: Auswertung,
    vorher: Auswertung | None = None,
    sitzung: str = "",
    verlauf: VerlaufAuswertung | None = None,
    gremium: str = "Sozial- und Gesundheitsausschuss",
    rueckmeldung=None,
) -> None:
    """Every paragraph, heading and table of the document against ipdaten (and the state of
    the Rückmelderunde passed in, `rueckmeldung`)."""
    anlage = jetzt.anlage
    verteilung = status_verteilung(anlage)
    kombiniert = anteile_je_feld(verteilung).set_index("nr")
    gesamt = status_gesamt(anlage)
    stand = t(fmt.datum(anlage.stand))
    werktexte = _werktexte(anlage)
    geprueft: dict[str, str] = {}  # paragraph → what is left after the checks (no digits allowed)

    # I. Vorlage: Gremium, Sitzungsdatum, Beratung, Öffentlichkeit; title, hints
    kopf = gelesen.tabellen[0]
    assert kopf[0] == [gremium, sitzung] and len(kopf) == 2, kopf
    titel = gelesen.absatz(f"(Stand {stand})")
    geprueft[titel] = ohne(titel, [anlage.titel]).replace(stand, "")
    assert stand in gelesen.fuss
    annahmen = jetzt.annahmen.empfehlungen
    if annahmen:
        hinweis = gelesen.absatz("[Annahmen: ")
        assert f"{annahmen} von {gesamt['empfehlungen']} Empfehlungen" in hinweis
        geprueft[hinweis] = hinweis.replace(f"{annahmen} von {gesamt['empfehlungen']}", "")
    for absatz in gelesen.absaetze:
        if absatz.startswith("[Rekonstruktion"):
            geprueft[absatz] = absatz.replace("6. März 2017", "")

    # Headings: the five sections in heading styles, one Heading 3 per field
    fuenf = [u for u in gelesen.ueberschriften if gelesen.stilnamen[u] == "Heading 2"]
    assert [u[: len(f)] for u, f in zip(fuenf, FUENF)] == list(FUENF) and len(fuenf) == 5, fuenf
    felder = [u for u in gelesen.ueberschriften if u.startswith("Handlungsfeld ")]
    assert felder == [f"Handlungsfeld {int(n)} – {name}" for n, name in zip(verteilung["nr"], verteilung["name"])]
    assert all(gelesen.stilnamen[u] == "Heading 3" for u in felder)
    # Headings with a figure: the five and the fields above, „Entwicklung seit …“ and
    # „4. Perspektive (Ergebnisse bis zum …)“ below, each compared whole.
    for u in gelesen.ueberschriften:
        geprueft[u] = ""
    for nummer, bild in enumerate([a for a in gelesen.absaetze if a.startswith("Abbildung ")], start=1):
        assert gelesen.stilnamen[bild] == "Caption" and bild.startswith(f"Abbildung {nummer}: "), bild
        geprueft[bild] = bild.replace(f"Abbildung {nummer}", "")
    assert len(gelesen.bilder) == len([a for a in gelesen.absaetze if a.startswith("Abbildung ")])

    # 1. Bilanz: the fields named, the totals, per field figures, assessment and change
    einleitung = gelesen.absatz("Der Integrationsplan ist in ")
    rest = einleitung
    for n, name in zip(anlage.handlungsfelder["nr"], anlage.handlungsfelder["name"]):
        assert f"{n}. {name}" in rest
        rest = rest.replace(f"{n}. {name}", "■", 1)
    geprueft[einleitung] = rest
    insgesamt = gelesen.absatz("Insgesamt enthält der Integrationsplan")
    rest = insgesamt.replace(f"{gesamt['empfehlungen']} Handlungsempfehlungen", "■")
    for s in STATUS_REIHENFOLGE:
        n = gesamt["status"][s]
        if not n:
            continue
        a = t(fmt.anteil(gesamt["anteil"][s]))
        muster = (
            f"{'eine Empfehlung' if n == 1 else f'{n} Empfehlungen'} ({a}) liegt keine Angabe"
            if s == "ohne Angabe"
            else f"{'eine' if n == 1 else n} ({a}) {s}"
        )
        assert muster in rest, (muster, insgesamt)
        rest = rest.replace(muster, "■")
    if gesamt["status"]["umgesetzt"] and gesamt["status"]["in Arbeit"]:
        k = gesamt["fortschritt"]["umgesetzt_oder_in_arbeit"]
        muster = f"{t(fmt.anteil(gesamt['fortschritt_anteil']['umgesetzt_oder_in_arbeit']))} der Empfehlungen ({k})"
        assert muster in rest
        rest = rest.replace(muster, "■")
    geprueft[insgesamt] = rest

    vergleich = vergleiche(vorher.anlage, anlage) if vorher is not None else None
    alt = t(fmt.datum(vorher.anlage.stand)) if vorher is not None else ""
    for _, zeile in verteilung.iterrows():
        nr = int(zeile["nr"])
        ueberschrift = f"Handlungsfeld {nr} – {zeile['name']}"
        absaetze = gelesen.nach(ueberschrift, 4)
        eigene = anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == nr]
        seiten = bereinige(jetzt.handlungsfeld(nr)["seiten"])
        pruefe_feldabsatz(absaetze[0], zeile, kombiniert.loc[nr], eigene, seiten)
        geprueft[absaetze[0]] = ""
        # exactly one assessment placeholder per field, marked, with the report passage taken over
        bis_naechste = []
        for a in absaetze[1:]:
            if gelesen.stilnamen[a].startswith("Heading"):
                break
            bis_naechste.append(a)
        bewertungen = [a for a in bis_naechste if a.startswith(BEWERTUNG)]
        assert len(bewertungen) == 1 and gelesen.markiert[bewertungen[0]], (nr, bis_naechste)
        assert gelesen.stilnamen[bewertungen[0]] == "Bewertung"
        bericht = t(bereinige(jetzt.handlungsfeld(nr)["bericht"]))
        if bericht:
            assert (
                bewertungen[0]
                == f"[Qualitative Bewertung – aus dem bisherigen Bericht übernommen, bitte prüfen und fortschreiben:] {bericht}"
            )
        else:
            assert bewertungen[0].startswith("[Qualitative Bewertung: hier die Einschätzung"), bewertungen
        geprueft[bewertungen[0]] = ohne(bewertungen[0], [bericht])
        marken = sum(1 for q, b in zip(eigene["quelle"], eigene["bemerkung"]) if kennzeichnung(q, b))
        hinweise = [a for a in bis_naechste if a.startswith("[Annahme: ")]
        if marken:
            assert len(hinweise) == 1
            erwartet = (
                "Die eine Empfehlung"
                if len(eigene) == 1
                else ("Beide Empfehlungen" if len(eigene) == 2 else f"Alle {len(eigene)} Empfehlungen")
                if marken == len(eigene)
                else ("Eine der" if marken == 1 else f"{marken} der") + f" {len(eigene)} Empfehlungen"
            )
            assert hinweise[0].startswith(f"[Annahme: {erwartet}"), (hinweise, erwartet)
            geprueft[hinweise[0]] = ZAHL.sub("", hinweise[0])
        else:
            assert not hinweise
        fortschritt = [a for a in bis_naechste if a.startswith(("Seit dem Stand vom", "Das Handlungsfeld ist"))]
        if vergleich is None:
            assert not fortschritt
            continue
        z = vergleich.felder.set_index("nr").loc[nr]
        if z["art"] == "neu":
            assert fortschritt == [f"Das Handlungsfeld ist seit dem Stand vom {alt} neu hinzugekommen."]
        else:
            assert fortschritt == [
                f"Seit dem Stand vom {alt} ist der Anteil umgesetzter Empfehlungen " + veraenderung_text(z)
            ]
        geprueft[fortschritt[0]] = ""

    pruefe_entwicklung(gelesen, jetzt, vorher, vergleich, verlauf, geprueft)
    pruefe_nachhalten(gelesen, jetzt, verlauf, geprueft)
    pruefe_einbuergerung(gelesen, anlage, werktexte, geprueft)
    pruefe_vorgehen_und_perspektive(gelesen, jetzt, sitzung, gremium, geprueft)
    pruefe_fluechtlinge(gelesen, jetzt, geprueft)
    pruefe_finanzen(gelesen, jetzt, geprueft)
    pruefe_anlage1(gelesen, jetzt, geprueft)
    runde = [a for a in gelesen.absaetze if a.startswith("Zur Rückmelderunde")]
    assert len(runde) == (rueckmeldung is not None)
    if rueckmeldung is not None:
        assert f": {rueckmeldung.geantwortet} von {rueckmeldung.stellen} " in runde[0]
        rest = runde[0].replace(f"{rueckmeldung.geantwortet} von {rueckmeldung.stellen}", "")
        if rueckmeldung.empfehlungen:
            g, e = rueckmeldung.gemeldet, rueckmeldung.empfehlungen
            muster = f"{g} der {e} abgefragten Empfehlungen ({t(fmt.anteil(g / e))})"
            assert muster in rest, (muster, rest)
            rest = rest.replace(muster, "")
        for datum in (rueckmeldung.frist, rueckmeldung.zuletzt):
            if datum is not None:
                assert t(fmt.datum(datum)) in rest
                rest = rest.replace(t(fmt.datum(datum)), "")
        geprueft[runde[0]] = ohne(rest, [rueckmeldung.titel])

    # Every paragraph with a digit was checked above; what is left of it holds no number.
    for absatz in gelesen.absaetze:
        if not restzahlen(ohne(absatz, werktexte)):
            continue
        assert absatz in geprueft, f"ungeprüfter Absatz mit Zahl: {absatz}"
        assert restzahlen(ohne(geprueft[absatz], werktexte)) == [], (absatz, geprueft[absatz])

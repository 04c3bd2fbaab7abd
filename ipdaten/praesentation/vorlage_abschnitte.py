"""Sections of the Sitzungsvorlage that stand on their own figures: naturalisation in the
region, "3. Flüchtlingsperspektive", "5. Finanzielle Auswirkungen" and Anlage 1.

Figures come from the Auswertung (kennzahlen, fortschreibung) exactly as the pages show them;
nothing is recomputed here. The committee paper names sources as a reader knows them („laut
amtlicher Statistik (Tabelle 12511-…)“, „laut Haushaltsplan“) and a missing value as
„keine Angabe“, never the workbook's sheets or columns; a source that is an assumption of the
data goes into a marked note.
"""

from __future__ import annotations

import re

import pandas as pd

from ipdaten import format as fmt
from ipdaten.amtlich.quellenangabe import quellen_des_jahres
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige, falte
from ipdaten.darstellung.ansicht_fortschreibung import termin_text
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.folien_umsetzung import gefluechtetenfolie
from ipdaten.praesentation.satzbausteine import artikel, aufzaehlung, fuer_gebiet, gross
from ipdaten.praesentation.vorlage_daten import Fluechtlingsperspektive, Haushaltsjahr, Markierung, Zeile
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.kennzahlen import im_jahr, referenz_gebiet

FLUECHTLINGE_PLATZHALTER = (
    "Flüchtlingsperspektive: hier die spezifischen Bedarfe Geflüchteter und ihre Bearbeitung im "
    "Integrationsplan beschreiben (z. B. Traumatisierung, Schutz vor Gewalt, Wohnraum). Die Zahlen "
    "darunter sind aus den Daten erzeugt."
)
FINANZEN_PLATZHALTER = "Finanzielle Auswirkungen: hier die im Haushalt vorgesehenen Mittel eintragen."
# A table number of the official statistics (GENESIS / Regionaldatenbank), e.g. 12511-01-01-4,
# counted from the first word "Tabelle" on.
_TABELLE = re.compile(r"\b\d{5}(?:-[0-9A-Za-z]+)*")
_AMTLICH = ("amtliche statistik", "regionaldatenbank", "statistisches landesamt", "statistisches bundesamt", "genesis")


def quelle_amtlich(quelle: str) -> str:
    """A source of the official statistics as the report names it: 'laut amtlicher Statistik
    (Tabelle 12511-01-01-4)'; '' for any other source."""
    ab = quelle.find("Tabelle")
    tabellen = list(dict.fromkeys(_TABELLE.findall(quelle[ab:]))) if ab >= 0 else []
    if not tabellen and not any(w in falte(quelle) for w in _AMTLICH):
        return ""
    if not tabellen:
        return "laut amtlicher Statistik"
    wort = "Tabelle" if len(tabellen) == 1 else "Tabellen"
    return f"laut amtlicher Statistik ({wort} {aufzaehlung(tabellen)})"


def _quellen(auswertung: Auswertung, jahr: int, gebiete_mit: list[str]) -> tuple[str, list[str], list[Markierung]]:
    """(prefix for the first sentence when one official source covers every area, further
    sentences, assumption notes) for the sources of the areas with a value in `jahr`."""
    angaben = [
        a for a in quellen_des_jahres(auswertung.anlage.einbuergerung, jahr) if any(g in gebiete_mit for g in a.gebiete)
    ]
    vorn, saetze, hinweise = "", [], []
    for angabe in angaben:
        gebiete = [g for g in angabe.gebiete if g in gebiete_mit]
        alle = len(gebiete) == len(gebiete_mit) and len(gebiete) > 1
        fuer = "" if alle else "für " + aufzaehlung([fuer_gebiet(g).removeprefix("für ") for g in gebiete])
        quote, verb = ("Die Quote", "beruht") if len(gebiete) == 1 else ("Die Quoten", "beruhen")
        quote += f" {fuer}" if fuer else ""
        quelle = bereinige(angabe.quelle)
        amtlich = quelle_amtlich(quelle)
        if kennzeichnung(quelle):
            hinweise.append(Markierung(f"Annahme: {quote} {verb} auf einer Annahme der Daten ({quelle})."))
        elif amtlich and len(angaben) == 1:
            vorn = gross(amtlich)
        elif amtlich:
            saetze.append(f"{quote} {'stammt' if len(gebiete) == 1 else 'stammen'} {amtlich}.")
        elif quelle:
            saetze.append(f"Quelle{' ' + fuer if fuer else ''}: {quelle}.")
        if bereinige(angabe.definition):
            saetze.append(f"Definition: {bereinige(angabe.definition)}.")
    return vorn, saetze, hinweise


def einbuergerung(auswertung: Auswertung) -> tuple[str, tuple[Zeile, ...], tuple[Markierung, ...]]:
    """The naturalisation paragraph of the latest year with a rate, its table (Rang, Gebiet,
    Quote, Abstand zum Mittel) and the notes on assumed sources."""
    jahre = auswertung.einbuergerung_jahre_mit_quote
    if not jahre:
        return f"Zur Einbürgerung liegen keine Quoten vor ({fmt.KEINE_ANGABE}).", (), ()
    jahr = jahre[-1]
    teil = auswertung.einbuergerung_im_jahr(jahr)
    mit = teil[teil["quote_prozent"].notna()]
    ohne = teil[teil["quote_prozent"].isna()]
    vorn, quellsaetze, hinweise = _quellen(auswertung, jahr, list(mit["gebiet"]))
    if referenz_gebiet(auswertung.anlage) is None:
        # Böblingen must be found, or its sentence is refused (never another area in its place).
        hinweise.append(
            Markierung(
                "Einbürgerung: Der Landkreis Böblingen ist in den Einbürgerungsdaten nicht enthalten; der Satz zu "
                "seinem Rang entfällt, genannt werden nur die Quoten der Gebiete."
            )
        )
    referenz = mit[mit["ist_referenz"]]
    saetze = []
    if len(referenz):
        r = referenz.iloc[0]
        kern = (
            f"{artikel(str(r['gebiet']))} mit {fmt.prozent(r['quote_prozent'])} auf Rang {int(r['rang'])} "
            f"von {fmt.zahl(len(mit))} Gebieten mit Angabe."
        )
        saetze.append(
            f"{vorn} liegt bei der Einbürgerungsquote {jahr} {kern}"
            if vorn
            else f"Bei der Einbürgerungsquote {jahr} liegt {kern}"
        )
        andere = mit[~mit["ist_referenz"]]
        if len(andere):
            saetze.append(
                "Zum Vergleich: "
                + aufzaehlung([f"{g} {fmt.prozent(q)}" for g, q in zip(andere["gebiet"], andere["quote_prozent"])])
                + "."
            )
    else:
        saetze.append(
            (f"{vorn} betragen die Einbürgerungsquoten {jahr}: " if vorn else f"Einbürgerungsquoten {jahr}: ")
            + aufzaehlung([f"{g} {fmt.prozent(q)}" for g, q in zip(mit["gebiet"], mit["quote_prozent"])])
            + "."
        )
    mittel = mit["mittel_prozent"].dropna()
    if len(mittel):
        saetze.append(f"Das Mittel der Gebiete mit Angabe beträgt {fmt.prozent(float(mittel.iloc[0]))}.")
    if len(ohne):
        saetze.append(
            gross(aufzaehlung([fuer_gebiet(str(g)) for g in ohne["gebiet"]])) + f" liegt {fmt.KEINE_ANGABE} vor."
        )
    saetze.extend(quellsaetze)
    zeilen = tuple(
        Zeile(
            (
                "–" if pd.isna(rang) else f"{int(rang)}.",
                str(gebiet),
                fmt.prozent(quote),
                fmt.prozentpunkte(abstand) if pd.notna(quote) else fmt.KEINE_ANGABE,
            )
        )
        for rang, gebiet, quote, abstand in zip(
            teil["rang"], teil["gebiet"], teil["quote_prozent"], teil["diff_mittel_pp"]
        )
    )
    return " ".join(saetze), zeilen, tuple(hinweise)


def fluechtlingsperspektive(auswertung: Auswertung) -> Fluechtlingsperspektive:
    """Section 3: the recommendations with Bezug Geflüchtete as the page Geflüchtete counts
    them (fortschreibung.gefluechtete), their distribution per field and the slide's chart."""
    platzhalter = Markierung(FLUECHTLINGE_PLATZHALTER)
    anlage = auswertung.anlage
    if not fs.hat_bezug(anlage):
        return Fluechtlingsperspektive(
            platzhalter,
            "Bisher ist keine Handlungsempfehlung ausdrücklich als für Geflüchtete bedeutsam gekennzeichnet; "
            "eine gesonderte Auswertung liegt daher nicht vor.",
            (),
            STATUS_REIHENFOLGE,
            None,
        )
    g = auswertung.gefluechtete()
    gesamt = g.gesamt
    n = gesamt["empfehlungen"]
    anteil = fmt.anteil(n / g.alle) if g.alle else "–"
    kopf = (
        f"Eine der {fmt.zahl(g.alle)} Handlungsempfehlungen ({anteil}) hat einen ausdrücklichen Bezug zu Geflüchteten."
        if n == 1
        else f"{fmt.zahl(n)} der {fmt.zahl(g.alle)} Handlungsempfehlungen ({anteil}) haben einen ausdrücklichen "
        "Bezug zu Geflüchteten."
    )
    teile = [
        f"{'eine' if gesamt['status'][s] == 1 else fmt.zahl(gesamt['status'][s])} ({fmt.anteil(gesamt['anteil'][s])}) "
        + ("ohne Angabe zum Stand" if s == "ohne Angabe" else s)
        for s in STATUS_REIHENFOLGE
        if gesamt["status"][s]
    ]
    saetze = [kopf, f"Davon {'ist' if n == 1 else 'sind'} {aufzaehlung(teile)}."]
    if gesamt["status"]["umgesetzt"] and gesamt["status"]["in Arbeit"]:
        saetze.append(
            f"Umgesetzt oder im Umsetzungsprozess sind damit {fmt.anteil(gesamt['umgesetzt_oder_in_arbeit'])} "
            f"({fmt.zahl(gesamt['umgesetzt_oder_in_arbeit_anzahl'])})."
        )
    mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
    felder = len(mit)
    saetze.append(
        "Sie gehören zu einem Handlungsfeld:"
        if felder == 1
        else f"Sie verteilen sich auf {fmt.zahl(felder)} Handlungsfelder:"
    )
    # The page's table itself: Handlungsfeld, Empfehlungen and the statuses that occur.
    tabelle = auswertung.gefluechtete_tabellen()[0]
    status = tuple(s for s in STATUS_REIHENFOLGE if s in tabelle.columns)
    zeilen = tuple(
        Zeile(
            (
                str(z["Handlungsfeld"]),
                str(z["Empfehlungen"]),
                *(str(z[s]) if s in status else "" for s in STATUS_REIHENFOLGE),
            )
        )
        for z in tabelle.to_dict("records")
    )
    ohne = g.verteilung.loc[g.verteilung["empfehlungen"] == 0]
    ohne_text = (
        "Ohne Empfehlung mit Bezug zu Geflüchteten: "
        + aufzaehlung([f"{int(nr)}. {name}" for nr, name in zip(ohne["nr"], ohne["name"])])
        + "."
        if len(ohne)
        else ""
    )
    folie = gefluechtetenfolie(auswertung)
    return Fluechtlingsperspektive(
        platzhalter,
        " ".join(saetze),
        zeilen,
        status,
        folie.diagramm if folie is not None else None,
        ohne_text,
    )


def finanzen(auswertung: Auswertung) -> tuple[str, tuple[Haushaltsjahr, ...], Markierung | None]:
    """Section 5: per budget year the measures with Plan and, where the year has any, Ist, and
    the sums; a placeholder when no budget line exists."""
    anlage = auswertung.anlage
    jahre = []
    for jahr, summen in auswertung.haushalte_mit_posten():
        anzahl = summen.positionen
        text = (
            f"Laut Haushaltsplan {jahr} ist eine Maßnahme mit {fmt.euro(summen.summe_eur)} eingeplant:"
            if anzahl == 1
            else f"Laut Haushaltsplan {jahr} sind {fmt.zahl(anzahl)} Maßnahmen mit zusammen "
            f"{fmt.euro(summen.summe_eur)} eingeplant:"
        )
        posten = im_jahr(anlage.haushalt, jahr)  # the lines of summen.massnahmen, in the same order
        ist = posten["ist"].tolist() if "ist" in posten.columns else [None] * len(posten)
        plan_ist = auswertung.plan_ist(jahr)
        mit_ist = plan_ist.positionen > 0
        zeilen = tuple(
            Zeile(
                (bereinige(m), fmt.euro(b))
                + ((fmt.KEINE_ANGABE if i is None or pd.isna(i) else fmt.euro(i)),) * mit_ist
            )
            for m, b, i in zip(summen.massnahmen["massnahme"], summen.massnahmen["betrag"], ist)
        )
        ist_text = ""
        if mit_ist:
            wer = (
                "alle Maßnahmen"
                if plan_ist.positionen_ohne_ist == 0
                else f"{'eine' if plan_ist.positionen == 1 else fmt.zahl(plan_ist.positionen)} der {fmt.zahl(anzahl)} Maßnahmen"
            )
            ist_text = (
                f"Ausgaben (Ist) liegen für {wer} vor: {fmt.euro(plan_ist.ist_eur)} bei geplanten "
                f"{fmt.euro(plan_ist.plan_eur)} für diese Maßnahmen ({fmt.anteil(plan_ist.quote)})."
            )
            ohne = plan_ist.positionen_ohne_ist
            if ohne:
                ist_text += (
                    f" Für die übrige Maßnahme liegt zum Ist {fmt.KEINE_ANGABE} vor."
                    if ohne == 1
                    else f" Für die übrigen {fmt.zahl(ohne)} liegt zum Ist {fmt.KEINE_ANGABE} vor."
                )
        jahre.append(
            Haushaltsjahr(
                jahr,
                text,
                zeilen,
                fmt.euro(summen.summe_eur),
                mit_ist,
                fmt.euro(plan_ist.ist_eur) if mit_ist else "",
                ist_text,
            )
        )
    if not jahre:
        return (
            f"Zu den finanziellen Auswirkungen liegen {fmt.KEINE_ANGABE}n vor.",
            (),
            Markierung(FINANZEN_PLATZHALTER),
        )
    return "Die Umsetzung des Integrationsplans ist in der Haushaltsplanung berücksichtigt.", tuple(jahre), None


def anlage1(auswertung: Auswertung) -> tuple[tuple[Zeile, ...], bool, bool]:
    """The rows of Anlage 1 (Handlungsfeld, Nr, Ziel, Empfehlung, Status, Bemerkung, Zuständig,
    Termin; the last two empty where the Stand has none) and whether the Stand has Zuständig
    and Termin at all (the document shows those columns only then)."""
    anlage = auswertung.anlage
    e = anlage.empfehlungen
    namen = anlage.feldnamen
    zustaendig, termin = anlage.hat_spalte("zustaendig"), anlage.hat_spalte("termin")
    leer = [""] * len(e)
    zustaendige = e["zustaendig"].fillna("").astype(str).tolist() if zustaendig else leer
    termine = [termin_text(d, g) for d, g in zip(e["termin"], e["termin_genauigkeit"])] if termin else leer
    zeilen = tuple(
        Zeile(
            (
                f"{int(f)} {namen.get(f, '')}".strip(),
                str(int(n)),
                bereinige(z),
                bereinige(t),
                str(s),
                bereinige(b),
                bereinige(zu),
                te,
            ),
            kennzeichnung(q, b),
        )
        for f, n, z, t, s, b, q, zu, te in zip(
            e["handlungsfeld"],
            e["nr"],
            e["ziel"],
            e["empfehlung"],
            e["status"],
            e["bemerkung"],
            e["quelle"],
            zustaendige,
            termine,
        )
    )
    return zeilen, zustaendig, termin

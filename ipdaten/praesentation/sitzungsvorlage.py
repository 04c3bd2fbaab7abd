"""The committee report (Sitzungsvorlage) as data: every paragraph and table of the Word document.

`sitzungsvorlage(auswertung, vorher=..., sitzungsdatum=...)` drafts the report to the Sozial-
und Gesundheitsausschuss in the structure of the first report (6. März 2017): head with the
Sitzungsdatum, a placeholder for the introduction, "1. Bilanz" with one paragraph per
Handlungsfeld in the report's own pattern (shares and counts per status, named
recommendations as examples, change since the previous Stand), the naturalisation comparison,
"2. Weiteres Vorgehen" from the Meilensteine, "3. Finanzielle Auswirkungen" and Anlage 1.
The sentences of "1. Bilanz" are written by `bilanz_saetze`; this module holds the document's
data classes, the other sections with their tables, and puts the whole together.

Every figure comes from the Auswertung (kennzahlen) or from zahlen.vergleich; nothing is
recomputed here in a different way. Workbook text is kept as it is. Text that the
Integrationsbeauftragte must write herself, and every assumption or placeholder of the data,
is a `Markierung` (rendered highlighted in brackets), never invented prose.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ipdaten import format as fmt
from ipdaten.amtlich.quellenangabe import quellen_des_jahres
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige, falte
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.praesentation.bilanz_saetze import (
    artikel,
    aufzaehlung,
    bilanz_einleitung,
    feld_text,
    fortschritt_feld,
    fortschritt_gesamt,
    gesamt_text,
)
from ipdaten.praesentation.folien import Diagramm, benannte_empfehlungen, praesentation
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.kennzahlen import referenz_gebiet

# Words in the Meilensteine that name a committee meeting (the Sitzungsdatum).
SITZUNG_WOERTER = ("ausschuss", "sitzung", "kreistag", "sga")
EINLEITUNG_PLATZHALTER = (
    "Einleitung: hier den einführenden Text zum Bericht einfügen (Anlass, Rückblick seit dem "
    "letzten Bericht, Einordnung). Dieser Absatz wird nicht aus den Daten erzeugt."
)
SITZUNGSDATUM_PLATZHALTER = "Sitzungsdatum eintragen"


@dataclass(frozen=True)
class Markierung:
    """A marked text: a placeholder to fill in or an assumption of the data. The document
    shows it highlighted and in square brackets, as the screen marks "Annahme"/"Platzhalter"."""

    text: str


@dataclass(frozen=True)
class Feldabsatz:
    """The paragraph of one Handlungsfeld in "1. Bilanz"."""

    nr: int
    name: str
    leitsatz: str
    text: str
    fortschritt: str = ""
    hinweis: Markierung | None = None


@dataclass(frozen=True)
class Zeile:
    """One table row as German text cells."""

    zellen: tuple[str, ...]
    kennzeichnung: str = ""


@dataclass(frozen=True)
class Haushaltsjahr:
    """The measures of one budget year with their sum."""

    jahr: int
    text: str
    zeilen: tuple[Zeile, ...]
    summe: str


@dataclass(frozen=True)
class Sitzungsvorlage:
    """Everything the Word document says, as German text, in document order."""

    titel: str
    stand: str
    sitzungsdatum: str | Markierung
    sitzungsdatum_herkunft: str
    hinweise: tuple[Markierung, ...]
    einleitung: Markierung
    bilanz_einleitung: str
    gesamt: str
    fortschritt: str
    felder: tuple[Feldabsatz, ...]
    diagramm_status: Diagramm | None
    einbuergerung_text: str
    einbuergerung_zeilen: tuple[Zeile, ...]
    diagramm_einbuergerung: Diagramm | None
    vorgehen_text: str
    vorgehen: tuple[Zeile, ...]
    finanzen_text: str
    haushalt: tuple[Haushaltsjahr, ...]
    anlage1: tuple[Zeile, ...]
    anlage1_text: str
    vorher_stand: str = ""


def _feld_hinweis(eigene: pd.DataFrame) -> Markierung | None:
    marken = [kennzeichnung(q, b) for q, b in zip(eigene["quelle"], eigene["bemerkung"])]
    annahmen = sum(1 for m in marken if m)
    if not annahmen:
        return None
    gesamt = len(eigene)
    wer = (
        "Die eine Empfehlung dieses Handlungsfelds beruht"
        if gesamt == 1
        else (
            f"Alle {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen"
            if annahmen == gesamt
            else (
                f"Eine der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruht"
                if annahmen == 1
                else f"{fmt.zahl(annahmen)} der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen"
            )
        )
    )
    return Markierung(
        f"Annahme: {wer} auf Annahmen oder Platzhaltern der Arbeitsmappe (Spalten Quelle/Bemerkung); "
        "die Anteile sind insoweit nicht die Angaben des Landkreises."
    )


# --- the sections ------------------------------------------------------------------------------


def sitzungstermin(auswertung: Auswertung) -> tuple[dt.date | None, str]:
    """The next committee meeting from the Meilensteine: the first milestone on or after the
    Stand, exact to the day, whose Ereignis names a committee ("Ausschuss", "Sitzung", …).

    Returns (date, the milestone's text) or (None, "")."""
    anlage = auswertung.anlage
    meilensteine = anlage.meilensteine.sort_values("datum", kind="stable")
    if anlage.stand is not None:
        meilensteine = meilensteine[meilensteine["datum"] >= anlage.stand]
    for datum, genauigkeit, ereignis in zip(
        meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"]
    ):
        if genauigkeit == "tag" and any(w in falte(ereignis) for w in SITZUNG_WOERTER):
            return datum, bereinige(ereignis)
    return None, ""


def _einbuergerung(auswertung: Auswertung) -> tuple[str, tuple[Zeile, ...], int | None]:
    jahre = auswertung.einbuergerung_jahre_mit_quote
    if not jahre:
        return "Die Arbeitsmappe enthält keine Einbürgerungsquoten.", (), None
    jahr = jahre[-1]
    teil = auswertung.einbuergerung_im_jahr(jahr)
    mit = teil[teil["quote_prozent"].notna()]
    ohne = teil[teil["quote_prozent"].isna()]
    referenz = mit[mit["ist_referenz"]]
    saetze = []
    if len(referenz):
        r = referenz.iloc[0]
        saetze.append(
            f"Bei der Einbürgerungsquote {jahr} liegt {artikel(str(r['gebiet']))} mit {fmt.prozent(r['quote_prozent'])} "
            f"auf Rang {int(r['rang'])} von {fmt.zahl(len(mit))} Gebieten mit Angabe."
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
            f"Einbürgerungsquoten {jahr}: "
            + aufzaehlung([f"{g} {fmt.prozent(q)}" for g, q in zip(mit["gebiet"], mit["quote_prozent"])])
            + "."
        )
    mittel = mit["mittel_prozent"].dropna()
    if len(mittel):
        saetze.append(f"Das Mittel der Gebiete mit Angabe beträgt {fmt.prozent(float(mittel.iloc[0]))}.")
    if len(ohne):
        saetze.append(f"Keine Angabe liegt vor für {aufzaehlung(list(ohne['gebiet']))}.")
    # Source and definition as the page Einbürgerung names them (sheet columns Quelle/Definition).
    angaben = quellen_des_jahres(auswertung.anlage.einbuergerung, jahr)
    for angabe in angaben:
        fuer = f" ({aufzaehlung(list(angabe.gebiete))})" if len(angaben) > 1 else ""
        teile = [f"Quelle{fuer}: {bereinige(angabe.quelle) or 'in der Arbeitsmappe nicht angegeben'}"]
        if bereinige(angabe.definition):
            teile.append(f"Definition: {bereinige(angabe.definition)}")
        saetze.append("; ".join(teile) + ".")
    zeilen = tuple(
        Zeile(
            (
                "–" if pd.isna(rang) else f"{int(rang)}.",
                str(gebiet),
                fmt.prozent(quote),
                fmt.prozentpunkte(abstand),
            )
        )
        for rang, gebiet, quote, abstand in zip(
            teil["rang"], teil["gebiet"], teil["quote_prozent"], teil["diff_mittel_pp"]
        )
    )
    return " ".join(saetze), zeilen, jahr


def _vorgehen(auswertung: Auswertung, ausgenommen: dt.date | None) -> tuple[str, tuple[Zeile, ...]]:
    anlage = auswertung.anlage
    meilensteine = anlage.meilensteine.sort_values("datum", kind="stable")
    if anlage.stand is not None:
        meilensteine = meilensteine[meilensteine["datum"] > anlage.stand]
    zeilen = tuple(
        Zeile((fmt.ungefaehres_datum(d, g), bereinige(e)))
        for d, g, e in zip(meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"])
        if not (ausgenommen is not None and d == ausgenommen and g == "tag")
    )
    nach = f"nach dem Stand vom {fmt.datum(anlage.stand)} " if anlage.stand else ""
    if not zeilen:
        return f"Im Blatt „Meilensteine“ sind {nach}keine weiteren Schritte eingetragen.", ()
    if len(zeilen) == 1:
        return f"Als nächster Schritt ist {nach}vorgesehen:", zeilen
    return f"Als nächste Schritte sind {nach}vorgesehen:", zeilen


def _haushalt(auswertung: Auswertung) -> tuple[str, tuple[Haushaltsjahr, ...]]:
    jahre = []
    for jahr, summen in auswertung.haushalte_mit_posten():
        anzahl = summen.positionen
        text = (
            f"Im Haushalt {jahr} ist eine Maßnahme mit {fmt.euro(summen.summe_eur)} eingeplant:"
            if anzahl == 1
            else f"Im Haushalt {jahr} sind {fmt.zahl(anzahl)} Maßnahmen mit zusammen {fmt.euro(summen.summe_eur)} eingeplant:"
        )
        zeilen = tuple(
            Zeile((bereinige(m), fmt.euro(b)))
            for m, b in zip(summen.massnahmen["massnahme"], summen.massnahmen["betrag"])
        )
        jahre.append(Haushaltsjahr(jahr, text, zeilen, fmt.euro(summen.summe_eur)))
    if not jahre:
        return "Im Blatt „Haushalt“ der Arbeitsmappe sind keine Maßnahmen eingetragen.", ()
    return (
        "Die Umsetzung des Integrationsplans ist in der Haushaltsplanung berücksichtigt. "
        "Die Beträge sind die im Blatt „Haushalt“ der Arbeitsmappe aufgeführten Positionen.",
        tuple(jahre),
    )


def _anlage1(auswertung: Auswertung) -> tuple[Zeile, ...]:
    e = auswertung.anlage.empfehlungen
    namen = auswertung.anlage.feldnamen
    return tuple(
        Zeile(
            (f"{int(f)} {namen.get(f, '')}".strip(), str(int(n)), bereinige(z), bereinige(t), str(s), bereinige(b)),
            kennzeichnung(q, b),
        )
        for f, n, z, t, s, b, q in zip(
            e["handlungsfeld"], e["nr"], e["ziel"], e["empfehlung"], e["status"], e["bemerkung"], e["quelle"]
        )
    )


def sitzungsvorlage(
    auswertung: Auswertung,
    *,
    vorher: Auswertung | None = None,
    sitzungsdatum: dt.date | None = None,
    hinweis: str = "",
    vorschau: bool = False,
) -> Sitzungsvorlage:
    """The committee report of the Stand in `auswertung` as data.

    `vorher` is the previous Stand (adds the change in percentage points); `sitzungsdatum`
    overrides the date taken from the Meilensteine; `hinweis` is a note on the data (e.g. that
    it is a reconstruction), shown marked under the head; `vorschau` marks an unpublished Stand.
    """
    anlage = auswertung.anlage
    termin, ereignis = sitzungstermin(auswertung)
    if sitzungsdatum is not None:
        datum_text: str | Markierung = fmt.datum(sitzungsdatum)
        herkunft = "eingegeben"
    elif termin is not None:
        datum_text = fmt.datum(termin)
        herkunft = f"aus den Meilensteinen: {ereignis}"
    else:
        datum_text = Markierung(SITZUNGSDATUM_PLATZHALTER)
        herkunft = "kein Sitzungstermin in den Meilensteinen"

    hinweise = []
    if vorschau:
        hinweise.append(Markierung("Vorschau – nicht veröffentlicht: diese Zahlen sind noch kein Stand."))
    if hinweis:
        hinweise.append(Markierung(hinweis))
    if auswertung.einbuergerung_jahre_mit_quote and referenz_gebiet(anlage) is None:
        # Böblingen must be found, or its sentence is refused (never another area in its place).
        hinweise.append(
            Markierung(
                "Einbürgerung: Der Landkreis Böblingen steht nicht im Blatt „Einbürgerung“ der Arbeitsmappe; der Satz "
                "zu seinem Rang entfällt, genannt werden nur die Quoten der Gebiete."
            )
        )
    annahmen = auswertung.annahmen.empfehlungen
    gesamt = auswertung.gesamt["empfehlungen"]
    if annahmen:
        hinweise.append(
            Markierung(
                f"Annahmen: {fmt.zahl(annahmen)} von {fmt.zahl(gesamt)} Empfehlungen beruhen auf Annahmen oder "
                "Platzhaltern (Spalten Quelle/Bemerkung der Arbeitsmappe) – sie sind im Text und in Anlage 1 "
                "gekennzeichnet und nicht die Angaben des Landkreises."
            )
        )

    vergleich = None
    vorher_datum = ""
    if vorher is not None:
        from ipdaten.zahlen.vergleich import vergleiche

        vergleich = vergleiche(vorher.anlage, anlage)
        vorher_datum = fmt.datum(vorher.anlage.stand)
    fortschritt_nach_nr = (
        {int(z["nr"]): z for _, z in vergleich.felder.iterrows() if z["art"] != "entfallen"} if vergleich else {}
    )

    benannt = benannte_empfehlungen(anlage.empfehlungen)
    felder = []
    for _, zeile in auswertung.verteilung.iterrows():
        nr = int(zeile["nr"])
        zaehlung = {s: int(zeile[s]) for s in STATUS_REIHENFOLGE}
        eigene = anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == nr]
        felder.append(
            Feldabsatz(
                nr=nr,
                name=str(zeile["name"]),
                leitsatz=bereinige(auswertung.handlungsfeld(nr)["leitsatz"]),
                text=feld_text(
                    nr,
                    str(zeile["name"]),
                    zaehlung,
                    int(zeile["empfehlungen"]),
                    benannt[benannt["handlungsfeld"] == nr],
                    bereinige(auswertung.handlungsfeld(nr)["seiten"]),
                ),
                fortschritt=fortschritt_feld(fortschritt_nach_nr.get(nr), vorher_datum),
                hinweis=_feld_hinweis(eigene),
            )
        )

    folien = praesentation(auswertung)
    diagramme = {f.art: f.diagramm for f in folien.folien if f.diagramm is not None}
    einbuergerung_text, einbuergerung_zeilen, _ = _einbuergerung(auswertung)
    vorgehen_text, vorgehen = _vorgehen(auswertung, termin if sitzungsdatum is None else sitzungsdatum)
    finanzen_text, haushalt = _haushalt(auswertung)
    return Sitzungsvorlage(
        titel=anlage.titel,
        stand=fmt.datum(anlage.stand),
        sitzungsdatum=datum_text,
        sitzungsdatum_herkunft=herkunft,
        hinweise=tuple(hinweise),
        einleitung=Markierung(EINLEITUNG_PLATZHALTER),
        bilanz_einleitung=bilanz_einleitung(auswertung),
        gesamt=gesamt_text(auswertung),
        fortschritt=fortschritt_gesamt(vergleich, vorher_datum) if vergleich is not None else "",
        felder=tuple(felder),
        diagramm_status=diagramme.get("status"),
        einbuergerung_text=einbuergerung_text,
        einbuergerung_zeilen=einbuergerung_zeilen,
        diagramm_einbuergerung=diagramme.get("einbuergerung"),
        vorgehen_text=vorgehen_text,
        vorgehen=vorgehen,
        finanzen_text=finanzen_text,
        haushalt=haushalt,
        anlage1=_anlage1(auswertung),
        anlage1_text=(
            f"Auswertung aller {fmt.zahl(gesamt)} Handlungsempfehlungen, Stand {fmt.datum(anlage.stand)}."
            if gesamt != 1
            else f"Auswertung der einen Handlungsempfehlung, Stand {fmt.datum(anlage.stand)}."
        ),
        vorher_stand=vorher_datum,
    )

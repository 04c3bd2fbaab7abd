"""The committee report (Sitzungsvorlage) of one Stand, in the structure of the first report
(6. März 2017), for the Integrationsbeauftragte to polish rather than rewrite.

`sitzungsvorlage(auswertung, vorher=..., verlauf=..., angaben=...)` drafts: I. Vorlage (Gremium,
Sitzungsdatum, „zur Kenntnisnahme“/„zur Beschlussfassung“ with a Beschlussvorschlag,
öffentlich/nichtöffentlich); II. Bericht with 1. Bilanz (per Handlungsfeld the figures and a
marked place for her qualitative assessment, prefilled with the field's report passage where
the workbook has one; the development since the previous report; what to follow up;
naturalisation), 2. Weiteres Vorgehen, 3. Flüchtlingsperspektive, 4. Perspektive, 5. Finanzielle
Auswirkungen; Anlage 1.

The sentences of the Bilanz come from `bilanz_saetze`, the other sections from
`vorlage_abschnitte` and `vorlage_fortschreibung`; the data classes are in `vorlage_daten`.
Every figure comes from the Auswertung (kennzahlen, fortschreibung) or from zahlen.vergleich
and zahlen.verlauf; nothing is recomputed here in a different way. Workbook text is kept as it
is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation import vorlage_abschnitte as abschnitte
from ipdaten.praesentation import vorlage_fortschreibung as fortschreibung
from ipdaten.praesentation.bilanz_saetze import bilanz_einleitung, feld_text, fortschritt_feld, gesamt_text
from ipdaten.praesentation.folien import benannte_empfehlungen
from ipdaten.praesentation.folien_einbuergerung import einbuergerungsfolie
from ipdaten.praesentation.folien_umsetzung import statusfolie
from ipdaten.praesentation.vorlage_daten import (
    Bewertung,
    Feldabsatz,
    Markierung,
    Rueckmeldestand,
    Sitzungsangaben,
    Sitzungsvorlage,
    Zeile,
)
from ipdaten.praesentation.vorlage_fortschreibung import ausschusstermin
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.vergleich import Vergleich

EINLEITUNG_PLATZHALTER = (
    "Einleitung: hier den einführenden Text zum Bericht einfügen (Anlass, Rückblick seit dem "
    "letzten Bericht, Einordnung). Dieser Absatz wird nicht aus den Daten erzeugt."
)
SITZUNGSDATUM_PLATZHALTER = "Sitzungsdatum eintragen"
BESCHLUSS_PLATZHALTER = "Beschlussvorschlag: hier den Wortlaut des Beschlussvorschlags eintragen."
BEWERTUNG_UEBERNOMMEN = "Qualitative Bewertung – aus dem bisherigen Bericht übernommen, bitte prüfen und fortschreiben:"
BEWERTUNG_LEER = (
    "Qualitative Bewertung: hier die Einschätzung zum Handlungsfeld eintragen (was erreicht wurde, "
    "wo es hakt, was geplant ist)."
)
MAX_ANLAGE1_ZEILEN = 2_000  # rows of Anlage 1 written into Word (a real Anlage 1 has a few hundred)
VORGEHEN_PLATZHALTER = "Weiteres Vorgehen: hier die nächsten Schritte beschreiben (Beteiligte, Arbeitsformen, Themen)."


def sitzungstermin(auswertung: Auswertung) -> tuple[dt.date | None, str]:
    """The committee meeting of this report: the first committee milestone on or after the
    Stand (see vorlage_fortschreibung.ausschusstermin); (date, text) or (None, "")."""
    return ausschusstermin(auswertung, auswertung.anlage.stand)


def _feld_hinweis(eigene: pd.DataFrame) -> Markierung | None:
    marken = [kennzeichnung(q, b) for q, b in zip(eigene["quelle"], eigene["bemerkung"])]
    annahmen = sum(1 for m in marken if m)
    if not annahmen:
        return None
    gesamt = len(eigene)
    if gesamt == 1:
        wer = "Die eine Empfehlung dieses Handlungsfelds beruht"
    elif annahmen == gesamt:
        wer = (
            "Beide Empfehlungen dieses Handlungsfelds beruhen"
            if gesamt == 2
            else (f"Alle {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen")
        )
    elif annahmen == 1:
        wer = f"Eine der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruht"
    else:
        wer = f"{fmt.zahl(annahmen)} der {fmt.zahl(gesamt)} Empfehlungen dieses Handlungsfelds beruhen"
    return Markierung(
        f"Annahme: {wer} auf Annahmen oder Platzhaltern der Arbeitsmappe (Spalten Quelle/Bemerkung); "
        "die Anteile sind insoweit nicht die Angaben des Landkreises."
    )


def _bewertung(bericht: object) -> Bewertung:
    text = bereinige(bericht)
    return Bewertung(Markierung(BEWERTUNG_UEBERNOMMEN if text else BEWERTUNG_LEER), text)


def _felder(auswertung: Auswertung, vergleich: Vergleich | None, vorher_datum: str) -> tuple[Feldabsatz, ...]:
    anlage = auswertung.anlage
    fortschritt_nach_nr = (
        {int(z["nr"]): z for _, z in vergleich.felder.iterrows() if z["art"] != "entfallen"} if vergleich else {}
    )
    benannt = benannte_empfehlungen(anlage.empfehlungen)
    felder = []
    for position, (_, zeile) in enumerate(auswertung.verteilung.iterrows()):
        nr = int(zeile["nr"])
        feld = auswertung.handlungsfeld(nr)
        felder.append(
            Feldabsatz(
                nr=nr,
                name=str(zeile["name"]),
                leitsatz=bereinige(feld["leitsatz"]),
                text=feld_text(
                    nr,
                    str(zeile["name"]),
                    {s: int(zeile[s]) for s in STATUS_REIHENFOLGE},
                    int(zeile["empfehlungen"]),
                    benannt[benannt["handlungsfeld"] == nr],
                    bereinige(feld["seiten"]),
                    position,
                ),
                bewertung=_bewertung(feld["bericht"]),
                fortschritt=fortschritt_feld(fortschritt_nach_nr.get(nr), vorher_datum),
                hinweis=_feld_hinweis(anlage.empfehlungen[anlage.empfehlungen["handlungsfeld"] == nr]),
            )
        )
    return tuple(felder)


def _vorgehen(auswertung: Auswertung, ausgenommen: tuple[dt.date | None, ...]) -> tuple[str, tuple[Zeile, ...]]:
    """The milestones after the Stand, without this meeting and the next report (section 4)."""
    anlage = auswertung.anlage
    meilensteine = anlage.meilensteine.sort_values("datum", kind="stable")
    if anlage.stand is not None:
        meilensteine = meilensteine[meilensteine["datum"] > anlage.stand]
    zeilen = tuple(
        Zeile((fmt.ungefaehres_datum(d, g), bereinige(e)))
        for d, g, e in zip(meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"])
        if not (g == "tag" and d in ausgenommen)
    )
    nach = f"nach dem Stand vom {fmt.datum(anlage.stand)} " if anlage.stand else ""
    if not zeilen:
        return f"Weitere Schritte sind {nach}noch nicht terminiert.", ()
    if len(zeilen) == 1:
        return f"Als nächster Schritt ist {nach}vorgesehen:", zeilen
    return f"Als nächste Schritte sind {nach}vorgesehen:", zeilen


def _aller(anzahl: int) -> str:
    """'aller 20 Handlungsempfehlungen', 'beider Handlungsempfehlungen', 'der einen …' (genitive)."""
    if anzahl == 1:
        return "der einen Handlungsempfehlung"
    if anzahl == 2:
        return "beider Handlungsempfehlungen"
    return f"aller {fmt.zahl(anzahl)} Handlungsempfehlungen"


def _hinweise(auswertung: Auswertung, hinweis: str, vorschau: bool) -> list[Markierung]:
    hinweise = []
    if vorschau:
        hinweise.append(Markierung("Vorschau – nicht veröffentlicht: diese Zahlen sind noch kein Stand."))
    if hinweis:
        hinweise.append(Markierung(hinweis))
    annahmen = auswertung.annahmen.empfehlungen
    if annahmen:
        hinweise.append(
            Markierung(
                f"Annahmen: {fmt.zahl(annahmen)} von {fmt.zahl(auswertung.gesamt['empfehlungen'])} Empfehlungen "
                "beruhen auf Annahmen oder Platzhaltern (Spalten Quelle/Bemerkung der Arbeitsmappe) – sie sind im "
                "Text und in Anlage 1 gekennzeichnet und nicht die Angaben des Landkreises."
            )
        )
    return hinweise


def sitzungsvorlage(
    auswertung: Auswertung,
    *,
    vorher: Auswertung | None = None,
    verlauf: VerlaufAuswertung | None = None,
    angaben: Sitzungsangaben | None = None,
    sitzungsdatum: dt.date | None = None,
    hinweis: str = "",
    vorschau: bool = False,
    rueckmeldung: Rueckmeldestand | None = None,
) -> Sitzungsvorlage:
    """The committee report of the Stand in `auswertung` as data.

    `vorher` is the previous Stand (adds the development since then); `verlauf` the history up
    to this Stand (the Verlauf chart, recommendations unchanged for long); `angaben` what she
    decided about the meeting (Sitzungsdatum None: the next committee date of the
    Meilensteine; `sitzungsdatum` overrides it); `hinweis` a note on the data (e.g. that it is a reconstruction), shown marked
    under the head; `vorschau` marks an unpublished Stand; `rueckmeldung` the state of the
    current Rückmelderunde (section 4).
    """
    anlage = auswertung.anlage
    angaben = angaben or Sitzungsangaben()
    if sitzungsdatum is not None:
        angaben = dataclasses.replace(angaben, sitzungsdatum=sitzungsdatum)
    termin, ereignis = sitzungstermin(auswertung)
    sitzung = angaben.sitzungsdatum or termin
    if angaben.sitzungsdatum is not None:
        datum_text: str | Markierung = fmt.datum(angaben.sitzungsdatum)
        herkunft = "eingegeben"
    elif termin is not None:
        datum_text = fmt.datum(termin)
        herkunft = f"aus den Meilensteinen: {ereignis}"
    else:
        datum_text = Markierung(SITZUNGSDATUM_PLATZHALTER)
        herkunft = "kein Sitzungstermin in den Meilensteinen"
    beschluss: str | Markierung | None = None
    if angaben.beratung != "zur Kenntnisnahme":
        beschluss = angaben.beschlussvorschlag.strip() or Markierung(BESCHLUSS_PLATZHALTER)

    vergleich, vorher_datum = None, ""
    if vorher is not None:
        from ipdaten.zahlen.vergleich import vergleiche

        vergleich = vergleiche(vorher.anlage, anlage)
        vorher_datum = fmt.datum(vorher.anlage.stand)

    einbuergerung_text, einbuergerung_zeilen, einbuergerung_hinweise = abschnitte.einbuergerung(auswertung)
    gremium = angaben.gremium.strip() or "Ausschuss"
    perspektive = fortschreibung.perspektive(auswertung, sitzung, gremium, rueckmeldung)
    naechster, _ = fortschreibung.ausschusstermin(auswertung, sitzung or anlage.stand, danach=True)
    vorgehen_text, vorgehen = _vorgehen(auswertung, (sitzung, naechster))
    finanzen_text, haushalt, finanzen_platzhalter = abschnitte.finanzen(auswertung)
    gesamt = auswertung.gesamt["empfehlungen"]
    anlage1_text = f"Auswertung {_aller(gesamt)}, Stand {fmt.datum(anlage.stand)}."
    if len(anlage.empfehlungen) <= MAX_ANLAGE1_ZEILEN:
        anlage1, mit_zustaendig, mit_termin = abschnitte.anlage1(auswertung)
    else:
        # Word (docxtpl) needs about 1 ms and 20 KB per table row: 20 000 rows took 14–19 s and
        # 400–640 MB of the server. The workbook itself is the complete list.
        anlage1, mit_zustaendig, mit_termin = (), False, False
        anlage1_text += (
            f" So viele Zeilen schreibt das Dashboard nicht in ein Word-Dokument (höchstens "
            f"{fmt.zahl(MAX_ANLAGE1_ZEILEN)}): Bitte die Arbeitsmappe dieses Stands als Anlage 1 beilegen."
        )
    status, einbuergerung_folie = statusfolie(auswertung), einbuergerungsfolie(auswertung)
    return Sitzungsvorlage(
        titel=anlage.titel,
        stand=fmt.datum(anlage.stand),
        gremium=gremium,
        sitzungsdatum=datum_text,
        sitzungsdatum_herkunft=herkunft,
        beratung=angaben.beratung,
        oeffentlichkeit=angaben.oeffentlichkeit,
        beschlussvorschlag=beschluss,
        hinweise=tuple(_hinweise(auswertung, hinweis, vorschau)),
        einleitung=Markierung(EINLEITUNG_PLATZHALTER),
        bilanz_einleitung=bilanz_einleitung(auswertung),
        gesamt=gesamt_text(auswertung),
        felder=_felder(auswertung, vergleich, vorher_datum),
        diagramm_status=status.diagramm if status is not None else None,
        entwicklung=(
            fortschreibung.entwicklung(auswertung, vorher, vergleich, verlauf)
            if vorher is not None and vergleich is not None
            else None
        ),
        nachhalten=fortschreibung.nachhalten(auswertung, verlauf),
        einbuergerung_text=einbuergerung_text,
        einbuergerung_zeilen=einbuergerung_zeilen,
        einbuergerung_hinweise=einbuergerung_hinweise,
        diagramm_einbuergerung=einbuergerung_folie.diagramm if einbuergerung_folie is not None else None,
        vorgehen_text=vorgehen_text,
        vorgehen=vorgehen,
        vorgehen_platzhalter=Markierung(VORGEHEN_PLATZHALTER),
        fluechtlinge=abschnitte.fluechtlingsperspektive(auswertung),
        perspektive=perspektive,
        finanzen_text=finanzen_text,
        haushalt=haushalt,
        finanzen_platzhalter=finanzen_platzhalter,
        anlage1=anlage1,
        anlage1_text=anlage1_text,
        anlage1_zustaendig=mit_zustaendig,
        anlage1_termin=mit_termin,
        vorher_stand=vorher_datum,
    )

"""Sections of the Sitzungsvorlage about the Fortschreibung: the development since the previous
report (change per field in Pp., the Verlauf chart), recommendations to follow up per Zuständig
(overdue, unchanged for a long time), and "4. Perspektive" (what falls due until the next
report, the Rückmelderunde).

Every figure comes from zahlen.vergleich, zahlen.fortschreibung (overdue: one rule, the
Termin's last day) and zahlen.verlauf (unchanged since), as the pages Fortschritt and
Zuständigkeit show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import bereinige, falte
from ipdaten.darstellung.ansicht_fortschreibung import termin_text
from ipdaten.darstellung.ansicht_rueckmeldung import geantwortet
from ipdaten.darstellung.auswertung import Auswertung
from ipdaten.darstellung.verlauf_auswertung import VerlaufAuswertung
from ipdaten.praesentation.bilanz_saetze import fortschritt_gesamt
from ipdaten.praesentation.folien_verlauf import fortschrittsfolie, verlaufsfolie
from ipdaten.praesentation.satzbausteine import anzahl_wort, aufzaehlung
from ipdaten.praesentation.vorlage_daten import (
    Entwicklung,
    Markierung,
    Nachhalten,
    Perspektive,
    Rueckmeldestand,
    Zeile,
)
from ipdaten.rueckmeldung import BEANTWORTET, UEBERFAELLIG, Runde, StelleImUeberblick, rundenzahlen
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.vergleich import Vergleich

# Words in the Meilensteine that name a committee meeting (this report's and the next one).
SITZUNG_WOERTER = ("ausschuss", "sitzung", "kreistag", "sga")
# "Unchanged for a long time": the same status in at least this many Stände in a row (with two
# revisions a year: one year), and not umgesetzt.
LANGE_UNVERAENDERT = 3
PERSPEKTIVE_PLATZHALTER = (
    "Perspektive: hier beschreiben, welche Ergebnisse bis zum nächsten Bericht erwartet werden "
    "(Arbeitsprozess, Arbeitsgruppen, vereinbarte Ziele)."
)


def _nr(feld: Any, nr: Any) -> str:
    return f"{int(feld)}.{int(nr)}"


def entwicklung(
    auswertung: Auswertung, vorher: Auswertung, vergleich: Vergleich, verlauf: VerlaufAuswertung | None
) -> Entwicklung:
    """Since the previous Stand: the overall change, a row per field (umgesetzt then and now,
    change in Pp.; fields new since then marked „neu“) and the Verlauf chart over all Stände
    (with only two Stände known: the chart of the progress slide)."""
    alt, neu = fmt.datum(vorher.anlage.stand), fmt.datum(auswertung.anlage.stand)
    felder = vergleich.felder[vergleich.felder["art"] != "entfallen"]
    zeilen = [
        Zeile(
            (
                f"{int(nr)} {name}",
                "–" if art == "neu" else fmt.anteil_tabelle(a),
                fmt.anteil_tabelle(n),
                "neu" if art == "neu" else fmt.anteil_veraenderung(d),
            )
        )
        for nr, name, art, a, n, d in zip(
            felder["nr"],
            felder["name"],
            felder["art"],
            felder["umgesetzt_alt"],
            felder["umgesetzt_neu"],
            felder["umgesetzt_diff_pp"],
        )
    ]
    g = vergleich.gesamt["umgesetzt"]
    gesamt = Zeile(
        (
            "Alle Handlungsfelder",
            fmt.anteil_tabelle(g["alt"]),
            fmt.anteil_tabelle(g["neu"]),
            fmt.anteil_veraenderung(g["diff_pp"] if pd.notna(g["diff_pp"]) else None),
        )
    )
    folie = verlaufsfolie(verlauf) if verlauf is not None else None
    if folie is not None and verlauf is not None:
        titel = f"Verlauf über {fmt.zahl(len(verlauf.staende))} Stände: Anteile über alle Handlungsfelder"
    else:
        folie = fortschrittsfolie(auswertung, vorher, vergleich)
        titel = f"Anteil umgesetzter Empfehlungen je Handlungsfeld am {alt} und am {neu}"
    return Entwicklung(
        vorher_stand=alt,
        stand=neu,
        text=fortschritt_gesamt(vergleich, alt),
        zeilen=tuple(zeilen),
        gesamt=gesamt,
        diagramm=folie.diagramm if folie is not None else None,
        diagramm_titel=titel,
    )


def nachhalten(auswertung: Auswertung, verlauf: VerlaufAuswertung | None) -> Nachhalten | None:
    """The recommendations to follow up, grouped per Zuständig (named ones first, by name):
    overdue at the Stand (Termin ended, not umgesetzt) and, with at least LANGE_UNVERAENDERT
    Stände, those not umgesetzt whose status has not changed since then. None when there are none
    or the data cannot tell (no Termin, too short a history)."""
    anlage = auswertung.anlage
    hinweise: dict[tuple[int, int], list[str]] = {}
    termine: dict[tuple[int, int], str] = {}
    ueberfaellig = (
        auswertung.ueberfaellig(anlage.stand) if anlage.hat_spalte("termin") and anlage.stand is not None else None
    )
    if ueberfaellig is not None:
        for f, n, tage, d, g in zip(
            ueberfaellig["handlungsfeld"],
            ueberfaellig["nr"],
            ueberfaellig["tage"],
            ueberfaellig["termin"],
            ueberfaellig["termin_genauigkeit"],
        ):
            seit = "einem Tag" if tage == 1 else f"{fmt.zahl(tage)} Tagen"
            hinweise.setdefault((int(f), int(n)), []).append(f"überfällig seit {seit}")
            termine[(int(f), int(n))] = termin_text(d, g)
    unveraendert = None
    if verlauf is not None and len(verlauf.staende) >= LANGE_UNVERAENDERT:
        liste = verlauf.unveraendert(LANGE_UNVERAENDERT)[2]
        unveraendert = liste[liste["status"] != "umgesetzt"]
        for f, n, seit, staende in zip(
            unveraendert["handlungsfeld"], unveraendert["nr"], unveraendert["seit_datum"], unveraendert["staende"]
        ):
            hinweise.setdefault((int(f), int(n)), []).append(
                f"unverändert seit {fmt.datum(seit)} ({fmt.zahl(staende)} Stände)"
            )
    if not hinweise:
        return None
    e = anlage.empfehlungen
    schluessel = list(zip(e["handlungsfeld"].astype(int), e["nr"].astype(int)))
    zustaendig = (
        e["zustaendig"].fillna("").astype(str).str.strip().tolist()
        if anlage.hat_spalte("zustaendig")
        else [""] * len(e)
    )
    zeilen = []
    for k, z, text, status, d, g in zip(
        schluessel,
        zustaendig,
        e["empfehlung"],
        e["status"],
        e["termin"] if "termin" in e.columns else [None] * len(e),
        e["termin_genauigkeit"] if "termin_genauigkeit" in e.columns else [""] * len(e),
    ):
        if k in hinweise:
            termin = termine.get(k) or termin_text(d, g)
            zeilen.append(
                (
                    (z == "", z, k),
                    (z or fs.NICHT_BENANNT, _nr(*k), str(text), str(status), termin, "; ".join(hinweise[k])),
                )
            )
    zeilen.sort(key=lambda paar: paar[0])
    teile = []
    if ueberfaellig is not None:
        teile.append(
            f"Nach dem Stand vom {fmt.datum(anlage.stand)} "
            + (
                "ist keine Empfehlung überfällig"
                if ueberfaellig.empty
                else f"{'ist' if len(ueberfaellig) == 1 else 'sind'} "
                f"{anzahl_wort(len(ueberfaellig), 'Empfehlung', 'Empfehlungen')} überfällig "
                "(Termin überschritten, noch nicht umgesetzt)"
            )
        )
    if unveraendert is not None:
        wer = anzahl_wort(len(unveraendert), "Empfehlung", "Empfehlungen")
        teile.append(
            f"{wer} {'ist' if len(unveraendert) <= 1 else 'sind'} seit mindestens "
            f"{fmt.zahl(LANGE_UNVERAENDERT)} Ständen unverändert und noch nicht umgesetzt"
        )
    stellen = sorted({z for (_, z, _), _ in zeilen if z})
    text = "; ".join(teile) + "."
    text = text[:1].upper() + text[1:]
    if stellen:
        text += f" Betroffen {'ist' if len(stellen) == 1 else 'sind'} {aufzaehlung(stellen)}" + (
            "; bei einigen ist keine Zuständigkeit benannt." if any(z == "" for (_, z, _), _ in zeilen) else "."
        )
    return Nachhalten(text, tuple(Zeile(zellen) for _, zellen in zeilen))


def ausschusstermin(auswertung: Auswertung, ab: dt.date | None, *, danach: bool = False) -> tuple[dt.date | None, str]:
    """The first committee meeting of the Meilensteine on or after `ab` (strictly after it with
    `danach`): a milestone exact to the day whose Ereignis names a committee („Ausschuss“,
    „Sitzung“, …). Returns (date, the milestone's text) or (None, "")."""
    meilensteine = auswertung.anlage.meilensteine.sort_values("datum", kind="stable")
    if ab is not None:
        meilensteine = meilensteine[meilensteine["datum"] > ab if danach else meilensteine["datum"] >= ab]
    for datum, genauigkeit, ereignis in zip(
        meilensteine["datum"], meilensteine["genauigkeit"], meilensteine["ereignis"]
    ):
        if genauigkeit == "tag" and any(w in falte(ereignis) for w in SITZUNG_WOERTER):
            return datum, bereinige(ereignis)
    return None, ""


def rueckmeldestand(runde: Runde, stellen: Sequence[StelleImUeberblick]) -> Rueckmeldestand:
    """The state of a Rückmelderunde for the document, from its overview (rueckmeldung.ueberblick;
    the counts by rueckmeldung.rundenzahlen)."""
    zahlen = rundenzahlen(stellen)
    eingaenge = [s.letzter_eingang for s in stellen if s.letzter_eingang is not None]
    return Rueckmeldestand(
        titel=runde.titel,
        stellen=zahlen.stellen,
        geantwortet=zahlen.beantwortet,
        antwort=" ".join(geantwortet(runde, stellen)),
        frist=runde.frist,
        zuletzt=max(eingaenge, default=None),
        offen=tuple(s.empfaenger.name for s in stellen if s.zustand != BEANTWORTET),
        empfehlungen=zahlen.empfehlungen,
        gemeldet=zahlen.gemeldet,
        frist_abgelaufen=any(s.zustand == UEBERFAELLIG for s in stellen),
    )


def rueckmeldung_text(stand: Rueckmeldestand | None) -> str:
    """The Rückmelderunde in one or a few sentences, with the pages' own phrase for the answers
    („2 von 5 Stellen haben geantwortet“); '' without a round."""
    if stand is None:
        return ""
    frist = f" (Rückmeldefrist {fmt.datum(stand.frist)})" if stand.frist else ""
    satz = f"Zur Rückmelderunde „{stand.titel}“{frist}: {stand.antwort}"
    satz += f", zuletzt am {fmt.datum(stand.zuletzt)}." if stand.geantwortet and stand.zuletzt else "."
    if stand.geantwortet and stand.empfehlungen:
        satz += (
            f" Die Rückmeldungen betreffen {fmt.zahl(stand.gemeldet)} der {fmt.zahl(stand.empfehlungen)} "
            f"abgefragten Empfehlungen ({fmt.anteil(stand.gemeldet / stand.empfehlungen)})."
        )
    if stand.offen:
        vorn = "Die Frist ist abgelaufen; noch offen" if stand.frist_abgelaufen else "Noch offen"
        satz += f" {vorn}: {aufzaehlung(list(stand.offen))}."
    return satz


def perspektive(
    auswertung: Auswertung,
    sitzung: dt.date | None,
    gremium: str,
    rueckmeldung: Rueckmeldestand | None,
) -> Perspektive:
    """Section 4: the next report (the next committee date after this meeting), the
    recommendations not umgesetzt whose Termin ends by then, and the Rückmelderunde."""
    anlage = auswertung.anlage
    bis, ereignis = ausschusstermin(auswertung, sitzung or anlage.stand, danach=True)
    text = (
        f"Der nächste Bericht an den {gremium} ist für den {fmt.datum(bis)} vorgesehen („{ereignis}“)."
        if bis is not None
        else "Ein Termin für den nächsten Bericht ist noch nicht festgelegt."
    )
    faellig_text = ""
    faellig: tuple[Zeile, ...] = ()
    if bis is not None and anlage.hat_spalte("termin") and anlage.stand is not None:
        schon = auswertung.ueberfaellig(anlage.stand)
        bis_dahin = auswertung.ueberfaellig(bis + dt.timedelta(days=1))
        bekannt = set(zip(schon["handlungsfeld"], schon["nr"]))
        neu = bis_dahin[[k not in bekannt for k in zip(bis_dahin["handlungsfeld"], bis_dahin["nr"])]]
        faellig = tuple(
            Zeile(
                (
                    _nr(f, n),
                    str(e),
                    str(s),
                    z if isinstance(z, str) and z.strip() else fs.NICHT_BENANNT,
                    termin_text(d, g),
                )
            )
            for f, n, e, s, z, d, g in zip(
                neu["handlungsfeld"],
                neu["nr"],
                neu["empfehlung"],
                neu["status"],
                neu["zustaendig"],
                neu["termin"],
                neu["termin_genauigkeit"],
            )
        )
        if not faellig:
            faellig_text = "Bis dahin endet bei keiner weiteren Empfehlung der Termin."
        elif len(faellig) == 1:
            faellig_text = "Bis dahin endet der Termin einer noch nicht umgesetzten Empfehlung:"
        else:
            faellig_text = (
                f"Bis dahin enden die Termine von {fmt.zahl(len(faellig))} noch nicht umgesetzten Empfehlungen:"
            )
    return Perspektive(
        bis=f"bis zum {fmt.datum(bis)}" if bis is not None else "bis zum nächsten Bericht",
        text=text,
        faellig_text=faellig_text,
        faellig=faellig,
        rueckmeldung=rueckmeldung_text(rueckmeldung),
        platzhalter=Markierung(PERSPEKTIVE_PLATZHALTER),
    )

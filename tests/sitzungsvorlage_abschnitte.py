"""The checks of the Sitzungsvorlage's sections after the Bilanz's fields (development since the
previous Stand, follow-up per Zuständig, naturalisation, next steps and Perspektive,
Flüchtlingsperspektive, budget, Anlage 1), each against ipdaten; used by pruefe_dokument."""

from __future__ import annotations

import re

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import STATUS_REIHENFOLGE, bereinige
from ipdaten.darstellung.ansicht_fortschreibung import termin_text
from ipdaten.zahlen import fortschreibung as fs
from ipdaten.zahlen.annahmen import kennzeichnung
from ipdaten.zahlen.kennzahlen import (
    einbuergerung_vergleich,
    haushalt_summen,
    im_jahr,
)
from ipdaten.zahlen.verlauf import unveraendert_seit
from tests.sitzungsvorlage_lesen import ohne, t, veraenderung_text


def _prozent(zahl: str) -> int:
    return int(zahl.replace(".", "").replace(" €", ""))


def pruefe_entwicklung(gelesen, jetzt, vorher, vergleich, verlauf, geprueft) -> None:
    titel = [u for u in gelesen.ueberschriften if u.startswith("Entwicklung seit dem Stand vom")]
    if vorher is None:
        assert not titel and not any("Gegenüber dem Stand" in a for a in gelesen.absaetze)
        return
    alt, neu = t(fmt.datum(vorher.anlage.stand)), t(fmt.datum(jetzt.anlage.stand))
    assert titel == [f"Entwicklung seit dem Stand vom {alt}"]
    g = vergleich.gesamt["umgesetzt"]
    text = gelesen.absatz(f"Gegenüber dem Stand vom {alt}")
    kern = veraenderung_text(
        pd.Series({"umgesetzt_diff_pp": g["diff_pp"], "umgesetzt_alt": g["alt"], "umgesetzt_neu": g["neu"]})
    )
    assert kern in text
    rest = text.replace(kern, "").replace(alt, "")
    wechsel = vergleich.uebergaenge_liste()
    wechsel = wechsel[wechsel["von"] != wechsel["nach"]]
    for v, n, a in zip(wechsel["von"], wechsel["nach"], wechsel["anzahl"]):
        assert f"{a} von „{v}“ zu „{n}“" in rest
        rest = rest.replace(f"{a} von „{v}“ zu „{n}“", "")
    for art, liste in (
        ("neu hinzugekommen", vergleich.neu_empfehlungen),
        ("entfallen", vergleich.entfallene_empfehlungen),
    ):
        if len(liste) > 1:
            assert f"{len(liste)} Empfehlungen sind {art}." in rest
            rest = rest.replace(f"{len(liste)} Empfehlungen", "")
        elif len(liste) == 1:
            assert f"Eine Empfehlung ist {art}." in rest
    geprueft[text] = rest
    tabelle = gelesen.tabelle(["Handlungsfeld", f"umgesetzt {alt}", f"umgesetzt {neu}", "Veränderung"])
    felder = vergleich.felder[vergleich.felder["art"] != "entfallen"]
    assert tabelle[1:] == [
        [
            f"{int(n)} {name}",
            "–" if art == "neu" else t(fmt.anteil_tabelle(a)),
            t(fmt.anteil_tabelle(b)),
            "neu" if art == "neu" else t(fmt.anteil_veraenderung(d)),
        ]
        for n, name, art, a, b, d in zip(
            felder["nr"],
            felder["name"],
            felder["art"],
            felder["umgesetzt_alt"],
            felder["umgesetzt_neu"],
            felder["umgesetzt_diff_pp"],
        )
    ] + [
        [
            "Alle Handlungsfelder",
            t(fmt.anteil_tabelle(g["alt"])),
            t(fmt.anteil_tabelle(g["neu"])),
            t(fmt.anteil_veraenderung(g["diff_pp"])),
        ]
    ]
    titel = (
        f"Verlauf über {len(verlauf.staende)} Stände: Anteile über alle Handlungsfelder"
        if verlauf is not None
        else f"Anteil umgesetzter Empfehlungen je Handlungsfeld am {alt} und am {neu}"
    )
    bild = next(a for a in gelesen.absaetze if a.startswith("Abbildung ") and titel in a)
    geprueft[bild] = re.sub(r"^Abbildung \d+", "", bild).replace(titel, "")


def pruefe_nachhalten(gelesen, jetzt, verlauf, geprueft) -> None:
    anlage = jetzt.anlage
    ueberfaellig = fs.ueberfaellig(anlage, anlage.stand) if anlage.hat_spalte("termin") else None
    lange = None
    if verlauf is not None and len(verlauf.staende) >= 3:
        liste = unveraendert_seit(verlauf.verlauf, verlauf.feldnamen, 3)
        lange = liste[liste["status"] != "umgesetzt"]
    titel = "Überfällige und lange unveränderte Empfehlungen"
    if (ueberfaellig is None or ueberfaellig.empty) and (lange is None or lange.empty):
        assert titel not in gelesen.ueberschriften
        return
    text = gelesen.nach(titel)[0]
    rest = text.replace(t(fmt.datum(anlage.stand)), "")
    if ueberfaellig is not None:
        n = len(ueberfaellig)
        muster = "keine Empfehlung" if n == 0 else ("eine Empfehlung" if n == 1 else f"{n} Empfehlungen")
        assert f"{muster} überfällig" in rest, (muster, text)
        rest = rest.replace(f"{muster} überfällig", "")
    if lange is not None:
        n = len(lange)
        muster = {0: "keine Empfehlung ist", 1: "eine Empfehlung ist"}.get(n, f"{n} Empfehlungen sind")
        satz = text[:1].lower() + text[1:]
        assert f"{muster} seit mindestens 3 Ständen unverändert und noch nicht umgesetzt" in satz, (muster, text)
        rest = rest.replace(f"{n} Empfehlungen sind", "").replace("mindestens 3 Ständen", "")
    geprueft[text] = rest
    tabelle = gelesen.tabelle(["Zuständig", "Nr", "Empfehlung", "Status", "Termin", "Hinweis"])
    erwartet = {}
    for _, z in (ueberfaellig if ueberfaellig is not None else pd.DataFrame(columns=["handlungsfeld"])).iterrows():
        tage = int(z["tage"])
        erwartet.setdefault((int(z["handlungsfeld"]), int(z["nr"])), []).append(
            f"überfällig seit {'einem Tag' if tage == 1 else f'{tage} Tagen'}"
        )
    for _, z in (lange if lange is not None else pd.DataFrame(columns=["handlungsfeld"])).iterrows():
        erwartet.setdefault((int(z["handlungsfeld"]), int(z["nr"])), []).append(
            f"unverändert seit {t(fmt.datum(z['seit_datum']))} ({int(z['staende'])} Stände)"
        )
    e = anlage.empfehlungen.set_index(["handlungsfeld", "nr"])
    zeilen = []
    for (f, n), hinweise in erwartet.items():
        r = e.loc[(f, n)]
        zustaendig = (
            str(r["zustaendig"]).strip() if "zustaendig" in e.columns and isinstance(r["zustaendig"], str) else ""
        )
        zeilen.append(
            (
                (zustaendig == "", zustaendig, (f, n)),
                [
                    zustaendig or fs.NICHT_BENANNT,
                    f"{f}.{n}",
                    t(r["empfehlung"]),
                    str(r["status"]),
                    t(termin_text(r["termin"], r["termin_genauigkeit"])) if "termin" in e.columns else "",
                    "; ".join(hinweise),
                ],
            )
        )
    assert tabelle[1:] == [z for _, z in sorted(zeilen)]


def pruefe_einbuergerung(gelesen, anlage, werktexte, geprueft) -> None:
    vergleich_e = einbuergerung_vergleich(anlage)
    mit_quote = vergleich_e[vergleich_e["quote_prozent"].notna()]
    if mit_quote.empty:
        text = gelesen.absatz("Zur Einbürgerung liegen keine Quoten vor")
        return
    jahr = int(mit_quote["jahr"].max())
    teil = vergleich_e[vergleich_e["jahr"] == jahr]
    text = gelesen.absatz(f"Einbürgerungsquote {jahr}")
    rest = ohne(text, werktexte).replace(str(jahr), "")
    mit = int(teil["quote_prozent"].notna().sum())
    referenz = teil[teil["ist_referenz"] & teil["quote_prozent"].notna()]
    if len(referenz):
        r = referenz.iloc[0]
        muster = f"mit {t(fmt.prozent(r['quote_prozent']))} auf Rang {int(r['rang'])} von {mit} Gebieten"
        assert muster in rest
        rest = rest.replace(muster, "")
    for g, q in zip(teil["gebiet"], teil["quote_prozent"]):
        if pd.notna(q) and (not len(referenz) or g != referenz.iloc[0]["gebiet"]):
            muster = f"{ohne(g, werktexte)} {t(fmt.prozent(q))}"
            assert muster in rest, (muster, rest)
            rest = rest.replace(muster, "")
    mittel = t(fmt.prozent(float(teil["mittel_prozent"].dropna().iloc[0])))
    assert f"Das Mittel der Gebiete mit Angabe beträgt {mittel}." in rest
    geprueft[text] = re.sub(r"Tabellen? [\d-]+( und [\d-]+)?", "", rest.replace(mittel, ""))
    tabelle = gelesen.tabelle(["Rang", "Gebiet", "Einbürgerungsquote", "Abstand zum Mittel"])
    assert tabelle[1:] == [
        [
            "–" if pd.isna(r) else f"{int(r)}.",
            g,
            t(fmt.prozent(q)),
            t(fmt.prozentpunkte(d)) if pd.notna(q) else "keine Angabe",
        ]
        for r, g, q, d in zip(teil["rang"], teil["gebiet"], teil["quote_prozent"], teil["diff_mittel_pp"])
    ]
    for absatz in gelesen.absaetze:
        if absatz.startswith("[Annahme: Die Quote"):
            geprueft[absatz] = ohne(absatz, werktexte)


def pruefe_vorgehen_und_perspektive(gelesen, jetzt, sitzung, gremium, geprueft) -> None:
    from ipdaten.praesentation.vorlage_fortschreibung import SITZUNG_WOERTER

    anlage = jetzt.anlage
    ms = anlage.meilensteine.sort_values("datum", kind="stable")
    ausschuss = ms[(ms["genauigkeit"] == "tag") & ms["ereignis"].str.casefold().str.contains("|".join(SITZUNG_WOERTER))]
    sitzung_datum = next((d for d in ms["datum"] if t(fmt.datum(d)) == sitzung), None)
    ab = sitzung_datum or anlage.stand
    naechste = ausschuss[ausschuss["datum"] > ab] if ab is not None else ausschuss
    naechster = naechste.iloc[0] if len(naechste) else None
    danach = ms[ms["datum"] > anlage.stand]
    punkte = [a for a in gelesen.absaetze if gelesen.stilnamen[a] == "List Bullet"]
    erwartet = [
        f"{t(fmt.ungefaehres_datum(d, g))}: {bereinige(e)}"
        for d, g, e in zip(danach["datum"], danach["genauigkeit"], danach["ereignis"])
        if not (g == "tag" and (t(fmt.datum(d)) == sitzung or (naechster is not None and d == naechster["datum"])))
    ]
    assert punkte == erwartet
    for p in punkte:
        geprueft[p] = ""
    stand = t(fmt.datum(anlage.stand))
    vorgehen = gelesen.absatz("vorgesehen:" if erwartet else "noch nicht terminiert")
    geprueft[vorgehen] = vorgehen.replace(stand, "")
    perspektive = [u for u in gelesen.ueberschriften if u.startswith("4. Perspektive")]
    if naechster is None:
        assert perspektive == ["4. Perspektive (Ergebnisse bis zum nächsten Bericht)"]
        assert "Ein Termin für den nächsten Bericht ist noch nicht festgelegt." in gelesen.absaetze
        return
    bis = t(fmt.datum(naechster["datum"]))
    assert perspektive == [f"4. Perspektive (Ergebnisse bis zum {bis})"]
    text = gelesen.absatz("Der nächste Bericht an den")
    assert (
        text
        == f"Der nächste Bericht an den {gremium} ist für den {bis} vorgesehen („{bereinige(naechster['ereignis'])}“)."
    )
    geprueft[text] = ""
    if anlage.hat_spalte("termin"):
        schon = fs.ueberfaellig(anlage, anlage.stand)
        bis_dahin = fs.ueberfaellig(anlage, naechster["datum"] + pd.Timedelta(days=1))
        neu = bis_dahin[
            ~bis_dahin.set_index(["handlungsfeld", "nr"]).index.isin(schon.set_index(["handlungsfeld", "nr"]).index)
        ]
        if len(neu):
            tabelle = gelesen.tabelle(["Nr", "Empfehlung", "Status", "Zuständig", "Termin"])
            assert [z[0] for z in tabelle[1:]] == [
                f"{int(f)}.{int(n)}" for f, n in zip(neu["handlungsfeld"], neu["nr"])
            ]
            satz = gelesen.absatz("Bis dahin end")
            geprueft[satz] = satz.replace(str(len(neu)), "")


def pruefe_fluechtlinge(gelesen, jetzt, geprueft) -> None:
    anlage = jetzt.anlage
    if not fs.hat_bezug(anlage):
        assert (
            "Bisher ist keine Handlungsempfehlung ausdrücklich als für Geflüchtete bedeutsam gekennzeichnet"
            in gelesen.absatz("Bisher ist keine Handlungsempfehlung")
        )
        return
    g = fs.gefluechtete(anlage)
    n, alle = g.gesamt["empfehlungen"], len(anlage.empfehlungen)
    text = gelesen.absatz("Bezug zu Geflüchteten.")
    kopf = f"{'Eine' if n == 1 else n} der {alle} Handlungsempfehlungen ({t(fmt.anteil(n / alle))})"
    assert text.startswith(kopf), (kopf, text)
    rest = text.replace(kopf, "")
    for s in STATUS_REIHENFOLGE:
        a = g.gesamt["status"][s]
        if a:
            muster = f"{'eine' if a == 1 else a} ({t(fmt.anteil(g.gesamt['anteil'][s]))})"
            assert muster in rest, (muster, text)
            rest = rest.replace(muster, "", 1)
    if g.gesamt["status"]["umgesetzt"] and g.gesamt["status"]["in Arbeit"]:
        muster = (
            f"{t(fmt.anteil(g.gesamt['umgesetzt_oder_in_arbeit']))} ({g.gesamt['umgesetzt_oder_in_arbeit_anzahl']})"
        )
        assert muster in rest
        rest = rest.replace(muster, "")
    mit = g.verteilung[g.verteilung["empfehlungen"] > 0]
    if len(mit) > 1:
        assert f"Sie verteilen sich auf {len(mit)} Handlungsfelder:" in rest
        rest = rest.replace(f"{len(mit)} Handlungsfelder", "")
    geprueft[text] = rest
    # the page Geflüchtete's table: statuses that occur, per field "count (share)"
    status = [s for s in STATUS_REIHENFOLGE if g.gesamt["status"][s]]
    tabelle = gelesen.tabelle(["Handlungsfeld", "Anzahl", *status])
    assert tabelle[1:] == [
        [f"{int(nr)} {name}", str(int(z["empfehlungen"]))]
        + [f"{int(z[s])} ({t(fmt.anteil_tabelle(z[f'anteil_{s}']))})" for s in status]
        for (_, z), nr, name in zip(mit.iterrows(), mit["nr"], mit["name"])
    ]
    for absatz in gelesen.absaetze:
        if absatz.startswith("Ohne Empfehlung mit Bezug zu Geflüchteten:"):
            ohne_felder = g.verteilung[g.verteilung["empfehlungen"] == 0]
            rest = absatz
            for nr, name in zip(ohne_felder["nr"], ohne_felder["name"]):
                assert f"{int(nr)}. {name}" in rest
                rest = rest.replace(f"{int(nr)}. {name}", "")
            geprueft[absatz] = rest


def pruefe_finanzen(gelesen, jetzt, geprueft) -> None:
    anlage = jetzt.anlage
    jahre = [j for j in sorted(anlage.haushalt["jahr"].unique()) if haushalt_summen(anlage, int(j)).positionen]
    if not jahre:
        assert "[Finanzielle Auswirkungen: hier die im Haushalt vorgesehenen Mittel eintragen.]" in gelesen.absaetze
        return
    for jahr in jahre:
        summen = haushalt_summen(anlage, int(jahr))
        satz = gelesen.absatz(f"Laut Haushaltsplan {jahr} ")
        wer = (
            f"eine Maßnahme mit {t(fmt.euro(summen.summe_eur))}"
            if summen.positionen == 1
            else (f"{summen.positionen} Maßnahmen mit zusammen {t(fmt.euro(summen.summe_eur))}")
        )
        assert wer in satz, (wer, satz)
        geprueft[satz] = ""
        posten = im_jahr(anlage.haushalt, int(jahr))
        ist = posten["ist"] if "ist" in posten.columns else pd.Series([None] * len(posten))
        mit_ist = bool(ist.notna().any())
        kopf = ["Maßnahme", "Plan"] + (["Ist"] if mit_ist else [])
        tabelle = next(tb for tb in gelesen.tabellen if tb[0] == kopf and tb[-1][0] == f"Summe {jahr}")
        zeilen = [
            [t(bereinige(m)), t(fmt.euro(b))]
            + ([("keine Angabe" if pd.isna(i) else t(fmt.euro(i)))] if mit_ist else [])
            for m, b, i in zip(posten["massnahme"], posten["betrag"], ist)
        ]
        assert tabelle[1:-1] == zeilen
        summe_ist = float(ist.dropna().sum())
        assert tabelle[-1] == [f"Summe {jahr}", t(fmt.euro(summen.summe_eur))] + (
            [t(fmt.euro(summe_ist))] if mit_ist else []
        )
        # the printed amounts add up to the printed sums
        assert sum(_prozent(z[1]) for z in tabelle[1:-1]) == _prozent(tabelle[-1][1])
        if mit_ist:
            assert sum(_prozent(z[2]) for z in tabelle[1:-1] if z[2] != "keine Angabe") == _prozent(tabelle[-1][2])
            p = fs.plan_ist(anlage, int(jahr))
            ist_satz = gelesen.absatz(f"bei geplanten {t(fmt.euro(p.plan_eur))}")
            assert (
                f"{t(fmt.euro(p.ist_eur))} bei geplanten {t(fmt.euro(p.plan_eur))} für diese Maßnahmen ({t(fmt.anteil(p.quote))})"
                in ist_satz
            )
            rest = (
                ist_satz.replace(t(fmt.euro(p.ist_eur)), "")
                .replace(t(fmt.euro(p.plan_eur)), "")
                .replace(t(fmt.anteil(p.quote)), "")
            )
            if p.positionen_ohne_ist:
                wer = "eine" if p.positionen == 1 else str(p.positionen)
                assert f"für {wer} der {summen.positionen} Maßnahmen vor" in rest
                rest = rest.replace(f"{wer} der {summen.positionen}", "")
                if p.positionen_ohne_ist > 1:
                    rest = rest.replace(f"übrigen {p.positionen_ohne_ist}", "")
            geprueft[ist_satz] = rest


def pruefe_anlage1(gelesen, jetzt, geprueft) -> None:
    anlage = jetzt.anlage
    e = anlage.empfehlungen
    zustaendig, termin = anlage.hat_spalte("zustaendig"), anlage.hat_spalte("termin")
    kopf = (
        ["Handlungsfeld", "Nr", "Ziel", "Empfehlung", "Status", "Bemerkung"]
        + ["Zuständig"] * zustaendig
        + ["Termin"] * termin
    )
    tabelle = gelesen.tabelle(kopf)
    assert tabelle[0] == kopf
    namen = anlage.feldnamen
    assert tabelle[1:] == [
        [
            f"{f} {namen[f]}",
            str(n),
            t(bereinige(z)),
            t(bereinige(w)),
            str(s) + (f" [{kennzeichnung(q, b)}]" if kennzeichnung(q, b) else ""),
            t(bereinige(b)),
        ]
        + ([t(bereinige(zu))] if zustaendig else [])
        + ([t(termin_text(d, g))] if termin else [])
        for f, n, z, w, s, b, q, zu, d, g in zip(
            e["handlungsfeld"],
            e["nr"],
            e["ziel"],
            e["empfehlung"],
            e["status"],
            e["bemerkung"],
            e["quelle"],
            e["zustaendig"] if zustaendig else [""] * len(e),
            e["termin"] if termin else [None] * len(e),
            e["termin_genauigkeit"] if termin else [""] * len(e),
        )
    ]
    anzahl = len(e)
    wer = (
        "der einen Handlungsempfehlung"
        if anzahl == 1
        else ("beider Handlungsempfehlungen" if anzahl == 2 else f"aller {anzahl} Handlungsempfehlungen")
    )
    text = next(a for a in gelesen.absaetze if a.startswith("Auswertung "))
    assert text == f"Auswertung {wer}, Stand {t(fmt.datum(anlage.stand))}."
    geprueft[text] = ""

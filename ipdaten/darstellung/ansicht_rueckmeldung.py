"""German display texts and tables of the Rückmelderunde: when each recommendation was last
reported and by whom (from the workbook's columns Gemeldet am / Gemeldet von), and how far a
round is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe import Anlage
from ipdaten.rueckmeldung import Antwort, Runde, StelleImUeberblick, Termin, frische, rundenzahlen
from ipdaten.rueckmeldung.zusammenfuehren import FELD_TITEL

NIE = "noch nie gemeldet"


def meldung_text(am: object, von: object) -> str:
    """A last report in a table cell: '12. Oktober 2017 (Jobcenter)', '' when never reported."""
    if not isinstance(am, dt.date):
        return ""
    wer = von.strip() if isinstance(von, str) else ""
    return fmt.datum(am) + (f" ({wer})" if wer else "")


def zuletzt_gemeldet(empfehlungen: pd.DataFrame) -> list[str]:
    """The column „Zuletzt gemeldet“ of rows of anlage.empfehlungen (see meldung_text)."""
    return [meldung_text(a, v) for a, v in zip(empfehlungen["gemeldet_am"], empfehlungen["gemeldet_von"])]


def frische_tabelle(anlage: Anlage, heute: dt.date, runde: Runde | None = None) -> pd.DataFrame:
    """Every recommendation with its last report, the longest unreported first (never reported
    at the top): Nr, Empfehlung, Zuständig, Status, „Nicht gemeldet seit“, „Tage“ (since the last
    report) and, with a round whose reply date has passed, „Rückmeldung überfällig“ (ja/'')."""
    f = frische(anlage, heute, runde)
    e = anlage.empfehlungen
    tabelle = pd.DataFrame(
        {
            "Nr": [f"{int(a)}.{int(b)}" for a, b in zip(f["handlungsfeld"], f["nr"])],
            "Empfehlung": e["empfehlung"].astype(str).to_numpy(),
            "Zuständig": [z.strip() if isinstance(z, str) else "" for z in f["zustaendig"]],
            "Status": e["status"].astype(str).to_numpy(),
            "Nicht gemeldet seit": [meldung_text(a, v) or NIE for a, v in zip(f["gemeldet_am"], f["gemeldet_von"])],
            "Tage": ["" if t is None or pd.isna(t) else fmt.zahl(t) for t in f["tage"]],
            "_tage": [float("inf") if t is None or pd.isna(t) else float(t) for t in f["tage"]],
            "_feld": f["handlungsfeld"].to_numpy(),
            "_nr": f["nr"].to_numpy(),
        },
        dtype=object,
    )
    if runde is not None and runde.frist is not None and heute > runde.frist:
        tabelle["Rückmeldung überfällig"] = ["ja" if u else "" for u in f["ueberfaellig"]]
    if not any(tabelle["Zuständig"]):
        tabelle = tabelle.drop(columns="Zuständig")
    tabelle = tabelle.sort_values(["_tage", "_feld", "_nr"], ascending=[False, True, True], kind="stable")
    return tabelle.drop(columns=["_tage", "_feld", "_nr"]).reset_index(drop=True)


def antwort_text(antwort: Antwort) -> str:
    """One form's answer in a conflict, as a choice: 'Jobcenter (Erika Muster, 12. Oktober 2017,
    „bogen.xlsx“): Status „umgesetzt“ · Bemerkung „Kurse laufen“ · Termin „Juni 2018“'."""
    r, m = antwort.rueckmeldung, antwort.meldung
    wer = ", ".join(t for t in (r.absender, fmt.datum(r.datum) if r.datum else "", f"„{r.dateiname}“") if t)
    werte = [
        f"{FELD_TITEL[f]} „{wert.text if isinstance(wert, Termin) else wert}“"
        for f in ("status", "bemerkung", "termin")
        if (wert := getattr(m, f)) is not None
    ]
    return f"{r.stelle_name} ({wer}): " + " · ".join(werte)


def runde_text(runde: Runde) -> str:
    """A round in one line: '„Fortschreibung Herbst 2017“ · Frist 31. Oktober 2017 · begonnen am 2. Oktober 2017'."""
    teile = [f"„{runde.titel}“", f"Frist {fmt.datum(runde.frist)}" if runde.frist else "ohne Frist"]
    teile.append(f"begonnen am {fmt.datum(fmt.ortszeit(runde.erstellt).date())}")
    return " · ".join(teile)


def geantwortet(runde: Runde, stellen: Sequence[StelleImUeberblick]) -> tuple[str, str]:
    """How many recipients answered, as figure and label: ('2 von 5', 'Stellen haben geantwortet');
    for forms per Handlungsfeld '… Handlungsfeldern …'. Joined with a space it is the sentence."""
    zahlen = rundenzahlen(stellen)
    wer = "Stellen" if runde.nach_zustaendigkeit else "Handlungsfeldern"
    return f"{fmt.zahl(zahlen.beantwortet)} von {fmt.zahl(zahlen.stellen)}", f"{wer} haben geantwortet"

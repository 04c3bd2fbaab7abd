"""Plausibility of the Stand: a Stand without a date is a finding (never a silent „ohne Datum“),
and dates of the workbook that contradict each other are a warning – statements of the Stand
among themselves, and dates of the figures after the Stand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.befunde import STAND, Befund, warnung
from ipdaten.arbeitsmappe.standangaben import Standangabe

_HOECHSTENS = 5  # dates named in the text; the rows of all are in the finding


def pruefe_stand(stand: dt.date | None, angaben: tuple[Standangabe, ...], info_blatt: str) -> list[Befund]:
    """The findings about the Stand of an Anlage and every statement of it in the workbook."""
    if stand is None:
        return [
            warnung(
                "plausibel.stand_fehlt",
                "Die Arbeitsmappe nennt kein Stand-Datum: kein Blatt „Info“ mit einer Zeile „Stand“, kein „Stand: …“ "
                "in einer Titelzeile oder im Dateinamen. Beim Veröffentlichen bitte das Datum eingeben; besser im "
                "Blatt „Info“ eine Zeile „Stand“ mit dem Datum der Auswertung eintragen.",
                blatt=info_blatt,
                ursache=STAND,
            )
        ]
    gelesen = angaben[0] if angaben else None
    andere = [a for a in angaben[1:] if gelesen is not None and a.widerspricht(gelesen)]
    if gelesen is None or not andere:
        return []
    return [
        warnung(
            "plausibel.stand_widerspruch",
            "Die Datumsangaben der Arbeitsmappe widersprechen sich: "
            + "; ".join(f"{a.ort}: {fmt.ungefaehres_datum(a.datum, a.genauigkeit)}" for a in (gelesen, *andere))
            + f". Gelesen wurde der Stand {fmt.datum(stand)}; bitte prüfen, welches Datum gilt, und die anderen "
            "Angaben angleichen.",
            ursache=STAND,
        )
    ]


def _tag(wert: object) -> dt.date | None:
    if isinstance(wert, dt.datetime):
        return wert.date()
    return wert if isinstance(wert, dt.date) else None


def pruefe_daten_gegen_stand(
    stand: dt.date | None, empfehlungen: pd.DataFrame, einbuergerung: pd.DataFrame, blaetter: dict[str, str]
) -> list[Befund]:
    """Dates of the figures that contradict the Stand: a status reported („Gemeldet am“) after the
    Stand, and naturalisation quotas of a year that had not ended at the Stand. `blaetter`: the
    workbook's name of each contract sheet."""
    if stand is None:
        return []
    befunde = []
    if "gemeldet_am" in empfehlungen.columns:
        spaeter = [
            (int(zeile), tag)
            for zeile, wert in zip(empfehlungen["zeile"], empfehlungen["gemeldet_am"])
            if (tag := _tag(wert)) is not None and tag > stand
        ]
        if spaeter:
            genannt = "; ".join(f"{fmt.datum(t)} (Zeile {z})" for z, t in spaeter[:_HOECHSTENS])
            rest = len(spaeter) - _HOECHSTENS
            befunde.append(
                warnung(
                    "plausibel.meldung_nach_stand",
                    f"„Gemeldet am“ liegt nach dem Stand {fmt.datum(stand)}: {genannt}"
                    + (f" und {fmt.zahl(rest)} weitere" if rest > 0 else "")
                    + ". Ein Stand kann keine später gemeldeten Angaben enthalten; bitte prüfen, ob das Stand-Datum "
                    "oder das Meldedatum stimmt.",
                    blatt=blaetter.get("Empfehlungen", "Empfehlungen"),
                    zeile=spaeter[0][0],
                    spalte="Gemeldet am",
                    zeilen=tuple(z for z, _ in spaeter),
                    ursache=STAND,
                )
            )
    if not einbuergerung.empty:
        zukunft = einbuergerung[(einbuergerung["jahr"] >= stand.year) & einbuergerung["quote_prozent"].notna()]
        if not zukunft.empty:
            jahre = sorted({int(j) for j in zukunft["jahr"]})
            befunde.append(
                warnung(
                    "plausibel.jahr_nach_stand",
                    f"Einbürgerungsquoten für {', '.join(str(j) for j in jahre)} bei einem Stand vom "
                    f"{fmt.datum(stand)}: Die Quote eines Jahres gibt es erst nach dessen Ende. Bitte prüfen, ob das "
                    "Jahr oder das Stand-Datum stimmt.",
                    blatt=blaetter.get("Einbürgerung", "Einbürgerung"),
                    zeile=int(zukunft["zeile"].iloc[0]),
                    spalte="Jahr",
                    zeilen=tuple(int(z) for z in zukunft["zeile"]),
                    ursache=STAND,
                )
            )
    return befunde

"""Plausibility of the Stand: a Stand without a date is a finding (never a silent „ohne Datum“),
and dates of the workbook that contradict each other are a warning."""

from __future__ import annotations

import datetime as dt

from ipdaten import format as fmt
from ipdaten.arbeitsmappe.befunde import STAND, Befund, warnung
from ipdaten.arbeitsmappe.standangaben import Standangabe


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

"""Open data of one Stand: a writer over exporttabellen.TABELLEN, like the Excel export.

`offene_daten` gives the files an open-data portal takes: one UTF-8 CSV per table (commas,
numbers with a decimal point, dates as 2017-03-06, shares 0 to 1), `daten.json` with all figures
(the same that `python -m ipdaten kennzahlen --json` prints) and `metadaten.jsonld`, the
description in DCAT-AP.de (GovData's standard): publisher, licence, Stand, the period the data
covers and one distribution per file. Publisher and licence are configurable (`Angaben`);
the licence defaults to „Datenlizenz Deutschland – Namensnennung – Version 2.0“.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ipdaten import format as fmt
from ipdaten.darstellung import ansicht
from ipdaten.darstellung.csv_tabelle import STANDARD_LIZENZ, Lizenz, csv_bytes
from ipdaten.praesentation.exportarten import Inhalt
from ipdaten.praesentation.exporttabellen import Exportquelle, Exporttabelle, tabellen

STANDARD_HERAUSGEBER = "Landkreis Böblingen"
JSON_DATEI = "daten.json"
METADATEN_DATEI = "metadaten.jsonld"
DATEN_THEMA = "http://publications.europa.eu/resource/authority/data-theme/SOCI"
SPRACHE = "http://publications.europa.eu/resource/authority/language/DEU"
FORMAT_CSV = "http://publications.europa.eu/resource/authority/file-type/CSV"
FORMAT_JSON = "http://publications.europa.eu/resource/authority/file-type/JSON"
KONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Angaben:
    """Who publishes and under which licence (`namensnennung`: the attribution the licence asks
    for; empty = the publisher)."""

    herausgeber: str = STANDARD_HERAUSGEBER
    lizenz: Lizenz = field(default_factory=lambda: STANDARD_LIZENZ)
    namensnennung: str = ""

    @property
    def nennung(self) -> str:
        """The attribution text."""
        return self.namensnennung or self.herausgeber


def angaben_aus_umgebung(umgebung: Mapping[str, str]) -> Angaben:
    """Publisher and licence as the server or shell configures them: IPDATEN_HERAUSGEBER,
    IPDATEN_LIZENZ (the licence's URI, e.g. http://dcat-ap.de/def/licenses/dl-by-de/2.0),
    IPDATEN_LIZENZ_NAME, IPDATEN_NAMENSNENNUNG; what is not set keeps its default."""
    lizenz = STANDARD_LIZENZ
    uri = umgebung.get("IPDATEN_LIZENZ", "").strip()
    if uri and uri != lizenz.uri:
        lizenz = Lizenz(umgebung.get("IPDATEN_LIZENZ_NAME", "").strip() or uri, uri)
    return Angaben(
        herausgeber=umgebung.get("IPDATEN_HERAUSGEBER", "").strip() or STANDARD_HERAUSGEBER,
        lizenz=lizenz,
        namensnennung=umgebung.get("IPDATEN_NAMENSNENNUNG", "").strip(),
    )


def _wert(wert: object) -> object:
    """A table value as JSON: None for nothing, ISO dates, plain numbers."""
    if wert is None or (isinstance(wert, float) and math.isnan(wert)):
        return None
    if hasattr(wert, "item") and not isinstance(wert, str):
        wert = wert.item()  # numpy scalar
    if isinstance(wert, (dt.date, dt.datetime)):
        return wert.isoformat()
    return wert


def _csv_name(tabelle: Exporttabelle) -> str:
    return f"{tabelle.datei}.csv"


def tabelle_als_csv(inhalt: Inhalt) -> bytes:
    """One table as open-data CSV (csv_tabelle.csv_bytes without the Excel dialect)."""
    kopf, zeilen = inhalt
    return csv_bytes([s.titel for s in kopf], zeilen, fuer_excel=False)


def daten_json(
    quelle: Exportquelle, angaben: Angaben | None = None, hinweise: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """All figures of the Stand as JSON-ready data: what it is, its Stand, source, assumptions,
    publisher and licence, `hinweise` (e.g. plausibility warnings), and every open table with its
    columns (title and kind) and its rows (column title → value)."""
    angaben = angaben or Angaben()
    anlage = quelle.auswertung.anlage
    daten: dict[str, Any] = {
        "titel": anlage.titel,
        "bezeichnung": anlage.bezeichnung,
        "stand": anlage.stand.isoformat() if anlage.stand else None,
        "datenquelle": quelle.quelle,
        "annahmen": ansicht.annahmen_satz(quelle.auswertung.annahmen),
        "herausgeber": angaben.herausgeber,
        "lizenz": {"name": angaben.lizenz.name, "uri": angaben.lizenz.uri, "namensnennung": angaben.nennung},
        "tabellen": [
            {
                "name": tabelle.name,
                "datei": _csv_name(tabelle),
                "beschreibung": tabelle.beschreibung,
                "spalten": [{"titel": s.titel, "art": s.art.name} for s in kopf],
                "zeilen": [{s.titel: _wert(w) for s, w in zip(kopf, zeile)} for zeile in zeilen],
            }
            for tabelle, (kopf, zeilen) in tabellen(quelle, nur_offene=True)
        ],
    }
    if hinweise is not None:
        daten["hinweise"] = hinweise
    return daten


def zeitraum(quelle: Exportquelle) -> tuple[dt.date, dt.date] | None:
    """The period the figures cover: from the first year (naturalisation, budget) or milestone to
    the Stand (without one, to the end of the last such year); None when nothing is dated."""
    anlage = quelle.auswertung.anlage
    jahre = [int(j) for j in (*anlage.einbuergerung["jahr"], *anlage.haushalt["jahr"])]
    daten = [d for d in anlage.meilensteine["datum"] if isinstance(d, dt.date)]
    anfaenge = [dt.date(j, 1, 1) for j in jahre] + daten
    enden = [dt.date(j, 12, 31) for j in jahre] + daten
    if anlage.stand is not None:
        anfaenge, enden = [*anfaenge, anlage.stand], [anlage.stand]
    if not anfaenge:
        return None
    return min(anfaenge), max(enden)


def metadaten(
    quelle: Exportquelle, dateien: list[tuple[str, str, str]], angaben: Angaben | None = None
) -> dict[str, Any]:
    """The description in DCAT-AP.de as JSON-LD: one dcat:Dataset with publisher, licence,
    Stand, temporal coverage and one dcat:Distribution per (file name, title, media type)."""
    angaben = angaben or Angaben()
    anlage = quelle.auswertung.anlage
    stand = fmt.datum(anlage.stand) if anlage.stand else "ohne Datum"
    datensatz: dict[str, Any] = {
        "@context": KONTEXT,
        "@type": "dcat:Dataset",
        "dct:title": f"{anlage.titel} – Stand {stand}",
        "dct:description": " ".join(
            t
            for t in (
                "Umsetzungsstand der Empfehlungen des Integrationsplans je Handlungsfeld, Einbürgerungsquoten "
                "und Haushaltsmittel, ausgewertet aus der Anlage 1.",
                quelle.quelle,
                ansicht.annahmen_satz(quelle.auswertung.annahmen),
            )
            if t
        ),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": angaben.herausgeber},
        "dct:language": {"@id": SPRACHE},
        "dcat:theme": {"@id": DATEN_THEMA},
        "dcat:keyword": ["Integration", "Integrationsplan", "Einbürgerung", angaben.herausgeber],
        "dct:license": {"@id": angaben.lizenz.uri},
        "dcatde:licenseAttributionByText": angaben.nennung,
    }
    if anlage.stand:
        datensatz["dct:modified"] = {"@value": anlage.stand.isoformat(), "@type": "xsd:date"}
    periode = zeitraum(quelle)
    if periode is not None:
        datensatz["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": periode[0].isoformat(), "@type": "xsd:date"},
            "dcat:endDate": {"@value": periode[1].isoformat(), "@type": "xsd:date"},
        }
    datensatz["dcat:distribution"] = [
        {
            "@type": "dcat:Distribution",
            "dct:title": titel,
            "dcat:downloadURL": {"@id": name},
            "dcat:accessURL": {"@id": name},
            "dcat:mediaType": medientyp,
            "dct:format": {"@id": FORMAT_CSV if name.endswith(".csv") else FORMAT_JSON},
            "dct:license": {"@id": angaben.lizenz.uri},
            "dcatde:licenseAttributionByText": angaben.nennung,
        }
        for name, titel, medientyp in dateien
    ]
    return datensatz


def _json_bytes(daten: dict[str, Any]) -> bytes:
    return (json.dumps(daten, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def offene_daten(
    quelle: Exportquelle, angaben: Angaben | None = None, hinweise: list[dict[str, Any]] | None = None
) -> dict[str, bytes]:
    """The files of the open data, by file name: one CSV per open table present, daten.json and
    metadaten.jsonld (its distributions name the other files, relative to it)."""
    dateien: dict[str, bytes] = {}
    verzeichnis: list[tuple[str, str, str]] = []
    for tabelle, inhalt in tabellen(quelle, nur_offene=True):
        dateien[_csv_name(tabelle)] = tabelle_als_csv(inhalt)
        verzeichnis.append((_csv_name(tabelle), f"{tabelle.name}: {tabelle.beschreibung}", "text/csv"))
    dateien[JSON_DATEI] = _json_bytes(daten_json(quelle, angaben, hinweise))
    verzeichnis.append((JSON_DATEI, "Alle Kennzahlen und Tabellen in einer Datei", "application/json"))
    dateien[METADATEN_DATEI] = _json_bytes(metadaten(quelle, verzeichnis, angaben))
    return dateien


def offene_daten_zip(quelle: Exportquelle, angaben: Angaben | None = None) -> bytes:
    """The open data as one ZIP file (for the download on the Daten page)."""
    ziel = io.BytesIO()
    with zipfile.ZipFile(ziel, "w", zipfile.ZIP_DEFLATED) as archiv:
        for name, inhalt in offene_daten(quelle, angaben).items():
            archiv.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), inhalt, zipfile.ZIP_DEFLATED)
    return ziel.getvalue()

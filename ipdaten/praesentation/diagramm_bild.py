"""Charts of the slides (folien.Diagramm) as PNG images for the Word document, drawn offline.

matplotlib renders on the server without a browser (kaleido would need Chromium there and
takes about 2 s per image); the Agg canvas is used directly, never pyplot, so concurrent
sessions do not share a global figure. Colours are the status colours of the screen
(darstellung.farben, carried in the Diagramm); every number is formatted with ipdaten.format.
"""

from __future__ import annotations

import io
from typing import Any

from ipdaten import format as fmt
from ipdaten.darstellung.farben import STATUS_TEXTFARBE
from ipdaten.gemerkt import Gemerkt
from ipdaten.praesentation.folien import Diagramm

ZOLL = 2.54
# Segments narrower than this share get no label (it would not fit).
MIN_BESCHRIFTUNG = 0.05


def wert_text(wert: float | None, zahlenformat: str) -> str:
    """A value in the German form the Diagramm's number format asks for: '1,54 %' (percent
    quoted: the value is in percent), '35 %' (percent sign bare, as Excel: a share 0–1),
    '60.000 €', '7'."""
    if wert is None:
        return fmt.KEINE_ANGABE
    if "€" in zahlenformat:
        return fmt.euro(wert)
    if "%" in zahlenformat:
        stellen = 2 if "0.00" in zahlenformat else (1 if "0.0" in zahlenformat else 0)
        return fmt.prozent(wert if '"' in zahlenformat else wert * 100, stellen)
    return fmt.zahl(wert)


def _figur(breite_cm: float, hoehe_cm: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figur = Figure(figsize=(breite_cm / ZOLL, hoehe_cm / ZOLL), layout="constrained")
    FigureCanvasAgg(figur)
    return figur


def _stil(achse: Any) -> None:
    for seite in ("top", "right"):
        achse.spines[seite].set_visible(False)
    achse.tick_params(labelsize=8)


def _gestapelt(diagramm: Diagramm, breite_cm: float) -> Any:
    from matplotlib.ticker import FuncFormatter

    kategorien = list(diagramm.kategorien)
    summen = [sum(r.werte[i] or 0 for r in diagramm.reihen) for i in range(len(kategorien))]
    figur = _figur(breite_cm, 2.2 + 0.75 * len(kategorien))
    achse = figur.add_subplot()
    links = [0.0] * len(kategorien)
    y = list(range(len(kategorien)))
    for reihe in diagramm.reihen:
        anteile = [(w or 0) / s if s else 0 for w, s in zip(reihe.werte, summen)]
        achse.barh(y, anteile, left=links, color=reihe.farbe, label=reihe.name, height=0.7)
        for i, (anteil, wert) in enumerate(zip(anteile, reihe.werte)):
            if anteil >= MIN_BESCHRIFTUNG:
                achse.text(
                    links[i] + anteil / 2,
                    i,
                    fmt.zahl(wert),
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=STATUS_TEXTFARBE,
                )
        links = [a + b for a, b in zip(links, anteile)]
    achse.set_yticks(y, kategorien)
    achse.invert_yaxis()
    achse.set_xlim(0, 1)
    achse.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt.anteil(x)))
    achse.set_xlabel(diagramm.achsentitel, fontsize=8)
    _stil(achse)
    figur.legend(loc="outside lower center", ncols=len(diagramm.reihen), fontsize=7, frameon=False)
    return figur


def _balken(diagramm: Diagramm, breite_cm: float) -> Any:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    reihe = diagramm.reihen[0]
    kategorien = list(diagramm.kategorien)
    werte = [w if w is not None else 0.0 for w in reihe.werte]
    farben = list(reihe.punktfarben) or [reihe.farbe] * len(werte)
    figur = _figur(breite_cm, 1.8 + 0.7 * len(kategorien))
    achse = figur.add_subplot()
    y = list(range(len(kategorien)))
    achse.barh(y, werte, color=farben, height=0.65)
    groesster = max(werte) if werte and max(werte) > 0 else 1.0
    for i, wert in enumerate(reihe.werte):
        achse.text((wert or 0) + groesster * 0.01, i, wert_text(wert, diagramm.zahlenformat), va="center", fontsize=8)
    achse.set_yticks(y, kategorien)
    achse.invert_yaxis()
    achse.set_xlim(0, groesster * 1.18)
    achse.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    achse.xaxis.set_major_formatter(FuncFormatter(lambda x, _: wert_text(x, diagramm.achsenformat)))
    achse.set_xlabel(diagramm.achsentitel, fontsize=8)
    _stil(achse)
    return figur


def _gruppiert(diagramm: Diagramm, breite_cm: float) -> Any:
    """Bars of several series side by side per category (Verlauf, progress since a Stand)."""
    from matplotlib.ticker import FuncFormatter

    kategorien = list(diagramm.kategorien)
    anzahl = len(diagramm.reihen)
    hoehe = 0.8 / max(anzahl, 1)
    figur = _figur(breite_cm, 2.4 + 0.45 * anzahl * len(kategorien))
    achse = figur.add_subplot()
    groesster = max((w for r in diagramm.reihen for w in r.werte if w is not None), default=1.0) or 1.0
    for index, reihe in enumerate(diagramm.reihen):
        y = [i - 0.4 + hoehe * (index + 0.5) for i in range(len(kategorien))]
        werte = [w if w is not None else 0.0 for w in reihe.werte]
        achse.barh(y, werte, height=hoehe * 0.9, color=reihe.farbe, label=reihe.name)
        if reihe.beschriftungen is None:
            continue
        texte = reihe.beschriftungen or reihe.texte or tuple(wert_text(w, diagramm.zahlenformat) for w in reihe.werte)
        for yi, wert, beschriftung in zip(y, reihe.werte, texte):
            achse.text((wert or 0) + groesster * 0.01, yi, beschriftung, va="center", fontsize=7)
    achse.set_yticks(range(len(kategorien)), kategorien)
    achse.invert_yaxis()
    links, rechts = diagramm.bereich or (0.0, groesster * 1.2)
    achse.set_xlim(links, rechts)
    achse.xaxis.set_major_formatter(FuncFormatter(lambda x, _: wert_text(x, diagramm.achsenformat)))
    achse.set_xlabel(diagramm.achsentitel, fontsize=8)
    _stil(achse)
    figur.legend(loc="outside lower center", ncols=anzahl, fontsize=7, frameon=False)
    return figur


# The PNGs drawn last, by the chart's content (a Diagramm compares by identity): a Sitzungsvorlage
# built again with other meeting details, or as PDF, draws the same charts (a third of a second each).
_GEZEICHNET = Gemerkt(hoechstens=24)


def png_bytes(diagramm: Diagramm, breite_cm: float = 16.0, dpi: int = 150) -> bytes:
    """The chart as PNG bytes, `breite_cm` wide (the height follows the number of bars).

    Supports the kinds "gestapelt_100", "balken" and "gruppiert" of folien.Diagramm."""
    return _GEZEICHNET.wert((repr(diagramm), breite_cm, dpi), lambda: _zeichne(diagramm, breite_cm, dpi))


def _zeichne(diagramm: Diagramm, breite_cm: float, dpi: int) -> bytes:
    if diagramm.art == "gestapelt_100":
        figur = _gestapelt(diagramm, breite_cm)
    elif diagramm.art == "balken":
        figur = _balken(diagramm, breite_cm)
    elif diagramm.art == "gruppiert":
        figur = _gruppiert(diagramm, breite_cm)
    else:
        raise ValueError(f"Diagrammart {diagramm.art!r} wird als Bild nicht unterstützt")
    puffer = io.BytesIO()
    figur.savefig(puffer, format="png", dpi=dpi, metadata={"Software": None})
    return puffer.getvalue()

// The narrow layout of the plotly charts (phones): run by oberflaeche/dokument.py's script.
//
// The server builds one figure per chart without knowing the screen. Below SCHMAL px of chart
// width the figure's layout is changed in the browser, never its data: smaller type, category
// labels wrapped to the width, the legend below the chart, fewer ticks, margins that fit. Then the
// chart is measured (texts past the edge, the legend on the axis title) and the margins corrected,
// at most RUNDEN times. Every change keeps the value it replaced, in the layout itself
// (MERKER), so a wider chart (a phone turned, a window widened) gets its layout back exactly and a
// chart Streamlit draws again from its state still knows its original. Triggered by plotly's
// `plotly_afterplot`, which follows every drawing (first drawing, Streamlit's new width, resize).
(() => {
  if (window.ipdatenSchmal) return;
  const SCHMAL = 560;
  const RUNDEN = 4;
  const MERKER = "_ipdatenSchmal";
  const Z = 0.55; // average character width in em (Arial, Source Sans)
  // "<" never followed by a letter or "/" in this file: Streamlit's sanitizer (DOMPurify) drops a
  // script whose text looks like markup.
  const BR = "\x3cbr>";

  const holen = (obj, pfad) => pfad.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
  const schrift = (s) => (s > 12 ? Math.round(12 + (s - 12) * 0.25) : s);

  // Escaped plotly text wrapped at about `n` characters per line, at spaces only; the mark "*"
  // stays with its word. Workbook text arrives escaped ("&lt;br&gt;"), so only plotly's own line breaks split.
  const umbrechen = (text, n) => {
    const zeilen = [];
    for (const wort of String(text).split(/\x3cbr\s*\/?>|\s+/i).filter(Boolean)) {
      const letzte = zeilen.length - 1;
      if (letzte >= 0 && (wort === "*" || zeilen[letzte].length + 1 + wort.length <= n)) zeilen[letzte] += " " + wort;
      else zeilen.push(wort);
    }
    return zeilen.join(BR);
  };

  // An axis title with lines in styled spans (the footnote of diagramm_stil.fussnote): each
  // paragraph rewrapped at `n` characters, its type scaled like every other text.
  const titelUmbrechen = (text, n, skalieren = false) => {
    const absaetze = [];
    for (const zeile of String(text).split(/\x3cbr\s*\/?>/i)) {
      const m = zeile.match(/^\x3cspan style=(['"])(.*?)\1>(.*)\x3c\/span>$/);
      const stil = m ? m[2] : null;
      const inhalt = m ? m[3] : zeile;
      const letzter = absaetze[absaetze.length - 1];
      if (stil !== null && letzter && letzter.stil === stil) letzter.text += " " + inhalt;
      else absaetze.push({ stil, text: inhalt });
    }
    return absaetze
      .map(({ stil, text: t }) => {
        const zeilen = umbrechen(t, n).split(BR);
        if (stil === null) return zeilen.join(BR);
        const neu = skalieren ? stil.replace(/font-size:\s*(\d+(?:\.\d+)?)px/, (_, s) => `font-size:${schrift(Number(s))}px`) : stil;
        return zeilen.map((z) => `\x3cspan style='${neu}'>${z}\x3c/span>`).join(BR);
      })
      .join(BR);
  };

  // Streamlit gives a chart's element the figure's height in pixels; a taller narrow chart needs
  // its element as tall. Where the page sets the height (a slide), the chart keeps it.
  const element = (gd) => gd.closest('[data-testid="stElementContainer"]');
  // Streamlit marks the element's height: "824px" from the figure, "100%" where the page sets it.
  const hoeheFrei = (gd) => /^\d+(\.\d+)?px$/.test((element(gd) || { getAttribute: () => "" }).getAttribute("height") || "");
  function hoeheSetzen(gd, hoehe) {
    const el = element(gd);
    if (!el) return;
    // The element is a flex item whose basis is its height.
    for (const eigenschaft of ["height", "flex-basis"]) {
      if (hoehe == null) el.style.removeProperty(eigenschaft);
      else el.style.setProperty(eigenschaft, `${hoehe}px`);
    }
  }

  const groesse = (gd, pfad) => holen(gd.layout, pfad) ?? holen(gd.layout, "font.size") ?? 12;

  // The first narrow layout, from the figure's own values.
  function grundlage(gd) {
    const fl = gd._fullLayout;
    const lay = {};
    const frei = hoeheFrei(gd);
    const spuren = gd.data.map((s) => {
      const groesse = holen(s, "textfont.size");
      return typeof groesse === "number" ? { "textfont.size": schrift(groesse) } : {};
    });
    for (const pfad of ["font.size", "title.font.size", "legend.font.size", "legend.title.font.size"]) {
      const s = holen(gd.layout, pfad);
      if (s != null) lay[pfad] = schrift(s);
    }
    if (lay["font.size"] === undefined) lay["font.size"] = 12;
    const notizen = (gd.layout.annotations || []).map((a) =>
      a.font && a.font.size != null ? { ...a, font: { ...a.font, size: schrift(a.font.size) } } : a
    );
    for (const achse of ["xaxis", "yaxis"]) {
      if (!fl[achse]) continue;
      for (const pfad of ["tickfont.size", "title.font.size"]) {
        const s = holen(gd.layout, `${achse}.${pfad}`);
        if (s != null) lay[`${achse}.${pfad}`] = schrift(s);
      }
      if (fl[achse].type !== "category" && holen(gd.layout, `${achse}.tickmode`) !== "array") lay[`${achse}.nticks`] = achse === "yaxis" ? 6 : fl[achse].type === "date" ? 3 : 4;
      lay[`${achse}.tickangle`] = 0;
      lay[`${achse}.automargin`] = true; // the title below the ticks, whatever their size
    }
    // Type set in the axis title's own spans (the footnote) scaled too.
    const titel = holen(gd.layout, "xaxis.title.text");
    if (typeof titel === "string" && /font-size:/.test(titel)) lay["xaxis.title.text"] = titelUmbrechen(titel, 1000, true);
    // Thin out fixed ticks (0, 20, … 100 %): every second one.
    const x = gd.layout.xaxis || {};
    if (Array.isArray(x.tickvals) && x.tickvals.length > 4 && fl.xaxis.type !== "category") {
      lay["xaxis.tickvals"] = x.tickvals.filter((_, i) => i % 2 === 0);
      if (Array.isArray(x.ticktext)) lay["xaxis.ticktext"] = x.ticktext.filter((_, i) => i % 2 === 0);
    }
    // Category labels of horizontal bars above their bar, across the whole width like the bars:
    // beside the bars they took half of a phone's width. As notes at the bars (tick labels of
    // several lines do not sit on one line above a bar), the gap between the bars as tall as the
    // longest label, the chart as tall as that needs.
    const balken = gd._fullData.filter((s) => s.type === "bar" && s.orientation === "h" && s.visible === true);
    const mitBalken = Boolean(fl.yaxis && fl.yaxis.type === "category" && fl.yaxis.visible && balken.length);
    if (mitBalken) {
      const kategorien = [...new Set(gd.data.flatMap((s) => (Array.isArray(s.y) ? s.y : [])))];
      const s = schrift(groesse(gd, "yaxis.tickfont.size"));
      const texte = kategorien.map((k) => umbrechen(k, Math.max(16, Math.floor((0.95 * fl.width) / (Z * s)))));
      const zeilen = Math.max(...texte.map((t) => t.split(BR).length), 1);
      const beschriftung = zeilen * s * 1.3 + 6;
      const dicke = Math.max(16, 1.4 * s) * (fl.barmode === "group" ? balken.length : 1);
      let band = dicke + beschriftung;
      if (frei) lay.height = Math.round(fl.height - fl._size.h + kategorien.length * band);
      else band = fl._size.h / kategorien.length; // the page gives the height
      const luecke = Math.min(0.75, beschriftung / band);
      gd.data.forEach((spur, i) => {
        const marke = holen(spur, "marker.size");
        if ((spur.type || "scatter") === "scatter" && typeof marke === "number" && marke > band * (1 - luecke) + 4)
          spuren[i] = { ...spuren[i], "marker.size": Math.round(band * (1 - luecke) + 4) };
      });
      lay["yaxis.showticklabels"] = false;
      lay.bargap = luecke;
      const farbe = holen(fl, "yaxis.tickfont.color") || "#1A1A1A";
      kategorien.forEach((k, i) =>
        notizen.push({
          text: texte[i],
          x: 0,
          xref: "paper",
          y: k,
          yref: "y",
          xanchor: "left",
          yanchor: "bottom",
          align: "left",
          yshift: Math.round((band * (1 - luecke)) / 2 + 3),
          showarrow: false,
          font: { size: s, color: farbe },
        })
      );
    }
    if (notizen.length) lay.annotations = notizen;
    // The legend in rows under the chart, from its left edge (measured into place afterwards).
    if (fl.showlegend) {
      Object.assign(lay, {
        "legend.orientation": "h",
        "legend.xref": "container",
        "legend.x": 0,
        "legend.xanchor": "left",
        "legend.yref": "container",
        "legend.y": 0,
        "legend.yanchor": "bottom",
        "legend.title.side": "top",
      });
      if (!holen(gd.layout, "title.text")) lay["margin.t"] = Math.min(holen(gd.layout, "margin.t") ?? 100, 36);
    }
    lay["margin.l"] = Math.min(holen(gd.layout, "margin.l") ?? 80, 6);
    lay["margin.r"] = Math.min(holen(gd.layout, "margin.r") ?? 80, 12);
    return { lay, spuren, zustand: { breite: fl.width, seitenhoehe: fl.height, frei, flaeche: mitBalken ? 0 : Math.max(fl._size.h, 0.6 * fl.height), runde: 0, alt: {}, spuren: [] } };
  }

  // Corrections from the drawn chart: texts past the edge, the x title too wide, the legend on
  // other texts. Empty when everything fits.
  function nachmessen(gd) {
    const fl = gd._fullLayout;
    const svg = gd.querySelector("svg.main-svg");
    if (!svg) return {};
    const rahmen = svg.getBoundingClientRect();
    const legende = gd.querySelector("g.legend");
    const flaeche = { links: rahmen.left + fl._size.l, breite: fl._size.w };
    let rechts = 0;
    let links = 0;
    let oben = 0;
    let titelRaus = false;
    let ytick = false;
    let legendeOben = Infinity;
    let andereUnten = -Infinity;
    for (const t of gd.querySelectorAll("svg.main-svg text")) {
      const r = t.getBoundingClientRect();
      if (!r.width || !t.textContent.trim()) continue;
      if (legende && legende.contains(t)) {
        legendeOben = Math.min(legendeOben, r.top);
        continue;
      }
      andereUnten = Math.max(andereUnten, r.bottom);
      const ueberRechts = r.right - rahmen.right;
      const ueberLinks = rahmen.left - r.left;
      oben = Math.max(oben, rahmen.top - r.top);
      if (t.closest("g.ytick")) {
        if (ueberLinks > 1 || ueberRechts > 1) ytick = true;
      } else if (t.closest("g.g-xtitle")) {
        if (ueberLinks > 1 || ueberRechts > 1) titelRaus = true;
      } else if (ueberRechts > 1) {
        // The plot shrinks by d, a text at fraction f of it moves left by f·d.
        const f = Math.max(0.15, (r.left - flaeche.links) / flaeche.breite);
        rechts = Math.max(rechts, ueberRechts / f + 2);
      } else if (ueberLinks > 1) links = Math.max(links, ueberLinks + 2);
    }
    const lay = {};
    if (rechts) lay["margin.r"] = fl.margin.r + Math.ceil(rechts);
    if (links) lay["margin.l"] = fl.margin.l + Math.ceil(links);
    if (oben > 1) lay["margin.t"] = fl.margin.t + Math.ceil(oben) + 2;
    if (ytick) {
      const s = holen(gd.layout, "yaxis.tickfont.size") ?? groesse(gd, "font.size");
      if (s > 10) lay["yaxis.tickfont.size"] = s - 1;
    }
    if (titelRaus) {
      const mitte = fl._size.l + fl._size.w / 2;
      const platz = 2 * Math.min(mitte, fl.width - mitte) - 8;
      const s = holen(gd.layout, "xaxis.title.font.size") ?? groesse(gd, "font.size");
      const text = holen(gd.layout, "xaxis.title.text");
      const neu = text && titelUmbrechen(text, Math.max(10, Math.floor(platz / (Z * s))));
      if (neu && neu !== text) lay["xaxis.title.text"] = neu;
    }
    const zustand = gd.layout[MERKER];
    if (legendeOben < andereUnten + 6) {
      const mehr = Math.ceil(andereUnten + 10 - legendeOben);
      lay["margin.b"] = fl._size.b + mehr;
      if (zustand.frei) lay.height = fl.height + mehr;
    }
    // Any other chart keeps a plot of about its own height (up to 300 px) above the legend's rows.
    const ziel = Math.min(zustand.flaeche, 300);
    if (zustand.frei && fl._size.h < ziel - 2) lay.height = (lay.height ?? fl.height) + Math.ceil(ziel - fl._size.h);
    return lay;
  }

  // Apply layout and per-trace changes, keeping every replaced value once in `zustand.alt`.
  function anwenden(gd, zustand, lay, spuren) {
    for (const pfad of Object.keys(lay)) {
      if (!(pfad in zustand.alt)) zustand.alt[pfad] = holen(gd.layout, pfad.replace(/\[(\d+)\]/g, ".$1")) ?? null;
    }
    const spurAenderung = {};
    const indizes = [];
    (spuren || []).forEach((aenderung, i) => {
      for (const [pfad, wert] of Object.entries(aenderung)) {
        zustand.spuren[i] = zustand.spuren[i] || {};
        if (!(pfad in zustand.spuren[i])) zustand.spuren[i][pfad] = holen(gd.data[i], pfad) ?? null;
        spurAenderung[pfad] = spurAenderung[pfad] || gd.data.map((s) => holen(s, pfad) ?? null);
        spurAenderung[pfad][i] = wert;
        if (!indizes.includes(i)) indizes.push(i);
      }
    });
    gd.layout[MERKER] = zustand;
    if ("height" in lay) hoeheSetzen(gd, (zustand.hoehe = lay.height));
    return window.Plotly.update(gd, spurAenderung, lay);
  }

  function zuruecksetzen(gd, zustand) {
    delete gd.layout[MERKER];
    hoeheSetzen(gd, null);
    const spuren = {};
    zustand.spuren.forEach((alt, i) => {
      for (const [pfad, wert] of Object.entries(alt || {})) {
        spuren[pfad] = spuren[pfad] || gd.data.map((s) => holen(s, pfad) ?? null);
        spuren[pfad][i] = wert;
      }
    });
    return window.Plotly.update(gd, spuren, zustand.alt);
  }

  function anpassen(gd) {
    const fl = gd._fullLayout;
    if (!fl || !gd.layout || !window.Plotly || gd[MERKER + "Laeuft"]) return;
    const zustand = gd.layout[MERKER];
    const schmal = fl.width < SCHMAL;
    let arbeit = null;
    // A new width, or a new height where the page sets it (a slide drawn before its height was
    // known), is laid out afresh from the original.
    const neueHoehe = zustand && !zustand.frei && Math.abs(zustand.seitenhoehe - fl.height) > 4;
    if (zustand && (!schmal || Math.abs(zustand.breite - fl.width) > 4 || neueHoehe)) arbeit = zuruecksetzen(gd, zustand);
    else if (schmal && !zustand) {
      const { lay, spuren, zustand: neu } = grundlage(gd);
      arbeit = anwenden(gd, neu, lay, spuren);
    } else if (schmal && zustand.hoehe && Math.abs(fl.height - zustand.hoehe) > 1) {
      // Streamlit drew the chart again at its element's old height (a new element, a rerun); where
      // the page holds the height after all, the chart keeps the page's.
      zustand.versuche = (zustand.versuche || 0) + 1;
      hoeheSetzen(gd, zustand.versuche > 2 ? null : zustand.hoehe);
      if (zustand.versuche > 2) zustand.hoehe = null;
      else arbeit = window.Plotly.relayout(gd, { height: zustand.hoehe });
    } else if (schmal && zustand.runde < RUNDEN) {
      zustand.versuche = 0;
      const lay = nachmessen(gd);
      zustand.runde = Object.keys(lay).length ? zustand.runde + 1 : RUNDEN;
      if (Object.keys(lay).length) arbeit = anwenden(gd, zustand, lay, []);
    }
    // What the chart shows now, for tests and anyone who looks: "breit", "schmal", or "arbeit".
    gd.dataset.ipdatenLayout = arbeit ? "arbeit" : schmal ? "schmal" : "breit";
    if (!arbeit) return;
    gd[MERKER + "Laeuft"] = true;
    Promise.resolve(arbeit)
      .catch((fehler) => console.warn("ipdaten: schmales Diagramm", fehler))
      .finally(() => {
        gd[MERKER + "Laeuft"] = false;
        planen(gd);
      });
  }

  function planen(gd) {
    requestAnimationFrame(() => anpassen(gd));
  }

  // Called by the document script for every chart it sees; listens once per chart element.
  window.ipdatenSchmal = (gd) => {
    if (gd[MERKER + "Hoert"] || typeof gd.on !== "function") return;
    gd[MERKER + "Hoert"] = true;
    gd.on("plotly_afterplot", () => planen(gd));
    planen(gd);
  };
})();

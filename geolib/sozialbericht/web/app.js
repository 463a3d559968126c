/* Sozialbericht: map per year, ranking of the planning regions, indicators over the years.
   Reads window.SOZIALBERICHT (data.js); draws the map as SVG and the charts with uPlot.
   Withheld values are absent from the data: they are shown as such, never computed. */
(function () {
  "use strict";
  var D = window.SOZIALBERICHT;
  var T = D.texts;
  var SVG = "http://www.w3.org/2000/svg";
  var COLORS = ["#0b63ce", "#e8710a", "#5f6368"];
  var state = { yearIndex: D.years.length - 1, selected: null, openRegion: null };
  var charts = [];
  var areaByKey = {};
  var regionByName = {};
  D.areas.forEach(function (a) { areaByKey[a.key] = a; });
  D.regions.forEach(function (r) { regionByName[r.name] = r; });

  function fill(text, fields) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in fields ? fields[k] : m; });
  }
  /* German number for chart axes: 1.234,5 and a minus sign (the data carries its texts). */
  function numberDe(v, decimals) {
    if (v === null || v === undefined || isNaN(v)) { return ""; }
    var s = Math.abs(v).toFixed(decimals);
    var parts = s.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (v < 0 && Number(s) !== 0 ? "\u2212" : "") + parts.join(",");
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function setText(id, text) { document.getElementById(id).textContent = text; }
  function year() { return D.years[state.yearIndex]; }
  function entryOf(unit, y) { return (unit && unit.years[String(y)]) || { noData: true }; }
  function valueText(entry) {
    if (entry.withheld) { return T.withheld; }
    if (entry.noData || entry.text === undefined) { return T.noData; }
    return entry.text;
  }
  function cell(text, cls) {
    var td = el("td", { text: text });
    var withheld = text === T.withheld || text === T.noData;
    td.className = (cls || "") + (withheld ? " withheld" : "");
    return td;
  }

  /* --- static texts ------------------------------------------------------------------- */
  function staticTexts() {
    setText("description", D.description || "");
    if (D.synthetic) {
      var banner = document.getElementById("synthetic");
      banner.textContent = T.synthetic;
      banner.hidden = false;
    }
    setText("year-caption", T.year);
    document.getElementById("controls").setAttribute("aria-label", T.year);
    setText("map-hint", T.mapHint);
    setText("ranking-hint", T.rankingHint);
    setText("charts-hint", T.chartsHint);
    var footer = document.getElementById("about");
    footer.appendChild(el("h2", { text: T.methodHeading }));
    footer.appendChild(el("p", { text: fill(T.method, { title: D.title }) }));
    footer.appendChild(el("h2", { text: T.protectionHeading }));
    footer.appendChild(el("p", {
      text: fill(T.protection, { threshold: D.threshold, min_den: D.minDenominator })
    }));
    footer.appendChild(el("h2", { text: T.sourcesHeading }));
    var sources = D.sources.slice();
    if (D.synthetic) { sources.unshift(T.synthetic); }
    footer.appendChild(el("ul", { id: "sources" }, sources.map(function (s) {
      return el("li", { text: s });
    })));
    footer.appendChild(el("h2", { text: T.librariesHeading }));
    footer.appendChild(el("ul", {}, D.libraries.map(function (lib) {
      return el("li", { text: fill(T.library, lib) });
    })));
    footer.appendChild(el("p", { text: T.offline }));
  }

  /* --- map ---------------------------------------------------------------------------- */
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function buildMap() {
    var map = document.getElementById("map");
    map.setAttribute("viewBox", "0 0 " + D.map.width + " " + D.map.height);
    map.setAttribute("aria-label", D.title);
    var defs = svg("defs", {});
    var hatch = svg("pattern", { id: "withheld", width: 6, height: 6,
      patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    hatch.appendChild(svg("rect", { width: 6, height: 6, fill: "#e4e4e8" }));
    hatch.appendChild(svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#9a9aa3", "stroke-width": 2 }));
    defs.appendChild(hatch);
    map.appendChild(defs);
    if (D.map.inset) {
      var box = D.map.inset;
      map.appendChild(svg("rect", { "class": "inset", x: box.x + 1, y: box.y + 1,
        width: box.width - 2, height: box.height - 2 }));
      var label = svg("text", { "class": "inset-label", x: box.x + 6, y: box.y + box.height + 16 });
      label.textContent = D.map.insetNames.join(", ");
      map.appendChild(label);
      var note = svg("title", {});
      note.textContent = T.inset;
      label.appendChild(note);
    }
    D.areas.forEach(function (a) {
      if (!a.path) { return; }
      var path = svg("path", { d: a.path, "class": "area", "data-key": a.key, tabindex: 0 });
      path.appendChild(svg("title", {}));
      path.addEventListener("click", function () { selectArea(a.key); });
      path.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectArea(a.key); }
      });
      map.appendChild(path);
    });
  }
  function renderMap() {
    var y = year();
    setText("map-heading", fill(T.mapHeading, { year: y }));
    var members = state.openRegion && regionByName[state.openRegion]
      ? regionByName[state.openRegion].members : [];
    document.querySelectorAll("#map path.area").forEach(function (path) {
      var a = areaByKey[path.getAttribute("data-key")];
      var e = entryOf(a, y);
      var color = e.withheld ? "url(#withheld)"
        : (e.noData || !e["class"]) ? "#f1f1f4" : D.classes[e["class"] - 1];
      path.setAttribute("fill", color);
      var rank = e.rank ? " (" + T.rank + " " + e.rank + ")" : "";
      path.firstChild.textContent = a.name + ": " + valueText(e) + rank;
      path.classList.toggle("member", members.indexOf(a.key) >= 0);
      path.classList.toggle("selected",
        !!(state.selected && state.selected.type === "area" && state.selected.key === a.key));
    });
    var legend = document.getElementById("legend");
    legend.textContent = "";
    (D.legend[String(y)] || []).forEach(function (item) {
      if (!item.range) { return; }
      legend.appendChild(el("span", { "class": "legend-item" }, [
        el("span", { "class": "swatch", style: "background:" + D.classes[item["class"] - 1] }),
        document.createTextNode(fill(T.legendClass, { n: item["class"] }) + ": " + item.range)
      ]));
    });
    legend.appendChild(el("span", { "class": "legend-item" }, [
      el("span", { "class": "swatch", style: "background:repeating-linear-gradient(45deg,#e4e4e8 0 3px,#9a9aa3 3px 5px)" }),
      document.createTextNode(T.legendWithheld)
    ]));
    legend.appendChild(el("span", { "class": "legend-item hint", text: T.legendHigh }));
  }

  /* --- ranking ------------------------------------------------------------------------ */
  function byRank(units, y) {
    return units.slice().sort(function (a, b) {
      var ra = entryOf(a, y).rank || Infinity;
      var rb = entryOf(b, y).rank || Infinity;
      return ra !== rb ? ra - rb : a.name.localeCompare(b.name, "de");
    });
  }
  function changeText(e, field) {
    if (e.withheld || e.noData) { return ""; }
    return e[field] !== undefined ? e[field] : (state.yearIndex === 0 ? T.noPrevious : "");
  }
  function membersRow(region, y) {
    var units = byRank(region.members.map(function (k) { return areaByKey[k]; })
      .filter(Boolean), y);
    var table = el("table", { "class": "member-table" }, [
      el("thead", {}, [el("tr", {}, [el("th", { text: T.municipality }),
        el("th", { "class": "num", text: T.index }), el("th", { "class": "num", text: T.rank }),
        el("th", { "class": "num", text: T.change })])]),
      el("tbody", {}, units.map(function (a) {
        var e = entryOf(a, y);
        var row = el("tr", { "data-key": a.key }, [cell(a.name), cell(valueText(e), "num"),
          cell(e.rank ? String(e.rank) : "", "num"), cell(changeText(e, "change"), "num")]);
        row.addEventListener("click", function () { selectArea(a.key); });
        return row;
      }))
    ]);
    var td = el("td", { colspan: 5 }, [
      el("h3", { text: fill(T.members, { name: region.name, year: y }) }), table]);
    return el("tr", { "class": "members", "data-region": region.name }, [td]);
  }
  function renderRanking() {
    var y = year();
    setText("ranking-heading", fill(T.rankingHeading, { year: y }));
    var table = document.getElementById("ranking");
    table.tHead.textContent = "";
    table.tHead.appendChild(el("tr", {}, [el("th", { "class": "num", text: T.rank }),
      el("th", { text: T.region }), el("th", { "class": "num", text: T.index }),
      el("th", { "class": "num", text: T.change }),
      el("th", { "class": "num", text: T.rankChange })]));
    var body = table.tBodies[0];
    body.textContent = "";
    byRank(D.regions, y).forEach(function (r) {
      var e = entryOf(r, y);
      var open = state.openRegion === r.name;
      var row = el("tr", { "class": "region", "data-region": r.name, tabindex: 0,
        "aria-expanded": open ? "true" : "false" }, [
        cell(e.rank ? String(e.rank) : "", "num"), cell(r.name), cell(valueText(e), "num"),
        cell(changeText(e, "change"), "num"), cell(changeText(e, "rankChange"), "num")]);
      row.addEventListener("click", function () { toggleRegion(r.name); });
      row.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggleRegion(r.name); }
      });
      body.appendChild(row);
      if (open) { body.appendChild(membersRow(r, y)); }
    });
  }

  /* --- charts ------------------------------------------------------------------------- */
  function chartUnits() {
    var units = [];
    var sel = state.selected;
    if (sel && sel.type === "area" && areaByKey[sel.key]) {
      var a = areaByKey[sel.key];
      units.push(a);
      if (a.region && regionByName[a.region]) { units.push(regionByName[a.region]); }
    } else if (sel && sel.type === "region" && regionByName[sel.name]) {
      units.push(regionByName[sel.name]);
    }
    if (D.comparison) { units.push(D.comparison); }
    return units;
  }
  function renderCharts() {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var units = chartUnits();
    var box = document.getElementById("charts");
    box.textContent = "";
    setText("charts-heading", fill(T.chartsHeading, { name: units.length ? units[0].name : "" }));
    D.indicators.forEach(function (ind) {
      var div = el("div", { "class": "chart", "data-indicator": ind.name }, [
        el("h3", { text: ind.label }),
        ind.reversed ? el("p", { "class": "note", text: T.reversed }) : null]);
      box.appendChild(div);
      var data = [D.years.slice()];
      units.forEach(function (u) {
        data.push(D.years.map(function (y) {
          var v = (entryOf(u, y).indicators || {})[ind.name];
          return v && v.value !== undefined ? v.value : null;
        }));
      });
      var width = Math.max(300, Math.min(div.clientWidth || 380, 620));
      var opts = {
        width: width, height: 190, legend: { live: false },
        scales: { x: { time: false } },
        series: [{ label: T.year }].concat(units.map(function (u, i) {
          return { label: u.name, stroke: COLORS[i % COLORS.length], width: 2,
            points: { show: true, size: 6 }, spanGaps: false };
        })),
        axes: [
          { values: function (u, splits) {
            return splits.map(function (v) { return Number.isInteger(v) ? String(v) : ""; });
          } },
          { size: 64, values: function (u, splits) {
            return splits.map(function (v) { return numberDe(v, ind.decimals); });
          } }
        ]
      };
      charts.push(new uPlot(opts, data, div));
      var rows = units.map(function (u) {
        return el("tr", {}, [cell(u.name)].concat(D.years.map(function (y) {
          var v = (entryOf(u, y).indicators || {})[ind.name];
          var e = entryOf(u, y);
          var text = v && v.text !== undefined ? v.text : (e.noData ? T.noData : T.withheld);
          return cell(text, "num");
        })));
      });
      div.appendChild(el("table", { "class": "values" }, [
        el("thead", {}, [el("tr", {}, [el("th", { text: "" })].concat(D.years.map(function (y) {
          return el("th", { "class": "num", text: String(y) });
        })))]),
        el("tbody", {}, rows)]));
    });
  }

  /* --- interaction -------------------------------------------------------------------- */
  function selectArea(key) {
    var a = areaByKey[key];
    state.selected = { type: "area", key: key };
    if (a && a.region) { state.openRegion = a.region; }
    render(true);
  }
  function toggleRegion(name) {
    state.openRegion = state.openRegion === name ? null : name;
    state.selected = { type: "region", name: name };
    render(true);
  }
  function render(withCharts) {
    setText("year-label", String(year()));
    renderMap();
    renderRanking();
    if (withCharts) { renderCharts(); }
  }
  function start() {
    staticTexts();
    buildMap();
    var slider = document.getElementById("year");
    slider.max = String(D.years.length - 1);
    slider.value = String(state.yearIndex);
    slider.addEventListener("input", function () {
      state.yearIndex = Number(slider.value);
      slider.setAttribute("aria-valuetext", String(year()));
      render(false);
    });
    render(true);
  }
  start();
}());

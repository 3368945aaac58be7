/**
 * The script of report.html, run in the browser after Chart.js and Cytoscape.js (both
 * inlined by html.ts). It reads the ReportView (html-data.ts) from the page's JSON block
 * and draws every chart; all drawing is the libraries', none by hand. Kept as plain
 * browser JavaScript in a string, since it never runs in Node.
 */
export const PAGE_SCRIPT = String.raw`
"use strict";
(function () {
  var view = JSON.parse(document.getElementById("report-data").textContent);
  var PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    "#1f77b4", "#aec7e8", "#ff7f0e", "#98df8a", "#d62728", "#9467bd", "#c5b0d5", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
  // Places: Kelly's colours of maximum contrast (less black and white), then two more.
  var PLACE_PALETTE = ["#f3c300", "#875692", "#f38400", "#a1caf1", "#be0032", "#c2b280", "#848482", "#008856", "#e68fac", "#0067a5",
    "#f99379", "#604e97", "#f6a600", "#b3446c", "#dcd300", "#882d17", "#8db600", "#654522", "#e25822", "#2b3d26", "#4e79a7", "#76b7b2"];
  var charts = [];
  Chart.defaults.font.family = "system-ui, sans-serif";
  Chart.defaults.animation = false;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function canvasIn(parent, height) {
    var box = el("div", { "class": "chart", style: "height:" + height + "px" });
    var c = el("canvas");
    box.appendChild(c);
    parent.appendChild(box);
    return c;
  }
  function chart(parent, height, config, keep) {
    var c = new Chart(canvasIn(parent, height), config);
    if (!keep) charts.push(c);
    return c;
  }
  // One colour per place for the whole page, so a place looks the same on every day and seed.
  var sectorColor = {};
  var sectorList = {};
  view.runs.forEach(function (r) { r.days.forEach(function (d) { d.rows.forEach(function (row) { row.places.forEach(function (s) { sectorList[s[2].split(": ")[0]] = true; }); }); }); });
  Object.keys(sectorList).sort().forEach(function (s, i) { sectorColor[s] = PLACE_PALETTE[i % PLACE_PALETTE.length]; });
  function pct(x) { return Math.round(x * 1000) / 10 + " %"; }
  function hhmm(h) {
    var m = Math.round(h * 60);
    return String(Math.floor(m / 60)).padStart(2, "0") + ":" + String(m % 60).padStart(2, "0");
  }

  // ---- summary table ----
  var table = document.getElementById("summary");
  view.summary.forEach(function (row) {
    var tr = el("tr");
    row.forEach(function (cell) { tr.appendChild(el("td", {}, cell)); });
    table.appendChild(tr);
  });

  // ---- news spread: one chart per fact, one line per seed ----
  var spreadBox = document.getElementById("spread");
  view.facts.forEach(function (f) {
    spreadBox.appendChild(el("h3", {}, f.id + " (planted in " + f.holder + ")"));
    spreadBox.appendChild(el("p", { "class": "note" }, f.text + (view.runs.length > 1 ? " (Seeds that coincide overlap: earlier seeds are drawn wider.)" : "")));
    var series = view.spread.filter(function (s) { return s.factId === f.id; });
    chart(spreadBox, 260, {
      type: "line",
      data: { datasets: series.map(function (s, i) {
        return { label: "seed " + s.seed, data: s.points.map(function (p) { return { x: p[0], y: p[1] }; }), borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], pointRadius: 0, borderWidth: 1.5 + 1.5 * (series.length - 1 - i), stepped: true };
      }) },
      options: { maintainAspectRatio: false, parsing: true, scales: {
        x: { type: "linear", title: { display: true, text: "game hours since the start" }, ticks: { stepSize: 6 } },
        y: { beginAtZero: true, suggestedMax: view.residents.length, title: { display: true, text: "residents who know it" }, ticks: { precision: 0 } } } }
    }, true);
  });

  // ---- attendance: knew vs came, per seed ----
  var attendBox = document.getElementById("attendance");
  var gatheringIds = view.runs.length ? view.runs[0].gatherings.map(function (g) { return g.factId; }) : [];
  if (gatheringIds.length === 0) attendBox.appendChild(el("p", { "class": "note" }, "No planted gathering in this scenario."));
  gatheringIds.forEach(function (id) {
    attendBox.appendChild(el("h3", {}, id));
    var get = function (r, key) { var g = r.gatherings.filter(function (x) { return x.factId === id; })[0]; return g ? g[key] : 0; };
    chart(attendBox, 220, {
      type: "bar",
      data: { labels: view.runs.map(function (r) { return "seed " + r.seed; }), datasets: [
        { label: "knew of it", data: view.runs.map(function (r) { return get(r, "knew"); }), backgroundColor: "#4e79a7" },
        { label: "came", data: view.runs.map(function (r) { return get(r, "came"); }), backgroundColor: "#f28e2b" }] },
      options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    }, true);
  });

  // ---- interview battery: median and range per category ----
  var interviewBox = document.getElementById("interview");
  if (!view.interview) interviewBox.appendChild(el("p", { "class": "note" }, "No interview in this run (run with --interview)."));
  else {
    var cats = view.interview.categories;
    interviewBox.appendChild(el("p", {}, "Hallucination rate: " + pct(view.interview.hallucinationRate.median) +
      (view.interview.hallucinationRate.min !== view.interview.hallucinationRate.max ? " (" + pct(view.interview.hallucinationRate.min) + " to " + pct(view.interview.hallucinationRate.max) + ")" : "") + " (the paper: 1.3 %)."));
    chart(interviewBox, 260, {
      type: "bar",
      data: { labels: cats.map(function (c) { return c.name; }), datasets: [
        { label: "median score", data: cats.map(function (c) { return c.median; }), backgroundColor: "#59a14f", grouped: false, order: 2 },
        { label: "range over seeds", data: cats.map(function (c) { return [c.min, c.max]; }), backgroundColor: "rgba(0,0,0,0.35)", barPercentage: 0.15, grouped: false, order: 1 }] },
      options: { maintainAspectRatio: false, scales: { y: { min: 0, max: 1, ticks: { callback: function (v) { return pct(v); } } } } }
    }, true);
  }

  // ---- cost per question ----
  var costBox = document.getElementById("cost");
  function medianOf(xs) { var s = xs.slice().sort(function (a, b) { return a - b; }); var m = Math.floor(s.length / 2); return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }
  var questions = {};
  view.runs.forEach(function (r) { for (var q in r.calls) questions[q] = true; });
  var qs = Object.keys(questions).map(function (q) {
    return { q: q, calls: medianOf(view.runs.map(function (r) { return r.calls[q] || 0; })) };
  }).sort(function (a, b) { return b.calls - a.calls; });
  costBox.appendChild(el("h3", {}, "Questions asked of the mind, per run (median over seeds)"));
  chart(costBox, Math.max(200, 24 * qs.length + 60), {
    type: "bar",
    data: { labels: qs.map(function (x) { return x.q; }), datasets: [{ label: "calls", data: qs.map(function (x) { return x.calls; }), backgroundColor: "#76b7b2" }] },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { beginAtZero: true } } }
  }, true);
  var metered = view.runs.filter(function (r) { return r.tokens; });
  if (metered.length === 0) costBox.appendChild(el("p", { "class": "note" }, "No tokens or cost: the offline mind asks no language model."));
  else {
    var tq = {};
    metered.forEach(function (r) { for (var q in r.tokens) tq[q] = true; });
    var rows = Object.keys(tq).map(function (q) {
      var pick = function (key) { return medianOf(metered.map(function (r) { return r.tokens[q] ? r.tokens[q][key] : 0; })); };
      return { q: q, tokens: pick("tokens"), cost: pick("costUsd") };
    }).sort(function (a, b) { return b.tokens - a.tokens; });
    costBox.appendChild(el("h3", {}, "Tokens and cost per question (median over seeds)"));
    chart(costBox, Math.max(200, 24 * rows.length + 60), {
      type: "bar",
      data: { labels: rows.map(function (x) { return x.q; }), datasets: [
        { label: "tokens", data: rows.map(function (x) { return x.tokens; }), backgroundColor: "#edc948", xAxisID: "x" },
        { label: "cost (USD)", data: rows.map(function (x) { return x.cost; }), backgroundColor: "#e15759", xAxisID: "x2" }] },
      options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: { beginAtZero: true, position: "bottom" }, x2: { beginAtZero: true, position: "top", grid: { drawOnChartArea: false } } } }
    }, true);
  }

  // ---- per seed: relationship graphs, timelines, failed interview answers ----
  var picker = document.getElementById("seed");
  view.runs.forEach(function (r, i) { picker.appendChild(el("option", { value: String(i) }, "seed " + r.seed)); });
  var graphs = [];

  function drawGraphs(run) {
    graphs.forEach(function (g) { g.destroy(); });
    graphs = [];
    var startKeys = {};
    run.network.start.forEach(function (p) { startKeys[p[0] + "|" + p[1]] = true; });
    [["graph-start", run.network.start], ["graph-end", run.network.end]].forEach(function (which) {
      var elements = view.residents.map(function (n) { return { data: { id: n, label: n } }; });
      which[1].forEach(function (p) {
        elements.push({ data: { id: p[0] + "|" + p[1], source: p[0], target: p[1], fresh: startKeys[p[0] + "|" + p[1]] ? 0 : 1 } });
      });
      graphs.push(cytoscape({
        container: document.getElementById(which[0]),
        elements: elements,
        layout: { name: "circle", sort: function (a, b) { return a.id() < b.id() ? -1 : 1; }, padding: 30 },
        userZoomingEnabled: false,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 9, width: 12, height: 12, "background-color": "#4e79a7", color: "#222", "text-valign": "top" } },
          { selector: "edge", style: { width: 1, "line-color": "#9aa7b8", "curve-style": "straight" } },
          { selector: "edge[fresh = 1]", style: { width: 1.5, "line-color": "#e15759" } }]
      }));
    });
    document.getElementById("graph-caption").textContent = run.network.start.length + " pairs know each other at the start, " +
      run.network.end.length + " at the end (new pairs in red), of " + (view.residents.length * (view.residents.length - 1) / 2) + " possible.";
  }

  function drawTimelines(run) {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var box = document.getElementById("timelines");
    box.textContent = "";
    run.days.forEach(function (day) {
      box.appendChild(el("h3", {}, day.date));
      var places = {};
      day.rows.forEach(function (row) { row.places.forEach(function (s) { var sector = s[2].split(": ")[0]; (places[sector] = places[sector] || []).push({ x: [s[0], s[1]], y: row.resident, what: s[3], place: s[2] }); }); });
      var datasets = Object.keys(places).sort().map(function (sector) {
        return { type: "bar", label: sector, data: places[sector], backgroundColor: sectorColor[sector], grouped: false, barPercentage: 0.9, categoryPercentage: 1, order: 2 };
      });
      var talks = [];
      day.rows.forEach(function (row) { row.talks.forEach(function (t) { talks.push({ x: t[0], y: row.resident, with: t[1], summary: t[2] }); }); });
      datasets.push({ type: "scatter", label: "conversation", data: talks, pointStyle: "triangle", pointRadius: 6, backgroundColor: "#111", borderColor: "#fff", order: 1 });
      chart(box, 40 + 22 * view.residents.length, {
        type: "bar",
        data: { labels: view.residents, datasets: datasets },
        options: {
          indexAxis: "y", maintainAspectRatio: false, parsing: { xAxisKey: "x", yAxisKey: "y" },
          scales: { x: { type: "linear", min: 0, max: 24, ticks: { stepSize: 2, callback: function (v) { return hhmm(v); } } }, y: { type: "category", labels: view.residents, ticks: { autoSkip: false, font: { size: 10 } } } },
          plugins: {
            legend: { position: "bottom", labels: { boxWidth: 10, font: { size: 10 } } },
            tooltip: { callbacks: { label: function (ctx) {
              var d = ctx.raw;
              if (ctx.dataset.type === "scatter") return hhmm(d.x) + " talked with " + d.with + (d.summary ? ": " + d.summary : "");
              return hhmm(d.x[0]) + "–" + hhmm(d.x[1]) + " " + d.place + ": " + d.what;
            } } }
          }
        }
      });
    });
  }

  function drawFailed(run) {
    var box = document.getElementById("failed");
    box.textContent = "";
    if (!run.interview) return;
    var list = run.interview.failed;
    box.appendChild(el("summary", {}, list.length + " answers that failed a check (seed " + run.seed + ")"));
    var t = el("table");
    var head = el("tr");
    ["resident", "category", "question", "answer", "failed"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
    t.appendChild(head);
    list.forEach(function (f) {
      var tr = el("tr");
      [f.resident, f.category, f.question, f.answer, f.why].forEach(function (c) { tr.appendChild(el("td", {}, c)); });
      t.appendChild(tr);
    });
    box.appendChild(t);
  }

  function show(i) {
    var run = view.runs[i];
    drawGraphs(run);
    drawTimelines(run);
    drawFailed(run);
  }
  picker.addEventListener("change", function () { show(Number(picker.value)); });
  if (view.runs.length) show(0);
  window.__reportReady = true;
})();
`;

// The survey page's behaviour: rows are drawn from the embedded JSON, one page at a time, so that
// 10,000 reports never become 10,000 table rows. Every piece of report text goes in through
// textContent, never innerHTML: file names and excerpts with markup are shown as text.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("lintgk-data").textContent);
  var W = D.words, R = D.reports, PAIRS = D.pairs, PAGE = 100;
  var state = {key: null, dir: 1, page: 0, status: "", family: "", rule: "", q: ""};
  var shown = R.slice();
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var RANK = {broken: 0, fail: 1, ok: 2};
  function value(r, key) { return key === "status" ? RANK[r.status] : r[key]; }
  function compare(a, b) {
    var x = value(a, state.key), y = value(b, state.key);
    var xn = x === null || x === undefined || x === "", yn = y === null || y === undefined || y === "";
    if (xn || yn) return xn === yn ? a.i - b.i : (xn ? 1 : -1);  // blanks last, in either direction
    var c = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "zh");
    return c * state.dir || a.i - b.i;
  }
  function matches(r) {
    if (state.status && r.status !== state.status) return false;
    if (state.family && r.families.indexOf(state.family) < 0) return false;
    if (state.rule && r.rules.indexOf(state.rule) < 0) return false;
    if (state.q) {
      var q = state.q.toLowerCase();
      if ((r.body || "").toLowerCase().indexOf(q) < 0 && r.path.toLowerCase().indexOf(q) < 0) return false;
    }
    return true;
  }
  function refresh() {
    shown = R.filter(matches);
    if (state.key) shown.sort(compare);
    state.page = Math.min(state.page, Math.max(0, Math.ceil(shown.length / PAGE) - 1));
    draw();
    drawYears();
  }
  function badge(r) { return el("span", W[r.status], "badge " + r.status); }
  function draw() {
    var body = $("report-rows");
    body.textContent = "";
    var start = state.page * PAGE, rows = shown.slice(start, start + PAGE);
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.dataset.index = r.i;
      tr.tabIndex = 0;
      var file = el("td");
      file.appendChild(el("span", r.path, "path"));
      if (r.error) { file.appendChild(el("br")); file.appendChild(el("span", r.error, "error")); }
      tr.appendChild(el("td", r.body || "—", "body"));
      tr.appendChild(el("td", r.year === null ? "—" : r.year, "year"));
      tr.appendChild(file);
      tr.appendChild(el("td", r.profile || "—"));
      var st = el("td"); st.appendChild(badge(r)); tr.appendChild(st);
      tr.appendChild(el("td", r.errors, "error num"));
      tr.appendChild(el("td", r.warnings, "warning num"));
      tr.addEventListener("click", function () { openReport(r.i); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openReport(r.i); });
      body.appendChild(tr);
    });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    $("shown").textContent = W.shown.replace("{n}", shown.length).replace("{total}", R.length);
    $("page").textContent = (state.page + 1) + " / " + pages;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
    Array.prototype.forEach.call(document.querySelectorAll("#reports th[data-key]"), function (th) {
      th.setAttribute("aria-sort", th.dataset.key !== state.key ? "none" : state.dir > 0 ? "ascending" : "descending");
    });
  }
  function openReport(i) {
    var r = R[i], box = $("detail");
    box.hidden = false;
    $("detail-title").textContent = (r.body || r.path) + (r.year === null ? "" : " · " + r.year);
    $("detail-path").textContent = r.path;
    var list = $("detail-findings");
    list.textContent = "";
    if (r.error) list.appendChild(el("li", r.error, "error"));
    (D.findings[i] || []).forEach(function (f) {
      var li = el("li", null, "finding");
      li.appendChild(el("span", f[2] + " [" + f[0] + "]", f[1]));
      li.appendChild(document.createTextNode(" " + f[3]));
      var k = pairOf(r.path, f[0]);
      if (k >= 0) {
        var b = el("button", W.compare, "compare");
        b.type = "button";
        b.addEventListener("click", function () { openPair(k); });
        li.appendChild(document.createTextNode(" "));
        li.appendChild(b);
      }
      if (f[4]) li.appendChild(el("blockquote", f[4], "excerpt"));
      list.appendChild(li);
    });
    if (D.more[i]) list.appendChild(el("li", W.more.replace("{n}", D.more[i])));
    if (!r.error && !(D.findings[i] || []).length) list.appendChild(el("li", W.none, "ok"));
    box.scrollIntoView({block: "start"});
  }
  function pairOf(path, rule) {
    // a finding of the checks across reports opens the pair it names
    if (rule.indexOf("GK7") !== 0) return -1;
    for (var k = 0; k < PAIRS.length; k++) {
      if (PAIRS[k].rule === rule && (PAIRS[k].a === path || PAIRS[k].b === path)) return k;
    }
    return -1;
  }
  function drawYears() {
    // one line per body: errors / warnings in each year, from the reports the filters show
    var years = {}, bodies = {}, unpaired = 0;
    shown.forEach(function (r) {
      if (!r.body || r.year === null) { unpaired++; return; }
      years[r.year] = true;
      var b = bodies[r.body] || (bodies[r.body] = {});
      (b[r.year] || (b[r.year] = [])).push(r);
    });
    var ys = Object.keys(years).map(Number).sort(), names = Object.keys(bodies).sort(function (a, b) { return a.localeCompare(b, "zh"); });
    var table = $("years");
    table.textContent = "";
    var head = el("tr");
    head.appendChild(el("th", W.body));
    ys.forEach(function (y) { head.appendChild(el("th", y)); });
    head.appendChild(el("th", W.trend));
    table.appendChild(head);
    names.slice(0, 200).forEach(function (name) {
      var tr = el("tr");
      tr.appendChild(el("th", name));
      var points = [];
      ys.forEach(function (y) {
        var list = bodies[name][y], td = el("td");
        if (list) {
          list.forEach(function (r, k) {
            var b = el("button", r.errors + " / " + r.warnings, "cell " + r.status);
            b.title = r.path;
            b.addEventListener("click", function () { openReport(r.i); });
            if (k) td.appendChild(document.createTextNode(" "));
            td.appendChild(b);
          });
          if (list.length > 1) { td.appendChild(el("span", " " + W.twice, "warning")); td.className = "twice"; }
          points.push([y, list[0].errors]);
        }
        tr.appendChild(td);
      });
      var spark = el("td"); spark.appendChild(sparkline(points, ys)); tr.appendChild(spark);
      table.appendChild(tr);
    });
    $("years-note").textContent = [names.length > 200 ? W.first200.replace("{n}", names.length) : "",
                                   unpaired ? W.unpaired.replace("{n}", unpaired) : ""].join(" ").trim();
  }
  function sparkline(points, ys) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg"), w = 120, h = 24;
    svg.setAttribute("width", w); svg.setAttribute("height", h);
    if (points.length < 2) return svg;
    var top = Math.max.apply(null, points.map(function (p) { return p[1]; })) || 1;
    var x0 = ys[0], span = (ys[ys.length - 1] - x0) || 1;
    var line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", points.map(function (p) {
      return (4 + (w - 8) * (p[0] - x0) / span).toFixed(1) + "," + (h - 3 - (h - 6) * p[1] / top).toFixed(1);
    }).join(" "));
    line.setAttribute("fill", "none"); line.setAttribute("stroke", "#b00020"); line.setAttribute("stroke-width", "1.5");
    svg.appendChild(line);
    return svg;
  }
  function drawPairs() {
    var table = $("pairs");
    if (!PAIRS.length) { $("pairs-none").hidden = false; table.hidden = true; return; }
    PAIRS.forEach(function (p, k) {
      var tr = el("tr");
      tr.dataset.pair = k;
      tr.tabIndex = 0;
      tr.appendChild(el("td", W[p.kind]));
      tr.appendChild(el("td", p.rule));
      tr.appendChild(el("td", (p.a_body || "—") + (p.a_year ? " " + p.a_year : ""), "body"));
      tr.appendChild(el("td", (p.b_body || "—") + (p.b_year ? " " + p.b_year : ""), "body"));
      tr.appendChild(el("td", p.similarity === null ? "—" : Math.round(p.similarity * 100) + "%", "num"));
      tr.appendChild(el("td", p.passages.length, "num"));
      tr.addEventListener("click", function () { openPair(k); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") openPair(k); });
      table.appendChild(tr);
    });
  }
  function openPair(k) {
    var p = PAIRS[k], box = $("pair");
    box.hidden = false;
    $("pair-a").textContent = p.a; $("pair-b").textContent = p.b;
    $("pair-message").textContent = p.message;
    var rows = $("pair-passages");
    rows.textContent = "";
    p.passages.forEach(function (s) {
      var tr = el("tr");
      tr.appendChild(el("td", s[0], "passage"));
      tr.appendChild(el("td", s[1], "passage"));
      rows.appendChild(tr);
    });
    box.scrollIntoView({block: "start"});
  }
  function fill(select, values, label) {
    values.forEach(function (v) { var o = el("option", label ? label(v) : v); o.value = v; select.appendChild(o); });
  }
  fill($("f-status"), ["ok", "fail", "broken"], function (v) { return W[v]; });
  fill($("f-family"), D.families.map(function (f) { return f[0]; }), function (v) {
    for (var k = 0; k < D.families.length; k++) if (D.families[k][0] === v) return v + " " + D.families[k][1];
  });
  fill($("f-rule"), D.rules.map(function (r) { return r[0]; }), function (v) {
    for (var k = 0; k < D.rules.length; k++) if (D.rules[k][0] === v) return v + " " + D.rules[k][1];
  });
  [["f-status", "status"], ["f-family", "family"], ["f-rule", "rule"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function (ev) { state[pair[1]] = ev.target.value; state.page = 0; refresh(); });
  });
  $("search").addEventListener("input", function (ev) { state.q = ev.target.value.trim(); state.page = 0; refresh(); });
  $("prev").addEventListener("click", function () { state.page--; draw(); });
  $("next").addEventListener("click", function () { state.page++; draw(); });
  $("detail-close").addEventListener("click", function () { $("detail").hidden = true; });
  $("pair-close").addEventListener("click", function () { $("pair").hidden = true; });
  Array.prototype.forEach.call(document.querySelectorAll("#reports th[data-key]"), function (th) {
    th.addEventListener("click", function () {
      state.dir = state.key === th.dataset.key ? -state.dir : 1;
      state.key = th.dataset.key;
      refresh();
    });
  });
  refresh();
  drawPairs();
})();

/* The review report's script: filters, charts (plotly, inlined above) and review actions.
   Everything shown comes from the JSON in #report-data; nothing is fetched. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var EVENTS = DATA.events;
  var BY_ID = {};
  EVENTS.forEach(function (ev) { BY_ID[ev.id] = ev; });
  var STORE = "extractor-report:" + DATA.source;
  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
                 "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#7f7f7f"];
  var $ = function (id) { return document.getElementById(id); };
  var esc = function (s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  };
  var fmt = function (n) { return n == null ? "" : Number(n).toLocaleString("en-US"); };

  // ---- review actions: corrections in the format `reconcile --corrections` reads ----
  var pending = [];
  var marked = {};  // event id -> true: a pending correction is about it
  try { pending = JSON.parse(localStorage.getItem(STORE + ":pending") || "[]"); } catch (e) { pending = []; }
  // a correction already in the file the report was made with has been applied: no longer pending
  var known = {};
  DATA.corrections.forEach(function (line) { known[line] = true; });
  pending = pending.filter(function (line) { return !known[line]; });
  var reviewer = $("reviewer");
  try { reviewer.value = localStorage.getItem(STORE + ":who") || ""; } catch (e) { /* file storage off */ }
  reviewer.addEventListener("change", function () { save(); });

  function save() {
    try {
      localStorage.setItem(STORE + ":pending", JSON.stringify(pending));
      localStorage.setItem(STORE + ":who", reviewer.value);
    } catch (e) { /* storage may be disabled for file pages: the list lives until the page closes */ }
  }
  function today() { return new Date().toISOString().slice(0, 10); }
  function add(line) {
    var who = reviewer.value.trim();
    if (!who) { reviewer.focus(); reviewer.classList.add("missing"); alertMsg("Enter your name as reviewer first."); return false; }
    line.who = who;
    line.when = today();
    pending.push(JSON.stringify(line));
    save();
    showPending();
    return true;
  }
  function alertMsg(text) { $("pending-count").textContent = "(" + text + ")"; }
  function showApplied() {
    $("applied").innerHTML = DATA.corrections.map(function (line) {
      var c;
      try { c = JSON.parse(line); } catch (e) { return ""; }
      var target = c.claim || c.event || (c.events || []).join(" + ") || "";
      if (typeof target !== "string") target = "a new event";
      return "<li><b>" + esc(c.who) + "</b>, " + esc(c.when) + ": " + esc(c.action) + " " + esc(target) +
        (c.field ? " " + esc(c.field) : "") + " &mdash; " + esc(c.why) + "</li>";
    }).join("");
    $("applied").parentNode.open = DATA.corrections.length > 0;
  }
  function showPending() {
    var ol = $("pending");
    ol.innerHTML = pending.map(function (line, i) {
      return "<li>" + esc(line) + '<button type="button" data-drop="' + i + '">remove</button></li>';
    }).join("");
    $("pending-count").textContent = "(" + pending.length + " new, " + DATA.corrections.length + " in the file)";
    marked = {};
    pending.forEach(function (line) {
      var c = JSON.parse(line);
      (c.events || [c.event]).forEach(function (id) { if (typeof id === "string") marked[id] = true; });
      if (c.claim) EVENTS.forEach(function (ev) { if (ev.claims.some(function (x) { return x.id === c.claim; })) marked[ev.id] = true; });
    });
    EVENTS.forEach(function (ev) { var el = $("card-" + ev.id); if (el) el.classList.toggle("marked", !!marked[ev.id]); });
  }
  $("pending").addEventListener("click", function (e) {
    var i = e.target.getAttribute("data-drop");
    if (i !== null) { pending.splice(Number(i), 1); save(); showPending(); }
  });
  $("download").addEventListener("click", function () {
    var text = DATA.corrections.concat(pending).join("\n") + "\n";
    var blob = new Blob([text], {type: "application/x-ndjson"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "corrections.jsonl";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });

  // ---- cards ----
  function flowRows(ev) {
    return ev.flows.map(function (f) {
      var figs = f.figures.map(function (g) { return esc(g.outlet) + ": " + esc(g.text); }).join("<br>");
      return '<tr class="' + (f.agreed ? "" : "conflict") + '"><td>' + esc(f.from) + " &rarr; " + esc(f.to) +
        "</td><td>" + esc(f.category) + '</td><td class="n">' + fmt(f.best) + '</td><td class="n">' + fmt(f.low) +
        '</td><td class="n">' + fmt(f.high) + "</td><td>" + esc(f.text) + "</td><td>" + figs + "</td></tr>";
    }).join("");
  }
  function link(id) { return '<a href="#card-' + esc(id) + '">' + esc(id) + "</a>"; }
  function claimHtml(ev, c) {
    if (c.missing) return '<div class="claim"><span class="src">claim ' + esc(c.id) + "</span> (not in the input)</div>";
    var rejected = DATA.rejected.indexOf(c.id) >= 0;
    var title = c.url ? '<a href="' + esc(c.url) + '" target="_blank" rel="noopener">' + esc(c.title || c.url) + "</a>"
                      : esc(c.title || "");
    var sentences = c.sentences.map(function (s) { return '<div class="sentence" data-claim="' + esc(c.id) + '">' + s.html + "</div>"; }).join("");
    if (!c.sentences.length) sentences = '<p class="note">' + (DATA.texts ? "sentence not found in the articles given" :
      "articles not given to the report: evidence spans only") + "</p>";
    var chips = c.evidence.map(function (e) {
      return '<span class="chip" style="background:' + (DATA.colors[e.label] || "#ddd") + '" title="' + esc(e.rule_label) + " " +
        e.start + "-" + e.end + '">' + esc(e.label) + ": " + esc(e.text) + "</span>";
    }).join("");
    return '<div class="claim' + (rejected ? " rejected" : "") + '" data-claim="' + esc(c.id) + '">' +
      '<div><span class="src">' + esc(c.outlet || c.doc) + "</span> " + esc(c.published || "") + " &middot; " + title +
      (rejected ? ' <span class="badge conflict">rejected by a correction</span>' : "") + "</div>" +
      '<div class="note">' + esc(c.type) + (c.status ? " &middot; " + esc(c.status) : "") + " &middot; " + esc(c.date) +
      " &middot; " + esc(c.flows.join("; ")) + " &middot; claim " + esc(c.id) + "</div>" + sentences +
      '<div class="evidence-list">' + chips + "</div>" +
      '<div class="rules">rules: ' + esc(c.rules.join(", ")) + "</div>" +
      '<div class="actions"><span class="note">this report:</span><button type="button" class="act-claim-wrong" data-claim="' + esc(c.id) + '">wrong</button>' +
      '<button type="button" class="act-claim-fix" data-claim="' + esc(c.id) + '">fix field</button></div>' +
      '<div class="form claim-fix" data-claim="' + esc(c.id) + '">field <input class="fix-field" list="fix-fields" placeholder="date, status, flows.0.count">' +
      ' value (JSON) <input class="fix-value" placeholder=\'{"start": "2026-05-01", "end": "2026-05-01", "precision": "day"}\'>' +
      ' <button type="button" class="act-claim-fix-save" data-claim="' + esc(c.id) + '">add correction</button></div></div>';
  }
  function cardHtml(ev) {
    var badges = '<span class="badge">' + esc(ev.kind) + "</span>" +
      (ev.status ? '<span class="badge ' + esc(ev.status) + '">' + esc(ev.status) + "</span>" : "") +
      (ev.conflicts.length ? '<span class="badge conflict">' + ev.conflicts.length + " conflict(s)</span>" : "") +
      (ev.corrections.length ? '<span class="badge corrected">corrected</span>' : "");
    var parts = [];
    parts.push("<h3>" + badges + esc(ev.date_text) + " &middot; " + esc(ev.dyad) +
               (ev.location ? " &middot; " + esc(ev.location) : "") + ' <span class="note">' + esc(ev.id) + "</span></h3>");
    if (ev.people != null) parts.push("<div>people handed over: <b>" + fmt(ev.people) + "</b>" +
      (ev.people_low !== ev.people || ev.people_high !== ev.people ? " (" + fmt(ev.people_low) + " to " + fmt(ev.people_high) + ")" : "") + "</div>");
    if (ev.flows.length) parts.push('<table class="flows"><tr><th>flow</th><th>category</th><th>best</th><th>low</th><th>high</th><th>as stated</th><th>each source</th></tr>' + flowRows(ev) + "</table>");
    if (ev.conflicts.length) parts.push('<ul class="conflicts">' + ev.conflicts.map(function (c) { return "<li><b>" + esc(c.words) + "</b>: " + esc(c.detail) + "</li>"; }).join("") + "</ul>");
    if (ev.merges.length) parts.push('<div>Why these reports are one event:<ul class="merges">' + ev.merges.map(function (m) { return "<li>" + esc(m) + "</li>"; }).join("") + "</ul></div>");
    if (ev.near_misses.length) parts.push('<details><summary>kept apart (' + ev.near_misses.length + ')</summary><ul>' + ev.near_misses.map(function (m) { return "<li>" + esc(m) + "</li>"; }).join("") + "</ul></details>");
    var links = [];
    if (ev.agreement) links.push("executes the agreement " + link(ev.agreement));
    if (ev.executed_by.length) links.push("executed by " + ev.executed_by.map(link).join(", "));
    if (ev.part_of) links.push("a stage of " + link(ev.part_of));
    if (ev.parts.length) links.push("stages: " + ev.parts.map(link).join(", "));
    if (ev.mediators.length) links.push("mediators: " + esc(ev.mediators.join(", ")));
    if (ev.scope) links.push("scope: " + esc(ev.scope));
    if (links.length) parts.push('<div class="links">' + links.join(" &middot; ") + "</div>");
    if (ev.corrections.length) parts.push('<div>Corrections applied:<ul class="corrections-applied">' + ev.corrections.map(function (c) {
      return "<li><b>" + esc(c.who) + "</b>, " + esc(c.when) + ": " + esc(c.action) + (c.detail ? " (" + esc(c.detail) + ")" : "") + " &mdash; " + esc(c.why) + "</li>";
    }).join("") + "</ul></div>");
    parts.push(ev.claims.map(function (c) { return claimHtml(ev, c); }).join(""));
    var others = ev.claims.length > 1 ? ev.claims.map(function (c) {
      return '<label><input type="checkbox" class="split-claim" value="' + esc(c.id) + '"> ' + esc(c.outlet || c.id) + " (" + esc(c.id) + ")</label> ";
    }).join("") : "";
    parts.push('<div class="actions"><span class="note">this event:</span><input class="why" placeholder="why (for the record)">' +
      '<button type="button" class="act-wrong">wrong</button>' +
      '<button type="button" class="act-fix">fix field</button>' +
      '<button type="button" class="act-merge">merge with&hellip;</button>' +
      (others ? '<button type="button" class="act-split">split</button>' : "") + "</div>" +
      '<div class="form form-fix">field <input class="fix-field" list="fix-fields" placeholder="date, status, location, flows.0.count"> value (JSON) <input class="fix-value" size="50"> <button type="button" class="act-fix-save">add correction</button></div>' +
      '<div class="form form-merge">same occasion as <select class="merge-target"></select> <button type="button" class="act-merge-save">add correction</button></div>' +
      (others ? '<div class="form form-split">move to an event of their own: ' + others + ' <button type="button" class="act-split-save">add correction</button></div>' : ""));
    var cls = "card kind-" + ev.kind + (ev.conflicts.length ? " has-conflicts" : "") + (marked[ev.id] ? " marked" : "");
    return '<article class="' + cls + '" id="card-' + esc(ev.id) + '" data-id="' + esc(ev.id) + '">' + parts.join("") + "</article>";
  }

  function why(card, fallback) {
    var v = card.querySelector("input.why").value.trim();
    return v || fallback;
  }
  function parseValue(text) {
    try { return {ok: true, value: JSON.parse(text)}; } catch (e) { return {ok: true, value: text}; }
  }
  $("cards").addEventListener("click", function (e) {
    var t = e.target;
    var card = t.closest(".card");
    if (!card || t.tagName !== "BUTTON") return;
    var ev = BY_ID[card.getAttribute("data-id")];
    var open = function (sel) { var f = card.querySelector(sel); f.classList.toggle("open"); return f; };
    if (t.classList.contains("act-wrong")) {
      ev.claims.forEach(function (c) {
        add({action: "reject_claim", claim: c.id, why: why(card, "wrong: not this exchange (marked in the review report)")});
      });
    } else if (t.classList.contains("act-claim-wrong")) {
      add({action: "reject_claim", claim: t.getAttribute("data-claim"), why: why(card, "wrong claim (marked in the review report)")});
    } else if (t.classList.contains("act-fix")) {
      open(".form-fix");
    } else if (t.classList.contains("act-fix-save")) {
      var f = card.querySelector(".form-fix");
      var field = f.querySelector(".fix-field").value.trim();
      if (!field) return;
      add({action: "edit_event", event: ev.id, field: field, value: parseValue(f.querySelector(".fix-value").value).value,
           why: why(card, "field fixed in the review report")});
    } else if (t.classList.contains("act-claim-fix")) {
      card.querySelector('.claim-fix[data-claim="' + t.getAttribute("data-claim") + '"]').classList.toggle("open");
    } else if (t.classList.contains("act-claim-fix-save")) {
      var g = card.querySelector('.claim-fix[data-claim="' + t.getAttribute("data-claim") + '"]');
      var cf = g.querySelector(".fix-field").value.trim();
      if (!cf) return;
      add({action: "edit_claim", claim: t.getAttribute("data-claim"), field: cf,
           value: parseValue(g.querySelector(".fix-value").value).value, why: why(card, "field fixed in the review report")});
    } else if (t.classList.contains("act-merge")) {
      var m = open(".form-merge");
      var sel = m.querySelector("select");
      if (!sel.options.length) {
        var x = ev.x || "";
        var same = EVENTS.filter(function (o) { return o.kind === ev.kind && o.id !== ev.id; });
        same.sort(function (a, b) { return dist(a.x, x) - dist(b.x, x) || (a.id < b.id ? -1 : 1); });
        sel.innerHTML = same.map(function (o) {
          return '<option value="' + esc(o.id) + '">' + esc(o.date_text + " " + o.dyad + " " + (o.people == null ? "" : fmt(o.people)) + " (" + o.id + ")") + "</option>";
        }).join("");
      }
    } else if (t.classList.contains("act-merge-save")) {
      var target = card.querySelector(".merge-target").value;
      if (target) add({action: "merge_events", events: [ev.id, target], why: why(card, "same occasion (review report)")});
    } else if (t.classList.contains("act-split")) {
      open(".form-split");
    } else if (t.classList.contains("act-split-save")) {
      var chosen = Array.prototype.map.call(card.querySelectorAll(".split-claim:checked"), function (i) { return i.value; });
      if (chosen.length && chosen.length < ev.claims.length)
        add({action: "split_event", event: ev.id, claims: chosen, why: why(card, "another occasion (review report)")});
    }
  });
  function dist(a, b) {
    if (!a || !b) return 1e12;
    return Math.abs(Date.parse(a) - Date.parse(b));
  }

  // ---- filters ----
  function options(id, values) {
    var sel = $(id);
    values.forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; sel.appendChild(o); });
  }
  function uniq(f) {
    var seen = {};
    EVENTS.forEach(function (ev) { [].concat(f(ev)).forEach(function (v) { if (v) seen[v] = true; }); });
    return Object.keys(seen).sort();
  }
  options("f-dyad", uniq(function (e) { return e.dyad; }));
  options("f-actor", uniq(function (e) { return e.actors; }));
  options("f-category", uniq(function (e) { return e.categories; }));
  options("f-kind", uniq(function (e) { return e.kind; }));
  options("f-status", uniq(function (e) { return e.status; }));

  function filters() {
    return {dyad: $("f-dyad").value, actor: $("f-actor").value, category: $("f-category").value,
            kind: $("f-kind").value, status: $("f-status").value, from: $("f-from").value, to: $("f-to").value,
            conflicts: $("f-conflicts").checked, corrected: $("f-corrected").checked,
            search: $("f-search").value.trim().toLowerCase()};
  }
  function matches(ev, f) {
    if (f.dyad && ev.dyad !== f.dyad) return false;
    if (f.actor && ev.actors.indexOf(f.actor) < 0) return false;
    if (f.category && ev.categories.indexOf(f.category) < 0) return false;
    if (f.kind && ev.kind !== f.kind) return false;
    if (f.status && ev.status !== f.status) return false;
    var end = ev.date && (ev.date.end || ev.date.start), start = ev.date && (ev.date.start || ev.date.end);
    if (f.from && (!end || end < f.from)) return false;
    if (f.to && (!start || start > f.to)) return false;
    if (f.conflicts && !ev.conflicts.length) return false;
    if (f.corrected && !ev.corrections.length) return false;
    if (f.search && f.search.split(/\s+/).some(function (w) { return ev.search.indexOf(w) < 0; })) return false;
    return true;
  }

  // ---- charts and totals ----
  function colorKey(ev, by) { return by === "category" ? (ev.categories.length > 1 ? "mixed" : ev.categories[0] || "none") : ev.dyad; }
  var colorOf = {};
  ["dyad", "category"].forEach(function (by) {
    var keys = uniq(function (ev) { return colorKey(ev, by); });
    keys.forEach(function (k, i) { colorOf[by + ":" + k] = PALETTE[i % PALETTE.length]; });
  });
  function symbol(ev) {
    if (ev.kind === "agreement") return "diamond-open";
    if (ev.kind === "tally") return "square-open";
    return ev.status === "planned" ? "circle-open" : "circle";
  }
  var ERROR_BARS = 300;  // low-to-high bars drawn up to this many events (each one is an SVG path)
  function timelineTraces(shown, by) {
    var groups = {};
    shown.forEach(function (ev) {
      if (!ev.x) return;
      var k = colorKey(ev, by);
      (groups[k] = groups[k] || []).push(ev);
    });
    var bars = shown.length <= ERROR_BARS, log = $("f-log").checked;
    return Object.keys(groups).sort().map(function (k) {
      var evs = groups[k];
      return {
        type: "scatter", mode: "markers", name: k, x: evs.map(function (e) { return e.x; }),
        // on the log scale, events with no figure sit at 1 (log 0 would leave them out)
        y: evs.map(function (e) { return e.people ? e.people : (log ? 1 : 0); }),
        customdata: evs.map(function (e) { return e.id; }),
        text: evs.map(function (e) {
          return e.kind + " " + (e.status || "") + "<br>" + e.date_text + " " + e.dyad + "<br>" +
            (e.people == null ? "no figure" : fmt(e.people) + " people") + (e.conflicts.length ? "<br>conflicts: " + e.conflicts.length : "");
        }),
        hovertemplate: "%{text}<extra>%{customdata}</extra>",
        error_y: {type: "data", symmetric: false, visible: bars, thickness: 1, width: 0,
                  array: evs.map(function (e) { return e.people_high == null ? 0 : e.people_high - e.people; }),
                  arrayminus: evs.map(function (e) { return e.people_low == null ? 0 : e.people - e.people_low; })},
        marker: {size: 10, color: colorOf[by + ":" + k], symbol: evs.map(symbol), line: {width: 2, color: colorOf[by + ":" + k]}}
      };
    });
  }
  var layout = {margin: {l: 60, r: 10, t: 30, b: 40}, title: {text: "Events by date: people handed over (filled: completed, open: planned; diamonds: agreements, squares: running totals)", font: {size: 13}},
                xaxis: {type: "date"}, yaxis: {title: {text: "people"}, rangemode: "tozero"}, legend: {orientation: "v"}, hovermode: "closest"};
  var config = {displaylogo: false, responsive: true, modeBarButtonsToRemove: ["sendDataToCloud"]};
  var drawn = false;
  function totalsTable(id, rows, head) {
    $(id).innerHTML = "<tr>" + head.map(function (h) { return "<th>" + h + "</th>"; }).join("") + "</tr>" +
      rows.map(function (r) { return "<tr>" + r.map(function (c, i) { return '<td class="' + (i ? "n" : "") + '">' + esc(c) + "</td>"; }).join("") + "</tr>"; }).join("");
  }
  function totals(shown, key) {
    var acc = {};
    shown.forEach(function (ev) {
      [].concat(key(ev)).forEach(function (k) {
        var a = acc[k] = acc[k] || {events: 0, completed: 0, planned: 0, people: 0, low: 0, high: 0, conflicts: 0};
        a.events += 1;
        if (ev.status === "completed") a.completed += 1;
        if (ev.status === "planned") a.planned += 1;
        if (ev.conflicts.length) a.conflicts += 1;
        if (ev.people != null && ev.status === "completed") { a.people += ev.people; a.low += ev.people_low; a.high += ev.people_high; }
      });
    });
    return Object.keys(acc).sort().map(function (k) {
      var a = acc[k];
      return [k, a.events, a.completed, a.planned, fmt(a.people), fmt(a.low) + " to " + fmt(a.high), a.conflicts];
    });
  }
  var HEAD = ["", "events", "completed", "planned", "people (completed)", "low to high", "with conflicts"];
  function update() {
    var f = filters();
    var t0 = performance.now();
    var shown = EVENTS.filter(function (ev) { return matches(ev, f); });
    var t1 = performance.now();
    current = shown;
    limit = PAGE;
    drawCards();
    var t2 = performance.now();
    $("shown-count").textContent = shown.length + " of " + EVENTS.length + " events shown";
    var undated = shown.filter(function (ev) { return !ev.x; }).length;
    $("undated-note").textContent = undated ? undated + " undated event(s) not on the timeline" : "";
    var by = $("color-by").value;
    layout.yaxis.type = $("f-log").checked ? "log" : "linear";
    Plotly.react("timeline", timelineTraces(shown, by), layout, config);
    var t3 = performance.now();
    totalsTable("totals-dyad", totals(shown, function (ev) { return ev.dyad; }), HEAD);
    totalsTable("totals-category", totals(shown, function (ev) { return ev.categories.length ? ev.categories : ["none"]; }), HEAD);
    var kinds = {};
    shown.forEach(function (ev) { ev.conflicts.forEach(function (c) { kinds[c.words] = (kinds[c.words] || 0) + 1; }); });
    var rows = Object.keys(kinds).sort().map(function (k) { return [k, kinds[k]]; });
    rows.unshift(["events with conflicts", shown.filter(function (ev) { return ev.conflicts.length; }).length]);
    totalsTable("totals-conflicts", rows, ["", "count"]);
    var dyads = totals(shown.filter(function (ev) { return ev.kind === "exchange"; }), function (ev) { return ev.dyad; });
    var sums = {completed: {}, planned: {}};
    shown.forEach(function (ev) {
      if (ev.kind !== "exchange" || ev.people == null || !sums[ev.status]) return;
      sums[ev.status][ev.dyad] = (sums[ev.status][ev.dyad] || 0) + ev.people;
    });
    var names = dyads.map(function (r) { return r[0]; });
    Plotly.react("bars", ["completed", "planned"].map(function (s) {
      return {type: "bar", name: s, x: names, y: names.map(function (n) { return sums[s][n] || 0; }),
              marker: {color: s === "completed" ? "#2e7d32" : "#f0ad4e"}};
    }), {barmode: "stack", margin: {l: 60, r: 10, t: 30, b: 60}, title: {text: "People handed over per dyad (exchanges)", font: {size: 13}}}, config);
    if (!drawn) {
      drawn = true;
      $("timeline").on("plotly_click", function (d) {
        var id = d.points && d.points[0] && d.points[0].customdata;
        if (id) reveal(id);
      });
    }
    document.body.setAttribute("data-shown", String(shown.length));
    // the time each part took, for bench/report_browser.py (performance.getEntriesByType("measure"))
    [["report:filter", t0, t1], ["report:cards", t1, t2], ["report:timeline", t2, t3], ["report:totals", t3, performance.now()]]
      .forEach(function (m) { try { performance.measure(m[0], {start: m[1], end: m[2]}); } catch (e) { /* old browser */ } });
  }

  // Cards are drawn PAGE at a time (more as the reader scrolls): a long report filters at once.
  var PAGE = 100, limit = PAGE, current = EVENTS;
  function drawCards() {
    var more = current.length - limit;
    $("cards").innerHTML = current.slice(0, limit).map(cardHtml).join("") +
      (more > 0 ? '<button type="button" id="more">show ' + Math.min(more, PAGE) + " more of " + more + "</button>" : "");
    var button = $("more");
    if (button) {
      button.addEventListener("click", function () { limit += PAGE; drawCards(); });
      if (window.IntersectionObserver) {
        new IntersectionObserver(function (entries, obs) {
          if (entries.some(function (x) { return x.isIntersecting; })) { obs.disconnect(); limit += PAGE; drawCards(); }
        }, {rootMargin: "400px"}).observe(button);
      }
    }
  }
  // a link to a card that is not drawn: find that event alone
  function reveal(id) {
    if (!BY_ID[id]) return;
    if (!$("card-" + id)) { $("f-reset").click(); $("f-search").value = id.toLowerCase(); update(); }
    $("card-" + id).scrollIntoView();
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#card-"]');
    if (a) { e.preventDefault(); reveal(a.getAttribute("href").slice(6)); }
  });
  ["f-dyad", "f-actor", "f-category", "f-kind", "f-status", "f-from", "f-to", "f-conflicts", "f-corrected", "color-by", "f-log"].forEach(function (id) {
    $(id).addEventListener("change", update);
  });
  var typing = null;  // the search waits for a pause in typing
  $("f-search").addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(update, 150); });
  $("f-reset").addEventListener("click", function () {
    ["f-dyad", "f-actor", "f-category", "f-kind", "f-status", "f-from", "f-to", "f-search"].forEach(function (id) { $(id).value = ""; });
    $("f-conflicts").checked = false; $("f-corrected").checked = false;
    update();
  });
  update();
  showApplied();
  showPending();
  document.body.setAttribute("data-ready-at", String(Date.now()));
  document.body.setAttribute("data-ready", "1");
})();

/* Tacitus charts: small SVG charts drawn from JSON embedded in the page.
   Written for Tacitus; no library. Every mark is a link (keyboard-focusable) to the events
   behind it, and every chart has a table version in the page. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const QUAD = { 1: "#56b4e9", 2: "#0072b2", 3: "#e69f00", 4: "#d55e00" };
  const QUAD_NAME = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, value, attrs) {
    const t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = value;
    return t;
  }
  function link(parent, href, label) {
    const a = el("a", { href: href, "aria-label": label }, parent);
    el("title", {}, a).textContent = label;
    return a;
  }
  function svgIn(box, width, height, label) {
    box.textContent = "";
    return el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label }, box);
  }
  function query(base, extra) {
    const parts = [base, extra].filter(Boolean);
    return parts.join("&");
  }
  function hex(c) { return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)); }
  function mix(a, b, t) {
    const x = hex(a), y = hex(b);
    return "rgb(" + x.map((v, i) => Math.round(v + (y[i] - v) * t)).join(",") + ")";
  }
  /* Mean Goldstein -> colour: blue for cooperation, grey for neutral, vermillion for conflict. */
  function goldsteinColour(g) {
    if (g === null || g === undefined) return "#999999";
    const t = Math.max(-1, Math.min(1, g / 5));
    return t >= 0 ? mix("#999999", "#0072b2", t) : mix("#999999", "#d55e00", -t);
  }
  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }

  /* Drawn at the box's own width, so labels keep their size on a narrow screen. */
  function widthOf(box) { return Math.max(320, Math.round(box.clientWidth || 900)); }

  function timeline(box, items, base) {
    const W = widthOf(box), H = 250, L = 50, R = 10, T = 10, B = 40;
    const svg = svgIn(box, W, H, "Events over time by QuadClass");
    if (!items.length) { text(svg, W / 2, H / 2, "No events", { "text-anchor": "middle" }); return; }
    const max = niceMax(Math.max(...items.map((d) => d.total)));
    const band = Math.min(60, (W - L - R) / items.length);
    const y = (v) => T + (H - T - B) * (1 - v / max);
    for (const tick of [0, max / 2, max]) {
      el("line", { x1: L, x2: W - R, y1: y(tick), y2: y(tick), stroke: "#d6d6da" }, svg);
      text(svg, L - 6, y(tick) + 4, fmt(tick), { "text-anchor": "end" });
    }
    const every = Math.max(1, Math.ceil(items.length / Math.floor((W - L) / 90)));
    items.forEach((d, i) => {
      const x = L + i * band;
      let acc = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = d.counts[q] || 0;
        if (!n) continue;
        const href = "/events?" + query(base, `date_from=${d.period}&date_to=${d.period_end}&quad_class=${q}`);
        const a = link(svg, href, `${d.period}: ${fmt(n)} events of ${QUAD_NAME[q]}`);
        el("rect", { x: x + band * 0.08, width: Math.max(1, band * 0.84), y: y(acc + n), height: Math.max(0.5, y(acc) - y(acc + n)), fill: QUAD[q] }, a);
        acc += n;
      }
      if (i % every === 0) text(svg, x + band / 2, H - B + 16, String(d.period).slice(0, 10), { "text-anchor": "middle" });
    });
  }

  function goldstein(box, items) {
    const W = widthOf(box), H = 170, L = 50, R = 10, T = 10, B = 24;
    const svg = svgIn(box, W, H, "Mean Goldstein value over time");
    const band = Math.min(60, (W - L - R) / Math.max(1, items.length));
    const y = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
    for (const tick of [-10, 0, 10]) {
      el("line", { x1: L, x2: W - R, y1: y(tick), y2: y(tick), stroke: tick === 0 ? "#5b5b60" : "#d6d6da" }, svg);
      text(svg, L - 6, y(tick) + 4, String(tick), { "text-anchor": "end" });
    }
    const pts = items.filter((d) => d.mean_goldstein !== null).map((d) => [L + items.indexOf(d) * band + band / 2, y(d.mean_goldstein), d]);
    if (pts.length > 1) el("polyline", { points: pts.map((p) => p[0] + "," + p[1]).join(" "), fill: "none", stroke: "#5b5b60", "stroke-width": 1.5 }, svg);
    for (const [x, yy, d] of pts) {
      const c = el("circle", { cx: x, cy: yy, r: 3.5, fill: goldsteinColour(d.mean_goldstein) }, svg);
      el("title", {}, c).textContent = `${d.period}: mean Goldstein ${d.mean_goldstein} over ${fmt(d.total)} events`;
    }
  }

  /* A force-directed layout, run a fixed number of steps from a deterministic start. */
  function layout(nodes, edges, W, H) {
    const n = nodes.length, index = new Map(nodes.map((d, i) => [d.code, i]));
    const pos = nodes.map((d, i) => ({ x: W / 2 + Math.cos(i * 2.399) * (40 + 6 * i), y: H / 2 + Math.sin(i * 2.399) * (40 + 6 * i) }));
    const links = edges.map((e) => [index.get(e.source_code), index.get(e.target_code)]).filter((p) => p[0] !== undefined && p[1] !== undefined);
    const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.7;
    for (let step = 0; step < 250; step++) {
      const heat = 12 * (1 - step / 250) + 0.5;
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        let ex = pos[i].x - pos[j].x, ey = pos[i].y - pos[j].y;
        const d2 = Math.max(1, ex * ex + ey * ey), f = (k * k) / d2;
        dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
      }
      for (const [a, b] of links) {
        const ex = pos[a].x - pos[b].x, ey = pos[a].y - pos[b].y, d = Math.sqrt(ex * ex + ey * ey) || 1;
        const f = d / k;
        dx[a] -= ex * f; dy[a] -= ey * f; dx[b] += ex * f; dy[b] += ey * f;
      }
      for (let i = 0; i < n; i++) {
        dx[i] += (W / 2 - pos[i].x) * 0.012; dy[i] += (H / 2 - pos[i].y) * 0.02;
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1, m = Math.min(d, heat);
        pos[i].x = Math.max(50, Math.min(W - 50, pos[i].x + (dx[i] / d) * m));
        pos[i].y = Math.max(36, Math.min(H - 24, pos[i].y + (dy[i] / d) * m));
      }
    }
    return pos;
  }

  function network(box, graph, base) {
    const W = 900, H = 560;
    const svg = svgIn(box, W, H, "Network of actors and dyads");
    const { nodes, edges } = graph;
    if (!nodes.length) { text(svg, W / 2, H / 2, "No dyads", { "text-anchor": "middle" }); return; }
    const pos = layout(nodes, edges, W, H), at = new Map(nodes.map((d, i) => [d.code, pos[i]]));
    const maxEdge = Math.max(...edges.map((e) => e.n)), maxNode = Math.max(...nodes.map((d) => d.n));
    const suffix = base ? "?" + base : "";
    for (const e of edges) {
      const a = at.get(e.source_code), b = at.get(e.target_code);
      const l = link(svg, `/dyads/${e.source_code}/${e.target_code}${suffix}`, `${e.source_code} → ${e.target_code}: ${fmt(e.n)} events, mean Goldstein ${e.mean_goldstein}`);
      el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: goldsteinColour(e.mean_goldstein), "stroke-opacity": 0.75, "stroke-width": 0.8 + 6 * Math.sqrt(e.n / maxEdge) }, l);
    }
    nodes.forEach((d, i) => {
      const a = link(svg, `/actors/${d.code}`, `${d.label} (${d.code}): ${fmt(d.n)} events among these dyads`);
      el("circle", { cx: pos[i].x, cy: pos[i].y, r: 4 + 14 * Math.sqrt(d.n / maxNode), fill: "#ffffff", stroke: "#1d1d1f", "stroke-width": 1.5 }, a);
      text(a, pos[i].x, pos[i].y - 8 - 14 * Math.sqrt(d.n / maxNode), d.code, { "text-anchor": "middle" });
    });
  }

  function worldMap(box, points, base) {
    const W = 960, H = 480;
    const svg = svgIn(box, W, H, "Map of event locations");
    const x = (lon) => ((lon + 180) / 360) * W, y = (lat) => ((90 - lat) / 180) * H;
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "#f5f7fa", stroke: "#d6d6da" }, svg);
    for (let lon = -150; lon <= 150; lon += 30) el("line", { x1: x(lon), x2: x(lon), y1: 0, y2: H, stroke: lon === 0 ? "#b0b0b8" : "#e0e0e6" }, svg);
    for (let lat = -60; lat <= 60; lat += 30) el("line", { x1: 0, x2: W, y1: y(lat), y2: y(lat), stroke: lat === 0 ? "#b0b0b8" : "#e0e0e6" }, svg);
    for (const lat of [-60, -30, 0, 30, 60]) text(svg, 4, y(lat) - 3, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`, { fill: "#5b5b60" });
    if (!points.length) { text(svg, W / 2, H / 2, "No located events", { "text-anchor": "middle" }); return; }
    const max = Math.max(...points.map((p) => p.n));
    for (const p of points) {
      const a = link(svg, "/events?" + query(base, "location=" + encodeURIComponent(p.location_name)), `${p.location_name}: ${fmt(p.n)} events, mean Goldstein ${p.mean_goldstein}`);
      el("circle", { cx: x(p.lon), cy: y(p.lat), r: 1.5 + 11 * Math.sqrt(p.n / max), fill: goldsteinColour(p.mean_goldstein), "fill-opacity": 0.7, stroke: "#1d1d1f", "stroke-width": 0.5 }, a);
    }
  }

  const DRAW = { timeline, goldstein, network, map: worldMap };
  function drawAll() {
    for (const box of document.querySelectorAll("[data-chart]")) {
      const source = document.getElementById(box.dataset.source);
      if (!source) continue;
      DRAW[box.dataset.chart](box, JSON.parse(source.textContent), box.dataset.link || "");
      box.dataset.drawn = "true";
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();

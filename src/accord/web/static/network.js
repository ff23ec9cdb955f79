/* Actor network: nodes placed on a circle, then relaxed by a small force simulation (deterministic). */
"use strict";
(function () {
  const W = 900, H = 620;

  function layout(nodes, edges) {
    const n = nodes.length;
    const pos = nodes.map((_, i) => {
      const t = (2 * Math.PI * i) / Math.max(1, n);
      return { x: W / 2 + (W / 2.6) * Math.cos(t), y: H / 2 + (H / 2.6) * Math.sin(t) };
    });
    if (n < 6) return pos; // a circle reads best for a handful of actors
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter((l) => l[0] !== undefined && l[1] !== undefined);
    const k = Math.sqrt((W * H) / n) * 0.6;
    for (let it = 0; it < 250; it++) {
      const temp = 30 * (1 - it / 250) + 1;
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          const d = Math.max(1, Math.hypot(dx, dy));
          const f = (k * k) / d;
          disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
          disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(1, Math.hypot(dx, dy));
        const f = (d * d) / k;
        disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
        disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
      }
      for (let i = 0; i < n; i++) {
        const d = Math.max(1, Math.hypot(disp[i].x, disp[i].y));
        pos[i].x = Math.min(W - 40, Math.max(40, pos[i].x + (disp[i].x / d) * Math.min(d, temp) + (W / 2 - pos[i].x) * 0.01));
        pos[i].y = Math.min(H - 30, Math.max(30, pos[i].y + (disp[i].y / d) * Math.min(d, temp) + (H / 2 - pos[i].y) * 0.01));
      }
    }
    return pos;
  }

  /* The API gives directed edges; draw one line per pair, weighting the mean Goldstein by events. */
  function undirected(edges) {
    const pairs = new Map();
    for (const e of edges) {
      const [a, b] = [e.source, e.target].sort();
      const key = a + "\u0000" + b;
      const p = pairs.get(key) || { source: a, target: b, count: 0, gsum: 0, gn: 0 };
      p.count += e.events || 0;
      if (e.goldstein_mean !== null && e.goldstein_mean !== undefined) {
        p.gsum += e.goldstein_mean * (e.events || 1);
        p.gn += e.events || 1;
      }
      pairs.set(key, p);
    }
    return Array.from(pairs.values()).map((p) => ({ source: p.source, target: p.target, count: p.count, goldstein: p.gn ? p.gsum / p.gn : null }));
  }

  function draw(container, data) {
    const { svg } = window.Accord;
    const nodes = data.nodes.map((d) => ({ id: d.id, label: d.id, name: d.label, count: d.events }));
    const edges = undirected(data.edges);
    const pos = layout(nodes, edges);
    const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
    const maxW = Math.max(1, ...edges.map((e) => e.count || 1));
    const maxC = Math.max(1, ...nodes.map((d) => d.count || 1));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Network of actors linked by events" });
    const gEdges = svg("g", {});
    for (const e of edges) {
      const p = at.get(e.source), q = at.get(e.target);
      if (!p || !q) continue;
      const cls = e.goldstein === null || e.goldstein === undefined ? "" : e.goldstein >= 0 ? " coop" : " conf";
      const link = svg("a", { href: "/dyad?" + new URLSearchParams({ a: e.source, b: e.target }).toString() });
      const line = svg("line", { class: "edge" + cls, x1: p.x, y1: p.y, x2: q.x, y2: q.y, "stroke-width": 1 + (5 * (e.count || 1)) / maxW });
      const g = e.goldstein === null || e.goldstein === undefined ? "" : `, mean Goldstein ${Number(e.goldstein).toFixed(1)}`;
      line.appendChild(svg("title", {}, `${e.source} – ${e.target}: ${e.count} event(s)${g}`));
      link.appendChild(line);
      gEdges.appendChild(link);
    }
    root.appendChild(gEdges);
    const gNodes = svg("g", {});
    nodes.forEach((d, i) => {
      const link = svg("a", { class: "node", href: "/?" + new URLSearchParams({ actor: d.id }).toString() });
      link.appendChild(svg("circle", { cx: pos[i].x, cy: pos[i].y, r: 5 + (10 * (d.count || 1)) / maxC }));
      link.appendChild(svg("text", { x: pos[i].x + 9, y: pos[i].y - 9 }, d.label || d.id));
      link.appendChild(svg("title", {}, `${d.name || d.label || d.id}: ${d.count || 0} event(s)`));
      gNodes.appendChild(link);
    });
    root.appendChild(gNodes);
    container.replaceChildren(root);
  }

  async function init() {
    const container = document.getElementById("network");
    if (!container) return;
    try {
      const params = {};
      for (const key of ["limit", "min_events", "date_from", "date_to"]) {
        if (container.dataset[key]) params[key] = container.dataset[key];
      }
      const data = await window.Accord.getJSON("/api/network", params);
      if (!data.nodes || !data.nodes.length) {
        window.Accord.status(container, "No actor pairs with events yet.");
        return;
      }
      draw(container, data);
      container.dataset.ready = "1";
    } catch (err) {
      window.Accord.status(container, "Could not load the network: " + err.message);
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();

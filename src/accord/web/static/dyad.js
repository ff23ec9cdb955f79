/* Dyad timeline: stacked bars of events per month by quad class, with the mean Goldstein line. */
"use strict";
(function () {
  const QUADS = [1, 2, 3, 4];
  const QUAD_NAMES = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };

  function monthsBetween(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(String(y) + "-" + String(m).padStart(2, "0"));
      m += 1;
      if (m > 12) { m = 1; y += 1; }
      if (out.length > 600) break;
    }
    return out;
  }

  function draw(container, timeline) {
    const { svg, el } = window.Accord;
    const byMonth = new Map(timeline.map((r) => [r.month, r]));
    const keys = Array.from(byMonth.keys()).sort();
    const months = monthsBetween(keys[0], keys[keys.length - 1]);
    const W = 900, H = 320, L = 44, R = 48, T = 34, B = 40;
    const iw = W - L - R, ih = H - T - B;
    const totals = months.map((m) => QUADS.reduce((s, q) => s + (((byMonth.get(m) || {}).quad || {})[q] || 0), 0));
    const tick = Math.max(1, Math.ceil(Math.max(1, ...totals) / 4));
    const maxN = tick * Math.max(1, Math.ceil(Math.max(1, ...totals) / tick));
    const bw = iw / months.length;
    const barW = Math.min(48, Math.max(1, bw * 0.7));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Events per month by quad class, with mean Goldstein score" });
    const axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: L, y1: T + ih, x2: L + iw, y2: T + ih }));
    for (let n = 0; n <= maxN; n += tick) {
      const y = T + ih - (ih * n) / maxN;
      axis.appendChild(svg("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, n));
      if (n > 0) axis.appendChild(svg("line", { class: "grid", x1: L, y1: y, x2: L + iw, y2: y }));
    }
    for (let g = -10; g <= 10; g += 5) {
      axis.appendChild(svg("text", { x: L + iw + 6, y: T + ih - (ih * (g + 10)) / 20 + 4 }, (g > 0 ? "+" : "") + g));
    }
    axis.appendChild(svg("text", { x: L - 6, y: 14, "text-anchor": "end" }, "events"));
    axis.appendChild(svg("text", { x: W - 4, y: 14, "text-anchor": "end" }, "Goldstein"));
    const step = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((m, i) => {
      if (i % step === 0) axis.appendChild(svg("text", { x: L + bw * i + bw / 2, y: H - B + 16, "text-anchor": "middle" }, m));
    });
    root.appendChild(axis);
    const zeroY = T + ih / 2;
    root.appendChild(svg("line", { class: "zero", x1: L, y1: zeroY, x2: L + iw, y2: zeroY }));
    const bars = svg("g", {});
    const points = [];
    months.forEach((m, i) => {
      const row = byMonth.get(m);
      if (!row) return;
      let y = T + ih;
      for (const q of QUADS) {
        const n = (row.quad || {})[q] || 0;
        if (!n) continue;
        const h = (ih * n) / maxN;
        y -= h;
        const rect = svg("rect", { class: "bar-" + q, x: L + bw * i + (bw - barW) / 2, y: y, width: barW, height: h });
        rect.appendChild(svg("title", {}, `${m}: ${n} ${QUAD_NAMES[q]}`));
        bars.appendChild(rect);
      }
      const g = row.goldstein_mean;
      if (g !== null && g !== undefined) {
        points.push([L + bw * i + bw / 2, T + ih - (ih * (g + 10)) / 20, m, g]);
      }
    });
    root.appendChild(bars);
    if (points.length) {
      root.appendChild(svg("polyline", { class: "gline", points: points.map((p) => p[0] + "," + p[1]).join(" ") }));
      for (const p of points) {
        const dot = svg("circle", { class: "gdot", cx: p[0], cy: p[1], r: 3.5 });
        dot.appendChild(svg("title", {}, `${p[2]}: mean Goldstein ${p[3].toFixed(2)}`));
        root.appendChild(dot);
      }
    }
    const legend = el("div", { class: "chart-legend" });
    for (const q of QUADS) {
      const item = el("span", {});
      item.appendChild(el("span", { class: "sw sw-" + q }));
      item.appendChild(document.createTextNode(QUAD_NAMES[q]));
      legend.appendChild(item);
    }
    const gl = el("span", {});
    gl.appendChild(el("span", { class: "sw sw-g" }));
    gl.appendChild(document.createTextNode("Mean Goldstein (right axis)"));
    legend.appendChild(gl);
    container.replaceChildren(root, legend);
  }

  async function init() {
    const container = document.getElementById("dyad-chart");
    if (!container) return;
    const a = container.dataset.a, b = container.dataset.b;
    if (!a || !b) return;
    try {
      const data = await window.Accord.getJSON("/api/dyad", { a: a, b: b });
      const months = (data.months || []).filter((r) => /^\d{4}-\d{2}$/.test(r.month));
      if (!months.length) {
        window.Accord.status(container, "No dated events between these two actors.");
        return;
      }
      draw(container, months);
      container.dataset.ready = "1";
    } catch (err) {
      window.Accord.status(container, "Could not load the timeline: " + err.message);
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();

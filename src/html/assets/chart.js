// @ts-check
// The HTML report's chart (src/html/render.ts inlines it after uPlot, before report.js): the
// numbers of a counterexample over its states, the violating step marked with a red line, a lasso's
// loop shaded. Strings reach the page through textContent only (report.js's `h`).

(function () {
  "use strict";

  /** @typedef {{name: string, values: (number|null)[], shown: boolean}} Series */

  /** @type {any} */
  const uPlot = /** @type {any} */ (window).uPlot;
  const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

  /**
   * The chart block of counterexample `cx`: a uPlot chart of its series, and their checkboxes.
   * @param {any} cx
   * @param {(tag: string, cls?: string, ...children: (Node|string|null|undefined)[]) => HTMLElement} h
   * @param {Record<string, any>} charts where the uPlot instance is kept, by the counterexample's id
   */
  function chart(cx, h, charts) {
    /** @type {Series[]} */
    const series = cx.series;
    const box = h("div", "chart-block");
    if (!series.length) {
      box.append(h("p", "muted", "no numbers to plot"));
      return box;
    }
    const plot = h("div", "chart");
    plot.dataset.violatingStep = String(cx.violatingStep);
    if (cx.loop !== undefined) plot.dataset.loop = String(cx.loop);
    const legend = h("ul", "legend");
    const more = h("ul", "legend");
    const picker = h("details", "more-series", h("summary", "", `more variables (${series.filter((s) => !s.shown).length})`), more);
    box.append(plot, legend);
    if (series.some((s) => !s.shown)) box.append(picker);
    // Colours go to the series shown first, so the plotted lines never share one.
    const order = series.map((s, i) => i).sort((a, b) => Number(series[b].shown) - Number(series[a].shown) || a - b);
    /** @type {string[]} */
    const color = [];
    order.forEach((i, rank) => (color[i] = COLORS[rank % COLORS.length]));
    const xs = cx.states.map((/** @type {any} */ _, /** @type {number} */ i) => i);
    const xmax = Math.max(xs.length - 1, cx.violatingStep, 1);
    /** @type {HTMLElement[]} */
    const readouts = [];
    const opts = {
      width: 800,
      height: 280,
      legend: { show: false },
      // A little room at both ends, so the first and the last points are whole.
      scales: { x: { time: false, range: () => [-0.25, xmax + 0.25] } },
      axes: [{ label: "state (after step)", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }, {}],
      series: [{ label: "state" }].concat(
        series.map((s, i) => ({ label: s.name, show: s.shown, stroke: color[i], width: 2, points: { size: 6 } })),
      ),
      hooks: {
        draw: [(/** @type {any} */ u) => marks(u, cx)],
        setCursor: [
          (/** @type {any} */ u) => {
            const i = u.cursor.idx;
            series.forEach((s, k) => (readouts[k].textContent = i === null || i === undefined || s.values[i] === null ? "" : ` ${s.values[i]}`));
          },
        ],
      },
    };
    const u = new uPlot(opts, [xs].concat(series.map((s) => s.values)), plot);
    charts[cx.id] = u;
    const fit = () => u.setSize({ width: Math.max(320, Math.min(plot.clientWidth || 800, 1100)), height: 280 });
    window.addEventListener("resize", fit);
    requestAnimationFrame(fit);
    series.forEach((s, i) => {
      const input = /** @type {HTMLInputElement} */ (h("input"));
      input.type = "checkbox";
      input.checked = s.shown;
      input.addEventListener("change", () => u.setSeries(i + 1, { show: input.checked }));
      const swatch = h("span", "swatch");
      swatch.style.background = color[i];
      readouts.push(h("span", "readout"));
      const item = h("li", "", h("label", "", input, swatch, h("span", "series-name", s.name), readouts[i]));
      (s.shown ? legend : more).append(item);
    });
    return box;
  }

  /** The violating step and a lasso's loop, drawn over the chart. @param {any} u @param {any} cx */
  function marks(u, cx) {
    const ctx = u.ctx;
    const top = u.bbox.top;
    const height = u.bbox.height;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    if (cx.loop !== undefined) {
      const a = u.valToPos(cx.loop, "x", true);
      const b = u.valToPos(cx.states.length - 1, "x", true);
      ctx.fillStyle = "rgba(120, 90, 200, 0.12)";
      ctx.fillRect(a, top, Math.max(b - a, 2), height);
    }
    const x = u.valToPos(cx.violatingStep, "x", true);
    ctx.strokeStyle = "#c62828";
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#c62828";
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textAlign = x > u.bbox.left + u.bbox.width / 2 ? "right" : "left";
    ctx.fillText(`✗ step ${cx.violatingStep}`, x + (ctx.textAlign === "right" ? -4 : 4) * ratio, top + 14 * ratio);
    ctx.restore();
  }

  /** @type {any} */ (window).stakecheckChart = chart;
})();

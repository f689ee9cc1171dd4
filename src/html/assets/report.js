// @ts-check
// The HTML report's page script: builds the report from the JSON island `#report-data` (written
// by src/html/render.ts). Every string from a spec or a trace reaches the page through
// textContent, never as markup; attributes are set only to values this script makes (ids, classes).
// The chart is chart.js's (inlined before this script). Type-checked with tsconfig.page.json.

(function () {
  "use strict";

  /** @typedef {{t: string, c?: [string, ValueNode][]}} ValueNode */

  const island = document.getElementById("report-data");
  /** @type {any} */
  const data = JSON.parse(island ? island.textContent || "{}" : "{}");
  /** @type {Record<string, any>} */
  const charts = {};
  /** @type {any} */ (window).stakecheckReport = { data, charts };

  const MARKS = { holds: "✓", violated: "✗", unknown: "?", error: "!" };

  /**
   * An element with classes and children (strings become text nodes).
   * @param {string} tag
   * @param {string} [cls]
   * @param {...(Node|string|null|undefined)} children
   * @returns {HTMLElement}
   */
  function h(tag, cls, ...children) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }

  /**
   * A link to an element of this page (ids are made here, never taken from the data).
   * @param {string} id
   * @param {string} text
   */
  function link(id, text) {
    const a = /** @type {HTMLAnchorElement} */ (h("a", "", text));
    a.href = "#" + id;
    return a;
  }

  /** @param {[string, string][]} pairs @param {string} cls */
  function dl(pairs, cls) {
    const d = h("dl", cls);
    for (const [k, v] of pairs) d.append(h("dt", "", k), h("dd", "", v));
    return d;
  }

  /** @param {string} verdict @param {string} label */
  function verdict(verdict, label) {
    const s = h("span", "verdict v-" + verdict, /** @type {any} */ (MARKS)[verdict] || "?");
    s.title = label;
    return s;
  }

  function header() {
    const head = h("header", "report-head", h("h1", "", data.title), h("p", "summary", data.summary));
    document.body.appendChild(head);
    if (data.counterexamples.length) {
      const nav = h("nav", "toc", h("span", "toc-title", "Counterexamples: "));
      data.counterexamples.forEach((/** @type {any} */ cx, /** @type {number} */ i) => {
        if (i) nav.append(" · ");
        nav.append(link(cx.id, `${i + 1}. ${cx.spec}: ${cx.property.name}`));
      });
      document.body.appendChild(nav);
    }
  }

  /** @param {any} s */
  function suite(s) {
    const art = h("article", "suite", h("h3", "", h("span", "spec-name", s.name), " ", h("span", "file", s.file)));
    if (s.consts.length) art.append(h("p", "consts", s.consts.map((/** @type {[string,string]} */ [k, v]) => `${k} = ${v}`).join(", ")));
    const table = h("table", "properties");
    for (const c of s.cases) {
      const row = h("tr", "case v-" + c.verdict, h("td", "", verdict(c.verdict, c.label)), h("td", "name", c.name), h("td", "label", c.label));
      const last = h("td", "");
      if (c.counterexample !== undefined) last.append(link(data.counterexamples[c.counterexample].id, "counterexample ↓"));
      row.append(last);
      table.append(row);
    }
    art.append(table);
    if (s.stats.length) art.append(h("p", "stats", s.stats.map((/** @type {[string,string]} */ [k, v]) => `${k}: ${v}`).join(" · ")));
    if (s.incomplete) art.append(h("p", "incomplete", "incomplete: " + s.incomplete));
    if (s.coverage) {
      const cov = h("table", "coverage", h("tr", "", h("th", "", "action"), h("th", "", "fired"), h("th", "", "guard false")));
      for (const a of s.coverage) {
        cov.append(h("tr", a.fired === 0 ? "never" : "", h("td", "", a.action), h("td", "num", a.fired.toLocaleString("en-US")), h("td", "num", a.disabled.toLocaleString("en-US"))));
      }
      const never = s.coverage.filter((/** @type {any} */ a) => a.fired === 0).length;
      art.append(h("details", "coverage-block", h("summary", "", `coverage: ${s.coverage.length - never} of ${s.coverage.length} actions fired`), cov));
    }
    return art;
  }

  /** @param {any} sw */
  function sweep(sw) {
    const table = h("table", "sweep");
    table.append(h("tr", "", ...sw.swept.map((/** @type {string} */ n) => h("th", "", n)), ...sw.properties.map((/** @type {string} */ p) => h("th", "", p)), h("th", "", "states")));
    for (const r of sw.rows) {
      const row = h("tr", "", ...r.consts.map((/** @type {string} */ v) => h("td", "num", v)));
      for (const c of r.cells) {
        const td = h("td", "cell v-" + c.verdict, verdict(c.verdict, c.text));
        if (c.counterexample !== undefined) td.append(" ", link(data.counterexamples[c.counterexample].id, "↓"));
        row.append(td);
      }
      row.append(h("td", "num", r.states));
      table.append(row);
    }
    return h("article", "sweep-block", h("h3", "", `${sw.spec} `, h("span", "file", sw.file), ` — sweep over ${sw.swept.join(", ")}`), table);
  }

  function run() {
    const sec = h("section", "run", h("h2", "", "The run"));
    sec.id = "run";
    for (const sw of data.sweeps) sec.append(sweep(sw));
    for (const s of data.suites) sec.append(suite(s));
    document.body.appendChild(sec);
  }

  /** @param {any} c */
  function change(c) {
    const li = h("li", "change c-" + c.k, h("span", "path", c.path), ": ");
    if (c.k === "value") li.append(h("span", "before", c.before), " → ", h("span", "after", c.after));
    else if (c.k === "set") {
      if (c.added.length) li.append(h("span", "added", "+{" + c.added.join(", ") + "}"));
      if (c.added.length && c.removed.length) li.append(" ");
      if (c.removed.length) li.append(h("span", "removed", "-{" + c.removed.join(", ") + "}"));
    } else if (c.k === "push") li.append(h("span", "added", "push " + c.item));
    else if (c.k === "pop") li.append(h("span", "removed", "pop " + c.item));
    else li.append(h("span", "removed", "drop " + c.item + " (from the end)"));
    return li;
  }

  /** @param {ValueNode} n @param {string} label */
  function valueView(n, label) {
    if (!n.c) return h("div", "val", h("span", "k", label), " = ", h("span", "v", n.t));
    const d = h("details", "val", h("summary", "", h("span", "k", label), " ", h("span", "v muted", n.t)));
    for (const [k, x] of n.c) d.append(valueView(x, k));
    return d;
  }

  /** The full state k, built when first opened. @param {any} cx @param {number} k */
  function fullState(cx, k) {
    const d = /** @type {HTMLDetailsElement} */ (h("details", "full-state", h("summary", "", k === 0 ? "full initial state" : `full state after step ${k}`)));
    d.addEventListener("toggle", () => {
      if (!d.open || d.dataset.built) return;
      d.dataset.built = "1";
      const box = h("div", "state");
      cx.vars.forEach((/** @type {string} */ name, /** @type {number} */ v) => box.append(valueView(cx.values[v][cx.states[k][v]], name)));
      d.append(box);
    });
    return d;
  }

  /** @param {any} cx @param {any} s */
  function stepHead(cx, s) {
    const params = s.params.map((/** @type {[string,string]} */ [k, v]) => `${k} = ${v}`).join(", ");
    const call = h("span", "call", h("span", "action", s.action), `(${params})`);
    if (s.caller) call.append(" by ", h("span", "caller", `${s.caller[0]} = ${s.caller[1]}`));
    if (s.picks.length) call.append(", pick " + s.picks.map((/** @type {[string,string]} */ [k, v]) => `${k} = ${v}`).join(", "));
    return call;
  }

  /** @param {any} cx */
  function timeline(cx) {
    const ol = h("ol", "timeline");
    const n = cx.violatingStep;
    const last = cx.states.length - 1;
    /** @param {number} k @param {HTMLElement} li */
    const mark = (k, li) => {
      const badges = h("span", "badges");
      if (k === n) {
        li.classList.add("violating");
        badges.append(h("span", "badge bad", "✗ " + cx.property.name + " fails here"));
      }
      if (cx.loop !== undefined) {
        if (k === cx.loop) (li.classList.add("loop-start"), badges.append(h("span", "badge loop", "⟲ loop starts here")));
        if (k > cx.loop && k <= last) li.classList.add("in-loop");
        if (k === last) badges.append(h("span", "badge loop", `⟲ then back to state ${cx.loop}, forever`));
      }
      return badges;
    };
    const init = h("li", "step initial");
    init.dataset.step = "0";
    const initChanges = h("ul", "changes leaves");
    for (const [p, t] of cx.initial) initChanges.append(h("li", "", h("span", "path", p), " = ", h("span", "after", t)));
    init.append(h("div", "step-head", h("span", "num", "0"), h("span", "call", "initial state"), mark(0, init)));
    // A long initial state folds away; the steps after it are what matter.
    init.append(cx.initial.length > 24 ? h("details", "initial-values", h("summary", "", `initial values (${cx.initial.length})`), initChanges) : initChanges);
    ol.append(init);
    for (const s of cx.steps) {
      const li = h("li", "step" + (s.failed ? " failed" : "") + (s.disabled ? " disabled" : ""));
      li.dataset.step = String(s.index);
      li.id = `${cx.id}-step-${s.index}`;
      li.append(h("div", "step-head", h("span", "num", String(s.index)), stepHead(cx, s), mark(s.index, li)));
      const ul = h("ul", "changes");
      for (const c of s.changes) ul.append(change(c));
      if (s.failed) ul.append(h("li", "muted", "the step fails: no state after it (see why below)"));
      else if (s.disabled) ul.append(h("li", "muted", "the spec does not enable this step: the implementation had to refuse it"));
      else if (!s.changes.length) ul.append(h("li", "muted", "(no change)"));
      li.append(ul);
      if (!s.failed) li.append(fullState(cx, s.index));
      ol.append(li);
    }
    init.append(fullState(cx, 0));
    return ol;
  }

  /** @param {any} cx @param {number} i */
  function counterexample(cx, i) {
    const sec = h("section", "counterexample");
    sec.id = cx.id;
    sec.append(h("h2", "", h("span", "verdict v-violated", "✗"), ` ${i + 1}. ${cx.title}`));
    const meta = [["spec", `${cx.spec} (${cx.specPath})`]];
    if (cx.consts.length) meta.push(["consts", cx.consts.map((/** @type {[string,string]} */ [k, v]) => `${k} = ${v}`).join(", ")]);
    if (cx.file) meta.push(["file", cx.file]);
    meta.push(["found by", cx.explorer]);
    sec.append(dl(/** @type {[string,string][]} */ (meta), "meta"));
    if (cx.notes.length) sec.append(h("ul", "notes", ...cx.notes.map((/** @type {string} */ n) => h("li", "", n))));
    const code = h("code", "cmd", cx.replay);
    const copy = /** @type {HTMLButtonElement} */ (h("button", "copy", "copy"));
    copy.type = "button";
    copy.addEventListener("click", () => {
      const done = () => (copy.textContent = "copied");
      if (navigator.clipboard) navigator.clipboard.writeText(cx.replay).then(done, () => selectText(code));
      else selectText(code);
    });
    sec.append(h("div", "replay", h("span", "muted", "replay: "), code, copy));
    sec.append(h("h3", "", "Numbers over the steps"), /** @type {any} */ (window).stakecheckChart(cx, h, charts));
    sec.append(h("h3", "", "Steps"), timeline(cx));
    if (cx.explanation.length) {
      const indent = Math.min(...cx.explanation.filter((/** @type {string} */ l) => l.trim()).map((/** @type {string} */ l) => l.length - l.trimStart().length));
      sec.append(h("h3", "", "Why it fails"), h("pre", "why", cx.explanation.map((/** @type {string} */ l) => l.slice(indent)).join("\n")));
    }
    document.body.appendChild(sec);
  }

  /** @param {HTMLElement} e */
  function selectText(e) {
    const r = document.createRange();
    r.selectNodeContents(e);
    const sel = window.getSelection();
    if (sel) (sel.removeAllRanges(), sel.addRange(r));
  }

  header();
  run();
  data.counterexamples.forEach(counterexample);
  document.body.dataset.ready = "1";
  performance.mark("stakecheck-ready");
})();

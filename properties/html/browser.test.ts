// The HTML report in a real browser (Chromium, headless): one report per shipped counterexample,
// and one of them all. Each loads with no console error and no request, shows one timeline entry per
// state (and the failing step), marks the violating step, plots one point per state with the values
// of the trace (read back from the page), and opens and closes the full state of a step.

import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Readable } from "../../src/model/layout.js";
import { readTraceFile } from "../../src/trace/read.js";
import type { Trace } from "../../src/trace/trace.js";
import { runCli } from "../support/cli.js";
import { chartOf, launchBrowser, openReport, type Browser } from "./support/browser.js";

const CORPUS = readdirSync("counterexamples").filter((f) => f.endsWith(".itf.json")).map((f) => `counterexamples/${f}`);
const OUT = mkdtempSync(join(tmpdir(), "stakecheck-html-"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function report(files: string[], name: string): Promise<string> {
  const out = resolve(OUT, name);
  const r = await runCli(["report", ...files, "-o", out]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain(`report: ${out}`);
  return out;
}

/** The value of a chart series computed straight from the trace, for the names whose meaning is
 * plain: `x`, `x[k]`, `sum(x)`, `len(x)`, `size(x)`; undefined for the others. */
function expectedSeries(trace: Trace, name: string): (number | null)[] | undefined {
  const at = (f: (v: Readonly<Record<string, Readable>>) => Readable | undefined) =>
    trace.states.map((s) => {
      const x = f(s.values);
      return typeof x === "number" ? x : null;
    });
  let m: RegExpExecArray | null;
  if ((m = /^(\w+)$/.exec(name))) return at((v) => v[m![1]]);
  if ((m = /^(\w+)\[(\w+)\]$/.exec(name))) return at((v) => (v[m![1]] as Record<string, Readable>)[m![2]]);
  if ((m = /^sum\((\w+)\)$/.exec(name))) return at((v) => Object.values(v[m![1]] as Record<string, number>).reduce((a, b) => a + b, 0));
  if ((m = /^(len|size)\((\w+)\)$/.exec(name))) return at((v) => (v[m![2]] as Readable[]).length);
  if ((m = /^(len|size)\((\w+)\[(\w+)\]\)$/.exec(name))) return at((v) => ((v[m![2]] as Record<string, Readable[]>)[m![3]]).length);
  return undefined;
}

describe("HTML reports of the shipped counterexamples, in Chromium", () => {
  it("the corpus is there", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)("%s", async (file) => {
    const trace = readTraceFile(file);
    const path = await report([file], file.split("/").pop()!.replace(/\.itf\.json$/, ".html"));
    const { page, errors, requests, dialogs } = await openReport(browser, path);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);

      // The timeline: the initial state, every step, and the failing step when there is one.
      const steps = await page.$$eval("#cx-1 ol.timeline > li", (lis) => lis.map((li) => (li as any).dataset.step));
      const n = trace.states.length + (trace.violation.failedStep ? 1 : 0);
      expect(steps).toEqual(Array.from({ length: n }, (_, i) => String(i)));
      const violating = await page.$$eval("#cx-1 li.violating", (lis) => lis.map((li) => (li as any).dataset.step));
      expect(violating).toEqual([String(trace.violation.step)]);
      expect(await page.textContent("#cx-1 li.violating .badge.bad")).toContain(`${trace.violation.name} fails here`);

      // The chart: a point per state, the values of the trace.
      const chart = await chartOf(page, "cx-1");
      expect(chart.data[0]).toEqual(trace.states.map((_, i) => i));
      expect(chart.shown.slice(1).some((x) => x)).toBe(true);
      let checked = 0;
      chart.labels.slice(1).forEach((label, i) => {
        expect(chart.data[i + 1].length).toBe(trace.states.length);
        const want = expectedSeries(trace, label);
        if (want === undefined) return;
        expect(chart.data[i + 1], label).toEqual(want);
        checked++;
      });
      expect(checked).toBeGreaterThan(0);
      expect(await page.getAttribute("#cx-1 .chart", "data-violating-step")).toBe(String(trace.violation.step));
      // uPlot drew its canvas.
      const canvas = await page.$eval("#cx-1 .chart canvas", (c) => ({ w: (c as any).width, h: (c as any).height }));
      expect(canvas.w).toBeGreaterThan(300);
      expect(canvas.h).toBeGreaterThan(100);

      // The full state of the last state: opens on a click, with one line per variable, and closes.
      const last = trace.states.length - 1;
      const details = page.locator("#cx-1 details.full-state").nth(last);
      expect(await details.evaluate((d) => (d as any).open)).toBe(false);
      await details.locator("summary").first().click();
      expect(await details.evaluate((d) => (d as any).open)).toBe(true);
      expect(await details.locator(".state > .val").count()).toBe(trace.vars.length);
      await details.locator("summary").first().click();
      expect(await details.evaluate((d) => (d as any).open)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("one report of the whole corpus: a section per counterexample, each linked from the run", async () => {
    const path = await report(["counterexamples"], "corpus.html");
    const { page, errors, requests } = await openReport(browser, path);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.locator("section.counterexample").count()).toBe(CORPUS.length);
      const links = await page.$$eval("#run a", (as) => as.map((a) => a.getAttribute("href")));
      expect(links).toEqual(CORPUS.map((_, i) => `#cx-${i + 1}`));
      // Every file replays as saved (still violates): as expected by default, as in the terminal.
      expect(await page.locator("#run tr.case .verdict").allTextContents()).toEqual(CORPUS.map(() => "✓"));
    } finally {
      await page.close();
    }
  });

  it("a lasso: the loop's first state and the states in the loop are marked", async () => {
    const file = "properties/html/fixtures/lasso.itf.json";
    const trace = readTraceFile(file);
    expect(trace.loop).toBe(2);
    const { page, errors } = await openReport(browser, await report([file], "lasso.html"));
    try {
      expect(errors).toEqual([]);
      expect(await page.$$eval("#cx-1 li.loop-start", (l) => l.map((x) => (x as any).dataset.step))).toEqual(["2"]);
      expect(await page.$$eval("#cx-1 li.in-loop", (l) => l.map((x) => (x as any).dataset.step))).toEqual(["3"]);
      expect(await page.textContent("#cx-1 li[data-step='3']")).toContain("then back to state 2, forever");
      expect(await page.getAttribute("#cx-1 .chart", "data-loop")).toBe("2");
      expect(await page.textContent("#cx-1 h2")).toContain("loops from state 3 back to state 2 forever");
    } finally {
      await page.close();
    }
  });

  it("the series picker shows and hides a series on the chart", async () => {
    const { page } = await openReport(browser, await report(["counterexamples/pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json"], "picker.html"));
    try {
      const shown = async () => {
        const c = await chartOf(page, "cx-1");
        return c.labels.filter((_, i) => c.shown[i]);
      };
      const before = await shown();
      expect(before).toContain("sum(bal)");
      await page.locator("#cx-1 .legend label", { hasText: "sum(bal)" }).locator("input").uncheck();
      expect(await shown()).not.toContain("sum(bal)");
      await page.locator("#cx-1 details.more-series summary").click();
      await page.locator("#cx-1 .legend label", { hasText: "stake[1]" }).locator("input").check();
      expect(await shown()).toContain("stake[1]");
    } finally {
      await page.close();
    }
  });
});

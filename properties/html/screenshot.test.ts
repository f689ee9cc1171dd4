// The report of `stakecheck check spec/buggy/pool-no-owner-check.stake --html DIR`, compared by
// structure, not pixels: headings, verdicts, the timeline and its changes, the series shown, the
// order and size of the blocks on the page, and the chart's canvas holding each shown series'
// colour. The screenshot the README shows (docs/img/report.png) comes from this test:
// UPDATE_SCREENSHOTS=1 rewrites it (and it is written when missing); UPDATE_GOLDEN=1 rewrites the
// structure file.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { launchBrowser, openReport, type Browser } from "./support/browser.js";

const GOLDEN = "properties/html/golden/pool-no-owner-check.structure.json";
const SCREENSHOT = "docs/img/report.png";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("the report of a check run, by structure", () => {
  it("check --html DIR writes the report; its page has the structure recorded", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-shot-"));
    const r = await runCli(["check", "spec/buggy/pool-no-owner-check.stake", "--html", dir]);
    expect(r.code).toBe(1);
    const path = join(dir, "pool-no-owner-check.html");
    expect(r.stderr).toContain(`report: ${path}`);
    const { page, errors, requests } = await openReport(browser, path);
    try {
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const structure = await page.evaluate(() => {
        // In the page: DOM types are not in this project's lib, so the page's globals are `any`.
        const { document, window } = globalThis as any;
        const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e: any) => e.innerText.replace(/\s+/g, " ").trim());
        const top = (sel: string) => {
          const e = document.querySelector(sel);
          return e ? e.getBoundingClientRect().top + window.scrollY : null;
        };
        const blocks = ["header", "#run", "#cx-1 h2", "#cx-1 .replay", "#cx-1 .chart canvas", "#cx-1 ol.timeline", "#cx-1 pre.why"];
        const order = blocks.map((b) => ({ b, top: top(b) })).sort((a, b) => (a.top ?? -1) - (b.top ?? -1)).map((x) => x.b);
        return {
          headings: texts("h1, h2, h3"),
          cases: [...document.querySelectorAll("#run tr.case")].map((tr: any) => [...tr.querySelectorAll("td")].map((td: any) => td.textContent)),
          coverage: texts("#run .coverage-block summary"),
          steps: texts("#cx-1 ol.timeline > li > .step-head"),
          changes: [...document.querySelectorAll("#cx-1 ol.timeline > li")].map((li: any) => [...li.querySelectorAll(":scope > ul.changes > li, :scope > details > ul.changes > li")].map((c: any) => c.textContent)),
          legend: texts("#cx-1 .chart-block > ul.legend .series-name"),
          why: (document.querySelector("#cx-1 pre.why")?.textContent as string | undefined)?.split("\n"),
          replay: document.querySelector("#cx-1 .replay code")?.textContent as string | undefined,
          order,
        };
      });
      if (process.env.UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, JSON.stringify(structure, null, 2) + "\n");
      expect(structure).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));

      // Layout: the chart is wide, each timeline entry is below the one before.
      const canvas = await page.locator("#cx-1 .chart canvas").boundingBox();
      expect(canvas!.width).toBeGreaterThan(600);
      expect(canvas!.height).toBeGreaterThan(150);
      const tops = await page.$$eval("#cx-1 ol.timeline > li", (lis) => lis.map((li) => li.getBoundingClientRect().top));
      expect(tops.every((t, i) => i === 0 || t > tops[i - 1])).toBe(true);

      // The canvas holds each shown series' colour: uPlot drew every line (of series with the same
      // values, the last one drawn, on top).
      const drawn = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as any;
        const c = document.querySelector("#cx-1 .chart canvas");
        const px: number[] = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        const swatches: string[] = [...document.querySelectorAll("#cx-1 .chart-block > ul.legend .swatch")].map((s: any) => getComputedStyle(s).backgroundColor);
        const u = (globalThis as any).stakecheckReport.charts["cx-1"] as { data: number[][]; series: { show: boolean }[] };
        const shown = u.data.slice(1).filter((_, i) => u.series[i + 1].show).map((d) => JSON.stringify(d));
        return swatches.map((rgb, k) => {
          if (shown.indexOf(shown[k], k + 1) >= 0) return -1;
          const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
          let n = 0;
          for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) + Math.abs(px[i + 1] - g) + Math.abs(px[i + 2] - b) < 30 && px[i + 3] > 200) n++;
          return n;
        });
      });
      expect(drawn.length).toBe(structure.legend.length);
      expect(drawn.filter((n) => n > 10).length).toBeGreaterThanOrEqual(5);
      for (const n of drawn) if (n !== -1) expect(n).toBeGreaterThan(10);

      // The screenshot: the counterexample's heading, chart and steps, in a window 1000 pixels wide.
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.evaluate(() => new Promise((done) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(done))));
      const box = (await page.locator("#cx-1").boundingBox())!;
      const why = (await page.locator("#cx-1 pre.why").boundingBox())!;
      const clip = { x: Math.max(0, box.x - 8), y: box.y, width: Math.min(box.width + 16, 1000 - Math.max(0, box.x - 8)), height: why.y + why.height - box.y + 8 };
      const png = await page.screenshot({ clip, fullPage: true });
      expect(pngSize(png)).toEqual({ width: Math.round(clip.width), height: Math.round(clip.height) });
      if (process.env.UPDATE_SCREENSHOTS || !existsSync(SCREENSHOT)) writeFileSync(SCREENSHOT, png);
      const committed = pngSize(readFileSync(SCREENSHOT));
      expect(committed.width).toBeLessThanOrEqual(1000);
      expect(readFileSync(SCREENSHOT).length).toBeLessThan(250_000);
    } finally {
      await page.close();
    }
  });
});

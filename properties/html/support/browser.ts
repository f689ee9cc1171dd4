// A real browser for the HTML report's tests: Debian's Chromium (`/usr/bin/chromium`, installed by
// .ci/run when missing), driven by playwright-core, which never downloads a browser of its own.
// Every page is watched: console errors, uncaught exceptions, dialogs and any request that is not
// the report file itself (a report must load nothing).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (its --user-data-dir), removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "stakecheck-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests for anything but the report file. */
  readonly requests: string[];
  readonly dialogs: string[];
}

/** Opens the report file `path` and waits until its script has built the page. */
export async function openReport(browser: Browser, path: string): Promise<Watched> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  const url = `file://${path}`;
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`exception: ${e.message}`));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u === url) return route.continue();
    requests.push(u);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 20_000 });
  return { page, errors, requests, dialogs };
}

/** A uPlot chart of the page, as its data and series (read back from `window.stakecheckReport`). */
export interface ChartView {
  readonly data: (number | null)[][];
  readonly labels: string[];
  readonly shown: boolean[];
}

export async function chartOf(page: Page, id: string): Promise<ChartView> {
  return page.evaluate((cx) => {
    const u = (globalThis as any).stakecheckReport.charts[cx] as { data: (number | null)[][]; series: { label: string; show: boolean }[] };
    return { data: u.data, labels: u.series.map((s) => s.label), shown: u.series.map((s) => s.show) };
  }, id);
}

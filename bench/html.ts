// The HTML report's size and speed on a large counterexample: 200 steps over 20 variables
// (bench/models/report20.stake, whose invariant fails at step 200 exactly). Measures the report's
// size in bytes, the CPU time to build it, and the time Chromium takes to open it (navigation start
// to the page script's `stakecheck-ready` mark), median of 5 loads. Targets: under 1 MB, under 1 s.
//
//   npm run bench:html            (needs /usr/bin/chromium: apt-get install -y chromium)

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { fuzzModel } from "../src/api/fuzz.js";
import { selectProperties } from "../src/api/check.js";
import { loadSpecText } from "../src/api/load.js";
import { compileModel } from "../src/compile/compile.js";
import { fuzzHtml } from "../src/html/index.js";
import { fuzzSuite } from "../src/report/run-result.js";

const SPEC = "bench/models/report20.stake";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const loaded = loadSpecText(readFileSync(SPEC, "utf8"), SPEC);
if (!loaded.spec) throw new Error(`${SPEC} has errors`);
const model = compileModel(loaded.spec);
const selection = selectProperties(loaded.spec, undefined);
if ("unknown" in selection) throw new Error("no properties");
const run = fuzzModel(model, selection, { seed: 1, runs: 20, depth: 260, shrink: false });
if (!run.violation) throw new Error("no violation found: the bench spec should fail at step 200");
const steps = run.violation.instances.length;

const cpu0 = process.cpuUsage();
const html = fuzzHtml({ command: "fuzz", suites: [fuzzSuite(run)], seconds: 0, exitCode: 1 }, run);
const cpu = process.cpuUsage(cpu0);
const buildMs = (cpu.user + cpu.system) / 1000;

const dir = mkdtempSync(join(tmpdir(), "stakecheck-bench-html-"));
const file = join(dir, "report.html");
writeFileSync(file, html);
const bytes = Buffer.byteLength(html);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "stakecheck-bench-chromium-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1200, height: 900 },
});
const opens: number[] = [];
try {
  for (let i = 0; i < 6; i++) {
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-ready]");
    const ms = await page.evaluate(() => performance.getEntriesByName("stakecheck-ready")[0]?.startTime ?? NaN);
    if (i > 0) opens.push(ms); // the first load warms Chromium up
    await page.close();
  }
} finally {
  await context.close();
}

const vars = model.vars.length;
const open = median(opens);
console.log(`HTML report of a ${steps}-step counterexample over ${vars} variables (${SPEC})`);
console.log(`  size: ${(bytes / 1024).toFixed(0)} KiB (${bytes.toLocaleString("en-US")} bytes; target under 1 MB)`);
console.log(`  built in ${buildMs.toFixed(0)} ms of CPU`);
console.log(`  opens in ${open.toFixed(0)} ms in Chromium, median of ${opens.length} (navigation start to the page built; target under 1 s)`);
console.log(JSON.stringify({ bench: "html-report", steps, vars, bytes, buildCpuMs: Math.round(buildMs), openMs: Math.round(open), date: new Date().toISOString(), load: (await import("node:os")).loadavg()[0] }));

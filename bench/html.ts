// The HTML report's size and speed on a large counterexample: 200 steps over 20 variables
// (bench/models/report20.stake, whose invariant fails at step 200 exactly). Measures the report's
// size in bytes, the CPU time to build it, and the time Chromium takes to open it (navigation start
// to the page script's `stakecheck-ready` mark), median of 5 loads. Targets: under 1 MB, under 1 s.
//
//   npm run bench:html            (needs /usr/bin/chromium: apt-get install -y chromium)

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
let helperCpu = 0;
try {
  for (let i = 0; i < 6; i++) {
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector("body[data-ready]");
    const ms = await page.evaluate(() => performance.getEntriesByName("stakecheck-ready")[0]?.startTime ?? NaN);
    if (i > 0) opens.push(ms); // the first load warms Chromium up
    await page.close();
  }
  helperCpu = chromiumHelpersCpu();
} finally {
  await context.close();
}

const vars = model.vars.length;
const open = median(opens);
console.log(`HTML report of a ${steps}-step counterexample over ${vars} variables (${SPEC})`);
console.log(`  size: ${(bytes / 1024).toFixed(0)} KiB (${bytes.toLocaleString("en-US")} bytes; target under 1 MB)`);
console.log(`  built in ${buildMs.toFixed(0)} ms of CPU`);
console.log(`  opens in ${open.toFixed(0)} ms in Chromium, median of ${opens.length} (navigation start to the page built; target under 1 s)`);
console.log(JSON.stringify({ bench: "html-report", steps, vars, bytes, buildCpuMs: Math.round(buildMs), openMs: Math.round(open), helperCpuSeconds: Number(helperCpu.toFixed(2)), date: new Date().toISOString(), load: (await import("node:os")).loadavg()[0] }));

/** CPU seconds of the Chromium processes this process started, the browser itself excepted
 * (renderer, zygote, utility), which outlive their reaping parent and so are missing from
 * /usr/bin/time's figure for this process: the bench must not count them as other load. */
function chromiumHelpersCpu(): number {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      procs.set(Number(pid), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = procs.get(pid)?.ppid, hops = 0; p !== undefined && p > 1 && hops < 64; p = procs.get(p)?.ppid, hops++) if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, p] of procs) if (p.ppid !== process.pid && mine(pid)) ticks += p.ticks;
  return ticks / 100;
}

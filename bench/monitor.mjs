// Monitor speed on spec/pool.stake, whole runs of `monitorEvents` over an events file (reading,
// JSON parsing, binding, stepping, and the on-disk history the CLI keeps):
//   node bench/monitor.mjs [--quick]
// 1. fully observed: a random walk of the correct spec, every choice given (one candidate state);
// 2. 100 candidate states: POOL with START = 20; 13 deposits whose account and caller are hidden
//    leave 105 candidate states, which the rest of the log (deposit, unbond, withdraw of account 0,
//    every choice given) keeps alive: each event is stepped in all 105;
// 3. hidden choices: the random walk again with every parameter and caller hidden (how many
//    candidates stay live is printed: it is the log's property, not the monitor's).
// Figures are events per CPU second of this process (user + system), best of the repetitions; the
// last line is JSON for bench/run.mjs.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { loadSpecText } from "../dist/api/load.js";
import { compileModel } from "../dist/compile/compile.js";
import { eventsOfPath, randomPath } from "../dist/monitor/events-of.js";
import { monitorEvents } from "../dist/monitor/monitor.js";

const quick = process.argv.includes("--quick");
const REPS = quick ? 2 : 5;
const dir = mkdtempSync(join(tmpdir(), "stakecheck-bench-monitor-"));
const text = readFileSync("spec/pool.stake", "utf8");

function model(consts = {}) {
  const loaded = loadSpecText(text, "spec/pool.stake", { consts });
  if (!loaded.spec) throw new Error("spec/pool.stake has errors");
  return compileModel(loaded.spec);
}

function writeLog(name, events) {
  const path = join(dir, name);
  writeFileSync(path, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  return path;
}

async function measure(m, path, n, save) {
  let best = null;
  for (let r = 0; r < REPS; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const s = await monitorEvents(m, { path }, save ? { saveDir: join(dir, "traces"), historyDir: dir } : {});
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(cpu0);
    const cpu = (c.user + c.system) / 1e6;
    if (s.exitCode !== 0 || s.events !== n) throw new Error(`unexpected monitor result on ${path}: ${JSON.stringify(s)}`);
    if (!best || cpu < best.cpu) best = { cpu, wall, candidates: s.candidates, peak: s.maxCandidates };
  }
  return { events: n, cpuSeconds: best.cpu, perCpuSecond: n / best.cpu, perWallSecond: n / best.wall, candidates: best.candidates, peak: best.peak };
}

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

try {
  const pool = model();
  const walkSteps = quick ? 100_000 : 500_000;
  const walk = randomPath(pool, walkSteps, 1);
  const full = writeLog("full.jsonl", eventsOfPath(pool, walk));
  const fullSaved = await measure(pool, full, walk.length, true);
  const fullBare = await measure(pool, full, walk.length, false);

  const pool20 = model({ START: 20 });
  const hidden = Array.from({ length: 13 }, () => ({ action: "deposit" }));
  const cycle = ["deposit", "unbond", "withdraw"].map((action) => ({ action, params: { a: 0 }, caller: 0 }));
  const manyN = quick ? 20_000 : 100_000;
  const many = writeLog("many.jsonl", [...hidden, ...Array.from({ length: manyN - hidden.length }, (_, i) => cycle[i % 3])]);
  const hundred = await measure(pool20, many, manyN, true);

  const hiddenN = quick ? 10_000 : 50_000;
  const partial = writeLog("hidden.jsonl", eventsOfPath(pool, walk.slice(0, hiddenN), { hideParams: true, hideCaller: true }));
  const hiddenRun = await measure(pool, partial, hiddenN, true);

  const lines = [
    `fully observed, history on disk:  ${fmt(fullSaved.perCpuSecond)} events/CPU-s (${fmt(fullSaved.events)} events, ${fullSaved.cpuSeconds.toFixed(2)} CPU-s)`,
    `fully observed, no history:       ${fmt(fullBare.perCpuSecond)} events/CPU-s`,
    `${hundred.peak} candidate states:            ${fmt(hundred.perCpuSecond)} events/CPU-s (${fmt(hundred.events)} events)`,
    `every choice hidden:              ${fmt(hiddenRun.perCpuSecond)} events/CPU-s (at most ${hiddenRun.peak} candidates live)`,
  ];
  process.stderr.write(lines.join("\n") + "\n");
  process.stdout.write(JSON.stringify({ full: fullSaved, fullNoHistory: fullBare, hundred, hidden: hiddenRun }) + "\n");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

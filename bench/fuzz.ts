// Random exploration figures: walk speed on POOL(4,3,2), shrinking time for counterexamples of up
// to 200 steps, and the deep bug's hit rate in uniform and swarm mode.
//
//   node --import tsx bench/fuzz.ts [--quick]
//
// Steps per second are given per wall-clock second and per CPU second of this process (the second
// is the fairer figure on a shared machine); each is the best of a few repetitions.

import { readFileSync } from "node:fs";
import { loadSpecText } from "../src/api/load.js";
import { compileModel } from "../src/compile/compile.js";
import { minimizeViolation } from "../src/explore/minimize.js";
import { randomWalks } from "../src/explore/random.js";
import { selectAll, type Violation } from "../src/explore/result.js";
import { shrinkViolation } from "../src/explore/shrink.js";
import { targetOf } from "../src/explore/shrink-replay.js";
import type { Model } from "../src/model/model.js";

const quick = process.argv.includes("--quick");

function model(path: string, text: string, consts: Record<string, number> = {}): Model {
  const loaded = loadSpecText(text, path, { consts });
  if (!loaded.spec) throw new Error(`${path} has errors`);
  return compileModel(loaded.spec);
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0);
}

// ---- 1. walk speed -------------------------------------------------------------------------
{
  const pool = model("spec/anchor-pool.stake", readFileSync("spec/anchor-pool.stake", "utf8"), { N: 4, B: 3, R: 2 });
  let bestWall = 0;
  let bestCpu = 0;
  let steps = 0;
  const reps = quick ? 2 : 5;
  for (let rep = 0; rep < reps; rep++) {
    const cpu0 = process.cpuUsage();
    const r = randomWalks(pool, { seed: 1 + rep, runs: quick ? 30_000 : 150_000, depth: 100 });
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (r.violation) throw new Error("POOL has no violation");
    steps = r.stats.steps;
    bestWall = Math.max(bestWall, r.stats.stepsPerSecond);
    bestCpu = Math.max(bestCpu, r.stats.steps / cpuSeconds);
  }
  console.log(`walk speed, POOL(4,3,2), uniform, depth 100, every invariant checked at every step:`);
  console.log(`  ${fmt(bestWall)} steps/s wall, ${fmt(bestCpu)} steps/CPU-s (best of ${reps} runs of ~${fmt(steps)} steps; target 4 M)`);
}

// ---- 2. shrinking --------------------------------------------------------------------------
// A queue that overflows at CAP + 1 pushes, with pushes and pops equally likely: walks of 200
// steps overflow it late, so the counterexamples found are long. The minimal one is CAP + 1 steps:
// with CAP = 20 most of a found trace is noise; with CAP = 150 (found by swarm runs) nearly every
// step is essential and only the parameters shrink, the hardest case for an array shrinker.
{
  const queueSpec = (cap: number) => `spec BalancedQueue
type Account = 0 .. 1
type Chunk = 1 .. 3
type Request = { owner: Account, amount: Chunk }
var stake: map<Account, 0 .. 1000> = 1000
var paid:  map<Account, 0 .. 2000> = 0
var queue: seq<Request, ${cap}> = []
action unbond(a: Account, x: Chunk) {
  require stake[a] >= x
  stake[a] -= x
  queue = push(queue, {owner: a, amount: x})
}
action process(a: Account, x: Chunk) {
  require len(queue) > 0
  paid[head(queue).owner] += head(queue).amount
  queue = pop(queue)
}
invariant conservation:
  sum(a in Account: stake[a] + paid[a]) + sum(r in queue: r.amount) == 2000
`;
  console.log(`shrinking counterexamples of 150..200 steps (fast-check; then breadth-first minimization):`);
  for (const cap of [20, 60, 150]) {
    const m = model(`<balanced-queue-${cap}>`, queueSpec(cap));
    const found: Violation[] = [];
    for (let seed = 1; found.length < (quick ? 2 : 5) && seed < 10_000; seed++) {
      const r = randomWalks(m, { seed, runs: 2000, depth: 200, swarm: cap > 20 });
      if (r.violation && r.violation.instances.length >= Math.max(150, cap + 1)) found.push(r.violation);
    }
    let worst = 0;
    let worstCpu = 0;
    let worstMin = 0;
    const rows: string[] = [];
    for (const v of found) {
      const cpu0 = process.cpuUsage();
      const sh = shrinkViolation(m, v, { seed: 1, properties: selectAll(m) });
      const cpu = process.cpuUsage(cpu0);
      worstCpu = Math.max(worstCpu, (cpu.user + cpu.system) / 1e6);
      const mi = minimizeViolation(m, sh.violation, targetOf(v), { properties: selectAll(m) });
      worst = Math.max(worst, sh.seconds);
      worstMin = Math.max(worstMin, mi.seconds);
      rows.push(`${v.instances.length} -> ${sh.violation.instances.length} (${sh.candidates} candidates, ${sh.seconds.toFixed(2)} s)`);
      if (mi.violation.instances.length !== cap + 1) throw new Error(`expected ${cap + 1} steps`);
    }
    console.log(`  queue of ${cap}: ${rows.join("; ")}`);
    if (found.length === 0) console.log("    no counterexample of 150..200 steps found");
    console.log(`    slowest shrink ${worst.toFixed(2)} s wall, ${worstCpu.toFixed(2)} CPU-s (target < 2 s; the first includes warming up); slowest minimization ${worstMin.toFixed(2)} s`);
  }
}

// ---- 3. the deep bug: uniform vs swarm -----------------------------------------------------
{
  const path = "properties/fuzz/specs/unbonding-queue.stake";
  const m = model(path, readFileSync(path, "utf8"));
  const seeds = quick ? 20 : 100;
  const runs = 1000;
  console.log(`deep bug (${path}: 25 steps at least), ${seeds} seeds, budget ${runs} runs of depth 100 each:`);
  for (const swarm of [false, true]) {
    let hits = 0;
    let runsToHit = 0;
    let steps = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const r = randomWalks(m, { seed, runs, depth: 100, swarm });
      steps += r.stats.steps;
      if (r.violation) {
        hits++;
        runsToHit += (r.run ?? 0) + 1;
      }
    }
    const mean = hits ? `, mean ${(runsToHit / hits).toFixed(1)} runs to the violation` : "";
    console.log(`  ${swarm ? "swarm  " : "uniform"}: found by ${hits}/${seeds} seeds (hit rate per run ${(hits / Math.max(1, runsToHit + (seeds - hits) * runs)).toExponential(1)})${mean}; ${fmt(steps)} steps`);
  }
}

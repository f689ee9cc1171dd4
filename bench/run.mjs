// `npm run bench`: stakecheck against Spin on the reference models of ../shared/anchors (copied to
// bench/models so the repository is self-contained), in the same run, alternating the tools and
// taking medians of 3. Also: two workers, symmetry reduction, random-walk speed, the cost of
// loading a spec, the CLI's start-up and the language server's speed. Prints the tables and writes them to bench/results.md.
//
//   npm run bench                 everything (about 3 minutes on the 2-core machine)
//   npm run bench -- --quick      one repetition, small configurations only

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bench = join(root, "bench");
const work = join(os.tmpdir(), "stakecheck-bench");
const quick = process.argv.includes("--quick");
const REPS = quick ? 1 : 3;

const CONFIGS = [
  { name: "POOL(3,3,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", consts: { N: 3, B: 3, R: 2 }, large: false },
  { name: "POOL(4,3,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", consts: { N: 4, B: 3, R: 2 }, large: true },
  { name: "POOL(3,5,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", consts: { N: 3, B: 5, R: 2 }, large: true },
  { name: "BFT(4,1)", spec: "spec/anchor-bft.stake", pml: "bft.pml", consts: { N: 4, F: 1 }, large: false },
  { name: "BFT(12,3)", spec: "spec/anchor-bft.stake", pml: "bft.pml", consts: { N: 12, F: 3 }, large: true },
].filter((c) => !quick || !c.large);

function log(msg) {
  process.stderr.write(msg + "\n");
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function ensureSpin() {
  const has = spawnSync("sh", ["-c", "command -v spin && command -v gcc"], { encoding: "utf8" }).status === 0;
  if (has) return;
  log("spin or gcc is missing: installing with apt-get");
  let r = spawnSync("apt-get", ["install", "-y", "spin", "gcc"], { stdio: "inherit" });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    r = spawnSync("apt-get", ["install", "-y", "spin", "gcc"], { stdio: "inherit" });
  }
  if (r.status !== 0) throw new Error("could not install spin (apt-get install -y spin)");
}

/** Builds pan for a configuration (the commands of ../shared/anchors/README.md). */
function buildPan(cfg) {
  const dir = join(work, cfg.name.replace(/[^A-Za-z0-9]/g, "_"));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(bench, "models", cfg.pml), join(dir, cfg.pml));
  const defs = Object.entries(cfg.consts).map(([k, v]) => `-D${k}=${v}`);
  execFileSync("spin", ["-a", ...defs, cfg.pml], { cwd: dir, stdio: "pipe" });
  execFileSync("gcc", ["-O2", "-DSAFETY", "-o", "pan", "pan.c"], { cwd: dir, stdio: "pipe" });
  return dir;
}

function runSpin(dir) {
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-v", "./pan", "-m100000", "-w24"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const out = r.stdout + r.stderr;
  const num = (re) => {
    const m = re.exec(out);
    if (!m) throw new Error(`unexpected pan output:\n${out.slice(0, 2000)}`);
    return Number(m[1]);
  };
  const errors = num(/errors: (\d+)/);
  return {
    distinct: num(/(\d+) states, stored/),
    seconds: num(/pan: elapsed time ([\d.e+-]+) seconds/),
    cpuSeconds: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    wall,
    rss: num(/Maximum resident set size \(kbytes\): (\d+)/) * 1024,
    errors,
  };
}

function runStake(cfg, options = {}, spec = cfg.spec) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(bench, "one.mjs"), spec, JSON.stringify(cfg.consts), JSON.stringify(options)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`stakecheck run failed: ${r.stderr}`);
  const j = JSON.parse(r.stdout.trim().split("\n").pop());
  return { ...j, wall, rss: j.maxRssBytes };
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const rate = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`);
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function main() {
  ensureSpin();
  log("building dist/");
  execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
  mkdirSync(work, { recursive: true });
  const loadBefore = os.loadavg()[0];
  const started = new Date();
  const rows = [];

  for (const cfg of CONFIGS) {
    log(`${cfg.name}: building pan`);
    const dir = buildPan(cfg);
    const runs = { stake: [], spin: [], two: [] };
    for (let i = 0; i < REPS; i++) {
      // Alternate the tools, and the order within a repetition, so load drifts hit both alike.
      const order = i % 2 === 0 ? ["stake", "spin"] : ["spin", "stake"];
      for (const tool of order) {
        if (tool === "stake") runs.stake.push(runStake(cfg));
        else runs.spin.push(runSpin(dir));
      }
      if (cfg.large) runs.two.push(runStake(cfg, { workers: 2 }));
      log(`  rep ${i + 1}: stakecheck ${runs.stake[i].seconds.toFixed(2)} s (${runs.stake[i].cpuSeconds.toFixed(2)} CPU), Spin ${runs.spin[i].seconds.toFixed(2)} s (${runs.spin[i].cpuSeconds.toFixed(2)} CPU)${cfg.large ? `, 2 workers ${runs.two[i].seconds.toFixed(2)} s` : ""} · load ${os.loadavg()[0].toFixed(1)}`);
    }
    for (const r of runs.stake) if (r.distinct !== runs.spin[0].distinct) throw new Error(`${cfg.name}: stakecheck found ${r.distinct} states, Spin ${runs.spin[0].distinct}`);
    for (const r of runs.two) if (r.distinct !== runs.spin[0].distinct) throw new Error(`${cfg.name}: 2 workers found ${r.distinct} states, Spin ${runs.spin[0].distinct}`);
    const ratio = median(runs.stake.map((r, i) => (r.distinct / r.seconds) / (runs.spin[i].distinct / runs.spin[i].seconds)));
    const cpuRatio = median(runs.stake.map((r, i) => runs.spin[i].cpuSeconds / r.cpuSeconds));
    const speedup = runs.two.length ? median(runs.two.map((r, i) => runs.stake[i].seconds / r.seconds)) : null;
    rows.push({ cfg, runs, ratio, cpuRatio, speedup });
  }

  // Symmetry: the symmetric variants of the anchors, with and without canonicalisation.
  const SYM = [
    { name: "POOL(4,3,2)", spec: "bench/models/anchor-pool-symmetric.stake", consts: { N: 4, B: 3, R: 2 }, types: "`symmetric type Account`" },
    { name: "BFT(12,3)", spec: "bench/models/anchor-bft-symmetric.stake", consts: { N: 12, F: 3 }, types: "`symmetric type Byzantine`, `Honest`" },
  ].filter((c) => existsSync(join(root, c.spec)));
  const sym = [];
  for (const c of SYM) {
    log(`symmetry: ${c.name}`);
    const on = [];
    const off = [];
    for (let i = 0; i < REPS; i++) {
      on.push(runStake(c, {}, c.spec));
      off.push(runStake(c, { symmetry: false }, c.spec));
    }
    sym.push({ c, on, off });
  }

  // The second edition's values: a fraction-heavy and a subset-heavy model.
  const VALUES = [
    { name: "share pool, fractions", spec: "bench/models/share-pool-fractions.stake", consts: quick ? { N: 2 } : {}, what: "`step 1/4` tokens and shares, `floor(a * b / c, 1/4)`" },
    { name: "commit certificates, subsets", spec: "bench/models/commit-subsets.stake", consts: quick ? { HEIGHTS: 3 } : {}, what: "`commit(w: set<Validator>)` over 6 validators, a set of pairs" },
  ];
  const values = [];
  for (const c of VALUES) {
    log(`values: ${c.name}`);
    const runs = [];
    for (let i = 0; i < REPS; i++) runs.push(runStake(c, { workers: 1 }, c.spec));
    values.push({ c, runs });
  }

  // Liveness: the POOL anchor with `fair action Withdraw` and `pending[i] > 0 ~> pending[i] == 0`
  // (bench/models/anchor-pool-liveness.stake), its invariants alone against everything, one worker
  // both, CPU time of the search (the same process measures both, like with like).
  const LIVE = { name: quick ? "POOL(3,3,2)" : "POOL(4,3,2)", consts: quick ? { N: 3, B: 3, R: 2 } : { N: 4, B: 3, R: 2 } };
  log(`liveness: ${LIVE.name}`);
  const live = { safety: [], check: [], slow: [] };
  for (let i = 0; i < REPS; i++) {
    live.safety.push(runStake(LIVE, { liveness: "safety" }, "bench/models/anchor-pool-liveness.stake"));
    live.check.push(runStake(LIVE, { liveness: "check" }, "bench/models/anchor-pool-liveness.stake"));
    live.slow.push(runStake(LIVE, { liveness: "no-shortcut" }, "bench/models/anchor-pool-liveness.stake"));
    log(`  rep ${i + 1}: invariants ${live.safety[i].cpuSeconds.toFixed(2)} CPU s, with liveness ${live.check[i].cpuSeconds.toFixed(2)}, without the short cut ${live.slow[i].cpuSeconds.toFixed(2)}`);
  }
  for (const r of [...live.check, ...live.slow]) if (r.violations.length) throw new Error(`liveness bench: unexpected violations ${JSON.stringify(r.violations)}`);

  log("the machine's own parallel capacity");
  const capacity = JSON.parse(execFileSync(process.execPath, [join(bench, "machine.mjs")], { cwd: root, encoding: "utf8" }).trim().split("\n").pop());

  log("random walks, spec loading, start-up");
  const walk = JSON.parse(execFileSync(process.execPath, [join(bench, "walk.mjs")], { cwd: root, encoding: "utf8" }).trim().split("\n").pop());
  log("monitor");
  const monitor = JSON.parse(execFileSync(process.execPath, [join(bench, "monitor.mjs"), ...(quick ? ["--quick"] : [])], { cwd: root, encoding: "utf8" }).trim().split("\n").pop());
  const startup = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, "bin/stakecheck.js"), "check", "spec/anchor-bft.stake", "--no-color"], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`stakecheck check failed: ${r.stdout}${r.stderr}`);
    startup.push((performance.now() - t0) / 1000);
  }
  log("the language server");
  const lsp = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", join(bench, "lsp.ts"), ...(quick ? ["--quick"] : [])], { cwd: root, encoding: "utf8" }).trim().split("\n").pop());
  const loadAfter = os.loadavg()[0];

  const lines = [];
  lines.push(`# stakecheck benchmark`);
  lines.push("");
  lines.push(`${started.toISOString().slice(0, 16).replace("T", " ")} UTC · ${machine()} · load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after · medians of ${REPS}, the tools alternating`);
  lines.push("");
  lines.push("Search seconds are each tool's own wall-clock figure (pan's `elapsed time`; stakecheck's search, after");
  lines.push("loading and compiling the spec); CPU seconds are user + system time of the search (pan: the whole process).");
  lines.push("On a machine shared with other jobs wall time mostly measures the share of the cores a tool got, so");
  lines.push("the CPU-time ratio is the steadier comparison. Peak RSS is the whole process's (`/usr/bin/time -v` for pan,");
  lines.push("`maxRSS` for node, whose runtime alone takes about 45 MiB). Table bytes: stakecheck's seen-set, trace and");
  lines.push("level queues. Ratios are stakecheck's speed over Spin's, measured pair by pair (> 1: stakecheck faster).");
  lines.push("");
  lines.push("| model | tool | distinct states | search s | distinct/s | CPU s | peak RSS | RSS bytes/state | table bytes/state | speed ratio (wall) | speed ratio (CPU) |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { cfg, runs, ratio, cpuRatio } of rows) {
    const st = runs.stake;
    const sp = runs.spin;
    const sSec = median(st.map((r) => r.seconds));
    const pSec = median(sp.map((r) => r.seconds));
    const sRss = median(st.map((r) => r.rss));
    const pRss = median(sp.map((r) => r.rss));
    const n = st[0].distinct;
    const sCpu = median(st.map((r) => r.cpuSeconds));
    const pCpu = median(sp.map((r) => r.cpuSeconds));
    lines.push(`| ${cfg.name} | stakecheck | ${fmt(n)} | ${sSec.toFixed(2)} | ${rate(n / sSec)} | ${sCpu.toFixed(2)} | ${mb(sRss)} | ${fmt(sRss / n)} | ${(st[0].tableBytes / n).toFixed(1)} | **${ratio.toFixed(2)}×** | **${cpuRatio.toFixed(2)}×** |`);
    lines.push(`| | Spin 6.5 | ${fmt(sp[0].distinct)} | ${pSec.toFixed(2)} | ${rate(sp[0].distinct / pSec)} | ${pCpu.toFixed(2)} | ${mb(pRss)} | ${fmt(pRss / sp[0].distinct)} | | | |`);
  }
  lines.push("");
  const big = rows.filter((r) => r.speedup !== null);
  if (big.length) {
    lines.push("Two workers (`--workers 2`) against one, same run. Medians, and the best of the repetitions");
    lines.push("(on a shared machine the fastest run is the one that had the cores: the closest to what");
    lines.push("the code does on an idle machine). CPU s: both threads' time; equal CPU for one and two workers");
    lines.push("means the parallel search does no extra work.");
    lines.push("");
    lines.push("| model | 1 worker s | 2 workers s | speed-up (medians) | best 1 worker s | best 2 workers s | speed-up (best) | CPU s, 1 / 2 workers |");
    lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const { cfg, runs, speedup } of big) {
      const one = median(runs.stake.map((r) => r.seconds));
      const two = median(runs.two.map((r) => r.seconds));
      const bestOne = Math.min(...runs.stake.map((r) => r.seconds));
      const bestTwo = Math.min(...runs.two.map((r) => r.seconds));
      const cpu = `${median(runs.stake.map((r) => r.cpuSeconds)).toFixed(2)} / ${median(runs.two.map((r) => r.cpuSeconds)).toFixed(2)}`;
      lines.push(`| ${cfg.name} | ${one.toFixed(2)} | ${two.toFixed(2)} | **${speedup.toFixed(2)}×** | ${bestOne.toFixed(2)} | ${bestTwo.toFixed(2)} | **${(bestOne / bestTwo).toFixed(2)}×** | ${cpu} |`);
    }
    lines.push("");
  }
  lines.push("What two threads gain on this machine at all (`bench/machine.mjs`, no stakecheck code): the");
  lines.push("search is mostly random reads of a large table, which this machine runs barely faster on two");
  lines.push("threads than on one.");
  lines.push("");
  lines.push("| loop | 1 thread ms | 2 threads ms | speed-up |");
  lines.push("| --- | ---: | ---: | ---: |");
  lines.push(`| compute only | ${capacity.compute.one.toFixed(0)} | ${capacity.compute.two.toFixed(0)} | ${capacity.compute.speedup.toFixed(2)}× |`);
  lines.push(`| random access to a 64 MiB array | ${capacity.memory.one.toFixed(0)} | ${capacity.memory.two.toFixed(0)} | ${capacity.memory.speedup.toFixed(2)}× |`);
  lines.push("");
  if (sym.length) {
    lines.push("Symmetry reduction (the symmetric variants of the anchors in bench/models/):");
    lines.push("");
    lines.push("| model | symmetric types | states without | search s | states with | search s | unreduced count from orbits | reduction | verdicts |");
    lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const { c, on, off } of sym) {
      const same = JSON.stringify(on[0].violations) === JSON.stringify(off[0].violations);
      lines.push(
        `| ${c.name} | ${c.types} | ${fmt(off[0].distinct)} | ${median(off.map((r) => r.seconds)).toFixed(2)} | ${fmt(on[0].distinct)} | ${median(on.map((r) => r.seconds)).toFixed(2)} | ${fmt(on[0].fullStates)} | **${(off[0].distinct / on[0].distinct).toFixed(1)}×** | ${same ? (on[0].violations.length ? "same violations" : "all hold, both") : "DIFFER"} |`,
      );
    }
    lines.push("");
  }
  lines.push("The second edition's values (one worker; bench/models/): states per second and bytes per state");
  lines.push("for a fraction-heavy and a subset-heavy model.");
  lines.push("");
  lines.push("| model | what it exercises | distinct states | search s | distinct/s | CPU s | distinct/CPU s | table bytes/state | RSS bytes/state |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { c, runs } of values) {
    const n = runs[0].distinct;
    const sec = median(runs.map((r) => r.seconds));
    const cpu = median(runs.map((r) => r.cpuSeconds));
    lines.push(`| ${c.name} | ${c.what} | ${fmt(n)} | ${sec.toFixed(2)} | ${rate(n / sec)} | ${cpu.toFixed(2)} | ${rate(n / cpu)} | ${(runs[0].tableBytes / n).toFixed(1)} | ${fmt(median(runs.map((r) => r.rss)) / n)} |`);
  }
  lines.push("");
  {
    const cpu = (rs) => median(rs.map((r) => r.cpuSeconds));
    const n = live.check[0].distinct;
    lines.push(`Liveness (\`bench/models/anchor-pool-liveness.stake\`, ${LIVE.name}, ${fmt(n)} states, ${fmt(live.check[0].edges)} edges; one worker each; CPU seconds of the search, medians):`);
    lines.push("");
    lines.push("| check | CPU s | / invariants only | table bytes/state | peak RSS | fair-cycle search s |");
    lines.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    const row = (label, rs) =>
      lines.push(`| ${label} | ${cpu(rs).toFixed(2)} | **${(cpu(rs) / cpu(live.safety)).toFixed(2)}×** | ${(rs[0].tableBytes / n).toFixed(0)} | ${mb(median(rs.map((r) => r.rss)))} | ${rs[0].livenessSeconds === null ? "" : median(rs.map((r) => r.livenessSeconds)).toFixed(2)} |`);
    row("invariants only", live.safety);
    row("invariants + `Paid` (liveness)", live.check);
    row("the same, every component searched (no sequential short cut)", live.slow);
    lines.push("");
  }
  lines.push("Random walks and loading (in-process, `bench/walk.mjs`):");
  lines.push("");
  lines.push("| measure | value |");
  lines.push("| --- | ---: |");
  lines.push(`| random-walk steps/s, spec/pool.stake (apply + invariants per step, depth ${walk.depth}) | ${rate(walk.stepsPerSecond)} |`);
  lines.push(`| load spec/pool.stake: parse | ${walk.load.parseMs.toFixed(1)} ms |`);
  lines.push(`| load: check | ${walk.load.checkMs.toFixed(1)} ms |`);
  lines.push(`| load: compile | ${walk.load.compileMs.toFixed(1)} ms |`);
  lines.push(`| \`stakecheck check spec/anchor-bft.stake\`, whole process (node start-up included), median of ${startup.length} | ${(median(startup) * 1000).toFixed(0)} ms |`);
  lines.push("");
  lines.push("Monitor (`bench/monitor.mjs`: whole `monitorEvents` runs over an events file on spec/pool.stake, events per CPU second, best of the repetitions):");
  lines.push("");
  lines.push("| log | events | events/CPU-s |");
  lines.push("| --- | ---: | ---: |");
  lines.push(`| fully observed (1 candidate state), history on disk | ${fmt(monitor.full.events)} | ${rate(monitor.full.perCpuSecond)} |`);
  lines.push(`| fully observed, no history (--no-save) | ${fmt(monitor.fullNoHistory.events)} | ${rate(monitor.fullNoHistory.perCpuSecond)} |`);
  lines.push(`| ${monitor.hundred.peak} candidate states (START = 20, 13 hidden deposits first) | ${fmt(monitor.hundred.events)} | ${rate(monitor.hundred.perCpuSecond)} |`);
  lines.push(`| every parameter and caller hidden (at most ${monitor.hidden.peak} candidates) | ${fmt(monitor.hidden.events)} | ${rate(monitor.hidden.perCpuSecond)} |`);
  lines.push("");
  lines.push("The language server (`bench/lsp.ts`: `stakecheck lsp` over stdio, as an editor runs it; medians, the slowest in brackets):");
  lines.push("");
  lines.push("| measure | wall | server CPU |");
  lines.push("| --- | ---: | ---: |");
  lines.push(`| start-up: spawn to the answer to \`initialize\` | ${lsp.startup.wallMs.toFixed(0)} ms | ${lsp.startup.cpuMs.toFixed(0)} ms |`);
  lines.push(`| ${lsp.big.lines}-line spec: diagnostics after an edit of a name | ${lsp.big.name.ms.toFixed(0)} ms (${lsp.big.name.maxMs.toFixed(0)} ms) | ${lsp.big.name.cpuMs.toFixed(0)} ms |`);
  lines.push(`| ${lsp.big.lines}-line spec: diagnostics after an edit that makes or mends a syntax error | ${lsp.big.syntax.ms.toFixed(0)} ms (${lsp.big.syntax.maxMs.toFixed(0)} ms) | ${lsp.big.syntax.cpuMs.toFixed(0)} ms |`);
  lines.push(`| ${lsp.big.lines}-line spec: first diagnostics after opening it | ${lsp.big.openMs.toFixed(0)} ms | |`);
  lines.push("");
  const text = lines.join("\n");
  writeFileSync(join(bench, "results.md"), text + "\n");
  process.stdout.write(text + "\n");
}

main();

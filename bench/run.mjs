// `npm run bench`: every figure the README and docs/ show, from one run, with its date and load.
//
//   npm run bench                        everything (about 40 minutes on the idle 2-core machine)
//   npm run bench -- --quick             a smoke test: small models, one repetition, no doc update
//   npm run bench -- --only search,fuzz  some sections only (see SECTIONS); docs markers of the
//                                        other sections keep their figures
//   options: --reps N (default 3), --retries N (busy reruns, default 2), --out DIR (results.md and
//            results.json; default bench/, or a temporary directory with --quick), --no-docs,
//            --no-build (use dist/ as it is), --models POOL(4,3,2),BFT(12,3) (the search section's models)
//   npm run bench -- --update --only search --models BFT(12,3)
//                                        measures again what is chosen and keeps the rest of the
//                                        last results.json: the chosen search rows replace theirs,
//                                        a chosen section replaces its own; results.md's header
//                                        lists every update with its date, load and what it measured
//
// Each measurement is its own process, timed by /usr/bin/time (wall, user + system CPU, peak RSS),
// with the load average and the CPU time other processes took meanwhile; a run during which
// others took more than a quarter of a core is rerun (bench/lib/measure.mjs). Every ratio divides
// like by like: whole process by whole process, search by search, CPU by CPU. The tables go to
// results.md; the figures marked `<!-- bench: KEY -->` in README.md and docs/ are refreshed from
// results.json (bench/markers.mjs).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillDocs } from "./markers.mjs";
import { BUSY, lastJson, machine, median, steady, timed } from "./lib/measure.mjs";
import { buildPan, calibrateDepth, hashBits, runPan, spinAvailable, spinVersion } from "./lib/spin.mjs";
import { renderResults } from "./render.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bench = join(root, "bench");
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const quick = flag("--quick");
const REPS = Number(option("--reps", quick ? 1 : 3));
const RETRIES = Number(option("--retries", quick ? 0 : 2));
const out = option("--out", quick ? mkdtempSync(join(os.tmpdir(), "stakecheck-bench-quick-")) : bench);
export const SECTIONS = ["search", "workers", "symmetry", "fuzz", "bitstate", "liveness", "values", "load", "monitor", "lsp", "checkpoint", "html"];
const only = option("--only", null)?.split(",") ?? SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: no section ${s} (${SECTIONS.join(", ")})`);
const work = mkdtempSync(join(os.tmpdir(), "stakecheck-bench-"));
const node = process.execPath;
const CLI = join(root, "bin/stakecheck.js");

function log(msg) {
  process.stderr.write(msg + "\n");
}

/** A search whose stakecheck search takes less CPU than this gives counts only: no rates, no ratios. */
const TOO_SMALL_CPU = 0.1;

const ANCHORS_ALL = [
  { name: "POOL(3,3,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", limit: "pool", consts: { N: 3, B: 3, R: 2 }, quick: true },
  { name: "BFT(4,1)", spec: "spec/anchor-bft.stake", pml: "bft.pml", limit: "bft", consts: { N: 4, F: 1 }, quick: true },
  { name: "POOL(4,3,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", limit: "pool", consts: { N: 4, B: 3, R: 2 } },
  { name: "POOL(3,5,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", limit: "pool", consts: { N: 3, B: 5, R: 2 } },
  { name: "BFT(12,3)", spec: "spec/anchor-bft.stake", pml: "bft.pml", limit: "bft", consts: { N: 12, F: 3 } },
  { name: "POOL(4,4,2)", spec: "spec/anchor-pool.stake", pml: "pool.pml", limit: "pool", consts: { N: 4, B: 4, R: 2 } },
];
const ANCHORS = ANCHORS_ALL.filter((c) => (option("--models", null) ? option("--models").match(/[A-Z]+\([\d,]+\)/g).includes(c.name) : !quick || c.quick));

const constArgs = (consts) => Object.entries(consts).flatMap(([k, v]) => ["--const", `${k}=${v}`]);

/** `stakecheck check` as a user runs it: the whole process, with the search's own seconds from its output. */
function cliCheck(spec, consts, extra = []) {
  const t = timed(node, [CLI, "check", spec, ...constArgs(consts), "--no-color", "--no-progress", ...extra], { cwd: root });
  if (t.status !== 0) throw new Error(`stakecheck check ${spec} failed (${t.status}):\n${t.stdout}\n${t.stderr}`);
  const m = /([\d,]+) distinct states, ([\d,]+) generated, depth (\d+), ([\d.]+) s/.exec(t.stdout);
  if (!m) throw new Error(`unexpected output of stakecheck check:\n${t.stdout}`);
  const n = (s) => Number(s.replaceAll(",", ""));
  const workers = /(\d+) workers?/.exec(t.stdout);
  return { ...t, distinct: n(m[1]), generated: n(m[2]), depth: Number(m[3]), searchWall: Number(m[4]), workers: workers ? Number(workers[1]) : 1 };
}

/** The search alone, in a process of its own (bench/one.mjs): its wall and CPU seconds, in-process. */
function searchOnly(spec, consts, options = {}) {
  const t = timed(node, [join(bench, "one.mjs"), spec, JSON.stringify(consts), JSON.stringify(options)], { cwd: root });
  if (t.status !== 0) throw new Error(`bench/one.mjs ${spec} failed:\n${t.stderr}`);
  const j = lastJson(t.stdout);
  return { ...t, ...j, searchWall: j.seconds, searchCpu: j.cpuSeconds };
}

function limitRun(cfg, mode, extra = []) {
  const args = [join(bench, "limit", `${cfg.limit}.mjs`), mode, ...Object.values(cfg.consts).map(String), ...extra];
  const t = timed(node, args, { cwd: root });
  if (t.status !== 0) throw new Error(`bench/limit failed:\n${t.stderr}`);
  const j = lastJson(t.stdout);
  return { ...t, ...j, searchWall: j.seconds, searchCpu: j.cpuSeconds };
}

const pick = (r) => {
  const { stdout, stderr, ...rest } = r;
  return rest;
};

function sectionSearch(results) {
  const spin = spinAvailable();
  results.spin = spin ? { available: true, version: spinVersion() } : { available: false, note: "Spin is not installed (Debian: apt-get install spin gcc): no Spin column" };
  results.search = [];
  for (const cfg of ANCHORS) {
    log(`${cfg.name}`);
    const row = { name: cfg.name, spec: cfg.spec, consts: cfg.consts, whole: [], search: [], spin: [], limit: [], notes: [] };
    let pan = null;
    if (spin) {
      const dir = buildPan(join(bench, "models"), work, cfg);
      // -w needs the state count: ours, from a first (untimed) search.
      const first = cliCheck(cfg.spec, cfg.consts, ["--workers", "1"]);
      const w = hashBits(first.distinct);
      const cal = calibrateDepth(dir, w, log);
      pan = { dir, w, m: cal.m };
      row.pan = { w, m: cal.m };
    }
    for (let i = 0; i < REPS; i++) {
      // Rotate the tools' order, so that load drifts hit each alike.
      const tools = ["whole", "search", "spin", "limit"];
      const order = tools.map((_, k) => tools[(k + i) % tools.length]);
      for (const tool of order) {
        if (tool === "whole") row.whole.push(pick(steady(() => cliCheck(cfg.spec, cfg.consts, ["--workers", "1"]), RETRIES, log)));
        else if (tool === "search") row.search.push(pick(steady(() => searchOnly(cfg.spec, cfg.consts), RETRIES, log)));
        else if (tool === "spin" && pan) row.spin.push(pick(steady(() => runPan(pan.dir, pan.w, pan.m), RETRIES, log)));
        else if (tool === "limit") row.limit.push(pick(steady(() => limitRun(cfg, "bfs"), RETRIES, log)));
      }
      const s = row.search[i];
      log(
        `  rep ${i + 1}: stakecheck ${row.whole[i].cpu.toFixed(2)} CPU s whole, ${s.searchCpu.toFixed(2)} search · ` +
          `${pan ? `Spin ${row.spin[i].cpu.toFixed(2)} CPU s whole · ` : ""}limit ${row.limit[i].cpu.toFixed(2)} whole, ${row.limit[i].searchCpu.toFixed(2)} search · load ${os.loadavg()[0].toFixed(1)}`,
      );
    }
    const n = row.whole[0].distinct;
    for (const r of [...row.whole, ...row.search]) if (r.distinct !== n) throw new Error(`${cfg.name}: stakecheck's counts differ between runs (${r.distinct} vs ${n})`);
    for (const r of row.limit) if (r.distinct !== n || r.generated !== row.whole[0].generated) throw new Error(`${cfg.name}: the hand-written limit found ${r.distinct}/${r.generated}, stakecheck ${n}/${row.whole[0].generated}`);
    for (const r of row.spin) {
      if (r.distinct !== n) row.notes.push(`pan stored ${r.distinct.toLocaleString("en-US")} states, stakecheck ${n.toLocaleString("en-US")}${r.truncated ? " (pan: max search depth too small)" : ""}`);
      if (r.errors) row.notes.push(`pan reported ${r.errors} errors`);
      const g = row.whole[0].generated;
      if (r.transitionsRounded ? Math.abs(r.transitions - g) > 1e-6 * g : r.transitions !== g) row.notes.push(`pan's transitions (${r.transitions.toLocaleString("en-US")}) differ from the generated count`);
    }
    row.notes = [...new Set(row.notes)];
    row.tooSmall = median(row.search.map((r) => r.searchCpu)) < TOO_SMALL_CPU;
    results.search.push(row);
  }
}

function sectionWorkers(results) {
  const cfg = quick ? { name: "POOL(3,3,2)", consts: { N: 3, B: 3, R: 2 } } : { name: "POOL(4,4,2)", consts: { N: 4, B: 4, R: 2 } };
  log(`workers: ${cfg.name}`);
  const w = { name: cfg.name, one: [], two: [], auto: [] };
  for (let i = 0; i < REPS; i++) {
    for (const k of i % 2 ? ["two", "one", "auto"] : ["one", "two", "auto"]) {
      const arg = k === "one" ? "1" : k === "two" ? "2" : "auto";
      w[k].push(pick(steady(() => cliCheck("spec/anchor-pool.stake", cfg.consts, ["--workers", arg]), RETRIES, log)));
    }
    log(`  rep ${i + 1}: 1 worker ${w.one[i].searchWall.toFixed(2)} s search, 2 workers ${w.two[i].searchWall.toFixed(2)} s, auto ${w.auto[i].searchWall.toFixed(2)} s · load ${os.loadavg()[0].toFixed(1)}`);
  }
  results.workers = w;
  log("the machine's own parallel capacity");
  results.capacity = steady(() => jsonOf("machine.mjs", quick ? ["--quick"] : []), RETRIES, log);
}

function sectionSymmetry(results) {
  const SYM = [
    { name: quick ? "POOL(3,3,2)" : "POOL(4,3,2)", spec: "bench/models/anchor-pool-symmetric.stake", consts: quick ? { N: 3, B: 3, R: 2 } : { N: 4, B: 3, R: 2 }, types: "`symmetric type Account`" },
    { name: quick ? "BFT(4,1)" : "BFT(12,3)", spec: "bench/models/anchor-bft-symmetric.stake", consts: quick ? { N: 4, F: 1 } : { N: 12, F: 3 }, types: "`symmetric type Byzantine`, `Honest`" },
  ];
  results.symmetry = [];
  for (const c of SYM) {
    log(`symmetry: ${c.name}`);
    const on = [];
    const off = [];
    for (let i = 0; i < REPS; i++) {
      on.push(pick(steady(() => searchOnly(c.spec, c.consts), RETRIES, log)));
      off.push(pick(steady(() => searchOnly(c.spec, c.consts, { symmetry: false }), RETRIES, log)));
    }
    results.symmetry.push({ name: c.name, types: c.types, on, off });
  }
}

function sectionFuzz(results) {
  const cfg = { name: "POOL(4,4,2)", limit: "pool", consts: { N: 4, B: 4, R: 2 } };
  results.fuzz = [];
  for (const depth of [20, 100]) {
    const runs = (quick ? 400_000 : 4_000_000) / depth;
    log(`fuzz: ${cfg.name}, depth ${depth}, ${runs} walks`);
    const row = { name: cfg.name, depth, runs, fuzz: [], limit: [] };
    for (let i = 0; i < REPS; i++) {
      const fz = () => {
        const t = timed(node, [join(bench, "fuzz-rate.mjs"), "spec/anchor-pool.stake", JSON.stringify(cfg.consts), String(depth), String(runs)], { cwd: root });
        if (t.status !== 0) throw new Error(`bench/fuzz-rate.mjs failed:\n${t.stderr}`);
        return { ...t, ...lastJson(t.stdout) };
      };
      const lim = () => limitRun(cfg, "walk", [String(depth), String(runs)]);
      for (const k of i % 2 ? ["limit", "fuzz"] : ["fuzz", "limit"]) row[k].push(pick(steady(k === "fuzz" ? fz : lim, RETRIES, log)));
      log(`  rep ${i + 1}: fuzz ${(row.fuzz[i].steps / row.fuzz[i].cpuSeconds / 1e6).toFixed(2)} M steps/CPU-s, limit ${(row.limit[i].steps / row.limit[i].searchCpu / 1e6).toFixed(2)} M`);
    }
    results.fuzz.push(row);
  }
}

function sectionBitstate(results) {
  const cfg = quick ? { name: "POOL(3,3,2)", consts: { N: 3, B: 3, R: 2 } } : { name: "POOL(4,3,2)", consts: { N: 4, B: 3, R: 2 } };
  log(`bitstate: ${cfg.name}`);
  const b = { name: cfg.name, exact: [], bitstate: [] };
  for (let i = 0; i < REPS; i++) {
    b.exact.push(pick(steady(() => cliCheck("spec/anchor-pool.stake", cfg.consts, ["--workers", "1"]), RETRIES, log)));
    b.bitstate.push(pick(steady(() => cliCheck("spec/anchor-pool.stake", cfg.consts, ["--workers", "1", "--bitstate"]), RETRIES, log)));
  }
  results.bitstate = b;
}

function sectionLiveness(results) {
  // The POOL anchor with `fair action Withdraw` and `pending[i] > 0 ~> pending[i] == 0`: its
  // invariants alone against everything, one worker both, search CPU (like with like).
  const LIVE = { name: quick ? "POOL(3,3,2)" : "POOL(4,3,2)", consts: quick ? { N: 3, B: 3, R: 2 } : { N: 4, B: 3, R: 2 } };
  log(`liveness: ${LIVE.name}`);
  const live = { name: LIVE.name, safety: [], check: [], slow: [] };
  const spec = "bench/models/anchor-pool-liveness.stake";
  for (let i = 0; i < REPS; i++) {
    live.safety.push(pick(steady(() => searchOnly(spec, LIVE.consts, { liveness: "safety" }), RETRIES, log)));
    live.check.push(pick(steady(() => searchOnly(spec, LIVE.consts, { liveness: "check" }), RETRIES, log)));
    live.slow.push(pick(steady(() => searchOnly(spec, LIVE.consts, { liveness: "no-shortcut" }), RETRIES, log)));
  }
  for (const r of [...live.check, ...live.slow]) if (r.violations.length) throw new Error(`liveness bench: unexpected violations ${JSON.stringify(r.violations)}`);
  results.liveness = live;
}

function sectionValues(results) {
  // The second edition's values: a fraction-heavy and a subset-heavy model, one worker, search CPU.
  const MODELS = [
    { name: "share pool, fractions", spec: "bench/models/share-pool-fractions.stake", consts: quick ? { N: 2 } : {}, what: "`step 1/4` tokens and shares, `floor(a * b / c, 1/4)`" },
    { name: "commit certificates, subsets", spec: "bench/models/commit-subsets.stake", consts: quick ? { HEIGHTS: 3 } : {}, what: "`commit(w: set<Validator>)` over 6 validators, a set of pairs" },
  ];
  results.values = MODELS.map((m) => {
    log(`values: ${m.name}`);
    const runs = [];
    for (let i = 0; i < REPS; i++) runs.push(pick(steady(() => searchOnly(m.spec, m.consts, {}), RETRIES, log)));
    return { name: m.name, what: m.what, runs };
  });
}

function sectionLoad(results) {
  log("loading a spec, start-up");
  results.load = lastJson(execFileSync(node, [join(bench, "load.mjs")], { cwd: root, encoding: "utf8" }));
  const startup = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) startup.push(pick(steady(() => cliCheck("spec/anchor-bft.stake", {}, []), RETRIES, log)));
  results.startup = startup;
}

function jsonOf(script, args, viaTsx = false) {
  const cmd = viaTsx ? ["--import", "tsx", join(bench, script)] : [join(bench, script)];
  const t = timed(node, [...cmd, ...args], { cwd: root });
  if (t.status !== 0) throw new Error(`bench/${script} failed (${t.status}):\n${t.stdout.slice(-2000)}\n${t.stderr.slice(-2000)}`);
  return { ...lastJson(t.stdout), load: t.load, wall: t.wall, foreign: t.foreign, busy: t.foreign !== null && t.foreign > BUSY };
}

const SECTION_RUN = {
  search: sectionSearch,
  workers: sectionWorkers,
  symmetry: sectionSymmetry,
  fuzz: sectionFuzz,
  bitstate: sectionBitstate,
  liveness: sectionLiveness,
  values: sectionValues,
  load: sectionLoad,
  monitor: (r) => {
    log("monitor");
    r.monitor = jsonOf("monitor.mjs", quick ? ["--quick"] : []);
  },
  lsp: (r) => {
    log("the language server");
    r.lsp = jsonOf("lsp.ts", quick ? ["--quick"] : [], true);
  },
  checkpoint: (r) => {
    log(`checkpoints (bench/checkpoint.mjs${quick ? " --quick" : ""})`);
    r.checkpoint = jsonOf("checkpoint.mjs", [...(quick ? ["--quick"] : []), "--no-build"]);
  },
  html: (r) => {
    if (!existsSync("/usr/bin/chromium")) {
      log("html: /usr/bin/chromium is missing (apt-get install -y chromium): skipped");
      r.html = { skipped: "Chromium is not installed (/usr/bin/chromium)" };
      return;
    }
    log("the HTML report");
    const h = jsonOf("html.ts", [], true);
    // Chromium's helper processes are part of the measured work, not other load (bench/html.ts).
    const foreign = h.foreign === null ? null : Math.max(0, h.foreign - h.helperCpuSeconds / h.wall);
    r.html = { ...h, foreign, busy: foreign !== null && foreign > BUSY };
  },
};

/** The keys of results.json each section writes, where they are not the section's own name. */
const SECTION_KEYS = { workers: ["workers", "capacity"], load: ["load", "startup"] };

/** The last results with what `fresh` measured again in place of theirs (`--update`). */
function merged(last, fresh) {
  const r = { ...last };
  for (const s of fresh.sections) {
    if (s === "search") {
      const again = new Map(fresh.search.map((row) => [row.name, row]));
      const names = [...new Set([...(last.search ?? []).map((row) => row.name), ...again.keys()])];
      const order = ANCHORS_ALL.map((c) => c.name);
      names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      r.search = names.map((n) => again.get(n) ?? last.search.find((row) => row.name === n));
      r.spin = fresh.spin;
    } else {
      for (const k of SECTION_KEYS[s] ?? [s]) if (k in fresh) r[k] = fresh[k];
    }
  }
  r.sections = [...new Set([...(last.sections ?? []), ...fresh.sections])];
  const models = fresh.sections.includes("search") ? fresh.search.map((row) => row.name) : [];
  r.updates = [...(last.updates ?? []), { date: fresh.date, loadBefore: fresh.loadBefore, loadAfter: fresh.loadAfter, reps: fresh.reps, sections: fresh.sections, models }];
  return r;
}

function main() {
  if (!flag("--no-build")) {
    log("building dist/");
    execFileSync(node, [join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
  }
  mkdirSync(out, { recursive: true });
  const fresh = { date: new Date().toISOString(), machine: machine(), quick, reps: REPS, loadBefore: os.loadavg(), sections: only };
  for (const s of SECTIONS) if (only.includes(s)) SECTION_RUN[s](fresh);
  fresh.loadAfter = os.loadavg();
  const results = flag("--update") ? merged(JSON.parse(readFileSync(join(out, "results.json"), "utf8")), fresh) : fresh;
  writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 1) + "\n");
  const text = renderResults(results);
  writeFileSync(join(out, "results.md"), text);
  process.stdout.write(text);
  if (!quick && !flag("--no-docs")) {
    const { filled, missing } = fillDocs(root, results);
    log(`docs: ${filled.length} figures refreshed${missing.length ? `; kept (their sections did not run): ${missing.join(", ")}` : ""}`);
  }
  log(`results: ${join(out, "results.md")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();

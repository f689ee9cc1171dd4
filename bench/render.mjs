// bench/results.md from the results of bench/run.mjs (results.json): the figures, each labelled
// with what it measures; ratios are computed pair by pair (repetition i of one tool against
// repetition i of the other) and their median is shown.

import { fmt, mib, median, rate, x2 } from "./lib/measure.mjs";

const s2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const med = (rs, f) => median(rs.map(f));
/** Median over repetitions of a / b, pair by pair. */
export const pairRatio = (as, bs, fa, fb) => median(as.map((a, i) => (bs[i] ? fa(a) / fb(bs[i]) : NaN)));
const loadCell = (rs) => {
  if (!rs.length) return "";
  const load = med(rs, (r) => r.load);
  const foreign = Math.max(...rs.map((r) => r.foreign ?? 0));
  const busy = rs.some((r) => r.busy);
  return `${load.toFixed(1)} · ${foreign.toFixed(2)}${busy ? " **busy**" : ""}`;
};

/**
 * Canonicalisation's CPU per canonical state, estimated: the reduced search's CPU less what its
 * generated states would cost at the unreduced search's CPU per generated state.
 */
export function canonicalisationMicros({ on, off }) {
  const cOn = median(on.map((x) => x.searchCpu));
  const cOff = median(off.map((x) => x.searchCpu));
  return (Math.max(0, cOn - on[0].generated * (cOff / off[0].generated)) / on[0].distinct) * 1e6;
}

/** The search table's derived figures for one anchor row (also what the docs' markers show). */
export function searchFigures(row) {
  const n = row.whole[0].distinct;
  const small = row.tooSmall;
  const ratio = (f) => (small ? NaN : f());
  const spin = row.spin.length > 0;
  return {
    n,
    generated: row.whole[0].generated,
    small,
    stakeSearchCpu: med(row.search, (r) => r.searchCpu),
    stakeSearchWall: med(row.search, (r) => r.searchWall),
    stakeWholeCpu: med(row.whole, (r) => r.cpu),
    stakeWholeWall: med(row.whole, (r) => r.wall),
    stakeRss: med(row.whole, (r) => r.rss),
    tableBytesPerState: row.search[0].tableBytes / n,
    spinWholeCpu: spin ? med(row.spin, (r) => r.cpu) : NaN,
    spinSearchWall: spin ? med(row.spin, (r) => r.searchWall) : NaN,
    spinRss: spin ? med(row.spin, (r) => r.rss) : NaN,
    limitSearchCpu: med(row.limit, (r) => r.searchCpu),
    limitWholeCpu: med(row.limit, (r) => r.cpu),
    // > 1: stakecheck faster.
    vsSpinWholeCpu: spin ? ratio(() => pairRatio(row.spin, row.whole, (r) => r.cpu, (r) => r.cpu)) : NaN,
    vsSpinWholeWall: spin ? ratio(() => pairRatio(row.spin, row.whole, (r) => r.wall, (r) => r.wall)) : NaN,
    vsSpinSearchWall: spin ? ratio(() => pairRatio(row.spin, row.search, (r) => r.searchWall, (r) => r.searchWall)) : NaN,
    vsLimitSearchCpu: ratio(() => pairRatio(row.limit, row.search, (r) => r.searchCpu, (r) => r.searchCpu)),
    vsLimitWholeCpu: ratio(() => pairRatio(row.limit, row.whole, (r) => r.cpu, (r) => r.cpu)),
  };
}

export function renderResults(r) {
  const L = [];
  const loads = (a) => a.map((x) => x.toFixed(1)).join(" ");
  L.push(`# stakecheck benchmark${r.quick ? " (--quick: a smoke test, not figures)" : ""}`);
  L.push("");
  L.push(`${r.date.slice(0, 16).replace("T", " ")} UTC · ${r.machine} · load average (1, 5, 15 min) ${loads(r.loadBefore)} before, ${loads(r.loadAfter)} after · medians of ${r.reps}`);
  for (const u of r.updates ?? []) {
    const what = u.sections.map((s) => (s === "search" && u.models.length ? `search (${u.models.join(", ")})` : s)).join(", ");
    L.push("");
    L.push(`Measured again (\`--update\`) ${u.date.slice(0, 16).replace("T", " ")} UTC: ${what} · load average ${loads(u.loadBefore)} before, ${loads(u.loadAfter)} after · medians of ${u.reps}`);
  }
  L.push("");
  L.push("Every figure is measured by `npm run bench` (bench/run.mjs), each tool in a process of its own, the");
  L.push("tools' order rotating between repetitions. **Whole process**: `/usr/bin/time`, from exec to exit (node's");
  L.push("start-up, loading and compiling the spec, the search and the report for stakecheck). **Search**: the");
  L.push("exhaustive search alone, as the tool itself times it (pan's `elapsed time`, wall only; stakecheck's and");
  L.push("the limit's in-process wall and CPU time around the search). CPU = user + system. *Load · others*: the");
  L.push("load average at the start, and the most CPU (in cores) that other processes took during any of the");
  L.push("row's runs; a run during which others took more than 0.25 of a core was rerun, and **busy** marks a row");
  L.push("whose kept runs were still disturbed. Ratios divide like by like, pair by pair; > 1: stakecheck faster.");
  L.push("");
  if (r.search) {
    L.push("## Exhaustive search on the anchor models");
    L.push("");
    if (r.spin && !r.spin.available) L.push(`${r.spin.note}.`, "");
    else if (r.spin) L.push(`Spin ${r.spin.version}, \`gcc -O2 -DSAFETY\`, \`./pan -mM -wW\`: W from the state count (2^W ≥ 2 × states), M the smallest 10^k with which pan's depth-first stack suffices (a calibration run).`, "");
    L.push("The limit: `bench/limit/` (a hand-written JavaScript BFS per model: packed states in typed arrays, open");
    L.push("addressing, no abstraction; the same counts, every invariant checked on every new state).");
    L.push("");
    L.push("| model | tool | distinct | generated | whole s | whole CPU s | search s | search CPU s | distinct/search-CPU-s | peak RSS | table B/state | load · others |");
    L.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const row of r.search) {
      const f = searchFigures(row);
      const per = (cpu) => (f.small ? "too small" : rate(f.n / cpu));
      L.push(`| ${row.name} | stakecheck, 1 worker | ${fmt(f.n)} | ${fmt(f.generated)} | ${s2(f.stakeWholeWall)} | ${s2(f.stakeWholeCpu)} | ${s2(f.stakeSearchWall)} | ${s2(f.stakeSearchCpu)} | ${per(f.stakeSearchCpu)} | ${mib(f.stakeRss)} | ${f.tableBytesPerState.toFixed(1)} | ${loadCell([...row.whole, ...row.search])} |`);
      if (row.spin.length)
        L.push(`| | Spin (-w${row.pan.w} -m${row.pan.m}) | ${fmt(row.spin[0].distinct)} | ${row.spin[0].transitionsRounded ? "≈ " : ""}${fmt(row.spin[0].transitions)} | ${s2(med(row.spin, (x) => x.wall))} | ${s2(f.spinWholeCpu)} | ${s2(f.spinSearchWall)} | — | — | ${mib(f.spinRss)} | | ${loadCell(row.spin)} |`);
      L.push(`| | limit (bench/limit) | ${fmt(row.limit[0].distinct)} | ${fmt(row.limit[0].generated)} | ${s2(med(row.limit, (x) => x.wall))} | ${s2(f.limitWholeCpu)} | ${s2(med(row.limit, (x) => x.searchWall))} | ${s2(f.limitSearchCpu)} | ${per(f.limitSearchCpu)} | ${mib(med(row.limit, (x) => x.rss))} | ${(row.limit[0].tableBytes / f.n).toFixed(1)} | ${loadCell(row.limit)} |`);
    }
    L.push("");
    L.push("| model | over Spin: whole process, CPU | whole process, wall | search, wall | over the limit: search, CPU | whole process, CPU | notes |");
    L.push("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const row of r.search) {
      const f = searchFigures(row);
      const notes = [...(f.small ? [`too small to time (search under 0.1 CPU s): counts only`] : []), ...row.notes].join("; ");
      L.push(`| ${row.name} | ${x2(f.vsSpinWholeCpu)} | ${x2(f.vsSpinWholeWall)} | ${x2(f.vsSpinSearchWall)} | **${x2(f.vsLimitSearchCpu)}** | ${x2(f.vsLimitWholeCpu)} | ${notes} |`);
    }
    L.push("");
    L.push("Spin's generated column is pan's `transitions` (stored + matched).");
    L.push("");
  }
  if (r.workers) {
    const w = r.workers;
    L.push(`## Two workers (\`check --workers N\`, ${w.name}, whole process)`);
    L.push("");
    L.push("| workers | search s | whole s | whole CPU s | speed-up of the search (wall) | load · others |");
    L.push("| --- | ---: | ---: | ---: | ---: | --- |");
    for (const [k, label] of [["one", "1"], ["two", "2"], ["auto", "auto"]]) {
      const sp = pairRatio(w.one, w[k], (x) => x.searchWall, (x) => x.searchWall);
      L.push(`| ${label}${k === "auto" ? ` (chose ${w.auto[0].workers})` : ""} | ${s2(med(w[k], (x) => x.searchWall))} | ${s2(med(w[k], (x) => x.wall))} | ${s2(med(w[k], (x) => x.cpu))} | ${x2(sp)} | ${loadCell(w[k])} |`);
    }
    L.push("");
  }
  if (r.capacity) {
    L.push("What two threads gain on this machine at all (`bench/machine.mjs`, no stakecheck code):");
    L.push("");
    L.push("| loop | 1 thread ms | 2 threads ms | speed-up |");
    L.push("| --- | ---: | ---: | ---: |");
    L.push(`| compute only | ${r.capacity.compute.one.toFixed(0)} | ${r.capacity.compute.two.toFixed(0)} | ${x2(r.capacity.compute.speedup)} |`);
    L.push(`| random access to a 64 MiB array | ${r.capacity.memory.one.toFixed(0)} | ${r.capacity.memory.two.toFixed(0)} | ${x2(r.capacity.memory.speedup)} |`);
    L.push("");
  }
  if (r.symmetry) {
    L.push("## Symmetry reduction (search only, one worker; the symmetric variants in bench/models/)");
    L.push("");
    L.push("| model | symmetric types | states without | search CPU s | states with | search CPU s | reduction in states | in CPU | search CPU µs per canonical state | of which canonicalisation (estimate) | load · others |");
    L.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const { name, types, on, off } of r.symmetry) {
      const cOn = med(on, (x) => x.searchCpu);
      const cOff = med(off, (x) => x.searchCpu);
      const small = cOn < 0.1;
      L.push(
        `| ${name} | ${types} | ${fmt(off[0].distinct)} | ${s2(cOff)} | ${fmt(on[0].distinct)} | ${s2(cOn)} | ${(off[0].distinct / on[0].distinct).toFixed(1)}× | ${small ? "too small" : x2(cOff / cOn)} | ${small ? "too small" : ((cOn / on[0].distinct) * 1e6).toFixed(2)} | ${small ? "too small" : (canonicalisationMicros({ on, off }) ?? 0).toFixed(2)} | ${loadCell([...on, ...off])} |`,
      );
    }
    L.push("");
    L.push("Canonicalisation estimate: the reduced search's CPU less its generated states at the unreduced search's CPU per generated state, per canonical state.");
    L.push("");
  }
  if (r.fuzz) {
    L.push("## Random walks (`fuzz`'s own code path, `fuzzModel`, against the hand-written walker)");
    L.push("");
    L.push("Steps per CPU second of the walks (in-process CPU time), every invariant checked on every step; a walk");
    L.push("that reaches a state with no enabled action ends there.");
    L.push("");
    L.push("| model | depth | walks | steps | walks ending early | fuzz steps/CPU-s | limit steps/CPU-s | fuzz over the limit | load · others |");
    L.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const f of r.fuzz) {
      const a = med(f.fuzz, (x) => x.steps / x.cpuSeconds);
      const b = med(f.limit, (x) => x.steps / x.searchCpu);
      L.push(`| ${f.name} | ${f.depth} | ${fmt(f.runs)} | ${fmt(f.fuzz[0].steps)} | ${fmt(f.fuzz[0].deadEnds)} | ${rate(a)} | ${rate(b)} | **${x2(pairRatio(f.limit, f.fuzz, (x) => x.searchCpu / x.steps, (x) => x.cpuSeconds / x.steps))}** | ${loadCell([...f.fuzz, ...f.limit])} |`);
    }
    L.push("");
  }
  if (r.bitstate) {
    const b = r.bitstate;
    L.push(`## Bitstate against exact (\`check --workers 1\`, ${b.name}, whole process)`);
    L.push("");
    L.push("| mode | distinct | whole s | whole CPU s | peak RSS | load · others |");
    L.push("| --- | ---: | ---: | ---: | ---: | --- |");
    for (const k of ["exact", "bitstate"]) L.push(`| ${k === "exact" ? "default (exact)" : "`--bitstate`"} | ${fmt(b[k][0].distinct)} | ${s2(med(b[k], (x) => x.wall))} | ${s2(med(b[k], (x) => x.cpu))} | ${mib(med(b[k], (x) => x.rss))} | ${loadCell(b[k])} |`);
    L.push("");
  }
  if (r.liveness) {
    const live = r.liveness;
    const cpu = (rs) => med(rs, (x) => x.searchCpu);
    const n = live.check[0].distinct;
    L.push(`## Liveness (\`bench/models/anchor-pool-liveness.stake\`, ${live.name}, ${fmt(n)} states, ${fmt(live.check[0].edges)} edges; one worker; search CPU)`);
    L.push("");
    L.push("| check | search CPU s | over invariants only | table bytes/state | peak RSS | fair-cycle search s |");
    L.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    const row = (label, rs) => L.push(`| ${label} | ${s2(cpu(rs))} | ${x2(cpu(rs) / cpu(live.safety))} | ${(rs[0].tableBytes / n).toFixed(0)} | ${mib(med(rs, (x) => x.rss))} | ${rs[0].livenessSeconds === null ? "" : s2(med(rs, (x) => x.livenessSeconds))} |`);
    row("invariants only", live.safety);
    row("invariants + `Paid` (liveness)", live.check);
    row("the same, every component searched (no sequential short cut)", live.slow);
    L.push("");
  }
  if (r.values) {
    L.push("## The second edition's values (one worker; search CPU)");
    L.push("");
    L.push("| model | what it exercises | distinct states | search CPU s | distinct/CPU s | table bytes/state |");
    L.push("| --- | --- | ---: | ---: | ---: | ---: |");
    for (const v of r.values) {
      const n = v.runs[0].distinct;
      const cpu = med(v.runs, (x) => x.searchCpu);
      L.push(`| ${v.name} | ${v.what} | ${fmt(n)} | ${s2(cpu)} | ${fmt(n / cpu)} | ${(v.runs[0].tableBytes / n).toFixed(1)} |`);
    }
    L.push("");
  }
  if (r.load) {
    L.push("## Loading and start-up");
    L.push("");
    L.push("| measure | value |");
    L.push("| --- | ---: |");
    L.push(`| load spec/pool.stake: parse (in-process CPU, median) | ${r.load.parseMs.toFixed(1)} ms |`);
    L.push(`| check | ${r.load.checkMs.toFixed(1)} ms |`);
    L.push(`| compile | ${r.load.compileMs.toFixed(1)} ms |`);
    L.push(`| \`stakecheck check spec/anchor-bft.stake\`, whole process, median of ${r.startup.length} | ${(med(r.startup, (x) => x.wall) * 1000).toFixed(0)} ms wall, ${(med(r.startup, (x) => x.cpu) * 1000).toFixed(0)} ms CPU |`);
    L.push("");
  }
  if (r.monitor) {
    const m = r.monitor;
    L.push("## Monitor (`bench/monitor.mjs`: events per CPU second, best of the repetitions)");
    L.push("");
    L.push("| log | events | events/CPU-s |");
    L.push("| --- | ---: | ---: |");
    L.push(`| fully observed (1 candidate state), history on disk | ${fmt(m.full.events)} | ${rate(m.full.perCpuSecond)} |`);
    L.push(`| fully observed, no history (--no-save) | ${fmt(m.fullNoHistory.events)} | ${rate(m.fullNoHistory.perCpuSecond)} |`);
    L.push(`| ${m.hundred.peak} candidate states | ${fmt(m.hundred.events)} | ${rate(m.hundred.perCpuSecond)} |`);
    L.push(`| every parameter and caller hidden (at most ${m.hidden.peak} candidates) | ${fmt(m.hidden.events)} | ${rate(m.hidden.perCpuSecond)} |`);
    L.push("");
  }
  if (r.lsp) {
    const l = r.lsp;
    L.push("## The language server (`bench/lsp.ts`, over stdio; medians, the slowest in brackets)");
    L.push("");
    L.push("| measure | wall | server CPU |");
    L.push("| --- | ---: | ---: |");
    L.push(`| start-up: spawn to the answer to \`initialize\` | ${l.startup.wallMs.toFixed(0)} ms | ${l.startup.cpuMs.toFixed(0)} ms |`);
    L.push(`| ${l.big.lines}-line spec: diagnostics after an edit of a name | ${l.big.name.ms.toFixed(0)} ms (${l.big.name.maxMs.toFixed(0)} ms) | ${l.big.name.cpuMs.toFixed(0)} ms |`);
    L.push(`| ${l.big.lines}-line spec: diagnostics after an edit that makes or mends a syntax error | ${l.big.syntax.ms.toFixed(0)} ms (${l.big.syntax.maxMs.toFixed(0)} ms) | ${l.big.syntax.cpuMs.toFixed(0)} ms |`);
    L.push("");
  }
  if (r.checkpoint) {
    L.push(`## Checkpoints (\`bench/checkpoint.mjs\`, ${r.checkpoint.name}; full table in bench/checkpoint-results.md)`);
    L.push("");
    for (const w of r.checkpoint.summary) L.push(`- ${w.workers} worker(s): the costliest checkpoint (${w.mib} MiB) took ${w.cpu.toFixed(2)} CPU s; once a minute, ${(100 * w.cpu / 60).toFixed(1)} % of the run`);
    L.push("");
  }
  if (r.html) {
    L.push("## The HTML report (`bench/html.ts`)");
    L.push("");
    L.push(r.html.skipped ? `Skipped: ${r.html.skipped}.` : `${r.html.steps}-step counterexample over ${r.html.vars} variables: ${(r.html.bytes / 1024).toFixed(0)} KiB, built in ${r.html.buildCpuMs} ms of CPU, opens in Chromium in ${r.html.openMs} ms (median).`);
    L.push("");
  }
  return L.join("\n");
}

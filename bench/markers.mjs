// The figures in README.md and docs/ marked `<!-- bench: KEY -->`, and what refreshes each.
//
// A marker refreshes the text before it: in a table row, its cell; elsewhere the paragraph or list
// item it ends (a marker alone on a line ends the paragraph or table just above it). PRODUCERS[KEY]
// is the section of bench/run.mjs that measures it and the text it becomes. Wall-clock figures are
// written only from runs that other processes did not disturb; a busy row gives "busy" instead
// (figures are measured, not written: rerun on an idle machine).

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fmt, median, mib, rate, x2 } from "./lib/measure.mjs";
import { canonicalisationMicros, pairRatio, searchFigures } from "./render.mjs";

const med = (rs, f) => median(rs.map(f));
const busy = (rs) => rs.some((r) => r.busy);
const day = (r) => r.date.slice(0, 10);
const load = (r) => `load average ${r.loadBefore[0].toFixed(1)} before, ${r.loadAfter[0].toFixed(1)} after`;
const row = (r, name) => r.search.find((x) => x.name === name);
/** A wall-clock figure, or "busy" when the runs it comes from were disturbed. */
const wall = (rs, text) => (busy(rs) ? "busy" : text);
/** The same in a sentence. */
const wallProse = (rs, text) => (busy(rs) ? "wall time not measured: the machine was busy" : text);

function searchTable(r) {
  const L = [
    "| model | distinct states | over Spin: whole process, CPU | over Spin: search, wall | over the hand-written JS BFS: search, CPU | table bytes/state |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const x of r.search) {
    if (x.tooSmall) continue;
    const f = searchFigures(x);
    L.push(`| ${x.name} | ${fmt(f.n)} | ${x2(f.vsSpinWholeCpu)} | ${wall([...x.spin, ...x.search], x2(f.vsSpinSearchWall))} | **${x2(f.vsLimitSearchCpu)}** | ${f.tableBytesPerState.toFixed(1)} |`);
  }
  return L.join("\n");
}

function speedup(w, k) {
  return pairRatio(w.one, w[k], (x) => x.searchWall, (x) => x.searchWall);
}

/** KEY → [section, (results) => text]. */
export const PRODUCERS = {
  "speed-run": [
    "search",
    (r) =>
      `Measured by \`npm run bench\` on ${day(r)} (${load(r)}); each tool in a process of its own, medians of ${r.reps}. ` +
      `Full tables and method: [bench/results.md](bench/results.md), [docs/performance.md](docs/performance.md#benchmarks). ` +
      (r.spin.available ? `Spin ${r.spin.version}, \`gcc -O2 -DSAFETY\`, pan's \`-w\` and \`-m\` set per model. ` : `${r.spin.note}. `) +
      (r.search.every((x) => x.notes.length === 0) ? "Every tool finds the anchors' exact counts." : "Where a tool's counts differ, bench/results.md says why.") +
      " Ratios divide like by like (> 1: stakecheck faster).",
  ],
  "search-table": ["search", searchTable],
  "perf-search": [
    "search",
    (r) => {
      const parts = r.search.filter((x) => !x.tooSmall).map((x) => `${x.name} ${x2(searchFigures(x).vsLimitSearchCpu)}`);
      return `Measured (\`npm run bench\`, ${day(r)}): stakecheck's search against the hand-written BFS, per CPU second of the search: ${parts.join(", ")} (> 1: stakecheck faster; target 1.0×).`;
    },
  ],
  "perf-bytes": [
    "search",
    (r) => {
      const parts = r.search.filter((x) => !x.tooSmall).map((x) => `${x.name} ${searchFigures(x).tableBytesPerState.toFixed(1)}`);
      return `Bytes per distinct state of the search's tables (\`stats.bytes\`: seen-set, trace, level queues; \`npm run bench\`, ${day(r)}): ${parts.join(", ")}. Node's own runtime adds about 45 MiB of RSS.`;
    },
  ],
  symmetry: [
    "symmetry",
    (r) =>
      "**Symmetry**: " +
      r.symmetry
        .map(({ name, on, off }) => {
          const cOn = med(on, (x) => x.searchCpu);
          const cOff = med(off, (x) => x.searchCpu);
          const per = cOn < 0.1 ? "too small to time per state" : `${((cOn / on[0].distinct) * 1e6).toFixed(1)} µs per canonical state, about ${canonicalisationMicros({ on, off }).toFixed(1)} µs of it canonicalisation`;
          return `${name} explores ${fmt(on[0].distinct)} canonical states instead of ${fmt(off[0].distinct)} (${(off[0].distinct / on[0].distinct).toFixed(1)}× fewer; search CPU ${cOff.toFixed(2)} s → ${cOn.toFixed(2)} s, ${per})`;
        })
        .join("; ") +
      ". Same verdicts; the orbit sizes add up to exactly the unreduced counts.",
  ],
  fuzz: [
    "fuzz",
    (r) =>
      "**Random walks** (`fuzz`'s own code path, every invariant at every step, POOL(4,4,2)): " +
      r.fuzz
        .map((f) => {
          const a = med(f.fuzz, (x) => x.steps / x.cpuSeconds);
          return `depth ${f.depth}: ${rate(a)} steps per CPU second, ${x2(pairRatio(f.limit, f.fuzz, (x) => x.searchCpu / x.steps, (x) => x.cpuSeconds / x.steps))} the hand-written walker's`;
        })
        .join("; ") +
      ".",
  ],
  workers: [
    "workers",
    (r) => {
      const w = r.workers;
      const all = [...w.one, ...w.two, ...w.auto];
      return (
        `**Two workers** on ${w.name}: ${busy(all) ? "the speed-up was not measured (the machine was busy)" : `the search ${x2(speedup(w, "two"))} as fast as on one worker`}; ` +
        `whole-process CPU ${med(w.one, (x) => x.cpu).toFixed(1)} s with one worker, ${med(w.two, (x) => x.cpu).toFixed(1)} s with two. ` +
        `\`--workers auto\` chose ${w.auto[0].workers}${busy(all) ? "" : ` (${x2(speedup(w, "auto"))} one worker's speed)`}. ` +
        `This machine's own two-thread gain (\`bench/machine.mjs\`): ${busy([r.capacity]) ? "not measured (the machine was busy)" : `${x2(r.capacity.compute.speedup)} on a compute loop, ${x2(r.capacity.memory.speedup)} on random access to a 64 MiB array`}.`
      );
    },
  ],
  bitstate: [
    "bitstate",
    (r) => {
      const b = r.bitstate;
      return `On ${b.name}, \`--bitstate\` takes ${med(b.bitstate, (x) => x.cpu).toFixed(2)} CPU s and ${mib(med(b.bitstate, (x) => x.rss))} (whole process) against ${med(b.exact, (x) => x.cpu).toFixed(2)} CPU s and ${mib(med(b.exact, (x) => x.rss))} for the exact default (\`npm run bench\`, ${day(r)}).`;
    },
  ],
  startup: [
    "load",
    (r) =>
      `**Start-up**: \`stakecheck check spec/anchor-bft.stake\`, the whole process, takes ${(med(r.startup, (x) => x.cpu) * 1000).toFixed(0)} ms of CPU (${wallProse(r.startup, `a median of ${(med(r.startup, (x) => x.wall) * 1000).toFixed(0)} ms of wall time`)}); loading \`spec/pool.stake\` costs ${r.load.parseMs.toFixed(0)} ms of CPU to parse, ${r.load.checkMs.toFixed(1)} ms to check, ${r.load.compileMs.toFixed(1)} ms to compile.`,
  ],
  "perf-liveness": [
    "liveness",
    (r) => {
      const l = r.liveness;
      const cpu = (rs) => med(rs, (x) => x.searchCpu);
      const n = l.check[0].distinct;
      return `Measured with \`npm run bench\` (${day(r)}; CPU time of the search, one worker, the invariants alone against invariants and liveness on the same spec, ${l.name}): ${x2(cpu(l.check) / cpu(l.safety))} with the short cut, ${x2(cpu(l.slow) / cpu(l.safety))} without it, and ${(l.check[0].tableBytes / n).toFixed(0)} bytes per state for the tables against ${(l.safety[0].tableBytes / n).toFixed(0)} for the invariants alone.`;
    },
  ],
  "liveness-pool": [
    "liveness",
    (r) => {
      const l = r.liveness;
      const cpu = (rs) => med(rs, (x) => x.searchCpu);
      const n = l.check[0].distinct;
      return (
        `Speed, on the POOL anchor with \`pending[i] > 0 ~> pending[i] == 0\` and \`fair action Withdraw\` (${l.name}, ${fmt(n)} states, ${fmt(l.check[0].edges)} edges; \`npm run bench\`, one worker): ` +
        `checking the invariants and the liveness property takes ${x2(cpu(l.check) / cpu(l.safety))} the CPU time of checking the invariants alone (${x2(cpu(l.slow) / cpu(l.safety))} when every component is searched, without the sequential short cut), ` +
        `and the search's tables take ${(l.check[0].tableBytes / n).toFixed(0)} bytes per state, against ${(l.safety[0].tableBytes / n).toFixed(0)} for the invariants alone: the edges are kept (5 bytes each), and so are the fair-cycle search's own arrays ([performance.md](performance.md#liveness)).`
      );
    },
  ],
  "monitor.full": ["monitor", (r) => rate(r.monitor.full.perCpuSecond)],
  "monitor.hundred": ["monitor", (r) => rate(r.monitor.hundred.perCpuSecond)],
  "lsp.startup.wallMs": ["lsp", (r) => wall([r.lsp], `${r.lsp.startup.wallMs.toFixed(0)} ms`)],
  "lsp.big.name.ms": ["lsp", (r) => wall([r.lsp], `${r.lsp.big.name.ms.toFixed(0)} ms`)],
  "lsp.big.syntax.ms": ["lsp", (r) => wall([r.lsp], `${r.lsp.big.syntax.ms.toFixed(0)} ms`)],
  "checkpoint-1w": ["checkpoint", (r) => checkpointLine(r, 1)],
  "checkpoint-2w": ["checkpoint", (r) => checkpointLine(r, 2)],
  "html-report": [
    "html",
    (r) =>
      r.html.skipped
        ? null
        : `Size and speed, measured by \`npm run bench\` (\`bench/html.ts\`; a ${r.html.steps}-step counterexample over ${r.html.vars} variables, \`bench/models/report20.stake\`): ${(r.html.bytes / 1024).toFixed(0)} KiB, built in ${r.html.buildCpuMs} ms of CPU, open in Chromium in ${wall([r.html], `${r.html.openMs} ms`)} (navigation start to the page built; ${day(r)}).`,
  ],
};

function checkpointLine(r, workers) {
  const w = r.checkpoint.summary.find((s) => s.workers === workers);
  if (!w) return null;
  return `${workers === 1 ? "one thread" : "two workers"}: the costliest checkpoint (${w.mib} MiB) took ${w.cpu.toFixed(2)} CPU s: once a minute, ${((100 * w.cpu) / 60).toFixed(1)} % of the run`;
}

const MARKER = /<!-- bench: ([\w.-]+) -->/g;

/** The Markdown files markers may live in: README.md and docs/ (recursively). */
export function markedFiles(root) {
  const files = [join(root, "README.md")];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith(".md")) files.push(join(dir, e.name));
    }
  };
  walk(join(root, "docs"));
  return files;
}

/** Every marker key in the docs, with its file. */
export function markerKeys(root) {
  const keys = [];
  for (const file of markedFiles(root)) for (const m of readFileSync(file, "utf8").matchAll(MARKER)) keys.push({ key: m[1], file });
  return keys;
}

function wrap(text, indent, width = 100) {
  if (text.includes("\n")) return text;
  const words = text.split(" ");
  const lines = [];
  let line = "";
  for (const w of words) {
    if (line && indent.length + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}

/**
 * Replaces the span a marker refreshes (see the top of this file) by `text`. Returns the new
 * document. `at` is the marker's offset.
 */
export function replaceSpan(doc, at, text) {
  const lineStart = doc.lastIndexOf("\n", at - 1) + 1;
  const before = doc.slice(lineStart, at);
  if (before.trimStart().startsWith("|")) {
    const cell = before.lastIndexOf("|");
    return `${doc.slice(0, lineStart + cell + 1)} ${text} ${doc.slice(at)}`;
  }
  const alone = before.trim() === "";
  const lineAt = (i) => doc.slice(i, doc.indexOf("\n", i) < 0 ? doc.length : doc.indexOf("\n", i));
  const prevStart = (i) => doc.lastIndexOf("\n", i - 2) + 1;
  const stop = (line) => line.trim() === "" || /^\s*(#|```)/.test(line);
  // The paragraph or list item: up to a blank line, a heading, a fence or a bullet (kept).
  let start = alone ? (lineStart === 0 ? 0 : prevStart(lineStart)) : lineStart;
  const end = alone ? Math.max(0, lineStart - 1) : at;
  if (alone && (lineStart === 0 || stop(lineAt(start)))) return `${doc.slice(0, lineStart)}${text}\n${doc.slice(lineStart)}`;
  let indent = "";
  for (;;) {
    const bullet = /^\s*(?:[-*]|\d+\.) /.exec(lineAt(start));
    if (bullet) {
      indent = " ".repeat(bullet[0].length);
      start += bullet[0].length;
      break;
    }
    if (start === 0 || stop(lineAt(prevStart(start)))) break;
    start = prevStart(start);
  }
  return `${doc.slice(0, start)}${wrap(text, indent)}${alone ? "\n" : " "}${doc.slice(alone ? lineStart : at)}`;
}

/** Refreshes every marker whose section ran. Returns the keys filled and those kept as they were. */
export function fillDocs(root, results) {
  const filled = [];
  const missing = [];
  for (const file of markedFiles(root)) {
    let doc = readFileSync(file, "utf8");
    const orig = doc;
    // Back to front, so earlier offsets stay valid.
    const ms = [...doc.matchAll(MARKER)].reverse();
    for (const m of ms) {
      const p = PRODUCERS[m[1]];
      if (!p) throw new Error(`${file}: no producer for the marker ${m[1]} (bench/markers.mjs)`);
      const [section, make] = p;
      const text = results[section] ? make(results) : null;
      if (text === null || text === undefined) {
        missing.push(m[1]);
        continue;
      }
      doc = replaceSpan(doc, m.index, text);
      filled.push(m[1]);
    }
    if (doc !== orig) writeFileSync(file, doc);
  }
  return { filled, missing: [...new Set(missing)] };
}

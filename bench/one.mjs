// One stakecheck run, as its own process so that its peak RSS compares with Spin's:
//   node bench/one.mjs SPEC CONSTS_JSON [OPTIONS_JSON]
// Prints one JSON line: the search's figures, its own timing and the process's peak RSS.
import { loadSpecFile } from "../dist/api/load.js";
import { compileModel } from "../dist/compile/compile.js";
import { bfs } from "../dist/explore/bfs.js";
import { livenessSearch } from "../dist/explore/liveness/search.js";
import { selectAll } from "../dist/explore/result.js";

const [file, constsText, optionsText] = process.argv.slice(2);
const options = JSON.parse(optionsText ?? "{}");
const t0 = performance.now();
const loaded = loadSpecFile(file, { consts: JSON.parse(constsText) });
if (!loaded.spec) {
  console.error(`bench: ${file} does not load`);
  process.exit(2);
}
const model = compileModel(loaded.spec);
const t1 = performance.now();
const cpu0 = process.cpuUsage();
let result;
// options.liveness: "safety" checks the same spec's invariants only (one worker), "check" its
// liveness properties too, "no-shortcut" the same without the fair-cycle search's sequential test.
if (options.liveness) {
  const all = selectAll(model);
  const properties = options.liveness === "safety" ? { ...all, liveness: all.liveness.map(() => false) } : all;
  result = options.liveness === "safety" ? bfs(model, { properties }) : livenessSearch(model, { properties, livenessShortcut: options.liveness !== "no-shortcut" });
} else if ((options.workers ?? 1) > 1) {
  const { bfsParallel } = await import("../dist/explore/parallel.js");
  result = await bfsParallel(model, options);
} else {
  result = bfs(model, options);
}
const cpu = process.cpuUsage(cpu0);
const s = result.stats;
console.log(
  JSON.stringify({
    distinct: s.distinct,
    generated: s.generated,
    depth: s.depth,
    seconds: s.seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // The search's tables at the end (the graph included), and the fair-cycle search's arrays.
    tableBytes: s.bytes + (result.liveness?.searchBytes ?? 0),
    livenessSeconds: result.liveness?.seconds ?? null,
    edges: result.liveness?.edges ?? null,
    loadSeconds: (t1 - t0) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    violations: result.violations.map((v) => [v.property.name, v.instances.length]),
    fullStates: result.symmetry?.fullStates ?? null,
    workers: result.workers,
  }),
);

// One stakecheck run, as its own process so that its peak RSS compares with Spin's:
//   node bench/one.mjs SPEC CONSTS_JSON [OPTIONS_JSON]
// Prints one JSON line: the search's figures, its own timing and the process's peak RSS.
import { loadSpecFile } from "../dist/api/load.js";
import { compileModel } from "../dist/compile/compile.js";
import { bfs } from "../dist/explore/bfs.js";

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
if ((options.workers ?? 1) > 1) {
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
    tableBytes: s.bytes,
    loadSeconds: (t1 - t0) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    violations: result.violations.map((v) => [v.property.name, v.instances.length]),
    fullStates: result.symmetry?.fullStates ?? null,
    workers: result.workers,
  }),
);

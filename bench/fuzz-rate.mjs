// Random-walk speed through the real `fuzz` code path (`fuzzModel`, what `stakecheck fuzz` runs):
//   node bench/fuzz-rate.mjs SPEC CONSTS_JSON DEPTH RUNS [SEED]
// Prints one JSON line: steps, runs, walks that hit a dead end, and the walks' wall and CPU seconds
// (process.cpuUsage around fuzzModel, which also selects properties and resets coverage).
import { selectProperties } from "../dist/api/check.js";
import { fuzzModel } from "../dist/api/fuzz.js";
import { loadSpecFile } from "../dist/api/load.js";
import { compileModel } from "../dist/compile/compile.js";

const [file, constsText, depthText, runsText, seedText] = process.argv.slice(2);
const loaded = loadSpecFile(file, { consts: JSON.parse(constsText) });
if (!loaded.spec) {
  console.error(`bench: ${file} does not load`);
  process.exit(2);
}
const model = compileModel(loaded.spec);
const selection = selectProperties(loaded.spec, undefined);
if ("unknown" in selection) throw new Error("no properties");
const t0 = performance.now();
const c0 = process.cpuUsage();
const run = fuzzModel(model, selection, { seed: Number(seedText ?? 1), runs: Number(runsText), depth: Number(depthText), shrink: false });
const c = process.cpuUsage(c0);
const w = run.walk.stats;
console.log(
  JSON.stringify({
    steps: w.steps,
    runs: w.runs,
    deadEnds: w.deadlocks,
    violation: run.violation ? run.violation.property.name : null,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (c.user + c.system) / 1e6,
  }),
);

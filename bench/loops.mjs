// `npm run bench:loops`: what loops and procs cost. bench/models/loops.stake (a commit that picks
// its signers in a loop, a slash that walks a queue, a proc called from three places) against
// loops-unrolled.stake, the same protocol written out by hand. Both are explored to the end in
// processes of their own, alternating, 3 times; prints the medians of the search's CPU time and
// states/s. The state counts must be equal (the same protocol), else this fails.
//
//   npm run bench:loops [-- --reps 5]

import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const repsAt = process.argv.indexOf("--reps");
const REPS = repsAt > 0 ? Number(process.argv[repsAt + 1]) : 3;
const SPECS = { loops: "bench/models/loops.stake", unrolled: "bench/models/loops-unrolled.stake" };

function run(spec) {
  const out = execFileSync(process.execPath, [join(root, "bench/one.mjs"), join(root, spec), "{}"], { cwd: root, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { loops: [], unrolled: [] };
for (let i = 0; i < REPS; i++) for (const k of Object.keys(SPECS)) results[k].push(run(SPECS[k]));

const [a, b] = [results.loops[0], results.unrolled[0]];
if (a.distinct !== b.distinct || a.generated !== b.generated) {
  console.error(`the two specs differ: ${a.distinct}/${a.generated} vs ${b.distinct}/${b.generated} (distinct/generated)`);
  process.exit(1);
}
console.log(`| spec | distinct | generated | search CPU s (median of ${REPS}) | states/s (CPU) |`);
console.log("| --- | --- | --- | --- | --- |");
for (const k of Object.keys(SPECS)) {
  const cpu = median(results[k].map((r) => r.cpuSeconds));
  console.log(`| ${SPECS[k]} | ${a.distinct} | ${a.generated} | ${cpu.toFixed(2)} | ${Math.round(a.distinct / cpu)} |`);
}
const ratio = median(results.loops.map((r) => r.cpuSeconds)) / median(results.unrolled.map((r) => r.cpuSeconds));
console.log(`\nloops / hand-unrolled CPU time: ${ratio.toFixed(3)}`);

// The cost of loading a spec, in-process: parse, check, compile, each timed separately in CPU
// milliseconds (process.cpuUsage: steady on a shared machine), medians of 11 (a first run warms
// the JIT up and is not counted).
//   node bench/load.mjs [SPEC]
// Prints one JSON line.
import { readFileSync } from "node:fs";
import { checkSpec } from "../dist/check/check.js";
import { compileModel } from "../dist/compile/compile.js";
import { parseSpec } from "../dist/lang/parse.js";

const file = process.argv[2] ?? "spec/pool.stake";
const text = readFileSync(file, "utf8");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parse = [];
const check = [];
const compile = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < 12; i++) {
  const t0 = cpuMs();
  const p = parseSpec(text, file);
  const t1 = cpuMs();
  const c = checkSpec(p.file, p.ast, {});
  const t2 = cpuMs();
  compileModel(c.spec);
  const t3 = cpuMs();
  if (i > 0) {
    parse.push(t1 - t0);
    check.push(t2 - t1);
    compile.push(t3 - t2);
  }
}
console.log(JSON.stringify({ spec: file, parseMs: median(parse), checkMs: median(check), compileMs: median(compile) }));

// Random-walk speed and the cost of loading a spec, in-process:
//   node bench/walk.mjs [SPEC]
// Walks: from the initial state, DEPTH steps, each a random enabled instance (tried in a random
// order with model.apply), invariants checked on every state; a walk restarts at a deadlock.
// Until the fuzz engine's API lands this is the plain loop every random explorer runs.
import { readFileSync } from "node:fs";
import { checkSpec } from "../dist/check/check.js";
import { compileModel } from "../dist/compile/compile.js";
import { parseSpec } from "../dist/lang/parse.js";

const file = process.argv[2] ?? "spec/pool.stake";
const text = readFileSync(file, "utf8");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Loading: parse, check, compile, each timed separately (the first run warms the JIT up).
const parse = [];
const check = [];
const compile = [];
let model;
for (let i = 0; i < 12; i++) {
  const t0 = performance.now();
  const p = parseSpec(text, file);
  const t1 = performance.now();
  const c = checkSpec(p.file, p.ast, {});
  const t2 = performance.now();
  model = compileModel(c.spec);
  const t3 = performance.now();
  if (i > 0) {
    parse.push(t1 - t0);
    check.push(t2 - t1);
    compile.push(t3 - t2);
  }
}

let seed = 0x2545f491;
function rnd(n) {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

const DEPTH = 20;
const w = model.width;
let s = new Int32Array(w);
let d = new Int32Array(w);
const n = model.instanceCount;
let steps = 0;
let violations = 0;
const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  for (let walk = 0; walk < 1000; walk++) {
    model.init(s);
    for (let k = 0; k < DEPTH; k++) {
      // A random start and a stride coprime with n visit every instance once.
      const start = rnd(n);
      let stride = 1 + rnd(Math.max(1, n - 1));
      while (gcd(stride, n) !== 1) stride++;
      let moved = false;
      for (let j = 0, i = start; j < n; j++, i = (i + stride) % n) {
        const r = model.apply(s, d, i);
        if (r === 1) {
          if (model.checkInvariants(d) !== -1) violations++;
          const t = s;
          s = d;
          d = t;
          steps++;
          moved = true;
          break;
        }
      }
      if (!moved) break;
    }
  }
}
const seconds = (performance.now() - t0) / 1000;

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

console.log(
  JSON.stringify({
    spec: file,
    depth: DEPTH,
    steps,
    violations,
    stepsPerSecond: steps / seconds,
    load: { parseMs: median(parse), checkMs: median(check), compileMs: median(compile) },
  }),
);

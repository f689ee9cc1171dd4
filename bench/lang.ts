// How long parsing and checking take on a 1,000-line spec (the issue asks for well under a second).
// Run: node --import tsx bench/lang.ts [lines]
//
// The spec is bench/big-spec.ts's. Prints the grammar's load time (from src/ it is compiled from
// stake.ohm; the built package loads a recipe in ~5 ms), the first run (cold JIT) and the best of
// the next ten.

import { checkSpec } from "../src/check/check.js";
import { stakeGrammar } from "../src/lang/grammar.js";
import { parseSpec } from "../src/lang/parse.js";
import { bigSpec } from "./big-spec.js";

const lines = Number(process.argv[2] ?? 1000);
const text = bigSpec(lines);
const n = text.split("\n").length;

function run(): { parse: number; check: number; errors: number } {
  const t0 = performance.now();
  const parsed = parseSpec(text, "big.stake");
  const t1 = performance.now();
  if (!parsed.ast) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  const checked = checkSpec(parsed.file, parsed.ast);
  const t2 = performance.now();
  return { parse: t1 - t0, check: t2 - t1, errors: checked.diagnostics.filter((d) => d.severity === "error").length };
}

const g0 = performance.now();
stakeGrammar();
const grammarMs = performance.now() - g0;
const cold = run();
if (cold.errors) throw new Error(`the bench spec has ${cold.errors} errors`);
let best = { parse: Infinity, check: Infinity };
for (let i = 0; i < 10; i++) {
  const r = run();
  best = { parse: Math.min(best.parse, r.parse), check: Math.min(best.check, r.check) };
}
const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
console.log(`spec: ${n} lines, ${(text.length / 1024).toFixed(1)} KiB`);
console.log(`grammar load ${ms(grammarMs)} (compiled from src/lang/stake.ohm)`);
console.log(`first run   parse ${ms(cold.parse)}   check ${ms(cold.check)}   total ${ms(cold.parse + cold.check)}`);
console.log(`best of 10  parse ${ms(best.parse)}   check ${ms(best.check)}   total ${ms(best.parse + best.check)}`);

// The static range of every number operator and built-in is sound: the checker's proven bounds
// (the IR type's lo/hi over its denominator) contain every value the operator produces on its
// operands' ranges, and that value is exact over the type's denominator. The compiler drops range
// checks and sizes its arithmetic from these bounds, and the compiled model and the reference
// evaluator read the same checked program, so the differential test cannot see a wrong bound: the
// oracle here is the reference evaluator's exact rationals, enumerated over every operand value.
// Plus the interval arithmetic itself (src/check/intervals.ts) against brute force, and tightness
// where the bound must be attained. Seeded: a failure prints STAKECHECK_SEED to replay it.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Iv from "../../src/check/intervals.js";
import { EvalFailure, evaluate } from "../../src/ir/eval.js";
import { fromScaled, toScaled, type Num } from "../../src/ir/rational.js";
import { denOf, stepOf, type IntTy } from "../../src/ir/types.js";
import { loadSpecText } from "../../src/api/load.js";

/** A number type: `lo .. hi step 1/den` written with fractions, every value listed. */
interface NumType {
  readonly text: string;
  readonly values: readonly Num[];
}

const numType = fc.record({ den: fc.constantFrom(1, 1, 2, 3, 4), lo: fc.integer({ min: -8, max: 8 }), width: fc.integer({ min: 0, max: 6 }) }).map(({ den, lo, width }): NumType => {
  const frac = (n: number) => (den === 1 || n % den === 0 ? String(n / den) : `${n}/${den}`);
  const hi = lo + width;
  return { text: `${frac(lo)} .. ${frac(hi)}${den === 1 ? "" : ` step 1/${den}`}`, values: Array.from({ length: width + 1 }, (_, i) => fromScaled(lo + i, den)) };
});

const OPS = ["a + b", "a - b", "a * b", "a / b", "a % b", "div(a, b)", "div_up(a, b)", "mul_div(a, b, c)", "mul_div_up(a, b, c)", "min(a, b)", "max(a, b)", "abs(a)", "-a", "floor(a)", "ceil(a)", "floor(a, 1/2)", "ceil(a, 3/4)", "a * 3", "a / 4", "2 / 3 * a", "(a + b) / 2"];

function within(v: Num, t: IntTy): boolean {
  const s = toScaled(v, denOf(t));
  return s !== null && s >= t.lo && s <= t.hi && (s - t.lo) % stepOf(t) === 0;
}

describe("static ranges are sound: every value an operator produces lies in its proven type", () => {
  it.each(OPS)("%s", (op) => {
    fc.assert(
      fc.property(numType, numType, numType, (A, B, C) => {
        const text = `spec R\nvar a: ${A.text} = ${A.text.split(" ..")[0]}\nvar b: ${B.text} = ${B.text.split(" ..")[0]}\nvar c: ${C.text} = ${C.text.split(" ..")[0]}\ndef e() = ${op}\ninvariant i: e() == e() and a == a and b == b and c == c\n`;
        const loaded = loadSpecText(text, "<ranges>", {});
        // Some combinations are refused, with a message (a quotient needing a huge denominator).
        fc.pre(loaded.spec !== undefined && !loaded.diagnostics.some((d) => d.severity === "error"));
        const spec = loaded.spec!;
        const ty = spec.defs[0].body.ty as IntTy;
        expect(ty.k).toBe("int");
        let seen = 0;
        for (const a of A.values)
          for (const b of B.values)
            for (const c of C.values) {
              let v: unknown;
              try {
                v = evaluate({ defs: spec.defs, sites: spec.sites, state: [a, b, c] }, spec.defs[0].body);
              } catch (err) {
                if (err instanceof EvalFailure) continue; // a division by zero: a well_typed failure, not a value
                throw err;
              }
              seen++;
              expect(within(v as Num, ty), `${op} = ${String(v)} at a = ${String(a)}, b = ${String(b)}, c = ${String(c)}: outside ${JSON.stringify(ty)}\n${text}`).toBe(true);
            }
        return seen >= 0;
      }),
      { numRuns: 40 },
    );
  });
});

const interval = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: 0, max: 8 })).map(([lo, w]) => ({ lo, hi: lo + w }));
const range = (a: Iv.Interval) => Array.from({ length: a.hi - a.lo + 1 }, (_, i) => a.lo + i);
const floorMod = (x: number, y: number) => x - y * Math.floor(x / y);

/** Brute force over both intervals: the concrete results of `f`, skipping a zero divisor. */
function results(a: Iv.Interval, b: Iv.Interval, f: (x: number, y: number) => number, divisor: boolean): number[] {
  const out: number[] = [];
  for (const x of range(a)) for (const y of range(b)) if (!divisor || y !== 0) out.push(f(x, y) + 0);
  return out;
}

describe("interval arithmetic against brute force", () => {
  const cases: [string, (a: Iv.Interval, b: Iv.Interval) => Iv.Interval, (x: number, y: number) => number, boolean, boolean][] = [
    // name, bound, concrete, divisor (skip 0), tight (the bound is attained at both ends)
    ["add", Iv.add, (x, y) => x + y, false, true],
    ["sub", Iv.sub, (x, y) => x - y, false, true],
    ["mul", Iv.mul, (x, y) => x * y, false, true],
    ["min", Iv.min, Math.min, false, true],
    ["max", Iv.max, Math.max, false, true],
    ["floorDiv", Iv.floorDiv, (x, y) => Math.floor(x / y), true, true],
    ["ceilDiv", Iv.ceilDiv, (x, y) => Math.ceil(x / y), true, true],
    ["floorMod", Iv.floorMod, floorMod, true, false],
  ];
  it.each(cases)("%s", (_, bound, concrete, divisor, tight) => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const vs = results(a, b, concrete, divisor);
        fc.pre(vs.length > 0);
        const r = bound(a, b);
        expect(Math.min(...vs), `lower bound of ${JSON.stringify([a, b])}`).toBeGreaterThanOrEqual(r.lo);
        expect(Math.max(...vs), `upper bound of ${JSON.stringify([a, b])}`).toBeLessThanOrEqual(r.hi);
        if (tight) expect([Math.min(...vs), Math.max(...vs)]).toEqual([r.lo, r.hi]);
      }),
      { numRuns: 400 },
    );
  });

  it("neg and abs", () => {
    fc.assert(
      fc.property(interval, (a) => {
        // Exactly, -0 included: a bound of -0 is a different number to toEqual (and to Object.is).
        const n = range(a).map((x) => -x + 0);
        expect(Iv.neg(a)).toEqual({ lo: Math.min(...n), hi: Math.max(...n) });
        const m = range(a).map(Math.abs);
        expect(Iv.abs(a)).toEqual({ lo: Math.min(...m), hi: Math.max(...m) });
      }),
    );
  });

  it("floorMod by hand: the sign of the divisor decides, as in stakecheck's `%`", () => {
    // Hand-written table: a % b for a in -3 .. 3 and b in {-2, 2} (floor semantics).
    expect([-3, -2, -1, 0, 1, 2, 3].map((x) => floorMod(x, 2))).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect([-3, -2, -1, 0, 1, 2, 3].map((x) => floorMod(x, -2) + 0)).toEqual([-1, 0, -1, 0, -1, 0, -1]);
    expect(Iv.floorMod({ lo: -3, hi: 3 }, { lo: 2, hi: 2 })).toEqual({ lo: 0, hi: 1 });
    expect(Iv.floorMod({ lo: 0, hi: 1 }, { lo: 3, hi: 5 })).toEqual({ lo: 0, hi: 1 });
    expect(Iv.floorMod({ lo: -3, hi: 3 }, { lo: -2, hi: -2 })).toEqual({ lo: -1, hi: 0 });
    expect(Iv.join({ lo: 0, hi: 2 }, { lo: -1, hi: 1 })).toEqual({ lo: -1, hi: 2 });
    expect(Iv.contains({ lo: 0, hi: 4 }, { lo: 1, hi: 4 })).toBe(true);
    expect(Iv.contains({ lo: 0, hi: 4 }, { lo: 1, hi: 5 })).toBe(false);
    expect(Iv.contains({ lo: 0, hi: 4 }, { lo: -1, hi: 3 })).toBe(false);
  });
});

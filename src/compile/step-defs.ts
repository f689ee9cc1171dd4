// Defs that use the step (`action`, `caller`, an action's parameter), directly or through the defs
// they call: their generated functions take the step's action and choice codes too.

import type * as I from "../ir/ir.js";
import { forEachExpr } from "../ir/walk.js";
import type { Ctx } from "./expr.js";

const memo = new WeakMap<I.Spec, boolean[]>();

/** Per def, whether it reads the step. */
export function stepDefs(spec: I.Spec): boolean[] {
  const done = memo.get(spec);
  if (done) return done;
  const direct = spec.defs.map((d) => {
    let uses = false;
    forEachExpr(d.body, (x) => {
      if (x.k === "action" || x.k === "caller" || x.k === "stepParam") uses = true;
    });
    return uses;
  });
  const calls = spec.defs.map((d) => {
    const out = new Set<number>();
    forEachExpr(d.body, (x) => {
      if (x.k === "call") out.add(x.def);
    });
    return out;
  });
  const uses = [...direct];
  for (let changed = true; changed; ) {
    changed = false;
    calls.forEach((cs, i) => {
      if (!uses[i] && [...cs].some((j) => uses[j])) uses[i] = changed = true;
    });
  }
  memo.set(spec, uses);
  return uses;
}

/** The step arguments a call of def `k` passes: none, or the step's action and choice codes. */
export function stepArgs(ctx: Ctx, k: number): string[] {
  if (!stepDefs(ctx.spec)[k]) return [];
  if (!ctx.step) throw new Error("internal: a step-only def called where there is no step");
  return [ctx.step.act, ctx.step.args];
}

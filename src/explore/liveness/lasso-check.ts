// Judging one concrete lasso, on the compiled model alone (no graph): does the infinite behaviour
// it stands for violate the liveness property, and is it fair? Used to replay saved lassos, to
// check the lassos random walks close, and to explain any lasso (which constraints the loop meets,
// and why the step that would end the violation is not forced).
//
// The behaviour: states[0 .. loop - 1], then states[loop .. last] forever. The loop's steps are
// steps[loop .. last - 1] and the closing step (last -> states[loop]), or, when closing is -1, a
// stutter of the last state (then loop = last).

import { ENABLED, FAILED_PROPERTY, type Model } from "../../model/model.js";
import type { LivenessKind } from "../../ir/ir.js";
import type { Fairness } from "./fairness.js";
import { assertNever } from "../../util/assert-never.js";

export interface ConcreteLasso {
  /** states[0] is the initial state; states[i + 1] is the state after steps[i]. */
  readonly states: readonly Int32Array[];
  readonly steps: readonly number[];
  readonly loop: number;
  /** The instance from the last state back to states[loop]; -1: the last state stutters. */
  readonly closing: number;
}

/** A fairness group on the loop: where it is enabled, where it is taken, and whether it is met. */
export interface GroupOnLoop {
  readonly group: number;
  /** Indexes (into `states`) of the loop states where the group is enabled. */
  readonly enabledAt: readonly number[];
  /** Loop steps that take it: the index of the step's source state. */
  readonly takenAt: readonly number[];
  /** Whether the loop meets the group's fairness. */
  readonly met: boolean;
}

/** A step that would end the violation from a loop state: the instance and the state it leaves. */
export interface Escape {
  readonly inst: number;
  readonly at: number;
}

export type LassoVerdict =
  | { readonly kind: "violates"; readonly trigger: number | null; readonly groups: readonly GroupOnLoop[]; readonly escapes: readonly Escape[] }
  /** The property holds on this behaviour. */
  | { readonly kind: "holds" }
  /** The behaviour violates the property but is not fair: a fairness group it does not meet. */
  | { readonly kind: "unfair"; readonly groups: readonly GroupOnLoop[] }
  /** Evaluating the property failed a well_typed check in state `at`. */
  | { readonly kind: "failed"; readonly at: number; readonly site: number; readonly detail: string };

/** The loop's states, as indexes into `states`. */
export function loopStates(l: ConcreteLasso): number[] {
  const out: number[] = [];
  for (let i = l.loop; i < l.states.length; i++) out.push(i);
  return out;
}

/** The loop's steps as [from, inst, to] (indexes into `states`), the closing step included. */
export function loopSteps(l: ConcreteLasso): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = l.loop; i < l.states.length - 1; i++) out.push([i, l.steps[i], i + 1]);
  if (l.closing >= 0) out.push([l.states.length - 1, l.closing, l.loop]);
  return out;
}

function same(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the property instance is violated on the lasso, and from where. */
function violation(kind: LivenessKind, p: boolean[], q: boolean[], loop: number): { violated: boolean; trigger: number | null } {
  const last = q.length - 1;
  const loopAllNotQ = q.slice(loop).every((x) => !x);
  // The first index from which Q is false to the end (and hence forever, when the loop is all not Q).
  let from = last + 1;
  while (from > 0 && !q[from - 1]) from--;
  switch (kind) {
    case "leadsto": {
      if (!loopAllNotQ) return { violated: false, trigger: null };
      for (let i = from; i <= last; i++) if (p[i]) return { violated: true, trigger: i };
      return { violated: false, trigger: null };
    }
    case "eventually":
      return from === 0 ? { violated: true, trigger: 0 } : { violated: false, trigger: null };
    case "infinitely":
      return loopAllNotQ ? { violated: true, trigger: from } : { violated: false, trigger: null };
    case "stable":
      return q.slice(loop).some((x) => !x) ? { violated: true, trigger: null } : { violated: false, trigger: null };
    default:
      return assertNever(kind);
  }
}

/** Judges instance `b` of liveness property `k` on the lasso, under `fairness`. */
export function judgeLasso(model: Model, fairness: Fairness, k: number, b: number, lasso: ConcreteLasso): LassoVerdict {
  const kind = model.spec.liveness![k].kind;
  const p: boolean[] = [];
  const q: boolean[] = [];
  for (let i = 0; i < lasso.states.length; i++) {
    const rp = model.checkLive(k, 0, b, lasso.states[i]);
    const rq = rp === FAILED_PROPERTY ? rp : model.checkLive(k, 1, b, lasso.states[i]);
    if (rq === FAILED_PROPERTY) return { kind: "failed", at: i, site: model.failure.site, detail: model.failure.detail };
    p.push(rp === 1);
    q.push(rq === 1);
  }
  const v = violation(kind, p, q, lasso.loop);
  if (!v.violated) return { kind: "holds" };
  const groups = fairnessOnLoop(model, fairness, lasso);
  if (groups.some((g) => !g.met)) return { kind: "unfair", groups };
  return { kind: "violates", trigger: v.trigger, groups, escapes: escapes(model, k, b, lasso) };
}

/** Every fairness group enabled somewhere on the loop: where, whether taken, whether met. */
export function fairnessOnLoop(model: Model, fairness: Fairness, lasso: ConcreteLasso): GroupOnLoop[] {
  const G = fairness.groups.length;
  if (G === 0) return [];
  const enabledAt: number[][] = Array.from({ length: G }, () => []);
  const takenAt: number[][] = Array.from({ length: G }, () => []);
  const d = new Int32Array(model.width);
  const fairInsts: number[] = [];
  for (let i = 0; i < model.instanceCount; i++) if (fairness.groupOf[i] >= 0) fairInsts.push(i);
  for (const at of loopStates(lasso)) {
    const s = lasso.states[at];
    for (const inst of fairInsts) {
      const g = fairness.groupOf[inst];
      if (enabledAt[g].at(-1) === at) continue;
      if (model.apply(s, d, inst) === ENABLED && !same(s, d)) enabledAt[g].push(at);
    }
  }
  // A step takes a group when one of its instances produces the same pair of states (<A>_vars).
  for (const [from, , to] of loopSteps(lasso)) {
    const s = lasso.states[from];
    const t = lasso.states[to];
    if (same(s, t)) continue;
    for (const inst of fairInsts) {
      const g = fairness.groupOf[inst];
      if (takenAt[g].at(-1) === from) continue;
      if (model.apply(s, d, inst) === ENABLED && same(d, t)) takenAt[g].push(from);
    }
  }
  const loopSize = lasso.states.length - lasso.loop;
  const out: GroupOnLoop[] = [];
  for (let g = 0; g < G; g++) {
    if (enabledAt[g].length === 0) continue;
    const taken = takenAt[g].length > 0;
    const met = taken || (fairness.strong[g] === 0 && enabledAt[g].length < loopSize);
    out.push({ group: g, enabledAt: enabledAt[g], takenAt: takenAt[g], met });
  }
  return out;
}

/** Steps from loop states into a state where the violation would end (Q holds there; for
 * `eventually always`, nothing ends it: none). */
function escapes(model: Model, k: number, b: number, lasso: ConcreteLasso): Escape[] {
  if (model.spec.liveness![k].kind === "stable") return [];
  const d = new Int32Array(model.width);
  const out: Escape[] = [];
  for (const at of loopStates(lasso)) {
    for (let inst = 0; inst < model.instanceCount; inst++) {
      if (model.apply(lasso.states[at], d, inst) === ENABLED && model.checkLive(k, 1, b, d) === 1) out.push({ inst, at });
    }
  }
  return out;
}

// Breadth-first search over the reference interpreter's states (keys: JSON of nested values).
// It follows the compiled search's order exactly (levels, instance order, step properties before
// the seen-check, invariants on new states, first violation per property), so the two can be
// compared violation by violation, path by path.

import type * as I from "../../src/ir/ir.js";
import { checkInvariant, checkStep, initialState, runInstance, totalInstances, type PropertyOutcome, type State } from "../../src/ir/interpret.js";

export interface NaiveViolation {
  readonly kind: "invariant" | "step" | "well_typed";
  readonly name: string;
  readonly instances: number[];
  readonly site?: number;
}

export interface NaiveResult {
  readonly distinct: number;
  readonly generated: number;
  readonly depth: number;
  readonly violations: NaiveViolation[];
  /** True when the state cap was hit: the result is not comparable. */
  readonly tooBig: boolean;
}

/** A state's key: its JSON, fractions (bigint rationals) written as "n/d". */
export function stateKey(s: State): string {
  return JSON.stringify(s, (_, v: unknown) => (typeof v === "object" && v !== null && "d" in v && typeof (v as { d: unknown }).d === "bigint" ? String(v) : v));
}

export function naiveBfs(spec: I.Spec, options: { maxDepth?: number; continueAll?: boolean; maxStates?: number } = {}): NaiveResult {
  const maxDepth = options.maxDepth ?? Infinity;
  const continueAll = options.continueAll ?? false;
  const cap = options.maxStates ?? 50_000;
  const total = totalInstances(spec);
  const seen = new Set<string>();
  const parent: number[] = [];
  const via: number[] = [];
  const reported = new Set<string>();
  const violations: NaiveViolation[] = [];
  let stop = false;

  const pathTo = (n: number): number[] => {
    const p: number[] = [];
    while (n > 0) {
      p.push(via[n]);
      n = parent[n];
    }
    return p.reverse();
  };
  const record = (key: string, v: NaiveViolation): void => {
    if (reported.has(key)) return;
    reported.add(key);
    violations.push(v);
    if (!continueAll) stop = true;
  };
  const outcome = (o: PropertyOutcome, key: string, kind: "invariant" | "step", name: string, path: () => number[]): boolean => {
    if ("failed" in o) {
      record("wt", { kind: "well_typed", name: "well_typed", instances: path(), site: o.site });
      return true;
    }
    if (!o.holds) {
      record(key, { kind, name, instances: path() });
      return true;
    }
    return false;
  };
  const invariants = (s: State, path: () => number[]): void => {
    for (let k = 0; k < spec.invariants.length; k++) {
      if (reported.has(`inv${k}`)) continue;
      if (outcome(checkInvariant(spec, s, k), `inv${k}`, "invariant", spec.invariants[k].name, path) && !continueAll) return;
    }
  };

  const init = initialState(spec);
  seen.add(stateKey(init));
  parent.push(-1);
  via.push(-1);
  invariants(init, () => []);
  let cur: { s: State; n: number }[] = [{ s: init, n: 0 }];
  let generated = 1;
  let depth = 1;
  // States found for the level after the one being expanded when the search stopped inside it.
  let pending = 0;
  outer: while (!stop && cur.length > 0) {
    if (depth > maxDepth) break;
    const next: { s: State; n: number }[] = [];
    pending = 0;
    for (const { s, n: from } of cur) {
      for (let inst = 0; inst < total; inst++) {
        const out = runInstance(spec, s, inst);
        if (out.status === "disabled") continue;
        generated++;
        if (out.status === "failed") {
          record("wt", { kind: "well_typed", name: "well_typed", instances: [...pathTo(from), inst], site: out.site });
          if (stop) break outer;
          continue;
        }
        for (let k = 0; k < spec.steps.length; k++) {
          if (reported.has(`step${k}`)) continue;
          const hit = outcome(checkStep(spec, s, out.state, inst, k), `step${k}`, "step", spec.steps[k].name, () => [...pathTo(from), inst]);
          if (hit && !continueAll) break;
        }
        if (stop) break outer;
        const key = stateKey(out.state);
        if (seen.has(key)) continue;
        seen.add(key);
        const n = parent.length;
        parent.push(from);
        via.push(inst);
        if (seen.size > cap) return { distinct: seen.size, generated, depth, violations, tooBig: true };
        next.push({ s: out.state, n });
        pending = next.length;
        invariants(out.state, () => pathTo(n));
        if (stop) break outer;
      }
    }
    cur = next;
    pending = 0;
    if (cur.length > 0) depth++;
  }
  // In steps: the deepest states found (the initial state is at 0).
  return { distinct: seen.size, generated, depth: pending > 0 ? depth : depth - 1, violations, tooBig: false };
}

// A naive, obviously correct liveness checker on the reference interpreter (src/ir/interpret.ts),
// sharing no code with the compiled model or the fair-cycle search. States are JSON keys of nested
// values; every property and fairness question is answered by brute force:
//
//   A liveness property instance is violated iff some set S of reachable states is the set of
//   states a fair violating behaviour visits forever. S must be: inside H (the states where the
//   violation can last), strongly connected using only edges inside S (or a single state, which
//   stutters), reachable inside H from an entry state, accepting (eventually always: a state of S
//   falsifies Q), and fair: touring S forever, taking every edge inside S, meets every fairness
//   constraint: for each group g, weak: g taken inside S or disabled somewhere in S; strong: g taken
//   inside S or enabled nowhere in S. Every subset of every strongly connected component of H is
//   tried (so the test keeps H's components small).

import { evaluate, type Value } from "../../src/ir/eval.js";
import { decodeInstance, initialState, runInstance, totalInstances, type State } from "../../src/ir/interpret.js";
import type * as I from "../../src/ir/ir.js";
import { stateKey } from "../support/naive-bfs.js";
import { choiceCodeAt, choiceCount, choiceValue } from "../../src/ir/finite.js";

export interface NaiveGraph {
  readonly keys: string[];
  readonly states: State[];
  /** Per state: [instance, successor] for every enabled instance (self-loops included). */
  readonly succ: [number, number][][];
  /** Per instance: its fairness group's key ("action:params"), or null. */
  readonly groupOf: (string | null)[];
  readonly strong: Map<string, boolean>;
}

export function naiveGraph(spec: I.Spec, maxStates: number): NaiveGraph | null {
  const total = totalInstances(spec);
  const keys: string[] = [];
  const states: State[] = [];
  const index = new Map<string, number>();
  const succ: [number, number][][] = [];
  const add = (s: State): number => {
    const k = stateKey(s);
    let i = index.get(k);
    if (i === undefined) {
      i = keys.length;
      index.set(k, i);
      keys.push(k);
      states.push(s);
      succ.push([]);
    }
    return i;
  };
  add(initialState(spec));
  for (let i = 0; i < states.length; i++) {
    if (states.length > maxStates) return null;
    for (let inst = 0; inst < total; inst++) {
      const r = runInstance(spec, states[i], inst);
      if (r.status === "enabled") succ[i].push([inst, add(r.state)]);
    }
  }
  const groupOf: (string | null)[] = [];
  const strong = new Map<string, boolean>();
  for (let inst = 0; inst < total; inst++) {
    const { action, args } = decodeInstance(spec, inst);
    const a = spec.actions[action];
    if (!a.fairness) {
      groupOf.push(null);
      continue;
    }
    const params = a.choices.map((c, i) => (c.kind === "param" ? args[i] : null)).filter((x) => x !== null);
    const g = `${action}:${params.join(",")}`;
    groupOf.push(g);
    strong.set(g, a.fairness === "strong");
  }
  return { keys, states, succ, groupOf, strong };
}

export function bindingValues(l: I.Liveness, b: number): Value[] {
  const out: Value[] = [];
  for (let i = l.binders.length - 1; i >= 0; i--) {
    const n = choiceCount(l.binders[i].ty);
    out.unshift(choiceValue(l.binders[i].ty, choiceCodeAt(l.binders[i].ty, b % n)));
    b = Math.floor(b / n);
  }
  return out;
}

/** P and Q of instance `b` in `state`, or null when evaluating fails. */
export function naivePQ(spec: I.Spec, l: I.Liveness, b: number, state: State): { p: boolean; q: boolean } | null {
  const locals: Value[] = new Array(Math.max(1, l.nLocals));
  const values = bindingValues(l, b);
  l.binders.forEach((x, i) => (locals[x.local] = values[i]));
  const env = { defs: spec.defs, sites: spec.sites, state };
  try {
    return { p: l.p === null ? true : evaluate(env, l.p, locals) === true, q: evaluate(env, l.q, locals) === true };
  } catch {
    return null;
  }
}

function enabledGroups(g: NaiveGraph, s: number): Set<string> {
  const out = new Set<string>();
  for (const [inst, t] of g.succ[s]) if (t !== s && g.groupOf[inst] !== null) out.add(g.groupOf[inst]!);
  return out;
}

/** Whether S (a set of states), toured forever over all its inner edges, is fair. */
export function naiveFair(g: NaiveGraph, S: ReadonlySet<number>): boolean {
  const taken = new Set<string>();
  for (const s of S) for (const [inst, t] of g.succ[s]) if (t !== s && S.has(t) && g.groupOf[inst] !== null) taken.add(g.groupOf[inst]!);
  const enabledAll = new Map<string, number>();
  for (const s of S) for (const x of enabledGroups(g, s)) enabledAll.set(x, (enabledAll.get(x) ?? 0) + 1);
  for (const [x, n] of enabledAll) {
    if (taken.has(x)) continue;
    if (g.strong.get(x)) return false;
    if (n === S.size) return false;
  }
  return true;
}

function stronglyConnected(g: NaiveGraph, S: ReadonlySet<number>): boolean {
  if (S.size === 1) return true;
  const reach = (from: number, forward: boolean): Set<number> => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) {
      const s = todo.pop()!;
      for (const t of S) {
        if (seen.has(t)) continue;
        const edge = forward ? g.succ[s].some(([, x]) => x === t) : g.succ[t].some(([, x]) => x === s);
        if (edge) {
          seen.add(t);
          todo.push(t);
        }
      }
    }
    return seen;
  };
  const first = S.values().next().value as number;
  return reach(first, true).size === S.size && reach(first, false).size === S.size;
}

export type NaiveVerdict = "violated" | "holds" | "too big" | "failed";

/** The verdict of instance `b` of liveness property `l`, by brute force over subsets. */
export function naiveVerdict(spec: I.Spec, g: NaiveGraph, l: I.Liveness, b: number, maxComponent = 12): NaiveVerdict {
  const n = g.states.length;
  const pq: { p: boolean; q: boolean }[] = [];
  for (let s = 0; s < n; s++) {
    const x = naivePQ(spec, l, b, g.states[s]);
    if (!x) return "failed";
    pq.push(x);
  }
  const inH = (s: number) => l.kind === "stable" || !pq[s].q;
  const entry = (s: number) => inH(s) && (l.kind === "leadsto" ? pq[s].p : l.kind === "eventually" ? s === 0 : true);
  const accept = (s: number) => l.kind !== "stable" || !pq[s].q;
  // States of H reachable inside H from an entry (an entry is reachable: every state is).
  const live = new Set<number>();
  const todo: number[] = [];
  for (let s = 0; s < n; s++) if (entry(s)) (live.add(s), todo.push(s));
  while (todo.length) {
    const s = todo.pop()!;
    for (const [, t] of g.succ[s]) if (inH(t) && !live.has(t)) (live.add(t), todo.push(t));
  }
  // Components of the reachable part of H (mutual reachability inside H), then every subset.
  const within = (from: number): Set<number> => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const s = stack.pop()!;
      for (const [, t] of g.succ[s]) if (live.has(t) && !seen.has(t)) (seen.add(t), stack.push(t));
    }
    return seen;
  };
  const reachOf = new Map<number, Set<number>>();
  for (const s of live) reachOf.set(s, within(s));
  const done = new Set<number>();
  for (const s of live) {
    if (done.has(s)) continue;
    const comp = [...live].filter((t) => reachOf.get(s)!.has(t) && reachOf.get(t)!.has(s));
    comp.forEach((t) => done.add(t));
    if (comp.length > maxComponent) return "too big";
    for (let mask = 1; mask < 1 << comp.length; mask++) {
      const S = new Set(comp.filter((_, i) => (mask >> i) & 1));
      if (![...S].some(accept)) continue;
      if (!stronglyConnected(g, S)) continue;
      if (naiveFair(g, S)) return "violated";
    }
  }
  return "holds";
}

/** Judges a lasso (instances from the initial state; loop; closing instance or -1) on the
 * interpreter: it replays, the property instance fails on it, and it is fair. */
export function naiveLassoOk(spec: I.Spec, g: NaiveGraph, l: I.Liveness, b: number, instances: readonly number[], loop: number, closing: number): string | null {
  const index = new Map(g.keys.map((k, i) => [k, i]));
  const path: number[] = [0];
  let cur = g.states[0];
  for (const inst of instances) {
    const r = runInstance(spec, cur, inst);
    if (r.status !== "enabled") return `step ${path.length} is ${r.status}`;
    cur = r.state;
    path.push(index.get(stateKey(cur))!);
  }
  if (closing >= 0) {
    const r = runInstance(spec, cur, closing);
    if (r.status !== "enabled" || index.get(stateKey(r.state)) !== path[loop]) return "the closing step does not go back to the loop";
  } else if (loop !== path.length - 1) return "a stutter loop must be the last state";
  const maybe = path.map((s) => naivePQ(spec, l, b, g.states[s]));
  if (maybe.some((x) => x === null)) return "evaluating the property fails on the lasso";
  const pq = maybe as { p: boolean; q: boolean }[];
  const loopQ = pq.slice(loop).map((x) => x.q);
  let violated: boolean;
  if (l.kind === "stable") violated = loopQ.some((q) => !q);
  else if (l.kind === "eventually") violated = pq.every((x) => !x.q);
  else if (l.kind === "infinitely") violated = loopQ.every((q) => !q);
  else {
    let from = pq.length;
    while (from > 0 && !pq[from - 1].q) from--;
    violated = loopQ.every((q) => !q) && pq.slice(from).some((x) => x.p);
  }
  if (!violated) return "the property holds on the lasso";
  // Fairness of the loop as toured: the loop's own states and steps, not a whole component.
  const loopStates = path.slice(loop);
  const steps: [number, number][] = [];
  for (let i = loop; i < path.length - 1; i++) steps.push([path[i], path[i + 1]]);
  if (closing >= 0) steps.push([path[path.length - 1], path[loop]]);
  const taken = new Set<string>();
  for (const [s, t] of steps) if (s !== t) for (const [inst, x] of g.succ[s]) if (x === t && g.groupOf[inst] !== null) taken.add(g.groupOf[inst]!);
  const distinct = new Set(loopStates);
  const count = new Map<string, number>();
  for (const s of distinct) for (const x of enabledGroups(g, s)) count.set(x, (count.get(x) ?? 0) + 1);
  for (const [x, c] of count) {
    if (taken.has(x)) continue;
    if (g.strong.get(x) || c === distinct.size) return `the loop is not fair to ${x}`;
  }
  return null;
}

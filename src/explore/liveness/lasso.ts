// A lasso through a fair violating component (src/explore/liveness/fair-cycles.ts): the shortest
// prefix from the initial state, then a loop inside the component that meets every fairness
// obligation and comes back.
//
// Prefix: breadth-first search over two layers: layer 0 is the whole graph, layer 1 is H; a path
// moves from layer 0 to layer 1 at an entry state (free), and ends at the first state of a fair
// component reached in layer 1. So the prefix is the shortest path from the initial state that
// enters H at an entry and reaches a fair component without leaving H.
//
// Loop: greedy, not necessarily the shortest loop (docs/liveness.md says so). From the prefix's
// last state, repeatedly walk (breadth-first, inside the component) to the nearest state that meets
// an obligation not yet met: visit a state where a weakly fair group is disabled, or take an edge of
// a fairness group, or (eventually always) visit a state where Q is false; then walk back. A
// component where no fairness group is enabled needs no steps: the loop is a stutter.

import type { Fairness } from "./fairness.js";
import type { FairCycleQuery, FairCycles } from "./fair-cycles.js";
import { bitOf, type StateGraph } from "./graph.js";

export interface GraphLasso {
  /** State numbers, from the initial state (0) to the loop's last state. */
  readonly states: number[];
  /** The instance of each step: states[i] -> states[i + 1]. */
  readonly steps: number[];
  /** Index in `states` where the loop starts. */
  readonly loop: number;
  /** The instance from the last state back to states[loop]; -1 for a stutter (loop = last). */
  readonly closing: number;
  /** Index in `states` where the path entered H at an entry state. */
  readonly entry: number;
}

/** The shortest prefix to a fair component; null if none is reachable (an explorer bug). */
function prefix(graph: StateGraph, found: FairCycles, kind: FairCycleQuery["kind"]): { states: number[]; steps: number[]; entry: number } | null {
  const n = found.compOf.length;
  const expanded = graph.expanded;
  const parent = new Int32Array(2 * n).fill(-1);
  const via = new Int32Array(2 * n).fill(-1);
  const queue = new Int32Array(2 * n);
  let head = 0;
  let tail = 0;
  let target = -1;
  const reach = (node: number, from: number, edge: number): boolean => {
    if (parent[node] !== -1) return false;
    parent[node] = from;
    via[node] = edge;
    queue[tail++] = node;
    const s = node >> 1;
    if ((node & 1) === 1 && found.compOf[s] > 0) {
      target = node;
      return true;
    }
    // Entering H at an entry costs no step: same distance, right behind.
    if ((node & 1) === 0 && found.isEntry(s)) return reach(node | 1, node, -1);
    return false;
  };
  if (kind === "eventually") {
    if (!found.isEntry(0)) return null;
    if (reach(1, -2, -1)) head = tail;
  } else if (reach(0, -2, -1)) {
    head = tail;
  }
  const { offsets, targets } = graph;
  while (head < tail && target < 0) {
    const node = queue[head++];
    const s = node >> 1;
    if (s >= expanded) continue;
    const layer = node & 1;
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const w = targets[e];
      if (layer === 1 && (w >= expanded || !found.inH(w))) continue;
      if (reach((w << 1) | layer, node, e)) break;
    }
  }
  if (target < 0) return null;
  const nodes: number[] = [];
  for (let x = target; x >= 0; x = parent[x]) nodes.push(x);
  nodes.reverse();
  const states: number[] = [];
  const steps: number[] = [];
  let entry = 0;
  for (let i = 0; i < nodes.length; i++) {
    const e = via[nodes[i]];
    if (i > 0 && e < 0) {
      entry = states.length - 1;
      continue;
    }
    if (e >= 0) steps.push(graph.insts[e]);
    states.push(nodes[i] >> 1);
  }
  return { states, steps, entry };
}

/** The loop inside the component holding `start`. */
function loop(graph: StateGraph, fairness: Fairness, found: FairCycles, query: FairCycleQuery, start: number): { states: number[]; steps: number[]; closing: number } {
  const comp = found.compOf[start];
  const { offsets, targets, insts } = graph;
  const groupOf = fairness.groupOf;
  const G = fairness.groups.length;
  const inC = (s: number) => s < found.compOf.length && found.compOf[s] === comp;
  // Obligations: per group enabled somewhere in the component; and a state where Q fails (stable).
  const enabledSomewhere = new Uint8Array(G);
  for (const s of found.components[comp - 1]) for (let e = offsets[s]; e < offsets[s + 1]; e++) if (groupOf[insts[e]] >= 0) enabledSomewhere[groupOf[insts[e]]] = 1;
  const met = new Uint8Array(G);
  let unmet = 0;
  for (let g = 0; g < G; g++) if (enabledSomewhere[g]) unmet++;
  let acceptMet = query.kind !== "stable";
  const enabledAt = (s: number): Set<number> => {
    const out = new Set<number>();
    for (let e = offsets[s]; e < offsets[s + 1]; e++) if (groupOf[insts[e]] >= 0) out.add(groupOf[insts[e]]);
    return out;
  };
  const meet = (g: number) => {
    if (!met[g] && enabledSomewhere[g]) {
      met[g] = 1;
      unmet--;
    }
  };
  const visitState = (s: number) => {
    if (!acceptMet && !bitOf(query.q, s)) acceptMet = true;
    const en = enabledAt(s);
    for (let g = 0; g < G; g++) if (enabledSomewhere[g] && !met[g] && fairness.strong[g] === 0 && !en.has(g)) meet(g);
  };
  // A step s -> w takes every group with an instance from s to w (fairness is about pairs of states).
  const takeStep = (s: number, w: number) => {
    for (let e = offsets[s]; e < offsets[s + 1]; e++) if (targets[e] === w && groupOf[insts[e]] >= 0) meet(groupOf[insts[e]]);
  };
  const usefulEdge = (s: number): number => {
    for (let e = offsets[s]; e < offsets[s + 1]; e++) {
      const g = groupOf[insts[e]];
      if (g >= 0 && !met[g] && inC(targets[e])) return e;
    }
    return -1;
  };
  const usefulState = (s: number): boolean => {
    if (!acceptMet && !bitOf(query.q, s)) return true;
    const en = enabledAt(s);
    for (let g = 0; g < G; g++) if (enabledSomewhere[g] && !met[g] && fairness.strong[g] === 0 && !en.has(g)) return true;
    return false;
  };
  /** Shortest path inside the component from `from` to the first other state `goal` accepts, as
   * [source, edge] pairs. */
  const walk = (from: number, goal: (s: number) => boolean): [number, number][] => {
    const parent = new Map<number, number>([[from, -1]]);
    const viaEdge = new Map<number, number>();
    const queue = [from];
    for (let h = 0; h < queue.length; h++) {
      const s = queue[h];
      if (h > 0 && goal(s)) {
        const path: [number, number][] = [];
        for (let x = s; x !== from; x = parent.get(x)!) path.push([parent.get(x)!, viaEdge.get(x)!]);
        return path.reverse();
      }
      for (let e = offsets[s]; e < offsets[s + 1]; e++) {
        const w = targets[e];
        if (!inC(w) || parent.has(w)) continue;
        parent.set(w, s);
        viaEdge.set(w, e);
        queue.push(w);
      }
    }
    throw new Error("lasso: the component is not strongly connected");
  };
  const states = [start];
  const steps: number[] = [];
  const follow = (path: [number, number][]) => {
    for (const [s, e] of path) {
      takeStep(s, targets[e]);
      steps.push(insts[e]);
      states.push(targets[e]);
      visitState(targets[e]);
    }
  };
  visitState(start);
  let cur = start;
  while (unmet > 0 || !acceptMet) {
    // A state's own obligations are met on arrival (visitState): what is left is an edge to take
    // from here, or a walk to the nearest state that meets or offers something.
    const here = usefulEdge(cur);
    follow(here >= 0 ? [[cur, here]] : walk(cur, (s) => usefulState(s) || usefulEdge(s) >= 0));
    cur = states[states.length - 1];
  }
  if (steps.length === 0) return { states, steps, closing: -1 };
  if (cur !== start) follow(walk(cur, (s) => s === start));
  // The last step returned to `start`: it closes the loop.
  states.pop();
  const closing = steps.pop()!;
  return { states, steps, closing };
}

/** The lasso to the nearest fair violating component; null when `found` has none. */
export function buildLasso(graph: StateGraph, fairness: Fairness, found: FairCycles, query: FairCycleQuery): GraphLasso | null {
  if (found.components.length === 0) return null;
  const pre = prefix(graph, found, query.kind);
  if (!pre) throw new Error("lasso: no path from the initial state to a fair component");
  const start = pre.states[pre.states.length - 1];
  const l = loop(graph, fairness, found, query, start);
  return {
    states: [...pre.states, ...l.states.slice(1)],
    steps: [...pre.steps, ...l.steps],
    loop: pre.states.length - 1,
    closing: l.closing,
    entry: pre.entry,
  };
}

// Exhaustive liveness checking: one breadth-first search that checks the safety properties as usual
// and records the reachable graph (src/explore/liveness/graph.ts), then per instance of every
// selected liveness property a fair-cycle search (fair-cycles.ts) and, when it finds one, a lasso
// (lasso.ts). One thread, no symmetry reduction: the fair-cycle search needs every edge of the
// unreduced graph, with each state known by its number.

import { livenessBinding, livenessInstances } from "../../ir/liveness.js";
import type { Model } from "../../model/model.js";
import type { LivenessKind } from "../../ir/ir.js";
import { bfs, type BfsOptions, type BfsResult } from "../bfs.js";
import { makePacker } from "../pack.js";
import { exactFingerprints } from "../hash.js";
import { defaultMemoryBytes } from "../bfs.js";
import { MEMORY_HEADROOM, residentBytes } from "../memory.js";
import { livenessRef, selectAll, type LivenessOutcome, type LivenessSummary, type PropertyRef, type Violation } from "../result.js";
import { FairCycleSearch } from "./fair-cycles.js";
import { fairnessOf, type Fairness } from "./fairness.js";
import { StateGraph, bitOf, type LiveInstance } from "./graph.js";
import { IndexedSet } from "./indexed-set.js";
import { buildLasso } from "./lasso.js";

export interface LivenessSearchOptions extends BfsOptions {
  /** Why the search differs from what was asked (a worker count, symmetry), to report. */
  readonly notes?: readonly string[];
  /** Try the fair-cycle search's sequential short cut first (default true; tests turn it off). */
  readonly livenessShortcut?: boolean;
}

/** Breadth-first search with the graph recorded, then the fair-cycle search of every selected
 * liveness property. Violations: the safety ones first, then one lasso per failing property. */
export function livenessSearch(model: Model, options: LivenessSearchOptions = {}): BfsResult {
  const selection = options.properties ?? selectAll(model);
  const liveness = model.spec.liveness ?? [];
  const chosen = liveness.map((_, k) => selection.liveness?.[k] ?? false);
  const instances: LiveInstance[] = [];
  liveness.forEach((l, k) => {
    if (!chosen[k]) return;
    for (let b = 0; b < livenessInstances(l); b++) instances.push({ property: k, binding: b });
  });
  const refs: PropertyRef[] = liveness.map((_, k) => livenessRef(model, k));
  const packer = makePacker(model.layout);
  const exact = exactFingerprints(packer.words) || (options.exact ?? false);
  const memory = options.memoryBytes ?? defaultMemoryBytes();
  const seen = new IndexedSet(packer.words, !exactFingerprints(packer.words) && (options.exact ?? false), memory);
  const graph = new StateGraph(model, seen, instances, refs);
  const result = bfs(model, { ...options, graph: { seen, hooks: graph, exact, bytes: () => graph.bytes() } });

  const t0 = performance.now();
  const fairness = fairnessOf(model);
  const n = seen.size;
  // The seen-set is not needed any more: let its table go before the search allocates its own.
  graph.detach();
  // The fair-cycle search's own arrays come on top of the graph: within the memory ceiling, or not at all.
  const need = FairCycleSearch.bytesFor(n, fairness.groups.length);
  let skipped = fairCycleSkip(need, result.stats.bytes, memory, residentBytes());
  const cycles = new FairCycleSearch(graph, fairness, skipped ? 0 : n, options.livenessShortcut ?? true);
  const violations: Violation[] = [...result.violations];
  const outcomes: (LivenessOutcome | null)[] = liveness.map(() => null);
  const failedEval = new Set(graph.failed.flatMap((f, k) => (f ? [k] : [])));
  liveness.forEach((l, k) => {
    if (!chosen[k]) return;
    const failing: number[][] = [];
    const vacuous: number[][] = [];
    let first: Violation | null = null;
    const j0 = instances.findIndex((x) => x.property === k);
    for (let b = 0; b < livenessInstances(l); b++) {
      const j = j0 + b;
      const query = { kind: l.kind, p: graph.p[j], q: graph.q[j] };
      if (l.kind === "leadsto" && !anyBit(graph.p[j], n)) vacuous.push(livenessBinding(l, b));
      if (failedEval.has(k)) continue;
      if (!skipped && options.shouldStop?.()) skipped = "not searched to the end: interrupted";
      if (skipped) continue;
      const found = cycles.find(query);
      if (found.components.length === 0) continue;
      failing.push(livenessBinding(l, b));
      if (first) continue;
      const lasso = buildLasso(graph, fairness, found, query);
      if (!lasso) continue;
      const trigger = triggerOf(l.kind, lasso.states, graph.p[j], graph.q[j]);
      first = {
        property: refs[k],
        instances: lasso.steps,
        lasso: { instance: b, binding: livenessBinding(l, b), loop: lasso.loop, closing: lasso.closing, ...(trigger !== undefined ? { trigger } : {}) },
      };
    }
    if (first) violations.push(first);
    outcomes[k] = { instances: livenessInstances(l), failing, vacuous, ...(failedEval.has(k) ? { failed: true } : {}), ...(skipped && !failedEval.has(k) ? { skipped } : {}) };
  });
  const summary: LivenessSummary = {
    edges: graph.offsets[graph.expanded],
    bytes: graph.bytes() + cycles.bytes(),
    searchBytes: cycles.bytes(),
    seconds: (performance.now() - t0) / 1000,
    notes: options.notes ?? [],
    properties: outcomes,
    neverEnabled: neverEnabled(graph, fairness),
  };
  return { ...result, violations, liveness: summary };
}

/** The earliest state of the lasso from which the violation holds: from it on Q is false, and for a
 * leads-to P holds in it (the judge, src/explore/liveness/lasso-check.ts, computes the same). */
function triggerOf(kind: LivenessKind, states: readonly number[], p: Int32Array, q: Int32Array): number | undefined {
  if (kind === "stable") return undefined;
  if (kind === "eventually") return 0;
  let from = states.length;
  while (from > 0 && !bitOf(q, states[from - 1])) from--;
  if (kind === "infinitely") return from;
  for (let i = from; i < states.length; i++) if (bitOf(p, states[i])) return i;
  return undefined;
}

function anyBit(set: Int32Array, n: number): boolean {
  for (let s = 0; s < n; s++) if (bitOf(set, s)) return true;
  return false;
}

/** Fairness groups enabled in no expanded state, by action. */
function neverEnabled(graph: StateGraph, fairness: Fairness): LivenessSummary["neverEnabled"] {
  const G = fairness.groups.length;
  if (G === 0) return [];
  const seen = new Uint8Array(G);
  const end = graph.offsets[graph.expanded];
  for (let e = 0; e < end; e++) {
    const g = fairness.groupOf[graph.insts[e]];
    if (g >= 0) seen[g] = 1;
  }
  const out = new Map<number, { action: number; params: number[][]; of: number }>();
  fairness.groups.forEach((g, i) => {
    let entry = out.get(g.action);
    if (!entry) out.set(g.action, (entry = { action: g.action, params: [], of: 0 }));
    entry.of++;
    if (!seen[i]) entry.params.push([...g.params]);
  });
  return [...out.values()].filter((x) => x.params.length > 0);
}

/** Why the fair-cycle search is not run: its arrays (`need` bytes) would not fit under the memory
 * ceiling, counted both on the tables and on the process's resident set (src/explore/memory.ts). */
export function fairCycleSkip(need: number, tableBytes: number, ceiling: number, resident: number): string | undefined {
  if (tableBytes + need <= ceiling && resident + need <= ceiling * (1 - MEMORY_HEADROOM)) return undefined;
  return `not searched: the fair-cycle search needs ${Math.ceil(need / 2 ** 20)} MiB more than the memory ceiling allows (use --memory to raise it)`;
}

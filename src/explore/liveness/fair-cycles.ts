// Fair cycles that violate a liveness property, on the reachable graph (src/explore/liveness/graph.ts).
//
// Every property kind reduces to one question (docs/liveness.md): is there a fair infinite path
// that, from an entry state on, stays inside a set H of states and passes through accepting states
// infinitely often?
//   P ~> Q               H = not Q, entries = P and not Q, every state accepting
//   eventually Q         H = not Q, entry = the initial state (if not Q)
//   always eventually Q  H = not Q, entries = every state of H
//   eventually always Q  H = every state, entries = every state, accepting = not Q
// A fair path ends in a strongly connected component of H (every state has a stutter self-loop, so
// a single state is a component with a cycle). A component C admits a fair cycle through all of it
// iff for every fairness group g:
//   weak:   g is taken by an edge inside C, or g is disabled in some state of C;
//   strong: g is taken by an edge inside C, or g is enabled in no state of C.
// A weak failure cannot be mended by a smaller cycle (fewer edges to take, fewer states to be
// disabled in); a strong failure can, by leaving out the states where g is enabled: those are
// removed and what is left is split into components again, round after round (Emerson and Lei's
// algorithm for Streett conditions).
//
// Tarjan's algorithm, iterative, over the CSR, linear in the edges of H. The groups a component
// takes are found during the same pass: an edge v -> w stays inside v's component exactly when w
// is on Tarjan's stack when the edge is looked at, or when w is the edge's tree child and is still
// on the stack after its own search. Which groups a state enables is the same for every property,
// and is computed once per graph. Groups are bit sets of W words per state.

import type { LivenessKind } from "../../ir/ir.js";
import type { Fairness } from "./fairness.js";
import { bitOf, type StateGraph } from "./graph.js";
import { everyCycleUnfair } from "./shortcut.js";

export interface FairCycleQuery {
  readonly kind: LivenessKind;
  /** P (leads-to) and Q as bitsets over state numbers. */
  readonly p: Int32Array;
  readonly q: Int32Array;
}

export interface FairCycles {
  /** Per state: 1 + the index in `components` of the fair violating component holding it; 0: none. */
  readonly compOf: Int32Array;
  /** The states of each fair component found (reachable from an entry inside H). */
  readonly components: Int32Array[];
  /** Whether a state lies in H. */
  inH(s: number): boolean;
  /** Whether a state is an entry (where the path may enter H). */
  isEntry(s: number): boolean;
}

/** idx[s]: OUT not in this pass's H, 0 not visited yet, DONE assigned to a component, else on the
 * stack with this DFS number. */
const OUT = -1;
const DONE = 0x7fffffff;

export class FairCycleSearch {
  private readonly idx: Int32Array;
  private readonly low: Int32Array;
  private readonly stack: Int32Array;
  private readonly callV: Int32Array;
  private readonly callE: Int32Array;
  /** Words per group set. */
  private readonly W: number;
  /** Per state, W words: the groups enabled in it. */
  private readonly enabled: Int32Array;
  /** Per state, W words: the groups of its edges that stay inside its component. */
  private readonly taken: Int32Array;
  private readonly weak: Int32Array;
  private readonly strong: Int32Array;
  private readonly andE: Int32Array;
  private readonly orE: Int32Array;
  private readonly orT: Int32Array;
  private readonly compOf: Int32Array;
  private dirty = false;
  private counter = 0;
  private components: Int32Array[] = [];
  private jobs: Int32Array[] = [];
  private query!: FairCycleQuery;

  constructor(
    private readonly graph: StateGraph,
    private readonly fairness: Fairness,
    private readonly n: number,
    /** Try the sequential test `everyCycleUnfair` first (tests turn it off to test the rest). */
    private readonly shortcut = true,
  ) {
    this.idx = new Int32Array(n);
    this.low = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.callV = new Int32Array(n);
    this.callE = new Int32Array(n);
    this.compOf = new Int32Array(n);
    const G = fairness.groups.length;
    const W = Math.max(1, Math.ceil(G / 32));
    this.W = W;
    this.enabled = new Int32Array(G === 0 ? 0 : n * W);
    this.taken = new Int32Array(G === 0 ? 0 : n * W);
    this.weak = new Int32Array(W);
    this.strong = new Int32Array(W);
    this.andE = new Int32Array(W);
    this.orE = new Int32Array(W);
    this.orT = new Int32Array(W);
    for (let g = 0; g < G; g++) (fairness.strong[g] ? this.strong : this.weak)[g >> 5] |= 1 << (g & 31);
    if (G > 0) {
      const { offsets, insts } = graph;
      const groupOf = fairness.groupOf;
      for (let s = 0; s < graph.expanded; s++) {
        for (let e = offsets[s]; e < offsets[s + 1]; e++) {
          const g = groupOf[insts[e]];
          if (g >= 0) this.enabled[s * W + (g >> 5)] |= 1 << (g & 31);
        }
      }
    }
  }

  bytes(): number {
    return this.n * 24 + this.enabled.byteLength + this.taken.byteLength;
  }

  /** What the search's arrays take for `n` states and `groups` fairness groups. */
  static bytesFor(n: number, groups: number): number {
    return n * 24 + (groups === 0 ? 0 : 2 * n * 4 * Math.ceil(groups / 32));
  }

  private inH(s: number): boolean {
    return this.query.kind === "stable" || !bitOf(this.query.q, s);
  }

  private isEntry(s: number): boolean {
    const k = this.query.kind;
    if (!this.inH(s)) return false;
    if (k === "leadsto") return bitOf(this.query.p, s);
    if (k === "eventually") return s === 0;
    return true;
  }

  private accepting(s: number): boolean {
    return this.query.kind !== "stable" || !bitOf(this.query.q, s);
  }

  /** Every fair violating component reachable from an entry inside H. */
  find(query: FairCycleQuery): FairCycles {
    this.query = query;
    this.components = [];
    this.jobs = [];
    if (this.dirty) this.compOf.fill(0);
    this.dirty = false;
    const { idx } = this;
    const expanded = this.graph.expanded;
    idx.fill(OUT);
    for (let s = 0; s < expanded; s++) if (this.inH(s)) idx[s] = 0;
    this.counter = 0;
    if (this.shortcut && everyCycleUnfair(this.graph, this.fairness, idx, this.enabled, this.W, this.andE)) return this.result();
    if (query.kind === "eventually") {
      if (expanded > 0 && idx[0] === 0) this.tarjan(0);
    } else if (query.kind === "leadsto") {
      for (let s = 0; s < expanded; s++) if (idx[s] === 0 && bitOf(query.p, s)) this.tarjan(s);
    } else {
      for (let s = 0; s < expanded; s++) if (idx[s] === 0) this.tarjan(s);
    }
    // Rounds: the components that failed only strong fairness, less the states enabling it. The
    // jobs of one round are disjoint parts of different components: one pass over their union.
    while (this.jobs.length > 0) {
      const jobs = this.jobs;
      this.jobs = [];
      idx.fill(OUT);
      for (const members of jobs) for (const s of members) idx[s] = 0;
      this.counter = 0;
      for (const members of jobs) for (const s of members) if (idx[s] === 0) this.tarjan(s);
    }
    return this.result();
  }

  private result(): FairCycles {
    return {
      compOf: this.compOf,
      components: this.components,
      inH: (s) => this.inH(s),
      isEntry: (s) => this.isEntry(s),
    };
  }

  /** Tarjan's algorithm from `root` over the states whose idx is not OUT. */
  private tarjan(root: number): void {
    const { idx, low, stack, callV, callE, taken, W } = this;
    const { offsets, targets, insts } = this.graph;
    const groupOf = this.fairness.groupOf;
    const track = taken.length > 0;
    let sp = 0;
    let counter = this.counter;
    idx[root] = low[root] = ++counter;
    stack[sp++] = root;
    if (track) for (let j = 0; j < W; j++) taken[root * W + j] = 0;
    callV[0] = root;
    callE[0] = offsets[root];
    let csp = 1;
    while (csp > 0) {
      const v = callV[csp - 1];
      let e = callE[csp - 1];
      const end = offsets[v + 1];
      let descended = false;
      while (e < end) {
        const w = targets[e++];
        const x = idx[w];
        if (x === OUT || x === DONE) continue;
        if (x === 0) {
          callE[csp - 1] = e;
          idx[w] = low[w] = ++counter;
          stack[sp++] = w;
          if (track) for (let j = 0; j < W; j++) taken[w * W + j] = 0;
          callV[csp] = w;
          callE[csp] = offsets[w];
          csp++;
          descended = true;
          break;
        }
        // w is on the stack: in v's component.
        if (x < low[v]) low[v] = x;
        if (track) {
          const g = groupOf[insts[e - 1]];
          if (g >= 0) taken[v * W + (g >> 5)] |= 1 << (g & 31);
        }
      }
      if (descended) continue;
      csp--;
      if (low[v] === idx[v]) {
        let k = sp - 1;
        while (stack[k] !== v) k--;
        for (let i = k; i < sp; i++) idx[stack[i]] = DONE;
        this.component(k, sp);
        sp = k;
      }
      if (csp > 0) {
        const u = callV[csp - 1];
        if (idx[v] !== DONE) {
          // v stays on the stack: the tree edge u -> v is inside u's component.
          if (low[v] < low[u]) low[u] = low[v];
          if (track) {
            const g = groupOf[insts[callE[csp - 1] - 1]];
            if (g >= 0) taken[u * W + (g >> 5)] |= 1 << (g & 31);
          }
        }
      }
    }
    this.counter = counter;
  }

  /** Judges the component stack[from .. to): fair (recorded), mendable (queued) or not. */
  private component(from: number, to: number): void {
    const { stack, W, enabled, taken } = this;
    let accept = false;
    for (let i = from; i < to && !accept; i++) accept = this.accepting(stack[i]);
    if (!accept) return;
    if (enabled.length === 0) {
      this.record(stack.slice(from, to));
      return;
    }
    if (to - from === 1) {
      // A single state with its stutter loop: fair when no fairness group is enabled in it.
      const b = stack[from] * W;
      for (let w = 0; w < W; w++) if (enabled[b + w] !== 0) return;
      this.record(stack.slice(from, to));
      return;
    }
    const { andE, orE, orT, weak, strong } = this;
    andE.fill(-1);
    orE.fill(0);
    orT.fill(0);
    for (let i = from; i < to; i++) {
      const b = stack[i] * W;
      for (let w = 0; w < W; w++) {
        andE[w] &= enabled[b + w];
        orE[w] |= enabled[b + w];
        orT[w] |= taken[b + w];
      }
    }
    let strongFailed = false;
    for (let w = 0; w < W; w++) {
      // Weak: enabled in every state and never taken: no smaller cycle mends it.
      if ((andE[w] & ~orT[w] & weak[w]) !== 0) return;
      // Strong: enabled somewhere and never taken.
      orE[w] = orE[w] & ~orT[w] & strong[w];
      if (orE[w] !== 0) strongFailed = true;
    }
    if (!strongFailed) {
      this.record(stack.slice(from, to));
      return;
    }
    const keep: number[] = [];
    for (let i = from; i < to; i++) {
      const b = stack[i] * W;
      let drop = false;
      for (let w = 0; w < W && !drop; w++) drop = (enabled[b + w] & orE[w]) !== 0;
      if (!drop) keep.push(stack[i]);
    }
    if (keep.length > 0) this.jobs.push(Int32Array.from(keep));
  }

  private record(members: Int32Array): void {
    this.components.push(members);
    this.dirty = true;
    const c = this.components.length;
    for (const s of members) this.compOf[s] = c;
  }
}

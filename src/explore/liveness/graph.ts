// The reachable graph, as the breadth-first search finds it, kept compactly for the fair-cycle
// search: states are numbers (in discovery order), edges a CSR (per state, its successors' numbers
// and the instances that reach them, in one array each), and per property instance two bits per
// state (P and Q). Self-loops are left out: a step that changes nothing is a stutter, which every
// state has anyway and which no fairness constraint counts (<A>_vars).
//
// Single-threaded breadth-first search expands states in their numbers' order, so the CSR is built
// as it goes: offsets[id] when state id begins, offsets[id + 1] when it ends. States numbered
// `expanded` and above were found but not expanded (the search stopped early): their successors are
// unknown, and the fair-cycle search leaves them out.

import type { Model } from "../../model/model.js";
import { FAILED_PROPERTY } from "../../model/model.js";
import type { Found } from "../checks.js";
import type { GraphHooks } from "../engine.js";
import { WELL_TYPED, type PropertyRef } from "../result.js";
import type { IndexedSet } from "./indexed-set.js";

/** One instance of a liveness property: property k, binder instance b. */
export interface LiveInstance {
  readonly property: number;
  readonly binding: number;
}

type InstArray = Uint8Array | Uint16Array | Int32Array;

function growInt32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length < 1 << 22 ? a.length * 2 : Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

export class StateGraph implements GraphHooks {
  offsets: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  targets: Int32Array<ArrayBuffer> = new Int32Array(1 << 14);
  insts: InstArray;
  /** Edges recorded (of states fully expanded, and of the one being expanded). */
  edges = 0;
  /** States 0 .. expanded - 1 are fully expanded. */
  expanded = 0;
  /** Per property instance: bitsets of the states where P holds and where Q holds. */
  readonly p: Int32Array<ArrayBuffer>[];
  readonly q: Int32Array<ArrayBuffer>[];
  private cur = -1;
  private mark = 0;
  /** Per liveness property: evaluating it failed a well_typed check in some state. */
  readonly failed: boolean[];

  private seen: IndexedSet | null;

  constructor(
    private readonly model: Model,
    seen: IndexedSet,
    readonly instances: readonly LiveInstance[],
    private readonly refs: readonly PropertyRef[],
  ) {
    const n = model.instanceCount;
    this.insts = n < 256 ? new Uint8Array(1 << 14) : n < 65536 ? new Uint16Array(1 << 14) : new Int32Array(1 << 14);
    this.p = instances.map(() => new Int32Array(1 << 9));
    this.q = instances.map(() => new Int32Array(1 << 9));
    this.failed = refs.map(() => false);
    this.seen = seen;
  }

  /** Drops the seen-set (after the search): the graph alone is what the fair-cycle search reads. */
  detach(): void {
    this.seen = null;
  }

  begin(id: number): void {
    this.cur = id;
    this.edges = this.offsets[id];
    this.mark = this.edges;
  }

  edge(inst: number): void {
    const to = this.seen!.lastId;
    if (to === this.cur) return;
    const e = this.edges++;
    if (e === this.targets.length) {
      this.targets = growInt32(this.targets, e + 1);
      const b = new (this.insts.constructor as { new (n: number): InstArray })(this.targets.length);
      b.set(this.insts);
      this.insts = b;
    }
    this.targets[e] = to;
    this.insts[e] = inst;
  }

  end(id: number): void {
    this.offsets = growInt32(this.offsets, id + 2);
    this.offsets[id + 1] = this.edges;
    this.expanded = id + 1;
    void this.mark;
  }

  label(id: number, s: Int32Array, out: Found[]): void {
    const words = (id >>> 5) + 1;
    const bit = 1 << (id & 31);
    const m = this.model;
    for (let j = 0; j < this.instances.length; j++) {
      const inst = this.instances[j];
      if (this.p[j].length < words) {
        this.p[j] = growInt32(this.p[j], words);
        this.q[j] = growInt32(this.q[j], words);
      }
      const a = m.checkLive(inst.property, 0, inst.binding, s);
      const b = a === FAILED_PROPERTY ? a : m.checkLive(inst.property, 1, inst.binding, s);
      if (b === FAILED_PROPERTY) {
        if (!this.failed[inst.property]) {
          this.failed[inst.property] = true;
          out.push({ property: WELL_TYPED, failure: { site: m.failure.site, detail: m.failure.detail }, during: this.refs[inst.property] });
        }
        continue;
      }
      if (a === 1) this.p[j][id >>> 5] |= bit;
      if (b === 1) this.q[j][id >>> 5] |= bit;
    }
  }

  /** Bytes held by the graph (edges, offsets, labels). */
  bytes(): number {
    let b = this.offsets.byteLength + this.targets.byteLength + this.insts.byteLength;
    for (let j = 0; j < this.p.length; j++) b += this.p[j].byteLength + this.q[j].byteLength;
    return b;
  }
}

export function bitOf(set: Int32Array, id: number): boolean {
  return (set[id >>> 5] & (1 << (id & 31))) !== 0;
}

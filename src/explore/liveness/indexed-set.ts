// The seen-set of a liveness search: like FingerprintSet (open addressing, linear probing), but each
// slot also holds the state's number, so a successor that was seen before is still known by its
// number: the search records every edge of the reachable graph, not only the first one into each
// state. Numbers are given in insertion order, which is the breadth-first search's discovery order.
//
// A state that packs into at most two words has an exact fingerprint (src/explore/hash.ts). Wider
// states are identified by their 64-bit fingerprint, as in TLC, unless `exact`: then the packed
// states are kept too, by number, and compared.

import { slotOf } from "../hash.js";
import { MAX_LOAD, TableFull, type SeenSet } from "../seen.js";

const MIN_CAP = 1 << 14;
const HARD_LOAD = 0.97;

export class IndexedSet implements SeenSet {
  /** Per slot: h1, h2, number + 1 (0: empty). */
  private table: Int32Array;
  private cap: number;
  private limit: number;
  private states: Int32Array;
  size = 0;
  /** The number of the state last added or found by `add`. */
  lastId = -1;
  /** Set when the table may not grow within its budget. */
  full = false;

  constructor(
    private readonly words: number,
    readonly exact: boolean,
    private readonly budget = Infinity,
  ) {
    this.cap = MIN_CAP;
    this.limit = Math.floor(MIN_CAP * MAX_LOAD);
    this.table = new Int32Array(MIN_CAP * 3);
    this.states = new Int32Array(exact ? words * 1024 : 0);
  }

  touch(h1: number): number {
    return this.table[3 * slotOf(h1, this.cap)];
  }

  private same(p: Int32Array, o: number, id: number): boolean {
    if (!this.exact) return true;
    const w = this.words;
    const st = this.states;
    for (let j = 0; j < w; j++) if (st[id * w + j] !== p[o + j]) return false;
    return true;
  }

  add(p: Int32Array, o: number, h1: number, h2: number): boolean {
    const t = this.table;
    const cap = this.cap;
    let i = slotOf(h1, cap);
    for (;;) {
      const id = t[3 * i + 2];
      if (id === 0) break;
      if (t[3 * i] === h1 && t[3 * i + 1] === h2 && this.same(p, o, id - 1)) {
        this.lastId = id - 1;
        return false;
      }
      if (++i === cap) i = 0;
    }
    const id = this.size++;
    t[3 * i] = h1;
    t[3 * i + 1] = h2;
    t[3 * i + 2] = id + 1;
    if (this.exact) this.keep(p, o, id);
    this.lastId = id;
    if (this.size > this.limit) this.grow();
    return true;
  }

  private keep(p: Int32Array, o: number, id: number): void {
    const w = this.words;
    if ((id + 1) * w > this.states.length) {
      const bigger = new Int32Array(Math.ceil(this.states.length * 1.5) + w);
      bigger.set(this.states);
      this.states = bigger;
    }
    for (let j = 0; j < w; j++) this.states[id * w + j] = p[o + j];
  }

  private grow(): void {
    const cap = this.cap < 1 << 20 ? this.cap * 2 : Math.ceil(this.cap * 1.5);
    if (this.full || this.bytes() + cap * 12 > this.budget) {
      this.full = true;
      if (this.size >= this.cap * HARD_LOAD) throw new TableFull("the state table is full");
      return;
    }
    const old = this.table;
    const t = new Int32Array(cap * 3);
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      let i = slotOf(old[j], cap);
      while (t[3 * i + 2] !== 0) if (++i === cap) i = 0;
      t[3 * i] = old[j];
      t[3 * i + 1] = old[j + 1];
      t[3 * i + 2] = old[j + 2];
    }
    this.table = t;
    this.cap = cap;
    this.limit = Math.floor(cap * MAX_LOAD);
  }

  bytes(): number {
    return this.table.byteLength + (this.exact ? this.size * this.words * 4 : 0);
  }
}

// Growing storage without doubling waste: fixed-size blocks. TraceStore keeps, per distinct state,
// its parent's number and the action instance that reached it (so the shortest path to a violation
// is rebuilt by replaying instances); Queue keeps one BFS level of packed states.

import type { LevelStore } from "./engine.js";

const BLOCK = 1 << 16;

// The trace's blocks are smaller: a block's parents are stored as 16-bit offsets from its first
// parent, which holds while they span fewer than 65,536 numbers. A breadth-first search numbers
// states in the order it finds them, expanding each level in order, so parents never decrease
// along the trace, and 4,096 consecutive states have parents within 65,535 of each other unless
// fewer than one state in 16 of their parents' level found a new one; such a block is widened to
// absolute Int32 parents. Two bytes a state instead of four (a parallel search keeps its own).
const TRACE_BITS = 12;
const TRACE_BLOCK = 1 << TRACE_BITS;
const TRACE_MASK = TRACE_BLOCK - 1;

type ViaArray = Uint8Array | Uint16Array | Int32Array;

export class TraceStore {
  /** Per block: parents as offsets from `bases[b]` (Uint16Array), or absolute (Int32Array). */
  private readonly parents: (Uint16Array | Int32Array)[] = [];
  private readonly bases: number[] = [];
  private readonly vias: ViaArray[] = [];
  private readonly makeVia: (n: number) => ViaArray;
  /** Bytes of the blocks, kept as they are added (read every 2,048 states by the search). */
  private held = 0;
  length = 0;

  /** `instances`: how many action instances the model has (picks the narrowest `via` array). */
  constructor(instances: number) {
    // Entry -1 (the initial state's) is stored as the array's maximum.
    this.makeVia = instances < 255 ? (n) => new Uint8Array(n) : instances < 65535 ? (n) => new Uint16Array(n) : (n) => new Int32Array(n);
  }

  push(parent: number, via: number): void {
    const n = this.length++;
    const b = n >>> TRACE_BITS;
    const i = n & TRACE_MASK;
    if (b === this.parents.length) {
      this.parents.push(new Uint16Array(TRACE_BLOCK));
      this.bases.push(parent);
      this.vias.push(this.makeVia(TRACE_BLOCK));
      this.held += this.parents[b].byteLength + this.vias[b].byteLength;
    }
    let blk = this.parents[b];
    if (blk instanceof Uint16Array) {
      const off = parent - this.bases[b];
      if (off >= 0 && off <= 0xffff) blk[i] = off;
      else {
        blk = this.widen(b);
        blk[i] = parent;
      }
    } else blk[i] = parent;
    this.vias[b][i] = via;
  }

  /** Block `b`'s parents as absolute numbers from now on. */
  private widen(b: number): Int32Array {
    const wide = new Int32Array(TRACE_BLOCK);
    const narrow = this.parents[b];
    const base = this.bases[b];
    for (let j = 0; j < TRACE_BLOCK; j++) wide[j] = base + narrow[j];
    this.parents[b] = wide;
    this.held += wide.byteLength - narrow.byteLength;
    return wide;
  }

  parent(n: number): number {
    const b = n >>> TRACE_BITS;
    const blk = this.parents[b];
    return blk instanceof Uint16Array ? this.bases[b] + blk[n & TRACE_MASK] : blk[n & TRACE_MASK];
  }

  via(n: number): number {
    return this.vias[n >>> TRACE_BITS][n & TRACE_MASK];
  }

  bytes(): number {
    return this.held;
  }

  /** The entries in use (for a checkpoint, whose format keeps absolute Int32 parents): parents
   * (copied, block by block), then vias (views). */
  parts(): { parents: ArrayBufferView[]; vias: ArrayBufferView[] } {
    const parents: Int32Array[] = [];
    const vias: ArrayBufferView[] = [];
    for (let b = 0; b < this.parents.length; b++) {
      const n = Math.min(TRACE_BLOCK, this.length - b * TRACE_BLOCK);
      if (n <= 0) break;
      const abs = new Int32Array(n);
      for (let j = 0; j < n; j++) abs[j] = this.parent(b * TRACE_BLOCK + j);
      parents.push(abs);
      vias.push(this.vias[b].subarray(0, n));
    }
    return { parents, vias };
  }

  /** Appends entries saved by `parts` (a fresh store: length 0). */
  restore(parents: Int32Array, vias: ArrayLike<number>): void {
    for (let j = 0; j < parents.length; j++) this.push(parents[j], vias[j]);
  }
}

/** Packed states of one level, `words` words each, in blocks; blocks are recycled by `clear`. */
export class Queue {
  private blocks: Int32Array[] = [];
  private readonly perBlock: number;
  private readonly spare: Int32Array[];
  count = 0;

  constructor(
    private readonly words: number,
    spare: Int32Array[] = [],
  ) {
    this.perBlock = Math.max(1, Math.floor(BLOCK / words));
    this.spare = spare;
  }

  /** Room for one more state: the block and the offset to write its words at. */
  slot(): { block: Int32Array; at: number } {
    const n = this.count++;
    const b = Math.floor(n / this.perBlock);
    if (b === this.blocks.length) this.blocks.push(this.spare.pop() ?? new Int32Array(this.perBlock * this.words));
    return { block: this.blocks[b], at: (n - b * this.perBlock) * this.words };
  }

  push(p: Int32Array, o: number): void {
    const n = this.count++;
    const b = Math.floor(n / this.perBlock);
    if (b === this.blocks.length) this.blocks.push(this.spare.pop() ?? new Int32Array(this.perBlock * this.words));
    const blk = this.blocks[b];
    const at = (n - b * this.perBlock) * this.words;
    for (let j = 0; j < this.words; j++) blk[at + j] = p[o + j];
  }

  /** The block holding state `i` and sets `Queue.at` to its offset there. */
  blockOf(i: number): Int32Array {
    const b = Math.floor(i / this.perBlock);
    Queue.at = (i - b * this.perBlock) * this.words;
    return this.blocks[b];
  }
  static at = 0;

  /** The states from number `from` on, as views of the blocks (for a checkpoint). */
  parts(from: number): Int32Array[] {
    const out: Int32Array[] = [];
    for (let i = from; i < this.count; ) {
      const b = Math.floor(i / this.perBlock);
      const end = Math.min(this.count, (b + 1) * this.perBlock);
      out.push(this.blocks[b].subarray((i - b * this.perBlock) * this.words, (end - b * this.perBlock) * this.words));
      i = end;
    }
    return out;
  }

  /** Appends `n` packed states stored one after another in `flat`. */
  pushAll(flat: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) this.push(flat, i * this.words);
  }

  /** Empties the queue; its blocks go to the spare pool shared with the other level. */
  clear(): void {
    for (const b of this.blocks) this.spare.push(b);
    this.blocks = [];
    this.count = 0;
  }

  bytes(): number {
    return this.blocks.length * this.perBlock * this.words * 4;
  }
}

/** One thread's levels: the queue being expanded, the queue being filled, and the trace. */
export class LocalLevels implements LevelStore {
  private readonly spare: Int32Array[] = [];
  cur: Queue;
  next: Queue;
  readonly trace: TraceStore;

  constructor(words: number, instances: number) {
    this.cur = new Queue(words, this.spare);
    this.next = new Queue(words, this.spare);
    this.trace = new TraceStore(instances);
  }

  add(parent: number, inst: number, p: Int32Array, o: number): number {
    const n = this.trace.length;
    this.trace.push(parent, inst);
    this.next.push(p, o);
    return n;
  }

  swap(): void {
    const t = this.cur;
    t.clear();
    this.cur = this.next;
    this.next = t;
  }

  bytes(): number {
    return this.trace.bytes() + this.cur.bytes() + this.next.bytes() + this.spare.reduce((n, b) => n + b.byteLength, 0);
  }
}

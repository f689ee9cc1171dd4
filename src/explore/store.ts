// Growing storage without doubling waste: fixed-size blocks. TraceStore keeps, per distinct state,
// its parent's number and the action instance that reached it (so the shortest path to a violation
// is rebuilt by replaying instances); Queue keeps one BFS level of packed states.

import type { LevelStore } from "./engine.js";

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

type ViaArray = Uint8Array | Uint16Array | Int32Array;

export class TraceStore {
  private readonly parents: Int32Array[] = [];
  private readonly vias: ViaArray[] = [];
  private readonly makeVia: (n: number) => ViaArray;
  length = 0;

  /** `instances`: how many action instances the model has (picks the narrowest `via` array). */
  constructor(instances: number) {
    // Entry -1 (the initial state's) is stored as the array's maximum.
    this.makeVia = instances < 255 ? (n) => new Uint8Array(n) : instances < 65535 ? (n) => new Uint16Array(n) : (n) => new Int32Array(n);
  }

  push(parent: number, via: number): void {
    const n = this.length++;
    const b = n >>> BLOCK_BITS;
    if (b === this.parents.length) {
      this.parents.push(new Int32Array(BLOCK));
      this.vias.push(this.makeVia(BLOCK));
    }
    this.parents[b][n & MASK] = parent;
    this.vias[b][n & MASK] = via;
  }

  parent(n: number): number {
    return this.parents[n >>> BLOCK_BITS][n & MASK];
  }

  via(n: number): number {
    return this.vias[n >>> BLOCK_BITS][n & MASK];
  }

  bytes(): number {
    let b = 0;
    for (let i = 0; i < this.parents.length; i++) b += this.parents[i].byteLength + this.vias[i].byteLength;
    return b;
  }

  /** The blocks, to send to another thread. */
  export(): { parents: Int32Array[]; vias: ViaArray[]; length: number } {
    return { parents: this.parents, vias: this.vias, length: this.length };
  }

  /** The entries in use, as views (for a checkpoint): parents, then vias. */
  parts(): { parents: ArrayBufferView[]; vias: ArrayBufferView[] } {
    const used = (arr: ViaArray[] | Int32Array[]) =>
      arr.map((b, i) => b.subarray(0, Math.max(0, Math.min(BLOCK, this.length - i * BLOCK)))).filter((v) => v.length > 0);
    return { parents: used(this.parents), vias: used(this.vias) };
  }

  /** Appends entries saved by `parts` (a fresh store: length 0). */
  restore(parents: Int32Array, vias: ArrayLike<number>): void {
    for (let at = 0; at < parents.length; at += BLOCK) {
      const n = Math.min(BLOCK, parents.length - at);
      const p = new Int32Array(BLOCK);
      const v = this.makeVia(BLOCK);
      p.set(parents.subarray(at, at + n));
      for (let j = 0; j < n; j++) v[j] = vias[at + j];
      this.parents.push(p);
      this.vias.push(v);
    }
    this.length += parents.length;
  }
}

/** A read-only view of a TraceStore's exported blocks. */
export class TraceView {
  constructor(private readonly t: { parents: Int32Array[]; vias: ViaArray[]; length: number }) {}
  parent(n: number): number {
    return this.t.parents[n >>> BLOCK_BITS][n & MASK];
  }
  via(n: number): number {
    return this.t.vias[n >>> BLOCK_BITS][n & MASK];
  }
  get length(): number {
    return this.t.length;
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

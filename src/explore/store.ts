// Growing storage without doubling waste: fixed-size blocks. TraceStore keeps, per distinct state,
// its parent's number and the action instance that reached it (so the shortest path to a violation
// is rebuilt by replaying instances); Queue keeps one BFS level of packed states.

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

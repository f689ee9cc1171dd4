// Sets of visited states, keyed by a packed state's 64-bit fingerprint (h1, h2).
//   FingerprintSet        open addressing, linear probing, any capacity (fastrange), grows by 1.5x
//                         at load 0.8: 10 to 15 bytes per state.
//   SharedFingerprintSet  the same table in a SharedArrayBuffer for parallel workers: slots are
//                         claimed with Atomics.compareExchange; it grows in place at a barrier.
//   ExactSet              whole packed states (no collisions even for wide states).
//   DirectSet             one bit per possible state, for states that pack into at most 26 bits
//                         (BFT(12,3): 24 bits, a 2 MiB bitmap): exact, no hashing, lock-free
//                         when shared (Atomics.or).
//   BitstateSet           Spin's supertrace: k bits per state in a fixed bit array; a state whose
//                         bits are all set already is taken as seen (it may not be: coverage < 1).

import { fingerprint, slotOf } from "./hash.js";

export interface SeenSet {
  /** Adds the packed state at `p[o ..]` with fingerprint (h1, h2); true when it was not there yet. */
  add(p: Int32Array, o: number, h1: number, h2: number): boolean;
  readonly size: number;
  /** Reads (and returns) the table word where a lookup of h1 starts: warms the cache. */
  touch(h1: number): number;
  /** Bytes held now. */
  bytes(): number;
}

export const MAX_LOAD = 0.8;
const HARD_LOAD = 0.97;
const MIN_CAP = 1 << 14;

/** Doubling while small (fewer rehashes), then 1.5x (less memory per state). */
function grownCap(cap: number): number {
  return cap < 1 << 20 ? cap * 2 : Math.ceil(cap * 1.5);
}

/** Thrown when a seen-set is full and may not grow (the memory ceiling): the search stops cleanly. */
export class TableFull extends Error {}

export class FingerprintSet implements SeenSet {
  private table: Int32Array;
  private cap: number;
  private limit: number;
  private hasZero = false;
  size = 0;
  /** Set when the table may not grow within its budget; it then fills up to HARD_LOAD. */
  full = false;

  /** `budget`: the most bytes the table may hold, old and new table together while growing;
   * `room(bytes)`: whether the process may allocate that many more bytes (the memory ceiling). */
  constructor(
    expected = 0,
    private readonly budget = Infinity,
    private readonly room: (bytes: number) => boolean = () => true,
  ) {
    let cap = MIN_CAP;
    while (cap * MAX_LOAD < expected) cap = grownCap(cap);
    this.cap = cap;
    this.limit = Math.floor(cap * MAX_LOAD);
    this.table = new Int32Array(cap * 2);
  }

  touch(h1: number): number {
    return this.table[2 * slotOf(h1, this.cap)];
  }

  add(_p: Int32Array, _o: number, h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) {
      // (0, 0) marks an empty slot; the one state with this fingerprint is kept aside.
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size++;
      return true;
    }
    const t = this.table;
    const cap = this.cap;
    let i = slotOf(h1, cap);
    for (;;) {
      const a = t[2 * i];
      const b = t[2 * i + 1];
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return false;
      if (++i === cap) i = 0;
    }
    t[2 * i] = h1;
    t[2 * i + 1] = h2;
    if (++this.size > this.limit) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.table;
    const cap = grownCap(this.cap);
    if (this.full || old.byteLength + cap * 8 > this.budget || !this.room(cap * 8)) {
      this.full = true;
      if (this.size >= this.cap * HARD_LOAD) throw new TableFull("the fingerprint table is full");
      return;
    }
    const t = new Int32Array(cap * 2);
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j];
      const b = old[j + 1];
      if (a === 0 && b === 0) continue;
      let i = slotOf(a, cap);
      while (t[2 * i] !== 0 || t[2 * i + 1] !== 0) if (++i === cap) i = 0;
      t[2 * i] = a;
      t[2 * i + 1] = b;
    }
    this.table = t;
    this.cap = cap;
    this.limit = Math.floor(cap * MAX_LOAD);
  }

  bytes(): number {
    return this.table.byteLength;
  }

  /** What a checkpoint saves (src/explore/checkpoint-seen.ts); `adopt` takes it back. */
  state(): { table: Int32Array; size: number; hasZero: boolean; full: boolean } {
    return { table: this.table, size: this.size, hasZero: this.hasZero, full: this.full };
  }

  adopt(s: { table: Int32Array; size: number; hasZero: boolean; full: boolean }): void {
    this.table = s.table;
    this.cap = s.table.length >> 1;
    this.limit = Math.floor(this.cap * MAX_LOAD);
    this.size = s.size;
    this.hasZero = s.hasZero;
    this.full = s.full;
  }
}

/**
 * The fingerprint table shared by parallel workers. The buffer is reserved for the largest table
 * the memory ceiling allows (the OS commits pages only when touched), and the part in use grows in
 * place while every worker waits at a barrier. A slot is claimed by a compare-and-swap of its first
 * word; the second word follows at once, and a reader that sees the first word of its own
 * fingerprint waits for the second. h1 and h2 are never 0 here (0 marks "empty"/"not yet written").
 */
export class SharedFingerprintSet implements SeenSet {
  readonly table: Int32Array;
  cap: number;
  /** Inserts made by this worker (the global size is the sum over workers). */
  size = 0;

  constructor(
    readonly buffer: SharedArrayBuffer,
    cap: number,
  ) {
    this.table = new Int32Array(buffer);
    this.cap = cap;
  }

  static create(maxCap: number, cap: number): SharedFingerprintSet {
    return new SharedFingerprintSet(new SharedArrayBuffer(maxCap * 8), Math.min(cap, maxCap));
  }

  get maxCap(): number {
    return this.table.length >> 1;
  }

  touch(h1: number): number {
    return this.table[2 * slotOf(h1 === 0 ? 0x6b43a9b5 : h1, this.cap)];
  }

  add(_p: Int32Array, _o: number, h1: number, h2: number): boolean {
    if (h1 === 0) h1 = 0x6b43a9b5;
    if (h2 === 0) h2 = 0x2f1a7c31;
    const t = this.table;
    const cap = this.cap;
    let i = slotOf(h1, cap);
    for (;;) {
      let a = t[2 * i];
      if (a === 0) {
        a = Atomics.compareExchange(t, 2 * i, 0, h1);
        if (a === 0) {
          Atomics.store(t, 2 * i + 1, h2);
          this.size++;
          return true;
        }
      }
      if (a === h1) {
        // A plain read is enough unless the claiming worker has not written the second word yet.
        let b = t[2 * i + 1];
        while (b === 0) b = Atomics.load(t, 2 * i + 1);
        if (b === h2) return false;
      }
      if (++i === cap) i = 0;
    }
  }

  /** Copies the table to `scratch` and empties it with capacity `cap` (one worker, others waiting). */
  beginGrow(scratch: Int32Array, cap: number): void {
    const used = this.cap * 2;
    scratch.set(this.table.subarray(0, used));
    this.table.fill(0, 0, used);
    this.cap = cap;
  }

  /** Re-inserts slots [from, to) of the old table copied in `scratch` (every worker a share). */
  rehashFrom(scratch: Int32Array, from: number, to: number): void {
    const t = this.table;
    const cap = this.cap;
    for (let j = from; j < to; j++) {
      const a = scratch[2 * j];
      if (a === 0) continue;
      const b = scratch[2 * j + 1];
      let i = slotOf(a, cap);
      for (;;) {
        if (t[2 * i] === 0 && Atomics.compareExchange(t, 2 * i, 0, a) === 0) {
          Atomics.store(t, 2 * i + 1, b);
          break;
        }
        if (++i === cap) i = 0;
      }
    }
  }

  /** Rehashes into a capacity of `cap` slots, in place; only while no other worker touches it. */
  growTo(cap: number): void {
    const used = this.cap * 2;
    const old = this.table.slice(0, used);
    this.table.fill(0, 0, used);
    const t = this.table;
    for (let j = 0; j < used; j += 2) {
      const a = old[j];
      if (a === 0) continue;
      let i = slotOf(a, cap);
      while (t[2 * i] !== 0) if (++i === cap) i = 0;
      t[2 * i] = a;
      t[2 * i + 1] = old[j + 1];
    }
    this.cap = cap;
  }

  bytes(): number {
    return this.cap * 8;
  }
}

/** The shared table doubles: its growth is serial (every worker waits), so it should be rare. */
export function sharedGrownCap(cap: number, maxCap: number): number {
  return Math.min(maxCap, cap * 2);
}

/** Largest packed size (bits) for which DirectSet is used: a bitmap of 8 MiB. */
export const DIRECT_MAX_BITS = 26;

/** One bit per possible packed state (a packed state is < 2^bits, in one word). */
export class DirectSet implements SeenSet {
  readonly map: Int32Array;
  size = 0;

  constructor(bits: number, buffer?: SharedArrayBuffer) {
    const words = Math.max(1, 2 ** bits / 32);
    this.map = buffer ? new Int32Array(buffer) : new Int32Array(words);
  }

  static sharedBuffer(bits: number): SharedArrayBuffer {
    return new SharedArrayBuffer(Math.max(1, 2 ** bits / 32) * 4);
  }

  touch(): number {
    return 0;
  }

  add(p: Int32Array, o: number): boolean {
    const x = p[o];
    const at = x >>> 5;
    const bit = 1 << (x & 31);
    const w = this.map[at];
    if ((w & bit) !== 0) return false;
    this.map[at] = w | bit;
    this.size++;
    return true;
  }

  bytes(): number {
    return this.map.byteLength;
  }
}

/** DirectSet over shared memory: Atomics.or tells which worker set the bit first. */
export class SharedDirectSet extends DirectSet {
  constructor(buffer: SharedArrayBuffer) {
    super(0, buffer);
  }

  override add(p: Int32Array, o: number): boolean {
    const x = p[o];
    const at = x >>> 5;
    const bit = 1 << (x & 31);
    if ((this.map[at] & bit) !== 0) return false;
    if ((Atomics.or(this.map, at, bit) & bit) !== 0) return false;
    this.size++;
    return true;
  }
}

/** Whole packed states: an index of state numbers (open addressing) over a growing store. */
export class ExactSet implements SeenSet {
  private index: Int32Array;
  private cap: number;
  private states: Int32Array;
  size = 0;

  constructor(private readonly words: number) {
    this.cap = MIN_CAP;
    this.index = new Int32Array(this.cap);
    this.states = new Int32Array(words * 1024);
  }

  touch(h1: number): number {
    return this.index[slotOf(h1, this.cap)];
  }

  private equal(p: Int32Array, o: number, k: number): boolean {
    const w = this.words;
    const st = this.states;
    for (let j = 0; j < w; j++) if (st[k * w + j] !== p[o + j]) return false;
    return true;
  }

  add(p: Int32Array, o: number, h1: number): boolean {
    let i = slotOf(h1, this.cap);
    for (;;) {
      const k = this.index[i] - 1;
      if (k < 0) break;
      if (this.equal(p, o, k)) return false;
      if (++i === this.cap) i = 0;
    }
    const k = this.size++;
    const w = this.words;
    if ((k + 1) * w > this.states.length) {
      const bigger = new Int32Array(this.states.length * 2);
      bigger.set(this.states);
      this.states = bigger;
    }
    for (let j = 0; j < w; j++) this.states[k * w + j] = p[o + j];
    this.index[i] = k + 1;
    if (this.size > this.cap * MAX_LOAD) this.grow();
    return true;
  }

  private grow(): void {
    const cap = grownCap(this.cap);
    const index = new Int32Array(cap);
    const w = this.words;
    for (let k = 0; k < this.size; k++) {
      let i = slotOf(fingerprint(this.states, k * w, w), cap);
      while (index[i] !== 0) if (++i === cap) i = 0;
      index[i] = k + 1;
    }
    this.index = index;
    this.cap = cap;
  }

  bytes(): number {
    return this.index.byteLength + this.size * this.words * 4;
  }

  state(): { index: Int32Array; states: Int32Array; size: number } {
    return { index: this.index, states: this.states.subarray(0, this.size * this.words), size: this.size };
  }

  adopt(s: { index: Int32Array; states: Int32Array; size: number }): void {
    this.index = s.index;
    this.cap = s.index.length;
    this.states = s.states.length > 0 ? s.states : new Int32Array(this.words * 1024);
    this.size = s.size;
  }
}

export const MAX_BITSTATE_BITS = 2 ** 32;

/**
 * Spin's bitstate hashing: `k` bits per state in an array of `bits` bits (double hashing). The
 * size is a power of two (the largest not above the one asked for), so a bit's position is a mask,
 * not a division, and an odd step visits the whole ring.
 */
export class BitstateSet implements SeenSet {
  private readonly words: Int32Array;
  readonly bits: number;
  readonly k: number;
  private readonly mask: number;
  size = 0;
  /** Bits set so far. */
  ones = 0;
  /** Expected states wrongly taken as seen so far: the sum of fill^k over insertions. */
  omitted = 0;

  constructor(bits: number, k = 3) {
    // Bit positions stay below 2^32 so that 32-bit shifts address them.
    const wanted = Math.min(MAX_BITSTATE_BITS, Math.max(64, bits));
    this.bits = 2 ** Math.floor(Math.log2(wanted));
    this.mask = this.bits - 1;
    this.words = new Int32Array(this.bits / 32);
    this.k = k;
  }

  touch(h1: number): number {
    return this.words[((h1 >>> 0) & this.mask) >>> 5];
  }

  add(_p: Int32Array, _o: number, h1: number, h2: number): boolean {
    const mask = this.mask;
    const w = this.words;
    // With a 2^32-bit array `& mask` gives the int32 view of the uint32 position; `>>> 5` and
    // `& 31` read it as unsigned again.
    let x = (h1 >>> 0) & mask;
    const step = ((h2 >>> 0) & mask) | 1;
    let fresh = false;
    for (let j = 0; j < this.k; j++) {
      const bit = 1 << (x & 31);
      const at = x >>> 5;
      if ((w[at] & bit) === 0) {
        w[at] |= bit;
        this.ones++;
        fresh = true;
      }
      x = (x + step) & mask;
    }
    if (!fresh) return false;
    this.size++;
    const f = this.ones / this.bits;
    let p = f;
    for (let j = 1; j < this.k; j++) p *= f;
    this.omitted += p / (1 - p + 1e-12);
    return true;
  }

  /** Estimated fraction of the reachable states that were explored. */
  coverage(): number {
    return this.size / (this.size + this.omitted);
  }

  bytes(): number {
    return this.words.byteLength;
  }

  state(): { words: Int32Array; size: number; ones: number; omitted: number } {
    return { words: this.words, size: this.size, ones: this.ones, omitted: this.omitted };
  }

  adopt(s: { words: Int32Array; size: number; ones: number; omitted: number }): void {
    this.words.set(s.words);
    this.size = s.size;
    this.ones = s.ones;
    this.omitted = s.omitted;
  }
}

import { fingerprint } from "./hash.js";

// Sets of visited states. FingerprintSet keeps 64-bit fingerprints in one Int32Array with open
// addressing and linear probing; ExactSet keeps whole state vectors (no collisions, more memory).

export interface SeenSet {
  /** Adds a state with fingerprint (h1, h2); true when it was not there yet. */
  add(s: Int32Array, h1: number, h2: number): boolean;
  readonly size: number;
  /** Bytes held now. */
  bytes(): number;
}

const MAX_LOAD = 0.75;

export class FingerprintSet implements SeenSet {
  private table: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1 << 16) {
    let cap = 1 << 10;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  add(_s: Int32Array, h1: number, h2: number): boolean {
    if (h1 === 0 && h2 === 0) h2 = 1; // (0, 0) marks an empty slot
    const t = this.table;
    const mask = this.mask;
    let i = h1 & mask;
    for (;;) {
      const a = t[2 * i];
      const b = t[2 * i + 1];
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
    t[2 * i] = h1;
    t[2 * i + 1] = h2;
    if (++this.size > (mask + 1) * MAX_LOAD) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const t = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j];
      const b = old[j + 1];
      if (a === 0 && b === 0) continue;
      let i = a & mask;
      while (t[2 * i] !== 0 || t[2 * i + 1] !== 0) i = (i + 1) & mask;
      t[2 * i] = a;
      t[2 * i + 1] = b;
    }
    this.table = t;
    this.mask = mask;
  }

  bytes(): number {
    return this.table.byteLength;
  }

  /** Bytes the table will take after its next growth. */
  nextGrowthBytes(): number {
    return this.table.byteLength * 2;
  }
}

export class ExactSet implements SeenSet {
  private index: Int32Array;
  private mask: number;
  private states: Int32Array;
  private readonly width: number;
  size = 0;

  constructor(width: number, expected = 1 << 12) {
    let cap = 1 << 10;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.index = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.width = Math.max(1, width);
    this.states = new Int32Array(this.width * 1024);
  }

  private equal(s: Int32Array, k: number): boolean {
    const w = this.width;
    const st = this.states;
    for (let j = 0; j < s.length; j++) if (st[k * w + j] !== s[j]) return false;
    return true;
  }

  add(s: Int32Array, h1: number): boolean {
    let i = h1 & this.mask;
    for (;;) {
      const k = this.index[i];
      if (k < 0) break;
      if (this.equal(s, k)) return false;
      i = (i + 1) & this.mask;
    }
    const k = this.size++;
    if ((k + 1) * this.width > this.states.length) {
      const bigger = new Int32Array(this.states.length * 2);
      bigger.set(this.states);
      this.states = bigger;
    }
    this.states.set(s, k * this.width);
    this.index[i] = k;
    if (this.size > (this.mask + 1) * MAX_LOAD) this.grow();
    return true;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const index = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    const probe = new Int32Array(this.width);
    for (let k = 0; k < this.size; k++) {
      probe.set(this.states.subarray(k * this.width, (k + 1) * this.width));
      let i = hashState(probe) & mask;
      while (index[i] >= 0) i = (i + 1) & mask;
      index[i] = k;
    }
    this.index = index;
    this.mask = mask;
  }

  bytes(): number {
    return this.index.byteLength + this.states.byteLength;
  }
}

function hashState(s: Int32Array): number {
  return fingerprint(s, s.length);
}

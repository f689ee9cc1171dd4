// The spec states consistent with every event seen so far: flat Int32Array states in one arena,
// deduplicated with an open-addressing hash table, with how each was reached (the candidate it came
// from in the previous set, and the action instance). Nothing is allocated per event: the arena
// and the table grow (by doubling) up to the bound, and clearing touches only the slots used.

export const ADDED = 1;
export const DUPLICATE = 0;
export const FULL = -1;

function nextPow2(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}

export class CandidateSet {
  count = 0;
  private capacity = 0;
  private data = new Int32Array(0);
  /** One view per slot of the arena, made when the arena grows. */
  private views: Int32Array[] = [];
  parent = new Int32Array(0);
  inst = new Int32Array(0);
  private hashes = new Int32Array(0);
  /** Candidate index + 1, or 0 for an empty slot. */
  private table = new Int32Array(0);
  private mask = 0;
  /** Table slots in use, to clear them. */
  private used = new Int32Array(0);
  /** The first candidate is put in the table only when a second one comes. */
  private hashedFirst = false;

  constructor(
    readonly width: number,
    readonly max: number,
  ) {
    this.grow(1);
  }

  private grow(min: number): void {
    const cap = Math.min(this.max, Math.max(min, this.capacity * 2, 4));
    if (cap <= this.capacity) return;
    const w = this.width;
    const data = new Int32Array(cap * w);
    data.set(this.data.subarray(0, this.count * w));
    this.data = data;
    this.views = Array.from({ length: cap }, (_, i) => data.subarray(i * w, (i + 1) * w));
    const grown = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.parent = grown(this.parent);
    this.inst = grown(this.inst);
    this.hashes = grown(this.hashes);
    this.capacity = cap;
    const size = nextPow2(cap * 2);
    if (size !== this.table.length) {
      this.table = new Int32Array(size);
      this.mask = size - 1;
      this.used = new Int32Array(size);
      this.hashedFirst = false;
      this.rehash();
    }
  }

  private rehash(): void {
    this.table.fill(0);
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      this.hashes[i] = this.hashOf(this.data, i * this.width);
      this.used[n++] = this.insert(i);
    }
    this.hashedFirst = this.count > 0;
  }

  /** The state of candidate `i` (a view into the arena: valid until the set grows). */
  state(i: number): Int32Array {
    return this.views[i];
  }

  clear(): void {
    // Only the first `count` used slots were filled (one per candidate put in the table).
    const n = this.hashedFirst ? this.count : 0;
    for (let i = 0; i < n; i++) this.table[this.used[i]] = 0;
    this.count = 0;
    this.hashedFirst = false;
  }

  private hashOf(s: Int32Array, at: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < this.width; i++) {
      h = Math.imul(h ^ s[at + i], 0x01000193);
      h ^= h >>> 15;
    }
    return h;
  }

  private equalAt(i: number, s: Int32Array): boolean {
    const base = i * this.width;
    for (let k = 0; k < this.width; k++) if (this.data[base + k] !== s[k]) return false;
    return true;
  }

  /** Puts candidate `i` (already in the arena, its hash in `hashes`) into the table; its slot. */
  private insert(i: number): number {
    let slot = this.hashes[i] & this.mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    this.table[slot] = i + 1;
    return slot;
  }

  /** Adds `s` (reached from candidate `parent` by `inst`): ADDED, DUPLICATE, or FULL (dropped). */
  add(s: Int32Array, parent: number, inst: number): number {
    const n = this.count;
    const w = this.width;
    if (n === 0) {
      this.data.set(s, 0);
      this.parent[0] = parent;
      this.inst[0] = inst;
      this.count = 1;
      return ADDED;
    }
    if (!this.hashedFirst) {
      this.hashes[0] = this.hashOf(this.data, 0);
      this.used[0] = this.insert(0);
      this.hashedFirst = true;
    }
    const h = this.hashOf(s, 0);
    let slot = h & this.mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      if (this.hashes[e - 1] === h && this.equalAt(e - 1, s)) return DUPLICATE;
      slot = (slot + 1) & this.mask;
    }
    if (n === this.capacity) {
      if (n >= this.max) return FULL;
      this.grow(n + 1);
      // The table may have been rebuilt: find the free slot again.
      slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
    }
    this.data.set(s, n * w);
    this.parent[n] = parent;
    this.inst[n] = inst;
    this.hashes[n] = h;
    this.table[slot] = n + 1;
    this.used[n] = slot;
    this.count = n + 1;
    return ADDED;
  }

  /** Makes this set hold exactly one state (the initial one). */
  reset(s: Int32Array): void {
    this.clear();
    this.add(s, -1, -1);
  }
}

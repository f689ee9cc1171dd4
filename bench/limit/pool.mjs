// The hand-written limit for POOL(N, B, R) (../shared/anchors/MODELS.md): what a plain JavaScript
// program does with flat typed arrays and no abstraction, to tell how far stakecheck's generated
// code and search are from the platform's own limit. Its own code, no stakecheck import.
//
//   node bench/limit/pool.mjs bfs N B R            breadth-first search, every invariant on every new state
//   node bench/limit/pool.mjs walk N B R DEPTH RUNS random walks, uniform over the enabled actions,
//                                                  every invariant on every step
// Prints one JSON line: counts, the search's wall seconds and CPU seconds (process.cpuUsage).

const [mode, ...rest] = process.argv.slice(2);
const [N, B, R] = rest.slice(0, 3).map(Number);
const V = N * B + R; // every counter stays in 0..V (Conservation)
const bitsOf = (n) => 32 - Math.clz32(n);
const CB = bitsOf(V); // bits per counter
const MB = bitsOf(R); // bits of minted
const SLOTS = 3 * N + 2; // bal[0..N), stake[0..N), pending[0..N), slashed, minted
const SLASHED = 3 * N;
const MINTED = 3 * N + 1;

// Fields are packed into 32-bit words, never split across two; word 0 keeps bit 31 free for the
// table's "occupied" mark.
const wordOf = new Int32Array(SLOTS);
const shiftOf = new Int32Array(SLOTS);
let W = 1;
{
  let used = 0;
  for (let k = 0; k < SLOTS; k++) {
    const b = k === MINTED ? MB : CB;
    if (used + b > (W === 1 ? 31 : 32)) {
      W++;
      used = 0;
    }
    wordOf[k] = W - 1;
    shiftOf[k] = used;
    used += b;
  }
}
const maskOf = (k) => (k === MINTED ? (1 << MB) - 1 : (1 << CB) - 1);

const v = new Int32Array(SLOTS);
const key = new Int32Array(W);

function pack() {
  key.fill(0);
  for (let k = 0; k < SLOTS; k++) key[wordOf[k]] |= v[k] << shiftOf[k];
}

function unpack(src, at) {
  for (let k = 0; k < SLOTS; k++) v[k] = (src[at + wordOf[k]] >>> shiftOf[k]) & maskOf(k);
}

function invariantsHold() {
  let sum = v[SLASHED];
  for (let i = 0; i < 3 * N; i++) {
    if (v[i] < 0) return false; // NonNegative
    sum += v[i];
  }
  return sum === N * B + v[MINTED] && v[SLASHED] <= N * B + v[MINTED]; // Conservation, SlashBound
}

// A state is at most three words, kept in locals: the search never unpacks a state to make its
// successors, it adds each action's deltas to the packed words (fields never overflow: 0..V).
if (W > 3) throw new Error("more than 96 bits: not supported by this hand-written limit");

function hash3(k0, k1, k2) {
  let h = Math.imul(k0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ k1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ k2, 0x85ebca6b);
  return h ^ (h >>> 15);
}

function bfs() {
  let cap = 1 << 16;
  let table = new Int32Array(cap * 3);
  let count = 0;
  let generated = 1;
  let cur = new Int32Array(3 * 1024);
  let next = new Int32Array(3 * 1024);
  let nextLen = 0;
  let depth = 1;
  let violations = 0;

  // Word 0 is stored with bit 31 set: a zero word marks an empty slot.
  const insert = (k0, k1, k2) => {
    const m0 = k0 | 0x80000000;
    let i = (hash3(k0, k1, k2) >>> 0) & (cap - 1);
    for (;;) {
      const at = i * 3;
      const t0 = table[at];
      if (t0 === 0) {
        table[at] = m0;
        table[at + 1] = k1;
        table[at + 2] = k2;
        return true;
      }
      if (t0 === m0 && table[at + 1] === k1 && table[at + 2] === k2) return false;
      i = (i + 1) & (cap - 1);
    }
  };
  const found = (a0, a1, a2) => {
    const k0 = a0 | 0, k1 = a1 | 0, k2 = a2 | 0; // sums past 2^31 wrap as the stored words do
    generated++;
    if (!insert(k0, k1, k2)) return;
    count++;
    key[0] = k0;
    if (W > 1) key[1] = k1;
    if (W > 2) key[2] = k2;
    unpack(key, 0);
    if (!invariantsHold()) violations++;
    if ((nextLen + 1) * 3 > next.length) {
      const bigger = new Int32Array(next.length * 2);
      bigger.set(next);
      next = bigger;
    }
    next[nextLen * 3] = k0;
    next[nextLen * 3 + 1] = k1;
    next[nextLen * 3 + 2] = k2;
    nextLen++;
    if (count > cap * 0.75) {
      const old = table;
      const oldCap = cap;
      cap *= 2;
      table = new Int32Array(cap * 3);
      for (let j = 0; j < oldCap; j++) if (old[j * 3] !== 0) insert(old[j * 3] & 0x7fffffff, old[j * 3 + 1], old[j * 3 + 2]);
    }
  };

  // Each field's unit in its word, and where to read it.
  const unit = (k) => 1 << shiftOf[k];
  const word = (k) => wordOf[k];
  // A delta is what an action adds to each of the three words.
  const delta = (changes) => {
    const r = [0, 0, 0];
    for (const [k, by] of changes) r[word(k)] += by * unit(k);
    return r;
  };
  // Per account: the deltas of Deposit, Unbond, Reward (constant) and the units Withdraw and Slash scale.
  const dep = [], unb = [], rew = [], balU = [], stakeU = [], pendU = [], slashedU = delta([[SLASHED, 1]]);
  for (let i = 0; i < N; i++) {
    dep.push(delta([[i, -1], [N + i, 1]]));
    unb.push(delta([[N + i, -1], [2 * N + i, 1]]));
    rew.push(delta([[N + i, 1], [MINTED, 1]]));
    balU.push(delta([[i, 1]]));
    stakeU.push(delta([[N + i, 1]]));
    pendU.push(delta([[2 * N + i, 1]]));
  }
  const flat = (xs) => Int32Array.from(xs.flat());
  const DEP = flat(dep), UNB = flat(unb), REW = flat(rew), BALU = flat(balU), STAKEU = flat(stakeU), PENDU = flat(pendU);
  const SL0 = slashedU[0], SL1 = slashedU[1], SL2 = slashedU[2];
  const CM = (1 << CB) - 1;
  const balW = Int32Array.from({ length: N }, (_, i) => wordOf[i]), balS = Int32Array.from({ length: N }, (_, i) => shiftOf[i]);
  const stW = Int32Array.from({ length: N }, (_, i) => wordOf[N + i]), stS = Int32Array.from({ length: N }, (_, i) => shiftOf[N + i]);
  const peW = Int32Array.from({ length: N }, (_, i) => wordOf[2 * N + i]), peS = Int32Array.from({ length: N }, (_, i) => shiftOf[2 * N + i]);
  const miW = wordOf[MINTED], miS = shiftOf[MINTED];
  const ws = new Int32Array(3);

  for (let i = 0; i < N; i++) v[i] = B;
  pack();
  const i0 = key[0], i1 = W > 1 ? key[1] : 0, i2 = W > 2 ? key[2] : 0;
  generated = 0; // found() counts the initial state as generated
  found(i0, i1, i2);
  for (;;) {
    [cur, next] = [next, cur];
    const curLen = nextLen;
    nextLen = 0;
    for (let s = 0; s < curLen; s++) {
      const k0 = cur[s * 3], k1 = cur[s * 3 + 1], k2 = cur[s * 3 + 2];
      ws[0] = k0;
      ws[1] = k1;
      ws[2] = k2;
      const minted = (ws[miW] >>> miS) & ((1 << MB) - 1);
      for (let i = 0; i < N; i++) {
        const j = 3 * i;
        const bal = (ws[balW[i]] >>> balS[i]) & CM;
        const stake = (ws[stW[i]] >>> stS[i]) & CM;
        const pending = (ws[peW[i]] >>> peS[i]) & CM;
        if (bal >= 1) found( // Deposit
          k0 + DEP[j], k1 + DEP[j + 1], k2 + DEP[j + 2]);
        if (stake >= 1) {
          found(k0 + UNB[j], k1 + UNB[j + 1], k2 + UNB[j + 2]); // Unbond
          const p = (stake + 1) >> 1; // Slash
          found(k0 - p * STAKEU[j] + p * SL0, k1 - p * STAKEU[j + 1] + p * SL1, k2 - p * STAKEU[j + 2] + p * SL2);
          if (minted < R) found(k0 + REW[j], k1 + REW[j + 1], k2 + REW[j + 2]);
        }
        if (pending >= 1) found( // Withdraw
          k0 + pending * (BALU[j] - PENDU[j]), k1 + pending * (BALU[j + 1] - PENDU[j + 1]), k2 + pending * (BALU[j + 2] - PENDU[j + 2]));
      }
    }
    if (nextLen === 0) break;
    depth++;
  }
  return { distinct: count, generated, depth, violations, tableBytes: table.byteLength };
}

/** xorshift128 in four int32 locals would be faster still; one 32-bit xorshift is what a hand loop uses. */
let seed = 0x2545f491;
function below(n) {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return Math.floor(((seed >>> 0) / 4294967296) * n);
}

function walk(depth, runs) {
  const enabled = new Int32Array(5 * N);
  let steps = 0;
  let deadEnds = 0;
  let violations = 0;
  for (let run = 0; run < runs; run++) {
    v.fill(0);
    for (let i = 0; i < N; i++) v[i] = B;
    for (let step = 0; step < depth; step++) {
      let n = 0;
      for (let i = 0; i < N; i++) {
        if (v[i] >= 1) enabled[n++] = 5 * i;
        if (v[N + i] >= 1) {
          enabled[n++] = 5 * i + 1;
          enabled[n++] = 5 * i + 3;
          if (v[MINTED] < R) enabled[n++] = 5 * i + 4;
        }
        if (v[2 * N + i] >= 1) enabled[n++] = 5 * i + 2;
      }
      if (n === 0) {
        deadEnds++;
        break;
      }
      const a = enabled[below(n)];
      const i = (a / 5) | 0;
      const bal = i;
      const stake = N + i;
      const pending = 2 * N + i;
      switch (a - 5 * i) {
        case 0:
          v[bal]--;
          v[stake]++;
          break;
        case 1:
          v[stake]--;
          v[pending]++;
          break;
        case 2:
          v[bal] += v[pending];
          v[pending] = 0;
          break;
        case 3: {
          const p = (v[stake] + 1) >> 1;
          v[stake] -= p;
          v[SLASHED] += p;
          break;
        }
        default:
          v[stake]++;
          v[MINTED]++;
      }
      steps++;
      if (!invariantsHold()) violations++;
    }
  }
  return { steps, runs, deadEnds, violations };
}

const t0 = performance.now();
const c0 = process.cpuUsage();
const result = mode === "walk" ? walk(Number(rest[3]), Number(rest[4])) : bfs();
const c = process.cpuUsage(c0);
const seconds = (performance.now() - t0) / 1000;
const cpuSeconds = (c.user + c.system) / 1e6;
console.log(JSON.stringify({ model: `POOL(${N},${B},${R})`, mode: mode === "walk" ? "walk" : "bfs", ...result, seconds, cpuSeconds, words: W }));

// The hand-written limit for BFT(N, F) (../shared/anchors/MODELS.md): a plain JavaScript
// breadth-first search with flat typed arrays. Its own code, no stakecheck import.
//
//   node bench/limit/bft.mjs bfs N F
//
// A state is two N-bit masks (bit v of a: A in votes[v]; of b: B in votes[v]), one int of 2N bits.
// Up to 26 bits the seen-set is a bitmap over every possible state (what any hand-written search of
// so small a space does); wider, open addressing over the ints. Every invariant on every new state.
// Prints one JSON line: counts, the search's wall seconds and CPU seconds (process.cpuUsage).

const [N, F] = process.argv.slice(3, 5).map(Number);
const BITS = 2 * N;

function popcount(x) {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 63;
}

function invariantsHold(s) {
  const a = s & ((1 << N) - 1);
  const b = s >>> N;
  const both = 3 * popcount(a) > 2 * N && 3 * popcount(b) > 2 * N;
  return !both && (!both || 3 * popcount(a & b) >= N); // Agreement, AccountableSafety
}

function bfs() {
  const direct = BITS <= 26;
  let bitmap = direct ? new Int32Array(1 << Math.max(0, BITS - 5)) : null;
  let cap = 1 << 16;
  let table = direct ? null : new Int32Array(cap).fill(-1);
  const insert = (s) => {
    if (direct) {
      const w = s >>> 5;
      const m = 1 << (s & 31);
      if (bitmap[w] & m) return false;
      bitmap[w] |= m;
      return true;
    }
    let i = (Math.imul(s, 0x9e3779b1) >>> 0) & (cap - 1);
    for (;;) {
      const t = table[i];
      if (t === -1) {
        table[i] = s;
        return true;
      }
      if (t === s) return false;
      i = (i + 1) & (cap - 1);
    }
  };
  let count = 0;
  let generated = 1;
  let violations = 0;
  let cur = new Int32Array(1024);
  let next = new Int32Array(1024);
  let nextLen = 0;
  let depth = 1;
  const found = (s) => {
    generated++;
    if (!insert(s)) return;
    count++;
    if (!invariantsHold(s)) violations++;
    if (nextLen === next.length) {
      const bigger = new Int32Array(next.length * 2);
      bigger.set(next);
      next = bigger;
    }
    next[nextLen++] = s;
    if (!direct && count > cap * 0.75) {
      const old = table;
      cap *= 2;
      table = new Int32Array(cap).fill(-1);
      for (let j = 0; j < old.length; j++) if (old[j] !== -1) insert(old[j]);
    }
  };
  insert(0);
  count = 1;
  if (!invariantsHold(0)) violations++;
  next[nextLen++] = 0;
  for (;;) {
    [cur, next] = [next, cur];
    const curLen = nextLen;
    nextLen = 0;
    for (let k = 0; k < curLen; k++) {
      const s = cur[k];
      for (let v = 0; v < N; v++) {
        const a = 1 << v;
        const b = 1 << (N + v);
        if (v < F) {
          if (!(s & a)) found(s | a); // ByzVote(v, A)
          if (!(s & b)) found(s | b); // ByzVote(v, B)
        } else if (!(s & a) && !(s & b)) {
          found(s | a); // HonestVote(v, A)
          found(s | b); // HonestVote(v, B)
        }
      }
    }
    if (nextLen === 0) break;
    depth++;
  }
  return { distinct: count, generated, depth, violations, tableBytes: direct ? bitmap.byteLength : table.byteLength };
}

const t0 = performance.now();
const c0 = process.cpuUsage();
const result = bfs();
const c = process.cpuUsage(c0);
console.log(
  JSON.stringify({ model: `BFT(${N},${F})`, mode: "bfs", ...result, seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 }),
);

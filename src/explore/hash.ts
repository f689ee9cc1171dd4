// 64-bit fingerprints of packed states, as two 32-bit halves (the second in FP.h2, read right
// after the call: allocation-free). A state that packs into at most two words gets a bijective
// mix (two Feistel rounds), so its fingerprint is the state itself in disguise: no two states share
// one and the seen-set is exact. Wider states get two independent murmur3-style hashes.

export const FP = { h2: 0 };

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x;
}

/** Fingerprint of `words` words at `p[o ..]`; exact (injective) when words <= 2. */
export function fingerprint(p: Int32Array, o: number, words: number): number {
  if (words <= 2) {
    let a = p[o];
    let b = words === 2 ? p[o + 1] : 0;
    // Two Feistel rounds: a bijection of (a, b), whatever mix32 is; h1 depends on both words.
    b ^= mix32(a ^ 0x9e3779b9);
    a ^= mix32(b ^ 0x85ebca6b);
    FP.h2 = b;
    return a;
  }
  let a = 0x9747b28c;
  let b = 0x2545f491;
  for (let i = o; i < o + words; i++) {
    let k = Math.imul(p[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    a ^= k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    b ^= Math.imul(p[i] ^ 0x5bd1e995, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
    b = (Math.imul(b, 0x27d4eb2f) + 0x165667b1) | 0;
  }
  a ^= words;
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= words;
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  b = Math.imul(b, 0x297a2d39);
  b ^= b >>> 15;
  FP.h2 = b;
  return a;
}

/** Whether fingerprints of `words`-word packed states are exact (injective). */
export function exactFingerprints(words: number): boolean {
  return words <= 2;
}

/** A slot in 0 .. cap-1 for a 32-bit hash (fastrange: no division, any capacity). */
export function slotOf(h: number, cap: number): number {
  return Math.floor(((h >>> 0) * cap) / 4294967296);
}

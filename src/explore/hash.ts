// Two independent 32-bit hashes of a flat state (murmur3's mixing with two seeds): together a
// 64-bit fingerprint. Allocation-free; `h2` is read right after `fingerprint` returns.

export const FP = { h2: 0 };

export function fingerprint(s: Int32Array, width: number): number {
  let a = 0x9747b28c;
  let b = 0x2545f491;
  for (let i = 0; i < width; i++) {
    let k = Math.imul(s[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    a ^= k;
    a = (a << 13) | (a >>> 19);
    a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    b ^= Math.imul(s[i] ^ 0x5bd1e995, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
    b = (Math.imul(b, 0x27d4eb2f) + 0x165667b1) | 0;
  }
  a ^= width;
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= width;
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  b = Math.imul(b, 0x297a2d39);
  b ^= b >>> 15;
  FP.h2 = b;
  return a;
}

// The row canonicaliser of src/explore/symmetry-rows.ts, generated per model like the packer: each
// symmetric type's rows are read into locals, sorted by a fixed sorting network (Batcher's
// odd-even merge sort: comparisons known in advance, unrolled, no index arithmetic), and written
// back; runs of equal rows give the stabiliser. The sorted rows are the same as the loop's (equal
// rows are interchangeable), so the states found are the same. Only slot numbers and counts
// appear in the generated code. Types with many elements or long rows keep the loop.

import type { Canonicalizer } from "./symmetry.js";
import type { RowLayout } from "./symmetry-rows.js";

/** Above this many elements of one type, or locals in all, the loop is used instead. */
const MAX_ELEMENTS = 16;
const MAX_LOCALS = 256;

/** Batcher's odd-even merge sort for `n` elements, as compare-exchange pairs (i < j) in order. */
export function sortingNetwork(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let p = 1; p < n; p *= 2) {
    for (let k = p; k >= 1; k = Math.floor(k / 2)) {
      for (let j = k % p; j + k < n; j += 2 * k) {
        for (let i = 0; i < Math.min(k, n - j - k); i++) {
          if (Math.floor((i + j) / (2 * p)) === Math.floor((i + j + k) / (2 * p))) pairs.push([i + j, i + j + k]);
        }
      }
    }
  }
  return pairs;
}

/** The generated canonicaliser, or null when the layout is too large for one. */
export function networkCanonicalizer(layout: RowLayout): Canonicalizer | null {
  const T = layout.size.length;
  let locals = 0;
  for (let t = 0; t < T; t++) {
    if (layout.size[t] > MAX_ELEMENTS) return null;
    locals += layout.size[t] * layout.rowLen[t];
  }
  if (locals > MAX_LOCALS) return null;
  const lines: string[] = [];
  for (const s of layout.still) lines.push(`d[${s}] = s[${s}];`);
  lines.push("let f = 1, run = 1;");
  for (let t = 0; t < T; t++) {
    const n = layout.size[t];
    const L = layout.rowLen[t];
    const slot = (e: number, q: number) => layout.rowSlots[t][e * L + q];
    const v = (e: number, q: number) => `r${t}_${e}_${q}`;
    const rows = Array.from({ length: n }, (_, e) => Array.from({ length: L }, (_, q) => `${v(e, q)} = s[${slot(e, q)}]`).join(", "));
    if (n > 0 && L > 0) lines.push(`let ${rows.join(", ")};`);
    // Row i after row j, lexicographically on the slots' values.
    const after = (i: number, j: number, q = 0): string =>
      q === L - 1 ? `${v(i, q)} > ${v(j, q)}` : `(${v(i, q)} > ${v(j, q)} || (${v(i, q)} === ${v(j, q)} && ${after(i, j, q + 1)}))`;
    for (const [i, j] of L > 0 ? sortingNetwork(n) : []) {
      const swap = Array.from({ length: L }, (_, q) => `x = ${v(i, q)}; ${v(i, q)} = ${v(j, q)}; ${v(j, q)} = x;`).join(" ");
      lines.push(`if (${after(i, j)}) { let x = 0; ${swap} }`);
    }
    for (let e = 0; e < n; e++) for (let q = 0; q < L; q++) lines.push(`d[${slot(e, q)}] = ${v(e, q)};`);
    // A run of k equal rows: k! permutations fix the state.
    lines.push("run = 1;");
    for (let e = 1; e < n; e++) {
      const same = L === 0 ? "true" : Array.from({ length: L }, (_, q) => `${v(e, q)} === ${v(e - 1, q)}`).join(" && ");
      lines.push(`if (${same}) run++; else { f *= F[run]; run = 1; }`);
    }
    lines.push("f *= F[run];");
  }
  lines.push("return f;");
  const body = lines.map((l) => `  ${l}`).join("\n");
  const maxSize = Math.max(0, ...layout.size);
  const F = new Float64Array(maxSize + 2);
  F[0] = 1;
  for (let i = 1; i < F.length; i++) F[i] = F[i - 1] * i;
  const canon = new Function("F", `"use strict";\nreturn function canonicalRows(s, d) {\n${body}\n};`)(F) as (s: Int32Array, d: Int32Array) => number;
  const c: Canonicalizer = {
    groupSize: layout.groupSize,
    stabilizer: 1,
    exact: true,
    canonicalize(src: Int32Array, dst: Int32Array): void {
      c.stabilizer = canon(src, dst);
    },
  };
  return c;
}

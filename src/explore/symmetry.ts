// Symmetry reduction. A `symmetric type` (scalarset) may only be compared for equality, used as a
// map key, a set element, a parameter or a value (src/check/symmetry.ts enforces it), so permuting
// its values maps reachable states to reachable states and keeps every property's verdict. The
// explorer then stores one representative per orbit: the canonical form of a state is the least
// (slot by slot) of its images under the permutations that sort the elements' signatures.
//
// A permutation moves every slot indexed by the type (map entries keyed by it, at any depth) and
// relabels every value of it (ints of the type, bits of sets of it). An element's signature is its
// row of map entries, with values of symmetric types blanked (a set of them counts its members),
// so signatures do not change under permutations: the candidates (every way of ordering elements
// with equal signatures) are the same for a whole orbit, and the least image is a true canonical
// form. A type used only as a map key over plain values needs no candidates at all: elements with
// equal rows are interchangeable as they are, so sorting is canonical for any N. When ties would
// need more than CANDIDATE_LIMIT candidates, only the first is used: still sound (an equivalent
// state), just less reduction.

import { sizeOfTy, slotCount, type Ty } from "../ir/types.js";
import type { Model } from "../model/model.js";
import { rowCanonicalizer } from "./symmetry-rows.js";

export interface Canonicalizer {
  /** Number of permutations in the symmetry group (the product of n! over symmetric types). */
  readonly groupSize: number;
  /** After canonicalize: how many candidate permutations give the canonical form (the size of
   * its stabiliser when every candidate was tried; 1 otherwise). */
  stabilizer: number;
  /** True while every canonical form so far was exact (no candidate limit hit). */
  exact: boolean;
  /** Writes the canonical form of `src` into `dst` (they must differ). */
  canonicalize(src: Int32Array, dst: Int32Array): void;
}

export const CANDIDATE_LIMIT = 5040;

const PLAIN = 0;
const VALUE = 1; // an int of a symmetric type: relabelled
const SET = 2; // a set of a symmetric type: bits permuted

interface SlotInfo {
  /** (type, element, stride) per map key of a symmetric type on the slot's path. */
  terms: [number, number, number][];
  kind: number;
  /** The symmetric type of a VALUE or SET slot. */
  sym: number;
  /** For a slot inside a queue entry: the queue's length slot and the entry's position (the
   * entry is live, and relabelled, only below the length: entries past it stay all zero). */
  lenSlot: number;
  pos: number;
}

type SeqCtx = { lenSlot: number; pos: number };
const NO_SEQ: SeqCtx = { lenSlot: -1, pos: 0 };

/** The type's symmetric index when reduction by it is on, else undefined. */
function symIndex(ty: Ty, active: readonly boolean[]): number | undefined {
  return ty.k === "int" && ty.sym !== undefined && active[ty.sym] ? ty.sym : undefined;
}

function walk(ty: Ty, terms: [number, number, number][], out: SlotInfo[], active: readonly boolean[], q: SeqCtx = NO_SEQ): void {
  const slot = (kind: number, sym: number) => out.push({ terms, kind, sym, lenSlot: q.lenSlot, pos: q.pos });
  switch (ty.k) {
    case "int": {
      const k = symIndex(ty, active);
      slot(k !== undefined ? VALUE : PLAIN, k ?? -1);
      return;
    }
    case "bool":
    case "enum":
    case "option":
      // An option of a symmetric type turns reduction off for it (src/check/symmetry.ts).
      slot(PLAIN, -1);
      return;
    case "set": {
      const words = slotCount(ty);
      // A symmetric type's set is one word at position = value (wider ones turn reduction off).
      const k = words === 1 ? symIndex(ty.elem, active) : undefined;
      for (let i = 0; i < words; i++) slot(k !== undefined ? SET : PLAIN, k ?? -1);
      return;
    }
    case "map": {
      const n = sizeOfTy(ty.key);
      const before = out.length;
      walk(ty.val, terms, out, active, q);
      const w = out.length - before;
      out.length = before;
      const key = symIndex(ty.key, active);
      for (let e = 0; e < n; e++) {
        const t: [number, number, number][] = key !== undefined ? [...terms, [key, e, w]] : terms;
        walk(ty.val, t, out, active, q);
      }
      return;
    }
    case "rec":
      for (const f of ty.fields) walk(f.ty, terms, out, active, q);
      return;
    case "seq": {
      const lenSlot = out.length;
      slot(PLAIN, -1);
      for (let i = 0; i < ty.cap; i++) walk(ty.elem, terms, out, active, { lenSlot, pos: i });
      return;
    }
    case "any":
    case "error":
      return;
  }
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

function permutations(n: number): Int32Array[] {
  const out: Int32Array[] = [];
  const a = Array.from({ length: n }, (_, i) => i);
  const rec = (k: number): void => {
    if (k === n) {
      out.push(Int32Array.from(a));
      return;
    }
    for (let i = k; i < n; i++) {
      [a[k], a[i]] = [a[i], a[k]];
      rec(k + 1);
      [a[k], a[i]] = [a[i], a[k]];
    }
  };
  rec(0);
  return out.sort((x, y) => {
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  });
}

/** Whether the model has a symmetric type to reduce by (declared, and its rules kept). */
export function hasSymmetry(model: Model): boolean {
  return model.spec.symmetric.some((t) => !t.broken);
}

/** `generic`: never take the sorted-rows fast path (tests compare the two). */
export function makeCanonicalizer(model: Model, generic = false): Canonicalizer {
  const syms = model.spec.symmetric;
  const T = syms.length;
  // A type whose scalarset rules the spec breaks is not reduced by: one element, no permutations.
  const active = syms.map((s) => !s.broken);
  const size = syms.map((s, t) => (active[t] ? s.ty.hi - s.ty.lo + 1 : 1));
  const lo = syms.map((s) => s.ty.lo);
  const slots: SlotInfo[] = [];
  for (const v of model.layout.vars) walk(v.ty, [], slots, active);
  const W = model.width;
  if (slots.length !== W) throw new Error(`internal: symmetry layout has ${slots.length} slots for a width of ${W}`);

  // Per slot: its terms, flattened (termStart[j] .. termStart[j + 1]).
  const termStart = new Int32Array(W + 1);
  const flat: number[] = [];
  slots.forEach((s, j) => {
    termStart[j] = flat.length / 3;
    for (const t of s.terms) flat.push(...t);
  });
  termStart[W] = flat.length / 3;
  const tType = Int32Array.from(flat.filter((_, i) => i % 3 === 0));
  const tElem = Int32Array.from(flat.filter((_, i) => i % 3 === 1));
  const tStride = Int32Array.from(flat.filter((_, i) => i % 3 === 2));
  const kind = Int32Array.from(slots.map((s) => s.kind));
  const vsym = Int32Array.from(slots.map((s) => s.sym));
  const lenSlot = Int32Array.from(slots.map((s) => s.lenSlot));
  const pos = Int32Array.from(slots.map((s) => s.pos));
  // Slots whose position depends on a permutation at all; the others are copied (and relabelled).
  const moving = Int32Array.from(slots.map((s, j) => (s.terms.length > 0 || s.kind !== PLAIN ? j : -1)).filter((j) => j >= 0));
  const still = Int32Array.from(slots.map((s, j) => (s.terms.length === 0 && s.kind === PLAIN ? j : -1)).filter((j) => j >= 0));

  // Signature rows: per type, per element, the slots with exactly one term, of that type and element.
  const rowLen: number[] = [];
  const rowSlots: Int32Array[] = [];
  for (let t = 0; t < T; t++) {
    const rows: number[][] = Array.from({ length: size[t] }, () => []);
    slots.forEach((s, j) => {
      if (s.terms.length === 1 && s.terms[0][0] === t) rows[s.terms[0][1]].push(j);
    });
    rowLen.push(rows[0]?.length ?? 0);
    rowSlots.push(Int32Array.from(rows.flat()));
  }

  // A type is simple when it appears only as the single symmetric key of slots holding plain
  // values: its signature is then its whole row, and equal rows are interchangeable as they are.
  const simple = syms.map((_, t) =>
    slots.every((s) => {
      const uses = s.terms.filter((x) => x[0] === t).length;
      return (uses === 0 || (s.terms.length === 1 && s.kind === PLAIN)) && !(s.kind !== PLAIN && s.sym === t);
    }),
  );

  if (!generic && simple.every((x, t) => x || !active[t])) {
    return rowCanonicalizer({ size, rowLen, rowSlots, still, groupSize: size.reduce((g, n) => g * factorial(n), 1) });
  }

  // pi[t][e]: where element e of type t goes.
  const pi = syms.map((_, t) => new Int32Array(size[t]));
  const order = syms.map((_, t) => new Int32Array(size[t]));
  const perms = new Map<number, Int32Array[]>();
  const permsOf = (n: number) => {
    let p = perms.get(n);
    if (!p) perms.set(n, (p = n <= 8 ? permutations(n) : []));
    return p;
  };
  const tmp = new Int32Array(W);
  const best = new Int32Array(W);

  const sigValue = (s: Int32Array, j: number): number => {
    const k = kind[j];
    if (k === PLAIN) return s[j];
    if (k === VALUE) return 0;
    let x = s[j];
    let c = 0;
    while (x !== 0) {
      x &= x - 1;
      c++;
    }
    return c;
  };

  const compareElems = (s: Int32Array, t: number, a: number, b: number): number => {
    const L = rowLen[t];
    const rs = rowSlots[t];
    for (let k = 0; k < L; k++) {
      const x = sigValue(s, rs[a * L + k]);
      const y = sigValue(s, rs[b * L + k]);
      if (x !== y) return x - y;
    }
    return 0;
  };

  const relabel = (t: number, v: number): number => {
    const e = v - lo[t];
    return e >= 0 && e < size[t] ? lo[t] + pi[t][e] : v;
  };

  /** Writes src permuted by pi into out. */
  const apply = (src: Int32Array, out: Int32Array): void => {
    for (let i = 0; i < still.length; i++) out[still[i]] = src[still[i]];
    for (let i = 0; i < moving.length; i++) {
      const j = moving[i];
      let dest = j;
      for (let q = termStart[j]; q < termStart[j + 1]; q++) dest += (pi[tType[q]][tElem[q]] - tElem[q]) * tStride[q];
      let v = src[j];
      const k = kind[j];
      if (k !== PLAIN && lenSlot[j] >= 0 && pos[j] >= src[lenSlot[j]]) {
        out[dest] = v; // a queue entry past the length: not a value
        continue;
      }
      if (k === VALUE) v = relabel(vsym[j], v);
      else if (k === SET) {
        const t = vsym[j];
        let m = 0;
        for (let b = 0; b < 31; b++) if ((v >>> b) & 1) m |= 1 << relabel(t, b);
        v = m;
      }
      out[dest] = v;
    }
  };

  const less = (a: Int32Array, b: Int32Array): number => {
    for (let j = 0; j < W; j++) if (a[j] !== b[j]) return a[j] - b[j];
    return 0;
  };

  // Tie groups of the current state: [type, start, end) in the sorted order.
  interface Group {
    t: number;
    start: number;
    end: number;
    perm: number;
    perms: Int32Array[];
  }
  const pool: Group[] = [];
  let nGroups = 0;
  const groups: Group[] = [];

  const c: Canonicalizer = {
    groupSize: size.reduce((g, n) => g * factorial(n), 1),
    stabilizer: 1,
    exact: true,
    canonicalize(src, dst) {
      nGroups = 0;
      groups.length = 0;
      let candidates = 1;
      let fixed = 1;
      for (let t = 0; t < T; t++) {
        const o = order[t];
        const n = size[t];
        for (let e = 0; e < n; e++) o[e] = e;
        // Insertion sort by signature (n is small), stable.
        for (let i = 1; i < n; i++) {
          const x = o[i];
          let k = i - 1;
          while (k >= 0 && compareElems(src, t, o[k], x) > 0) {
            o[k + 1] = o[k];
            k--;
          }
          o[k + 1] = x;
        }
        for (let i = 0; i < n; ) {
          let k = i + 1;
          while (k < n && compareElems(src, t, o[i], o[k]) === 0) k++;
          if (k - i > 1 && simple[t]) {
            // Equal rows of a type that is only a map key over plain values: swapping them
            // changes nothing, so every order gives the same image (and is in the stabiliser).
            fixed *= factorial(k - i);
          } else if (k - i > 1) {
            const g = pool[nGroups] ?? (pool[nGroups] = { t: 0, start: 0, end: 0, perm: 0, perms: [] });
            nGroups++;
            g.t = t;
            g.start = i;
            g.end = k;
            g.perm = 0;
            g.perms = permsOf(k - i);
            groups.push(g);
            candidates *= factorial(k - i);
          }
          i = k;
        }
      }
      const all = candidates <= CANDIDATE_LIMIT && groups.every((g) => g.perms.length > 0);
      if (!all) c.exact = false;
      let found = 0;
      for (;;) {
        // The candidate: element o[pos] goes to pos, tie groups reordered by their current perm.
        for (let t = 0; t < T; t++) for (let p = 0; p < size[t]; p++) pi[t][order[t][p]] = p;
        if (all) {
          for (const g of groups) {
            const perm = g.perms[g.perm];
            for (let q = 0; q < perm.length; q++) pi[g.t][order[g.t][g.start + q]] = g.start + perm[q];
          }
        }
        apply(src, tmp);
        const cmp = found === 0 ? -1 : less(tmp, best);
        if (cmp < 0) {
          best.set(tmp);
          found = 1;
        } else if (cmp === 0) found++;
        if (!all) break;
        // Next candidate (odometer over the groups' permutations).
        let g = 0;
        while (g < groups.length) {
          if (++groups[g].perm < groups[g].perms.length) break;
          groups[g].perm = 0;
          g++;
        }
        if (g === groups.length) break;
      }
      dst.set(best);
      c.stabilizer = all ? found * fixed : 1;
    },
  };
  return c;
}

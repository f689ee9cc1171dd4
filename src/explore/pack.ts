// Bit-packing of flat states. Every slot of a state has a range known from its type (a bounded int,
// a bool, an enum ordinal, a set's universe, a queue's length), and every stored state respects it
// (assignments outside a type are well_typed violations, never successors). So a state of W 32-bit
// slots packs into P words of as many bits as the ranges need: POOL(4,3,2)'s 14 slots become 2
// words, BFT(12,3)'s 12 become 1. The explorer hashes, stores and queues packed states only.
// pack/unpack are generated once per model (slot numbers and numeric constants only).

import { cardinality, slotCount, type Ty } from "../ir/types.js";
import type { Layout } from "../model/layout.js";

export interface SlotRange {
  readonly lo: number;
  /** Bits the slot needs (value - lo < 2^bits); 32 means "the raw word". */
  readonly bits: number;
  /** For a slot of a queue entry whose type excludes 0: the entry is live when slot `len` > `pos`.
   * Entries past a queue's length hold 0 (the canonical form), which `lo .. lo + 2^bits - 1` cannot
   * represent, so a dead entry packs to 0 and unpacks to 0. */
  readonly live?: { readonly len: number; readonly pos: number };
}

export interface Packer {
  /** Packed words per state. */
  readonly words: number;
  /** Total bits used (the information content of a state's encoding). */
  readonly bits: number;
  readonly ranges: readonly SlotRange[];
  /** Writes the packed form of `s` at `out[o .. o + words)`. */
  pack(s: Int32Array, out: Int32Array, o: number): void;
  /** Reads a packed state from `buf[o ..]` into `s`. */
  unpack(buf: Int32Array, o: number, s: Int32Array): void;
}

function bitsFor(n: number): number {
  let b = 0;
  while (b < 32 && 2 ** b < n) b++;
  return b;
}

function intRange(lo: number, hi: number): SlotRange {
  const n = hi - lo + 1;
  return n > 2 ** 31 ? { lo: 0, bits: 32 } : { lo, bits: bitsFor(n) };
}

/** The range of every slot of a value of type `ty`, in layout order. */
export function slotRanges(ty: Ty, out: SlotRange[] = []): SlotRange[] {
  switch (ty.k) {
    case "bool":
      out.push({ lo: 0, bits: 1 });
      break;
    case "int":
      out.push(intRange(ty.lo, ty.hi));
      break;
    case "enum":
      out.push({ lo: 0, bits: bitsFor(ty.members.length) });
      break;
    case "set": {
      const e = ty.elem;
      const top = e.k === "any" ? 0 : e.k === "int" ? e.hi + 1 : e.k === "bool" ? 2 : e.members.length;
      out.push({ lo: 0, bits: Math.min(31, top) });
      break;
    }
    case "map":
      for (let i = 0; i < cardinality(ty.key); i++) slotRanges(ty.val, out);
      break;
    case "rec":
      for (const f of ty.fields) slotRanges(f.ty, out);
      break;
    case "seq": {
      const len = out.length;
      out.push(intRange(0, ty.cap));
      for (let pos = 0; pos < ty.cap; pos++) {
        const from = out.length;
        slotRanges(ty.elem, out);
        // An inner queue's own condition is the finer one (it implies this one).
        for (let j = from; j < out.length; j++) if (!out[j].live && !holdsZero(out[j])) out[j] = { ...out[j], live: { len, pos } };
      }
      break;
    }
    case "any":
    case "error":
      for (let i = 0; i < slotCount(ty); i++) out.push({ lo: 0, bits: 32 });
      break;
  }
  return out;
}

function holdsZero(r: SlotRange): boolean {
  return r.bits === 32 || (r.lo <= 0 && -r.lo < 2 ** r.bits);
}

export function layoutRanges(layout: Layout): SlotRange[] {
  const out: SlotRange[] = [];
  for (const v of layout.vars) slotRanges(v.ty, out);
  if (out.length !== layout.width) throw new Error(`internal: ${out.length} slot ranges for a width of ${layout.width}`);
  return out;
}

/** Where each slot goes: word index and shift; slots never straddle words. */
function assign(ranges: readonly SlotRange[]): { word: number[]; shift: number[]; words: number; bits: number } {
  const word: number[] = [];
  const shift: number[] = [];
  let w = 0;
  let used = 0;
  let bits = 0;
  for (const r of ranges) {
    bits += r.bits;
    if (r.bits === 0) {
      word.push(-1);
      shift.push(0);
      continue;
    }
    if (used + r.bits > 32) {
      w++;
      used = 0;
    }
    word.push(w);
    shift.push(used);
    used += r.bits;
  }
  const words = ranges.some((r) => r.bits > 0) ? w + 1 : 1;
  return { word, shift, words, bits };
}

export function makePacker(layout: Layout): Packer {
  const ranges = layoutRanges(layout);
  const { word, shift, words, bits } = assign(ranges);
  const packLines: string[] = [];
  const unpackLines: string[] = [];
  const terms: string[][] = Array.from({ length: words }, () => []);
  ranges.forEach((r, j) => {
    const live = r.live ? `s[${r.live.len}] > ${r.live.pos}` : null;
    if (word[j] < 0) {
      unpackLines.push(`s[${j}] = ${live ? `${live} ? ${r.lo} : 0` : r.lo};`);
      return;
    }
    let rel = r.lo === 0 ? `s[${j}]` : `(s[${j}] - ${r.lo < 0 ? `(${r.lo})` : r.lo})`;
    if (live) rel = `(${live} ? ${rel} : 0)`;
    terms[word[j]].push(shift[j] === 0 ? rel : `(${rel} << ${shift[j]})`);
    const at = `b[o${word[j] === 0 ? "" : ` + ${word[j]}`}]`;
    const field = r.bits === 32 ? `${at}` : `((${at} >>> ${shift[j]}) & ${r.bits === 31 ? 0x7fffffff : 2 ** r.bits - 1})`;
    const value = r.lo === 0 ? field : `${field} + ${r.lo < 0 ? `(${r.lo})` : r.lo}`;
    // The length slot comes first in the layout, so it is already unpacked.
    unpackLines.push(`s[${j}] = ${live ? `${live} ? ${value} : 0` : value};`);
  });
  terms.forEach((t, w) => packLines.push(`out[o${w === 0 ? "" : ` + ${w}`}] = ${t.length ? t.join(" | ") : "0"};`));
  const pack = new Function("s", "out", "o", `"use strict";\n${packLines.join("\n")}`) as Packer["pack"];
  const unpack = new Function("b", "o", "s", `"use strict";\n${unpackLines.join("\n")}`) as Packer["unpack"];
  return { words, bits, ranges, pack, unpack };
}

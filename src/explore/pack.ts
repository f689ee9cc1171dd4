// Bit-packing of flat states. Every slot of a state has a range known from its type (a bounded int,
// a bool, an enum ordinal, a set's universe, a queue's length), and every stored state respects it
// (assignments outside a type are well_typed violations, never successors). So a state of W 32-bit
// slots packs into P words of as many bits as the ranges need: POOL(4,3,2)'s 14 slots become 2
// words, BFT(12,3)'s 12 become 1. The explorer hashes, stores and queues packed states only.
// pack/unpack are generated once per model (slot numbers and numeric constants only). Where slot
// sizes are not powers of two and bit fields would take one more word than needed, words hold
// mixed-radix digits instead (POOL(4,4,2): 2 words instead of 3).

import { setBase } from "../ir/finite.js";
import { isPlainInt, setWords, sizeOfTy, slotCount, type Ty } from "../ir/types.js";
import type { Layout } from "../model/layout.js";

export interface SlotRange {
  readonly lo: number;
  /** Bits the slot needs (value - lo < 2^bits); 32 means "the raw word". */
  readonly bits: number;
  /** How many values the slot takes (value - lo < size <= 2^bits). */
  readonly size: number;
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
  return n > 2 ** 31 ? { lo: 0, bits: 32, size: 2 ** 32 } : { lo, bits: bitsFor(n), size: n };
}

/** The range of every slot of a value of type `ty`, in layout order. */
export function slotRanges(ty: Ty, out: SlotRange[] = []): SlotRange[] {
  switch (ty.k) {
    case "bool":
      out.push({ lo: 0, bits: 1, size: 2 });
      break;
    case "int":
      out.push(intRange(ty.lo, ty.hi));
      break;
    case "enum":
      out.push({ lo: 0, bits: bitsFor(ty.members.length), size: Math.max(1, ty.members.length) });
      break;
    case "set": {
      const e = ty.elem;
      if (e.k === "any" || e.k === "error") {
        out.push({ lo: 0, bits: 0, size: 1 });
        break;
      }
      // Each word holds the positions it covers that an element can take.
      const base = setBase(e);
      const last = isPlainInt(e) ? e.hi : sizeOfTy(e) - 1;
      for (let k = 0; k < setWords(e); k++) {
        const start = base + 32 * k;
        const top = Math.min(last, start + 31) - start + 1;
        const bits = top >= 32 ? 32 : Math.max(0, top);
        out.push({ lo: 0, bits, size: 2 ** bits });
      }
      break;
    }
    case "option":
      out.push(intRange(0, sizeOfTy(ty) - 1));
      break;
    case "map":
      for (let i = 0; i < sizeOfTy(ty.key); i++) slotRanges(ty.val, out);
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
      for (let i = 0; i < slotCount(ty); i++) out.push({ lo: 0, bits: 32, size: 2 ** 32 });
      break;
  }
  return out;
}

function holdsZero(r: SlotRange): boolean {
  // By the value count, not the bits: mixed-radix words hold digits below `size` only.
  return r.bits === 32 || (r.lo <= 0 && -r.lo < r.size);
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

/**
 * Mixed-radix words: each word holds the values of consecutive slots as the digits of a number
 * below 2^31 (slot sizes need not be powers of two: 13 slots of 19 values fit 2 words, not the 3
 * that 5 bits each take). Null when a slot takes 2^31 values or more.
 */
function radixAssign(ranges: readonly SlotRange[]): { word: number[]; words: number; bits: number } | null {
  if (ranges.some((r) => r.size >= 2 ** 31)) return null;
  const word: number[] = [];
  let w = 0;
  let product = 1;
  let bits = 0;
  for (const r of ranges) {
    if (r.size <= 1) {
      word.push(-1);
      continue;
    }
    if (product * r.size > 2 ** 31) {
      bits += Math.log2(product);
      w++;
      product = 1;
    }
    word.push(w);
    product *= r.size;
  }
  bits += Math.log2(product);
  return { word, words: ranges.some((r) => r.size > 1) ? w + 1 : 1, bits: Math.ceil(bits) };
}

/** pack/unpack of mixed-radix words (the first slot of a word is its lowest digit). */
function radixPacker(ranges: readonly SlotRange[], word: number[], words: number, bits: number): Packer {
  const lo = (r: SlotRange) => (r.lo < 0 ? `(${r.lo})` : `${r.lo}`);
  const live = (r: SlotRange) => (r.live ? `s[${r.live.len}] > ${r.live.pos}` : null);
  const rel = (j: number) => {
    const r = ranges[j];
    const v = r.lo === 0 ? `s[${j}]` : `(s[${j}] - ${lo(r)})`;
    return live(r) ? `(${live(r)} ? ${v} : 0)` : v;
  };
  const packLines: string[] = [];
  const unpackLines: string[] = ["let x = 0;"];
  ranges.forEach((r, j) => {
    if (word[j] < 0) unpackLines.push(`s[${j}] = ${live(r) ? `${live(r)} ? ${r.lo} : 0` : r.lo};`);
  });
  for (let w = 0; w < words; w++) {
    const slots = word.map((x, j) => (x === w ? j : -1)).filter((j) => j >= 0);
    let expr = slots.length ? rel(slots[slots.length - 1]) : "0";
    for (let i = slots.length - 2; i >= 0; i--) expr = `${rel(slots[i])} + ${ranges[slots[i]].size} * (${expr})`;
    packLines.push(`out[o${w === 0 ? "" : ` + ${w}`}] = ${expr};`);
    unpackLines.push(`x = b[o${w === 0 ? "" : ` + ${w}`}];`);
    slots.forEach((j, i) => {
      const r = ranges[j];
      const last = i === slots.length - 1;
      const digit = last ? "x" : `x % ${r.size}`;
      const value = r.lo === 0 ? digit : `${digit} + ${lo(r)}`;
      // A queue's length slot comes before its entries, so it is already unpacked.
      unpackLines.push(`s[${j}] = ${live(r) ? `${live(r)} ? ${value} : 0` : value};`);
      if (!last) unpackLines.push(`x = (x / ${r.size}) | 0;`);
    });
  }
  const pack = new Function("s", "out", "o", `"use strict";\n${packLines.join("\n")}`) as Packer["pack"];
  const unpack = new Function("b", "o", "s", `"use strict";\n${unpackLines.join("\n")}`) as Packer["unpack"];
  return { words, bits, ranges, pack, unpack };
}

export function makePacker(layout: Layout): Packer {
  const ranges = layoutRanges(layout);
  const { word, shift, words, bits } = assign(ranges);
  // Bit fields unpack with shifts and masks, the fastest; mixed radix only where it saves a word
  // (fewer words: less memory per state, and up to 2 words the 64-bit keys are exact).
  const radix = radixAssign(ranges);
  if (radix && radix.words < words) return radixPacker(ranges, radix.word, radix.words, radix.bits);
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

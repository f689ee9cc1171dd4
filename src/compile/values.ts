// Indexes of values in generated code (src/ir/finite.ts gives the numbering): the index of a value
// held as slot codes in a finite type, the slot codes of an index, and set bit positions. Map
// keys, set elements, option payloads and compound action choices all go through here.

import { setBase } from "../ir/finite.js";
import { sizeOfTy, denOf, isPlainInt, slotCount, stepOf, type IntTy, type Ty } from "../ir/types.js";
import { sameKey } from "../check/compat.js";
import { indexToSlots } from "../model/values.js";
import { isConst } from "./emitter.js";
import { bind, lit, type Ctx } from "./expr.js";

/** An index expression and the condition under which the value really is one of the type's
 * ("true" when the static types guarantee it). The index is meaningful only where `ok` holds. */
export interface Indexed {
  readonly idx: string;
  readonly ok: string;
}

function and(conds: readonly string[]): string {
  const live = conds.filter((c) => c !== "true");
  return live.length === 0 ? "true" : live.map((c) => (live.length > 1 ? `(${c})` : c)).join(" && ");
}

/** `x * k`, folded. */
export function times(x: string, k: number): string {
  if (k === 1) return x;
  if (isConst(x)) return lit(Number(x) * k);
  return `(${x} * ${lit(k)})`;
}

/** `x + k`, folded. */
export function plus(x: string, k: number): string {
  if (k === 0) return x;
  if (isConst(x)) return lit(Number(x) + k);
  return k < 0 ? `(${x} - ${-k})` : `(${x} + ${k})`;
}

/** A number's scaled code over `from`'s denominator, as a code over `to`'s, and the condition that
 * it is a value of `to` (whole over its denominator, in range, on its step). */
export function numberIn(ctx: Ctx, code: string, from: IntTy, to: IntTy): { y: string; ok: string } {
  const df = denOf(from);
  const dt = denOf(to);
  const conds: string[] = [];
  let y: string;
  let lo = from.lo;
  let hi = from.hi;
  if (dt % df === 0) {
    y = times(code, dt / df);
    lo *= dt / df;
    hi *= dt / df;
  } else {
    const x = bind(ctx, times(code, dt));
    conds.push(`${x} % ${df} === 0`);
    y = `(${x} / ${df})`;
    lo = Math.floor((lo * dt) / df);
    hi = Math.ceil((hi * dt) / df);
  }
  const inRange = lo >= to.lo && hi <= to.hi;
  const st = stepOf(to);
  const onStep = st === 1 || (df === dt && lo === hi && (lo - to.lo) % st === 0) || (df === dt && stepOf(from) % st === 0 && (from.lo - to.lo) % st === 0);
  if (!inRange || !onStep) y = bind(ctx, y);
  if (!inRange) conds.push(`${y} >= ${lit(to.lo)} && ${y} <= ${lit(to.hi)}`);
  if (!onStep) conds.push(`(${y} - ${lit(to.lo)}) % ${st} === 0`);
  return { y, ok: and(conds) };
}

/** The index in `to` of a value of `from` held as slot codes. */
export function indexIn(ctx: Ctx, slots: readonly string[], from: Ty, to: Ty): Indexed {
  switch (to.k) {
    case "bool":
    case "enum":
      return { idx: slots[0], ok: "true" };
    case "int": {
      const { y, ok } = numberIn(ctx, slots[0], from as IntTy, to);
      const st = stepOf(to);
      const rel = to.lo === 0 ? y : isConst(y) ? lit(Number(y) - to.lo) : `(${y} - ${lit(to.lo)})`;
      const idx = st === 1 ? rel : isConst(rel) ? lit(Number(rel) / st) : `${rel} / ${st}`;
      return { idx, ok };
    }
    case "option": {
      const f = from as I_Opt;
      if (f.elem.k === "any" || to.elem.k === "any" || sameKey(f.elem, to.elem)) return { idx: slots[0], ok: "true" };
      const s = bind(ctx, slots[0]);
      const inner = indexIn(ctx, decodeIndex(ctx, `(${s} - 1)`, f.elem), f.elem, to.elem);
      const idx = `(${s} === 0 ? 0 : 1 + ${inner.idx})`;
      return { idx, ok: inner.ok === "true" ? "true" : `${s} === 0 || (${inner.ok})` };
    }
    case "rec": {
      const f = from as Extract<Ty, { k: "rec" }>;
      let o = 0;
      let idx = "0";
      const oks: string[] = [];
      to.fields.forEach((field, i) => {
        const w = slotCount(f.fields[i].ty);
        const part = indexIn(ctx, slots.slice(o, o + w), f.fields[i].ty, field.ty);
        o += w;
        oks.push(part.ok);
        const n = sizeOfTy(field.ty);
        idx = i === 0 ? part.idx : isConst(idx) && isConst(part.idx) ? String(Number(idx) * n + Number(part.idx)) : `${idx === "0" ? "" : `${times(paren(idx), n)} + `}${part.idx}`;
      });
      return { idx: paren(idx), ok: and(oks) };
    }
    default:
      throw new Error(`internal: ${to.k} values have no index`);
  }
}

type I_Opt = Extract<Ty, { k: "option" }>;

function paren(x: string): string {
  return /^[A-Za-z0-9_.[\]]+$/.test(x) || /^\(.*\)$/.test(x) ? x : `(${x})`;
}

/** The slot codes of the value with index `idx` in `ty`. */
export function decodeIndex(ctx: Ctx, idx: string, ty: Ty): string[] {
  if (isConst(idx)) {
    const out: number[] = new Array(slotCount(ty)).fill(0);
    indexToSlots(ty, Number(idx), out, 0);
    return out.map(lit);
  }
  switch (ty.k) {
    case "bool":
    case "enum":
    case "option":
      return [idx];
    case "int": {
      const st = stepOf(ty);
      return [plus(times(paren(idx), st), ty.lo)];
    }
    case "rec": {
      const i = bind(ctx, idx);
      const out: string[][] = [];
      let radix = 1;
      for (let k = ty.fields.length - 1; k >= 0; k--) {
        const n = sizeOfTy(ty.fields[k].ty);
        const q = radix === 1 ? i : `Math.floor(${i} / ${radix})`;
        const part = k === 0 ? q : `${q} % ${n}`;
        out.unshift(decodeIndex(ctx, part, ty.fields[k].ty));
        radix *= n;
      }
      return out.flat();
    }
    default:
      throw new Error(`internal: ${ty.k} values have no index`);
  }
}

/** The bit position of a value in a set over `elem` (plain integers: the value itself), relative to
 * the set's first word, with the condition that the value is an element of `elem`. `universe`:
 * the condition is only that the position is inside the set's words (for membership tests). */
export function positionIn(ctx: Ctx, slots: readonly string[], from: Ty, elem: Ty, universe = false): Indexed {
  const base = setBase(elem);
  if (isPlainInt(elem)) {
    const words = Math.floor(elem.hi / 32) - Math.floor(elem.lo / 32) + 1;
    const range: IntTy = universe ? { k: "int", lo: base, hi: base + 32 * words - 1 } : { k: "int", lo: elem.lo, hi: elem.hi };
    const { y, ok } = numberIn(ctx, slots[0], from as IntTy, range);
    const rel = base === 0 ? y : isConst(y) ? lit(Number(y) - base) : `(${y} - ${lit(base)})`;
    return { idx: rel, ok };
  }
  return indexIn(ctx, slots, from, elem);
}

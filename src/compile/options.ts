// Options and compound action choices in generated code. An option is one slot: 0 for none,
// 1 + the payload's index for some(payload) (src/ir/finite.ts). An action's choice of a compound
// type arrives as its index (a set's: the bitmask of its elements' indexes) and is unpacked into
// slot codes where the action or a step property reads it.

import type * as I from "../ir/ir.js";
import { setBase } from "../ir/finite.js";
import { isPlainInt, setWords, slotCount, type Ty } from "../ir/types.js";
import { isConst } from "./emitter.js";
import { bind, compileCode, compileSlots, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";
import { decodeIndex, indexIn } from "./values.js";

type Builtin = Extract<I.Expr, { k: "builtin" }>;

/** `some(x)`: 1 + x's index in the option's value type. */
export function compileSome(ctx: Ctx, e: Builtin): string[] {
  const t = e.ty as I.OptTy;
  const x = e.args[0];
  if (t.elem.k === "any") return ["0"];
  const r = indexIn(ctx, compileSlots(ctx, x), x.ty, t.elem);
  return [isConst(r.idx) ? String(1 + Number(r.idx)) : `(1 + ${r.idx})`];
}

/** `get(o)`: the payload's slot codes; fails on none. */
export function compileGet(ctx: Ctx, e: Builtin): string[] {
  const o = e.args[0];
  const t = o.ty as I.OptTy;
  const s = bind(ctx, compileCode(ctx, o));
  ctx.fn.line(`if (${s} === 0) F(${e.site}, "");`);
  return decodeIndex(ctx, `(${s} - 1)`, t.elem as Ty);
}

/** `get_or(o, d)`: the payload, or `d` when o is none (both evaluated, o first). */
export function compileGetOr(ctx: Ctx, e: Builtin): string[] {
  const o = e.args[0];
  const t = o.ty as I.OptTy;
  const s = bind(ctx, compileCode(ctx, o));
  const d = reshape(ctx, compileSlots(ctx, e.args[1]), e.args[1].ty, e.ty).map((x) => bind(ctx, x));
  const v = reshape(ctx, decodeIndex(ctx, `(${s} - 1)`, t.elem as Ty), t.elem as Ty, e.ty);
  return v.map((x, k) => `(${s} === 0 ? ${d[k]} : ${x})`);
}

/** The slot codes of a choice code (src/ir/finite.ts, choiceCode) of type `ty`. */
export function choiceSlots(ctx: Ctx, ty: Ty, code: string): string[] {
  if (ty.k === "bool" || ty.k === "int" || ty.k === "enum" || ty.k === "option") return [code];
  if (ty.k === "set") {
    const elem = ty.elem;
    if (elem.k === "any" || !isPlainInt(elem)) return [code];
    // Plain integers sit at their own positions: the mask of indexes shifts to lo - base.
    const off = elem.lo - setBase(elem);
    return Array.from({ length: setWords(elem) }, (_, k) => {
      const sh = off - 32 * k;
      if (sh === 0) return code;
      if (sh > 0) return sh < 32 ? `(${code} << ${sh})` : "0";
      return -sh < 32 ? `(${code} >>> ${-sh})` : "0";
    });
  }
  if (slotCount(ty) === 1) return decodeIndex(ctx, code, ty);
  return decodeIndex(ctx, code, ty);
}

// Sets in generated code: a bitset of 32-bit words over the element type's positions (plain
// integers at their own values, word-aligned; every other type at its index: src/ir/finite.ts).
// A one-word set is one JS number, as before sets could grow; wider sets are slot lists, and
// sets over different integer ranges line up word by word without shifting.

import type * as I from "../ir/ir.js";
import { setBase, valueAt, valueIndex } from "../ir/finite.js";
import { isPlainInt, setWords, sizeOfTy, type Ty } from "../ir/types.js";
import { sameKey, unify } from "../check/compat.js";
import { isConst, isSimple } from "./emitter.js";
import { bind, compileCode, compileScalar, compileSlots, lit, placeOf, placeShaped, type Ctx } from "./expr.js";
import { positionIn } from "./values.js";

type SetTy = I.SetTy;

export function wordsOf(t: SetTy): number {
  return t.elem.k === "any" ? 1 : setWords(t.elem);
}

function baseOf(t: SetTy): number {
  return t.elem.k === "any" || t.elem.k === "error" ? 0 : setBase(t.elem);
}

/** For each element index of `from` (a set type whose elements are not plain integers), its index
 * in `to`'s element type, or -1 when it is not one of `to`'s elements. */
export function remapTable(from: Ty, to: Ty): number[] {
  return Array.from({ length: sizeOfTy(from) }, (_, i) => valueIndex(to, valueAt(from, i)));
}

/** A set's words renumbered element by element into another element type (elements missing from
 * it are dropped: a fit check reports them first). */
function remapSet(slots: readonly string[], from: Ty, to: Ty, n: number): string[] {
  const terms: string[][] = Array.from({ length: n }, () => []);
  remapTable(from, to).forEach((j, i) => {
    if (j < 0) return;
    const src = slots[i >>> 5];
    if (src === "0") return;
    const bit = `((${src} >>> ${i & 31}) & 1)`;
    terms[j >>> 5].push((j & 31) === 0 ? bit : `(${bit} << ${j & 31})`);
  });
  return terms.map((t) => (t.length === 0 ? "0" : t.length === 1 ? t[0] : `(${t.join(" | ")})`));
}

/** A set's words laid out as another set type's (plain integers: words selected, padded with 0;
 * other elements: renumbered when the element types differ). */
export function reshapeSet(slots: readonly string[], from: SetTy, to: SetTy): string[] {
  const n = wordsOf(to);
  if (from.elem.k === "any") return Array.from({ length: n }, () => "0");
  if (to.elem.k !== "any" && !(isPlainInt(from.elem) && isPlainInt(to.elem)) && !sameKey(from.elem, to.elem)) return remapSet(slots, from.elem, to.elem, n);
  const shift = (baseOf(to) - baseOf(from)) / 32;
  return Array.from({ length: n }, (_, k) => {
    const j = k + shift;
    return j >= 0 && j < slots.length ? slots[j] : "0";
  });
}

/** Whether the same element sits at the same bit in both set types. */
function sameLayout(a: SetTy, b: SetTy): boolean {
  if (a.elem.k === "any" || b.elem.k === "any") return wordsOf(a) === 1 && wordsOf(b) === 1;
  return wordsOf(a) === wordsOf(b) && baseOf(a) === baseOf(b) && ((isPlainInt(a.elem) && isPlainInt(b.elem)) || sameKey(a.elem, b.elem));
}

/** Whether a set of type `a` is laid out as `b` by selecting words (no renumbering). */
function wordAligned(a: SetTy, b: SetTy): boolean {
  return a.elem.k === "any" || b.elem.k === "any" || (isPlainInt(a.elem) && isPlainInt(b.elem)) || sameKey(a.elem, b.elem);
}

/** A set expression's words, in its own type's layout. */
export function setWordsOf(ctx: Ctx, e: I.Expr): string[] {
  const t = e.ty as SetTy;
  return wordsOf(t) === 1 ? [compileScalar(ctx, e)] : compileSlots(ctx, e);
}

/** `e`'s words in the layout of `to`. */
function wordsAs(ctx: Ctx, e: I.Expr, to: SetTy): string[] {
  return reshapeSet(setWordsOf(ctx, e), e.ty as SetTy, to);
}

/** union, intersect, minus: the words of the result (in e.ty's layout). */
export function compileSetOp(ctx: Ctx, e: Extract<I.Expr, { k: "setop" }>): string[] {
  const t = e.ty;
  const l = wordsAs(ctx, e.l, t).map((x) => (wordsOf(t) > 1 ? bind(ctx, x) : x));
  const r = wordsAs(ctx, e.r, t).map((x) => (wordsOf(t) > 1 ? bind(ctx, x) : x));
  return l.map((x, k) => (e.op === "union" ? `(${x} | ${r[k]})` : e.op === "intersect" ? `(${x} & ${r[k]})` : `(${x} & ~${r[k]})`));
}

/** `l subset r`. */
export function compileSubset(ctx: Ctx, e: Extract<I.Expr, { k: "subset" }>): string {
  const lt = e.l.ty as SetTy;
  const rt = e.r.ty as SetTy;
  if (wordsOf(lt) === 1 && sameLayout(lt, rt)) return `((${compileScalar(ctx, e.l)} & ~${compileScalar(ctx, e.r)}) === 0)`;
  // Plain integers: r's words selected in l's layout; other elements: both renumbered into
  // their join (the checker keeps that small).
  const u = wordAligned(lt, rt) ? lt : ((unify(lt, rt) ?? lt) as SetTy);
  const l = wordsAs(ctx, e.l, u).map((x) => bind(ctx, x));
  const r = wordsAs(ctx, e.r, u).map((x) => bind(ctx, x));
  return `(${l.map((x, k) => `(${x} & ~${r[k]}) === 0`).join(" && ")})`;
}

/** `l == r` for sets (negated by the caller). */
export function compileSetEq(ctx: Ctx, l: I.Expr, r: I.Expr): string {
  const lt = l.ty as SetTy;
  const rt = r.ty as SetTy;
  if (wordsOf(lt) === 1 && sameLayout(lt, rt)) return `${compileScalar(ctx, l)} === ${compileScalar(ctx, r)}`;
  const u = (unify(lt, rt) ?? lt) as SetTy;
  const a = wordsAs(ctx, l, u).map((x) => bind(ctx, x));
  const b = wordsAs(ctx, r, u).map((x) => bind(ctx, x));
  return a.map((x, k) => `${x} === ${b[k]}`).join(" && ");
}

/** Word `w` (a JS expression) of a set held as words: the state read itself when the set is in a
 * state array, else a choice among the words. */
function dynamicWord(ctx: Ctx, coll: I.Expr, words: readonly string[] | null, w: string): string {
  if (words === null) {
    const p = placeOf(ctx, coll)!;
    return `${p.arr}[${typeof p.base === "number" ? (p.base === 0 ? w : `${p.base} + ${w}`) : `${p.base} + ${w}`}]`;
  }
  if (isConst(w)) return words[Number(w)] ?? "0";
  let out = "0";
  for (let k = words.length - 1; k >= 0; k--) out = `(${w} === ${k} ? ${words[k]} : ${out})`;
  return out;
}

/** `x in S` for a set S: false for a value outside S's element type. */
export function compileSetIn(ctx: Ctx, e: Extract<I.Expr, { k: "in" }>, mayBeAbsent: boolean): string {
  const t = e.coll.ty as SetTy;
  if (t.elem.k === "any") return "false";
  const n = wordsOf(t);
  const xs = compileSlots(ctx, e.elem);
  const m = n === 1 ? compileScalar(ctx, e.coll) : null;
  const inPlace = n > 1 && placeShaped(e.coll);
  const words = n === 1 ? [m!] : inPlace ? null : compileSlots(ctx, e.coll).map((x) => bind(ctx, x));
  if (mayBeAbsent) xs[0] = bind(ctx, xs[0]);
  const pos = positionIn(ctx, xs, e.elem.ty, t.elem, true);
  const guard = [mayBeAbsent ? `${xs[0]} !== NONE` : "true", pos.ok].filter((c) => c !== "true");
  let test: string;
  if (n === 1) {
    test = isConst(pos.idx) && guard.length === 0 ? `(${m} & ${lit(1 << Number(pos.idx))}) !== 0` : `((${m} >>> ${pos.idx}) & 1) === 1`;
  } else {
    const p = isSimple(pos.idx) ? pos.idx : bind(ctx, pos.idx);
    const w = isConst(p) ? String(Number(p) >>> 5) : `(${p} >>> 5)`;
    test = `((${dynamicWord(ctx, e.coll, words, w)} >>> ${isConst(p) ? Number(p) & 31 : `(${p} & 31)`}) & 1) === 1`;
  }
  return guard.length ? `${guard.join(" && ")} && ${test}` : test;
}

/** The number of elements. */
export function compileSize(ctx: Ctx, s: I.Expr): string {
  const words = setWordsOf(ctx, s);
  return words.length === 1 ? `pc(${words[0]})` : `(${words.map((w) => `pc(${w})`).join(" + ")})`;
}

/** A set literal's words; elements outside the literal's element type fail at its site. */
export function compileSetLit(ctx: Ctx, e: Extract<I.Expr, { k: "setLit" }>): string[] {
  const t = e.ty;
  const n = wordsOf(t);
  if (e.elems.length === 0 || t.elem.k === "any") return Array.from({ length: n }, () => "0");
  const elem = t.elem;
  // Every element is evaluated before any is checked, as in the reference semantics.
  const codes = e.elems.map((x) => {
    const xs = compileSlots(ctx, x);
    return xs.length === 1 ? xs : xs.map((s) => (isConst(s) ? s : bind(ctx, s)));
  });
  const pos = codes.map((xs, i) => positionIn(ctx, xs, e.elems[i].ty, elem));
  pos.forEach((p, i) => {
    if (p.ok !== "true") ctx.fn.line(`if (!(${p.ok})) F(${e.site}, ${detailOf(e.elems[i].ty, codes[i])});`);
  });
  const masks = Array.from({ length: n }, () => 0);
  const dyn: string[][] = Array.from({ length: n }, () => []);
  for (const p of pos) {
    if (isConst(p.idx)) {
      const q = Number(p.idx);
      masks[q >>> 5] |= 1 << (q & 31);
    } else if (n === 1) dyn[0].push(`(1 << ${p.idx})`);
    else {
      const q = bind(ctx, p.idx);
      for (let k = 0; k < n; k++) dyn[k].push(`((${q} >>> 5) === ${k} ? 1 << (${q} & 31) : 0)`);
    }
  }
  return masks.map((m, k) => {
    const parts = m !== 0 || dyn[k].length === 0 ? [String(m), ...dyn[k]] : dyn[k];
    return parts.length === 1 ? parts[0] : `(${parts.join(" | ")})`;
  });
}

/** A failure detail for a value that is not a set element (numbers as fractions). */
function detailOf(ty: Ty, codes: readonly string[]): string {
  if (ty.k === "int") return ty.den && ty.den > 1 ? `fr(${codes[0]}, ${ty.den})` : codes[0];
  return `"(" + ${codes.join(' + ", " + ')} + ")"`;
}

export { compileCode };

// Aggregates: unrolled over small domains (binders become constants, so indexes fold to fixed
// slots), loops over large ones. The where-condition and body are evaluated only for the values
// they apply to, in ascending order, stopping early for all/any, as the reference semantics does.

import type * as I from "../ir/ir.js";
import { setBase } from "../ir/finite.js";
import { isPlainInt, sizeOfTy, slotCount, stepOf, type Ty } from "../ir/types.js";
import { isConst } from "./emitter.js";
import { bind, compileCode, compileScalar, compileSlots, lit, placeOf, placeShaped, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";
import { choiceSlots } from "./options.js";
import { wordsOf } from "./sets.js";
import { decodeIndex, positionIn } from "./values.js";

/** Unroll a domain of at most this many values (and while the unroll budget lasts). */
const UNROLL_MAX = 16;

type Agg = Extract<I.Expr, { k: "agg" }>;

/** Calls `visit` inside code that binds each binder, in order, to each value of its domain. */
function iterate(ctx: Ctx, binders: readonly I.Binder[], visit: () => void): void {
  if (binders.length === 0) {
    visit();
    return;
  }
  const [b, ...rest] = binders;
  const inner = () => iterate(ctx, rest, visit);
  const fn = ctx.fn;
  const d = b.domain;
  if (d.k === "seq") {
    const q = d.seq.ty as I.SeqTy;
    const w = slotCount(d.elem);
    let slots: string[];
    if (placeShaped(d.seq)) {
      const p = placeOf(ctx, d.seq)!;
      const base = typeof p.base === "number" ? p.base : bind(ctx, p.base);
      slots = Array.from({ length: 1 + q.cap * w }, (_, k) => `${p.arr}[${typeof base === "number" ? base + k : `${base} + ${k}`}]`);
    } else {
      slots = compileSlots(ctx, d.seq).map((s) => bind(ctx, s));
    }
    const len = bind(ctx, slots[0]);
    for (let j = 0; j < q.cap; j++) {
      const elem = reshape(ctx, slots.slice(1 + j * w, 1 + (j + 1) * w), q.elem, d.elem);
      fn.block(`if (${len} > ${j})`, () => {
        ctx.locals.set(b.local, { slots: elem });
        inner();
      });
    }
    return;
  }
  const ty = d.k === "type" ? d.ty : d.elem;
  const words = d.k === "set" ? compileSlots(ctx, d.set).map((x) => bind(ctx, x)) : null;
  iterateValues(ctx, b.local, ty, words, inner);
}

/**
 * Binds `local` to each value of `ty` in index order (`words`: only to the elements of the set
 * whose words these are) and calls `visit` for each: unrolled over small types while the unroll
 * budget lasts (`ctx.unroll` is divided, not restored), else a JS loop.
 */
export function iterateValues(ctx: Ctx, local: number, ty: Ty, words: readonly string[] | null, visit: () => void): void {
  const fn = ctx.fn;
  if (ty.k === "set") {
    // subsets(T): every bitmask of T's elements, as a set value.
    const n = 2 ** (ty.elem.k === "any" ? 0 : sizeOfTy(ty.elem));
    const v = `v${local}_${fn.tmp()}`;
    fn.block(`for (let ${v} = 0; ${v} < ${n}; ${v}++)`, () => {
      ctx.locals.set(local, { slots: choiceSlots(ctx, ty, v) });
      visit();
    });
    return;
  }
  const n = sizeOfTy(ty);
  const plain = ty.k === "bool" || ty.k === "enum" || isPlainInt(ty);
  const lo = ty.k === "int" ? ty.lo : 0;
  const step = ty.k === "int" ? stepOf(ty) : 1;
  const base = setBase(ty);
  if (words !== null && words.length > 1) {
    iterateWords(ctx, words, ty, (slots) => {
      ctx.locals.set(local, { slots });
      visit();
    });
    return;
  }
  const mask = words === null ? null : words[0];
  // Position of the i-th value in a set over `ty` (plain integers: the value, from the word's base).
  const posOf = (i: number) => (isPlainInt(ty) ? lo + i - base : i);
  if (n <= UNROLL_MAX && ctx.unroll >= n) {
    ctx.unroll = Math.floor(ctx.unroll / n);
    for (let i = 0; i < n; i++) {
      const head = mask === null ? "" : `if ((${mask} & ${lit(1 << posOf(i))}) !== 0) `;
      fn.block(head.trim() || "", () => {
        ctx.locals.set(local, { slots: plain ? [lit(lo + i)] : decodeIndex(ctx, String(i), ty) });
        visit();
      });
    }
    return;
  }
  const v = `v${local}_${fn.tmp()}`;
  if (ty.k === "int" || plain) {
    const hi = lo + (n - 1) * step;
    fn.block(`for (let ${v} = ${lit(lo)}; ${v} <= ${lit(hi)}; ${v}${step === 1 ? "++" : ` += ${step}`})`, () => {
      if (mask !== null) {
        const p = isPlainInt(ty) ? (base === 0 ? v : `(${v} - ${lit(base)})`) : step === 1 && lo === 0 ? v : `((${v} - ${lit(lo)}) / ${step})`;
        fn.line(`if (((${mask} >>> ${p}) & 1) === 0) continue;`);
      }
      ctx.locals.set(local, { slots: [v] });
      visit();
    });
    return;
  }
  fn.block(`for (let ${v} = 0; ${v} < ${n}; ${v}++)`, () => {
    if (mask !== null) fn.line(`if (((${mask} >>> ${v}) & 1) === 0) continue;`);
    ctx.locals.set(local, { slots: decodeIndex(ctx, v, ty) });
    visit();
  });
}

/** Visits the elements of a multi-word set, in position order, with their slot codes. */
function iterateWords(ctx: Ctx, words: readonly string[], elem: Ty, visit: (slots: string[]) => void): void {
  const fn = ctx.fn;
  const base = setBase(elem);
  words.forEach((w, k) => {
    const b = `b${fn.tmp()}`;
    fn.block(`if (${w} !== 0) for (let ${b} = 0; ${b} < 32; ${b}++)`, () => {
      fn.line(`if (((${w} >>> ${b}) & 1) === 0) continue;`);
      const p = `${b} + ${base + 32 * k}`;
      visit(isPlainInt(elem) ? [bind(ctx, p)] : decodeIndex(ctx, bind(ctx, p), elem));
    });
  });
}

export function compileAggregate(ctx: Ctx, e: Agg): string {
  const fn = ctx.fn;
  const acc = fn.tmp();
  const init = e.op === "all" ? "true" : e.op === "any" ? "false" : e.op === "min" ? "Infinity" : e.op === "max" ? "-Infinity" : "0";
  fn.line(`${acc} = ${init};`);
  const label = fn.label();
  const savedUnroll = ctx.unroll;
  fn.block(`${label}:`, () => {
    iterate(ctx, e.binders, () => {
      const body = () => {
        switch (e.op) {
          case "all":
            fn.line(`if (!${compileScalar(ctx, e.body!)}) { ${acc} = false; break ${label}; }`);
            break;
          case "any":
            fn.line(`if (${compileScalar(ctx, e.body!)}) { ${acc} = true; break ${label}; }`);
            break;
          case "sum":
            fn.line(`${acc} += ${compileScalar(ctx, e.body!)};`);
            break;
          case "count":
            fn.line(`${acc}++;`);
            break;
          case "min":
          case "max": {
            const x = bind(ctx, compileScalar(ctx, e.body!));
            fn.line(`if (${x} ${e.op === "min" ? "<" : ">"} ${acc}) ${acc} = ${x};`);
            break;
          }
          case "set": {
            const st = e.ty as I.SetTy;
            const x = ctx.locals.get(e.binders[0].local)!.slots;
            const p = positionIn(ctx, x, binderTy(e.binders[0]), st.elem as Ty).idx;
            fn.line(`${acc} |= 1 << ${p};`);
            break;
          }
          default:
            throw new Error("internal: map comprehension in scalar position");
        }
      };
      if (e.where) {
        const w = compileScalar(ctx, e.where);
        fn.block(`if (${w})`, body);
      } else body();
    });
  });
  ctx.unroll = savedUnroll;
  if (e.op === "min" || e.op === "max") {
    fn.line(`if (${acc} === ${init}) F(${e.site}, "${e.op}");`);
  }
  return acc;
}

/** The type a binder's name takes. */
function binderTy(b: I.Binder): Ty {
  return b.domain.k === "type" ? b.domain.ty : b.domain.elem;
}

/** `map(k in K: value)`: one entry per key, in key index order. */
export function compileMapComprehension(ctx: Ctx, e: Agg): string[] {
  const b = e.binders[0];
  const mt = e.ty as I.MapTy;
  if (b.domain.k !== "type") throw new Error("internal: map over a non-type domain");
  const kt = b.domain.ty;
  const out: string[] = [];
  for (let i = 0; i < sizeOfTy(kt); i++) {
    ctx.locals.set(b.local, { slots: decodeIndex(ctx, String(i), kt) });
    const body = e.body!;
    const slots = body.ty.k === "bool" || body.ty.k === "int" || body.ty.k === "enum" ? [compileCode(ctx, body)] : compileSlots(ctx, body);
    out.push(...reshape(ctx, slots, body.ty, mt.val).map((s) => bind(ctx, s)));
  }
  return out;
}

/** `set(x in D where c)` over more than one word: word accumulators. */
export function compileSetComprehension(ctx: Ctx, e: Agg): string[] {
  const st = e.ty as I.SetTy;
  if (wordsOf(st) === 1) return [compileAggregate(ctx, e)];
  const fn = ctx.fn;
  const accs = Array.from({ length: wordsOf(st) }, () => fn.tmp());
  accs.forEach((a) => fn.line(`${a} = 0;`));
  const savedUnroll = ctx.unroll;
  iterate(ctx, e.binders, () => {
    const add = () => {
      const x = ctx.locals.get(e.binders[0].local)!.slots;
      const p = bind(ctx, positionIn(ctx, x, binderTy(e.binders[0]), st.elem as Ty).idx);
      if (isConst(p)) fn.line(`${accs[Number(p) >>> 5]} |= ${lit(1 << (Number(p) & 31))};`);
      else accs.forEach((a, k) => fn.line(`if ((${p} >>> 5) === ${k}) ${a} |= 1 << (${p} & 31);`));
    };
    if (e.where) fn.block(`if (${compileScalar(ctx, e.where)})`, add);
    else add();
  });
  ctx.unroll = savedUnroll;
  return accs;
}

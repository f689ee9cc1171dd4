// Expressions to JavaScript. A scalar compiles to one JS expression: bools as JS booleans ("value
// form") or as 0/1 ("code form", as stored in slots); ints, enum ordinals and set masks as numbers.
// A compound value compiles to its slot codes, one JS expression per slot. Statements that an
// expression needs first (temporaries, checks, loops) go to the function being built, so
// evaluation stays lazy where the language says so (and, or, implies, if, aggregates).

import type * as I from "../ir/ir.js";
import { isPlainInt, isWord, sizeOfTy, slotCount, type IntTy, type Ty } from "../ir/types.js";
import { unify } from "../check/compat.js";
import type { Layout } from "../model/layout.js";
import { compileAggregate, compileMapComprehension, compileSetComprehension } from "./aggregates.js";
import { FnBuilder, isConst, isSimple } from "./emitter.js";
import { emitFit, reshape } from "./fit.js";
import { commonCodes, compileArith, compileIntDivision, compileRound } from "./fractions.js";
import { compileGet, compileGetOr, compileSome, choiceSlots } from "./options.js";
import { compileSetEq, compileSetIn, compileSetLit, compileSetOp, compileSize, compileSubset } from "./sets.js";
import { indexIn } from "./values.js";
import { bindLet, compileFilter, compileRemoveAt } from "./queues.js";
import { stepArgs } from "./step-defs.js";

/** A local's slot codes (a scalar has one). */
export interface LocalRep {
  readonly slots: readonly string[];
}

export interface Ctx {
  readonly fn: FnBuilder;
  /** The array that reads go to ("" where no state may be read). */
  S: string;
  /** The pre-step state (step properties and defs); "" elsewhere. */
  readonly O: string;
  readonly locals: Map<number, LocalRep>;
  readonly spec: I.Spec;
  readonly layout: Layout;
  /** Parameter names of a step function. */
  readonly step?: { readonly act: string; readonly args: string };
  /** How many more copies of a body unrolling may make. */
  unroll: number;
}

/** A location in a state array: a constant slot number or the name of a temporary holding one. */
export interface PlaceRef {
  readonly arr: string;
  readonly base: number | string;
}

export function lit(n: number): string {
  return n < 0 ? `(${n})` : String(n);
}

export function bind(ctx: Ctx, code: string): string {
  if (isSimple(code)) return code;
  const t = ctx.fn.tmp();
  ctx.fn.line(`${t} = ${code};`);
  return t;
}

export function toBool(code: string): string {
  if (code === "0") return "false";
  if (code === "1") return "true";
  return `(${code} !== 0)`;
}

export function toCode(value: string): string {
  if (value === "false") return "0";
  if (value === "true") return "1";
  return `(${value} ? 1 : 0)`;
}

/** base + k, folded when both are constants. */
export function offset(base: number | string, k: number): number | string {
  if (typeof base === "number") return base + k;
  return k === 0 ? base : `${base} + ${k}`;
}

function addr(base: number | string, index: string, lo: number, w: number): number | string {
  if (typeof base === "number" && isConst(index)) return base + (Number(index) - lo) * w;
  const rel = lo === 0 ? index : `(${index} - ${lit(lo)})`;
  const scaled = w === 1 ? rel : `${rel} * ${w}`;
  return typeof base === "number" && base === 0 ? scaled : `${base} + ${scaled}`;
}

/** The index of a map key (any finite key type), failing at `site` when it is not a key. */
export function keyIndex(ctx: Ctx, index: I.Expr, key: Ty, site: number): string {
  const slots = compileSlots(ctx, index).map((x) => (isConst(x) ? x : bind(ctx, x)));
  const r = indexIn(ctx, slots, index.ty, key);
  if (r.ok !== "true") {
    const detail = index.ty.k === "int" && (index.ty.den ?? 1) > 1 ? `fr(${slots[0]}, ${index.ty.den})` : slots.length === 1 ? slots[0] : `"(" + ${slots.join(' + ", " + ')} + ")"`;
    ctx.fn.line(`if (!(${r.ok})) F(${site}, ${detail});`);
  }
  return r.idx;
}

/** Whether an expression may evaluate to NONE (an absent caller or step parameter, unwrapped). */
function mayBeAbsent(e: I.Expr): boolean {
  return e.k === "caller" || e.k === "stepParam";
}

/** Resolves a variable access chain (through `old`, map and queue indexes, record fields) to a
 * location, emitting the index checks; null when `e` is not such a chain. */
export function placeOf(ctx: Ctx, e: I.Expr): PlaceRef | null {
  switch (e.k) {
    case "var":
      return { arr: ctx.S, base: ctx.layout.vars[e.id].offset };
    case "old": {
      if (!placeShaped(e.e)) return null;
      const saved = ctx.S;
      ctx.S = ctx.O;
      try {
        return placeOf(ctx, e.e);
      } finally {
        ctx.S = saved;
      }
    }
    case "field": {
      if (!placeShaped(e.target)) return null;
      const t = placeOf(ctx, e.target)!;
      const rec = e.target.ty as I.RecTy;
      let k = 0;
      for (let i = 0; i < e.field; i++) k += slotCount(rec.fields[i].ty);
      return { arr: t.arr, base: offset(t.base, k) };
    }
    case "index": {
      if (!placeShaped(e.target)) return null;
      const t = placeOf(ctx, e.target)!;
      const tt = e.target.ty;
      if (tt.k === "map") {
        const key = tt.key;
        if (isPlainInt(key) && isPlainInt(e.index.ty)) {
          let idx = compileCode(ctx, e.index);
          const r = e.index.ty;
          if (r.lo < key.lo || r.hi > key.hi) {
            idx = bind(ctx, idx);
            ctx.fn.line(`if (${idx} < ${lit(key.lo)} || ${idx} > ${lit(key.hi)}) F(${e.site}, ${idx});`);
          }
          return { arr: t.arr, base: bindBase(ctx, addr(t.base, idx, key.lo, slotCount(tt.val))) };
        }
        const idx = keyIndex(ctx, e.index, key, e.site);
        return { arr: t.arr, base: bindBase(ctx, addr(t.base, idx, 0, slotCount(tt.val))) };
      }
      if (tt.k === "seq") {
        const i = bind(ctx, compileScalar(ctx, e.index));
        ctx.fn.line(`if (${i} < 0 || ${i} >= ${t.arr}[${t.base}]) F(${e.site}, ${i} + " (the queue holds " + ${t.arr}[${t.base}] + ")");`);
        return { arr: t.arr, base: bindBase(ctx, addr(offset(t.base, 1), i, 0, slotCount(tt.elem))) };
      }
      return null;
    }
    default:
      return null;
  }
}

function bindBase(ctx: Ctx, base: number | string): number | string {
  return typeof base === "number" ? base : bind(ctx, base);
}

/** Whether `e` is a variable access chain (so `placeOf` succeeds). */
export function placeShaped(e: I.Expr): boolean {
  switch (e.k) {
    case "var":
      return true;
    case "old":
      return placeShaped(e.e);
    case "field":
      return placeShaped(e.target);
    case "index":
      return (e.target.ty.k === "map" || e.target.ty.k === "seq") && placeShaped(e.target);
    default:
      return false;
  }
}

export function placeSlots(p: PlaceRef, w: number): string[] {
  return Array.from({ length: w }, (_, k) => `${p.arr}[${offset(p.base, k)}]`);
}

/** A scalar in code form (bools as 0/1). */
export function compileCode(ctx: Ctx, e: I.Expr): string {
  if (placeShaped(e) && isWord(e.ty)) {
    const p = placeOf(ctx, e)!;
    return `${p.arr}[${p.base}]`;
  }
  switch (e.k) {
    case "local":
      return ctx.locals.get(e.id)!.slots[0];
    case "caller":
    case "stepParam":
    case "present":
      return e.ty.k === "set" ? choiceSlots(ctx, e.ty, compileRawCode(ctx, e))[0] : compileRawCode(ctx, e);
    case "const":
      return lit(e.v);
  }
  const v = compileScalar(ctx, e);
  return e.ty.k === "bool" ? toCode(v) : v;
}

function compileRawCode(ctx: Ctx, e: I.Expr): string {
  const st = ctx.step!;
  if (e.k === "caller") {
    const withCaller = ctx.spec.actions.map((a) => (a.hasCaller ? 1 : 0));
    if (withCaller.every((x) => x === 1)) return `${st.args}[0]`;
    return `(HC[${st.act}] === 1 ? ${st.args}[0] : NONE)`;
  }
  if (e.k === "stepParam") {
    if (ctx.spec.actions.length === 1) return `${st.args}[${e.param}]`;
    return `(${st.act} === ${e.action} ? ${st.args}[${e.param}] : NONE)`;
  }
  if (e.k === "present") {
    const x = bind(ctx, compileRawCode(ctx, e.e));
    ctx.fn.line(`if (${x} === NONE) F(${e.site}, "");`);
    return x;
  }
  throw new Error("internal: not a step value");
}

/** Compiles `right` lazily: `combine(L, R)` when it needs no statements; otherwise a temporary
 * set to `left`, and `right` evaluated only when `when(t)` holds. */
function lazy(ctx: Ctx, left: string, right: I.Expr, combine: (l: string, r: string) => string, when: (t: string) => string, assign: (r: string) => string): string {
  const { lines, value } = ctx.fn.capture(() => compileScalar(ctx, right));
  if (lines.length === 0) return combine(left, value);
  const t = ctx.fn.tmp();
  ctx.fn.line(`${t} = ${left};`);
  ctx.fn.line(`if (${when(t)}) {`);
  ctx.fn.append(lines);
  ctx.fn.line(`  ${t} = ${assign(value)};`);
  ctx.fn.line("}");
  return t;
}

function compileEq(ctx: Ctx, e: Extract<I.Expr, { k: "eq" }>): string {
  let cond: string;
  const lt = e.l.ty;
  const rt = e.r.ty;
  if (lt.k === "set" && rt.k === "set") {
    cond = compileSetEq(ctx, e.l, e.r);
  } else if (lt.k === "int" && rt.k === "int") {
    const [a, b] = commonCodes(lt, rt, compileCode(ctx, e.l), compileCode(ctx, e.r));
    cond = `${a} === ${b}`;
  } else if ((isWord(lt) || isWord(rt)) && (lt.k !== "option" || rt.k !== "option" || sameOptionKey(lt, rt))) {
    cond = `${compileCode(ctx, e.l)} === ${compileCode(ctx, e.r)}`;
  } else {
    const u = unifyShape(lt, rt);
    const ls = reshape(ctx, compileSlots(ctx, e.l), lt, u).map((x) => bind(ctx, x));
    const rs = reshape(ctx, compileSlots(ctx, e.r), rt, u).map((x) => bind(ctx, x));
    cond = ls.length === 0 ? "true" : ls.map((x, i) => `${x} === ${rs[i]}`).join(" && ");
  }
  return e.neg ? `!(${cond})` : `(${cond})`;
}

function sameOptionKey(a: I.OptTy, b: I.OptTy): boolean {
  return a.elem.k === "any" || b.elem.k === "any" || unify(a, b) === a && unify(b, a) === b;
}

/** The common layout of two compatible compound types (queues: the larger capacity). */
export function unifyShape(a: Ty, b: Ty): Ty {
  if (a.k === "seq" && b.k === "seq") {
    const elem = a.elem.k === "any" ? b.elem : b.elem.k === "any" ? a.elem : unifyShape(a.elem, b.elem);
    return { k: "seq", elem, cap: Math.max(a.cap, b.cap) };
  }
  if (a.k === "map" && b.k === "map") return { k: "map", key: a.key, val: unifyShape(a.val, b.val) };
  if (a.k === "rec" && b.k === "rec") return { k: "rec", fields: a.fields.map((f, i) => ({ name: f.name, ty: unifyShape(f.ty, b.fields[i].ty) })) };
  if (a.k === "any") return b;
  if ((a.k === "int" && b.k === "int") || (a.k === "option" && b.k === "option") || (a.k === "set" && b.k === "set")) return unify(a, b) ?? a;
  return a;
}

function compileBuiltinScalar(ctx: Ctx, e: Extract<I.Expr, { k: "builtin" }>): string {
  switch (e.fn) {
    case "div":
    case "div_up":
    case "mul_div":
    case "mul_div_up":
      return compileIntDivision(ctx, e, e.args.map((a) => compileScalar(ctx, a)));
    case "floor":
    case "ceil":
      return compileRound(e, compileScalar(ctx, e.args[0]));
    case "min":
    case "max": {
      const [a, b] = commonCodes(e.args[0].ty as IntTy, e.args[1].ty as IntTy, compileScalar(ctx, e.args[0]), compileScalar(ctx, e.args[1]));
      return `Math.${e.fn}(${a}, ${b})`;
    }
    case "abs":
      return `Math.abs(${compileScalar(ctx, e.args[0])})`;
    case "size":
      return compileSize(ctx, e.args[0]);
    case "len":
      return compileSlots(ctx, e.args[0])[0];
    case "head": {
      const slots = compileSeqBuiltin(ctx, e);
      return e.ty.k === "bool" ? toBool(slots[0]) : slots[0];
    }
    case "some":
    case "get":
    case "get_or": {
      const slots = e.fn === "some" ? compileSome(ctx, e) : e.fn === "get" ? compileGet(ctx, e) : compileGetOr(ctx, e);
      return e.ty.k === "bool" ? toBool(slots[0]) : slots[0];
    }
    default:
      throw new Error(`internal: ${e.fn} is not scalar`);
  }
}

function compileIn(ctx: Ctx, e: Extract<I.Expr, { k: "in" }>): string {
  if (e.coll.ty.k === "set") {
    const cond = compileSetIn(ctx, e, mayBeAbsent(e.elem));
    return e.neg ? `!(${cond})` : `(${cond})`;
  }
  const q = e.coll.ty as I.SeqTy;
  const slots = compileSlots(ctx, e.coll).map((s) => bind(ctx, s));
  const w = slotCount(q.elem);
  const xs = compileSlots(ctx, e.elem).map((s) => bind(ctx, s));
  const u = unifyShape(q.elem, e.elem.ty);
  const xr = reshape(ctx, xs, e.elem.ty, u);
  const parts: string[] = [];
  for (let j = 0; j < q.cap; j++) {
    const ej = reshape(ctx, slots.slice(1 + j * w, 1 + (j + 1) * w), q.elem, u);
    parts.push(`(${slots[0]} > ${j} && ${ej.map((s, k) => `${s} === ${xr[k]}`).join(" && ") || "true"})`);
  }
  const cond = parts.join(" || ") || "false";
  return e.neg ? `!(${cond})` : `(${cond})`;
}

/** A one-slot value of type `from` (value form) as a value of `to`: numbers over another
 * denominator, options over another payload type. */
function asType(ctx: Ctx, v: string, from: Ty, to: Ty): string {
  if (from.k === "int" || from.k === "option") return reshape(ctx, [v], from, to)[0];
  return v;
}

/** A scalar in value form. */
export function compileScalar(ctx: Ctx, e: I.Expr): string {
  if (placeShaped(e) && isWord(e.ty)) {
    const code = compileCode(ctx, e);
    return e.ty.k === "bool" ? toBool(code) : code;
  }
  switch (e.k) {
    case "const":
      return e.ty.k === "bool" ? (e.v ? "true" : "false") : lit(e.v);
    case "local": {
      const c = ctx.locals.get(e.id)!.slots[0];
      return e.ty.k === "bool" ? toBool(c) : c;
    }
    case "neg":
      return `(-${compileScalar(ctx, e.e)})`;
    case "not":
      return `(!${compileScalar(ctx, e.e)})`;
    case "arith":
      return compileArith(ctx, e, compileScalar(ctx, e.l), compileScalar(ctx, e.r));
    case "cmp": {
      const [a, b] = commonCodes(e.l.ty as IntTy, e.r.ty as IntTy, compileScalar(ctx, e.l), compileScalar(ctx, e.r));
      return `(${a} ${e.op} ${b})`;
    }
    case "eq":
      return compileEq(ctx, e);
    case "logic": {
      const L = compileScalar(ctx, e.l);
      switch (e.op) {
        case "and":
          return lazy(ctx, L, e.r, (l, r) => `(${l} && ${r})`, (t) => t, (r) => r);
        case "or":
          return lazy(ctx, L, e.r, (l, r) => `(${l} || ${r})`, (t) => `!${t}`, (r) => r);
        case "implies":
          return lazy(ctx, `!${L}`, e.r, (l, r) => `(${l} || ${r})`, (t) => `!${t}`, (r) => r);
        case "iff":
          return `(${L} === ${compileScalar(ctx, e.r)})`;
      }
      break;
    }
    case "setop":
      return compileSetOp(ctx, e)[0];
    case "in":
      return compileIn(ctx, e);
    case "subset":
      return compileSubset(ctx, e);
    case "ite": {
      const c = compileScalar(ctx, e.c);
      const t = ctx.fn.capture(() => asType(ctx, compileScalar(ctx, e.t), e.t.ty, e.ty));
      const f = ctx.fn.capture(() => asType(ctx, compileScalar(ctx, e.e), e.e.ty, e.ty));
      if (t.lines.length === 0 && f.lines.length === 0) return `(${c} ? ${t.value} : ${f.value})`;
      const r = ctx.fn.tmp();
      ctx.fn.line(`if (${c}) {`);
      ctx.fn.append(t.lines);
      ctx.fn.line(`  ${r} = ${t.value};`);
      ctx.fn.line("} else {");
      ctx.fn.append(f.lines);
      ctx.fn.line(`  ${r} = ${f.value};`);
      ctx.fn.line("}");
      return r;
    }
    case "call": {
      const args = e.args.flatMap((a) => compileSlots(ctx, a));
      const S = ctx.S || "d";
      return `D${e.def}(${[S, ctx.O || S, ...stepArgs(ctx, e.def), ...args].join(", ")})`;
    }
    case "let":
      bindLet(ctx, e);
      return compileScalar(ctx, e.body);
    case "builtin":
      return compileBuiltinScalar(ctx, e);
    case "agg":
      return compileAggregate(ctx, e);
    case "setLit":
      return compileSetLit(ctx, e)[0];
    case "old": {
      const saved = ctx.S;
      ctx.S = ctx.O;
      try {
        return compileScalar(ctx, e.e);
      } finally {
        ctx.S = saved;
      }
    }
    case "action":
      return ctx.step!.act;
    case "caller":
    case "stepParam":
    case "present": {
      const c = e.ty.k === "set" ? choiceSlots(ctx, e.ty, compileRawCode(ctx, e))[0] : compileRawCode(ctx, e);
      return e.ty.k === "bool" ? toBool(c) : c;
    }
    case "fit": {
      const slots = emitFit(ctx, compileSlots(ctx, e.e), e.e.ty, e.ty, e.site);
      return e.ty.k === "bool" ? toBool(slots[0]) : slots[0];
    }
    case "field":
    case "index": {
      // A part of a compound value that is not in a state array (a queue element bound by an
      // aggregate, `head(q).amount`, an entry of a map comprehension).
      const c = partOf(ctx, e)[0];
      return e.ty.k === "bool" ? toBool(c) : c;
    }
    default:
      break;
  }
  throw new Error(`internal: cannot compile ${e.k} as a scalar`);
}

export function seqParts(slots: readonly string[], t: I.SeqTy): { len: string; elems: string[][] } {
  const w = slotCount(t.elem);
  return { len: slots[0], elems: Array.from({ length: t.cap }, (_, j) => slots.slice(1 + j * w, 1 + (j + 1) * w)) };
}

function compileSeqBuiltin(ctx: Ctx, e: Extract<I.Expr, { k: "builtin" }>): string[] {
  const qt = e.args[0].ty as I.SeqTy;
  const q = compileSlots(ctx, e.args[0]).map((s) => bind(ctx, s));
  const { len, elems } = seqParts(q, qt);
  const w = slotCount(qt.elem);
  const zero = Array.from({ length: w }, () => "0");
  switch (e.fn) {
    case "head":
      ctx.fn.line(`if (${len} === 0) F(${e.site}, "");`);
      return elems[0] ?? zero;
    case "pop":
      ctx.fn.line(`if (${len} === 0) F(${e.site}, "");`);
      return [`${len} - 1`, ...elems.slice(1).flat(), ...zero];
    case "push": {
      // Arguments first, then the operation's own check, as the reference semantics evaluates.
      const x = reshape(
        ctx,
        compileSlots(ctx, e.args[1]).map((s) => bind(ctx, s)),
        e.args[1].ty,
        qt.elem,
      );
      ctx.fn.line(`if (${len} >= ${qt.cap}) F(${e.site}, "it already holds " + ${len} + " of ${qt.cap}");`);
      const out = [`${len} + 1`];
      elems.forEach((el, j) => el.forEach((s, k) => out.push(`(${len} === ${j} ? ${x[k]} : ${s})`)));
      return out;
    }
    default:
      throw new Error(`internal: ${e.fn} does not make a queue`);
  }
}

/** Selects entry `index` of a map or queue held as slot codes (not in a state array). */
function selectEntry(ctx: Ctx, e: Extract<I.Expr, { k: "index" }>): string[] {
  const tt = e.target.ty;
  const slots = compileSlots(ctx, e.target).map((s) => bind(ctx, s));
  if (tt.k === "map") {
    const key = tt.key;
    const n = sizeOfTy(key);
    let idx: string;
    let lo = 0;
    if (isPlainInt(key) && isPlainInt(e.index.ty)) {
      idx = bind(ctx, compileCode(ctx, e.index));
      lo = key.lo;
      ctx.fn.line(`if (${idx} < ${lit(lo)} || ${idx} > ${lit(lo + n - 1)}) F(${e.site}, ${idx});`);
    } else idx = bind(ctx, keyIndex(ctx, e.index, key, e.site));
    const w = slotCount(tt.val);
    return Array.from({ length: w }, (_, k) => {
      let expr = slots[(n - 1) * w + k];
      for (let i = n - 2; i >= 0; i--) expr = `(${idx} === ${lit(lo + i)} ? ${slots[i * w + k]} : ${expr})`;
      return expr;
    });
  }
  const idx = bind(ctx, compileCode(ctx, e.index));
  const qt = tt as I.SeqTy;
  const { len, elems } = seqParts(slots, qt);
  ctx.fn.line(`if (${idx} < 0 || ${idx} >= ${len}) F(${e.site}, ${idx} + " (the queue holds " + ${len} + ")");`);
  const w = slotCount(qt.elem);
  return Array.from({ length: w }, (_, k) => {
    let expr = elems[qt.cap - 1][k];
    for (let j = qt.cap - 2; j >= 0; j--) expr = `(${idx} === ${j} ? ${elems[j][k]} : ${expr})`;
    return expr;
  });
}

/** The slots of a field or entry of a compound value held as slot codes. */
function partOf(ctx: Ctx, e: Extract<I.Expr, { k: "field" | "index" }>): string[] {
  if (e.k === "index") return selectEntry(ctx, e);
  const slots = compileSlots(ctx, e.target);
  const rec = e.target.ty as I.RecTy;
  let k = 0;
  for (let i = 0; i < e.field; i++) k += slotCount(rec.fields[i].ty);
  return slots.slice(k, k + slotCount(e.ty));
}

/** Any value as slot codes. */
export function compileSlots(ctx: Ctx, e: I.Expr): string[] {
  if (isWord(e.ty)) return [compileCode(ctx, e)];
  if (placeShaped(e)) return placeSlots(placeOf(ctx, e)!, slotCount(e.ty));
  switch (e.k) {
    case "setop":
      return compileSetOp(ctx, e);
    case "setLit":
      return compileSetLit(ctx, e);
    case "caller":
    case "stepParam":
    case "present":
      return choiceSlots(ctx, e.ty, compileRawCode(ctx, e));
    case "const":
      // A multi-word set constant is never folded; the empty set fills every word with 0.
      return Array.from({ length: slotCount(e.ty) }, () => "0");
    case "local":
      return [...ctx.locals.get(e.id)!.slots];
    case "recLit":
      return e.fields.flatMap((f) => compileSlots(ctx, f));
    case "seqLit":
      return [
        String(e.elems.length),
        ...e.elems.flatMap((x) => reshape(ctx, compileSlots(ctx, x), x.ty, (e.ty as I.SeqTy).elem)),
      ];
    case "fill": {
      const inner = reshape(ctx, compileSlots(ctx, e.e), e.e.ty, e.ty.val).map((s) => bind(ctx, s));
      return Array.from({ length: sizeOfTy(e.ty.key) }, () => inner).flat();
    }
    case "field":
    case "index":
      return partOf(ctx, e);
    case "ite": {
      const c = bind(ctx, compileScalar(ctx, e.c));
      const t = ctx.fn.capture(() => reshape(ctx, compileSlots(ctx, e.t), e.t.ty, e.ty));
      const f = ctx.fn.capture(() => reshape(ctx, compileSlots(ctx, e.e), e.e.ty, e.ty));
      if (t.lines.length === 0 && f.lines.length === 0) return t.value.map((x, i) => `(${c} ? ${x} : ${f.value[i]})`);
      const rs = t.value.map(() => ctx.fn.tmp());
      ctx.fn.line(`if (${c}) {`);
      ctx.fn.append(t.lines);
      rs.forEach((r, i) => ctx.fn.line(`  ${r} = ${t.value[i]};`));
      ctx.fn.line("} else {");
      ctx.fn.append(f.lines);
      rs.forEach((r, i) => ctx.fn.line(`  ${r} = ${f.value[i]};`));
      ctx.fn.line("}");
      return rs;
    }
    case "builtin":
      if (e.fn === "get") return compileGet(ctx, e);
      if (e.fn === "get_or") return compileGetOr(ctx, e);
      return e.fn === "remove_at" ? compileRemoveAt(ctx, e) : compileSeqBuiltin(ctx, e);
    case "agg":
      if (e.op === "set") return compileSetComprehension(ctx, e);
      return e.op === "filter" ? compileFilter(ctx, e) : compileMapComprehension(ctx, e);
    case "let":
      bindLet(ctx, e);
      return compileSlots(ctx, e.body);
    case "old": {
      const saved = ctx.S;
      ctx.S = ctx.O;
      try {
        return compileSlots(ctx, e.e);
      } finally {
        ctx.S = saved;
      }
    }
    case "fit":
      return emitFit(ctx, compileSlots(ctx, e.e), e.e.ty, e.ty, e.site);
    default:
      throw new Error(`internal: cannot compile ${e.k} as a compound value`);
  }
}

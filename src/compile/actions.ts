// Action bodies. Reads go to the source state `s` until the first assignment on a path copies `s`
// into `d`; after that they go to `d`, so later statements see earlier writes (the language is
// imperative). A disabled instance (a failed `require` or pick condition) never copies anything.

import type * as I from "../ir/ir.js";
import { slotCount } from "../ir/types.js";
import type { Layout } from "../model/layout.js";
import { FnBuilder, isConst, isSimple } from "./emitter.js";
import { bind, compileScalar, compileSlots, offset, placeSlots, type Ctx, type PlaceRef } from "./expr.js";
import { emitFit } from "./fit.js";
import { choiceSlots } from "./options.js";
import { compileFor } from "./loops.js";
import { assertNever } from "../util/assert-never.js";
import { choiceCodeAt } from "../ir/finite.js";
import type { Ty } from "../ir/types.js";
import { placeOf } from "./expr.js";

/** Copy `s` into `d` (the generated CP function) and switch reads to `d`. */
export function ensureCopied(ctx: Ctx): void {
  if (ctx.S === "d") return;
  ctx.fn.line("CP(d, s);");
  ctx.S = "d";
}

/** The location an assignment writes, with its index checks emitted (reads from the current state). */
function writePlace(ctx: Ctx, p: I.Place): PlaceRef {
  let e: I.Expr = { k: "var", ty: ctx.spec.vars[p.var].ty, id: p.var, span: p.span };
  let ty = e.ty;
  for (const s of p.path) {
    if (s.k === "index") {
      const next = ty.k === "map" ? ty.val : ty.k === "seq" && ty.elem.k !== "any" ? ty.elem : ty;
      e = { k: "index", ty: next, target: e, index: s.index, site: s.site, span: p.span };
      ty = next;
    } else if (ty.k === "rec") {
      const next = ty.fields[s.field].ty;
      e = { k: "field", ty: next, target: e, field: s.field, span: p.span };
      ty = next;
    }
  }
  const ref = placeOf(ctx, e)!;
  return { arr: "d", base: ref.base };
}

function compileAssign(ctx: Ctx, s: Extract<I.Stmt, { k: "assign" }>): void {
  const ref = writePlace(ctx, s.place);
  const raw = compileSlots(ctx, s.value);
  let slots = emitFit(ctx, raw, s.value.ty, s.place.ty, s.site);
  // Writing several slots while reading the same state could read what was just written.
  if (slots.length > 1) slots = slots.map((x) => (isConst(x) || (isSimple(x) && !x.includes("["))) ? x : bindFresh(ctx, x));
  ensureCopied(ctx);
  const targets = placeSlots(ref, slotCount(s.place.ty));
  targets.forEach((t, k) => ctx.fn.line(`${t} = ${slots[k]};`));
}

export interface BodyState {
  /** The choice parameter (`c3`) of a pick by its number (loop rounds included). */
  readonly pickChoice: (pick: number) => string;
  /** The type a pick ranges over (its choice code is unpacked into that type's slots). */
  readonly pickTy: (pick: number) => Ty;
  /** Per pick made where it might not be reached (in a branch, in a round a loop may skip): the
   * temporary set to 1 when it is, so unmade picks can be pinned to one value. */
  readonly conditional: Map<number, string>;
}

export function compileStmts(ctx: Ctx, stmts: readonly I.Stmt[], st: BodyState, nested: boolean, picks = 0): void {
  for (const s of stmts) compileStmt(ctx, s, st, nested, picks);
}

/** `if (c) { then } else { otherwise }`, both paths leaving the successor in `d` the same way. */
export function emitIf(ctx: Ctx, c: string, then: () => void, otherwise: () => void): void {
  const fn = ctx.fn;
  const start = ctx.S;
  const t = fn.capture(() => {
    then();
    return ctx.S;
  });
  ctx.S = start;
  const f = fn.capture(() => {
    otherwise();
    return ctx.S;
  });
  const copied = t.value === "d" || f.value === "d";
  if (copied && t.value !== "d") t.lines.push("    CP(d, s);");
  if (copied && f.value !== "d") f.lines.push("    CP(d, s);");
  fn.line(`if (${c}) {`);
  fn.append(t.lines);
  if (f.lines.length > 0) {
    fn.line("} else {");
    fn.append(f.lines);
  }
  fn.line("}");
  ctx.S = copied ? "d" : start;
}

/** `picks` is added to every pick's number: the rounds of the enclosing loops, times their strides. */
function compileStmt(ctx: Ctx, s: I.Stmt, st: BodyState, nested: boolean, picks: number): void {
  const fn = ctx.fn;
  switch (s.k) {
    case "require": {
      const c = compileScalar(ctx, s.cond);
      fn.line(`if (!${c}) { RF[${s.req}]++; return 0; }`);
      fn.line(`RH[${s.req}]++;`);
      return;
    }
    case "let": {
      const slots = compileSlots(ctx, s.value);
      ctx.locals.set(s.local, { slots: slots.map((x) => (isConst(x) ? x : bindFresh(ctx, x))) });
      return;
    }
    case "if": {
      const c = bind(ctx, compileScalar(ctx, s.cond));
      emitIf(ctx, c, () => compileStmts(ctx, s.then, st, true, picks), () => compileStmts(ctx, s.else, st, true, picks));
      return;
    }
    case "pick": {
      const n = s.pick + picks;
      ctx.locals.set(s.local, { slots: choiceSlots(ctx, st.pickTy(n), st.pickChoice(n)) });
      if (nested) {
        const flag = ctx.fn.tmp();
        st.conditional.set(n, flag);
        fn.line(`${flag} = 1;`);
      }
      if (s.where) fn.line(`if (!${compileScalar(ctx, s.where)}) return 0;`);
      return;
    }
    case "assign":
      compileAssign(ctx, s);
      return;
    case "for":
      compileFor(ctx, s, (stmts, conditional, round) => compileStmts(ctx, stmts, st, nested || conditional, picks + round * s.stride));
      return;
    default:
      assertNever(s);
  }
}

/** A temporary that is never reassigned (a `let`): it stays valid after later writes. */
function bindFresh(ctx: Ctx, code: string): string {
  const t = ctx.fn.tmp();
  ctx.fn.line(`${t} = ${code};`);
  return t;
}

/** `A<k>(s, d, c0, c1, ...)`: 1 with the successor in `d`, or 0 when disabled. */
export function compileAction(spec: I.Spec, layout: Layout, a: I.Action, k: number): string {
  const fn = new FnBuilder();
  const ctx: Ctx = { fn, S: "s", O: "", locals: new Map(), spec, layout, unroll: 256 };
  a.choices.forEach((c, i) => c.kind !== "pick" && ctx.locals.set(c.local, { slots: choiceSlots(ctx, c.ty, `c${i}`) }));
  const firstPick = a.choices.findIndex((c) => c.kind === "pick");
  const conditional = new Map<number, string>();
  compileStmts(ctx, a.body, { conditional, pickChoice: (p) => `c${firstPick + p}`, pickTy: (p) => a.choices[firstPick + p].ty }, false);
  ensureCopied(ctx);
  // A pick its path never reached must not multiply the instances: only its first value counts.
  for (const [pick, flag] of conditional) {
    const choice = a.choices[firstPick + pick];
    const first = choiceCodeAt(choice.ty, 0);
    fn.line(`if (${flag} === 0 && c${firstPick + pick} !== ${first < 0 ? `(${first})` : first}) return 0;`);
  }
  fn.line("return 1;");
  const params = ["s", "d", ...a.choices.map((_, i) => `c${i}`)];
  return fn.finish(`A${k}(${params.join(", ")})`);
}

export { offset };

// `for` statements in action bodies. A loop is unrolled when it is small, or when its body picks
// (each round's picks are choices of their own, which are parameters of the action function):
// the loop variable is then a constant in each round, so indexes by it fold to fixed slots. A large
// loop over a type or a set becomes a JavaScript loop; the successor is copied before it when its
// body writes, so every round reads the same array. The domain is read once, before the first round.

import type * as I from "../ir/ir.js";
import { cardinality, scalarLo, slotCount } from "../ir/types.js";
import { emitIf, ensureCopied } from "./actions.js";
import { isConst } from "./emitter.js";
import { compileScalar, compileSlots, lit, placeOf, placeShaped, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";

/** Unroll a loop of at most this many rounds (and while the unroll budget lasts). */
const UNROLL_MAX = 16;

type For = Extract<I.Stmt, { k: "for" }>;

/** Compiles the body for one round (or for every round of a JS loop, `round` then 0): `conditional`
 * when the round may be skipped. */
type Body = (stmts: readonly I.Stmt[], conditional: boolean, round: number) => void;

/** Whether statements write the state (then a JS loop copies the successor first). */
function writes(stmts: readonly I.Stmt[]): boolean {
  return stmts.some((s) => s.k === "assign" || (s.k === "if" && (writes(s.then) || writes(s.else))) || (s.k === "for" && writes(s.body)));
}

/** A value read once and kept: the source state never changes during an action, anything else
 * (the successor, a temporary a later `let` may reuse) is copied to a temporary of its own. */
function snapshot(ctx: Ctx, code: string): string {
  if (isConst(code) || /^s\[[0-9]+\]$/.test(code)) return code;
  const t = ctx.fn.tmp();
  ctx.fn.line(`${t} = ${code};`);
  return t;
}

/** The slots of a queue, read once. */
function queueSlots(ctx: Ctx, q: I.Expr): string[] {
  if (placeShaped(q)) {
    const p = placeOf(ctx, q)!;
    const w = slotCount(q.ty);
    return Array.from({ length: w }, (_, k) => snapshot(ctx, `${p.arr}[${typeof p.base === "number" ? p.base + k : `${p.base} + ${k}`}]`));
  }
  return compileSlots(ctx, q).map((x) => snapshot(ctx, x));
}

export function compileFor(ctx: Ctx, s: For, body: Body): void {
  const fn = ctx.fn;
  const d = s.domain;
  if (d.k === "seq") {
    const q = d.seq.ty as I.SeqTy;
    const w = slotCount(q.elem);
    const slots = queueSlots(ctx, d.seq);
    for (let j = 0; j < q.cap; j++) {
      const elem = reshape(slots.slice(1 + j * w, 1 + (j + 1) * w), q.elem, d.elem);
      emitIf(ctx, `${slots[0]} > ${j}`, () => {
        ctx.locals.set(s.local, { slots: elem });
        body(s.body, true, j);
      }, () => {});
    }
    return;
  }
  const ty = d.k === "type" ? d.ty : d.elem;
  const lo = scalarLo(ty);
  const n = cardinality(ty);
  const mask = d.k === "set" ? snapshot(ctx, compileScalar(ctx, d.set)) : null;
  if (s.stride > 0 || (n <= UNROLL_MAX && ctx.unroll >= n)) {
    const saved = ctx.unroll;
    ctx.unroll = Math.max(1, Math.floor(ctx.unroll / Math.max(1, n)));
    for (let k = 0; k < n; k++) {
      const v = lo + k;
      const round = () => {
        ctx.locals.set(s.local, { slots: [lit(v)] });
        body(s.body, mask !== null, k);
      };
      if (mask === null) round();
      else emitIf(ctx, `(${mask} & ${1 << v}) !== 0`, round, () => {});
    }
    ctx.unroll = saved;
    return;
  }
  if (writes(s.body)) ensureCopied(ctx);
  const v = `v${s.local}_${fn.tmp()}`;
  fn.block(`for (let ${v} = ${lit(lo)}; ${v} <= ${lit(lo + n - 1)}; ${v}++)`, () => {
    if (mask !== null) fn.line(`if (((${mask} >>> ${v}) & 1) === 0) continue;`);
    ctx.locals.set(s.local, { slots: [v] });
    body(s.body, mask !== null, 0);
  });
}

// `for` statements in action bodies. A loop is unrolled when it is small, or when its body picks
// (each round's picks are choices of their own, which are parameters of the action function):
// the loop variable is then a constant in each round, so indexes by it fold to fixed slots. A large
// loop over a type or a set becomes a JavaScript loop; the successor is copied before it when its
// body writes, so every round reads the same array. The domain is read once, before the first round.

import type * as I from "../ir/ir.js";
import { setBase } from "../ir/finite.js";
import { isPlainInt, sizeOfTy, slotCount } from "../ir/types.js";
import { emitIf, ensureCopied } from "./actions.js";
import { iterateValues } from "./aggregates.js";
import { isConst } from "./emitter.js";
import { compileSlots, lit, placeOf, placeShaped, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";
import { choiceSlots } from "./options.js";
import { decodeIndex } from "./values.js";

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
  const d = s.domain;
  if (d.k === "seq") {
    const q = d.seq.ty as I.SeqTy;
    const w = slotCount(q.elem);
    const slots = queueSlots(ctx, d.seq);
    for (let j = 0; j < q.cap; j++) {
      const elem = reshape(ctx, slots.slice(1 + j * w, 1 + (j + 1) * w), q.elem, d.elem);
      emitIf(ctx, `${slots[0]} > ${j}`, () => {
        ctx.locals.set(s.local, { slots: elem });
        body(s.body, true, j);
      }, () => {});
    }
    return;
  }
  const ty = d.k === "type" ? d.ty : d.elem;
  const n = sizeOfTy(ty);
  // A set domain's words, read once (the body may write the set).
  const words = d.k === "set" ? compileSlots(ctx, d.set).map((x) => snapshot(ctx, x)) : null;
  if (s.stride > 0 || (n <= UNROLL_MAX && ctx.unroll >= n)) {
    const saved = ctx.unroll;
    ctx.unroll = Math.max(1, Math.floor(ctx.unroll / Math.max(1, n)));
    for (let k = 0; k < n; k++) {
      const round = () => {
        // The k-th value of the type (a subset of subsets(T): the k-th bitmask).
        ctx.locals.set(s.local, { slots: ty.k === "set" ? choiceSlots(ctx, ty, lit(k)) : decodeIndex(ctx, String(k), ty) });
        body(s.body, words !== null, k);
      };
      if (words === null) round();
      else {
        const p = (isPlainInt(ty) ? ty.lo + k : k) - setBase(ty);
        emitIf(ctx, `(${words[p >>> 5]} & ${lit(1 << (p & 31))}) !== 0`, round, () => {});
      }
    }
    ctx.unroll = saved;
    return;
  }
  if (writes(s.body)) ensureCopied(ctx);
  // One JS loop (or one per word of a set): the successor is in `d` already when the body writes,
  // so every round reads and writes the same array.
  iterateValues(ctx, s.local, ty, words, () => body(s.body, words !== null, 0));
}

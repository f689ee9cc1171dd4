// The queue helpers and `let ... in` in compiled expressions. `filter(x in q where c)` visits the
// queue's positions in order and moves each kept element to the next free position of the result;
// `remove_at(q, i)` shifts the elements after position i down by one.

import type * as I from "../ir/ir.js";
import { slotCount } from "../ir/types.js";
import { isConst } from "./emitter.js";
import { bind, compileScalar, compileSlots, lit, seqParts, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";

/** `let x = value in ...`: the value's slots, computed once, bound to the local. */
export function bindLet(ctx: Ctx, e: Extract<I.Expr, { k: "let" }>): void {
  const slots = compileSlots(ctx, e.value).map((x) => bind(ctx, x));
  ctx.locals.set(e.local, { slots });
}

export function compileFilter(ctx: Ctx, e: Extract<I.Expr, { k: "agg" }>): string[] {
  const fn = ctx.fn;
  const b = e.binders[0];
  if (b.domain.k !== "seq") throw new Error("internal: filter over a non-queue");
  const q = b.domain.seq.ty as I.SeqTy;
  const elemTy = b.domain.elem;
  const w = slotCount(q.elem);
  const { len, elems } = seqParts(compileSlots(ctx, b.domain.seq).map((x) => bind(ctx, x)), q);
  const n = fn.tmp();
  const out = Array.from({ length: q.cap * w }, () => fn.tmp());
  fn.line(`${[n, ...out].join(" = ")} = 0;`);
  elems.forEach((el, j) => {
    fn.block(`if (${len} > ${j})`, () => {
      ctx.locals.set(b.local, { slots: reshape(ctx, el, q.elem, elemTy) });
      const keep = e.where ? compileScalar(ctx, e.where) : "true";
      fn.block(`if (${keep})`, () => {
        // Element j can only land at positions 0 .. j.
        for (let p = 0; p <= j; p++) {
          const set = el.map((x, k) => `${out[p * w + k]} = ${x};`).join(" ");
          fn.line(`${p === 0 ? "" : "else "}if (${n} === ${p}) { ${set} }`);
        }
        fn.line(`${n}++;`);
      });
    });
  });
  return [n, ...out];
}

export function compileRemoveAt(ctx: Ctx, e: Extract<I.Expr, { k: "builtin" }>): string[] {
  const q = e.args[0].ty as I.SeqTy;
  const w = slotCount(q.elem);
  const { len, elems } = seqParts(compileSlots(ctx, e.args[0]).map((x) => bind(ctx, x)), q);
  let i = compileScalar(ctx, e.args[1]);
  if (!isConst(i)) i = bind(ctx, i);
  ctx.fn.line(`if (${i} < 0 || ${i} >= ${len}) F(${e.site}, ${i} + " (the queue holds " + ${len} + ")");`);
  const out = [`${len} - 1`];
  for (let j = 0; j < q.cap; j++) {
    for (let k = 0; k < w; k++) out.push(j + 1 < q.cap ? `(${i} <= ${lit(j)} ? ${elems[j + 1][k]} : ${elems[j][k]})` : "0");
  }
  return out;
}

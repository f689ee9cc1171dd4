// Aggregates: unrolled over small domains (binders become constants, so indexes fold to fixed
// slots), loops over large ones. The where-condition and body are evaluated only for the values
// they apply to, in ascending order, stopping early for all/any, as the reference semantics does.

import type * as I from "../ir/ir.js";
import { cardinality, scalarLo, slotCount, type Ty } from "../ir/types.js";
import { bind, compileCode, compileScalar, compileSlots, lit, placeOf, placeShaped, type Ctx } from "./expr.js";
import { reshape } from "./fit.js";

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
      const elem = reshape(slots.slice(1 + j * w, 1 + (j + 1) * w), q.elem, d.elem);
      fn.block(`if (${len} > ${j})`, () => {
        ctx.locals.set(b.local, { slots: elem });
        inner();
      });
    }
    return;
  }
  const ty = d.k === "type" ? d.ty : d.elem;
  const lo = scalarLo(ty);
  const n = cardinality(ty);
  const mask = d.k === "set" ? bind(ctx, compileScalar(ctx, d.set)) : null;
  if (n <= UNROLL_MAX && ctx.unroll >= n) {
    ctx.unroll = Math.floor(ctx.unroll / n);
    for (let i = 0; i < n; i++) {
      const v = lo + i;
      const head = mask === null ? "" : `if ((${mask} & ${1 << v}) !== 0) `;
      fn.block(head.trim() || "", () => {
        ctx.locals.set(b.local, { slots: [lit(v)] });
        inner();
      });
    }
    return;
  }
  const v = `v${b.local}_${fn.tmp()}`;
  fn.block(`for (let ${v} = ${lit(lo)}; ${v} <= ${lit(lo + n - 1)}; ${v}++)`, () => {
    if (mask !== null) fn.line(`if (((${mask} >>> ${v}) & 1) === 0) continue;`);
    ctx.locals.set(b.local, { slots: [v] });
    inner();
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
          case "set":
            fn.line(`${acc} |= 1 << ${compileCode(ctx, { k: "local", ty: (e.ty as I.SetTy).elem as Ty, id: e.binders[0].local, span: e.span })};`);
            break;
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

/** `map(k in K: value)`: one entry per key, in key order. */
export function compileMapComprehension(ctx: Ctx, e: Agg): string[] {
  const b = e.binders[0];
  const mt = e.ty as I.MapTy;
  if (b.domain.k !== "type") throw new Error("internal: map over a non-type domain");
  const lo = scalarLo(b.domain.ty);
  const out: string[] = [];
  for (let i = 0; i < cardinality(b.domain.ty); i++) {
    ctx.locals.set(b.local, { slots: [lit(lo + i)] });
    const body = e.body!;
    const slots = body.ty.k === "bool" || body.ty.k === "int" || body.ty.k === "enum" ? [compileCode(ctx, body)] : compileSlots(ctx, body);
    out.push(...reshape(slots, body.ty, mt.val).map((s) => bind(ctx, s)));
  }
  return out;
}

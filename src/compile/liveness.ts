// Liveness predicates: for each liveness property k, `LP{k}` (its P, or true) and `LQ{k}` (its Q)
// over a state and the values of its binders, and `checkLive(k, which, b, s)` that decodes instance
// `b` into binder values and evaluates P (which 0) or Q (which 1): 1, 0, or -2 when evaluation
// fails a well_typed check.

import type * as I from "../ir/ir.js";
import { choiceCount } from "../ir/finite.js";
import { stepOf } from "../ir/types.js";
import type { Layout } from "../model/layout.js";
import { FnBuilder } from "./emitter.js";
import { compileScalar, type Ctx } from "./expr.js";
import { choiceSlots } from "./options.js";
import { plus, times } from "./values.js";

function predicate(spec: I.Spec, layout: Layout, l: I.Liveness, e: I.Expr | null, name: string): string {
  const fn = new FnBuilder();
  const ctx: Ctx = { fn, S: "s", O: "", locals: new Map(), spec, layout, unroll: 256 };
  const params = ["s", ...l.binders.map((_, i) => `b${i}`)];
  l.binders.forEach((b, i) => ctx.locals.set(b.local, { slots: choiceSlots(ctx, b.ty, `b${i}`) }));
  fn.line(`return ${e === null ? "true" : compileScalar(ctx, e)};`);
  return fn.finish(`${name}(${params.join(", ")})`);
}

function dispatcher(liveness: readonly I.Liveness[]): string {
  const fn = new FnBuilder();
  fn.block("try", () => {
    fn.block("switch (k)", () => {
      liveness.forEach((l, k) => {
        fn.block(`case ${k}:`, () => {
          fn.line("let x = b;");
          for (let i = l.binders.length - 1; i >= 0; i--) {
            const ty = l.binders[i].ty;
            const n = choiceCount(ty);
            // The choice code of ordinal x % n (src/ir/finite.ts, choiceCodeAt).
            fn.line(`const b${i} = ${ty.k === "int" ? plus(times(`(x % ${n})`, stepOf(ty)), ty.lo) : `x % ${n}`};`);
            if (i > 0) fn.line(`x = (x / ${n}) | 0;`);
          }
          const args = ["s", ...l.binders.map((_, i) => `b${i}`)].join(", ");
          fn.line(`return (which === 0 ? LP${k}(${args}) : LQ${k}(${args})) ? 1 : 0;`);
        });
      });
    });
  });
  fn.line("catch (e) { if (e !== FAIL) throw e; return -2; }");
  fn.line("return 1;");
  return fn.finish("checkLive(k, which, b, s)");
}

/** The generated functions, to add to the model's module. */
export function compileLiveness(spec: I.Spec, layout: Layout): string[] {
  const liveness = spec.liveness ?? [];
  return [
    ...liveness.flatMap((l, k) => [predicate(spec, layout, l, l.p, `LP${k}`), predicate(spec, layout, l, l.q, `LQ${k}`)]),
    dispatcher(liveness),
  ];
}

// `for` statements in generated TypeScript. A loop whose body picks is unrolled, since each round's
// picks are fields of their own in the action (`b_0`, `b_1`); any other loop is a `for ... of`
// over the domain, which JavaScript evaluates once, before the first round, as the spec does.

import type * as I from "../../ir/ir.js";
import { localsRead } from "../../ir/walk.js";
import { allValues, choiceCount } from "../../ir/finite.js";
import { primary, type ExprCompiler, type ModuleCtx, type Scope } from "./expr.js";
import { isFraction } from "./numbers.js";
import { setsByContent } from "./value-shapes.js";

type For = Extract<I.Stmt, { k: "for" }>;

/** How many rounds (iteration slots) a loop has: a type's or a set's element type's values, a
 * queue's capacity. */
export function loopRounds(d: I.Domain): number {
  return d.k === "type" ? choiceCount(d.ty) : d.k === "set" ? choiceCount(d.elem) : (d.seq.ty as I.SeqTy).cap;
}

export interface LoopOut {
  line(text: string): void;
  indent(by: number): void;
  /** Emits the body for round `round` (always 0 in a `for ... of`). */
  body(round: number): void;
}

export function compileLoop(m: ModuleCtx, x: ExprCompiler, s: For, sc: Scope, out: LoopOut): void {
  const used = localsRead(s.body).has(s.local);
  const block = (head: string, bind: string | null, round: number) => {
    out.line(`${head}{`);
    out.indent(1);
    if (bind !== null) out.line(bind);
    out.body(round);
    out.indent(-1);
    out.line("}");
  };
  if (s.stride === 0) {
    const dom = x.domain(s.domain, sc);
    const name = sc.names.fresh(used ? s.name : `_${s.name}`);
    sc.locals.set(s.local, primary(name, dom.ts));
    block(`for (const ${name} of ${dom.text}) `, null, 0);
    return;
  }
  const d = s.domain;
  if (d.k === "seq") {
    const q = x.compile(d.seq, sc);
    const snap = sc.names.fresh(`${s.name}_all`);
    out.line(`const ${snap} = ${q.text};`);
    const ts = m.types.decl(d.elem);
    for (let j = 0; j < loopRounds(d); j++) {
      const name = sc.names.fresh(s.name);
      sc.locals.set(s.local, primary(name, ts));
      block(`if (${snap}.length > ${j}) `, used ? `const ${name} = ${snap}[${j}] as ${ts};` : null, j);
    }
    return;
  }
  const ty = d.k === "type" ? d.ty : d.elem;
  let snap: string | null = null;
  if (d.k === "set") {
    snap = sc.names.fresh(`${s.name}_all`);
    out.line(`const ${snap} = ${x.compile(d.set, sc).text};`);
  }
  // Round k binds the k-th value of the type (as the checker numbered the rounds' picks).
  const has = d.k === "set" && (setsByContent(d.set.ty) || isFraction(ty)) ? "hasV" : "has";
  allValues(ty).forEach((v, k) => {
    const value = m.types.literal(ty, v);
    sc.locals.set(s.local, primary(value, ty.k === "bool" ? "boolean" : m.types.decl(ty)));
    if (snap === null) block("", null, k);
    else {
      m.use(has);
      block(`if (${has}(${snap}, ${value})) `, null, k);
    }
  });
}

// `let x = value in body` and `a ** k`. A power with a constant exponent is lowered here to
// multiplications (square and multiply, each product a `let`), checked exactly as the `*` a
// writer would write: whatever number types `*` takes, `**` takes, and constants fold.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { declareLocal } from "./aggregates.js";
import type { Checker, Scope } from "./checker.js";
import { foldConst } from "./consts.js";
import { checkExpr, src } from "./expressions.js";
import { runTimeNames } from "./loops.js";

/** A local whose value is a constant stands for that constant, so expressions using it fold. */
function constantOf(value: I.Expr): I.Expr | undefined {
  return value.k === "const" && value.ty.k !== "error" && value.ty.k !== "any" ? value : undefined;
}

export function checkLetIn(c: Checker, e: Extract<A.Expr, { kind: "let" }>, sc: Scope, expected?: I.Ty): I.Expr {
  sc.push();
  try {
    const value = checkExpr(c, e.value, sc);
    const constant = constantOf(value);
    const local = declareLocal(c, sc, e.name, value.ty, "let", constant);
    const body = checkExpr(c, e.body, sc, expected);
    if (body.ty.k === "error" || constant) return body;
    return { k: "let", ty: body.ty, local, value, body, span: e.span };
  } finally {
    sc.pop();
  }
}

/** The largest exponent: beyond it, any base but -1, 0 and 1 exceeds the exact integers. */
const MAX_EXPONENT = 64;

/** The exponent of `a ** k`, a constant from 0 to MAX_EXPONENT; undefined after a diagnostic. */
function exponent(c: Checker, e: Extract<A.Expr, { kind: "binary" }>, sc: Scope): number | undefined {
  const names = [...new Set(runTimeNames(c, e.right, sc))];
  if (names.length > 0) {
    checkExpr(c, e.right, sc);
    const text = src(c, e.right.span);
    const what = names.length === 1 && names[0] === text ? `\`${text}\` can change` : `\`${text}\` depends on ${names.map((n) => `\`${n}\``).join(" and ")}, which can change`;
    c.error(
      e.right.span,
      `the exponent of \`**\` must be a constant, but ${what}`,
      "`a ** k` multiplies `a` by itself `k` times, so `k` must be known before the run: a number or a const",
    );
    return undefined;
  }
  const k = foldConst(c, e.right, "int", "the exponent of `**`");
  if (typeof k !== "number") return undefined;
  if (k < 0) {
    c.error(e.right.span, `the exponent of \`**\` must be 0 or more, but \`${src(c, e.right.span)}\` is ${k}`, `a negative power is a fraction: write \`1 / ${src(c, e.left.span)}${k === -1 ? "" : ` ** ${-k}`}\``);
    return undefined;
  }
  if (k > MAX_EXPONENT) {
    c.error(e.right.span, `the exponent of \`**\` must be at most ${MAX_EXPONENT}, but \`${src(c, e.right.span)}\` is ${k}`, "a larger power of any base but -1, 0 and 1 exceeds the exactly representable integers (±2^53)");
    return undefined;
  }
  return k;
}

export function checkPower(c: Checker, e: Extract<A.Expr, { kind: "binary" }>, sc: Scope): I.Expr {
  const base = checkExpr(c, e.left, sc);
  const k = exponent(c, e, sc);
  if (k === undefined || base.ty.k === "error") return c.errExpr(e.span);
  sc.push();
  try {
    // Names no spec can write, so they shadow nothing. A constant, a local or a variable stands for
    // itself; any other factor used twice is computed once, by a `let`.
    const lets: { local: number; value: I.Expr }[] = [];
    const bind = (value: I.Expr): string => {
      const name = `**${lets.length}`;
      const same = value.k === "const" || value.k === "local" || value.k === "var" ? value : undefined;
      lets.push({ local: sc.declare(name, value.ty, e.left.span, "let", same ?? constantOf(value)).id, value });
      return name;
    };
    const ref = (name: string): A.Expr => ({ kind: "name", name, span: e.left.span });
    const mul = (x: string, y: string): I.Expr => checkExpr(c, { kind: "binary", op: "*", left: ref(x), right: ref(y), opSpan: e.opSpan, span: e.span }, sc);
    const b = bind(base);
    let out: I.Expr | undefined;
    if (k === 0) {
      // `a ** 0` is 1 for every number `a`: checking `a * a` says whether `a` is one.
      if (mul(b, b).ty.k === "error") return c.errExpr(e.span);
      out = { k: "const", ty: { k: "int", lo: 1, hi: 1 }, v: 1, span: e.span };
    } else if (k === 1) out = checkExpr(c, ref(b), sc);
    // Square and multiply, from the exponent's second bit; the last product is the result.
    const bits = k > 1 ? k.toString(2).slice(1) : "";
    let acc = b;
    for (let i = 0; i < bits.length && out === undefined; i++) {
      const last = i === bits.length - 1;
      const sq = mul(acc, acc);
      if (sq.ty.k === "error") return c.errExpr(e.span);
      if (last && bits[i] === "0") out = sq;
      else {
        acc = bind(sq);
        if (bits[i] === "1") {
          const p = mul(acc, b);
          if (p.ty.k === "error") return c.errExpr(e.span);
          if (last) out = p;
          else acc = bind(p);
        }
      }
    }
    let result = out!;
    for (let i = lets.length - 1; i >= 0; i--) {
      const v = lets[i].value;
      if (v.k === "const" || v.k === "local" || v.k === "var" || constantOf(v)) continue;
      result = { k: "let", ty: result.ty, local: lets[i].local, value: v, body: result, span: e.span };
    }
    return { ...result, span: e.span };
  } finally {
    sc.pop();
  }
}

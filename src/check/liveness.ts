// Liveness properties and the temporal operators (docs/liveness.md). The grammar accepts `~>`,
// `eventually` and `always` in any expression so that a misplaced one gets a located message here;
// a liveness property is one of four shapes, under any number of `all(x in T: ...)`:
//   P ~> Q,  eventually Q,  always eventually Q,  eventually always Q.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { choiceCount } from "../ir/finite.js";
import { checkDomain, declareLocal } from "./aggregates.js";
import { Scope, type Checker } from "./checker.js";
import { checkBool, checkExpr } from "./expressions.js";

const SHAPES = "a liveness property is `P ~> Q`, `eventually Q`, `always eventually Q` or `eventually always Q`, possibly inside `all(x in T: ...)`";

/** More instances than this (the product of the binders' domains) is surely a mistake. */
export const MAX_LIVENESS_INSTANCES = 4096;

function isTemporal(e: A.Expr): boolean {
  return e.kind === "temporal" || e.kind === "leadsto";
}

/** Whether a temporal operator occurs anywhere in `e` (then it gets its own message). */
function containsTemporal(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(containsTemporal);
  if (e === null || typeof e !== "object") return false;
  const o = e as { kind?: unknown };
  if (o.kind === "temporal" || o.kind === "leadsto") return true;
  return Object.entries(o).some(([k, v]) => k !== "span" && k !== "opSpan" && containsTemporal(v));
}

/** A `~>`, `eventually` or `always` anywhere but at the top of a liveness property: an error; its
 * operands are still checked, for their own errors. */
export function checkMisplacedTemporal(c: Checker, e: Extract<A.Expr, { kind: "temporal" | "leadsto" }>, sc: Scope): I.Expr {
  const word = e.kind === "leadsto" ? "~>" : e.op;
  const what = e.kind === "leadsto" ? "`~>` (leads-to)" : `\`${word}\``;
  if (sc.mode === "liveness") {
    c.error(e.opSpan, `${what} must be the top of a liveness property, not part of an expression`, SHAPES);
  } else {
    const where = { const: "a const", init: "an initial value", def: "a def", action: "an action", invariant: "an invariant", step: "a step property", liveness: "" }[sc.mode];
    c.error(
      e.opSpan,
      `${what} is allowed only in a liveness property, not in ${where}`,
      e.kind === "leadsto" ? "declare it on its own: `liveness NAME: P ~> Q`" : `declare it on its own: \`liveness NAME: ${e.op === "always" ? "always eventually" : "eventually"} Q\``,
    );
  }
  if (e.kind === "leadsto") {
    checkExpr(c, e.left, sc);
    checkExpr(c, e.right, sc);
  } else {
    checkExpr(c, e.operand, sc);
  }
  return c.errExpr(e.span);
}

/** The property's shape, or null after a diagnostic. */
function shapeOf(c: Checker, e: A.Expr): { kind: I.LivenessKind; p: A.Expr | null; q: A.Expr } | null {
  if (e.kind === "leadsto") return { kind: "leadsto", p: e.left, q: e.right };
  if (e.kind === "temporal") {
    const inner = e.operand;
    if (e.op === "eventually") {
      if (inner.kind === "temporal" && inner.op === "always") return { kind: "stable", p: null, q: inner.operand };
      return { kind: "eventually", p: null, q: inner };
    }
    if (inner.kind === "temporal" && inner.op === "eventually") return { kind: "infinitely", p: null, q: inner.operand };
    c.error(e.opSpan, "`always Q` alone is a safety property, not a liveness property", "write `invariant NAME: Q`; or `always eventually Q` for \"Q holds infinitely often\"");
    return null;
  }
  if (!containsTemporal(e)) c.error(e.span, "a liveness property needs a temporal operator at its top", `${SHAPES}; a property of every state is an \`invariant\``);
  return null;
}

/** Checks `liveness NAME: ...`; null when it has errors (they are reported). */
export function checkLiveness(c: Checker, d: A.LivenessDecl): I.Liveness | null {
  const sc = new Scope("liveness");
  const binders: I.LivenessBinder[] = [];
  let e = d.expr;
  let ok = true;
  let instances = 1;
  // `all(a in T: P ~> Q)`: one instance of the property per value of `a`.
  while (e.kind === "aggregate" && e.op === "all" && e.body !== null && (isTemporal(e.body) || e.body.kind === "aggregate")) {
    if (e.where) {
      c.error(e.where.span, "the `all` of a liveness property cannot have `where`", "put the condition into the property, as in `all(a in T: cond and P ~> Q)`");
      ok = false;
    }
    sc.push();
    for (const b of e.binders) {
      const dom = checkDomain(c, b.domain, sc);
      if (dom && dom.domain.k !== "type") {
        c.error(b.domain.span, "the `all` of a liveness property ranges over a type (`Account`, `0 .. N - 1`, `bool`), not over a value of the state", "each value of the type is checked as a property of its own");
      }
      const local = declareLocal(c, sc, b.name, dom?.ty ?? { k: "error" }, "binder");
      if (!dom || dom.domain.k !== "type") {
        ok = false;
        continue;
      }
      instances *= choiceCount(dom.domain.ty);
      binders.push({ name: b.name.text, local, ty: dom.domain.ty, span: b.span });
    }
    e = e.body;
  }
  if (instances > MAX_LIVENESS_INSTANCES) {
    c.error(d.name.span, `liveness \`${d.name.text}\` has ${instances} instances (one per value of its binders), more than ${MAX_LIVENESS_INSTANCES}`, "bind fewer names, or over smaller types");
    ok = false;
  }
  const shape = shapeOf(c, e);
  if (!shape) {
    // Still check the operands, for their own errors.
    checkExpr(c, e.kind === "temporal" ? e.operand : e, sc);
    return null;
  }
  const p = shape.p ? checkBool(c, shape.p, sc, "the condition of `~>`") : null;
  const q = checkBool(c, shape.q, sc, shape.kind === "leadsto" ? "the goal of `~>`" : `\`${shape.kind === "stable" ? "eventually always" : shape.kind === "infinitely" ? "always eventually" : "eventually"}\``);
  if (!ok || q.ty.k === "error" || (p && p.ty.k === "error")) return null;
  return { name: d.name.text, kind: shape.kind, binders, p, q, nLocals: sc.nLocals, span: d.span };
}

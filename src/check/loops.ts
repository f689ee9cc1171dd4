// `for x in D { ... }`: a loop over a type, a constant range, a set or a queue. Every domain is
// finite and fixed before the run (a range's bounds are constants), so a loop always ends and a
// pick inside it is one choice per round.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { ERR } from "../ir/types.js";
import { allValues, valueLabel } from "../ir/finite.js";
import type { ActionBuild } from "./action-build.js";
import { checkDomain, declareLocal } from "./aggregates.js";
import type { Checker, Scope } from "./checker.js";
import { src } from "./expressions.js";
import { checkStmts } from "./statements.js";

type ForStmt = Extract<A.Stmt, { kind: "for" }>;

/** The names in an expression that are not compile-time values (variables, locals). */
export function runTimeNames(c: Checker, e: A.Expr, sc: Scope, out: string[] = []): string[] {
  switch (e.kind) {
    case "name": {
      const g = c.globals.get(e.name);
      if (sc.lookup(e.name) || g?.kind === "var") out.push(e.name);
      break;
    }
    case "unary":
      runTimeNames(c, e.operand, sc, out);
      break;
    case "binary":
      runTimeNames(c, e.left, sc, out);
      runTimeNames(c, e.right, sc, out);
      break;
    case "call":
      for (const a of e.args) runTimeNames(c, a, sc, out);
      break;
    case "ite":
      runTimeNames(c, e.cond, sc, out);
      runTimeNames(c, e.then, sc, out);
      runTimeNames(c, e.else, sc, out);
      break;
    case "index":
    case "field":
      runTimeNames(c, e.target, sc, out);
      break;
    default:
      break;
  }
  return out;
}

/** One label per iteration slot, for the names of the picks a round makes: `b[0]`, `b[Alice]`,
 * `b[(0, 1)]` (a value of the domain's type, by its index; for a queue, the position). */
function slotLabels(d: I.Domain): string[] {
  if (d.k === "seq") return Array.from({ length: (d.seq.ty as I.SeqTy).cap }, (_, i) => String(i));
  const ty = d.k === "type" ? d.ty : d.elem;
  return allValues(ty).map((v) => valueLabel(ty, v));
}

export function checkFor(c: Checker, s: ForStmt, sc: Scope, act: ActionBuild): I.Stmt | null {
  if (s.domain.kind === "range") {
    const names = [...new Set([...runTimeNames(c, s.domain.lo, sc), ...runTimeNames(c, s.domain.hi, sc)])];
    if (names.length > 0) {
      c.error(
        s.domain.span,
        `\`for\` needs a domain fixed before the run, but \`${src(c, s.domain.span)}\` depends on ${names.map((n) => `\`${n}\``).join(" and ")}, which can change`,
        `loop over the whole range the value can take and skip the rest: \`for ${s.name.text} in 0 .. MAX { if ${s.name.text} <= ... { ... } }\``,
      );
      return skipBody(c, s, sc, act);
    }
  }
  const d = checkDomain(c, s.domain, sc);
  if (d === null) return skipBody(c, s, sc, act);
  sc.push();
  try {
    const local = declareLocal(c, sc, s.name, d.ty, "loop");
    act.enterLoop();
    const body = checkStmts(c, s.body, sc, act);
    const stride = act.exitLoop(slotLabels(d.domain));
    return { k: "for", name: s.name.text, local, domain: d.domain, body, stride, span: s.span };
  } finally {
    sc.pop();
  }
}

/** Checks the body of a loop whose domain is wrong, for the errors in it. */
function skipBody(c: Checker, s: ForStmt, sc: Scope, act: ActionBuild): null {
  sc.push();
  declareLocal(c, sc, s.name, ERR, "loop");
  act.enterLoop();
  checkStmts(c, s.body, sc, act);
  act.exitLoop([]);
  sc.pop();
  return null;
}

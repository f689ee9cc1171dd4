// Warnings: things that are legal but probably not what the author meant, above all the ways a
// model can make its properties hold vacuously.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Checker } from "./checker.js";

/** Why a guard is false in every state, if it provably is: folding the consts, or the static
 * ranges of its operands (every variable stays within its type, or `well_typed` fails first). */
function whyAlwaysFalse(c: Checker, e: I.Expr): string | undefined {
  const text = (x: I.Expr) => c.file.slice(x.span).replace(/\s+/g, " ");
  const range = (x: I.Expr) => (x.ty.k === "int" ? (x.ty.lo === x.ty.hi ? `${x.ty.lo}` : `${x.ty.lo} .. ${x.ty.hi}`) : "");
  // "`bal` is at most 5" when the other side is a constant, else both ranges.
  const operands = (l: I.Expr, r: I.Expr, lBelow: boolean) => {
    if (l.ty.k !== "int" || r.ty.k !== "int") return "";
    if (r.k === "const") return `\`${text(l)}\` is ${lBelow ? `at most ${l.ty.hi}` : `at least ${l.ty.lo}`}`;
    if (l.k === "const") return `\`${text(r)}\` is ${lBelow ? `at least ${r.ty.lo}` : `at most ${r.ty.hi}`}`;
    return `\`${text(l)}\` lies in ${range(l)} and \`${text(r)}\` in ${range(r)}`;
  };
  switch (e.k) {
    case "const":
      return e.ty.k === "bool" && e.v === 0 ? "with the current consts it folds to false" : undefined;
    case "logic":
      if (e.op === "and") return whyAlwaysFalse(c, e.l) ?? whyAlwaysFalse(c, e.r);
      if (e.op === "or") {
        const l = whyAlwaysFalse(c, e.l);
        const r = whyAlwaysFalse(c, e.r);
        return l && r ? `${l}; ${r}` : undefined;
      }
      return undefined;
    case "cmp": {
      if (e.l.ty.k !== "int" || e.r.ty.k !== "int") return undefined;
      const a = e.l.ty;
      const b = e.r.ty;
      const never = e.op === "<" ? a.lo >= b.hi : e.op === "<=" ? a.lo > b.hi : e.op === ">" ? a.hi <= b.lo : a.hi < b.lo;
      return never && !(e.l.k === "const" && e.r.k === "const") ? operands(e.l, e.r, e.op === ">" || e.op === ">=") : undefined;
    }
    case "eq": {
      if (e.neg || e.l.ty.k !== "int" || e.r.ty.k !== "int") return undefined;
      const disjoint = e.l.ty.hi < e.r.ty.lo || e.r.ty.hi < e.l.ty.lo;
      return disjoint ? operands(e.l, e.r, e.l.ty.hi < e.r.ty.lo) : undefined;
    }
    default:
      return undefined;
  }
}

function neverFires(c: Checker, a: I.Action): void {
  for (const ch of a.choices) {
    if (ch.kind === "pick" && ch.ty.k === "int" && ch.ty.lo > ch.ty.hi) {
      c.warn(ch.span, `action \`${a.name}\` can never fire: \`${ch.name}\` is picked from ${ch.ty.lo} .. ${ch.ty.hi}, which is empty`);
      return;
    }
  }
  // Only the body's own requires: one inside an `if` disables just that branch.
  for (const s of a.body) {
    if (s.k !== "require") continue;
    const why = whyAlwaysFalse(c, s.cond);
    if (why !== undefined) {
      c.warn(s.span, `action \`${a.name}\` can never fire: this \`require\` is always false`, why);
      return;
    }
  }
}

export function addWarnings(c: Checker, ast: A.Spec, spec: I.Spec): void {
  c.varDecls.forEach((d, i) => {
    if (!c.varsRead.has(i) && c.varTypes[i]?.k !== "error" && !c.rejected.has(d)) {
      c.warn(d.name.span, `variable \`${d.name.text}\` is never read`, "no guard or property depends on it: remove it, or state a property about it");
    }
  });
  c.defDecls.forEach((d, i) => {
    if (!c.defsCalled.has(i) && !c.rejected.has(d)) c.warn(d.name.span, `def \`${d.name.text}\` is never used`);
  });
  spec.actions.forEach((a) => neverFires(c, a));
  const refused = new Set([...c.rejected].map((d) => d.span));
  for (const p of spec.invariants) {
    if (p.expr.k === "const" && p.expr.v === 1 && !refused.has(p.span)) c.warn(p.span, `invariant \`${p.name}\` is always true`, "it does not depend on the state, so it checks nothing");
  }
  for (const p of spec.steps) {
    if (p.expr.k === "const" && p.expr.v === 1 && !refused.has(p.span)) c.warn(p.span, `step property \`${p.name}\` is always true`, "it does not depend on the states, so it checks nothing");
  }
  if (spec.actions.length === 0) c.warn(ast.name.span, `spec \`${ast.name.text}\` has no actions: only its initial state is checked`);
  if (spec.invariants.length === 0 && spec.steps.length === 0 && !ast.decls.some((d) => d.kind === "liveness")) {
    c.warn(ast.name.span, `spec \`${ast.name.text}\` states no invariant or step property`, "only the built-in `well_typed` property will be checked");
  }
}

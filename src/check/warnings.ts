// Warnings: things that are legal but probably not what the author meant, above all the ways a
// model can make its properties hold vacuously.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Checker } from "./checker.js";

export function addWarnings(c: Checker, ast: A.Spec, spec: I.Spec): void {
  c.varDecls.forEach((d, i) => {
    if (!c.varsRead.has(i) && c.varTypes[i]?.k !== "error") {
      c.warn(d.name.span, `variable \`${d.name.text}\` is never read`, "no guard or property depends on it: remove it, or state a property about it");
    }
  });
  c.defDecls.forEach((d, i) => {
    if (!c.defsCalled.has(i)) c.warn(d.name.span, `def \`${d.name.text}\` is never used`);
  });
  spec.actions.forEach((a) => {
    for (const s of a.body) {
      if (s.k === "require" && s.cond.k === "const" && s.cond.ty.k === "bool" && s.cond.v === 0) {
        c.warn(s.span, `action \`${a.name}\` can never fire: this \`require\` is always false`, "with the current consts the guard folds to false");
        break;
      }
    }
  });
  for (const p of spec.invariants) {
    if (p.expr.k === "const" && p.expr.v === 1) c.warn(p.span, `invariant \`${p.name}\` is always true`, "it does not depend on the state, so it checks nothing");
  }
  for (const p of spec.steps) {
    if (p.expr.k === "const" && p.expr.v === 1) c.warn(p.span, `step property \`${p.name}\` is always true`, "it does not depend on the states, so it checks nothing");
  }
  if (spec.actions.length === 0) c.warn(ast.name.span, `spec \`${ast.name.text}\` has no actions: only its initial state is checked`);
  if (spec.invariants.length === 0 && spec.steps.length === 0) {
    c.warn(ast.name.span, `spec \`${ast.name.text}\` states no invariant or step property`, "only the built-in `well_typed` property will be checked");
  }
}

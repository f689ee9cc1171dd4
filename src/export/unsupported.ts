// What the export refuses, rather than write a model that answers differently: values beyond TLC's
// integers (32-bit; TLC stops with an overflow error where stakecheck computes on), including the
// product inside mul_div, and fractions (`step 1/4` ranges, `x / 2` of a non-multiple: stakecheck
// computes them exactly, scaled by a denominator; the export does not write that scaling yet). The
// message names the place in the spec.

import type * as I from "../ir/ir.js";
import { forEachExpr, forEachStmtExpr } from "../ir/walk.js";
import { ExportError } from "./context.js";

const MIN = -(2 ** 31);
const MAX = 2 ** 31 - 1;

function where(spec: I.Spec, span: { start: number; end: number }): string {
  const { line, col } = spec.file.position(span.start);
  return `${spec.file.path}:${line}:${col}`;
}

function snippet(spec: I.Spec, span: { start: number; end: number }): string {
  const text = spec.file.text.slice(span.start, Math.min(span.end, span.start + 60)).replace(/\s+/g, " ");
  return span.end - span.start > 60 ? `${text}...` : text;
}

function range(t: I.Ty): { lo: number; hi: number } | null {
  return t.k === "int" ? { lo: t.lo, hi: t.hi } : null;
}

/** Whether values of `t` (or any part of them) are fractions or numbers with a step. */
function fractional(t: I.Ty): boolean {
  switch (t.k) {
    case "int":
      return (t.den ?? 1) !== 1 || (t.step ?? 1) !== 1;
    case "set":
    case "option":
    case "seq":
      return fractional(t.elem);
    case "map":
      return fractional(t.key) || fractional(t.val);
    case "rec":
      return t.fields.some((f) => fractional(f.ty));
    default:
      return false;
  }
}

function refuseFraction(spec: I.Spec, span: { start: number; end: number }, t: I.Ty): void {
  if (fractional(t)) {
    throw new ExportError(
      `${where(spec, span)}: \`${snippet(spec, span)}\` holds fractions or a stepped range, which the export does not write yet (stakecheck checks it; use whole numbers to export)`,
    );
  }
}

function check(spec: I.Spec, e: I.Expr): void {
  refuseFraction(spec, e.span, e.ty);
  let lo: number | null = null;
  let hi: number | null = null;
  const r = range(e.ty);
  if (r) ({ lo, hi } = r);
  if (e.k === "builtin" && (e.fn === "mul_div" || e.fn === "mul_div_up")) {
    const a = range(e.args[0].ty);
    const b = range(e.args[1].ty);
    if (a && b) {
      const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      lo = Math.min(...ps);
      hi = Math.max(...ps);
    }
  }
  if (lo !== null && hi !== null && (lo < MIN || hi > MAX)) {
    throw new ExportError(
      `${where(spec, e.span)}: \`${snippet(spec, e.span)}\` can reach ${lo < MIN ? lo : hi}, beyond TLC's 32-bit integers: the export would not answer as stakecheck does (make the ranges smaller)`,
    );
  }
}

/** Throws ExportError at the first construct the export cannot write faithfully. */
export function checkExportable(spec: I.Spec): void {
  const visit = (e: I.Expr) => check(spec, e);
  for (const v of spec.vars) {
    forEachExpr(v.init, visit);
    refuseFraction(spec, v.span, v.ty);
    const r = range(v.ty);
    if (r && (r.lo < MIN || r.hi > MAX)) throw new ExportError(`${where(spec, v.span)}: variable \`${v.name}\` ranges beyond TLC's 32-bit integers`);
  }
  for (const d of spec.defs) forEachExpr(d.body, visit);
  for (const a of spec.actions) {
    for (const c of a.choices) refuseFraction(spec, c.span, c.ty);
    forEachStmtExpr(a.body, visit);
  }
  for (const p of [...spec.invariants, ...spec.steps]) forEachExpr(p.expr, visit);
  for (const l of spec.liveness ?? []) {
    if (l.p) forEachExpr(l.p, visit);
    forEachExpr(l.q, visit);
  }
}

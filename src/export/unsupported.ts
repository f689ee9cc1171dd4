// What the export refuses, rather than write a model that answers differently: values beyond TLC's
// integers (32-bit; TLC stops with an overflow error where stakecheck computes on). Numbers are
// checked as the module holds them, scaled by its denominator (src/export/scale.ts), and so are the
// products the module forms on the way (inside mul_div, a product or quotient of fractions). The
// message names the place in the spec.

import type * as I from "../ir/ir.js";
import { denOf, type IntTy } from "../ir/types.js";
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

interface Range {
  readonly lo: number;
  readonly hi: number;
}

/** A number type's values as the module holds them (scaled by D). */
function held(t: I.Ty, D: number): Range | null {
  if (t.k !== "int") return null;
  const f = D / denOf(t);
  return { lo: t.lo * f, hi: t.hi * f };
}

function product(a: Range, b: Range): Range {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...ps), hi: Math.max(...ps) };
}

function single(t: I.Ty): boolean {
  return t.k === "int" && t.lo === t.hi;
}

/** The ranges of what the module computes for `e`: its value and the products formed on the way. */
function computed(e: I.Expr, D: number): Range[] {
  const out: Range[] = [];
  const v = held(e.ty, D);
  if (v) out.push(v);
  const scaledBy = (x: I.Expr, k: number) => {
    const r = held(x.ty, D);
    if (r) out.push(product(r, { lo: k, hi: k }));
  };
  if (e.k === "builtin" && (e.fn === "mul_div" || e.fn === "mul_div_up")) {
    const a = held(e.args[0].ty, D);
    const b = held(e.args[1].ty, D);
    if (a && b) out.push(product(a, b));
    scaledBy(e.args[2], D);
  }
  if (D > 1 && e.k === "arith" && e.op === "*" && !single(e.l.ty) && !single(e.r.ty)) {
    const a = held(e.l.ty, D);
    const b = held(e.r.ty, D);
    if (a && b) out.push(product(a, b));
  }
  if (e.k === "arith" && e.op === "*" && (single(e.l.ty) || single(e.r.ty))) {
    const c = (single(e.r.ty) ? e.r.ty : e.l.ty) as IntTy;
    scaledBy(single(e.r.ty) ? e.l : e.r, Math.abs(c.lo));
  }
  if (e.k === "arith" && e.op === "/") {
    if (single(e.r.ty)) scaledBy(e.l, denOf(e.r.ty as IntTy));
    else if (D > 1) scaledBy(e.l, D);
  }
  return out;
}

function check(spec: I.Spec, D: number, e: I.Expr): void {
  for (const r of computed(e, D)) {
    if (r.lo < MIN || r.hi > MAX) {
      const scaled = D > 1 ? ` (numbers are scaled by ${D} for the spec's fractions)` : "";
      throw new ExportError(
        `${where(spec, e.span)}: \`${snippet(spec, e.span)}\` can reach ${r.lo < MIN ? r.lo : r.hi}${scaled}, beyond TLC's 32-bit integers: the export would not answer as stakecheck does (make the ranges smaller)`,
      );
    }
  }
}

/** Throws ExportError at the first construct the export cannot write faithfully. */
export function checkExportable(spec: I.Spec, D: number): void {
  const visit = (e: I.Expr) => check(spec, D, e);
  for (const v of spec.vars) {
    forEachExpr(v.init, visit);
    const r = held(v.ty, D);
    if (r && (r.lo < MIN || r.hi > MAX)) throw new ExportError(`${where(spec, v.span)}: variable \`${v.name}\` ranges beyond TLC's 32-bit integers${D > 1 ? ` (numbers are scaled by ${D} for the spec's fractions)` : ""}`);
  }
  for (const d of spec.defs) forEachExpr(d.body, visit);
  for (const a of spec.actions) forEachStmtExpr(a.body, visit);
  for (const p of [...spec.invariants, ...spec.steps]) forEachExpr(p.expr, visit);
  for (const l of spec.liveness ?? []) {
    if (l.p) forEachExpr(l.p, visit);
    forEachExpr(l.q, visit);
  }
}

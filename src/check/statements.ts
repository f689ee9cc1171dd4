// Actions: parameters, caller, picks and the statements of the body.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import { BOOL, ERR, showType, type Ty } from "../ir/types.js";
import { choiceCount, isChoiceType } from "../ir/finite.js";
import { arithTy, checkRounding, noteLet } from "./fractions.js";
import { choiceSize } from "./choices.js";
import { indexCompatible } from "./values.js";
import { ActionBuild } from "./action-build.js";
import { checkDomain, declareLocal } from "./aggregates.js";
import { GLOBAL_KIND_WORD, Scope, type Checker } from "./checker.js";
import { fits } from "./compat.js";
import { checkBool, checkExpr, checkInt, coerce, describeTy, fieldHint, need, src } from "./expressions.js";
import { checkFor } from "./loops.js";
import { checkCallStmt } from "./procs.js";
import { resolveType } from "./types.js";

/** Resolves an assignment target to a variable and a path; null after a diagnostic. */
function checkPlace(c: Checker, target: A.Expr, sc: Scope): I.Place | null {
  const steps: A.Expr[] = [];
  let root = target;
  while (root.kind === "index" || root.kind === "field") {
    steps.unshift(root);
    root = root.target;
  }
  if (root.kind !== "name") {
    c.error(target.span, "only variables, their map entries and record fields can be assigned");
    return null;
  }
  const local = sc.lookup(root.name);
  if (local) {
    const what =
      local.what === "let" ? "a `let` value"
      : local.what === "pick" ? "a picked value"
      : local.what === "binder" ? "a bound name"
      : local.what === "loop" ? "the loop's variable"
      : sc.proc !== undefined && local.what === "parameter" ? `a parameter of proc \`${sc.proc}\``
      : `the action's ${local.what}`;
    c.error(
      root.span,
      `cannot assign to \`${root.name}\`: it is ${what}`,
      local.what === "let" ? "`let` values are fixed; declare a `var` for state that changes"
      : local.what === "loop" ? "it takes each value of the loop's domain in turn; to change entries of a queue, loop over its indexes: `for i in 0 .. N - 1 { if i < len(q) { q[i] = ... } }`"
      : sc.proc !== undefined && local.what === "parameter" ? "a proc's parameters are the values it was called with; declare a `var` for state that changes"
      : "it is chosen when the action fires and stays fixed; declare a `var` for state that changes",
    );
    return null;
  }
  const g = c.globals.get(root.name);
  if (!g) {
    const hint = c.suggest(root.name, sc, (x) => x.kind === "var");
    c.error(root.span, `unknown variable \`${root.name}\``, hint);
    return null;
  }
  if (g.kind !== "var") {
    c.error(root.span, `cannot assign to \`${root.name}\`: it is ${GLOBAL_KIND_WORD[g.kind]}`, g.kind === "const" ? "consts are fixed; override them with --const on the command line" : undefined);
    return null;
  }
  let ty: Ty = c.varTypes[g.id] ?? ERR;
  const path: I.PathStep[] = [];
  for (const s of steps) {
    if (ty.k === "error") return null;
    if (s.kind === "index") {
      if (ty.k === "map") {
        const index = checkExpr(c, s.index, sc, ty.key);
        if (index.ty.k === "error") return null;
        if (!indexCompatible(index.ty, ty.key)) {
          c.error(s.index.span, `\`${src(c, s.target.span)}\` is indexed by ${showType(ty.key)}, but \`${src(c, s.index.span)}\` is ${describeTy(index.ty)}`);
          return null;
        }
        path.push({ k: "index", index, site: c.site("index", s.index.span, ty.key, `\`${src(c, s.target.span)}\``) });
        ty = ty.val;
      } else if (ty.k === "seq") {
        const index = checkInt(c, s.index, sc, "a queue index");
        path.push({ k: "index", index, site: c.site("index", s.index.span, { k: "int", lo: 0, hi: ty.cap - 1 }, `the queue \`${src(c, s.target.span)}\``) });
        ty = ty.elem.k === "any" ? ERR : ty.elem;
      } else {
        c.error(s.target.span, `\`${src(c, s.target.span)}\` is ${describeTy(ty)} and cannot be indexed`);
        return null;
      }
    } else if (s.kind === "field") {
      if (ty.k !== "rec") {
        c.error(s.field.span, `\`${src(c, s.target.span)}\` is ${describeTy(ty)}, which has no fields`);
        return null;
      }
      const idx = ty.fields.findIndex((f) => f.name === s.field.text);
      if (idx < 0) {
        c.error(s.field.span, `${showType(ty)} has no field \`${s.field.text}\``, fieldHint(s.field.text, ty.fields.map((f) => f.name)));
        return null;
      }
      path.push({ k: "field", field: idx });
      ty = ty.fields[idx].ty;
    }
  }
  return { var: g.id, path, ty, span: target.span };
}

/** The value currently at a place, as an expression (for `+=` and `-=`). */
function readPlace(c: Checker, p: I.Place): I.Expr {
  let e: I.Expr = { k: "var", ty: c.varTypes[p.var], id: p.var, span: p.span };
  for (const s of p.path) {
    const t: Ty = e.ty;
    if (s.k === "index") {
      e = { k: "index", ty: t.k === "map" ? t.val : t.k === "seq" && t.elem.k !== "any" ? t.elem : ERR, target: e, index: s.index, site: s.site, span: p.span };
    } else if (t.k === "rec") {
      e = { k: "field", ty: t.fields[s.field].ty, target: e, field: s.field, span: p.span };
    }
  }
  return e;
}

function checkAssign(c: Checker, s: Extract<A.Stmt, { kind: "assign" }>, sc: Scope): I.Stmt | null {
  const place = checkPlace(c, s.target, sc);
  if (!place) {
    checkExpr(c, s.value, sc);
    return null;
  }
  let value: I.Expr;
  if (s.op === "=") {
    value = checkExpr(c, s.value, sc, place.ty);
  } else {
    const delta = checkExpr(c, s.value, sc);
    if (place.ty.k === "error" || delta.ty.k === "error") return null;
    if (place.ty.k !== "int") {
      c.error(s.target.span, `\`${s.op}\` needs a number, but \`${src(c, s.target.span)}\` is ${describeTy(place.ty)}`);
      return null;
    }
    if (!need(c, delta, "number", `\`${s.op}\``) || delta.ty.k !== "int") return null;
    const cur = readPlace(c, place);
    const op = s.op === "+=" ? "+" : "-";
    const ty = arithTy(c, s, op, place.ty, delta.ty, (x) => src(c, x), s.value.span);
    if (ty.k !== "int") return null;
    value = { k: "arith", ty, op, l: cur, r: delta, site: -1, span: s.span };
  }
  if (value.ty.k === "error" || place.ty.k === "error") return null;
  if (fits(value.ty, place.ty) === "no") {
    c.error(s.value.span, `cannot assign \`${src(c, s.value.span)}\` (${describeTy(value.ty)}) to \`${src(c, s.target.span)}\` (${describeTy(place.ty)})`);
    return null;
  }
  value = coerce(value, place.ty);
  checkRounding(c, sc, value, place.ty, src(c, s.target.span));
  const site = c.site("range", s.span, place.ty, `\`${src(c, s.target.span)}\``);
  return { k: "assign", place, value, site, span: s.span };
}

/** Checks statements in order; a proc call contributes the statements of the inlined proc. */
export function checkStmts(c: Checker, stmts: readonly A.Stmt[], sc: Scope, act: ActionBuild): I.Stmt[] {
  const out: I.Stmt[] = [];
  for (const s of stmts) {
    const r = checkStmt(c, s, sc, act);
    if (Array.isArray(r)) out.push(...r);
    else if (r) out.push(r);
  }
  return out;
}

function checkStmt(c: Checker, s: A.Stmt, sc: Scope, act: ActionBuild): I.Stmt | I.Stmt[] | null {
  switch (s.kind) {
    case "require": {
      const cond = checkBool(c, s.cond, sc, "`require`");
      return { k: "require", cond, req: act.require(s.span), span: s.span };
    }
    case "let": {
      const value = checkExpr(c, s.value, sc);
      const local = declareLocal(c, sc, s.name, value.ty, "let");
      noteLet(sc, local, value);
      return { k: "let", local, value, span: s.span };
    }
    case "if": {
      const cond = checkBool(c, s.cond, sc, "`if`");
      sc.push();
      const then = checkStmts(c, s.then, sc, act);
      sc.pop();
      sc.push();
      const els = s.else ? checkStmts(c, s.else, sc, act) : [];
      sc.pop();
      return { k: "if", cond, then, else: els, span: s.span };
    }
    case "pick": {
      const d = checkDomain(c, s.domain, sc);
      if (d && d.domain.k === "seq") {
        c.error(s.domain.span, "`pick` ranges over a type or a set, not a queue", "pick an index instead: `pick i in 0 .. N - 1 where i < len(q)`");
      }
      const ty: Ty = d && d.domain.k !== "seq" && choiceSize(c, s.domain.span, "`pick`", d.ty) ? d.ty : ERR;
      const local = declareLocal(c, sc, s.name, ty, "pick");
      let where = s.where ? checkBool(c, s.where, sc, "`where`") : null;
      if (!d || d.domain.k === "seq" || ty.k === "error") return null;
      if (d.domain.k === "set") {
        const member: I.Expr = {
          k: "in", ty: BOOL, neg: false, elem: { k: "local", ty, id: local, span: s.name.span }, coll: d.domain.set, span: s.domain.span,
        };
        where = where ? { k: "logic", ty: BOOL, op: "and", l: member, r: where, span: s.span } : member;
      }
      const pick = act.pick(s.name.text, local, ty, s.name.span);
      return { k: "pick", pick, local, where, span: s.span };
    }
    case "assign":
      return checkAssign(c, s, sc);
    case "for":
      return checkFor(c, s, sc, act);
    case "call":
      return checkCallStmt(c, s, sc, act);
  }
}

function choiceType(c: Checker, p: A.Param, what: string): Ty | null {
  const ty = resolveType(c, p.type);
  if (ty.k === "error") return null;
  if (!isChoiceType(ty)) {
    c.error(p.type.span, `${what} \`${p.name.text}\` must be bool, a number range, an enum, a tuple, record or option of those, or a set of one; not ${showType(ty)}`, "an action is enumerated over every value of its parameters, so they must have finitely many values");
    return null;
  }
  return choiceSize(c, p.type.span, `${what} \`${p.name.text}\``, ty) ? ty : null;
}

/** The signature of an action (caller and parameter types), known before any body is checked. */
export function actionSignature(c: Checker, decl: A.ActionDecl): { caller: Ty | null; params: { name: string; ty: Ty }[] } {
  return {
    caller: decl.by ? (choiceType(c, decl.by, "the caller") ?? ERR) : null,
    params: decl.params.map((p) => ({ name: p.name.text, ty: choiceType(c, p, "parameter") ?? ERR })),
  };
}

export function checkAction(c: Checker, decl: A.ActionDecl, id: number): I.Action {
  const sc = new Scope("action");
  const act = new ActionBuild(c, id);
  const sig = c.actionSigs[id];
  if (decl.by && sig.caller) {
    const local = declareLocal(c, sc, decl.by.name, sig.caller, "caller");
    if (sig.caller.k !== "error") act.fixed.push({ kind: "caller", name: decl.by.name.text, local, ty: sig.caller, span: decl.by.name.span });
  }
  decl.params.forEach((p, i) => {
    const ty = sig.params[i].ty;
    const local = declareLocal(c, sc, p.name, ty, "parameter");
    if (ty.k !== "error") act.fixed.push({ kind: "param", name: p.name.text, local, ty, span: p.name.span });
  });
  const body = checkStmts(c, decl.body, sc, act);
  const choices = act.choices();
  checkInstanceCount(c, decl, choices);
  return {
    name: decl.name.text,
    span: decl.span,
    nameSpan: decl.name.span,
    choices,
    hasCaller: decl.by !== null,
    paramCount: decl.params.length,
    body,
    nLocals: sc.nLocals,
    requires: act.requires,
  };
}

/** Instances are numbered by 32-bit integers: an action's choices (its picks in loops above all)
 * must not multiply beyond that. */
function checkInstanceCount(c: Checker, decl: A.ActionDecl, choices: readonly I.Choice[]): void {
  let n = 1;
  for (const ch of choices) n *= choiceCount(ch.ty);
  if (n <= MAX_INSTANCES) return;
  const picks = choices.filter((ch) => ch.kind === "pick").length;
  c.error(
    decl.name.span,
    `action \`${decl.name.text}\` has ${n.toExponential(2).replace("e+", " x 10^")} instances (one per value of each of its ${choices.length} choices${picks ? `, ${picks} of them picks` : ""}), more than ${MAX_INSTANCES}`,
    "a pick inside a loop is one choice per round: pick fewer values, or loop over fewer",
  );
}

const MAX_INSTANCES = 2 ** 31 - 1;

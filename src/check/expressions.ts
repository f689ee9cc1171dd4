// Type checking of expressions: names resolved, operands checked, static intervals computed,
// closed scalar subexpressions folded to constants.

import type * as A from "../lang/ast.js";
import { EvalFailure, evaluate } from "../ir/eval.js";
import type * as I from "../ir/ir.js";
import { subexpressions } from "../ir/walk.js";
import { BOOL, ERR, denOf, isScalar, showType, type IntTy, type SetTy, type Ty } from "../ir/types.js";
import { Rat } from "../ir/rational.js";
import { arithTy, decimalValue, numConst, numIntTy } from "./fractions.js";
import { checkSetLit, checkTupleLit, expectedOf, foldSet, indexCompatible } from "./values.js";
import { checkAggregate } from "./aggregates.js";
import { checkCall } from "./calls.js";
import { checkMisplacedTemporal } from "./liveness.js";
import { GLOBAL_KIND_WORD, type Checker, type Scope } from "./checker.js";
import { fits, needsFit, sameKey, unify } from "./compat.js";
import { constValue } from "./consts.js";
import * as iv from "./intervals.js";
import { declaredType } from "./types.js";
import { closest } from "../lang/suggest.js";
import { checkLetIn, checkPower } from "./let-in.js";
import { stepAllowed } from "./step-defs.js";

const LIMIT = Number.MAX_SAFE_INTEGER;

/** An int type for a computed interval; reports (once per expression) a bound beyond 2^53. */
export function intTy(c: Checker, span: A.Span, r: iv.Interval): IntTy {
  if (!iv.isExact(r)) {
    c.error(span, "this expression can exceed the exactly representable integers (±2^53)", "narrow the types of its operands");
    return { k: "int", lo: Math.max(r.lo, -LIMIT), hi: Math.min(r.hi, LIMIT) };
  }
  return { k: "int", lo: r.lo, hi: r.hi };
}

/** How a type reads after "is": "an integer", "a boolean", "set<Value>". */
export function describeTy(t: Ty): string {
  if (t.k === "int") {
    const what = denOf(t) === 1 ? "an integer" : "a fraction";
    return t.name ? `${t.name} (${what})` : what;
  }
  if (t.k === "bool") return "a boolean";
  if (t.k === "enum") return `a ${t.name}`;
  return showType(t);
}

export function src(c: Checker, span: A.Span): string {
  const s = c.file.slice(span).replace(/\s+/g, " ");
  return s.length > 40 ? s.slice(0, 37) + "..." : s;
}

/** Reports unless `e` has the wanted kind; true when it does (or an error was already reported).
 * "number": an integer or a fraction; "int": an integer only. */
export function need(c: Checker, e: I.Expr, kind: "int" | "number" | "bool", context: string): boolean {
  if (e.ty.k === "error") return true;
  if (kind === "int" && e.ty.k === "int" && denOf(e.ty) > 1) {
    c.error(e.span, `${context} needs an integer, but \`${src(c, e.span)}\` is ${describeTy(e.ty)}`, "round it with floor(...) or ceil(...)");
    return false;
  }
  if (e.ty.k === (kind === "bool" ? "bool" : "int")) return true;
  c.error(e.span, `${context} needs ${kind === "int" ? "an integer" : kind === "number" ? "a number" : "a boolean"}, but \`${src(c, e.span)}\` is ${describeTy(e.ty)}`);
  return false;
}

function isAbsentable(c: Checker, e: I.Expr): boolean {
  if (e.k === "caller") return c.actionSigs.some((a) => a.caller === null);
  if (e.k === "stepParam") return c.actionSigs.length > 1;
  return false;
}

/** Wraps a caller or step parameter that some steps lack in a presence check. */
export function present(c: Checker, e: I.Expr): I.Expr {
  if (!isAbsentable(c, e)) return e;
  const what = e.k === "caller" ? "the caller" : `the parameter \`${src(c, e.span)}\``;
  return { k: "present", ty: e.ty, e, site: c.site("absent", e.span, undefined, what), span: e.span };
}

/** Checks an expression whose value is used (a caller or step parameter must then be present). */
export function checkExpr(c: Checker, e: A.Expr, sc: Scope, expected?: Ty): I.Expr {
  return present(c, checkOperand(c, e, sc, expected));
}

export function checkBool(c: Checker, e: A.Expr, sc: Scope, context: string): I.Expr {
  const ir = checkExpr(c, e, sc, BOOL);
  need(c, ir, "bool", context);
  return ir;
}

export function checkInt(c: Checker, e: A.Expr, sc: Scope, context: string): I.Expr {
  const ir = checkExpr(c, e, sc);
  need(c, ir, "int", context);
  return ir;
}

/** An integer or a fraction. */
export function checkNumber(c: Checker, e: A.Expr, sc: Scope, context: string): I.Expr {
  const ir = checkExpr(c, e, sc);
  need(c, ir, "number", context);
  return ir;
}

/** Wraps `value` in a fill when it is a scalar stored into every entry of a map. */
export function coerce(value: I.Expr, to: Ty): I.Expr {
  if (to.k === "map" && value.ty.k !== "map" && value.ty.k !== "error" && fits(value.ty, to) === "fill") {
    // The fill has its element's own type, so the store is range-checked when the element may not fit.
    const inner = coerce(value, to.val);
    return { k: "fill", ty: { k: "map", key: to.key, val: inner.ty }, e: inner, span: value.span };
  }
  return value;
}

/** Checks `value` against `to` for a def argument or result: a runtime fit check where needed. */
export function fitTo(c: Checker, value: I.Expr, to: Ty, what: string): I.Expr {
  if (fits(value.ty, to) === "no") {
    c.error(value.span, `${what} must be ${describeTy(to)}, but \`${src(c, value.span)}\` is ${describeTy(value.ty)}`);
    return value;
  }
  const v = coerce(value, to);
  if (!needsFit(v.ty, to)) return v;
  return { k: "fit", ty: to, e: v, site: c.site("range", value.span, to, what), span: value.span };
}

const FOLDABLE = new Set<I.Expr["k"]>(["neg", "not", "arith", "cmp", "eq", "logic", "ite", "builtin", "in", "subset", "setop"]);


/** Replaces a scalar operation on constants by its value (failures are left for run time). */
function fold(c: Checker, e: I.Expr): I.Expr {
  if (!FOLDABLE.has(e.k) || e.ty.k === "error") return e;
  if (!(isScalar(e.ty) || e.ty.k === "set")) return e;
  if (!subexpressions(e).every((x) => x.k === "const" && x.ty.k !== "error" && x.ty.k !== "any")) return e;
  try {
    const v = evaluate({ defs: [], sites: c.sites }, e);
    if (e.ty.k === "set") return foldSet(e, v);
    if (e.ty.k === "int" && (typeof v === "number" || v instanceof Rat)) return numConst(v, e.span);
    const n = typeof v === "boolean" ? (v ? 1 : 0) : (v as unknown as number);
    return { k: "const", ty: e.ty, v: n, span: e.span };
  } catch (err) {
    if (err instanceof EvalFailure) return e;
    throw err;
  }
}

export function checkOperand(c: Checker, e: A.Expr, sc: Scope, expected?: Ty): I.Expr {
  return fold(c, checkRaw(c, e, sc, expected));
}

function enumMemberTy(c: Checker, enumName: string): Ty | undefined {
  const g = c.globals.get(enumName);
  if (g?.kind !== "type") return undefined;
  const t = declaredType(c, g.decl);
  return t.k === "enum" ? t : undefined;
}

function callerExpr(c: Checker, span: A.Span): I.Expr {
  const callers = c.actionSigs.map((a, i) => ({ ty: a.caller, name: c.actionDecls[i].name.text })).filter((a) => a.ty !== null);
  if (callers.length === 0) {
    if (!c.noCallerReported) {
      c.noCallerReported = true;
      c.error(span, "`caller` is used, but no action has a caller", "declare one on an action: `action withdraw(a: Account) by caller: Account { ... }`");
    }
    return c.errExpr(span);
  }
  const first = callers[0];
  for (const other of callers) {
    const a = first.ty!;
    const b = other.ty!;
    if (a.k === "error" || b.k === "error") return c.errExpr(span);
    if (!sameKey(a, b)) {
      c.error(span, `actions disagree on the caller's type: \`${first.name}\` has ${showType(a)}, \`${other.name}\` has ${showType(b)}`, "give every `by` clause the same type");
      return c.errExpr(span);
    }
  }
  return { k: "caller", ty: first.ty!, span };
}

/** `action` (or `action == name`) where there is no step. */
function actionOutsideStep(c: Checker, span: A.Span, sc: Scope): void {
  c.error(
    span,
    "`action` is the action a step takes, so it can be used only in step properties",
    sc.mode === "action" ? "inside an action, its own name is known: there is nothing to test" : "an invariant sees one state; to relate a step's action to what changed, write `step name: action == ... implies ...`",
  );
}

function checkName(c: Checker, e: Extract<A.Expr, { kind: "name" }>, sc: Scope): I.Expr {
  const local = sc.lookup(e.name);
  if (local) return local.value ? { ...local.value, span: e.span } : { k: "local", ty: local.ty, id: local.id, span: e.span };
  const g = c.globals.get(e.name);
  if (!g && e.name === "caller") {
    if (stepAllowed(c, sc, "`caller`")) return callerExpr(c, e.span);
    c.error(
      e.span,
      sc.proc !== undefined ? "a proc has no caller of its own" : sc.mode === "action" ? "this action has no caller" : "`caller` is only available in actions that declare one and in step properties",
      sc.proc !== undefined ? `pass it as an argument: declare a parameter, \`proc ${sc.proc}(..., who: Account)\`, and call \`${sc.proc}(..., caller)\``
      : sc.mode === "action" ? "declare it: `action name(...) by caller: Account { ... }`"
      : sc.mode === "invariant" ? "an invariant sees one state, not a step; to say who may change what, write a `step` property"
      : sc.mode === "liveness" ? "a liveness property is about the states of a behaviour, not about who takes a step; to say who may change what, write a `step` property"
      : undefined,
    );
    return c.errExpr(e.span);
  }
  if (!g && e.name === "none") return { k: "const", ty: { k: "option", elem: { k: "any" } }, v: 0, span: e.span };
  if (!g) {
    const hint = c.suggest(e.name, sc, (x) => x.kind === "const" || x.kind === "var" || x.kind === "enumMember" || (x.kind === "action" && sc.mode === "step"));
    c.error(e.span, `unknown name \`${e.name}\``, hint);
    return c.errExpr(e.span);
  }
  switch (g.kind) {
    case "const": {
      const v = constValue(c, g.decl, e.span);
      if (v === undefined) return c.errExpr(e.span);
      return typeof v === "boolean" ? { k: "const", ty: BOOL, v: v ? 1 : 0, span: e.span } : numConst(v, e.span);
    }
    case "enumMember": {
      const ty = enumMemberTy(c, g.enumName);
      if (!ty) return c.errExpr(e.span);
      return { k: "const", ty, v: g.ordinal, span: e.span };
    }
    case "var": {
      if (sc.mode === "const") {
        c.error(e.span, `a compile-time value can use only numbers, consts and built-in functions; \`${e.name}\` is a variable`);
        return c.errExpr(e.span);
      }
      if (sc.mode === "init") {
        c.error(e.span, `an initial value cannot read variables; \`${e.name}\` is one`, "initial values are computed from consts");
        return c.errExpr(e.span);
      }
      c.varsRead.add(g.id);
      if (sc.defId !== undefined) c.defFacts[sc.defId].readsState = true;
      return { k: "var", ty: c.varTypes[g.id] ?? ERR, id: g.id, span: e.span };
    }
    case "action":
      if (sc.mode === "step" || sc.mode === "def") return { k: "const", ty: c.actionEnum, v: g.id, span: e.span };
      c.error(e.span, `\`${e.name}\` is an action; action names are values only in step properties`, "as in `step s: action == " + e.name + " implies ...`");
      return c.errExpr(e.span);
    case "type":
      c.error(e.span, `\`${e.name}\` is a type, not a value`, `to range over it, write for instance \`all(x in ${e.name}: ...)\``);
      return c.errExpr(e.span);
    case "def":
      c.error(e.span, `\`${e.name}\` is a def; call it with its arguments: \`${e.name}(...)\``);
      return c.errExpr(e.span);
    default:
      c.error(e.span, `\`${e.name}\` is ${GLOBAL_KIND_WORD[g.kind]}, not a value`);
      return c.errExpr(e.span);
  }
}

function checkIndex(c: Checker, e: Extract<A.Expr, { kind: "index" }>, sc: Scope): I.Expr {
  const target = checkExpr(c, e.target, sc);
  const t = target.ty;
  if (t.k === "error") {
    checkExpr(c, e.index, sc);
    return c.errExpr(e.span);
  }
  if (t.k === "map") {
    const index = checkExpr(c, e.index, sc, t.key);
    const it = index.ty;
    if (it.k === "error") return c.errExpr(e.span);
    if (!indexCompatible(it, t.key)) {
      c.error(e.index.span, `\`${src(c, e.target.span)}\` is indexed by ${showType(t.key)}, but \`${src(c, e.index.span)}\` is ${describeTy(it)}`);
      return c.errExpr(e.span);
    }
    if (it.k === "int" && t.key.k === "int" && denOf(it) === 1 && denOf(t.key) === 1 && (it.hi < t.key.lo || it.lo > t.key.hi)) {
      const value = it.lo === it.hi ? `is ${it.lo}` : `lies in ${it.lo} .. ${it.hi}`;
      c.error(e.index.span, `\`${src(c, e.index.span)}\` ${value}, never a key of \`${src(c, e.target.span)}\`, whose keys are ${showType(t.key, t.key.k !== "int" || t.key.name !== undefined)}`);
      return c.errExpr(e.span);
    }
    const site = c.site("index", e.index.span, t.key, `\`${src(c, e.target.span)}\``);
    return { k: "index", ty: t.val, target, index, site, span: e.span };
  }
  if (t.k === "seq") {
    const index = checkInt(c, e.index, sc, "a queue index");
    const site = c.site("index", e.index.span, { k: "int", lo: 0, hi: t.cap - 1 }, `the queue \`${src(c, e.target.span)}\``);
    return { k: "index", ty: t.elem.k === "any" ? ERR : t.elem, target, index, site, span: e.span };
  }
  c.error(e.target.span, `\`${src(c, e.target.span)}\` is ${describeTy(t)} and cannot be indexed`, "only maps and queues are indexed with [ ]");
  checkExpr(c, e.index, sc);
  return c.errExpr(e.span);
}

/** "did you mean `amount`?", or the fields there are. */
export function fieldHint(name: string, fields: readonly string[]): string {
  const guess = closest(name, fields);
  return guess ? `did you mean \`${guess}\`?` : `its fields: ${fields.join(", ")}`;
}

function checkField(c: Checker, e: Extract<A.Expr, { kind: "field" }>, sc: Scope): I.Expr {
  if (e.target.kind === "name" && !sc.lookup(e.target.name)) {
    const g = c.globals.get(e.target.name);
    if (g?.kind === "action") {
      if (!stepAllowed(c, sc, `\`${e.target.name}.${e.field.text}\``)) {
        c.error(
          e.span,
          "an action's parameters can be read only in step properties",
          `in a step property, \`${e.target.name}.${e.field.text}\` is the step's \`${e.field.text}\` when its action is \`${e.target.name}\``,
        );
        return c.errExpr(e.span);
      }
      const sig = c.actionSigs[g.id];
      const idx = sig.params.findIndex((p) => p.name === e.field.text);
      if (idx < 0) {
        const names = sig.params.map((p) => p.name);
        c.error(e.field.span, `action \`${e.target.name}\` has no parameter \`${e.field.text}\``, names.length ? `its parameters: ${names.join(", ")}` : "it has no parameters");
        return c.errExpr(e.span);
      }
      const ty = sig.params[idx].ty;
      if (ty.k === "error") return c.errExpr(e.span);
      return { k: "stepParam", ty, action: g.id, param: (sig.caller !== null ? 1 : 0) + idx, span: e.span };
    }
  }
  const target = checkExpr(c, e.target, sc);
  const t = target.ty;
  if (t.k === "error") return c.errExpr(e.span);
  if (t.k !== "rec") {
    c.error(e.field.span, `\`${src(c, e.target.span)}\` is ${describeTy(t)}, which has no fields`);
    return c.errExpr(e.span);
  }
  const idx = t.fields.findIndex((f) => f.name === e.field.text);
  if (idx < 0) {
    c.error(e.field.span, `${showType(t)} has no field \`${e.field.text}\``, fieldHint(e.field.text, t.fields.map((f) => f.name)));
    return c.errExpr(e.span);
  }
  return { k: "field", ty: t.fields[idx].ty, target, field: idx, span: e.span };
}

function checkBinary(c: Checker, e: Extract<A.Expr, { kind: "binary" }>, sc: Scope): I.Expr {
  const op = e.op;
  const opText = op === "notin" ? "not in" : op;
  switch (op) {
    case "**":
      return checkPower(c, e, sc);
    case "+":
    case "-":
    case "*":
    case "/":
    case "%": {
      const l = checkExpr(c, e.left, sc);
      const r = checkExpr(c, e.right, sc);
      const ok = need(c, l, "number", `\`${opText}\``) && need(c, r, "number", `\`${opText}\``);
      if (!ok || l.ty.k !== "int" || r.ty.k !== "int") return c.errExpr(e.span);
      const ty = arithTy(c, e, op, l.ty, r.ty, (s) => src(c, s), e.right.span);
      if (ty.k !== "int") return c.errExpr(e.span);
      const site = op === "/" || op === "%" ? c.site("divzero", e.span) : -1;
      return { k: "arith", ty, op, l, r, site, span: e.span };
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const l = checkExpr(c, e.left, sc);
      const r = checkExpr(c, e.right, sc);
      for (const x of [l, r]) {
        if (x.ty.k === "enum") {
          c.error(x.span, `values of \`${x.ty.name}\` are not ordered`, "compare them with == or !=");
          return c.errExpr(e.span);
        }
      }
      const ok = need(c, l, "number", `\`${opText}\``) && need(c, r, "number", `\`${opText}\``);
      if (!ok) return c.errExpr(e.span);
      return { k: "cmp", ty: BOOL, op, l, r, span: e.span };
    }
    case "==":
    case "!=": {
      if (sc.mode !== "step" && sc.mode !== "def" && (e.left.kind === "action" || e.right.kind === "action")) {
        actionOutsideStep(c, e.span, sc);
        return c.errExpr(e.span);
      }
      const [l, r] = checkPair(c, e.left, e.right, sc, checkOperand);
      if (l.ty.k === "error" || r.ty.k === "error") return c.errExpr(e.span);
      if (unify(l.ty, r.ty) === null) {
        c.error(e.opSpan, `cannot compare \`${src(c, e.left.span)}\` (${describeTy(l.ty)}) with \`${src(c, e.right.span)}\` (${describeTy(r.ty)})`);
        return c.errExpr(e.span);
      }
      return { k: "eq", ty: BOOL, neg: op === "!=", l, r, span: e.span };
    }
    case "and":
    case "or":
    case "implies":
    case "iff": {
      const l = checkExpr(c, e.left, sc, BOOL);
      const r = checkExpr(c, e.right, sc, BOOL);
      const ok = need(c, l, "bool", `\`${op}\``) && need(c, r, "bool", `\`${op}\``);
      if (!ok) return c.errExpr(e.span);
      return { k: "logic", ty: BOOL, op, l, r, span: e.span };
    }
    case "in":
    case "notin": {
      const coll = checkExpr(c, e.right, sc);
      if (coll.ty.k === "error") return c.errExpr(e.span);
      if (coll.ty.k !== "set" && coll.ty.k !== "seq") {
        checkOperand(c, e.left, sc);
        c.error(e.right.span, `\`${opText}\` needs a set or a queue on its right, but \`${src(c, e.right.span)}\` is ${describeTy(coll.ty)}`);
        return c.errExpr(e.span);
      }
      const elemTy = coll.ty.elem;
      const elem = checkOperand(c, e.left, sc, elemTy.k === "any" ? undefined : elemTy);
      if (elem.ty.k === "error") return c.errExpr(e.span);
      if (unify(elem.ty, elemTy) === null) {
        c.error(e.left.span, `\`${src(c, e.right.span)}\` holds ${showType(elemTy)}, but \`${src(c, e.left.span)}\` is ${describeTy(elem.ty)}`);
        return c.errExpr(e.span);
      }
      return { k: "in", ty: BOOL, neg: op === "notin", elem, coll, span: e.span };
    }
    case "subset":
    case "union":
    case "intersect":
    case "minus": {
      const [l, r] = checkPair(c, e.left, e.right, sc, checkExpr);
      if (l.ty.k === "error" || r.ty.k === "error") return c.errExpr(e.span);
      for (const x of [l, r]) {
        if (x.ty.k !== "set") {
          c.error(x.span, `\`${op}\` needs sets, but \`${src(c, x.span)}\` is ${describeTy(x.ty)}`);
          return c.errExpr(e.span);
        }
      }
      const u = unify(l.ty, r.ty);
      if (u === null) {
        c.error(e.opSpan, `\`${op}\` of sets of different types: ${showType(l.ty)} and ${showType(r.ty)}`);
        return c.errExpr(e.span);
      }
      if (op === "subset") return { k: "subset", ty: BOOL, l, r, span: e.span };
      const ty: SetTy = op === "union" ? (u as SetTy) : op === "intersect" ? (l.ty as SetTy) : (l.ty as SetTy);
      return { k: "setop", ty: stripName(ty), op, l, r, span: e.span };
    }
  }
}

/** A literal (`{(1, 2)}`, `(a, b)`, `none`, `some(x)`) takes its type from the other side. */
function isLiteral(e: A.Expr): boolean {
  return e.kind === "setLit" || e.kind === "tupleLit" || e.kind === "recordLit" || (e.kind === "name" && e.name === "none") || (e.kind === "call" && e.callee.text === "some");
}

/** Both operands of a binary operator, the second checked knowing the first's type, or the other
 * way round when only the first is a literal. */
function checkPair(c: Checker, left: A.Expr, right: A.Expr, sc: Scope, check: (c: Checker, e: A.Expr, sc: Scope, expected?: Ty) => I.Expr): [I.Expr, I.Expr] {
  if (isLiteral(left) && !isLiteral(right)) {
    const r = check(c, right, sc);
    return [check(c, left, sc, r.ty), r];
  }
  const l = check(c, left, sc);
  return [l, check(c, right, sc, l.ty)];
}

function stripName(t: SetTy): SetTy {
  return t.name === undefined ? t : { k: "set", elem: t.elem };
}

function checkSeqLit(c: Checker, e: Extract<A.Expr, { kind: "seqLit" }>, sc: Scope, outer?: Ty): I.Expr {
  const expected = expectedOf(outer, "seq");
  const want = expected?.k === "seq" && expected.elem.k !== "any" ? expected.elem : undefined;
  const elems = e.elems.map((x) => checkExpr(c, x, sc, want));
  let elemTy: Ty = { k: "any" };
  for (const x of elems) {
    const u = unify(elemTy, x.ty);
    if (u === null) {
      c.error(x.span, `queue elements must all have one type; \`${src(c, x.span)}\` is ${describeTy(x.ty)}, the others ${showType(elemTy)}`);
      return c.errExpr(e.span);
    }
    elemTy = u;
  }
  return { k: "seqLit", ty: { k: "seq", elem: elemTy, cap: elems.length }, elems, span: e.span };
}

function checkRecordLit(c: Checker, e: Extract<A.Expr, { kind: "recordLit" }>, sc: Scope, outer?: Ty): I.Expr {
  const expected = expectedOf(outer, "rec");
  const seen = new Set<string>();
  for (const f of e.fields) {
    if (seen.has(f.name.text)) c.error(f.name.span, `field \`${f.name.text}\` is given twice`);
    seen.add(f.name.text);
  }
  if (expected?.k === "rec") {
    const fields: I.Expr[] = [];
    const tys: { name: string; ty: Ty }[] = [];
    for (const f of e.fields) {
      if (!expected.fields.some((x) => x.name === f.name.text)) {
        c.error(f.name.span, `${showType(expected)} has no field \`${f.name.text}\``, fieldHint(f.name.text, expected.fields.map((x) => x.name)));
      }
    }
    for (const want of expected.fields) {
      const init = e.fields.find((f) => f.name.text === want.name);
      if (!init) {
        c.error(e.span, `this record lacks the field \`${want.name}\` of ${showType(expected)}`);
        return c.errExpr(e.span);
      }
      const v = coerce(checkExpr(c, init.value, sc, want.ty), want.ty);
      if (fits(v.ty, want.ty) === "no") {
        c.error(init.value.span, `field \`${want.name}\` must be ${describeTy(want.ty)}, but \`${src(c, init.value.span)}\` is ${describeTy(v.ty)}`);
      }
      fields.push(v);
      tys.push({ name: want.name, ty: v.ty });
    }
    return { k: "recLit", ty: { k: "rec", fields: tys }, fields, span: e.span };
  }
  const fields = e.fields.map((f) => checkExpr(c, f.value, sc));
  return {
    k: "recLit",
    ty: { k: "rec", fields: e.fields.map((f, i) => ({ name: f.name.text, ty: fields[i].ty })) },
    fields,
    span: e.span,
  };
}

function checkRaw(c: Checker, e: A.Expr, sc: Scope, expected?: Ty): I.Expr {
  switch (e.kind) {
    case "num":
      return e.decimal !== undefined ? numConst(decimalValue(e.decimal), e.span) : { k: "const", ty: { k: "int", lo: e.value, hi: e.value }, v: e.value, span: e.span };
    case "bool":
      return { k: "const", ty: BOOL, v: e.value ? 1 : 0, span: e.span };
    case "name":
      return checkName(c, e, sc);
    case "action":
      if (!stepAllowed(c, sc, "`action`")) {
        actionOutsideStep(c, e.span, sc);
        return c.errExpr(e.span);
      }
      return { k: "action", ty: c.actionEnum, span: e.span };
    case "unary": {
      if (e.op === "-") {
        const x = checkExpr(c, e.operand, sc);
        if (!need(c, x, "number", "`-`") || x.ty.k !== "int") return c.errExpr(e.span);
        return { k: "neg", ty: numIntTy(c, e.span, iv.neg(x.ty), denOf(x.ty)), e: x, span: e.span };
      }
      const x = checkExpr(c, e.operand, sc, BOOL);
      if (!need(c, x, "bool", "`not`")) return c.errExpr(e.span);
      return { k: "not", ty: BOOL, e: x, span: e.span };
    }
    case "binary":
      return checkBinary(c, e, sc);
    case "ite": {
      const cond = checkBool(c, e.cond, sc, "`if`");
      const t = checkExpr(c, e.then, sc, expected);
      const el = checkExpr(c, e.else, sc, expected ?? t.ty);
      const u = unify(t.ty, el.ty);
      if (u === null) {
        c.error(e.span, `the branches of this \`if\` have different types: ${describeTy(t.ty)} and ${describeTy(el.ty)}`);
        return c.errExpr(e.span);
      }
      const ty = u.k === "int" && (t.ty.k === "int" && el.ty.k === "int") ? numIntTy(c, e.span, u, denOf(u)) : u;
      return { k: "ite", ty, c: cond, t, e: el, span: e.span };
    }
    case "let":
      return checkLetIn(c, e, sc, expected);
    case "index":
      return checkIndex(c, e, sc);
    case "field":
      return checkField(c, e, sc);
    case "call":
      return checkCall(c, e, sc, expected);
    case "aggregate":
      return checkAggregate(c, e, sc, expected);
    case "setLit":
      return checkSetLit(c, e, sc, expected);
    case "seqLit":
      return checkSeqLit(c, e, sc, expected);
    case "recordLit":
      return checkRecordLit(c, e, sc, expected);
    case "tupleLit":
      return checkTupleLit(c, e, sc, expected);
    case "temporal":
    case "leadsto":
      return checkMisplacedTemporal(c, e, sc);
  }
}

export { ERR };

// Calls: `old(e)`, the built-in functions and defs.

import type * as A from "../lang/ast.js";
import type * as I from "../ir/ir.js";
import type { Builtin } from "../ir/ir.js";
import { ERR, sizeOfTy, type Ty } from "../ir/types.js";
import { checkNumberBuiltin } from "./number-builtins.js";
import { checkGet, checkSome } from "./values.js";
import { closest } from "../lang/suggest.js";
import type { Checker, Scope } from "./checker.js";
import { ensureDef } from "./defs.js";
import { checkExpr, describeTy, fitTo, src } from "./expressions.js";
import { checkRemoveAt } from "./queues.js";
import { procNamed } from "./procs.js";

interface BuiltinSig {
  readonly params: string;
  readonly arity: number;
  /** Fewer arguments accepted (floor and ceil take an optional step). */
  readonly minArity?: number;
}

export const BUILTINS: Record<Builtin, BuiltinSig> = {
  div: { params: "a, b", arity: 2 },
  div_up: { params: "a, b", arity: 2 },
  mul_div: { params: "a, b, c", arity: 3 },
  mul_div_up: { params: "a, b, c", arity: 3 },
  min: { params: "a, b", arity: 2 },
  max: { params: "a, b", arity: 2 },
  abs: { params: "a", arity: 1 },
  size: { params: "set", arity: 1 },
  len: { params: "queue", arity: 1 },
  head: { params: "queue", arity: 1 },
  push: { params: "queue, element", arity: 2 },
  pop: { params: "queue", arity: 1 },
  floor: { params: "x, step", arity: 2, minArity: 1 },
  ceil: { params: "x, step", arity: 2, minArity: 1 },
  some: { params: "value", arity: 1 },
  get: { params: "option", arity: 1 },
  get_or: { params: "option, default", arity: 2 },
  remove_at: { params: "queue, index", arity: 2 },
};

function isBuiltin(name: string): name is Builtin {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}

function checkOld(c: Checker, e: Extract<A.Expr, { kind: "call" }>, sc: Scope, expected?: Ty): I.Expr {
  if (sc.mode !== "step" && sc.mode !== "def") {
    c.error(
      e.callee.span,
      "`old` can be used only in step properties",
      sc.mode === "action" ? "statements run in order: a variable read before it is assigned still holds its value from before the step; save a value with `let` to use it after an assignment"
      : sc.mode === "invariant" ? "an invariant sees one state; a `step` property relates the states before and after a step"
      : sc.mode === "liveness" ? "a liveness property looks at one state at a time along a behaviour; a `step` property relates the states before and after a step"
      : "there is no state before the first one",
    );
    e.args.forEach((a) => checkExpr(c, a, sc));
    return c.errExpr(e.span);
  }
  if (e.args.length !== 1) {
    c.error(e.span, `\`old\` takes one expression, got ${e.args.length}`);
    return c.errExpr(e.span);
  }
  if (sc.inOld) {
    c.error(e.callee.span, "`old` inside `old` means nothing more", "remove the inner `old`");
    return checkExpr(c, e.args[0], sc, expected);
  }
  if (sc.defId !== undefined) c.defFacts[sc.defId].usesOld = true;
  sc.inOld = true;
  const inner = checkExpr(c, e.args[0], sc, expected);
  sc.inOld = false;
  return { k: "old", ty: inner.ty, e: inner, span: e.span };
}

function checkBuiltin(c: Checker, fn: Builtin, e: Extract<A.Expr, { kind: "call" }>, sc: Scope, expected?: Ty): I.Expr {
  const sig = BUILTINS[fn];
  if (e.args.length > sig.arity || e.args.length < (sig.minArity ?? sig.arity)) {
    const n = sig.minArity !== undefined ? `${sig.minArity} or ${sig.arity} arguments` : `${sig.arity} argument${sig.arity > 1 ? "s" : ""}`;
    c.error(e.span, `\`${fn}\` takes ${n} (${sig.params}), got ${e.args.length}`);
    e.args.forEach((a) => checkExpr(c, a, sc));
    return c.errExpr(e.span);
  }
  switch (fn) {
    case "remove_at":
      return checkRemoveAt(c, e, sc);
    case "div":
    case "div_up":
    case "mul_div":
    case "mul_div_up":
    case "min":
    case "max":
    case "abs":
    case "floor":
    case "ceil":
      return checkNumberBuiltin(c, fn, e, sc);
    case "some":
      return checkSome(c, e, sc, expected);
    case "get":
    case "get_or":
      return checkGet(c, fn, e, sc);
    case "size": {
      const s = checkExpr(c, e.args[0], sc);
      if (s.ty.k === "error") return c.errExpr(e.span);
      if (s.ty.k !== "set") {
        c.error(s.span, `\`size\` needs a set, but \`${src(c, s.span)}\` is ${describeTy(s.ty)}`, s.ty.k === "seq" ? "for a queue, use `len`" : undefined);
        return c.errExpr(e.span);
      }
      const n = s.ty.elem.k === "any" ? 0 : sizeOfTy(s.ty.elem);
      return { k: "builtin", ty: { k: "int", lo: 0, hi: n }, fn, args: [s], site: -1, span: e.span };
    }
    case "len":
    case "head":
    case "pop":
    case "push": {
      const q = checkExpr(c, e.args[0], sc);
      if (q.ty.k === "error") return c.errExpr(e.span);
      if (q.ty.k !== "seq") {
        c.error(q.span, `\`${fn}\` needs a queue, but \`${src(c, q.span)}\` is ${describeTy(q.ty)}`, q.ty.k === "set" && fn === "len" ? "for a set, use `size`" : undefined);
        return c.errExpr(e.span);
      }
      const qt = q.ty;
      if (fn === "len") return { k: "builtin", ty: { k: "int", lo: 0, hi: qt.cap }, fn, args: [q], site: -1, span: e.span };
      if (fn === "head") {
        if (qt.elem.k === "any") {
          c.error(q.span, "`head` of a queue that is always empty");
          return c.errExpr(e.span);
        }
        return { k: "builtin", ty: qt.elem, fn, args: [q], site: c.site("head-empty", e.span), span: e.span };
      }
      if (fn === "pop") return { k: "builtin", ty: qt, fn, args: [q], site: c.site("pop-empty", e.span), span: e.span };
      if (e.args[0].kind === "seqLit") {
        // A literal's capacity is its length, so it is always full.
        const elems = [...e.args[0].elems.map((x) => src(c, x.span)), src(c, e.args[1].span)].join(", ");
        c.error(e.span, "`push` onto a queue literal always fails: a literal holds exactly its elements, so it is full", `write the queue itself: \`[${elems}]\``);
        return c.errExpr(e.span);
      }
      const elemTy = qt.elem.k === "any" ? undefined : qt.elem;
      let x = checkExpr(c, e.args[1], sc, elemTy);
      if (elemTy) x = fitTo(c, x, elemTy, `an element of \`${src(c, q.span)}\``);
      return { k: "builtin", ty: qt, fn, args: [q, x], site: c.site("push-full", e.span, qt), span: e.span };
    }
  }
}

function checkDefCall(c: Checker, id: number, e: Extract<A.Expr, { kind: "call" }>, sc: Scope): I.Expr {
  const sig = c.defSigs[id];
  const name = e.callee.text;
  if (sc.mode === "const") {
    c.error(e.callee.span, `a compile-time value can use only numbers, consts and built-in functions; \`${name}\` is a def`);
    return c.errExpr(e.span);
  }
  if (!sig) return c.errExpr(e.span);
  c.defsCalled.add(id);
  if (e.args.length !== sig.params.length) {
    c.error(e.span, `\`${name}\` takes ${sig.params.length} argument${sig.params.length === 1 ? "" : "s"} (${sig.params.map((p) => p.name).join(", ")}), got ${e.args.length}`);
    e.args.forEach((a) => checkExpr(c, a, sc));
    return c.errExpr(e.span);
  }
  const args = e.args.map((a, i) => fitTo(c, checkExpr(c, a, sc, sig.params[i].ty), sig.params[i].ty, `argument \`${sig.params[i].name}\` of \`${name}\``));
  if (sc.defId !== undefined) c.defFacts[sc.defId].calls.add(id);
  c.pendingCalls.push({ def: id, span: e.span, mode: sc.mode, fromDef: sc.defId });
  const ret = sig.ret ?? ensureDef(c, id)?.ret ?? ERR;
  return { k: "call", ty: ret, def: id, args, span: e.span };
}

export function checkCall(c: Checker, e: Extract<A.Expr, { kind: "call" }>, sc: Scope, expected?: Ty): I.Expr {
  const name = e.callee.text;
  if (name === "old" && !c.globals.has("old")) return checkOld(c, e, sc, expected);
  const local = sc.lookup(name);
  if (local) {
    c.error(e.callee.span, `\`${name}\` is a ${local.what === "let" ? "local value" : local.what}, not a function`);
    return c.errExpr(e.span);
  }
  const g = c.globals.get(name);
  if (g?.kind === "def") return checkDefCall(c, g.id, e, sc);
  if (g?.kind === "proc") {
    procNamed(c, g.id);
    c.error(e.callee.span, `\`${name}\` is a proc: it runs statements, so it is called as a statement of its own, not inside an expression`, "to compute a value from the state, declare a `def`: `def f(x: T) = ...`");
    e.args.forEach((a) => checkExpr(c, a, sc));
    return c.errExpr(e.span);
  }
  if (!g && isBuiltin(name)) return checkBuiltin(c, name, e, sc, expected);
  if (g) {
    const hint =
      g.kind === "var" && c.varTypes[g.id]?.k === "map" ? `index it: \`${name}[...]\``
      : g.kind === "action" ? "expressions only read the state; an action changes it, and only the explorer fires actions"
      : undefined;
    c.error(e.callee.span, `\`${name}\` is ${g.kind === "var" ? "a variable" : g.kind === "action" ? "an action" : "not a function"}, not a function`, hint);
    e.args.forEach((a) => checkExpr(c, a, sc));
    return c.errExpr(e.span);
  }
  const defs = [...c.globals].filter(([, x]) => x.kind === "def").map(([n]) => n);
  const candidates = [...defs, ...Object.keys(BUILTINS), "old"];
  const hint = c.suggest(name, undefined, (x) => x.kind === "def") ?? suggestFrom(name, candidates);
  c.error(e.callee.span, `unknown function \`${name}\``, hint);
  e.args.forEach((a) => checkExpr(c, a, sc));
  return c.errExpr(e.span);
}

function suggestFrom(name: string, candidates: string[]): string | undefined {
  const g = closest(name, candidates);
  return g ? `did you mean \`${g}\`?` : undefined;
}

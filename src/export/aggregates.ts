// Aggregates. `all`/`any` are quantifiers, `count` a Cardinality, `set` a set comprehension,
// `filter` SelectSeq, `map` a function, `min`/`max` the least/greatest of a set. Sums are written
// out over the domain's values (a function of the binder, summed at each value): TLA+ has no sum,
// and a fixed domain needs no recursion (which Apalache does not take). Several binders nest.
//
// A failure inside `all`/`any` counts only if no earlier value decided the result (they stop at
// the first false / true, as stakecheck does), so there the values are visited in stakecheck's
// order: each gets an outcome, "fail", "stop" or "go", and the chain reads them in order.

import type * as I from "../ir/ir.js";
import type { IntTy } from "../ir/types.js";
import { assertNever } from "../util/assert-never.js";
import { withLocal, type Ctx } from "./context.js";
import { tr, type R } from "./expr.js";
import * as X from "./tla.js";
import { FALSE, TRUE, and, app, bin, id, implies, index, isFalse, ite, num, or, str, type T } from "./tla.js";
import { times } from "./scale.js";
import { allValuesTla, typeSet } from "./types.js";

type Agg = Extract<I.Expr, { k: "agg" }>;

/** A binder's domain: its quantification set, its failure, and the fixed slots it is summed over. */
interface Dom {
  readonly f: T;
  /** The set a quantifier ranges over (a queue: the set of its elements). */
  readonly set: T;
  /** Slots: values of the type, of the set's element type, or queue positions 1 .. capacity. */
  readonly slotSet: T;
  readonly slots: readonly T[];
  /** Whether slot `s` holds a value of the domain (a set's member, a position within the length). */
  present(s: T): T;
  /** The value bound in slot `s`. */
  value(s: T): T;
  /** The quantifier over the domain's values by position (queues: 1 .. Len(q); else the set). */
  readonly positional: boolean;
  readonly q: T;
}

function domain(ctx: Ctx, d: I.Domain): Dom {
  const m = ctx.m;
  switch (d.k) {
    case "type": {
      const set = typeSet(m, d.ty);
      return { f: FALSE, set, slotSet: set, slots: allValuesTla(m, d.ty), present: () => TRUE, value: (s) => s, positional: false, q: set };
    }
    case "set": {
      const s = tr(ctx, d.set);
      const elems = typeSet(m, d.elem);
      return { f: s.f, set: s.v, slotSet: elems, slots: allValuesTla(m, d.elem), present: (x) => bin("\\in", x, s.v), value: (x) => x, positional: false, q: s.v };
    }
    case "seq": {
      const q = tr(ctx, d.seq);
      const cap = (d.seq.ty as I.SeqTy).cap;
      m.helpers.add("Range");
      return {
        f: q.f,
        set: app("Range", q.v),
        slotSet: bin("..", num(1), num(cap)),
        slots: Array.from({ length: cap }, (_, i) => num(i + 1)),
        present: (p) => bin("<=", p, app("Len", q.v)),
        value: (p) => index(q.v, p),
        positional: true,
        q: q.v,
      };
    }
    default:
      return assertNever(d);
  }
}

/** Binds the binder in a child scope: by name over a set, or by position over a queue. */
/** A binder's name; a destructuring one (`(s, t)`) is named after its parts (`s_t`). */
export function binderName(name: string): string {
  return name.startsWith("(") ? name.replace(/[()\s]/g, "").replace(/,/g, "_") : name;
}

function bind(ctx: Ctx, b: I.Binder, dom: Dom): { ctx: Ctx; name: string; over: T; value: T } {
  const scope = ctx.scope.child();
  const inner: Ctx = { ...ctx, scope };
  if (dom.positional) {
    const name = scope.bind(`${binderName(b.name)}_i`);
    const value = dom.value(id(name));
    return { ctx: withLocal(inner, b.local, value), name, over: bin("..", num(1), app("Len", dom.q)), value };
  }
  const name = scope.bind(binderName(b.name));
  return { ctx: withLocal(inner, b.local, id(name)), name, over: dom.set, value: id(name) };
}

/** Several binders as nested aggregates of one binder each (stakecheck's order is the same). */
function nest(e: Agg): Agg {
  const inner: Agg = { ...e, binders: e.binders.slice(1), op: e.op === "count" ? "count" : e.op, ty: e.op === "count" || e.op === "sum" ? ({ k: "int", lo: 0, hi: 0 } as IntTy) : e.ty };
  const op = e.op === "count" ? "sum" : e.op;
  return { ...e, op, binders: [e.binders[0]], where: null, body: inner };
}

export function trAgg(ctx: Ctx, e: Agg): R {
  if (e.binders.length > 1) {
    if (e.op === "all" || e.op === "any" || e.op === "sum" || e.op === "count") return trAgg(ctx, nest(e));
    if (e.op === "min" || e.op === "max") return minMax(ctx, e);
    throw new Error(`internal: ${e.op} with ${e.binders.length} binders`);
  }
  const b = e.binders[0];
  const dom = domain(ctx, b.domain);
  const { ctx: inner, name, over } = bind(ctx, b, dom);
  const w = e.where ? tr(inner, e.where) : { v: TRUE, f: FALSE };
  const body = e.body ? tr(inner, e.body) : { v: TRUE, f: FALSE };
  const elemFails = or(w.f, and(w.v, body.f));
  const everyFails = isFalse(elemFails) ? FALSE : X.exists([{ name, set: over }], elemFails);
  switch (e.op) {
    case "all":
    case "any": {
      const v = e.op === "all" ? X.forall([{ name, set: over }], implies(w.v, body.v)) : X.exists([{ name, set: over }], and(w.v, body.v));
      if (isFalse(elemFails)) return { v, f: dom.f };
      const decisive = e.op === "all" ? and(w.v, X.not(body.v)) : and(w.v, body.v);
      return { v, f: or(dom.f, ordered(ctx, b, dom, name, elemFails, decisive)) };
    }
    case "count": {
      const n = dom.positional || e.where ? app("Cardinality", { k: "setOf", name, set: over, pred: w.v }) : app("Cardinality", over);
      const v = times(n, ctx.m.scale);
      return { v, f: or(dom.f, everyFails) };
    }
    case "sum":
      return { v: sum(ctx, dom, b, (s) => ite(and(dom.present(s), w.v), body.v, num(0)), name), f: or(dom.f, everyFails) };
    case "min":
    case "max":
      return minMax(ctx, e);
    case "map":
      return { v: { k: "fn", name, set: over, body: body.v }, f: or(dom.f, everyFails) };
    case "set": {
      if (!dom.positional) return { v: e.where ? { k: "setOf", name, set: over, pred: w.v } : over, f: or(dom.f, everyFails) };
      // Over a queue: the set of its elements, the element bound by value.
      const x = byValue(ctx, b, e.where);
      return { v: { k: "setOf", name: x.name, set: dom.set, pred: x.where }, f: or(dom.f, everyFails) };
    }
    case "filter": {
      const x = byValue(ctx, b, e.where);
      return { v: app("SelectSeq", dom.q, { k: "lambda", params: [x.name], body: x.where }), f: or(dom.f, everyFails) };
    }
    default:
      return assertNever(e.op);
  }
}

/** A queue's element bound by value (for `set` and `filter`), and `where` over it. */
function byValue(ctx: Ctx, b: I.Binder, where: I.Expr | null): { name: string; where: T } {
  const scope = ctx.scope.child();
  const name = scope.bind(binderName(b.name));
  return { name, where: where ? tr(withLocal({ ...ctx, scope }, b.local, id(name)), where).v : TRUE };
}

/** A sum over the domain's slots: `LET f == [x \in Slots |-> term] IN f[s1] + f[s2] + ...`. */
function sum(ctx: Ctx, dom: Dom, b: I.Binder, term: (slot: T) => T, name: string): T {
  if (dom.slots.length === 0) return num(0);
  const f = ctx.scope.bind(`sum_${binderName(b.name)}`);
  const body = term(id(name));
  const terms = dom.slots.map((s) => index(id(f), s));
  const total = terms.slice(1).reduce<T>((acc, t) => ({ k: "bin", op: "+", l: acc, r: t }), terms[0]);
  return X.letIn([{ name: f, body: { k: "fn", name, set: dom.slotSet, body } }], total);
}

/** The first failure in stakecheck's order, before a value that decides the result. */
function ordered(ctx: Ctx, b: I.Binder, dom: Dom, name: string, fails: T, decisive: T): T {
  const o = ctx.scope.bind(`outcome_${binderName(b.name)}`);
  const slot = id(name);
  const outcome = ite(X.not(dom.present(slot)), str("go"), ite(fails, str("fail"), ite(decisive, str("stop"), str("go"))));
  let chain: T = FALSE;
  for (let i = dom.slots.length - 1; i >= 0; i--) {
    const at = index(id(o), dom.slots[i]);
    chain = or(bin("=", at, str("fail")), and(bin("=", at, str("go")), chain));
  }
  return X.letIn([{ name: o, body: { k: "fn", name, set: dom.slotSet, body: outcome } }], chain);
}

/** min/max: the least/greatest of the set of values; over no values it fails. */
function minMax(ctx: Ctx, e: Agg): R {
  const helper = e.op === "min" ? "SetMin" : "SetMax";
  ctx.m.helpers.add(helper);
  const values = collect(ctx, e, 0);
  return { v: app(helper, values.v), f: or(values.f, bin("=", values.v, { k: "setEnum", items: [] })) };
}

/** The set of the body's values over binders `i ..` (and whether evaluating any fails). */
function collect(ctx: Ctx, e: Agg, i: number): R {
  const b = e.binders[i];
  const dom = domain(ctx, b.domain);
  const { ctx: inner, name, over } = bind(ctx, b, dom);
  if (i === e.binders.length - 1) {
    const w = e.where ? tr(inner, e.where) : { v: TRUE, f: FALSE };
    const body = tr(inner, e.body!);
    const filtered: T = e.where ? { k: "setOf", name, set: over, pred: w.v } : over;
    const fails = or(w.f, and(w.v, body.f));
    return { v: { k: "setMap", e: body.v, name, set: filtered }, f: or(dom.f, isFalse(fails) ? FALSE : X.exists([{ name, set: over }], fails)) };
  }
  const rest = collect(inner, e, i + 1);
  return { v: { k: "prefix", op: "UNION", e: { k: "setMap", e: rest.v, name, set: over } }, f: or(dom.f, isFalse(rest.f) ? FALSE : X.exists([{ name, set: over }], rest.f)) };
}


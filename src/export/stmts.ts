// An action's statements, run symbolically. Each write makes a new version of its variable (a LET
// definition, `bal_1 == [bal EXCEPT ![a] = bal[a] - 1]`) that later statements read; an `if` joins
// its branches' versions with IF-THEN-ELSE; loops are unrolled over their (fixed) domains; picks
// are the action's parameters. Along the way every `require` and every well_typed check becomes an
// event, in execution order, with the path condition under which it is reached: the action is
// enabled when every event holds, and fails (well_typed) when a check is the first event that does
// not.

import { needsFit } from "../check/compat.js";
import type * as I from "../ir/ir.js";
import { assertNever } from "../util/assert-never.js";
import { letName, type Ctx, type Local, type ModuleCtx, type StateView } from "./context.js";
import { at, position, readsState, tr } from "./expr.js";
import type { Scope } from "./names.js";
import { FALSE, TRUE, and, app, bin, id, isFalse, isTrue, ite, not, num, type LetDef, type PathEl, type T } from "./tla.js";
import { binderName } from "./aggregates.js";
import { allValuesTla, fieldOf, typeSet } from "./types.js";

export type Event =
  | { readonly kind: "require"; readonly pc: T; readonly cond: T; readonly note: string }
  | { readonly kind: "check"; readonly pc: T; readonly fails: T; readonly note: string };

/** What running the body produced. */
export interface Run {
  readonly lets: LetDef[];
  /** LET names that are versions of a variable (inlined where used once). */
  readonly versions: Set<string>;
  readonly events: Event[];
  /** Per variable, its value after the action. */
  env: T[];
}

interface St {
  readonly run: Run;
  readonly m: ModuleCtx;
  readonly scope: Scope;
  readonly plain: readonly T[];
  env: T[];
  pc: T;
  locals: Map<number, Local>;
  /** Per pick number (the action's picks, rounds of loops included): its parameter's name. */
  readonly picks: readonly T[];
  readonly count: number[];
}

function view(st: St): StateView {
  const env = st.env;
  return { read: (v) => env[v], differs: (v) => env[v] !== st.plain[v], primed: false };
}

function ctxOf(st: St): Ctx {
  return { m: st.m, scope: st.scope.child(), locals: st.locals, state: view(st), old: null, step: null };
}

function small(t: T): boolean {
  return t.k === "id" || t.k === "num" || t.k === "str" || t.k === "bool";
}

function check(st: St, fails: T, note: string): void {
  if (isFalse(fails) || isFalse(st.pc)) return;
  st.run.events.push({ kind: "check", pc: st.pc, fails, note });
}

function require(st: St, cond: T, note: string): void {
  if (isTrue(cond)) return;
  st.run.events.push({ kind: "require", pc: st.pc, cond, note });
}

/** A new version of variable `v` holding `value`. */
function write(st: St, v: number, value: T): void {
  if (small(value)) {
    st.env[v] = value;
    return;
  }
  const name = st.scope.bind(`${st.m.vars[v]}_${++st.count[v]}`);
  st.run.lets.push({ name, body: value });
  st.run.versions.add(name);
  st.env[v] = id(name);
}

/** A value read more than once, named by a LET definition. */
function named(st: St, base: string, value: T): T {
  if (small(value)) return value;
  const name = st.scope.bind(base);
  st.run.lets.push({ name, body: value });
  return id(name);
}

/** Runs `body` where `cond` holds and joins the variables it changed. */
function branch(st: St, cond: T, body: (s: St) => void, otherwise?: (s: St) => void): void {
  if (isTrue(cond)) return body(st);
  if (isFalse(cond)) return otherwise?.(st);
  const a: St = { ...st, env: [...st.env], pc: and(st.pc, cond), locals: new Map(st.locals) };
  body(a);
  const b: St = { ...st, env: [...st.env], pc: and(st.pc, not(cond)), locals: new Map(st.locals) };
  otherwise?.(b);
  st.env.forEach((_, v) => {
    if (a.env[v] !== b.env[v]) write(st, v, ite(cond, a.env[v], b.env[v]));
  });
}

function siteNote(m: ModuleCtx, site: number, fallback: string): string {
  const s = m.spec.sites[site];
  return s?.what ? `well_typed: ${s.what} stays within its type` : fallback;
}

function exec(st: St, stmts: readonly I.Stmt[], picks: number): void {
  for (const s of stmts) {
    switch (s.k) {
      case "require": {
        const r = tr(ctxOf(st), s.cond);
        check(st, r.f, "well_typed: evaluating the require");
        require(st, r.v, "require");
        break;
      }
      case "let": {
        const r = tr(ctxOf(st), s.value);
        check(st, r.f, "well_typed: evaluating the let");
        const stateful = readsState(ctxOf(st), s.value);
        const t = small(r.v) ? r.v : named(st, letName(st.m, s.span), r.v);
        st.locals = new Map(st.locals).set(s.local, { t, stateful });
        break;
      }
      case "if": {
        const c = tr(ctxOf(st), s.cond);
        check(st, c.f, "well_typed: evaluating the condition");
        branch(st, c.v, (a) => exec(a, s.then, picks), (b) => exec(b, s.else, picks));
        break;
      }
      case "pick": {
        const name = st.picks[s.pick + picks];
        st.locals = new Map(st.locals).set(s.local, { t: name, stateful: false });
        if (s.where) {
          const w = tr(ctxOf(st), s.where);
          check(st, w.f, "well_typed: evaluating the pick's condition");
          require(st, w.v, "pick ... where");
        }
        break;
      }
      case "assign":
        assign(st, s);
        break;
      case "for":
        loop(st, s, picks);
        break;
      default:
        assertNever(s);
    }
  }
}

function assign(st: St, s: Extract<I.Stmt, { k: "assign" }>): void {
  const m = st.m;
  const p = s.place;
  let ty: I.Ty = m.spec.vars[p.var].ty;
  let cur: T = st.env[p.var];
  const path: PathEl[] = [];
  for (const step of p.path) {
    if (step.k === "field") {
      if (ty.k !== "rec") throw new Error("internal: a field of a non-record");
      const f = m.names.field(ty.fields[step.field].name);
      path.push(ty.tuple ? { k: "at", e: num(step.field + 1) } : { k: "dot", field: f });
      cur = fieldOf(m, ty, cur, step.field);
      ty = ty.fields[step.field].ty;
      continue;
    }
    const i = tr(ctxOf(st), step.index);
    check(st, i.f, "well_typed: evaluating an index");
    const it = step.index.ty;
    switch (ty.k) {
      case "map": {
        const key = ty.key;
        if (needsFit(it, key)) check(st, bin("\\notin", i.v, typeSet(m, key)), siteNote(m, step.site, "well_typed: a key of the map"));
        path.push({ k: "at", e: i.v });
        cur = { k: "index", f: cur, arg: i.v };
        ty = ty.val;
        break;
      }
      case "seq": {
        const p = position(m, i.v);
        const low = it.k === "int" && it.lo < 0 ? bin("<", p, num(0)) : FALSE;
        check(st, bin(">=", p, app("Len", cur)), siteNote(m, step.site, "well_typed: a position of the queue"));
        check(st, low, siteNote(m, step.site, "well_typed: a position of the queue"));
        path.push({ k: "at", e: bin("+", p, num(1)) });
        cur = at(cur, p);
        ty = ty.elem as I.Ty;
        break;
      }
      case "bool":
      case "int":
      case "enum":
      case "set":
      case "rec":
      case "option":
      case "any":
      case "error":
        throw new Error(`internal: an index into ${ty.k}`);
      default:
        assertNever(ty);
    }
  }
  const r = tr(ctxOf(st), s.value);
  check(st, r.f, "well_typed: evaluating the value");
  if (needsFit(s.value.ty, p.ty)) check(st, bin("\\notin", r.v, typeSet(m, p.ty)), siteNote(m, s.site, "well_typed: the value stays within its type"));
  write(st, p.var, path.length === 0 ? r.v : { k: "except", f: st.env[p.var], path, value: r.v });
}

function loop(st: St, s: Extract<I.Stmt, { k: "for" }>, picks: number): void {
  const m = st.m;
  const round = (value: T, slot: number) => (a: St) => {
    a.locals = new Map(a.locals).set(s.local, { t: value, stateful: false });
    exec(a, s.body, picks + slot * s.stride);
  };
  const d = s.domain;
  switch (d.k) {
    case "type":
      allValuesTla(m, d.ty).forEach((v, slot) => round(v, slot)(st));
      return;
    case "set": {
      const r = tr(ctxOf(st), d.set);
      check(st, r.f, "well_typed: evaluating the loop's set");
      const set = named(st, `${binderName(s.name)}_set`, r.v);
      allValuesTla(m, d.elem).forEach((v, slot) => branch(st, bin("\\in", v, set), round(v, slot)));
      return;
    }
    case "seq": {
      const r = tr(ctxOf(st), d.seq);
      check(st, r.f, "well_typed: evaluating the loop's queue");
      const q = named(st, `${binderName(s.name)}_queue`, r.v);
      const cap = (d.seq.ty as I.SeqTy).cap;
      for (let j = 0; j < cap; j++) branch(st, bin(">", app("Len", q), num(j)), round(at(q, num(j)), j));
      return;
    }
    default:
      assertNever(d);
  }
}

/** Runs an action's body: its locals bound to its choices' names (params, caller, picks). */
export function runAction(m: ModuleCtx, scope: Scope, a: I.Action, choices: readonly T[]): Run {
  const plain = m.vars.map((n) => id(n));
  const run: Run = { lets: [], versions: new Set(), events: [], env: [...plain] };
  const locals = new Map<number, Local>();
  a.choices.forEach((c, i) => {
    if (c.kind !== "pick") locals.set(c.local, { t: choices[i], stateful: false });
  });
  const firstPick = a.choices.findIndex((c) => c.kind === "pick");
  const picks = firstPick < 0 ? [] : choices.slice(firstPick);
  const st: St = { run, m, scope, plain, env: [...plain], pc: TRUE, locals, picks, count: m.vars.map(() => 0) };
  exec(st, a.body, 0);
  run.env = st.env;
  return run;
}

// The reference semantics of the IR: a direct, deliberately plain evaluator. The checker uses it
// to fold constants and initial values; the reference interpreter uses it to run actions; tests use
// it as the oracle for the compiled models. It shares no code with the flat-state compiler: values
// here are nested JS arrays, sets are sorted arrays of element codes.

import type { Def, Domain, Expr, Site } from "./ir.js";
import { scalarLo, cardinality, type ScalarTy, type Ty } from "./types.js";

/** int: number; bool: boolean; enum and action: ordinal; set: sorted element codes (bool as 0/1);
 * map: values by key ordinal; record: field values; queue: its elements (length = len). */
export type Value = number | boolean | Value[];

/** Raised when evaluation fails at `site` (a `well_typed` violation). */
export class EvalFailure {
  constructor(
    readonly site: number,
    readonly detail: string,
  ) {}
}

/** What a step property sees of the step: the action and its choice values (caller, params, picks). */
export interface StepInfo {
  readonly action: number;
  readonly hasCaller: boolean;
  readonly args: readonly number[];
}

export interface EvalEnv {
  readonly defs: readonly Def[];
  readonly sites: readonly Site[];
  /** Current state (after the step, in step properties); undefined where state may not be read. */
  readonly state?: readonly Value[];
  readonly old?: readonly Value[];
  readonly step?: StepInfo;
}

interface Frame {
  readonly env: EvalEnv;
  readonly locals: Value[];
  readonly useOld: boolean;
}

/** Element code of a scalar value: bools as 0/1, ints and ordinals as they are. */
export function code(v: Value): number {
  return typeof v === "boolean" ? (v ? 1 : 0) : (v as number);
}

export function fromCode(ty: ScalarTy, c: number): Value {
  return ty.k === "bool" ? c !== 0 : c;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  return a === b;
}

/** Every value of a scalar type, ascending. */
export function domainValues(ty: ScalarTy): Value[] {
  const out: Value[] = [];
  const lo = scalarLo(ty);
  for (let i = 0; i < cardinality(ty); i++) out.push(fromCode(ty, lo + i));
  return out;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function floorMod(a: number, b: number): number {
  return a - b * Math.floor(a / b);
}

function ceilDiv(a: number, b: number): number {
  return -Math.floor(-a / b);
}

const NONE = null;

function fail(site: number, detail: string): never {
  throw new EvalFailure(site, detail);
}

function show(v: Value): string {
  return Array.isArray(v) ? `[${v.map(show).join(", ")}]` : String(v);
}

/** Fails at `site` unless `v` fits `ty` (int ranges, set element ranges, queue capacities). The
 * detail names the first offending part, in slot order. */
export function checkFits(site: number, ty: Ty, v: Value): void {
  switch (ty.k) {
    case "int":
      if ((v as number) < ty.lo || (v as number) > ty.hi) fail(site, String(v));
      return;
    case "set":
      if (ty.elem.k === "int") {
        for (const e of v as number[]) if (e < ty.elem.lo || e > ty.elem.hi) fail(site, `a set holding ${e}`);
      }
      return;
    case "map":
      (v as Value[]).forEach((x) => checkFits(site, ty.val, x));
      return;
    case "rec":
      ty.fields.forEach((f, i) => checkFits(site, f.ty, (v as Value[])[i]));
      return;
    case "seq":
      if ((v as Value[]).length > ty.cap) fail(site, `a queue of ${(v as Value[]).length} elements`);
      (v as Value[]).forEach((x) => checkFits(site, ty.elem, x));
      return;
    default:
      return;
  }
}

function domainOf(f: Frame, d: Domain): Value[] {
  switch (d.k) {
    case "type":
      return domainValues(d.ty);
    case "set":
      return (evalIn(f, d.set) as number[]).map((c) => fromCode(d.elem, c));
    case "seq":
      return [...(evalIn(f, d.seq) as Value[])];
  }
}

/** Calls `visit` for every assignment of the binders (in order, nested) that passes `where`. */
function forEachBinding(f: Frame, e: Extract<Expr, { k: "agg" }>, visit: () => boolean | void): void {
  const go = (i: number): boolean => {
    if (i === e.binders.length) {
      if (e.where !== null && !(evalIn(f, e.where) as boolean)) return false;
      return visit() === true;
    }
    const b = e.binders[i];
    for (const v of domainOf(f, b.domain)) {
      f.locals[b.local] = v;
      if (go(i + 1)) return true;
    }
    return false;
  };
  go(0);
}

function evalAgg(f: Frame, e: Extract<Expr, { k: "agg" }>): Value {
  switch (e.op) {
    case "all": {
      let r = true;
      forEachBinding(f, e, () => {
        if (!(evalIn(f, e.body!) as boolean)) {
          r = false;
          return true;
        }
      });
      return r;
    }
    case "any": {
      let r = false;
      forEachBinding(f, e, () => {
        if (evalIn(f, e.body!) as boolean) {
          r = true;
          return true;
        }
      });
      return r;
    }
    case "sum": {
      let r = 0;
      forEachBinding(f, e, () => {
        r += evalIn(f, e.body!) as number;
      });
      return r;
    }
    case "count": {
      let r = 0;
      forEachBinding(f, e, () => {
        r++;
      });
      return r;
    }
    case "min":
    case "max": {
      let r: number | undefined;
      forEachBinding(f, e, () => {
        const v = evalIn(f, e.body!) as number;
        if (r === undefined || (e.op === "min" ? v < r : v > r)) r = v;
      });
      if (r === undefined) fail(e.site, e.op);
      return r;
    }
    case "map": {
      const out: Value[] = [];
      forEachBinding(f, e, () => {
        out.push(evalIn(f, e.body!));
      });
      return out;
    }
    case "set": {
      const out: number[] = [];
      forEachBinding(f, e, () => {
        out.push(code(f.locals[e.binders[0].local]));
      });
      return [...new Set(out)].sort((a, b) => a - b);
    }
    case "filter": {
      const out: Value[] = [];
      forEachBinding(f, e, () => {
        out.push(f.locals[e.binders[0].local]);
      });
      return out;
    }
  }
}

function evalIn(f: Frame, e: Expr): Value {
  switch (e.k) {
    case "const":
      return e.ty.k === "bool" ? e.v !== 0 : e.ty.k === "set" ? maskToSet(e.v) : e.v;
    case "var": {
      const st = f.useOld ? f.env.old : f.env.state;
      if (st === undefined) throw new Error("internal: state read where no state is available");
      return st[e.id];
    }
    case "local":
      return f.locals[e.id];
    case "index": {
      const target = evalIn(f, e.target) as Value[];
      const i = code(evalIn(f, e.index));
      const t = e.target.ty;
      if (t.k === "map") {
        const ord = i - scalarLo(t.key);
        if (ord < 0 || ord >= cardinality(t.key)) fail(e.site, show(evalIn(f, e.index)));
        return target[ord];
      }
      if (i < 0 || i >= target.length) fail(e.site, `${i} (the queue holds ${target.length})`);
      return target[i];
    }
    case "field":
      return (evalIn(f, e.target) as Value[])[e.field];
    case "neg":
      return -(evalIn(f, e.e) as number);
    case "not":
      return !(evalIn(f, e.e) as boolean);
    case "arith": {
      const a = evalIn(f, e.l) as number;
      const b = evalIn(f, e.r) as number;
      switch (e.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          if (b === 0) fail(e.site, `${a} / 0`);
          return floorDiv(a, b);
        case "%":
          if (b === 0) fail(e.site, `${a} % 0`);
          return floorMod(a, b);
      }
      break;
    }
    case "cmp": {
      const a = evalIn(f, e.l) as number;
      const b = evalIn(f, e.r) as number;
      switch (e.op) {
        case "<":
          return a < b;
        case "<=":
          return a <= b;
        case ">":
          return a > b;
        case ">=":
          return a >= b;
      }
      break;
    }
    case "eq": {
      const a = evalIn(f, e.l);
      const b = evalIn(f, e.r);
      // An absent caller or step parameter equals only another absent one.
      const eq = a === NONE || b === NONE ? a === b : valuesEqual(a, b);
      return e.neg ? !eq : eq;
    }
    case "logic": {
      const a = evalIn(f, e.l) as boolean;
      switch (e.op) {
        case "and":
          return a ? (evalIn(f, e.r) as boolean) : false;
        case "or":
          return a ? true : (evalIn(f, e.r) as boolean);
        case "implies":
          return a ? (evalIn(f, e.r) as boolean) : true;
        case "iff":
          return a === (evalIn(f, e.r) as boolean);
      }
      break;
    }
    case "setop": {
      const a = evalIn(f, e.l) as number[];
      const b = evalIn(f, e.r) as number[];
      switch (e.op) {
        case "union":
          return [...new Set([...a, ...b])].sort((x, y) => x - y);
        case "intersect":
          return a.filter((x) => b.includes(x));
        case "minus":
          return a.filter((x) => !b.includes(x));
      }
      break;
    }
    case "in": {
      const x = evalIn(f, e.elem);
      const coll = evalIn(f, e.coll) as Value[];
      let found: boolean;
      if (x === NONE) found = false;
      else if (e.coll.ty.k === "set") found = (coll as number[]).includes(code(x));
      else found = coll.some((y) => valuesEqual(x, y));
      return e.neg ? !found : found;
    }
    case "subset": {
      const a = evalIn(f, e.l) as number[];
      const b = evalIn(f, e.r) as number[];
      return a.every((x) => b.includes(x));
    }
    case "ite":
      return evalIn(f, e.c) ? evalIn(f, e.t) : evalIn(f, e.e);
    case "let":
      f.locals[e.local] = evalIn(f, e.value);
      return evalIn(f, e.body);
    case "call": {
      const def = f.env.defs[e.def];
      const locals: Value[] = new Array(def.nLocals);
      e.args.forEach((a, i) => {
        locals[def.params[i].local] = evalIn(f, a);
      });
      return evalIn({ env: f.env, locals, useOld: f.useOld }, def.body);
    }
    case "builtin":
      return evalBuiltin(f, e);
    case "agg":
      return evalAgg(f, e);
    case "setLit": {
      const elems = e.elems.map((x) => code(evalIn(f, x)));
      const elemTy = e.ty.elem;
      if (elemTy.k === "int") {
        for (const c of elems) if (c < elemTy.lo || c > elemTy.hi) fail(e.site, String(c));
      }
      return [...new Set(elems)].sort((a, b) => a - b);
    }
    case "seqLit":
      return e.elems.map((x) => evalIn(f, x));
    case "recLit":
      return e.fields.map((x) => evalIn(f, x));
    case "fill": {
      const v = evalIn(f, e.e);
      return Array.from({ length: cardinality(e.ty.key) }, () => v);
    }
    case "old":
      return evalIn({ env: f.env, locals: f.locals, useOld: true }, e.e);
    case "action":
      return f.env.step!.action;
    case "caller": {
      const st = f.env.step!;
      return (st.hasCaller ? fromCode(e.ty, st.args[0]) : NONE) as Value;
    }
    case "stepParam": {
      const st = f.env.step!;
      if (st.action !== e.action) return NONE as unknown as Value;
      return fromCode(e.ty, st.args[e.param]);
    }
    case "fit": {
      const v = evalIn(f, e.e);
      checkFits(e.site, e.ty, v);
      return v;
    }
    case "present": {
      const v = evalIn(f, e.e);
      if (v === NONE) fail(e.site, "");
      return v;
    }
  }
  throw new Error(`internal: unhandled IR node ${(e as Expr).k}`);
}

function maskToSet(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 31; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

function evalBuiltin(f: Frame, e: Extract<Expr, { k: "builtin" }>): Value {
  const args = e.args.map((a) => evalIn(f, a));
  const n = args as number[];
  switch (e.fn) {
    case "div_up":
      if (n[1] === 0) fail(e.site, `div_up(${n[0]}, 0)`);
      return ceilDiv(n[0], n[1]);
    case "mul_div":
      if (n[2] === 0) fail(e.site, `mul_div(${n[0]}, ${n[1]}, 0)`);
      return floorDiv(n[0] * n[1], n[2]);
    case "mul_div_up":
      if (n[2] === 0) fail(e.site, `mul_div_up(${n[0]}, ${n[1]}, 0)`);
      return ceilDiv(n[0] * n[1], n[2]);
    case "min":
      return Math.min(n[0], n[1]);
    case "max":
      return Math.max(n[0], n[1]);
    case "abs":
      return Math.abs(n[0]);
    case "size":
      return (args[0] as Value[]).length;
    case "len":
      return (args[0] as Value[]).length;
    case "head": {
      const q = args[0] as Value[];
      if (q.length === 0) fail(e.site, "");
      return q[0];
    }
    case "push": {
      const q = args[0] as Value[];
      const ty = e.args[0].ty;
      if (ty.k === "seq" && q.length >= ty.cap) fail(e.site, `it already holds ${q.length} of ${ty.cap}`);
      return [...q, args[1]];
    }
    case "pop": {
      const q = args[0] as Value[];
      if (q.length === 0) fail(e.site, "");
      return q.slice(1);
    }
    case "remove_at": {
      const q = args[0] as Value[];
      const i = n[1];
      if (i < 0 || i >= q.length) fail(e.site, `${i} (the queue holds ${q.length})`);
      return [...q.slice(0, i), ...q.slice(i + 1)];
    }
  }
}

/** Evaluates an IR expression. `locals` is the frame (its length must cover the expression's locals). */
export function evaluate(env: EvalEnv, e: Expr, locals: Value[] = []): Value {
  return evalIn({ env, locals, useOld: false }, e);
}

// The reference semantics of the IR: a direct, deliberately plain evaluator. The checker uses it
// to fold constants and initial values; the reference interpreter uses it to run actions; tests use
// it as the oracle for the compiled models. It shares no code with the flat-state compiler: values
// here are nested JS arrays, sets are sorted arrays of element codes.

import { allValues, choiceValue, compareValues, elemKey, valueIndex, valueAt, type Value } from "./finite.js";
import type { Def, Domain, Expr, Site } from "./ir.js";
import {
  Rat, fromScaled, isZero, numAdd, numCeil, numCeilTo, numCmp, numDiv, numFloor, numFloorTo, numMod, numMul, numNeg, numSub, type Num,
} from "./rational.js";
import { denOf, isPlainInt, sizeOfTy, type ScalarTy, type Ty } from "./types.js";

export type { Value };

/** Raised when evaluation fails at `site` (a `well_typed` violation). */
export class EvalFailure {
  constructor(
    readonly site: number,
    readonly detail: string,
  ) {}
}

/** What a step property sees of the step: the action and its choice codes (caller, params, picks). */
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
  return ty.k === "bool" ? c !== 0 : ty.k === "int" ? fromScaled(c, denOf(ty)) : c;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Rat || b instanceof Rat) return !Array.isArray(b) && numCmp(a as Num, b as Num) === 0;
  return a === b;
}

/** Every value of a finite type (every subset of a set type), in index order. */
export function domainValues(ty: Ty): Value[] {
  return allValues(ty);
}

const NONE = null;

function fail(site: number, detail: string): never {
  throw new EvalFailure(site, detail);
}

export function show(v: Value): string {
  return Array.isArray(v) ? `[${v.map(show).join(", ")}]` : String(v);
}

/** A sorted, duplicate-free set of element codes. */
function normSet(xs: Value[]): Value[] {
  const sorted = xs.map(elemKey).sort(compareValues);
  return sorted.filter((x, i) => i === 0 || compareValues(sorted[i - 1], x) !== 0);
}

function setHas(s: readonly Value[], x: Value): boolean {
  const k = elemKey(x);
  return s.some((y) => compareValues(y, k) === 0);
}

/** The failure detail of a set holding an element of another type (not a plain integer). */
export const OUTSIDE_ELEMENT = "a set holding an element outside its element type";

/** Fails at `site` unless `v` fits `ty` (number ranges and steps, set elements, option payloads,
 * queue capacities). The detail names the first offending part, in slot order. */
export function checkFits(site: number, ty: Ty, v: Value): void {
  switch (ty.k) {
    case "int":
      if (valueIndex(ty, v) < 0) fail(site, String(v));
      return;
    case "set":
      if (ty.elem.k !== "any" && ty.elem.k !== "bool" && ty.elem.k !== "enum") {
        const elem = ty.elem;
        for (const e of v as Value[]) if (valueIndex(elem, e) < 0) fail(site, isPlainInt(elem) ? `a set holding ${showElem(e)}` : OUTSIDE_ELEMENT);
      }
      return;
    case "option":
      if ((v as Value[]).length === 1 && ty.elem.k !== "any") checkFits(site, ty.elem, (v as Value[])[0]);
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

function showElem(v: Value): string {
  return Array.isArray(v) ? `(${v.map(showElem).join(", ")})` : String(v);
}

function domainOf(f: Frame, d: Domain): Value[] {
  switch (d.k) {
    case "type":
      return allValues(d.ty);
    case "set":
      return (evalIn(f, d.set) as Value[]).map((c) => (d.elem.k === "bool" ? c !== 0 : c));
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
      let r: Num = 0;
      forEachBinding(f, e, () => {
        r = numAdd(r, evalIn(f, e.body!) as Num);
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
      let r: Num | undefined;
      forEachBinding(f, e, () => {
        const v = evalIn(f, e.body!) as Num;
        if (r === undefined || (e.op === "min" ? numCmp(v, r) < 0 : numCmp(v, r) > 0)) r = v;
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
      const out: Value[] = [];
      forEachBinding(f, e, () => {
        out.push(f.locals[e.binders[0].local]);
      });
      return normSet(out);
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

function evalArith(f: Frame, e: Extract<Expr, { k: "arith" }>): Value {
  const a = evalIn(f, e.l) as Num;
  const b = evalIn(f, e.r) as Num;
  switch (e.op) {
    case "+":
      return numAdd(a, b);
    case "-":
      return numSub(a, b);
    case "*":
      return numMul(a, b);
    case "/":
      if (isZero(b)) fail(e.site, `${a} / 0`);
      return numDiv(a, b);
    case "%":
      if (isZero(b)) fail(e.site, `${a} % 0`);
      return numMod(a, b);
  }
}

function evalIn(f: Frame, e: Expr): Value {
  switch (e.k) {
    case "const":
      switch (e.ty.k) {
        case "bool":
          return e.v !== 0;
        case "set":
          return maskToSet(e.ty.elem, e.v);
        case "int":
          return fromScaled(e.v, denOf(e.ty));
        case "option":
          return e.v === 0 || e.ty.elem.k === "any" ? [] : [valueAt(e.ty.elem, e.v - 1)];
        default:
          return e.v;
      }
    case "var": {
      const st = f.useOld ? f.env.old : f.env.state;
      if (st === undefined) throw new Error("internal: state read where no state is available");
      return st[e.id];
    }
    case "local":
      return f.locals[e.id];
    case "index": {
      const target = evalIn(f, e.target) as Value[];
      const iv = evalIn(f, e.index);
      const t = e.target.ty;
      if (t.k === "map") {
        const ord = iv === NONE ? -1 : valueIndex(t.key, iv);
        if (ord < 0) fail(e.site, show(iv));
        return target[ord];
      }
      const i = code(iv);
      if (i < 0 || i >= target.length) fail(e.site, `${i} (the queue holds ${target.length})`);
      return target[i];
    }
    case "field":
      return (evalIn(f, e.target) as Value[])[e.field];
    case "neg":
      return numNeg(evalIn(f, e.e) as Num);
    case "not":
      return !(evalIn(f, e.e) as boolean);
    case "arith":
      return evalArith(f, e);
    case "cmp": {
      const c = numCmp(evalIn(f, e.l) as Num, evalIn(f, e.r) as Num);
      switch (e.op) {
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case ">":
          return c > 0;
        case ">=":
          return c >= 0;
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
      const a = evalIn(f, e.l) as Value[];
      const b = evalIn(f, e.r) as Value[];
      switch (e.op) {
        case "union":
          return normSet([...a, ...b]);
        case "intersect":
          return a.filter((x) => setHas(b, x));
        case "minus":
          return a.filter((x) => !setHas(b, x));
      }
      break;
    }
    case "in": {
      const x = evalIn(f, e.elem);
      const coll = evalIn(f, e.coll) as Value[];
      let found: boolean;
      if (x === NONE) found = false;
      else if (e.coll.ty.k === "set") found = setHas(coll, x);
      else found = coll.some((y) => valuesEqual(x, y));
      return e.neg ? !found : found;
    }
    case "subset": {
      const a = evalIn(f, e.l) as Value[];
      const b = evalIn(f, e.r) as Value[];
      return a.every((x) => setHas(b, x));
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
      const elems = e.elems.map((x) => evalIn(f, x));
      const elemTy = e.ty.elem;
      if (elemTy.k !== "any" && elemTy.k !== "bool" && elemTy.k !== "enum") {
        for (const x of elems) if (valueIndex(elemTy, x) < 0) fail(e.site, showElem(x));
      }
      return normSet(elems);
    }
    case "seqLit":
      return e.elems.map((x) => evalIn(f, x));
    case "recLit":
      return e.fields.map((x) => evalIn(f, x));
    case "fill": {
      const v = evalIn(f, e.e);
      return Array.from({ length: sizeOfTy(e.ty.key) }, () => v);
    }
    case "old":
      return evalIn({ env: f.env, locals: f.locals, useOld: true }, e.e);
    case "action":
      return f.env.step!.action;
    case "caller": {
      const st = f.env.step!;
      return (st.hasCaller ? choiceValue(e.ty, st.args[0]) : NONE) as Value;
    }
    case "stepParam": {
      const st = f.env.step!;
      if (st.action !== e.action) return NONE as unknown as Value;
      return choiceValue(e.ty, st.args[e.param]);
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

/** The elements of a one-word set constant (a folded set). */
function maskToSet(elem: Ty, mask: number): Value[] {
  const out: Value[] = [];
  if (elem.k === "any" || elem.k === "error") return out;
  for (let i = 0; i < 32; i++) {
    if (!((mask >>> i) & 1)) continue;
    out.push(isPlainInt(elem) ? i : elemKey(valueAt(elem, i)));
  }
  return out;
}

function evalBuiltin(f: Frame, e: Extract<Expr, { k: "builtin" }>): Value {
  const args = e.args.map((a) => evalIn(f, a));
  const n = args as Num[];
  const divzero = (d: Num) => {
    if (isZero(d)) fail(e.site, `${e.fn}(${n.slice(0, -1).join(", ")}, 0)`);
  };
  switch (e.fn) {
    case "div":
      divzero(n[1]);
      return numFloor(numDiv(n[0], n[1]));
    case "div_up":
      divzero(n[1]);
      return numCeil(numDiv(n[0], n[1]));
    case "mul_div":
      divzero(n[2]);
      return numFloor(numDiv(numMul(n[0], n[1]), n[2]));
    case "mul_div_up":
      divzero(n[2]);
      return numCeil(numDiv(numMul(n[0], n[1]), n[2]));
    case "floor":
      return n.length === 1 ? numFloor(n[0]) : numFloorTo(n[0], n[1]);
    case "ceil":
      return n.length === 1 ? numCeil(n[0]) : numCeilTo(n[0], n[1]);
    case "min":
      return numCmp(n[0], n[1]) <= 0 ? n[0] : n[1];
    case "max":
      return numCmp(n[0], n[1]) >= 0 ? n[0] : n[1];
    case "abs":
      return numCmp(n[0], 0) < 0 ? numNeg(n[0]) : n[0];
    case "size":
    case "len":
      return (args[0] as Value[]).length;
    case "some":
      return [args[0]];
    case "get": {
      const o = args[0] as Value[];
      if (o.length === 0) fail(e.site, "");
      return o[0];
    }
    case "get_or": {
      const o = args[0] as Value[];
      return o.length === 0 ? args[1] : o[0];
    }
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
      const i = n[1] as number;
      if (i < 0 || i >= q.length) fail(e.site, `${i} (the queue holds ${q.length})`);
      return [...q.slice(0, i), ...q.slice(i + 1)];
    }
  }
}

/** Evaluates an IR expression. `locals` is the frame (its length must cover the expression's locals). */
export function evaluate(env: EvalEnv, e: Expr, locals: Value[] = []): Value {
  return evalIn({ env, locals, useOld: false }, e);
}

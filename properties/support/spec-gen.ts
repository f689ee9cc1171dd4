// Random WELL-FORMED specs, built from every construct of the language: consts, int-range, enum,
// set, map, record and queue types, vars with valid initial values, actions with parameters,
// callers, require/let/if/pick/for, assignments and proc calls, defs (step-only ones too), procs,
// aggregates, filter/remove_at, let-in, `**`, invariants and step properties with
// old/action/caller/action.param. Every generated spec parses and checks with no errors
// (warnings such as an unused def are allowed); it may still violate `well_typed` or its own
// properties when run, which is what explorers want to find.
//
// Specs are kept small (a few variables, domains of 2-4 values) so they also compile and explore
// quickly. The generator draws every choice through fast-check's `gen`, so failures shrink.
//
//   import { wellFormedSpec } from "../support/spec-gen.js";
//   fc.assert(fc.property(wellFormedSpec(), ({ text, ast }) => { ... }));

import fc from "fast-check";
import type * as A from "../../src/lang/ast.js";
import { printSpec } from "../../src/lang/print.js";

export interface GeneratedSpec {
  /** The syntax tree (dummy spans). */
  readonly ast: A.Spec;
  /** Its canonical text (`printSpec(ast)`). */
  readonly text: string;
}

export interface SpecGenOptions {
  /** At most this many state variables (default 3). */
  readonly maxVars?: number;
  /** At most this many actions (default 3). */
  readonly maxActions?: number;
  /** Expression nesting depth (default 2). */
  readonly maxDepth?: number;
}

// ---- the generator's own model of types ----

/** A number range (`den`: a step of 1/den, declared as a named type) , a bool or an enum. */
type Scalar = { k: "bool" } | { k: "int"; lo: number; hi: number; exact: boolean; den?: number } | { k: "enum"; name: string; members: string[] };
type GTy =
  | Scalar
  | { k: "set"; elem: Scalar | Tuple }
  | { k: "map"; key: Scalar; val: GTy }
  | { k: "rec"; fields: { name: string; ty: GTy }[]; tuple?: boolean }
  | { k: "opt"; elem: Scalar }
  | { k: "seq"; elem: GTy; cap: number };
/** A tuple of scalars (fields "0", "1"). */
type Tuple = { k: "rec"; fields: { name: string; ty: Scalar }[]; tuple: true };

const BOOL: Scalar = { k: "bool" };
/** An integer whose range the generator does not track (a computed value). */
const SOME_INT: Scalar = { k: "int", lo: -1e9, hi: 1e9, exact: false };

const S: A.Span = { start: 0, end: 0 };
const nm = (text: string): A.Name => ({ text, span: S });
const num = (value: number): A.Expr => (value < 0 ? { kind: "unary", op: "-", operand: { kind: "num", value: -value, span: S }, span: S } : { kind: "num", value, span: S });
const ref = (name: string): A.Expr => ({ kind: "name", name, span: S });
const bin = (op: A.BinaryOp, left: A.Expr, right: A.Expr): A.Expr => ({ kind: "binary", op, left, right, opSpan: S, span: S });
const call = (callee: string, ...args: A.Expr[]): A.Expr => ({ kind: "call", callee: nm(callee), args, span: S });
const lit = (b: boolean): A.Expr => ({ kind: "bool", value: b, span: S });

function isScalar(t: GTy): t is Scalar {
  return t.k === "bool" || t.k === "int" || t.k === "enum";
}

function cardinality(t: Scalar): number {
  return t.k === "bool" ? 2 : t.k === "enum" ? t.members.length : (t.hi - t.lo) * (t.den ?? 1) + 1;
}

/** Whether a value of type `a` may stand where `b` is expected, as the checker sees it. */
function compat(a: GTy, b: GTy): boolean {
  switch (a.k) {
    case "bool":
      return b.k === "bool";
    case "int":
      return b.k === "int";
    case "enum":
      return b.k === "enum" && a.name === b.name;
    case "set":
      // Sets of plain integers join; other elements must number their values alike.
      return b.k === "set" && compat(a.elem, b.elem) && ((a.elem.k === "int" && !a.elem.den && b.elem.k === "int" && !b.elem.den) || sameKey(a.elem, b.elem));
    case "map":
      return b.k === "map" && sameKey(a.key, b.key) && compat(a.val, b.val);
    case "rec":
      return b.k === "rec" && a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name && compat(f.ty, b.fields[i].ty));
    case "opt":
      return b.k === "opt" && compat(a.elem, b.elem);
    case "seq":
      return b.k === "seq" && compat(a.elem, b.elem);
  }
}

function sameKey(a: GTy, b: GTy): boolean {
  if (a.k === "int" && b.k === "int") return a.lo === b.lo && a.hi === b.hi && (a.den ?? 1) === (b.den ?? 1);
  if (a.k === "rec" && b.k === "rec") return a.fields.length === b.fields.length && a.fields.every((f, i) => sameKey(f.ty, b.fields[i].ty));
  return compat(a, b);
}

// ---- drawing choices ----

/** Every random choice; 0 (or false) is always the simplest, which is where shrinking goes. */
class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : this.g(fc.integer, { min: lo, max: hi });
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)];
  }
  /** True with probability `percent`/100. */
  chance(percent: number): boolean {
    return this.int(0, 99) >= 100 - percent;
  }
  /** One of the options, each given as a weight and a thunk; options with weight 0 are skipped. */
  oneOf<T>(options: [number, () => T][]): T {
    const live = options.filter(([w]) => w > 0);
    const total = live.reduce((s, [w]) => s + w, 0);
    let r = this.int(0, total - 1);
    for (const [w, f] of live) {
      if (r < w) return f();
      r -= w;
    }
    return live[live.length - 1][1]();
  }
}

// ---- what is declared so far ----

interface NamedType {
  name: string;
  ty: GTy;
}
interface VarInfo {
  name: string;
  ty: GTy;
}
interface DefInfo {
  name: string;
  params: { name: string; ty: Scalar }[];
  ret: GTy;
}
interface ActionInfo {
  name: string;
  params: { name: string; ty: GTy }[];
  caller: Scalar | null;
}
interface ProcInfo {
  name: string;
  params: { name: string; ty: GTy }[];
  /** Whether it picks (then a loop does not call it: a pick per round multiplies the instances). */
  picks: boolean;
}

interface Env {
  readonly mode: "init" | "def" | "action" | "invariant" | "step";
  readonly locals: { name: string; ty: GTy }[];
  /** Inside `old(...)`: no nested `old`, no step-only names. */
  readonly inOld: boolean;
  /** Defs this expression may call (earlier defs only, so there is no recursion). */
  readonly defs: DefInfo[];
  /** Procs these statements may call (earlier procs only). */
  readonly procs?: ProcInfo[];
  /** Inside a loop: no picks (each would be one choice per round). */
  readonly inLoop?: boolean;
}

class Gen {
  readonly d: Draw;
  readonly maxDepth: number;
  private counter = 0;
  readonly consts: { name: string; value: number }[] = [];
  readonly types: NamedType[] = [];
  readonly vars: VarInfo[] = [];
  readonly defs: DefInfo[] = [];
  readonly actions: ActionInfo[] = [];
  readonly procs: ProcInfo[] = [];
  /** The type every `by` clause uses, so that `caller` has one type in step properties. */
  callerTy: { ty: Scalar; texpr: A.TypeExpr } | null = null;

  constructor(d: Draw, maxDepth: number) {
    this.d = d;
    this.maxDepth = maxDepth;
  }

  /** Whether `caller` means something in step properties. */
  hasCaller(): boolean {
    return this.actions.some((a) => a.caller !== null);
  }

  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  // ---- types ----

  /** A scalar type and how to write it (a declared name or an inline range). */
  scalarType(forSet = false): { ty: Scalar; texpr: A.TypeExpr } {
    const named = this.types.filter((t) => isScalar(t.ty) && (!forSet || t.ty.k !== "int" || (t.ty.lo >= 0 && t.ty.hi <= 30)));
    return this.d.oneOf<{ ty: Scalar; texpr: A.TypeExpr }>([
      [named.length ? 4 : 0, () => {
        const t = this.d.pick(named);
        return { ty: t.ty as Scalar, texpr: { kind: "named", name: nm(t.name), span: S } };
      }],
      [1, () => ({ ty: BOOL, texpr: { kind: "bool", span: S } })],
      [2, () => {
        const lo = forSet ? this.d.int(0, 2) : this.d.pick([0, 0, 1, -1]);
        const hi = lo + this.d.int(1, 3);
        return { ty: { k: "int", lo, hi, exact: true }, texpr: { kind: "range", lo: num(lo), hi: num(hi), span: S } };
      }],
    ]);
  }

  /** A type for a variable or a record field. */
  valueType(depth: number): { ty: GTy; texpr: A.TypeExpr } {
    const d = this.d;
    const records = this.types.filter((t) => t.ty.k === "rec");
    return d.oneOf<{ ty: GTy; texpr: A.TypeExpr }>([
      [6, () => this.scalarType()],
      [depth > 0 ? 2 : 0, () => {
        const e = this.scalarType(true);
        return { ty: { k: "set", elem: e.ty }, texpr: { kind: "set", elem: e.texpr, span: S } };
      }],
      [depth > 0 ? 1 : 0, () => {
        const t = this.tupleType();
        return { ty: { k: "set", elem: t.ty }, texpr: { kind: "set", elem: t.texpr, span: S } };
      }],
      [depth > 0 ? 1 : 0, () => this.tupleType()],
      [depth > 0 ? 1 : 0, () => {
        const e = this.scalarType();
        return { ty: { k: "opt", elem: e.ty }, texpr: { kind: "option", elem: e.texpr, span: S } };
      }],
      [depth > 0 ? 3 : 0, () => {
        const k = this.scalarType();
        const v = this.valueType(depth - 1);
        return { ty: { k: "map", key: k.ty, val: v.ty }, texpr: { kind: "map", key: k.texpr, value: v.texpr, span: S } };
      }],
      [depth > 0 && records.length ? 2 : 0, () => {
        const r = d.pick(records);
        return { ty: r.ty, texpr: { kind: "named", name: nm(r.name), span: S } };
      }],
      [depth > 0 ? 1 : 0, () => {
        const fields = this.recordFields(depth - 1);
        return {
          ty: { k: "rec", fields: fields.map((f) => ({ name: f.name.text, ty: f.ty })) },
          texpr: { kind: "record", fields: fields.map(({ name, type, span }) => ({ name, type, span })), span: S },
        };
      }],
      [depth > 0 ? 2 : 0, () => {
        const e = records.length && d.chance(30) ? this.valueType(1) : this.valueType(0);
        const cap = d.int(1, 2);
        return { ty: { k: "seq", elem: e.ty, cap }, texpr: { kind: "seq", elem: e.texpr, capacity: num(cap), span: S } };
      }],
    ]);
  }

  /** `(S1, S2)`: a tuple of two scalars. */
  tupleType(): { ty: Tuple; texpr: A.TypeExpr } {
    const a = this.scalarType();
    const b = this.scalarType();
    return { ty: { k: "rec", tuple: true, fields: [{ name: "0", ty: a.ty }, { name: "1", ty: b.ty }] }, texpr: { kind: "tuple", elems: [a.texpr, b.texpr], span: S } };
  }

  recordFields(depth: number): (A.Field & { ty: GTy })[] {
    const n = this.d.int(1, 3);
    const out: (A.Field & { ty: GTy })[] = [];
    for (let i = 0; i < n; i++) {
      const t = this.valueType(Math.min(depth, 0));
      out.push({ name: nm(`f${i}`), type: t.texpr, span: S, ty: t.ty });
    }
    return out;
  }

  // ---- literal values (initial values: no state, no defs) ----

  /** A value of `ty` from literals and consts. A map may be given as one value for every entry
   * (`fill`), which only an initial value or an assignment accepts. */
  literal(ty: GTy, fill = true): A.Expr {
    const d = this.d;
    switch (ty.k) {
      case "bool":
        return lit(d.chance(50));
      case "int": {
        const consts = this.consts.filter((c) => c.value >= ty.lo && c.value <= ty.hi);
        if (consts.length && d.chance(25)) return ref(d.pick(consts).name);
        if (ty.den && d.chance(50)) {
          // A fraction of the type: a decimal literal or n / den.
          const n = d.int(ty.lo * ty.den, ty.hi * ty.den);
          const dec = n / ty.den;
          if (dec >= 0 && d.chance(50)) return { kind: "num", value: dec, decimal: dec.toFixed(2), span: S };
          return bin("/", num(n), num(ty.den));
        }
        return num(d.int(ty.lo, ty.hi));
      }
      case "opt":
        return d.chance(40) ? ref("none") : call("some", this.literal(ty.elem));
      case "enum":
        return ref(d.pick(ty.members));
      case "set": {
        const n = d.int(0, 2);
        return { kind: "setLit", elems: Array.from({ length: n }, () => this.literal(ty.elem)), span: S };
      }
      case "map":
        // A scalar (or set, record, queue) fills every entry; or one value per key.
        // One value for every key: a fill, or `map(k in K: value)`.
        if (!fill || ty.val.k === "map" || d.chance(30)) return this.mapOf(ty, () => this.literal(ty.val, false));
        return this.literal(ty.val);
      case "rec":
        if (ty.tuple) return { kind: "tupleLit", elems: ty.fields.map((f) => this.literal(f.ty, false)), span: S };
        return { kind: "recordLit", fields: ty.fields.map((f) => ({ name: nm(f.name), value: this.literal(f.ty, false), span: S })), span: S };
      case "seq": {
        const n = d.int(0, ty.cap);
        return { kind: "seqLit", elems: Array.from({ length: n }, () => this.literal(ty.elem, false)), span: S };
      }
    }
  }

  /** `map(k in K: body)`, with `k` in scope for the body. */
  mapOf(ty: Extract<GTy, { k: "map" }>, body: (keyLocal: { name: string; ty: GTy }) => A.Expr): A.Expr {
    const b = this.fresh("k");
    return { kind: "aggregate", op: "map", binders: [{ name: nm(b), domain: this.typeDomain(ty.key), span: S }], where: null, body: body({ name: b, ty: ty.key }), span: S };
  }

  /** A domain naming every value of a scalar type. */
  typeDomain(ty: Scalar): A.Domain {
    if (ty.k === "bool") return { kind: "bool", span: S };
    const named = this.types.find((t) => isScalar(t.ty) && sameKey(t.ty, ty) && (ty.k !== "enum" || t.name === ty.name));
    if (ty.k === "enum") return { kind: "expr", expr: ref(ty.name), span: S };
    // A type with a step has a name (a range domain holds integers).
    if (named && (ty.den || this.d.chance(60))) return { kind: "expr", expr: ref(named.name), span: S };
    return { kind: "range", lo: num(ty.lo), hi: num(ty.hi), span: S };
  }

  // ---- expressions ----

  /** Names and places of the wanted type that an expression can read. */
  atoms(ty: GTy, env: Env, depth: number): (() => A.Expr)[] {
    const d = this.d;
    const out: (() => A.Expr)[] = [];
    if (ty.k === "map") out.push(() => this.mapOf(ty, () => this.literal(ty.val, false)));
    else if (ty.k !== "int" || ty.exact) out.push(() => this.literal(ty));
    else out.push(() => num(d.int(0, 3)));
    // Locals and the places inside them (a record field of a binder over a queue of records...).
    for (const l of env.locals) for (const p of this.places(l.name, l.ty, env)) if (compat(p.ty, ty)) out.push(p.read);
    if (ty.k === "int") for (const c of this.consts) out.push(() => ref(c.name));
    if (env.mode !== "init") {
      for (const v of this.vars) {
        for (const p of this.places(v.name, v.ty, env)) {
          if (compat(p.ty, ty)) {
            out.push(p.read);
            if (env.mode === "step" && !env.inOld) out.push(() => call("old", p.read()));
          }
          // An option's value: get (fails on none) or get_or.
          if (p.ty.k === "opt" && compat(p.ty.elem, ty) && isScalar(ty)) {
            // A small default: a huge one into a fraction type can make `mul_div` of three of them
            // exceed 2^53 (a checker error the generator must not make).
            out.push(() => call("get_or", p.read(), ty.k === "int" ? num(d.int(0, 3)) : this.literal(ty)), () => call("get", p.read()));
          }
        }
      }
    }
    if (env.mode === "step" && !env.inOld) {
      if (this.hasCaller() && compat(this.callerTy!.ty, ty)) out.push(() => ref("caller"));
      for (const a of this.actions) {
        for (const p of a.params) {
          if (compat(p.ty, ty)) out.push(() => ({ kind: "field", target: ref(a.name), field: nm(p.name), span: S }));
        }
      }
    }
    return out;
  }

  /** Readable places inside a variable or local: itself, map entries, record fields, queue entries. */
  places(root: string, ty: GTy, env: Env): { ty: GTy; read: () => A.Expr }[] {
    const out: { ty: GTy; read: () => A.Expr }[] = [{ ty, read: () => ref(root) }];
    const walk = (t: GTy, mk: () => A.Expr, left: number) => {
      if (left === 0) return;
      if (t.k === "map") {
        const read = (): A.Expr => ({ kind: "index", target: mk(), index: this.keyExpr(t.key, env), span: S });
        out.push({ ty: t.val, read });
        walk(t.val, read, left - 1);
      } else if (t.k === "rec") {
        for (const f of t.fields) {
          const read = (): A.Expr => ({ kind: "field", target: mk(), field: nm(f.name), span: S });
          out.push({ ty: f.ty, read });
          walk(f.ty, read, left - 1);
        }
      } else if (t.k === "seq") {
        const read = (): A.Expr => ({ kind: "index", target: mk(), index: num(this.d.int(0, t.cap - 1)), span: S });
        out.push({ ty: t.elem, read });
      }
    };
    walk(ty, () => ref(root), 2);
    return out;
  }

  /** An index for a map with key type `key`: statically within (or overlapping) the key range. */
  keyExpr(key: Scalar, env: Env): A.Expr {
    const d = this.d;
    const ok = (t: GTy) => (key.k === "int" ? t.k === "int" && t.exact && t.hi >= key.lo && t.lo <= key.hi : compat(t, key));
    const options: (() => A.Expr)[] = [() => this.literal(key)];
    for (const l of env.locals) if (ok(l.ty)) options.push(() => ref(l.name));
    if (env.mode === "step" && !env.inOld && this.hasCaller() && ok(this.callerTy!.ty)) options.push(() => ref("caller"));
    return d.pick(options)();
  }

  expr(ty: GTy, env: Env, depth: number): A.Expr {
    const d = this.d;
    const all = this.atoms(ty, env, depth);
    // The literal comes first; a boolean literal makes dull specs (`require false`), so prefer
    // the state's booleans when there are any.
    const atoms = ty.k === "bool" && all.length > 1 && d.chance(75) ? all.slice(1) : all;
    const onlyLiteral = ty.k === "bool" && all.length === 1;
    if (depth <= 0 || (!onlyLiteral && d.chance(20))) return d.pick(atoms)();
    const sub = (t: GTy) => this.expr(t, env, depth - 1);
    const ite = (): A.Expr => ({ kind: "ite", cond: this.cond(env, depth - 1), then: sub(ty), else: sub(ty), span: S });
    const callable = env.mode === "init" ? [] : env.defs.filter((f) => compat(f.ret, ty));
    const defCall = (): A.Expr => {
      const f = d.pick(callable);
      return call(f.name, ...f.params.map((p) => sub(p.ty)));
    };
    const common: [number, () => A.Expr][] = [
      [onlyLiteral ? 0 : 3, () => d.pick(atoms)()],
      [1, ite],
      [callable.length ? 2 : 0, defCall],
    ];
    switch (ty.k) {
      case "bool":
        return d.oneOf([...common, ...this.boolForms(env, depth)]);
      case "int":
        return d.oneOf([...common, ...this.intForms(env, depth)]);
      case "enum":
        return d.oneOf([...common, [1, () => this.headOf(ty, env, depth) ?? d.pick(atoms)()]]);
      case "set":
        return d.oneOf([
          ...common,
          [2, () => bin(d.pick(["union", "intersect", "minus"] as const), sub(ty), sub(ty))],
          [ty.elem.k === "rec" ? 0 : 1, () => {
            const elem = ty.elem as Scalar;
            const b = this.fresh("x");
            const inner = { ...env, locals: [...env.locals, { name: b, ty: elem }] };
            return { kind: "aggregate", op: "set", binders: [{ name: nm(b), domain: this.typeDomain(elem), span: S }], where: this.cond(inner, depth - 1), body: null, span: S };
          }],
        ]);
      case "map":
        return d.oneOf([
          ...common,
          [2, () => this.mapOf(ty, (k) => this.expr(ty.val, { ...env, locals: [...env.locals, k] }, depth - 1))],
        ]);
      case "rec":
        if (ty.tuple) return d.oneOf([...common, [2, () => ({ kind: "tupleLit", elems: ty.fields.map((f) => sub(f.ty)), span: S })]]);
        return d.oneOf([
          ...common,
          [2, () => ({ kind: "recordLit", fields: ty.fields.map((f) => ({ name: nm(f.name), value: sub(f.ty), span: S })), span: S })],
        ]);
      case "opt":
        return d.oneOf([...common, [2, () => call("some", sub(ty.elem))], [1, () => ref("none")]]);
      case "seq": {
        const queues = this.queueReads(ty, env);
        return d.oneOf([
          ...common,
          [2, () => ({ kind: "seqLit", elems: Array.from({ length: d.int(0, ty.cap) }, () => sub(ty.elem)), span: S })],
          [queues.length ? 2 : 0, () => call("push", d.pick(queues)(), sub(ty.elem))],
          [queues.length ? 2 : 0, () => call("pop", d.pick(queues)())],
          [queues.length ? 1 : 0, () => call("remove_at", d.pick(queues)(), call("floor", this.expr(SOME_INT, env, 0)))],
          [queues.length ? 1 : 0, () => {
            const x = this.fresh("x");
            const inner = { ...env, locals: [...env.locals, { name: x, ty: ty.elem }] };
            return { kind: "aggregate", op: "filter", binders: [{ name: nm(x), domain: { kind: "expr", expr: d.pick(queues)(), span: S }, span: S }], where: this.cond(inner, depth - 1), body: null, span: S };
          }],
        ]);
      }
    }
  }

  /** `let x = value in body`, with `x` in scope for the body. */
  letIn(ty: GTy, env: Env, depth: number): A.Expr {
    const name = this.fresh("l");
    const vt = this.d.pick([BOOL, SOME_INT]);
    const value = this.expr(vt, env, depth - 1);
    return { kind: "let", name: nm(name), value, body: this.expr(ty, { ...env, locals: [...env.locals, { name, ty: vt }] }, depth - 1), span: S };
  }

  /** A condition: a comparison, connective, membership or aggregate, never a bare literal. */
  cond(env: Env, depth: number): A.Expr {
    return this.d.oneOf(this.boolForms(env, Math.max(depth, 1)));
  }

  /** Readable queue places whose elements fit `ty`'s (for push/pop/head/len, never a literal). */
  queueReads(ty: GTy, env: Env): (() => A.Expr)[] {
    if (env.mode === "init") return [];
    const out: (() => A.Expr)[] = [];
    for (const v of this.vars) for (const p of this.places(v.name, v.ty, env)) if (p.ty.k === "seq" && compat(p.ty, ty)) out.push(p.read);
    return out;
  }

  /** `head(q)` of some queue of `elem`s, if there is one. */
  headOf(elem: GTy, env: Env, depth: number): A.Expr | undefined {
    const qs = this.queueReads({ k: "seq", elem, cap: 1 }, env);
    return qs.length && depth > 0 ? call("head", this.d.pick(qs)()) : undefined;
  }

  /** Some type that values can be compared at: a variable's, or a scalar. */
  someType(env: Env): GTy {
    const d = this.d;
    const fromVars = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env).map((p) => p.ty));
    return d.oneOf<GTy>([
      [2, () => SOME_INT],
      [1, () => BOOL],
      [fromVars.length ? 3 : 0, () => d.pick(fromVars)],
      [this.types.length ? 1 : 0, () => d.pick(this.types).ty],
    ]);
  }

  /** A domain to bind a name over, and the bound name's type; with `parts`, a tuple binder
   * `(a, b) in D` names the tuple's fields instead. */
  domain(env: Env, allowQueues: boolean, allowParts = false): { domain: A.Domain; ty: GTy; parts?: { name: string; ty: GTy }[] } {
    const d = this.d;
    const small = this.types.filter((t) => isScalar(t.ty) && cardinality(t.ty) <= 4);
    const sets = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "set");
    const queues = allowQueues && env.mode !== "init" ? this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "seq") : [];
    return d.oneOf<{ domain: A.Domain; ty: GTy; parts?: { name: string; ty: GTy }[] }>([
      [3, () => {
        const t = this.scalarType();
        return { domain: this.typeDomain(t.ty), ty: t.ty };
      }],
      [sets.length ? 2 : 0, () => {
        const s = d.pick(sets);
        const elem = (s.ty as { elem: Scalar | Tuple }).elem;
        const domain: A.Domain = { kind: "expr", expr: s.read(), span: S };
        if (allowParts && elem.k === "rec" && d.chance(60)) return { domain, ty: elem, parts: elem.fields.map((f) => ({ name: this.fresh("y"), ty: f.ty })) };
        return { domain, ty: elem };
      }],
      [small.length ? 1 : 0, () => {
        const t = d.pick(small);
        return { domain: { kind: "expr", expr: call("subsets", ref(t.name)), span: S }, ty: { k: "set", elem: t.ty as Scalar } };
      }],
      [queues.length ? 1 : 0, () => {
        const q = d.pick(queues);
        return { domain: { kind: "expr", expr: q.read(), span: S }, ty: (q.ty as { elem: GTy }).elem };
      }],
    ]);
  }

  /** An aggregate with binders in scope for its `where` and body. */
  aggregate(op: A.AggregateOp, env: Env, depth: number, body: ((inner: Env) => A.Expr) | null): A.Expr {
    const n = this.d.chance(20) ? 2 : 1;
    const binders: A.Binder[] = [];
    let locals = env.locals;
    for (let i = 0; i < n; i++) {
      const dom = this.domain({ ...env, locals }, true, true);
      if (dom.parts) {
        binders.push({ name: nm(`(${dom.parts.map((p) => p.name).join(", ")})`), parts: dom.parts.map((p) => nm(p.name)), domain: dom.domain, span: S });
        locals = [...locals, ...dom.parts];
        continue;
      }
      const name = this.fresh("x");
      binders.push({ name: nm(name), domain: dom.domain, span: S });
      locals = [...locals, { name, ty: dom.ty }];
    }
    const inner: Env = { ...env, locals };
    const where = body === null || this.d.chance(30) ? this.cond(inner, depth - 1) : null;
    return { kind: "aggregate", op, binders, where, body: body ? body(inner) : null, span: S };
  }

  intForms(env: Env, depth: number): [number, () => A.Expr][] {
    const d = this.d;
    const sub = () => this.expr(SOME_INT, env, depth - 1);
    const sets = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "set");
    const queues = this.queueReads({ k: "seq", elem: SOME_INT, cap: 1 }, env);
    const anyQueues = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "seq");
    // Queues of records with an integer field: `sum(x in q: x.f)` reads a field of a local.
    const recordQueues = anyQueues.flatMap((q) => {
      const elem = (q.ty as { elem: GTy }).elem;
      return elem.k === "rec" ? elem.fields.filter((f) => f.ty.k === "int").map((f) => ({ q, field: f.name })) : [];
    });
    return [
      [recordQueues.length ? 2 : 0, () => {
        const { q, field } = d.pick(recordQueues);
        const x = this.fresh("x");
        const body: A.Expr = { kind: "field", target: ref(x), field: nm(field), span: S };
        return { kind: "aggregate", op: d.pick(["sum", "max", "min"] as const), binders: [{ name: nm(x), domain: { kind: "expr", expr: q.read(), span: S }, span: S }], where: null, body, span: S };
      }],
      [4, () => bin(d.pick(["+", "-", "*", "%"] as const), sub(), sub())],
      // An exact quotient, rounded to an integer: the rounding works for any divisor.
      [1, () => call(d.pick(["floor", "ceil"]), bin("/", sub(), sub()))],
      [1, () => bin("**", this.expr(SOME_INT, env, 0), num(d.int(0, 3)))],
      [1, () => this.letIn(SOME_INT, env, depth)],
      [1, () => ({ kind: "unary", op: "-", operand: sub(), span: S })],
      [2, () => call(d.pick(["div", "div_up", "min", "max"]), sub(), sub())],
      [1, () => call(d.pick(["floor", "ceil"]), sub())],
      [1, () => call(d.pick(["mul_div", "mul_div_up"]), sub(), sub(), sub())],
      [1, () => call("abs", sub())],
      [sets.length ? 1 : 0, () => call("size", d.pick(sets).read())],
      [anyQueues.length ? 1 : 0, () => call("len", d.pick(anyQueues).read())],
      [queues.length ? 1 : 0, () => call("head", d.pick(queues)())],
      [env.mode === "init" ? 0 : 1, () => this.aggregate("count", env, depth, null)],
      [env.mode === "init" ? 0 : 1, () => this.aggregate(d.pick(["sum", "min", "max"] as const), env, depth, (inner) => this.expr(SOME_INT, inner, depth - 1))],
    ];
  }

  boolForms(env: Env, depth: number): [number, () => A.Expr][] {
    const d = this.d;
    const sub = (t: GTy) => this.expr(t, env, depth - 1);
    const stepForms: [number, () => A.Expr][] =
      env.mode === "step" && !env.inOld
        ? [
            [2, () => bin(d.pick(["==", "!="] as const), { kind: "action", span: S }, ref(d.pick(this.actions).name))],
            [2, () => {
              const inner: Env = { ...env, inOld: true };
              return call("old", this.expr(BOOL, inner, depth - 1));
            }],
          ]
        : [];
    const sets = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "set" || p.ty.k === "seq");
    const options = env.mode === "init" ? [] : this.vars.flatMap((v) => this.places(v.name, v.ty, env)).filter((p) => p.ty.k === "opt");
    return [
      [3, () => bin(d.pick(["<", "<=", ">", ">="] as const), sub(SOME_INT), sub(SOME_INT))],
      [3, () => {
        const t = this.someType(env);
        return bin(d.pick(["==", "!="] as const), sub(t), sub(t));
      }],
      [3, () => bin(d.pick(["and", "or", "implies", "iff"] as const), sub(BOOL), sub(BOOL))],
      [options.length ? 1 : 0, () => bin(d.pick(["==", "!="] as const), d.pick(options).read(), ref("none"))],
      [1, () => ({ kind: "unary", op: "not", operand: sub(BOOL), span: S })],
      [1, () => this.letIn(BOOL, env, depth)],
      [sets.length ? 2 : 0, () => {
        const s = d.pick(sets);
        const elem = (s.ty as { elem: GTy }).elem;
        return bin(d.pick(["in", "notin"] as const), sub(elem), s.read());
      }],
      [sets.length ? 1 : 0, () => {
        const s = d.pick(sets.filter((x) => x.ty.k === "set").length ? sets.filter((x) => x.ty.k === "set") : sets);
        return s.ty.k === "set" ? bin("subset", sub(s.ty), s.read()) : lit(true);
      }],
      [env.mode === "init" ? 0 : 2, () => this.aggregate(d.pick(["all", "any"] as const), env, depth, (inner) => this.expr(BOOL, inner, depth - 1))],
      ...stepForms,
    ];
  }

  // ---- statements ----

  stmts(env: Env, action: ActionInfo, depth: number, max: number): A.Stmt[] {
    const out: A.Stmt[] = [];
    let locals = env.locals;
    const n = this.d.int(1, max);
    for (let i = 0; i < n; i++) {
      const r = this.stmt({ ...env, locals }, action, depth);
      out.push(r.stmt);
      locals = r.locals;
    }
    return out;
  }

  stmt(env: Env, action: ActionInfo, depth: number): { stmt: A.Stmt; locals: Env["locals"] } {
    const d = this.d;
    const e = this.maxDepth;
    return d.oneOf<{ stmt: A.Stmt; locals: Env["locals"] }>([
      [4, () => ({ stmt: this.assign(env), locals: env.locals })],
      [3, () => ({ stmt: { kind: "require", cond: this.cond(env, e), span: S }, locals: env.locals })],
      [2, () => {
        const name = this.fresh("l");
        const known = d.chance(50);
        const ty: GTy = known ? this.someType(env) : d.pick([BOOL, SOME_INT]);
        const value = this.expr(ty, env, known ? 0 : e);
        // The checker's range for the value may be narrower than `ty`'s: never use it as a key.
        const local = ty.k === "int" ? SOME_INT : ty;
        return { stmt: { kind: "let", name: nm(name), value, span: S }, locals: [...env.locals, { name, ty: local }] };
      }],
      [depth > 0 ? 2 : 0, () => {
        const dom = this.domain(env, true);
        const name = this.fresh("x");
        const body = this.stmts({ ...env, locals: [...env.locals, { name, ty: dom.ty }], inLoop: true }, action, depth - 1, 2);
        return { stmt: { kind: "for", name: nm(name), domain: dom.domain, body, span: S }, locals: env.locals };
      }],
      [env.procs?.some((p) => !env.inLoop || !p.picks) ? 2 : 0, () => {
        const p = d.pick(env.procs!.filter((p) => !env.inLoop || !p.picks));
        return { stmt: { kind: "call", callee: nm(p.name), args: p.params.map((x) => this.expr(x.ty, env, 1)), span: S }, locals: env.locals };
      }],
      [env.inLoop ? 0 : 2, () => {
        const dom = this.domain(env, false);
        const name = this.fresh("w");
        const inner = [...env.locals, { name, ty: dom.ty }];
        const where = d.chance(50) ? this.cond({ ...env, locals: inner }, e - 1) : null;
        return { stmt: { kind: "pick", name: nm(name), domain: dom.domain, where, span: S }, locals: inner };
      }],
      [depth > 0 ? 2 : 0, () => {
        const cond = this.cond(env, e);
        const then = this.stmts(env, action, depth - 1, 2);
        const els = d.oneOf<A.Stmt[] | null>([
          [2, () => null],
          [2, () => this.stmts(env, action, depth - 1, 2)],
          [1, () => [this.stmt(env, action, 0).stmt].filter((s) => s.kind !== "let" && s.kind !== "pick")],
        ]);
        return { stmt: { kind: "if", cond, then, else: els, span: S }, locals: env.locals };
      }],
    ]);
  }

  assign(env: Env): A.Stmt {
    const d = this.d;
    const v = d.pick(this.vars);
    let target: A.Expr = ref(v.name);
    let ty = v.ty;
    for (let steps = d.int(0, 2); steps > 0; steps--) {
      if (ty.k === "map") {
        target = { kind: "index", target, index: this.keyExpr(ty.key, env), span: S };
        ty = ty.val;
      } else if (ty.k === "rec") {
        const f = d.pick(ty.fields);
        target = { kind: "field", target, field: nm(f.name), span: S };
        ty = f.ty;
      } else if (ty.k === "seq") {
        target = { kind: "index", target, index: num(d.int(0, ty.cap - 1)), span: S };
        ty = ty.elem;
      } else break;
    }
    const op: A.AssignOp = ty.k === "int" ? d.pick(["=", "+=", "-="] as const) : "=";
    // A whole map may be assigned a single value for every entry.
    const valueTy = ty.k === "map" && ty.val.k !== "map" && d.chance(30) ? ty.val : ty;
    let value = this.expr(op === "=" ? valueTy : SOME_INT, env, this.maxDepth);
    // Half the integer assignments are clamped into range, so that runs get past the first step.
    if (op === "=" && valueTy.k === "int" && valueTy.exact && d.chance(50)) value = call("min", call("max", value, num(valueTy.lo)), num(valueTy.hi));
    return { kind: "assign", target, op, value, span: S };
  }

  // ---- declarations ----

  spec(maxVars: number, maxActions: number): A.Spec {
    const d = this.d;
    const decls: A.Decl[] = [];

    // consts
    const nConsts = d.int(0, 2);
    for (let i = 0; i < nConsts; i++) {
      const name = `K${i}`;
      const value = d.int(2, 3);
      this.consts.push({ name, value });
      decls.push({ kind: "const", name: nm(name), value: num(value), span: S });
    }

    // named types: an int range (bounded by a const when there is one), an enum, a record
    if (d.chance(80)) {
      const name = this.fresh("T");
      const c = this.consts.length ? d.pick(this.consts) : undefined;
      const hi = c ? c.value - 1 : d.int(1, 3);
      const texpr: A.TypeExpr = { kind: "range", lo: num(0), hi: c ? bin("-", ref(c.name), num(1)) : num(hi), span: S };
      this.types.push({ name, ty: { k: "int", lo: 0, hi, exact: true } });
      decls.push({ kind: "type", name: nm(name), type: texpr, symmetric: d.chance(20), span: S });
    }
    if (d.chance(40)) {
      // A number type with a step: 0 .. hi step 1/den.
      const name = this.fresh("H");
      const den = d.pick([2, 4]);
      const hi = d.int(1, 2);
      const texpr: A.TypeExpr = { kind: "range", lo: num(0), hi: num(hi), step: bin("/", num(1), num(den)), span: S };
      this.types.push({ name, ty: { k: "int", lo: 0, hi, exact: true, den } });
      decls.push({ kind: "type", name: nm(name), type: texpr, symmetric: false, span: S });
    }
    if (d.chance(60)) {
      const name = this.fresh("E");
      const members = Array.from({ length: d.int(2, 3) }, (_, i) => `${name}_${"abc"[i]}`);
      this.types.push({ name, ty: { k: "enum", name, members } });
      decls.push({ kind: "type", name: nm(name), type: { kind: "enum", members: members.map(nm), span: S }, symmetric: false, span: S });
    }
    if (d.chance(40)) {
      const name = this.fresh("R");
      const fields = this.recordFields(0);
      this.types.push({ name, ty: { k: "rec", fields: fields.map((f) => ({ name: f.name.text, ty: f.ty })) } });
      decls.push({ kind: "type", name: nm(name), type: { kind: "record", fields: fields.map(({ name: n, type, span }) => ({ name: n, type, span })), span: S }, symmetric: false, span: S });
    }

    // vars, with valid initial values
    const nVars = d.int(1, maxVars);
    for (let i = 0; i < nVars; i++) {
      const name = this.fresh("v");
      const t = this.valueType(2);
      const init = this.literal(t.ty);
      this.vars.push({ name, ty: t.ty });
      decls.push({ kind: "var", name: nm(name), type: t.texpr, init, ghost: d.chance(15), span: S });
    }

    // defs: each may call the ones before it
    const nDefs = d.int(0, 2);
    for (let i = 0; i < nDefs; i++) {
      const name = this.fresh("f");
      const params = Array.from({ length: d.int(0, 2) }, () => ({ name: this.fresh("p"), ...this.scalarType() }));
      const ret = d.oneOf<{ ty: GTy; texpr: A.TypeExpr | null }>([
        [2, () => ({ ty: BOOL, texpr: d.chance(50) ? { kind: "bool", span: S } : null })],
        [2, () => ({ ty: SOME_INT, texpr: null })],
        [1, () => {
          const t = this.scalarType();
          return { ty: t.ty, texpr: t.texpr };
        }],
      ]);
      const env: Env = { mode: "def", locals: params.map((p) => ({ name: p.name, ty: p.ty })), inOld: false, defs: [...this.defs] };
      const body = this.expr(ret.ty, env, this.maxDepth);
      this.defs.push({ name, params: params.map((p) => ({ name: p.name, ty: p.ty })), ret: ret.ty });
      decls.push({
        kind: "def", name: nm(name), params: params.map((p) => ({ name: nm(p.name), type: p.texpr, span: S })), returnType: ret.texpr, body, span: S,
      });
    }

    // procs: each may call the ones before it
    const nProcs = d.int(0, 2);
    for (let i = 0; i < nProcs; i++) {
      const name = this.fresh("pr");
      const params = Array.from({ length: d.int(0, 2) }, () => ({ name: this.fresh("p"), ...(d.chance(70) ? this.scalarType() : this.valueType(1)) }));
      const info: ProcInfo = { name, params: params.map((p) => ({ name: p.name, ty: p.ty })), picks: false };
      const env: Env = { mode: "action", locals: [...info.params], inOld: false, defs: this.defs, procs: [...this.procs] };
      const body = this.stmts(env, { name, params: [], caller: null }, 2, 3);
      const picks = (ss: readonly A.Stmt[]): boolean =>
        ss.some((x) =>
          x.kind === "pick" ? true
          : x.kind === "if" ? picks(x.then) || picks(x.else ?? [])
          : x.kind === "for" ? picks(x.body)
          : x.kind === "call" ? this.procs.some((q) => q.name === x.callee.text && q.picks)
          : false,
        );
      info.picks = picks(body);
      this.procs.push(info);
      decls.push({ kind: "proc", name: nm(name), params: params.map((p) => ({ name: nm(p.name), type: p.texpr, span: S })), body, span: S });
    }

    // actions: signatures first (step properties name their parameters)
    const scalarTypes = this.types.filter((t) => isScalar(t.ty));
    if (scalarTypes.length) {
      const t = d.pick(scalarTypes);
      this.callerTy = { ty: t.ty as Scalar, texpr: { kind: "named", name: nm(t.name), span: S } };
    }
    const nActions = d.int(1, maxActions);
    const sigs: { info: ActionInfo; params: A.Param[]; by: A.Param | null }[] = [];
    for (let i = 0; i < nActions; i++) {
      const name = this.fresh("act");
      const small = this.types.filter((t) => isScalar(t.ty) && cardinality(t.ty) <= 4);
      const ps = Array.from({ length: d.int(0, 2) }, () => {
        if (small.length && d.chance(15)) {
          // A set parameter: every subset is an instance.
          const t = d.pick(small);
          const ty: GTy = { k: "set", elem: t.ty as Scalar };
          return { name: this.fresh("p"), ty, texpr: { kind: "set", elem: { kind: "named", name: nm(t.name), span: S }, span: S } as A.TypeExpr };
        }
        return { name: this.fresh("p"), ...this.scalarType() };
      });
      const withCaller = this.callerTy !== null && d.chance(40);
      const info: ActionInfo = { name, params: ps.map((p) => ({ name: p.name, ty: p.ty })), caller: withCaller ? this.callerTy!.ty : null };
      this.actions.push(info);
      sigs.push({
        info,
        params: ps.map((p) => ({ name: nm(p.name), type: p.texpr, span: S })),
        by: withCaller ? { name: nm("caller"), type: this.callerTy!.texpr, span: S } : null,
      });
    }
    for (const s of sigs) {
      const locals: Env["locals"] = s.info.params.map((p) => ({ name: p.name, ty: p.ty }));
      if (s.info.caller) locals.unshift({ name: "caller", ty: s.info.caller });
      const env: Env = { mode: "action", locals, inOld: false, defs: this.defs, procs: this.procs };
      const body = this.stmts(env, s.info, 2, 4);
      decls.push({ kind: "action", name: nm(s.info.name), params: s.params, by: s.by, body, span: S });
    }

    // properties
    const nInv = d.int(0, 2);
    for (let i = 0; i < nInv; i++) {
      const env: Env = { mode: "invariant", locals: [], inOld: false, defs: this.defs };
      decls.push({ kind: "invariant", name: nm(this.fresh("inv")), expr: this.cond(env, this.maxDepth + 1), span: S });
    }
    // a def that uses the step (action, caller, parameters, old): callable from step properties
    const stepDefs: DefInfo[] = [];
    if (d.chance(40)) {
      const name = this.fresh("f");
      const params = Array.from({ length: d.int(0, 1) }, () => ({ name: this.fresh("p"), ...this.scalarType() }));
      const env: Env = { mode: "step", locals: params.map((p) => ({ name: p.name, ty: p.ty })), inOld: false, defs: this.defs };
      const body = this.cond(env, this.maxDepth);
      stepDefs.push({ name, params: params.map((p) => ({ name: p.name, ty: p.ty })), ret: BOOL });
      decls.push({ kind: "def", name: nm(name), params: params.map((p) => ({ name: nm(p.name), type: p.texpr, span: S })), returnType: null, body, span: S });
    }
    const nSteps = d.int(0, 2);
    for (let i = 0; i < nSteps; i++) {
      const env: Env = { mode: "step", locals: [], inOld: false, defs: [...this.defs, ...stepDefs] };
      decls.push({ kind: "step", name: nm(this.fresh("st")), expr: this.cond(env, this.maxDepth + 1), span: S });
    }
    return { kind: "spec", name: nm(this.fresh("Gen")), decls, span: S };
  }
}

/** Random well-formed specs; see the top of this file. */
export function wellFormedSpec(options: SpecGenOptions = {}): fc.Arbitrary<GeneratedSpec> {
  const { maxVars = 3, maxActions = 3, maxDepth = 2 } = options;
  return fc.gen().map((g) => {
    const ast = new Gen(new Draw(g), maxDepth).spec(maxVars, maxActions);
    return { ast, text: printSpec(ast) };
  });
}

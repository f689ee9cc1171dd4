// IR expressions as TypeScript expressions, with the reference semantics of src/ir/eval.ts: floor
// division, short-circuiting `and`/`or`/`implies`/`if`, aggregates visiting values in ascending
// order (stopping early for all/any), `well_typed` checks at the same sites with the same details.
// Every expression becomes one TS expression (aggregates become array methods and helper calls), so
// JavaScript's left-to-right evaluation gives the spec's order of evaluation and of failures.

import { needsFit } from "../../check/compat.js";
import type * as I from "../../ir/ir.js";
import { choiceCodeAt, choiceValue, valueAt } from "../../ir/finite.js";
import { cardinality, isPlainInt, isScalar, type Ty } from "../../ir/types.js";
import { choiceFields, propKey, propRead, type NameTable } from "./names.js";
import { anyFraction, asType, fractionArith, fractionBuiltin, fractionCompare, isFraction } from "./numbers.js";
import { constSetValues, type TsTypes } from "./types.js";
import { byContent, hasValues, setsByContent, typeShape } from "./value-shapes.js";
import { jsString } from "./escape.js";

/** A TypeScript expression: its text, its precedence and, when known exactly, its TS type. */
export interface Code {
  readonly text: string;
  readonly prec: number;
  /** The expression's TypeScript type when it is exactly a declared type (a state read, a parameter). */
  readonly ts: string | null;
}

export const PREC = { ARROW: 2, COND: 3, OR: 4, AND: 5, EQ: 9, REL: 10, ADD: 12, MUL: 13, UNARY: 15, PRIMARY: 20 } as const;

export function primary(text: string, ts: string | null = null): Code {
  return { text, prec: PREC.PRIMARY, ts };
}

export function wrap(c: Code, min: number): string {
  return c.prec < min ? `(${c.text})` : c.text;
}

function bin(l: Code, op: string, r: Code, prec: number, assocLeft = true): Code {
  // Same-level comparisons (`a === b === c`) read badly: parenthesise them too.
  const lmin = prec === PREC.EQ || prec === PREC.REL ? prec + 1 : prec;
  return { text: `${wrap(l, lmin)} ${op} ${wrap(r, assocLeft ? prec + 1 : prec)}`, prec, ts: null };
}

function call(fn: string, args: readonly string[], ts: string | null = null): Code {
  return primary(`${fn}(${args.join(", ")})`, ts);
}

/** Where an expression is compiled: which names hold the states, the step and the locals. */
export interface Scope {
  /** The current state (the state after the step, in step properties). */
  readonly state: string;
  readonly old: string | null;
  readonly action: string | null;
  readonly locals: Map<number, Code>;
  readonly names: NameTable;
  /** Set when the code reads the state, the old state or the step. */
  readonly uses: { state: boolean; old: boolean; action: boolean };
}

/** What the expression compiler needs of the module being built. */
export interface ModuleCtx {
  readonly spec: I.Spec;
  readonly types: TsTypes;
  /** Records that a helper is used. */
  use(helper: string): void;
  /** Records that a site's message is needed; returns its number. */
  site(site: number): number;
  /** The TS name of def `k`, and which extra state arguments it takes. */
  def(k: number): { name: string; old: boolean; action: boolean; state: boolean };
}

export class ExprCompiler {
  constructor(private readonly m: ModuleCtx) {}

  private use(h: string): string {
    this.m.use(h);
    return h;
  }

  /** The state being read: `state`, or `old` inside `old(...)`. */
  private stateRef(sc: Scope): string {
    if (sc.state === sc.old) sc.uses.old = true;
    else sc.uses.state = true;
    return sc.state;
  }

  compile(e: I.Expr, sc: Scope): Code {
    const m = this.m;
    const T = m.types;
    switch (e.k) {
      case "const":
        if (e.ty.k === "set") {
          const elem = e.ty.elem;
          const elems = elem.k === "any" ? [] : constSetValues(elem, e.v).map((x) => T.literal(elem, x));
          const elemTs = elem.k === "any" ? "never" : T.value(elem);
          if (elems.length === 0) return primary(`new Set<${elemTs}>()`);
          return primary(`new Set<${elemTs}>([${elems.join(", ")}])`);
        }
        if (e.ty.k === "option") {
          const elem = e.ty.elem;
          if (e.v === 0 || elem.k === "any") return primary(`({ tag: "None" } as const)`);
          return primary(`({ tag: "Some", value: ${T.literal(elem, valueAt(elem, e.v - 1))} } as const)`);
        }
        if (isFraction(e.ty)) {
          const text = T.scalar(e.ty, e.v);
          return text.startsWith("-") ? { text, prec: PREC.UNARY, ts: null } : primary(text);
        }
        if (e.ty.k === "int" && e.v < 0) return { text: String(e.v), prec: PREC.UNARY, ts: null };
        return primary(T.scalar(e.ty, e.v), e.ty.k === "enum" ? T.decl(e.ty) : e.ty.k === "bool" ? "boolean" : null);
      case "var": {
        const v = m.spec.vars[e.id];
        return primary(propRead(this.stateRef(sc), v.name), T.decl(v.ty));
      }
      case "local": {
        const l = sc.locals.get(e.id);
        if (!l) throw new Error(`internal: local ${e.id} is not bound`);
        return l;
      }
      case "index": {
        const target = this.compile(e.target, sc);
        const tt = e.target.ty;
        const idx = this.compile(e.index, sc);
        if (tt.k === "map") {
          const key = tt.key;
          const r = e.index.ty;
          const ts = target.ts !== null ? T.decl(tt.val) : null;
          if (!isPlainInt(key) || !isPlainInt(r)) return call(this.use("getV"), [target.text, this.keyOf(idx, r, key, e.site)], ts);
          const checked = key.k === "int" && r.k === "int" && (r.lo < key.lo || r.hi > key.hi);
          const args = [target.text, idx.text];
          if (checked) args.push(String(m.site(e.site)));
          return call(this.use("get"), args, ts);
        }
        const elem = tt.k === "seq" ? tt.elem : tt;
        return call(this.use("nth"), [target.text, idx.text, String(m.site(e.site))], target.ts !== null ? T.decl(elem) : null);
      }
      case "field": {
        const target = this.compile(e.target, sc);
        const rec = e.target.ty as I.RecTy;
        const f = rec.fields[e.field];
        const read = rec.tuple ? `${wrap(target, PREC.PRIMARY)}[${e.field}]` : propRead(wrap(target, PREC.PRIMARY), f.name);
        return primary(read, target.ts !== null ? T.decl(f.ty) : null);
      }
      case "neg": {
        const x = this.compile(e.e, sc);
        if (anyFraction(e.ty, e.e.ty)) return asType(`${this.use("qneg")}(${x.text})`, e.ty);
        const inner = x.prec < PREC.UNARY || x.text.startsWith("-") ? `(${x.text})` : x.text;
        return { text: `-${inner}`, prec: PREC.UNARY, ts: null };
      }
      case "not": {
        const x = this.compile(e.e, sc);
        return { text: `!${wrap(x, PREC.UNARY)}`, prec: PREC.UNARY, ts: "boolean" };
      }
      case "arith":
        return this.arith(e, sc);
      case "cmp":
        if (anyFraction(e.l.ty, e.r.ty)) return fractionCompare((h) => this.use(h), e.op, this.compile(e.l, sc), this.compile(e.r, sc));
        return { ...bin(this.compile(e.l, sc), e.op, this.compile(e.r, sc), PREC.REL), ts: "boolean" };
      case "eq":
        return this.eq(e, sc);
      case "logic": {
        if (e.op === "implies") {
          // `a implies b` is `not a or b`, with `not a` written directly where it can be.
          const nl = this.negated(e.l, sc);
          return { ...bin(nl, "||", this.compile(e.r, sc), PREC.OR), ts: "boolean" };
        }
        const l = this.compile(e.l, sc);
        const r = this.compile(e.r, sc);
        const c = e.op === "and" ? bin(l, "&&", r, PREC.AND) : e.op === "or" ? bin(l, "||", r, PREC.OR) : bin(l, "===", r, PREC.EQ);
        return { ...c, ts: "boolean" };
      }
      case "setop":
        return call(this.use(setsByContent(e.ty, e.l.ty, e.r.ty) ? `${e.op}V` : e.op), [this.compile(e.l, sc).text, this.compile(e.r, sc).text]);
      case "in": {
        const elem = this.compile(e.elem, sc);
        const coll = this.compile(e.coll, sc);
        const has = setsByContent(e.coll.ty) || (e.coll.ty.k === "set" && isFraction(e.elem.ty)) ? "hasV" : "has";
        const c = e.coll.ty.k === "set" ? call(this.use(has), [coll.text, elem.text]) : call(this.use("contains"), [coll.text, elem.text]);
        return e.neg ? { text: `!${c.text}`, prec: PREC.UNARY, ts: "boolean" } : { ...c, ts: "boolean" };
      }
      case "subset":
        return call(this.use(setsByContent(e.l.ty, e.r.ty) ? "subsetV" : "subset"), [this.compile(e.l, sc).text, this.compile(e.r, sc).text], "boolean");
      case "ite": {
        const c = this.compile(e.c, sc);
        const t = this.compile(e.t, sc);
        const f = this.compile(e.e, sc);
        return {
          text: `${wrap(c, PREC.OR)} ? ${wrap(t, PREC.ARROW)} : ${wrap(f, PREC.ARROW)}`,
          prec: PREC.COND,
          ts: t.ts !== null && t.ts === f.ts ? t.ts : null,
        };
      }
      case "let": {
        // `let x = v in body` as an immediately called arrow, TypeScript typing `x` from `v`.
        const v = this.compile(e.value, sc);
        const name = sc.names.fresh(letName(m.spec, e));
        sc.locals.set(e.local, primary(name, v.ts));
        const body = this.compile(e.body, sc);
        return primary(`(${this.arrow(name, body.text)})(${v.text})`, body.ts);
      }
      case "call":
        return this.callDef(e, sc);
      case "builtin":
        return this.builtin(e, sc);
      case "agg":
        return this.aggregate(e, sc);
      case "setLit": {
        const elemTy = e.ty.elem;
        const codes = e.elems.map((x) => this.compile(x, sc).text);
        const check = (i: number, text: string): string => {
          const x = e.elems[i];
          if (elemTy.k === "any" || !needsFit(x.ty, elemTy)) return text;
          if (isPlainInt(elemTy) && isPlainInt(x.ty)) return `${this.use("fitInt")}(${text}, ${elemTy.lo}, ${elemTy.hi}, ${m.site(e.site)})`;
          return `${this.use("valueIn")}(${text}, ${typeShape(elemTy)}, ${typeShape(x.ty)}, ${m.site(e.site)})`;
        };
        if (codes.length === 0) return primary(`new Set<never>()`);
        const setOf = this.use(setsByContent(e.ty) ? "setOfV" : "setOf");
        const checks = e.elems.filter((x) => elemTy.k !== "any" && needsFit(x.ty, elemTy)).length;
        if (checks === 0 || codes.length === 1) return call(setOf, [`[${codes.map((c, i) => check(i, c)).join(", ")}]`]);
        // Every element is evaluated before any is checked, as in the reference semantics.
        const xs = codes.map((_, i) => sc.names.fresh(`x${i}`));
        return call(setOf, [`(([${xs.join(", ")}]) => [${xs.map((x, i) => check(i, x)).join(", ")}])([${codes.join(", ")}] as const)`]);
      }
      case "seqLit":
        return primary(`[${e.elems.map((x) => this.compile(x, sc).text).join(", ")}]`);
      case "recLit":
        if (e.ty.tuple) return primary(`[${e.fields.map((x) => this.compile(x, sc).text).join(", ")}] as const`);
        return primary(`{ ${e.ty.fields.map((f, i) => `${propKey(f.name)}: ${this.compile(e.fields[i], sc).text}`).join(", ")} }`);
      case "fill":
        return call(this.use("fill"), [T.domain(e.ty.key, (h) => this.use(h)), this.compile(e.e, sc).text]);
      case "old": {
        if (sc.old === null) throw new Error("internal: old() outside a step property");
        const inner: Scope = { ...sc, state: sc.old };
        return this.compile(e.e, inner);
      }
      case "action":
        sc.uses.action = true;
        return primary(`${sc.action}.action`, "ActionName");
      case "caller":
        sc.uses.action = true;
        this.use("callerOf");
        return call("callerOf", [sc.action!]);
      case "stepParam": {
        sc.uses.action = true;
        const a = m.spec.actions[e.action];
        const field = choiceFields(a)[e.param];
        return {
          text: `${sc.action}.action === ${jsString(a.name)} ? ${propRead(sc.action!, field)} : undefined`,
          prec: PREC.COND,
          ts: null,
        };
      }
      case "fit": {
        const inner = this.compile(e.e, sc);
        if (!needsFit(e.e.ty, e.ty)) return inner;
        return this.fit(inner, e.e.ty, e.ty, e.site);
      }
      case "present":
        return call(this.use("present"), [this.compile(e.e, sc).text, String(m.site(e.site))]);
    }
  }

  /** `not e`, written directly where `e` is a comparison (`a < b` -> `a >= b`), a membership or an
   * equality: the same operands, evaluated in the same order. */
  negated(e: I.Expr, sc: Scope): Code {
    const flip = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;
    if (e.k === "cmp") return this.compile({ ...e, op: flip[e.op] }, sc);
    if (e.k === "eq" || e.k === "in") return this.compile({ ...e, neg: !e.neg }, sc);
    if (e.k === "not") return this.compile(e.e, sc);
    const c = this.compile(e, sc);
    return { text: `!${wrap(c, PREC.UNARY)}`, prec: PREC.UNARY, ts: "boolean" };
  }

  /** `v` checked against `to` at `site` (the caller knows a check is needed). */
  fit(v: Code, from: Ty, to: Ty, site: number): Code {
    const s = String(this.m.site(site));
    if (to.k === "int" && isPlainInt(to) && from.k === "int" && !isFraction(from)) return call(this.use("fitInt"), [v.text, String(to.lo), String(to.hi), s]);
    const shape = this.shape(from, to);
    return call(this.use(/"(num|vset|opt)"/.test(shape) ? "fitsV" : "fits"), [v.text, shape, s]);
  }

  /** The `fits` shape of the checks storing a `from` value as `to` needs (as compat.needsFit). */
  private shape(from: Ty, to: Ty): string {
    if (!needsFit(from, to)) return `["none"]`;
    switch (to.k) {
      case "int":
        return isPlainInt(to) && from.k === "int" && !isFraction(from) ? `["int", ${to.lo}, ${to.hi}]` : `["num", ${typeShape(to)}]`;
      case "set":
        if (to.elem.k === "any" || from.k !== "set" || from.elem.k === "any") return `["none"]`;
        return isPlainInt(to.elem) && isPlainInt(from.elem) ? `["set", ${to.elem.lo}, ${to.elem.hi}]` : `["vset", ${typeShape(to.elem)}]`;
      case "option":
        return to.elem.k === "any" ? `["none"]` : `["opt", ${typeShape(to.elem)}]`;
      case "map":
        return `["map", ${this.shape(from.k === "map" ? from.val : from, to.val)}]`;
      case "rec": {
        if (from.k !== "rec") return `["none"]`;
        const parts = to.fields.map((f, i) => `${propKey(f.name)}: ${this.shape(from.fields[i].ty, f.ty)}`);
        return `["rec", { ${parts.join(", ")} }]`;
      }
      case "seq": {
        if (from.k !== "seq") return `["none"]`;
        const elem = from.elem.k === "any" || to.elem.k === "any" || !needsFit(from.elem, to.elem) ? "null" : this.shape(from.elem, to.elem);
        return `["seq", ${to.cap}, ${elem}]`;
      }
      default:
        return `["none"]`;
    }
  }

  private arith(e: Extract<I.Expr, { k: "arith" }>, sc: Scope): Code {
    const l = this.compile(e.l, sc);
    const r = this.compile(e.r, sc);
    if (anyFraction(e.ty, e.l.ty, e.r.ty)) return fractionArith((h) => this.use(h), e, l, r, () => String(this.m.site(e.site)));
    if (e.op === "+" || e.op === "-") return bin(l, e.op, r, PREC.ADD);
    if (e.op === "*") return bin(l, "*", r, PREC.MUL);
    return this.intDivision(e.op, l, r, e.l.ty as I.IntTy, e.r.ty as I.IntTy, e.site);
  }

  /** ⌊l / r⌋ or l mod r for integers. */
  private intDivision(op: "/" | "%", l: Code, r: Code, lt: I.IntTy, rt: I.IntTy, siteId: number): Code {
    const e = { op, site: siteId };
    const mayBeZero = rt.lo <= 0 && rt.hi >= 0;
    const small = Math.max(Math.abs(lt.lo), Math.abs(lt.hi)) < 1 << 24 && Math.max(Math.abs(rt.lo), Math.abs(rt.hi)) < 1 << 24;
    if (!mayBeZero) {
      // As the compiled model: plain JavaScript where it is exact.
      if (e.op === "/" && small) return call("Math.floor", [bin(l, "/", r, PREC.MUL).text]);
      if (e.op === "%" && lt.lo >= 0 && rt.lo > 0) return bin(l, "%", r, PREC.MUL);
    }
    const args = [l.text, r.text];
    if (mayBeZero) args.push(String(this.m.site(e.site)));
    return call(this.use(e.op === "/" ? "div" : "mod"), args);
  }

  private eq(e: Extract<I.Expr, { k: "eq" }>, sc: Scope): Code {
    let l = this.compile(e.l, sc);
    const r = this.compile(e.r, sc);
    const lt = e.l.ty;
    const rt = e.r.ty;
    if (hasValues(lt) || hasValues(rt)) {
      // Fractions, tuples, options and sets of them compare by content.
      const c = call(this.use("same"), [l.text, r.text]);
      return e.neg ? { text: `!${c.text}`, prec: PREC.UNARY, ts: "boolean" } : { ...c, ts: "boolean" };
    }
    if (!isScalar(lt) && !isScalar(rt)) {
      // Sets, maps, records and queues compare by content.
      const c = call(this.use("equal"), [l.text, r.text]);
      return e.neg ? { text: `!${c.text}`, prec: PREC.UNARY, ts: "boolean" } : { ...c, ts: "boolean" };
    }
    // TypeScript rejects `===` between types with no common value (`0 | 1` vs `5`, `"A"` vs `"B"`);
    // the spec may compare them anyway, so widen the left side where they could be disjoint.
    if (lt.k === "int" && rt.k === "int" && (lt.hi < rt.lo || rt.hi < lt.lo)) {
      l = { text: `${wrap(l, PREC.ADD)} as number`, prec: PREC.REL, ts: null };
    } else if (e.l.k === "const" && e.r.k === "const") {
      const wide = lt.k === "bool" ? "boolean" : lt.k === "int" ? "number" : this.m.types.value(lt);
      l = { text: `${wrap(l, PREC.ADD)} as ${wide}`, prec: PREC.REL, ts: null };
    }
    return { ...bin(l, e.neg ? "!==" : "===", r, PREC.EQ), ts: "boolean" };
  }

  /** An argument or stored value converted to the declared TS type `to` where TypeScript needs it. */
  conform(v: Code, from: I.Expr, to: Ty): Code {
    const T = this.m.types;
    const target = T.decl(to);
    if (to.k === "bool" || T.isWideInt(to)) return v;
    if (v.ts === target) return v;
    if (to.k === "int" && from.k === "const" && from.v >= to.lo && from.v <= to.hi) return v;
    if (to.k === "enum" && from.k === "const") return v;
    return { text: `${wrap(v, PREC.ADD)} as ${target}`, prec: PREC.REL, ts: target };
  }

  private callDef(e: Extract<I.Expr, { k: "call" }>, sc: Scope): Code {
    const d = this.m.spec.defs[e.def];
    const info = this.m.def(e.def);
    const args: string[] = [];
    if (info.state) args.push(this.stateRef(sc));
    if (info.old) {
      sc.uses.old = true;
      args.push(sc.old!);
    }
    if (info.action) {
      sc.uses.action = true;
      args.push(sc.action!);
    }
    e.args.forEach((a, i) => args.push(this.conform(this.compile(a, sc), a, d.params[i].ty).text));
    return call(info.name, args);
  }

  /** A map key read with `idx` (of type `from`), checked where it may not be a key of `key`. */
  keyOf(idx: Code, from: Ty, key: Ty, site: number): string {
    if (!needsFit(from, key)) return idx.text;
    return `${this.use("valueIn")}(${idx.text}, ${typeShape(key)}, ${typeShape(from)}, ${this.m.site(site)})`;
  }

  private builtin(e: Extract<I.Expr, { k: "builtin" }>, sc: Scope): Code {
    const args = e.args.map((a) => this.compile(a, sc));
    const site = () => String(this.m.site(e.site));
    const q = fractionBuiltin((h) => this.use(h), e, args, site);
    if (q) return q;
    const divisorMayBeZero = () => {
      const d = e.args[e.args.length - 1].ty as I.IntTy;
      return d.lo <= 0 && d.hi >= 0;
    };
    const withSite = (name: string) => {
      const xs = args.map((a) => a.text);
      if (divisorMayBeZero()) xs.push(site());
      return call(this.use(name), xs);
    };
    switch (e.fn) {
      case "div":
        return this.intDivision("/", args[0], args[1], e.args[0].ty as I.IntTy, e.args[1].ty as I.IntTy, e.site);
      case "div_up":
        return withSite("divUp");
      case "mul_div":
        return withSite("mulDiv");
      case "mul_div_up":
        return withSite("mulDivUp");
      case "min":
      case "max":
        return call(`Math.${e.fn}`, [args[0].text, args[1].text]);
      case "abs":
        return call("Math.abs", [args[0].text]);
      case "size":
        return primary(`${wrap(args[0], PREC.PRIMARY)}.size`);
      case "len":
        return primary(`${wrap(args[0], PREC.PRIMARY)}.length`);
      case "head": {
        const qt = e.args[0].ty;
        return call(this.use("head"), [args[0].text, site()], args[0].ts !== null && qt.k === "seq" ? this.m.types.decl(qt.elem) : null);
      }
      case "push": {
        const qt = e.args[0].ty;
        const cap = qt.k === "seq" ? qt.cap : 0;
        return call(this.use("push"), [args[0].text, args[1].text, String(cap), site()]);
      }
      case "pop":
        return call(this.use("pop"), [args[0].text, site()], args[0].ts);
      case "floor":
      case "ceil":
        return args[0];
      case "some":
        return primary(`({ tag: "Some", value: ${args[0].text} } as const)`);
      case "get":
        return call(this.use("getOption"), [args[0].text, site()], args[0].ts !== null && e.args[0].ty.k === "option" && e.args[0].ty.elem.k !== "any" ? this.m.types.decl(e.args[0].ty.elem) : null);
      case "get_or":
        return call(this.use("getOr"), [args[0].text, args[1].text]);
      case "remove_at":
        return call(this.use("removeAt"), [args[0].text, args[1].text, site()], args[0].ts);
    }
  }

  /** The array of values a binder ranges over, and the TS type of one value when known. */
  domain(d: I.Domain, sc: Scope): { text: string; ts: string | null } {
    const T = this.m.types;
    switch (d.k) {
      case "type": {
        const text = T.domain(d.ty, (h) => this.use(h));
        return { text: /^[\w$]+$/.test(text) || /^[\w$]+\(.*\)$/.test(text) ? text : `(${text})`, ts: T.decl(d.ty) };
      }
      case "set": {
        const s = this.compile(d.set, sc);
        return { text: `${this.use(byContent(d.elem) ? "membersV" : "members")}(${s.text})`, ts: s.ts !== null ? T.decl(d.elem) : null };
      }
      case "seq": {
        const q = this.compile(d.seq, sc);
        return { text: wrap(q, PREC.PRIMARY), ts: q.ts !== null ? T.decl(d.elem) : null };
      }
    }
  }

  /** Binds binder `b` for the body built by `inner`: `(x) => body` over its domain. */
  private binder(b: I.Binder, sc: Scope): { domain: string; param: string } {
    const dom = this.domain(b.domain, sc);
    const name = sc.names.fresh(b.name);
    sc.locals.set(b.local, primary(name, dom.ts));
    return { domain: dom.text, param: name };
  }

  /** `(x) => body`; a parameter the body does not use is named `_x` (noUnusedParameters). */
  arrow(param: string, body: string): string {
    const used = new RegExp(`(^|[^\\w$.])${param.replace(/\$/g, "\\$")}($|[^\\w$])`).test(body);
    return `(${used ? param : `_${param}`}) => ${body.startsWith("{") ? `(${body})` : body}`;
  }

  private aggregate(e: Extract<I.Expr, { k: "agg" }>, sc: Scope): Code {
    const m = this.m;
    const site = () => String(m.site(e.site));
    const where = () => (e.where ? this.compile(e.where, sc) : null);
    // Builds nested calls, one per binder; `leaf` makes the innermost body (after every binder and
    // the `where` condition are in scope), `outer`/`inner` name the array method or helper.
    const nest = (i: number, level: (domain: string, fn: string, last: boolean) => string, leaf: () => string): string => {
      const b = this.binder(e.binders[i], sc);
      const last = i === e.binders.length - 1;
      const body = last ? leaf() : nest(i + 1, level, leaf);
      return level(b.domain, this.arrow(b.param, body), last);
    };
    const method = (name: string) => (domain: string, fn: string) => `${domain}.${name}(${fn})`;
    switch (e.op) {
      case "all": {
        const text = nest(0, method("every"), () => {
          const skip = e.where ? this.negated(e.where, sc) : null;
          const body = this.compile(e.body!, sc);
          return skip ? bin(skip, "||", body, PREC.OR).text : body.text;
        });
        return primary(text, "boolean");
      }
      case "any": {
        const text = nest(0, method("some"), () => {
          const w = where();
          const body = this.compile(e.body!, sc);
          return w ? bin(w, "&&", body, PREC.AND).text : body.text;
        });
        return primary(text, "boolean");
      }
      case "sum": {
        const frac = isFraction(e.ty) || isFraction(e.body!.ty);
        const text = nest(0, (d, fn) => `${this.use(frac ? "qsum" : "sum")}(${d}, ${fn})`, () => {
          const w = where();
          const body = this.compile(e.body!, sc);
          return w ? `${wrap(w, PREC.OR)} ? ${wrap(body, PREC.ARROW)} : 0` : body.text;
        });
        return frac ? asType(text, e.ty) : primary(text);
      }
      case "count": {
        const text = nest(
          0,
          (d, fn, last) => (last ? `${this.use("count")}(${d}, ${fn})` : `${this.use("sum")}(${d}, ${fn})`),
          () => where()?.text ?? "true",
        );
        return primary(text);
      }
      case "min":
      case "max": {
        const values = this.collect(e, sc, () => this.compile(e.body!, sc).text);
        if (isFraction(e.ty) || isFraction(e.body!.ty)) return asType(`${this.use(e.op === "min" ? "qminOf" : "qmaxOf")}(${values}, ${site()})`, e.ty);
        return call(this.use(e.op === "min" ? "minOf" : "maxOf"), [values, site()]);
      }
      case "map": {
        const b = this.binder(e.binders[0], sc);
        const body = this.compile(e.body!, sc);
        return call(this.use("mapOf"), [b.domain, this.arrow(b.param, body.text)]);
      }
      case "set": {
        const first = e.binders[0];
        const setOf = this.use(setsByContent(e.ty) ? "setOfV" : "setOf");
        if (!e.where && e.binders.length === 1) return call(setOf, [this.binder(first, sc).domain]);
        const values = this.collect(e, sc, () => sc.locals.get(first.local)!.text);
        return call(setOf, [values]);
      }
      case "filter": {
        const b = this.binder(e.binders[0], sc);
        const keep = e.where ? this.compile(e.where, sc).text : "true";
        return primary(`${b.domain}.filter(${this.arrow(b.param, keep)})`);
      }
    }
  }

  /** An array of `value()` for every binding that passes `where`, in binding order. */
  private collect(e: Extract<I.Expr, { k: "agg" }>, sc: Scope, value: () => string): string {
    const go = (i: number): string => {
      const b = this.binder(e.binders[i], sc);
      const last = i === e.binders.length - 1;
      if (!last) return `${b.domain}.flatMap(${this.arrow(b.param, go(i + 1))})`;
      if (!e.where) return `${b.domain}.map(${this.arrow(b.param, value())})`;
      const w = this.compile(e.where, sc);
      if (e.op === "set" && e.binders.length === 1) return `${b.domain}.filter(${this.arrow(b.param, w.text)})`;
      return `${b.domain}.flatMap(${this.arrow(b.param, `${wrap(w, PREC.OR)} ? [${value()}] : []`)})`;
    };
    return go(0);
  }
}

/** A readable name for a `let ... in`'s local: the spec's, or for a power's products, `p`. */
function letName(spec: I.Spec, e: Extract<I.Expr, { k: "let" }>): string {
  const m = /^let\s+([A-Za-z_]\w*)/.exec(spec.file.slice(e.span));
  return m ? m[1] : "p";
}

/** The first value of a choice type, as a literal (the value an unreached pick must have). */
export function firstValue(types: TsTypes, ty: Ty): string {
  return types.literal(ty, choiceValue(ty, choiceCodeAt(ty, 0)));
}

export { cardinality };

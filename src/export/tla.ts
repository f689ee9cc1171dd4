// TLA+ expressions as data. The exporter builds these, never text, so the printer (print.ts) alone
// decides parentheses and layout; the constructors fold constants (`FALSE /\ x` is FALSE), which
// keeps the well_typed checks of provably safe operations out of the output.

import { assertNever } from "../util/assert-never.js";

export type BinOp =
  | "=>" | "<=>" | "=" | "#" | "<" | ">" | "<=" | ">=" | "\\in" | "\\notin" | "\\subseteq"
  | "\\cup" | "\\cap" | "\\" | ".." | "+" | "-" | "*" | "\\div" | "%" | "\\o";

/** One step of an EXCEPT path: `[e]` or `.field`. */
export type PathEl = { readonly k: "at"; readonly e: T } | { readonly k: "dot"; readonly field: string };

export interface LetDef {
  readonly name: string;
  readonly params?: readonly string[];
  readonly body: T;
}

export type T =
  | { readonly k: "id"; readonly name: string }
  | { readonly k: "num"; readonly v: number }
  | { readonly k: "str"; readonly v: string }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "app"; readonly op: string; readonly args: readonly T[] }
  | { readonly k: "bin"; readonly op: BinOp; readonly l: T; readonly r: T }
  | { readonly k: "neg"; readonly e: T }
  | { readonly k: "not"; readonly e: T }
  | { readonly k: "prime"; readonly e: T }
  /** A conjunction or disjunction; `notes` are end-of-line comments per item (block layout only). */
  | { readonly k: "junc"; readonly op: "/\\" | "\\/"; readonly items: readonly T[]; readonly notes?: readonly (string | undefined)[] }
  | { readonly k: "ite"; readonly c: T; readonly t: T; readonly e: T }
  | { readonly k: "let"; readonly defs: readonly LetDef[]; readonly body: T }
  | { readonly k: "quant"; readonly q: "\\A" | "\\E"; readonly binds: readonly { readonly name: string; readonly set: T }[]; readonly body: T }
  | { readonly k: "choose"; readonly name: string; readonly set: T; readonly body: T }
  | { readonly k: "setEnum"; readonly items: readonly T[] }
  | { readonly k: "setOf"; readonly name: string; readonly set: T; readonly pred: T }
  | { readonly k: "setMap"; readonly e: T; readonly name: string; readonly set: T }
  | { readonly k: "fn"; readonly name: string; readonly set: T; readonly body: T }
  | { readonly k: "fnSet"; readonly dom: T; readonly rng: T }
  | { readonly k: "index"; readonly f: T; readonly arg: T }
  | { readonly k: "except"; readonly f: T; readonly path: readonly PathEl[]; readonly value: T }
  | { readonly k: "rec"; readonly fields: readonly (readonly [string, T])[] }
  | { readonly k: "recSet"; readonly fields: readonly (readonly [string, T])[] }
  | { readonly k: "dot"; readonly e: T; readonly field: string }
  | { readonly k: "tuple"; readonly items: readonly T[] }
  | { readonly k: "lambda"; readonly params: readonly string[]; readonly body: T }
  /** Prefix keywords applied to one operand: UNCHANGED, ENABLED, SUBSET, UNION, [], <>. */
  | { readonly k: "prefix"; readonly op: "UNCHANGED" | "ENABLED" | "SUBSET" | "UNION" | "[]" | "<>"; readonly e: T }
  /** `[][A]_v`, `WF_v(A)`, `SF_v(A)`. */
  | { readonly k: "sub"; readonly op: "[]" | "WF" | "SF"; readonly a: T; readonly v: T }
  | { readonly k: "leadsto"; readonly l: T; readonly r: T };

export const TRUE: T = { k: "bool", v: true };
export const FALSE: T = { k: "bool", v: false };

export const id = (name: string): T => ({ k: "id", name });
export const num = (v: number): T => ({ k: "num", v });
export const str = (v: string): T => ({ k: "str", v });
export const app = (op: string, ...args: T[]): T => (args.length === 0 ? id(op) : { k: "app", op, args });
export const prime = (e: T): T => ({ k: "prime", e });
export const index = (f: T, arg: T): T => ({ k: "index", f, arg });
export const dot = (e: T, field: string): T => ({ k: "dot", e, field });
export const tuple = (items: readonly T[]): T => ({ k: "tuple", items });
export const setEnum = (items: readonly T[]): T => ({ k: "setEnum", items });
export const prefix = (op: Extract<T, { k: "prefix" }>["op"], e: T): T => ({ k: "prefix", op, e });

export const isTrue = (t: T): boolean => t.k === "bool" && t.v;
export const isFalse = (t: T): boolean => t.k === "bool" && !t.v;

function literal(t: T): string | null {
  switch (t.k) {
    case "num":
      return `n${t.v}`;
    case "str":
      return `s${t.v}`;
    case "bool":
      return `b${t.v}`;
    default:
      return null;
  }
}

export function bin(op: BinOp, l: T, r: T): T {
  if (op === "=>") return implies(l, r);
  if (op === "=" || op === "#") {
    const a = literal(l);
    const b = literal(r);
    if (a !== null && b !== null) return (a === b) === (op === "=") ? TRUE : FALSE;
  }
  // The same operand on both sides (a step property read on a step that changes nothing).
  if (same(l, r)) {
    if (op === "-") return num(0);
    if (op === "=" || op === "<=" || op === ">=" || op === "\\subseteq") return TRUE;
    if (op === "#" || op === "<" || op === ">") return FALSE;
  }
  if (op === "+" && r.k === "num" && r.v === 0) return l;
  if (op === "+" && l.k === "num" && r.k === "num") return num(l.v + r.v);
  if (op === "-" && r.k === "num" && r.v === 0) return l;
  return { k: "bin", op, l, r };
}

function junc(op: "/\\" | "\\/", parts: readonly T[]): T {
  const unit = op === "/\\" ? isTrue : isFalse;
  const zero = op === "/\\" ? isFalse : isTrue;
  const items: T[] = [];
  const keys = new Set<string>();
  const add = (p: T): boolean => {
    const key = JSON.stringify(p);
    if (keys.has(key)) return true;
    // x and ~x together: a contradiction (/\) or a tautology (\/).
    if (keys.has(JSON.stringify(not(p)))) return false;
    keys.add(key);
    items.push(p);
    return true;
  };
  for (const p of parts) {
    if (unit(p)) continue;
    if (zero(p)) return op === "/\\" ? FALSE : TRUE;
    const flat = p.k === "junc" && p.op === op && !p.notes ? p.items : [p];
    for (const x of flat) if (!add(x)) return op === "/\\" ? FALSE : TRUE;
  }
  if (items.length === 0) return op === "/\\" ? TRUE : FALSE;
  return items.length === 1 ? items[0] : { k: "junc", op, items };
}

export const and = (...parts: T[]): T => junc("/\\", parts);
export const or = (...parts: T[]): T => junc("\\/", parts);

/** A conjunction laid out one item per line, each with its comment (never folded into another). */
export function conjList(items: readonly T[], notes: readonly (string | undefined)[]): T {
  const kept: T[] = [];
  const keptNotes: (string | undefined)[] = [];
  for (let i = 0; i < items.length; i++) {
    if (isTrue(items[i])) continue;
    if (isFalse(items[i])) return FALSE;
    kept.push(items[i]);
    keptNotes.push(notes[i]);
  }
  if (kept.length === 0) return TRUE;
  if (kept.length === 1 && keptNotes[0] === undefined) return kept[0];
  return { k: "junc", op: "/\\", items: kept, notes: keptNotes };
}

const NEGATED: Partial<Record<BinOp, BinOp>> = { "\\in": "\\notin", "\\notin": "\\in", "=": "#", "#": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">" };

export function not(e: T): T {
  if (e.k === "bool") return e.v ? FALSE : TRUE;
  if (e.k === "not") return e.e;
  if (e.k === "bin" && NEGATED[e.op]) return { k: "bin", op: NEGATED[e.op]!, l: e.l, r: e.r };
  // De Morgan, where every part negates without a `~`: ~(a # 0 /\ b = 0) is a = 0 \/ b # 0.
  if (e.k === "junc" && !e.notes && e.items.every((i) => i.k === "bin" && NEGATED[i.op])) return junc(e.op === "/\\" ? "\\/" : "/\\", e.items.map(not));
  return { k: "not", e };
}

export function implies(l: T, r: T): T {
  if (isFalse(l) || isTrue(r)) return TRUE;
  if (isTrue(l)) return r;
  if (isFalse(r)) return not(l);
  return { k: "bin", op: "=>", l, r };
}

export function ite(c: T, t: T, e: T): T {
  if (isTrue(c)) return t;
  if (isFalse(c)) return e;
  if (isTrue(t) && isFalse(e)) return c;
  if (isFalse(t) && isTrue(e)) return not(c);
  if (isFalse(e)) return and(c, t);
  if (isFalse(t)) return and(not(c), e);
  if (isTrue(t)) return or(c, e);
  if (isTrue(e)) return implies(c, t);
  if (same(t, e)) return t;
  return { k: "ite", c, t, e };
}

export function neg(e: T): T {
  if (e.k === "num") return num(-e.v);
  return { k: "neg", e };
}

export function letIn(defs: readonly LetDef[], body: T): T {
  if (defs.length === 0) return body;
  if (body.k === "bool") return body;
  return { k: "let", defs, body };
}

export function forall(binds: readonly { name: string; set: T }[], body: T): T {
  if (body.k === "bool" || binds.length === 0) return body;
  return { k: "quant", q: "\\A", binds, body };
}

export function exists(binds: readonly { name: string; set: T }[], body: T): T {
  if (isFalse(body) || binds.length === 0) return body;
  return { k: "quant", q: "\\E", binds, body };
}

/** Structural equality (for folding `IF c THEN x ELSE x`). */
export function same(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every identifier name used in `t` (for reference counts of LET definitions). */
export function countIds(t: T, out: Map<string, number>): void {
  const visit = (x: T): void => {
    if (x.k === "id") out.set(x.name, (out.get(x.name) ?? 0) + 1);
    else if (x.k === "app") out.set(x.op, (out.get(x.op) ?? 0) + 1);
    children(x).forEach(visit);
  };
  visit(t);
}

/** Every name `t` binds (quantifiers, CHOOSE, set and function constructors, LET, LAMBDA). */
export function boundNames(t: T, out = new Set<string>()): Set<string> {
  switch (t.k) {
    case "quant":
      for (const b of t.binds) out.add(b.name);
      break;
    case "choose":
    case "setOf":
    case "setMap":
    case "fn":
      out.add(t.name);
      break;
    case "let":
      for (const d of t.defs) out.add(d.name);
      break;
    case "lambda":
      for (const p of t.params) out.add(p);
      break;
    default:
      break;
  }
  for (const c of children(t)) boundNames(c, out);
  return out;
}

/** The direct subterms of `t`. */
export function children(t: T): T[] {
  switch (t.k) {
    case "id":
    case "num":
    case "str":
    case "bool":
      return [];
    case "app":
      return [...t.args];
    case "bin":
    case "leadsto":
      return [t.l, t.r];
    case "neg":
    case "not":
    case "prime":
    case "prefix":
      return [t.e];
    case "junc":
    case "setEnum":
    case "tuple":
      return [...t.items];
    case "ite":
      return [t.c, t.t, t.e];
    case "let":
      return [...t.defs.map((d) => d.body), t.body];
    case "quant":
      return [...t.binds.map((b) => b.set), t.body];
    case "choose":
      return [t.set, t.body];
    case "setOf":
      return [t.set, t.pred];
    case "setMap":
      return [t.e, t.set];
    case "fn":
      return [t.set, t.body];
    case "fnSet":
      return [t.dom, t.rng];
    case "index":
      return [t.f, t.arg];
    case "except":
      return [t.f, ...t.path.flatMap((p) => (p.k === "at" ? [p.e] : [])), t.value];
    case "rec":
    case "recSet":
      return t.fields.map(([, e]) => e);
    case "dot":
      return [t.e];
    case "lambda":
      return [t.body];
    case "sub":
      return [t.a, t.v];
    default:
      return assertNever(t);
  }
}

/** `t` with every identifier `name` replaced by `by` (names are unique, so nothing is captured). */
export function substitute(t: T, name: string, by: T): T {
  const go = (x: T): T => {
    switch (x.k) {
      case "id":
        return x.name === name ? by : x;
      case "num":
      case "str":
      case "bool":
        return x;
      case "app":
        return { ...x, args: x.args.map(go) };
      case "bin":
        return { ...x, l: go(x.l), r: go(x.r) };
      case "leadsto":
        return { ...x, l: go(x.l), r: go(x.r) };
      case "neg":
      case "not":
      case "prime":
      case "prefix":
        return { ...x, e: go(x.e) };
      case "junc":
        return { ...x, items: x.items.map(go) };
      case "setEnum":
      case "tuple":
        return { ...x, items: x.items.map(go) };
      case "ite":
        return { ...x, c: go(x.c), t: go(x.t), e: go(x.e) };
      case "let":
        return { ...x, defs: x.defs.map((d) => ({ ...d, body: go(d.body) })), body: go(x.body) };
      case "quant":
        return { ...x, binds: x.binds.map((b) => ({ ...b, set: go(b.set) })), body: go(x.body) };
      case "choose":
        return { ...x, set: go(x.set), body: go(x.body) };
      case "setOf":
        return { ...x, set: go(x.set), pred: go(x.pred) };
      case "setMap":
        return { ...x, e: go(x.e), set: go(x.set) };
      case "fn":
        return { ...x, set: go(x.set), body: go(x.body) };
      case "fnSet":
        return { ...x, dom: go(x.dom), rng: go(x.rng) };
      case "index":
        return { ...x, f: go(x.f), arg: go(x.arg) };
      case "except":
        return { ...x, f: go(x.f), path: x.path.map((p) => (p.k === "at" ? { k: "at", e: go(p.e) } : p)), value: go(x.value) };
      case "rec":
      case "recSet":
        return { ...x, fields: x.fields.map(([f, e]) => [f, go(e)] as const) };
      case "dot":
        return { ...x, e: go(x.e) };
      case "lambda":
        return { ...x, body: go(x.body) };
      case "sub":
        return { ...x, a: go(x.a), v: go(x.v) };
      default:
        return assertNever(x);
    }
  };
  return go(t);
}

// The typed IR: names resolved, consts folded, types known, every operation that can fail at run
// time tagged with a `site` (its span and what can go wrong). The compiler and the reference
// interpreter both read this and nothing else.

import type { Span } from "../lang/ast.js";
import type { SourceFile } from "../lang/source.js";
import type { EnumTy, IntTy, MapTy, OptTy, RecTy, ScalarTy, SeqTy, SetTy, Ty } from "./types.js";

/** Ints, bools (0/1), enum and action ordinals and set bitmasks are all plain numbers in the IR; a
 * fraction constant is its value scaled by its type's denominator; `none` is 0. */
export type ArithOp = "+" | "-" | "*" | "/" | "%";
export type CmpOp = "<" | "<=" | ">" | ">=";
export type LogicOp = "and" | "or" | "implies" | "iff";
export type SetOp = "union" | "intersect" | "minus";
export type Builtin =
  | "div_up" | "mul_div" | "mul_div_up" | "min" | "max" | "abs"
  | "size" | "len" | "head" | "push" | "pop" | "remove_at"
  | "div" | "floor" | "ceil" | "some" | "get" | "get_or";
export type AggOp = "all" | "any" | "sum" | "min" | "max" | "count" | "map" | "set" | "filter";

export type Expr =
  | { readonly k: "const"; readonly ty: Ty; readonly v: number; readonly span: Span }
  | { readonly k: "var"; readonly ty: Ty; readonly id: number; readonly span: Span }
  | { readonly k: "local"; readonly ty: Ty; readonly id: number; readonly span: Span }
  | { readonly k: "index"; readonly ty: Ty; readonly target: Expr; readonly index: Expr; readonly site: number; readonly span: Span }
  | { readonly k: "field"; readonly ty: Ty; readonly target: Expr; readonly field: number; readonly span: Span }
  | { readonly k: "neg"; readonly ty: IntTy; readonly e: Expr; readonly span: Span }
  | { readonly k: "not"; readonly ty: Ty; readonly e: Expr; readonly span: Span }
  | { readonly k: "arith"; readonly ty: IntTy; readonly op: ArithOp; readonly l: Expr; readonly r: Expr; readonly site: number; readonly span: Span }
  | { readonly k: "cmp"; readonly ty: Ty; readonly op: CmpOp; readonly l: Expr; readonly r: Expr; readonly span: Span }
  | { readonly k: "eq"; readonly ty: Ty; readonly neg: boolean; readonly l: Expr; readonly r: Expr; readonly span: Span }
  | { readonly k: "logic"; readonly ty: Ty; readonly op: LogicOp; readonly l: Expr; readonly r: Expr; readonly span: Span }
  | { readonly k: "setop"; readonly ty: SetTy; readonly op: SetOp; readonly l: Expr; readonly r: Expr; readonly span: Span }
  /** `x in S` for sets, or membership among a queue's elements. */
  | { readonly k: "in"; readonly ty: Ty; readonly neg: boolean; readonly elem: Expr; readonly coll: Expr; readonly span: Span }
  | { readonly k: "subset"; readonly ty: Ty; readonly l: Expr; readonly r: Expr; readonly span: Span }
  | { readonly k: "ite"; readonly ty: Ty; readonly c: Expr; readonly t: Expr; readonly e: Expr; readonly span: Span }
  /** `let x = value in body`: `value` evaluated once, into local `local`, then `body`. */
  | { readonly k: "let"; readonly ty: Ty; readonly local: number; readonly value: Expr; readonly body: Expr; readonly span: Span }
  | { readonly k: "call"; readonly ty: Ty; readonly def: number; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly k: "builtin"; readonly ty: Ty; readonly fn: Builtin; readonly args: readonly Expr[]; readonly site: number; readonly span: Span }
  | {
      readonly k: "agg";
      readonly ty: Ty;
      readonly op: AggOp;
      readonly binders: readonly Binder[];
      readonly where: Expr | null;
      /** Null for count, set and filter (their condition is `where`). */
      readonly body: Expr | null;
      readonly site: number;
      readonly span: Span;
    }
  | { readonly k: "setLit"; readonly ty: SetTy; readonly elems: readonly Expr[]; readonly site: number; readonly span: Span }
  | { readonly k: "seqLit"; readonly ty: SeqTy; readonly elems: readonly Expr[]; readonly span: Span }
  | { readonly k: "recLit"; readonly ty: RecTy; readonly fields: readonly Expr[]; readonly span: Span }
  /** A scalar (or smaller compound) repeated into every entry of a map: `var bal: map<A, Amount> = 3`. */
  | { readonly k: "fill"; readonly ty: MapTy; readonly e: Expr; readonly span: Span }
  /** Evaluates `e` in the state before the step (step properties only). */
  | { readonly k: "old"; readonly ty: Ty; readonly e: Expr; readonly span: Span }
  /** The step's action, as an ordinal of the action enum. */
  | { readonly k: "action"; readonly ty: EnumTy; readonly span: Span }
  /** The step's caller; absent when the action has none. */
  | { readonly k: "caller"; readonly ty: Ty; readonly span: Span }
  /** `withdraw.a`: parameter `param` of action `action`; absent when the step took another action. */
  | { readonly k: "stepParam"; readonly ty: Ty; readonly action: number; readonly param: number; readonly span: Span }
  /** Fails (site) unless `e`'s value fits `ty` (an argument of a def, a def's declared result). */
  | { readonly k: "fit"; readonly ty: Ty; readonly e: Expr; readonly site: number; readonly span: Span }
  /** Fails (site) if `e`, a caller or step parameter, is absent in this step. */
  | { readonly k: "present"; readonly ty: Ty; readonly e: Expr; readonly site: number; readonly span: Span };

/** A quantified name: ranges over a finite type's values (or a set type's subsets), a set's members
 * or a queue's elements. */
export interface Binder {
  readonly name: string;
  readonly local: number;
  readonly domain: Domain;
  readonly span: Span;
}

export type Domain =
  | { readonly k: "type"; readonly ty: Ty }
  | { readonly k: "set"; readonly set: Expr; readonly elem: Ty }
  | { readonly k: "seq"; readonly seq: Expr; readonly elem: Ty };

export type PathStep =
  | { readonly k: "index"; readonly index: Expr; readonly site: number }
  | { readonly k: "field"; readonly field: number };

/** An assignable location: a variable and a path of map/queue indexes and record fields. */
export interface Place {
  readonly var: number;
  readonly path: readonly PathStep[];
  readonly ty: Ty;
  readonly span: Span;
}

export type Stmt =
  | { readonly k: "require"; readonly cond: Expr; readonly req: number; readonly span: Span }
  | { readonly k: "let"; readonly local: number; readonly value: Expr; readonly span: Span }
  | { readonly k: "if"; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[]; readonly span: Span }
  /** Fixes pick `pick` (an index into the action's picks; inside loops, plus each enclosing loop's
   * round times its stride) to the step's choice; disabled if `where` fails. */
  | { readonly k: "pick"; readonly pick: number; readonly local: number; readonly where: Expr | null; readonly span: Span }
  /** `value` is checked against the place's type at `site`. */
  | { readonly k: "assign"; readonly place: Place; readonly value: Expr; readonly site: number; readonly span: Span }
  /**
   * `for x in domain { body }`: the body once per value, in ascending order (a queue: in queue
   * order), with `local` bound to it. The domain is evaluated once, before the first round. Each
   * round is an iteration *slot*: a type's values, a set's element type's values (slots whose value
   * is not in the set are skipped), a queue's positions `0 .. cap - 1` (those past its length are
   * skipped). The picks of round `k` are the picks of the body numbered from `pick + k * stride`,
   * where `stride` is how many picks one round makes (nested loops included).
   */
  | { readonly k: "for"; readonly name: string; readonly local: number; readonly domain: Domain; readonly body: readonly Stmt[]; readonly stride: number; readonly span: Span };

/** One nondeterministic choice of an action: the caller, a parameter or a pick. */
export interface Choice {
  readonly kind: "caller" | "param" | "pick";
  readonly name: string;
  readonly local: number;
  /** What the choice ranges over: a finite type's values, or a set type's subsets (a pick over a
   * set value ranges over its element type). Codes: src/ir/finite.ts, choiceCode. */
  readonly ty: Ty;
  readonly span: Span;
}

export interface Action {
  readonly name: string;
  readonly span: Span;
  readonly nameSpan: Span;
  /** In this order: the caller (if any), the parameters, then every `pick` in the body in text order
   * (a pick inside a loop once per round, a pick inside a proc once per call). */
  readonly choices: readonly Choice[];
  readonly hasCaller: boolean;
  readonly paramCount: number;
  readonly body: readonly Stmt[];
  readonly nLocals: number;
  /** Ids of this action's `require`s, in text order (indexes into `Spec.requires`). */
  readonly requires: readonly number[];
  /** `fair action` (weak) or `strong fair action`, per instance of its parameters (docs/liveness.md). */
  readonly fairness?: "weak" | "strong";
}

export interface Def {
  readonly name: string;
  readonly params: readonly { readonly name: string; readonly ty: Ty; readonly local: number }[];
  readonly ret: Ty;
  readonly body: Expr;
  readonly nLocals: number;
  readonly span: Span;
}

export interface Var {
  readonly name: string;
  readonly ty: Ty;
  /** A constant expression. */
  readonly init: Expr;
  readonly ghost: boolean;
  readonly span: Span;
  readonly doc?: string;
}

export interface Property {
  readonly name: string;
  readonly expr: Expr;
  readonly nLocals: number;
  readonly span: Span;
  readonly doc?: string;
}

/**
 * A liveness property (docs/liveness.md), checked separately for every combination of its binders'
 * values (`all(a in Account: ...)`):
 *   leadsto     P ~> Q                 whenever P holds, Q holds then or later
 *   eventually  eventually Q           Q holds at some point (from the initial state)
 *   infinitely  always eventually Q    Q holds infinitely often
 *   stable      eventually always Q    from some point on, Q holds forever
 */
export type LivenessKind = "leadsto" | "eventually" | "infinitely" | "stable";

export interface LivenessBinder {
  readonly name: string;
  readonly local: number;
  /** Any finite type; a binding holds choice codes (src/ir/finite.ts, choiceCode). */
  readonly ty: Ty;
  readonly span: Span;
}

export interface Liveness {
  readonly name: string;
  readonly kind: LivenessKind;
  /** Outermost first; the first varies slowest in the numbering of instances. */
  readonly binders: readonly LivenessBinder[];
  /** P of a leads-to; null for the other kinds. */
  readonly p: Expr | null;
  readonly q: Expr;
  readonly nLocals: number;
  readonly span: Span;
  readonly doc?: string;
}

export type SiteKind =
  | "range" | "divzero" | "index" | "push-full" | "pop-empty" | "head-empty" | "empty-agg" | "absent" | "set-element"
  | "get-none";

/** A place in the spec where evaluation can fail; a failure is a violation of `well_typed`. */
export interface Site {
  readonly kind: SiteKind;
  readonly span: Span;
  /** The type the value must fit (range, index and set-element checks). */
  readonly ty?: Ty;
  /** What is being checked, e.g. "bal[a]" or "the caller". */
  readonly what?: string;
}

export interface Require {
  readonly action: number;
  readonly span: Span;
}

export interface SymmetricType {
  readonly name: string;
  readonly ty: IntTy;
  /** Set when the spec breaks the scalarset rules for this type (src/check/symmetry.ts): the
   * explorer then does not reduce by it. The first reason found. */
  readonly broken?: string;
}

export interface Spec {
  readonly name: string;
  readonly file: SourceFile;
  readonly consts: readonly { readonly name: string; readonly value: number | boolean }[];
  readonly vars: readonly Var[];
  readonly defs: readonly Def[];
  readonly actions: readonly Action[];
  readonly invariants: readonly Property[];
  readonly steps: readonly Property[];
  /** Liveness properties; absent in specs built before they existed (read it as empty). */
  readonly liveness?: readonly Liveness[];
  readonly sites: readonly Site[];
  readonly requires: readonly Require[];
  readonly actionEnum: EnumTy;
  readonly symmetric: readonly SymmetricType[];
  /** Named types, for code generation and display. */
  readonly types: readonly { readonly name: string; readonly ty: Ty }[];
}

export type { EnumTy, IntTy, MapTy, OptTy, RecTy, ScalarTy, SeqTy, SetTy, Ty };

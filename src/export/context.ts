// What every part of the exporter shares: the module's names and facts about the spec, and the
// context an expression is translated in (which state it reads, the step it belongs to, the names
// its locals are bound to).

import type * as I from "../ir/ir.js";
import type { Names, Scope } from "./names.js";
import type { T } from "./tla.js";

/** Helper operators the module defines when something uses them (module.ts prints them). */
export type Helper = "FloorDiv" | "FloorMod" | "div_up" | "mul_div" | "mul_div_up" | "Min" | "Max" | "Abs" | "SetMin" | "SetMax" | "Range" | "BSeq" | "RemoveAt";

/** A construct the export cannot express faithfully: the export stops with this message (exit 2). */
export class ExportError extends Error {
  override readonly name = "ExportError";
}

export interface ModuleCtx {
  readonly spec: I.Spec;
  readonly names: Names;
  readonly vars: readonly string[];
  readonly defs: readonly string[];
  /** Per def: the operator that says whether evaluating it fails (null: it cannot fail). */
  readonly defFails: (string | null)[];
  /** Per def: it reads the step (`old`, `caller`, `action`, a step parameter): inlined, never an operator. */
  readonly stepDefs: readonly boolean[];
  /** Per def: the variables it reads, through the defs it calls too. */
  readonly defReads: readonly ReadonlySet<number>[];
  readonly actions: readonly string[];
  /** Per enum id (the action enum is -1): the TLA+ names of its members. */
  readonly enumMembers: ReadonlyMap<number, readonly string[]>;
  /** Per enum id: the operator naming the set of its members. */
  readonly enumSets: ReadonlyMap<number, string>;
  /** Named types: the spec's name, the operator and the type. */
  readonly types: ReadonlyMap<string, { readonly op: string; readonly ty: I.Ty }>;
  readonly helpers: Set<Helper>;
  /** Every number is scaled by this denominator (1 without fractions: src/export/scale.ts). */
  readonly scale: number;
}

/** How an expression reads the state: a variable's value, and whether that is the plain variable. */
export interface StateView {
  read(v: number): T;
  /** Whether reading variable `v` here gives something other than the plain variable. */
  differs(v: number): boolean;
  /** Reads are primed (`x'`): the state after a step. */
  readonly primed: boolean;
}

/** The step a step property is evaluated on: its action and the names of its choices. */
export interface StepInfo {
  readonly action: number;
  /** Per choice of the action, in the IR's order (caller, parameters, picks). */
  readonly choices: readonly T[];
}

export interface Local {
  readonly t: T;
  /** Bound (by LET) to something that reads the state: it cannot go under a prime. */
  readonly stateful: boolean;
}

export interface Ctx {
  readonly m: ModuleCtx;
  readonly scope: Scope;
  readonly locals: Map<number, Local>;
  readonly state: StateView;
  /** The state `old(...)` reads; null outside step properties. */
  readonly old: StateView | null;
  readonly step: StepInfo | null;
}

/** The plain state: every variable as itself, primed or not. */
export function plainState(m: ModuleCtx, primed: boolean): StateView {
  return {
    read: (v) => (primed ? { k: "prime", e: { k: "id", name: m.vars[v] } } : { k: "id", name: m.vars[v] }),
    differs: () => primed,
    primed,
  };
}

export function withLocal(ctx: Ctx, local: number, t: T, stateful = false): Ctx {
  const locals = new Map(ctx.locals);
  locals.set(local, { t, stateful });
  return { ...ctx, locals };
}

export function childCtx(ctx: Ctx): Ctx {
  return { ...ctx, scope: ctx.scope.child() };
}

/** Stands for an absent caller or step parameter; only `==`, `!=`, `in` and `present` look at it. */
export const ABSENT: T = { k: "id", name: "<absent>" };

/** The name a `let` binds, read from the spec's text (the IR keeps only the local's number). */
export function letName(m: ModuleCtx, span: { readonly start: number; readonly end: number }): string {
  const text = m.spec.file.text.slice(span.start, Math.min(span.end, span.start + 200));
  return /^let\s+([\p{L}_][\p{L}\p{N}_]*)/u.exec(text)?.[1] ?? "x";
}

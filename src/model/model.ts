// The executable model every explorer uses. Explorers see flat Int32Array states, action
// instances numbered 0..instanceCount-1 and property indexes; they know nothing of syntax.

import type * as I from "../ir/ir.js";
import type { Ty } from "../ir/types.js";
import type { Layout, Readable, VarLayout } from "./layout.js";

/** One action and how its instances are numbered. An instance fixes every choice (caller,
 * parameters, picks), so it has at most one successor. Instances are numbered action by action,
 * and within an action in lexicographic order of the choices (the first choice varies slowest). */
export interface ActionInfo {
  readonly name: string;
  readonly choices: readonly { readonly kind: "caller" | "param" | "pick"; readonly name: string; readonly ty: Ty }[];
  readonly firstInstance: number;
  readonly instanceCount: number;
}

/** What went wrong when a `well_typed` check failed: the site and the offending value. */
export interface Failure {
  site: number;
  detail: string;
}

/** Per-action and per-require counters, accumulated by expand and apply. */
export interface Coverage {
  /** Per action: instances that were enabled (fired). */
  readonly fired: Float64Array;
  /** Per action: instances whose guard was false. */
  readonly disabled: Float64Array;
  /** Per `require` (Spec.requires): evaluations where it held. */
  readonly requireHeld: Float64Array;
  /** Per `require`: evaluations where it failed. */
  readonly requireFailed: Float64Array;
}

export const ENABLED = 1;
export const DISABLED = 0;
export const FAILED = -1;

/** Property indexes: invariants 0..n-1; checkInvariants returns an index or -1 (all hold). */
export interface Model {
  readonly spec: I.Spec;
  readonly layout: Layout;
  readonly width: number;
  readonly vars: readonly VarLayout[];
  readonly actions: readonly ActionInfo[];
  readonly instanceCount: number;
  readonly coverage: Coverage;
  /** Set when a call reported FAILED or threw; read it before the next call. */
  readonly failure: Failure;
  /** The generated JavaScript, for inspection. */
  readonly source: string;

  /** Writes the initial state. */
  init(out: Int32Array): void;
  /**
   * For every enabled instance from `s`: writes the successor into `d`, puts the instance's choice
   * values into `args()`, and calls `emit(instance)`. For an instance whose effect fails a
   * `well_typed` check, calls `onFail(instance)` with `failure` set. Stops early when a callback
   * returns true, and then returns true.
   */
  expand(s: Int32Array, d: Int32Array, emit: (inst: number) => boolean, onFail: (inst: number) => boolean): boolean;
  /** Runs one instance: ENABLED (successor in `d`), DISABLED, or FAILED (`failure` set). */
  apply(s: Int32Array, d: Int32Array, inst: number): number;
  /** The index of the first invariant that is false in `s`, -1 if all hold, FAILED_PROPERTY if evaluating one failed. */
  checkInvariants(s: Int32Array): number;
  /** The same for step properties, over the step `s` -> `d` taken by `inst`. */
  checkSteps(s: Int32Array, d: Int32Array, inst: number): number;
  /** Invariant `k` alone: 1 holds, 0 violated, FAILED_PROPERTY (failure set). */
  checkInvariant(k: number, s: Int32Array): number;
  /** Step property `k` alone, over the step `s` -> `d` taken by `inst`. */
  checkStep(k: number, s: Int32Array, d: Int32Array, inst: number): number;
  /** Liveness property `k`'s P (`which` 0; true for kinds without one) or Q (`which` 1) in `s`, for
   * instance `b` of its binders (src/ir/liveness.ts): 1 true, 0 false, FAILED_PROPERTY. */
  checkLive(k: number, which: number, b: number, s: Int32Array): number;

  /** The choice values of the instance last emitted by expand (valid during emit). */
  args(): Int32Array;
  /** The action of an instance, and its choice codes (src/ir/finite.ts, choiceCode: scalars as
   * slot codes, bools 0/1, enum ordinals; compound values by index, sets as bitmasks). */
  decodeInstance(inst: number): { action: number; args: number[] };
  /** The instance of an action with these choice values, or -1 if a value is out of its domain. */
  encodeInstance(action: number, args: readonly number[]): number;

  decode(s: Int32Array): Record<string, Readable>;
  /** The flat state of readable values, or the reasons they do not fit. */
  encode(values: Record<string, Readable>): { state: Int32Array } | { errors: string[] };
  resetCoverage(): void;
}

/** checkInvariants / checkSteps result when evaluating a property failed a well_typed check. */
export const FAILED_PROPERTY = -2;

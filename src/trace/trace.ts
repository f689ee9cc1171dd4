// A counterexample as data: what `.itf.json` files hold, independent of any compiled model.
// Values are `Readable` (ints as numbers, enums as names, sets as arrays, maps as objects keyed by
// the key's text, records as objects, queues as arrays), the same shape model.decode produces, so a
// trace binds to a model through model.encode (src/trace/bind.ts).

import type { Readable } from "../model/layout.js";

/** The version of our additions to ITF's `#meta`; a reader refuses files from a newer version. */
export const TRACE_FORMAT_VERSION = 1;

export type TracePropertyKind = "invariant" | "step" | "well_typed";

/** An action instance as a person names it: the action, its parameters, caller and picks by name. */
export interface TraceStep {
  readonly action: string;
  readonly params: Readonly<Record<string, Readable>>;
  /** Absent when the action has no `by caller`. */
  readonly caller?: Readable;
  readonly picks: Readonly<Record<string, Readable>>;
}

export interface TraceState {
  /** 0 for the initial state, k for the state after step k. */
  readonly index: number;
  /** The step that led here; null for the initial state. */
  readonly step: TraceStep | null;
  /** Every variable of the spec, by name. */
  readonly values: Readonly<Record<string, Readable>>;
}

/**
 * The property a trace violates, and where:
 * - invariant: false in state `step` (the last state);
 * - step: false for the step from state `step - 1` to state `step` (the last state);
 * - well_typed with `during`: evaluating that invariant (in the last state) or step property (on the
 *   last step) failed a `well_typed` check;
 * - well_typed with `failedStep`: the effect of step `step` failed; that step has no successor
 *   state, so it is not a state of the trace (ITF requires every state to hold every variable):
 *   `states` ends with state `step - 1` and the failing step is `failedStep`.
 * `step` is always the number of steps from the initial state, so it equals the index of the last
 * state, except with `failedStep`, where it is one more.
 */
export interface TraceViolation {
  readonly kind: TracePropertyKind;
  readonly name: string;
  readonly step: number;
  readonly during?: { readonly kind: "invariant" | "step"; readonly name: string };
  readonly failedStep?: TraceStep;
  /** One line for people (the well_typed failure, in words); not used by replay. */
  readonly message?: string;
}

/** Which explorer found the trace, and how to find it again. */
export interface TraceExplorer {
  readonly kind: "bfs" | "fuzz";
  readonly seed?: number | string;
  /** The flags that shaped the search (e.g. {swarm: true, depth: 50}). */
  readonly flags?: Readonly<Record<string, string | number | boolean>>;
}

export interface TraceSpec {
  readonly name: string;
  /** As given on the command line when saved, with `/` separators. */
  readonly path: string;
  /** sha256 of the spec's text, in hex. */
  readonly sha256: string;
}

export interface Trace {
  readonly version: number;
  readonly spec: TraceSpec;
  /** Every const's value when the trace was found (defaults included). */
  readonly consts: Readonly<Record<string, number | boolean>>;
  readonly violation: TraceViolation;
  readonly explorer: TraceExplorer;
  /** Variable names, in declaration order. */
  readonly vars: readonly string[];
  readonly states: readonly TraceState[];
}

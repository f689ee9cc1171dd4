// A counterexample as data: what `.itf.json` files hold, independent of any compiled model.
// Values are `Readable` (ints as numbers, enums as names, sets as arrays, maps as objects keyed by
// the key's text, records as objects, queues as arrays), the same shape model.decode produces, so a
// trace binds to a model through model.encode (src/trace/bind.ts).

import type { Readable } from "../model/layout.js";

/** The newest version of our additions to ITF (what this reader reads, and what it writes); a reader
 * refuses files from a newer version, and reads every older one. */
export const TRACE_FORMAT_VERSION = 3;
/** Format 1: property violations found by bfs or fuzz. */
export const PROPERTY_TRACE_VERSION = 1;
/** Format 2 adds conformance counterexamples: violation kind "conformance", steps the spec does not
 * enable (`disabled`), explorer "conform". */
export const CONFORMANCE_TRACE_VERSION = 2;
/** Format 3 adds Quint's MBT variables `mbt::actionTaken` and `mbt::nondetPicks` to every state
 * (src/trace/quint.ts): a format-2 reader would take them for variables of the spec. It also adds
 * traces of a watched system (explorer "monitor") and the conformance failure "accepted" (the
 * implementation took a step the spec does not enable), and liveness counterexamples: violation kind
 * "liveness", ITF's top-level `loop`, the loop's closing step, the binders' values. */
export const MBT_TRACE_VERSION = 3;

/** "run": not a counterexample but a run of the spec (a Quint MBT trace replayed with --spec), in
 * which no property is violated; never written to a file. */
export type TracePropertyKind = "invariant" | "step" | "well_typed" | "conformance" | "liveness" | "run";

/** An action instance as a person names it: the action, its parameters, caller and picks by name. */
export interface TraceStep {
  readonly action: string;
  readonly params: Readonly<Record<string, Readable>>;
  /** Absent when the action has no `by caller`. */
  readonly caller?: Readable;
  readonly picks: Readonly<Record<string, Readable>>;
  /** Conformance counterexamples only: the spec does not enable this step in the state before it,
   * so the spec's state stays as it was; the implementation had to refuse the step (or change
   * nothing). Absent (never false) otherwise. */
  readonly disabled?: true;
}

export interface TraceState {
  /** 0 for the initial state, k for the state after step k. */
  readonly index: number;
  /** The step that led here; null for the initial state. */
  readonly step: TraceStep | null;
  /** Every variable of the spec, by name. */
  readonly values: Readonly<Record<string, Readable>>;
}

/** How an implementation diverged from the spec (violation kind "conformance"). */
export interface TraceConformance {
  /** state: after the last step, the implementation's state differs from the spec's (the last
   *   state); rejected: the implementation refused the last step, which the spec enables; error:
   *   the adapter threw, or read back something that is not a state of the spec; accepted: the
   *   implementation took the last step (recorded with `disabled`), which the spec does not enable
   *   (a monitor saw it happen). */
  readonly failure: "state" | "rejected" | "error" | "accepted";
  /** state: the first place that differs (`stake[0]`, in the variable `violation.name`), the spec's
   * value there and the implementation's. The found value need not fit the spec's type. */
  readonly at?: string;
  readonly expected?: Readable;
  readonly found?: Readable;
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
 * - conformance: an implementation diverged from the spec after step `step` (the last state is the
 *   spec's state there); `name` is the first differing variable (failure "state"), the refused
 *   action ("rejected", "accepted") or "adapter" ("error"), and `conformance` says how.
 * - liveness: an infinite behaviour, a lasso: the states, then forever from state `loop` (Trace.loop)
 *   to the last state and back to state `loop` by `loopStep`; without `loopStep` the last state
 *   repeats (stuttering, and then `loop` is the last state's index). `binding`: the values of the
 *   property's `all(...)` binders; `trigger`: the state from which the violation holds.
 * `step` is always the number of steps from the initial state, so it equals the index of the last
 * state, except with `failedStep`, where it is one more.
 */
export interface TraceViolation {
  readonly kind: TracePropertyKind;
  readonly name: string;
  readonly step: number;
  readonly during?: { readonly kind: "invariant" | "step" | "liveness"; readonly name: string };
  readonly failedStep?: TraceStep;
  readonly conformance?: TraceConformance;
  /** One line for people (the well_typed failure or the divergence, in words); not used by replay. */
  readonly message?: string;
  /** Liveness: the step from the last state back to state `loop`; absent: the last state stutters. */
  readonly loopStep?: TraceStep;
  /** Liveness: the binders' values, by name (empty without binders). */
  readonly binding?: Readonly<Record<string, Readable>>;
  /** Liveness: the state from which the violation holds (P true and Q false from there, ...). */
  readonly trigger?: number;
}

/** Which explorer found the trace, and how to find it again. */
export interface TraceExplorer {
  /** quint: a Quint MBT trace (read, never written); monitor: a watched system's events. */
  readonly kind: "bfs" | "fuzz" | "conform" | "quint" | "monitor";
  readonly seed?: number | string;
  /** The flags that shaped the search (e.g. {swarm: true, depth: 50}; conform: the adapter as
   * `impl`, and `runs`, `steps`, `path`). */
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
  /** A lasso (a liveness counterexample): the run goes on forever by looping from the last state
   * back to state `loop` (ITF's top-level `"loop"`); absent for a finite trace. */
  readonly loop?: number;
}

/** The format version a writer records: every file written now has the MBT variables. */
export function formatVersionOf(_trace: Pick<Trace, "violation" | "explorer" | "states">): number {
  return MBT_TRACE_VERSION;
}

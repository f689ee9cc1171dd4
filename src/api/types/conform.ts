// What `conform` returns (types only: the runner, src/api/conform.ts, and the formatter,
// src/report/conform-text.ts, both import this, so neither imports the other for it).

import type { Readable } from "../../model/layout.js";

/** An action instance as the adapter receives it: `{ action: "withdraw", caller: 0, a: 1 }`, the
 * same shape as the `Action` type `stakecheck codegen` generates (enum values as member names, a
 * set as a ReadonlySet, a fraction as a number when whole or else {num, den}, a tuple as an
 * array, an option as {tag: "None"} or {tag: "Some", value}). */
export type ActionCall = { readonly action: string } & { readonly [choice: string]: unknown };

export interface ConformanceStep {
  readonly instance: number;
  readonly action: ActionCall;
  /** Whether the spec enables the action in the state it was tried in. */
  readonly enabled: boolean;
}

export type ConformanceFailureKind =
  /** The states differ after the last step (or initially, with no steps). */
  | "state"
  /** The implementation refused an action the spec enables. */
  | "rejected"
  /** The adapter threw, or read back something that is not a state of the spec. */
  | "error";

export interface ConformanceFailure {
  readonly kind: ConformanceFailureKind;
  /** The steps from the initial state; the divergence shows after the last one. */
  readonly steps: readonly ConformanceStep[];
  /** The same path as action instances: what a counterexample file records. */
  readonly instances: readonly number[];
  /** The first variable (in declaration order) whose values differ, where they differ (`stake[0]`),
   * and the values there. */
  readonly variable?: string;
  readonly at?: string;
  readonly expected?: Readable;
  readonly found?: Readable;
  /** Every compared variable, spec vs implementation, after the last step. */
  readonly expectedState?: Readonly<Record<string, Readable>>;
  readonly foundState?: Readonly<Record<string, Readable>>;
  /** One sentence. */
  readonly message: string;
  /** Where it came from: a saved counterexample, or a random walk (with how to replay it). */
  readonly origin:
    | { readonly kind: "trace"; readonly name: string }
    | { readonly kind: "random"; readonly seed: number; readonly path: string; readonly shrinks: number; readonly originalSteps: number }
    | { readonly kind: "path" };
}

export interface ConformanceReport {
  readonly ok: boolean;
  readonly specName: string;
  readonly consts: Readonly<Record<string, number | boolean>>;
  /** Replayed paths (and saved counterexamples skipped: `skipped`, with the reason in `note`). */
  readonly traces: readonly ConformanceTraceResult[];
  /** The directory saved counterexamples were read from, when one was given. */
  readonly dir?: string;
  /** The counterexample file a divergence was saved in. */
  readonly saved?: { readonly path: string; readonly status: "created" | "unchanged" | "updated" };
  readonly random: {
    /** Walks requested, and walks run until the first divergence (all of them when none). */
    readonly runs: number;
    readonly ran: number;
    readonly maxSteps: number;
    readonly seed: number;
    /** Steps run in all, shrinking included. */
    readonly steps: number;
    readonly shrinks: number;
  } | null;
  readonly failure: ConformanceFailure | null;
}

export interface ConformanceTraceResult {
  readonly name: string;
  readonly steps: number;
  readonly ok: boolean;
  readonly note?: string;
  readonly skipped?: true;
}

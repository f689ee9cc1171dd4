// What `replay` returns (types only: the runner, src/api/replay.ts, and the formatter,
// src/report/replay-text.ts, both import this).

import type { Model } from "../../model/model.js";
import type { ReplayVerdict } from "../../trace/replay.js";
import type { Trace } from "../../trace/trace.js";

/** What a replay should find: "any" (the default: report each file's verdict; only a trace that
 * diverged, being out of date, fails), "pass" (the bugs are fixed: every file must now pass) or
 * "violation" (a corpus of known bugs that must keep reproducing). */
export type ReplayExpectation = "any" | "pass" | "violation";

export interface ReplayOptions {
  /** Replay on this spec instead of the path recorded in the file. */
  readonly specPath?: string;
  readonly expect?: ReplayExpectation;
}

export type ReplayOutcome =
  | { readonly kind: "error"; readonly file: string; readonly message: string; readonly ok: false; readonly trace?: Trace; readonly specPath?: string }
  | {
      readonly kind: "replayed";
      readonly file: string;
      readonly trace: Trace;
      readonly specPath: string;
      /** The spec's text is not the text the trace was saved from. */
      readonly specChanged: boolean;
      readonly model: Model;
      readonly verdict: ReplayVerdict;
      /** Whether the verdict is what `expect` asked for. */
      readonly ok: boolean;
    };

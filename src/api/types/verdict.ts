// The verdict of one property in one run (types only; the rule is src/api/verdict.ts). Every
// surface (terminal, JSON, JUnit, GitHub annotations, vitest helpers, sweeps, exit codes) shows these
// and nothing else, so a property is never shown as passing when it was not checked to the end.

import type { Violation } from "../../explore/result.js";

/** Why a search ended before every reachable state was checked (also what a JSON report's
 * `stopped` may hold: src/api/report-read.ts reads this list). */
export const STOP_REASONS = ["violation", "max-states", "max-depth", "memory", "interrupted", "bitstate", "not-decided"] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** How a search ended: every reachable state checked, or stopped early (and why, in words). */
export type SearchEnd = { readonly complete: true } | { readonly complete: false; readonly reason: StopReason; readonly why: string };

export type Verdict =
  /** Checked in every reachable state (exhaustive search to the end). */
  | { readonly kind: "holds" }
  /** Random walks ran their whole budget without a violation: a test that passed, not a proof. */
  | { readonly kind: "not-violated"; readonly why: string }
  | { readonly kind: "violated"; readonly violation: Violation }
  /** Not violated where the search looked, but the search stopped early: not a pass. */
  | { readonly kind: "unknown"; readonly reason: StopReason; readonly why: string };

export type VerdictKind = Verdict["kind"];

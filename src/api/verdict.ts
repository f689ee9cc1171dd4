// The one rule that turns a search's end into a verdict per property (types in types/verdict.ts):
//   violated      a counterexample was found;
//   holds         not violated, and the exhaustive search checked every reachable state;
//   not-violated  random walks ran their whole budget without a violation (a passing test);
//   unknown       not violated where the search looked, but it stopped early: after the first
//                 violation (without --continue), at --max-states or --max-depth, at the memory
//                 ceiling, on an interrupt, or with bitstate coverage short of 100 %.
// Only holds and not-violated pass. Exit codes follow: 1 if anything is violated, else 3 if
// anything is unknown, else 0.

import type { BfsResult } from "../explore/bfs.js";
import type { PropertyKind, Violation } from "../explore/result.js";
import { assertNever } from "../util/assert-never.js";
import type { SearchEnd, Verdict } from "./types/verdict.js";

export type { SearchEnd, StopReason, Verdict, VerdictKind } from "./types/verdict.js";

/** A bitstate search counts as complete when fewer states than this are estimated missed (its
 * printed coverage is then 100.0000 %; the chance that it missed any state is about 1 %). */
export const BITSTATE_MAX_MISSED = 0.01;

/** Where a property is: its kind and index (-1 for well_typed). */
export interface PropertyAt {
  readonly kind: PropertyKind;
  readonly index: number;
}

export function violationOf(violations: readonly Violation[], p: PropertyAt): Violation | undefined {
  return violations.find((v) => v.property.kind === p.kind && (p.kind === "well_typed" || v.property.index === p.index));
}

function partial(limit: string): string {
  return `not violated in the part explored (${limit})`;
}

/** How an exhaustive search ended. `continued`: it was asked to go on past violations. */
export function searchEnd(result: Pick<BfsResult, "limit" | "violations" | "bitstate" | "stats">, continued: boolean): SearchEnd {
  const limit = result.limit;
  if (limit) {
    switch (limit.kind) {
      case "states":
        return { complete: false, reason: "max-states", why: partial(limit.message) };
      case "depth":
        return { complete: false, reason: "max-depth", why: partial(limit.message) };
      case "memory":
        return { complete: false, reason: "memory", why: partial(limit.message) };
      case "interrupted":
        return { complete: false, reason: "interrupted", why: partial("interrupted") };
      default:
        return assertNever(limit.kind);
    }
  }
  // Liveness violations are found after the search, on the whole graph: they do not stop it.
  if (!continued && result.violations.some((v) => v.property.kind !== "liveness")) return { complete: false, reason: "violation", why: "not checked beyond the first violation (use --continue)" };
  const b = result.bitstate;
  if (b && !(b.missed < BITSTATE_MAX_MISSED)) {
    const pct = (b.coverage * 100).toFixed(b.coverage > 0.9999 ? 4 : 2);
    const missed = Math.max(1, Math.round(b.missed)).toLocaleString("en-US");
    return {
      complete: false,
      reason: "bitstate",
      why: `not violated in the states visited (bitstate: estimated coverage ${pct}%, about ${missed} state${missed === "1" ? "" : "s"} missed; use a larger --bitstate SIZE or drop it)`,
    };
  }
  return { complete: true };
}

/** A property's verdict after an exhaustive search. */
export function checkVerdict(result: Pick<BfsResult, "limit" | "violations" | "bitstate" | "stats" | "liveness">, continued: boolean, p: PropertyAt): Verdict {
  const v = violationOf(result.violations, p);
  if (v) return { kind: "violated", violation: v };
  if (p.kind === "liveness") return livenessVerdict(result, continued, p.index);
  const end = searchEnd(result, continued);
  return end.complete ? { kind: "holds" } : { kind: "unknown", reason: end.reason, why: end.why };
}

/** Liveness property `k`, not violated. A bound proves nothing about it (a lasso may need the
 * states beyond it): only a whole search does, and only when its fair-cycle search ran to the end. */
function livenessVerdict(result: Pick<BfsResult, "limit" | "violations" | "bitstate" | "stats" | "liveness">, continued: boolean, k: number): Verdict {
  const outcome = result.liveness?.properties[k];
  if (outcome?.failed) return { kind: "unknown", reason: "not-decided", why: "not decided: evaluating it failed a well_typed check (see well_typed)" };
  if (outcome?.skipped) return { kind: "unknown", reason: "not-decided", why: outcome.skipped };
  const end = searchEnd(result, continued);
  if (end.complete) return { kind: "holds" };
  if (end.reason === "violation") return { kind: "unknown", reason: end.reason, why: "no lasso in the part explored; not proved beyond the first violation (use --continue)" };
  return { kind: "unknown", reason: end.reason, why: `no lasso in the part explored; not proved (${result.limit?.message ?? end.why})` };
}

/** How random walks ended: their budget used up, or stopped by a violation or an interrupt. */
export function walkEnd(run: { readonly violation?: Violation; readonly walk: { readonly limit?: "time" | "interrupted" } }): SearchEnd {
  if (run.violation) return { complete: false, reason: "violation", why: "not checked beyond the first violation (fuzzing stops there)" };
  if (run.walk.limit === "interrupted") return { complete: false, reason: "interrupted", why: "not violated in the walks run before the interrupt" };
  return { complete: true };
}

/** A property's verdict after random walks. */
export function fuzzVerdict(
  run: { readonly violation?: Violation; readonly walk: { readonly limit?: "time" | "interrupted"; readonly stats: { readonly runs: number } } },
  p: PropertyAt,
): Verdict {
  const v = run.violation && violationOf([run.violation], p);
  if (v) return { kind: "violated", violation: v };
  const end = walkEnd(run);
  if (!end.complete) return { kind: "unknown", reason: end.reason, why: end.why };
  // A walk proves nothing of liveness where it closed no violating loop: never a silent pass.
  if (p.kind === "liveness") return { kind: "unknown", reason: "not-decided", why: "not proved: no walk closed a fair loop that violates it; `stakecheck check` proves liveness" };
  const n = run.walk.stats.runs;
  return { kind: "not-violated", why: `not violated in ${n.toLocaleString("en-US")} run${n === 1 ? "" : "s"}` };
}

/** Whether a verdict is a pass. */
export function passes(v: Verdict): boolean {
  return v.kind === "holds" || v.kind === "not-violated";
}

/** The exit code of a set of verdicts: 1 violated, else 3 unknown, else 0. */
export function verdictExitCode(verdicts: readonly Verdict[]): 0 | 1 | 3 {
  if (verdicts.some((v) => v.kind === "violated")) return 1;
  if (verdicts.some((v) => v.kind === "unknown")) return 3;
  return 0;
}

/** The mark a terminal shows: ✓ only for a pass. */
export function verdictMark(v: Verdict): "✓" | "✗" | "?" {
  switch (v.kind) {
    case "holds":
    case "not-violated":
      return "✓";
    case "violated":
      return "✗";
    case "unknown":
      return "?";
    default:
      return assertNever(v);
  }
}

// The monitor's reports for log pipelines: one JSON object per line (`--reporter json`), with a
// `kind` (violation, bad-line, bound, inconclusive, summary). Untrusted event data stays data: the
// lines are JSON with every control character, line separator and bidi control escaped.

import { safeJson } from "../util/untrusted.js";
import { eventJson } from "./text.js";
import { reasonLine } from "./reason.js";
import type { MonitorReport, MonitorSummary } from "./types.js";

/** One report as one JSON line (no newline). */
export function reportJson(r: MonitorReport, source?: string): string {
  switch (r.kind) {
    case "violation":
      return safeJson({
        kind: "violation",
        ...(source !== undefined ? { source } : {}),
        line: r.at.line,
        ...(r.at.part ? { part: r.at.part } : {}),
        event: r.view ? eventJson(r.view) : null,
        ...(r.source !== undefined ? { systemEvent: r.source } : {}),
        message: reasonLine(r.reason),
        reason: r.reason,
        candidates: r.candidates,
        ...(r.trace ? { trace: r.trace } : {}),
        ...(r.saveError ? { saveError: r.saveError } : {}),
      });
    case "bad-line":
      return safeJson({ kind: "bad-line", ...(source !== undefined ? { source } : {}), line: r.line, message: r.message });
    case "bound":
      return safeJson({ kind: "bound", line: r.at.line, max: r.max, dropped: r.dropped });
    case "inconclusive":
      return safeJson({ kind: "inconclusive", line: r.at.line, boundLine: r.bound.at.line, max: r.bound.max, message: reasonLine(r.reason), reason: r.reason });
  }
}

export function summaryJson(s: MonitorSummary): string {
  return safeJson({
    kind: "summary",
    verdict: s.verdict,
    exitCode: s.exitCode,
    lines: s.lines,
    events: s.events,
    steps: s.steps,
    badLines: s.badLines,
    candidates: s.candidates,
    maxCandidates: s.maxCandidates,
    boundLine: s.bound?.at.line ?? null,
    violationLine: s.alert?.at.line ?? null,
    interrupted: s.interrupted,
    seconds: Number(s.seconds.toFixed(3)),
  });
}

// HTML reports (src/html): from what `check`, `fuzz` and `replay` computed, or from counterexample
// files (`stakecheck report`), to one self-contained file. This module wires each command's results
// to the renderer; the data is built in build.ts and counterexample.ts, the page in render.ts.

import type { CheckRun } from "../api/check.js";
import type { FuzzRun } from "../api/fuzz.js";
import type { ReplayOutcome } from "../api/replay.js";
import type { Violation } from "../explore/result.js";
import { coverageRows } from "../report/coverage.js";
import { asViolation } from "../report/replay-text.js";
import type { CaseResult, RunResult, SuiteResult } from "../report/run-result.js";
import { buildReportData, type CaseContext, type HtmlReportInput } from "./build.js";
import { renderHtml } from "./render.js";

export type { HtmlReportInput, CaseContext } from "./build.js";
export type { ReportData } from "./report-data.js";
export { buildReportData, caseVerdict } from "./build.js";
export { renderHtml } from "./render.js";

/** The HTML text of a report. */
export function htmlReport(input: HtmlReportInput): string {
  return renderHtml(buildReportData(input));
}

function violationFor(violations: readonly Violation[], c: CaseResult): Violation | undefined {
  const p = c.property;
  return p ? violations.find((v) => v.property.kind === p.kind && v.property.name === p.name) : undefined;
}

/** The report of a `check` run: `runs[i]` is the search behind `result.suites[i]` (null for a spec
 * that did not load). */
export function checkHtml(result: RunResult, runs: readonly (CheckRun | null)[]): string {
  const runOf = (s: SuiteResult) => runs[result.suites.indexOf(s)] ?? null;
  return htmlReport({
    run: result,
    caseContext: (s, c): CaseContext | undefined => {
      const r = runOf(s);
      if (!r) return undefined;
      const violation = violationFor(r.result.violations, c);
      return { model: r.model, ...(violation ? { violation } : {}) };
    },
    coverage: (s) => {
      const r = runOf(s);
      return r ? coverageRows(r.model.spec, r.result.coverage) : undefined;
    },
  });
}

/** The report of a `fuzz` run. */
export function fuzzHtml(result: RunResult, run: FuzzRun): string {
  return htmlReport({
    run: result,
    caseContext: (_s, c) => {
      const violation = run.violation ? violationFor([run.violation], c) : undefined;
      return { model: run.model, ...(violation ? { violation } : {}) };
    },
    coverage: () => coverageRows(run.model.spec, run.walk.coverage),
  });
}

/** The report of replayed counterexample files (`replay --html`, `stakecheck report`). */
export function replayHtml(result: RunResult, outcomes: readonly ReplayOutcome[], title?: string): string {
  return htmlReport({
    run: result,
    ...(title ? { title } : {}),
    caseContext: (_s, c) => {
      const o = outcomes.find((x) => x.file === c.file);
      if (!o) return undefined;
      if (o.kind === "error") return { notes: [o.message], ...(o.specPath ? { specPath: o.specPath } : {}) };
      const again = o.verdict.kind === "violates" ? asViolation(o, o.verdict) : null;
      const notes = [`replayed on ${o.specPath}: ${c.message ?? c.label}`];
      if (o.specChanged) notes.push(`${o.specPath} changed since this counterexample was saved (its sha256 differs)`);
      return { model: o.model, specPath: o.specPath, notes, ...(again ? { violation: again.v } : {}) };
    },
  });
}

// The JSON report (`--reporter json`): a RunResult as one JSON document. Its shape is documented in
// docs/counterexamples.md; fields are added, never renamed, and `schema` says which shape it is.

import { runVerdict, summaryLine, type RunResult } from "./run-result.js";

export const JSON_REPORT_SCHEMA = "stakecheck-report/1";

export function renderJson(run: RunResult): string {
  const doc = {
    schema: JSON_REPORT_SCHEMA,
    command: run.command,
    verdict: runVerdict(run),
    exitCode: run.exitCode,
    summary: summaryLine(run),
    seconds: run.seconds,
    ...(run.expect ? { expect: run.expect } : {}),
    ...(run.merged !== undefined ? { merged: run.merged } : {}),
    suites: run.suites.map((s) => ({
      name: s.name,
      file: s.file,
      consts: s.consts,
      seconds: s.seconds,
      ...(s.stats ? { stats: s.stats } : {}),
      ...(s.incomplete ? { incomplete: s.incomplete } : {}),
      ...(s.shard ? { shard: s.shard } : {}),
      cases: s.cases.map((c) => ({
        name: c.name,
        status: c.status,
        label: c.label,
        ...(c.property ? { property: c.property } : {}),
        ...(c.location ? { location: c.location } : {}),
        ...(c.message !== undefined ? { message: c.message } : {}),
        ...(c.stopped !== undefined ? { stopped: c.stopped } : {}),
        ...(c.steps !== undefined ? { steps: c.steps } : {}),
        ...(c.file !== undefined ? { file: c.file } : {}),
        ...(c.details !== undefined ? { details: c.details } : {}),
        ...(c.trace ? { trace: c.trace } : {}),
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

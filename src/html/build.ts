// A run's result (the same RunResult the JSON, JUnit and GitHub reporters read) as the data of an
// HTML report: the run's verdicts, figures, coverage and sweep, and one section per counterexample.

import type { Violation } from "../explore/result.js";
import type { Model } from "../model/model.js";
import { fmtInt, fmtRate, fmtSeconds } from "../report/check-text.js";
import type { CaseResult, RunResult, SuiteResult } from "../report/run-result.js";
import { runVerdict, summaryLine } from "../report/run-result.js";
import { counterexampleData } from "./counterexample.js";
import type { ReportCase, ReportCoverage, ReportCounterexample, ReportData, ReportSuite, ReportSweep, Verdict } from "./report-data.js";

/** What is known about a case beside its result: the compiled spec its trace runs on, the
 * violation on that spec (to explain it), notes. */
export interface CaseContext {
  readonly model?: Model;
  readonly violation?: Violation;
  readonly specPath?: string;
  readonly notes?: readonly string[];
}

export interface HtmlReportInput {
  readonly run: RunResult;
  readonly title?: string;
  readonly caseContext?: (suite: SuiteResult, c: CaseResult) => CaseContext | undefined;
  readonly coverage?: (suite: SuiteResult) => readonly ReportCoverage[] | undefined;
}

/**
 * The one verdict rule: a property holds only when it was checked to the end ("holds"); a case that
 * passed with any other label (within a bound, not violated in N random runs) is not proved. In a
 * replay, a case passes when the file behaved as expected.
 */
export function caseVerdict(command: RunResult["command"], c: CaseResult): Verdict {
  switch (c.status) {
    case "failed":
      return "violated";
    case "error":
      return "error";
    case "skipped":
      return "unknown";
    case "passed":
      return command === "replay" || c.label === "holds" ? "holds" : "unknown";
  }
}

function suiteStats(s: SuiteResult): [string, string][] {
  const st = s.stats ?? {};
  const out: [string, string][] = [];
  if (st.distinct !== undefined) out.push(["distinct states", fmtInt(st.distinct)]);
  if (st.generated !== undefined) out.push(["generated", fmtInt(st.generated)]);
  if (st.depth !== undefined) out.push(["depth", String(st.depth)]);
  if (st.runs !== undefined) out.push(["runs", fmtInt(st.runs)]);
  if (st.steps !== undefined) out.push(["steps", fmtInt(st.steps)]);
  if (st.seed !== undefined) out.push(["seed", String(st.seed)]);
  if (s.seconds > 0 || st.distinct !== undefined) out.push(["time", fmtSeconds(s.seconds)]);
  const per = st.distinct ?? st.steps;
  if (per !== undefined && s.seconds > 0) out.push([st.distinct !== undefined ? "distinct states/s" : "steps/s", fmtRate(per / s.seconds)]);
  return out;
}

/** Suites of one spec file that differ only by consts: a sweep. */
function sweeps(run: RunResult, suites: readonly ReportSuite[]): ReportSweep[] {
  if (run.command === "replay") return [];
  const byFile = new Map<string, number[]>();
  run.suites.forEach((s, i) => byFile.set(s.file, [...(byFile.get(s.file) ?? []), i]));
  const out: ReportSweep[] = [];
  for (const [file, at] of byFile) {
    if (at.length < 2) continue;
    const consts = at.map((i) => run.suites[i].consts);
    const names = Object.keys(consts[0]).filter((k) => consts.some((c) => String(c[k]) !== String(consts[0][k])));
    const properties = [...new Set(at.flatMap((i) => run.suites[i].cases.map((c) => c.name)))];
    out.push({
      spec: run.suites[at[0]].name,
      file,
      swept: names,
      properties,
      rows: at.map((i) => {
        const s = suites[i];
        return {
          consts: names.map((k) => String(run.suites[i].consts[k])),
          cells: properties.map((p) => {
            const c = s.cases.find((x) => x.name === p);
            if (!c) return { verdict: "error" as const, text: "-" };
            return { verdict: c.verdict, text: c.label, ...(c.counterexample !== undefined ? { counterexample: c.counterexample } : {}) };
          }),
          states: s.stats.find(([k]) => k === "distinct states")?.[1] ?? "-",
        };
      }),
    });
  }
  return out;
}

export function buildReportData(input: HtmlReportInput): ReportData {
  const { run } = input;
  const counterexamples: ReportCounterexample[] = [];
  const suites: ReportSuite[] = run.suites.map((s) => {
    const cases: ReportCase[] = s.cases.map((c) => {
      let cx: number | undefined;
      if (c.trace) {
        const ctx = input.caseContext?.(s, c);
        cx = counterexamples.length;
        counterexamples.push(
          counterexampleData(
            {
              trace: c.trace,
              ...(ctx?.model ? { model: ctx.model } : {}),
              ...(ctx?.violation ? { violation: ctx.violation } : {}),
              ...(c.file !== undefined ? { file: c.file } : {}),
              ...(ctx?.specPath ?? s.file ? { specPath: ctx?.specPath ?? s.file } : {}),
              ...(ctx?.notes ? { notes: ctx.notes } : {}),
            },
            `cx-${cx + 1}`,
          ),
        );
      }
      return {
        name: c.name,
        verdict: caseVerdict(run.command, c),
        label: c.label,
        ...(c.message !== undefined ? { message: c.message } : {}),
        ...(cx !== undefined ? { counterexample: cx } : {}),
        ...(c.file !== undefined ? { file: c.file } : {}),
      };
    });
    const coverage = input.coverage?.(s);
    return {
      name: s.name,
      file: s.file,
      consts: Object.entries(s.consts).map(([k, v]) => [k, String(v)] as const),
      cases,
      stats: suiteStats(s),
      ...(s.incomplete ? { incomplete: s.incomplete } : {}),
      ...(coverage ? { coverage } : {}),
    };
  });
  return {
    title: input.title ?? `stakecheck ${run.command}: ${[...new Set(run.suites.map((s) => s.name))].join(", ")}`,
    command: run.command,
    summary: summaryLine(run),
    verdict: runVerdict(run),
    suites,
    sweeps: sweeps(run, suites),
    counterexamples,
  };
}

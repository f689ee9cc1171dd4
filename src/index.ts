// The public API: what the CLI, the vitest helpers and users' own tests call.

export { loadSpecFile, loadSpecText, type ConstValues, type LoadOptions, type LoadedSpec } from "./api/load.js";
export { check, checkModel, checkModelAsync, selectProperties, propertyVerdict, runVerdicts, type CheckOptions, type CheckRun } from "./api/check.js";
export { passes, verdictExitCode, verdictMark, type Verdict, type VerdictKind, type SearchEnd, type StopReason } from "./api/verdict.js";
export { fuzz, fuzzModel, fuzzSpecFile, assertNoViolation, fuzzFailureMessage, type FuzzOptions, type FuzzFileOptions, type FuzzRun } from "./api/fuzz.js";
export { mergeReports, mergedExitCode, type MergedRun, type MergedSuite } from "./api/merge.js";
export { parseReport, readReport, type ReportDoc } from "./api/report-read.js";
export { shardSeed, shardRuns, parseShard, type ShardSpec, type ShardInfo } from "./api/shard.js";
export type { CheckpointReport } from "./explore/checkpoint.js";
export { parseSpec, type ParseResult } from "./lang/parse.js";
export { printSpec } from "./lang/print.js";
export { checkSpec, type CheckResult } from "./check/check.js";
export { compileModel } from "./compile/compile.js";
export { bfs, type BfsOptions, type BfsResult, type BfsStats, type SymmetryReport, type BitstateReport } from "./explore/bfs.js";
export { bfsParallel, bfsAuto, type ParallelOptions, type Workers } from "./explore/parallel.js";
export { replayPath, type PathStep, type ReplayedPath } from "./explore/path.js";
export type { PropertyRef, PropertySelection, Violation, Lasso, LivenessSummary, LivenessOutcome } from "./explore/result.js";
export { livenessSearch, type LivenessSearchOptions } from "./explore/liveness/search.js";
export type { Model, ActionInfo, Coverage } from "./model/model.js";
export type { Readable } from "./model/layout.js";
export type { Diagnostic } from "./lang/diagnostic.js";
export { SourceFile } from "./lang/source.js";
export { InputError } from "./lang/read.js";
export { renderDiagnostics, renderDiagnostic } from "./report/diagnostics.js";
export { renderCounterexample, describeStep } from "./report/counterexample.js";
export { renderCheck } from "./report/check-text.js";
export { renderFuzz, reproduceCommand } from "./report/fuzz-text.js";
export { coverageWarnings } from "./report/coverage.js";
export { explainViolation } from "./report/explain.js";
export type * as IR from "./ir/ir.js";
export type { Trace, TraceStep, TraceState, TraceViolation, TraceExplorer, TraceSpec } from "./trace/trace.js";
export { readTraceFile, readTraceText, TraceFileError } from "./trace/read.js";
export { writeTrace, traceFileName } from "./trace/write.js";
export { traceFromViolation, stepOf, type TraceOrigin } from "./trace/from-model.js";
export { bindTrace, type BoundTrace, type BoundStep } from "./trace/bind.js";
export { replayBound, type ReplayVerdict, type Divergence } from "./trace/replay.js";
export { saveTrace, saveViolations, DEFAULT_COUNTEREXAMPLE_DIR, type SavedTrace } from "./trace/save.js";
export { traceFromConformance, type ConformanceDivergence } from "./trace/from-conformance.js";
export { replayPaths as replay, replayPaths, replayTraceFile, replayExitCode, type ReplayOptions, type ReplayOutcome, type ReplayExpectation } from "./api/replay.js";
export { propertyCases, checkSuite, summaryLine, type RunResult, type SuiteResult, type CaseResult } from "./report/run-result.js";
export { renderJson } from "./report/json.js";
export { renderJunit } from "./report/junit.js";
export { renderGithub } from "./report/github.js";
export { renderReplayOutcome, replayRunResult } from "./report/replay-text.js";
export { codegen, type CodegenOptions, type CodegenResult } from "./api/codegen.js";
export { generateTypeScript } from "./compile/ts/emit.js";
export {
  checkConformance,
  conformanceTest,
  replayConformance,
  loadAdapter,
  ConformanceUsageError,
  type ActionCall,
  type ConformanceAdapter,
  type ConformanceContext,
  type ConformanceFailure,
  type ConformanceOptions,
  type ConformanceReport,
  type ConformanceStep,
  type ReadingOf,
  type ConformanceTrace,
  type ConformanceTraceResult,
  type StateReading,
} from "./api/conform.js";
export { renderConformance } from "./report/conform-text.js";
export { monitorEvents, loadMappingFile, type MonitorInput, type MonitorOptions } from "./monitor/monitor.js";
export type { MonitorSummary, MonitorReport, MonitorAlert, AlertReason, BadLine, BoundHit, Inconclusive, EventView, EventPlace } from "./monitor/types.js";
export { readMapping, applyMapping, type Mapping } from "./monitor/mapping.js";
export { renderReport as renderMonitorReport, renderSummary as renderMonitorSummary } from "./monitor/text.js";
export { reportJson as monitorReportJson, summaryJson as monitorSummaryJson } from "./monitor/json.js";
export { eventOf, eventsOfPath, randomPath, type EventShape } from "./monitor/events-of.js";
export { htmlReport, checkHtml, fuzzHtml, replayHtml, buildReportData, renderHtml, type HtmlReportInput, type ReportData } from "./html/index.js";

// The public API: what the CLI, the vitest helpers and users' own tests call.

export { loadSpecFile, loadSpecText, type ConstValues, type LoadOptions, type LoadedSpec } from "./api/load.js";
export { check, checkModel, selectProperties, type CheckOptions, type CheckRun } from "./api/check.js";
export { parseSpec, type ParseResult } from "./lang/parse.js";
export { printSpec } from "./lang/print.js";
export { checkSpec, type CheckResult } from "./check/check.js";
export { compileModel } from "./compile/compile.js";
export { bfs, type BfsOptions, type BfsResult, type BfsStats } from "./explore/bfs.js";
export { replayPath, type PathStep, type ReplayedPath } from "./explore/path.js";
export type { PropertyRef, PropertySelection, Violation } from "./explore/result.js";
export type { Model, ActionInfo, Coverage } from "./model/model.js";
export type { Readable } from "./model/layout.js";
export type { Diagnostic } from "./lang/diagnostic.js";
export { SourceFile } from "./lang/source.js";
export { InputError } from "./lang/read.js";
export { renderDiagnostics, renderDiagnostic } from "./report/diagnostics.js";
export { renderCounterexample, describeStep } from "./report/counterexample.js";
export { renderCheck } from "./report/check-text.js";
export { coverageWarnings } from "./report/coverage.js";
export { explainViolation } from "./report/explain.js";
export type * as IR from "./ir/ir.js";

// Reading the JSON reports that `--reporter json` writes (src/report/json.ts), for `stakecheck
// merge`. A report is untrusted data: it is parsed with JSON.parse, checked against the schema of
// what merge uses, and its text is never evaluated; what merge prints from it is escaped by each
// reporter (and control characters are dropped from the terminal's text, src/report/merge-text.ts).

import { readFileSync } from "node:fs";
import * as Result from "effect/Result";
import { STOP_REASONS } from "./types/verdict.js";
import * as Schema from "effect/Schema";
import { InputError } from "../lang/read.js";
import { JSON_REPORT_SCHEMA } from "../report/json.js";
import { oneLine, safeText } from "../util/text.js";
import type { CaseResult, SuiteResult } from "../report/run-result.js";
import { locateJsonError } from "../trace/json-error.js";
import type { Trace } from "../trace/trace.js";

const Int = Schema.Int;
const Location = Schema.Struct({ file: Schema.String, line: Int, col: Int, endLine: Int, endCol: Int });

const Case = Schema.Struct({
  name: Schema.String,
  status: Schema.Literals(["passed", "failed", "error", "skipped"]),
  label: Schema.String,
  property: Schema.optionalKey(Schema.Struct({ kind: Schema.Literals(["invariant", "step", "well_typed", "liveness", "conformance"]), name: Schema.String })),
  location: Schema.optionalKey(Location),
  message: Schema.optionalKey(Schema.String),
  stopped: Schema.optionalKey(Schema.Literals(STOP_REASONS)),
  steps: Schema.optionalKey(Int),
  file: Schema.optionalKey(Schema.String),
  details: Schema.optionalKey(Schema.String),
  // Passed through to the merged JSON report as it is; merge reads nothing in it.
  trace: Schema.optionalKey(Schema.Unknown),
});

const Shard = Schema.Struct({ index: Int, count: Int, seed: Int, runs: Int, depth: Int, swarm: Schema.Boolean });

const Suite = Schema.Struct({
  name: Schema.String,
  file: Schema.String,
  consts: Schema.Record(Schema.String, Schema.Union([Schema.Finite, Schema.Boolean])),
  seconds: Schema.Finite,
  stats: Schema.optionalKey(Schema.Record(Schema.String, Schema.Finite)),
  incomplete: Schema.optionalKey(Schema.String),
  shard: Schema.optionalKey(Shard),
  cases: Schema.Array(Case),
});

const Report = Schema.Struct({
  schema: Schema.String,
  command: Schema.Literals(["check", "fuzz", "replay"]),
  exitCode: Int,
  seconds: Schema.Finite,
  merged: Schema.optionalKey(Int),
  suites: Schema.Array(Suite),
});

const decode = Schema.decodeUnknownResult(Report, { errors: "first" });

/** One report, as merge reads it. */
export interface ReportDoc {
  readonly path: string;
  readonly command: "check" | "fuzz" | "replay";
  readonly seconds: number;
  readonly exitCode: number;
  /** How many reports this one already combines (a merged report), else 1. */
  readonly reports: number;
  readonly suites: readonly SuiteResult[];
}

function where(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("") || "the document";
}

/** The report in `text`; throws InputError naming the file and the first problem. */
export function parseReport(text: string, path: string): ReportDoc {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const e = locateJsonError(text);
    throw new InputError(`${path}: ${!e ? "not valid JSON" : e.truncated ? "the JSON ends early: the file is truncated" : `not valid JSON at line ${e.line}, column ${e.col}: expected ${e.expected}`}`);
  }
  const schema = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>).schema : undefined;
  if (schema !== JSON_REPORT_SCHEMA) {
    throw new InputError(`${path}: not a stakecheck JSON report (expected "schema": "${JSON_REPORT_SCHEMA}", as \`--reporter json\` writes)`);
  }
  const r = decode(json, { reportInput: true });
  if (Result.isFailure(r)) {
    const issue = r.failure.issue;
    // The first leaf issue, in the words of effect's formatter, and where it is.
    const text = String(r.failure.message ?? issue).split("\n");
    const at = /at \[(.*)\]/.exec(text.find((l) => l.includes("at [")) ?? "");
    const place = at ? where(at[1].split("][").map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/^"|"$/g, "")))) : "the document";
    const what = text[0].replace(/^Expected /, "expected ").replace(/, got /, ", found ").replace(/^Missing key$/, "missing");
    throw new InputError(oneLine(`${path}: not a valid stakecheck report at ${place}: ${what}`));
  }
  // Every string merge may print (not the trace, which only goes back into JSON) loses its
  // control characters here, so no reporter can pass a terminal escape or a stray CR along.
  const doc = clean(r.success) as typeof r.success;
  return {
    path,
    command: doc.command,
    seconds: doc.seconds,
    exitCode: doc.exitCode,
    reports: doc.merged ?? 1,
    suites: doc.suites.map((s) => ({
      ...s,
      cases: s.cases.map((c) => ({ ...c, ...(c.trace !== undefined ? { trace: c.trace as Trace } : {}) }) as CaseResult),
    })),
  };
}

function clean(v: unknown, key = ""): unknown {
  if (typeof v === "string") return safeText(v);
  if (key === "trace" || typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => clean(x));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[safeText(k)] = clean(x, k);
  return out;
}

export function readReport(path: string): ReportDoc {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a report" : `cannot read (${code ?? String(e)})`}`);
  }
  if (text.trim() === "") throw new InputError(`${path}: the file is empty`);
  return parseReport(text, path);
}

// Reading a counterexample file: JSON, then the schema (src/trace/schema.ts), then ITF's rules
// (every state holds every variable, states numbered 0, 1, 2, ...), then values (src/trace/itf.ts).
// Every problem is one plain sentence naming the state and the field; all of them are collected.
// A file is data: it is parsed with JSON.parse and never evaluated.

import { readFileSync, statSync } from "node:fs";
// Subpath imports: loading the "effect" barrel costs ~0.2 s more at start-up.
import * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaIssue from "effect/SchemaIssue";
import { InputError } from "../lang/read.js";
import type { Readable } from "../model/layout.js";
import { fromItf } from "./itf.js";
import { setOwn } from "../model/layout.js";
import { locateJsonError } from "./json-error.js";
import { ACTION_TAKEN, MBT_VARS, mbtAgrees } from "./quint.js";
import { defuse, MAX_JSON_DEPTH, nestingBeyond } from "./untrusted.js";
import { TraceFileSchema, type StepMetaJson, type TraceFileJson } from "./schema.js";
import { TRACE_FORMAT_VERSION, type Trace, type TraceConformance, type TraceState, type TraceStep, type TraceViolation } from "./trace.js";

/** A counterexample file that cannot be read; `problems` are the sentences, without the path. */
export class TraceFileError extends InputError {
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(formatProblems(path, problems));
  }
}

const MAX_LISTED = 20;

function formatProblems(path: string, problems: readonly string[]): string {
  if (problems.length === 1) return `${path}: ${problems[0]}`;
  const shown = problems.slice(0, MAX_LISTED).map((p) => `  - ${p}`);
  if (problems.length > MAX_LISTED) shown.push(`  - ... and ${problems.length - MAX_LISTED} more`);
  return `${path}: ${problems.length} problems:\n${shown.join("\n")}`;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Where in the file, in words: `state 3, field #meta.index` or `field #meta.spec.sha256`. */
export function placeOf(path: readonly PropertyKey[]): string {
  let rest = path;
  let prefix = "";
  if (path[0] === "states" && typeof path[1] === "number") {
    prefix = `state ${path[1]}`;
    rest = path.slice(2);
  }
  const field = rest.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
  if (!field) return prefix || "the file";
  return prefix ? `${prefix}, field ${field}` : `field ${field}`;
}

function plain(message: string): string {
  return message.replace(/^Expected /, "expected ").replace(/, got /, ", found ");
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => (issue._tag === "MissingKey" ? "missing" : plain(SchemaIssue.defaultLeafHook(issue))),
  checkHook: (issue) => {
    const message = issue.filter.annotations?.message;
    if (typeof message !== "string") return undefined;
    return SchemaIssue.hasInput(issue) ? `${message}, found ${describe(issue.input)}` : message;
  },
});

const decodeFile = Schema.decodeUnknownResult(TraceFileSchema, { errors: "all" });

/** The schema's complaints, one per place, in plain words. */
function schemaProblems(json: unknown): { file: TraceFileJson } | { problems: string[] } {
  const r = decodeFile(json, { reportInput: true });
  if (Result.isSuccess(r)) return { file: r.success };
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const issue of formatter(r.failure.issue).issues) {
    const path = (issue.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key : p)) as PropertyKey[];
    const place = placeOf(path);
    if (seen.has(place)) continue;
    seen.add(place);
    problems.push(`${place}: ${plain(issue.message)}`);
  }
  return { problems };
}

function jsonProblem(text: string): string {
  const e = locateJsonError(text);
  if (!e) return "not valid JSON";
  if (e.truncated) return "the JSON ends early: the file is truncated";
  return `not valid JSON at line ${e.line}, column ${e.col}: expected ${e.expected}`;
}

/** An ITF trace from Quint's simulator with its MBT variables (src/trace/quint.ts), and no
 * stakecheck `#meta`. */
export function isQuintMbt(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  const meta = o["#meta"];
  if (typeof meta === "object" && meta !== null && "stakecheck-format" in meta) return false;
  return Array.isArray(o.vars) && o.vars.includes(ACTION_TAKEN);
}

/** Reads the envelope fields that say whether this is our format at all, before the schema. */
function formatProblem(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return `not an ITF trace: expected a JSON object with "#meta", "vars" and "states", found ${Array.isArray(json) ? "an array" : describe(json)}`;
  }
  const meta = (json as Record<string, unknown>)["#meta"];
  const version = typeof meta === "object" && meta !== null ? (meta as Record<string, unknown>)["stakecheck-format"] : undefined;
  if (version === undefined) {
    if (isQuintMbt(json)) return "a Quint MBT trace, without stakecheck's #meta: replay it with --spec PATH, the .stake spec whose variables and actions it names";
    return `not a stakecheck counterexample: "#meta" has no "stakecheck-format" (an ITF trace from another tool has no actions to replay, unless it has Quint's ${ACTION_TAKEN})`;
  }
  if (typeof version === "number" && Number.isInteger(version) && version > TRACE_FORMAT_VERSION) {
    return `written by a newer stakecheck (counterexample format ${version}); this version reads format ${TRACE_FORMAT_VERSION}`;
  }
  return null;
}

function readValues(raw: Readonly<Record<string, unknown>> | undefined, at: string, problems: string[]): Record<string, Readable> {
  const out: Record<string, Readable> = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    const r = fromItf(v, `${at}.${k}`);
    if ("error" in r) problems.push(r.error);
    else setOwn(out, k, r.value);
  }
  return out;
}

function readStep(meta: StepMetaJson, at: string, problems: string[]): TraceStep {
  const step: { action: string; params: Record<string, Readable>; caller?: Readable; picks: Record<string, Readable> } = {
    action: meta.action,
    params: readValues(meta.params, `${at}.params`, problems),
    picks: readValues(meta.picks, `${at}.picks`, problems),
  };
  if ("caller" in meta) {
    const r = fromItf(meta.caller, `${at}.caller`);
    if ("error" in r) problems.push(r.error);
    else step.caller = r.value;
  }
  return step;
}

type ConformanceJson = NonNullable<TraceFileJson["#meta"]["violation"]["conformance"]>;

function readConformance(c: ConformanceJson, at: string, problems: string[]): TraceConformance {
  const out: { -readonly [K in keyof TraceConformance]: TraceConformance[K] } = { failure: c.failure };
  if (c.at !== undefined) out.at = c.at;
  for (const k of ["expected", "found"] as const) {
    if (!(k in c)) continue;
    const r = fromItf(c[k], `${at}.${k}`);
    if ("error" in r) problems.push(r.error);
    else out[k] = r.value;
  }
  if (c.failure === "state") {
    const missing = (["at", "expected", "found"] as const).filter((k) => !(k in c));
    if (missing.length) problems.push(`${at}: missing ${missing.join(", ")} (a state divergence records where the states differ and both values)`);
  }
  return out;
}

function readViolation(file: TraceFileJson, problems: string[]): TraceViolation {
  const v = file["#meta"].violation;
  const at = "field #meta.violation";
  const out: { -readonly [K in keyof TraceViolation]: TraceViolation[K] } = { kind: v.kind, name: v.name, step: v.step };
  if (v.during) {
    if (v.kind !== "well_typed") problems.push(`${at}.during: only a well_typed violation happens during another property`);
    out.during = { kind: v.during.kind, name: v.during.name };
  }
  if (v.failedStep) {
    if (v.kind !== "well_typed") problems.push(`${at}.failedStep: only a well_typed violation has a failed step`);
    if (v.during) problems.push(`${at}: has both "during" and "failedStep"; a well_typed failure is in a property or in a step, not both`);
    out.failedStep = readStep(v.failedStep, `${at}.failedStep`, problems);
  }
  if (v.conformance) {
    if (v.kind !== "conformance") problems.push(`${at}.conformance: only a conformance violation says how an implementation diverged`);
    out.conformance = readConformance(v.conformance, `${at}.conformance`, problems);
  } else if (v.kind === "conformance") {
    problems.push(`${at}.conformance: missing (a conformance violation says how the implementation diverged)`);
  }
  if (v.message !== undefined) out.message = v.message;
  const last = file.states.length - 1;
  readLasso(file, out, problems);
  const expected = v.failedStep ? last + 1 : last;
  if (v.step !== expected) {
    problems.push(
      v.failedStep
        ? `${at}.step: ${v.step}, but a failed step comes right after the last state, so it must be ${expected}`
        : `${at}.step: ${v.step}, but the last state is state ${last}, so it must be ${expected}`,
    );
  }
  return out;
}

/** A liveness violation's lasso fields, checked against ITF's `loop`. */
function readLasso(file: TraceFileJson, out: { -readonly [K in keyof TraceViolation]: TraceViolation[K] }, problems: string[]): void {
  const v = file["#meta"].violation;
  const at = "field #meta.violation";
  const last = file.states.length - 1;
  const loop = file.loop;
  if (v.kind !== "liveness") {
    // A `loop` on a finite counterexample (another tool's) is kept for display; replay ignores it.
    for (const k of ["loopStep", "binding", "trigger"] as const) if (v[k] !== undefined) problems.push(`${at}.${k}: only a liveness counterexample has one`);
    return;
  }
  if (loop === undefined) {
    problems.push('field loop: missing (a liveness counterexample is a lasso: "loop" is the index of the state the last state goes back to)');
    return;
  }
  if (loop > last) problems.push(`field loop: ${loop}, but the last state is state ${last}`);
  if (v.loopStep) out.loopStep = readStep(v.loopStep, `${at}.loopStep`, problems);
  else if (loop !== last) problems.push(`${at}.loopStep: missing; without a closing step the last state stutters, so loop must be ${last}, found ${loop}`);
  if (v.binding !== undefined) out.binding = readValues(v.binding, `${at}.binding`, problems);
  if (v.trigger !== undefined) {
    if (v.trigger > last) problems.push(`${at}.trigger: ${v.trigger}, but the last state is state ${last}`);
    out.trigger = v.trigger;
  }
}

/** Parses a counterexample file's text; throws TraceFileError listing every problem. */
export function readTraceText(text: string, path = "<counterexample>"): Trace {
  if (text.trim() === "") throw new TraceFileError(path, ["the file is empty"]);
  const deep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (deep !== null) throw new TraceFileError(path, [`the JSON nests more than ${MAX_JSON_DEPTH} levels deep at character ${deep + 1}; a counterexample file never does`]);
  let json: unknown;
  try {
    json = defuse(JSON.parse(text));
  } catch {
    throw new TraceFileError(path, [jsonProblem(text)]);
  }
  const format = formatProblem(json);
  if (format) throw new TraceFileError(path, [format]);
  const decoded = schemaProblems(json);
  if ("problems" in decoded) throw new TraceFileError(path, decoded.problems);
  const file = decoded.file;
  const problems: string[] = [];

  // Quint's MBT variables are not the spec's; they must agree with #meta (src/trace/quint.ts).
  const mbt = file.vars.includes(ACTION_TAKEN);
  const vars = file.vars.filter((v) => !MBT_VARS.includes(v));
  const dup = vars.find((v, i) => vars.indexOf(v) !== i);
  if (dup !== undefined) problems.push(`field vars: \`${dup}\` is listed twice`);

  const states: TraceState[] = file.states.map((s, i) => {
    const meta = s["#meta"];
    const at = `state ${i}`;
    if (meta.index !== i) problems.push(`${at}, field #meta.index: ${meta.index}, but states are numbered 0, 1, 2, ... in order, so it must be ${i}`);
    let step: TraceStep | null = null;
    if (i === 0) {
      if (meta.action !== undefined) problems.push(`${at}, field #meta.action: the initial state has no action, found ${describe(meta.action)}`);
    } else if (meta.action === undefined) {
      problems.push(`${at}, field #meta.action: missing (every state after the initial one records the step that led to it)`);
    } else {
      step = readStep({ ...meta, action: meta.action }, `${at}, field #meta`, problems);
      if (meta.disabled === true) {
        // Only conformance probes steps the spec does not enable; in any other trace it is a lie.
        if (file["#meta"].violation.kind !== "conformance") problems.push(`${at}, field #meta.disabled: only a conformance counterexample has steps the spec does not enable`);
        step = { ...step, disabled: true };
      }
    }
    if (i === 0 && meta.disabled !== undefined) problems.push(`${at}, field #meta.disabled: the initial state has no step`);
    if (mbt && (i === 0 || step)) mbtAgrees(s, step, at, problems);
    const values: Record<string, Readable> = {};
    for (const name of vars) {
      if (!Object.hasOwn(s, name)) {
        problems.push(`${at}: variable \`${name}\` is missing (ITF requires every state to hold every variable in "vars")`);
        continue;
      }
      const r = fromItf(s[name], `${at}, variable ${name}`);
      if ("error" in r) problems.push(r.error);
      else setOwn(values, name, r.value);
    }
    return { index: i, step, values };
  });

  const violation = readViolation(file, problems);
  if (file.loop !== undefined && file.loop >= file.states.length) {
    problems.push(`field loop: ${file.loop}, but a lasso loops back to one of its states, 0 to ${file.states.length - 1}`);
  }
  if (problems.length) throw new TraceFileError(path, problems);
  const meta = file["#meta"];
  const explorer = {
    kind: meta.explorer.kind,
    ...(meta.explorer.seed !== undefined ? { seed: meta.explorer.seed } : {}),
    ...(meta.explorer.flags !== undefined ? { flags: { ...meta.explorer.flags } } : {}),
  };
  return {
    version: meta["stakecheck-format"],
    spec: { name: meta.spec.name, path: meta.spec.path, sha256: meta.spec.sha256 },
    consts: { ...meta.consts },
    violation,
    explorer,
    vars: [...vars],
    states,
    ...(file.loop !== undefined ? { loop: file.loop } : {}),
  };
}

/** Reads and parses a counterexample file; throws TraceFileError (an InputError) on any problem. */
export function readTraceFile(path: string): Trace {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new TraceFileError(path, ["is a directory, not a counterexample file"]);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof TraceFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new TraceFileError(path, [code === "ENOENT" ? "no such file" : `cannot read (${code ?? "unknown error"})`]);
  }
  return readTraceText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path);
}

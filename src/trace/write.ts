// Writing a counterexample file. Strict: every value is checked against the spec's types by
// model.encode before it is written, and written in ITF's tagged forms (src/trace/itf.ts). The text
// is canonical (fixed key order, one variable per line, no timestamps), so the same counterexample
// always gives the same bytes and a readable diff.

import { createHash } from "node:crypto";
import type { Model } from "../model/model.js";
import { bindStep } from "./bind.js";
import { toItf, type Json } from "./itf.js";
import { choiceReadable } from "../model/layout.js";
import { typeAt } from "./diff.js";
import { ACTION_TAKEN, MBT_VARS, NONDET_PICKS, mbtState } from "./quint.js";
import { formatVersionOf, type Trace, type TraceConformance, type TraceState, type TraceStep } from "./trace.js";

export const ITF_ADR = "https://apalache-mc.org/docs/adr/015adr-trace.html";

/** JSON on one line, with a space after `:` and `,` (readable in a diff). */
export function inlineJson(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(inlineJson).join(", ")}]`;
  if (typeof v === "object" && v !== null) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${inlineJson(x)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(v);
}

/** A step's `#meta` fields; checked against the action's choices by bindStep (writing is strict). */
function stepToItf(model: Model, step: TraceStep, where: string): { [k: string]: Json } {
  const problems: string[] = [];
  const bound = bindStep(model, step, where, problems);
  if (!bound) throw new Error(`writeTrace: ${problems.join("; ")}`);
  const info = model.actions[bound.action];
  // Null-prototype records: spec names such as `__proto__` stay ordinary keys.
  const params: { [k: string]: Json } = Object.create(null);
  const picks: { [k: string]: Json } = Object.create(null);
  let caller: Json | undefined;
  info.choices.forEach((c, i) => {
    const v = toItf(c.ty, choiceReadable(c.ty, bound.args[i]));
    if (c.kind === "caller") caller = v;
    else if (c.kind === "param") params[c.name] = v;
    else picks[c.name] = v;
  });
  return {
    action: info.name,
    params,
    ...(caller !== undefined ? { caller } : {}),
    ...(Object.keys(picks).length ? { picks } : {}),
    ...(step.disabled ? { disabled: true } : {}),
  };
}

/** A conformance violation's `conformance` object: the values at `at` typed by the spec (the found
 * value leniently: an implementation's value need not fit the spec's type). */
function conformanceToItf(model: Model, trace: TraceHead, c: TraceConformance): { [k: string]: Json } {
  const out: { [k: string]: Json } = { failure: c.failure };
  if (c.at === undefined) return out;
  const ty = typeAt(model, c.at);
  if (!ty || !c.at.startsWith(trace.violation.name)) throw new Error(`writeTrace: \`${c.at}\` is not a place in variable ${trace.violation.name}`);
  out.at = c.at;
  if (c.expected !== undefined) out.expected = toItf(ty, c.expected);
  if (c.found !== undefined) out.found = toItf(ty, c.found, false);
  return out;
}

/** The trace's `#meta` object. */
function metaToJson(model: Model, trace: TraceHead, version: number): { [k: string]: Json } {
  const v = trace.violation;
  const violation: { [k: string]: Json } = { kind: v.kind, name: v.name, step: v.step };
  if (v.during) violation.during = { kind: v.during.kind, name: v.during.name };
  if (v.failedStep) violation.failedStep = stepToItf(model, v.failedStep, "the failed step");
  if (v.conformance) violation.conformance = conformanceToItf(model, trace, v.conformance);
  if (v.message !== undefined) violation.message = v.message;
  if (v.binding !== undefined) violation.binding = bindingToItf(model, trace);
  if (v.trigger !== undefined) violation.trigger = v.trigger;
  if (v.loopStep) violation.loopStep = stepToItf(model, v.loopStep, "the loop's closing step");
  const explorer: { [k: string]: Json } = { kind: trace.explorer.kind };
  if (trace.explorer.seed !== undefined) explorer.seed = trace.explorer.seed;
  if (trace.explorer.flags !== undefined && Object.keys(trace.explorer.flags).length) explorer.flags = { ...trace.explorer.flags };
  const consts: { [k: string]: Json } = Object.create(null);
  for (const k of Object.keys(trace.consts)) consts[k] = trace.consts[k];
  const where = v.step === 0 ? "in the initial state" : v.kind === "invariant" || v.kind === "conformance" ? `after step ${v.step}` : `at step ${v.step}`;
  const description =
    v.kind === "conformance"
      ? `${trace.spec.name}: an implementation diverges from the spec ${where} (${v.conformance?.at ?? v.name})`
      : v.kind === "liveness"
        ? `${trace.spec.name}: liveness ${v.name} is violated by a lasso (the last state's successor is state ${trace.loop ?? v.step})`
        : `${trace.spec.name}: ${v.kind === "well_typed" ? "well_typed" : `${v.kind} ${v.name}`} is violated ${where}`;
  return {
    format: "ITF",
    "format-description": ITF_ADR,
    source: trace.spec.path,
    description,
    "stakecheck-format": version,
    spec: { name: trace.spec.name, path: trace.spec.path, sha256: trace.spec.sha256 },
    consts,
    violation,
    explorer,
  };
}

/** A trace without its states: what a writer needs before the first state. */
export type TraceHead = Omit<Trace, "states" | "version">;

/**
 * The file text of a trace over `model`'s spec. Throws (a bug in the caller, not bad input) when
 * a value does not fit the spec: writing is strict.
 */
export function writeTrace(model: Model, trace: Trace): string {
  const chunks: string[] = [];
  writeTraceStream(model, trace, formatVersionOf(trace), trace.states, (t) => chunks.push(t));
  return chunks.join("");
}

/**
 * The same text, written piece by piece as the states come (a monitor's trace can be longer than
 * memory holds): `version` is the format the caller computed (formatVersionOf on the whole trace).
 */
export function writeTraceStream(model: Model, head: TraceHead, version: number, states: Iterable<TraceState>, write: (text: string) => void): void {
  const names = model.vars.map((v) => v.name);
  if (head.vars.length !== names.length || head.vars.some((n, i) => n !== names[i])) {
    throw new Error(`writeTrace: the trace's vars (${head.vars.join(", ")}) are not the spec's (${names.join(", ")})`);
  }
  const lines: string[] = ["{"];
  const meta = metaToJson(model, head, version);
  lines.push(`  "#meta": {`);
  const metaKeys = Object.keys(meta);
  metaKeys.forEach((k, i) => lines.push(`    ${JSON.stringify(k)}: ${inlineJson(meta[k])}${i < metaKeys.length - 1 ? "," : ""}`));
  lines.push("  },");
  lines.push(`  "vars": ${inlineJson([...names, ...MBT_VARS])},`);
  lines.push(`  "states": [`);
  write(lines.join("\n") + "\n");
  let i = 0;
  for (const s of states) {
    const encoded = model.encode(s.values);
    if ("errors" in encoded) throw new Error(`writeTrace: state ${i}: ${encoded.errors.join("; ")}`);
    // Values are written as the model decodes them, so set and map order is always canonical.
    const values = model.decode(encoded.state);
    const stateMeta: { [k: string]: Json } = { index: s.index, ...(s.step ? stepToItf(model, s.step, `state ${i}`) : {}) };
    const entries = [`      "#meta": ${inlineJson(stateMeta)}`];
    for (const v of model.vars) entries.push(`      ${JSON.stringify(v.name)}: ${inlineJson(toItf(v.ty, values[v.name]))}`);
    // Quint's MBT variables, so its test drivers read the step without our #meta.
    const mbt = mbtState(model, s.step ? bindStep(model, s.step, `state ${i}`, []) : null);
    entries.push(`      ${JSON.stringify(ACTION_TAKEN)}: ${inlineJson(mbt.action)}`, `      ${JSON.stringify(NONDET_PICKS)}: ${inlineJson(mbt.picks)}`);
    write(`${i > 0 ? ",\n" : ""}    {\n${entries.join(",\n")}\n    }`);
    i++;
  }
  if (head.loop === undefined) {
    write(`${i > 0 ? "\n" : ""}  ]\n}\n`);
  } else {
    if (!Number.isInteger(head.loop) || head.loop < 0 || head.loop >= i) throw new Error(`writeTrace: loop ${head.loop} is not a state's index`);
    write(`${i > 0 ? "\n" : ""}  ],\n  "loop": ${head.loop}\n}\n`);
  }
}

/** A liveness violation's binder values, typed by the property's binders. */
function bindingToItf(model: Model, trace: TraceHead): { [k: string]: Json } {
  const v = trace.violation;
  const l = (model.spec.liveness ?? []).find((x) => x.name === v.name);
  if (!l) throw new Error(`writeTrace: no liveness property ${v.name}`);
  const out: { [k: string]: Json } = Object.create(null);
  for (const b of l.binders) {
    if (!v.binding || !Object.hasOwn(v.binding, b.name)) throw new Error(`writeTrace: binder ${b.name} has no value`);
    out[b.name] = toItf(b.ty, v.binding[b.name]);
  }
  return out;
}

/** What identifies a counterexample: spec file, consts, property and the steps taken; not the
 * explorer (bfs and fuzz finding the same path make one file) and not the spec's text. */
export function traceIdentity(trace: Trace): string {
  const id = new TraceIdentity(trace);
  for (const s of trace.states.slice(1)) id.step(s.step);
  return id.text();
}

/** The identity text (traceIdentity), built step by step, hashed as it goes: a writer streaming a
 * long trace names it without holding it. */
export class TraceIdentity {
  private readonly hash = createHash("sha256");
  private readonly parts: string[] | null;
  private first = true;

  constructor(
    private readonly head: TraceHead,
    keepText = true,
  ) {
    const base = head.spec.path.split("/").pop() ?? head.spec.path;
    const consts = Object.keys(head.consts)
      .sort()
      .map((k) => [k, head.consts[k]]);
    const v = head.violation;
    const prefix = JSON.stringify({ spec: base, consts, property: [v.kind, v.name, v.during ? [v.during.kind, v.during.name] : null] });
    this.parts = keepText ? [] : null;
    this.put(`${prefix.slice(0, -1)},"steps":[`);
  }

  private put(text: string): void {
    this.hash.update(text, "utf8");
    this.parts?.push(text);
  }

  /** The step that led to the next state (null: none). */
  step(s: TraceStep | null): void {
    this.put(`${this.first ? "" : ","}${JSON.stringify(s ? canonicalStep(s) : null)}`);
    this.first = false;
  }

  private end(): void {
    const f = this.head.violation.failedStep;
    this.step(f ?? null);
    this.put("]");
    // A lasso: its loop and closing step, and which instance of the property it violates.
    const h = this.head;
    if (h.loop !== undefined) {
      const ls = h.violation.loopStep;
      this.put(`,"loop":${JSON.stringify(h.loop)},"loopStep":${JSON.stringify(ls ? canonicalStep(ls) : null)},"binding":${JSON.stringify(h.violation.binding ?? null)}`);
    }
    this.put("}");
  }

  text(): string {
    this.end();
    return this.parts!.join("");
  }

  /** `<spec>-<property>-<8 hex>.itf.json` (see traceFileName). */
  fileName(): string {
    this.end();
    return fileNameOf(this.head, this.hash.digest("hex"));
  }
}

function canonicalStep(s: TraceStep): unknown[] {
  const sorted = (r: Readonly<Record<string, unknown>>) =>
    Object.keys(r)
      .sort()
      .map((k) => [k, r[k]]);
  // `disabled` only when set, so the names of property counterexamples do not change.
  return [s.action, sorted(s.params), s.caller ?? null, sorted(s.picks), ...(s.disabled ? ["disabled"] : [])];
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** `<spec>-<property>-<8 hex>.itf.json`, e.g. `anchor-bft-Agreement-3f2a91c0.itf.json`; for a
 * conformance counterexample `<spec>-conformance-<variable>-<8 hex>.itf.json`. */
export function traceFileName(trace: Trace): string {
  return fileNameOf(trace, sha256Hex(traceIdentity(trace)));
}

function fileNameOf(head: TraceHead, digest: string): string {
  const base = (head.spec.path.split("/").pop() ?? "spec").replace(/\.stake$/, "");
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, "_");
  const what = head.violation.kind === "conformance" ? `conformance-${safe(head.violation.name)}` : safe(head.violation.name);
  return `${safe(base)}-${what}-${digest.slice(0, 8)}.itf.json`;
}

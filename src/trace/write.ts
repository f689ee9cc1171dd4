// Writing a counterexample file. Strict: every value is checked against the spec's types by
// model.encode before it is written, and written in ITF's tagged forms (src/trace/itf.ts). The text
// is canonical (fixed key order, one variable per line, no timestamps), so the same counterexample
// always gives the same bytes and a readable diff.

import { createHash } from "node:crypto";
import type { Model } from "../model/model.js";
import { bindStep } from "./bind.js";
import { scalarToItf, toItf, type Json } from "./itf.js";
import { typeAt } from "./diff.js";
import { formatVersionOf, type Trace, type TraceConformance, type TraceStep } from "./trace.js";

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
    const v = scalarToItf(c.ty, bound.args[i]);
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
function conformanceToItf(model: Model, trace: Trace, c: TraceConformance): { [k: string]: Json } {
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
function metaToJson(model: Model, trace: Trace): { [k: string]: Json } {
  const v = trace.violation;
  const violation: { [k: string]: Json } = { kind: v.kind, name: v.name, step: v.step };
  if (v.during) violation.during = { kind: v.during.kind, name: v.during.name };
  if (v.failedStep) violation.failedStep = stepToItf(model, v.failedStep, "the failed step");
  if (v.conformance) violation.conformance = conformanceToItf(model, trace, v.conformance);
  if (v.message !== undefined) violation.message = v.message;
  const explorer: { [k: string]: Json } = { kind: trace.explorer.kind };
  if (trace.explorer.seed !== undefined) explorer.seed = trace.explorer.seed;
  if (trace.explorer.flags !== undefined && Object.keys(trace.explorer.flags).length) explorer.flags = { ...trace.explorer.flags };
  const consts: { [k: string]: Json } = Object.create(null);
  for (const k of Object.keys(trace.consts)) consts[k] = trace.consts[k];
  const where = v.step === 0 ? "in the initial state" : v.kind === "invariant" || v.kind === "conformance" ? `after step ${v.step}` : `at step ${v.step}`;
  const description =
    v.kind === "conformance"
      ? `${trace.spec.name}: an implementation diverges from the spec ${where} (${v.conformance?.at ?? v.name})`
      : `${trace.spec.name}: ${v.kind === "well_typed" ? "well_typed" : `${v.kind} ${v.name}`} is violated ${where}`;
  return {
    format: "ITF",
    "format-description": ITF_ADR,
    source: trace.spec.path,
    description,
    "stakecheck-format": formatVersionOf(trace),
    spec: { name: trace.spec.name, path: trace.spec.path, sha256: trace.spec.sha256 },
    consts,
    violation,
    explorer,
  };
}

/**
 * The file text of a trace over `model`'s spec. Throws (a bug in the caller, not bad input) when
 * a value does not fit the spec: writing is strict.
 */
export function writeTrace(model: Model, trace: Trace): string {
  const names = model.vars.map((v) => v.name);
  if (trace.vars.length !== names.length || trace.vars.some((n, i) => n !== names[i])) {
    throw new Error(`writeTrace: the trace's vars (${trace.vars.join(", ")}) are not the spec's (${names.join(", ")})`);
  }
  const lines: string[] = ["{"];
  const meta = metaToJson(model, trace);
  lines.push(`  "#meta": {`);
  const metaKeys = Object.keys(meta);
  metaKeys.forEach((k, i) => lines.push(`    ${JSON.stringify(k)}: ${inlineJson(meta[k])}${i < metaKeys.length - 1 ? "," : ""}`));
  lines.push("  },");
  lines.push(`  "vars": ${inlineJson([...names])},`);
  lines.push(`  "states": [`);
  trace.states.forEach((s, i) => {
    const encoded = model.encode(s.values);
    if ("errors" in encoded) throw new Error(`writeTrace: state ${i}: ${encoded.errors.join("; ")}`);
    // Values are written as the model decodes them, so set and map order is always canonical.
    const values = model.decode(encoded.state);
    const stateMeta: { [k: string]: Json } = { index: s.index, ...(s.step ? stepToItf(model, s.step, `state ${i}`) : {}) };
    const entries = [`      "#meta": ${inlineJson(stateMeta)}`];
    for (const v of model.vars) entries.push(`      ${JSON.stringify(v.name)}: ${inlineJson(toItf(v.ty, values[v.name]))}`);
    lines.push("    {", entries.join(",\n"), `    }${i < trace.states.length - 1 ? "," : ""}`);
  });
  lines.push(trace.loop === undefined ? "  ]" : "  ],");
  if (trace.loop !== undefined) lines.push(`  "loop": ${trace.loop}`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/** What identifies a counterexample: spec file, consts, property and the steps taken; not the
 * explorer (bfs and fuzz finding the same path make one file) and not the spec's text. */
export function traceIdentity(trace: Trace): string {
  const base = trace.spec.path.split("/").pop() ?? trace.spec.path;
  const consts = Object.keys(trace.consts)
    .sort()
    .map((k) => [k, trace.consts[k]]);
  const v = trace.violation;
  return JSON.stringify({
    spec: base,
    consts,
    property: [v.kind, v.name, v.during ? [v.during.kind, v.during.name] : null],
    steps: [...trace.states.slice(1).map((s) => s.step), v.failedStep ?? null].map((s) => (s ? canonicalStep(s) : null)),
  });
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
  const base = (trace.spec.path.split("/").pop() ?? "spec").replace(/\.stake$/, "");
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, "_");
  const what = trace.violation.kind === "conformance" ? `conformance-${safe(trace.violation.name)}` : safe(trace.violation.name);
  return `${safe(base)}-${what}-${sha256Hex(traceIdentity(trace)).slice(0, 8)}.itf.json`;
}

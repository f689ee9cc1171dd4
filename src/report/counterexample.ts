// A counterexample as a person reads it: the initial state, then per step the action with its
// parameters and caller and only what changed, element by element (src/trace/diff.ts), then why
// the property is false.

import pc from "picocolors";
import { error } from "../lang/diagnostic.js";
import { describeFailure } from "../ir/failure.js";
import { replayPath } from "../explore/path.js";
import type { Violation } from "../explore/result.js";
import { stateValues } from "../model/eval-values.js";
import type { Model } from "../model/model.js";
import { changeText, stateChanges, stateLeaves } from "../trace/diff.js";
import { renderLasso } from "./lasso-text.js";
import { describeStep } from "./values-text.js";
import { renderDiagnostic } from "./diagnostics.js";
import { explainViolation } from "./explain.js";

export interface TraceRenderOptions {
  readonly color?: boolean;
}

export { describeStep, formatReadable } from "./values-text.js";
export { formatTyped } from "../model/format.js";

function propertyTitle(v: Violation): string {
  const p = v.property;
  if (p.kind === "invariant") return `invariant \`${p.name}\``;
  if (p.kind === "step") return `step property \`${p.name}\``;
  return "`well_typed`";
}

/** Why the property is false, as lines (a diagnostic for a well_typed failure); empty when there is
 * nothing to explain (the trace does not replay to its last state). */
export function explanationLines(model: Model, v: Violation, options: TraceRenderOptions = {}): string[] {
  const color = options.color ?? false;
  const path = replayPath(model, v.instances);
  const n = v.instances.length;
  const last = path.steps[path.steps.length - 1];
  const spec = model.spec;
  const lines: string[] = [];
  if (v.property.kind === "well_typed" && v.failure) {
    const site = spec.sites[v.failure.site];
    const msg = describeFailure(site, v.failure.detail) + (v.during ? ` (while evaluating ${v.during.kind === "invariant" ? "invariant" : "step property"} \`${v.during.name}\`)` : "");
    lines.push(...renderDiagnostic(error(spec.file, site.span, msg), { color }).split("\n"));
  } else if (v.property.kind === "invariant") {
    const prop = spec.invariants[v.property.index];
    lines.push(`  why \`${prop.name}\` is false:`);
    const finalState = last?.state ?? path.init;
    for (const l of explainViolation({ spec, state: stateValues(model.layout, finalState) }, prop)) lines.push(`    ${l}`);
  } else if (v.property.kind === "step" && last?.state) {
    const prop = spec.steps[v.property.index];
    const before = path.steps.length >= 2 ? path.steps[path.steps.length - 2].state! : path.init;
    lines.push(`  why \`${prop.name}\` is false for step ${n}:`);
    const step = { action: last.action, hasCaller: spec.actions[last.action].hasCaller, args: last.args };
    const input = { spec, state: stateValues(model.layout, last.state), old: stateValues(model.layout, before), step };
    for (const l of explainViolation(input, prop)) lines.push(`    ${l}`);
  }
  return lines;
}

export function renderCounterexample(model: Model, v: Violation, options: TraceRenderOptions = {}): string {
  if (v.lasso) return renderLasso(model, v, options);
  const color = options.color ?? false;
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const bold = color ? pc.bold : (s: string) => s;
  const path = replayPath(model, v.instances);
  const n = v.instances.length;
  const lines: string[] = [];
  const where = n === 0 ? "in the initial state" : v.property.kind === "invariant" ? `after ${n} step${n === 1 ? "" : "s"}` : `at step ${n}`;
  lines.push(bad(bold(`✗ ${propertyTitle(v)} is violated ${where}`)));
  lines.push("");
  lines.push(dim("  initial state"));
  let prev = model.decode(path.init);
  for (const [k, x] of stateLeaves(model.vars, prev)) lines.push(`    ${k} = ${x}`);
  path.steps.forEach((st, i) => {
    lines.push(`  ${dim(`step ${i + 1}`)}  ${bold(describeStep(model, st.action, st.args))}`);
    if (st.state) {
      const cur = model.decode(st.state);
      const changes = stateChanges(model.vars, prev, cur);
      for (const c of changes) lines.push(`    ${changeText(c)}`);
      if (changes.length === 0) lines.push(dim("    (no change)"));
      prev = cur;
    } else if (st.status === "failed") {
      lines.push(bad("    fails: see below"));
    } else {
      lines.push(bad("    not enabled here: the trace does not replay on this spec"));
    }
  });
  lines.push("");
  lines.push(...explanationLines(model, v, { color }));
  return lines.join("\n");
}

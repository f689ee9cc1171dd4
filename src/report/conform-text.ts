// A conformance run as a person reads it: what was replayed and generated, and for a divergence
// the steps from the initial state (what each changed in the spec), then every place where the
// implementation's state differs from the spec's, the first differing variable named.

import pc from "picocolors";
import { shellCommand } from "../util/shell.js";
import type { ConformanceFailure, ConformanceReport } from "../api/types/conform.js";
import { differences } from "../api/conform-values.js";
import type { Ty } from "../ir/types.js";
import type { Readable } from "../model/layout.js";
import { ENABLED, type Model } from "../model/model.js";
import { describeStep, formatReadable, formatTyped } from "./counterexample.js";

export interface ConformRenderOptions {
  readonly color?: boolean;
  /** The spec's path and the adapter's, for the header and the replay hints. */
  readonly spec?: string;
  readonly adapter?: string;
  /** The `--const NAME=VALUE` arguments of the run, repeated in the replay hints. */
  readonly constArgs?: readonly string[];
  /** The flags that shape the random search (`--runs`, `--steps`, `--no-disabled`, `--traces`),
   * repeated in the "rerun this search" hint. */
  readonly searchArgs?: readonly string[];
}

function show(v: Readable | undefined, ty?: Ty): string {
  return v === undefined ? "(missing)" : ty ? formatTyped(ty, v) : formatReadable(v);
}

/** `bal[0]: 3 -> 2` for every part of the state that a step changed in the spec. */
function changes(model: Model, before: Int32Array, after: Int32Array): string[] {
  const a = model.decode(before);
  const b = model.decode(after);
  return model.vars.flatMap((v) => differences(v.ty, a[v.name], b[v.name], v.name).map((d) => `${d.path}: ${show(d.expected, d.ty)} -> ${show(d.found, d.ty)}`));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function failureLines(model: Model, f: ConformanceFailure, color: boolean): string[] {
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const bold = color ? pc.bold : (s: string) => s;
  const n = f.steps.length;
  const where = n === 0 ? "in the initial state" : f.kind === "rejected" ? `at step ${n}` : `after step ${n}`;
  let title = `✗ the implementation diverges from the spec ${where}`;
  if (f.origin.kind === "random" && f.origin.originalSteps !== n) title += ` (shrunk from ${plural(f.origin.originalSteps, "step")})`;
  if (f.origin.kind === "trace") title += ` (saved counterexample ${f.origin.name})`;
  const lines = [bad(bold(title)), ""];
  let s = new Int32Array(model.width);
  model.init(s);
  f.steps.forEach((st, i) => {
    const { action, args } = model.decodeInstance(st.instance);
    lines.push(`  ${dim(`step ${i + 1}`)}  ${bold(describeStep(model, action, args))}`);
    if (!st.enabled) {
      lines.push(dim("    not enabled in the spec here: the implementation must refuse it or change nothing"));
      return;
    }
    const d = new Int32Array(model.width);
    if (model.apply(s, d, st.instance) !== ENABLED) return;
    const ch = changes(model, s, d);
    for (const c of ch) lines.push(`    ${c}`);
    if (ch.length === 0) lines.push(dim("    (no change)"));
    s = d;
  });
  if (n > 0) lines.push("");
  if (f.kind === "state" && f.expectedState && f.foundState) {
    lines.push(`  ${bad(`the first differing variable is ${bold(f.variable ?? "?")}:`)}`);
    for (const v of model.vars) {
      if (!(v.name in f.expectedState)) continue;
      for (const d of differences(v.ty, f.expectedState[v.name], f.foundState[v.name], v.name)) {
        lines.push(`    ${d.path}: spec ${show(d.expected, d.ty)}, implementation ${bad(show(d.found, d.ty))}`);
      }
    }
  } else {
    lines.push(`  ${bad(f.message)}`);
  }
  return lines;
}

export function renderConformance(model: Model, report: ConformanceReport, options: ConformRenderOptions = {}): string {
  const color = options.color ?? false;
  const good = color ? (s: string) => pc.green(pc.bold(s)) : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const consts = Object.entries(report.consts).map(([k, v]) => `${k} = ${String(v)}`).join(", ");
  const lines: string[] = [];
  const what = `${options.adapter ? `${options.adapter} against ` : ""}${options.spec ?? `spec ${report.specName}`}${consts ? ` (${consts})` : ""}`;
  lines.push(`conformance: ${what}`);
  if (report.traces.length === 0) lines.push(dim(`  saved counterexamples: none for this spec${report.dir !== undefined ? ` in ${report.dir}` : ""}`));
  for (const t of report.traces) {
    if (t.skipped) lines.push(dim(`  skipped ${t.name}: ${t.note ?? ""}`));
    else lines.push(`  replayed ${t.name}: ${plural(t.steps, "step")}, ${t.ok ? "conforms" : "diverges"}${t.note ? ` (${t.note})` : ""}`);
  }
  const r = report.random;
  if (r && report.failure) {
    lines.push(`  random walks: run ${r.ran} of ${r.runs} diverged; ${plural(r.shrinks, "shrink")} to a shorter walk (seed ${r.seed})`);
  } else if (r) {
    lines.push(`  random walks: ${plural(r.runs, "run")} of up to ${plural(r.maxSteps, "step")}, ${r.steps} steps in all (seed ${r.seed})`);
  }
  lines.push("");
  const f = report.failure;
  if (!f) {
    lines.push(good("✓ the implementation conforms to the spec"));
    return lines.join("\n");
  }
  lines.push(...failureLines(model, f, color), "");
  const saved = report.saved;
  if (saved) {
    const what = saved.status === "created" ? "saved as" : saved.status === "unchanged" ? "already saved as" : "saved (updated) as";
    lines.push(`  ${what} ${saved.path}: conform replays it first from now on; \`stakecheck replay\` checks its spec side`);
  }
  if (options.spec && options.adapter) {
    const args = [options.spec, "--impl", options.adapter, ...(options.constArgs ?? []).flatMap((c) => ["--const", c])];
    lines.push(dim(`  replay these steps: ${shellCommand("stakecheck conform", [...args, "--instances", f.instances.join(",")])}`));
    // With --path, conform runs that one search (saved counterexamples are not replayed first).
    if (f.origin.kind === "random") lines.push(dim(`  rerun this search:  ${shellCommand("stakecheck conform", [...args, ...(options.searchArgs ?? []), "--seed", String(f.origin.seed), "--path", f.origin.path])}`));
  }
  return lines.join("\n");
}

// The terminal report of `stakecheck check`: verdict per property, the TLC-style figures,
// counterexamples, coverage.

import pc from "picocolors";
import { runVerdicts, type CheckRun } from "../api/check.js";
import { verdictMark, type Verdict } from "../api/verdict.js";
import { renderCounterexample } from "./counterexample.js";
import { searchNotes } from "./search-notes.js";
import { assertNever } from "../util/assert-never.js";

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function fmtRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(0);
}

export function fmtSeconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : s < 100 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

export interface CheckTextOptions {
  readonly color?: boolean;
  /** Per-action coverage table. */
  readonly coverage?: boolean;
}

/** The figures line(s): what TLC prints, in words. */
export function statsLines(run: CheckRun): string[] {
  const s = run.result.stats;
  const lines = [
    `${fmtInt(s.distinct)} distinct states, ${fmtInt(s.generated)} generated, depth ${s.depth}, ${fmtSeconds(s.seconds)} (${fmtRate(s.statesPerSecond)} distinct states/s)`,
  ];
  if (run.result.exact) lines.push("exact mode: states stored whole, no fingerprint collisions");
  else if (!run.result.bitstate) lines.push(`fingerprint collision probability ${s.collisionProbability.toExponential(1)}`);
  return [...lines, ...searchNotes(run.result)];
}

export function renderCheck(run: CheckRun, consts: string, options: CheckTextOptions = {}): string {
  const color = options.color ?? false;
  const ok = color ? pc.green : (s: string) => s;
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const { model, result } = run;
  const spec = model.spec;
  const lines: string[] = [];
  lines.push(`${color ? pc.bold(spec.name) : spec.name}  ${dim(spec.file.path)}${consts ? `  ${dim(consts)}` : ""}`);
  const verdict = (v: Verdict, label: string) => {
    const mark = verdictMark(v);
    switch (v.kind) {
      case "violated": {
        const n = v.violation.instances.length;
        lines.push(`  ${bad(mark)} ${label}  ${bad(`violated (${n} step${n === 1 ? "" : "s"})`)}`);
        return;
      }
      case "unknown":
        lines.push(`  ${dim(mark)} ${label}  ${dim(v.why)}`);
        return;
      case "holds":
      case "not-violated":
        lines.push(`  ${ok(mark)} ${label}`);
        return;
      default:
        assertNever(v);
    }
  };
  for (const { ref, verdict: v } of runVerdicts(run)) verdict(v, ref.kind === "well_typed" ? "well_typed" : `${ref.kind} ${ref.name}`);
  for (const l of statsLines(run)) lines.push(`  ${dim(l)}`);
  if (result.limit) lines.push(`  ${color ? pc.yellow("incomplete:") : "incomplete:"} ${result.limit.message}; ${fmtInt(result.stats.queue)} states were left to explore`);
  if (options.coverage) {
    lines.push(`  ${dim("coverage (fired / guard false):")}`);
    const w = Math.max(...spec.actions.map((a) => a.name.length), 6);
    spec.actions.forEach((a, k) => lines.push(`    ${a.name.padEnd(w)}  ${fmtInt(result.coverage.fired[k]).padStart(12)}  ${fmtInt(result.coverage.disabled[k]).padStart(12)}`));
  }
  for (const v of result.violations) {
    lines.push("");
    lines.push(renderCounterexample(model, v, { color }));
  }
  return lines.join("\n");
}

// The terminal report of `stakecheck check`: verdict per property, the TLC-style figures,
// counterexamples, coverage.

import pc from "picocolors";
import { runVerdicts, type CheckRun } from "../api/check.js";
import { verdictMark, type Verdict } from "../api/verdict.js";
import type { SeenStorage } from "../explore/bfs.js";
import { renderCounterexample } from "./counterexample.js";
import { livenessNotes, livenessVerdictText } from "./liveness-text.js";
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

/** Longest line a report prints (counterexamples included), so a terminal or CI log never wraps a
 * line past reading. */
export const MAX_LINE = 160;

/** The title line, `Name  path  (A = 1, B = 2)`; when that is longer than MAX_LINE, the consts go
 * on the following lines, indented, broken after commas. */
export function headerLines(name: string, path: string, consts: string, paint: { bold: (s: string) => string; dim: (s: string) => string }): string[] {
  const one = `${name}  ${path}${consts ? `  ${consts}` : ""}`;
  if (one.length <= MAX_LINE) return [`${paint.bold(name)}  ${paint.dim(path)}${consts ? `  ${paint.dim(consts)}` : ""}`];
  const lines = [`${paint.bold(name)}  ${paint.dim(path)}`];
  let cur = "  ";
  for (const part of consts.split(/(?<=,) /)) {
    if (cur.trim() !== "" && cur.length + 1 + part.length > MAX_LINE) {
      lines.push(paint.dim(cur.trimEnd()));
      cur = "   ";
    }
    cur += (cur.trim() ? " " : "") + part;
  }
  lines.push(paint.dim(cur));
  return lines;
}

export interface CheckTextOptions {
  readonly color?: boolean;
  /** Per-action coverage table. */
  readonly coverage?: boolean;
}

/** What an exact seen-set keeps, in the docs' words (docs/performance.md, "Seen-sets"). */
const EXACT_LINE: Record<SeenStorage, string | null> = {
  bitmap: "exact: a bitmap of every possible state, no fingerprint collisions",
  keys: "exact 64-bit keys (states packed into at most 64 bits), no fingerprint collisions",
  whole: "exact mode: states stored whole, no fingerprint collisions",
  fingerprints: null,
  bitstate: null,
};

/** The figures line(s): what TLC prints, in words. */
export function statsLines(run: CheckRun): string[] {
  const s = run.result.stats;
  const lines = [
    `${fmtInt(s.distinct)} distinct states, ${fmtInt(s.generated)} generated, depth ${s.depth}, ${fmtSeconds(s.seconds)} (${fmtRate(s.statesPerSecond)} distinct states/s)`,
  ];
  const exactLine = EXACT_LINE[run.result.storage];
  if (run.result.exact && exactLine) lines.push(exactLine);
  else if (!run.result.bitstate) lines.push(`fingerprint collision probability ${s.collisionProbability.toExponential(1)}`);
  return [...lines, ...searchNotes(run.result), ...livenessNotes(run.result)];
}

export function renderCheck(run: CheckRun, consts: string, options: CheckTextOptions = {}): string {
  const color = options.color ?? false;
  const ok = color ? pc.green : (s: string) => s;
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const { model, result } = run;
  const spec = model.spec;
  const lines: string[] = [];
  lines.push(...headerLines(spec.name, spec.file.path, consts, { bold: color ? pc.bold : (t) => t, dim }));
  const verdict = (v: Verdict, label: string, k: number, liveness: boolean) => {
    const mark = verdictMark(v);
    switch (v.kind) {
      case "violated": {
        const n = v.violation.instances.length;
        lines.push(`  ${bad(mark)} ${label}  ${bad(liveness ? livenessVerdictText(run, k, v.violation) : `violated (${n} step${n === 1 ? "" : "s"})`)}`);
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
  for (const { ref, verdict: v } of runVerdicts(run)) verdict(v, ref.kind === "well_typed" ? "well_typed" : `${ref.kind} ${ref.name}`, ref.index, ref.kind === "liveness");
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

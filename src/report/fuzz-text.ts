// The terminal report of `stakecheck fuzz`: the seed, a verdict per property, the walk's figures
// (runs, steps, steps/s, time to the violation), shrinking and minimizing figures, and the
// counterexample as `check` shows it.

import pc from "picocolors";
import type { FuzzRun } from "../api/types/fuzz.js";
import { fuzzVerdict, verdictMark, type PropertyAt } from "../api/verdict.js";
import { fmtInt, fmtRate, fmtSeconds, headerLines } from "./check-text.js";
import { renderCounterexample } from "./counterexample.js";

export interface FuzzTextOptions {
  readonly color?: boolean;
  /** Per-action coverage table. */
  readonly coverage?: boolean;
}

function steps(n: number): string {
  return `${n} step${n === 1 ? "" : "s"}`;
}

/** The command line that reproduces a run: same file, consts, properties, seed and budget. */
export function reproduceCommand(run: FuzzRun): string {
  const spec = run.model.spec;
  const parts = ["stakecheck fuzz", spec.file.path];
  for (const c of spec.consts) parts.push(`--const ${c.name}=${c.value}`);
  const sel = run.selection;
  if (sel.invariants.some((x) => !x) || sel.steps.some((x) => !x) || (sel.liveness ?? []).some((x) => !x)) {
    spec.invariants.forEach((p, k) => sel.invariants[k] && parts.push(`--invariant ${p.name}`));
    spec.steps.forEach((p, k) => sel.steps[k] && parts.push(`--invariant ${p.name}`));
    (spec.liveness ?? []).forEach((p, k) => sel.liveness?.[k] && parts.push(`--invariant ${p.name}`));
  }
  const sh = run.shard;
  if (sh) parts.push(`--seed ${sh.campaignSeed}`, `--runs ${sh.campaignRuns}`, `--shard ${sh.index}/${sh.count}`, `--depth ${run.depth}`);
  else parts.push(`--seed ${run.seed}`, `--runs ${run.runs}`, `--depth ${run.depth}`);
  if (run.swarm) parts.push("--swarm");
  return parts.join(" ");
}

/** The figures: the walk, then (after a violation) shrinking and minimizing. */
export function fuzzStatsLines(run: FuzzRun): string[] {
  const w = run.walk.stats;
  const lines: string[] = [];
  const mode = run.swarm ? "swarm" : "uniform";
  let walk = `${fmtInt(w.runs)} run${w.runs === 1 ? "" : "s"} (${mode}, depth ≤ ${run.depth}), ${fmtInt(w.steps)} steps, ${fmtSeconds(w.seconds)} (${fmtRate(w.stepsPerSecond)} steps/s)`;
  if (w.deadlocks > 0) walk += `, ${fmtInt(w.deadlocks)} ended with nothing enabled`;
  lines.push(walk);
  if (run.walk.violation && w.secondsToViolation !== undefined) {
    let first = `first violation after ${fmtSeconds(w.secondsToViolation)}, in run ${fmtInt((run.walk.run ?? 0) + 1)}, at ${steps(run.walk.violation.instances.length)}`;
    if (run.walk.swarmActions) first += ` (actions on: ${run.walk.swarmActions.join(", ")})`;
    lines.push(first);
  }
  const lw = run.lassoWalk;
  if (lw) {
    lines.push(
      `liveness: ${fmtInt(lw.runs)} walk${lw.runs === 1 ? "" : "s"} looking for lassos, ${fmtInt(lw.steps)} steps, ${fmtInt(lw.lassos)} loop${lw.lassos === 1 ? "" : "s"} closed and judged, ${fmtSeconds(lw.seconds)}${lw.violation ? "; one is a fair violation (lassos are not shrunk)" : ""}`,
    );
  }
  const sh = run.shrink;
  if (sh && run.found) {
    lines.push(
      `shrunk ${run.found.instances.length} -> ${steps(sh.violation.instances.length)} in ${fmtInt(sh.shrinks)} shrink steps (fast-check: ${fmtInt(sh.fastCheckShrinks)}), ${fmtInt(sh.candidates)} candidates, ${fmtSeconds(sh.seconds)}${sh.exhausted ? " (candidate budget used up)" : ""}`,
    );
  }
  const mi = run.minimize;
  if (mi && run.violation) {
    const n = run.violation.instances.length;
    const figures = `breadth-first search, ${fmtInt(mi.states)} states, ${fmtSeconds(mi.seconds)}`;
    const among = mi.searched === "actions" ? "traces made of its actions" : "traces made of its action instances";
    if (mi.searched === "none") lines.push(`minimality not confirmed: the search for a shorter trace went over its budget (${figures})`);
    else if (mi.shorter) lines.push(`minimized to ${steps(n)}: the shortest among ${among} (${figures})`);
    else lines.push(`minimal among ${among} (${figures})`);
  }
  return lines;
}

export function renderFuzz(run: FuzzRun, consts: string, options: FuzzTextOptions = {}): string {
  const color = options.color ?? false;
  const ok = color ? pc.green : (s: string) => s;
  const bad = color ? pc.red : (s: string) => s;
  const dim = color ? pc.dim : (s: string) => s;
  const { model, selection, walk } = run;
  const spec = model.spec;
  const v = run.violation;
  const lines: string[] = [];
  lines.push(...headerLines(spec.name, spec.file.path, consts, { bold: color ? pc.bold : (t) => t, dim }));
  const sh = run.shard;
  lines.push(sh ? `  seed ${run.seed}  (shard ${sh.index}/${sh.count} of campaign seed ${sh.campaignSeed}: ${fmtInt(run.runs)} of ${fmtInt(sh.campaignRuns)} runs)` : `  seed ${run.seed}`);
  const verdict = (p: PropertyAt, label: string) => {
    const x = fuzzVerdict(run, p);
    const mark = verdictMark(x);
    if (x.kind === "violated") lines.push(`  ${bad(mark)} ${label}  ${bad(p.kind === "liveness" ? "violated (a fair lasso, see below)" : `violated (${steps(x.violation.instances.length)})`)}`);
    else if (x.kind === "unknown") lines.push(`  ${dim(mark)} ${label}  ${dim(x.why)}`);
    else lines.push(`  ${ok(mark)} ${label}  ${dim("not violated")}`);
  };
  spec.invariants.forEach((p, k) => selection.invariants[k] && verdict({ kind: "invariant", index: k }, `invariant ${p.name}`));
  spec.steps.forEach((p, k) => selection.steps[k] && verdict({ kind: "step", index: k }, `step ${p.name}`));
  (spec.liveness ?? []).forEach((p, k) => selection.liveness?.[k] && verdict({ kind: "liveness", index: k }, `liveness ${p.name}`));
  verdict({ kind: "well_typed", index: -1 }, "well_typed");
  for (const l of fuzzStatsLines(run)) lines.push(`  ${dim(l)}`);
  // The time limit is a budget the user set, like --runs: reaching it ends the walks normally.
  if (walk.limit === "time") lines.push(`  ${dim(`the time limit ended the walks after ${fmtInt(walk.stats.runs)} run${walk.stats.runs === 1 ? "" : "s"}`)}`);
  else if (walk.limit === "interrupted") lines.push(`  ${color ? pc.yellow("incomplete:") : "incomplete:"} interrupted after ${fmtInt(walk.stats.runs)} of ${fmtInt(run.runs)} runs`);
  if (!v) lines.push(`  ${dim("no violation is not a proof: `stakecheck check` explores every state")}`);
  if (options.coverage) {
    lines.push(`  ${dim("coverage (steps taken / guard false):")}`);
    const width = Math.max(...spec.actions.map((a) => a.name.length), 6);
    spec.actions.forEach((a, k) => lines.push(`    ${a.name.padEnd(width)}  ${fmtInt(walk.coverage.fired[k]).padStart(12)}  ${fmtInt(walk.coverage.disabled[k]).padStart(12)}`));
  }
  if (v) {
    lines.push("");
    lines.push(renderCounterexample(model, v, { color }));
    lines.push("");
    lines.push(dim(`reproduce: ${reproduceCommand(run)}`));
  }
  return lines.join("\n");
}

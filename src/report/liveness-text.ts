// The lines `check` prints about liveness: a violated property's failing instances, and how the
// fair-cycle search ran (graph size, time, one worker, no symmetry reduction).

import type { CheckRun } from "../api/check.js";
import type { BfsResult } from "../explore/bfs.js";
import type { Violation } from "../explore/result.js";
import { bindingText, lassoSize } from "./lasso-text.js";

function bytesText(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GiB` : bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 2 ** 10)} KiB`;
}

/** "violated for a = 0 and a = 2 (lasso: 3 steps, then a loop of 2)". */
export function livenessVerdictText(run: CheckRun, k: number, v: Violation): string {
  const l = run.model.spec.liveness![k];
  const outcome = run.result.liveness?.properties[k];
  const failing = (outcome?.failing ?? [v.lasso!.binding]).map((b) => bindingText(l, b)).filter((t) => t);
  const shown = failing.slice(0, 4).join(", ") + (failing.length > 4 ? ` and ${failing.length - 4} more` : "");
  const { prefix, loop } = lassoSize(v);
  const shape = loop === 0 ? `${prefix} step${prefix === 1 ? "" : "s"}, then stuttering` : `${prefix} step${prefix === 1 ? "" : "s"}, then a loop of ${loop}`;
  const first = failing.length > 1 ? `; the lasso below is for ${bindingText(l, v.lasso!.binding)}` : "";
  return `violated${shown ? ` for ${shown}` : ""} (lasso: ${shape}${first})`;
}

/** How the liveness search ran: the graph it kept, the time of the fair-cycle search, and why it
 * ran on one worker without symmetry reduction when that was asked for. */
export function livenessNotes(result: BfsResult): string[] {
  const lv = result.liveness;
  if (!lv) return [];
  const n = Math.max(1, result.stats.distinct);
  // Per state only where the tables' starting sizes no longer dominate.
  const perState = n >= 10_000 ? ` (${(lv.bytes / n).toFixed(0)} bytes per state)` : "";
  const lines = [`liveness: ${lv.edges.toLocaleString("en-US")} edges kept, ${bytesText(lv.bytes)}${perState}; fair-cycle search ${lv.seconds.toFixed(2)} s`];
  for (const note of lv.notes) lines.push(`liveness: ${note}`);
  return lines;
}

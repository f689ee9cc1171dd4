// What `stakecheck merge` prints: per spec, which reports were combined, the verdict of every
// property under the one verdict rule, and the shortest counterexample of each violated one (as
// the run that found it rendered it). Everything shown comes from report files, so it is untrusted:
// control characters (terminal escapes) are dropped from it.

import pc from "picocolors";
import type { MergedRun, MergedSuite } from "../api/merge.js";
import { safeText } from "../util/text.js";
import { fmtInt } from "./check-text.js";

export interface MergeTextOptions {
  readonly color?: boolean;
}

function partsLine(s: MergedSuite): string {
  const c = s.campaign;
  if (!c) return `${s.parts.length} report${s.parts.length === 1 ? "" : "s"}`;
  const shards = s.parts.map((p) => p.shard).sort((a, b) => a - b);
  return `${shards.length} of ${c.count} shards (campaign seed ${c.seed}, ${fmtInt(c.runs)} runs, depth ≤ ${c.depth}${c.swarm ? ", swarm" : ""})`;
}

function renderSuite(s: MergedSuite, color: boolean): string[] {
  const ok = color ? pc.green : (x: string) => x;
  const bad = color ? pc.red : (x: string) => x;
  const dim = color ? pc.dim : (x: string) => x;
  const consts = Object.entries(s.consts).map(([k, v]) => `${k} = ${v}`);
  const lines = [safeText(`${color ? pc.bold(s.name) : s.name}  ${dim(s.file)}${consts.length ? `  ${dim(`(${consts.join(", ")})`)}` : ""}`)];
  lines.push(`  ${dim(`merged: ${partsLine(s)}`)}`);
  for (const c of s.cases) {
    const name = safeText(c.name);
    if (c.status === "failed") {
      const by = s.foundBy.get(c.name);
      const where = by ? (by.shard ? `, shard ${by.shard}/${s.campaign?.count ?? "?"}` : `, ${by.path}`) : "";
      lines.push(`  ${bad("✗")} ${name}  ${bad(`violated (${c.steps ?? "?"} step${c.steps === 1 ? "" : "s"}${where})`)}`);
    } else if (c.status === "passed") lines.push(`  ${ok("✓")} ${name}  ${dim(safeText(c.label))}`);
    else if (c.status === "skipped") lines.push(`  ${dim("?")} ${name}  ${dim(safeText(c.message ?? c.label))}`);
    else lines.push(`  ${bad("!")} ${name}  ${bad(safeText(c.message ?? c.label))}`);
  }
  for (const c of s.cases) {
    if (c.status !== "failed" || !c.details) continue;
    lines.push("", safeText(c.details));
  }
  return lines;
}

export function renderMerge(run: MergedRun, options: MergeTextOptions = {}): string {
  const color = options.color ?? false;
  return run.suites.map((s) => renderSuite(s, color).join("\n")).join("\n\n");
}

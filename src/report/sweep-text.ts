// A parameter sweep as a table: which property holds for which constants.

import pc from "picocolors";
import { propertyVerdict, type CheckRun } from "../api/check.js";
import type { PropertyKind } from "../explore/result.js";
import { fmtInt } from "./check-text.js";

export interface SweepRow {
  readonly consts: Record<string, number | boolean>;
  /** Null when this configuration did not check (an error, reported above). */
  readonly run: CheckRun | null;
}

export function renderSweep(file: string, rows: readonly SweepRow[], options: { color?: boolean } = {}): string {
  const color = options.color ?? false;
  const ok = color ? pc.green : (s: string) => s;
  const bad = color ? pc.red : (s: string) => s;
  const first = rows.find((r) => r.run)?.run;
  const names = Object.keys(rows[0]?.consts ?? {});
  const props = first
    ? [
        ...first.model.spec.invariants.map((p, k) => ({ kind: "invariant" as PropertyKind, index: k, name: p.name })).filter((_, k) => first.selection.invariants[k]),
        ...first.model.spec.steps.map((p, k) => ({ kind: "step" as PropertyKind, index: k, name: p.name })).filter((_, k) => first.selection.steps[k]),
        ...(first.model.spec.liveness ?? []).map((p, k) => ({ kind: "liveness" as PropertyKind, index: k, name: p.name })).filter((_, k) => first.selection.liveness?.[k]),
        { kind: "well_typed" as PropertyKind, index: -1, name: "well_typed" },
      ]
    : [];
  const header = [...names, ...props.map((p) => p.name), "states"];
  const why = new Set<string>();
  const table: { text: string; paint: (s: string) => string }[][] = rows.map((r) => {
    const cells = names.map((n) => ({ text: String(r.consts[n]), paint: (s: string) => s }));
    for (const p of props) {
      if (!r.run) {
        cells.push({ text: "error", paint: bad });
        continue;
      }
      const v = propertyVerdict(r.run, p);
      if (v.kind === "violated") {
        const lasso = v.violation.lasso;
        const steps = v.violation.instances.length + (lasso && lasso.closing >= 0 ? 1 : 0);
        cells.push({ text: `✗ ${steps} steps${lasso ? " (lasso)" : ""}`, paint: bad });
      } else if (v.kind === "unknown") {
        cells.push({ text: "?", paint: (s: string) => s });
        why.add(v.why);
      } else cells.push({ text: "✓", paint: ok });
    }
    cells.push({ text: r.run ? fmtInt(r.run.result.stats.distinct) : "-", paint: (s: string) => s });
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].text.length)));
  const lines = [`${first?.model.spec.name ?? file}  ${file}  sweep over ${names.join(", ")}`];
  lines.push("  " + header.map((h, i) => h.padEnd(widths[i])).join("  "));
  for (const row of table) lines.push("  " + row.map((c, i) => c.paint(c.text.padEnd(widths[i]))).join("  "));
  for (const w of why) lines.push(`  ?: ${w}`);
  lines.push("  rerun with single --const values to see a counterexample in full");
  return lines.join("\n");
}

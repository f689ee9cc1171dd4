// The table of TLC's counts in docs/scale.md (pasted from properties/export/tlc.test.ts's output):
// every row says TLC found stakecheck's distinct states, and the stakecheck column is what `check
// --no-symmetry` finds today for the rows that take a moment (TLC itself runs only in tlc.test.ts).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { loadSpecFile } from "../../src/api/load.js";

const doc = readFileSync("docs/scale.md", "utf8");
const section = doc.slice(doc.indexOf("| spec | stakecheck distinct | TLC distinct |"));
const rows = [...section.split("\n\n")[0].matchAll(/^\| (\S+\.stake)( \(([^)]*)\))? \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \| (.*) \|$/gm)].map((m) => ({
  file: m[1],
  consts: Object.fromEntries((m[3] ?? "").split(", ").filter(Boolean).map((kv) => kv.split(" = ")).map(([k, v]) => [k, Number(v)])),
  distinct: Number(m[4].replace(/,/g, "")),
  tlc: Number(m[5].replace(/,/g, "")),
  verdicts: m[7],
}));

describe("docs/scale.md: TLC's counts", () => {
  it("has rows, and TLC's distinct states are stakecheck's in each", () => {
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.tlc, r.file).toBe(r.distinct);
  });

  it.each(rows.filter((r) => r.distinct <= 110_000).map((r) => [r.file, r] as const))("%s: stakecheck's column is measured", (_, r) => {
    const run = check(loadSpecFile(r.file, { consts: r.consts }).spec!, { continueAfterViolation: true, symmetry: false });
    expect(run.result.stats.distinct).toBe(r.distinct);
    if (r.verdicts === "all hold") expect(run.result.violations).toEqual([]);
    else expect(run.result.violations.length).toBeGreaterThan(0);
  });
});

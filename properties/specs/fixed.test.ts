// Every spec shipped in spec/ checks: all properties hold over the whole reachable space, the
// checker reports no warning, no action is vacuous, and the space has exactly the pinned size (a
// change to a spec's meaning shows up here first).

import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/compile/compile.js";
import { bfs } from "../../src/explore/bfs.js";
import { renderDiagnostics } from "../../src/report/diagnostics.js";
import { coverageWarnings } from "../../src/report/coverage.js";
import { loadShipped, stakeFiles } from "./load.js";

const FIXED: { file: string; distinct: number; depth: number }[] = [
  { file: "spec/anchor-bft.stake", distinct: 108, depth: 5 },
  { file: "spec/anchor-pool.stake", distinct: 98_700, depth: 22 },
  { file: "spec/ffg.stake", distinct: 63_696, depth: 18 },
  { file: "spec/lst.stake", distinct: 101_425, depth: 8 },
  // The README's flagship: other engineers depend on this exact space.
  { file: "spec/pool.stake", distinct: 98_700, depth: 22 },
  { file: "spec/restaking.stake", distinct: 40_695, depth: 14 },
  { file: "spec/share-pool.stake", distinct: 289_101, depth: 25 },
  { file: "spec/unbonding-queue.stake", distinct: 34, depth: 7 },
  { file: "spec/unbonding-slash.stake", distinct: 50_127, depth: 12 },
  { file: "spec/vault.stake", distinct: 2_834, depth: 13 },
];

describe("the spec library", () => {
  it("pins every spec in spec/ (a new spec needs a row here)", () => {
    expect(FIXED.map((s) => s.file).sort()).toEqual(stakeFiles("spec"));
  });

  it.each(FIXED)("$file: all properties hold over $distinct states, no warnings, nothing vacuous", ({ file, distinct, depth }) => {
    const { spec, diagnostics } = loadShipped(file);
    expect(renderDiagnostics(diagnostics)).toBe("");
    const r = bfs(compileModel(spec));
    expect(r.violations.map((v) => v.property.name)).toEqual([]);
    expect(r.limit).toBeUndefined();
    expect({ distinct: r.stats.distinct, depth: r.stats.depth }).toEqual({ distinct, depth });
    expect(renderDiagnostics(coverageWarnings(spec, r.coverage, r.stats.distinct))).toBe("");
  });
});

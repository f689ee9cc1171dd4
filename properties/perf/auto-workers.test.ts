// `--workers auto` starts as many workers as the probe found free cores: never more workers than a
// loaded machine can run at once (src/explore/machine-load.ts).

import { describe, expect, it } from "vitest";
import { measureOthers, workersFor } from "../../src/explore/machine-load.js";
import { searchNotes } from "../../src/report/search-notes.js";
import { bfs } from "../../src/explore/bfs.js";
import { modelFromFile } from "../support/load.js";

describe("--workers auto", () => {
  it("starts a worker per free core, at least one", () => {
    expect(workersFor(2, null)).toBe(2); // unknown load: every core
    expect(workersFor(2, 0)).toBe(2);
    expect(workersFor(2, 0.4)).toBe(2);
    expect(workersFor(2, 0.6)).toBe(1);
    expect(workersFor(2, 1.7)).toBe(1);
    expect(workersFor(2, 11)).toBe(1);
    expect(workersFor(8, 2.2)).toBe(6);
  });

  it("measures others' cores around a piece of work (null when too short to tell)", () => {
    const quick = measureOthers(() => 42);
    expect(quick.value).toBe(42);
    expect(quick.othersCores).toBeNull();
    const spin = measureOthers(() => {
      const t0 = performance.now();
      let x = 0;
      while (performance.now() - t0 < 120) x++;
      return x;
    });
    if (spin.othersCores !== null) expect(spin.othersCores).toBeGreaterThanOrEqual(0);
  });

  it("says why it kept to fewer workers than cores", () => {
    const r = bfs(modelFromFile("spec/anchor-bft.stake", { N: 4, F: 1 }));
    expect(searchNotes({ ...r, auto: { cores: 2, othersCores: 1.7 } })).toContain("1 worker (--workers auto: other processes kept 1.7 of 2 cores busy while the search started)");
    expect(searchNotes({ ...r, workers: 2, auto: { cores: 2, othersCores: 0.1 } }).some((l) => l.includes("--workers auto"))).toBe(false);
  });
});

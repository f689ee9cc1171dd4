// `fuzz --time` means time: without --runs the walks go on until the time is up (issue 19: they
// stopped silently after the default 10,000 runs). Reaching the time limit is a normal end.

import { describe, expect, it } from "vitest";
import { fuzzModel } from "../../src/api/fuzz.js";
import { selectAll } from "../../src/explore/result.js";
import { runCli } from "../support/cli.js";
import { modelFromFile } from "../support/load.js";

describe("fuzz --time", () => {
  it("without --runs: the time limit ends the walks, not a run count; exit 0, not incomplete", async () => {
    const r = await runCli(["fuzz", "spec/pool.stake", "--time", "300ms", "--seed", "1", "--reporter", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/the time limit ended the walks after [\d,]+ runs/);
    expect(r.stderr).not.toContain("incomplete");
    const doc = JSON.parse(r.stdout);
    expect(doc.suites[0].cases.every((c: { status: string }) => c.status === "passed")).toBe(true);
  });

  it("unlimited runs are recorded as the runs done, so the seed and that count reproduce the walks", () => {
    const model = modelFromFile("spec/pool.stake");
    const run = fuzzModel(model, selectAll(model), { seed: 5, runs: Infinity, timeMs: 200 });
    expect(run.walk.limit).toBe("time");
    expect(run.runs).toBe(run.walk.stats.runs);
    const again = fuzzModel(model, selectAll(model), { seed: 5, runs: run.runs });
    expect(again.walk.stats.steps).toBe(run.walk.stats.steps);
  });
});

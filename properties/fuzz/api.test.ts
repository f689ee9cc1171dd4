// The public API and the command: reproducible runs (the same seed gives the same result, shrunk
// counterexample included), the vitest-friendly helpers, exit codes and output.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertNoViolation, fuzz, fuzzSpecFile, type FuzzRun } from "../../src/api/fuzz.js";
import { main } from "../../src/cli/main.js";
import { renderCounterexample } from "../../src/report/counterexample.js";
import { modelFromFile } from "../support/load.js";

const SPECS = "properties/fuzz/specs";

/** Everything in a run but the timings. */
function untimed(run: FuzzRun) {
  const { seconds: _a, stepsPerSecond: _b, secondsToViolation: _c, ...walkStats } = run.walk.stats;
  return {
    seed: run.seed,
    walk: { ...run.walk, stats: walkStats },
    violation: run.violation,
    found: run.found,
    shrink: run.shrink && { ...run.shrink, seconds: 0 },
    minimize: run.minimize && { ...run.minimize, seconds: 0 },
  };
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main([...args, "--no-color"]);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe("fuzz is reproducible", () => {
  it.each([false, true])("the same seed gives the same result, bit for bit (swarm: %s)", (swarm) => {
    const model = modelFromFile(`${SPECS}/slash-round-up.stake`);
    for (const seed of [1, 99, 123456789]) {
      const a = untimed(fuzz(model, { seed, runs: 500, swarm }));
      const b = untimed(fuzz(modelFromFile(`${SPECS}/slash-round-up.stake`), { seed, runs: 500, swarm }));
      expect(a.violation).toBeDefined();
      expect(b).toEqual(a);
    }
  });

  it("different seeds explore differently", () => {
    const model = modelFromFile(`${SPECS}/slash-round-up.stake`);
    const found = [1, 2, 3, 4].map((seed) => JSON.stringify(fuzz(model, { seed, runs: 500, shrink: false }).found!.instances));
    expect(new Set(found).size).toBeGreaterThan(1);
  });

  it("a time budget does not change what is found", () => {
    const model = modelFromFile(`${SPECS}/slash-round-up.stake`);
    expect(untimed(fuzz(model, { seed: 8, runs: 500, timeMs: 60_000 })).violation).toEqual(untimed(fuzz(model, { seed: 8, runs: 500 })).violation);
  });
});

describe("helpers for test suites", () => {
  it("fuzzSpecFile + assertNoViolation throw the rendered counterexample", () => {
    const run = fuzzSpecFile(`${SPECS}/withdraw-no-owner.stake`, { seed: 3, runs: 500 });
    expect(run.violation).toBeDefined();
    const rendered = renderCounterexample(run.model, run.violation!, { color: false });
    expect(() => assertNoViolation(run)).toThrowError(rendered);
    expect(() => assertNoViolation(run)).toThrowError(/reproduce: stakecheck fuzz properties\/fuzz\/specs\/withdraw-no-owner.stake --const N=3 --const START=3 --seed 3 --runs 500 --depth 100$/);
  });

  it("pass when nothing is found, and honour --const and --invariant", () => {
    const run = fuzzSpecFile("spec/anchor-bft.stake", { seed: 1, runs: 300, consts: { F: 1 } });
    expect(run.violation).toBeUndefined();
    expect(() => assertNoViolation(run)).not.toThrow();
    const only = fuzzSpecFile("spec/anchor-bft.stake", { seed: 1, runs: 300, consts: { F: 2 }, only: ["AccountableSafety"] });
    expect(only.violation).toBeUndefined();
    expect(fuzzSpecFile("spec/anchor-bft.stake", { seed: 1, runs: 300, consts: { F: 2 } }).violation?.property.name).toBe("Agreement");
  });

  it("report spec errors and unknown properties as errors", () => {
    expect(() => fuzzSpecFile("spec/anchor-bft.stake", { only: ["Agrement"] })).toThrowError("did you mean `Agreement`?");
    expect(() => fuzzSpecFile("spec/anchor-bft.stake", { consts: { NOPE: 1 } })).toThrowError(/NOPE/);
  });
});

describe("stakecheck fuzz", () => {
  it("exit 1 with the seed, the figures and the counterexample; the same output for the same seed", async () => {
    const args = ["fuzz", `${SPECS}/withdraw-no-owner.stake`, "--seed", "3", "--runs", "500"];
    const a = await cli(args);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain("seed 3");
    expect(a.stdout).toContain("✗ step no_unauthorized_withdrawal  violated (3 steps)");
    expect(a.stdout).toMatch(/run.*steps\/s/);
    expect(a.stdout).toMatch(/shrunk \d+ -> 3 steps in \d+ shrink steps \(fast-check: \d+\), \d+ candidates/);
    expect(a.stdout).toContain("✗ step property `no_unauthorized_withdrawal` is violated at step 3");
    expect(a.stdout).toContain("reproduce: stakecheck fuzz");
    const b = await cli(args);
    const untimedText = (s: string) => s.replace(/\d+(\.\d+)? (M |k )?(s|steps\/s)\b/g, "T");
    expect(untimedText(b.stdout)).toBe(untimedText(a.stdout));
  });

  it("exit 0 when nothing is found", async () => {
    const r = await cli(["fuzz", "spec/anchor-bft.stake", "--seed", "1", "--runs", "100", "--swarm"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ invariant Agreement  not violated");
    expect(r.stdout).toContain("100 runs (swarm, depth ≤ 100)");
    expect(r.stderr).toBe("");
  });

  it("warns about actions that never fired", async () => {
    const r = await cli(["fuzz", "spec/anchor-bft.stake", "--const", "F=0", "--seed", "1", "--runs", "100", "--coverage"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ByzVote +0 +\d/);
    expect(r.stderr).toContain("warning: action `ByzVote` never fired");
  });

  it("--save writes the counterexample, which replay says still violates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stakecheck-fuzz-"));
    try {
      const r = await cli(["fuzz", `${SPECS}/slash-round-up.stake`, "--seed", "4", "--swarm", "--save", dir]);
      expect(r.code).toBe(1);
      const files = readdirSync(dir);
      expect(files).toEqual([expect.stringMatching(/^slash-round-up-well_typed-[0-9a-f]+\.itf\.json$/)]);
      expect(r.stderr).toContain(`saved: ${join(dir, files[0])}`);
      const replay = await cli(["replay", dir]);
      expect(replay.stdout).toContain("still violates well_typed at step 8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exit 2 on usage errors", async () => {
    for (const args of [
      ["fuzz", "spec/anchor-bft.stake", "--runs", "many"],
      ["fuzz", "spec/anchor-bft.stake", "--seed", "-1"],
      ["fuzz", "spec/anchor-bft.stake", "--time", "soon"],
      ["fuzz", "spec/anchor-bft.stake", "--const", "F=0..2"],
      ["fuzz", "spec/anchor-bft.stake", "--invariant", "Nope"],
      ["fuzz", "no/such/file.stake"],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^stakecheck: |error/);
    }
  });
});

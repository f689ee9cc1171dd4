// The verdict rule through the surfaces a user touches without the API: the vitest helpers
// (checkSpecInVitest's tests) and the CLI's exit codes. See verdict.test.ts for the rule itself.

import { describe, expect, it } from "vitest";
import { specTests } from "../../src/vitest.js";
import { runCli } from "../support/cli.js";

const POOL = "spec/pool.stake";
const THEFT = "spec/buggy/pool-no-owner-check.stake";
const DOUBLE = "spec/buggy/unbonding-slash-redelegation-double-count.stake";

const stops = [
  { name: "a violation, without --continue", file: THEFT, options: {}, reason: "violation" },
  { name: "--max-states", file: POOL, options: { maxStates: 10 }, reason: "max-states" },
  { name: "--max-depth", file: POOL, options: { maxDepth: 3 }, reason: "max-depth" },
  { name: "the memory ceiling", file: POOL, options: { memoryBytes: 64 * 1024 }, reason: "memory" },
  { name: "bitstate coverage below 100 %", file: POOL, options: { bitstate: 8 * 1024 * 8 }, reason: "bitstate" },
];

/** Whether a helper's test passes when vitest runs it (it throws to fail). */
function passes(t: { run: () => void }): boolean {
  try {
    t.run();
    return true;
  } catch {
    return false;
  }
}

describe("the vitest helpers pass only what was checked to the end", () => {
  it.each(stops)("$name: the vitest helper's tests fail for what was not checked", ({ file, options, reason }) => {
    // The helper goes on past violations by default (one verdict per test); ask it not to here.
    const { tests } = specTests(file, { ...options, continueAfterViolation: false });
    const outcomes = tests.map((t) => {
      try {
        t.run();
        return "passed";
      } catch (e) {
        return String((e as Error).message).startsWith("not proved") ? "not proved" : "failed";
      }
    });
    expect(outcomes).not.toContain("passed");
    expect(outcomes).toContain("not proved");
    if (reason === "violation") expect(outcomes).toContain("failed");
  });

  it("checkSpecInVitest: every violated property of a spec fails (it goes on past the first violation)", () => {
    const { tests } = specTests(DOUBLE);
    const failed = tests.filter((t) => !passes(t));
    expect(failed.map((t) => t.name)).toEqual(["invariant redelegations_backed", "invariant no_slash_evasion", "invariant no_over_slash"]);
  });

  it("checkSpecInVitest with maxStates: 10 passes none of the no-owner-check pool's four properties", () => {
    const { tests } = specTests(THEFT, { maxStates: 10 });
    const passed = tests.filter(passes);
    expect(tests.length).toBe(4);
    expect(passed).toEqual([]);
  });
});

describe("exit codes: 1 violated, else 3 unknown, else 0", () => {
  it.each([
    [["--max-states", "1000"], 3],
    [["--max-depth", "3"], 3],
    [["--bitstate", "1K"], 3],
    [["--memory", "64K"], 3],
    [[], 0],
  ])("check spec/pool.stake %j exits %i", async (flags, code) => {
    const r = await runCli(["check", POOL, ...(flags as string[])]);
    expect(r.code).toBe(code);
    if (code !== 0) expect(r.stdout).not.toContain("✓");
  });

  it("--bitstate 1 and --bitstate 0 are refused (a bit array that cannot hold a search), exit 2", async () => {
    for (const size of ["0", "1"]) {
      const r = await runCli(["check", "spec/buggy/ffg-duplicate-votes.stake", "--bitstate", size]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`stakecheck: --bitstate ${size}: expected a size of at least 1K (the bit array's bytes, e.g. 256M)`);
    }
  });

  it("a large enough bit array proves what an exact search proves (coverage 100 %, exit 0)", async () => {
    const r = await runCli(["check", POOL, "--bitstate", "64M"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ invariant conservation");
    expect(r.stdout).toContain("estimated coverage 100.0000%");
  });
});

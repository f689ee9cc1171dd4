// Liveness on every surface: `check`'s exit codes and notes (a bounded search proves no liveness
// property: exit 3), the sweep table, the JSON, JUnit and GitHub reporters, vacuity warnings, fuzz
// (a lasso found on walks, or "not proved"), and the vitest helpers.

import { describe, expect, it } from "vitest";
import { specTests, StakecheckFailure } from "../../src/vitest.js";
import { runCli } from "../support/cli.js";

const FIXED = "spec/unbonding-queue.stake";
const LIFO = "spec/buggy/unbonding-queue-lifo.stake";

describe("stakecheck check with liveness properties", () => {
  it("holds: exit 0; violated: exit 1", async () => {
    expect((await runCli(["check", FIXED])).code).toBe(0);
    expect((await runCli(["check", LIFO])).code).toBe(1);
  });

  it("a bounded search proves no liveness property: '?', exit 3, nor any invariant", async () => {
    const r = await runCli(["check", FIXED, "--max-depth", "3"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("  ? invariant conservation  not violated in the part explored (stopped at --max-depth 3)\n");
    expect(r.stdout).toContain("  ? liveness finalized  no lasso in the part explored; not proved (stopped at --max-depth 3)\n");
  });

  it("a lasso inside the explored part is a violation even in a bounded search", async () => {
    const r = await runCli(["check", LIFO, "--max-depth", "6"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ liveness finalized  violated for a = 0");
  });

  it("one worker and no symmetry reduction for liveness, said in the output", async () => {
    const r = await runCli(["check", "properties/liveness/specs/symmetric-queue.stake", "--workers", "2"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  liveness: --workers 2 ignored: liveness is checked on one worker\n");
    expect(r.stdout).toContain("  liveness: symmetry reduction off: liveness is checked on the unreduced graph\n");
    expect(r.stdout).toContain("8 distinct states");
    // Selecting the invariants alone keeps symmetry reduction.
    const safety = await runCli(["check", "properties/liveness/specs/symmetric-queue.stake", "--invariant", "bounded"]);
    expect(safety.stdout).toContain("4 canonical states stand for 8 states");
  });

  it("warns about a vacuous leads-to and a fair action never enabled", async () => {
    const r = await runCli(["check", "properties/liveness/specs/vacuous.stake"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: liveness `never_two` holds vacuously: `pending[0] == 2` is false in all 4 reachable states");
    expect(r.stderr).toContain("warning: fair action `pay` is never enabled for pay(a = 1) in the 4 states explored");
  });

  it("a sweep shows liveness columns", async () => {
    const r = await runCli(["check", LIFO, "--const", "N=1,2"]);
    expect(r.stdout).toContain("  N  conservation  queue_matches_requests  finalized          claimed  well_typed  states\n");
    expect(r.stdout).toContain("  2  ✓             ✓                       ✗ 6 steps (lasso)  ✓        ✓           100   \n");
  });

  it("JSON, JUnit and GitHub reporters carry the liveness verdict, the lasso and its loop", async () => {
    const r = await runCli(["check", LIFO, "--reporter", "json"]);
    const doc = JSON.parse(r.stdout);
    const c = doc.suites[0].cases.find((x: { name: string }) => x.name === "liveness finalized");
    expect(c).toMatchObject({ status: "failed", label: "violated", property: { kind: "liveness", name: "finalized" }, steps: 6 });
    expect(c.message).toBe("liveness finalized is violated for a = 0 by a lasso of 6 steps (a loop from state 2)");
    expect(c.trace.loop).toBe(2);
    expect(doc.suites[0].cases.find((x: { name: string }) => x.name === "liveness claimed")).toMatchObject({ status: "passed", label: "holds" });
    const junit = await runCli(["check", LIFO, "--reporter", "junit"]);
    expect(junit.stdout).toMatch(/<testcase name="liveness finalized"[^>]*>\s*<failure message="liveness finalized is violated for a = 0 by a lasso of 6 steps/);
    const gh = await runCli(["check", LIFO, "--reporter", "github"]);
    expect(gh.stdout).toMatch(/^::error file=spec\/buggy\/unbonding-queue-lifo\.stake,line=\d+,endLine=\d+,col=1,endColumn=\d+,title=stakecheck check%3A liveness finalized violated::/m);
  });

  it("JSON: a bounded run reports the liveness property as skipped, not proved", async () => {
    const r = await runCli(["check", FIXED, "--max-depth", "3", "--reporter", "json"]);
    const c = JSON.parse(r.stdout).suites[0].cases.find((x: { name: string }) => x.name === "liveness claimed");
    expect(c).toMatchObject({ status: "skipped", label: "not proved" });
  });
});

describe("stakecheck fuzz with liveness properties", () => {
  it("finds the starvation lasso on walks, exit 1", async () => {
    const r = await runCli(["fuzz", LIFO, "--seed", "1", "--runs", "200"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  ✗ liveness finalized  violated (a fair lasso, see below)\n");
    expect(r.stdout).toContain("✗ liveness `finalized` is violated for a = 0");
  });

  it("says plainly that what it did not find is not proved", async () => {
    const r = await runCli(["fuzz", FIXED, "--seed", "1", "--runs", "50", "--reporter", "json"]);
    // Not proved is not a pass: exit 3, as for any "?" (src/api/verdict.ts).
    expect(r.code).toBe(3);
    const c = JSON.parse(r.stdout).suites[0].cases.find((x: { name: string }) => x.name === "liveness finalized");
    expect(c).toMatchObject({ status: "skipped", label: "not proved", stopped: "not-decided" });
    expect(c.message).toContain("`stakecheck check` proves liveness");
  });
});

describe("vitest helpers", () => {
  it("one test per liveness property; a violated one fails with the lasso", () => {
    const { tests } = specTests(LIFO);
    expect(tests.map((t) => t.name)).toEqual(["invariant conservation", "invariant queue_matches_requests", "liveness finalized", "liveness claimed", "well_typed"]);
    expect(() => tests[2].run()).toThrow(StakecheckFailure);
    expect(() => tests[2].run()).toThrow(/liveness `finalized` is violated for a = 0[\s\S]*↻ the loop starts here/);
    expect(() => tests[3].run()).not.toThrow();
  });

  it("a bounded search fails a liveness test as not proved", () => {
    const { tests } = specTests(FIXED, { maxDepth: 3 });
    expect(() => tests[2].run()).toThrow(/not proved: no lasso in the part explored/);
  });
});

describe("limits", () => {
  it("a fair-cycle search that does not fit under the memory ceiling is not run: not proved, said why", async () => {
    const { fairCycleSkip } = await import("../../src/explore/liveness/search.js");
    const { check, propertyVerdict } = await import("../../src/api/check.js");
    const { specFromFile } = await import("../support/load.js");
    const MiB = 2 ** 20;
    // Over the ceiling on the tables, or on the resident set with the headroom kept free.
    const why = /^not searched: the fair-cycle search needs 3 MiB more than the memory ceiling allows \(use --memory to raise it\)$/;
    expect(fairCycleSkip(3 * MiB, 98 * MiB, 100 * MiB, 10 * MiB)).toMatch(why);
    expect(fairCycleSkip(3 * MiB, 10 * MiB, 100 * MiB, 94 * MiB)).toMatch(why);
    expect(fairCycleSkip(3 * MiB, 10 * MiB, 100 * MiB, 85 * MiB)).toBeUndefined();
    const whole = check(specFromFile("spec/unbonding-slash.stake"));
    expect(whole.result.liveness?.properties[0]?.skipped).toBeUndefined();
    expect(propertyVerdict(whole, { kind: "liveness", index: 0 })).toEqual({ kind: "holds" });
  });
});

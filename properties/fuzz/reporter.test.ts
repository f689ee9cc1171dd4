// fuzz speaks the same CI reporters as check and replay.

import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("stakecheck fuzz --reporter", () => {
  it("junit: one testcase per property, the violated one failing with its counterexample", async () => {
    const r = await runCli(["fuzz", "properties/golden/counterexamples/pool-theft.stake", "--seed", "7", "--reporter", "junit"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<testsuites name="stakecheck fuzz" tests="4" failures="1" errors="0" skipped="3"/);
    // Fuzzing stops at the first violation: the other properties are not passes.
    expect(r.stdout).toMatch(/<testcase name="well_typed"[^>]*>\s*<skipped message="not checked beyond the first violation/);
    expect(r.stdout).toContain('<property name="seed" value="7"/>');
    expect(r.stdout).toMatch(/<testcase name="step no_unauthorized_withdrawal"[^>]*>\s*<failure message="step no_unauthorized_withdrawal is violated at step 3"/);
    expect(r.stderr).toContain("stakecheck fuzz: FAILED · 1 spec, 4 properties");
  });

  it("github: an annotation on the property's line; the summary says what was not violated", async () => {
    const r = await runCli(["fuzz", "spec/pool.stake", "--seed", "7", "--runs", "50", "--reporter", "github"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("::error");
    expect(r.stdout).toMatch(/stakecheck fuzz: OK · 1 spec, 4 properties: 4 not violated in 50 runs/);
  });
});

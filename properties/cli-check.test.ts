// `stakecheck check` as a user runs it: exit codes, property selection, limits, sweeps.

import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

describe("stakecheck check", () => {
  it("exits 0 and lists every property when all hold", async () => {
    const r = await runCli(["check", "spec/pool.stake"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ invariant conservation");
    expect(r.stdout).toContain("✓ step no_unauthorized_withdrawal");
    expect(r.stdout).toContain("✓ well_typed");
    expect(r.stdout).toMatch(/98,700 distinct states, 709,801 generated, depth 22/);
  });

  it("exits 1 with the counterexample on a violation", async () => {
    const r = await runCli(["check", "properties/golden/counterexamples/pool-theft.stake"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ step no_unauthorized_withdrawal  violated (3 steps)");
    expect(r.stdout).toContain("step 3  withdraw(a = 0) by caller = 1");
  });

  it("checks only the properties named with --invariant", async () => {
    const r = await runCli(["check", "properties/golden/counterexamples/pool-theft.stake", "--invariant", "conservation"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ invariant conservation");
    expect(r.stdout).not.toContain("no_unauthorized_withdrawal");
  });

  it("rejects an unknown property name with a suggestion, exit 2", async () => {
    const r = await runCli(["check", "spec/pool.stake", "--invariant", "conservaton"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("stakecheck: no property `conservaton` in spec `StakingPool`; did you mean `conservation`?");
  });

  it("reports every failing property with --continue", async () => {
    const r = await runCli(["check", "properties/golden/counterexamples/conservation.stake", "--continue"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ invariant conservation  violated (2 steps)");
    expect(r.stdout).toContain("✗ invariant solvent  violated (4 steps)");
  });

  it("stops cleanly at --max-states and --max-depth with partial results", async () => {
    // A bounded search proves nothing beyond its bound: unknown, exit 3 (never ✓).
    const s = await runCli(["check", "spec/pool.stake", "--max-states", "1000"]);
    expect(s.code).toBe(3);
    expect(s.stdout).toContain("? invariant conservation  not violated in the part explored (stopped at --max-states 1000)");
    expect(s.stdout).not.toContain("✓");
    expect(s.stdout).toMatch(/incomplete: stopped at --max-states 1000; [\d,]+ states were left to explore/);
    const d = await runCli(["check", "spec/pool.stake", "--max-depth", "3"]);
    expect(d.code).toBe(3);
    expect(d.stdout).not.toContain("✓");
    expect(d.stdout).toMatch(/depth 3, .*\n.*\n  incomplete: stopped at --max-depth 3/);
  });

  it("stops at the memory ceiling with exit 3 and says how to raise it", async () => {
    const r = await runCli(["check", "spec/anchor-pool.stake", "--const", "N=4", "--memory", "2M"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("incomplete: stopped at the memory ceiling of 2 MiB (use --memory to raise it)");
    expect(r.stdout).toContain("? invariant Conservation  not violated in the part explored");
  });

  it("prints a sweep table for ranges of consts", async () => {
    const r = await runCli(["check", "spec/anchor-bft.stake", "--const", "N=4", "--const", "F=0..2"]);
    expect(r.code).toBe(1);
    const rows = r.stdout.split("\n").filter((l) => /^\s+4\s+\d/.test(l));
    expect(rows.map((l) => l.trim().split(/\s{2,}/).slice(0, 4))).toEqual([
      ["4", "0", "✓", "✓"],
      ["4", "1", "✓", "✓"],
      ["4", "2", "✗ 6 steps", "?"],
    ]);
  });

  it("turns bad input into one line and exit 2", async () => {
    for (const args of [["check", "no/such.stake"], ["check", "spec"], ["check", "spec/pool.stake", "--bogus"], ["check", "spec/pool.stake", "--const", "N"]]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")[0]).toMatch(/^stakecheck: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("does not claim properties it never checked to the end: after the first violation they are '?'", async () => {
    const r = await runCli(["check", "spec/anchor-bft.stake", "--const", "F=2"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ invariant Agreement  violated (6 steps)");
    expect(r.stdout).toContain("? invariant AccountableSafety  not checked beyond the first violation (use --continue)");
    expect(r.stdout).toContain("? well_typed  not checked beyond the first violation (use --continue)");
    const c = await runCli(["check", "spec/anchor-bft.stake", "--const", "F=2", "--continue"]);
    expect(c.stdout).toContain("✓ invariant AccountableSafety");
    const s = await runCli(["check", "spec/anchor-bft.stake", "--const", "F=1..2", "--continue"]);
    expect(s.stdout).not.toContain("?");
  });

  it("prints no vacuity warnings for a search that stopped at a violation", async () => {
    const r = await runCli(["check", "spec/buggy/share-pool-rounding.stake"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("never fired");
  });

  it("warns when an action never fires (vacuity)", async () => {
    const r = await runCli(["check", "spec/anchor-bft.stake", "--const", "N=4", "--const", "F=0"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: action `ByzVote` never fired in the 81 states explored");
    expect(r.stderr).toContain("warning: this `require` never held");
  });
});

// `stakecheck export`: what it writes and prints, and every way it refuses (one line, exit 2).

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { tlaSyntaxErrors } from "../support/tla-parser.js";

const dir = mkdtempSync(join(tmpdir(), "stakecheck-export-"));

function spec(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("stakecheck export", () => {
  it("writes NAME.tla and NAME.cfg, says where and how to run them", async () => {
    const out = join(dir, "pool");
    const r = await runCli(["export", "--tla", "spec/pool.stake", "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    const tla = readFileSync(join(out, "StakingPool.tla"), "utf8");
    expect(r.stdout).toBe(
      `wrote ${join(out, "StakingPool.tla")} (${tla.split("\n").length - 1} lines) and ${join(out, "StakingPool.cfg")} from spec/pool.stake (N = 3, START = 3, MAX_REWARDS = 2)\n` +
        "  run: java -cp tla2tools.jar tlc2.TLC -workers auto -deadlock -config StakingPool.cfg StakingPool.tla\n",
    );
    expect(await tlaSyntaxErrors(tla)).toEqual([]);
    expect(readFileSync(join(out, "StakingPool.cfg"), "utf8")).toContain("SPECIFICATION Spec\nINVARIANT TypeOK\nINVARIANT WellTyped\nINVARIANT conservation\n");
  });

  it("--const changes the configuration the module is specialised to", async () => {
    const out = join(dir, "pool4");
    const r = await runCli(["export", "--tla", "spec/anchor-pool.stake", "-o", out, "--const", "N=4"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, "AnchorPool.cfg"), "utf8")).toContain("CONSTANTS\n  N = 4\n  B = 3\n  R = 2\n");
    expect(readFileSync(join(out, "AnchorPool.tla"), "utf8")).toContain("Account == 0 .. 3\n");
  });

  it("says how many names it renamed", async () => {
    const r = await runCli(["export", "--tla", "properties/export/fixtures/untrusted-names.stake", "-o", join(dir, "names")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("  18 names renamed for TLA+ (listed in a comment at the top of the module)\n");
  });

  it.each([
    [["export", "spec/pool.stake", "-o", dir], "stakecheck: export writes TLA+ only for now: give --tla"],
    [["export", "--tla", "spec/pool.stake"], "stakecheck: export needs a directory to write to: -o DIR"],
    [["export", "--tla", "spec/pool.stake", "-o", dir, "--const", "N=2..3"], "stakecheck: export writes one configuration: give each --const a single value"],
    [["export", "--tla", "spec/nope.stake", "-o", dir], "stakecheck: spec/nope.stake: no such file"],
    [["export", "--tla", "spec/pool.stake", "-o", "spec/pool.stake"], "stakecheck: spec/pool.stake: cannot write (EEXIST)"],
  ])("refuses %j in one line, exit 2", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
  });

  it("a spec with errors: the located diagnostics, exit 2, nothing written", async () => {
    const file = spec("bad.stake", "spec Bad\nvar x: 0 .. 3 = 0\naction a() { x += }\n");
    const r = await runCli(["export", "--tla", file, "-o", join(dir, "bad")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:3:`);
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });

  it("a value beyond TLC's 32-bit integers is refused, with its place, rather than exported", async () => {
    const file = spec("big.stake", "spec Big\nvar x: 0 .. 100000 = 0\naction grow() {\n  require x * x < 5\n  x += 1\n}\ninvariant ok: x >= 0\n");
    const r = await runCli(["export", "--tla", file, "-o", join(dir, "big")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`stakecheck export: ${file}:4:11: \`x * x\` can reach 10000000000, beyond TLC's 32-bit integers: the export would not answer as stakecheck does (make the ranges smaller)\n`);
    expect(existsSync(join(dir, "big"))).toBe(false);
  });

  it("fractions are exported scaled by one denominator, said in the header", async () => {
    const file = spec("frac.stake", "spec Frac\nvar x: 0 .. 2 step 1/2 = 0\nvar y: 0 .. 1 step 1/3 = 0\naction grow() {\n  require x < 2\n  x += 1/2\n  y = min(1, x * y + 1/3)\n}\ninvariant ok: x >= 0\n");
    const r = await runCli(["export", "--tla", file, "-o", join(dir, "frac")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const tla = readFileSync(join(dir, "frac", "Frac.tla"), "utf8");
    expect(tla).toContain("\\* Fractions: every number in this module is scaled by 6 (the TLA+ value n stands for n/6),");
    // 0 .. 2 step 1/2 and 0 .. 1 step 1/3, scaled by 6; a product divided by 6 once.
    expect(tla).toContain("x \\in {elem * 3 : elem \\in 0 .. 4}");
    expect(tla).toContain("y \\in {elem * 2 : elem \\in 0 .. 3}");
    expect(tla).toContain("Min(6, (x_1 * y) \\div 6 + 2)");
  });

  it("a fraction whose scaled value goes beyond TLC's integers is refused, with the scale named", async () => {
    const file = spec("bigfrac.stake", "spec BigFrac\nvar x: 0 .. 100 step 1/1000 = 0\naction grow() {\n  require x * x < 5\n  x += 1/1000\n}\ninvariant ok: x >= 0\n");
    const r = await runCli(["export", "--tla", file, "-o", join(dir, "bigfrac")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`stakecheck export: ${file}:4:11: \`x * x\` can reach 10000000000 (numbers are scaled by 1000000 for the spec's fractions), beyond TLC's 32-bit integers: the export would not answer as stakecheck does (make the ranges smaller)\n`);
    expect(existsSync(join(dir, "bigfrac"))).toBe(false);
  });
});

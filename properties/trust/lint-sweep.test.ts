// `lint --const N=0..5` lints every swept configuration, not only the first (issue 19: it checked
// N = 0 and said nothing about the others).

import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

const SPEC = "properties/trust/specs/sweep-lint.stake";

describe("lint over a sweep", () => {
  it("finds the error that only the last configuration has, and says which one (exit 2)", async () => {
    const r = await runCli(["lint", SPEC, "--const", "N=0..5"]);
    expect(r.code).toBe(2);
    expect(r.stdout.trim()).toBe(`${SPEC}: 1 error in 6 configurations; errors with N = 5`);
    expect(r.stderr).toContain("with N = 5:\n");
    expect(r.stderr).toContain("error: the range 0 .. -1 is empty (with N = 5 from --const)");
  });

  it("a list sweep too; a sweep where every configuration is clean exits 0", async () => {
    expect((await runCli(["lint", SPEC, "--const", "N=1,5"])).code).toBe(2);
    const clean = await runCli(["lint", SPEC, "--const", "N=0..4"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout.trim()).toBe(`${SPEC}: no problems in 5 configurations`);
  });

  it("a single value lints as before", async () => {
    const r = await runCli(["lint", SPEC, "--const", "N=2"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${SPEC}: no problems`);
  });
});

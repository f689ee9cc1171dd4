// The project's own regression corpus, and stakecheck's vitest helpers used as a user would use
// them: every saved counterexample in counterexamples/ must still violate (an engine change that
// loses a bug fails here), and the shipped specs' properties hold, one test each.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSpecInVitest, corpusTests, replayCorpus, specTests, StakecheckFailure } from "../../src/vitest.js";

replayCorpus("counterexamples", { expect: "violation" });

checkSpecInVitest("spec/pool.stake");
checkSpecInVitest("spec/anchor-bft.stake", { consts: { N: 4, F: 1 } });

describe("the vitest helpers", () => {
  const dir = mkdtempSync(join(tmpdir(), "stakecheck-vitest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("specTests: one test per property, named by kind; a violated one fails with the counterexample", () => {
    const { title, tests } = specTests("spec/anchor-bft.stake", { consts: { F: 2 } });
    expect(title).toBe("AnchorBFT (spec/anchor-bft.stake) (F = 2)");
    expect(tests.map((t) => t.name)).toEqual(["invariant Agreement", "invariant AccountableSafety", "well_typed"]);
    expect(() => tests[0].run()).toThrow(StakecheckFailure);
    expect(() => tests[0].run()).toThrow(/invariant `Agreement` is violated after 6 steps[\s\S]*step 6  ByzVote\(v = 1, x = B\)/);
    expect(() => tests[1].run()).not.toThrow();
    expect(() => tests[2].run()).not.toThrow();
  });

  it("specTests: only the named properties; a spec with errors is one failing test", () => {
    expect(specTests("spec/pool.stake", { only: ["conservation"] }).tests.map((t) => t.name)).toEqual(["invariant conservation", "well_typed"]);
    const broken = join(dir, "broken.stake");
    writeFileSync(broken, "spec Broken\nvar x: 0 .. 3 = 0\ninvariant ok: y == 0\n");
    const { tests } = specTests(broken);
    expect(tests.map((t) => t.name)).toEqual(["loads"]);
    expect(() => tests[0].run()).toThrow(/unknown .*`y`/);
  });

  it("corpusTests: one test per file; expecting passes makes the corpus's tests fail with the verdict", () => {
    const { tests } = corpusTests("counterexamples", { expect: "pass" });
    expect(tests.length).toBeGreaterThanOrEqual(2);
    for (const t of tests) expect(() => t.run()).toThrow(/still violates/);
  });

  it("corpusTests: an empty or missing corpus is a failing test, not silence", () => {
    const { tests } = corpusTests(join(dir, "nothing-here"));
    expect(tests.map((t) => t.name)).toEqual(["has counterexamples"]);
    expect(() => tests[0].run()).toThrow(/no counterexample files/);
  });
});

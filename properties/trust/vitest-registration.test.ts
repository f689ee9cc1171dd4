// What the vitest helpers register, seen from vitest's side: the describe and test names, the
// timeouts, and what each registered body does when vitest runs it. `describe` and `it` are
// replaced by recorders (vi.doMock before the helpers are imported), so a helper that registers
// nothing, a wrong name or a body that cannot fail is a failing test here (mutation testing found
// all three surviving: the helpers' own suites pass just as well when nothing is registered).

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

interface Registered {
  readonly kind: "describe" | "it";
  readonly name: string;
  readonly depth: number;
  readonly fn?: () => unknown;
  readonly timeout?: number;
}

let calls: Registered[] = [];
let depth = 0;
let helpers: typeof import("../../src/vitest.js");

beforeAll(async () => {
  vi.resetModules();
  vi.doMock("vitest", async (importOriginal) => ({
    ...(await importOriginal<typeof import("vitest")>()),
    describe: (name: string, fn: () => void) => {
      calls.push({ kind: "describe", name, depth });
      depth++;
      try {
        fn();
      } finally {
        depth--;
      }
    },
    it: (name: string, fn: () => unknown, timeout?: number) => {
      calls.push({ kind: "it", name, depth, fn, ...(timeout !== undefined ? { timeout } : {}) });
    },
  }));
  helpers = await import("../../src/vitest.js");
});

afterAll(() => {
  vi.doUnmock("vitest");
  vi.resetModules();
});

/** The calls a helper makes, recorded. */
function record(register: () => void): Registered[] {
  calls = [];
  register();
  return calls;
}

const names = (rs: readonly Registered[]) => rs.map((r) => `${"  ".repeat(r.depth)}${r.kind} ${r.name}`);

/** Runs a registered body; its error message, or null when it passes. */
async function outcome(r: Registered): Promise<string | null> {
  try {
    await r.fn!();
    return null;
  } catch (e) {
    expect((e as Error).name).toBe("StakecheckFailure");
    expect(e).toBeInstanceOf(helpers.StakecheckFailure);
    return (e as Error).message;
  }
}

const dir = mkdtempSync(join(tmpdir(), "stakecheck-vitest-registration-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkSpecInVitest registers", () => {
  it("one describe named after the spec, its path and its consts, holding one test per property and well_typed", async () => {
    const rs = record(() => helpers.checkSpecInVitest("spec/anchor-bft.stake", { consts: { N: 4, F: 2 } }));
    expect(names(rs)).toEqual([
      "describe AnchorBFT (spec/anchor-bft.stake) (N = 4, F = 2)",
      "  it invariant Agreement",
      "  it invariant AccountableSafety",
      "  it well_typed",
    ]);
    const [agreement, accountable, wellTyped] = await Promise.all(rs.slice(1).map(outcome));
    expect(agreement).toMatch(/^✗ invariant `Agreement` is violated after 6 steps\n/);
    expect(accountable).toBeNull();
    expect(wellTyped).toBeNull();
  });

  it("no consts, no parenthesis after the path", () => {
    expect(names(record(() => helpers.checkSpecInVitest("spec/pool.stake", { only: ["conservation"] })))).toEqual([
      "describe StakingPool (spec/pool.stake)",
      "  it invariant conservation",
      "  it well_typed",
    ]);
  });

  it("a spec with errors: one failing test whose message has the errors and not the warnings", async () => {
    const broken = join(dir, "broken.stake");
    // One error (`y` is unknown) and one warning (a proc never called).
    writeFileSync(broken, "spec Broken\nvar x: 0 .. 3 = 0\nproc idle() {\n  x = x\n}\ninvariant ok: y == 0\n");
    const rs = record(() => helpers.checkSpecInVitest(broken));
    expect(names(rs)).toEqual([`describe ${broken} (${broken})`, "  it loads"]);
    const message = await outcome(rs[1]);
    expect(message).toMatch(/unknown .*`y`/);
    expect(message).not.toMatch(/never called/);
  });
});

describe("replayCorpus registers", () => {
  it("one describe per corpus saying what is expected, one test per file, named by its path in the corpus", async () => {
    const rs = record(() => helpers.replayCorpus("counterexamples"));
    expect(rs[0]).toMatchObject({ kind: "describe", name: "counterexamples in counterexamples (expect still violates)", depth: 0 });
    expect(rs.length).toBeGreaterThan(10);
    const theft = rs.find((r) => r.name === "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json");
    expect(theft).toMatchObject({ kind: "it", depth: 1 });
    expect(await outcome(theft!)).toBeNull();
  });

  it("expect: pass reads `now passes`, and the known bugs fail it", async () => {
    const rs = record(() => helpers.replayCorpus("counterexamples", { expect: "pass" }));
    expect(rs[0].name).toBe("counterexamples in counterexamples (expect now passes)");
    const theft = rs.find((r) => r.name === "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json")!;
    expect(await outcome(theft)).toMatch(/still violates/);
  });

  it("specPath replays every file on that spec instead of the recorded one", async () => {
    const theft = "pool-no-owner-check-no_unauthorized_withdrawal-12e17446.itf.json";
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    cpSync(join("counterexamples", theft), join(corpus, theft));
    // On the fixed pool (the owner check in place) the theft's step is refused, so expecting a
    // violation fails there; on the recorded (buggy) spec, it passes.
    const fixed = record(() => helpers.replayCorpus(corpus, { specPath: "spec/pool.stake" }));
    expect(names(fixed)).toEqual([`describe counterexamples in ${corpus} (expect still violates)`, `  it ${theft}`]);
    expect(await outcome(fixed[1])).toMatch(/diverged at step 3: `withdraw\(a = 0\) by caller = 1` is not enabled any more\n.*spec\/pool\.stake:40:3/);
    const recorded = record(() => helpers.replayCorpus(corpus));
    expect(await outcome(recorded[1])).toBeNull();
  });

  it("an empty corpus: one failing test", async () => {
    const rs = record(() => helpers.replayCorpus(join(dir, "none")));
    expect(names(rs)).toEqual([`describe counterexamples in ${join(dir, "none")} (expect still violates)`, "  it has counterexamples"]);
    expect(await outcome(rs[1])).toBe(`no counterexample files (*.itf.json) in ${join(dir, "none")}`);
  });
});

describe("checkConformanceInVitest registers", () => {
  const adapter = { init: () => ({}), apply: () => true, read: () => ({}) };

  it("one test named after the implementation and the spec, with a 60 s timeout unless told", () => {
    expect(record(() => helpers.checkConformanceInVitest("spec/pool.stake", adapter))).toMatchObject([
      { kind: "it", name: "the implementation conforms to spec/pool.stake", depth: 0, timeout: 60_000 },
    ]);
    expect(record(() => helpers.checkConformanceInVitest("spec/pool.stake", adapter, { impl: "src/pool.ts", timeout: 5_000 }))).toMatchObject([
      { kind: "it", name: "src/pool.ts conforms to spec/pool.stake", timeout: 5_000 },
    ]);
    expect(record(() => helpers.checkConformanceInVitest("spec/pool.stake", adapter, { name: "mine" }))).toMatchObject([{ kind: "it", name: "mine", timeout: 60_000 }]);
  });
});

describe("fuzzSpecInVitest registers", () => {
  it("one test named after the spec and its consts, with a 60 s timeout unless told", () => {
    expect(record(() => helpers.fuzzSpecInVitest("spec/pool.stake", { consts: { N: 5 }, runs: 1 }))).toMatchObject([
      { kind: "it", name: "spec/pool.stake (N = 5) survives random walks", depth: 0, timeout: 60_000 },
    ]);
    expect(record(() => helpers.fuzzSpecInVitest("spec/pool.stake", { name: "walks", timeout: 7_000 }))).toMatchObject([{ kind: "it", name: "walks", timeout: 7_000 }]);
  });

  it("whose body fails with the shrunk counterexample on a buggy spec, and passes on the fixed one", async () => {
    const [buggy] = record(() => helpers.fuzzSpecInVitest("spec/buggy/pool-no-owner-check.stake", { seed: 11, runs: 2_000 }));
    expect(await outcome(buggy)).toMatch(/no_unauthorized_withdrawal/);
    const [fixed] = record(() => helpers.fuzzSpecInVitest("spec/pool.stake", { seed: 11, runs: 50 }));
    expect(await outcome(fixed)).toBeNull();
  });
});
